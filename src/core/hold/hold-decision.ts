/**
 * What the protection rule does with a deploy the gate blocks, under
 * `on-block`: hold it (answer nothing yet), approve it, or reject it. Only a
 * block that time can lift is held: a freeze (a window or a freeze on command)
 * and the error budget (its status or a fast-burn guard). An evaluation error
 * (UNKNOWN), a stale DR drill or anything else is rejected at once, fail closed.
 */
import { HOLD_LIMIT_MAX_MS } from '../policy/defaults.js';
import type { ResolvedPolicy } from '../policy/resolve-policy.js';
import type { Finding, Report } from '../report/report-schema.js';
import { isAtOrPast } from '../status.js';

/** The finding sources a hold waits out. */
const HOLDABLE_SOURCES: ReadonlySet<Finding['source']> = new Set(['freeze', 'budget', 'burn-rate']);

export type HoldDecision =
  | { action: 'approve' }
  | { action: 'hold'; until: Date; waitingFor: string[] }
  /**
   * `policy`: the policy says reject (`on-block: reject`, the default); `not-holdable`: blocked by something a hold
   * does not wait for; `limit`: held as long as it may be.
   */
  | { action: 'reject'; why: 'policy' | 'not-holdable' | 'limit' };

export interface HoldQuestion {
  report: Report;
  policy: Pick<ResolvedPolicy, 'onBlock' | 'hold'>;
  /** When the hold began (now, for a deploy not held yet). */
  since: Date;
  now: Date;
  /** The end promised when it was held (its comment says it); null when unknown. A later policy may only shorten it. */
  until?: Date | null;
}

/** The findings that block this report's deploy (at or past `block-on`). */
function blockingFindings(report: Report): Finding[] {
  return report.findings.filter((f) => f.status !== 'NORMAL' && f.status !== 'UNKNOWN' && isAtOrPast(f.status, report.decision.blockOn));
}

/** Hold, approve or reject a deploy, from the gate's report for it and the policy's `on-block` and `hold`. */
export function decideHold(q: HoldQuestion): HoldDecision {
  const d = q.report.decision;
  if (d.canDeploy || d.mode === 'report') return { action: 'approve' };
  const blocking = blockingFindings(q.report);
  const holdable = d.status !== 'UNKNOWN' && blocking.length > 0 && blocking.every((f) => HOLDABLE_SOURCES.has(f.source));
  if (!holdable) return { action: 'reject', why: 'not-holdable' };
  if (q.policy.onBlock !== 'hold') return { action: 'reject', why: 'policy' };
  const since = q.since.getTime();
  const until = Math.min(since + q.policy.hold.limitMs, since + HOLD_LIMIT_MAX_MS, q.until?.getTime() ?? Infinity);
  if (q.now.getTime() >= until) return { action: 'reject', why: 'limit' };
  return { action: 'hold', until: new Date(until), waitingFor: blocking.map((f) => f.message).slice(0, 5) };
}

/**
 * When a held deploy is next evaluated: one interval on, spread by ±10% (`random` in [0, 1)) so that holds taken
 * together do not all query Prometheus at the same instant, and never after the hold's end (it is rejected then).
 */
export function nextEvaluation(now: Date, intervalMs: number, until: Date, random: number): Date {
  const spread = intervalMs * 0.1 * (2 * random - 1);
  return new Date(Math.min(now.getTime() + intervalMs + spread, until.getTime()));
}

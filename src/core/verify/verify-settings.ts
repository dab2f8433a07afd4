/**
 * Post-deploy verification's settings: the policy's `verify` section (schema.ts)
 * with its defaults, then the `verify-*` inputs (verify-inputs.ts) over it.
 *
 * The rule (judge.ts): an SLO regressed when its short-window burn rate after the
 * deploy exceeds BOTH `factor` × its burn rate before the deploy AND `floor`.
 * The defaults, and why:
 *
 * - **factor 2.** Spinnaker's Kayenta judges a canary *relative to a baseline*
 *   (its best practices: compare against a baseline, not absolute values), and
 *   flags a metric only when the difference is large, not when it is merely
 *   measurable. A doubling of the burn rate over the gate's own pre-deploy
 *   reading is such a difference for a service that was healthy before, and the
 *   smallest one a 5-minute window tells from noise at a few hundred requests a
 *   minute.
 * - **floor 1 (1× budget burn).** Argo Rollouts' analysis templates fail on an
 *   *absolute* condition (the usual example: a 5-minute success rate below 95%).
 *   The SLO's own absolute line is a burn rate of 1: the rate at which the budget
 *   lasts exactly its window. Below it the service is within its objective
 *   whatever the ratio to before, so a rise from 0.05× to 0.5× (a "10×
 *   regression" of almost nothing) never rolls back a deploy.
 * - **window 5m.** The short window of the SRE workbook's fastest alert pair
 *   (1h/5m): long enough for increase() at a 1-minute scrape, short enough to see
 *   a regression within the bake.
 * - **bake 15m, interval 1m.** Flagger analyses every minute; fifteen one-minute
 *   polls cover three full short windows after the deploy, and a regression ends
 *   the bake at the poll that sees it.
 * - **no-data fail.** No samples after the deploy is not a pass: a deploy that
 *   stopped the service's metrics (or its traffic) looks exactly like that.
 */
import { DURATION_FORM, parseDurationMs } from '../duration.js';
import { PolicyError, type PolicyIssue } from '../policy/policy-error.js';

/** The policy's `verify` section as the schema parses it (every key optional). */
export interface VerifyConfig {
  bake?: string | undefined;
  interval?: string | undefined;
  window?: string | undefined;
  factor?: number | undefined;
  floor?: number | undefined;
  'no-data'?: 'fail' | 'pass' | undefined;
}

/** Verification as it runs: every value set, durations also in milliseconds. */
export interface VerifySettings {
  /** How long to watch after the deploy, e.g. `15m`. */
  bake: string;
  bakeMs: number;
  /** Time between polls (one round of queries each), e.g. `1m`. */
  interval: string;
  intervalMs: number;
  /** The short window whose burn rate each poll reads, e.g. `5m`. */
  window: string;
  /** How many times the pre-deploy burn rate the short-window rate must exceed. */
  factor: number;
  /** The burn rate the short-window rate must also exceed (1 = exactly on budget). */
  floor: number;
  /** What an SLO without a single measured poll (no data, no traffic, errors) does: `fail` (the default) or `pass`. */
  noData: 'fail' | 'pass';
}

/** The defaults (see the file's comment for why). */
export const VERIFY_DEFAULTS = { bake: '15m', interval: '1m', window: '5m', factor: 2, floor: 1, noData: 'fail' } as const;

/** Polls closer than this would query faster than Prometheus's series change (a scrape is 15 s to 1 m). */
const MIN_INTERVAL_MS = 5_000;
/** A GitHub-hosted job runs at most 6 hours; a longer bake could never finish. */
const MAX_BAKE_MS = 6 * 3_600_000;

/** How a source spells the two keys checked together (`verify.bake` in the file, `bake` as an input, `--bake` as a flag). */
export type VerifyKeyNames = Readonly<Record<'bake' | 'interval', string>>;

/**
 * The settings from `config` over the defaults, checked together (a single value's form was checked by its
 * schema). `source` and `names` say where the values came from, for the error.
 * @throws PolicyError naming the value and the accepted range
 */
export function resolveVerifySettings(
  config: VerifyConfig | undefined,
  source: string,
  names: VerifyKeyNames = { bake: 'verify.bake', interval: 'verify.interval' },
): VerifySettings {
  const bake = config?.bake ?? VERIFY_DEFAULTS.bake;
  const interval = config?.interval ?? VERIFY_DEFAULTS.interval;
  const bakeMs = parseDurationMs(bake);
  const intervalMs = parseDurationMs(interval);
  const issues: PolicyIssue[] = [];
  if (intervalMs < MIN_INTERVAL_MS)
    issues.push({ path: names.interval, message: `expected at least 5s (${DURATION_FORM}); got "${interval}"` });
  if (bakeMs > MAX_BAKE_MS) issues.push({ path: names.bake, message: `expected at most 6h, the longest a job may run; got "${bake}"` });
  if (intervalMs > bakeMs)
    issues.push({
      path: names.interval,
      message: `expected at most the bake time (${bake}), so that at least one poll happens; got "${interval}"`,
    });
  if (issues.length > 0) throw new PolicyError(source, issues);
  return {
    bake,
    bakeMs,
    interval,
    intervalMs,
    window: config?.window ?? VERIFY_DEFAULTS.window,
    factor: config?.factor ?? VERIFY_DEFAULTS.factor,
    floor: config?.floor ?? VERIFY_DEFAULTS.floor,
    noData: config?.['no-data'] ?? VERIFY_DEFAULTS.noData,
  };
}

/**
 * The gate: evaluates every SLO, the DR checks and the freeze windows of one
 * resolved policy at one timestamp, all queries in parallel, and returns the
 * report. Pure apart from the injected Prometheus seam.
 */
import type { ExclusionOrigins } from '../exclusions/admit-exclusions.js';
import type { ResolvedPolicy } from '../policy/resolve-policy.js';
import type { ActiveFreeze } from '../report/report-schema.js';
import type { PrometheusQuerier } from '../prometheus/querier.js';
import { REPORT_SCHEMA_ID, type Finding, type Report, type RunInfo } from '../report/report-schema.js';
import { fitHistories } from './budget-history.js';
import { CountingQuerier } from './counting-querier.js';
import { decide } from './decide.js';
import { evaluateDr } from './evaluate-dr.js';
import { evaluateSlo } from './evaluate-slo.js';
import { summarizeBudget } from './summarize-budget.js';

const NO_ORIGINS: ExclusionOrigins = { unavailable: "the policy file's history was not read (no GitHub token)" };

export interface EvaluateOptions {
  policy: ResolvedPolicy;
  prometheus: PrometheusQuerier;
  /** The one evaluation timestamp every query uses. */
  now: Date;
  run?: RunInfo | null;
  /** Per-query timeout the querier applies, to warn about raw queries close to it (default: the policy's Prometheus timeout). */
  timeoutMs?: number | null;
  /** A monotonic clock in milliseconds (injectable for tests). */
  clock?: () => number;
  /** Freezes on command in force for this environment (src/core/freeze/freeze-command.ts): they block like freeze windows. */
  freezes?: readonly ActiveFreeze[];
  /**
   * When and by whom each exclusion was added, per GitHub (src/github/read-exclusion-origins.ts). Without it, every
   * exclusion interval that has started is refused (fail closed: the budget keeps it).
   */
  exclusionOrigins?: ExclusionOrigins;
  /** Where the policy came from, for the errors it causes at evaluation (too many excluded intervals). */
  source?: string;
}

export async function evaluatePolicy({
  policy,
  prometheus,
  now,
  run = null,
  timeoutMs,
  clock,
  freezes = [],
  exclusionOrigins = NO_ORIGINS,
  source = '.github/deploy-governor.yml',
}: EvaluateOptions): Promise<Report> {
  const counting = new CountingQuerier(prometheus);
  // The cron library loads only for policies that have exclusions, as for freeze windows below.
  const excluded =
    policy.exclusions.length === 0
      ? null
      : (await import('../exclusions/plan-exclusions.js')).planExclusions(policy, now, exclusionOrigins, source);
  const sloOptions = {
    useRecordingRules: policy.useRecordingRules,
    unknownGuards: policy.unknownGuards,
    timeoutMs: timeoutMs === undefined ? (policy.prometheus?.timeoutMs ?? null) : timeoutMs,
    ...(clock !== undefined ? { clock } : {}),
  };
  const [slos, dr] = await Promise.all([
    Promise.all(
      policy.slos.map((slo) =>
        evaluateSlo(slo, policy.burnRateGuards, policy.thresholds, counting, now, {
          ...sloOptions,
          ...(excluded !== null ? { exclusions: excluded.intervals.get(slo.name) ?? [] } : {}),
        }),
      ),
    ),
    policy.dr ? evaluateDr(policy.dr, counting, now) : Promise.resolve({ result: null, findings: [] }),
  ]);
  // The cron library loads only for policies that have freeze windows (it is a noticeable part of the Action's start).
  const windows =
    policy.freezeWindows.length === 0
      ? []
      : (await import('../freeze/active-freeze-windows.js')).activeFreezeWindows(policy.freezeWindows, now);
  const active = [...windows, ...freezes];
  const advisoryWindows = new Set(policy.freezeWindows.filter((w) => w.enforcement === 'advisory').map((w) => w.name));
  const freezeFindings: Finding[] = [
    ...windows.map((w) => ({ w, rule: `freeze-window:${w.name}`, advisory: advisoryWindows.has(w.name) })),
    ...freezes.map((w) => ({ w, rule: 'freeze-command', advisory: false })),
  ].map(({ w, rule, advisory }) => ({
    source: 'freeze',
    status: 'FREEZE',
    message: `Deploy freeze "${w.name}" is active${w.until ? ` until ${w.until}` : ''}${w.reason ? `: ${w.reason}` : ''}${advisory ? ' (advisory)' : ''}`,
    rule,
    ...(advisory ? { enforcement: 'advisory' as const } : {}),
  }));
  const findings = [...slos.flatMap((s) => s.findings), ...dr.findings, ...freezeFindings, ...(excluded?.findings ?? [])];
  // The charts' histories that fit: at most a few SLOs, and never more than the check run can carry.
  return fitHistories(
    slos.map((s) => s.result),
    (sloResults, chartNote) => {
      const all: Finding[] = chartNote === null ? findings : [...findings, { source: 'budget', status: 'NORMAL', message: chartNote }];
      return {
        schema: REPORT_SCHEMA_ID,
        environment: policy.environment,
        evaluatedAt: now.toISOString(),
        decision: decide(policy, all),
        budget: summarizeBudget(sloResults),
        slos: sloResults,
        dr: dr.result,
        freeze: { active },
        findings: all,
        override: null,
        prometheus: { url: prometheus.displayUrl, queries: counting.queries, samplesTouched: counting.samplesTouched },
        run,
        ...(excluded !== null && excluded.audit.length > 0 ? { exclusions: excluded.audit } : {}),
      };
    },
  );
}

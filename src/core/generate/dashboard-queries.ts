/**
 * The PromQL behind every dashboard panel, apart from the panels themselves so
 * the queries can be read (and tested) on their own. Grafana variables used:
 * `$environment` (custom variable), `$__range` and `$__rate_interval` (built in).
 */
import { durationDays } from '../duration.js';
import type { ResolvedSlo } from '../policy/resolve-policy.js';
import { lastValueQuery } from '../promql/promql.js';
import { SERIES, sloSelector } from './recorded-series.js';

/** A regex matching exactly these SLO names (names hold letters, digits, `.`, `_`, `-`; the dot is escaped as `[.]`). */
function sloNamesRegex(slos: readonly Pick<ResolvedSlo, 'name'>[]): string {
  return slos.map((s) => s.name.replace(/\./g, '[.]')).join('|');
}

export const sloQueries = {
  budgetRemaining: (slo: ResolvedSlo) => `${SERIES.budgetRemaining}${sloSelector(slo)}`,
  /** R × window days / burn rate over 1h, as the gate computes it (src/core/budget/budget-math.ts). */
  daysToExhaustion: (slo: ResolvedSlo) =>
    `clamp_min(${SERIES.budgetRemaining}${sloSelector(slo)}, 0) * ${durationDays(slo.window)} / ${SERIES.burnRate('1h')}${sloSelector(slo)}`,
  burnRate: (slo: ResolvedSlo, window: string) => `${SERIES.burnRate(window)}${sloSelector(slo)}`,
  compliance: (slo: ResolvedSlo) => `1 - ${SERIES.errorRatio(slo.window)}${sloSelector(slo)}`,
  objective: (slo: ResolvedSlo) => `${SERIES.objective}${sloSelector(slo)}`,
};

/** One query per table column, each one row per SLO (different windows become one expression with `or`). */
export function complianceTableQueries(slos: readonly ResolvedSlo[]): { column: string; expr: string }[] {
  const names = `{slo=~"${sloNamesRegex(slos)}"}`;
  const byWindow = new Map<string, ResolvedSlo[]>();
  for (const slo of slos) byWindow.set(slo.window, [...(byWindow.get(slo.window) ?? []), slo]);
  const compliance = [...byWindow.entries()]
    .map(([w, list]) => `(1 - ${SERIES.errorRatio(w)}{slo=~"${sloNamesRegex(list)}"})`)
    .join(' or ');
  return [
    { column: 'Objective', expr: `${SERIES.objective}${names}` },
    { column: 'Compliance (SLO window)', expr: compliance },
    { column: 'Budget remaining', expr: `${SERIES.budgetRemaining}${names}` },
    { column: 'Burn rate (1h)', expr: `${SERIES.burnRate('1h')}${names}` },
  ];
}

export const drQueries = {
  drillAge: (metric: string, lookback: string) => `time() - ${lastValueQuery(metric, lookback)}`,
  backupProbe: (query: string, lookback: string) => lastValueQuery(query, lookback, 'min'),
  lastValue: (metric: string, lookback: string) => lastValueQuery(metric, lookback),
};

const ENV = 'environment="$environment"';

/** Decisions counted from changes of the pushed decision timestamp (one per push; pushes closer than a scrape merge). */
function decisionCount(filter: string): string {
  const pushes = `changes(deploy_governor_decision_timestamp_seconds{${ENV}}[1m])`;
  const inner = filter === '' ? pushes : `${pushes} and ignoring (status, allowed, overridden) deploy_governor_decision{${ENV}, ${filter}}`;
  return `sum(sum_over_time((${inner})[$__range:1m])) or vector(0)`;
}

export const governanceQueries = {
  decisions: () => decisionCount(''),
  blocked: () => decisionCount('allowed="false"'),
  overridden: () => decisionCount('overridden="true"'),
  latest: () => `deploy_governor_decision{${ENV}}`,
  statusOverTime: () => `max by (status) (deploy_governor_decision{${ENV}})`,
};

/**
 * An SLO window's error ratio without its excluded intervals: the window's
 * errors and events minus those of each interval (read with `@`-pinned range
 * queries, exclusion-queries.ts), divided once, so the ratio stays
 * traffic-weighted. With minute-aligned intervals over samples on the minute,
 * each pinned `increase()` reads exactly the samples of its interval, so the
 * result equals the count over the minutes left (test/integration/gate-exclusions).
 */
import { SliError } from '../evaluate/sli-error.js';
import type { ResolvedSlo } from '../policy/resolve-policy.js';
import type { PrometheusQuerier } from '../prometheus/querier.js';
import type { SloExclusion } from '../report/report-schema.js';
import { boundedRatio, finiteCount, measured, noData, noTraffic } from '../sli/read-answers.js';
import type { WindowMeasurement } from '../sli/sli-kind.js';
import type { ExcludedInterval } from './excluded-intervals.js';
import { exclusionQueries, PART_LABEL, WINDOW_PART } from './exclusion-queries.js';

export interface ExcludedMeasurement {
  /** The window's ratio without the intervals. */
  measurement: WindowMeasurement;
  /** What each interval returned to the budget (empty unless the window was measured). */
  returned: SloExclusion[];
}

/** The counts of a combined answer, by part: the window's, and each interval's (0 when its part is absent). */
async function readParts(
  prometheus: PrometheusQuerier,
  query: string,
  time: Date,
  role: string,
  count: number,
): Promise<{ window: number | null; intervals: number[] }> {
  const result = await prometheus.query(query, time);
  const byPart = new Map<string, number>();
  for (const s of result.samples) {
    const part = s.labels[PART_LABEL] ?? '';
    // Each part is one sum(...): two samples of one part mean the kind's count was not a single series.
    if (byPart.has(part)) throw new SliError(`the ${role} query returned two series for part ${part} (query: ${query})`);
    byPart.set(part, finiteCount(s.value, query, role) ?? 0);
  }
  return {
    window: byPart.get(WINDOW_PART) ?? null,
    intervals: Array.from({ length: count }, (_, i) => byPart.get(String(i)) ?? 0),
  };
}

/**
 * The ratio of `slo` over its window at `time` without `intervals` (disjoint, clipped to the window).
 * @throws PrometheusQueryError when Prometheus fails, SliError when an answer is unusable
 */
export async function measureExcluded(
  slo: ResolvedSlo,
  intervals: readonly ExcludedInterval[],
  prometheus: PrometheusQuerier,
  time: Date,
): Promise<ExcludedMeasurement> {
  const q = exclusionQueries(slo.sli, slo.window, intervals);
  const excludedMs = intervals.reduce((sum, iv) => sum + (iv.end.getTime() - iv.start.getTime()), 0);
  if (excludedMs >= slo.windowMs) {
    // Nothing is left to judge: no query can tell a budget over no time.
    return { measurement: noTraffic(q.total, `the exclusions cover the whole ${slo.window} window`), returned: [] };
  }
  const [errors, totals] = await Promise.all([
    readParts(prometheus, q.error, time, 'error', intervals.length),
    readParts(prometheus, q.total, time, 'total', intervals.length),
  ]);
  if (totals.window === null) return { measurement: noData(q.total, 'the total query returned no samples'), returned: [] };
  // An interval's errors never exceed its events (increase() may extrapolate the two a little differently).
  const intervalErrors = errors.intervals.map((e, i) => Math.min(e, totals.intervals[i]!));
  const total = totals.window - totals.intervals.reduce((a, b) => a + b, 0);
  if (total <= 0)
    return {
      measurement: noTraffic(q.total, `no events are left in the ${slo.window} window once the exclusions are taken out`),
      returned: [],
    };
  const windowErrors = errors.window ?? 0;
  const left = Math.max(windowErrors - intervalErrors.reduce((a, b) => a + b, 0), 0);
  // The window's budget in events, after exclusions: what each interval's errors are a share of.
  const budgetEvents = total * (1 - slo.objective / 100);
  return {
    measurement: measured(boundedRatio(left / total, slo.window)),
    returned: intervals.map((iv, i) => ({
      name: iv.name,
      kind: iv.kind,
      from: iv.start.toISOString(),
      to: iv.end.toISOString(),
      eventsExcluded: totals.intervals[i]!,
      errorsReturned: intervalErrors[i]!,
      budgetReturned: (100 * intervalErrors[i]!) / budgetEvents,
    })),
  };
}

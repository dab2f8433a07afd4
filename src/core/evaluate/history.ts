/**
 * How far back an SLO's data goes, when that is less than its window: a young
 * service or a short retention gives a budget over the days that exist, which
 * the report must say.
 *
 * One extra query, on the raw path only, and cheap by construction: the SLI's
 * traffic query over one hour, evaluated at each day boundary of the window
 * (`min_over_time(timestamp(<traffic over 1h>)[<window>:1d])`). That reads 1/24
 * of the samples the window's own query reads, whatever the window. The
 * recorded path needs nothing more: it is used only when its coverage probe
 * found recordings at the window's start. A `count_over_time` of the raw
 * counters would read every sample of the window again, and the oldest-sample
 * form (`min_over_time(timestamp(sel)[…])`) needs a plain selector, which an
 * events SLI's query is not.
 */
import { HISTORY_PROBE_WINDOW, oldestDataQuery } from '../promql/promql.js';
import type { ResolvedSlo } from '../policy/resolve-policy.js';
import type { PrometheusQuerier } from '../prometheus/querier.js';
import { PrometheusQueryError } from '../prometheus/query-error.js';
import { sliKindOf } from '../sli/registry.js';

const DAY_SECONDS = 86_400;
const PROBE_SECONDS = 3_600;

/** The history query of an SLO. */
export function historyQuery(slo: Pick<ResolvedSlo, 'sli' | 'window'>): string {
  return oldestDataQuery(sliKindOf(slo.sli).trafficQuery(slo.sli, HISTORY_PROBE_WINDOW), slo.window);
}

/**
 * The first day boundary (Unix seconds) at which the SLO had data; null when no
 * boundary had any; undefined when the query failed (the history is then not
 * reported: the evaluation itself does not depend on it).
 */
export async function oldestData(
  slo: Pick<ResolvedSlo, 'sli' | 'window'>,
  prometheus: PrometheusQuerier,
  time: Date,
): Promise<number | null | undefined> {
  try {
    const { samples } = await prometheus.query(historyQuery(slo), time);
    const values = samples.map((s) => s.value).filter(Number.isFinite);
    return values.length === 0 ? null : Math.min(...values);
  } catch (error: unknown) {
    if (error instanceof PrometheusQueryError) return undefined;
    throw error;
  }
}

/**
 * Days of history the data covers when that is less than the window, else null.
 * @param oldest the history query's answer (null: no day boundary had data)
 * @param recentData whether the most recent hour had data (then an empty answer means less than a day of history, not
 *    a query the probe cannot read)
 */
export function shortHistoryDays(oldest: number | null, now: Date, windowMs: number, recentData: boolean): number | null {
  const nowSeconds = now.getTime() / 1000;
  const windowStart = nowSeconds - windowMs / 1000;
  if (oldest === null) {
    if (!recentData) return null;
    // No day boundary saw data, yet the last hour has some: the data began after the last boundary's probe hour.
    const lastBoundary = Math.floor(nowSeconds / DAY_SECONDS) * DAY_SECONDS;
    return Math.min(windowMs / 1000, nowSeconds - lastBoundary + PROBE_SECONDS) / DAY_SECONDS;
  }
  // The first boundary inside the window is less than a day after its start: data there means a full window.
  if (oldest < windowStart + DAY_SECONDS + PROBE_SECONDS) return null;
  return (nowSeconds - oldest) / DAY_SECONDS;
}

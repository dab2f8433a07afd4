/**
 * A querier that sends at most `max` queries at once. One evaluation fires all
 * its queries in parallel (one timestamp, least wall time); a policy with many
 * SLOs must not turn that into a burst against a Prometheus shared by every
 * tenant, so the gate bounds it (8 by default). Range queries share the slots.
 */
import type { InstantResult, PrometheusQuerier, QueryRange, RangeResult } from './querier.js';

export const DEFAULT_QUERY_CONCURRENCY = 8;

export function limitConcurrency(inner: PrometheusQuerier, max: number): PrometheusQuerier {
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = () => (running < max ? (running++, Promise.resolve()) : new Promise<void>((resolve) => waiting.push(resolve)));
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  const limited = async <T>(run: () => Promise<T>): Promise<T> => {
    await acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };
  const rangeOf = inner.queryRange?.bind(inner);
  return {
    displayUrl: inner.displayUrl,
    query: (promql: string, time: Date): Promise<InstantResult> => limited(() => inner.query(promql, time)),
    ...(rangeOf ? { queryRange: (promql: string, range: QueryRange): Promise<RangeResult> => limited(() => rangeOf(promql, range)) } : {}),
  };
}

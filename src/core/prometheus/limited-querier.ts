/**
 * A querier that sends at most `max` queries at once. One evaluation fires all
 * its queries in parallel (one timestamp, least wall time); a policy with many
 * SLOs must not turn that into a burst against a Prometheus shared by every
 * tenant, so the gate bounds it (8 by default).
 */
import type { InstantResult, PrometheusQuerier } from './querier.js';

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
  return {
    displayUrl: inner.displayUrl,
    async query(promql: string, time: Date): Promise<InstantResult> {
      await acquire();
      try {
        return await inner.query(promql, time);
      } finally {
        release();
      }
    },
  };
}

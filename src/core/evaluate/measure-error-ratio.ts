/**
 * Reads one SLI's error ratio over one window. Traffic-weighted by construction:
 * errors and totals are both `increase()` over the same window, divided once.
 */
import type { InstantResult, PrometheusQuerier } from '../prometheus/querier.js';
import type { ResolvedSli } from '../policy/resolve-policy.js';
import { SliError } from './sli-error.js';

const WINDOW_PLACEHOLDER = /\{\{\s*\.?window\s*\}\}/g;

/** Substitute the window into a `{{window}}` / `{{.window}}` template. */
export function renderWindowQuery(template: string, window: string): string {
  return template.replace(WINDOW_PLACEHOLDER, window);
}

/** Label matchers joined with extra ones: `job="api"` + `le="0.3"`. */
function matchers(...parts: string[]): string {
  const kept = parts.filter((p) => p.trim() !== '');
  return kept.length > 0 ? `{${kept.join(', ')}}` : '';
}

/** The PromQL one SLI needs for one window (exposed for tests, docs and the bench). */
export function sliQueries(sli: ResolvedSli, window: string): Record<string, string> {
  switch (sli.kind) {
    case 'events':
      return { error: renderWindowQuery(sli.error, window), total: renderWindowQuery(sli.total, window) };
    case 'latency':
      return {
        total: `sum(increase(${sli.metric}_count${matchers(sli.selector)}[${window}]))`,
        buckets: `sum by (le) (increase(${sli.metric}_bucket${matchers(sli.selector)}[${window}]))`,
      };
    case 'ratio':
      return { ratio: renderWindowQuery(sli.query, window) };
  }
}

/**
 * The single number a query must return: null for an empty vector, an error for
 * several series (the gate cannot guess how to combine them).
 */
function single(result: InstantResult, query: string, role: string): number | null {
  if (result.samples.length === 0) return null;
  if (result.samples.length > 1) {
    throw new SliError(
      `the ${role} query returned ${result.samples.length} series; it must return one number: wrap it in sum(...) (query: ${query})`,
    );
  }
  return result.samples[0]!.value;
}

function finiteCount(value: number | null, query: string, role: string): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value)) {
    throw new SliError(`the ${role} query returned ${value}; expected a finite count of events (query: ${query})`);
  }
  if (value < 0) {
    throw new SliError(`the ${role} query returned a negative count (${value}); use increase() on a counter (query: ${query})`);
  }
  return value;
}

/** Tolerated overshoot from increase() extrapolating two series differently. */
const RATIO_SLACK = 0.01;

function boundedRatio(ratio: number, context: string): number {
  if (ratio > 1 + RATIO_SLACK) {
    throw new SliError(`${context}: errors exceed the total (ratio ${ratio.toFixed(4)}); the error query must count a subset of the total query's events`);
  }
  return Math.min(Math.max(ratio, 0), 1);
}

/**
 * Error ratio (0..1) of `sli` over `window` at `time`; null when there was no
 * traffic. An absent error series counts as zero errors.
 * @throws PrometheusQueryError when Prometheus fails, SliError when the answer is unusable
 */
export async function measureErrorRatio(sli: ResolvedSli, window: string, prometheus: PrometheusQuerier, time: Date): Promise<number | null> {
  const queries = sliQueries(sli, window);
  switch (sli.kind) {
    case 'events': {
      const [errorResult, totalResult] = await Promise.all([
        prometheus.query(queries.error!, time),
        prometheus.query(queries.total!, time),
      ]);
      const total = finiteCount(single(totalResult, queries.total!, 'total'), queries.total!, 'total');
      if (total === null || total === 0) return null;
      const errors = finiteCount(single(errorResult, queries.error!, 'error'), queries.error!, 'error') ?? 0;
      return boundedRatio(errors / total, `over ${window}`);
    }
    case 'latency': {
      const [totalResult, bucketResult] = await Promise.all([
        prometheus.query(queries.total!, time),
        prometheus.query(queries.buckets!, time),
      ]);
      const total = finiteCount(single(totalResult, queries.total!, 'histogram count'), queries.total!, 'histogram count');
      if (total === null || total === 0) return null;
      const bucket = bucketResult.samples.find((s) => {
        const le = Number(s.labels.le);
        return Number.isFinite(le) && Math.abs(le - sli.threshold) <= 1e-9 * Math.max(1, sli.threshold);
      });
      if (!bucket) {
        const bound = (le: string) => (/^\+?inf$/i.test(le) ? Number.POSITIVE_INFINITY : Number(le));
        const available = bucketResult.samples.map((s) => s.labels.le ?? '?').sort((a, b) => bound(a) - bound(b));
        throw new SliError(
          available.length === 0
            ? `no ${sli.metric}_bucket series${sli.selector ? ` matching {${sli.selector}}` : ''}: check the metric name and selector`
            : `the histogram ${sli.metric} has no bucket le="${sli.threshold}"; its buckets are ${available.join(', ')}: set threshold to one of them or add the bucket to the instrumentation`,
        );
      }
      const good = finiteCount(bucket.value, queries.buckets!, `bucket le="${sli.threshold}"`) ?? 0;
      return boundedRatio(1 - Math.min(good, total) / total, `over ${window}`);
    }
    case 'ratio': {
      const result = await prometheus.query(queries.ratio!, time);
      const ratio = single(result, queries.ratio!, 'ratio');
      // 0/0 from a ratio of increases is "no traffic", not an error.
      if (ratio === null || Number.isNaN(ratio)) return null;
      if (!Number.isFinite(ratio) || ratio < 0) {
        throw new SliError(`the ratio query returned ${ratio}; expected an error ratio between 0 and 1 (query: ${queries.ratio})`);
      }
      return boundedRatio(ratio, `over ${window}`);
    }
  }
}

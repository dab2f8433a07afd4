/**
 * `sli.latency`: good events are requests in the histogram bucket at the
 * threshold; bad = count − good. The gate reads every bucket so that a missing
 * one can be named; the rules match the bucket however its `le` was written.
 */
import { z } from 'zod';
import { SliError } from '../../evaluate/sli-error.js';
import { leMatcher, matchers, normalizeSelector } from '../../promql/promql.js';
import { boundedRatio, finiteCount, measured, noData, noTraffic, single } from '../read-answers.js';
import { defineSliKind } from '../sli-kind.js';

export interface LatencySli {
  kind: 'latency';
  /** Histogram base name, without `_bucket` / `_count`. */
  metric: string;
  /** Latency target in seconds: the `le` of the bucket that counts good events. */
  threshold: number;
  /** Label matchers without braces (may be empty). */
  selector: string;
}

const bound = (le: string) => (/^\+?inf$/i.test(le) ? Number.POSITIVE_INFINITY : Number(le));

const queries = (sli: LatencySli, window: string) => ({
  total: `sum(increase(${sli.metric}_count${matchers(sli.selector)}[${window}]))`,
  buckets: `sum by (le) (increase(${sli.metric}_bucket${matchers(sli.selector)}[${window}]))`,
});

export const latencySli = defineSliKind({
  kind: 'latency',
  schema: z
    .strictObject({
      metric: z
        .string()
        .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, {
          message: 'expected a histogram metric name without _bucket, e.g. http_request_duration_seconds',
        })
        .meta({ description: 'Histogram base name (without `_bucket`/`_count`).' }),
      threshold: z
        .number()
        .positive()
        .meta({ description: 'Latency target in seconds; the histogram must have a bucket with exactly this `le`.' }),
      selector: z.string().optional().meta({ description: 'Label matchers, with or without braces, e.g. `job="api", route!="/health"`.' }),
    })
    .meta({ description: 'Good events are requests faster than the threshold (the bucket `le` = threshold); bad = count − good.' }),
  resolve: (config): LatencySli => ({
    kind: 'latency',
    metric: config.metric,
    threshold: config.threshold,
    selector: normalizeSelector(config.selector),
  }),
  countsEvents: true,
  queries,
  trafficQuery: (sli, window) => queries(sli, window).total,
  async measure(sli, window, prometheus, time) {
    const q = queries(sli, window);
    const [totalResult, bucketResult] = await Promise.all([prometheus.query(q.total, time), prometheus.query(q.buckets, time)]);
    const role = 'histogram count';
    const total = finiteCount(single(totalResult, q.total, role), q.total, role);
    if (total === null) return noData(q.total, `the histogram count query (${sli.metric}_count) returned no samples`);
    if (total === 0) return noTraffic(q.total, `the histogram count query (${sli.metric}_count) returned 0`);
    const bucket = bucketResult.samples.find((s) => {
      const le = Number(s.labels.le);
      return Number.isFinite(le) && Math.abs(le - sli.threshold) <= 1e-9 * Math.max(1, sli.threshold);
    });
    if (!bucket) {
      const available = bucketResult.samples.map((s) => s.labels.le ?? '?').sort((a, b) => bound(a) - bound(b));
      throw new SliError(
        available.length === 0
          ? `no ${sli.metric}_bucket series${sli.selector ? ` matching {${sli.selector}}` : ''}: check the metric name and selector`
          : `the histogram ${sli.metric} has no bucket le="${sli.threshold}"; its buckets are ${available.join(', ')}: set threshold to one of them or add the bucket to the instrumentation`,
      );
    }
    const good = finiteCount(bucket.value, q.buckets, `bucket le="${sli.threshold}"`) ?? 0;
    return measured(boundedRatio(1 - Math.min(good, total) / total, window));
  },
  recording(sli, window) {
    const total = `sum(increase(${sli.metric}_count${matchers(sli.selector)}[${window}]))`;
    const good = `sum(increase(${sli.metric}_bucket${matchers(sli.selector, leMatcher(sli.threshold))}[${window}]))`;
    // Counters scraped at slightly different times can put the bucket a hair above the count.
    return { counts: { error: `clamp_min(${total} - ${good}, 0)`, total } };
  },
  // The latency at the objective's quantile (p99 for a 99% objective) against the target.
  dashboardPanel: (sli, slo) => ({
    row: 'Latency against target',
    title: `Latency: ${slo.name}`,
    description: `The ${slo.objective}th percentile of ${sli.metric} against the ${sli.threshold}s target: below it, at least ${slo.objective}% of requests are fast enough.`,
    unit: 's',
    targets: [
      {
        expr: `histogram_quantile(${slo.objective / 100}, sum by (le) (rate(${sli.metric}_bucket${matchers(sli.selector)}[$__rate_interval])))`,
        legend: `p${slo.objective}`,
      },
      { expr: `vector(${sli.threshold})`, legend: 'target' },
    ],
  }),
  wording: { traffic: 'the histogram count query' },
});

/**
 * Generated request traffic as Prometheus counters, from a model: requests per
 * step and the share that fail, as functions of time. Counts are integers derived
 * from cumulative sums, so a model's exact error ratio over any window can be
 * computed from the same numbers that were written (tests compare the gate's
 * answer to it, never to constants).
 */
import type { Labels, OpenMetricsWriter } from './openmetrics.js';

export interface TrafficModel {
  /** Labels of this series pair (status is added). */
  labels: Labels;
  /** Requests per step at time t (seconds). */
  requests: (t: number) => number;
  /** Share of requests that fail at time t. */
  errorShare: (t: number) => number;
  /** First sample (a service younger than the data). */
  startSeconds?: number;
  /** The counters restart from zero at this time. */
  resetAtSeconds?: number;
  /** Write no error series at all (a service that never failed has no 5xx series). */
  noErrorSeries?: boolean;
  /** Counter value before the first step (a flat counter shows "no traffic"). */
  initialValue?: number;
}

export interface Steps {
  /** First and last sample time, seconds, inclusive; aligned to `step`. */
  from: number;
  to: number;
  step: number;
}

/** Per-step increments of one model: the single source for both the data and the expectations. */
export function* increments(model: TrafficModel, steps: Steps): Generator<{ t: number; requests: number; errors: number }> {
  let cumulativeErrors = 0;
  let errorsSoFar = 0;
  const start = Math.max(steps.from, model.startSeconds ?? steps.from);
  for (let t = start; t <= steps.to; t += steps.step) {
    const requests = Math.max(0, Math.round(model.requests(t)));
    cumulativeErrors += requests * Math.min(1, Math.max(0, model.errorShare(t)));
    const errors = Math.min(requests, Math.floor(cumulativeErrors + 1e-9) - errorsSoFar);
    errorsSoFar += errors;
    yield { t, requests, errors };
  }
}

/** Exact error ratio of the model over (end − window, end]; null without traffic. */
export function modelErrorRatio(model: TrafficModel, steps: Steps, end: number, windowSeconds: number): number | null {
  let requests = 0;
  let errors = 0;
  for (const inc of increments(model, steps)) {
    if (inc.t > end - windowSeconds && inc.t <= end) {
      requests += inc.requests;
      errors += inc.errors;
    }
  }
  return requests === 0 ? null : errors / requests;
}

/**
 * Writes `<family>_total{...labels, status="200"|"500"}` for every model, as one
 * counter family (promtool needs a family in one block).
 */
export async function writeRequestCounters(writer: OpenMetricsWriter, family: string, models: TrafficModel[], steps: Steps): Promise<void> {
  await writer.family(family, 'counter', 'Requests by status (generated).');
  for (const model of models) {
    let ok = model.initialValue ?? 0;
    let failed = 0;
    for (const inc of increments(model, steps)) {
      if (model.resetAtSeconds !== undefined && inc.t === model.resetAtSeconds) {
        ok = 0;
        failed = 0;
      }
      ok += inc.requests - inc.errors;
      failed += inc.errors;
      await writer.sample(`${family}_total`, { ...model.labels, status: '200' }, ok, inc.t);
      if (!model.noErrorSeries) await writer.sample(`${family}_total`, { ...model.labels, status: '500' }, failed, inc.t);
    }
  }
}

export interface HistogramModel {
  labels: Labels;
  requests: (t: number) => number;
  /** Cumulative share of requests at or below each bucket bound (ascending; +Inf is implied 1). */
  buckets: { le: number; share: number }[];
  /** Mean latency, for _sum. */
  meanSeconds: number;
}

/** Writes a histogram family `<name>_bucket/_count/_sum`. */
export async function writeHistogram(writer: OpenMetricsWriter, name: string, models: HistogramModel[], steps: Steps): Promise<void> {
  await writer.family(name, 'histogram', 'Request latency (generated).');
  for (const model of models) {
    const cumulative = new Array<number>(model.buckets.length).fill(0);
    const exact = new Array<number>(model.buckets.length).fill(0);
    let count = 0;
    let sum = 0;
    for (let t = steps.from; t <= steps.to; t += steps.step) {
      const requests = Math.max(0, Math.round(model.requests(t)));
      count += requests;
      sum += requests * model.meanSeconds;
      model.buckets.forEach((b, i) => {
        exact[i]! += requests * b.share;
        cumulative[i] = Math.min(count, Math.floor(exact[i]! + 1e-9));
      });
      for (const [i, b] of model.buckets.entries())
        await writer.sample(`${name}_bucket`, { ...model.labels, le: String(b.le) }, cumulative[i]!, t);
      await writer.sample(`${name}_bucket`, { ...model.labels, le: '+Inf' }, count, t);
      await writer.sample(`${name}_count`, model.labels, count, t);
      await writer.sample(`${name}_sum`, model.labels, Number(sum.toFixed(3)), t);
    }
  }
}

/** Exact share of requests slower than `threshold` over (end − window, end]. */
export function modelLatencyBadRatio(
  model: HistogramModel,
  steps: Steps,
  threshold: number,
  end: number,
  windowSeconds: number,
): number | null {
  const index = model.buckets.findIndex((b) => b.le === threshold);
  if (index < 0) return null;
  let exact = 0;
  let count = 0;
  let goodAtStart = 0;
  let countAtStart = 0;
  let good = 0;
  for (let t = steps.from; t <= steps.to; t += steps.step) {
    const requests = Math.max(0, Math.round(model.requests(t)));
    count += requests;
    exact += requests * model.buckets[index]!.share;
    good = Math.min(count, Math.floor(exact + 1e-9));
    if (t <= end - windowSeconds) {
      goodAtStart = good;
      countAtStart = count;
    }
    if (t === end) break;
  }
  const total = count - countAtStart;
  return total === 0 ? null : 1 - (good - goodAtStart) / total;
}

/** A gauge sampled at the given times. */
export async function writeGauge(
  writer: OpenMetricsWriter,
  name: string,
  series: { labels: Labels; points: { t: number; value: number }[] }[],
): Promise<void> {
  await writer.family(name, 'gauge');
  for (const s of series) for (const p of s.points) await writer.sample(name, s.labels, p.value, p.t);
}

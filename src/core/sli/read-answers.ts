/** Reading Prometheus's answers for an SLI: shared by every kind, so they all fail the same way. */
import { SliError } from '../evaluate/sli-error.js';
import type { InstantResult } from '../prometheus/querier.js';
import type { WindowMeasurement } from './sli-kind.js';

/**
 * The single number a query must return: null for an empty vector, an error for
 * several series (the gate cannot guess how to combine them).
 * @param role how messages name the query: "total", "error", "ratio"
 */
export function single(result: InstantResult, query: string, role: string): number | null {
  if (result.samples.length === 0) return null;
  if (result.samples.length > 1) {
    throw new SliError(
      `the ${role} query returned ${result.samples.length} series; it must return one number: wrap it in sum(...) (query: ${query})`,
    );
  }
  return result.samples[0]!.value;
}

/** A count of events: finite and not negative (null passes through: no samples). */
export function finiteCount(value: number | null, query: string, role: string): number | null {
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

/** An error ratio clamped to 0..1, refusing one clearly above 1 (the error query counts more than the total). */
export function boundedRatio(ratio: number, window: string): number {
  if (ratio > 1 + RATIO_SLACK) {
    throw new SliError(
      `over ${window}: errors exceed the total (ratio ${ratio.toFixed(4)}); the error query must count a subset of the total query's events`,
    );
  }
  return Math.min(Math.max(ratio, 0), 1);
}

export const measured = (ratio: number): WindowMeasurement => ({ state: 'measured', ratio });
export const noData = (query: string, detail: string): WindowMeasurement => ({ state: 'no-data', query, detail });
export const noTraffic = (query: string, detail: string): WindowMeasurement => ({ state: 'no-traffic', query, detail });

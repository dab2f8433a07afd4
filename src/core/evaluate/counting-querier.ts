/** Counts queries and Prometheus's samples touched for the report and the bench (range queries too). */
import type { InstantResult, PrometheusQuerier, QueryRange, RangeResult } from '../prometheus/querier.js';

export class CountingQuerier implements PrometheusQuerier {
  queries = 0;
  samplesTouched: number | null = null;
  /** Present exactly when the inner querier has it. */
  readonly queryRange?: (promql: string, range: QueryRange) => Promise<RangeResult>;

  constructor(private readonly inner: PrometheusQuerier) {
    const rangeOf = inner.queryRange?.bind(inner);
    if (rangeOf) {
      this.queryRange = async (promql, range) => this.count(await this.counted(() => rangeOf(promql, range)));
    }
  }

  get displayUrl(): string {
    return this.inner.displayUrl;
  }

  async query(promql: string, time: Date): Promise<InstantResult> {
    return this.count(await this.counted(() => this.inner.query(promql, time)));
  }

  private counted<T>(run: () => Promise<T>): Promise<T> {
    this.queries += 1;
    return run();
  }

  private count<T extends { samplesTouched: number | null }>(result: T): T {
    if (result.samplesTouched !== null) this.samplesTouched = (this.samplesTouched ?? 0) + result.samplesTouched;
    return result;
  }
}

/** Counts queries and Prometheus's samples touched for the report and the bench. */
import type { InstantResult, PrometheusQuerier } from '../prometheus/querier.js';

export class CountingQuerier implements PrometheusQuerier {
  queries = 0;
  samplesTouched: number | null = null;

  constructor(private readonly inner: PrometheusQuerier) {}

  get displayUrl(): string {
    return this.inner.displayUrl;
  }

  async query(promql: string, time: Date): Promise<InstantResult> {
    this.queries += 1;
    const result = await this.inner.query(promql, time);
    if (result.samplesTouched !== null) this.samplesTouched = (this.samplesTouched ?? 0) + result.samplesTouched;
    return result;
  }
}

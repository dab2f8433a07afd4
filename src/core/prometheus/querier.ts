/**
 * The seam between the pure evaluation and Prometheus. `src/prometheus/client.ts`
 * implements it over HTTP; tests may implement it in memory.
 */

/** One sample of an instant vector. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** The answer to one instant query. */
export interface InstantResult {
  /** The vector's samples (a scalar result is one sample with no labels). Empty for an empty vector. */
  samples: Sample[];
  /** Prometheus's own count of samples the query touched (`stats=all`), when reported. */
  samplesTouched: number | null;
}

export interface PrometheusQuerier {
  /** Base URL with credentials stripped, for messages and reports. */
  readonly displayUrl: string;
  /**
   * Run an instant query evaluated at `time`.
   * @throws PrometheusQueryError (see src/core/prometheus/query-error.ts) for every failure
   */
  query(promql: string, time: Date): Promise<InstantResult>;
}

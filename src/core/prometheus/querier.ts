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

/** The evaluation timestamps of a range query: `start`, `start + step`, … up to and including `end`. */
export interface QueryRange {
  start: Date;
  end: Date;
  /** Seconds between evaluation timestamps (a whole number, at least 1). */
  stepSeconds: number;
}

/** One series of a range query's matrix: its values at the steps where it had one, in time order. */
export interface RangeSeries {
  labels: Record<string, string>;
  /** `at` in Unix seconds. */
  points: { at: number; value: number }[];
}

/** The answer to one range query. */
export interface RangeResult {
  /** The matrix's series (a scalar result is one series with no labels). Empty when no step had a value. */
  series: RangeSeries[];
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
  /**
   * Run a range query (`/api/v1/query_range`). Optional: the gate's decision never
   * depends on it (it draws the report's budget history), and a querier that
   * cannot or must not send one (the app's tenant querier, which enforces a
   * label on instant queries only) leaves it out; the history is then absent.
   * A wrapper must forward it only with the same checks it applies to `query`.
   * @throws PrometheusQueryError for every failure
   */
  queryRange?(promql: string, range: QueryRange): Promise<RangeResult>;
}

/**
 * Every way a Prometheus query can fail, each with a message that names the URL
 * (credentials stripped), the query and what to do.
 */
export type QueryErrorKind =
  /** Connection refused, DNS failure, TLS error: Prometheus never answered. */
  | 'unreachable'
  /** No answer within the per-query timeout. */
  | 'timeout'
  /** HTTP 400/422: Prometheus rejected the query; `message` carries its own words. */
  | 'bad-query'
  /** HTTP 401/403: credentials missing or wrong. */
  | 'unauthorized'
  /** HTTP 5xx after all retries. */
  | 'server'
  /** A 2xx answer that is not Prometheus's JSON, or an unexpected result type. */
  | 'invalid-response';

export class PrometheusQueryError extends Error {
  override readonly name = 'PrometheusQueryError';

  constructor(
    readonly kind: QueryErrorKind,
    message: string,
    /** `refusedAddress`: the app's checked fetch refused the address after resolving it; nothing was sent. */
    readonly details: { url: string; query: string; httpStatus?: number; attempts?: number; refusedAddress?: boolean },
  ) {
    super(message);
  }
}

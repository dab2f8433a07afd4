/**
 * A querier whose failures are safe to show to the repository that asked. The
 * app runs a repository's PromQL against a Prometheus shared by many tenants:
 * Prometheus's own words can carry other tenants' data (an execution error
 * quoting a label value: "duplicate series for the match group {api_key=...}"),
 * and a body that is not Prometheus JSON can be anything a proxy answered. So
 * every failure is reworded by its class, in the app's words; the repository's
 * own query and Prometheus's parse-error position in it (derived from the query
 * alone) may be shown; everything else goes to the app's log under a
 * correlation id that the repository sees and can hand to the operator.
 */
import { randomBytes } from 'node:crypto';
import type { InstantResult, PrometheusQuerier } from '../core/prometheus/querier.js';
import { PrometheusQueryError } from '../core/prometheus/query-error.js';

/** Where the original failure goes (the app's log): never shown to the repository. */
export type FailureLog = (ref: string, error: PrometheusQueryError) => void;

const MAX_QUERY_CHARS = 300;
const MAX_PARSE_ERROR_CHARS = 200;

/** Prometheus's parse errors: `parse error at char 12: ...` (2.x) or `1:12: parse error: ...`. */
const PARSE_ERROR = /(?:\d+:\d+: )?parse error(?: at char \d+)?:[^\n]*/;

function shownQuery(query: string): string {
  const one = query.replace(/\s+/g, ' ').trim();
  return one.length > MAX_QUERY_CHARS ? `${one.slice(0, MAX_QUERY_CHARS - 1)}…` : one;
}

/** The repository-facing message for a failure of `kind`, naming the correlation id. */
export function redactedMessage(error: PrometheusQueryError, ref: string, timeoutMs: number | null): string {
  const query = `\`${shownQuery(error.details.query)}\``;
  const see = `(reference ${ref}: the app's operator can look it up in the app's log)`;
  switch (error.kind) {
    case 'unreachable':
      // The app's own refusal, about an address the repository's policy named: said as it is, without the address.
      if (error.details.refusedAddress)
        return `the app did not contact the Prometheus at ${error.details.url}: its address is on a network the app's operator has not allowed (PROMETHEUS_ALLOWED_NETWORKS); nothing was sent`;
      return `Prometheus could not be reached for ${query} ${see}`;
    case 'timeout':
      return `Prometheus did not answer ${query} within ${timeoutMs === null ? 'the timeout' : `${timeoutMs} ms`}: make the query cheaper, e.g. with the recording rules of \`deploy-governor generate rules\` ${see}`;
    case 'unauthorized':
      return `Prometheus refused the app's credentials for ${query} ${see}`;
    case 'server':
      return `Prometheus failed while answering ${query}${error.details.httpStatus ? ` (HTTP ${error.details.httpStatus})` : ''} ${see}`;
    case 'invalid-response':
      return `Prometheus's answer to ${query} was not a usable instant vector ${see}`;
    case 'bad-query': {
      const parse = PARSE_ERROR.exec(error.message)?.[0];
      return parse
        ? `Prometheus rejected the query ${query}: ${parse.slice(0, MAX_PARSE_ERROR_CHARS)}`
        : `Prometheus could not execute ${query} ${see}`;
    }
  }
}

export function redactingQuerier(inner: PrometheusQuerier, log: FailureLog, o: { timeoutMs?: number } = {}): PrometheusQuerier {
  return {
    displayUrl: inner.displayUrl,
    async query(promql: string, time: Date): Promise<InstantResult> {
      try {
        return await inner.query(promql, time);
      } catch (error: unknown) {
        if (!(error instanceof PrometheusQueryError)) throw error;
        const ref = randomBytes(4).toString('hex');
        log(ref, error);
        // The details keep only what the repository may see: its query, the status.
        throw new PrometheusQueryError(error.kind, redactedMessage(error, ref, o.timeoutMs ?? null), {
          url: inner.displayUrl,
          query: error.details.query,
          ...(error.details.httpStatus !== undefined ? { httpStatus: error.details.httpStatus } : {}),
          ...(error.details.attempts !== undefined ? { attempts: error.details.attempts } : {}),
          ...(error.details.refusedAddress ? { refusedAddress: true } : {}),
        });
      }
    },
  };
}

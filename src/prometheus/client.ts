/**
 * Prometheus HTTP API client (instant queries). Works with anything that speaks
 * the API: Prometheus, Thanos, Mimir (base URL with its /prometheus prefix),
 * VictoriaMetrics.
 *
 * Queries are POSTed form-encoded, so no query is ever mangled by URL encoding
 * or cut by URL-length limits.
 */
import type { InstantResult, PrometheusQuerier, Sample } from '../core/prometheus/querier.js';
import { PrometheusQueryError } from '../core/prometheus/query-error.js';
import { parseEnvelope } from './prometheus-envelope.js';
import { stripCredentials } from './strip-credentials.js';

export interface PrometheusClientOptions {
  /** Base URL; may contain `user:pass@` (sent as basic auth, never shown). */
  url: string;
  /** Extra headers, including Authorization or X-Scope-OrgID. */
  headers?: Record<string, string>;
  /** Per attempt. */
  timeoutMs: number;
  /** Total attempts for 5xx answers and reset connections (default 3). */
  retries?: number;
  /** First backoff; doubles each retry, with jitter (default 200 ms). */
  backoffMs?: number;
  /** Ask for stats=all (samples touched); default true. */
  stats?: boolean;
  fetch?: typeof fetch;
}

const MAX_QUERY_IN_MESSAGE = 300;

function shortQuery(query: string): string {
  return query.length > MAX_QUERY_IN_MESSAGE ? `${query.slice(0, MAX_QUERY_IN_MESSAGE)}…` : query;
}

function excerpt(body: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = body.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean || '(empty body)';
}

/** Prometheus encodes sample values as strings, including NaN and ±Inf. */
function toNumber(value: string): number {
  if (value === 'NaN') return Number.NaN;
  if (value === '+Inf' || value === 'Inf') return Number.POSITIVE_INFINITY;
  if (value === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(value);
}

function errorCode(error: unknown): string | undefined {
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? (error as { cause: unknown }).cause : undefined;
  for (const candidate of [cause, error]) {
    if (typeof candidate === 'object' && candidate !== null && 'code' in candidate && typeof (candidate as { code: unknown }).code === 'string') {
      return (candidate as { code: string }).code;
    }
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && ((error as { name: unknown }).name === 'TimeoutError' || (error as { name: unknown }).name === 'AbortError');
}

/** Connection dropped mid-way: worth another try, unlike a refused connection or a bad DNS name. */
const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export class PrometheusClient implements PrometheusQuerier {
  readonly displayUrl: string;
  private readonly endpoint: string;
  private readonly headers: Record<string, string>;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly stats: boolean;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: PrometheusClientOptions) {
    const parsed = new URL(options.url);
    this.headers = { Accept: 'application/json', ...(options.headers ?? {}) };
    if ((parsed.username || parsed.password) && !Object.keys(this.headers).some((h) => h.toLowerCase() === 'authorization')) {
      const user = decodeURIComponent(parsed.username);
      const pass = decodeURIComponent(parsed.password);
      this.headers.Authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    }
    parsed.username = '';
    parsed.password = '';
    parsed.hash = '';
    this.endpoint = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}/api/v1/query`;
    this.displayUrl = stripCredentials(options.url);
    this.retries = Math.max(1, options.retries ?? 3);
    this.backoffMs = options.backoffMs ?? 200;
    this.stats = options.stats ?? true;
    this.fetchImpl = options.fetch ?? fetch;
  }

  async query(promql: string, time: Date): Promise<InstantResult> {
    const body = new URLSearchParams({ query: promql, time: (time.getTime() / 1000).toFixed(3) });
    if (this.stats) body.set('stats', 'all');
    const details = { url: this.displayUrl, query: shortQuery(promql) };
    let lastProblem = '';
    for (let attempt = 1; attempt <= this.retries; attempt++) {
      if (attempt > 1) await this.sleep(attempt);
      let response: Response;
      let text: string;
      try {
        response = await this.fetchImpl(this.endpoint, {
          method: 'POST',
          headers: { ...this.headers, 'Content-Type': 'application/x-www-form-urlencoded' },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        text = await response.text();
      } catch (error: unknown) {
        // A timeout is not retried: the gate as a whole must finish within its budget.
        if (isTimeout(error)) {
          throw new PrometheusQueryError(
            'timeout',
            `Prometheus at ${this.displayUrl} did not answer within ${this.options.timeoutMs} ms (query: ${details.query}); raise the timeout input or make the query cheaper (e.g. use recording rules)`,
            { ...details, attempts: attempt },
          );
        }
        const code = errorCode(error);
        if (code && RETRYABLE_NETWORK.has(code) && attempt < this.retries) {
          lastProblem = code;
          continue;
        }
        throw new PrometheusQueryError(
          'unreachable',
          `cannot reach Prometheus at ${this.displayUrl}${code ? ` (${code})` : ''}: check the prometheus-url input and that the runner can reach it (query: ${details.query})`,
          { ...details, attempts: attempt },
        );
      }
      const status = response.status;
      if (status >= 500) {
        lastProblem = `HTTP ${status}: ${excerpt(text)}`;
        if (attempt < this.retries) continue;
        throw new PrometheusQueryError(
          'server',
          `Prometheus at ${this.displayUrl} answered ${lastProblem} after ${attempt} tries (query: ${details.query})`,
          { ...details, httpStatus: status, attempts: attempt },
        );
      }
      return this.interpret(status, text, details, attempt);
    }
    // Only reachable when every attempt was a retryable network error.
    throw new PrometheusQueryError('unreachable', `Prometheus at ${this.displayUrl} dropped the connection ${this.retries} times (${lastProblem}) (query: ${details.query})`, details);
  }

  private interpret(status: number, text: string, details: { url: string; query: string }, attempts: number): InstantResult {
    const meta = { ...details, httpStatus: status, attempts };
    if (status === 401 || status === 403) {
      throw new PrometheusQueryError(
        'unauthorized',
        `Prometheus at ${this.displayUrl} answered HTTP ${status}: check the prometheus-token input (or the policy's bearer-token-env / basic-auth) and prometheus-headers`,
        meta,
      );
    }
    if (status === 404) {
      throw new PrometheusQueryError(
        'bad-query',
        `no Prometheus query API at ${this.displayUrl}/api/v1/query (HTTP 404): check prometheus-url (Mimir needs its /prometheus prefix)`,
        meta,
      );
    }
    const envelope = parseEnvelope(text);
    if (status >= 400) {
      const words = envelope?.error ?? excerpt(text);
      throw new PrometheusQueryError('bad-query', `Prometheus at ${this.displayUrl} rejected the query (HTTP ${status}): ${words} (query: ${details.query})`, meta);
    }
    if (!envelope) {
      throw new PrometheusQueryError(
        'invalid-response',
        `the answer from ${this.displayUrl} is not Prometheus JSON (HTTP ${status}): ${excerpt(text)}; is prometheus-url the Prometheus API and not a login page or proxy? (query: ${details.query})`,
        meta,
      );
    }
    if (envelope.status !== 'success' || !envelope.data) {
      throw new PrometheusQueryError('bad-query', `Prometheus at ${this.displayUrl} failed the query: ${envelope.error ?? 'no data'} (query: ${details.query})`, meta);
    }
    const { data } = envelope;
    let samples: Sample[];
    if (data.resultType === 'vector') {
      samples = data.result.map((s) => ({ labels: s.metric, value: toNumber(s.value[1]) }));
    } else if (data.resultType === 'scalar') {
      samples = [{ labels: {}, value: toNumber(data.result[1]) }];
    } else {
      throw new PrometheusQueryError(
        'invalid-response',
        `expected an instant vector or scalar, but the query returned a ${data.resultType} — did you forget increase() or rate() around a range selector? (query: ${details.query})`,
        meta,
      );
    }
    return { samples, samplesTouched: data.stats?.samples?.totalQueryableSamples ?? null };
  }

  private sleep(attempt: number): Promise<void> {
    const base = this.backoffMs * 2 ** (attempt - 2);
    return new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * base));
  }
}

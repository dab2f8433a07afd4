/**
 * Prometheus HTTP API client for instant queries (`/api/v1/query`) and range
 * queries (`/api/v1/query_range`). Works with anything that speaks the API:
 * Prometheus, Thanos, Mimir (base URL with its /prometheus prefix),
 * VictoriaMetrics.
 *
 * Queries are POSTed form-encoded, so no query is mangled by URL encoding or cut
 * by URL-length limits. Every failure is a PrometheusQueryError whose message
 * names the URL (without credentials), the query and what to check. Both kinds
 * of query share the request, the retries, the credential handling and the
 * error wording; only the answer's shape differs.
 */
import type { InstantResult, PrometheusQuerier, QueryRange, RangeResult, RangeSeries, Sample } from '../core/prometheus/querier.js';
import { PrometheusQueryError, type QueryErrorKind } from '../core/prometheus/query-error.js';
import { excerpt, queryForMessage, Redactor } from './message-text.js';
import { matrixResultSchema, parseEnvelope, prometheusError, type PrometheusEnvelope } from './prometheus-envelope.js';
import { stripCredentials } from './strip-credentials.js';

export interface PrometheusClientOptions {
  /** Base URL, e.g. `https://mimir.example.com/prometheus`; `user:pass@` in it is sent as basic auth and never shown. */
  url: string;
  /** Extra request headers (Authorization, X-Scope-OrgID, …). An Authorization here wins over URL credentials. */
  headers?: Record<string, string>;
  /** Time limit of each attempt, in milliseconds. */
  timeoutMs: number;
  /** Attempts in all (1: no retry) for 5xx/429 answers and reset connections (default 3). */
  attempts?: number;
  /** First backoff before a retry; doubles each time, with ±50 % jitter (default 200 ms). */
  backoffMs?: number;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Send `stats=all` so Prometheus counts the samples touched (default true). */
  stats?: boolean;
}

/**
 * Dropped connections worth another attempt: a keep-alive connection closed by a
 * proxy, Prometheus restarting mid-request, a transient DNS failure. The query is
 * read-only, so resending it is safe. A refused connection, an unknown host or a
 * TLS failure is not retried: nothing is listening or the address is wrong, and a
 * retry 200 ms later would only spend the gate's time budget.
 */
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'EAI_AGAIN']);
/** undici's own header/body timeouts (5 minutes by default) are timeouts too. */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

type Details = PrometheusQueryError['details'];

/** Prometheus's own error text is worth more room than an arbitrary body. */
const MAX_ERROR_CHARS = 500;

/**
 * The `code` of a fetch failure (undici puts the socket error in `cause`, an
 * AggregateError when several addresses failed), else the innermost message.
 */
function networkFailure(error: unknown): { code?: string; message?: string; refused?: { message: string } } {
  const queue: unknown[] = [error];
  let message: string | undefined;
  for (let i = 0; i < queue.length && i < 10; i++) {
    const e = queue[i];
    if (typeof e !== 'object' || e === null) continue;
    // The app's checked fetch refused the address after resolving it: nothing was sent. Known by its name, not
    // imported: checked-fetch.ts loads undici, which the Action's start-up must not pay for.
    if ('name' in e && e.name === 'AddressRefused' && 'message' in e && typeof e.message === 'string')
      return { refused: { message: e.message } };
    if ('code' in e && typeof e.code === 'string') return { code: e.code };
    if ('message' in e && typeof e.message === 'string' && e.message !== '') message = e.message;
    if ('cause' in e) queue.push(e.cause);
    if ('errors' in e && Array.isArray(e.errors)) queue.push(...(e.errors as unknown[]));
  }
  return { message };
}

/** Percent-decoded URL user info; malformed escapes are kept as they are rather than throwing. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Where a redirect points, for the message (null when the Location header is unusable). */
function redirectTarget(location: string | null, base: string): string | null {
  if (!location) return null;
  try {
    return stripCredentials(new URL(location, base).href);
  } catch {
    return null;
  }
}

function hint(code: string | undefined): string {
  if (code === undefined) return '';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code))
    return ` (${code}: the TLS certificate is not trusted; for a private CA set NODE_EXTRA_CA_CERTS)`;
  if (code === 'ENOTFOUND') return ` (${code}: the host name does not resolve)`;
  if (code === 'ECONNREFUSED') return ` (${code}: nothing listens at that address and port)`;
  return ` (${code})`;
}

/** The API paths, under the base URL's own path. */
type ApiPath = '/api/v1/query' | '/api/v1/query_range';

/** The secrets to keep out of messages (header values, URL credentials), and the API base and headers or why they cannot be built. */
type Prepared = { secrets: string[] } & ({ base: URL; headers: Headers } | { problem: string });

/** The API base and headers for a base URL, or why they cannot be built (never echoing a header value). */
function prepareRequest(baseUrl: string, userHeaders: Record<string, string>, displayUrl: string): Prepared {
  const secrets = Object.values(userHeaders);
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      secrets,
      problem: `prometheus-url ${JSON.stringify(displayUrl)} is not an http:// or https:// URL (e.g. https://prometheus.example.com)`,
    };
  }
  secrets.push(url.password, decoded(url.password), url.username, decoded(url.username));
  const headers = new Headers({ Accept: 'application/json', 'User-Agent': 'deploy-governor' });
  for (const [name, value] of Object.entries(userHeaders)) {
    try {
      headers.set(name, value);
    } catch {
      // Headers rejects forbidden characters (a line break, non-Latin-1 text).
      return {
        secrets,
        problem: `the request header ${JSON.stringify(name)} has an invalid name or value (check prometheus-headers and prometheus-token for line breaks or non-ASCII characters)`,
      };
    }
  }
  if ((url.username || url.password) && !headers.has('authorization')) {
    const basic = `Basic ${Buffer.from(`${decoded(url.username)}:${decoded(url.password)}`).toString('base64')}`;
    headers.set('Authorization', basic);
    secrets.push(basic);
  }
  headers.set('Content-Type', 'application/x-www-form-urlencoded');
  // Keep a path prefix (Mimir's /prometheus) and any query parameters of the base URL; drop credentials and fragment.
  const base = new URL(url.href);
  base.username = '';
  base.password = '';
  base.hash = '';
  return { secrets, base, headers };
}

/** The endpoint of one API under the base URL (its path prefix and query parameters kept). */
function endpointOf(base: URL, api: ApiPath): string {
  const endpoint = new URL(base.href);
  endpoint.pathname = `${endpoint.pathname.replace(/\/+$/, '')}${api}`;
  return endpoint.href;
}

/** Unix seconds with milliseconds, as the API takes timestamps. */
function unixSeconds(time: Date): string {
  return (time.getTime() / 1000).toFixed(3);
}

type Fail = (kind: QueryErrorKind, message: string) => PrometheusQueryError;
type SuccessData = Extract<PrometheusEnvelope, { status: 'success' }>['data'];

export class PrometheusClient implements PrometheusQuerier {
  /** Base URL without credentials, query or trailing slash: the only form shown in messages and reports. */
  readonly displayUrl: string;
  /** Where and how to send queries, or why none can be sent (reported by each query: the constructor never throws). */
  private readonly request: { base: URL; headers: Headers } | string;
  private readonly redactor: Redactor;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly stats: boolean;
  private readonly fetchImpl: typeof fetch;

  constructor(options: PrometheusClientOptions) {
    this.displayUrl = stripCredentials(options.url);
    this.timeoutMs = options.timeoutMs;
    this.attempts = Math.max(1, Math.floor(options.attempts ?? 3));
    this.backoffMs = Math.max(0, options.backoffMs ?? 200);
    this.stats = options.stats ?? true;
    this.fetchImpl = options.fetch ?? fetch;
    const setup = prepareRequest(options.url, options.headers ?? {}, this.displayUrl);
    this.redactor = new Redactor(setup.secrets);
    this.request = 'problem' in setup ? setup.problem : { base: setup.base, headers: setup.headers };
  }

  async query(promql: string, time: Date): Promise<InstantResult> {
    const { data, fail } = await this.send('/api/v1/query', promql, { time: unixSeconds(time) });
    return { samples: this.samples(data, fail), samplesTouched: data.stats?.samples?.totalQueryableSamples ?? null };
  }

  /**
   * A range query: `promql` evaluated at `start`, `start + step`, … up to `end`.
   * The same request, retries and failures as `query`; the answer must be a
   * matrix (or a scalar, read as one series).
   */
  async queryRange(promql: string, range: QueryRange): Promise<RangeResult> {
    const step = Math.max(1, Math.round(range.stepSeconds));
    const { data, fail } = await this.send('/api/v1/query_range', promql, {
      start: unixSeconds(range.start),
      end: unixSeconds(range.end),
      step: String(step),
    });
    return { series: this.series(data, fail), samplesTouched: data.stats?.samples?.totalQueryableSamples ?? null };
  }

  /**
   * POSTs one query to `api` with `params`, retrying what is worth retrying, and
   * returns the successful answer's data, or throws a PrometheusQueryError that
   * names the URL (never its credentials) and the query.
   */
  private async send(api: ApiPath, promql: string, params: Record<string, string>): Promise<{ data: SuccessData; fail: Fail }> {
    const details: Details = { url: this.displayUrl, query: promql };
    const shown = queryForMessage(promql);
    const fail = (kind: QueryErrorKind, message: string, extra: Partial<Details> = {}): PrometheusQueryError =>
      new PrometheusQueryError(kind, `${message} (query: ${shown})`, { ...details, ...extra });
    if (typeof this.request === 'string')
      throw fail('unreachable', `cannot query Prometheus at ${this.displayUrl}: ${this.request}`, { attempts: 0 });
    const { headers } = this.request;
    const endpoint = endpointOf(this.request.base, api);

    const form = new URLSearchParams({ query: promql, ...params });
    if (this.stats) form.set('stats', 'all');
    const body = form.toString();
    let lastFailure = '';
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) await this.backoff(attempt);
      const signal = AbortSignal.timeout(this.timeoutMs);
      let response: Response;
      let text: string;
      try {
        // Redirects are not followed: a 301/302 turns the POST into a GET without the
        // query, and a redirect could carry the credentials to another host.
        response = await this.fetchImpl(endpoint, { method: 'POST', headers, body, signal, redirect: 'manual' });
        text = await response.text();
      } catch (error: unknown) {
        const { code, message, refused } = networkFailure(error);
        if (refused)
          throw fail('unreachable', `refused to contact Prometheus at ${this.displayUrl}: ${refused.message}`, {
            attempts: attempt,
            refusedAddress: true,
          });
        if (signal.aborted || (code !== undefined && TIMEOUT_CODES.has(code))) {
          // A timeout is not retried: the whole gate must finish within its budget, and a
          // query that took timeoutMs once will most likely take as long again.
          throw fail(
            'timeout',
            `Prometheus at ${this.displayUrl} did not answer within ${this.timeoutMs} ms: raise the \`timeout\` input (or prometheus.timeout in the policy), or make the query cheaper, e.g. with recording rules`,
            { attempts: attempt },
          );
        }
        if (code !== undefined && RETRYABLE_NETWORK_CODES.has(code) && attempt < this.attempts) {
          lastFailure = code;
          continue;
        }
        const resets =
          code !== undefined && RETRYABLE_NETWORK_CODES.has(code) && attempt > 1 ? `; the connection failed ${attempt} times` : '';
        throw fail(
          'unreachable',
          `cannot reach Prometheus at ${this.displayUrl}${code === undefined && message ? ` (${excerpt(this.redactor.redact(message), 120)})` : hint(code)}${resets}: check prometheus-url and that the runner has network access to it`,
          { attempts: attempt },
        );
      }

      const status = response.status;
      if (status >= 500 || status === 429) {
        lastFailure = `HTTP ${status}: ${this.serverWords(text)}`;
        if (attempt < this.attempts) continue;
        throw fail(
          'server',
          `Prometheus at ${this.displayUrl} failed ${attempt} ${attempt === 1 ? 'time' : 'times'}, last with ${lastFailure}`,
          {
            httpStatus: status,
            attempts: attempt,
          },
        );
      }
      const answered: Fail = (kind, message) => fail(kind, message, { httpStatus: status, attempts: attempt });
      return { data: this.interpret(response, text, endpoint, api, answered), fail: answered };
    }
    // Unreachable: the last attempt always returns or throws above.
    throw fail('unreachable', `cannot reach Prometheus at ${this.displayUrl} (${lastFailure})`, { attempts: this.attempts });
  }

  /** The data of a successful answer; every other answer is a failure. */
  private interpret(response: Response, text: string, endpoint: string, api: ApiPath, fail: Fail): SuccessData {
    const { status } = response;
    const at = `Prometheus at ${this.displayUrl}`;
    if (status >= 300 && status < 400) {
      const location = redirectTarget(response.headers.get('location'), endpoint);
      const target = location ? ` to ${this.redactor.redact(location)}` : '';
      throw fail(
        'unreachable',
        `${at} redirected (HTTP ${status})${target}: set prometheus-url to the final address (redirects are not followed)`,
      );
    }
    if (status === 401 || status === 403) {
      throw fail(
        'unauthorized',
        `${at} refused the request (HTTP ${status}${status === 401 ? ', not authenticated' : ', not allowed'}): check the prometheus-token input (or the policy's prometheus.bearer-token-env / basic-auth, or user:password in prometheus-url) and prometheus-headers (e.g. the X-Scope-OrgID tenant)`,
      );
    }
    if (status === 404) {
      throw fail(
        'unreachable',
        `no Prometheus query API at ${this.displayUrl}${api} — check the URL (Mimir needs its /prometheus prefix); the server answered HTTP 404`,
      );
    }
    if (status >= 400) {
      const answer = prometheusError(text);
      const type = answer?.errorType ? ` ${answer.errorType}` : '';
      throw fail('bad-query', `${at} rejected the query (HTTP ${status}${type}): ${this.serverWords(text)}`);
    }
    const parsed = parseEnvelope(text);
    if (!parsed.ok) {
      throw fail(
        'invalid-response',
        `the answer from ${this.displayUrl} is not Prometheus JSON (HTTP ${status}, ${parsed.problem}): ${JSON.stringify(excerpt(this.redactor.redact(text)))} — is prometheus-url the Prometheus API rather than a login page or proxy?`,
      );
    }
    const envelope = parsed.envelope;
    if (envelope.status === 'error') {
      throw fail('bad-query', `${at} failed the query${envelope.errorType ? ` (${envelope.errorType})` : ''}: ${this.serverWords(text)}`);
    }
    return envelope.data;
  }

  private samples(data: SuccessData, fail: Fail): Sample[] {
    switch (data.resultType) {
      case 'scalar':
        return [{ labels: {}, value: data.result[1] }];
      case 'vector':
        return data.result.map((s) => {
          if (s.value === undefined) {
            throw fail(
              'invalid-response',
              `${this.displayUrl} returned native histogram samples, which have no single value: wrap the query in histogram_count(), histogram_sum() or histogram_quantile()`,
            );
          }
          return { labels: s.metric, value: s.value[1] };
        });
      case 'matrix':
        throw fail(
          'invalid-response',
          `expected an instant vector or scalar; the query returned a matrix — did you forget increase()/rate()? (Prometheus at ${this.displayUrl})`,
        );
      case 'string':
        throw fail(
          'invalid-response',
          `expected an instant vector or scalar; the query returned a string (Prometheus at ${this.displayUrl})`,
        );
    }
  }

  /** A range query's series: a matrix (native histogram points are refused as for instant queries), or a scalar as one series. */
  private series(data: SuccessData, fail: Fail): RangeSeries[] {
    switch (data.resultType) {
      case 'matrix': {
        const parsed = matrixResultSchema.safeParse(data.result);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue && issue.path.length > 0 ? ` at result.${issue.path.join('.')}` : '';
          throw fail(
            'invalid-response',
            `the range answer from ${this.displayUrl} is not a Prometheus matrix (${issue?.message ?? 'unexpected shape'}${where})`,
          );
        }
        return parsed.data.map((s) => {
          if (s.values === undefined) {
            throw fail(
              'invalid-response',
              `${this.displayUrl} returned native histogram samples, which have no single value: wrap the query in histogram_count(), histogram_sum() or histogram_quantile()`,
            );
          }
          return { labels: s.metric, points: s.values.map(([at, value]) => ({ at, value })) };
        });
      }
      case 'scalar':
        return [{ labels: {}, points: [{ at: data.result[0], value: data.result[1] }] }];
      case 'vector':
      case 'string':
        throw fail(
          'invalid-response',
          `expected a matrix from the range query; the query returned a ${data.resultType} (Prometheus at ${this.displayUrl})`,
        );
    }
  }

  /** Prometheus's own error text when the body is an error answer, else a body excerpt; secrets redacted either way. */
  private serverWords(text: string): string {
    const safe = this.redactor.redact(text);
    const answer = prometheusError(safe);
    return answer ? excerpt(answer.error, MAX_ERROR_CHARS) : JSON.stringify(excerpt(safe));
  }

  private backoff(attempt: number): Promise<void> {
    const base = this.backoffMs * 2 ** (attempt - 2);
    return new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * base));
  }
}

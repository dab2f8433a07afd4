/**
 * The Prometheus HTTP client against local node:http stub servers on 127.0.0.1:
 * what goes over the wire, how answers are read, and how each failure is reported.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { PrometheusQueryError, type QueryErrorKind } from '../../src/core/prometheus/query-error.js';
import { PrometheusClient, type PrometheusClientOptions } from '../../src/prometheus/client.js';

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
}

type Handler = (req: Received, res: ServerResponse, index: number) => void;

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A stub Prometheus: records each request, answers with `handler`. */
async function stub(handler: Handler): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      };
      received.push(r);
      handler(r, res, received.length - 1);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const vector = (result: unknown[], stats?: unknown) => ({
  status: 'success',
  data: { resultType: 'vector', result, ...(stats ? { stats } : {}) },
});
const ok: Handler = (_req, res) => json(res, 200, vector([{ metric: {}, value: [1, '1'] }]));

const client = (url: string, extra: Partial<PrometheusClientOptions> = {}) =>
  new PrometheusClient({ url, timeoutMs: 5_000, backoffMs: 5, ...extra });
const T = new Date('2026-03-29T01:00:00.123Z');
const Q = 'sum(increase(http_requests_total{job="api",status=~"5.."}[30d]))';

/** The failure of `promise`, checked to be a PrometheusQueryError of `kind` whose message names the URL and the query. */
async function failure(promise: Promise<unknown>, kind: QueryErrorKind, displayUrl: string, query = Q): Promise<PrometheusQueryError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected the query to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrometheusQueryError);
  const e = error as PrometheusQueryError;
  expect({ kind: e.kind, message: e.message }).toMatchObject({ kind });
  expect(e.message).toContain(displayUrl);
  expect(e.message).toContain(query.slice(0, 200));
  expect(e.details.url).toBe(displayUrl);
  return e;
}

describe('the request', () => {
  it('POSTs query, time (Unix seconds with milliseconds) and stats=all form-encoded to <base>/api/v1/query', async () => {
    const prom = await stub(ok);
    await client(prom.url).query(Q, T);
    expect(prom.received).toHaveLength(1);
    const [r] = prom.received;
    expect(r).toMatchObject({ method: 'POST', path: '/api/v1/query' });
    expect(r!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(r!.form)).toEqual({ query: Q, time: String(T.getTime() / 1000), stats: 'all' });
  });

  it('sends no stats parameter when stats is off', async () => {
    const prom = await stub(ok);
    await client(prom.url, { stats: false }).query(Q, T);
    expect(prom.received[0]!.form.has('stats')).toBe(false);
  });

  it.each([
    ['', '/api/v1/query'],
    ['/', '/api/v1/query'],
    ['/prometheus', '/prometheus/api/v1/query'],
    ['/prometheus/', '/prometheus/api/v1/query'],
    ['/prometheus//', '/prometheus/api/v1/query'],
  ])('keeps a base path prefix: base %j posts to %s', async (suffix, path) => {
    const prom = await stub(ok);
    const c = client(prom.url + suffix);
    await c.query(Q, T);
    expect(prom.received[0]!.path).toBe(path);
    expect(c.displayUrl).toBe(prom.url + path.replace('/api/v1/query', ''));
  });

  const echo: Handler = (req, res) => json(res, 200, vector([{ metric: { q: req.form.get('query') ?? '' }, value: [1, '1'] }]));

  it.each([
    'sum(rate(x{a="b",c=~"d|e"}[5m])) / sum(rate(x[5m]))',
    'a + b & c # not a comment',
    'x{path="/a?b=c&d=e#f"} == 1 and on() vector(1) % 2',
    'label_replace(up, "é", "日本語 ✓ 🚀", "", "")',
    '  multi\n  line\tquery ',
    '%20%2B+already%encoded',
  ])('transmits %j exactly', async (query) => {
    const prom = await stub(echo);
    const result = await client(prom.url).query(query, T);
    expect(result.samples[0]!.labels.q).toBe(query);
  });

  it('transmits any unicode query exactly (property)', async () => {
    const prom = await stub(echo);
    const c = client(prom.url);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), async (query) => {
        const result = await c.query(query, T);
        expect(result.samples[0]!.labels.q).toBe(query);
      }),
      { numRuns: 60 },
    );
  });

  it('turns user:pass in the URL into basic auth and never shows it', async () => {
    const prom = await stub((req, res) => res.writeHead(500).end(`upstream says: ${JSON.stringify(req.headers)}`));
    const base = prom.url.replace('http://', 'http://deploy%40bot:s3cr%3At%2Fpw@');
    const c = client(`${base}/prometheus/`, { attempts: 1 });
    expect(c.displayUrl).toBe(`${prom.url}/prometheus`);
    const e = await failure(c.query(Q, T), 'server', `${prom.url}/prometheus`);
    const basic = Buffer.from('deploy@bot:s3cr:t/pw').toString('base64');
    expect(prom.received[0]!.headers.authorization).toBe(`Basic ${basic}`);
    for (const secret of ['s3cr', 'deploy@bot', 'deploy%40bot', basic]) expect(e.message).not.toContain(secret);
  });

  it('sends the configured headers; an explicit Authorization wins over URL credentials', async () => {
    const prom = await stub(ok);
    await client(prom.url.replace('http://', 'http://u:p@'), {
      headers: { Authorization: 'Bearer tok-123', 'X-Scope-OrgID': 'tenant-a' },
    }).query(Q, T);
    expect(prom.received[0]!.headers).toMatchObject({
      authorization: 'Bearer tok-123',
      'x-scope-orgid': 'tenant-a',
      accept: 'application/json',
    });
  });
});

describe('reading answers', () => {
  it('reads a vector with labels, NaN and ±Inf, and the samples touched', async () => {
    const result = [
      { metric: { job: 'api', le: '+Inf' }, value: [1, '0.25'] },
      { metric: { job: 'a' }, value: [1, 'NaN'] },
      { metric: { job: 'b' }, value: [1, '+Inf'] },
      { metric: { job: 'c' }, value: [1, '-Inf'] },
      { metric: {}, value: [1, '-1.5e-3'] },
    ];
    const prom = await stub((_req, res) =>
      json(res, 200, vector(result, { timings: {}, samples: { totalQueryableSamples: 4321, peakSamples: 12 } })),
    );
    expect(await client(prom.url).query(Q, T)).toEqual({
      samples: [
        { labels: { job: 'api', le: '+Inf' }, value: 0.25 },
        { labels: { job: 'a' }, value: Number.NaN },
        { labels: { job: 'b' }, value: Number.POSITIVE_INFINITY },
        { labels: { job: 'c' }, value: Number.NEGATIVE_INFINITY },
        { labels: {}, value: -0.0015 },
      ],
      samplesTouched: 4321,
    });
  });

  it('reads a scalar as one sample without labels, and an empty vector as no samples', async () => {
    const prom = await stub((req, res) =>
      req.form.get('query') === 'scalar(1)'
        ? json(res, 200, { status: 'success', data: { resultType: 'scalar', result: [1, '42'] } })
        : json(res, 200, vector([])),
    );
    expect(await client(prom.url).query('scalar(1)', T)).toEqual({ samples: [{ labels: {}, value: 42 }], samplesTouched: null });
    expect(await client(prom.url).query(Q, T)).toEqual({ samples: [], samplesTouched: null });
  });

  it('rejects a matrix with a hint about increase()/rate(), and a string result', async () => {
    const prom = await stub((req, res) =>
      req.form.get('query')!.startsWith('"')
        ? json(res, 200, { status: 'success', data: { resultType: 'string', result: [1, 'hi'] } })
        : json(res, 200, {
            status: 'success',
            data: { resultType: 'matrix', result: [{ metric: {}, values: [[1, '1']] }], stats: { samples: { totalQueryableSamples: 3 } } },
          }),
    );
    const matrix = await failure(
      client(prom.url).query('http_requests_total[5m]', T),
      'invalid-response',
      prom.url,
      'http_requests_total[5m]',
    );
    expect(matrix.message).toContain(
      'expected an instant vector or scalar; the query returned a matrix — did you forget increase()/rate()?',
    );
    const text = await failure(client(prom.url).query('"hi"', T), 'invalid-response', prom.url, '"hi"');
    expect(text.message).toContain('returned a string');
  });

  it('rejects a sample value that is not a number', async () => {
    const prom = await stub((_req, res) => json(res, 200, vector([{ metric: {}, value: [1, 'twelve'] }])));
    const e = await failure(client(prom.url).query(Q, T), 'invalid-response', prom.url);
    expect(e.message).toContain('twelve');
  });
});

describe('failures', () => {
  it('times out per attempt, says how to raise the limit, and does not retry', async () => {
    const prom = await stub(() => {
      /* never answers */
    });
    const started = Date.now();
    const e = await failure(client(prom.url, { timeoutMs: 150 }).query(Q, T), 'timeout', prom.url);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(e.message).toContain('150 ms');
    expect(e.message).toContain('`timeout` input');
    expect(e.details.attempts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(prom.received).toHaveLength(1);
  });

  it('times out while the body is still arriving', async () => {
    const prom = await stub((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":"success",');
    });
    await failure(client(prom.url, { timeoutMs: 150 }).query(Q, T), 'timeout', prom.url);
  });

  it('reports a refused connection as unreachable at once, naming the URL and what to check', async () => {
    const url = `http://127.0.0.1:${await getFreePort()}`;
    const e = await failure(client(url).query(Q, T), 'unreachable', url);
    expect(e.message).toContain('ECONNREFUSED');
    expect(e.message).toContain('check prometheus-url and that the runner has network access');
    expect(e.details.attempts).toBe(1);
  });

  it('reports an unknown host as unreachable', async () => {
    const e = await failure(
      client('http://prometheus.does-not-exist.invalid:9090').query(Q, T),
      'unreachable',
      'http://prometheus.does-not-exist.invalid:9090',
    );
    expect(e.message).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it('retries a reset connection and recovers', async () => {
    const prom = await stub((req, res, i) => (i < 2 ? res.socket?.destroy() : ok(req, res, i)));
    expect((await client(prom.url).query(Q, T)).samples).toEqual([{ labels: {}, value: 1 }]);
    expect(prom.received).toHaveLength(3);
  });

  it('gives up after `retries` reset connections', async () => {
    const prom = await stub((_req, res) => res.socket?.destroy());
    const e = await failure(client(prom.url, { attempts: 2 }).query(Q, T), 'unreachable', prom.url);
    expect(prom.received).toHaveLength(2);
    expect(e.message).toContain('failed 2 times');
  });

  it.each([400, 422])('reports HTTP %i as a bad query with Prometheus’s own words', async (status) => {
    const words = 'invalid parameter "query": 1:14: parse error: unexpected "}" in label matching';
    const prom = await stub((_req, res) => json(res, status, { status: 'error', errorType: 'bad_data', error: words }));
    const e = await failure(client(prom.url).query(Q, T), 'bad-query', prom.url);
    expect(e.message).toContain(words);
    expect(e.details).toMatchObject({ httpStatus: status, attempts: 1 });
    expect(prom.received).toHaveLength(1);
  });

  it.each([401, 403])('reports HTTP %i as unauthorized, naming the input to check and never the token', async (status) => {
    const prom = await stub((req, res) =>
      res
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(`token ${req.headers.authorization} rejected for ${req.headers['x-scope-orgid']}`),
    );
    const e = await failure(
      client(prom.url, { headers: { Authorization: 'Bearer glsa_S3cretT0ken', 'X-Scope-OrgID': 'tenant-a' } }).query(Q, T),
      'unauthorized',
      prom.url,
    );
    expect(e.message).toContain('prometheus-token');
    expect(e.message).not.toContain('S3cretT0ken');
    expect(e.details.httpStatus).toBe(status);
  });

  it('retries 5xx with backoff, then reports the last status and a body excerpt', async () => {
    const prom = await stub((_req, res, i) => res.writeHead(i < 2 ? 503 : 502, { 'content-type': 'text/plain' }).end(`bad gateway #${i}`));
    const e = await failure(client(prom.url).query(Q, T), 'server', prom.url);
    expect(prom.received).toHaveLength(3);
    expect(e.message).toContain('HTTP 502');
    expect(e.message).toContain('bad gateway #2');
    expect(e.details).toMatchObject({ httpStatus: 502, attempts: 3 });
  });

  it('recovers when a 5xx clears up, and honours the number of attempts', async () => {
    const flaky = await stub((req, res, i) => (i === 0 ? res.writeHead(503).end() : ok(req, res, i)));
    expect((await client(flaky.url).query(Q, T)).samples).toHaveLength(1);
    expect(flaky.received).toHaveLength(2);
    const down = await stub((_req, res) => res.writeHead(500).end());
    await failure(client(down.url, { attempts: 1 }).query(Q, T), 'server', down.url);
    expect(down.received).toHaveLength(1);
  });

  it('reports a 404 as a wrong base URL', async () => {
    const prom = await stub((_req, res) => res.writeHead(404).end('404 page not found'));
    const e = await failure(client(prom.url).query(Q, T), 'unreachable', prom.url);
    expect(e.message).toContain(`no Prometheus query API at ${prom.url}/api/v1/query — check the URL (Mimir needs its /prometheus prefix)`);
  });

  it('does not follow redirects, and says where they point', async () => {
    const target = await stub(ok);
    const prom = await stub((_req, res) =>
      res.writeHead(301, { location: `${target.url.replace('http://', 'http://x:leak@')}/prometheus/api/v1/query?token=abc` }).end(),
    );
    const e = await failure(client(prom.url).query(Q, T), 'unreachable', prom.url);
    expect(e.message).toContain(`redirected (HTTP 301) to ${target.url}/prometheus/api/v1/query`);
    expect(e.message).not.toMatch(/leak|token=abc/);
    expect(target.received).toHaveLength(0);
  });

  it.each([
    ['an HTML login page', 'text/html', '<html><body>Sign in to continue</body></html>', 'Sign in to continue'],
    ['an empty body', 'application/json', '', '(empty body)'],
    ['truncated JSON', 'application/json', '{"status":"success","data":{"resultType":"vec', '{\\"status\\":\\"success\\"'],
    ['JSON that is not an envelope', 'application/json', '{"hello":"world"}', 'hello'],
  ])('reports %s as an invalid response with an excerpt', async (_label, type, body, shown) => {
    const prom = await stub((_req, res) => res.writeHead(200, { 'content-type': type }).end(body));
    const e = await failure(client(prom.url).query(Q, T), 'invalid-response', prom.url);
    expect(e.message).toContain(shown);
  });

  it('keeps a body excerpt to 200 characters without control characters', async () => {
    const body = `${'A'.repeat(150)}\u0007\r\n\u0000${'B'.repeat(500)}`;
    const prom = await stub((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(body));
    const e = await failure(client(prom.url).query(Q, T), 'invalid-response', prom.url);
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(e.message).not.toMatch(/[\u0000-\u001f]/);
    expect(e.message).toContain(`${'A'.repeat(150)} ${'B'.repeat(48)}…`);
    expect(e.message).not.toContain('B'.repeat(49));
  });

  it('never echoes header values a server sends back', async () => {
    const prom = await stub((req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<pre>Authorization: ${req.headers.authorization}\nX-Api-Key: ${req.headers['x-api-key']}</pre>`),
    );
    const e = await failure(
      client(prom.url, { headers: { Authorization: 'Bearer abc.def.ghi', 'X-Api-Key': 'key-98765' } }).query(Q, T),
      'invalid-response',
      prom.url,
    );
    expect(e.message).not.toMatch(/abc\.def\.ghi|key-98765/);
    expect(e.message).toContain('Authorization: ***');
  });

  it('shortens a very long query in messages to about 300 characters', async () => {
    const long = `sum(${'rate(x{a="b"}[5m]) + '.repeat(200)}0)`;
    const prom = await stub((_req, res) => json(res, 400, { status: 'error', errorType: 'bad_data', error: 'too long' }));
    const e = await failure(client(prom.url).query(long, T), 'bad-query', prom.url, long);
    expect(e.message).toContain(`${long.slice(0, 299)}…`);
    expect(e.message).not.toContain(long.slice(0, 301));
    expect(e.message.length).toBeLessThan(700);
  });

  it('reports an invalid base URL from query(), not from the constructor', async () => {
    const c = client('not a url');
    await failure(c.query(Q, T), 'unreachable', 'not a url');
    const e = await failure(client('ftp://u:pw@host').query(Q, T), 'unreachable', 'ftp://host');
    expect(e.message).toContain('http:// or https://');
  });

  it('reports a header value that cannot be sent by its name only', async () => {
    const prom = await stub(ok);
    const e = await failure(client(prom.url, { headers: { Authorization: 'Bearer tok\nen-secret' } }).query(Q, T), 'unreachable', prom.url);
    expect(e.message).toContain('"Authorization"');
    expect(e.message).not.toContain('en-secret');
    expect(prom.received).toHaveLength(0);
  });
});

describe('range queries (/api/v1/query_range)', () => {
  const matrix = (result: unknown[], stats?: unknown) => ({
    status: 'success',
    data: { resultType: 'matrix', result, ...(stats ? { stats } : {}) },
  });
  const R = { start: new Date('2026-02-28T01:00:00.123Z'), end: T, stepSeconds: 86_400 };
  const okRange: Handler = (_req, res) => json(res, 200, matrix([{ metric: {}, values: [[1, '1']] }]));

  it('POSTs query, start, end (Unix seconds with milliseconds), step and stats=all form-encoded to <base>/api/v1/query_range, keeping a path prefix', async () => {
    const prom = await stub(okRange);
    await client(`${prom.url}/prometheus/`).queryRange(Q, R);
    expect(prom.received).toHaveLength(1);
    const [r] = prom.received;
    expect(r).toMatchObject({ method: 'POST', path: '/prometheus/api/v1/query_range' });
    expect(r!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(r!.form)).toEqual({
      query: Q,
      start: String(R.start.getTime() / 1000),
      end: String(T.getTime() / 1000),
      step: '86400',
      stats: 'all',
    });
  });

  it('reads a matrix with labels, NaN and ±Inf, a scalar as one series, and the samples touched', async () => {
    const result = [
      {
        metric: { dg_history: 'error' },
        values: [
          [100, '1.5'],
          [200, 'NaN'],
        ],
      },
      {
        metric: { dg_history: 'total' },
        values: [
          [100, '+Inf'],
          [200, '-2e-3'],
        ],
      },
    ];
    const prom = await stub((req, res) =>
      req.form.get('query') === 'scalar(1)'
        ? json(res, 200, { status: 'success', data: { resultType: 'scalar', result: [300, '42'] } })
        : json(res, 200, matrix(result, { samples: { totalQueryableSamples: 777 } })),
    );
    expect(await client(prom.url).queryRange(Q, R)).toEqual({
      series: [
        {
          labels: { dg_history: 'error' },
          points: [
            { at: 100, value: 1.5 },
            { at: 200, value: Number.NaN },
          ],
        },
        {
          labels: { dg_history: 'total' },
          points: [
            { at: 100, value: Number.POSITIVE_INFINITY },
            { at: 200, value: -0.002 },
          ],
        },
      ],
      samplesTouched: 777,
    });
    expect(await client(prom.url).queryRange('scalar(1)', R)).toEqual({
      series: [{ labels: {}, points: [{ at: 300, value: 42 }] }],
      samplesTouched: null,
    });
  });

  it('reads an empty matrix as no series', async () => {
    const prom = await stub((_req, res) => json(res, 200, matrix([])));
    expect(await client(prom.url).queryRange(Q, R)).toEqual({ series: [], samplesTouched: null });
  });

  it('refuses a vector, native histograms and a malformed matrix, naming the URL and the query', async () => {
    const prom = await stub((req, res) => {
      const q = req.form.get('query');
      if (q === 'vector') return json(res, 200, vector([{ metric: {}, value: [1, '1'] }]));
      if (q === 'histogram') return json(res, 200, matrix([{ metric: {}, histograms: [[1, { count: '1' }]] }]));
      return json(res, 200, matrix([{ metric: {}, values: [[1, 'twelve']] }]));
    });
    expect((await failure(client(prom.url).queryRange('vector', R), 'invalid-response', prom.url, 'vector')).message).toContain(
      'expected a matrix from the range query; the query returned a vector',
    );
    expect((await failure(client(prom.url).queryRange('histogram', R), 'invalid-response', prom.url, 'histogram')).message).toContain(
      'native histogram',
    );
    expect((await failure(client(prom.url).queryRange('bad', R), 'invalid-response', prom.url, 'bad')).message).toContain('twelve');
  });

  it('handles failures as instant queries do: retries 5xx, Prometheus’s own words for a bad query, a 404 naming the range API', async () => {
    const flaky = await stub((req, res, i) => (i === 0 ? res.writeHead(503).end() : okRange(req, res, i)));
    expect((await client(flaky.url).queryRange(Q, R)).series).toHaveLength(1);
    expect(flaky.received).toHaveLength(2);
    const words = 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)';
    const bad = await stub((_req, res) => json(res, 400, { status: 'error', errorType: 'bad_data', error: words }));
    expect((await failure(client(bad.url).queryRange(Q, R), 'bad-query', bad.url)).message).toContain(words);
    const missing = await stub((_req, res) => res.writeHead(404).end('404 page not found'));
    expect((await failure(client(missing.url).queryRange(Q, R), 'unreachable', missing.url)).message).toContain(
      `no Prometheus query API at ${missing.url}/api/v1/query_range`,
    );
  });

  it('strips URL credentials into basic auth and keeps every secret out of its messages', async () => {
    const prom = await stub((req, res) => res.writeHead(500).end(`upstream says: ${JSON.stringify(req.headers)}`));
    const base = prom.url.replace('http://', 'http://deploy%40bot:s3cr%3At%2Fpw@');
    const c = client(`${base}/prometheus/`, { attempts: 1, headers: { 'X-Api-Key': 'key-98765' } });
    const e = await failure(c.queryRange(Q, R), 'server', `${prom.url}/prometheus`);
    const basic = Buffer.from('deploy@bot:s3cr:t/pw').toString('base64');
    expect(prom.received[0]!.headers.authorization).toBe(`Basic ${basic}`);
    for (const secret of ['s3cr', 'deploy@bot', 'deploy%40bot', basic, 'key-98765']) expect(e.message).not.toContain(secret);
    expect(e.details.url).toBe(`${prom.url}/prometheus`);
  });

  it('times out per attempt without retrying, and does not follow redirects', async () => {
    const silent = await stub(() => {
      /* never answers */
    });
    await failure(client(silent.url, { timeoutMs: 150 }).queryRange(Q, R), 'timeout', silent.url);
    const target = await stub(okRange);
    const redirecting = await stub((_req, res) => res.writeHead(302, { location: `${target.url}/api/v1/query_range` }).end());
    await failure(client(redirecting.url).queryRange(Q, R), 'unreachable', redirecting.url);
    expect(target.received).toHaveLength(0);
  });
});

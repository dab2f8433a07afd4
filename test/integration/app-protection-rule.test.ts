/**
 * The deployment protection rule: the repository's policy, read through the API,
 * evaluated by the shared core against the suite's real Prometheus (the
 * operator's), answered approved or rejected; SSRF refused without a request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { cleanupHarness, createHarness, type Harness } from '../support/probot-harness.js';
import { OWNER, protectionRuleRequested, REPO } from '../support/webhook-payloads.js';

const REPO_PATH = `/repos/${OWNER}/${REPO}`;
const RUN_ID = 777;
let h: Harness;

afterEach(() => {
  expect(h.problems).toEqual([]);
  expect(nock.pendingMocks().filter((m) => !m.includes('access_tokens'))).toEqual([]);
  cleanupHarness();
});

function policyFor(scenario: string, extra = ''): string {
  return [
    'slos:',
    '  - name: api',
    '    sli:',
    '      events:',
    `        error: sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
    `        total: sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
    'dr: { enabled: false }',
    extra,
  ].join('\n');
}

function servePolicy(text: string | null) {
  const reply =
    text === null
      ? ([404, { message: 'Not Found' }] as const)
      : ([200, { type: 'file', sha: 'e'.repeat(40), encoding: 'base64', content: Buffer.from(text).toString('base64') }] as const);
  h.github.get(`${REPO_PATH}/contents/.github%2Fdeploy-governor.yml`).reply(reply[0], reply[1]);
}

function expectAnswer(state: 'approved' | 'rejected', capture: { comment: string }, status = 204) {
  h.github
    .post(
      `${REPO_PATH}/actions/runs/${RUN_ID}/deployment_protection_rule`,
      (body: { environment_name: string; state: string; comment: string }) => {
        capture.comment = body.comment;
        return body.environment_name === 'production' && body.state === state && body.comment.length <= 1024;
      },
    )
    .reply(status, status === 422 ? { message: 'No pending custom deployment requests' } : undefined);
}

const deliver = () =>
  h.probot.receive({
    id: `pr-${Math.random()}`,
    name: 'deployment_protection_rule',
    payload: protectionRuleRequested({ environment: 'production', runId: RUN_ID }) as never,
  });

describe('deployment protection rule', () => {
  it('approves a healthy service with a short markdown comment', async () => {
    h = await createHarness({ PROMETHEUS_URL: inject('prometheusUrl') });
    servePolicy(policyFor('normal'));
    const answer = { comment: '' };
    expectAnswer('approved', answer);
    await deliver();
    expect(answer.comment).toMatch(/^\*\*deploy-governor\*\*: approved, status NORMAL, budget remaining \d+\.\d%\./);
  });

  it('rejects an exhausted budget with the reason', async () => {
    h = await createHarness({ PROMETHEUS_URL: inject('prometheusUrl') });
    servePolicy(policyFor('exhausted'));
    const answer = { comment: '' };
    expectAnswer('rejected', answer);
    await deliver();
    expect(answer.comment).toMatch(/rejected, status EXHAUSTED/);
    expect(answer.comment).toMatch(/error budget remains \\\(the budget is exhausted\\\)/);
  });

  it('rejects (fails closed) when Prometheus cannot be reached', async () => {
    h = await createHarness({ PROMETHEUS_URL: `http://127.0.0.1:${await getFreePort()}` });
    servePolicy(policyFor('normal'));
    const answer = { comment: '' };
    expectAnswer('rejected', answer);
    await deliver();
    expect(answer.comment).toMatch(/status UNKNOWN/);
    // In the app's words, with a reference the operator finds in the log; no address of the operator's.
    expect(answer.comment).toMatch(/Prometheus could not be reached for .* \\\(reference [0-9a-f]{8}/);
    expect(answer.comment).not.toMatch(/127\.0\.0\.1/);
  });

  it("never echoes Prometheus's own words or a foreign body into the comment", async () => {
    // A shared Prometheus whose error quotes another tenant's label value, and a proxy answering HTML.
    const leaks = [
      [
        422,
        JSON.stringify({
          status: 'error',
          errorType: 'execution',
          error: 'found duplicate series for the match group {api_key="sk-tenant-b-secret"} on the right hand-side',
        }),
      ],
      [200, '<html><body>tenant-b dashboard: sk-tenant-b-secret</body></html>'],
    ] as const;
    for (const [status, body] of leaks) {
      const fake = await startFakePrometheus(() => [status, body]);
      try {
        h = await createHarness({ PROMETHEUS_URL: fake.url });
        servePolicy(policyFor('normal'));
        const answer = { comment: '' };
        expectAnswer('rejected', answer);
        await deliver();
        expect(answer.comment).not.toContain('sk-tenant-b');
        expect(answer.comment).not.toContain('duplicate series');
        expect(answer.comment).toMatch(/reference [0-9a-f]{8}/);
      } finally {
        await fake.stop();
        cleanupHarness();
      }
    }
    h = await createHarness();
  });

  it("shows Prometheus's parse error for the repository's own query", async () => {
    h = await createHarness({ PROMETHEUS_URL: inject('prometheusUrl') });
    servePolicy(
      [
        'slos:',
        '  - name: api',
        '    sli:',
        '      ratio:',
        '        query: sum(rate(http_requests_total{scenario="normal"}[{{window}}]) /',
        'dr: { enabled: false }',
      ].join('\n'),
    );
    const answer = { comment: '' };
    expectAnswer('rejected', answer);
    await deliver();
    expect(answer.comment).toMatch(/parse error/);
  });

  it('refuses a policy with more SLOs than the operator allows, before any query', async () => {
    const fake = await startFakePrometheus(() => [200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } })]);
    try {
      h = await createHarness({ PROMETHEUS_URL: fake.url });
      // About 3,500 SLOs fit in the 256 KiB a policy file may have.
      const slos = Array.from({ length: 3500 }, (_, i) => `  - {name: s${i}, sli: {ratio: {query: "a[{{window}}]"}}}`);
      servePolicy(['slos:', ...slos, 'dr: { enabled: false }'].join('\n'));
      const answer = { comment: '' };
      expectAnswer('rejected', answer);
      await deliver();
      expect(answer.comment).toMatch(/defines 3500 SLOs; at most 50 are evaluated per policy/);
      expect(fake.requests).toBe(0);
    } finally {
      await fake.stop();
    }
  });

  it('sends at most 8 queries at once for one evaluation', async () => {
    const fake = await startFakePrometheus(
      () => [200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [0, '0.0001'] }] } })],
      40,
    );
    try {
      h = await createHarness({ PROMETHEUS_URL: fake.url });
      const slos = Array.from({ length: 30 }, (_, i) => `  - { name: s${i}, sli: { ratio: { query: "sum(rate(x_total[{{window}}]))" } } }`);
      servePolicy(['slos:', ...slos, 'dr: { enabled: false }'].join('\n'));
      expectAnswer('approved', { comment: '' });
      await deliver();
      expect(fake.requests).toBeGreaterThan(30);
      expect(fake.maxInFlight).toBe(8);
    } finally {
      await fake.stop();
    }
  });

  it('rejects an invalid policy, naming the key', async () => {
    h = await createHarness({ PROMETHEUS_URL: inject('prometheusUrl') });
    servePolicy('block-on: SOMETIMES\n');
    const answer = { comment: '' };
    expectAnswer('rejected', answer);
    await deliver();
    expect(answer.comment).toMatch(/could not be evaluated \(fail closed\)/);
    expect(answer.comment).toMatch(/block-on/);
  });

  it('treats a 422 "nothing pending" as a race, not an error', async () => {
    h = await createHarness({ PROMETHEUS_URL: inject('prometheusUrl') });
    servePolicy(policyFor('normal'));
    expectAnswer('approved', { comment: '' }, 422);
    await expect(deliver()).resolves.toBeUndefined();
  });

  it('refuses a Prometheus the repository chose without sending it a request', async () => {
    let hits = 0;
    const bait: Server = createServer((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
    const baitUrl = `http://127.0.0.1:${(bait.address() as AddressInfo).port}`;
    try {
      h = await createHarness({ PROMETHEUS_URL: inject('prometheusUrl') });
      servePolicy(policyFor('normal', `prometheus: { url: "${baitUrl}", bearer-token-env: PRIVATE_KEY }`));
      const answer = { comment: '' };
      expectAnswer('rejected', answer);
      await deliver();
      expect(answer.comment).toMatch(/has not allowed; ask them to add it to PROMETHEUS\\_ALLOWED\\_URLS/);
      expect(hits).toBe(0);
    } finally {
      await new Promise<void>((resolve) => bait.close(() => resolve()));
    }
  });

  it('sends the operator credentials to the operator Prometheus', async () => {
    const proxy = await startRecordingProxy(inject('prometheusUrl'));
    try {
      h = await createHarness({
        PROMETHEUS_URL: proxy.url,
        PROMETHEUS_TOKEN: 'operator-secret',
        PROMETHEUS_HEADERS: 'X-Scope-OrgID: tenant-a',
      });
      servePolicy(policyFor('normal'));
      expectAnswer('approved', { comment: '' });
      await deliver();
      expect(proxy.seen.length).toBeGreaterThan(0);
      expect(
        proxy.seen.every((headers) => headers.authorization === 'Bearer operator-secret' && headers['x-scope-orgid'] === 'tenant-a'),
      ).toBe(true);
    } finally {
      await proxy.stop();
    }
  });

  it('uses an allow-listed Prometheus, without the operator credentials or the repository token variable', async () => {
    const proxy = await startRecordingProxy(inject('prometheusUrl'));
    try {
      // The proxy is on loopback: the operator must allow that network for an allow-listed URL (checked after resolution).
      h = await createHarness({
        PROMETHEUS_URL: inject('prometheusUrl'),
        PROMETHEUS_TOKEN: 'operator-secret',
        PROMETHEUS_ALLOWED_URLS: `${proxy.url}/`,
        PROMETHEUS_ALLOWED_NETWORKS: '127.0.0.0/8',
      });
      servePolicy(policyFor('normal', `prometheus: { url: "${proxy.url}", bearer-token-env: PRIVATE_KEY }`));
      const answer = { comment: '' };
      expectAnswer('approved', answer);
      await deliver();
      expect(proxy.seen.length).toBeGreaterThan(0);
      expect(proxy.seen.every((headers) => headers.authorization === undefined)).toBe(true);
    } finally {
      await proxy.stop();
    }
  });

  it('refuses an allow-listed name that resolves to a loopback address unless the operator allowed that network', async () => {
    const proxy = await startRecordingProxy(inject('prometheusUrl'));
    try {
      // localhost is allow-listed by name, but resolves to 127.0.0.1: refused after resolution, nothing sent.
      const port = new URL(proxy.url).port;
      h = await createHarness({ PROMETHEUS_URL: inject('prometheusUrl'), PROMETHEUS_ALLOWED_URLS: `http://localhost:${port}` });
      servePolicy(policyFor('normal', `prometheus: { url: "http://localhost:${port}" }`));
      const answer = { comment: '' };
      expectAnswer('rejected', answer);
      await deliver();
      expect(proxy.seen).toEqual([]);
      expect(answer.comment).toMatch(/PROMETHEUS\\_ALLOWED\\_NETWORKS/);
    } finally {
      await proxy.stop();
    }
  });

  it('does not follow an allow-listed Prometheus that redirects elsewhere', async () => {
    const bait = await startRecordingProxy(inject('prometheusUrl'));
    const redirector = await startRecordingProxy(inject('prometheusUrl'), bait.url);
    try {
      h = await createHarness({
        PROMETHEUS_URL: inject('prometheusUrl'),
        PROMETHEUS_ALLOWED_URLS: redirector.url,
        PROMETHEUS_ALLOWED_NETWORKS: '127.0.0.0/8',
      });
      servePolicy(policyFor('normal', `prometheus: { url: "${redirector.url}" }`));
      const answer = { comment: '' };
      expectAnswer('rejected', answer);
      await deliver();
      expect(redirector.seen.length).toBeGreaterThan(0);
      expect(bait.seen).toEqual([]);
      expect(answer.comment).toMatch(/status UNKNOWN|could not be evaluated/);
    } finally {
      await redirector.stop();
      await bait.stop();
    }
  });
});

/** A Prometheus stand-in answering every query with `answer()` after `delayMs`, counting requests and the most in flight at once. */
async function startFakePrometheus(answer: () => readonly [number, string], delayMs = 0) {
  const stats = { requests: 0, inFlight: 0, maxInFlight: 0 };
  const server: Server = createServer((req, res) => {
    stats.requests += 1;
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    req.resume();
    req.on('end', () => {
      setTimeout(() => {
        stats.inFlight -= 1;
        const [status, body] = answer();
        res.writeHead(status, { 'content-type': body.startsWith('<') ? 'text/html' : 'application/json' }).end(body);
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return stats.requests;
    },
    get maxInFlight() {
      return stats.maxInFlight;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A pass-through to a real Prometheus that records request headers, or answers every request with a redirect. */
async function startRecordingProxy(upstreamUrl: string, redirectTo?: string) {
  const seen: Record<string, string | string[] | undefined>[] = [];
  const upstream = new URL(upstreamUrl);
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (redirectTo) {
        res.writeHead(307, { location: `${redirectTo}${req.url}` }).end();
        return;
      }
      const r = await fetch(`${upstream.origin}${req.url}`, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body: Buffer.concat(chunks),
      });
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

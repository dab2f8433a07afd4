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
  const reply = text === null ? ([404, { message: 'Not Found' }] as const) : ([200, { type: 'file', sha: 'e'.repeat(40), encoding: 'base64', content: Buffer.from(text).toString('base64') }] as const);
  h.github.get(`${REPO_PATH}/contents/.github%2Fdeploy-governor.yml`).reply(reply[0], reply[1]);
}

function expectAnswer(state: 'approved' | 'rejected', capture: { comment: string }, status = 204) {
  h.github
    .post(`${REPO_PATH}/actions/runs/${RUN_ID}/deployment_protection_rule`, (body: { environment_name: string; state: string; comment: string }) => {
      capture.comment = body.comment;
      return body.environment_name === 'production' && body.state === state && body.comment.length <= 1024;
    })
    .reply(status, status === 422 ? { message: 'No pending custom deployment requests' } : undefined);
}

const deliver = () => h.probot.receive({ id: `pr-${Math.random()}`, name: 'deployment_protection_rule', payload: protectionRuleRequested({ environment: 'production', runId: RUN_ID }) as never });

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
    expect(answer.comment).toMatch(/cannot reach Prometheus/);
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
      h = await createHarness({ PROMETHEUS_URL: proxy.url, PROMETHEUS_TOKEN: 'operator-secret', PROMETHEUS_HEADERS: 'X-Scope-OrgID: tenant-a' });
      servePolicy(policyFor('normal'));
      expectAnswer('approved', { comment: '' });
      await deliver();
      expect(proxy.seen.length).toBeGreaterThan(0);
      expect(proxy.seen.every((headers) => headers.authorization === 'Bearer operator-secret' && headers['x-scope-orgid'] === 'tenant-a')).toBe(true);
    } finally {
      await proxy.stop();
    }
  });

  it('uses an allow-listed Prometheus, without the operator credentials or the repository token variable', async () => {
    const proxy = await startRecordingProxy(inject('prometheusUrl'));
    try {
      h = await createHarness({ PROMETHEUS_URL: inject('prometheusUrl'), PROMETHEUS_TOKEN: 'operator-secret', PROMETHEUS_ALLOWED_URLS: `${proxy.url}/` });
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

  it('does not follow an allow-listed Prometheus that redirects elsewhere', async () => {
    const bait = await startRecordingProxy(inject('prometheusUrl'));
    const redirector = await startRecordingProxy(inject('prometheusUrl'), bait.url);
    try {
      h = await createHarness({ PROMETHEUS_URL: inject('prometheusUrl'), PROMETHEUS_ALLOWED_URLS: redirector.url });
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
      const r = await fetch(`${upstream.origin}${req.url}`, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? '' }, body: Buffer.concat(chunks) });
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

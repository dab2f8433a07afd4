/**
 * Two tenants on the suite's one real Prometheus (test/support/scenarios.ts),
 * told apart by the `scenario` label: tenant A may read `scenario="normal"`,
 * tenant B `scenario="exhausted"`. Through choosePrometheus and querierFor (the
 * app's path), a query that would read both tenants' series reads only the
 * asking tenant's, a query that names the other tenant is refused before it is
 * sent, and the gate's verdict for each is its own scenario's. Then per-tenant
 * headers and credentials reach a local front that checks them (as Mimir's
 * gateway would) before forwarding to Prometheus.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readAppConfig } from '../../app/app-config.js';
import { choosePrometheus, closePrometheusConnections, querierFor } from '../../app/prometheus-target.js';
import { parseTenantsFile, type TenantDirectory } from '../../app/tenants/load-tenants.js';
import { budgetRemaining } from '../../src/core/budget/budget-math.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { parseCidr } from '../../src/core/network/address-ranges.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import type { PrometheusQuerier } from '../../src/core/prometheus/querier.js';
import { PrometheusQueryError } from '../../src/core/prometheus/query-error.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import { TenantQueryLimits } from '../../src/prometheus/tenant-querier.js';
import { expectedErrorRatio } from '../support/scenarios.js';

const WINDOW_SECONDS = 30 * 86400;
const RATIO_TOLERANCE = 0.00005;
const base = readAppConfig({ APP_ID: '1' });
const configWith = (directory: TenantDirectory) => ({
  ...base,
  tenancy: { ...base.tenancy, directory, allowedNetworks: [parseCidr('127.0.0.0/8')!] },
});
const limits = new TenantQueryLimits(4);
const A = { owner: 'acme', repo: 'a-checkout', installationId: 1 };
const B = { owner: 'acme', repo: 'b-payments', installationId: 1 };

let prometheusUrl: string;
let now: Date;
let direct: PrometheusClient;
let labelled: TenantDirectory;

function tenantFor(repository: typeof A, directory: TenantDirectory): PrometheusQuerier {
  return querierFor(choosePrometheus(undefined, configWith(directory), repository), { attempts: 1, limits });
}

async function scalar(q: PrometheusQuerier, promql: string): Promise<number> {
  const { samples } = await q.query(promql, now);
  expect(samples).toHaveLength(1);
  return samples[0]!.value;
}

beforeAll(() => {
  prometheusUrl = inject('prometheusUrl');
  now = new Date(inject('evaluationTime'));
  direct = new PrometheusClient({ url: prometheusUrl, timeoutMs: 10_000 });
  labelled = parseTenantsFile(
    [
      'tenants:',
      '  - name: tenant-a',
      '    repositories: ["acme/a-*"]',
      `    prometheus: { url: "${prometheusUrl}", timeout: 10s, label-matcher: { name: scenario, value: normal } }`,
      '  - name: tenant-b',
      '    repositories: ["acme/b-*"]',
      `    prometheus: { url: "${prometheusUrl}", timeout: 10s, label-matcher: { name: scenario, value: exhausted } }`,
    ].join('\n'),
    {},
  );
});

afterAll(closePrometheusConnections);

describe('two tenants separated by a label on one Prometheus', () => {
  it("a query that would sum across both tenants returns only the asking tenant's series", async () => {
    const everything = 'sum(increase(http_requests_total[30d]))';
    const all = await scalar(direct, everything);
    const onlyA = await scalar(direct, 'sum(increase(http_requests_total{scenario="normal"}[30d]))');
    const onlyB = await scalar(direct, 'sum(increase(http_requests_total{scenario="exhausted"}[30d]))');
    expect(all).toBeGreaterThan(onlyA + onlyB);
    expect(await scalar(tenantFor(A, labelled), everything)).toBeCloseTo(onlyA, 6);
    expect(await scalar(tenantFor(B, labelled), everything)).toBeCloseTo(onlyB, 6);
  });

  it('every series a tenant can list is its own, even through {__name__=~".+"}, joins and subqueries', async () => {
    const a = tenantFor(A, labelled);
    const scenarios = async (promql: string) => [...new Set((await a.query(promql, now)).samples.map((s) => s.labels.scenario))];
    expect(await scenarios('count by (scenario) ({__name__=~".+"})')).toEqual(['normal']);
    expect(
      await scenarios('count by (scenario) (http_requests_total) * on(scenario) group_left count by (scenario) (http_requests_total)'),
    ).toEqual(['normal']);
    expect(await scenarios('count by (scenario) (max_over_time(http_requests_total[1h:5m]))')).toEqual(['normal']);
    expect(await scenarios('count by (scenario) (label_replace(http_requests_total, "scenario", "exhausted", "", ""))')).toEqual([
      'exhausted',
    ]);
    // label_replace only renames the tenant's own series: the count is A's, not B's.
    const renamed = await scalar(a, 'count(label_replace(http_requests_total, "scenario", "exhausted", "", ""))');
    expect(renamed).toBe(await scalar(direct, 'count(http_requests_total{scenario="normal"})'));
  });

  it('refuses, before sending, a query that names the other tenant', async () => {
    const a = tenantFor(A, labelled);
    for (const hostile of [
      'sum(http_requests_total{scenario="exhausted"})',
      'sum(http_requests_total{scenario=~".+"})',
      'http_requests_total{scenario!="normal"}',
    ]) {
      const error = await a.query(hostile, now).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PrometheusQueryError);
      expect((error as PrometheusQueryError).message).toMatch(
        /^the app refused to send this query: the selector http_requests_total\{scenario.*may only read series with scenario="normal"/,
      );
    }
  });

  it("the gate's verdict for each tenant is its own scenario's, from the same label-free policy", async () => {
    const inputs = gateInputsSchema.parse({
      'prometheus-url': prometheusUrl,
      'error-query': 'sum(increase(http_requests_total{status=~"5.."}[{{window}}]))',
      'total-query': 'sum(increase(http_requests_total[{{window}}]))',
      'dr-check': 'false',
    });
    const policy = resolvePolicy(parsePolicy(''), inputs);
    for (const [repository, scenario, status] of [
      [A, 'normal', 'NORMAL'],
      [B, 'exhausted', 'EXHAUSTED'],
    ] as const) {
      const report = await evaluatePolicy({ policy, prometheus: tenantFor(repository, labelled), now });
      const slo = report.slos[0]!;
      expect(Math.abs(slo.errorRatio! - expectedErrorRatio(scenario, WINDOW_SECONDS)!)).toBeLessThan(RATIO_TOLERANCE);
      expect(slo.budgetRemaining).toBeCloseTo(budgetRemaining(slo.errorRatio!, 99.9), 8);
      expect(slo.status).toBe(status);
    }
  });
});

describe('two tenants separated by headers at a front', () => {
  let front: Server;
  let frontUrl: string;
  const seen: { org: string | undefined; authorization: string | undefined; query: string | null }[] = [];
  /** The front's tenants: org id → bearer token it expects. */
  const orgs: Record<string, string> = { 'org-a': 'token-a-0123456789', 'org-b': 'token-b-0123456789' };

  beforeAll(async () => {
    const upstream = new URL(prometheusUrl);
    front = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const org = req.headers['x-scope-orgid'] as string | undefined;
        seen.push({ org, authorization: req.headers.authorization, query: new URLSearchParams(body.toString()).get('query') });
        if (!org || !orgs[org] || req.headers.authorization !== `Bearer ${orgs[org]}`) {
          res.writeHead(401, { 'content-type': 'text/plain' }).end('no org id or wrong token\n');
          return;
        }
        const forward = httpRequest(
          {
            host: upstream.hostname,
            port: upstream.port,
            path: req.url,
            method: req.method,
            headers: { 'content-type': req.headers['content-type'] ?? '', 'content-length': body.length },
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on('error', () => res.writeHead(502).end());
        forward.end(body);
      });
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => front.close(() => resolve()));
  });

  it("sends each tenant's own X-Scope-OrgID and token, and the front serves each", async () => {
    const directory = parseTenantsFile(
      [
        'tenants:',
        '  - name: tenant-a',
        '    repositories: ["acme/a-*"]',
        `    prometheus: { url: "${frontUrl}", headers: { X-Scope-OrgID: org-a }, bearer-token-env: FRONT_TOKEN_A, label-matcher: { name: scenario, value: normal } }`,
        '  - name: tenant-b',
        '    repositories: ["acme/b-*"]',
        `    prometheus: { url: "${frontUrl}", headers: { X-Scope-OrgID: org-b }, bearer-token-env: FRONT_TOKEN_B, label-matcher: { name: scenario, value: exhausted } }`,
      ].join('\n'),
      { FRONT_TOKEN_A: orgs['org-a'], FRONT_TOKEN_B: orgs['org-b'] },
    );
    seen.length = 0;
    const a = await scalar(tenantFor(A, directory), 'sum(increase(http_requests_total[30d]))');
    const b = await scalar(tenantFor(B, directory), 'sum(increase(http_requests_total[30d]))');
    expect(a).toBeCloseTo(await scalar(direct, 'sum(increase(http_requests_total{scenario="normal"}[30d]))'), 6);
    expect(b).toBeCloseTo(await scalar(direct, 'sum(increase(http_requests_total{scenario="exhausted"}[30d]))'), 6);
    expect(seen).toEqual([
      { org: 'org-a', authorization: 'Bearer token-a-0123456789', query: 'sum(increase(http_requests_total{scenario="normal"}[30d]))' },
      { org: 'org-b', authorization: 'Bearer token-b-0123456789', query: 'sum(increase(http_requests_total{scenario="exhausted"}[30d]))' },
    ]);
  });

  it('a tenant whose headers the front does not accept gets "unauthorized", never another tenant\'s answer', async () => {
    const directory = parseTenantsFile(
      [
        'tenants:',
        '  - name: tenant-a',
        '    repositories: ["acme/a-*"]',
        `    prometheus: { url: "${frontUrl}", headers: { X-Scope-OrgID: org-b } }`,
      ].join('\n'),
      {},
    );
    const error = await tenantFor(A, directory)
      .query('up', now)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusQueryError);
    expect((error as PrometheusQueryError).kind).toBe('unauthorized');
  });
});

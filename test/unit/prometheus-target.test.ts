/**
 * choosePrometheus (app/prometheus-target.ts): the one place that picks a
 * Prometheus target for a repository, with or without a tenants file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readAppConfig } from '../../app/app-config.js';
import {
  choosePrometheus,
  closePrometheusConnections,
  DisallowedPrometheus,
  querierFor,
  type PrometheusTarget,
} from '../../app/prometheus-target.js';
import { parseTenantsFile } from '../../app/tenants/load-tenants.js';
import { PrometheusQueryError } from '../../src/core/prometheus/query-error.js';
import { TenantQueryLimits } from '../../src/prometheus/tenant-querier.js';

afterAll(closePrometheusConnections);

const repo = { owner: 'acme', repo: 'payments-api', installationId: 7 };
const single = readAppConfig({
  APP_ID: '1',
  PROMETHEUS_URL: 'http://prom.internal:9090',
  PROMETHEUS_TOKEN: 'op-token',
  PROMETHEUS_ALLOWED_URLS: 'https://open.example.com/',
});
const multi = readAppConfig({ APP_ID: '1', PROMETHEUS_ALLOWED_URLS: 'https://open.example.com' });
const tenants = parseTenantsFile(
  [
    'tenants:',
    '  - name: payments',
    '    repositories: ["acme/payments-*"]',
    '    prometheus:',
    '      url: https://mimir.example.com/prometheus',
    '      headers: { X-Scope-OrgID: payments }',
    '      bearer-token-env: PAYMENTS_TOKEN',
    '      timeout: 2s',
    '      label-matcher: { name: team, value: payments }',
  ].join('\n'),
  { PAYMENTS_TOKEN: 'pay-token' },
);

/** The multi-tenant configuration: the tenants file as app-config reads it into `tenancy.directory`. */
const withTenants = { ...multi, tenancy: { ...multi.tenancy, directory: tenants } };

const plain = (t: PrometheusTarget) => ({ ...t, fetch: typeof t.fetch });

describe('choosePrometheus without tenants (single tenant)', () => {
  it('uses PROMETHEUS_URL with the operator\'s credentials, as tenant "default"', () => {
    expect(plain(choosePrometheus(undefined, single, repo))).toEqual({
      url: 'http://prom.internal:9090',
      headers: { Authorization: 'Bearer op-token' },
      timeoutMs: 4000,
      tenant: 'default',
      fetch: 'function',
    });
    expect(choosePrometheus('http://prom.internal:9090/', single, repo).url).toBe('http://prom.internal:9090');
  });

  it('keeps the allow-list: no credentials to an allow-listed URL; refusal for any other', () => {
    expect(plain(choosePrometheus('https://user:pw@open.example.com/?x=1', single, repo))).toEqual({
      url: 'https://open.example.com',
      headers: {},
      timeoutMs: 4000,
      tenant: 'allowed:https://open.example.com',
      fetch: 'function',
    });
    expect(() => choosePrometheus('https://evil.example.com', single, repo)).toThrow(DisallowedPrometheus);
    expect(() => choosePrometheus('https://evil.example.com', single, repo)).toThrow(/PROMETHEUS_ALLOWED_URLS/);
  });

  it("picks the repository's tenant: its URL, headers, credentials, timeout and matcher", () => {
    expect(plain(choosePrometheus(undefined, withTenants, repo))).toEqual({
      url: 'https://mimir.example.com/prometheus',
      headers: { 'X-Scope-OrgID': 'payments', Authorization: 'Bearer pay-token' },
      timeoutMs: 2000,
      tenant: 'payments',
      requiredMatcher: { name: 'team', value: 'payments' },
      fetch: 'function',
    });
  });

  it('refuses a repository without a tenant, saying the operator must add it', () => {
    expect(() => choosePrometheus(undefined, withTenants, { owner: 'acme', repo: 'web', installationId: 7 })).toThrow(
      /no tenant is assigned to acme\/web .*the app's operator must add acme\/web \(or its owner acme\) to a tenant in PROMETHEUS_TENANTS/,
    );
    expect(() => choosePrometheus(undefined, withTenants, { owner: 'acme', repo: 'web', installationId: 7 })).toThrow(DisallowedPrometheus);
  });

  it("an allow-listed URL gets no credentials, but keeps the tenant's matcher and cap", () => {
    expect(plain(choosePrometheus('https://open.example.com', withTenants, repo))).toEqual({
      url: 'https://open.example.com',
      headers: {},
      timeoutMs: 2000,
      tenant: 'payments',
      requiredMatcher: { name: 'team', value: 'payments' },
      fetch: 'function',
    });
    expect(() => choosePrometheus('https://other.example.com', withTenants, repo)).toThrow(/PROMETHEUS_ALLOWED_URLS/);
  });

  it('querierFor enforces the matcher before anything is sent', async () => {
    const target = choosePrometheus(undefined, withTenants, repo);
    const sent: string[] = [];
    const spy: typeof fetch = async (_input, init) => {
      sent.push(new URLSearchParams(String(init?.body)).get('query')!);
      return new Response(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const q = querierFor({ ...target, fetch: spy }, { attempts: 1, limits: new TenantQueryLimits(2) });
    await q.query('sum(rate(x[5m]))', new Date(0));
    expect(sent).toEqual(['sum(rate(x{team="payments"}[5m]))']);
    await expect(q.query('x{team!="payments"}', new Date(0))).rejects.toBeInstanceOf(PrometheusQueryError);
    expect(sent).toHaveLength(1);
  });

  it('with onFailure, shows a refusal as it is and redacts what Prometheus said', async () => {
    const target = choosePrometheus(undefined, withTenants, repo);
    const logged: string[] = [];
    const leaky: typeof fetch = async () =>
      new Response(
        JSON.stringify({
          status: 'error',
          errorType: 'execution',
          error: 'found duplicate series for the match group {api_key="sk-other-tenant"}',
        }),
        { status: 422 },
      );
    const q = querierFor(
      { ...target, fetch: leaky },
      { attempts: 1, limits: new TenantQueryLimits(2), onFailure: (ref, e) => logged.push(`${ref} ${e.message}`) },
    );
    const refused = (await q.query('x{team="other"}', new Date(0)).catch((e: unknown) => e)) as PrometheusQueryError;
    expect(refused.message).toMatch(/^the app refused to send this query: the selector x\{team="other"\}/);
    const failed = (await q.query('sum(x) / on() y', new Date(0)).catch((e: unknown) => e)) as PrometheusQueryError;
    expect(failed.message).not.toContain('sk-other-tenant');
    expect(failed.message).toMatch(/reference [0-9a-f]{8}/);
    expect(logged).toEqual([expect.stringContaining('sk-other-tenant')]);
  });
});

/**
 * Failure semantics against a real Prometheus behind a fault-injecting proxy:
 * each failure is UNKNOWN, blocks by default, and says what happened.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import { startFaultProxy } from '../support/fault-proxy.js';

type Proxy = Awaited<ReturnType<typeof startFaultProxy>>;
let proxy: Proxy;

beforeAll(async () => {
  proxy = await startFaultProxy(inject('prometheusUrl'));
});
afterAll(async () => {
  await proxy.stop();
});

function gate(url: string, extra: Record<string, string> = {}) {
  const policy = resolvePolicy(
    {},
    gateInputsSchema.parse({
      'prometheus-url': url,
      'error-query': 'sum(increase(http_requests_total{scenario="normal",status=~"5.."}[{{window}}]))',
      'total-query': 'sum(increase(http_requests_total{scenario="normal"}[{{window}}]))',
      'dr-check': 'false',
      ...extra,
    }),
  );
  const p = policy.prometheus!;
  return evaluatePolicy({
    policy,
    prometheus: new PrometheusClient({ url: p.url, headers: p.headers, timeoutMs: p.timeoutMs, backoffMs: 20 }),
    now: new Date(inject('evaluationTime')),
  });
}

describe('failure semantics', () => {
  it('passes through the proxy when healthy', async () => {
    proxy.setMode({ kind: 'pass' });
    const report = await gate(proxy.url);
    expect(report.decision).toMatchObject({ status: 'NORMAL', canDeploy: true });
  });

  it('fails closed when Prometheus is down, naming the URL without credentials', async () => {
    const port = await getFreePort();
    const report = await gate(`http://admin:hunter2@127.0.0.1:${port}`);
    expect(report.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false });
    const text = report.decision.reasons.join('\n');
    expect(text).toContain(`http://127.0.0.1:${port}`);
    expect(text).not.toContain('hunter2');
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });

  it('allows with a warning when on-error is allow', async () => {
    const port = await getFreePort();
    const report = await gate(`http://127.0.0.1:${port}`, { 'on-error': 'allow' });
    expect(report.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: true });
  });

  it('honours the per-query timeout against a slow Prometheus', async () => {
    proxy.setMode({ kind: 'delay', ms: 15_000 });
    const started = Date.now();
    const report = await gate(proxy.url, { timeout: '500ms' });
    // The answer would take 15 s; the gate gave up long before (coarse bound, not a benchmark).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report.decision.status).toBe('UNKNOWN');
    expect(report.decision.reasons[0]).toMatch(/500ms|timeout|timed out/i);
  });

  it('retries a 5xx and recovers', async () => {
    proxy.setMode({ kind: 'fail-then-pass', status: 503, times: 2 });
    const before = proxy.requests;
    const report = await gate(proxy.url);
    expect(report.decision).toMatchObject({ status: 'NORMAL', canDeploy: true });
    expect(proxy.requests - before).toBeGreaterThan(report.prometheus.queries);
  });

  it('gives up after three tries of a persistent 5xx', async () => {
    proxy.setMode({ kind: 'fail-then-pass', status: 502, times: 1_000_000 });
    const report = await gate(proxy.url);
    expect(report.decision.status).toBe('UNKNOWN');
    expect(report.decision.reasons[0]).toMatch(/502/);
  });

  it('rejects a response that is not Prometheus JSON', async () => {
    proxy.setMode({ kind: 'garbage' });
    const report = await gate(proxy.url);
    expect(report.decision.status).toBe('UNKNOWN');
    expect(report.decision.reasons[0]).toMatch(/not .*Prometheus|invalid|JSON/i);
    proxy.setMode({ kind: 'pass' });
  });

  it('fails closed when the connection drops', async () => {
    proxy.setMode({ kind: 'drop' });
    const report = await gate(proxy.url);
    expect(report.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false });
    proxy.setMode({ kind: 'pass' });
  });
});

/**
 * The governance rules of the policy file against the real Prometheus:
 * DR freshness, probes, RTO, latency SLIs, several SLOs and the fast-burn guard.
 */
import { describe, expect, inject, it } from 'vitest';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import { expectedErrorRatio, expectedLatencyBadRatio } from '../support/scenarios.js';

const events = (scenario: string) => ({
  events: {
    error: `sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
    total: `sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
  },
});

function evaluate(policyYaml: object) {
  const policy = resolvePolicy(
    parsePolicy(JSON.stringify(policyYaml)),
    gateInputsSchema.parse({ 'prometheus-url': inject('prometheusUrl') }),
  );
  const p = policy.prometheus!;
  return evaluatePolicy({
    policy,
    prometheus: new PrometheusClient({ url: p.url, headers: p.headers, timeoutMs: p.timeoutMs }),
    now: new Date(inject('evaluationTime')),
  });
}

const healthy = { slos: [{ name: 'api', sli: events('normal') }] };
const dr = (scenario: string, extra: object = {}) => ({
  ...healthy,
  dr: { metric: `dr_last_test_timestamp{scenario="${scenario}"}`, 'max-age': '7d', ...extra },
});

describe('DR freshness', () => {
  it('passes a fresh drill and reports its age', async () => {
    const report = await evaluate(dr('dr-fresh'));
    expect(report.dr?.ok).toBe(true);
    expect(report.dr?.ageSeconds).toBeGreaterThan(1.9 * 86400);
    expect(report.dr?.ageSeconds).toBeLessThan(2.1 * 86400);
    expect(report.decision.canDeploy).toBe(true);
  });

  it('blocks a stale drill with its own reason', async () => {
    const report = await evaluate(dr('dr-stale'));
    expect(report.dr?.ok).toBe(false);
    expect(report.decision.canDeploy).toBe(false);
    expect(report.decision.reasons[0]).toMatch(/last drill was 10d ago, older than the allowed 7d/);
  });

  it('finds a gauge pushed once a day, which an instant query misses', async () => {
    const report = await evaluate(dr('dr-sparse'));
    expect(report.dr?.ageSeconds).not.toBeNull();
    expect(report.dr?.ok).toBe(true);
  });

  it('blocks an absent metric and says how to publish it or disable the check', async () => {
    const report = await evaluate(dr('dr-absent'));
    expect(report.dr?.ageSeconds).toBeNull();
    expect(report.decision.canDeploy).toBe(false);
    expect(report.decision.reasons[0]).toMatch(/no dr_last_test_timestamp\{scenario="dr-absent"\} sample.*dr-check: false/);
  });

  it('blocks a failing backup probe and an RTO over its limit', async () => {
    const probe = await evaluate(
      dr('dr-fresh', { 'backup-probe': { query: 'probe_success{job="dr-backup-check",scenario="probe-fail"}' } }),
    );
    expect(probe.dr?.backupProbe).toMatchObject({ ok: false, value: 0 });
    expect(probe.decision.reasons[0]).toMatch(/backup probe .* is 0, not 1/);
    const probeOk = await evaluate(
      dr('dr-fresh', { 'backup-probe': { query: 'probe_success{job="dr-backup-check",scenario="probe-ok"}' } }),
    );
    expect(probeOk.dr?.ok).toBe(true);
    const rto = await evaluate(dr('dr-fresh', { rto: { metric: 'dr_last_recovery_time_seconds{scenario="rto-over"}', max: '1h' } }));
    expect(rto.dr?.rto).toMatchObject({ ok: false, seconds: 7200 });
    expect(rto.decision.reasons[0]).toMatch(/RTO was 2h, over the limit of 1h/);
    const rpo = await evaluate(dr('dr-fresh', { rpo: { metric: 'dr_last_data_loss_seconds{scenario="rpo-ok"}', max: '5m' } }));
    expect(rpo.dr?.rpo).toMatchObject({ ok: true, seconds: 30 });
  });
});

describe('SLIs and several SLOs', () => {
  it('evaluates a latency SLO from the threshold bucket', async () => {
    const report = await evaluate({
      'burn-rate-guards': [],
      dr: { enabled: false },
      slos: [
        {
          name: 'latency',
          objective: 95,
          sli: { latency: { metric: 'http_request_duration_seconds', threshold: 0.25, selector: 'scenario="latency"' } },
        },
      ],
    });
    const expected = expectedLatencyBadRatio(0.25, 30 * 86400)!;
    expect(Math.abs(report.slos[0]!.errorRatio! - expected)).toBeLessThan(0.001);
  });

  it('explains a latency threshold without a bucket', async () => {
    const report = await evaluate({
      dr: { enabled: false },
      slos: [
        {
          name: 'latency',
          sli: { latency: { metric: 'http_request_duration_seconds', threshold: 0.3, selector: '{scenario="latency"}' } },
        },
      ],
    });
    expect(report.decision.status).toBe('UNKNOWN');
    expect(report.decision.reasons[0]).toMatch(/no bucket le="0.3"; its buckets are 0.1, 0.25, 0.5, 1, \+Inf/);
  });

  it('takes the worst of two SLOs when only one is bad', async () => {
    const report = await evaluate({
      dr: { enabled: false },
      slos: [
        { name: 'good', sli: events('normal') },
        { name: 'bad', sli: events('exhausted') },
      ],
    });
    expect(report.slos.map((s) => s.status)).toEqual(['NORMAL', 'EXHAUSTED']);
    expect(report.decision).toMatchObject({ status: 'EXHAUSTED', canDeploy: false });
    expect(report.decision.reasons[0]).toMatch(/^SLO bad:/);
  });

  it('blocks a fast burn on a healthy budget and reports both burn rates', async () => {
    const report = await evaluate({ dr: { enabled: false }, slos: [{ name: 'api', sli: events('fast-burn') }] });
    const slo = report.slos[0]!;
    expect(slo.budgetRemaining).toBeGreaterThanOrEqual(50);
    const guard = slo.guards[0]!;
    const expected1h = expectedErrorRatio('fast-burn', 3600)! / 0.001;
    expect(guard.longBurnRate).toBeGreaterThan(14.4);
    expect(guard.shortBurnRate).toBeGreaterThan(14.4);
    expect(Math.abs(guard.longBurnRate! - expected1h) / expected1h).toBeLessThan(0.05);
    expect(report.decision).toMatchObject({ status: 'FREEZE', canDeploy: false });
    expect(report.decision.reasons[0]).toMatch(/fast burn/);
  });
});

import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { PrometheusQueryError } from '../../src/core/prometheus/query-error.js';
import { reportSchema } from '../../src/core/report/report-schema.js';
import { eventsAnswer, MemoryQuerier } from '../support/memory-querier.js';

const now = new Date('2026-11-23T12:00:00Z');
const nowSeconds = now.getTime() / 1000;

function policy(yaml = '', raw: Record<string, string> = {}) {
  return resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({ 'dr-check': 'false', ...raw }));
}

describe('evaluatePolicy', () => {
  it('evaluates budget, burn rate and days to exhaustion from one timestamp', async () => {
    // 0.06% errors over 30d at 99.9% leaves 40% of the budget (WARNING); 0.2% in the last hour burns 2x.
    const q = new MemoryQuerier(
      eventsAnswer({ '30d': { errors: 600, total: 1_000_000 }, '1h': { errors: 2, total: 1000 }, '5m': { errors: 0, total: 100 } }),
    );
    const report = await evaluatePolicy({ policy: policy(), prometheus: q, now });
    expect(reportSchema.parse(report)).toEqual(report);
    const slo = report.slos[0]!;
    expect(slo.errorRatio).toBeCloseTo(0.0006, 12);
    expect(slo.budgetRemaining).toBeCloseTo(40, 8);
    expect(slo.burnRate).toBeCloseTo(2, 8);
    expect(slo.daysToExhaustion).toBeCloseTo((0.4 * 30) / 2, 8);
    expect(report.decision).toMatchObject({ status: 'WARNING', canDeploy: false, requiredOverride: 'warning' });
    expect(report.decision.reasons[0]).toMatch(/40\.0% of the 30d error budget remains/);
    expect(new Set(q.asked.map((a) => a.time.getTime()))).toEqual(new Set([now.getTime()]));
    expect(report.prometheus).toEqual({ url: 'memory://prometheus', queries: q.asked.length, samplesTouched: 10 * q.asked.length });
  });

  it('counts an absent 5xx series as zero errors', async () => {
    const q = new MemoryQuerier(
      eventsAnswer({ '30d': { errors: null, total: 5000 }, '1h': { errors: null, total: 10 }, '5m': { errors: null, total: 1 } }),
    );
    const report = await evaluatePolicy({ policy: policy(), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ errorRatio: 0, budgetRemaining: 100, burnRate: 0, daysToExhaustion: 'inf', status: 'NORMAL' });
    expect(report.decision.canDeploy).toBe(true);
  });

  it('is UNKNOWN and blocked without traffic, allowed with on-error: allow', async () => {
    const q = new MemoryQuerier(eventsAnswer({ '30d': { errors: 0, total: 0 } }));
    const blocked = await evaluatePolicy({ policy: policy(), prometheus: q, now });
    expect(blocked.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false });
    expect(blocked.decision.reasons[0]).toMatch(/no traffic in the 30d window/);
    const allowed = await evaluatePolicy({ policy: policy('', { 'on-error': 'allow' }), prometheus: q, now });
    expect(allowed.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: true });
  });

  it('is UNKNOWN when Prometheus fails, with its message', async () => {
    const q = new MemoryQuerier(
      () => new PrometheusQueryError('unreachable', 'cannot reach http://prom:9090', { url: 'http://prom:9090', query: 'x' }),
    );
    const report = await evaluatePolicy({ policy: policy(), prometheus: q, now });
    expect(report.decision.status).toBe('UNKNOWN');
    expect(report.decision.reasons[0]).toContain('cannot reach http://prom:9090');
  });

  it('rejects a query that returns several series', async () => {
    const q = new MemoryQuerier(() => [
      { labels: { a: '1' }, value: 1 },
      { labels: { a: '2' }, value: 2 },
    ]);
    const report = await evaluatePolicy({ policy: policy(), prometheus: q, now });
    expect(report.decision.reasons[0]).toMatch(/returned 2 series; .*sum\(/);
  });

  it('takes the worst SLO: one healthy SLO never hides a bad one', async () => {
    const yaml = `
slos:
  - { name: good, sli: { events: { error: 'good_err[{{window}}]', total: 'good_total[{{window}}]' } } }
  - { name: bad, sli: { events: { error: 'bad_err[{{window}}]', total: 'bad_total[{{window}}]' } } }
burn-rate-guards: []
`;
    const q = new MemoryQuerier((query) => {
      if (query.startsWith('good_err')) return 0;
      if (query.startsWith('bad_err')) return query.includes('[30d]') ? 2000 : 0;
      return 1_000_000;
    });
    const report = await evaluatePolicy({ policy: policy(yaml), prometheus: q, now });
    expect(report.slos.map((s) => s.status)).toEqual(['NORMAL', 'EXHAUSTED']);
    expect(report.decision.status).toBe('EXHAUSTED');
    expect(report.budget.remaining).toBeCloseTo(-100, 8);
  });

  it('blocks on fast burn even with a healthy budget, reporting both burn rates', async () => {
    const q = new MemoryQuerier(
      eventsAnswer({ '30d': { errors: 100, total: 1_000_000 }, '1h': { errors: 30, total: 1000 }, '5m': { errors: 5, total: 100 } }),
    );
    const report = await evaluatePolicy({ policy: policy(), prometheus: q, now });
    const guard = report.slos[0]!.guards[0]!;
    expect(guard.longBurnRate).toBeCloseTo(30, 8);
    expect(guard.shortBurnRate).toBeCloseTo(50, 8);
    expect(guard.triggered).toBe(true);
    expect(report.slos[0]!.status).toBe('NORMAL');
    expect(report.decision).toMatchObject({ status: 'FREEZE', canDeploy: false, requiredOverride: 'freeze' });
  });

  it('needs both windows of a guard above the factor', async () => {
    const q = new MemoryQuerier(
      eventsAnswer({ '30d': { errors: 100, total: 1_000_000 }, '1h': { errors: 30, total: 1000 }, '5m': { errors: 1, total: 100 } }),
    );
    const report = await evaluatePolicy({ policy: policy(), prometheus: q, now });
    expect(report.slos[0]!.guards[0]!.triggered).toBe(false);
    expect(report.decision.canDeploy).toBe(true);
  });

  it('evaluates a latency SLI from the bucket at the threshold, and explains a missing bucket', async () => {
    const yaml = `slos: [{ name: lat, objective: 99, sli: { latency: { metric: rpc_seconds, threshold: 0.25, selector: '{job="api"}' } } }]\nburn-rate-guards: []`;
    const buckets = (les: string[]) => les.map((le, i) => ({ labels: { le }, value: [900, 990, 1000][i] ?? 1000 }));
    const withBucket = new MemoryQuerier((query) => (query.includes('_bucket') ? buckets(['0.1', '0.25', '+Inf']) : 1000));
    const ok = await evaluatePolicy({ policy: policy(yaml), prometheus: withBucket, now });
    expect(withBucket.asked.some((a) => a.query === 'sum by (le) (increase(rpc_seconds_bucket{job="api"}[30d]))')).toBe(true);
    expect(ok.slos[0]!.errorRatio).toBeCloseTo(0.01, 12);
    expect(ok.slos[0]!.budgetRemaining).toBeCloseTo(0, 8);
    const without = new MemoryQuerier((query) => (query.includes('_bucket') ? buckets(['0.1', '0.5', '+Inf']) : 1000));
    const bad = await evaluatePolicy({ policy: policy(yaml), prometheus: without, now });
    expect(bad.decision.status).toBe('UNKNOWN');
    expect(bad.decision.reasons[0]).toMatch(/no bucket le="0.25"; its buckets are 0.1, 0.5, \+Inf/);
  });

  it('checks DR age, probe and RTO with a lookback, each failure with its own reason', async () => {
    const yaml = `dr: { max-age: 7d, backup-probe: {}, rto: { max: 1h }, rpo: { max: 5m } }\nburn-rate-guards: []`;
    const values: Record<string, number | null> = {
      'max(last_over_time(dr_last_test_timestamp[2w]))': nowSeconds - 10 * 86400,
      'min(last_over_time(probe_success{job="dr-backup-check"}[1h]))': 0,
      'max(last_over_time(dr_last_recovery_time_seconds[2w]))': 7200,
      'max(last_over_time(dr_last_data_loss_seconds[2w]))': 60,
    };
    const q = new MemoryQuerier((query) => (query in values ? values[query]! : query.includes('5..') ? 0 : 1000));
    const report = await evaluatePolicy({ policy: resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({})), prometheus: q, now });
    expect(report.dr).toMatchObject({
      ageSeconds: 10 * 86400,
      ok: false,
      backupProbe: { ok: false, value: 0 },
      rto: { ok: false, seconds: 7200 },
      rpo: { ok: true },
    });
    const reasons = report.decision.reasons.join('\n');
    expect(reasons).toMatch(/last drill was 10d ago, older than the allowed 7d/);
    expect(reasons).toMatch(/backup probe .* is 0, not 1/);
    expect(reasons).toMatch(/RTO was 2h, over the limit of 1h/);
    expect(report.decision).toMatchObject({ status: 'WARNING', canDeploy: false });
  });

  it('says how to publish a missing DR metric or disable the check', async () => {
    const q = new MemoryQuerier((query) => (query.includes('dr_last_test_timestamp') ? null : query.includes('5..') ? 0 : 1000));
    const report = await evaluatePolicy({ policy: resolvePolicy({}, gateInputsSchema.parse({})), prometheus: q, now });
    expect(report.dr?.ageSeconds).toBeNull();
    expect(report.decision.reasons.join('\n')).toMatch(/no dr_last_test_timestamp sample .*push .*dr-check: false/);
  });

  it('blocks with FREEZE inside a freeze window, with its name, reason and end', async () => {
    const yaml = `freeze-windows: [{ name: Black Friday, reason: Peak traffic, from: "2026-11-20T00:00:00Z", to: "2026-11-30T00:00:00Z" }]`;
    const q = new MemoryQuerier((query) => (query.includes('5..') ? 0 : 1000));
    const report = await evaluatePolicy({ policy: policy(yaml), prometheus: q, now });
    expect(report.freeze.active).toEqual([
      { name: 'Black Friday', reason: 'Peak traffic', since: '2026-11-20T00:00:00.000Z', until: '2026-11-30T00:00:00.000Z' },
    ]);
    expect(report.decision).toMatchObject({ status: 'FREEZE', canDeploy: false });
    expect(report.decision.reasons[0]).toBe('Deploy freeze "Black Friday" is active until 2026-11-30T00:00:00.000Z: Peak traffic');
  });

  it('is UNKNOWN for NaN or Inf counts, naming the query', async () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const q = new MemoryQuerier((query) => (query.includes('5..') ? bad : 1000));
      const report = await evaluatePolicy({ policy: policy(), prometheus: q, now });
      expect(report.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false });
      expect(report.decision.reasons[0]).toMatch(new RegExp(`the error query returned ${bad}; expected a finite count`));
    }
  });

  it('evaluates a ratio SLI, treating 0/0 as no traffic', async () => {
    const yaml = `slos: [{ name: r, objective: 99, sli: { ratio: { query: 'my_ratio[{{window}}]' } } }]\nburn-rate-guards: []`;
    const ok = await evaluatePolicy({
      policy: policy(yaml),
      prometheus: new MemoryQuerier((q) => (q === 'my_ratio[30d]' ? 0.005 : 0)),
      now,
    });
    expect(ok.slos[0]).toMatchObject({ sliKind: 'ratio', errorRatio: 0.005, status: 'CAUTION' });
    expect(ok.slos[0]!.budgetRemaining).toBeCloseTo(50, 8);
    const none = await evaluatePolicy({ policy: policy(yaml), prometheus: new MemoryQuerier(() => Number.NaN), now });
    expect(none.decision.status).toBe('UNKNOWN');
    expect(none.decision.reasons[0]).toMatch(/no traffic in the 30d window/);
  });
});

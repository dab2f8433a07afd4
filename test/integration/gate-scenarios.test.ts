/**
 * The gate against a real Prometheus holding 30 days of generated traffic per
 * scenario (test/support/scenarios.ts). Expected values come from the scenario
 * models, never from constants.
 */
import { describe, expect, inject, it } from 'vitest';
import { budgetRemaining, statusFromBudget } from '../../src/core/budget/budget-math.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import { expectedErrorRatio } from '../support/scenarios.js';

const WINDOW_SECONDS = 30 * 86400;
/** increase() extrapolates to the window edges; the models' exact ratios agree to within this (absolute). */
const RATIO_TOLERANCE = 0.00005;

function gateFor(scenario: string, extra: Record<string, string> = {}) {
  const inputs = gateInputsSchema.parse({
    'prometheus-url': inject('prometheusUrl'),
    'error-query': `sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
    'total-query': `sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
    'dr-check': 'false',
    ...extra,
  });
  const policy = resolvePolicy(parsePolicy(''), inputs);
  const prometheus = new PrometheusClient({
    url: policy.prometheus!.url,
    headers: policy.prometheus!.headers,
    timeoutMs: policy.prometheus!.timeoutMs,
  });
  return evaluatePolicy({ policy, prometheus, now: new Date(inject('evaluationTime')) });
}

const thresholds = { caution: 80, warning: 50, freeze: 20 };

describe('gate against a real Prometheus', () => {
  it.each(['normal', 'caution', 'warning', 'freeze', 'exhausted', 'counter-reset', 'young', 'slow-burn'])(
    'computes the %s scenario like its model',
    async (scenario) => {
      const expected = expectedErrorRatio(scenario, WINDOW_SECONDS)!;
      const report = await gateFor(scenario);
      const slo = report.slos[0]!;
      expect(slo.errorRatio).not.toBeNull();
      expect(Math.abs(slo.errorRatio! - expected)).toBeLessThan(RATIO_TOLERANCE);
      expect(slo.budgetRemaining).toBeCloseTo(budgetRemaining(slo.errorRatio!, 99.9), 8);
      // The status must be the one the model's exact ratio gives (tiers are far from the edges).
      expect(slo.status).toBe(statusFromBudget(budgetRemaining(expected, 99.9), thresholds));
      expect(report.prometheus.samplesTouched).toBeGreaterThan(0);
    },
  );

  it('reaches every status tier across the scenarios', async () => {
    const statuses = await Promise.all(
      ['normal', 'caution', 'warning', 'freeze', 'exhausted'].map(async (s) => (await gateFor(s)).slos[0]!.status),
    );
    expect(statuses).toEqual(['NORMAL', 'CAUTION', 'WARNING', 'FREEZE', 'EXHAUSTED']);
  });

  it('treats an absent 5xx series as zero errors, not missing data', async () => {
    const report = await gateFor('zero-5xx');
    expect(report.slos[0]).toMatchObject({ errorRatio: 0, budgetRemaining: 100, status: 'NORMAL', daysToExhaustion: 'inf' });
    expect(report.decision.canDeploy).toBe(true);
  });

  it('blocks a total outage through the fast-burn guard and the budget', async () => {
    const report = await gateFor('outage');
    const guard = report.slos[0]!.guards[0]!;
    expect(guard.triggered).toBe(true);
    expect(guard.shortBurnRate).toBeGreaterThan(900);
    expect(report.decision.canDeploy).toBe(false);
  });

  it('is UNKNOWN and blocked when the window has no traffic', async () => {
    const report = await gateFor('no-traffic');
    expect(report.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false });
    expect(report.decision.reasons[0]).toMatch(/no traffic in the 30d window/);
    const allowed = await gateFor('no-traffic', { 'on-error': 'allow' });
    expect(allowed.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: true });
  });

  it("shows Prometheus's own words for a bad query", async () => {
    const report = await gateFor('normal', { 'error-query': 'sum(increase(http_requests_total{status=~"5.."}[{{window}}])' });
    expect(report.decision.status).toBe('UNKNOWN');
    expect(report.decision.reasons[0]).toMatch(/parse error/);
    expect(report.decision.reasons[0]).toContain(inject('prometheusUrl'));
  });
});

/**
 * Issue 13, item 8 against the suite's real Prometheus: the budget history's one
 * range query (`/api/v1/query_range` over HTTP, the client's real code) over the
 * traffic scenarios, compared with the scenario models step by step: each step's
 * burn rate is the model's, the budget line never rises, it spends the budget
 * when the model's errors happen, and it ends at the table's budget remaining.
 */
import { describe, expect, inject, it } from 'vitest';
import { increments, type Steps } from '../../scripts/lib/traffic.js';
import { budgetHistoryQuery, historyGrid } from '../../src/core/evaluate/budget-history.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import type { PrometheusQuerier, QueryRange } from '../../src/core/prometheus/querier.js';
import { renderSummary } from '../../src/core/render/render-summary.js';
import { reportSchema, type Report } from '../../src/core/report/report-schema.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import { mermaidBlocks, parseXyChart } from '../support/mermaid.js';
import { steps, trafficModels } from '../support/scenarios.js';

const DAY = 86_400;

/** The client, recording every range query it sends. */
function recordingClient(): { querier: PrometheusQuerier; ranges: { query: string; range: QueryRange }[] } {
  const client = new PrometheusClient({ url: inject('prometheusUrl'), timeoutMs: 20_000 });
  const ranges: { query: string; range: QueryRange }[] = [];
  return {
    ranges,
    querier: {
      displayUrl: client.displayUrl,
      query: (q, t) => client.query(q, t),
      queryRange: (q, r) => {
        ranges.push({ query: q, range: r });
        return client.queryRange(q, r);
      },
    },
  };
}

async function gate(scenario: string, window = '30d'): Promise<{ report: Report; ranges: { query: string; range: QueryRange }[] }> {
  const inputs = gateInputsSchema.parse({
    'prometheus-url': inject('prometheusUrl'),
    'error-query': `sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
    'total-query': `sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
    'dr-check': 'false',
    window,
  });
  const policy = resolvePolicy(parsePolicy(''), inputs);
  const { querier, ranges } = recordingClient();
  const report = await evaluatePolicy({ policy, prometheus: querier, now: new Date(inject('evaluationTime')) });
  return { report: reportSchema.parse(report), ranges };
}

/** The model's errors and requests in each step (end − step, end] of the history's grid. */
function modelSteps(scenario: string, stepSeconds: number, points: number): { errors: number; requests: number }[] {
  const end = inject('evaluationTime') / 1000;
  const model = trafficModels(end)[scenario]!;
  const s: Steps = steps(end);
  const out = Array.from({ length: points }, () => ({ errors: 0, requests: 0 }));
  for (const inc of increments(model, s)) {
    const fromEnd = end - inc.t;
    if (fromEnd < 0 || fromEnd >= points * stepSeconds) continue;
    const i = points - 1 - Math.floor(fromEnd / stepSeconds);
    out[i]!.errors += inc.errors;
    out[i]!.requests += inc.requests;
  }
  return out;
}

function expectNeverRising(values: readonly number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]!);
}

describe('the budget history against a real Prometheus', () => {
  it.each(['normal', 'warning', 'exhausted', 'slow-burn', 'caution'])(
    '%s: one range query, each step’s burn rate as the model’s, the budget line as the model spends it',
    async (scenario) => {
      const { report, ranges } = await gate(scenario);
      const slo = report.slos[0]!;
      const h = slo.history!;
      expect(h).toMatchObject({ step: '1d', source: 'raw' });
      expect(ranges).toHaveLength(1);
      expect(ranges[0]!.query).toBe(
        budgetHistoryQuery(
          resolvePolicy(
            parsePolicy(''),
            gateInputsSchema.parse({
              'error-query': `sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
              'total-query': `sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
            }),
          ).slos[0]!,
          'raw',
          DAY,
        ),
      );
      expect(ranges[0]!.range).toEqual({
        start: new Date(inject('evaluationTime') - 29 * DAY * 1000),
        end: new Date(inject('evaluationTime')),
        stepSeconds: DAY,
      });
      expect(h.points).toHaveLength(30);

      const model = modelSteps(scenario, DAY, 30);
      // Each step's burn rate is its error ratio over the budget; increase() extrapolates over a day of 1-minute samples.
      for (const [i, p] of h.points.entries()) {
        const expected = model[i]!.errors / model[i]!.requests / 0.001;
        expect(Math.abs(p.burnRate! - expected)).toBeLessThan(0.01 + 0.01 * expected);
      }
      // Never rising, ending at the table's figure, and spent in proportion to the model's errors.
      const budgets = h.points.map((p) => p.budgetRemaining);
      expectNeverRising(budgets);
      expect(budgets[29]).toBe(Number(slo.budgetRemaining!.toFixed(2)));
      const spent = 100 - slo.budgetRemaining!;
      const allErrors = model.reduce((a, s) => a + s.errors, 0);
      let cumulative = 0;
      for (const [i, p] of h.points.entries()) {
        cumulative += model[i]!.errors;
        expect(Math.abs(p.budgetRemaining - (100 - (spent * cumulative) / allErrors))).toBeLessThan(
          0.01 * Math.max(1, Math.abs(spent)) + 0.02,
        );
      }
    },
  );

  it('exhausted: a constant 1.5x burns the budget down steadily to about -50 %', async () => {
    const { report } = await gate('exhausted');
    const points = report.slos[0]!.history!.points;
    for (let i = 1; i < 30; i++) expect(points[i]!.budgetRemaining).toBeLessThan(points[i - 1]!.budgetRemaining);
    expect(points[0]!.budgetRemaining).toBeCloseTo(100 - 150 / 30, 0);
    expect(points[29]!.budgetRemaining).toBeLessThan(-45);
    for (const p of points) expect(p.burnRate).toBeCloseTo(1.5, 1);
  });

  it('slow-burn: flat for 27 days, then the last three days burn 1.5x', async () => {
    const { report } = await gate('slow-burn');
    const points = report.slos[0]!.history!.points;
    for (const p of points.slice(0, 27)) expect(p.burnRate).toBeCloseTo(0.1, 1);
    for (const p of points.slice(27)) expect(p.burnRate).toBeCloseTo(1.5, 1);
    const early = points[0]!.budgetRemaining - points[26]!.budgetRemaining;
    const late = points[26]!.budgetRemaining - points[29]!.budgetRemaining;
    expect(late).toBeGreaterThan(early);
  });

  it('young: steps before the service existed have no burn rate (null, not 0) and a full budget', async () => {
    const { report } = await gate('young');
    const points = report.slos[0]!.history!.points;
    const before = points.filter((p) => p.burnRate === null);
    // The service started 5 days ago: the 24 steps that end before its first sample, and the one that ends at it
    // (one sample: increase() needs two), have no data.
    expect(before).toHaveLength(25);
    expect(points.slice(0, 25).every((p) => p.burnRate === null && p.budgetRemaining === 100)).toBe(true);
    expect(points.slice(25).every((p) => p.burnRate !== null && p.burnRate > 0)).toBe(true);
  });

  it('zero-5xx: a service without an error series burns nothing in any step (not no data)', async () => {
    const { report } = await gate('zero-5xx');
    const points = report.slos[0]!.history!.points;
    expect(points.every((p) => p.burnRate === 0 && p.budgetRemaining === 100)).toBe(true);
  });

  it('a 7d window: 28 steps of 6h', async () => {
    const { report, ranges } = await gate('warning', '7d');
    expect(historyGrid(7 * DAY * 1000)).toEqual({ stepSeconds: 6 * 3600, points: 28 });
    expect(ranges[0]!.range.stepSeconds).toBe(6 * 3600);
    const h = report.slos[0]!.history!;
    expect(h.step).toBe('6h');
    expect(h.points).toHaveLength(28);
    expectNeverRising(h.points.map((p) => p.budgetRemaining));
  });

  it('the summary’s charts parse with Mermaid’s parser and carry the history’s numbers', async () => {
    const { report } = await gate('slow-burn');
    const [budget, burn] = await Promise.all(mermaidBlocks(renderSummary(report)).map(parseXyChart));
    expect(budget!.plots[0]!.data.map(([, v]) => v)).toEqual(report.slos[0]!.history!.points.map((p) => p.budgetRemaining));
    expect(burn!.plots[0]!.data.map(([, v]) => v)).toEqual(report.slos[0]!.history!.points.map((p) => p.burnRate));
  });

  it('a history query Prometheus refuses is a note, and the decision is the same', async () => {
    const { report } = await gate('warning');
    const client = new PrometheusClient({ url: inject('prometheusUrl'), timeoutMs: 20_000 });
    // A Prometheus that answers instant queries but refuses the range query for its resolution.
    const refusing: PrometheusQuerier = {
      displayUrl: client.displayUrl,
      query: (q, t) => client.query(q, t),
      queryRange: (q, r) => client.queryRange(`${q} +`, r),
    };
    const inputs = gateInputsSchema.parse({
      'prometheus-url': inject('prometheusUrl'),
      'error-query': 'sum(increase(http_requests_total{scenario="warning",status=~"5.."}[{{window}}]))',
      'total-query': 'sum(increase(http_requests_total{scenario="warning"}[{{window}}]))',
      'dr-check': 'false',
    });
    const refused = await evaluatePolicy({
      policy: resolvePolicy(parsePolicy(''), inputs),
      prometheus: refusing,
      now: new Date(inject('evaluationTime')),
    });
    expect(refused.slos[0]!.history).toBeUndefined();
    expect(refused.decision.status).toBe(report.decision.status);
    expect(refused.decision.canDeploy).toBe(report.decision.canDeploy);
    const note = refused.findings.find((f) => /no budget chart: the history query failed/.test(f.message));
    expect(note).toMatchObject({ status: 'NORMAL' });
    expect(note!.message).toMatch(/parse error/);
  });
});

/**
 * The postmortem's error-budget table, measured where the app can reach
 * Prometheus: the suite's real Prometheus holds the `outage` scenario (errors at
 * 100% for the last two hours), and an incident over exactly those two hours
 * must show the budget before, after and consumed that the traffic model gives.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { modelErrorRatio } from '../../scripts/lib/traffic.js';
import { issuesEvent } from '../support/issue-payloads.js';
import { steps, trafficModels } from '../support/scenarios.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { OWNER, REPO } from '../support/webhook-payloads.js';

const HOUR = 3600;
const WINDOW = 30 * 86_400;
let h: StandInHarness;
let repo: RepoState;

beforeEach(async () => {
  h = await startStandInHarness({ PROMETHEUS_URL: inject('prometheusUrl') });
  repo = h.github.state.repo(OWNER, REPO);
});

afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

/** Budget remaining (%) the model gives at `at` for a 99.9% objective over 30 days. */
function modelBudget(end: number, at: number): number {
  const ratio = modelErrorRatio(trafficModels(end).outage!, steps(end), at, WINDOW)!;
  return (1 - ratio / 0.001) * 100;
}

describe('error-budget impact of an incident', () => {
  it("fills in each SLO's budget before, during and after from Prometheus", async () => {
    repo.files.set(
      'main:.github/deploy-governor.yml',
      [
        'slos:',
        '  - name: checkout-availability',
        '    objective: 99.9',
        '    sli:',
        '      events:',
        '        error: sum(increase(http_requests_total{scenario="outage",status=~"5.."}[{{window}}]))',
        '        total: sum(increase(http_requests_total{scenario="outage"}[{{window}}]))',
      ].join('\n'),
    );
    const end = inject('evaluationTime') / 1000;
    const incident = h.github.state.addIssue(repo, {
      title: 'Checkout down',
      labels: ['incident', 'sev1'],
      user: h.github.state.user('alice'),
    });
    incident.created_at = new Date((end - 2 * HOUR) * 1000).toISOString();
    incident.state = 'closed';
    incident.closed_at = new Date(end * 1000).toISOString();
    await h.receive('issues', issuesEvent('closed', incident, { login: 'alice' }));
    const body = [...repo.issues.values()].find((i) => i.labels.some((l) => l.name === 'postmortem'))?.body ?? '';
    const row = body.split('\n').find((l) => l.startsWith('| checkout') || l.includes('checkout-availability |'));
    expect(row, body).toBeDefined();
    const figures = [...row!.matchAll(/(-?[\d,]+(?:\.\d+)?)\s*(%|pp)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    // Objective, before, consumed, after.
    const [objective, before, consumed, after] = figures;
    expect(objective).toBe(99.9);
    const wantBefore = modelBudget(end, end - 2 * HOUR);
    const wantAfter = modelBudget(end, end);
    // Prometheus extrapolates increase() at the window's edges: a fraction of a point either way.
    expect(before).toBeCloseTo(wantBefore, 0);
    expect(after).toBeCloseTo(wantAfter, 0);
    expect(consumed).toBeCloseTo(wantBefore - wantAfter, 0);
    expect(consumed).toBeGreaterThan(100);
  });

  it('opens the postmortem without figures when Prometheus cannot be reached', async () => {
    await h.stop();
    h = await startStandInHarness({ PROMETHEUS_URL: 'http://127.0.0.1:9' });
    repo = h.github.state.repo(OWNER, REPO);
    const incident = h.github.state.addIssue(repo, {
      title: 'Checkout down',
      labels: ['incident', 'sev1'],
      user: h.github.state.user('alice'),
    });
    incident.state = 'closed';
    incident.closed_at = new Date().toISOString();
    await h.receive('issues', issuesEvent('closed', incident, { login: 'alice' }));
    const body = [...repo.issues.values()].find((i) => i.labels.some((l) => l.name === 'postmortem'))?.body ?? '';
    expect(body).toMatch(/could not reach Prometheus/);
  });
});

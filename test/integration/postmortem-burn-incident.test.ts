/**
 * Issue 16, item 3, the sweep's half: a burn of more than `require-p0-above`
 * with no incident open opens one, once. The suite's real Prometheus holds the
 * `outage` scenario (errors at 100% over the last two hours: about 40 pp of a
 * 99.5% objective's 30-day budget within the last 24 hours); the app's sweep
 * route runs with its clock at the end of that data. GitHub is the stateful
 * stand-in.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Issue, RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { readMeta } from '../../src/core/postmortem/issue-metadata.js';
import { issuesEvent } from '../support/issue-payloads.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { OWNER, REPO } from '../support/webhook-payloads.js';

const TOKEN = 'sweep-token-0123456789abcdef';
const SLO = 'checkout-availability';
let h: StandInHarness;
let repo: RepoState;

function policy(postmortems: string[]): string {
  return [
    'slos:',
    `  - name: ${SLO}`,
    '    objective: 99.5',
    '    sli:',
    '      events:',
    '        error: sum(increase(http_requests_total{scenario="outage",status=~"5.."}[{{window}}]))',
    '        total: sum(increase(http_requests_total{scenario="outage"}[{{window}}]))',
    'postmortems:',
    ...postmortems.map((l) => `  ${l}`),
  ].join('\n');
}

beforeEach(async () => {
  const end = new Date(inject('evaluationTime'));
  h = await startStandInHarness({ PROMETHEUS_URL: inject('prometheusUrl'), SWEEP_TOKEN: TOKEN }, { load: { sweepClock: () => end } });
  repo = h.github.state.repo(OWNER, REPO);
  repo.files.set('main:.github/deploy-governor.yml', policy(['require-p0-above: 20', 'burn-incident-within: 24h']));
});

afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

async function sweep(): Promise<Record<string, unknown>> {
  const res = await fetch(`${h.routesUrl}/deploy-governor/postmortems/sweep`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ repository: `${OWNER}/${REPO}` }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Record<string, unknown>[] }).results[0]!;
}

const incidents = () => [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'incident'));
const appIncidents = () => incidents().filter((i) => i.performed_via_github_app !== null);

describe("the app's sweep opens an incident for a burn that no open incident covers", () => {
  it('opens exactly one, whose postmortem measures the burn; neither a second sweep nor closing it opens another', async () => {
    const first = await sweep();
    expect(first.burn).toMatchObject({ measured: true, opened: [{ slo: SLO, outcome: 'opened' }] });
    expect(appIncidents()).toHaveLength(1);
    const incident = appIncidents()[0]!;
    expect(incident.labels.map((l) => l.name).sort()).toEqual(['incident', 'sev1']);
    expect(incident.title).toBe(`Incident: error-budget burn on ${SLO} (production)`);
    const burn = readMeta('burn-incident', incident.body);
    expect(burn?.consumed).toBeGreaterThan(30);
    expect(burn?.consumed).toBeLessThan(50);
    expect(incident.body).toMatch(/require-p0-above` \(20 pp\)/);

    await sweep();
    expect(incidents()).toHaveLength(1);

    // Closed: the postmortem opens, measured from the burn's start, so the 20% rule applies to it.
    incident.state = 'closed';
    incident.state_reason = 'completed';
    incident.closed_at = new Date(inject('evaluationTime')).toISOString();
    await h.receive('issues', issuesEvent('closed', incident, { login: 'alice' }));
    const pm = [...repo.issues.values()].find((i) => i.labels.some((l) => l.name === 'postmortem'));
    expect(readMeta('postmortem', pm?.body)?.budget?.[0]?.consumed).toBeGreaterThan(20);

    // The same burn, still within the window, is not opened again, and the closed incident stays closed.
    const third = await sweep();
    expect(third.burn).toMatchObject({ measured: true, opened: [] });
    expect(incidents()).toHaveLength(1);
    expect(incident.state).toBe('closed');
  });

  it('opens none while an incident the app opened is open', async () => {
    const open: Issue = h.github.state.addIssue(repo, { title: 'Incident: Checkout down', labels: ['incident', 'sev1'] });
    expect(open.performed_via_github_app).not.toBeNull();
    const result = await sweep();
    expect(result.burn).toMatchObject({ measured: true, opened: [] });
    expect(incidents()).toHaveLength(1);
  });

  it('is not silenced by an open incident someone else planted', async () => {
    h.github.state.addIssue(repo, { title: 'Incident: nothing', labels: ['incident'], user: h.github.state.user('mallory') });
    await sweep();
    expect(appIncidents()).toHaveLength(1);
  });

  it('opens none below the threshold, or with the rule off', async () => {
    repo.files.set('main:.github/deploy-governor.yml', policy(['require-p0-above: 60']));
    expect((await sweep()).burn).toMatchObject({ measured: true, opened: [] });
    repo.files.set('main:.github/deploy-governor.yml', policy(['burn-incident-within: off']));
    expect((await sweep()).burn).toMatchObject({ measured: false, opened: [] });
    expect(incidents()).toEqual([]);
  });
});

/**
 * Postmortem debts (issue 16, item 2) in the app's deployment protection rule:
 * the real app in Probot against the stateful GitHub stand-in (every request
 * checked against GitHub's OpenAPI description) and the suite's real Prometheus
 * in scenario `normal`. The app counts only the `action-item` issues it opened
 * itself (by its app id); these deployments carry no change-class evidence, so each is a feature.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { readMeta, renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { issuesEvent } from '../support/issue-payloads.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { OWNER, protectionRuleRequested, REPO } from '../support/webhook-payloads.js';

const POLICY = 'main:.github/deploy-governor.yml';
const HEALTHY = [
  'slos:',
  '  - name: api',
  '    sli:',
  '      events:',
  '        error: sum(increase(http_requests_total{scenario="normal",status=~"5.."}[{{window}}]))',
  '        total: sum(increase(http_requests_total{scenario="normal"}[{{window}}]))',
  'dr: { enabled: false }',
].join('\n');
const DAY_MS = 86_400_000;

let h: StandInHarness;
let repo: RepoState;

beforeEach(async () => {
  h = await startStandInHarness({ PROMETHEUS_URL: inject('prometheusUrl') });
  repo = h.github.state.repo(OWNER, REPO);
  repo.files.set(POLICY, `${HEALTHY}\npostmortems: {}\n`);
});

afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

const noZwsp = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
const due = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

function actionItem(o: { due: string; by?: string }): number {
  const meta = renderMeta('action-item', { postmortem: 1, key: 'k-0', horizon: null, owner: 'alice', due: o.due, priority: 'P0' });
  return h.github.state.addIssue(repo, {
    title: 'Rotate the keys',
    body: `Action item of postmortem #1.\n\n${meta}`,
    labels: ['action-item', 'P0'],
    ...(o.by ? { user: h.github.state.user(o.by) } : {}),
  }).number;
}

async function protection(): Promise<{ state: string; comment: string }> {
  await h.receive('deployment_protection_rule', protectionRuleRequested({ environment: 'production', runId: 4343 }));
  const last = h.github.state.protectionAnswers.at(-1)!;
  return { state: String(last.body.state), comment: String(last.body.comment) };
}

describe('a P0 action item from a postmortem', () => {
  it('opens as an issue labelled P0 with the priority in its metadata, blocks once overdue, and stops when closed', async () => {
    const incident = h.github.state.addIssue(repo, {
      title: 'Checkout returns 500s',
      labels: ['incident', 'sev1'],
      user: h.github.state.user('alice'),
    });
    incident.state = 'closed';
    incident.closed_at = new Date().toISOString();
    await h.receive('issues', issuesEvent('closed', incident, { login: 'alice' }));
    const pm = [...repo.issues.values()].find((i) => i.labels.some((l) => l.name === 'postmortem'))!;
    const from = pm.body!;
    const date = due(-3);
    pm.body = from.replace(
      /^(###\s+Short term.*)$/m,
      `$1\n- [ ] P0 Rotate the keys @alice due:${date}\n- [ ] Write the runbook @alice due:${date}`,
    );
    await h.receive('issues', issuesEvent('edited', pm, { login: 'alice' }, { body: { from } }));
    const items = [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'action-item'));
    const p0 = items.find((i) => i.title === 'Rotate the keys')!;
    const plain = items.find((i) => i.title === 'Write the runbook')!;
    expect(p0.labels.map((l) => l.name)).toEqual(['action-item', 'short-term', 'P0']);
    expect(readMeta('action-item', p0.body)).toMatchObject({ priority: 'P0', owner: 'alice', due: date });
    // A line without a priority is no debt: its issue has no priority label or metadata.
    expect(plain.labels.map((l) => l.name)).toEqual(['action-item', 'short-term']);
    expect(readMeta('action-item', plain.body)?.priority).toBeUndefined();

    expect((await protection()).state).toBe('rejected');
    p0.state = 'closed';
    expect((await protection()).state).toBe('approved');
  });
});

describe('the protection rule and postmortem debts', () => {
  it('rejects while an overdue P0 item the app opened is open, naming it, its owner and due date', async () => {
    const date = due(-3);
    const issue = actionItem({ due: date });
    const answer = await protection();
    expect(answer.state).toBe('rejected');
    // The comment renders reasons inert: the owner is named, never mentioned.
    expect(noZwsp(answer.comment)).toContain(`#${issue} \\(P0, postmortem \\#1, owner @alice, due ${date}\\)`);
    expect(answer.comment).not.toContain('@alice');
  });

  it('approves when the only overdue item was planted by a person, or is due tomorrow', async () => {
    actionItem({ due: due(-3), by: 'writer' });
    actionItem({ due: due(1) });
    expect((await protection()).state).toBe('approved');
  });
});

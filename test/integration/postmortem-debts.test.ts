/**
 * Postmortem debts gate features (issue 16, item 2) through the gate the Action
 * and the CLI run (runGate, in-process): the SLO from the suite's real
 * Prometheus in scenario `normal` (a healthy budget, so only the debt can
 * block), the action items from the stateful GitHub stand-in, every request
 * checked against GitHub's OpenAPI description. Only issues the app opened
 * count (GitHub's `performed_via_github_app`, matched against the policy's
 * `audit.app`); the deploy's class comes from the change-class input, whose
 * actor's role GitHub reports.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startGitHubStateStandIn, type GitHubStateStandIn, type RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import type { Priority } from '../../src/core/postmortem/priorities.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import type { Report, RunInfo } from '../../src/core/report/report-schema.js';
import { createGitHubClient } from '../../src/github/rest-client.js';
import { runGate } from '../../src/gate/run-gate.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';

const OWNER = 'acme';
const DAY_MS = 86_400_000;

let gh: GitHubStateStandIn;
let dir: string;
let repoCount = 0;

beforeAll(async () => {
  gh = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' }, check: checkGitHubRequest });
  dir = await mkdtemp(path.join(tmpdir(), 'dg-debts-'));
  await mkdir(path.join(dir, '.github'));
});
afterAll(async () => {
  await gh?.stop();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  gh.setFault(null);
  expect(gh.problems).toEqual([]);
});

function repository(): RepoState {
  const repo = gh.state.repo(OWNER, `debts-${++repoCount}`);
  repo.collaborators.set('maint', 'maintain');
  repo.collaborators.set('writer', 'write');
  return repo;
}

/** The evaluation day plus `days`, as a due date. */
function dueIn(days: number): string {
  return new Date(inject('evaluationTime') + days * DAY_MS).toISOString().slice(0, 10);
}

/** An action-item issue as the app opens it (app/postmortems/sync-action-items.ts), or as `by` plants it. */
function actionItem(repo: RepoState, o: { priority: Priority; due: string; owner?: string; by?: string }): number {
  const meta = renderMeta('action-item', {
    postmortem: 1,
    key: 'k-0',
    horizon: 'short',
    owner: o.owner ?? 'alice',
    due: o.due,
    priority: o.priority,
  });
  return gh.state.addIssue(repo, {
    title: 'Rotate the keys',
    body: `Action item of postmortem #1.\n\n${meta}`,
    labels: ['action-item', o.priority],
    ...(o.by ? { user: gh.state.user(o.by) } : {}),
  }).number;
}

const POLICY = [
  'slos:',
  '  - name: api',
  '    sli:',
  '      events:',
  '        error: sum(increase(http_requests_total{scenario="normal",status=~"5.."}[{{window}}]))',
  '        total: sum(increase(http_requests_total{scenario="normal"}[{{window}}]))',
  'dr: { enabled: false }',
].join('\n');

/** The Action's gate for one run on `repo`, with the job's token; `extra` is appended to the policy. */
async function gate(repo: RepoState, extra = 'postmortems: {}', o: { actor?: string; changeClass?: string } = {}) {
  await writeFile(path.join(dir, '.github', 'deploy-governor.yml'), `${POLICY}\n${extra}\n`);
  const run: RunInfo = {
    repository: `${OWNER}/${repo.name}`,
    runId: 77,
    runAttempt: 1,
    runUrl: null,
    sha: null,
    ref: 'refs/heads/main',
    workflow: 'deploy',
    eventName: 'push',
    actor: o.actor ?? 'writer',
    serverUrl: 'https://github.com',
  };
  const client = createGitHubClient('ghs_job_token', gh.url);
  gh.resetStats();
  const outcome = await runGate({
    inputs: gateInputsSchema.parse({
      'prometheus-url': inject('prometheusUrl'),
      environment: 'production',
      ...(o.changeClass !== undefined ? { 'change-class': o.changeClass } : {}),
    }),
    env: {},
    root: dir,
    now: new Date(inject('evaluationTime')),
    run,
    github: { client, owner: OWNER, repo: repo.name },
    freezes: { client, repository: `${OWNER}/${repo.name}` },
    host: 'action',
  });
  return { report: outcome.report, byOperation: { ...gh.stats.byOperation } };
}

const debtFinding = (r: Report) => r.findings.find((f) => f.source === 'debt');

describe('postmortem debts: an overdue P0 action item', () => {
  it('blocks a feature deploy on a healthy budget, naming the item, its owner and its due date', async () => {
    const repo = repository();
    const due = dueIn(-3);
    const issue = actionItem(repo, { priority: 'P0', due, owner: 'alice' });
    const { report, byOperation } = await gate(repo);
    expect(report.slos[0]!.status).toBe('NORMAL');
    expect(report.decision).toMatchObject({ canDeploy: false, status: 'FREEZE', requiredOverride: 'freeze' });
    expect(report.decision.reasons[0]).toContain(`Overdue postmortem action item #${issue} (P0, postmortem #1, owner @alice, due ${due})`);
    expect(report.decision.reasons[0]).toContain('the policy has no change-classes, so every deploy is a feature');
    expect(debtFinding(report)).toMatchObject({ rule: 'action-items', blocksClasses: ['feature'] });
    expect(byOperation).toEqual({ 'GET /repos/{owner}/{repo}/issues': 1 });
  });

  it('does not block a rollback named by a maintainer, and does block when a writer names it', async () => {
    const repo = repository();
    actionItem(repo, { priority: 'P0', due: dueIn(-3) });
    const rollback = await gate(repo, 'postmortems: {}\nchange-classes: {}', { actor: 'maint', changeClass: 'rollback' });
    expect(rollback.report.decision).toMatchObject({ canDeploy: true, status: 'NORMAL' });
    expect(debtFinding(rollback.report)?.message).toContain('This is a rollback deploy (the change-class input, by maint)');

    // The input is authorized like an override: a writer cannot make a feature a rollback.
    const writer = await gate(repo, 'postmortems: {}\nchange-classes: {}', { actor: 'writer', changeClass: 'rollback' });
    expect(writer.report.decision).toMatchObject({ canDeploy: false, status: 'FREEZE' });
  });

  it('is would-have-blocked only when the rule is advisory', async () => {
    const repo = repository();
    actionItem(repo, { priority: 'P0', due: dueIn(-3) });
    const { report } = await gate(repo, 'postmortems: { action-items: { enforcement: advisory } }');
    expect(report.decision).toMatchObject({ canDeploy: true, status: 'NORMAL' });
    expect(report.decision.wouldHaveBlocked).toEqual([expect.objectContaining({ rule: 'action-items', status: 'FREEZE' })]);
  });
});

describe('postmortem debts: what blocks nothing', () => {
  it('a planted action-item issue with a valid marker, opened by a person and not by the app', async () => {
    const repo = repository();
    actionItem(repo, { priority: 'P0', due: dueIn(-3), by: 'writer' });
    const { report } = await gate(repo);
    expect(report.decision).toMatchObject({ canDeploy: true, status: 'NORMAL' });
    expect(debtFinding(report)).toBeUndefined();
  });

  it('an item due tomorrow, or due today until the day ends, or past due within the grace', async () => {
    const repo = repository();
    actionItem(repo, { priority: 'P0', due: dueIn(1) });
    actionItem(repo, { priority: 'P0', due: dueIn(0) });
    expect((await gate(repo)).report.decision.canDeploy).toBe(true);
    const late = repository();
    actionItem(late, { priority: 'P0', due: dueIn(-2) });
    expect((await gate(late, 'postmortems: { action-items: { grace: 3d } }')).report.decision.canDeploy).toBe(true);
    expect((await gate(late, 'postmortems: { action-items: { grace: 1d } }')).report.decision.canDeploy).toBe(false);
  });

  it('an overdue P1 by default; it blocks once the policy lists P1', async () => {
    const repo = repository();
    actionItem(repo, { priority: 'P1', due: dueIn(-10) });
    expect((await gate(repo)).report.decision.canDeploy).toBe(true);
    expect((await gate(repo, 'postmortems: { action-items: { block-on-overdue: [P0, P1] } }')).report.decision.canDeploy).toBe(false);
  });

  it('a policy without a postmortems section: nothing is read', async () => {
    const repo = repository();
    actionItem(repo, { priority: 'P0', due: dueIn(-3) });
    const { report, byOperation } = await gate(repo, '');
    expect(report.decision.canDeploy).toBe(true);
    expect(byOperation).toEqual({});
  });
});

describe('postmortem debts: reading fails closed', () => {
  it('refuses with a fix-it naming issues: read when GitHub fails to list the items', async () => {
    const repo = repository();
    gh.setFault({ kind: 'server-error', share: 1 });
    const error = await gate(repo).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).message).toMatch(/postmortems\.action-items.*fails closed.*issues: read/s);
  });
});

/**
 * Change classes (issue 16) through the gate the Action and the CLI run
 * (runGate, in-process): the SLO from the suite's real Prometheus (scenario
 * `freeze`, about 10% of the budget left, and `exhausted`), the class's
 * evidence from the stateful GitHub stand-in, every request checked against
 * GitHub's OpenAPI description and every answer of the routes this feature
 * reads checked against its response schema. What lets a blocked deploy
 * through is GitHub's word only: who applied a label (the issue's events) and
 * their role, whether a commit is on the default branch, the deployments of
 * the environment; and the attacker's cases beside each: a label applied or
 * re-applied by someone below the role, a deployment record a writer made for
 * a branch-only commit, a trailer on a branch, an input from a writer.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startGitHubStateStandIn, type GitHubStateStandIn, type RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import type { Report, RunInfo } from '../../src/core/report/report-schema.js';
import type { GitHubClient } from '../../src/github/client.js';
import { createGitHubClient } from '../../src/github/rest-client.js';
import { runGate } from '../../src/gate/run-gate.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';
import { checkAgainstOpenApiComponent, checkResponseAgainstOpenApi } from '../support/openapi-checker.js';

const OWNER = 'acme';
const ROLES = { maint: 'maintain', tri: 'triage', reader: 'read', writer: 'write', root: 'admin' } as const;
/** The operations this feature added to the stand-in: their answers must match GitHub's response schemas. */
const NEW_ROUTES = [
  /\/compare\/\{basehead\}$/,
  /\/commits\/\{ref\}$/,
  /\/issues\/\{issue_number\}\/events$/,
  /\/deployments$/,
  /\/deployments\/\{deployment_id\}\/statuses$/,
];

let gh: GitHubStateStandIn;
let dir: string;
const responseProblems: string[] = [];
let repoCount = 0;

beforeAll(async () => {
  gh = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' }, check: checkGitHubRequest });
  dir = await mkdtemp(path.join(tmpdir(), 'dg-change-classes-'));
  await mkdir(path.join(dir, '.github'));
  for (const login of Object.keys(ROLES)) gh.state.tokenLogins.set(`ghp_${login}`, login);
});
afterAll(async () => {
  await gh?.stop();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  expect(gh.problems).toEqual([]);
  expect(responseProblems).toEqual([]);
});

/** The job's token, whose answers from this feature's routes are checked against their OpenAPI response schema. */
function jobClient(): GitHubClient {
  const client = createGitHubClient('ghs_job_token', gh.url);
  return {
    async request(route, parameters) {
      const answer = await client.request(route, parameters);
      const [method, template] = route.split(' ') as [string, string];
      if (NEW_ROUTES.some((r) => r.test(template)))
        responseProblems.push(...checkResponseAgainstOpenApi({ method, path: template, status: answer.status, body: answer.data }));
      // An issue's events are a loose anyOf in the description: hold the label events to their own shape.
      if (template.endsWith('/events'))
        for (const e of answer.data as { event: string }[])
          if (e.event === 'labeled' || e.event === 'unlabeled')
            responseProblems.push(...checkAgainstOpenApiComponent(`${e.event}-issue-event`, e, route));
      return answer;
    },
  };
}

/** A fresh repository with the collaborators of ROLES. */
function repository(): RepoState {
  const repo = gh.state.repo(OWNER, `service-${++repoCount}`);
  for (const [login, role] of Object.entries(ROLES)) repo.collaborators.set(login, role);
  return repo;
}

/** A commit on `branch` (default: the default branch), merged on GitHub. */
function commitOn(repo: RepoState, message = 'Change the checkout flow', branch = 'main'): string {
  return gh.state.commit(repo, {
    branch,
    changes: { [`src/${gh.state.nextId()}.ts`]: 'x' },
    by: gh.state.user('writer'),
    verified: true,
    message,
  }).sha;
}

/** A commit only on a branch that never reached the default branch. */
function branchOnlyCommit(repo: RepoState, message?: string): string {
  if (!repo.branches.has('topic')) gh.state.createBranch(repo, 'topic', repo.branches.get('main')!);
  return commitOn(repo, message, 'topic');
}

/** Applies a label through the API with `login`'s own token, as they would in GitHub's interface. */
async function label(repo: RepoState, issue: number, name: string, login: keyof typeof ROLES): Promise<void> {
  await createGitHubClient(`ghp_${login}`, gh.url).request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    owner: OWNER,
    repo: repo.name,
    issue_number: issue,
    labels: [name],
  });
}

const sli = (scenario: string) =>
  [
    'slos:',
    '  - name: api',
    '    sli:',
    '      events:',
    `        error: sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
    `        total: sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
    'dr: { enabled: false }',
  ].join('\n');

interface GateCase {
  repo: RepoState;
  scenario?: 'freeze' | 'exhausted' | 'normal';
  /** The deployed commit (the run's). */
  sha: string | null;
  /** The run's actor, GitHub's word for who started it. */
  actor?: string;
  changeClass?: string;
  /** The policy's change-classes section (null: none). */
  classes?: string | null;
}

/** The Action's gate for one run: the report, and how many requests GitHub received. */
async function gate(c: GateCase): Promise<{ report: Report; requests: number; byOperation: Record<string, number> }> {
  const classes = c.classes === undefined ? 'change-classes: {}' : c.classes;
  await writeFile(path.join(dir, '.github', 'deploy-governor.yml'), `${sli(c.scenario ?? 'freeze')}\n${classes ?? ''}\n`);
  const run: RunInfo = {
    repository: `${OWNER}/${c.repo.name}`,
    runId: 77,
    runAttempt: 1,
    runUrl: null,
    sha: c.sha,
    ref: 'refs/heads/main',
    workflow: 'deploy',
    eventName: 'push',
    actor: c.actor ?? 'writer',
    serverUrl: 'https://github.com',
  };
  gh.resetStats();
  const outcome = await runGate({
    inputs: gateInputsSchema.parse({
      'prometheus-url': inject('prometheusUrl'),
      environment: 'production',
      ...(c.changeClass !== undefined ? { 'change-class': c.changeClass } : {}),
    }),
    env: {},
    root: dir,
    now: new Date(inject('evaluationTime')),
    run,
    github: { client: jobClient(), owner: OWNER, repo: c.repo.name },
    host: 'action',
  });
  return { report: outcome.report, requests: gh.stats.total, byOperation: { ...gh.stats.byOperation } };
}

const notes = (r: Report) => r.decision.changeClass?.notes.join('\n') ?? '';

describe('change classes: labels on the deployed commit’s pull request', () => {
  it('lets a hotfix through a FREEZE when a maintainer applied deploy-class:hotfix to the merged pull request, in three requests', async () => {
    const repo = repository();
    const sha = commitOn(repo, 'Fix the payment timeout');
    const pr = gh.state.addLabelledPullRequest(repo, { sha, label: 'deploy-class:hotfix', labeller: 'maint' });
    const { report, requests, byOperation } = await gate({ repo, sha });
    expect(report.decision).toMatchObject({ status: 'FREEZE', canDeploy: true, requiredOverride: null });
    expect(report.decision.changeClass).toEqual({
      name: 'hotfix',
      source: 'label',
      detail: `label deploy-class:hotfix on #${pr.number}`,
      notes: [],
      allowedThrough: true,
    });
    expect(report.decision.reasons[0]).toMatch(/^Allowed as a hotfix deploy .*FREEZE lets rollback, security, hotfix through/);
    // The label settles the class: no trailer, default-branch or deployment reads.
    expect(requests).toBe(3);
    expect(byOperation).toEqual({
      'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': 1,
      'GET /repos/{owner}/{repo}/issues/{issue_number}/events': 1,
      'GET /repos/{owner}/{repo}/collaborators/{username}/permission': 1,
    });
  });

  it('does not when a triager or a read-only user applied it: a feature, blocked, and the note names the labeller', async () => {
    for (const login of ['tri', 'reader'] as const) {
      const repo = repository();
      const sha = commitOn(repo);
      const pr = gh.state.addPullRequest(repo, sha);
      pr.state = 'closed';
      pr.pull_request!.merged_at = new Date().toISOString();
      await label(repo, pr.number, 'deploy-class:hotfix', login);
      const { report } = await gate({ repo, sha });
      expect(report.decision).toMatchObject({ status: 'FREEZE', canDeploy: false });
      expect(report.decision.changeClass).toMatchObject({ name: 'feature', source: 'default', allowedThrough: false });
      expect(notes(report)).toContain(`below the maintain role were not used: #${pr.number} by ${login}`);
    }
  });

  it('reads who applied the label last, past the first page of events: a triager’s re-labelling after a maintainer’s counts', async () => {
    const repo = repository();
    const sha = commitOn(repo);
    const pr = gh.state.addLabelledPullRequest(repo, { sha, label: 'deploy-class:hotfix', labeller: 'maint' });
    // 120 unrelated events push the re-labelling onto the second page (GitHub lists events oldest first).
    for (let i = 0; i < 60; i++) {
      gh.state.labelIssue(repo, pr, 'needs-review', gh.state.user('maint'));
      gh.state.unlabelIssue(repo, pr, 'needs-review', gh.state.user('maint'));
    }
    gh.state.unlabelIssue(repo, pr, 'deploy-class:hotfix', gh.state.user('tri'));
    await label(repo, pr.number, 'deploy-class:hotfix', 'tri');
    const { report, byOperation } = await gate({ repo, sha });
    expect(report.decision.canDeploy).toBe(false);
    expect(notes(report)).toContain(`#${pr.number} by tri`);
    expect(byOperation['GET /repos/{owner}/{repo}/issues/{issue_number}/events']).toBe(2);
  });

  it('does not count the label of a pull request that is still open: its commits can change after it was labelled', async () => {
    const repo = repository();
    const sha = branchOnlyCommit(repo);
    gh.state.addLabelledPullRequest(repo, { sha, label: 'deploy-class:hotfix', labeller: 'maint', merged: false });
    const { report } = await gate({ repo, sha });
    expect(report.decision).toMatchObject({ canDeploy: false, changeClass: { name: 'feature', source: 'default' } });
  });

  it('does not let a hotfix through an EXHAUSTED budget with the default allow map, even labelled by an admin', async () => {
    const repo = repository();
    const sha = commitOn(repo);
    gh.state.addLabelledPullRequest(repo, { sha, label: 'deploy-class:hotfix', labeller: 'root' });
    const { report } = await gate({ repo, sha, scenario: 'exhausted' });
    expect(report.decision).toMatchObject({ status: 'EXHAUSTED', canDeploy: false });
    expect(report.decision.changeClass).toMatchObject({ name: 'hotfix', source: 'label', allowedThrough: false });
    expect(report.decision.reasons.join('\n')).toContain('EXHAUSTED lets only rollback, security through (change-classes.allow)');
  });
});

describe('change classes: rollbacks detected from the Deployments API', () => {
  /** main: a → b → c; a and then b deployed to production successfully, c merged since. */
  function history() {
    const repo = repository();
    const a = commitOn(repo, 'Release 1');
    const between = commitOn(repo, 'Tidy up');
    const b = commitOn(repo, 'Release 2');
    const c = commitOn(repo, 'Release 3');
    gh.state.addDeployment(repo, { sha: a, environment: 'production', statuses: ['in_progress', 'success', 'inactive'] });
    gh.state.addDeployment(repo, { sha: b, environment: 'production', statuses: ['in_progress', 'success'] });
    // Other environments and failed deployments are no evidence.
    gh.state.addDeployment(repo, { sha: c, environment: 'staging', statuses: ['success'] });
    gh.state.addDeployment(repo, { sha: c, environment: 'production', statuses: ['failure'] });
    return { repo, a, between, b, c };
  }

  it('passes a FREEZE and an EXHAUSTED budget with a commit already deployed there successfully', async () => {
    const { repo, a } = history();
    for (const scenario of ['freeze', 'exhausted'] as const) {
      const { report } = await gate({ repo, sha: a, scenario });
      expect(report.decision).toMatchObject({
        canDeploy: true,
        changeClass: { name: 'rollback', source: 'rollback', allowedThrough: true },
      });
      expect(report.decision.changeClass!.detail).toMatch(/^already deployed to production successfully \(deployment \d+\)$/);
    }
  });

  it('passes both with a commit never deployed that is an ancestor of the latest successful deployment', async () => {
    const { repo, between, b } = history();
    for (const scenario of ['freeze', 'exhausted'] as const) {
      const { report } = await gate({ repo, sha: between, scenario });
      expect(report.decision).toMatchObject({ canDeploy: true, changeClass: { name: 'rollback', allowedThrough: true } });
      expect(report.decision.changeClass!.detail).toContain(`an ancestor of production's latest successful deployment (${b.slice(0, 7)}`);
    }
  });

  it('does not count a commit past the latest deployment, nor one deployed only elsewhere or unsuccessfully', async () => {
    const { repo, c } = history();
    const { report } = await gate({ repo, sha: c });
    expect(report.decision).toMatchObject({ canDeploy: false, changeClass: { name: 'feature', source: 'default' } });
  });

  it('never counts a commit that is not on the default branch, whatever the deployments a writer recorded say', async () => {
    const { repo } = history();
    const topic = branchOnlyCommit(repo, 'Feature on a branch');
    gh.state.addDeployment(repo, { sha: topic, environment: 'production', creator: 'writer', statuses: ['success'] });
    for (const scenario of ['freeze', 'exhausted'] as const) {
      const { report, byOperation } = await gate({ repo, sha: topic, scenario });
      expect(report.decision).toMatchObject({ canDeploy: false, changeClass: { name: 'feature', source: 'default' } });
      // Not on the default branch: the deployments are not even read.
      expect(byOperation['GET /repos/{owner}/{repo}/deployments']).toBeUndefined();
      expect(report.decision.changeClass!.detail).toBe('no input, label, trailer or rollback named another class');
    }
  });

  it('counts as no rollback, with a note naming the permission, when the token cannot read deployments', async () => {
    const { repo, a } = history();
    gh.state.deploymentsForbidden.add(`${OWNER}/${repo.name}`);
    const { report } = await gate({ repo, sha: a });
    expect(report.decision).toMatchObject({ canDeploy: false, changeClass: { name: 'feature' } });
    expect(notes(report)).toMatch(/the rollback evidence could not be read \(GitHub answered 403.*needs deployments: read/);
  });
});

describe('change classes: Deploy-Class trailers', () => {
  const message = 'Patch the session fixation\n\nReviewed-by: maint\nDeploy-Class: security\n';

  it('lets a security fix through a FREEZE and an EXHAUSTED budget from a commit on the default branch', async () => {
    const repo = repository();
    const sha = commitOn(repo, message);
    for (const scenario of ['freeze', 'exhausted'] as const) {
      const { report } = await gate({ repo, sha, scenario });
      expect(report.decision).toMatchObject({ canDeploy: true });
      expect(report.decision.changeClass).toEqual({
        name: 'security',
        source: 'trailer',
        detail: `Deploy-Class: security trailer on ${sha.slice(0, 7)}`,
        notes: [],
        allowedThrough: true,
      });
    }
  });

  it('does not from a commit only on a branch (anyone who can push writes trailers)', async () => {
    const repo = repository();
    const sha = branchOnlyCommit(repo, message);
    const { report } = await gate({ repo, sha });
    expect(report.decision).toMatchObject({ canDeploy: false, changeClass: { name: 'feature', source: 'default' } });
    expect(notes(report)).toContain('Deploy-Class trailers only count on commits of the default branch');
  });
});

describe('change classes: the change-class input and the rest', () => {
  it('keeps a feature blocked when nothing names a class', async () => {
    const repo = repository();
    const sha = commitOn(repo);
    const { report } = await gate({ repo, sha });
    expect(report.decision).toMatchObject({ status: 'FREEZE', canDeploy: false, requiredOverride: 'freeze' });
    expect(report.decision.changeClass).toEqual({
      name: 'feature',
      source: 'default',
      detail: 'no input, label, trailer or rollback named another class',
      notes: [],
      allowedThrough: false,
    });
  });

  it('ignores the change-class input of an actor below the role, and honours it from one with the role (the run’s actor)', async () => {
    const repo = repository();
    const sha = commitOn(repo);
    const writer = await gate({ repo, sha, actor: 'writer', changeClass: 'hotfix' });
    expect(writer.report.decision).toMatchObject({ canDeploy: false, changeClass: { name: 'feature', source: 'default' } });
    expect(notes(writer.report)).toContain(
      'change-class hotfix from writer was not used: choosing a class needs the maintain role or higher',
    );

    const maint = await gate({ repo, sha, actor: 'maint', changeClass: 'hotfix' });
    expect(maint.report.decision).toMatchObject({ canDeploy: true });
    expect(maint.report.decision.changeClass).toMatchObject({
      name: 'hotfix',
      source: 'input',
      detail: 'the change-class input, by maint',
      allowedThrough: true,
    });
    // The input settles the class: the actor's role is all that is read.
    expect(maint.byOperation).toEqual({ 'GET /repos/{owner}/{repo}/collaborators/{username}/permission': 1 });
  });

  it('sends no request when the decision is not blocked, or the policy has no change-classes', async () => {
    const repo = repository();
    const sha = commitOn(repo, 'Fix\n\nDeploy-Class: security');
    gh.state.addLabelledPullRequest(repo, { sha, label: 'deploy-class:hotfix', labeller: 'maint' });
    const normal = await gate({ repo, sha, scenario: 'normal', actor: 'maint', changeClass: 'hotfix' });
    expect(normal.report.decision).toMatchObject({ status: 'NORMAL', canDeploy: true });
    expect(normal.report.decision.changeClass).toBeUndefined();
    expect(normal.requests).toBe(0);

    const without = await gate({ repo, sha, classes: null, actor: 'maint', changeClass: 'hotfix' });
    expect(without.report.decision).toMatchObject({ status: 'FREEZE', canDeploy: false });
    expect(without.report.decision.changeClass).toBeUndefined();
    expect(without.requests).toBe(0);
  });
});

describe('the stand-in’s compare route', () => {
  it('answers identical, ahead, behind and diverged from the commit graph, with counts and the merge base', async () => {
    const repo = repository();
    const a = commitOn(repo);
    const b = commitOn(repo);
    gh.state.createBranch(repo, 'topic', a);
    const t = commitOn(repo, 'On a branch', 'topic');
    const client = jobClient();
    const compare = async (basehead: string) => {
      const { data } = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner: OWNER, repo: repo.name, basehead });
      const d = data as {
        status: string;
        ahead_by: number;
        behind_by: number;
        merge_base_commit: { sha: string };
        commits: { sha: string }[];
      };
      return {
        status: d.status,
        ahead: d.ahead_by,
        behind: d.behind_by,
        base: d.merge_base_commit.sha,
        commits: d.commits.map((c) => c.sha),
      };
    };
    expect(await compare(`${a}...${a}`)).toEqual({ status: 'identical', ahead: 0, behind: 0, base: a, commits: [] });
    expect(await compare(`${a}...main`)).toEqual({ status: 'ahead', ahead: 1, behind: 0, base: a, commits: [b] });
    expect(await compare(`main...${a}`)).toEqual({ status: 'behind', ahead: 0, behind: 1, base: a, commits: [] });
    expect(await compare(`main...topic`)).toEqual({ status: 'diverged', ahead: 1, behind: 1, base: a, commits: [t] });
  });
});

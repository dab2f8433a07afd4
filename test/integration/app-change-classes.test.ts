/**
 * Change classes (issue 16, item 1) in the app's deployment protection rule:
 * the real app in Probot against the stateful GitHub stand-in (every request
 * checked against GitHub's OpenAPI description) and the suite's real
 * Prometheus (scenarios `freeze` and `exhausted`). The class is read from
 * GitHub for the deployment's commit with the installation's token; a class
 * that lets a blocked deployment through is written to the audit log once,
 * before the approval. The attacker's cases: a label applied by a writer, a
 * trailer or forged deployment records on a commit that is not on the default
 * branch; a redelivery that would log the grant twice.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { HeldDeployments } from '../../app/held/held-deployments.js';
import type { HoldClock } from '../../app/held/hold-clock.js';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { parseRecords, verifyChain } from '../../src/core/audit/hash-chain.js';
import { renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { OWNER, protectionRuleRequested, REPO } from '../support/webhook-payloads.js';

const POLICY = 'main:.github/deploy-governor.yml';
const RUN = 6161;
const LOG = { branch: 'deploy-governor-audit', path: 'audit/overrides.jsonl' };

function policy(scenario: 'freeze' | 'exhausted' | 'normal', extra = ''): string {
  return [
    'slos:',
    '  - name: api',
    '    sli:',
    '      events:',
    `        error: sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
    `        total: sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
    'dr: { enabled: false }',
    'change-classes: {}',
    extra,
  ].join('\n');
}

let h: StandInHarness;
let held: HeldDeployments;
let repo: RepoState;

beforeEach(async () => {
  let services: { held: HeldDeployments } | undefined;
  h = await startStandInHarness({ PROMETHEUS_URL: inject('prometheusUrl') }, { load: { onServices: (s) => (services = s) } });
  held = services!.held;
  repo = h.github.state.repo(OWNER, REPO);
  for (const [login, role] of Object.entries({ maint: 'maintain', writer: 'write' })) repo.collaborators.set(login, role);
});

afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await held.stop();
  await h.stop();
});

const noZwsp = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');

/** A commit on `branch` (default: the default branch), pushed by a writer. */
function commitOn(message = 'Change the checkout flow', branch = 'main'): string {
  if (!repo.branches.has(branch)) h.github.state.createBranch(repo, branch, repo.branches.get('main')!);
  return h.github.state.commit(repo, {
    branch,
    changes: { [`src/${h.github.state.nextId()}.ts`]: 'x' },
    by: h.github.state.user('writer'),
    verified: true,
    message,
  }).sha;
}

/** The protection rule's answers to run RUN: state and comment. */
async function deploy(
  sha: string,
  scenario: 'freeze' | 'exhausted' | 'normal' = 'freeze',
  extra = '',
): Promise<{ state: string; comment: string }> {
  repo.files.set(POLICY, `${policy(scenario, extra)}\n`);
  await h.receive('deployment_protection_rule', protectionRuleRequested({ environment: 'production', runId: RUN, sha }));
  const last = h.github.state.protectionAnswers.at(-1)!;
  return { state: String(last.body.state), comment: noZwsp(String(last.body.comment)) };
}

const logged = () => parseRecords(h.github.state.fileText(repo, LOG.branch, LOG.path) ?? '');

describe('the protection rule reads the deployment’s change class', () => {
  it('approves a hotfix a maintainer labelled at a FREEZE, logs the grant once, and a redelivery logs nothing more', async () => {
    const sha = commitOn('Fix the payment timeout');
    const pr = h.github.state.addLabelledPullRequest(repo, { sha, label: 'deploy-class:hotfix', labeller: 'maint' });
    const answer = await deploy(sha);
    expect(answer.state).toBe('approved');
    expect(answer.comment).toContain('Allowed as a hotfix deploy');
    const records = logged();
    expect(records).toEqual([
      expect.objectContaining({
        kind: 'change-class',
        id: `change-class-rule-${RUN}-production`,
        repository: `${OWNER}/${REPO}`,
        environment: 'production',
        class: 'hotfix',
        source: 'label',
        detail: `label deploy-class:hotfix on #${pr.number}`,
        status: 'FREEZE',
        actor: null,
        via: 'protection-rule',
        sha,
        run_id: RUN,
        run_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${RUN}`,
      }),
    ]);
    expect(verifyChain(h.github.state.fileText(repo, LOG.branch, LOG.path)!).ok).toBe(true);

    // GitHub redelivers the event: evaluated again (a new time), found logged, nothing appended.
    await deploy(sha);
    expect(logged()).toEqual(records);
  });

  it('does not append a grant to a broken log: one alert issue, as for an override, holding the record', async () => {
    const first = commitOn('Fix the payment timeout');
    h.github.state.addLabelledPullRequest(repo, { sha: first, label: 'deploy-class:hotfix', labeller: 'maint' });
    await deploy(first);
    // Someone edits the logged grant without recomputing its hash.
    const key = `${LOG.branch}:${LOG.path}`;
    repo.files.set(key, repo.files.get(key)!.replace('"hotfix"', '"security"'));
    const second = commitOn('Fix the refund timeout');
    h.github.state.addLabelledPullRequest(repo, { sha: second, label: 'deploy-class:hotfix', labeller: 'maint' });
    await h.receive('deployment_protection_rule', protectionRuleRequested({ environment: 'production', runId: RUN + 1, sha: second }));
    expect(logged()).toHaveLength(1);
    const alerts = [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'deploy-governor-alert'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.title).toContain('can no longer be trusted');
    expect(alerts[0]!.body).toContain('hash chain is broken at line 1');
    expect(alerts[0]!.body).toContain(`change-class-rule-${RUN + 1}-production`);
  });

  it('approves an auto-detected rollback at an EXHAUSTED budget: the commit was deployed there successfully before', async () => {
    const sha = commitOn('Release 1');
    commitOn('Release 2');
    h.github.state.addDeployment(repo, { sha, environment: 'production', statuses: ['success'] });
    const answer = await deploy(sha, 'exhausted');
    expect(answer.state).toBe('approved');
    expect(answer.comment).toContain('Allowed as a rollback deploy');
    expect(logged()).toEqual([expect.objectContaining({ class: 'rollback', source: 'rollback', status: 'EXHAUSTED', sha })]);
  });

  it('rejects a feature at a FREEZE, saying its class, and logs nothing', async () => {
    const sha = commitOn();
    const answer = await deploy(sha);
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toContain('This is a feature deploy');
    expect(logged()).toEqual([]);
  });

  it('rejects a hotfix label applied by a writer, below the role the freeze needs', async () => {
    const sha = commitOn();
    h.github.state.addLabelledPullRequest(repo, { sha, label: 'deploy-class:hotfix', labeller: 'writer' });
    const answer = await deploy(sha);
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toContain('This is a feature deploy');
    expect(logged()).toEqual([]);
  });

  it('rejects a Deploy-Class trailer on a commit that is not on the default branch', async () => {
    const sha = commitOn('Quick fix\n\nDeploy-Class: security', 'topic');
    const answer = await deploy(sha, 'exhausted');
    expect(answer.state).toBe('rejected');
    expect(logged()).toEqual([]);
  });

  it('rejects a commit off the default branch whatever deployment records a writer made for it', async () => {
    const sha = commitOn('Feature on a branch', 'topic');
    h.github.state.addDeployment(repo, { sha, environment: 'production', creator: 'writer', statuses: ['success'] });
    const answer = await deploy(sha, 'exhausted');
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toContain('This is a feature deploy');
    expect(h.github.stats.byOperation['GET /repos/{owner}/{repo}/deployments']).toBeUndefined();
    expect(logged()).toEqual([]);
  });
});

describe('the protection rule, postmortem debts and the class', () => {
  it('lets a labelled hotfix through an overdue P0 item on a healthy budget, but not a feature, and logs no grant', async () => {
    const due = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const meta = renderMeta('action-item', { postmortem: 1, key: 'k-0', horizon: null, owner: 'alice', due, priority: 'P0' });
    h.github.state.addIssue(repo, { title: 'Rotate the keys', body: `Action item.\n\n${meta}`, labels: ['action-item', 'P0'] });
    const sha = commitOn('Fix the payment timeout');
    h.github.state.addLabelledPullRequest(repo, { sha, label: 'deploy-class:hotfix', labeller: 'maint' });
    expect((await deploy(sha, 'normal', 'postmortems: {}')).state).toBe('approved');
    expect((await deploy(commitOn(), 'normal', 'postmortems: {}')).state).toBe('rejected');
    // The budget blocked nothing: the class loosened no decision, so there is no grant to log.
    expect(logged()).toEqual([]);
  });
});

describe('a held deployment re-evaluated with its commit', () => {
  /** A clock the test moves: the hold's ticks run, awaited, when it advances. */
  function controlledClock(): HoldClock & { advance(ms: number): Promise<void> } {
    let t = Date.now();
    const ticks = new Set<() => Promise<void>>();
    return {
      now: () => new Date(t),
      every: (_ms, tick) => (ticks.add(tick), () => void ticks.delete(tick)),
      sleep: async () => undefined,
      random: () => 0.5,
      async advance(ms) {
        t += ms;
        for (const tick of [...ticks]) await tick();
      },
    };
  }

  it('is released once a maintainer labels its pull request a hotfix, and the grant is logged before the release', async () => {
    const clock = controlledClock();
    await held.start(clock);
    const sha = commitOn('Fix the payment timeout');
    h.github.state.addWaitingRun(repo, { id: RUN, sha, environments: ['production'] });
    const pr = h.github.state.addPullRequest(repo, sha);
    pr.state = 'closed';
    pr.pull_request!.merged_at = new Date().toISOString();
    repo.files.set(POLICY, `${policy('freeze', 'on-block: hold\nhold: { limit: 2h, interval: 5m }')}\n`);
    await h.receive('deployment_protection_rule', protectionRuleRequested({ environment: 'production', runId: RUN, sha }));
    expect(h.github.state.protectionAnswers).toEqual([]);

    h.github.state.labelIssue(repo, pr, 'deploy-class:hotfix', h.github.state.user('maint'));
    await clock.advance(10 * 60_000);
    expect(h.github.state.protectionAnswers.map((a) => a.body.state)).toEqual(['approved']);
    expect(logged()).toEqual([expect.objectContaining({ class: 'hotfix', via: 'protection-rule', sha, run_id: RUN })]);
  });
});

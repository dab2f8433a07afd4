/**
 * The freeze commit status on pull requests (issue 15) end to end through the
 * real app in Probot against the stateful GitHub stand-in (every request
 * checked against GitHub's OpenAPI description): `deploy-governor/freeze` on
 * open pull requests' head commits, refreshed by pull-request events and by
 * freeze changes (announced through the app's FreezeEvents, as the freeze
 * commands do), never rewritten when unchanged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FreezeChange } from '../../app/freezes/freeze-events.js';
import type { CommitStatusState, Issue, RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { readMeta, renderMeta, type FreezeRecord } from '../../src/core/postmortem/issue-metadata.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { INSTALLATION, OWNER, pullRequestEvent, REPO } from '../support/webhook-payloads.js';

const POLICY = '.github/deploy-governor.yml';
const CONTEXT = 'deploy-governor/freeze';
const MERGE_STATUS = [
  'environments:',
  '  production: {}',
  '  staging: {}',
  'freezes:',
  '  merge-status:',
  '    branches:',
  '      main: [production]',
  '      "release/*": [production, staging]',
].join('\n');
const POST_STATUS = 'POST /repos/{owner}/{repo}/statuses/{sha}';

let h: StandInHarness;
let repo: RepoState;
let shas = 0;
const sha = () => (++shas).toString(16).padStart(40, 'c');

beforeEach(async () => {
  h = await startStandInHarness();
  repo = h.github.state.repo(OWNER, REPO);
  repo.files.set(`main:${POLICY}`, `${MERGE_STATUS}\n`);
});

afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

const HOUR = 3_600_000;

/** A freeze as the app stores it: an issue it opened, labelled deploy-freeze, with the record. */
function plantFreeze(where: RepoState, o: Partial<FreezeRecord> = {}, by?: string): Issue {
  const record: FreezeRecord = {
    scope: 'production',
    until: new Date(Date.now() + 2 * HOUR).toISOString(),
    reason: 'database migration',
    by: 'maint',
    at: new Date().toISOString(),
    ...o,
  };
  return h.github.state.addIssue(where, {
    title: `Deploy freeze: ${record.scope}`,
    body: `Frozen.\n\n${renderMeta('freeze', record)}`,
    labels: ['deploy-freeze'],
    ...(by ? { user: h.github.state.user(by) } : {}),
  });
}

function change(where: RepoState, issue: Issue, what: FreezeChange['change'], scope = 'production'): Promise<void> {
  return h.freezeEvents.emit({
    owner: where.owner,
    repo: where.name,
    scope,
    change: what,
    issue: issue.number,
    installationId: INSTALLATION,
    record: readMeta('freeze', issue.body)!,
  });
}

function openPull(where: RepoState, base: string, head = sha()): Issue {
  return h.github.state.openPullRequest(where, { base, headSha: head });
}

/** The latest status this app set on the pull request's head commit under the freeze context. */
function appStatus(where: RepoState, pr: Issue): CommitStatusState | undefined {
  const { headSha } = h.github.state.pullRefsOf(where, pr.number);
  return h.github.state
    .statusesOf(where, headSha)
    .filter((s) => s.context === CONTEXT && s.creator.login === 'deploy-governor[bot]')
    .at(-1);
}

const posts = () => h.github.stats.byOperation[POST_STATUS] ?? 0;

async function pullEvent(action: 'opened' | 'synchronize' | 'reopened' | 'edited', where: RepoState, pr: Issue, baseFrom?: string) {
  const refs = h.github.state.pullRefsOf(where, pr.number);
  await h.receive('pull_request', pullRequestEvent(action, { number: pr.number, base: refs.base, headSha: refs.headSha }, { baseFrom }));
}

describe('a freeze starting and ending', () => {
  it("holds the pull requests into the frozen environment's branches with the reason and the end, and releases them when it ends", async () => {
    const intoMain = openPull(repo, 'main');
    const intoRelease = openPull(repo, 'release/2.0');
    const intoDocs = openPull(repo, 'docs');
    const freeze = plantFreeze(repo);
    await change(repo, freeze, 'started');

    for (const pr of [intoMain, intoRelease]) {
      expect(appStatus(repo, pr)).toMatchObject({ state: 'pending' });
      const { description } = appStatus(repo, pr)!;
      expect(description).toMatch(/^Frozen until \d{4}-\d\d-\d\d \d\d:\d\d UTC \(production\): database migration$/);
    }
    // A pull request into a branch the policy does not map is no business of a production freeze.
    expect(appStatus(repo, intoDocs)).toBeUndefined();
    expect(posts()).toBe(2);

    freeze.state = 'closed';
    await change(repo, freeze, 'ended');
    for (const pr of [intoMain, intoRelease]) expect(appStatus(repo, pr)).toMatchObject({ state: 'success' });
    expect(appStatus(repo, intoMain)!.description).toBe('No deploy freeze (production)');
    expect(appStatus(repo, intoRelease)!.description).toBe('No deploy freeze (production, staging)');
    expect(posts()).toBe(4);
  });

  it('writes nothing when the status is already the one shown, and reads within bounds', async () => {
    const prs = [openPull(repo, 'main'), openPull(repo, 'main'), openPull(repo, 'release/1')];
    const freeze = plantFreeze(repo, { scope: 'all' });
    await change(repo, freeze, 'started', 'all');
    expect(posts()).toBe(3);
    h.github.resetStats();
    // The same announcement again (a redelivered command): every status is read back, none is written.
    await change(repo, freeze, 'started', 'all');
    expect(posts()).toBe(0);
    expect(h.github.stats.byOperation['GET /repos/{owner}/{repo}/pulls']).toBe(1);
    expect(h.github.stats.byOperation['GET /repos/{owner}/{repo}/commits/{ref}/statuses']).toBe(prs.length);
    for (const pr of prs) expect(h.github.state.statusesOf(repo, h.github.state.pullRefsOf(repo, pr.number).headSha)).toHaveLength(1);
  });

  it('a freeze of staging holds release branches only', async () => {
    const intoMain = openPull(repo, 'main');
    const intoRelease = openPull(repo, 'release/1');
    await change(repo, plantFreeze(repo, { scope: 'staging', reason: 'load test' }), 'started', 'staging');
    expect(appStatus(repo, intoRelease)).toMatchObject({ state: 'pending', description: expect.stringContaining('(staging): load test') });
    expect(appStatus(repo, intoMain)).toBeUndefined();
  });

  it('an organisation-wide freeze in <owner>/.github fans out to every repository of the installation whose policy asks', async () => {
    const other = h.github.state.repo(OWNER, 'payments');
    other.files.set(`main:${POLICY}`, `${MERGE_STATUS}\n`);
    const without = h.github.state.repo(OWNER, 'no-status');
    const org = h.github.state.repo(OWNER, '.github');
    const here = openPull(repo, 'main');
    const there = openPull(other, 'release/9');
    const unasked = openPull(without, 'main');
    const freeze = plantFreeze(org, { scope: 'all', reason: 'year-end freeze' });
    await change(org, freeze, 'started', 'all');
    expect(appStatus(repo, here)).toMatchObject({ state: 'pending', description: expect.stringContaining('year-end freeze') });
    expect(appStatus(other, there)).toMatchObject({ state: 'pending', description: expect.stringContaining('year-end freeze') });
    // A repository whose policy has no merge-status gets no status, and its pull requests are not even listed.
    expect(appStatus(without, unasked)).toBeUndefined();
    expect(h.github.stats.byOperation['GET /installation/repositories']).toBe(1);

    freeze.state = 'closed';
    await change(org, freeze, 'ended', 'all');
    expect(appStatus(repo, here)).toMatchObject({ state: 'success' });
    expect(appStatus(other, there)).toMatchObject({ state: 'success' });
  });
});

describe('pull requests changing', () => {
  it('a pull request opened, pushed to or moved onto a frozen branch during a freeze gets pending; one into an unmapped branch success', async () => {
    plantFreeze(repo);
    const pr = openPull(repo, 'main');
    await pullEvent('opened', repo, pr);
    expect(appStatus(repo, pr)).toMatchObject({ state: 'pending', description: expect.stringContaining('database migration') });

    const docs = openPull(repo, 'docs');
    await pullEvent('opened', repo, docs);
    expect(appStatus(repo, docs)).toMatchObject({ state: 'success', description: 'No deploy freeze applies to this base branch' });

    // Its base moved onto main: the base comes from GitHub, whatever the event said before.
    h.github.state.movePullRequest(repo, docs.number, { base: 'main' });
    await pullEvent('edited', repo, docs, 'docs');
    expect(appStatus(repo, docs)).toMatchObject({ state: 'pending' });

    // A push: the new head commit gets its status.
    h.github.state.movePullRequest(repo, pr.number, { headSha: sha() });
    await pullEvent('synchronize', repo, pr);
    expect(appStatus(repo, pr)).toMatchObject({ state: 'pending' });

    // A title edit changes nothing: no request at all.
    h.github.resetStats();
    await pullEvent('edited', repo, pr);
    expect(h.github.stats.total).toBe(0);
  });

  it('a head commit shared by pull requests into two bases gets the stricter status, whichever was opened first', async () => {
    plantFreeze(repo);
    const first = sha();
    const docsFirst = openPull(repo, 'docs', first);
    openPull(repo, 'main', first);
    const second = sha();
    openPull(repo, 'main', second);
    const docsSecond = openPull(repo, 'docs', second);
    for (const pr of [docsFirst, docsSecond]) {
      await pullEvent('opened', repo, pr);
      expect(appStatus(repo, pr)).toMatchObject({ state: 'pending' });
    }
  });

  it('an active freeze window of the policy holds like a freeze on command (its applies-to branches respected)', async () => {
    const from = new Date(Date.now() - HOUR).toISOString();
    const to = new Date(Date.now() + HOUR).toISOString();
    repo.files.set(
      `main:${POLICY}`,
      [
        MERGE_STATUS,
        'freeze-windows:',
        `  - { name: launch, reason: product launch, from: "${from}", to: "${to}", environments: [staging] }`,
        `  - { name: hotfixes-only, from: "${from}", to: "${to}", applies-to: { branches: ["release/2.*"] } }`,
      ].join('\n'),
    );
    const main = openPull(repo, 'main');
    const release1 = openPull(repo, 'release/1.0');
    const release2 = openPull(repo, 'release/2.0');
    for (const pr of [main, release1, release2]) await pullEvent('opened', repo, pr);
    expect(appStatus(repo, main)).toMatchObject({ state: 'success' });
    expect(appStatus(repo, release1)).toMatchObject({
      state: 'pending',
      description: expect.stringContaining('(staging): product launch'),
    });
    expect(appStatus(repo, release2)).toMatchObject({ state: 'pending', description: expect.stringContaining('(production, staging)') });
  });

  it('a repository whose policy does not ask for the status gets none, and nothing is listed', async () => {
    repo.files.set(`main:${POLICY}`, 'environments:\n  production: {}\n');
    plantFreeze(repo);
    const pr = openPull(repo, 'main');
    await pullEvent('opened', repo, pr);
    expect(appStatus(repo, pr)).toBeUndefined();
    expect(h.github.stats.byOperation['GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls']).toBeUndefined();
  });

  it('a policy that became invalid turns a shown status into an error (fail closed), and sets none where none was shown', async () => {
    plantFreeze(repo);
    const shown = openPull(repo, 'main');
    await pullEvent('opened', repo, shown);
    expect(appStatus(repo, shown)).toMatchObject({ state: 'pending' });
    repo.files.set(`main:${POLICY}`, `${MERGE_STATUS}\nfreezes-typo: true\n`);
    await pullEvent('reopened', repo, shown);
    expect(appStatus(repo, shown)).toMatchObject({ state: 'error', description: expect.stringContaining('policy is invalid') });
    // A head commit without a status of the app's gets none: the repository may not use the status at all.
    const fresh = openPull(repo, 'main');
    await pullEvent('opened', repo, fresh);
    expect(appStatus(repo, fresh)).toBeUndefined();
  });
});

describe('forgeries', () => {
  it('a planted freeze issue (right label, pasted record, not opened by the app) changes nothing', async () => {
    const pr = openPull(repo, 'main');
    await pullEvent('opened', repo, pr);
    expect(appStatus(repo, pr)).toMatchObject({ state: 'success' });
    h.github.resetStats();
    const planted = plantFreeze(repo, { reason: 'planted' }, 'writer');
    await change(repo, planted, 'started');
    await pullEvent('synchronize', repo, pr);
    expect(appStatus(repo, pr)).toMatchObject({ state: 'success' });
    expect(posts()).toBe(0);
  });

  it("someone else's status under the same context neither passes for the app's nor stops the app's write", async () => {
    const pr = openPull(repo, 'main');
    const freeze = plantFreeze(repo);
    await change(repo, freeze, 'started');
    const { headSha } = h.github.state.pullRefsOf(repo, pr.number);
    h.github.state.addCommitStatus(repo, headSha, {
      state: 'success',
      description: 'No deploy freeze (production)',
      context: CONTEXT,
      target_url: null,
      creator: h.github.state.user('writer'),
    });
    // The app's own status is still pending, so a repeated announcement writes nothing.
    await change(repo, freeze, 'started');
    expect(posts()).toBe(1);
    freeze.state = 'closed';
    await change(repo, freeze, 'ended');
    // The writer's success is no reason to skip the app's own.
    expect(appStatus(repo, pr)).toMatchObject({ state: 'success' });
    expect(posts()).toBe(2);
  });

  it("a freeze's reason with markdown and mentions is plain, inert text within GitHub's 140 characters", async () => {
    const reason = `@everyone **now** <img src=x> [link](https://evil.example) \u202eevil\u202c ${'x'.repeat(200)}`;
    plantFreeze(repo, { reason });
    const pr = openPull(repo, 'main');
    await pullEvent('opened', repo, pr);
    const { description } = appStatus(repo, pr)!;
    expect([...description!].length).toBeLessThanOrEqual(140);
    expect(description).toMatch(/…$/);
    expect(description).toContain('@\u200beveryone');
    expect(description).not.toMatch(/[\u202a-\u202e]/);
  });
});

/**
 * Freezes on command (issue 15) end to end through the real app: `/freeze` and
 * `/unfreeze` comments, the `deploy-freeze` issues the app opens and closes in
 * the stateful GitHub stand-in (every request checked against GitHub's OpenAPI
 * description), and the deployment protection rule answering FREEZE while one
 * is in force (the real Prometheus of the integration suite answers the SLOs).
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Issue, RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { readMeta, renderMeta, type FreezeRecord } from '../../src/core/postmortem/issue-metadata.js';
import { issueCommentCreated, issuesEvent } from '../support/issue-payloads.js';
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
  'environments:',
  '  production: {}',
  '  staging: {}',
].join('\n');
const RUN = 4343;

let h: StandInHarness;
let repo: RepoState;
let commentIds = 50_000;

beforeEach(async () => {
  h = await startStandInHarness({ PROMETHEUS_URL: inject('prometheusUrl') });
  repo = h.github.state.repo(OWNER, REPO);
  repo.collaborators.set('maint', 'maintain');
  repo.collaborators.set('writer', 'write');
  repo.collaborators.set('boss', 'admin');
  repo.collaborators.set('triager', 'triage');
  repo.files.set(POLICY, `${HEALTHY}\n`);
});

afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

const user = (login: string) => h.github.state.user(login);
const freezeIssues = () => [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'deploy-freeze'));
const openFreezes = () => freezeIssues().filter((i) => i.state === 'open');
const noZwsp = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
const replies = (issue: number) => h.github.state.appComments(repo, issue).map((c) => noZwsp(c.body));

let where: Issue;
beforeEach(() => {
  where = h.github.state.addIssue(repo, { title: 'Release 42', user: user('maint') });
});

async function command(body: string, login: string, commentId = ++commentIds): Promise<void> {
  await h.receive('issue_comment', issueCommentCreated(where, body, { login }, commentId));
}

async function protection(environment = 'production'): Promise<{ state: string; comment: string }> {
  await h.receive('deployment_protection_rule', protectionRuleRequested({ environment, runId: RUN }));
  const last = h.github.state.protectionAnswers.at(-1)!;
  return { state: String(last.body.state), comment: noZwsp(String(last.body.comment)) };
}

describe('freezing on command', () => {
  it('freezes for a maintainer (once, however often the comment is delivered), and the protection rule rejects with FREEZE, the reason and the end', async () => {
    // A redelivery carries the same payload.
    const payload = issueCommentCreated(where, '/freeze production 2h database migration @everyone', { login: 'maint' }, 777);
    await h.receive('issue_comment', payload);
    await h.receive('issue_comment', payload);
    const [issue, ...more] = freezeIssues();
    expect(more).toEqual([]);
    expect(issue!.performed_via_github_app).not.toBeNull();
    const record = readMeta('freeze', issue!.body);
    expect(record).toMatchObject({ scope: 'production', reason: 'database migration @everyone', by: 'maint' });
    expect(Date.parse(record!.until) - Date.now()).toBeGreaterThan(119 * 60_000);
    // The reason is inert in the issue: no ping.
    expect(issue!.body).not.toMatch(/@everyone/);
    const [reply, ...moreReplies] = replies(where.number);
    expect(moreReplies).toEqual([]);
    expect(reply).toContain(`frozen until **${record!.until}**`);
    expect(reply).toContain(`#${issue!.number}`);

    const answer = await protection('production');
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toMatch(/status FREEZE/);
    expect(answer.comment).toContain('database migration');
    expect(answer.comment).toContain(record!.until);
    // Another environment is not frozen.
    expect(await protection('staging')).toMatchObject({ state: 'approved' });
  });

  it('lifts it on /unfreeze: the issue is closed and the protection rule approves again', async () => {
    await command('/freeze all until 2099-01-01T00:00Z too far', 'maint');
    expect(freezeIssues()).toEqual([]);
    expect(replies(where.number)[0]).toMatch(/at most 90 days/);
    await command('/freeze all 1d release week', 'maint');
    expect(openFreezes()).toHaveLength(1);
    expect((await protection('staging')).state).toBe('rejected');
    await command('/unfreeze staging', 'maint');
    expect(openFreezes()).toHaveLength(1);
    expect(replies(where.number).at(-1)).toMatch(
      /No freeze of `staging` was in force\. Still in force for `staging`: a freeze of all environments/,
    );
    await command('/unfreeze all', 'maint');
    expect(openFreezes()).toEqual([]);
    expect(freezeIssues()[0]!.state_reason).toBe('completed');
    expect(replies(where.number).at(-1)).toMatch(/Lifted: #\d+/);
    expect(await protection('staging')).toMatchObject({ state: 'approved' });
  });

  it('refuses politely someone below the policy permission (default maintain, or as the policy sets it)', async () => {
    await command('/freeze production 2h x', 'writer');
    await command('/freeze production 2h x', 'stranger');
    expect(freezeIssues()).toEqual([]);
    expect(replies(where.number)).toEqual([
      expect.stringContaining('`/freeze` needs at least the **maintain** role'),
      expect.stringContaining('`/freeze` needs at least the **maintain** role'),
    ]);
    repo.files.set(POLICY, `${HEALTHY}\nfreezes: { permission: admin }\n`);
    await command('/freeze production 2h x', 'maint');
    expect(freezeIssues()).toEqual([]);
    expect(replies(where.number).at(-1)).toContain('**admin** role');
    await command('/freeze production 2h x', 'boss');
    expect(openFreezes()).toHaveLength(1);
    // Unfreezing needs the same role.
    await command('/unfreeze production', 'maint');
    expect(openFreezes()).toHaveLength(1);
    expect(replies(where.number).at(-1)).toContain('`/unfreeze` needs at least the **admin** role');
  });

  it('explains a mistaken command to someone allowed, and freezes nothing', async () => {
    await command('/freeze prodution 2h x', 'maint');
    await command('/freeze production 2h', 'maint');
    expect(freezeIssues()).toEqual([]);
    const [typo, noReason] = replies(where.number);
    expect(typo).toMatch(/Nothing changed: .*did you mean production\?/);
    expect(noReason).toMatch(/Nothing changed: a reason is required/);
  });
});

describe('closing a freeze issue by hand', () => {
  /** A person closes the issue in GitHub's UI: the stand-in holds it closed and the app gets issues.closed. */
  async function closeByHand(issue: Issue, login: string): Promise<void> {
    issue.state = 'closed';
    issue.state_reason = 'completed';
    issue.closed_at = new Date().toISOString();
    await h.receive('issues', issuesEvent('closed', issue, { login }));
  }

  it('is undone for someone below the permission (triage may close issues), and lifts the freeze for someone with it', async () => {
    await command('/freeze production 2h migration', 'maint');
    const [issue] = freezeIssues();
    await closeByHand(issue!, 'triager');
    expect(issue!.state).toBe('open');
    expect(noZwsp(h.github.state.appComments(repo, issue!.number).at(-1)!.body)).toMatch(
      /Reopened: .*needs at least the \*\*maintain\*\* role/,
    );
    expect((await protection('production')).state).toBe('rejected');
    await closeByHand(issue!, 'maint');
    expect(issue!.state).toBe('closed');
    expect((await protection('production')).state).toBe('approved');
  });

  it("is undone when a bot other than this app closes it (a writer's workflow as github-actions[bot]), and left to this app's own bot", async () => {
    await command('/freeze production 2h migration', 'maint');
    const [issue] = freezeIssues();
    issue!.state = 'closed';
    await h.receive('issues', issuesEvent('closed', issue!, { login: 'github-actions[bot]', type: 'Bot' }));
    expect(issue!.state).toBe('open');
    expect((await protection('production')).state).toBe('rejected');
    // This app's own close (its bot is `<slug>[bot]`, read from GET /app) is its own business.
    issue!.state = 'closed';
    await h.receive('issues', issuesEvent('closed', issue!, { login: 'deploy-governor[bot]', type: 'Bot' }));
    expect(issue!.state).toBe('closed');
  });

  it('a removed deploy-freeze label is put back for someone below the permission', async () => {
    await command('/freeze all 2h migration', 'maint');
    const [issue] = freezeIssues();
    issue!.labels = [];
    const label = {
      id: 1,
      node_id: 'LA_1',
      url: 'https://api.github.com/labels/1',
      name: 'deploy-freeze',
      color: 'ededed',
      default: false,
      description: null,
    };
    await h.receive('issues', { ...issuesEvent('closed', issue!, { login: 'triager' }), action: 'unlabeled', label });
    expect(issue!.labels.map((l) => l.name)).toEqual(['deploy-freeze']);
    expect(noZwsp(h.github.state.appComments(repo, issue!.number).at(-1)!.body)).toMatch(/Relabelled: .*removed its label/);
    expect((await protection('staging')).state).toBe('rejected');
  });
});

describe("editing a freeze's record by hand", () => {
  async function editBody(issue: Issue, body: string, login: string): Promise<void> {
    const from = issue.body ?? '';
    issue.body = body;
    await h.receive('issues', issuesEvent('edited', issue, { login }, { body: { from } }));
  }

  it('is undone for someone below the permission (write may edit issues): the freeze stays in force', async () => {
    await command('/freeze production 2h migration', 'maint');
    const [issue] = freezeIssues();
    const record = readMeta('freeze', issue!.body)!;
    const past = new Date(Date.now() - 60_000).toISOString();
    await editBody(issue!, issue!.body!.replaceAll(record.until, past), 'writer');
    expect(issue!.body).toContain(JSON.stringify(record.until));
    expect(readMeta('freeze', issue!.body)).toEqual(record);
    expect(noZwsp(h.github.state.appComments(repo, issue!.number).at(-1)!.body)).toMatch(/Restored this freeze's record/);
    // Removing the record altogether is undone too.
    await editBody(issue!, 'nothing here', 'writer');
    expect(readMeta('freeze', issue!.body)).toEqual(record);
    expect((await protection('production')).state).toBe('rejected');
    expect(issue!.state).toBe('open');
  });
});

describe('freeze issues the app did not open', () => {
  const record = (o: Partial<FreezeRecord> = {}): FreezeRecord => ({
    scope: 'production',
    until: new Date(Date.now() + 3_600_000).toISOString(),
    reason: 'planted',
    by: 'maint',
    at: new Date().toISOString(),
    ...o,
  });

  it('are ignored: a planted record neither freezes nor is closed by /unfreeze', async () => {
    const planted = h.github.state.addIssue(repo, {
      title: 'Deploy freeze',
      body: `fake\n\n${renderMeta('freeze', record())}`,
      labels: ['deploy-freeze'],
      user: user('writer'),
    });
    expect(await protection('production')).toMatchObject({ state: 'approved' });
    await command('/unfreeze production', 'maint');
    expect(planted.state).toBe('open');
    expect(replies(where.number).at(-1)).toContain('No freeze of `production` was in force.');
  });
});

describe('expiry', () => {
  it('a freeze whose end has passed does not block, and the app closes its issue when it next sees it', async () => {
    const expired = h.github.state.addIssue(repo, {
      title: 'Deploy freeze: production',
      body: `old\n\n${renderMeta('freeze', { scope: 'production', until: new Date(Date.now() - 60_000).toISOString(), reason: 'done', by: 'maint', at: new Date(Date.now() - 7_200_000).toISOString() })}`,
      labels: ['deploy-freeze'],
    });
    expect(expired.performed_via_github_app).not.toBeNull();
    expect(await protection('production')).toMatchObject({ state: 'approved' });
    expect(expired.state).toBe('closed');
  });
});

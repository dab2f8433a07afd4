/**
 * Freeze requests (issue 15): `deploy-governor freeze` / `unfreeze` (the CLI,
 * from source with tsx, with a person's token) open an issue whose first line is
 * the command, and the real app (in Probot, against the stateful GitHub stand-in,
 * every request checked against GitHub's OpenAPI description) handles it like a
 * `/freeze` comment: the role of the issue's author from GitHub, the reply on the
 * request, the request closed. And the attacker's side: a request below the
 * permission, a request carrying a pasted freeze record, a bot's request, an
 * edit of someone else's request, a redelivery.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Issue, RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { readMeta, renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { issuesEvent } from '../support/issue-payloads.js';
import { APP_ID } from '../support/probot-harness.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { OWNER, REPO } from '../support/webhook-payloads.js';

const exec = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src/cli/index.ts');
const POLICY = ['dr: { enabled: false }', 'environments:', '  production: {}', '  staging: {}', ''].join('\n');

let h: StandInHarness;
let repo: RepoState;

beforeEach(async () => {
  h = await startStandInHarness();
  repo = h.github.state.repo(OWNER, REPO);
  repo.collaborators.set('maint', 'maintain');
  repo.collaborators.set('writer', 'write');
  repo.files.set('main:.github/deploy-governor.yml', POLICY);
  h.github.state.tokenLogins.set('ghp_maint', 'maint');
  h.github.state.tokenLogins.set('ghp_writer', 'writer');
});

afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

const noZwsp = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
const appFreezes = () =>
  [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'deploy-freeze') && i.performed_via_github_app?.id === APP_ID);
const replies = (issue: Issue) => h.github.state.appComments(repo, issue.number).map((c) => noZwsp(c.body));

/** Runs the CLI while playing GitHub's part: each request issue it opens is delivered to the app as `issues.opened`. */
async function cli(args: string[], token: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const known = new Set(repo.issues.keys());
  const delivered = new Set<number>();
  let done = false;
  const deliver = (async () => {
    while (!done) {
      for (const issue of repo.issues.values())
        if (!known.has(issue.number) && !delivered.has(issue.number) && issue.performed_via_github_app === null) {
          delivered.add(issue.number);
          await h.receive('issues', issuesEvent('opened', issue, { login: issue.user.login }));
        }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    const { stdout, stderr } = await exec(TSX, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: token, GITHUB_API_URL: h.github.url },
    });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  } finally {
    done = true;
    await deliver;
  }
}

/** A request issue as a person (or a bot) opens it, delivered to the app. */
async function request(body: string, login: string, o: { labels?: string[]; type?: 'Bot' } = {}): Promise<Issue> {
  const issue = h.github.state.addIssue(repo, { title: 'request', body, user: h.github.state.user(login), labels: o.labels ?? [] });
  await h.receive('issues', issuesEvent('opened', issue, { login, type: o.type }));
  return issue;
}

describe('deploy-governor freeze / unfreeze', () => {
  it("freezes through the app with a maintainer's token, prints the app's answer, and unfreezes", async () => {
    const frozen = await cli(
      ['freeze', 'production', '2h', 'database', 'migration', '--repo', `${OWNER}/${REPO}`, '--wait', '30'],
      'ghp_maint',
    );
    expect(frozen.stderr).toBe('');
    expect(frozen.code).toBe(0);
    expect(frozen.stdout).toMatch(/request opened: .*\/issues\/\d+/);
    expect(noZwsp(frozen.stdout)).toMatch(/Deploys to `production` are frozen until \*\*[^*]+\*\* \(status FREEZE\): #\d+/);
    const [freeze, ...more] = appFreezes();
    expect(more).toEqual([]);
    expect(readMeta('freeze', freeze!.body)).toMatchObject({ scope: 'production', reason: 'database migration', by: 'maint' });
    const requestIssue = [...repo.issues.values()].find((i) => i.body?.startsWith('/freeze production 2h'))!;
    expect(requestIssue.user.login).toBe('maint');
    expect(requestIssue.state).toBe('closed');

    const lifted = await cli(['unfreeze', 'production', '--repo', `${OWNER}/${REPO}`, '--wait', '30'], 'ghp_maint');
    expect(lifted.code).toBe(0);
    expect(lifted.stdout).toContain(`Lifted: #${freeze!.number}`);
    expect(freeze!.state).toBe('closed');
  });

  it('refuses a command with a mistake before opening anything, and says what to set without a token', async () => {
    const typo = await cli(['freeze', 'production', 'soon', 'x', '--repo', `${OWNER}/${REPO}`], 'ghp_maint');
    expect(typo.code).toBe(99);
    expect(typo.stderr).toMatch(/^deploy-governor: freeze: expected/);
    const noToken = await cli(['unfreeze', 'all', '--repo', `${OWNER}/${REPO}`], '');
    expect(noToken.code).toBe(99);
    expect(noToken.stderr).toContain('set GITHUB_TOKEN');
    expect(repo.issues.size).toBe(0);
  });

  it("a writer's request (below the default maintain) is refused by the app, and the CLI prints the refusal", async () => {
    const refused = await cli(['freeze', 'all', '1d', 'x', '--repo', `${OWNER}/${REPO}`, '--wait', '30'], 'ghp_writer');
    expect(refused.code).toBe(0);
    expect(noZwsp(refused.stdout)).toContain('needs at least the **maintain** role');
    expect(appFreezes()).toEqual([]);
  });
});

describe('freeze request issues', () => {
  it('a request carrying a pasted record, opened below the permission, freezes nothing and is not taken for a freeze', async () => {
    const pasted = renderMeta('freeze', {
      scope: 'all',
      until: new Date(Date.now() + 86_400_000).toISOString(),
      reason: 'pasted',
      by: 'maint',
      at: new Date().toISOString(),
    });
    const planted = await request(`/freeze all 1d pasted\n\n${pasted}`, 'writer', { labels: ['deploy-freeze'] });
    expect(appFreezes()).toEqual([]);
    expect(replies(planted).at(-1)).toContain('needs at least the **maintain** role');
    expect(planted.state).toBe('closed');
  });

  it("a maintainer's request freezes from the command line alone: a pasted record in it is not what the app stores", async () => {
    const pasted = renderMeta('freeze', {
      scope: 'all',
      until: '2099-01-01T00:00:00.000Z',
      reason: 'pasted',
      by: 'boss',
      at: new Date().toISOString(),
    });
    await request(`/freeze staging 2h load test\n\n${pasted}`, 'maint');
    const [freeze] = appFreezes();
    const record = readMeta('freeze', freeze!.body)!;
    expect(record).toMatchObject({ scope: 'staging', reason: 'load test', by: 'maint' });
    expect(Date.parse(record.until) - Date.now()).toBeLessThanOrEqual(2 * 3_600_000);
  });

  it('is taken once however often GitHub delivers it', async () => {
    const issue = h.github.state.addIssue(repo, {
      title: 'request',
      body: '/freeze production 1h hotfix',
      user: h.github.state.user('maint'),
    });
    const payload = issuesEvent('opened', issue, { login: 'maint' });
    await h.receive('issues', payload);
    await h.receive('issues', payload);
    expect(appFreezes()).toHaveLength(1);
    expect(replies(issue)).toHaveLength(1);
  });

  it("ignores a bot's request, and an edit that turns someone else's issue into a request", async () => {
    const byBot = await request('/freeze all 1d from a workflow', 'github-actions[bot]', { type: 'Bot' });
    expect(replies(byBot)).toEqual([]);
    const mine = h.github.state.addIssue(repo, { title: 'notes', body: 'release notes', user: h.github.state.user('maint') });
    mine.body = '/freeze all 1d edited in';
    await h.receive('issues', issuesEvent('edited', mine, { login: 'writer' }, { body: { from: 'release notes' } }));
    expect(appFreezes()).toEqual([]);
    expect(replies(mine)).toEqual([]);
    expect(mine.state).toBe('open');
  });
});

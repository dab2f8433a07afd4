/**
 * Freezes on command beyond one repository (issue 15), through the real app in
 * Probot against the stateful GitHub stand-in (every request checked against
 * GitHub's OpenAPI description): organisation-wide freezes from the owner's
 * `.github` repository, with the attacker's cases (a repository maintainer
 * without the role on `.github`, a planted issue there); freezes and unfreezes
 * in the audit log, verified by `deploy-governor audit verify`; and the freeze
 * events announced on every start and end, with the installation.
 */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { Issue, RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { createFreezeEvents, type FreezeChange } from '../../app/freezes/freeze-events.js';
import type { FreezeDeps } from '../../app/freezes/freeze-deps.js';
import { closeExpiredFreezes, guardFreezeLiftedByHand, runFreezeCommand } from '../../app/freezes/run-freeze-command.js';
import { createIssueLock } from '../../app/issue-lock.js';
import { parseRecords, verifyChain } from '../../src/core/audit/hash-chain.js';
import { readMeta, renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { run as cli } from '../../src/cli/run.js';
import { readFreezesInScope } from '../../src/github/freeze-issues.js';
import { createGitHubClient } from '../../src/github/rest-client.js';
import { inRepository, issueCommentCreated, issuesEvent } from '../support/issue-payloads.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { APP_ID } from '../support/probot-harness.js';
import { INSTALLATION, OWNER, protectionRuleRequested, REPO } from '../support/webhook-payloads.js';

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

let h: StandInHarness;
let repo: RepoState;
let org: RepoState;
let commentIds = 70_000;

beforeEach(async () => {
  h = await startStandInHarness({ PROMETHEUS_URL: inject('prometheusUrl') });
  repo = h.github.state.repo(OWNER, REPO);
  org = h.github.state.repo(OWNER, '.github');
  repo.files.set(POLICY, `${HEALTHY}\n`);
  // The organisation's policy: the `.github` repository's own file.
  org.files.set(POLICY, 'environments:\n  production: {}\n  staging: {}\n');
  repo.collaborators.set('maint', 'maintain');
  org.collaborators.set('maint', 'write');
  org.collaborators.set('platform', 'maintain');
  org.collaborators.set('writer', 'write');
});
afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

const noZwsp = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
const replies = (r: RepoState, issue: number) => h.github.state.appComments(r, issue).map((c) => noZwsp(c.body));
const freezeIssues = (r: RepoState) => [...r.issues.values()].filter((i) => i.labels.some((l) => l.name === 'deploy-freeze'));

async function command(r: RepoState, where: Issue, body: string, login: string): Promise<void> {
  const payload = issueCommentCreated(where, body, { login }, ++commentIds);
  await h.receive('issue_comment', r === org ? inRepository(payload, '.github') : payload);
}

async function protection(environment = 'production'): Promise<{ state: string; comment: string }> {
  await h.receive('deployment_protection_rule', protectionRuleRequested({ environment, runId: 4545 }));
  const last = h.github.state.protectionAnswers.at(-1)!;
  return { state: String(last.body.state), comment: noZwsp(String(last.body.comment)) };
}

describe('organisation-wide freezes', () => {
  it("/freeze in <owner>/.github freezes every repository of the owner; a repository's /unfreeze does not lift it and says where to", async () => {
    const orgIssue = h.github.state.addIssue(org, { title: 'Year end', user: h.github.state.user('platform') });
    await command(org, orgIssue, '/freeze production 2h year-end change freeze', 'platform');
    const [freeze, ...more] = freezeIssues(org);
    expect(more).toEqual([]);
    expect(freeze!.performed_via_github_app).not.toBeNull();
    expect(freeze!.title).toContain(`production in every repository of ${OWNER}`);
    expect(freeze!.body).toContain(`Deploys to \`production\` in every repository of ${OWNER} are frozen`);
    const until = readMeta('freeze', freeze!.body)!.until;
    expect(replies(org, orgIssue.number)[0]).toContain(
      `Deploys to \`production\` in every repository of ${OWNER} are frozen until **${until}**`,
    );

    const rejected = await protection('production');
    expect(rejected.state).toBe('rejected');
    expect(rejected.comment).toMatch(/status FREEZE/);
    expect(rejected.comment).toContain('year-end change freeze');
    expect(rejected.comment).toContain(until);
    expect((await protection('staging')).state).toBe('approved');

    // A maintainer of the repository, who has only write on .github, cannot lift it from the repository...
    const local = h.github.state.addIssue(repo, { title: 'Release', user: h.github.state.user('maint') });
    await command(repo, local, '/unfreeze production', 'maint');
    expect(freeze!.state).toBe('open');
    const reply = replies(repo, local.number).at(-1)!;
    expect(reply).toContain('No freeze of `production` was in force in this repository.');
    expect(reply).toContain(`An organisation-wide freeze is still in force: ${OWNER}/.github#${freeze!.number}`);
    expect(reply).toContain(`run \`/unfreeze\` in an issue of ${OWNER}/.github`);
    // ...nor in .github, where the organisation's policy asks for maintain...
    await command(org, orgIssue, '/unfreeze production', 'maint');
    expect(freeze!.state).toBe('open');
    expect(replies(org, orgIssue.number).at(-1)).toContain('`/unfreeze` needs at least the **maintain** role in this repository');
    // ...nor by closing the issue by hand.
    freeze!.state = 'closed';
    await h.receive('issues', inRepository(issuesEvent('closed', freeze!, { login: 'maint' }), '.github'));
    expect(freeze!.state).toBe('open');
    expect((await protection('production')).state).toBe('rejected');

    // Someone with the role there lifts it.
    await command(org, orgIssue, '/unfreeze production', 'platform');
    expect(freeze!.state).toBe('closed');
    expect((await protection('production')).state).toBe('approved');
  });

  it('a planted issue in <owner>/.github (right label, pasted record, not opened by the app) freezes nothing', async () => {
    const record = {
      scope: 'all',
      until: new Date(Date.now() + 3_600_000).toISOString(),
      reason: 'planted',
      by: 'platform',
      at: new Date().toISOString(),
    };
    const planted = h.github.state.addIssue(org, {
      title: 'Deploy freeze: all environments',
      body: `Frozen.\n\n${renderMeta('freeze', record)}`,
      labels: ['deploy-freeze'],
      user: h.github.state.user('writer'),
    });
    expect(await protection('production')).toMatchObject({ state: 'approved' });
    const local = h.github.state.addIssue(repo, { title: 'Release', user: h.github.state.user('maint') });
    await command(repo, local, '/unfreeze all', 'maint');
    expect(replies(repo, local.number).at(-1)).not.toContain('organisation-wide');
    expect(planted.state).toBe('open');
  });
});

describe('freezes in the audit log', () => {
  const logText = () => h.github.state.fileText(repo, 'deploy-governor-audit', 'audit/overrides.jsonl') ?? '';

  async function auditVerify(): Promise<{ code: number; out: string }> {
    vi.stubEnv('GITHUB_TOKEN', 'ghp_auditor');
    vi.stubEnv('GH_TOKEN', '');
    vi.stubEnv('GITHUB_API_URL', h.github.url);
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
    try {
      const code = await cli(['node', 'deploy-governor', 'audit', 'verify', '--repo', `${OWNER}/${REPO}`]);
      return { code, out: out.join('') };
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    }
  }

  it('a freeze then an unfreeze leave two records (once each, however often delivered) that audit verify accepts; tampering is detected', async () => {
    const where = h.github.state.addIssue(repo, { title: 'Release', user: h.github.state.user('maint') });
    const payload = issueCommentCreated(where, '/freeze production 2h database migration', { login: 'maint' }, 888);
    await h.receive('issue_comment', payload);
    await h.receive('issue_comment', payload);
    await command(repo, where, '/unfreeze production', 'maint');
    const [freeze] = freezeIssues(repo);
    const records = parseRecords(logText());
    expect(records).toEqual([
      expect.objectContaining({
        kind: 'freeze',
        id: `freeze-${freeze!.number}`,
        repository: `${OWNER}/${REPO}`,
        environment: 'production',
        scope: 'repository',
        actor: 'maint',
        reason: 'database migration',
        issue: freeze!.number,
        how: 'command',
      }),
      expect.objectContaining({ kind: 'unfreeze', id: `unfreeze-${freeze!.number}`, actor: 'maint', how: 'command' }),
    ]);
    expect(verifyChain(logText())).toEqual({ ok: true, records: 2 });
    const ok = await auditVerify();
    expect(ok.out).toContain('passed every check');
    expect(ok.code).toBe(0);

    // Someone with push rights drops the unfreeze and recomputes nothing: the chain still holds, the history does not.
    h.github.state.commitFile(repo, {
      branch: 'deploy-governor-audit',
      path: 'audit/overrides.jsonl',
      text: `${logText().split('\n')[0]}\n`,
      by: 'mallory',
    });
    const tampered = await auditVerify();
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/not made by the app|removed line 2/);
  });

  it('an organisation-wide freeze is logged in <owner>/.github, and a hand close by someone allowed is logged as the unfreeze', async () => {
    const orgIssue = h.github.state.addIssue(org, { title: 'Year end', user: h.github.state.user('platform') });
    await command(org, orgIssue, '/freeze all 1h year end', 'platform');
    const [freeze] = freezeIssues(org);
    freeze!.state = 'closed';
    freeze!.closed_at = new Date().toISOString();
    await h.receive('issues', inRepository(issuesEvent('closed', freeze!, { login: 'platform' }), '.github'));
    const records = parseRecords(h.github.state.fileText(org, 'deploy-governor-audit', 'audit/overrides.jsonl') ?? '');
    expect(records.map((r) => [r.kind, r.scope, r.actor, r.how])).toEqual([
      ['freeze', 'organisation', 'platform', 'command'],
      ['unfreeze', 'organisation', 'platform', 'closed'],
    ]);
    expect(records[1]!.at).toBe(freeze!.closed_at);
    expect(logText()).toBe('');
  });
});

describe('freeze events', () => {
  /** The freeze paths called directly over the stand-in, with a recording listener (app/index.ts registers the real ones). */
  function deps(changes: FreezeChange[]): FreezeDeps {
    const log = pino({ level: 'silent' });
    const events = createFreezeEvents(log);
    events.on(async (change) => void changes.push(change));
    return {
      client: createGitHubClient('ghs_app_installation', h.github.url),
      log,
      appId: APP_ID,
      installationId: INSTALLATION,
      events,
      ledger: async () => null,
    };
  }

  it('announce a start on /freeze, an end per lifted freeze on /unfreeze, on a permitted hand close and on expiry', async () => {
    const changes: FreezeChange[] = [];
    const d = deps(changes);
    const lock = createIssueLock(undefined);
    const where = h.github.state.addIssue(repo, { title: 'Release', user: h.github.state.user('maint') });
    const at = () => new Date().toISOString();
    const freeze = (id: number, body: string) =>
      runFreezeCommand({
        deps: d,
        lock,
        owner: OWNER,
        repo: REPO,
        issue: where.number,
        comment: { id, body, createdAt: at() },
        sender: 'maint',
      });
    await freeze(1, '/freeze production 1h a');
    await freeze(2, '/freeze staging 1h b');
    const [a, b] = freezeIssues(repo);
    expect(changes).toEqual([
      {
        owner: OWNER,
        repo: REPO,
        scope: 'production',
        change: 'started',
        issue: a!.number,
        installationId: INSTALLATION,
        record: expect.objectContaining({ scope: 'production', reason: 'a', by: 'maint' }),
      },
      {
        owner: OWNER,
        repo: REPO,
        scope: 'staging',
        change: 'started',
        issue: b!.number,
        installationId: INSTALLATION,
        record: expect.objectContaining({ scope: 'staging', reason: 'b', by: 'maint' }),
      },
    ]);
    changes.length = 0;
    await freeze(3, '/unfreeze all');
    expect(changes.map((c) => [c.change, c.issue]).sort()).toEqual([
      ['ended', a!.number],
      ['ended', b!.number],
    ]);

    changes.length = 0;
    await freeze(4, '/freeze production 1h c');
    const c = freezeIssues(repo).find((i) => i.state === 'open')!;
    c.state = 'closed';
    await guardFreezeLiftedByHand({
      deps: d,
      owner: OWNER,
      repo: REPO,
      issue: c.number,
      sender: { login: 'maint', type: 'User' },
      how: 'closed',
      at: at(),
      identity: { isThisApp: async (login) => login === 'deploy-governor[bot]' },
    });
    expect(changes.map((x) => [x.change, x.issue])).toEqual([
      ['started', c.number],
      ['ended', c.number],
    ]);

    // Expiry (what a timer calls): an organisation-wide freeze past its end is closed in .github and announced there.
    changes.length = 0;
    const expired = h.github.state.addIssue(org, {
      title: 'Deploy freeze',
      body: renderMeta('freeze', {
        scope: 'all',
        until: new Date(Date.now() - 1000).toISOString(),
        reason: 'over',
        by: 'platform',
        at: at(),
      }),
      labels: ['deploy-freeze'],
    });
    const stored = await readFreezesInScope(d.client, OWNER, REPO, { appId: APP_ID });
    await closeExpiredFreezes(d, { owner: OWNER, repo: REPO }, stored, new Date());
    expect(expired.state).toBe('closed');
    expect(changes).toEqual([
      {
        owner: OWNER,
        repo: '.github',
        scope: 'all',
        change: 'ended',
        issue: expired.number,
        installationId: INSTALLATION,
        record: expect.objectContaining({ scope: 'all', by: 'platform', reason: 'over' }),
      },
    ]);
    expect(parseRecords(h.github.state.fileText(org, 'deploy-governor-audit', 'audit/overrides.jsonl') ?? '')).toEqual([
      expect.objectContaining({ kind: 'unfreeze', how: 'expired', actor: null, scope: 'organisation', issue: expired.number }),
    ]);
  });
});

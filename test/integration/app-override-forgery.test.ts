/**
 * Overrides a writer cannot forge, tried as an attacker with the write role
 * would: the real app in Probot, GitHub as the stateful stand-in (every request
 * checked against GitHub's OpenAPI description), and a local OIDC issuer
 * standing in for GitHub Actions' (GITHUB_OIDC_ISSUER). Assertions are on what
 * the repository holds afterwards: the audit log, the ledger, the issues and
 * the pull-request comment.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { parseRecords, verifyChain } from '../../src/core/audit/hash-chain.js';
import { ledgerPath } from '../../src/core/audit/ledger-entry.js';
import { issueMarker } from '../../src/github/open-issue.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';
import { bindToRun, overriddenReport, reportFor } from '../support/reports.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { checkRunCompleted, HEAD_SHA, OWNER, REPO } from '../support/webhook-payloads.js';

const LOG = 'deploy-governor-audit:audit/overrides.jsonl';
const LEDGER = { owner: 'platform', repo: 'deploy-ledger' };

let issuer: LocalOidcIssuer;
let h: StandInHarness;
let repo: RepoState;
let checkRunIds = 5_000;

beforeAll(async () => {
  issuer = await startLocalOidcIssuer();
});
afterAll(async () => {
  await issuer.stop();
});

async function start(env: Record<string, string> = {}): Promise<void> {
  h = await startStandInHarness({ GITHUB_OIDC_ISSUER: issuer.url, ...env });
  repo = h.github.state.repo(OWNER, REPO);
  repo.collaborators.set('octocat', 'admin');
  repo.collaborators.set('mallory', 'write');
  repo.runs.set(9001, { id: 9001, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
}

beforeEach(async () => {
  await start();
});
afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

const deliver = (report: Report | null, o: { id?: number; completedAt?: string; pullRequests?: number[] } = {}) =>
  h.receive(
    'check_run',
    checkRunCompleted({
      report,
      pullRequests: o.pullRequests ?? [],
      id: o.id ?? ++checkRunIds,
      ...(o.completedAt ? { completedAt: o.completedAt } : {}),
    }),
  );

const logText = () => h.github.state.fileText(repo, 'deploy-governor-audit', 'audit/overrides.jsonl') ?? '';
const logged = () => parseRecords(logText());
const issuesLabelled = (label: string) => [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === label));
const alerts = () => issuesLabelled('deploy-governor-alert');

/** A genuine EXHAUSTED override of run 9001 by octocat (admin), bound to the run by its token. */
const genuine = async (o: Parameters<typeof overriddenReport>[1] = {}) =>
  bindToRun(await overriddenReport(1500, { level: 'exhausted', ...o }), issuer);

describe('an override is logged only when GitHub vouches for it', () => {
  it('logs a genuine override with what was verified, and opens its review issue', async () => {
    await deliver(await genuine());
    const [record] = logged();
    expect(record).toMatchObject({
      id: '9001-1-production',
      actor: 'octocat',
      level: 'exhausted',
      status: 'EXHAUSTED',
      verified: { oidc: true, permission: 'admin', approvals: [], run_attempts: 1 },
    });
    expect(verifyChain(logText())).toEqual({ ok: true, records: 1 });
    expect(issuesLabelled('deploy-override')).toHaveLength(1);
    expect(alerts()).toEqual([]);
  });

  it("refuses a writer's branch workflow that claims level exhausted and approvers", async () => {
    // Mallory (write) dispatches a workflow edited on her branch; its step writes any report it likes, and
    // the runner gives it a genuine token, but one whose refs name her branch.
    repo.runs.set(9100, { id: 9100, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'mallory', approvals: [] });
    const forged = await overriddenReport(1500, { level: 'exhausted', actor: 'mallory', runId: 9100 });
    const report = await bindToRun({ ...forged, override: { ...forged.override!, approvers: ['cto'], permission: 'admin' } }, issuer, {
      claims: {
        ref: 'refs/heads/mallory-patch',
        workflow_ref: `${OWNER}/${REPO}/.github/workflows/deploy.yml@refs/heads/mallory-patch`,
        job_workflow_ref: `${OWNER}/${REPO}/.github/workflows/deploy.yml@refs/heads/mallory-patch`,
      },
    });
    await deliver(report);
    expect(logText()).toBe('');
    const [alert] = alerts();
    expect(alert!.body).toContain('refs/heads/mallory-patch');
    // Her role is re-read from GitHub: write is below exhausted's admin.
    expect(alert!.body).toContain('mallory has the write role; override level exhausted needs admin');
    expect(issuesLabelled('deploy-override')).toEqual([]);
  });

  it('refuses a report without a token, with an expired one, one signed by another key, and one for another report', async () => {
    const base = await overriddenReport(1500, { level: 'exhausted' });
    await deliver(base);
    await deliver(await bindToRun(base, issuer, { sign: { issuedAt: new Date(Date.now() - 3_600_000), expiresInSeconds: 300 } }));
    await deliver(await bindToRun(base, issuer, { sign: { wrongKey: true } }));
    // A token for the genuine report, carried by one whose reason was changed afterwards.
    const bound = await bindToRun(base, issuer);
    await deliver({ ...bound, override: { ...bound.override!, reason: 'Approved by the CTO, trust me' } });
    expect(logText()).toBe('');
    const bodies = alerts().map((a) => a.body ?? '');
    expect(bodies).toHaveLength(4);
    expect(bodies[0]).toContain('id-token: write');
    expect(bodies[1]).toMatch(/expired/);
    expect(bodies[2]).toMatch(/signature/);
    expect(bodies[3]).toMatch(/audience/);
  });

  it('refuses an invented attempt of a real run', async () => {
    // Even with a token that says attempt 7, GitHub says the run has had one attempt.
    const report = await overriddenReport(1500, { level: 'exhausted' });
    const seventh = { ...report, override: { ...report.override!, runAttempt: 7 } };
    await deliver(await bindToRun(seventh, issuer));
    expect(logText()).toBe('');
    expect(alerts()[0]!.body).toContain('names attempt 7 of run 9001, which has had 1 attempt');
  });

  it('refuses an actor whose role is below the level, read from GitHub and not from the report', async () => {
    repo.collaborators.set('octocat', 'maintain');
    await deliver(await genuine());
    expect(logText()).toBe('');
    expect(alerts()[0]!.body).toContain('octocat has the maintain role; override level exhausted needs admin');
  });

  it('requires the approvals the policy on the default branch asks for, from GitHub', async () => {
    repo.files.set(
      'main:.github/deploy-governor.yml',
      'overrides:\n  levels:\n    exhausted: { permission: admin, require-environment-approval: true }\n',
    );
    await deliver(await genuine());
    expect(logText()).toBe('');
    expect(alerts()[0]!.body).toContain('GitHub lists no approval of run 9001');
    repo.runs.get(9001)!.approvals.push({ state: 'approved', user: 'cto', environments: ['production'] });
    await deliver(await genuine());
    expect(logged()[0]).toMatchObject({ approvers: ['cto'], verified: { approvals: ['cto'] } });
  });

  it('a forged check run naming a real run, before or after the genuine one, never takes its place', async () => {
    const real = await genuine();
    const forgery = { ...real, provenance: null, override: { ...real.override!, reason: 'Forged before the real one arrived' } };
    await deliver(forgery);
    await deliver(real);
    await deliver({ ...forgery, override: { ...forgery.override, reason: 'Forged after the real one' } });
    expect(logged()).toHaveLength(1);
    expect(logged()[0]!.reason).toBe(real.override!.reason);
    // Each forgery has its own alert; the review issue quotes the genuine record.
    expect(alerts()).toHaveLength(2);
    const [review] = issuesLabelled('deploy-override');
    expect(review!.body).toContain(real.override!.reason);
    expect(review!.body).not.toContain('Forged');
  });

  it('raises an alert naming both when a logged id comes back with different content', async () => {
    await deliver(await genuine());
    // A second genuine token for the same run and attempt, vouching for another report (the job ran the gate twice).
    await deliver(await genuine({ reason: 'A different reason, same run and attempt' }));
    expect(logged()).toHaveLength(1);
    const [alert] = alerts();
    expect(alert!.title).toContain('9001-1-production');
    expect(alert!.body).toContain('Hotfix for the checkout outage INC-42');
    expect(alert!.body).toContain('A different reason, same run and attempt');
  });

  it('a redelivered genuine override is one record and one review issue', async () => {
    const report = await genuine();
    const id = ++checkRunIds;
    await deliver(report, { id });
    await deliver(report, { id });
    expect(logged()).toHaveLength(1);
    expect(issuesLabelled('deploy-override')).toHaveLength(1);
    expect(alerts()).toEqual([]);
  });

  it('logs an override from a ref the policy allows under overrides.refs, and not one from a ref it does not list', async () => {
    repo.files.set('main:.github/deploy-governor.yml', 'overrides:\n  refs: [refs/heads/release]\n');
    const fromRef = (ref: string) => ({
      ref,
      workflow_ref: `${OWNER}/${REPO}/.github/workflows/deploy.yml@${ref}`,
      job_workflow_ref: `${OWNER}/${REPO}/.github/workflows/deploy.yml@${ref}`,
    });
    await deliver(await bindToRun(await overriddenReport(1500, { level: 'exhausted' }), issuer, { claims: fromRef('refs/heads/release') }));
    expect(logged().map((r) => r.id)).toEqual(['9001-1-production']);
    expect(alerts()).toEqual([]);
    repo.runs.set(9002, { id: 9002, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
    const unlisted = await overriddenReport(1500, { level: 'exhausted', runId: 9002 });
    await deliver(await bindToRun(unlisted, issuer, { claims: fromRef('refs/heads/hotfix') }));
    expect(logged().map((r) => r.id)).toEqual(['9001-1-production']);
    const [alert] = alerts();
    expect(alert!.body).toContain('refs/heads/hotfix');
    // It names what would have been accepted: the default branch and the listed ref.
    expect(alert!.body).toContain('refs/heads/main');
    expect(alert!.body).toContain('refs/heads/release');
  });

  it('a planted issue carrying the key of an unverified override alert does not suppress the real alert', async () => {
    const checkRun = ++checkRunIds;
    h.github.state.addIssue(repo, {
      title: 'deploy-governor: handled',
      body: `Nothing to see.\n\n${issueMarker(`alert-override-${checkRun}`)}`,
      labels: ['deploy-governor-alert'],
      user: h.github.state.user('mallory'),
    });
    await deliver(await overriddenReport(1500, { level: 'exhausted' }), { id: checkRun });
    const byApp = alerts().filter((i) => i.user.login === 'deploy-governor[bot]');
    expect(alerts()).toHaveLength(2);
    expect(byApp).toHaveLength(1);
    expect(byApp[0]!.body).toContain('id-token: write');
  });

  it('a planted issue carrying the review key does not suppress the real review issue', async () => {
    h.github.state.addIssue(repo, {
      title: 'Nothing to see',
      body: `Reviewed already.\n\n${issueMarker('review-9001-1-production')}`,
      labels: ['deploy-override'],
      user: h.github.state.user('mallory'),
    });
    await deliver(await genuine());
    const reviews = issuesLabelled('deploy-override');
    expect(reviews).toHaveLength(2);
    expect(reviews.filter((i) => i.user.login === 'deploy-governor[bot]')).toHaveLength(1);
  });
});

describe('the pull-request comment', () => {
  it('never goes back to an older report handled later', async () => {
    const pr = h.github.state.addPullRequest(repo, HEAD_SHA);
    await deliver(await reportFor(1500), { id: 7002, pullRequests: [pr.number], completedAt: '2026-11-23T12:05:00Z' });
    await deliver(await reportFor(100), { id: 7001, pullRequests: [pr.number], completedAt: '2026-11-23T12:00:00Z' });
    const [comment] = h.github.state.appComments(repo, pr.number);
    expect(comment!.body).toContain('are blocked: EXHAUSTED');
    expect(comment!.body).toContain('check-run id=7002');
    // A newer allowed report does edit it.
    await deliver(await reportFor(100), { id: 7003, pullRequests: [pr.number] });
    expect(h.github.state.appComments(repo, pr.number)[0]!.body).not.toContain('are blocked');
  });

  it("shows a verified override's reason inert", async () => {
    const pr = h.github.state.addPullRequest(repo, HEAD_SHA);
    await deliver(await reportFor(1500), { pullRequests: [pr.number] });
    const hostile =
      '@octo-org/admins <img src=x onerror=alert(1)> [click](https://evil.example) #1 <!-- deploy-governor:pr-comment environment=production -->';
    await deliver(await genuine({ reason: hostile }), { pullRequests: [pr.number] });
    const body = h.github.state.appComments(repo, pr.number)[0]!.body;
    expect(body).toContain('went ahead under an override: EXHAUSTED');
    expect(body).toContain('@\u200bocto-org/admins');
    expect(body).not.toMatch(/<img|\]\(https:\/\/evil/);
    expect(body.split('<!--').length).toBe(3);
  });

  it('does not show an unverified override as letting the deploy through', async () => {
    const pr = h.github.state.addPullRequest(repo, HEAD_SHA);
    await deliver(await reportFor(1500), { pullRequests: [pr.number] });
    await deliver(await overriddenReport(1500, { level: 'exhausted' }), { pullRequests: [pr.number] });
    const body = h.github.state.appComments(repo, pr.number)[0]!.body;
    expect(body).toContain('are blocked: EXHAUSTED');
    // Rendered inert: the number is escaped so that it cannot link or mention.
    expect(body).toContain('A claimed override could not be verified and is not on record');
    expect(body).toMatch(new RegExp(`alert issue \\\\#\u200b?${alerts()[0]!.number}`));
    expect(body).not.toContain('went ahead under an override');
  });
});

describe('the app checks the log before it writes', () => {
  it('does not append to a broken chain: one alert, the record goes to the ledger', async () => {
    await h.stop();
    await start({ AUDIT_LEDGER_REPO: `${LEDGER.owner}/${LEDGER.repo}` });
    await deliver(await genuine());
    // Someone edits the first record without recomputing its hash.
    repo.files.set(LOG, logText().replace('INC-42', 'INC-43'));
    repo.runs.set(9002, { id: 9002, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
    await deliver(await genuine({ runId: 9002 }));
    await deliver(await genuine({ runId: 9002 }));
    expect(logged()).toHaveLength(1);
    const [alert] = alerts();
    expect(alerts()).toHaveLength(1);
    expect(alert!.body).toContain('hash chain is broken at line 1');
    const ledger = parseRecords(
      h.github.state.fileText(h.github.state.repo(LEDGER.owner, LEDGER.repo), 'main', ledgerPath(`${OWNER}/${REPO}`)) ?? '',
    );
    expect(ledger.map((e) => [e.id, e.record_hash === null, typeof e.problem])).toEqual([
      ['9001-1-production', false, 'undefined'],
      ['9002-1-production', true, 'string'],
    ]);
  });

  it('notices a truncated log and a moved log through the ledger', async () => {
    await h.stop();
    await start({ AUDIT_LEDGER_REPO: `${LEDGER.owner}/${LEDGER.repo}` });
    await deliver(await genuine());
    // Truncated: the one record removed (the file left empty would be caught without a ledger too).
    repo.files.set(LOG, '');
    repo.runs.set(9002, { id: 9002, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
    await deliver(await genuine({ runId: 9002 }));
    expect(alerts()[0]!.body).toMatch(/record 9001-1-production .*is missing from the log/);
    // Moved: a policy change points the log at a fresh file.
    repo.files.set('main:.github/deploy-governor.yml', 'audit:\n  path: audit/fresh.jsonl\n');
    repo.runs.set(9003, { id: 9003, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
    await deliver(await genuine({ runId: 9003 }));
    expect(h.github.state.fileText(repo, 'deploy-governor-audit', 'audit/fresh.jsonl')).toBeUndefined();
    expect(
      alerts()
        .map((a) => a.body)
        .join('\n'),
    ).toContain("the ledger knows this repository's log at deploy-governor-audit:audit/overrides.jsonl");
  });

  it('notices a deleted log without a ledger, through its history', async () => {
    await deliver(await genuine());
    h.github.state.deleteFile(repo, { branch: 'deploy-governor-audit', path: 'audit/overrides.jsonl', by: 'mallory' });
    repo.runs.set(9002, { id: 9002, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
    await deliver(await genuine({ runId: 9002 }));
    // No fresh genesis chain in its place: one alert, and the record is kept in the alert itself.
    expect(logText()).toBe('');
    const [alert] = alerts();
    expect(alert!.body).toContain('is missing, but the branch');
    expect(alert!.body).toContain('9002-1-production');
  });

  it('does not start a new genesis log when the audit branch was deleted: one alert, the records go to the ledger with the problem', async () => {
    await h.stop();
    await start({ AUDIT_LEDGER_REPO: `${LEDGER.owner}/${LEDGER.repo}` });
    await deliver(await genuine());
    h.github.state.deleteBranch(repo, 'deploy-governor-audit');
    for (const runId of [9002, 9003]) {
      repo.runs.set(runId, { id: runId, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
      await deliver(await genuine({ runId }));
    }
    // The app would have created the branch afresh from the default branch for a first record: not for this one.
    expect(repo.branches.has('deploy-governor-audit')).toBe(false);
    const [alert, ...more] = alerts();
    expect(more).toEqual([]);
    expect(alert!.body).toMatch(/record 9001-1-production .*is missing from the log/);
    expect(alert!.body).toContain('The record is kept in the ledger');
    const ledger = parseRecords(
      h.github.state.fileText(h.github.state.repo(LEDGER.owner, LEDGER.repo), 'main', ledgerPath(`${OWNER}/${REPO}`)) ?? '',
    );
    expect(ledger.map((e) => [e.id, e.record_hash === null, e.problem ?? null])).toEqual([
      ['9001-1-production', false, null],
      ['9002-1-production', true, expect.stringMatching(/record 9001-1-production .*is missing from the log/)],
      ['9003-1-production', true, expect.stringMatching(/record 9001-1-production .*is missing from the log/)],
    ]);
    expect(
      verifyChain(h.github.state.fileText(h.github.state.repo(LEDGER.owner, LEDGER.repo), 'main', ledgerPath(`${OWNER}/${REPO}`))!),
    ).toMatchObject({
      ok: true,
    });
  });

  it('notices a rollback (force-push to an older commit of its own) through the ledger', async () => {
    await h.stop();
    await start({ AUDIT_LEDGER_REPO: `${LEDGER.owner}/${LEDGER.repo}` });
    await deliver(await genuine());
    const before = repo.branches.get('deploy-governor-audit')!;
    repo.runs.set(9002, { id: 9002, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
    await deliver(await genuine({ runId: 9002 }));
    expect(logged()).toHaveLength(2);
    h.github.state.forcePush(repo, 'deploy-governor-audit', before);
    repo.runs.set(9003, { id: 9003, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
    await deliver(await genuine({ runId: 9003 }));
    expect(logged().map((r) => r.id)).toEqual(['9001-1-production']);
    expect(alerts()[0]!.body).toMatch(/record 9002-1-production .*is missing from the log/);
  });
});

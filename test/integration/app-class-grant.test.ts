/**
 * A change class that let the Action's deploy through, recorded by the app
 * like an override (issue 16, item 1): the real app in Probot, GitHub as the
 * stateful stand-in (every request checked against GitHub's OpenAPI
 * description), a local OIDC issuer standing in for GitHub Actions'
 * (GITHUB_OIDC_ISSUER), and first the Action itself (its source entry,
 * in-process) producing the report that its check run carries. The app
 * believes the report only as far as the token binds it to a default-branch
 * run, derives the class again from GitHub, and logs it; the attacker's cases
 * (no token, a token for another report, a label GitHub shows a writer
 * applied) are not logged, open an alert, and the pull request sees a block.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { run as runAction } from '../../src/action/run.js';
import { parseRecords, verifyChain } from '../../src/core/audit/hash-chain.js';
import { applyChangeClass } from '../../src/core/change-class/apply-change-class.js';
import { resolveChangeClasses } from '../../src/core/change-class/change-class-policy.js';
import type { ResolvedClass } from '../../src/core/change-class/resolve-change-class.js';
import { oidcAudience, reportDigest } from '../../src/core/report/report-digest.js';
import { reportSchema, type Report } from '../../src/core/report/report-schema.js';
import { githubRunClaims, startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';
import { reportFor } from '../support/reports.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { checkRunCompleted, OWNER, REPO } from '../support/webhook-payloads.js';

const POLICY = 'main:.github/deploy-governor.yml';
const LOG = { branch: 'deploy-governor-audit', path: 'audit/overrides.jsonl' };
const RUN_ID = 9001;

let issuer: LocalOidcIssuer;
let h: StandInHarness;
let repo: RepoState;
let checkRunIds = 7_000;

beforeAll(async () => {
  issuer = await startLocalOidcIssuer();
});
afterAll(async () => {
  await issuer.stop();
});
beforeEach(async () => {
  h = await startStandInHarness({ GITHUB_OIDC_ISSUER: issuer.url });
  repo = h.github.state.repo(OWNER, REPO);
  for (const [login, role] of Object.entries({ maint: 'maintain', writer: 'write', octocat: 'write' })) repo.collaborators.set(login, role);
  repo.files.set(POLICY, 'dr: { enabled: false }\nchange-classes: {}\n');
});
afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

const noZwsp = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
const logged = () => parseRecords(h.github.state.fileText(repo, LOG.branch, LOG.path) ?? '');
const alerts = () => [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'deploy-governor-alert'));

/** A merged commit on the default branch whose pull request `labeller` labelled deploy-class:hotfix. */
function hotfix(labeller: string): { sha: string; pr: number } {
  const sha = h.github.state.commit(repo, {
    branch: 'main',
    changes: { [`src/${h.github.state.nextId()}.ts`]: 'x' },
    by: h.github.state.user('writer'),
    verified: true,
    message: 'Fix the payment timeout',
  }).sha;
  return { sha, pr: h.github.state.addLabelledPullRequest(repo, { sha, label: 'deploy-class:hotfix', labeller }).number };
}

/** The token the run's job would get for `report`: its claims for run RUN_ID on main, pushed by octocat. */
function tokenFor(report: Report, sha: string, audienceOf: Report = report, actor = 'octocat'): Promise<string> {
  const claims = githubRunClaims({ repository: `${OWNER}/${REPO}`, runId: RUN_ID, actor, sha, eventName: 'push' });
  return issuer.sign(claims, { audience: oidcAudience(reportDigest(audienceOf)) });
}

/** A FREEZE report of run RUN_ID on `sha`, which a hotfix label on `pr` let through, as the Action's gate writes it. */
async function grantedReport(sha: string, pr: number, by?: ResolvedClass): Promise<Report> {
  const frozen = await reportFor(900, 'dr: { enabled: false }', RUN_ID);
  const report = { ...frozen, run: { ...frozen.run!, sha, eventName: 'push' } };
  const granted = applyChangeClass(
    report,
    by ?? { name: 'hotfix', source: 'label', detail: `label deploy-class:hotfix on #${pr}`, notes: [] },
    resolveChangeClasses({})!,
  );
  expect(granted.decision).toMatchObject({ status: 'FREEZE', canDeploy: true, changeClass: { allowedThrough: true } });
  return granted;
}

async function deliver(report: Report, sha: string, pr: number): Promise<number> {
  const id = ++checkRunIds;
  await h.receive('check_run', checkRunCompleted({ report, headSha: sha, pullRequests: [pr], id }));
  return id;
}

describe('a change-class grant reported by the Action', () => {
  it('is logged once its token binds the report to a default-branch run and GitHub shows the class', async () => {
    const { sha, pr } = hotfix('maint');
    const report = await grantedReport(sha, pr);
    const bound = { ...report, provenance: { oidcToken: await tokenFor(report, sha) } };
    await deliver(bound, sha, pr);
    expect(alerts()).toEqual([]);
    const records = logged();
    expect(records).toEqual([
      expect.objectContaining({
        kind: 'change-class',
        id: `change-class-action-${RUN_ID}-1-production`,
        at: report.evaluatedAt,
        class: 'hotfix',
        source: 'label',
        detail: `label deploy-class:hotfix on #${pr}`,
        status: 'FREEZE',
        via: 'action',
        actor: null,
        sha,
        run_id: RUN_ID,
        run_attempt: 1,
      }),
    ]);
    expect(verifyChain(h.github.state.fileText(repo, LOG.branch, LOG.path)!).ok).toBe(true);
    // An allowed deploy starts no comment.
    expect(h.github.state.appComments(repo, pr)).toEqual([]);
    // The same check run delivered again: the same record, found logged.
    await deliver(bound, sha, pr);
    expect(logged()).toEqual(records);
  });

  it('is not logged without a token: an alert names the permission, and the pull request sees the deploy blocked', async () => {
    const { sha, pr } = hotfix('maint');
    const id = await deliver(await grantedReport(sha, pr), sha, pr);
    expect(logged()).toEqual([]);
    const [alert] = alerts();
    expect(noZwsp(alert!.body!)).toContain('id-token: write');
    expect(alert!.title).toContain(`unverified change-class grant on production (run ${RUN_ID})`);
    const body = noZwsp(h.github.state.appComments(repo, pr)[0]!.body);
    expect(body).toContain('Deploys to production are blocked: FREEZE');
    expect(body).toContain(`A claimed change-class grant could not be verified and is not on record \\(alert issue \\#${alert!.number}\\)`);
    expect(body).not.toContain('Allowed as a hotfix deploy');
    // One alert per check run, however often it is delivered.
    await h.receive('check_run', checkRunCompleted({ report: await grantedReport(sha, pr), headSha: sha, pullRequests: [pr], id }));
    expect(alerts()).toHaveLength(1);
  });

  it('is not logged with a token minted for another report (the audience is another digest)', async () => {
    const { sha, pr } = hotfix('maint');
    const report = await grantedReport(sha, pr);
    const other = { ...report, environment: 'staging' };
    await deliver({ ...report, provenance: { oidcToken: await tokenFor(report, sha, other) } }, sha, pr);
    expect(logged()).toEqual([]);
    expect(alerts()).toHaveLength(1);
    expect(noZwsp(h.github.state.appComments(repo, pr)[0]!.body)).toContain('A claimed change-class grant could not be verified');
  });

  it('is not logged when GitHub shows the label was applied by a writer, below the role the freeze needs', async () => {
    const { sha, pr } = hotfix('writer');
    const report = await grantedReport(sha, pr);
    await deliver({ ...report, provenance: { oidcToken: await tokenFor(report, sha) } }, sha, pr);
    expect(logged()).toEqual([]);
    const [alert] = alerts();
    expect(noZwsp(alert!.body!)).toContain("GitHub's evidence makes it a feature deploy");
    expect(noZwsp(alert!.body!)).toContain(`by writer`);
    expect(noZwsp(h.github.state.appComments(repo, pr)[0]!.body)).toContain('A claimed change-class grant could not be verified');
  });
});

describe('a change-class grant by the change-class input', () => {
  /** A report whose `security` input let it through, by whoever the run's token names. */
  async function byInput(actor: string): Promise<{ report: Report; sha: string; pr: number }> {
    const { sha, pr } = hotfix('maint');
    const chosen = { name: 'security', source: 'input' as const, detail: `the change-class input, by ${actor}`, notes: [] };
    const report = await grantedReport(sha, pr, chosen);
    return { report: { ...report, provenance: { oidcToken: await tokenFor(report, sha, report, actor) } }, sha, pr };
  }

  it('is logged with the chooser the token names, whose role GitHub gives', async () => {
    const { report, sha, pr } = await byInput('maint');
    await deliver(report, sha, pr);
    expect(alerts()).toEqual([]);
    expect(logged()).toEqual([
      expect.objectContaining({ class: 'security', source: 'input', actor: 'maint', detail: 'the change-class input, by maint' }),
    ]);
  });

  it('is not logged when the run was started by a writer, below the role', async () => {
    const { report, sha, pr } = await byInput('writer');
    await deliver(report, sha, pr);
    expect(logged()).toEqual([]);
    expect(noZwsp(alerts()[0]!.body!)).toContain('change-class security from writer was not used');
  });
});

describe('the Action binds a change-class grant to its run, and the app logs it', () => {
  const saved = { ...process.env };
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dg-class-grant-'));
    await mkdir(path.join(dir, '.github'));
    await writeFile(path.join(dir, 'summary.md'), '');
    await writeFile(path.join(dir, 'output.txt'), '');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await rm(dir, { recursive: true, force: true });
  });

  it('requests a token for the report its hotfix label let through a FREEZE; the check run’s report is then logged', async () => {
    const { sha, pr } = hotfix('maint');
    const policy = [
      'slos:',
      '  - name: api',
      '    sli:',
      '      events:',
      '        error: sum(increase(http_requests_total{scenario="freeze",status=~"5.."}[{{window}}]))',
      '        total: sum(increase(http_requests_total{scenario="freeze"}[{{window}}]))',
      'dr: { enabled: false }',
      'change-classes: {}',
    ].join('\n');
    await writeFile(path.join(dir, '.github', 'deploy-governor.yml'), `${policy}\n`);
    repo.files.set(POLICY, `${policy}\n`);
    for (const k of Object.keys(process.env))
      if (k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k.startsWith('ACTIONS_')) delete process.env[k];
    issuer.setRunnerClaims(githubRunClaims({ repository: `${OWNER}/${REPO}`, runId: RUN_ID, actor: 'octocat', sha, eventName: 'push' }));
    Object.assign(process.env, {
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: path.join(dir, 'output.txt'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: h.github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: String(RUN_ID),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_ACTOR: 'octocat',
      ACTIONS_ID_TOKEN_REQUEST_URL: issuer.runnerRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.runnerRequestToken,
      'INPUT_PROMETHEUS-URL': inject('prometheusUrl'),
      'INPUT_GITHUB-TOKEN': 'ghs_job_token',
      INPUT_ENVIRONMENT: 'production',
    });
    await runAction();
    const report = reportSchema.parse(JSON.parse(await readFile(path.join(dir, 'deploy-governor-report.json'), 'utf8')));
    expect(report.decision).toMatchObject({ status: 'FREEZE', canDeploy: true, changeClass: { name: 'hotfix', allowedThrough: true } });
    expect(issuer.runnerRequests).toContainEqual({ audience: oidcAudience(reportDigest(report)), authorized: true });
    expect(report.provenance?.oidcToken).toEqual(expect.any(String));

    await deliver(report, sha, pr);
    expect(alerts()).toEqual([]);
    expect(logged()).toEqual([expect.objectContaining({ kind: 'change-class', class: 'hotfix', via: 'action', sha, run_id: RUN_ID })]);
  });
});

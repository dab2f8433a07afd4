/**
 * The Action honours freezes on command (issue 15), through its source entry
 * run() in-process (dist/ is rebuilt by the lead): with the policy's
 * `freezes.app`, the `deploy-freeze` issues that app opened in the repository
 * and in the organisation's `.github` are read from the stateful GitHub
 * stand-in (every request checked against GitHub's OpenAPI description) and
 * block as the protection rule does, status FREEZE with the reason and the end.
 * The real Prometheus of the integration suite answers the SLO (healthy).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { startGitHubStateStandIn, type GitHubStateStandIn } from '../../scripts/lib/github-state-stand-in.js';
import { run } from '../../src/action/run.js';
import { renderMeta, type FreezeRecord } from '../../src/core/postmortem/issue-metadata.js';
import { reportSchema, type Report } from '../../src/core/report/report-schema.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';

const OWNER = 'acme';
const REPO = 'checkout';
const POLICY = [
  'slos:',
  '  - name: api',
  '    sli:',
  '      events:',
  '        error: sum(increase(http_requests_total{scenario="normal",status=~"5.."}[{{window}}]))',
  '        total: sum(increase(http_requests_total{scenario="normal"}[{{window}}]))',
  'dr: { enabled: false }',
].join('\n');

let gh: GitHubStateStandIn;
let dir: string;
let stdout: string;
const saved = { ...process.env };

beforeAll(async () => {
  gh = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' }, check: checkGitHubRequest });
});
afterAll(async () => {
  await gh.stop();
});

beforeEach(async () => {
  stdout = '';
  gh.state.repos.clear();
  gh.state.hidden.clear();
  gh.state.issuesForbidden.clear();
  dir = await mkdtemp(path.join(tmpdir(), 'dg-action-freezes-'));
  await mkdir(path.join(dir, '.github'));
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_') || k.startsWith('GITHUB_')) delete process.env[k];
  await writeFile(path.join(dir, 'summary.md'), '');
  await writeFile(path.join(dir, 'output.txt'), '');
  Object.assign(process.env, {
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: path.join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: gh.url,
    GITHUB_RUN_ID: '77',
    'INPUT_PROMETHEUS-URL': inject('prometheusUrl'),
    'INPUT_GITHUB-TOKEN': 'ghs_job_token',
    INPUT_ENVIRONMENT: 'production',
  });
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  await rm(dir, { recursive: true, force: true });
  expect(gh.problems).toEqual([]);
});

const policy = (extra = '') => writeFile(path.join(dir, '.github', 'deploy-governor.yml'), `${POLICY}\n${extra}`);
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

function freeze(repo: string, o: Partial<FreezeRecord> = {}, by?: string) {
  const record: FreezeRecord = {
    scope: 'production',
    until: inAnHour(),
    reason: 'database migration',
    by: 'maint',
    at: new Date().toISOString(),
    ...o,
  };
  const r = gh.state.repo(OWNER, repo);
  // Without `user`, the stand-in's issue is opened by the app (performed_via_github_app set by "GitHub").
  return gh.state.addIssue(r, {
    title: 'Deploy freeze',
    body: `Frozen.\n\n${renderMeta('freeze', record)}`,
    labels: ['deploy-freeze'],
    ...(by ? { user: gh.state.user(by) } : {}),
  });
}

async function report(): Promise<Report> {
  await run();
  return reportSchema.parse(JSON.parse(await readFile(path.join(dir, 'deploy-governor-report.json'), 'utf8')));
}

describe('the Action with freezes.app', () => {
  it("blocks with FREEZE, the freeze's reason and end, while the app's freeze is in force; allows once it is closed", async () => {
    await policy('freezes: { app: deploy-governor }\n');
    const until = inAnHour();
    const issue = freeze(REPO, { until, reason: 'database migration @everyone' });
    const frozen = await report();
    expect(frozen.decision).toMatchObject({ status: 'FREEZE', canDeploy: false });
    expect(frozen.freeze.active).toEqual([
      { name: `freeze #${issue.number} by maint`, reason: 'database migration @everyone', since: expect.any(String), until },
    ]);
    expect(frozen.decision.reasons.join('\n')).toContain(`until ${until}: database migration`);
    expect(process.exitCode).toBe(1);
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toContain('FREEZE');

    issue.state = 'closed';
    process.exitCode = undefined;
    const after = await report();
    expect(after.decision.canDeploy).toBe(true);
    expect(after.freeze.active).toEqual([]);
  });

  it('honours an organisation-wide freeze from <owner>/.github, read with the policy-token when one is given', async () => {
    await policy('freezes: { app: deploy-governor }\n');
    const org = freeze('.github', { scope: 'all', reason: 'year-end' });
    process.env['INPUT_POLICY-TOKEN'] = 'ghp_platform_token';
    gh.state.tokenLogins.set('ghp_platform_token', 'platform-bot');
    const r = await report();
    expect(r.decision.status).toBe('FREEZE');
    expect(r.freeze.active.map((f) => f.name)).toEqual([`freeze ${OWNER}/.github#${org.number} by maint`]);
  });

  it('ignores a planted issue (right label, pasted record, not opened by the app), an expired freeze and another app', async () => {
    await policy('freezes: { app: deploy-governor }\n');
    freeze(REPO, { reason: 'planted' }, 'writer');
    freeze(REPO, { until: new Date(Date.now() - 60_000).toISOString(), reason: 'over' });
    freeze('.github', { reason: 'planted in the org' }, 'writer');
    const r = await report();
    expect(r.decision.canDeploy).toBe(true);
    expect(r.freeze.active).toEqual([]);
    // The freezes of an app of another slug do not count for this policy.
    await policy('freezes: { app: someone-elses-app }\n');
    freeze(REPO, { reason: 'the real one' });
    expect((await report()).decision.canDeploy).toBe(true);
  });

  it('reads no freezes without freezes.app (documented): the freeze issue is not even listed', async () => {
    await policy();
    freeze(REPO);
    gh.resetStats();
    expect((await report()).decision.canDeploy).toBe(true);
    expect(Object.keys(gh.stats.byOperation).filter((op) => op.includes('/issues'))).toEqual([]);
  });

  it('fails closed, naming the permission, when the token may not read issues (403) or cannot see the repository (404)', async () => {
    await policy('freezes: { app: deploy-governor }\n');
    gh.state.issuesForbidden.add(`${OWNER}/${REPO}`);
    const refused = await report();
    expect(refused.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false });
    const reason = refused.decision.reasons.join('\n');
    expect(reason).toContain('freezes.app: the gate reads the freezes on command of the app deploy-governor');
    expect(reason).toMatch(/403: Resource not accessible by integration[^)]*\): the token needs issues: read on acme\/checkout/);
    expect(reason).toContain('"permissions: issues: read"');
    expect(process.exitCode).toBe(1);

    gh.state.issuesForbidden.clear();
    gh.state.hidden.add(`${OWNER}/${REPO}`.toLowerCase());
    const hidden = await report();
    expect(hidden.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false });
    expect(hidden.decision.reasons.join('\n')).toMatch(/\(404: .*\): the token needs issues: read on acme\/checkout/);
  });

  it('fails closed without a token, and warns when <owner>/.github cannot be seen (its freezes were not read)', async () => {
    await policy('freezes: { app: deploy-governor }\n');
    process.env['INPUT_GITHUB-TOKEN'] = '';
    const none = await report();
    expect(none.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false });
    expect(none.decision.reasons.join('\n')).toContain('there is no GitHub token to read them with; set the github-token input');

    process.env['INPUT_GITHUB-TOKEN'] = 'ghs_job_token';
    gh.state.hidden.add(`${OWNER}/.github`);
    stdout = '';
    const r = await report();
    expect(r.decision.canDeploy).toBe(true);
    expect(stdout).toContain(`::warning::deploy-governor: organisation-wide freezes were not read: ${OWNER}/.github was not found`);
  });
});

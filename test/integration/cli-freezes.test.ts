/**
 * The CLI honours freezes on command (issue 15), from source with tsx: with the
 * policy's `freezes.app`, `check --repo owner/name` reads through GITHUB_TOKEN
 * the `deploy-freeze` issues that app opened in the repository and in
 * `<owner>/.github` (the stateful stand-in, every request checked against
 * GitHub's OpenAPI description) and exits 2 (FREEZE) with the reason and the
 * end; without the token or the repository it fails closed (99) saying what to give.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startGitHubStateStandIn, type GitHubStateStandIn } from '../../scripts/lib/github-state-stand-in.js';
import { renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { reportSchema } from '../../src/core/report/report-schema.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';

const exec = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src/cli/index.ts');

let gh: GitHubStateStandIn;
let workdir: string;

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await exec(TSX, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: workdir });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const prometheus = () => ['--prometheus-url', inject('prometheusUrl'), '--environment', 'production'];

beforeAll(async () => {
  gh = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' }, check: checkGitHubRequest });
  workdir = await mkdtemp(path.join(tmpdir(), 'dg-cli-freezes-'));
  await mkdir(path.join(workdir, '.github'));
  await writeFile(
    path.join(workdir, '.github', 'deploy-governor.yml'),
    [
      'slos:',
      '  - name: api',
      '    sli:',
      '      events:',
      '        error: sum(increase(http_requests_total{scenario="normal",status=~"5.."}[{{window}}]))',
      '        total: sum(increase(http_requests_total{scenario="normal"}[{{window}}]))',
      'dr: { enabled: false }',
      'freezes: { app: deploy-governor }',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  expect(gh.problems).toEqual([]);
  await gh?.stop();
});

describe('deploy-governor check with freezes.app', () => {
  it("exits 2 (FREEZE) with the organisation-wide freeze's reason and end, read from acme/.github", async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const record = { scope: 'all', until, reason: 'year-end change freeze', by: 'platform-lead', at: new Date().toISOString() };
    const issue = gh.state.addIssue(gh.state.repo('acme', '.github'), {
      title: 'Deploy freeze',
      body: renderMeta('freeze', record),
      labels: ['deploy-freeze'],
    });
    const env = { GITHUB_TOKEN: 'ghp_person', GITHUB_API_URL: gh.url };
    const text = await cli(['check', ...prometheus(), '--repo', 'acme/payments'], env);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`freeze acme/.github#${issue.number} by platform-lead" is active until ${until}: year-end change freeze`);
    const json = await cli(['check', '--json', ...prometheus(), '--repo', 'acme/payments'], env);
    const report = reportSchema.parse(JSON.parse(json.stdout));
    expect(report.decision.status).toBe('FREEZE');
    expect(report.freeze.active).toEqual([expect.objectContaining({ reason: 'year-end change freeze', until })]);
    issue.state = 'closed';
  });

  it('fails closed (99) without --repo or without a token, saying what to give', async () => {
    const noRepo = await cli(['check', ...prometheus()], { GITHUB_TOKEN: 'ghp_person', GITHUB_API_URL: gh.url });
    expect(noRepo.code).toBe(99);
    expect(noRepo.stderr).toContain('the gate reads the freezes on command of the app deploy-governor: the repository is unknown');
    expect(noRepo.stderr).toContain('pass --repo owner/name');
    const noToken = await cli(['check', ...prometheus(), '--repo', 'acme/payments'], { GITHUB_API_URL: gh.url });
    expect(noToken.code).toBe(99);
    expect(noToken.stderr).toContain('there is no GitHub token to read them with; set GITHUB_TOKEN (or GH_TOKEN)');
  });
});

/**
 * Organisation policy through the CLI (from source, with tsx: dist/ is rebuilt
 * separately): parents read through the GitHub API with GITHUB_TOKEN from the
 * stateful stand-in (every request checked against GitHub's OpenAPI
 * description), `policy explain`, the chain in `check`'s text and JSON report,
 * and the refusals: no token, a parent the token cannot see, a lock loosened by
 * a flag, an `extends` that leaves the repository.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startGitHubStateStandIn, type GitHubStateStandIn } from '../../scripts/lib/github-state-stand-in.js';
import { reportSchema } from '../../src/core/report/report-schema.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';

const exec = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src/cli/index.ts');
const ORG = 'acme/.github:.github/deploy-governor.yml@default';
const BASE = 'acme/policies:base/deploy.yml@main';
const OWN = '.github/deploy-governor.yml';

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

const withToken = () => ({ GITHUB_TOKEN: 'ghp_platform', GITHUB_API_URL: gh.url });
const scenario = (name: string) => [
  '--error-query',
  `sum(increase(http_requests_total{scenario="${name}",status=~"5.."}[{{window}}]))`,
  '--total-query',
  `sum(increase(http_requests_total{scenario="${name}"}[{{window}}]))`,
  '--dr-check',
  'false',
];

async function writePolicy(text: string): Promise<void> {
  await writeFile(path.join(workdir, OWN), text);
}

beforeAll(async () => {
  gh = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' }, check: checkGitHubRequest });
  gh.state
    .repo('acme', '.github')
    .files.set(
      'main:.github/deploy-governor.yml',
      'extends: acme/policies:base/deploy.yml@main\nlocked: [block-on, freeze-windows]\nblock-on: FREEZE\n',
    );
  gh.state.repo('acme', 'policies').files.set('main:base/deploy.yml', 'thresholds: { caution: 90 }\nmode: enforce\n');
  workdir = await mkdtemp(path.join(tmpdir(), 'dg-inherit-'));
  await mkdir(path.join(workdir, '.github'));
});
afterAll(async () => {
  expect(gh.problems).toEqual([]);
  await gh?.stop();
});

describe('deploy-governor policy explain', () => {
  it('prints the merged policy of a three-file chain with the source of each key', async () => {
    await writePolicy('extends: acme/.github\nmode: report\n');
    const result = await cli(['policy', 'explain', '--repo', 'acme/payments-api'], withToken());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`# The policy of ${OWN}, extending ${ORG}, extending ${BASE}, as the gate reads it.`);
    expect(result.stdout).toContain(`# locked: block-on (by ${ORG})`);
    expect(result.stdout).toContain(`# from ${ORG}; locked by ${ORG}\nblock-on: FREEZE`);
    expect(result.stdout).toContain(`# from ${BASE}\nthresholds:\n  caution: 90`);
    expect(result.stdout).toContain(`# from ${OWN}\nmode: report`);
    const json = JSON.parse((await cli(['policy', 'explain', '--json'], withToken())).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ chain: [OWN, ORG, BASE], policy: { mode: 'report', 'block-on': 'FREEZE' }, sources: { mode: [OWN] } });
  });

  it('refuses without a token, naming the file, the key and what to set', async () => {
    await writePolicy('extends: acme/.github\n');
    const result = await cli(['policy', 'explain'], { GITHUB_API_URL: gh.url });
    expect(result.code).toBe(99);
    expect(result.stderr).toContain(
      `deploy-governor: ${OWN}: invalid value\n  - extends: the policy extends "acme/.github", which is read through the GitHub API, and there is no token`,
    );
    expect(result.stderr).toContain('set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: read');
  });

  it('refuses a parent the token cannot see, and one of another owner than --repo', async () => {
    await writePolicy('extends: acme/secret-policies\n');
    gh.state.hidden.add('acme/secret-policies');
    const hidden = await cli(['policy', 'explain'], withToken());
    expect(hidden.code).toBe(99);
    expect(hidden.stderr).toMatch(
      /cannot read acme\/secret-policies:\.github\/deploy-governor\.yml@default \(extends: "acme\/secret-policies"\): not found, or not visible to this token/,
    );
    await writePolicy('extends: acme/.github\n');
    const other = await cli(['policy', 'explain', '--repo', 'someone/app'], withToken());
    expect(other.code).toBe(99);
    expect(other.stderr).toMatch(/names a file of the owner acme, but this chain belongs to someone/);
  });
});

describe('deploy-governor check with an organisation policy', () => {
  it('evaluates the merged policy and shows the chain in the text and the JSON report', async () => {
    await writePolicy('extends: acme/.github\n');
    const text = await cli(['check', '--prometheus-url', inject('prometheusUrl'), ...scenario('warning')], withToken());
    // block-on FREEZE from the organisation: WARNING passes.
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Policy: ${OWN} extends ${ORG} extends ${BASE}`);
    const json = await cli(['check', '--json', '--prometheus-url', inject('prometheusUrl'), ...scenario('warning')], withToken());
    const report = reportSchema.parse(JSON.parse(json.stdout));
    expect(report.decision.blockOn).toBe('FREEZE');
    expect(report.policySources).toMatchObject({ chain: [OWN, ORG, BASE], keys: { 'block-on': [ORG] }, locked: { 'block-on': ORG } });
    const validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(await readFile(path.resolve('schema/report.schema.json'), 'utf8')) as object,
    );
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses a flag that loosens a locked key, naming the lock and its file', async () => {
    await writePolicy('extends: acme/.github\n');
    const result = await cli(
      ['check', '--block-on', 'EXHAUSTED', '--prometheus-url', inject('prometheusUrl'), ...scenario('freeze')],
      withToken(),
    );
    expect(result.code).toBe(99);
    expect(result.stderr).toContain(
      `deploy-governor: --block-on: block-on may only become stricter (CAUTION blocks most, EXHAUSTED least); the parent has FREEZE, this input makes it EXHAUSTED`,
    );
    expect(result.stderr).toContain(`block-on is locked by ${ORG} (locked: [block-on]), so no input may loosen it`);
  });

  it('refuses a child that reuses the name of a locked freeze window', async () => {
    gh.state
      .repo('acme', '.github')
      .files.set(
        'main:.github/deploy-governor.yml',
        'locked: [freeze-windows]\nfreeze-windows:\n  - { name: holiday, from: 2026-12-20T00:00:00Z, to: 2027-01-02T00:00:00Z }\n',
      );
    await writePolicy(
      'extends: acme/.github\nfreeze-windows:\n  - { name: holiday, from: 2026-12-20T00:00:00Z, to: 2026-12-20T00:01:00Z }\n',
    );
    const result = await cli(['check', '--prometheus-url', inject('prometheusUrl'), ...scenario('normal')], withToken());
    expect(result.code).toBe(99);
    expect(result.stderr).toContain(`- freeze-windows: the freeze window "holiday" set by the parent may not be changed`);
  });
});

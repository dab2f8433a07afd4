/**
 * The bundled CLI (dist/cli/index.js, what `npx deploy-governor` runs) against
 * the real Prometheus: exit codes, JSON (also when the gate cannot run), plain
 * text through a pipe and through a pseudo-terminal (util-linux `script`),
 * errors that name their flag, the bounded --watch interval, --version, and
 * --override authorized through the stateful GitHub stand-in, whose every
 * request is checked against GitHub's OpenAPI description.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { startGitHubStateStandIn, type GitHubStateStandIn } from '../../scripts/lib/github-state-stand-in.js';
import { reportSchema, type Report } from '../../src/core/report/report-schema.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';
import { openSloFile, openSloPolicy } from '../support/openslo-policy.js';
import { expectedErrorRatio } from '../support/scenarios.js';

const exec = promisify(execFile);
const CLI = path.resolve('dist/cli/index.js');

async function cli(args: string[], env: Record<string, string> = {}, cwd?: string) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal runs it; its output as the terminal got it. */
async function pty(args: string[], env: Record<string, string> = {}): Promise<string> {
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const run = exec('script', ['-q', '-e', '-c', quoted, '/dev/null'], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env } });
  return (await run.catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }))).stdout;
}

const validateReport = new Ajv2020({ strict: false }).compile(
  JSON.parse(await readFile(path.resolve('schema/report.schema.json'), 'utf8')) as object,
);

/** What markdown leaves behind: escapes, entities, and the zero-width characters that keep GitHub from linking. */
const MARKDOWN_ARTEFACTS = /&gt;|&lt;|&amp;|\\[()_[\]{}*`#|!~+.]|[\u200b-\u200d\u2060\ufeff]|\*\*|^#+ |^\| /m;

const scenario = (name: string) => [
  '--error-query',
  `sum(increase(http_requests_total{scenario="${name}",status=~"5.."}[{{window}}]))`,
  '--total-query',
  `sum(increase(http_requests_total{scenario="${name}"}[{{window}}]))`,
  '--dr-check',
  'false',
];

describe('deploy-governor check', () => {
  it.each([
    ['normal', 0],
    ['warning', 1],
    ['freeze', 2],
    ['exhausted', 3],
  ])('exits for the %s scenario with %i', async (name, code) => {
    const result = await cli(['check', '--quiet', ...scenario(name)], { PROMETHEUS_URL: inject('prometheusUrl') });
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
  });

  it('exits 0 for CAUTION and for anything in report mode', async () => {
    expect((await cli(['check', '--quiet', '--prometheus-url', inject('prometheusUrl'), ...scenario('caution')])).code).toBe(0);
    expect(
      (await cli(['check', '--quiet', '--prometheus-url', inject('prometheusUrl'), '--mode', 'report', ...scenario('exhausted')])).code,
    ).toBe(0);
  });

  it('exits 99 when Prometheus is down, and prints the reason with the address and query as written', async () => {
    const port = await getFreePort();
    const result = await cli(['check', '--prometheus-url', `http://127.0.0.1:${port}`, ...scenario('normal')]);
    expect(result.code).toBe(99);
    // Plain text: the URL copies and pastes (no zero-width space after the scheme), the query keeps its underscores.
    expect(result.stdout).toContain(`cannot reach Prometheus at http://127.0.0.1:${port}`);
    expect(result.stdout).toMatch(/http_requests_total|deploy_governor:sli_total/);
    expect(result.stdout).not.toMatch(MARKDOWN_ARTEFACTS);
    expect(result.stdout).toMatch(/^Next steps:\n {2}- The gate could not evaluate the policy and fails closed: .*--on-error allow/m);
  });

  it('prints the report as JSON with --json', async () => {
    const result = await cli(['check', '--json', '--prometheus-url', inject('prometheusUrl'), ...scenario('warning')]);
    expect(result.code).toBe(1);
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.decision.status).toBe('WARNING');
  });

  it('reads the policy file given by --config and names a bad key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dg-cli-'));
    await writeFile(
      path.join(dir, 'policy.yml'),
      `slos:\n  - name: api\n    sli: { events: { error: 'sum(increase(http_requests_total{scenario="exhausted",status=~"5.."}[{{window}}]))', total: 'sum(increase(http_requests_total{scenario="exhausted"}[{{window}}]))' } }\ndr: { enabled: false }\n`,
    );
    const ok = await cli(['check', '--quiet', '--config', 'policy.yml', '--prometheus-url', inject('prometheusUrl')], {}, dir);
    expect(ok.code).toBe(3);
    await writeFile(path.join(dir, 'bad.yml'), 'thresholds: { caution: lots }\n');
    const bad = await cli(['check', '--config', 'bad.yml', '--prometheus-url', inject('prometheusUrl')], {}, dir);
    expect(bad.code).toBe(99);
    expect(bad.stderr).toMatch(/thresholds\.caution: expected number, received string \(got "lots"\)/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('evaluates the SLOs of a Sloth spec the policy points at', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dg-sloth-'));
    await writeFile(path.join(dir, 'policy.yml'), 'sloth: slos/api.sloth.yml\ndr: { enabled: false }\n');
    await (await import('node:fs/promises')).mkdir(path.join(dir, 'slos'));
    await writeFile(
      path.join(dir, 'slos/api.sloth.yml'),
      [
        'version: "prometheus/v1"',
        'service: "api"',
        'slos:',
        '  - name: "requests-availability"',
        '    objective: 99.9',
        '    sli:',
        '      events:',
        '        error_query: sum(rate(http_requests_total{scenario="exhausted",status=~"5.."}[{{.window}}]))',
        '        total_query: sum(rate(http_requests_total{scenario="exhausted"}[{{.window}}]))',
        '    alerting: { name: ApiErrors }',
        '',
      ].join('\n'),
    );
    const result = await cli(['check', '--json', '--config', 'policy.yml', '--prometheus-url', inject('prometheusUrl')], {}, dir);
    expect(result.code).toBe(3);
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.slos.map((s) => s.name)).toEqual(['api-requests-availability']);
    expect(report.slos[0]!.status).toBe('EXHAUSTED');
  });

  it('evaluates the SLO of an OpenSLO file the policy points at, with the budget of the same SLO written natively', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dg-openslo-'));
    await (await import('node:fs/promises')).mkdir(path.join(dir, 'slos'));
    await writeFile(path.join(dir, 'slos/api.openslo.yaml'), openSloFile('warning'));
    await writeFile(path.join(dir, 'policy.yml'), openSloPolicy('warning', 'slos/api.openslo.yaml'));
    const result = await cli(['check', '--json', '--config', 'policy.yml', '--prometheus-url', inject('prometheusUrl')], {}, dir);
    expect(result.code).toBe(1);
    const report = reportSchema.parse(JSON.parse(result.stdout));
    const [native, openslo] = ['native', 'api-availability'].map((name) => report.slos.find((s) => s.name === name)!);
    expect(openslo).toMatchObject({ sliKind: 'good-events', objective: 99.9, window: '30d', status: 'WARNING', error: null });
    expect(Math.abs(openslo!.budgetRemaining! - native!.budgetRemaining!)).toBeLessThan(1e-6);
    expect(Math.abs(openslo!.errorRatio! - expectedErrorRatio('warning', 30 * 86_400)!)).toBeLessThan(0.0001);
  });

  it('rejects a bad flag value with the accepted form, naming the flag and not the policy file', async () => {
    const result = await cli(['check', '--block-on', 'nope', '--prometheus-url', inject('prometheusUrl')]);
    expect(result.code).toBe(99);
    expect(result.stderr).toMatch(/^deploy-governor: --block-on: .*CAUTION, WARNING, FREEZE, EXHAUSTED; got "nope"\n$/);
    expect(result.stderr).not.toMatch(/deploy-governor\.yml|policy file/);
    expect(result.stdout).toBe('');
  });

  it('blames a threshold flag that contradicts the defaults on the flag, not on a policy file that does not exist', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dg-cli-'));
    const result = await cli(
      ['check', '--caution-threshold', '10', '--prometheus-url', inject('prometheusUrl'), ...scenario('normal')],
      {},
      dir,
    );
    expect(result.code).toBe(99);
    expect(result.stderr).toMatch(
      /^deploy-governor: --caution-threshold: expected caution ≥ warning ≥ freeze ≥ 0 .*caution 10, warning 50, freeze 20\n$/,
    );
    expect(result.stderr).not.toMatch(/deploy-governor\.yml/);
    const missing = await cli(['check', '--config', 'nope.yml', '--prometheus-url', inject('prometheusUrl')], {}, dir);
    expect(missing.stderr).toMatch(/^deploy-governor: --config: no policy file at .*nope\.yml/);
  });

  it('prints a complete UNKNOWN report with --json when the configuration is broken, with the error in reasons', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dg-json-'));
    await writeFile(path.join(dir, 'bad.yml'), 'slos:\n  - name: x\n    objective: 120\n    sli: { ratio: { query: "r[{{window}}]" } }\n');
    const bad = await cli(
      [
        'check',
        '--json',
        '--config',
        'bad.yml',
        '--environment',
        'staging',
        '--mode',
        'report',
        '--report-path',
        'out/gate.json',
        '--prometheus-url',
        inject('prometheusUrl'),
      ],
      {},
      dir,
    );
    // Exit codes are unchanged: a configuration error is 99, even in report mode.
    expect(bad.code).toBe(99);
    const report = JSON.parse(bad.stdout) as Report;
    expect(validateReport(report)).toBe(true);
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      environment: 'staging',
      slos: [],
      decision: { status: 'UNKNOWN', canDeploy: false, mode: 'report', blockOn: 'WARNING', onError: 'block' },
    });
    expect(report.decision.reasons).toHaveLength(1);
    expect(report.decision.reasons[0]).toMatch(/^bad\.yml: slos\[0\]\.objective: .*120/);
    // The same report at --report-path, and the error on stderr for the log.
    expect(JSON.parse(await readFile(path.join(dir, 'out/gate.json'), 'utf8'))).toEqual(report);
    expect(bad.stderr).toMatch(/slos\[0\]\.objective/);

    const flag = await cli(['check', '--json', '--block-on', 'sometimes', '--on-error', 'allow']);
    expect(flag.code).toBe(99);
    const flagReport = JSON.parse(flag.stdout) as Report;
    expect(validateReport(flagReport)).toBe(true);
    expect(flagReport.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false, onError: 'allow' });
    expect(flagReport.decision.reasons).toHaveLength(1);
    expect(flagReport.decision.reasons[0]).toMatch(
      /^command line: --block-on: .*one of CAUTION, WARNING, FREEZE, EXHAUSTED; got "sometimes"$/,
    );

    // Without --json nothing but the error: stdout stays empty.
    expect((await cli(['check', '--block-on', 'sometimes'])).stdout).toBe('');
  });

  it('prints --version from package.json', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) expect(await cli([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('plain text on a terminal and in a pipe', () => {
  it('a pipe gets plain text: no ANSI codes, no markdown, no zero-width characters, queries as written', async () => {
    for (const command of ['check', 'status']) {
      const result = await cli([command, '--prometheus-url', inject('prometheusUrl'), ...scenario('freeze')]);
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/^production: BLOCKED \(FREEZE\) {2}block-on WARNING/);
      expect(result.stdout).not.toContain('\x1b');
      expect(result.stdout).not.toMatch(MARKDOWN_ARTEFACTS);
    }
    const check = await cli(['check', '--prometheus-url', inject('prometheusUrl'), ...scenario('freeze')]);
    expect(check.stdout).toMatch(/^availability +99\.9% +30d +0\.0\d\d% +\d+\.\d% .* FREEZE$/m);
    expect(check.stdout).toMatch(
      /^Next steps:\n {2}- To deploy anyway, run again with --override freeze --override-reason "<why, at least 10 characters>" --repo owner\/name/m,
    );
    expect(check.stdout).not.toMatch(/dispatch|workflow/);
    expect(check.stdout).toContain(`against ${inject('prometheusUrl')} (`);
  });

  it('a terminal gets colour, unless NO_COLOR; FORCE_COLOR colours a pipe', async () => {
    const args = ['check', '--prometheus-url', inject('prometheusUrl'), ...scenario('freeze')];
    const coloured = await pty(args);
    expect(coloured).toContain('\x1b[36mBLOCKED (FREEZE)\x1b[0m');
    // eslint-disable-next-line no-control-regex
    expect(coloured).toMatch(/\x1b\[36mFREEZE\x1b\[0m\r?\n/);
    expect(coloured).not.toMatch(MARKDOWN_ARTEFACTS);
    const plain = await pty(args, { NO_COLOR: '1' });
    expect(plain).toContain('BLOCKED (FREEZE)');
    expect(plain).not.toContain('\x1b');
    const forced = await cli(args, { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\x1b[36mBLOCKED (FREEZE)\x1b[0m');
    const off = await pty(args, { FORCE_COLOR: '0' });
    expect(off).not.toContain('\x1b');
  });
});

describe('--override from the CLI, authorized through the GitHub API', () => {
  const REPO = 'octo-org/shop';
  let gh: GitHubStateStandIn;

  beforeAll(async () => {
    gh = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' }, check: checkGitHubRequest });
    const repo = gh.state.repo('octo-org', 'shop');
    repo.collaborators.set('maintainer', 'maintain');
    repo.collaborators.set('writer', 'write');
    gh.state.tokenLogins.set('ghp_maintainer', 'maintainer');
    gh.state.tokenLogins.set('ghp_writer', 'writer');
  });
  afterAll(() => gh?.stop());

  const freeze = () => ['check', '--json', '--prometheus-url', inject('prometheusUrl'), ...scenario('freeze')];
  const override = (level = 'freeze') => ['--override', level, '--override-reason', 'Hotfix for INC-1234 checkout errors'];
  const asUser = (token: string) => ({ GITHUB_TOKEN: token, GITHUB_API_URL: gh.url });

  it('is refused with the reason when there is no token or no --repo, and nothing is asked of GitHub', async () => {
    const before = gh.stats.total;
    const noToken = await cli([...freeze(), ...override(), '--repo', REPO], { GITHUB_API_URL: gh.url });
    expect(noToken.code).toBe(2);
    const report = reportSchema.parse(JSON.parse(noToken.stdout));
    expect(report.decision).toMatchObject({ status: 'FREEZE', canDeploy: false, overridden: false });
    expect(report.decision.reasons[0]).toBe(
      "Override refused: could not read the token's user's repository role: the override cannot be checked through the GitHub API: GITHUB_TOKEN (or GH_TOKEN) is not set: set it to your own GitHub token",
    );
    const noRepo = await cli([...freeze(), ...override()], asUser('ghp_maintainer'));
    expect(noRepo.code).toBe(2);
    expect(JSON.parse(noRepo.stdout).decision.reasons[0]).toMatch(/--repo owner\/name is not given/);
    expect(gh.stats.total).toBe(before);
    const badRepo = await cli([...freeze(), ...override(), '--repo', 'octo-org'], asUser('ghp_maintainer'));
    expect(badRepo.code).toBe(99);
    expect(badRepo.stderr).toBe('deploy-governor: --repo: expected owner/name (e.g. octo/shop); got "octo-org"\n');
  });

  it("lets the token's user through when GitHub gives them the role, and says what is recorded", async () => {
    gh.resetStats();
    const result = await cli([...freeze(), ...override(), '--repo', REPO], asUser('ghp_maintainer'));
    expect(result.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.decision).toMatchObject({ status: 'FREEZE', canDeploy: true, overridden: true });
    expect(report.override).toMatchObject({
      actor: 'maintainer',
      level: 'freeze',
      permission: 'maintain',
      reason: 'Hotfix for INC-1234 checkout errors',
      runId: null,
      approvers: [],
    });
    expect(report.decision.nextSteps[0]).toMatch(
      /recorded in this report only .* logs only overrides that the Action records with an OIDC token/,
    );
    expect(gh.stats.byOperation).toEqual({ 'GET /user': 1, 'GET /repos/{owner}/{repo}/collaborators/{username}/permission': 1 });
    expect(gh.problems).toEqual([]);

    const text = await cli(
      ['check', '--prometheus-url', inject('prometheusUrl'), ...scenario('freeze'), ...override(), '--repo', REPO],
      asUser('ghp_maintainer'),
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^production: ALLOWED BY OVERRIDE \(FREEZE\)/);
    expect(text.stdout).toContain('Override: level freeze by maintainer (maintain): Hotfix for INC-1234 checkout errors');
  });

  it('refuses a user whose role is too low, a level below the status, and a token that has no user', async () => {
    const writer = await cli([...freeze(), ...override(), '--repo', REPO], asUser('ghp_writer'));
    expect(writer.code).toBe(2);
    expect(JSON.parse(writer.stdout).decision.reasons[0]).toBe(
      'Override refused: writer has the write role; override level freeze needs maintain or higher',
    );

    gh.resetStats();
    const low = await cli([...freeze(), ...override('warning'), '--repo', REPO], asUser('ghp_maintainer'));
    expect(low.code).toBe(2);
    expect(JSON.parse(low.stdout).decision.reasons[0]).toBe(
      'Override refused: override level warning cannot pass status FREEZE; run again with --override freeze',
    );
    expect(gh.stats.total).toBe(0);

    const installation = await cli([...freeze(), ...override(), '--repo', REPO], asUser('ghs_installation_token'));
    expect(installation.code).toBe(2);
    expect(JSON.parse(installation.stdout).decision.reasons[0]).toMatch(/GitHub answered 403 to GET \/user: the token has no user/);
    expect(gh.problems).toEqual([]);
  });
});

describe('deploy-governor status', () => {
  it('prints a plain table when not on a terminal', async () => {
    const result = await cli(['status', '--prometheus-url', inject('prometheusUrl'), ...scenario('caution')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^production: ALLOWED \(CAUTION\)/);
    expect(result.stdout).toMatch(/SLO\s+OBJECTIVE\s+WINDOW\s+ERROR RATIO\s+BUDGET LEFT/);
    expect(result.stdout).toMatch(/availability\s+99\.9%\s+30d/);
    expect(result.stdout).not.toContain('\x1b[');
  });

  it('colours the status on a terminal and honours NO_COLOR', async () => {
    const args = ['status', '--prometheus-url', inject('prometheusUrl'), ...scenario('exhausted')];
    const coloured = await pty(args);
    expect(coloured).toContain('\x1b[31mBLOCKED (EXHAUSTED)\x1b[0m');
    const plain = await pty(args, { NO_COLOR: '1' });
    expect(plain).toContain('BLOCKED (EXHAUSTED)');
    expect(plain).not.toContain('\x1b[');
  });

  it('refreshes with --watch until stopped', async () => {
    const { spawn } = await import('node:child_process');
    // 5 seconds is the shortest interval.
    const child = spawn(
      process.execPath,
      [CLI, 'status', '--watch', '--interval', '5', '--prometheus-url', inject('prometheusUrl'), ...scenario('normal')],
      { env: { PATH: process.env.PATH ?? '' } },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    // Wait for the second table rather than for a fixed time.
    const started = Date.now();
    const tables = () => out.match(/^production: ALLOWED \(NORMAL\)/gm) ?? [];
    for (let i = 0; i < 200 && tables().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    const elapsed = Date.now() - started;
    child.kill('SIGTERM');
    expect(tables()).toHaveLength(2);
    // Not a tight loop: the second table waited for the interval.
    expect(elapsed).toBeGreaterThanOrEqual(4_500);
  }, 30_000);

  it.each(['0', '4', '1e9', '3601', 'soon'])('refuses --interval %s before any query, naming the flag and the bounds', async (interval) => {
    const started = Date.now();
    const result = await cli(['status', '--watch', '--interval', interval, '--prometheus-url', 'http://127.0.0.1:9']);
    expect(result.code).toBe(99);
    expect(result.stderr).toBe(
      `deploy-governor: --interval: expected seconds between 5 and 3600 (or a duration such as 30s, 5m or 1h); got "${interval}"\n`,
    );
    expect(result.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('still prints a report with --json when the interval is refused', async () => {
    const result = await cli(['status', '--json', '--watch', '--interval', '1e9', '--prometheus-url', 'http://127.0.0.1:9']);
    expect(result.code).toBe(99);
    const report = JSON.parse(result.stdout) as Report;
    expect(validateReport(report)).toBe(true);
    expect(report.decision.reasons).toEqual([
      'command line: --interval: expected seconds between 5 and 3600 (or a duration such as 30s, 5m or 1h); got "1e9"',
    ]);
  });
});

/**
 * The bundled CLI (dist/cli/index.js, what `npx deploy-governor` runs) against
 * the real Prometheus: exit codes, JSON, the status table and errors.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { reportSchema } from '../../src/core/report/report-schema.js';

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
    expect((await cli(['check', '--quiet', '--prometheus-url', inject('prometheusUrl'), '--mode', 'report', ...scenario('exhausted')])).code).toBe(0);
  });

  it('exits 99 when Prometheus is down, and prints the reason', async () => {
    const port = await getFreePort();
    const result = await cli(['check', '--prometheus-url', `http://127.0.0.1:${port}`, ...scenario('normal')]);
    expect(result.code).toBe(99);
    // The address is shown but does not autolink (a zero-width space follows the scheme).
    expect(result.stdout).toMatch(/cannot reach Prometheus at http:\u200b?\/\/127\.0\.0\.1:\d+/);
  });

  it('prints the report as JSON with --json', async () => {
    const result = await cli(['check', '--json', '--prometheus-url', inject('prometheusUrl'), ...scenario('warning')]);
    expect(result.code).toBe(1);
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.decision.status).toBe('WARNING');
  });

  it('reads the policy file given by --config and names a bad key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dg-cli-'));
    await writeFile(path.join(dir, 'policy.yml'), `slos:\n  - name: api\n    sli: { events: { error: 'sum(increase(http_requests_total{scenario="exhausted",status=~"5.."}[{{window}}]))', total: 'sum(increase(http_requests_total{scenario="exhausted"}[{{window}}]))' } }\ndr: { enabled: false }\n`);
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

  it('rejects a bad flag value with the accepted form', async () => {
    const result = await cli(['check', '--block-on', 'nope', '--prometheus-url', inject('prometheusUrl')]);
    expect(result.code).toBe(99);
    expect(result.stderr).toContain('block-on must be one of CAUTION, WARNING, FREEZE, EXHAUSTED; got "nope"');
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
    // util-linux `script` gives the CLI a real pseudo-terminal.
    const args = ['status', '--prometheus-url', inject('prometheusUrl'), ...scenario('exhausted')].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const run = async (env: Record<string, string>) =>
      (await exec('script', ['-q', '-e', '-c', `${process.execPath} ${CLI} ${args}`, '/dev/null'], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env } }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }))).stdout;
    const coloured = await run({});
    expect(coloured).toContain('\x1b[31mBLOCKED (EXHAUSTED)\x1b[0m');
    const plain = await run({ NO_COLOR: '1' });
    expect(plain).toContain('BLOCKED (EXHAUSTED)');
    expect(plain).not.toContain('\x1b[');
  });

  it('refreshes with --watch until stopped', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'status', '--watch', '--interval', '1', '--prometheus-url', inject('prometheusUrl'), ...scenario('normal')], { env: { PATH: process.env.PATH ?? '' } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    // Wait for the second table rather than for a fixed time.
    for (let i = 0; i < 100 && (out.match(/^production: /gm) ?? []).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    expect((out.match(/^production: ALLOWED \(NORMAL\)/gm) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('rejects a watch interval below one second', async () => {
    const result = await cli(['status', '--watch', '--interval', '0', '--prometheus-url', inject('prometheusUrl'), ...scenario('normal')]);
    expect(result.code).toBe(99);
    expect(result.stderr).toMatch(/interval: expected a number of seconds ≥ 1/);
  });
});

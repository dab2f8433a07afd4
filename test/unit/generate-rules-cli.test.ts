import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/run.js';

const POLICY = `slos:
  - name: api
    objective: 99.5
    sli:
      events:
        error: sum(increase(http_requests_total{status=~"5.."}[{{window}}]))
        total: sum(increase(http_requests_total[{{window}}]))
dr: { enabled: false }
prometheus:
  url: https://prometheus.example.com
  bearer-token-env: UNSET_TOKEN_FOR_TEST
alerting:
  min-traffic: 300
environments:
  production: {}
  staging:
    alerting: { min-traffic: 5 }
`;

interface RuleFile {
  groups: { name: string; rules: { record?: string; alert?: string; expr: string }[] }[];
}

/** Runs `deploy-governor generate <args>` through the CLI's one entry (run.ts); returns the exit code and what was printed. */
async function generate(...args: string[]): Promise<{ code: number; output: string }> {
  const out: string[] = [];
  const capture = (c: string | Uint8Array) => (out.push(String(c)), true);
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    const code = await run(['node', 'deploy-governor', 'generate', ...args]);
    return { code, output: out.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('deploy-governor generate', () => {
  const cwd = process.cwd();
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dg-gen-'));
    await mkdir(path.join(dir, '.github'));
    await writeFile(path.join(dir, '.github/deploy-governor.yml'), POLICY);
    process.chdir(dir);
  });
  afterEach(() => process.chdir(cwd));

  it('rules: writes the rule file (no Prometheus credentials needed), --check passes, then fails with a hint once the policy changes', async () => {
    expect(await generate('rules')).toEqual({ code: 0, output: 'wrote deploy-governor.rules.yml\n' });
    const file = parse(await readFile(path.join(dir, 'deploy-governor.rules.yml'), 'utf8')) as RuleFile;
    expect(file.groups.map((g) => g.name)).toEqual([
      'deploy-governor:api:base',
      'deploy-governor:api:windows',
      'deploy-governor:api:budget',
      'deploy-governor:api:alerts',
      'deploy-governor:governance',
    ]);
    expect(file.groups[2]!.rules.find((r) => r.record === 'deploy_governor:error_budget_remaining:ratio')!.expr).toBe(
      '1 - deploy_governor:sli_error:ratio_rate30d{slo="api"} / 0.005',
    );
    expect(file.groups[3]!.rules[0]!.expr).toMatch(/deploy_governor:sli_total:count1h\{slo="api"\} >= 300/);
    expect(await generate('rules', '--check')).toEqual({ code: 0, output: 'deploy-governor.rules.yml is up to date\n' });

    await writeFile(path.join(dir, '.github/deploy-governor.yml'), POLICY.replace('99.5', '99.9'));
    const stale = await generate('rules', '--check');
    expect(stale.code).toBe(1);
    expect(stale.output).toMatch(
      /^deploy-governor\.rules\.yml differs from what the policy generates \(first difference at line \d+: the file has " +expr: vector\(0\.995\)", the policy generates " +expr: vector\(0\.999\)"\): run `npx deploy-governor generate rules --out deploy-governor\.rules\.yml` and commit it\n$/,
    );
  });

  it("rules: takes the environment's alerting values, and --min-traffic over them", async () => {
    expect((await generate('rules', '--environment', 'staging', '--out', 'staging.yml')).code).toBe(0);
    expect(await readFile(path.join(dir, 'staging.yml'), 'utf8')).toMatch(/count1h\{slo="api"\} >= 5$/m);
    expect((await generate('rules', '--min-traffic', '42', '--out', 'flag.yml')).code).toBe(0);
    expect(await readFile(path.join(dir, 'flag.yml'), 'utf8')).toMatch(/count1h\{slo="api"\} >= 42$/m);
    const bad = await generate('rules', '--min-traffic', 'lots');
    expect(bad.code).toBe(99);
    expect(bad.output).toMatch(/--min-traffic: expected a whole number of events such as 100; got "lots"/);
  });

  it('rules: reads the SLOs of a Sloth spec named by the policy', async () => {
    await writeFile(path.join(dir, '.github/deploy-governor.yml'), 'sloth: slos/shop.yml\ndr: { enabled: false }\n');
    const missing = await generate('rules');
    expect(missing.code).toBe(99);
    expect(missing.output).toMatch(/sloth: cannot read the Sloth spec slos\/shop\.yml/);
    await mkdir(path.join(dir, 'slos'));
    await writeFile(
      path.join(dir, 'slos/shop.yml'),
      'version: prometheus/v1\nservice: shop\nslos:\n  - name: availability\n    objective: 99.9\n    sli:\n      events:\n        error_query: sum(rate(req_total{code=~"5.."}[{{.window}}]))\n        total_query: sum(rate(req_total[{{.window}}]))\n',
    );
    expect((await generate('rules')).code).toBe(0);
    const file = parse(await readFile(path.join(dir, 'deploy-governor.rules.yml'), 'utf8')) as RuleFile;
    expect(file.groups[0]!.name).toBe('deploy-governor:shop-availability:base');
    expect(file.groups[0]!.rules[1]!.expr).toBe('sum(increase(req_total[5m])) / 300');
  });

  it('dashboard: writes the JSON and its provisioning file, and --check compares both', async () => {
    expect(await generate('dashboard')).toEqual({
      code: 0,
      output: 'wrote dashboards/deploy-governor.json\nwrote dashboards/deploy-governor.provisioning.yml\n',
    });
    const dashboard = JSON.parse(await readFile(path.join(dir, 'dashboards/deploy-governor.json'), 'utf8')) as {
      uid: string;
      title: string;
    };
    expect(dashboard.title).toBe('deploy-governor: api');
    expect(parse(await readFile(path.join(dir, 'dashboards/deploy-governor.provisioning.yml'), 'utf8'))).toMatchObject({
      providers: [{ options: { path: '/var/lib/grafana/dashboards/deploy-governor' } }],
    });
    expect((await generate('dashboard', '--check')).code).toBe(0);

    await writeFile(path.join(dir, 'dashboards/deploy-governor.provisioning.yml'), 'edited\n');
    const stale = await generate('dashboard', '--check');
    expect(stale.code).toBe(1);
    expect(stale.output).toMatch(/dashboards\/deploy-governor\.json is up to date\n/);
    expect(stale.output).toMatch(
      /dashboards\/deploy-governor\.provisioning\.yml differs from what the policy generates \(first difference at line 1: the file has "edited"/,
    );

    expect((await generate('dashboard', '--uid', 'not a uid!')).code).toBe(99);
    expect((await generate('dashboard', '--uid', 'shop-slos', '--out', 'd/shop.json')).code).toBe(0);
    expect((JSON.parse(await readFile(path.join(dir, 'd/shop.json'), 'utf8')) as { uid: string }).uid).toBe('shop-slos');
  });
});

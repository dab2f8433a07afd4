/**
 * Generated rules checked by Prometheus's own tools: `promtool check rules` on
 * every kind of generated file, and `promtool test rules` on the unit tests in
 * test/fixtures/generate/*.promtool.yml, each run against the rules generated
 * now from its policy: `<name>.policy.yml` beside it, or else
 * test/fixtures/generate/policy.yml (a fast burn pages within minutes, a
 * slow burn tickets, a healthy service stays quiet, the traffic guard holds,
 * ratios are traffic-weighted, DR, freeze and override alerts fire; one alert
 * per burn-rate pair with its own `for` on 7d, 28d and 30d windows, with the
 * factors scaled or pinned; base windows that work at a 5-minute scrape
 * interval; Sloth's own rules loaded beside the generated ones, as
 * `sloth.yml`, from test/fixtures/sloth/getting-started.rules.yml; a one-off
 * budget exclusion masked out of the SLO window's budget but not the burn rates).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROMTOOL_BIN } from '../../scripts/lib/prometheus-server.js';
import { resolveAlerting } from '../../src/core/generate/alerting.js';
import { generateRules } from '../../src/core/generate/rules.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import type { PolicyFile } from '../../src/core/policy/schema.js';
import { applySlothSource } from '../../src/core/sloth/apply-sloth-source.js';

const exec = promisify(execFile);
const FIXTURES = 'test/fixtures/generate';

/** The policy a promtool fixture's rules are generated from, with a Sloth spec it names read (paths from the repository root). */
async function fixturePolicy(test: string): Promise<{ file: PolicyFile; source: string }> {
  const own = `${FIXTURES}/${test.replace(/\.promtool\.yml$/, '.policy.yml')}`;
  const source = existsSync(own) ? own : `${FIXTURES}/policy.yml`;
  const file = parsePolicy(await readFile(source, 'utf8'));
  return {
    file: file.sloth === undefined ? file : applySlothSource(file, await readFile(file.sloth, 'utf8')),
    source: path.basename(source),
  };
}

function rulesFor(file: PolicyFile, source: string, environment = 'production'): string {
  const policy = resolvePolicy(file, gateInputsSchema.parse({ environment }));
  const alerting = resolveAlerting(file, environment);
  return generateRules({
    slos: policy.slos,
    dr: policy.dr,
    source,
    environment,
    freezeWindows: policy.freezeWindows,
    minTraffic: alerting.minTraffic,
    pairs: alerting.pairs,
    labels: alerting.labels,
    extraWindows: policy.burnRateGuards.flatMap((g) => [g.long, g.short]),
    exclusions: policy.exclusions,
  });
}

/** promtool's output, failed or not. */
async function promtool(args: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await exec(PROMTOOL_BIN, args, { maxBuffer: 16 << 20 });
    return { ok: true, output: stdout + stderr };
  } catch (error: unknown) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dg-generate-rules-'));
});

describe('promtool check rules', () => {
  const SLOTH = `version: prometheus/v1
service: shop
slos:
  - name: availability
    objective: 99.5
    sli:
      events:
        error_query: sum(rate(http_requests_total{job="shop",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_requests_total{job="shop"}[{{.window}}]))
  - name: freshness
    objective: 99
    sli: { raw: { error_ratio_query: 'avg_over_time(stale_ratio{job="shop"}[{{.window}}])' } }
`;
  const policies: [string, () => Promise<string>][] = [
    [
      'the promtool-test fixture (events, latency, ratio, DR, freeze, labels)',
      async () => rulesFor(parsePolicy(await readFile(`${FIXTURES}/policy.yml`, 'utf8')), 'policy.yml'),
    ],
    [
      'the checkout example, production',
      async () => rulesFor(parsePolicy(await readFile('examples/checkout/.github/deploy-governor.yml', 'utf8')), 'example'),
    ],
    [
      'the checkout example, staging (no DR)',
      async () => rulesFor(parsePolicy(await readFile('examples/checkout/.github/deploy-governor.yml', 'utf8')), 'example', 'staging'),
    ],
    ['no policy file (the default SLO)', async () => rulesFor({}, 'defaults')],
    ['a Sloth spec', async () => rulesFor(applySlothSource(parsePolicy('sloth: shop.yml\ndr: { enabled: false }\n'), SLOTH), 'sloth')],
    [
      'one SLO per window, 7d, 28d and 30d, factors scaled',
      async () => rulesFor(parsePolicy(await readFile(`${FIXTURES}/burn-rate-windows.policy.yml`, 'utf8')), 'windows'),
    ],
    [
      'exclusions (a one-off masked, a recurring one noted)',
      async () => rulesFor(parsePolicy(await readFile(`${FIXTURES}/exclusion-mask.policy.yml`, 'utf8')), 'exclusions'),
    ],
    ['factors pinned', async () => rulesFor(parsePolicy(await readFile(`${FIXTURES}/pinned-factors.policy.yml`, 'utf8')), 'pinned')],
    [
      'a 5-minute scrape interval (20m base window)',
      async () => rulesFor(parsePolicy(await readFile(`${FIXTURES}/scrape-interval.policy.yml`, 'utf8')), 'scrape'),
    ],
    [
      'custom pairs, guards and a 28d window',
      async () =>
        rulesFor(
          parsePolicy(`slos:
  - name: api
    window: 28d
    sli: { latency: { metric: h, threshold: 1 } }
burn-rate-guards: [{ long: 90m, short: 10m, factor: 10 }]
alerting:
  burn-rate-alerts: [{ long: 4h, short: 15m, factor: 8, severity: ticket }]
`),
          'custom',
        ),
    ],
  ];
  it.each(policies)('accepts the rules for %s', async (name, make) => {
    const file = path.join(work, `${name.replace(/\W+/g, '-')}.yml`);
    await writeFile(file, await make());
    const result = await promtool(['check', 'rules', file]);
    expect(result.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(result.ok).toBe(true);
  });
});

describe('promtool test rules', async () => {
  const tests = (await readdir(FIXTURES)).filter((f) => f.endsWith('.promtool.yml')).sort();

  it('has the fixtures, each testing the generated rules.yml', async () => {
    expect(tests).toEqual([
      'burn-rate-alerts.promtool.yml',
      'burn-rate-windows.promtool.yml',
      'dr-freeze-governance.promtool.yml',
      'exclusion-mask.promtool.yml',
      'five-minute-scrape.promtool.yml',
      'pinned-factors.promtool.yml',
      'scrape-interval.promtool.yml',
      'sloth-beside.promtool.yml',
      'traffic-weighting.promtool.yml',
    ]);
    for (const t of tests)
      expect((parse(await readFile(path.join(FIXTURES, t), 'utf8')) as { rule_files: string[] }).rule_files).toEqual(
        t.startsWith('sloth-') ? ['rules.yml', 'sloth.yml'] : ['rules.yml'],
      );
  });

  it.each(tests)('passes %s', async (test) => {
    const dir = await mkdtemp(path.join(work, 'promtool-'));
    const { file, source } = await fixturePolicy(test);
    const rules = rulesFor(file, source);
    await writeFile(path.join(dir, 'rules.yml'), rules);
    const ruleFiles = [rules];
    if (test.startsWith('sloth-')) {
      await copyFile('test/fixtures/sloth/getting-started.rules.yml', path.join(dir, 'sloth.yml'));
      ruleFiles.push(await readFile('test/fixtures/sloth/getting-started.rules.yml', 'utf8'));
    }
    // Without group_eval_order promtool evaluates the groups of a step in Go's map order, so an alert group may read
    // the recordings of the step before and fire one interval late: a flake at the exact `for`. The files list their
    // groups in dependency order (base, windows, budget, alerts), which is the order Prometheus converges to.
    const order = ruleFiles.flatMap((text) => (parse(text) as { groups: { name: string }[] }).groups.map((g) => g.name));
    const fixture = await readFile(path.join(FIXTURES, test), 'utf8');
    await writeFile(path.join(dir, test), `group_eval_order:\n${order.map((name) => `  - ${JSON.stringify(name)}\n`).join('')}${fixture}`);
    const result = await promtool(['test', 'rules', path.join(dir, test)]);
    expect(result.output).toMatch(/SUCCESS/);
    expect(result.ok).toBe(true);
  });
});

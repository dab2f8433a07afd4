import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveAlerting } from '../../src/core/generate/alerting.js';
import { leMatcher, sumOf } from '../../src/core/promql/promql.js';
import {
  baseWindowFor,
  recordedCoverageQuery,
  recordedQueries,
  recordedWindows,
  RULE_INTERVAL_SECONDS,
} from '../../src/core/generate/recorded-series.js';
import { generateRules, type GenerateRulesInput } from '../../src/core/generate/rules.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy, type ResolvedSlo } from '../../src/core/policy/resolve-policy.js';
import { parseDurationMs } from '../../src/core/duration.js';

interface RuleFile {
  groups: {
    name: string;
    interval: string;
    rules: {
      record?: string;
      alert?: string;
      expr: string;
      for?: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    }[];
  }[];
}

const POLICY = `
slos:
  - name: api
    objective: 99.9
    runbook: https://runbooks.example.com/api
    sli:
      events:
        error: sum(increase(http_requests_total{job="api",status=~"5.."}[{{window}}]))
        total: sum(increase(http_requests_total{job="api"}[{{window}}]))
  - name: api-latency
    service: api
    objective: 99
    sli: { latency: { metric: http_request_duration_seconds, threshold: 0.5, selector: 'job="api"' } }
  - name: quality
    objective: 95
    window: 7d
    sli: { ratio: { query: 'avg_over_time(bad_ratio[{{.window}}])' } }
dr: { metric: dr_last_test_timestamp, max-age: 7d }
`;

const policy = resolvePolicy(parsePolicy(POLICY), gateInputsSchema.parse({}));
const input: GenerateRulesInput = { slos: policy.slos, dr: policy.dr, source: 'test.yml' };
const rulesOf = (i: GenerateRulesInput = input) => parse(generateRules(i)) as RuleFile;
const group = (file: RuleFile, name: string) => file.groups.find((g) => g.name === name)!;

describe('generated rules: naming scheme', () => {
  it("records every window of an events SLO as deploy_governor:<what>:<aggregation><window>, labelled slo and service, apart from Sloth's slo: series", () => {
    const file = rulesOf();
    const windows = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'];
    expect(recordedWindows(policy.slos[0]!)).toEqual(windows);
    expect(group(file, 'deploy-governor:api:base').rules.map((r) => r.record)).toEqual([
      'deploy_governor:sli_error:rate5m',
      'deploy_governor:sli_total:rate5m',
    ]);
    expect(group(file, 'deploy-governor:api:windows').rules.map((r) => r.record)).toEqual([
      'deploy_governor:objective:ratio',
      ...windows.flatMap((w) => [`deploy_governor:sli_error:ratio_rate${w}`, `deploy_governor:sli_total:count${w}`]),
    ]);
    expect(group(file, 'deploy-governor:api:budget').rules.map((r) => r.record)).toEqual([
      ...windows.map((w) => `deploy_governor:burn_rate:${w}`),
      'deploy_governor:error_budget_remaining:ratio',
    ]);
    expect(file.groups.filter((g) => g.name.startsWith('deploy-governor:api:')).map((g) => g.name.split(':')[2])).toEqual([
      'base',
      'windows',
      'budget',
      'alerts',
    ]);
    for (const g of file.groups.filter((g) => g.name.startsWith('deploy-governor:api:'))) {
      for (const r of g.rules.filter((r) => r.record)) expect(r.labels).toEqual({ slo: 'api', service: 'api' });
    }
    for (const g of file.groups) expect(g.interval).toBe(`${RULE_INTERVAL_SECONDS / 60}m`);
    // Nothing in Sloth's namespace: Sloth's rules (slo:sli_error:ratio_rate<w>, slo:objective:ratio, ...) load beside these without mixing.
    expect(file.groups.flatMap((g) => g.rules).filter((r) => r.record !== undefined && !r.record.startsWith('deploy_governor:'))).toEqual(
      [],
    );
    expect(generateRules(input)).not.toMatch(/\bslo:[a-z]/);
  });

  it('reads raw counters only in the base group; every longer window is a ratio of sums, never an average; each group reads only the one before', () => {
    const file = rulesOf();
    for (const g of file.groups.filter((g) => /:(windows|budget|alerts)$/.test(g.name) && !g.name.includes('quality'))) {
      for (const r of g.rules) {
        expect(r.expr).not.toMatch(/http_request/);
        expect(r.expr).not.toMatch(/avg_over_time/);
      }
    }
    for (const r of group(file, 'deploy-governor:api:windows').rules)
      expect(r.expr).not.toMatch(/deploy_governor:(sli_error:ratio|sli_total:count|burn_rate|error_budget)/);
    for (const r of group(file, 'deploy-governor:api:budget').rules) expect(r.expr).not.toMatch(/deploy_governor:sli_(error|total):rate5m/);
    const windows = [...group(file, 'deploy-governor:api:windows').rules, ...group(file, 'deploy-governor:api:budget').rules];
    expect(windows.find((r) => r.record === 'deploy_governor:sli_error:ratio_rate30d')!.expr).toBe(
      'sum_over_time(deploy_governor:sli_error:rate5m{slo="api"}[30d]) / sum_over_time(deploy_governor:sli_total:rate5m{slo="api"}[30d])',
    );
    expect(windows.find((r) => r.record === 'deploy_governor:sli_total:count1h')!.expr).toBe(
      `sum_over_time(deploy_governor:sli_total:rate5m{slo="api"}[1h]) * ${RULE_INTERVAL_SECONDS}`,
    );
    expect(windows.find((r) => r.record === 'deploy_governor:burn_rate:6h')!.expr).toBe(
      'deploy_governor:sli_error:ratio_rate6h{slo="api"} / 0.001',
    );
    expect(windows.find((r) => r.record === 'deploy_governor:error_budget_remaining:ratio')!.expr).toBe(
      '1 - deploy_governor:sli_error:ratio_rate30d{slo="api"} / 0.001',
    );
  });

  it('substitutes the 5m base window into events queries and counts a missing error series as zero errors', () => {
    const base = group(rulesOf(), 'deploy-governor:api:base').rules;
    expect(base[0]!.expr).toBe(
      '(sum(increase(http_requests_total{job="api",status=~"5.."}[5m])) or 0 * sum(increase(http_requests_total{job="api"}[5m]))) / 300',
    );
    expect(base[1]!.expr).toBe('sum(increase(http_requests_total{job="api"}[5m])) / 300');
  });

  it('derives a latency SLI from the histogram: _count minus the le="<threshold>" bucket, whatever the le form', () => {
    const base = group(rulesOf(), 'deploy-governor:api-latency:base').rules;
    expect(base[0]!.expr).toBe(
      'clamp_min(sum(increase(http_request_duration_seconds_count{job="api"}[5m])) - sum(increase(http_request_duration_seconds_bucket{job="api", le=~"0[.]50*"}[5m])), 0) / 300',
    );
    expect(base[0]!.labels).toEqual({ slo: 'api-latency', service: 'api' });
  });

  it('records a ratio SLI as is, averages it over longer windows, says so in the file, and has no traffic guard', () => {
    const text = generateRules(input);
    expect(text).toMatch(
      /# SLO quality is a ratio SLI: it records no traffic, so its long windows can only average the 5m ratio \(not traffic-weighted\)/,
    );
    const file = parse(text) as RuleFile;
    expect(group(file, 'deploy-governor:quality:base').rules).toEqual([
      {
        record: 'deploy_governor:sli_error:ratio_rate5m',
        expr: 'avg_over_time(bad_ratio[5m])',
        labels: { slo: 'quality', service: 'quality' },
      },
    ]);
    const windows = group(file, 'deploy-governor:quality:windows').rules;
    expect(windows.find((r) => r.record === 'deploy_governor:sli_error:ratio_rate7d')!.expr).toBe(
      'avg_over_time(deploy_governor:sli_error:ratio_rate5m{slo="quality"}[7d])',
    );
    expect(windows.some((r) => r.record?.startsWith('deploy_governor:sli_total:count'))).toBe(false);
    expect(group(file, 'deploy-governor:quality:alerts').rules[0]!.expr).not.toMatch(/count/);
  });

  it('writes a do-not-edit header naming the source', () => {
    expect(generateRules(input).split('\n')[0]).toBe(
      '# Generated by deploy-governor from test.yml (environment production). Do not edit: run `npx deploy-governor generate rules`.',
    );
  });
});

describe('generated rules: alerts', () => {
  it("writes one alerting rule per pair, with the pair's own for, labelled by its windows and guarded by the traffic of its long window", () => {
    const alerts = group(rulesOf({ ...input, minTraffic: 250 }), 'deploy-governor:api:alerts').rules;
    expect(alerts.map((r) => [r.alert, r.labels?.long_window, r.labels?.short_window, r.for])).toEqual([
      ['SLOBurnRatePage', '1h', '5m', '2m'],
      ['SLOBurnRatePage', '6h', '30m', '15m'],
      ['SLOBurnRateTicket', '1d', '2h', '1h'],
      ['SLOBurnRateTicket', '3d', '6h', '3h'],
      ['SLOErrorBudgetExhausted', undefined, undefined, '5m'],
    ]);
    expect(alerts.slice(0, 4).map((r) => r.expr)).toEqual([
      'deploy_governor:burn_rate:1h{slo="api"} > 14.4 and deploy_governor:burn_rate:5m{slo="api"} > 14.4 and deploy_governor:sli_total:count1h{slo="api"} >= 250',
      'deploy_governor:burn_rate:6h{slo="api"} > 6 and deploy_governor:burn_rate:30m{slo="api"} > 6 and deploy_governor:sli_total:count6h{slo="api"} >= 250',
      'deploy_governor:burn_rate:1d{slo="api"} > 3 and deploy_governor:burn_rate:2h{slo="api"} > 3 and deploy_governor:sli_total:count1d{slo="api"} >= 250',
      'deploy_governor:burn_rate:3d{slo="api"} > 1 and deploy_governor:burn_rate:6h{slo="api"} > 1 and deploy_governor:sli_total:count3d{slo="api"} >= 250',
    ]);
    expect(alerts[1]!.labels).toEqual({ slo: 'api', service: 'api', severity: 'page', long_window: '6h', short_window: '30m' });
    expect(alerts[1]!.annotations).toEqual({
      summary: 'SLO api is burning its 30d error budget fast (page: over 6x for 6h and 30m)',
      description: 'Both the 6h and the 30m window burn the error budget faster than 6x: 5% of the 30d budget within 6h.',
      runbook_url: 'https://runbooks.example.com/api',
    });
    expect(alerts[4]!.expr).toBe('deploy_governor:error_budget_remaining:ratio{slo="api"} < 0');
  });

  it("scales every pair's factor to the SLO window as Sloth does (13.44, 5.6, 2.8, 0.933 for 28d), and says so above the alerts", () => {
    const slo = (window: string) => ({ ...policy.slos[0]!, name: `api-${window}`, window, windowMs: parseDurationMs(window) });
    const text = generateRules({ ...input, slos: [slo('7d'), slo('28d'), slo('30d')] });
    const file = parse(text) as RuleFile;
    const thresholds = (name: string) =>
      group(file, `deploy-governor:${name}:alerts`)
        .rules.slice(0, 4)
        .map((r) => r.expr.match(/> ([\d.]+) and/)![1]);
    expect(thresholds('api-28d')).toEqual(['13.44', '5.6', '2.8', '0.933333333333']);
    expect(thresholds('api-7d')).toEqual(['3.36', '1.4', '0.7', '0.233333333333']);
    expect(thresholds('api-30d')).toEqual(['14.4', '6', '3', '1']);
    expect(text).toMatch(
      /# SLO api-28d \(28d\): burn-rate factors 1h\/5m 13\.44x, 6h\/30m 5\.6x, 1d\/2h 2\.8x, 3d\/6h 0\.9333x \(the 30-day factors × 28d \/ 30d, as Sloth scales them\)\.\n/,
    );
    expect(text).toMatch(/# SLO api-30d \(30d\): burn-rate factors 1h\/5m 14\.4x, 6h\/30m 6x, 1d\/2h 3x, 3d\/6h 1x\.\n/);
    // The same share of the budget in each long window, whatever the SLO window: 2%, 5%, 10%, 10%.
    for (const name of ['api-7d', 'api-28d', 'api-30d']) {
      expect(
        group(file, `deploy-governor:${name}:alerts`)
          .rules.slice(0, 4)
          .map((r) => r.annotations!.description!.match(/: ([\d.]+)% of/)![1]),
      ).toEqual(['2', '5', '10', '10']);
    }
  });

  it('uses the factors as written with factor-scaling: pinned', () => {
    const alerting = resolveAlerting(parsePolicy('alerting: { factor-scaling: PINNED }\n'), 'production');
    expect(alerting.factorScaling).toBe('pinned');
    expect(alerting.pairs.every((p) => p.pinned === true)).toBe(true);
    const slo = { ...policy.slos[0]!, window: '28d', windowMs: parseDurationMs('28d') };
    const text = generateRules({ ...input, slos: [slo], pairs: alerting.pairs });
    expect(
      group(parse(text) as RuleFile, 'deploy-governor:api:alerts')
        .rules.slice(0, 4)
        .map((r) => r.expr.match(/> ([\d.]+) and/)![1]),
    ).toEqual(['14.4', '6', '3', '1']);
    expect(text).toMatch(/# SLO api \(28d\): burn-rate factors 1h\/5m 14\.4x, 6h\/30m 6x, 1d\/2h 3x, 3d\/6h 1x\.\n/);
    expect(resolveAlerting(parsePolicy(''), 'production').factorScaling).toBe('window');
  });

  it("takes pairs, min-traffic and labels from the policy, per environment, and records the pairs' windows (and the defaults' for the gate)", () => {
    const file = parsePolicy(`${POLICY}
alerting:
  min-traffic: 500
  labels: { team: payments }
  burn-rate-alerts:
    - { long: 4h, short: 20m, factor: 10, severity: page, for: 5m }
environments:
  staging:
    alerting: { min-traffic: 10 }
`);
    const production = resolveAlerting(file, 'production');
    expect(production).toEqual({
      minTraffic: 500,
      labels: { team: 'payments' },
      factorScaling: 'window',
      pairs: [{ long: '4h', short: '20m', factor: 10, severity: 'page', for: '5m' }],
    });
    expect(resolveAlerting(file, 'staging').minTraffic).toBe(10);
    expect(resolveAlerting(file, 'staging').labels).toEqual({ team: 'payments' });
    expect(resolveAlerting(parsePolicy(''), 'production').pairs.map((p) => p.factor)).toEqual([14.4, 6, 3, 1]);

    const rules = rulesOf({ ...input, ...production });
    const alerts = group(rules, 'deploy-governor:api:alerts').rules;
    expect(alerts.map((r) => r.alert)).toEqual(['SLOBurnRatePage', 'SLOErrorBudgetExhausted']);
    expect(alerts[0]!.expr).toBe(
      'deploy_governor:burn_rate:4h{slo="api"} > 10 and deploy_governor:burn_rate:20m{slo="api"} > 10 and deploy_governor:sli_total:count4h{slo="api"} >= 500',
    );
    expect(alerts[0]!.for).toBe('5m');
    expect(alerts[0]!.labels).toEqual({
      team: 'payments',
      slo: 'api',
      service: 'api',
      severity: 'page',
      long_window: '4h',
      short_window: '20m',
    });
    const recorded = group(rules, 'deploy-governor:api:windows').rules.map((r) => r.record);
    for (const w of ['20m', '4h', '1h', '6h', '1d', '3d']) expect(recorded).toContain(`deploy_governor:sli_error:ratio_rate${w}`);
    expect(group(rules, 'deploy-governor:api:budget').rules.map((r) => r.record)).toContain('deploy_governor:burn_rate:4h');
  });

  it("refuses two pairs of one severity over the same windows (their alerts would carry the same labels), and the generator's label names", () => {
    const twice = parsePolicy(
      'alerting:\n  burn-rate-alerts:\n    - { long: 1h, short: 5m, factor: 14.4, severity: page }\n    - { long: 1h, short: 5m, factor: 10, severity: page, for: 10m }\n',
    );
    expect(() => resolveAlerting(twice, 'production')).toThrow(
      /alerting\.burn-rate-alerts\[1\]: a second page pair over 1h and 5m \(the first is \[0\]\)/,
    );
    expect(() => parsePolicy('alerting: { labels: { long_window: x } }\n')).toThrow(/alerting\.labels\.long_window/);
  });

  it("records the burn-rate guards' windows too, so the gate can read them", () => {
    const recorded = group(rulesOf({ ...input, extraWindows: ['90m', '10m'] }), 'deploy-governor:api:budget').rules.map((r) => r.record);
    expect(recorded).toContain('deploy_governor:burn_rate:90m');
    expect(recorded).toContain('deploy_governor:burn_rate:10m');
  });

  it('writes DR alerts with the environment label, freeze alerts PromQL can state, and notes the ones it cannot', () => {
    const text = generateRules({
      ...input,
      environment: 'staging',
      freezeWindows: [
        { name: 'Year end', from: '2026-12-23T00:00:00Z', to: '2027-01-04T08:00:00Z' },
        { name: 'Weekend', start: '0 18 * * 5', end: '0 8 * * 1' },
        { name: 'Christmas', start: '0 0 24 12 *', end: '0 0 27 12 *' },
      ],
    });
    const file = parse(text) as RuleFile;
    expect(group(file, 'deploy-governor:dr').rules.map((r) => [r.alert, r.labels?.environment])).toEqual([
      ['DRDrillStale', 'staging'],
      ['DRDrillMetricMissing', 'staging'],
    ]);
    const freeze = group(file, 'deploy-governor:freeze').rules;
    expect(freeze.map((r) => r.labels!.freeze_window)).toEqual(['Year end', 'Weekend']);
    expect(freeze[0]!.expr).toBe(
      `vector(time()) >= ${Date.parse('2026-12-23T00:00:00Z') / 1000} < ${Date.parse('2027-01-04T08:00:00Z') / 1000}`,
    );
    expect(text).toMatch(/# Note: freeze window "Christmas" has no DeployFreezeActive alert: its cron expressions do not repeat weekly/);
    const governance = group(file, 'deploy-governor:governance').rules[0]!;
    expect(governance.alert).toBe('DeployOverridden');
    expect(governance.expr).toMatch(/deploy_governor_decision\{environment="staging", overridden="true"\}/);
  });
});

describe('generated rules: the base window follows the scrape interval', () => {
  it('spans at least four scrape intervals, in whole minutes, and never less than 5m', () => {
    const cases: [string | undefined, string][] = [
      [undefined, '5m'],
      ['15s', '5m'],
      ['1m', '5m'],
      ['75s', '5m'],
      ['90s', '6m'],
      ['100s', '7m'],
      ['2m', '8m'],
      ['5m', '20m'],
      ['15m', '1h'],
    ];
    for (const [interval, base] of cases) expect([interval, baseWindowFor(interval)]).toEqual([interval, base]);
  });

  it('records the base rates over it at a 5-minute scrape interval, and the gate reads the series named after it', () => {
    const file = parsePolicy(`${POLICY}
scrape-interval: 5m
environments:
  production: {}
  staging: { scrape-interval: 30s }
`);
    const production = resolvePolicy(file, gateInputsSchema.parse({}));
    const [api, latency, quality] = production.slos;
    expect(api!.scrapeInterval).toBe('5m');
    const text = generateRules({ slos: production.slos, dr: null, source: 'p' });
    const rules = parse(text) as RuleFile;
    expect(group(rules, 'deploy-governor:api:base').rules).toEqual([
      {
        record: 'deploy_governor:sli_error:rate20m',
        expr: '(sum(increase(http_requests_total{job="api",status=~"5.."}[20m])) or 0 * sum(increase(http_requests_total{job="api"}[20m]))) / 1200',
        labels: { slo: 'api', service: 'api' },
      },
      {
        record: 'deploy_governor:sli_total:rate20m',
        expr: 'sum(increase(http_requests_total{job="api"}[20m])) / 1200',
        labels: { slo: 'api', service: 'api' },
      },
    ]);
    expect(group(rules, 'deploy-governor:api-latency:base').rules[1]!.expr).toBe(
      'sum(increase(http_request_duration_seconds_count{job="api"}[20m])) / 1200',
    );
    const windows = group(rules, 'deploy-governor:api:windows').rules;
    // A window shorter than the base window is the base window's ratio: the shortest the scrape interval can measure.
    expect(windows.find((r) => r.record === 'deploy_governor:sli_error:ratio_rate5m')!.expr).toBe(
      'deploy_governor:sli_error:rate20m{slo="api"} / deploy_governor:sli_total:rate20m{slo="api"}',
    );
    expect(windows.find((r) => r.record === 'deploy_governor:sli_total:count5m')!.expr).toBe(
      'deploy_governor:sli_total:rate20m{slo="api"} * 1200',
    );
    expect(windows.find((r) => r.record === 'deploy_governor:sli_error:ratio_rate30m')!.expr).toBe(
      'sum_over_time(deploy_governor:sli_error:rate20m{slo="api"}[30m]) / sum_over_time(deploy_governor:sli_total:rate20m{slo="api"}[30m])',
    );
    expect(windows.find((r) => r.record === 'deploy_governor:sli_total:count1d')!.expr).toBe(
      `sum_over_time(deploy_governor:sli_total:rate20m{slo="api"}[1d]) * ${RULE_INTERVAL_SECONDS}`,
    );
    expect(group(rules, 'deploy-governor:quality:base').rules).toEqual([
      {
        record: 'deploy_governor:sli_error:ratio_rate20m',
        expr: 'avg_over_time(bad_ratio[20m])',
        labels: { slo: 'quality', service: 'quality' },
      },
    ]);
    expect(
      group(rules, 'deploy-governor:quality:windows').rules.find((r) => r.record === 'deploy_governor:sli_error:ratio_rate5m')!.expr,
    ).toBe('deploy_governor:sli_error:ratio_rate20m{slo="quality"}');
    expect(text).toMatch(/# The 1h\/5m pair's short window reads the 20m base window \(scrape-interval 5m\)\.\n/);
    expect(recordedCoverageQuery(api!)).toBe('count_over_time(deploy_governor:sli_total:rate20m{slo="api"}[1h] offset 4w1d23h)');
    expect(recordedCoverageQuery(quality!)).toBe(
      'count_over_time(deploy_governor:sli_error:ratio_rate20m{slo="quality"}[1h] offset 6d23h)',
    );
    expect(recordedQueries(latency!)!.total('1h')).toBe('sum_over_time(deploy_governor:sli_total:rate20m{slo="api-latency"}[1h]) * 60');

    const staging = resolvePolicy(file, gateInputsSchema.parse({ environment: 'staging' }));
    expect(
      group(parse(generateRules({ slos: staging.slos, dr: null, source: 'p' })) as RuleFile, 'deploy-governor:api:base').rules[1]!.record,
    ).toBe('deploy_governor:sli_total:rate5m');
    expect(policy.slos[0]!.scrapeInterval).toBeUndefined();
    expect(() => parsePolicy('scrape-interval: 5 minutes\n')).toThrow(/scrape-interval: expected a Prometheus duration/);
  });
});

describe('generated rules: determinism', () => {
  const arbSlo = fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
    objective: fc.constantFrom(90, 99, 99.5, 99.9, 99.95),
    window: fc.constantFrom('7d', '28d', '30d'),
    kind: fc.constantFrom('events', 'latency', 'ratio'),
  });
  it('the same policy always gives the same text, and every SLO series keeps its labels', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbSlo, { selector: (s) => s.name, minLength: 1, maxLength: 4 }), (specs) => {
        const slos: ResolvedSlo[] = specs.map((s) => ({
          name: s.name,
          service: `svc-${s.name}`,
          objective: s.objective,
          window: s.window,
          windowMs: 0,
          sli:
            s.kind === 'events'
              ? { kind: 'events', error: 'sum(increase(e[{{window}}]))', total: 'sum(increase(t[{{window}}]))' }
              : s.kind === 'latency'
                ? { kind: 'latency', metric: 'h', threshold: 0.3, selector: '' }
                : { kind: 'ratio', query: 'r[{{window}}]' },
        }));
        const a = generateRules({ slos, dr: null, source: 'p' });
        const b = generateRules({ slos: structuredClone(slos), dr: null, source: 'p' });
        expect(a).toBe(b);
        const file = parse(a) as RuleFile;
        expect(new Set(file.groups.map((g) => g.name)).size).toBe(file.groups.length);
        for (const s of specs) {
          const windows = group(file, `deploy-governor:${s.name}:windows`).rules;
          for (const r of windows) expect(r.labels).toEqual({ slo: s.name, service: `svc-${s.name}` });
          expect(windows.some((r) => r.record === `deploy_governor:sli_error:ratio_rate${s.window}`)).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('traffic weighting, the arithmetic the rules rely on', () => {
  // A day at one-minute resolution: 12 h at 1,000 requests a minute with 0.1% errors, then 12 h at 100 a minute with 10%.
  const minutes = Array.from({ length: 1440 }, (_, i) => (i < 720 ? { total: 1000, errors: 1 } : { total: 100, errors: 10 }));
  const exact = minutes.reduce((a, m) => ({ total: a.total + m.total, errors: a.errors + m.errors }), { total: 0, errors: 0 });
  /** The base rule, evaluated every minute: events per second over the last 5 minutes. */
  const rate5m = minutes.map((_, i) => {
    const window = minutes.slice(Math.max(0, i - 4), i + 1);
    return { total: window.reduce((s, m) => s + m.total, 0) / 300, errors: window.reduce((s, m) => s + m.errors, 0) / 300 };
  });
  const sum = (key: 'total' | 'errors') => rate5m.reduce((s, r) => s + r[key], 0);

  it('sum_over_time of the 5m rates times the 60 s interval counts each event once (a sum of 5m increases would count it five times)', () => {
    // Events in the last 4 minutes are still inside later 5m windows that the day has not reached: within one 5m step.
    const tail = minutes.slice(-4).reduce((s, m, i) => s + m.total * (4 - i), 0) / 5;
    expect(sum('total') * RULE_INTERVAL_SECONDS).toBeCloseTo(exact.total - tail, 6);
    const increases = rate5m.reduce((s, r) => s + r.total * 300, 0);
    expect(increases / exact.total).toBeGreaterThan(4.9);
  });

  it('a ratio of sums is the traffic-weighted ratio; an average of ratios (Sloth) is five times off', () => {
    const weighted = sum('errors') / sum('total');
    const trueRatio = exact.errors / exact.total;
    expect(Math.abs(weighted - trueRatio)).toBeLessThan(0.0001);
    const averaged = rate5m.reduce((s, r) => s + r.errors / r.total, 0) / rate5m.length;
    expect(averaged / trueRatio).toBeGreaterThan(5);
  });
});

describe('recorded series for the gate', () => {
  it('reads event counts from the base rates and checks the recorded history on the base series; ratio SLIs have no counts', () => {
    const [api, , quality] = policy.slos;
    const q = recordedQueries(api!)!;
    expect(q.error('30d')).toBe('sum_over_time(deploy_governor:sli_error:rate5m{slo="api"}[30d]) * 60');
    expect(q.total('1h')).toBe('sum_over_time(deploy_governor:sli_total:rate5m{slo="api"}[1h]) * 60');
    expect(recordedQueries(quality!)).toBeNull();
    expect(recordedCoverageQuery(api!)).toBe('count_over_time(deploy_governor:sli_total:rate5m{slo="api"}[1h] offset 4w1d23h)');
    expect(recordedCoverageQuery(quality!)).toBe('count_over_time(deploy_governor:sli_error:ratio_rate5m{slo="quality"}[1h] offset 6d23h)');
  });
});

describe('PromQL helpers', () => {
  const re = (matcher: string) => new RegExp(`^(?:${matcher.replace(/^le=~"|"$/g, '')})$`);
  it('matches the bucket bound however a client or Prometheus 3 wrote it, and nothing else', () => {
    expect(['0.5', '0.50', '0.500'].every((le) => re(leMatcher(0.5)).test(le))).toBe(true);
    expect(['0.05', '0.55', '5', '0x5'].some((le) => re(leMatcher(0.5)).test(le))).toBe(false);
    expect(['1', '1.0', '1.00'].every((le) => re(leMatcher(1)).test(le))).toBe(true);
    expect(['10', '1.5', '11'].some((le) => re(leMatcher(1)).test(le))).toBe(false);
    expect(leMatcher(1e-7)).toBe('le="1e-7"');
  });

  it('wraps a query in sum() only when it is not one plain sum already', () => {
    expect(sumOf('sum(increase(a{code=~"(5..|429)"}[5m]))')).toBe('sum(increase(a{code=~"(5..|429)"}[5m]))');
    expect(sumOf('sum(a) / sum(b)')).toBe('sum(sum(a) / sum(b))');
    expect(sumOf('sum by (code) (a)')).toBe('sum(sum by (code) (a))');
    expect(sumOf('increase(a[5m])')).toBe('sum(increase(a[5m]))');
  });
});

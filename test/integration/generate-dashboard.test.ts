/**
 * The generated rules and dashboard against a real Prometheus: eight days of
 * traffic whose error share is highest when traffic is lowest (so averaging
 * ratios, as Sloth does, would be far off), a latency histogram, DR gauges and
 * the decisions the Action pushes. The rules' history is backfilled with
 * promtool, layer by layer. Then:
 * - the recorded budget remaining equals the gate's raw `increase()` answer
 *   over the SLO window within 0.1 percentage points, for an events and a
 *   latency SLO;
 * - every dashboard panel's query runs without error and returns data, and the
 *   governance counts are the pushes written.
 *
 * The SLO window is 7 days rather than 30 to keep the backfill short (the
 * rules and the arithmetic do not depend on the window's length;
 * test/integration/recorded-rules.test.ts compares 30 days through the gate).
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenMetricsWriter } from '../../scripts/lib/openmetrics.js';
import { backfill, PROMTOOL_BIN, startPrometheus, type PrometheusServer } from '../../scripts/lib/prometheus-server.js';
import {
  modelErrorRatio,
  writeGauge,
  writeHistogram,
  writeRequestCounters,
  type HistogramModel,
  type Steps,
  type TrafficModel,
} from '../../scripts/lib/traffic.js';
import { dashboardQueries, generateDashboard } from '../../src/core/generate/dashboard.js';
import { generateRules } from '../../src/core/generate/rules.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';

const DAY = 86_400;
const POLICY = `
slos:
  - name: shop-availability
    service: shop
    objective: 99.9
    window: 7d
    sli:
      events:
        error: sum(increase(http_requests_total{job="shop",status=~"5.."}[{{window}}]))
        total: sum(increase(http_requests_total{job="shop"}[{{window}}]))
  - name: shop-latency
    service: shop
    objective: 99
    window: 7d
    sli:
      latency: { metric: http_request_duration_seconds, threshold: 0.5, selector: 'job="shop"' }
dr:
  metric: dr_last_test_timestamp{service="shop"}
  max-age: 7d
  backup-probe: { query: 'probe_success{job="dr-backup-check"}' }
  rto: { metric: 'dr_last_recovery_time_seconds{service="shop"}', max: 1h }
  rpo: { metric: 'dr_last_data_loss_seconds{service="shop"}', max: 5m }
`;

const policy = resolvePolicy(parsePolicy(POLICY), gateInputsSchema.parse({}));
/** Busy afternoons with few errors, quiet nights with many: a traffic-weighted ratio and an average of ratios disagree. */
const requests = (t: number) => 775 + 725 * Math.sin((2 * Math.PI * t) / DAY);
const traffic: TrafficModel = { labels: { job: 'shop' }, requests, errorShare: (t) => (requests(t) < 400 ? 0.004 : 0.0002) };
const histogram: HistogramModel = {
  labels: { job: 'shop' },
  requests,
  buckets: [
    { le: 0.1, share: 0.6 },
    { le: 0.25, share: 0.95 },
    { le: 0.5, share: 0.993 },
    { le: 1, share: 0.999 },
  ],
  meanSeconds: 0.12,
};

/** Decisions pushed every 2 h, half past, for 30 h: [status, allowed, overridden]. */
const CYCLE: [string, boolean, boolean][] = [
  ['NORMAL', true, false],
  ['WARNING', false, false],
  ['FREEZE', true, true],
  ['EXHAUSTED', false, false],
];

const exec = promisify(execFile);

/**
 * A Prometheus on `openMetricsFile` plus the history of the generated recording
 * rules, backfilled with `promtool tsdb create-blocks-from rules` one group
 * layer at a time (promtool reads a rule's inputs from the running Prometheus,
 * so a layer must be in the TSDB before the next is computed): the 5m base
 * rates over all the data, then the window ratios and the budget for the last
 * 10 minutes (what the checks below read).
 */
async function startWithRuleHistory(
  openMetricsFile: string,
  rulesText: string,
  end: number,
  dataSeconds: number,
): Promise<PrometheusServer> {
  const tsdb = path.join(work, 'tsdb');
  await backfill(openMetricsFile, tsdb);
  const groups = (parse(rulesText) as { groups: { name: string }[] }).groups;
  const layers: [string, number][] = [
    [':base', end - dataSeconds],
    [':windows', end - 600],
    [':budget', end - 600],
  ];
  for (const [suffix, start] of layers) {
    const server = await startPrometheus({ tsdbDir: tsdb });
    const file = path.join(work, `layer${suffix.slice(1)}.yml`);
    const out = path.join(work, `blocks${suffix.slice(1)}`);
    try {
      await writeFile(file, stringify({ groups: groups.filter((g) => g.name.endsWith(suffix)) }));
      await exec(
        PROMTOOL_BIN,
        [
          'tsdb',
          'create-blocks-from',
          'rules',
          `--start=${start}`,
          `--end=${end}`,
          `--url=${server.url}`,
          `--output-dir=${out}`,
          '--quiet',
          file,
        ],
        { maxBuffer: 64 << 20 },
      );
    } finally {
      await server.stop();
    }
    for (const block of await readdir(out)) await cp(path.join(out, block), path.join(tsdb, block), { recursive: true });
  }
  return startPrometheus({ tsdbDir: tsdb });
}

let prometheus: PrometheusServer;
let work: string;
let steps: Steps;
let at: number;
let pushes: { t: number; status: string; allowed: boolean; overridden: boolean }[];

async function writeDecisions(writer: OpenMetricsWriter, end: number): Promise<void> {
  pushes = Array.from({ length: 15 }, (_, k) => {
    const [status, allowed, overridden] = CYCLE[k % CYCLE.length]!;
    return { t: end - 60 - k * 7200 - 1800, status, allowed, overridden };
  }).reverse();
  const base = { job: 'deploy-governor', repository: 'octo/shop', environment: 'production' };
  const decisions = new Map<string, { labels: Record<string, string>; points: { t: number; value: number }[] }>();
  const timestamps: { t: number; value: number }[] = [];
  for (const [i, push] of pushes.entries()) {
    const next = pushes[i + 1]?.t ?? end + 60;
    const labels = { ...base, status: push.status, allowed: String(push.allowed), overridden: String(push.overridden) };
    const key = JSON.stringify(labels);
    const series = decisions.get(key) ?? { labels, points: [] as { t: number; value: number }[] };
    // Scrapes of the Pushgateway leave a staleness marker when a series goes; backfilled data has none, so the
    // replaced decision ends more than Prometheus's 5m lookback before the next push instead.
    for (let t = push.t; t < next - 360 || (i === pushes.length - 1 && t <= end); t += 60) series.points.push({ t, value: 1 });
    decisions.set(key, series);
    for (let t = push.t; t < next && t <= end; t += 60) timestamps.push({ t, value: push.t });
  }
  await writeGauge(
    writer,
    'deploy_governor_decision',
    [...decisions.values()].map((s) => ({ ...s, points: s.points.sort((a, b) => a.t - b.t) })),
  );
  await writeGauge(writer, 'deploy_governor_decision_timestamp_seconds', [{ labels: base, points: timestamps }]);
}

beforeAll(async () => {
  const started = Date.now();
  const end = Math.floor(Date.now() / 60_000) * 60 - 120;
  at = end - 60;
  steps = { from: end - 8 * DAY, to: end, step: 60 };
  work = await mkdtemp(path.join(tmpdir(), 'dg-dashboard-test-'));
  const file = path.join(work, 'data.om');
  const writer = new OpenMetricsWriter(file);
  await writeRequestCounters(writer, 'http_requests', [traffic], steps);
  await writeHistogram(writer, 'http_request_duration_seconds', [histogram], steps);
  const recent = (value: number) => Array.from({ length: 48 }, (_, i) => ({ t: end - i * 1800, value })).reverse();
  await writeGauge(writer, 'dr_last_test_timestamp', [{ labels: { service: 'shop' }, points: recent(end - 2 * DAY) }]);
  await writeGauge(writer, 'probe_success', [{ labels: { job: 'dr-backup-check' }, points: recent(1) }]);
  await writeGauge(writer, 'dr_last_recovery_time_seconds', [{ labels: { service: 'shop' }, points: recent(1200) }]);
  await writeGauge(writer, 'dr_last_data_loss_seconds', [{ labels: { service: 'shop' }, points: recent(30) }]);
  await writeDecisions(writer, end);
  await writer.close();
  prometheus = await startWithRuleHistory(file, generateRules({ slos: policy.slos, dr: policy.dr, source: 'test' }), end, 8 * DAY);
  console.log(`[generate-dashboard] 8 days generated, backfilled and the rules' history recorded in ${Date.now() - started} ms`);
}, 240_000);

afterAll(async () => {
  await prometheus?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function query(
  expr: string,
  time = at,
): Promise<{ status: string; error?: string; data?: { result: { metric: Record<string, string>; value: [number, string] }[] } }> {
  const response = await fetch(`${prometheus.url}/api/v1/query`, {
    method: 'POST',
    body: new URLSearchParams({ query: expr, time: String(time) }),
  });
  return (await response.json()) as Awaited<ReturnType<typeof query>>;
}

async function value(expr: string): Promise<number> {
  const answer = await query(expr);
  expect(answer.status, `${expr}: ${answer.error ?? ''}`).toBe('success');
  expect(answer.data!.result, expr).toHaveLength(1);
  return Number(answer.data!.result[0]!.value[1]);
}

describe('recorded budget remaining against the raw query', () => {
  it('agrees within 0.1 percentage points for an events SLO, where an average of ratios is far off', async () => {
    const raw = await value(
      '1 - (sum(increase(http_requests_total{job="shop",status=~"5.."}[7d])) / sum(increase(http_requests_total{job="shop"}[7d]))) / 0.001',
    );
    const recorded = await value('deploy_governor:error_budget_remaining:ratio{slo="shop-availability"}');
    expect(Math.abs(recorded - raw) * 100).toBeLessThan(0.1);
    // And both are the model's exact answer, to well under a percentage point.
    const exact = 1 - modelErrorRatio(traffic, steps, at, 7 * DAY)! / 0.001;
    expect(Math.abs(recorded - exact) * 100).toBeLessThan(0.5);
    // Averaging the 5m ratios over the window (Sloth's way) would misstate the budget by many points.
    const averaged = await value(
      '1 - avg_over_time((deploy_governor:sli_error:rate5m{slo="shop-availability"} / deploy_governor:sli_total:rate5m{slo="shop-availability"})[7d:1m]) / 0.001',
    );
    expect(Math.abs(averaged - raw) * 100).toBeGreaterThan(20);
  });

  it('agrees within 0.1 percentage points for a latency SLO', async () => {
    const count = 'sum(increase(http_request_duration_seconds_count{job="shop"}[7d]))';
    const raw = await value(
      `1 - ((${count} - sum(increase(http_request_duration_seconds_bucket{job="shop",le="0.5"}[7d]))) / ${count}) / 0.01`,
    );
    const recorded = await value('deploy_governor:error_budget_remaining:ratio{slo="shop-latency"}');
    expect(Math.abs(recorded - raw) * 100).toBeLessThan(0.1);
  });
});

describe('dashboard queries', () => {
  const dashboard = generateDashboard({
    slos: policy.slos,
    dr: policy.dr,
    source: 'test',
    environment: 'production',
    thresholds: policy.thresholds,
  });
  const concrete = (expr: string) =>
    expr.replaceAll('$environment', 'production').replaceAll('$__rate_interval', '5m').replaceAll('$__range', '1d');

  it('every panel query runs and returns data at the evaluation time', async () => {
    const queries = dashboardQueries(dashboard);
    expect(queries.length).toBeGreaterThan(25);
    for (const expr of queries) {
      const answer = await query(concrete(expr));
      expect(answer.status, `${expr}: ${answer.error ?? ''}`).toBe('success');
      expect(answer.data!.result.length, `no data for ${expr}`).toBeGreaterThan(0);
    }
  });

  it('every panel query runs as a range query over the recorded minutes', async () => {
    for (const expr of dashboardQueries(dashboard)) {
      const response = await fetch(`${prometheus.url}/api/v1/query_range`, {
        method: 'POST',
        body: new URLSearchParams({ query: concrete(expr), start: String(at - 300), end: String(at), step: '60' }),
      });
      const answer = (await response.json()) as { status: string; error?: string; data?: { result: unknown[] } };
      expect(answer.status, `${expr}: ${answer.error ?? ''}`).toBe('success');
      expect(answer.data!.result.length, `no data for ${expr}`).toBeGreaterThan(0);
    }
  });

  it('counts the decisions, blocks and overrides pushed in the range, and shows the latest', async () => {
    const inRange = pushes.filter((p) => p.t > at - DAY && p.t <= at);
    const queries = dashboardQueries(dashboard).map(concrete);
    const stat = async (title: string) => value(queries[dashboardQueries(dashboard).indexOf(panelExpr(title))]!);
    const panelExpr = (title: string) => {
      const panel = (dashboard.panels ?? []).find((p) => p.title === title) as { targets?: { expr?: string }[] };
      return panel.targets![0]!.expr!;
    };
    expect(inRange.length).toBe(12);
    expect(await stat('Decisions')).toBe(inRange.length);
    expect(await stat('Blocked deploys')).toBe(inRange.filter((p) => !p.allowed).length);
    expect(await stat('Overridden deploys')).toBe(inRange.filter((p) => p.overridden).length);
    const latest = await query(concrete(panelExpr('Latest decision')));
    const last = pushes.at(-1)!;
    expect(latest.data!.result.map((r) => r.metric.status)).toEqual([last.status]);
  });
});

/**
 * The gate reading Sloth's own recordings for SLOs from a Sloth spec, in a real
 * Prometheus: 31 days of raw counters, Sloth's SLI recordings as Sloth generates
 * them (test/fixtures/sloth/getting-started.rules.yml, its getting-started
 * spec's output) and the rules of `generate rules` for the same SLOs, both
 * backfilled with promtool.
 *
 * Sloth's spec and rules are used as vendored, with one textual change made to
 * both alike: the SLI queries name this data's counter (`http_requests_total`,
 * label `status`) instead of the example's `http_request_duration_seconds_count`
 * (label `code`). Sloth copies the spec's queries into its rules verbatim
 * (`eventsSLIRecordGenerator` in slok/sloth
 * `internal/plugin/slo/core/sli_rules_v1/plugin.go`), so this is what Sloth
 * writes for the changed spec. A second service, `quietservice`, is the same
 * spec and rules under another service name, with ten quiet minutes.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenMetricsWriter } from '../../scripts/lib/openmetrics.js';
import type { PrometheusServer } from '../../scripts/lib/prometheus-server.js';
import { groupsEndingWith, startPrometheusWithRuleLayers, type RuleFile } from '../../scripts/lib/rules-backfill.js';
import { writeRequestCounters, type Steps, type TrafficModel } from '../../scripts/lib/traffic.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { generateRules } from '../../src/core/generate/rules.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import type { InstantResult, PrometheusQuerier } from '../../src/core/prometheus/querier.js';
import { applySlothSource } from '../../src/core/sloth/apply-sloth-source.js';
import { PrometheusClient } from '../../src/prometheus/client.js';

const DAY = 86_400;
const ID = 'myservice-requests-availability';
const QUIET_ID = 'quietservice-requests-availability';
const POLICY = `sloth: sloth.yml
dr: { enabled: false }
burn-rate-guards:
  - { name: page, long: 1h, short: 5m, factor: 14.4, status: FREEZE }
  - { name: slow, long: 6h, short: 30m, factor: 6, status: WARNING }
  - { name: unrecorded, long: 4h, short: 2h, factor: 3, status: CAUTION }
`;

/** Sloth's example, on this data's counter. */
const onOurCounter = (text: string) =>
  text.replaceAll('http_request_duration_seconds_count', 'http_requests_total').replaceAll('code=~', 'status=~');
/** The same spec (or Sloth's rules for it) for another service. */
const quiet = (text: string) => text.replaceAll('myservice', 'quietservice');

let prometheus: PrometheusServer;
let work: string;
let evaluationTime: Date;
let spec: string;
let quietFrom: number;

beforeAll(async () => {
  const end = Math.floor(Date.now() / 60_000) * 60 - 120;
  evaluationTime = new Date((end - 60) * 1000);
  work = await mkdtemp(path.join(tmpdir(), 'dg-sloth-series-'));
  quietFrom = end - 12 * DAY;
  const steps: Steps = { from: end - 31 * DAY, to: end, step: 60 };
  // An incident at the quietest hour: the average of 5-minute ratios (Sloth's) weighs it more than the traffic does.
  const incident = end - 10 * DAY - DAY / 2;
  const requests = (t: number) => 300 - 280 * Math.cos((2 * Math.PI * (t - incident)) / DAY);
  const models: TrafficModel[] = [
    {
      labels: { job: 'myservice' },
      requests,
      errorShare: (t) => (t >= incident - 3600 && t < incident + 3600 ? 0.05 : 0.0003),
    },
    {
      labels: { job: 'quietservice' },
      // Ten minutes without a request, twelve days ago: Sloth's 5-minute ratios there are 0/0.
      requests: (t) => (t >= quietFrom && t < quietFrom + 600 ? 0 : 200),
      errorShare: () => 0.0001,
    },
  ];
  const writer = new OpenMetricsWriter(path.join(work, 'data.om'));
  await writeRequestCounters(writer, 'http_requests', models, steps);
  await writer.close();

  const slothSpec = onOurCounter(await readFile('test/fixtures/sloth/getting-started.yml', 'utf8'));
  spec = `${slothSpec}\n---\n${quiet(slothSpec)}`;
  const slothRulesText = onOurCounter(await readFile('test/fixtures/sloth/getting-started.rules.yml', 'utf8'));
  const slothSli = [slothRulesText, quiet(slothRulesText)].flatMap(
    (text) => (parse(text) as RuleFile).groups.filter((g) => g.name.startsWith('sloth-slo-sli-recordings-')) as SlothGroup[],
  );
  const slothRules = (keep: (record: string) => boolean): RuleFile => ({
    groups: slothSli.map((g) => ({ name: g.name, rules: g.rules.filter((r) => keep(r.record)) })),
  });
  const ours = generateRules({ slos: policyOf('auto').slos, dr: null, source: 'test' });
  const merged = (a: RuleFile, b: RuleFile): RuleFile => ({ groups: [...a.groups, ...b.groups] });
  prometheus = await startPrometheusWithRuleLayers(path.join(work, 'data.om'), [
    // Sloth's 5-minute ratios and our base rates over all the data (the 30-day figures average or sum them) …
    {
      rules: merged(
        slothRules((r) => r === 'slo:sli_error:ratio_rate5m'),
        groupsEndingWith(ours, ':base'),
      ),
      from: steps.from,
      to: end,
    },
    // … then what reads them (Sloth's 30d ratio, our windows), and the other windows, for the last minutes the gate reads.
    {
      rules: merged(
        slothRules((r) => r !== 'slo:sli_error:ratio_rate5m'),
        groupsEndingWith(ours, ':windows'),
      ),
      from: end - 600,
      to: end,
    },
  ]);
}, 400_000);

afterAll(async () => {
  await prometheus?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

interface SlothGroup {
  name: string;
  rules: { record: string }[];
}

function policyOf(mode: 'true' | 'false' | 'auto') {
  const file = applySlothSource(parsePolicy(POLICY, 'policy.yml'), spec);
  return resolvePolicy(
    file,
    gateInputsSchema.parse({ 'prometheus-url': prometheus?.url ?? 'http://127.0.0.1:1', 'use-recording-rules': mode }),
  );
}

/** The client, remembering every instant query (the charts' range query reads raw counters whatever the source). */
function client(): PrometheusQuerier & { asked: string[] } {
  const inner = new PrometheusClient({ url: prometheus.url, timeoutMs: 20_000 });
  const asked: string[] = [];
  return {
    displayUrl: inner.displayUrl,
    asked,
    query: (q: string, time: Date): Promise<InstantResult> => {
      asked.push(q);
      return inner.query(q, time);
    },
  };
}

async function instant(query: string): Promise<number> {
  const result = await new PrometheusClient({ url: prometheus.url, timeoutMs: 60_000 }).query(query, evaluationTime);
  expect(result.samples, query).toHaveLength(1);
  return result.samples[0]!.value;
}

async function evaluate(mode: 'true' | 'false' | 'auto') {
  const prom = client();
  const report = await evaluatePolicy({ policy: policyOf(mode), prometheus: prom, now: evaluationTime });
  return { report, asked: prom.asked, slo: (name: string) => report.slos.find((s) => s.name === name)! };
}

describe("Sloth's recorded series for Sloth-sourced SLOs (real Prometheus)", () => {
  it('prefer the generated rules, traffic-weighted, when both are loaded', async () => {
    const { slo, asked } = await evaluate('auto');
    expect(slo(ID).source).toBe('recorded');
    expect(asked.some((q) => q.includes('sloth_id'))).toBe(false);
  });

  describe('without the generated rules', () => {
    beforeAll(async () => {
      // Our recordings deleted: only Sloth's are left (the admin API's tombstones hide them from queries at once).
      const url = new URL('/api/v1/admin/tsdb/delete_series', prometheus.url);
      url.searchParams.set('match[]', '{__name__=~"deploy_governor:.+"}');
      const response = await fetch(url, { method: 'POST' });
      expect(response.status).toBe(204);
      const left = await new PrometheusClient({ url: prometheus.url, timeoutMs: 10_000 }).query(
        'count({__name__=~"deploy_governor:.+"})',
        evaluationTime,
      );
      expect(left.samples).toHaveLength(0);
    });

    it('read the budget as Sloth defines it: the average of its 5-minute ratios over the period', async () => {
      const { slo, report, asked } = await evaluate('auto');
      const s = slo(ID);
      expect(s.source).toBe('sloth');
      // Sloth's definition computed here from the raw counters, independently of its recordings.
      const average = await instant(
        'avg_over_time((sum(rate(http_requests_total{job="myservice",status=~"(5..|429)"}[5m])) / sum(rate(http_requests_total{job="myservice"}[5m])))[30d:1m])',
      );
      // The subquery's grid and the backfilled recording's may differ by one 5-minute ratio at the window's edge (1 in 43,200).
      expect(Math.abs(s.errorRatio! - average) / average).toBeLessThan(1e-4);
      expect(Math.abs(s.budgetRemaining! - 100 * (1 - average / 0.001))).toBeLessThan(0.01);
      // Exactly the average of Sloth's own 5-minute recording over the window.
      expect(s.errorRatio!).toBeCloseTo(await instant(`avg_over_time(slo:sli_error:ratio_rate5m{sloth_id="${ID}"}[30d])`), 15);
      // Not the traffic-weighted figure, which the raw counters give, and the note says so.
      const raw = (await evaluate('false')).slo(ID);
      expect(raw.source).toBe('raw');
      expect(Math.abs(raw.errorRatio! - s.errorRatio!)).toBeGreaterThan(0.05 * raw.errorRatio!);
      expect(report.findings.map((f) => f.message)).toContainEqual(
        expect.stringMatching(/Sloth's own recording, by default the average of its 5-minute ratios/),
      );
      // Sloth's windows from Sloth's series: no raw window query but the one Sloth does not record.
      const rawQueries = asked.filter((q) => q.includes('http_requests_total{job="myservice"'));
      expect(rawQueries.length).toBeGreaterThan(0);
      expect(rawQueries.every((q) => q.includes('[4h]'))).toBe(true);
    });

    it("give burn rates equal to Sloth's recorded ratios over the budget, and read the window Sloth does not record raw", async () => {
      const { slo, report } = await evaluate('auto');
      const s = slo(ID);
      const ratio = (w: string) => instant(`slo:sli_error:ratio_rate${w}{sloth_id="${ID}"}`);
      expect(s.burnRate!).toBeCloseTo((await ratio('1h')) / 0.001, 6);
      const guard = (name: string) => s.guards.find((g) => g.name === name)!;
      expect(guard('page').shortBurnRate!).toBeCloseTo((await ratio('5m')) / 0.001, 6);
      expect(guard('slow').longBurnRate!).toBeCloseTo((await ratio('6h')) / 0.001, 6);
      expect(guard('slow').shortBurnRate!).toBeCloseTo((await ratio('30m')) / 0.001, 6);
      // 4h is no window of Sloth's: raw counters (traffic-weighted), said in a note; 2h is Sloth's.
      const raw4h = await instant(
        'sum(increase(http_requests_total{job="myservice",status=~"(5..|429)"}[4h])) / sum(increase(http_requests_total{job="myservice"}[4h]))',
      );
      expect(guard('unrecorded').longBurnRate!).toBeCloseTo(raw4h / 0.001, 6);
      expect(guard('unrecorded').shortBurnRate!).toBeCloseTo((await ratio('2h')) / 0.001, 6);
      expect(report.findings.map((f) => f.message)).toContain(
        `SLO ${ID}: Sloth records no 4h window for this SLO, so it was read from raw counters`,
      );
    });

    it('never read five quiet minutes as healthy: Sloth’s period ratio is NaN, so the SLO is UNKNOWN', async () => {
      expect(Number.isNaN(await instant(`slo:sli_error:ratio_rate30d{sloth_id="${QUIET_ID}"}`))).toBe(true);
      const { slo, report } = await evaluate('auto');
      const s = slo(QUIET_ID);
      expect(s).toMatchObject({ source: 'sloth', status: 'UNKNOWN', budgetRemaining: null });
      expect(s.error).toMatch(
        /no data for the 30d window: Sloth's 30d ratio slo:sli_error:ratio_rate30d\{sloth_id="quietservice-requests-availability"\} is NaN/,
      );
      expect(report.decision.status).toBe('UNKNOWN');
      // The raw counters, traffic-weighted, do have a budget for it.
      expect((await evaluate('false')).slo(QUIET_ID).status).toBe('NORMAL');
    });

    it('satisfy use-recording-rules: true on their own', async () => {
      const { slo } = await evaluate('true');
      expect(slo(ID)).toMatchObject({ source: 'sloth', error: null });
    });
  });
});

/**
 * The gate reading Sloth's own recordings for an SLO from a Sloth spec
 * (src/core/evaluate/sloth-ratios.ts): the queries, the order of preference
 * (ours, Sloth's, raw), NaN as no data, and `use-recording-rules: true`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { slothCoverageQuery, slothRatioQuery, slothWindowsQuery } from '../../src/core/evaluate/sloth-ratios.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { applySlothSource } from '../../src/core/sloth/apply-sloth-source.js';
import { MemoryQuerier, type Answer } from '../support/memory-querier.js';

const now = new Date('2026-11-23T12:00:00Z');
const SPEC = readFileSync('test/fixtures/sloth/getting-started.yml', 'utf8');
const ID = 'myservice-requests-availability';

function policy(mode: string, extra = '', inputs: Record<string, string> = {}) {
  const file = applySlothSource(parsePolicy(`sloth: getting-started.yml\n${extra}`, 'policy.yml'), SPEC);
  return resolvePolicy(file, gateInputsSchema.parse({ 'dr-check': 'false', 'use-recording-rules': mode, ...inputs }));
}

/** Sloth's default windows for a 30-day period, as its `sloth_window` label writes them. */
const SLOTH_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'];

interface World {
  /** Our recordings' coverage (null: absent). */
  ours?: number | null;
  /** Sloth's 5-minute ratio's coverage (null: absent). */
  slothCoverage?: number | null;
  slothWindows?: string[];
  /** Sloth's ratio by its window (absent: no sample). */
  sloth?: Record<string, number>;
}

/** Raw counters: 0.06% errors everywhere; ours: 0.02%; Sloth's: per window. */
function querier(world: World) {
  const { ours = null, slothCoverage = 120, slothWindows = SLOTH_WINDOWS, sloth = {} } = world;
  return new MemoryQuerier((q): Answer => {
    if (q.startsWith('count_over_time(deploy_governor:')) return ours;
    if (q.startsWith('deploy_governor:sli_error:ratio_rate')) return 0.0002;
    if (q.startsWith('count_over_time(slo:sli_error:ratio_rate5m')) return slothCoverage;
    if (q.startsWith('group by (sloth_window)')) return slothWindows.map((w) => ({ labels: { sloth_window: w }, value: 1 }));
    const slothWindow = /^slo:sli_error:ratio_rate(\w+)\{/.exec(q)?.[1];
    if (slothWindow !== undefined) return sloth[slothWindow] ?? null;
    if (q.includes('5..|429')) return 600;
    return 1_000_000;
  }, true);
}

const asked = (q: MemoryQuerier) => q.asked.map((a) => a.query);

describe("Sloth's series: the queries", () => {
  const slo = { name: ID, window: '30d', slothId: ID };

  it("probes Sloth's 5-minute ratio at the start of the SLO window, by sloth_id", () => {
    expect(slothCoverageQuery(slo)).toBe(`count_over_time(slo:sli_error:ratio_rate5m{sloth_id="${ID}"}[1h] offset 4w1d23h)`);
    expect(slothCoverageQuery({ ...slo, window: '1h' })).toBe(`count_over_time(slo:sli_error:ratio_rate5m{sloth_id="${ID}"}[1h])`);
  });

  it('lists the windows Sloth records by its sloth_window label', () => {
    expect(slothWindowsQuery(slo)).toBe(`group by (sloth_window) ({__name__=~"slo:sli_error:ratio_rate.+", sloth_id="${ID}"})`);
  });

  it('names the ratio after the window as Sloth writes it', () => {
    expect(slothRatioQuery(slo, '30d')).toBe(`slo:sli_error:ratio_rate30d{sloth_id="${ID}"}`);
    expect(slothRatioQuery(slo, '4w')).toBe(`slo:sli_error:ratio_rate4w{sloth_id="${ID}"}`);
  });

  it("quotes the id as a PromQL string (a label value cannot break out of Sloth's matcher)", () => {
    expect(slothRatioQuery({ ...slo, slothId: 'a"} or vector(0) #' }, '1h')).toBe(
      'slo:sli_error:ratio_rate1h{sloth_id="a\\"} or vector(0) #"}',
    );
  });
});

describe("Sloth's series: what the gate reads", () => {
  it("reads Sloth's ratios when the generated rules are absent: source sloth, with a note on the budget's definition", async () => {
    const q = querier({ sloth: { '30d': 0.0004, '1h': 0.0005, '5m': 0.0001, '30m': 0.0001, '6h': 0.0001, '2h': 0, '1d': 0, '3d': 0 } });
    const report = await evaluatePolicy({ policy: policy('auto'), prometheus: q, now });
    const slo = report.slos[0]!;
    expect(slo).toMatchObject({ name: ID, source: 'sloth', errorRatio: 0.0004 });
    expect(slo.budgetRemaining).toBeCloseTo(60, 9);
    expect(slo.burnRate).toBeCloseTo(0.5, 9);
    expect(asked(q)).toContain(`slo:sli_error:ratio_rate30d{sloth_id="${ID}"}`);
    // Every window the default guards need is one Sloth records: nothing raw.
    expect(asked(q).some((x) => x.includes('http_request_duration_seconds_count'))).toBe(false);
    expect(report.findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/Sloth's own recording, by default the average of its 5-minute ratios/),
    );
  });

  it('prefers the generated rules (traffic-weighted) when both are there, and never asks for Sloth’s', async () => {
    const q = querier({ ours: 60, sloth: { '30d': 0.0004, '1h': 0.0005 } });
    const report = await evaluatePolicy({ policy: policy('auto'), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ source: 'recorded', errorRatio: 0.0002 });
    expect(asked(q).some((x) => x.includes('sloth_id'))).toBe(false);
  });

  it('reads a window Sloth does not record from raw counters, and says so', async () => {
    const q = querier({ sloth: { '30d': 0.0004, '1h': 0.0005, '5m': 0, '30m': 0, '6h': 0, '2h': 0, '1d': 0, '3d': 0 } });
    const extra = 'burn-rate-guards:\n  - { name: four-hours, long: 4h, short: 5m, factor: 2, status: WARNING }\n';
    const report = await evaluatePolicy({ policy: policy('auto', extra), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ source: 'sloth' });
    expect(asked(q).some((x) => x.includes('[4h]'))).toBe(true);
    expect(report.findings.map((f) => f.message)).toContainEqual(
      `SLO ${ID}: Sloth records no 4h window for this SLO, so it was read from raw counters`,
    );
    // Raw counters say 0.06% over 4h: 0.6x.
    expect(report.slos[0]!.guards[0]!.longBurnRate).toBeCloseTo(0.6, 9);
  });

  it("finds Sloth's period under its own spelling (28 days are `4w`)", async () => {
    const q = querier({ slothWindows: ['5m', '1h', '4w'], sloth: { '4w': 0.0003, '1h': 0, '5m': 0 } });
    const report = await evaluatePolicy({ policy: policy('auto', '', { window: '28d' }), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ source: 'sloth', window: '28d', errorRatio: 0.0003 });
  });

  it("reads the budget raw when Sloth's period is another window than the SLO's", async () => {
    const q = querier({ sloth: { '30d': 0.0004, '1h': 0.0005 } });
    const report = await evaluatePolicy({ policy: policy('auto', '', { window: '7d' }), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ source: 'raw' });
    expect(report.slos[0]!.errorRatio).toBeCloseTo(0.0006, 12);
    expect(report.findings.map((f) => f.message)).toContainEqual(expect.stringMatching(/Sloth records no 7d ratio for this SLO/));
  });

  it('never reads as healthy a NaN period (a quiet 5 minutes inside it): the SLO is UNKNOWN, the query named', async () => {
    const q = querier({ sloth: { '30d': NaN, '1h': 0, '5m': 0, '30m': 0, '6h': 0, '2h': 0, '1d': 0, '3d': 0 } });
    const report = await evaluatePolicy({ policy: policy('auto'), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ status: 'UNKNOWN', budgetRemaining: null, source: 'sloth' });
    expect(report.slos[0]!.error).toMatch(/no data for the 30d window: Sloth's 30d ratio .* is NaN: it averages Sloth's 5m ratios/);
    expect(report.decision.status).toBe('UNKNOWN');
  });

  it('a NaN burn window is no data (n/a, guard unknown), not a burn of zero', async () => {
    const q = querier({ sloth: { '30d': 0.0004, '1h': NaN, '5m': 0, '30m': 0, '6h': 0, '2h': 0, '1d': 0, '3d': 0 } });
    const report = await evaluatePolicy({ policy: policy('auto'), prometheus: q, now });
    expect(report.slos[0]!.burnRate).toBeNull();
    expect(report.slos[0]!.guards.find((g) => g.long === '1h')!.state).toBe('unknown');
  });

  it('is an error naming both rule sets when use-recording-rules is true and neither is there', async () => {
    const report = await evaluatePolicy({ policy: policy('true'), prometheus: querier({ slothCoverage: null }), now });
    expect(report.slos[0]!.status).toBe('UNKNOWN');
    expect(report.slos[0]!.error).toMatch(/neither the series of `deploy-governor generate rules` \(count_over_time\(deploy_governor:/);
    expect(report.slos[0]!.error).toMatch(
      /nor Sloth's own recordings of SLO myservice-requests-availability \(count_over_time\(slo:sli_error:ratio_rate5m/,
    );
  });

  it("is satisfied by Sloth's recordings alone when use-recording-rules is true", async () => {
    const q = querier({ sloth: { '30d': 0.0001, '1h': 0, '5m': 0, '30m': 0, '6h': 0, '2h': 0, '1d': 0, '3d': 0 } });
    const report = await evaluatePolicy({ policy: policy('true'), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ source: 'sloth', status: 'NORMAL' });
  });

  it("does not read Sloth's series for an SLO of the policy file, even one named like a Sloth id", async () => {
    const file = parsePolicy(
      `slos:\n  - name: ${ID}\n    sli: { events: { error: 'sum(increase(x{code=~"5.."}[{{.window}}]))', total: 'sum(increase(x[{{.window}}]))' } }\n`,
      'policy.yml',
    );
    const q = querier({ sloth: { '30d': 0.0004 } });
    const report = await evaluatePolicy({
      policy: resolvePolicy(file, gateInputsSchema.parse({ 'dr-check': 'false', 'use-recording-rules': 'auto' })),
      prometheus: q,
      now,
    });
    expect(report.slos[0]).toMatchObject({ source: 'raw' });
    expect(asked(q).some((x) => x.includes('sloth_id'))).toBe(false);
  });

  it('does not read them when the inputs replace the spec’s queries (they are no longer what Sloth records)', async () => {
    const q = querier({ sloth: { '30d': 0.0004 } });
    const inputs = { 'error-query': 'sum(increase(y{code=~"5.."}[{{.window}}]))', 'total-query': 'sum(increase(y[{{.window}}]))' };
    const report = await evaluatePolicy({ policy: policy('auto', '', inputs), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ source: 'raw' });
    expect(asked(q).some((x) => x.includes('sloth_id'))).toBe(false);
  });

  it('never asks for Sloth’s series when switched off (false)', async () => {
    const q = querier({ sloth: { '30d': 0.0004 } });
    await evaluatePolicy({ policy: policy('false'), prometheus: q, now });
    expect(asked(q).some((x) => x.includes('slo:'))).toBe(false);
  });
});

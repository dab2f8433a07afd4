/**
 * Issue 13, item 2 (no data is not zero) and the core half of item 4 (every
 * Prometheus error names the user's query; raw evaluations too expensive for
 * their window say how to make them constant-cost).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { RECORDED_PATH_ADVICE } from '../../src/core/evaluate/evaluate-slo.js';
import { historyQuery } from '../../src/core/evaluate/history.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { PrometheusQueryError } from '../../src/core/prometheus/query-error.js';
import { renderSummary, tableCell } from '../../src/core/render/render-summary.js';
import { reportSchema } from '../../src/core/report/report-schema.js';
import { eventsAnswer, MemoryQuerier, type Answer } from '../support/memory-querier.js';

const now = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400;
const TOTAL = (w: string) => `sum(increase(http_requests_total[${w}]))`;

function policy(yaml = 'burn-rate-guards: [{ long: 1h, short: 5m, factor: 14.4 }]', raw: Record<string, string> = {}) {
  return resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({ 'dr-check': 'false', 'prometheus-url': 'http://prom:9090', ...raw }));
}

const healthy = { '30d': { errors: 100, total: 1_000_000 }, '1h': { errors: 0, total: 1000 }, '5m': { errors: 0, total: 100 } };

describe('a window without samples is unknown, never zero', () => {
  it('gives a guard with a window without data "unknown" (never "not triggered"), whatever the other windows say (property)', async () => {
    const windows = ['5m', '30m', '1h', '6h'];
    const window = fc.constantFrom(...windows);
    const counts = fc
      .integer({ min: 0, max: 100_000 })
      .chain((total) => fc.record({ errors: fc.option(fc.integer({ min: 0, max: total }), { nil: null }), total: fc.constant(total) }));
    const answer = fc.option(counts, { nil: null, freq: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ long: window, short: window, factor: fc.constantFrom(1, 6, 14.4) }), { minLength: 1, maxLength: 4 }),
        fc.record(Object.fromEntries(windows.map((w) => [w, answer]))),
        fc.constantFrom('allow', 'block'),
        async (guards, byWindow, unknownGuards) => {
          const yaml = `unknown-guards: ${unknownGuards}\nburn-rate-guards:\n${guards.map((g) => `  - { long: ${g.long}, short: ${g.short}, factor: ${g.factor} }`).join('\n')}`;
          const data = {
            '30d': { errors: 100, total: 1_000_000 },
            ...Object.fromEntries(Object.entries(byWindow).filter(([, a]) => a !== null)),
          } as Parameters<typeof eventsAnswer>[0];
          const report = await evaluatePolicy({ policy: policy(yaml), prometheus: new MemoryQuerier(eventsAnswer(data)), now });
          expect(reportSchema.parse(report)).toEqual(report);
          const summary = renderSummary(report);
          for (const g of report.slos[0]!.guards) {
            const noData = [g.long, g.short].some((w) => byWindow[w] === null);
            expect(g.state === 'unknown').toBe(noData);
            if (noData) {
              expect(g.triggered).toBe(false);
              expect([g.longBurnRate, g.shortBurnRate]).toContain(null);
              const rows = summary.split('\n').filter((l) => l.startsWith(`| availability | ${tableCell(g.name)} |`));
              expect(rows.length).toBeGreaterThan(0);
              for (const line of rows) expect(line).not.toMatch(/\| no \|$/);
              expect(rows.some((line) => line.endsWith('| ❔ unknown (no data) |'))).toBe(true);
              if (unknownGuards === 'block') expect(report.decision.canDeploy).toBe(false);
            }
          }
          // Every window without data is named with its query.
          for (const w of windows.filter(
            (w) => byWindow[w] === null && report.slos[0]!.guards.some((g) => g.long === w || g.short === w),
          )) {
            expect(report.findings.some((f) => f.code === 'no-data' && f.message.includes(`(query: ${TOTAL(w)})`))).toBe(true);
          }
          const allKnown = report.slos[0]!.guards.every((g) => g.state !== 'unknown');
          if (allKnown && report.slos[0]!.guards.every((g) => !g.triggered)) expect(report.decision.canDeploy).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('shows an unknown guard without blocking by default, naming the query that returned nothing', async () => {
    const q = new MemoryQuerier(eventsAnswer({ '30d': healthy['30d'], '1h': healthy['1h'] }));
    const report = await evaluatePolicy({ policy: policy(), prometheus: q, now });
    expect(report.decision).toMatchObject({ status: 'NORMAL', canDeploy: true });
    expect(report.slos[0]!.guards[0]).toMatchObject({ state: 'unknown', triggered: false, longBurnRate: 0, shortBurnRate: null });
    expect(report.findings).toEqual([
      {
        source: 'burn-rate',
        status: 'NORMAL',
        slo: 'availability',
        code: 'no-data',
        rule: 'burn-rate-guard:1h/5m > 14.4x',
        message:
          'SLO availability: no data for the 5m window: the total query returned no samples (query: sum(increase(http_requests_total[5m]))); guard "1h/5m > 14.4x" is unknown and does not block (unknown-guards: allow): check the total query and that the service is scraped',
      },
    ]);
    const summary = renderSummary(report);
    expect(summary).toContain('| availability | 1h/5m &gt; 14.4x | 0.00x over 1h | n/a over 5m | 14.4x | ❔ unknown (no data) |');
    expect(summary).toMatch(/\*\*Notes\*\*\n\n- SLO availability: no data for the 5m window/);
    expect(summary).not.toContain('**Reasons**');
  });

  it("blocks at the guard's status with unknown-guards: block, and says how to unblock", async () => {
    const q = new MemoryQuerier(eventsAnswer({ '30d': healthy['30d'], '1h': healthy['1h'] }));
    const report = await evaluatePolicy({
      policy: policy('unknown-guards: block\nburn-rate-guards: [{ long: 1h, short: 5m, factor: 14.4, status: WARNING }]'),
      prometheus: q,
      now,
    });
    expect(report.decision).toMatchObject({ status: 'WARNING', canDeploy: false });
    expect(report.decision.reasons[0]).toMatch(/guard "1h\/5m > 14.4x" is unknown and blocks at WARNING \(unknown-guards: block\)/);
    expect(report.decision.nextSteps.join('\n')).toMatch(/set unknown-guards: allow/);
    expect(report.decision.nextSteps.join('\n')).not.toMatch(/wait for the error budget to recover/);
  });

  it('has no burn rate (n/a, not 0.00x) and no days to exhaustion when the last hour has no samples', async () => {
    const q = new MemoryQuerier(eventsAnswer({ '30d': healthy['30d'], '5m': healthy['5m'] }));
    const report = await evaluatePolicy({ policy: policy(), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ burnRate: null, daysToExhaustion: null, status: 'NORMAL' });
    expect(report.budget).toMatchObject({ burnRate: null, daysToExhaustion: null });
    expect(report.findings[0]!.message).toMatch(/no data for the 1h window: .*; the burn rate is n\/a; guard "1h\/5m > 14.4x" is unknown/);
    expect(renderSummary(report)).toMatch(/\| availability \| 99.9% \| 30d \| 0.010% \| 90.0% \| n\/a \| n\/a \| 🟢 NORMAL \|/);
  });

  it('tells no traffic (samples, zero events: nothing burned) from no data', async () => {
    const q = new MemoryQuerier(eventsAnswer({ ...healthy, '5m': { errors: 0, total: 0 } }));
    const report = await evaluatePolicy({ policy: policy(), prometheus: q, now });
    expect(report.slos[0]!.guards[0]).toMatchObject({ state: 'not-triggered', shortBurnRate: 0 });
    expect(report.findings).toEqual([]);
  });

  it('names the query for an SLO window without samples, and keeps "no traffic" for one that counted zero', async () => {
    const none = await evaluatePolicy({
      policy: policy(),
      prometheus: new MemoryQuerier(eventsAnswer({ '1h': healthy['1h'], '5m': healthy['5m'] })),
      now,
    });
    expect(none.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false });
    expect(none.decision.reasons[0]).toBe(
      'SLO availability: no data for the 30d window: the total query returned no samples (query: sum(increase(http_requests_total[30d]))), so the budget cannot be computed: check the total query and that the service is scraped',
    );
    const zero = await evaluatePolicy({
      policy: policy(),
      prometheus: new MemoryQuerier(eventsAnswer({ ...healthy, '30d': { errors: 0, total: 0 } })),
      now,
    });
    expect(zero.decision.reasons[0]).toMatch(/^SLO availability: no traffic in the 30d window \(the total query returned 0\)/);
  });

  it("words a ratio SLI's windows as the ratio query, not an events SLI's total query", async () => {
    const yaml = `slos: [{ name: r, objective: 99, sli: { ratio: { query: 'my_ratio[{{window}}]' } } }]`;
    const answers: Record<string, Answer> = { 'my_ratio[30d]': 0.001, 'my_ratio[1h]': Number.NaN };
    const report = await evaluatePolicy({ policy: policy(yaml), prometheus: new MemoryQuerier((q) => answers[q] ?? null), now });
    expect(report.slos[0]!.guards[0]).toMatchObject({ longBurnRate: 0, shortBurnRate: null, state: 'unknown' });
    expect(report.findings[0]!.message).toBe(
      'SLO r: no data for the 5m window: the ratio query returned no samples (query: my_ratio[5m]); guard "1h/5m > 14.4x" is unknown and does not block (unknown-guards: allow): check the ratio query and that the service is scraped',
    );
    const empty = await evaluatePolicy({
      policy: policy(yaml),
      prometheus: new MemoryQuerier((q) => (q === 'my_ratio[30d]' ? Number.NaN : 0)),
      now,
    });
    expect(empty.decision.reasons[0]).toMatch(
      /no traffic in the 30d window \(the ratio query returned NaN \(0\/0: no events in the window\)\), so the budget cannot be computed: check the ratio query/,
    );
  });

  it('shows a DR gauge without samples as n/a, naming the query, not as "missing ago"', async () => {
    const p = resolvePolicy(parsePolicy('dr: { rto: { max: 1h } }\nburn-rate-guards: []'), gateInputsSchema.parse({}));
    const report = await evaluatePolicy({ policy: p, prometheus: new MemoryQuerier(eventsAnswer(healthy)), now });
    expect(report.dr).toMatchObject({ ageSeconds: null, rto: { seconds: null } });
    expect(report.findings.filter((f) => f.source === 'dr').map((f) => [f.code, f.message])).toEqual([
      ['no-data', expect.stringContaining('(max(last_over_time(dr_last_test_timestamp[2w])) returned no samples)')],
      ['no-data', expect.stringContaining('(max(last_over_time(dr_last_recovery_time_seconds[2w])) returned no samples)')],
    ]);
    const summary = renderSummary(report);
    expect(summary).toContain('**DR:** 🔴 last drill n/a (no sample) (max 7d) · RTO n/a (no sample) (max 1h)');
    expect(summary).not.toMatch(/missing ago/);
  });
});

describe('a stored history shorter than the SLO window', () => {
  const young = (days: number) => (time: Date) => Math.ceil((time.getTime() / 1000 - days * DAY) / DAY) * DAY;

  it('reports how many days it covers, from one cheap query on the raw path', async () => {
    const q = new MemoryQuerier(eventsAnswer(healthy), false, young(5));
    const report = await evaluatePolicy({ policy: policy(), prometheus: q, now });
    const history = q.asked.filter((a) => a.query.startsWith('min_over_time(timestamp('));
    expect(history.map((a) => a.query)).toEqual(['min_over_time(timestamp(sum(increase(http_requests_total[1h])))[30d:1d])']);
    expect(historyQuery(p0())).toBe(history[0]!.query);
    const days = report.slos[0]!.historyDays!;
    expect(days).toBeGreaterThan(4);
    expect(days).toBeLessThanOrEqual(5);
    expect(report.findings).toEqual([
      expect.objectContaining({
        source: 'budget',
        status: 'NORMAL',
        code: 'short-history',
        message: expect.stringMatching(/the stored history covers only about 4\.\d days \(data since about 2026-11-19\) of the 30d window/),
      }),
    ]);
    expect(report.decision).toMatchObject({ status: 'NORMAL', canDeploy: true });
    expect(renderSummary(report)).toMatch(/\| availability \| 99.9% \| 30d \(about 4\.\d days of data\) \|/);
  });

  it('says nothing for a full window, and "less than a day" when no day boundary had data but the last hour did', async () => {
    const full = await evaluatePolicy({ policy: policy(), prometheus: new MemoryQuerier(eventsAnswer(healthy)), now });
    expect(full.slos[0]!.historyDays).toBeUndefined();
    expect(full.findings).toEqual([]);
    const hours = await evaluatePolicy({ policy: policy(), prometheus: new MemoryQuerier(eventsAnswer(healthy), false, () => null), now });
    expect(hours.findings[0]!.message).toMatch(/covers only less than a day of the 30d window/);
    expect(hours.slos[0]!.historyDays).toBeLessThan(1.1);
    // Without data in the last hour an empty answer proves nothing: no claim.
    const quiet = await evaluatePolicy({
      policy: policy(),
      prometheus: new MemoryQuerier(eventsAnswer({ '30d': healthy['30d'], '5m': healthy['5m'] }), false, () => null),
      now,
    });
    expect(quiet.slos[0]!.historyDays).toBeUndefined();
  });

  it('asks nothing more on the recorded path, whose coverage probe already answers it', async () => {
    const q = new MemoryQuerier(
      (query) => (query.startsWith('count_over_time(') ? 60 : query.startsWith('deploy_governor:sli_error:ratio_rate') ? 0.0001 : null),
      true,
      () => {
        throw new Error('not asked');
      },
    );
    const report = await evaluatePolicy({ policy: policy('', { 'use-recording-rules': 'auto' }), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ source: 'recorded' });
    expect(q.asked.some((a) => a.query.startsWith('min_over_time('))).toBe(false);
  });

  const p0 = () => policy().slos[0]!;
});

describe('Prometheus errors name the query the user wrote, and raw cost says how to make it constant-cost', () => {
  const unreachable = (query: string) =>
    new PrometheusQueryError('unreachable', `cannot reach Prometheus at http://prom:9090 (query: ${query})`, {
      url: 'http://prom:9090',
      query,
    });

  it("names the SLO's own query, not the recorded-series probe, when Prometheus fails (auto)", async () => {
    const q = new MemoryQuerier((query) => unreachable(query), true);
    const report = await evaluatePolicy({ policy: policy('', { 'use-recording-rules': 'auto' }), prometheus: q, now });
    expect(report.decision.status).toBe('UNKNOWN');
    expect(report.decision.reasons[0]).toMatch(/cannot reach Prometheus at http:\/\/prom:9090 \(query: sum\(increase\(http_requests_total/);
    expect(report.decision.reasons.join('\n')).not.toMatch(/count_over_time\(deploy_governor:sli_total/);
  });

  it('names the probe when it is what failed (use-recording-rules: true)', async () => {
    const report = await evaluatePolicy({
      policy: policy('', { 'use-recording-rules': 'true' }),
      prometheus: new MemoryQuerier((query) => unreachable(query), true),
      now,
    });
    expect(report.decision.reasons[0]).toMatch(/\(query: count_over_time\(deploy_governor:sli_total:rate5m/);
  });

  it('keeps a probe that alone fails as a note, and reads raw counters (auto)', async () => {
    const answer = eventsAnswer(healthy);
    const q = new MemoryQuerier(
      (query) =>
        query.startsWith('count_over_time(deploy_governor:')
          ? new PrometheusQueryError('bad-query', `forbidden metric (query: ${query})`, { url: 'u', query })
          : answer(query),
      true,
    );
    const report = await evaluatePolicy({ policy: policy('', { 'use-recording-rules': 'auto' }), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ source: 'raw', status: 'NORMAL' });
    expect(report.decision.canDeploy).toBe(true);
    expect(report.findings).toEqual([
      expect.objectContaining({
        status: 'NORMAL',
        code: 'recording-missing',
        message: expect.stringMatching(/the check for recorded series failed, so raw counters were read: forbidden metric/),
      }),
    ]);
  });

  it('reads a window whose recording is missing from raw counters, with a note', async () => {
    const answer = eventsAnswer(healthy);
    const q = new MemoryQuerier((query) => {
      if (query.startsWith('count_over_time(deploy_governor:')) return 60;
      if (query === 'deploy_governor:sli_error:ratio_rate5m{slo="availability"}') return null;
      if (query.startsWith('deploy_governor:sli_error:ratio_rate')) return 0.0001;
      return answer(query);
    }, true);
    const report = await evaluatePolicy({ policy: policy('', { 'use-recording-rules': 'auto' }), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ source: 'recorded', status: 'NORMAL' });
    expect(report.slos[0]!.guards[0]).toMatchObject({ state: 'not-triggered', shortBurnRate: 0 });
    expect(q.asked.map((a) => a.query)).toContain(TOTAL('5m'));
    expect(report.findings).toEqual([
      expect.objectContaining({
        status: 'NORMAL',
        code: 'recording-missing',
        message: expect.stringMatching(
          /deploy_governor:sli_error:ratio_rate5m\{slo="availability"\} is missing .* so the 5m window was read from raw counters/,
        ),
      }),
    ]);
  });

  it('adds the recorded-path advice to a 30-day raw query that timed out or was refused for its samples, and only to those', async () => {
    const failing = (kind: 'timeout' | 'bad-query', words: string, window: string) =>
      new MemoryQuerier((query) =>
        query === TOTAL(window)
          ? new PrometheusQueryError(kind, `${words} (query: ${query})`, { url: 'u', query })
          : eventsAnswer(healthy)(query),
      );
    const timeout = await evaluatePolicy({
      policy: policy(),
      prometheus: failing('timeout', 'Prometheus at u did not answer within 10000 ms', '30d'),
      now,
    });
    expect(timeout.decision.reasons[0]).toContain(
      `did not answer within 10000 ms (query: ${TOTAL('30d')}). Reading raw counters over 30d costs every sample of the window; ${RECORDED_PATH_ADVICE}`,
    );
    const samples = await evaluatePolicy({
      policy: policy(),
      prometheus: failing(
        'bad-query',
        'Prometheus at u rejected the query (HTTP 422 execution): query processing would load too many samples into memory in query execution',
        '30d',
      ),
      now,
    });
    expect(samples.decision.reasons[0]).toContain('generate rules');
    const parse = await evaluatePolicy({ policy: policy(), prometheus: failing('bad-query', 'parse error', '30d'), now });
    expect(parse.decision.reasons[0]).not.toContain('generate rules');
    const short = await evaluatePolicy({ policy: policy(), prometheus: failing('timeout', 'did not answer', '5m'), now });
    expect(short.decision.reasons[0]).not.toContain('generate rules');
  });

  it('warns while a raw evaluation still succeeds but took half its timeout or touched many samples', async () => {
    // Real delays against a short timeout: only the 30-day total query is slow or heavy.
    const slowOn = (ms: number, samples = 10) => {
      const memory = new MemoryQuerier(eventsAnswer(healthy));
      return {
        displayUrl: 'memory://prometheus',
        async query(query: string, time: Date) {
          const result = await memory.query(query, time);
          if (query !== TOTAL('30d')) return result;
          await new Promise((resolve) => setTimeout(resolve, ms));
          return { ...result, samplesTouched: samples };
        },
      };
    };
    const slow = await evaluatePolicy({ policy: policy(), prometheus: slowOn(700), now, timeoutMs: 1000 });
    expect(slow.decision.canDeploy).toBe(true);
    expect(slow.findings).toEqual([expect.objectContaining({ status: 'NORMAL', code: 'raw-cost' })]);
    expect(slow.findings[0]!.message).toMatch(
      new RegExp(
        `^SLO availability: the raw query took \\d+ ms of its 1 s timeout \\((7\\d|[89]\\d|1\\d\\d)%\\) and touched 10 samples \\(query: sum\\(increase\\(http_requests_total\\[30d\\]\\)\\)\\); as traffic grows it will time out or be refused and block every deploy: `,
      ),
    );
    expect(slow.findings[0]!.message.endsWith(RECORDED_PATH_ADVICE)).toBe(true);
    const heavy = await evaluatePolicy({ policy: policy(), prometheus: slowOn(0, 12_000_000), now, timeoutMs: 1000 });
    expect(heavy.findings[0]!.message).toMatch(/touched 12,000,000 samples/);
    const fine = await evaluatePolicy({ policy: policy(), prometheus: slowOn(50, 1_000_000), now, timeoutMs: 1000 });
    expect(fine.findings).toEqual([]);
  });
});

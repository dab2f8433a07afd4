/**
 * Issue 13, item 8 (the evaluation's half): each SLO's budget history from ONE
 * range query at a coarse step, on the recorded series when the gate read them;
 * bounded in points and in the report's size; a failure is a note, never an
 * error, and never changes the decision. The range query through the seam's
 * wrappers: counted, concurrency-limited, and never through the app's tenant
 * querier, whose label enforcement covers instant queries only.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  budgetHistoryQuery,
  HISTORY_MAX_POINTS,
  HISTORY_MAX_SLOS,
  historyGrid,
  REPORT_HISTORY_BUDGET_CHARS,
} from '../../src/core/evaluate/budget-history.js';
import { CountingQuerier } from '../../src/core/evaluate/counting-querier.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { parseDurationMs } from '../../src/core/duration.js';
import { baseSeries, recordedQueries, sloSelector } from '../../src/core/generate/recorded-series.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { limitConcurrency } from '../../src/core/prometheus/limited-querier.js';
import type { PrometheusQuerier } from '../../src/core/prometheus/querier.js';
import { PrometheusQueryError } from '../../src/core/prometheus/query-error.js';
import { embedReport } from '../../src/core/report/extract-report.js';
import { reportSchema, type Report } from '../../src/core/report/report-schema.js';
import { redactingQuerier } from '../../src/prometheus/redacting-querier.js';
import { TenantQuerier, TenantQueryLimits } from '../../src/prometheus/tenant-querier.js';
import { countsHistory, eventsAnswer, MemoryQuerier, ratioHistory, type RangeAnswer } from '../support/memory-querier.js';

const now = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400;
const healthy = { '30d': { errors: 600, total: 1_000_000 }, '1h': { errors: 0, total: 1000 }, '5m': { errors: 0, total: 100 } };

function policy(yaml = 'dr: { enabled: false }', raw: Record<string, string> = {}) {
  return resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({ 'dr-check': 'false', ...raw }));
}

function evaluate(range: RangeAnswer | undefined, yaml?: string, answer = eventsAnswer(healthy)) {
  const q = new MemoryQuerier(answer, false, 'full', range);
  return evaluatePolicy({ policy: policy(yaml), prometheus: q, now }).then((report) => ({ report, q }));
}

/** The report as it would be without a history: what must not change. */
function withoutHistory(report: Report) {
  return {
    decision: { ...report.decision, reasons: report.decision.reasons.filter((r) => !/budget chart/.test(r)) },
    slos: report.slos.map((s) => ({ ...s, history: undefined })),
    budget: report.budget,
  };
}

describe('the steps of a window', () => {
  it.each([
    ['30d', DAY, 30],
    ['28d', DAY, 28],
    ['90d', 3 * DAY, 30],
    ['7d', 6 * 3600, 28],
    ['14d', 12 * 3600, 28],
    ['1y', 292 * 3600, 30],
    ['1h', 300, 12],
    ['90m', 300, 18],
    ['10m', 300, 2],
  ])('%s: steps of %i s, %i points, tiling the window', (window, stepSeconds, points) => {
    const ms = Number(window.slice(0, -1)) * { d: DAY, y: 365 * DAY, h: 3600, m: 60 }[window.slice(-1) as 'd']! * 1000;
    expect(historyGrid(ms)).toEqual({ stepSeconds, points });
    expect(stepSeconds * points).toBe(ms / 1000);
  });

  it('draws nothing for a window too short for two 5-minute steps', () => {
    expect(historyGrid(9 * 60_000)).toBeNull();
  });

  it('never exceeds 30 points nor steps under 5 minutes, and covers the window (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 800 * 24 * 60 }), (minutes) => {
        const grid = historyGrid(minutes * 60_000)!;
        expect(grid.points).toBeGreaterThanOrEqual(2);
        expect(grid.points).toBeLessThanOrEqual(HISTORY_MAX_POINTS);
        expect(grid.stepSeconds).toBeGreaterThanOrEqual(300);
        expect(Number.isInteger(grid.stepSeconds)).toBe(true);
        // The steps cover the window, reaching before its start by less than a step when no whole-minute step tiles it.
        expect(grid.points * grid.stepSeconds).toBeGreaterThanOrEqual(minutes * 60);
        expect(grid.points * grid.stepSeconds - minutes * 60).toBeLessThan(grid.stepSeconds);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the one range query of an SLO', () => {
  it('asks the SLI kind for each step’s events (raw counters), told apart by a label, reading the total once', () => {
    const [slo] = policy().slos;
    expect(budgetHistoryQuery(slo!, 'raw', DAY)).toBe(
      'label_replace(sum(increase(http_requests_total{status=~"5.."}[1d])), "dg_history", "error", "", "")' +
        ' or label_replace(sum(increase(http_requests_total[1d])), "dg_history", "total", "", "")',
    );
  });

  it('reads a latency SLI’s bucket at the threshold and a ratio SLI’s own query', () => {
    const latency = policy('slos: [{ name: api, sli: { latency: { metric: rpc_seconds, threshold: 0.3, selector: job="api" } } }]')
      .slos[0]!;
    expect(budgetHistoryQuery(latency, 'raw', 6 * 3600)).toBe(
      'label_replace(clamp_min(sum(increase(rpc_seconds_count{job="api"}[6h])) - sum(increase(rpc_seconds_bucket{job="api", le=~"0[.]30*"}[6h])), 0), "dg_history", "error", "", "")' +
        ' or label_replace(sum(increase(rpc_seconds_count{job="api"}[6h])), "dg_history", "total", "", "")',
    );
    const ratio = policy('slos: [{ name: pay, sli: { ratio: { query: "sum(rate(f[{{window}}])) / sum(rate(t[{{window}}]))" } } }]')
      .slos[0]!;
    expect(budgetHistoryQuery(ratio, 'raw', DAY)).toBe('sum(rate(f[1d])) / sum(rate(t[1d]))');
  });

  it('reads the recorded base series on the recorded path, once per base window of each step', () => {
    const [slo] = policy().slos;
    const base = baseSeries(slo!);
    const seconds = parseDurationMs(base.window) / 1000;
    expect(budgetHistoryQuery(slo!, 'recorded', DAY)).toBe(
      `label_replace(sum(sum_over_time(${base.error}{slo="availability"}[1d:${base.window}])) * ${seconds}, "dg_history", "error", "", "")` +
        ` or label_replace(sum(sum_over_time(${base.total}{slo="availability"}[1d:${base.window}])) * ${seconds}, "dg_history", "total", "", "")`,
    );
    const ratio = policy('slos: [{ name: pay, sli: { ratio: { query: "r[{{window}}]" } } }]').slos[0]!;
    expect(budgetHistoryQuery(ratio, 'recorded', DAY)).toBe(
      `avg(avg_over_time(${baseSeries(ratio).ratio}${sloSelector(ratio)}[1d:${baseSeries(ratio).window}]))`,
    );
  });

  it('sums every recorded minute of a step that is not a multiple of the base window', () => {
    const slo = policy(
      'scrape-interval: 5m\nslos: [{ name: api, window: 1h, sli: { events: { error: "e[{{window}}]", total: "t[{{window}}]" } } }]',
    ).slos[0]!;
    expect(parseDurationMs(baseSeries(slo).window)).toBeGreaterThan(300_000);
    const counts = recordedQueries(slo)!;
    expect(budgetHistoryQuery(slo, 'recorded', 300)).toBe(
      `label_replace(sum(${counts.error('5m')}), "dg_history", "error", "", "") or label_replace(sum(${counts.total('5m')}), "dg_history", "total", "", "")`,
    );
  });

  it('is sent once per SLO, ending at the evaluation time, 30 steps of 1d for a 30d window', async () => {
    const { report, q } = await evaluate(countsHistory(() => ({ errors: 20, total: 33_333 })));
    expect(q.askedRange).toHaveLength(1);
    expect(q.askedRange[0]!.range).toEqual({ start: new Date(now.getTime() - 29 * DAY * 1000), end: now, stepSeconds: DAY });
    expect(q.askedRange[0]!.query).toBe(budgetHistoryQuery(policy().slos[0]!, 'raw', DAY));
    // Counted with the other queries.
    expect(report.prometheus).toEqual({ url: 'memory://prometheus', queries: q.asked.length, samplesTouched: 10 * q.asked.length });
  });

  it('is read from the recorded series when the gate reads the SLO window from them', async () => {
    const answer = (query: string) => {
      if (query.startsWith('count_over_time(')) return 60;
      if (/ratio_rate/.test(query)) return 0.0006;
      return eventsAnswer(healthy)(query);
    };
    // The recorded error counts grow 2.5-fold over the last 10 steps; the traffic is even.
    const recorded = countsHistory((_, i) => ({ errors: i < 20 ? 13.2 : 33, total: 33_000 }));
    const q = new MemoryQuerier(answer, true, 'full', recorded);
    const report = await evaluatePolicy({
      policy: policy('dr: { enabled: false }', { 'use-recording-rules': 'auto' }),
      prometheus: q,
      now,
    });
    expect(report.slos[0]).toMatchObject({ source: 'recorded', history: { source: 'recorded', step: '1d' } });
    expect(q.askedRange[0]!.query).toBe(budgetHistoryQuery(policy().slos[0]!, 'recorded', DAY));
    const points = report.slos[0]!.history!.points;
    expect(points.map((p) => p.burnRate)).toEqual([...Array.from({ length: 20 }, () => 0.4), ...Array.from({ length: 10 }, () => 1)]);
    // The recorded 30d ratio spends 60 % of the budget; 20 steps at 0.4x and 10 at 1x spend 8 and 10 parts of it.
    expect(points[19]!.budgetRemaining).toBeCloseTo(100 - (60 * 8) / 18, 2);
    expect(points[29]!.budgetRemaining).toBe(40);
  });
});

describe('the history in the report', () => {
  it('attributes the window’s spent budget to the steps by their errors: never rising, ending at the table’s figure', async () => {
    // Errors grow towards the end; traffic is diurnal-ish.
    const errors = (i: number) => 5 + i * i * 0.2;
    const totals = (i: number) => 30_000 + 5_000 * Math.sin(i);
    const { report } = await evaluate(countsHistory((_, i) => ({ errors: errors(i), total: totals(i) })));
    const slo = report.slos[0]!;
    expect(reportSchema.parse(report)).toEqual(report);
    const h = slo.history!;
    expect(h).toMatchObject({ step: '1d', source: 'raw' });
    expect(h.points).toHaveLength(30);
    expect(h.points.map((p) => p.at)).toEqual(
      Array.from({ length: 30 }, (_, i) => new Date(now.getTime() - (29 - i) * DAY * 1000).toISOString().replace('.000Z', 'Z')),
    );
    const all = Array.from({ length: 30 }, (_, i) => errors(i)).reduce((a, b) => a + b);
    let sum = 0;
    for (const [i, p] of h.points.entries()) {
      sum += errors(i);
      expect(p.budgetRemaining).toBeCloseTo(100 - ((100 - slo.budgetRemaining!) * sum) / all, 2);
      expect(p.burnRate).toBeCloseTo(errors(i) / totals(i) / 0.001, 3);
      if (i > 0) expect(p.budgetRemaining).toBeLessThanOrEqual(h.points[i - 1]!.budgetRemaining);
    }
    expect(h.points[29]!.budgetRemaining).toBe(Number(slo.budgetRemaining!.toFixed(2)));
    // The committed JSON Schema (npm run schema) describes it.
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync('schema/report.schema.json', 'utf8')) as object);
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
    expect(
      validate({
        ...report,
        slos: [{ ...slo, history: { ...h, points: [{ at: h.points[0]!.at, budgetRemaining: 'full', burnRate: null }] } }],
      }),
    ).toBe(false);
  });

  it('leaves the burn rate of a step without data null (before a young service started) and keeps its budget full', async () => {
    const { report } = await evaluate(countsHistory((_, i) => (i < 25 ? { errors: null, total: null } : { errors: 40, total: 30_000 })));
    const points = report.slos[0]!.history!.points;
    expect(points.slice(0, 25).every((p) => p.burnRate === null && p.budgetRemaining === 100)).toBe(true);
    expect(points.slice(25).every((p) => p.burnRate !== null && p.burnRate > 1)).toBe(true);
  });

  it('counts a step with traffic but no error series as zero errors, and one without traffic as burning nothing', async () => {
    const { report } = await evaluate(countsHistory((_, i) => ({ errors: i % 2 === 0 ? null : 30, total: i === 3 ? 0 : 30_000 })));
    const points = report.slos[0]!.history!.points;
    expect(points[0]!.burnRate).toBe(0);
    expect(points[1]!.burnRate).toBe(1);
    expect(points[3]!.burnRate).toBe(0);
  });

  it('reads a ratio SLI’s steps: NaN (0/0) burns nothing, an empty step is null', async () => {
    const yaml =
      'dr: { enabled: false }\nslos: [{ name: pay, sli: { ratio: { query: "sum(rate(f[{{window}}])) / sum(rate(t[{{window}}]))" } } }]';
    const answer = (query: string) => (query.includes('[30d]') ? 0.0005 : query.includes('[1h]') || query.includes('[5m]') ? 0 : null);
    const { report } = await evaluate(
      ratioHistory((_, i) => (i === 0 ? null : i === 1 ? Number.NaN : 0.0005)),
      yaml,
      answer,
    );
    const points = report.slos[0]!.history!.points;
    expect(points.slice(0, 3).map((p) => p.burnRate)).toEqual([null, 0, 0.5]);
    expect(points[29]!.budgetRemaining).toBe(50);
  });

  it('has no history, and no note, when the querier has no range queries (the app’s tenant querier)', async () => {
    const { report, q } = await evaluate(undefined);
    expect(report.slos[0]!.history).toBeUndefined();
    expect(report.findings.filter((f) => /chart/.test(f.message))).toEqual([]);
    expect(q.askedRange).toEqual([]);
  });

  it('has no history for an SLO without a budget (UNKNOWN)', async () => {
    const { report } = await evaluate(
      countsHistory(() => ({ errors: 1, total: 10 })),
      undefined,
      eventsAnswer({ ...healthy, '30d': { errors: 0, total: 0 } }),
    );
    expect(report.slos[0]).toMatchObject({ status: 'UNKNOWN', budgetRemaining: null });
    expect(report.slos[0]!.history).toBeUndefined();
  });
});

describe('a history that cannot be read is a note, never an error, and never changes the decision', () => {
  const failing: Record<string, RangeAnswer> = {
    'Prometheus fails the query': (query) =>
      new PrometheusQueryError('timeout', `Prometheus at http://p did not answer within 10000 ms (query: ${query})`, {
        url: 'http://p',
        query,
      }),
    'the answer has several series per part': (_q, range) => [
      { labels: { dg_history: 'total', job: 'a' }, points: [{ at: range.end.getTime() / 1000, value: 1 }] },
      { labels: { dg_history: 'total', job: 'b' }, points: [{ at: range.end.getTime() / 1000, value: 1 }] },
    ],
    'the answer is empty': () => [],
  };
  for (const [what, range] of Object.entries(failing)) {
    it(`${what}: a note naming the query, no history, the same decision`, async () => {
      const { report } = await evaluate(range);
      const { report: plain } = await evaluate(undefined);
      expect(report.slos[0]!.history).toBeUndefined();
      const notes = report.findings.filter((f) => /no budget chart/.test(f.message));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ status: 'NORMAL', slo: 'availability', source: 'error' });
      expect(notes[0]!.message).toContain('label_replace(');
      expect(notes[0]!.message).toContain('the decision does not depend on it');
      expect(withoutHistory(report)).toEqual(withoutHistory(plain));
      expect(report.decision.status).toBe(plain.decision.status);
    });
  }

  it('lets a bug (not a query failure) propagate, as everywhere in the evaluation', async () => {
    await expect(evaluate(() => new TypeError('bug'))).rejects.toThrow(TypeError);
  });

  it('never changes the decision and always ends at the table’s budget, whatever each step says (property)', async () => {
    const step = fc.oneof(
      fc.integer({ min: 0, max: 100_000 }).chain((total) =>
        fc.record({
          errors: fc.option(fc.double({ min: 0, max: total, noNaN: true }), { nil: null }),
          total: fc.constant<number | null>(total),
        }),
      ),
      fc.constant({ errors: null, total: null }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 30, maxLength: 30 }), fc.integer({ min: 0, max: 3000 }), async (steps, errors30d) => {
        const answer = eventsAnswer({ ...healthy, '30d': { errors: errors30d, total: 1_000_000 } });
        const { report } = await evaluate(
          countsHistory((_, i) => steps[i]!),
          undefined,
          answer,
        );
        const { report: plain } = await evaluate(undefined, undefined, answer);
        expect(withoutHistory(report)).toEqual(withoutHistory(plain));
        const h = report.slos[0]!.history!;
        expect(h.points).toHaveLength(30);
        for (let i = 1; i < 30; i++) expect(h.points[i]!.budgetRemaining).toBeLessThanOrEqual(h.points[i - 1]!.budgetRemaining);
        expect(h.points[29]!.budgetRemaining).toBe(Number(report.slos[0]!.budgetRemaining!.toFixed(2)));
        for (const [i, p] of h.points.entries()) expect(p.burnRate === null).toBe(steps[i]!.total === null);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the history’s size in the report', () => {
  /** A policy of `n` SLOs with long names and queries, each with the default guard. */
  function manySlos(n: number): string {
    const slos = Array.from(
      { length: n },
      (_, i) =>
        `  - name: ${'checkout-'.repeat(10)}${String(i).padStart(3, '0')}\n    objective: 99.9\n    sli: { events: { error: 'sum(increase(http_requests_total{job="checkout-${i}",status=~"5.."}[{{window}}]))', total: 'sum(increase(http_requests_total{job="checkout-${i}"}[{{window}}]))' } }`,
    );
    return `dr: { enabled: false }\nslos:\n${slos.join('\n')}\n`;
  }
  /** Every SLO at 40 % to 90 % left, so their order by severity is known. */
  const answer = (query: string) => {
    const job = Number(/checkout-(\d+)/.exec(query)?.[1] ?? 0);
    return query.includes('5..') ? (query.includes('[30d]') ? 100 + 10 * job : 0) : 1_000_000;
  };
  const range = countsHistory((_, i) => ({ errors: 1234.5678 + i, total: 33_333.33 }));

  it(`keeps at most ${HISTORY_MAX_SLOS} histories, those of the SLOs with the least budget, and says so`, async () => {
    const { report } = await evaluate(range, manySlos(12), answer);
    const charted = report.slos.filter((s) => s.history !== undefined).map((s) => s.name.slice(-3));
    expect(charted).toEqual(['002', '003', '004', '005', '006', '007', '008', '009', '010', '011']);
    const note = report.findings.find((f) => /No budget chart for 2 of 12 SLOs/.test(f.message));
    expect(note).toMatchObject({ status: 'NORMAL', source: 'budget' });
    expect(report.decision.status).toBe((await evaluate(undefined, manySlos(12), answer)).report.decision.status);
  });

  it.each([1, 5, 10, 20, 30, 40])(
    'with %i SLOs the report stays within its budget, and with an override and the largest provenance token the check-run text stays under 65,535 characters',
    async (n) => {
      const { report } = await evaluate(range, manySlos(n), answer);
      const { report: plain } = await evaluate(undefined, manySlos(n), answer);
      const size = JSON.stringify(report).length;
      const plainSize = JSON.stringify(plain).length;
      if (plainSize <= REPORT_HISTORY_BUDGET_CHARS) {
        expect(size).toBeLessThanOrEqual(REPORT_HISTORY_BUDGET_CHARS);
        const overridden: Report = {
          ...report,
          override: {
            actor: 'a'.repeat(39),
            level: 'exhausted',
            reason: 'r'.repeat(500),
            permission: 'admin',
            approvers: ['x'.repeat(39), 'y'.repeat(39)],
            runId: 1,
            runAttempt: 1,
            at: now.toISOString(),
          },
          provenance: { oidcToken: 't'.repeat(16_384) },
        };
        expect(embedReport(overridden).length).toBeLessThan(65_535);
      } else {
        // Too big already: no history makes it bigger.
        expect(report.slos.every((s) => s.history === undefined)).toBe(true);
      }
      // As many as fit: each history here is about 2.2 KB.
      const kept = report.slos.filter((s) => s.history !== undefined).length;
      if (plainSize + Math.min(n, HISTORY_MAX_SLOS) * 2_400 <= REPORT_HISTORY_BUDGET_CHARS)
        expect(kept).toBe(Math.min(n, HISTORY_MAX_SLOS));
      else if (plainSize + 2_400 <= REPORT_HISTORY_BUDGET_CHARS) expect(kept).toBeGreaterThan(0);
      expect(report.findings.some((f) => /^No budget chart for/.test(f.message))).toBe(kept < n);
    },
  );
});

describe('the range query through the seam’s wrappers', () => {
  const inner = () =>
    new MemoryQuerier(
      eventsAnswer(healthy),
      false,
      'full',
      countsHistory(() => ({ errors: 1, total: 10 })),
    );
  const R = { start: new Date(now.getTime() - 3600_000), end: now, stepSeconds: 600 };

  it('is counted with its samples', async () => {
    const counting = new CountingQuerier(inner());
    await counting.queryRange!('x', R);
    await counting.query('y', now);
    expect({ queries: counting.queries, samples: counting.samplesTouched }).toEqual({ queries: 2, samples: 20 });
    expect(new CountingQuerier(new MemoryQuerier(() => 1)).queryRange).toBeUndefined();
  });

  it('shares the concurrency limit with instant queries', async () => {
    let running = 0;
    let peak = 0;
    const slow = async <T>(value: T) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return value;
    };
    const limited = limitConcurrency(
      {
        displayUrl: 'x',
        query: () => slow({ samples: [], samplesTouched: null }),
        queryRange: () => slow({ series: [], samplesTouched: null }),
      },
      2,
    );
    await Promise.all([
      ...Array.from({ length: 4 }, () => limited.query('q', now)),
      ...Array.from({ length: 4 }, () => limited.queryRange!('q', R)),
    ]);
    expect(peak).toBe(2);
    expect(limitConcurrency(new MemoryQuerier(() => 1), 2).queryRange).toBeUndefined();
  });

  it('never passes through the app’s tenant querier or its redacting querier, whose checks cover instant queries only', () => {
    expect(inner().queryRange).toBeDefined();
    const tenant: PrometheusQuerier = new TenantQuerier(inner(), {
      tenant: 't',
      requiredMatcher: { name: 'tenant', value: 'a' },
      limits: new TenantQueryLimits(),
    });
    expect(tenant.queryRange).toBeUndefined();
    expect(redactingQuerier(inner(), () => undefined).queryRange).toBeUndefined();
  });
});

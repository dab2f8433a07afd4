/**
 * Issue 13, item 8 (the rendering's half): the budget history as Mermaid
 * `xychart-beta` charts in the job summary and the PR comment, checked with
 * Mermaid's own parser (the `mermaid` package over a happy-dom DOM, see
 * test/support/mermaid.ts): every generated chart parses, holds exactly the
 * numbers the report has (bounded and fixed-point), and no SLO name can end a
 * string, add a statement, a series, a comment, an arrow or HTML. The text
 * table stays; the CLI's plain text draws no chart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { CHART_MAX_POINTS, mermaidNumber, mermaidText, renderSloCharts } from '../../src/core/render/budget-chart.js';
import { COMMENT_MAX_CHARTED_SLOS, renderAllowedComment, renderBlockedComment } from '../../src/core/render/render-pr-comment.js';
import { renderSummary } from '../../src/core/render/render-summary.js';
import { renderStatusText, renderTextReport } from '../../src/core/render/render-text.js';
import { reportSchema, type BudgetHistory, type Report, type SloResult } from '../../src/core/report/report-schema.js';
import { countsHistory, eventsAnswer, MemoryQuerier } from '../support/memory-querier.js';
import { mermaidBlocks, parseXyChart, type ParsedXyChart } from '../support/mermaid.js';

const now = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400;

async function reportWith(errorsPerStep: (i: number) => number, yaml = 'dr: { enabled: false }'): Promise<Report> {
  const policy = resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({ 'dr-check': 'false' }));
  const answer = eventsAnswer({
    '30d': { errors: 1500, total: 1_000_000 },
    '1h': { errors: 2, total: 1000 },
    '5m': { errors: 0, total: 100 },
  });
  const q = new MemoryQuerier(
    answer,
    false,
    'full',
    countsHistory((_, i) => ({ errors: errorsPerStep(i), total: 33_333 })),
  );
  return evaluatePolicy({ policy, prometheus: q, now });
}

const base = await reportWith((i) => (i < 20 ? 10 : 120));

/** `base` with its one SLO replaced by `slo` fields (validated as report@1). */
function withSlo(fields: Partial<SloResult>): Report {
  return reportSchema.parse({ ...base, slos: [{ ...base.slos[0]!, ...fields }] });
}

function history(budget: number[], burn: (number | null)[], step = '1d'): BudgetHistory {
  return {
    step,
    source: 'raw',
    points: budget.map((b, i) => ({
      at: new Date(now.getTime() - (budget.length - 1 - i) * DAY * 1000).toISOString(),
      budgetRemaining: b,
      burnRate: burn[i] ?? null,
    })),
  };
}

async function chartsOf(markdown: string): Promise<ParsedXyChart[]> {
  return Promise.all(mermaidBlocks(markdown).map(parseXyChart));
}

describe('numbers and text inside Mermaid', () => {
  it('writes numbers fixed-point, without exponent, within ±1,000,000', () => {
    expect([12.3456, 100, -54.5, 0.1 + 0.2, 1e-7, -1e-9, 1e21, -1e300, 2.5e-3, Number.NaN].map((v) => mermaidNumber(v))).toEqual([
      '12.35',
      '100',
      '-54.5',
      '0.3',
      '0',
      '0',
      '1000000',
      '-1000000',
      '0',
      '0',
    ]);
    fc.assert(
      fc.property(fc.double(), (v) => {
        expect(mermaidNumber(v)).toMatch(/^-?\d+(\.\d+)?$/);
      }),
    );
  });

  it('keeps letters, digits and harmless marks of a name, and nothing Mermaid or markdown would act on', () => {
    expect(mermaidText('checkout-availability_v2.1')).toBe('checkout-availability_v2.1');
    expect(mermaidText('Zahlungsdienst Größe 日本語 (EU)')).toBe('Zahlungsdienst Größe 日本語 (EU)');
    expect(mermaidText('a"b')).toBe('a b');
    expect(mermaidText('x"\n  line [1, 2]\n  title "y')).toBe('x line 1, 2 title y');
    expect(mermaidText('a %% comment\n%%{init: {"theme": "dark"}}%%')).toBe('a comment init theme dark');
    expect(mermaidText('a --> b; c')).toBe('a -- b c');
    expect(mermaidText('<img src=x onerror=alert(1)>')).toBe('img src x onerror alert(1)');
    expect(mermaidText('@alice #123 https://evil.example/login GH-42 www.evil.example')).toBe(
      'alice 123 https //evil.example/login GH-\u200b42 www\u200b.evil.example',
    );
    expect(mermaidText('\u202eevil\u200b\u0000\u001b[31m')).toBe('evil 31m');
    expect(mermaidText('n'.repeat(100))).toBe(`${'n'.repeat(59)}…`);
  });
});

describe('the charts of one SLO', () => {
  it('draw the budget line and the burn-rate bars with exactly the report’s numbers, and a 1x line', async () => {
    const slo = base.slos[0]!;
    const h = slo.history!;
    const [budget, burn] = await chartsOf(renderSloCharts(slo).join('\n'));
    expect(budget!.diagramType).toBe('xychart');
    expect(budget!.title).toBe('availability: budget remaining (%) over 30d');
    expect(budget!.accTitle).toBe('availability error budget remaining over 30d');
    expect(budget!.xAxis).toEqual({ type: 'linear', title: 'days before the evaluation', min: -29, max: 0 });
    // The budget is overspent (-50 %): the axis reaches the next multiple of 10 below the lowest point.
    expect(budget!.yAxis).toMatchObject({ min: Math.floor(Math.min(...h.points.map((p) => p.budgetRemaining)) / 10) * 10, max: 100 });
    expect(budget!.yAxis.min).toBeLessThan(0);
    expect(budget!.plots).toHaveLength(1);
    expect(budget!.plots[0]!.type).toBe('line');
    expect(budget!.plots[0]!.data.map(([, v]) => v)).toEqual(h.points.map((p) => p.budgetRemaining));
    expect(h.points[29]!.budgetRemaining).toBe(Number(slo.budgetRemaining!.toFixed(2)));

    expect(burn!.title).toBe('availability: burn rate per 1d (line: 1x)');
    expect(burn!.plots.map((p) => p.type)).toEqual(['bar', 'line']);
    expect(burn!.plots[0]!.data.map(([, v]) => v)).toEqual(h.points.map((p) => p.burnRate));
    expect(burn!.plots[1]!.data.every(([, v]) => v === 1)).toBe(true);
    expect(burn!.yAxis).toMatchObject({ min: 0, max: 5 });
  });

  it('use hours on the x axis for a short window, and extend the budget axis below 0 for an overspent budget', async () => {
    const slo = withSlo({ window: '1d', history: history([90, 40, -12.5, -55.25], [1, 2, 3, 4], '6h') });
    const [budget] = await chartsOf(renderSloCharts(slo.slos[0]!).join('\n'));
    expect(budget!.xAxis).toMatchObject({ title: 'hours before the evaluation', min: -18, max: 0 });
    expect(budget!.yAxis).toMatchObject({ min: -60, max: 100 });
    expect(budget!.plots[0]!.data.map(([, v]) => v)).toEqual([90, 40, -12.5, -55.25]);
  });

  it('draw a step without data at 0 and say how many there were, in the chart’s description and the caption', async () => {
    const lines = renderSloCharts(withSlo({ history: history([100, 100, 99, 97], [null, null, 0.5, 1.5]) }).slos[0]!);
    const [, burn] = await chartsOf(lines.join('\n'));
    expect(burn!.plots[0]!.data.map(([, v]) => v)).toEqual([0, 0, 0.5, 1.5]);
    expect(burn!.accDescription).toContain('2 steps without data are drawn at 0');
    expect(lines[0]).toBe(
      '**availability**: budget 100.0% → 97.0% over the last 4 steps of 30d; burn rate per 1d step up to 1.50x (2 steps without data).',
    );
  });

  it('are bounded whatever the report says: the newest 30 points, numbers clamped, nothing for a bad step or a single point', async () => {
    const long = withSlo({
      history: history(
        Array.from({ length: 500 }, (_, i) => 100 - i / 10),
        Array.from({ length: 500 }, () => 1e300),
      ),
    }).slos[0]!;
    const [budget, burn] = await chartsOf(renderSloCharts(long).join('\n'));
    expect(budget!.plots[0]!.data).toHaveLength(CHART_MAX_POINTS);
    expect(budget!.plots[0]!.data[0]![1]).toBe(100 - 470 / 10);
    expect(burn!.plots[0]!.data.every(([, v]) => v === 1_000_000)).toBe(true);
    expect(renderSloCharts(long).join('\n').length).toBeLessThan(3_000);
    expect(renderSloCharts(withSlo({ history: history([100, 90], [1, 1], 'yesterday') }).slos[0]!)).toEqual([]);
    expect(renderSloCharts(withSlo({ history: history([100], [1]) }).slos[0]!)).toEqual([]);
    expect(renderSloCharts(withSlo({ history: undefined }).slos[0]!)).toEqual([]);
  });

  it('parse with Mermaid’s parser and hold exactly their numbers, for any history, name and window (property)', async () => {
    const name = fc.oneof(
      fc.string({ maxLength: 80, unit: 'binary' }),
      fc.constantFrom(
        'a"b',
        'x"]\n  line [1]\n  title "y',
        '%%',
        '%%{init: {}}%%',
        '-->',
        '<b>x</b>',
        '[',
        ']',
        ';',
        '\n',
        '`',
        'accTitle: x',
        '#quot;',
        '&#34;',
        '\\"',
      ),
    );
    const point = fc.record({
      budget: fc.double({ min: -1e7, max: 100, noNaN: true }),
      burn: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: null }),
    });
    const step = fc.constantFrom('5m', '1h', '6h', '1d', '3d', '12h30m');
    await fc.assert(
      fc.asyncProperty(name, name, step, fc.array(point, { minLength: 2, maxLength: 40 }), async (sloName, window, stepText, points) => {
        const slo = withSlo({
          name: sloName,
          window,
          history: history(
            points.map((p) => p.budget),
            points.map((p) => p.burn),
            stepText,
          ),
        }).slos[0]!;
        const lines = renderSloCharts(slo);
        const drawn = points.slice(-CHART_MAX_POINTS);
        const [budget, burn] = await chartsOf(lines.join('\n'));
        expect(budget!.plots).toHaveLength(1);
        expect(budget!.plots[0]!.data.map(([, v]) => v)).toEqual(drawn.map((p) => Number(mermaidNumber(p.budget))));
        expect(burn!.plots).toHaveLength(2);
        expect(burn!.plots[0]!.data.map(([, v]) => v)).toEqual(drawn.map((p) => Number(mermaidNumber(p.burn ?? 0, 3))));
        const shownName = mermaidText(sloName) || 'SLO';
        expect(budget!.title).toBe(`${shownName}: budget remaining (%) over ${mermaidText(window, 20)}`.trim());
        expect(budget!.accTitle).toBe(`${shownName} error budget remaining over ${mermaidText(window, 20)}`.trim());
        // Two Mermaid blocks, each one statement per line: nothing the name said added a line.
        expect(mermaidBlocks(lines.join('\n')).map((b) => b.trimEnd().split('\n').length)).toEqual([8, 9]);
      }),
      { numRuns: 120 },
    );
  });

  describe('a hostile SLO name that Mermaid would act on without escaping', () => {
    const escapedAndRaw = (hostile: string) => {
      const charts = renderSloCharts(withSlo({ name: hostile }).slos[0]!).join('\n');
      // The same charts with the name in the title written as it came: what the escaping prevents.
      const raw = charts.split(`title "${mermaidText(hostile)}`).join(`title "${hostile}`);
      expect(raw).not.toBe(charts);
      return { escaped: mermaidBlocks(charts), raw: mermaidBlocks(raw) };
    };

    it('a quote would end the title’s string: Mermaid refuses the chart', async () => {
      const { escaped, raw } = escapedAndRaw('checkout "prod"');
      await expect(parseXyChart(raw[0]!)).rejects.toThrow(/Parse error/);
      expect((await parseXyChart(escaped[0]!)).title).toBe('checkout prod: budget remaining (%) over 30d');
    });

    it('a quote and line breaks would add a fake series and retitle the chart', async () => {
      const { escaped, raw } = escapedAndRaw('pay"\n  line [100, 100]\n  title "all good');
      const forged = await parseXyChart(raw[0]!);
      expect(forged.plots).toHaveLength(2);
      expect(forged.title).toMatch(/^all good/);
      const kept = await parseXyChart(escaped[0]!);
      expect(kept.plots).toHaveLength(1);
      expect(kept.title).toBe('pay line 100, 100 title all good: budget remaining (%) over 30d');
    });
  });
});

describe('the markdown renderings', () => {
  it('the job summary keeps the table and adds each SLO’s charts below it, with a caption in words', async () => {
    const summary = renderSummary(base);
    const table = summary.indexOf('| SLO | Objective |');
    const section = summary.indexOf('**Budget over the window**');
    expect(table).toBeGreaterThan(0);
    expect(section).toBeGreaterThan(table);
    expect(summary.indexOf('**Fast-burn guards**')).toBeGreaterThan(section);
    expect(summary).toContain('**availability**: budget ');
    const charts = await chartsOf(summary);
    expect(charts.map((c) => c.title)).toEqual([
      'availability: budget remaining (%) over 30d',
      'availability: burn rate per 1d (line: 1x)',
    ]);
  });

  it('a report without history renders exactly as before: no section, no Mermaid', () => {
    const plain = withSlo({ history: undefined });
    expect(renderSummary(plain)).not.toMatch(/mermaid|Budget over the window/);
    expect(renderSummary(plain)).toBe(
      renderSummary(base).replace(/\*\*Budget over the window\*\*[\s\S]*?(?=\*\*Fast-burn guards\*\*)/, ''),
    );
  });

  it('the PR comments draw at most 3 SLOs, the least budget first, and point to the summary for the rest', async () => {
    const slos = [55, 12, 80, 30, 95].map((remaining, i) => ({
      ...base.slos[0]!,
      name: `slo-${i}`,
      budgetRemaining: remaining,
      history: history([100, remaining], [0.5, 1]),
    }));
    const report = reportSchema.parse({ ...base, slos });
    for (const comment of [
      renderBlockedComment(report, { runUrl: null, workflowUrl: null, sha: null }),
      renderAllowedComment(report, { runUrl: null, workflowUrl: null, sha: null }),
    ]) {
      const charts = await chartsOf(comment);
      expect(charts).toHaveLength(2 * COMMENT_MAX_CHARTED_SLOS);
      expect(charts.filter((_, i) => i % 2 === 0).map((c) => c.title.split(':')[0])).toEqual(['slo-1', 'slo-3', 'slo-0']);
      expect(comment).toContain('Charts of 2 more SLOs: see the job summary of the workflow run.');
    }
  });

  it('the CLI’s plain text draws no chart and says nothing of Mermaid', () => {
    for (const text of [renderTextReport(base, { color: false }), renderStatusText(base, { color: false })]) {
      expect(text).not.toMatch(/mermaid|xychart|```/);
      expect(text).toContain('availability');
    }
  });
});

/**
 * The budget history behind the report's charts: how the SLO's error budget
 * was spent across its window, and the burn rate step by step, from ONE range
 * query per SLO at a coarse step (at most 30 points, whatever the window).
 *
 * The query asks, at each step's end, for the events of that step alone: from
 * raw counters, its errors and its total as the SLI kind counts them for any
 * window; on the recorded path (when the gate read the SLO window from the
 * recorded series), the recorded base series over the step. The steps tile the
 * window, so on the raw path the query reads the window's samples once more (an
 * events SLI exactly as many as its window query), and on the recorded path one
 * sample per base window of each base series, whatever the traffic (17,280 for
 * a 30d window). From those counts:
 * - the burn rate of each step is its error ratio over the budget (1 − objective);
 * - the budget remaining after each step is 100 % less the share of the window's
 *   spent budget that the steps so far account for. The window's spent budget is
 *   the gate's own figure (the table's), so the last point is the table's budget
 *   remaining and the line never rises (a burn-down of the current window).
 *
 * Everything here is best-effort: the decision never depends on it. A query that
 * fails or answers unusably is a note and no history; a querier without range
 * queries (the app's tenant querier) gives no history and no note.
 */
import { formatPromDuration, parseDurationMs } from '../duration.js';
import { baseSeries, recordedQueries, sloSelector } from '../generate/recorded-series.js';
import type { ResolvedSlo } from '../policy/resolve-policy.js';
import type { PrometheusQuerier, RangeResult } from '../prometheus/querier.js';
import { PrometheusQueryError } from '../prometheus/query-error.js';
import type { BudgetHistory, Report, SloResult } from '../report/report-schema.js';
import { sliKindOf } from '../sli/registry.js';
import { statusRank } from '../status.js';

/** Most points of one SLO's history (one per step). */
export const HISTORY_MAX_POINTS = 30;
/** The shortest step: a step must hold a few scrapes for `increase()` to see anything. */
const HISTORY_MIN_STEP_SECONDS = 300;
/**
 * Most SLOs of one report that carry a history (the worst first): 30 points
 * are about 2.3 KB of JSON, and the whole report must fit the check run's
 * 65,535 characters for the app to read it back (see `fitHistories`).
 */
export const HISTORY_MAX_SLOS = 10;

/** The label that tells the two parts of a counting SLI's history query apart. */
const HISTORY_PART_LABEL = 'dg_history';

export interface HistoryGrid {
  /** Seconds between points: each point covers the step that ends at it. */
  stepSeconds: number;
  points: number;
}

/**
 * The steps of a window's history: as many as fit (at most 30, each at least
 * 5 minutes), preferring whole days, then whole hours, then whole minutes, and
 * never fewer than half the maximum for a rounder step. `n × step` is the window
 * whenever such a step divides it (30d: 30 × 1d, 28d: 28 × 1d, 7d: 28 × 6h,
 * 1h: 12 × 5m), so the steps tile the window exactly; otherwise the first step
 * reaches less than a step before the window. Null for a window too short for
 * two steps.
 */
export function historyGrid(windowMs: number): HistoryGrid | null {
  const window = Math.round(windowMs / 1000);
  const most = Math.min(HISTORY_MAX_POINTS, Math.floor(window / HISTORY_MIN_STEP_SECONDS));
  if (!Number.isFinite(most) || most < 2) return null;
  for (const unit of [86_400, 3_600, 60]) {
    for (let n = most; n >= Math.max(2, Math.ceil(most / 2)); n--) {
      if (window % (n * unit) === 0) return { stepSeconds: window / n, points: n };
    }
  }
  // No whole-minute step tiles the window: whole seconds, the first step reaching a little before its start.
  return { stepSeconds: Math.ceil(window / most), points: most };
}

/** The tags of a counting SLI's history query: each step's error count and total count. */
type Part = 'error' | 'total';

/** A history query's parts: two counts told apart by their tag, or one untagged ratio (a ratio SLI). */
type StepParts = { tagged: Record<Part, string> } | { ratio: string };

/**
 * What to read for each step: from raw counters, the SLI kind's own counts (or
 * ratio); on the recorded path, the recorded base series, as the gate reads any
 * window from them. Not the window series the rules record (`…ratio_rate1d`):
 * the gate's coverage probe checks the base series over the whole window, while
 * the window series may reach back only to when the rules were loaded (promtool
 * cannot backfill rules that read other rules in the same pass).
 *
 * The base series are rates over the base window (5m), recorded every minute;
 * read at every base window's end (a subquery at that resolution), each
 * multiplied by the base window's seconds, they count each event once: a fifth
 * of the samples of summing every recorded minute (8,640 a series for 30 days).
 * A step that is not a multiple of the base window sums every recorded minute.
 */
function stepParts(slo: ResolvedSlo, source: 'raw' | 'recorded', step: string): StepParts {
  const kind = sliKindOf(slo.sli);
  if (source === 'raw') {
    // A kind whose gate queries are exactly an error and a total count (events) is read with them: its
    // recording's error part also reads the total (`or 0 * total`, so a recorded ratio stays defined), which
    // would read the window's total samples a second time; a step without an error series is zero errors here.
    const queries = kind.queries(slo.sli, step);
    if (kind.countsEvents && Object.keys(queries).sort().join(',') === 'error,total')
      return { tagged: { error: queries.error!, total: queries.total! } };
    const recording = kind.recording(slo.sli, step);
    return 'counts' in recording ? { tagged: recording.counts } : recording;
  }
  const selector = sloSelector(slo);
  const base = baseSeries(slo);
  const baseMs = parseDurationMs(base.window);
  const stepMs = parseDurationMs(step);
  const tiled = stepMs >= baseMs && stepMs % baseMs === 0;
  if (!kind.countsEvents) return { ratio: `avg(avg_over_time(${base.ratio}${selector}[${step}${tiled ? `:${base.window}` : ''}]))` };
  if (tiled) {
    const count = (series: string) => `sum(sum_over_time(${series}${selector}[${step}:${base.window}])) * ${baseMs / 1000}`;
    return { tagged: { error: count(base.error), total: count(base.total) } };
  }
  const counts = recordedQueries(slo)!;
  return { tagged: { error: `sum(${counts.error(step)})`, total: `sum(${counts.total(step)})` } };
}

/**
 * The one PromQL range query of an SLO's history at `stepSeconds`: for a kind
 * that counts events, each step's error and total counts, as two series told
 * apart by the `dg_history` label; for a ratio kind, the step's ratio.
 */
export function budgetHistoryQuery(slo: ResolvedSlo, source: 'raw' | 'recorded', stepSeconds: number): string {
  const parts = stepParts(slo, source, formatPromDuration(stepSeconds * 1000));
  if ('ratio' in parts) return parts.ratio;
  const tag = (part: Part) => `label_replace(${parts.tagged[part]}, "${HISTORY_PART_LABEL}", "${part}", "", "")`;
  return `${tag('error')} or ${tag('total')}`;
}

/** What the range query said, step by step, before it is tied to the gate's budget. */
export interface HistoryAnswer {
  source: 'raw' | 'recorded';
  grid: HistoryGrid;
  /** Unix seconds of each step's end, oldest first. */
  at: number[];
  /** Each step's error ratio (0..1); 0 for a step without traffic; null for a step without data. */
  ratios: (number | null)[];
  /** What each step spent, in the units the steps share (errors, or ratio for a ratio SLI). */
  spent: number[];
  query: string;
}

export type HistoryRead = { answer: HistoryAnswer } | { note: string } | null;

/** One value per step from a series, by the step its timestamp falls on; others are dropped. */
function byStep(series: RangeResult['series'][number] | undefined, at: readonly number[], stepSeconds: number): (number | undefined)[] {
  const values: (number | undefined)[] = at.map(() => undefined);
  for (const p of series?.points ?? []) {
    const i = Math.round((p.at - at[0]!) / stepSeconds);
    if (i >= 0 && i < at.length && Math.abs(p.at - at[i]!) < stepSeconds / 2) values[i] = p.value;
  }
  return values;
}

/** Counts are finite and not negative; anything else in a step is treated as no data for it. */
const count = (v: number | undefined): number | undefined => (v !== undefined && Number.isFinite(v) && v >= 0 ? v : undefined);

/**
 * Reads an SLO's history with one range query ending at `time`. Null when the
 * querier has no range queries or the window is too short for a chart; a note
 * when the query fails or its answer cannot be used.
 * @throws only what is not a query failure (a bug)
 */
export async function readBudgetHistory(
  slo: ResolvedSlo,
  source: 'raw' | 'recorded',
  prometheus: PrometheusQuerier,
  time: Date,
): Promise<HistoryRead> {
  const grid = historyGrid(parseDurationMs(slo.window));
  if (!prometheus.queryRange || grid === null) return null;
  const query = budgetHistoryQuery(slo, source, grid.stepSeconds);
  const end = Math.floor(time.getTime() / 1000);
  const at = Array.from({ length: grid.points }, (_, i) => end - (grid.points - 1 - i) * grid.stepSeconds);
  const unusable = (why: string) => ({
    note: `SLO ${slo.name}: no budget chart: ${why} (query: ${query}); the decision does not depend on it`,
  });
  let result: RangeResult;
  try {
    result = await prometheus.queryRange(query, {
      start: new Date(at[0]! * 1000),
      end: new Date(end * 1000),
      stepSeconds: grid.stepSeconds,
    });
  } catch (error: unknown) {
    if (!(error instanceof PrometheusQueryError)) throw error;
    return { note: `SLO ${slo.name}: no budget chart: the history query failed: ${error.message}; the decision does not depend on it` };
  }
  const ratios: (number | null)[] = [];
  const spent: number[] = [];
  if (sliKindOf(slo.sli).countsEvents) {
    const tagged = (part: Part) => result.series.filter((s) => s.labels[HISTORY_PART_LABEL] === part);
    const [errorSeries, totalSeries] = [tagged('error'), tagged('total')];
    if (errorSeries.length > 1 || totalSeries.length > 1 || result.series.length > errorSeries.length + totalSeries.length) {
      return unusable(`the history query returned ${result.series.length} series where it expects one error and one total series`);
    }
    if (totalSeries.length === 0) return unusable('the history query returned no samples');
    const errors = byStep(errorSeries[0], at, grid.stepSeconds);
    const totals = byStep(totalSeries[0], at, grid.stepSeconds);
    for (const [i, t] of totals.entries()) {
      const total = count(t);
      // A step without an error count but with traffic had no errors (no 5xx series yet).
      const e = Math.min(count(errors[i]) ?? 0, total ?? 0);
      ratios.push(total === undefined ? null : total === 0 ? 0 : e / total);
      spent.push(total === undefined ? 0 : e);
    }
  } else {
    if (result.series.length > 1)
      return unusable(`the history query returned ${result.series.length} series; a ratio SLI's query must return one`);
    if (result.series.length === 0) return unusable('the history query returned no samples');
    for (const v of byStep(result.series[0], at, grid.stepSeconds)) {
      // NaN is 0/0: a step without traffic, which burned nothing.
      const ratio = v === undefined || (!Number.isFinite(v) && !Number.isNaN(v)) || v < 0 ? null : Number.isNaN(v) ? 0 : Math.min(v, 1);
      ratios.push(ratio);
      spent.push(ratio ?? 0);
    }
  }
  return { answer: { source, grid, at, ratios, spent, query } };
}

/** `2026-03-01T00:00:00Z`: seconds are the history's resolution. */
function isoSeconds(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The report's history from the range query's answer and the gate's own figures:
 * the budget remaining after each step (the last one is `budgetRemaining`) and
 * each step's burn rate (null for a step without data).
 * @param budgetRemaining the gate's budget remaining over the window, in percent
 */
export function toBudgetHistory(answer: HistoryAnswer, objective: number, budgetRemaining: number): BudgetHistory {
  const budget = 1 - objective / 100;
  const windowSpent = 100 - budgetRemaining;
  const total = answer.spent.reduce((a, b) => a + b, 0);
  let spentSoFar = 0;
  const points = answer.at.map((at, i) => {
    spentSoFar += answer.spent[i]!;
    // No error in any step (the window's few errors fell between them): nothing to attribute them to, so the
    // line stays full and meets the table's figure at the last point.
    const remaining = total > 0 ? 100 - (windowSpent * spentSoFar) / total : i === answer.at.length - 1 ? budgetRemaining : 100;
    const ratio = answer.ratios[i]!;
    return {
      at: isoSeconds(at),
      budgetRemaining: Number(remaining.toFixed(2)),
      burnRate: ratio === null ? null : Number((ratio / budget).toFixed(3)),
    };
  });
  return { step: formatPromDuration(answer.grid.stepSeconds * 1000), source: answer.source, points };
}

/**
 * What the report's JSON may weigh with its histories: the check run carries the
 * report in 65,535 characters, and after the evaluation the Action may still add
 * an override record and its OIDC provenance (up to 16,384 characters).
 */
export const REPORT_HISTORY_BUDGET_CHARS = 45_000;

/**
 * Keeps the histories that fit: at most HISTORY_MAX_SLOS of them, and only as
 * many as keep the report within REPORT_HISTORY_BUDGET_CHARS, the worst SLOs
 * first (status, then the least budget, then policy order). A history therefore
 * never makes a report too big for the check run: a report that fits without
 * them fits with the ones kept, and one that does not fit keeps none. A note
 * says how many SLOs have no chart because of this.
 * @param build the report for the SLO results and the note (if any)
 */
export function fitHistories(results: readonly SloResult[], build: (results: SloResult[], note: string | null) => Report): Report {
  const charted = results
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.history !== undefined)
    .sort((a, b) => statusRank(b.r.status) - statusRank(a.r.status) || (a.r.budgetRemaining ?? 0) - (b.r.budgetRemaining ?? 0) || a.i - b.i)
    .map(({ i }) => i);
  for (let kept = Math.min(charted.length, HISTORY_MAX_SLOS); ; kept--) {
    const keep = new Set(charted.slice(0, kept));
    const limited = results.map((r, i) => {
      if (r.history === undefined || keep.has(i)) return r;
      const copy = { ...r };
      delete copy.history;
      return copy;
    });
    const left = charted.length - kept;
    const note =
      left === 0
        ? null
        : `No budget chart for ${left} of ${charted.length} SLOs (those with the most budget left), to keep the report within the check run's size limit; their figures are in the table`;
    const report = build(limited, note);
    if (kept === 0 || JSON.stringify(report).length <= REPORT_HISTORY_BUDGET_CHARS) return report;
  }
}

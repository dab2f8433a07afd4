/**
 * Each SLO's budget history as two small Mermaid `xychart-beta` charts (GitHub
 * renders Mermaid in job summaries, check runs, issues and PR comments): the
 * budget remaining across the window (a line that never rises), and the burn
 * rate of each step (bars, with a line at 1x, the rate that spends exactly the
 * budget over the window). A one-line caption says the same in words, for
 * screen readers and wherever Mermaid does not render; the table beside it
 * keeps every figure. The CLI's plain text draws no chart.
 *
 * Plain string code, no dependency: the Action bundles it. Every number in the
 * Mermaid source is one this code formats (fixed-point, no exponent, clamped),
 * whatever the report says. Every text that comes from the report (SLO name,
 * window) goes through `mermaidText`, which keeps letters, digits and a few
 * harmless marks: no quote can end a Mermaid string, no line break or `;` can
 * start a statement, no `%%` a comment or directive, no `-->` an arrow, no `<`
 * HTML, no `[`/`]` a data list, no `@`, `#` or `://` a mention, reference or
 * link. The report may come from any workflow (the app reads it from a check
 * run), so the history's size is bounded here too.
 */
import { isDuration, parseDurationMs } from '../duration.js';
import type { Report, SloResult } from '../report/report-schema.js';
import { formatBurnRate, formatPercent } from './format-values.js';
import { inert } from './inert-markdown.js';

/** Most points drawn per chart (the newest ones): what the gate writes, bounded for any report. */
export const CHART_MAX_POINTS = 30;
/** Longest label drawn from user text. */
const MAX_LABEL_CHARS = 60;
/** Values beyond this are drawn at it (a hostile report cannot make a number print in exponent form). */
const VALUE_LIMIT = 1_000_000;

const ZWSP = '\u200b';

/**
 * Text inert inside a Mermaid quoted string or an `accTitle:`/`accDescr:` line:
 * letters and digits of any script, spaces and `. _ - , ( ) + ' /` only (anything
 * else becomes a space), one line, at most 60 characters; `www.` and `GH-1`
 * broken with a zero-width space as in markdown, so nothing autolinks.
 */
export function mermaidText(text: string, max = MAX_LABEL_CHARS): string {
  const kept = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._\-,()+'/]/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  const clipped = kept.length > max ? `${kept.slice(0, max - 1).trimEnd()}…` : kept;
  return clipped.replace(/\b(www)\./gi, `$1${ZWSP}.`).replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`);
}

/** A number as Mermaid's lexer reads it: fixed-point, `digits` decimals at most, trailing zeros dropped, within ±1,000,000. */
export function mermaidNumber(value: number, digits = 2): string {
  const v = Number.isFinite(value) ? Math.max(-VALUE_LIMIT, Math.min(VALUE_LIMIT, value)) : 0;
  const text = v
    .toFixed(digits)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `value`. */
function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((c) => c >= value - 1e-12) ?? 10 * power;
}

interface ChartData {
  name: string;
  window: string;
  step: string;
  stepSeconds: number;
  budget: number[];
  /** Burn rate per step; null where the step had no data. */
  burn: (number | null)[];
}

/** The drawable part of an SLO's history, or null when it has none worth drawing (fewer than two points, an unreadable step). */
function chartData(slo: SloResult): ChartData | null {
  const h = slo.history;
  if (!h || !isDuration(h.step)) return null;
  const points = h.points.slice(-CHART_MAX_POINTS);
  if (points.length < 2) return null;
  return {
    name: slo.name,
    window: slo.window,
    step: h.step,
    stepSeconds: parseDurationMs(h.step) / 1000,
    budget: points.map((p) => p.budgetRemaining),
    burn: points.map((p) => p.burnRate),
  };
}

/** The x axis: steps before the evaluation, in days for long spans and hours (or minutes) for short ones. */
function xAxis(d: ChartData): string {
  const span = (d.budget.length - 1) * d.stepSeconds;
  const [unit, seconds] = span >= 2 * 86_400 ? ['days', 86_400] : span >= 2 * 3_600 ? ['hours', 3_600] : ['minutes', 60];
  return `  x-axis "${unit} before the evaluation" ${mermaidNumber(-span / seconds)} --> 0`;
}

/**
 * A Mermaid block with its size and colours, a few hundred characters plus the data. Colours are CSS names:
 * a hex colour such as `#1f77b4` reads as an issue reference (`#1…`) to the markdown checks that every
 * rendering passes (test/unit/fuzz-report.test.ts).
 */
function mermaidBlock(palette: string, lines: string[]): string[] {
  return [
    '```mermaid',
    `%%{init: {"xyChart": {"width": 640, "height": 240}, "themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    'xychart-beta',
    ...lines,
    '```',
  ];
}

function budgetChart(d: ChartData): string[] {
  const name = mermaidText(d.name) || 'SLO';
  const window = mermaidText(d.window, 20);
  const values = d.budget.map((v) => mermaidNumber(v));
  const lowest = Math.min(...d.budget);
  // Never above 100 from the gate; a report that says otherwise still gets an axis that holds it.
  const top = Math.max(100, Math.ceil(Math.min(Math.max(...d.budget), VALUE_LIMIT) / 10) * 10);
  // Below 0 (an overspent budget), down to the next multiple of 10.
  const floor = lowest >= 0 ? 0 : Math.floor(Math.max(lowest, -VALUE_LIMIT) / 10) * 10;
  return mermaidBlock('steelblue', [
    `  accTitle: ${name} error budget remaining over ${window}`,
    `  accDescr: From ${values[0]} to ${values[values.length - 1]} percent, one point per ${mermaidText(d.step, 20)} step`,
    `  title "${name}: budget remaining (%) over ${window}"`,
    xAxis(d),
    `  y-axis "budget remaining (%)" ${mermaidNumber(floor)} --> ${mermaidNumber(top)}`,
    `  line [${values.join(', ')}]`,
  ]);
}

function burnChart(d: ChartData): string[] {
  const name = mermaidText(d.name) || 'SLO';
  const step = mermaidText(d.step, 20);
  const known = d.burn.filter((b): b is number => b !== null);
  const highest = known.length > 0 ? Math.max(...known) : 0;
  const top = niceCeil(Math.max(1.2, Math.min(highest, VALUE_LIMIT) * 1.1));
  const missing = d.burn.length - known.length;
  return mermaidBlock('darkorange, crimson', [
    `  accTitle: ${name} burn rate per ${step} step`,
    `  accDescr: Highest ${mermaidNumber(highest)}x; the line marks 1x, the rate that spends the budget over the window${missing > 0 ? `; ${missing} steps without data are drawn at 0` : ''}`,
    `  title "${name}: burn rate per ${step} (line: 1x)"`,
    xAxis(d),
    `  y-axis "burn rate (x)" 0 --> ${mermaidNumber(top)}`,
    `  bar [${d.burn.map((b) => mermaidNumber(b ?? 0, 3)).join(', ')}]`,
    `  line [${d.burn.map(() => '1').join(', ')}]`,
  ]);
}

/** The caption: the charts in words (markdown, inert). */
function caption(d: ChartData): string {
  const known = d.burn.filter((b): b is number => b !== null);
  const missing = d.burn.length - known.length;
  const peak =
    known.length > 0
      ? `burn rate per ${inert(d.step)} step up to ${formatBurnRate(Math.max(...known))}`
      : 'no burn rate (no step had data)';
  return `**${inert(d.name)}**: budget ${formatPercent(d.budget[0]!)} → ${formatPercent(d.budget[d.budget.length - 1]!)} over the last ${d.budget.length} steps of ${inert(d.window)}; ${peak}${missing > 0 && known.length > 0 ? ` (${missing} steps without data)` : ''}.`;
}

/** One SLO's caption and charts as markdown lines; empty when it has no history worth drawing. */
export function renderSloCharts(slo: SloResult): string[] {
  const d = chartData(slo);
  if (d === null) return [];
  return [caption(d), '', ...budgetChart(d), '', ...burnChart(d), ''];
}

/**
 * The charts section of a markdown rendering: the SLOs with a history, at most
 * `maxSlos` of them, the worst first when some must be left out.
 * @param more what to say when SLOs were left out (e.g. "see the job summary")
 */
export function renderChartsSection(report: Report, options: { maxSlos?: number; more?: string } = {}): string[] {
  const charted = report.slos.filter((s) => chartData(s) !== null);
  if (charted.length === 0) return [];
  const max = options.maxSlos ?? charted.length;
  const shown =
    charted.length <= max ? charted : [...charted].sort((a, b) => (a.budgetRemaining ?? 0) - (b.budgetRemaining ?? 0)).slice(0, max);
  const lines = ["**Budget over the window** (how the window's error budget was spent, step by step; the table has the figures)", ''];
  for (const slo of shown) lines.push(...renderSloCharts(slo));
  if (shown.length < charted.length)
    lines.push(`Charts of ${charted.length - shown.length} more SLOs${options.more ? `: ${options.more}` : ''}.`, '');
  return lines;
}

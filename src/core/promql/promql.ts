/**
 * PromQL text building shared by the gate (src/core/evaluate/), the SLI kinds
 * (src/core/sli/) and the generators (src/core/generate/): one place for how a
 * window is put into a query, how matchers are joined, how a histogram bucket is
 * matched and how a gauge's last value is read, so the gate reads exactly what
 * the rules record.
 */

const WINDOW_PLACEHOLDER = /\{\{\s*\.?window\s*\}\}/g;

/** True when a template has a `{{window}}` (or Sloth's `{{.window}}`) placeholder. */
export function hasWindowPlaceholder(template: string): boolean {
  return new RegExp(WINDOW_PLACEHOLDER.source).test(template);
}

/** Substitute the window into a `{{window}}` / `{{.window}}` template. */
export function renderWindowQuery(template: string, window: string): string {
  return template.replace(WINDOW_PLACEHOLDER, window);
}

/** Label matchers joined with extra ones: `job="api"` + `le="0.3"` → `{job="api", le="0.3"}`; empty when none. */
export function matchers(...parts: string[]): string {
  const kept = parts.filter((p) => p.trim() !== '');
  return kept.length > 0 ? `{${kept.join(', ')}}` : '';
}

/** Label matchers as the policy may write them, with or without braces: `{job="api"}` → `job="api"`. */
export function normalizeSelector(selector: string | undefined): string {
  if (!selector) return '';
  const trimmed = selector.trim();
  return trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1).trim() : trimmed;
}

/** A PromQL double-quoted string literal. */
export function promString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/**
 * The histogram bucket matcher for a latency threshold, tolerant of how the `le`
 * label was written: clients write `0.5` or `1` (Go) or `1.0` (Python), and
 * Prometheus 3 normalises to a float form on ingestion. The pattern accepts
 * the plain decimal with or without trailing zeros (`[.]` is a literal dot,
 * which needs no escaping in PromQL or YAML). Exponent forms (`1e-05`) are
 * matched exactly.
 */
export function leMatcher(threshold: number): string {
  const text = String(threshold);
  if (/e/i.test(text)) return `le=${promString(text)}`;
  const [whole, fraction] = text.split('.');
  return fraction === undefined ? `le=~"${whole}([.]0*)?"` : `le=~"${whole}[.]${fraction}0*"`;
}

/** Index of the parenthesis closing the one at `open`, skipping quoted strings; -1 when unbalanced. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const quote = c;
      for (i++; i < text.length && text[i] !== quote; i++) if (text[i] === '\\' && quote !== '`') i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * `sum(query)`, or the query itself when it already is one plain `sum(...)`:
 * one series without labels either way, so the generated rules can attach theirs.
 */
export function sumOf(query: string): string {
  const q = query.trim();
  const open = q.match(/^sum\s*\(/)?.[0].length;
  if (open !== undefined && closingParen(q, open - 1) === q.length - 1) return q;
  return `sum(${q})`;
}

/** The newest value of a gauge within a lookback (a gauge pushed daily is stale for an instant query after 5 minutes). */
export function lastValueQuery(selector: string, lookback: string, aggregate: 'max' | 'min' = 'max'): string {
  return `${aggregate}(last_over_time(${selector}[${lookback}]))`;
}

/** Step of the history query: the report speaks of history in days. */
const HISTORY_STEP = '1d';
/** Range of the probe evaluated at each step: long enough for two samples at any usual scrape interval. */
export const HISTORY_PROBE_WINDOW = '1h';

/**
 * When the data behind an SLO begins, within its window: the earliest day
 * boundary at which `probe` (the SLI's traffic query over one hour) returned
 * anything. Day-aligned steps with a one-hour probe read 1/24 of the samples the
 * window's own query reads, whatever the window; the answer is exact to a day.
 * `timestamp()` of a computed vector is its evaluation time, so the minimum over
 * the subquery is the first step that had data. Empty when no step had data.
 */
export function oldestDataQuery(probe: string, window: string): string {
  return `min_over_time(timestamp(${probe})[${window}:${HISTORY_STEP}])`;
}

/** Small PromQL text helpers shared by the rule and dashboard generators. */

/** Label matchers joined with extra ones: `job="api"` + `le="0.3"` → `{job="api", le="0.3"}`; empty when none. */
export function matchers(...parts: string[]): string {
  const kept = parts.filter((p) => p.trim() !== '');
  return kept.length > 0 ? `{${kept.join(', ')}}` : '';
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

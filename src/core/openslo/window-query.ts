/**
 * OpenSLO's queries are instant queries over whatever range their author
 * wrote (`sum(rate(x[5m]))`), or bare counters that the reader is to turn into
 * counts (`counter: true`). The gate evaluates every query over several windows
 * (the SLO window and each burn-rate window), so each query becomes a template
 * with `{{window}}` where the range goes, decided on the parse tree of
 * `@prometheus-io/lezer-promql` (the grammar Prometheus maintains), never by
 * pattern matching on the text:
 *
 * 1. A query that already has `{{window}}` (or Sloth's `{{.window}}`) is a
 *    template as written.
 * 2. Otherwise, every range selector's range is the window, when they all have
 *    the same range (`[5m]` and `[5m]`): an author who wrote one range meant
 *    "the window". Ranges that differ, subqueries, `offset` and `@` are refused,
 *    since the gate cannot tell which part is the SLO's window.
 * 3. A query without any range selector, from an SLI that says its metrics are
 *    counters (`counter: true`), gets each selector wrapped in
 *    `increase(<selector>[{{window}}])`, which is what `counter: true` asks the
 *    reader to do. Without `counter: true` it is refused: a gauge's current value
 *    is not a count of events over a window.
 *
 * In every case `rate(` over the window is read as `increase(`, as for Sloth
 * specs: the ratio is the same, and the generated rules' traffic guard needs
 * event counts. `irate(` over the window is refused: it reads only the last two
 * samples, whatever the range. Pure: no I/O.
 */
import { parser } from '@prometheus-io/lezer-promql';
import { parseDurationMs } from '../duration.js';
import { hasWindowPlaceholder } from '../promql/promql.js';
import { firstError } from '../prometheus/enforce-label.js';

type Tree = ReturnType<typeof parser.parse>;
type Node = Tree['topNode'];

export type WindowTemplate = { template: string } | { refused: string };

/** Where `{{window}}` stands while the query is parsed: a duration no author writes. */
const SENTINEL = '9876543210s';
const PLACEHOLDER = /\{\{\s*\.?window\s*\}\}/g;
const WINDOW = '{{window}}';

/** One line of a query, for messages. */
function shown(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function nodes(tree: Tree, name: string): Node[] {
  const out: Node[] = [];
  tree.iterate({
    enter(n) {
      if (n.name === name) out.push(n.node);
      return undefined;
    },
  });
  return out;
}

function parseProblem(query: string, tree: Tree): string | null {
  const at = firstError(tree);
  if (at === null) return null;
  return `it does not parse as PromQL near ${JSON.stringify(shown(query.slice(Math.max(0, at - 10), at + 20)))}`;
}

/** The range of a matrix selector or subquery as written (`5m`), when it is one duration literal. */
function literalRange(query: string, node: Node): { text: string; from: number; to: number } | null {
  const ranges = node.getChildren('DurationExpr');
  const range = ranges[0];
  if (!range) return null;
  const literal = range.firstChild;
  if (!literal || literal.name !== 'NumberDurationLiteralInDurationContext' || literal.from !== range.from || literal.to !== range.to)
    return null;
  return { text: query.slice(range.from, range.to), from: range.from, to: range.to };
}

/** The function applied directly to a range vector: `rate` for `rate(x[5m])`, or null. */
function functionOver(query: string, matrix: Node): { name: string; from: number; to: number } | null {
  const body = matrix.parent;
  if (!body || body.name !== 'FunctionCallBody') return null;
  const call = body.parent;
  const identifier = call?.name === 'FunctionCall' ? call.getChild('FunctionIdentifier') : null;
  if (!identifier) return null;
  return { name: query.slice(identifier.from, identifier.to), from: identifier.from, to: identifier.to };
}

/** Refusals that hold whatever the form: a query pinned in time measures another period than the deploy's. */
function timeModifiers(query: string, tree: Tree): string | null {
  const offset = nodes(tree, 'OffsetExpr')[0];
  if (offset)
    return `it uses offset (${shown(query.slice(offset.from, offset.to))}), which would measure a window that ends before the deploy; remove it`;
  const at = nodes(tree, 'StepInvariantExpr')[0];
  if (at) return `it uses the @ modifier (${shown(query.slice(at.from, at.to))}), which pins the query to one moment; remove it`;
  return null;
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

function applyEdits(query: string, edits: Edit[]): string {
  let out = query;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) out = `${out.slice(0, edit.from)}${edit.text}${out.slice(edit.to)}`;
  return out;
}

/** `rate` → `increase` over the window, `irate` refused; other functions kept. */
function functionEdit(query: string, matrix: Node): Edit | { refused: string } | null {
  const fn = functionOver(query, matrix);
  if (!fn) return null;
  if (fn.name === 'rate') return { from: fn.from, to: fn.to, text: 'increase' };
  if (fn.name === 'irate')
    return {
      refused: 'it uses irate(), which reads only the last two samples whatever the range; use increase() (or rate()) over the window',
    };
  return null;
}

/** The template rendered with a real window must parse: a rewrite that broke the query fails here, not in Prometheus. */
function checked(template: string): WindowTemplate {
  const rendered = template.replace(PLACEHOLDER, '5m');
  const problem = parseProblem(rendered, parser.parse(rendered));
  return problem === null
    ? { template }
    : { refused: `the query could not be rewritten with {{window}} safely (${problem}); write {{window}} where the SLO window goes` };
}

/** Form 1: the author's own `{{window}}`. */
function fromPlaceholder(query: string): WindowTemplate {
  if (query.includes(SENTINEL)) return { refused: 'it contains an unusual duration the gate reserves; write the range differently' };
  const parsed = query.replace(PLACEHOLDER, SENTINEL);
  const tree = parser.parse(parsed);
  const problem = parseProblem(parsed, tree) ?? timeModifiers(parsed, tree);
  if (problem) return { refused: problem };
  const edits: Edit[] = [];
  for (const matrix of [...nodes(tree, 'MatrixSelector'), ...nodes(tree, 'SubqueryExpr')]) {
    if (literalRange(parsed, matrix)?.text !== SENTINEL) continue;
    const edit = functionEdit(parsed, matrix);
    if (edit && 'refused' in edit) return edit;
    if (edit) edits.push(edit);
  }
  return checked(applyEdits(parsed, edits).split(SENTINEL).join(WINDOW));
}

/**
 * The query as a `{{window}}` template, or why it cannot be one.
 * @param counters the SLI says its metrics are counters (OpenSLO `counter: true`, v1alpha `incremental: true`): a
 *    query without any range may be wrapped in increase()
 */
export function windowTemplate(query: string, counters: boolean): WindowTemplate {
  if (hasWindowPlaceholder(query)) return fromPlaceholder(query);
  const tree = parser.parse(query);
  const problem = parseProblem(query, tree) ?? timeModifiers(query, tree);
  if (problem) return { refused: problem };
  const subquery = nodes(tree, 'SubqueryExpr')[0];
  if (subquery) {
    return {
      refused: `it has a subquery (${shown(query.slice(subquery.from, subquery.to))}), so the gate cannot tell which range is the SLO window; write {{window}} where the window goes`,
    };
  }
  const matrices = nodes(tree, 'MatrixSelector');
  if (matrices.length > 0) {
    const edits: Edit[] = [];
    const ranges = new Map<number, string>();
    for (const matrix of matrices) {
      const range = literalRange(query, matrix);
      if (matrix.firstChild?.name !== 'VectorSelector' || !range) {
        return {
          refused: `the range selector ${shown(query.slice(matrix.from, matrix.to))} is not a selector with a plain range such as [5m]; write {{window}} where the SLO window goes`,
        };
      }
      let ms: number;
      try {
        ms = parseDurationMs(range.text);
      } catch {
        return { refused: `the range [${range.text}] is not a duration the gate reads; write {{window}} where the SLO window goes` };
      }
      ranges.set(ms, range.text);
      edits.push({ from: range.from, to: range.to, text: WINDOW });
      const edit = functionEdit(query, matrix);
      if (edit && 'refused' in edit) return edit;
      if (edit) edits.push(edit);
    }
    if (ranges.size > 1) {
      return {
        refused: `its range selectors have different ranges (${[...ranges.values()].map((r) => `[${r}]`).join(', ')}), so the gate cannot tell which is the SLO window; write {{window}} where the window goes`,
      };
    }
    return checked(applyEdits(query, edits));
  }
  if (!counters) {
    return {
      refused:
        'it has no range selector, so it reads one instant, not events over a window: write {{window}} where the window goes (e.g. sum(increase(http_requests_total[{{window}}]))), or set counter: true on the ratioMetric when the selectors are counters (the gate then reads increase() of each over the window)',
    };
  }
  const selectors = nodes(tree, 'VectorSelector');
  if (selectors.length === 0) return { refused: 'it reads no series at all' };
  return checked(
    applyEdits(
      query,
      selectors.map((s) => ({ from: s.from, to: s.to, text: `increase(${query.slice(s.from, s.to)}[${WINDOW}])` })),
    ),
  );
}

export type HistogramSelector = { metric: string; selector: string } | { refused: string };

/**
 * A threshold metric's query as a histogram: it must be the bucket selector
 * alone (`http_request_duration_seconds_bucket{job="api"}`), so that good events
 * are the bucket at the objective's value and all events the histogram's
 * `_count`. Anything else (a quantile, a gauge, a rate) compares values, not
 * events, and is refused.
 */
export function histogramSelector(query: string): HistogramSelector {
  const form =
    "expected the histogram's bucket selector alone, e.g. http_request_duration_seconds_bucket{job=\"api\"}: good events are the bucket whose le is the objective's value, all events the histogram's _count";
  if (hasWindowPlaceholder(query)) return { refused: `${form}; the gate adds the window itself` };
  const tree = parser.parse(query);
  const problem = parseProblem(query, tree);
  if (problem) return { refused: problem };
  const top = tree.topNode.firstChild;
  if (!top || top.name !== 'VectorSelector' || top.nextSibling) return { refused: `${form}; got ${shown(query)}` };
  const identifier = top.getChild('Identifier');
  const name = identifier ? query.slice(identifier.from, identifier.to) : '';
  if (!name.endsWith('_bucket') || name.length === '_bucket'.length)
    return { refused: `${form}; ${name ? `${name} is not a _bucket series` : 'the selector names no metric'}` };
  const matchers = top.getChild('LabelMatchers');
  const parts: string[] = [];
  for (let child = matchers?.firstChild ?? null; child; child = child.nextSibling) {
    if (child.name === 'QuotedLabelName' || child.name === 'QuotedLabelMatcher')
      return { refused: `${form}; quoted label names are not supported here` };
    if (child.name !== 'UnquotedLabelMatcher') continue;
    const label = child.getChild('LabelName');
    const labelName = label ? query.slice(label.from, label.to) : '';
    if (labelName === 'le') return { refused: "the selector has an le matcher; leave it out: the objective's value picks the bucket" };
    if (labelName === '__name__') return { refused: `${form}; name the metric before the braces, not with __name__` };
    parts.push(query.slice(child.from, child.to));
  }
  return { metric: name.slice(0, -'_bucket'.length), selector: parts.join(', ') };
}

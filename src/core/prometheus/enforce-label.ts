/**
 * Label enforcement for a shared Prometheus (the `prom-label-proxy` idea, done by
 * the app before a query leaves it): every vector and matrix selector of a query
 * must carry `name="value"`, the tenant's own label matcher.
 *
 * The query is parsed with `@prometheus-io/lezer-promql`, the grammar the
 * Prometheus project maintains for its own UI. Every `VectorSelector` node is
 * visited (inside functions, aggregations, binary operations and their `on()` /
 * `group_left` joins, subqueries, `offset`, `@`, `info()`'s selector argument):
 * - a selector without a matcher on the label gets one appended;
 * - a selector that already has exactly `name="value"` is kept as it is;
 * - a selector with any other matcher on that label (`=~`, `!=`, `!~`, another
 *   value, even the same value as a regex) is refused, naming the selector.
 * String literals and comments are never touched: only selector nodes are
 * rewritten, so a `{` inside a string or after `#` is not a selector.
 *
 * What is refused rather than guessed at: a query that does not parse (the app
 * cannot prove where its selectors are), an unterminated string literal, and a
 * string it cannot decode. The rewritten query is parsed again and every
 * selector checked before it is returned, so a bug in the rewriting fails
 * closed. Residual risk: the lezer grammar and Prometheus's own parser are two
 * parsers; a construct that Prometheus reads as a selector while lezer reads it
 * as something else would escape enforcement. Both tokenise strings, comments
 * and identifiers the same way today, and a query lezer cannot parse is refused.
 *
 * Pure: no I/O.
 */
import { parser } from '@prometheus-io/lezer-promql';

export interface LabelMatcher {
  /** A label name (`[a-zA-Z_][a-zA-Z0-9_]*`). */
  name: string;
  value: string;
}

export type Enforced = { query: string } | { refused: string };

type Tree = ReturnType<typeof parser.parse>;
type Node = Tree['topNode'];

/** Longest query parsed: the policy's own queries are a few hundred characters. */
const MAX_ENFORCED_QUERY_CHARS = 64 * 1024;

const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The matcher as PromQL writes it: `tenant="a"`. */
function formatMatcher(m: LabelMatcher): string {
  const name = LEGACY_LABEL_NAME.test(m.name) ? m.name : JSON.stringify(m.name);
  return `${name}=${JSON.stringify(m.value)}`;
}

/** A short, one-line rendering of a piece of the query for messages. */
function shown(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/**
 * The value of a PromQL string literal (Go's rules: `"…"` and `'…'` with
 * backslash escapes, `` `…` `` raw), or null when it is unterminated or has an
 * escape Go would reject.
 */
export function decodePromqlString(literal: string): string | null {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) return null;
  const body = literal.slice(1, -1);
  if (quote === '`') return body.includes('`') ? null : body;
  if (quote !== '"' && quote !== "'") return null;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === quote || c === '\n') return null;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return null;
    if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const size = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + size);
      if (!new RegExp(`^[0-9a-fA-F]{${size}}$`).test(hex)) return null;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
      out += e === 'x' ? String.fromCharCode(code) : String.fromCodePoint(code);
      i += size;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return null;
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else {
      return null;
    }
  }
  return out;
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** The first syntax error of a tree, or null. */
export function firstError(tree: Tree): number | null {
  let at: number | null = null;
  tree.iterate({
    enter(n) {
      if (at !== null) return false;
      if (n.type.isError) at = n.from;
      return undefined;
    },
  });
  return at;
}

/** 1-based line and column of an offset. */
function position(query: string, offset: number): string {
  const before = query.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return line === 1 ? `column ${column}` : `line ${line}, column ${column}`;
}

interface Selector {
  node: Node;
  /** Where a new matcher goes, and the text to insert there. */
  insertAt: number;
  insert: string;
}

type SelectorCheck = { ok: true; has: boolean; selector: Selector } | { ok: false; refused: string };

/** The label matchers of a selector on `name`, and where to add one. */
function checkSelector(query: string, node: Node, required: LabelMatcher): SelectorCheck {
  const text = shown(query.slice(node.from, node.to));
  const where = position(query, node.from);
  const matchers = node.getChild('LabelMatchers');
  const wanted = formatMatcher(required);
  if (!matchers) {
    // `metric` alone: braces go right after the name (before any offset, @ or range, which are outside the node).
    return { ok: true, has: false, selector: { node, insertAt: node.to, insert: `{${wanted}}` } };
  }
  let has = false;
  let lastEnd: number | null = null;
  for (const child of children(matchers)) {
    if (child.name !== 'UnquotedLabelMatcher' && child.name !== 'QuotedLabelMatcher' && child.name !== 'QuotedLabelName') continue;
    lastEnd = child.to;
    if (child.name === 'QuotedLabelName') {
      // `{"metric.name"}`: the metric name, no label matcher. Still a string that must decode.
      if (decodePromqlString(query.slice(child.from, child.to)) === null)
        return { ok: false, refused: `the selector ${text} at ${where} has a string the app cannot read` };
      continue;
    }
    const nameNode = child.getChild('LabelName') ?? child.getChild('QuotedLabelName');
    const op = child.getChild('MatchOp');
    const valueNode = child.getChild('StringLiteral');
    if (!nameNode || !op || !valueNode)
      return { ok: false, refused: `the selector ${text} at ${where} has a label matcher the app cannot read` };
    const rawName = query.slice(nameNode.from, nameNode.to);
    const name = nameNode.name === 'LabelName' ? rawName : decodePromqlString(rawName);
    const value = decodePromqlString(query.slice(valueNode.from, valueNode.to));
    if (name === null || value === null)
      return {
        ok: false,
        refused: `the selector ${text} at ${where} has a string the app cannot read (unterminated, or an invalid escape)`,
      };
    if (name !== required.name) continue;
    const operator = query.slice(op.from, op.to);
    if (operator !== '=' || value !== required.value) {
      return {
        ok: false,
        refused: `the selector ${text} at ${where} matches the label ${required.name} with ${shown(query.slice(child.from, child.to))}; this repository may only read series with ${wanted} (remove that matcher: the app adds ${wanted} to every selector)`,
      };
    }
    has = true;
  }
  const open = matchers.from; // the "{"
  return { ok: true, has, selector: { node, insertAt: lastEnd ?? open + 1, insert: lastEnd === null ? wanted : `, ${wanted}` } };
}

function selectors(tree: Tree): Node[] {
  const out: Node[] = [];
  tree.iterate({
    enter(n) {
      if (n.name === 'VectorSelector') out.push(n.node);
      return undefined;
    },
  });
  return out;
}

/** Every string literal of the query decodes (an unterminated one parses without an error node in lezer). */
function badString(tree: Tree, query: string): number | null {
  let at: number | null = null;
  tree.iterate({
    enter(n) {
      if (at !== null) return false;
      if (n.name === 'StringLiteral' && decodePromqlString(query.slice(n.from, n.to)) === null) at = n.from;
      return undefined;
    },
  });
  return at;
}

function parseProblem(query: string, tree: Tree): string | null {
  const error = firstError(tree);
  if (error !== null) {
    const near = shown(query.slice(error, error + 30));
    return `the query does not parse at ${position(query, error)}${near ? ` (near ${JSON.stringify(near)})` : ''}, so the app cannot check which series it reads`;
  }
  const bad = badString(tree, query);
  if (bad !== null) return `the string at ${position(query, bad)} is unterminated or has an invalid escape`;
  return null;
}

/**
 * The query with `required` on every selector, or why it is refused. The
 * message names the selector and its position in the query as written.
 */
export function enforceLabel(query: string, required: LabelMatcher): Enforced {
  if (!LEGACY_LABEL_NAME.test(required.name))
    return { refused: `the required label name ${JSON.stringify(required.name)} is not a valid label name` };
  if (query.length > MAX_ENFORCED_QUERY_CHARS)
    return { refused: `the query has ${query.length} characters; at most ${MAX_ENFORCED_QUERY_CHARS} are checked` };
  const tree = parser.parse(query);
  const problem = parseProblem(query, tree);
  if (problem) return { refused: problem };
  const edits: { at: number; text: string }[] = [];
  for (const node of selectors(tree)) {
    const check = checkSelector(query, node, required);
    if (!check.ok) return { refused: check.refused };
    if (!check.has) edits.push({ at: check.selector.insertAt, text: check.selector.insert });
  }
  let out = query;
  for (const edit of edits.sort((a, b) => b.at - a.at)) out = `${out.slice(0, edit.at)}${edit.text}${out.slice(edit.at)}`;
  // Fail closed on a rewriting bug: the result must parse and every selector must now carry the matcher.
  const again = parser.parse(out);
  if (parseProblem(out, again) !== null)
    return { refused: 'the app could not add the tenant label to this query safely; write its selectors more plainly' };
  for (const node of selectors(again)) {
    const check = checkSelector(out, node, required);
    if (!check.ok || !check.has)
      return { refused: 'the app could not add the tenant label to this query safely; write its selectors more plainly' };
  }
  return { query: out };
}

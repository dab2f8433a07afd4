export const id = 86;
export const ids = [86];
export const modules = {

/***/ 6086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyOpenSloSource: () => (/* binding */ applyOpenSloSource)
});

// EXTERNAL MODULE: ./src/core/policy/policy-error.ts
var policy_error = __webpack_require__(5833);
// EXTERNAL MODULE: ./src/core/policy/policy-issues.ts
var policy_issues = __webpack_require__(7163);
// EXTERNAL MODULE: ./src/core/policy/schema.ts
var schema = __webpack_require__(9863);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/yaml/parse-hardened-yaml.ts
var parse_hardened_yaml = __webpack_require__(3412);
;// CONCATENATED MODULE: ./src/core/openslo/parse-documents.ts
/**
 * The objects of an OpenSLO file: one or more YAML documents (`---`), each an
 * object or a list of objects (both forms are OpenSLO's). The app reads this
 * file from a repository, so it gets the policy loader's defences
 * (src/core/policy/load-policy.ts): a size cap, a nesting cap measured on the
 * CST before anything recursive runs, a linear duplicate-key check, bounded
 * alias expansion, and at most 50 problems, each with its line.
 *
 * Pure: the adapters read the file.
 */


/** Longest OpenSLO file accepted: the policy file's cap (a real one is a few KB). */
const MAX_OPENSLO_CHARS = 256 * 1024;
/** OpenSLO's deepest field is about 10 levels down (spec.indicator.spec.ratioMetric.good.metricSource.spec.query). */
const MAX_DEPTH = 64;
const MAX_ALIAS_COUNT = 100;
const MAX_ISSUES = 50;
/** Every object of the file, in order, or the YAML problems found. Empty documents are skipped. */
function parseOpenSloDocuments(text) {
    if (text.length > MAX_OPENSLO_CHARS) {
        return {
            ok: false,
            issues: [{ path: '', message: `the file has ${text.length} characters; an OpenSLO file may have at most ${MAX_OPENSLO_CHARS}` }],
        };
    }
    const deep = (0,parse_hardened_yaml/* tooDeep */.DI)(text, MAX_DEPTH);
    if (deep !== null) {
        const line = text.slice(0, deep).split('\n').length;
        return {
            ok: false,
            issues: [{ path: `line ${line}`, message: `YAML nesting: collections nested more than ${MAX_DEPTH} levels deep at line ${line}` }],
        };
    }
    const lineCounter = new dist/* LineCounter */.HN();
    const parsed = (0,dist/* parseAllDocuments */.hR)(text, { prettyErrors: false, uniqueKeys: false, lineCounter, logLevel: 'error' });
    const docs = Array.isArray(parsed) ? parsed : [parsed];
    const issues = [];
    const objects = [];
    for (const [d, doc] of docs.entries()) {
        for (const e of doc.errors) {
            const at = e.pos[0] >= 0 ? lineCounter.linePos(e.pos[0]) : null;
            issues.push({
                path: at ? `line ${at.line}` : `document ${d + 1}`,
                message: `YAML syntax: ${e.message.split('\n')[0]}${at ? ` at line ${at.line}, column ${at.col}` : ''}`,
            });
        }
        if (doc.errors.length > 0)
            continue;
        const duplicate = (0,parse_hardened_yaml/* duplicateKey */.Ve)(doc, lineCounter);
        if (duplicate) {
            issues.push(duplicate);
            continue;
        }
        let data;
        try {
            data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        }
        catch (error) {
            issues.push({
                path: `document ${d + 1}`,
                message: `YAML aliases: ${error instanceof Error ? error.message : String(error)} (write the values out, or use fewer anchors and aliases)`,
            });
            continue;
        }
        if (data === null || data === undefined)
            continue;
        if (Array.isArray(data))
            data.forEach((item, i) => objects.push({ where: `document ${d + 1}, item ${i + 1}`, data: item }));
        else
            objects.push({ where: `document ${d + 1}`, data });
        if (issues.length > MAX_ISSUES)
            break;
    }
    if (issues.length > 0)
        return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
    return { ok: true, objects };
}

// EXTERNAL MODULE: ./node_modules/@prometheus-io/lezer-promql/dist/index.es.js + 3 modules
var index_es = __webpack_require__(6828);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/promql/promql.ts
var promql = __webpack_require__(2124);
;// CONCATENATED MODULE: ./src/core/prometheus/enforce-label.ts
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

/** Longest query parsed: the policy's own queries are a few hundred characters. */
const MAX_ENFORCED_QUERY_CHARS = (/* unused pure expression or super */ null && (64 * 1024));
const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** The matcher as PromQL writes it: `tenant="a"`. */
function formatMatcher(m) {
    const name = LEGACY_LABEL_NAME.test(m.name) ? m.name : JSON.stringify(m.name);
    return `${name}=${JSON.stringify(m.value)}`;
}
/** A short, one-line rendering of a piece of the query for messages. */
function shown(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}
const SIMPLE_ESCAPES = {
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
function decodePromqlString(literal) {
    const quote = literal[0];
    if (literal.length < 2 || literal[literal.length - 1] !== quote)
        return null;
    const body = literal.slice(1, -1);
    if (quote === '`')
        return body.includes('`') ? null : body;
    if (quote !== '"' && quote !== "'")
        return null;
    let out = '';
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c === quote || c === '\n')
            return null;
        if (c !== '\\') {
            out += c;
            continue;
        }
        const e = body[++i];
        if (e === undefined)
            return null;
        if (e in SIMPLE_ESCAPES) {
            out += SIMPLE_ESCAPES[e];
        }
        else if (e === 'x' || e === 'u' || e === 'U') {
            const size = e === 'x' ? 2 : e === 'u' ? 4 : 8;
            const hex = body.slice(i + 1, i + 1 + size);
            if (!new RegExp(`^[0-9a-fA-F]{${size}}$`).test(hex))
                return null;
            const code = parseInt(hex, 16);
            if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
                return null;
            out += e === 'x' ? String.fromCharCode(code) : String.fromCodePoint(code);
            i += size;
        }
        else if (/[0-7]/.test(e)) {
            const oct = body.slice(i, i + 3);
            if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255)
                return null;
            out += String.fromCharCode(parseInt(oct, 8));
            i += 2;
        }
        else {
            return null;
        }
    }
    return out;
}
function children(node) {
    const out = [];
    for (let c = node.firstChild; c; c = c.nextSibling)
        out.push(c);
    return out;
}
/** The first syntax error of a tree, or null. */
function firstError(tree) {
    let at = null;
    tree.iterate({
        enter(n) {
            if (at !== null)
                return false;
            if (n.type.isError)
                at = n.from;
            return undefined;
        },
    });
    return at;
}
/** 1-based line and column of an offset. */
function position(query, offset) {
    const before = query.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return line === 1 ? `column ${column}` : `line ${line}, column ${column}`;
}
/** The label matchers of a selector on `name`, and where to add one. */
function checkSelector(query, node, required) {
    const text = shown(query.slice(node.from, node.to));
    const where = position(query, node.from);
    const matchers = node.getChild('LabelMatchers');
    const wanted = formatMatcher(required);
    if (!matchers) {
        // `metric` alone: braces go right after the name (before any offset, @ or range, which are outside the node).
        return { ok: true, has: false, selector: { node, insertAt: node.to, insert: `{${wanted}}` } };
    }
    let has = false;
    let lastEnd = null;
    for (const child of children(matchers)) {
        if (child.name !== 'UnquotedLabelMatcher' && child.name !== 'QuotedLabelMatcher' && child.name !== 'QuotedLabelName')
            continue;
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
        if (name !== required.name)
            continue;
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
function selectors(tree) {
    const out = [];
    tree.iterate({
        enter(n) {
            if (n.name === 'VectorSelector')
                out.push(n.node);
            return undefined;
        },
    });
    return out;
}
/** Every string literal of the query decodes (an unterminated one parses without an error node in lezer). */
function badString(tree, query) {
    let at = null;
    tree.iterate({
        enter(n) {
            if (at !== null)
                return false;
            if (n.name === 'StringLiteral' && decodePromqlString(query.slice(n.from, n.to)) === null)
                at = n.from;
            return undefined;
        },
    });
    return at;
}
function parseProblem(query, tree) {
    const error = firstError(tree);
    if (error !== null) {
        const near = shown(query.slice(error, error + 30));
        return `the query does not parse at ${position(query, error)}${near ? ` (near ${JSON.stringify(near)})` : ''}, so the app cannot check which series it reads`;
    }
    const bad = badString(tree, query);
    if (bad !== null)
        return `the string at ${position(query, bad)} is unterminated or has an invalid escape`;
    return null;
}
/**
 * The query with `required` on every selector, or why it is refused. The
 * message names the selector and its position in the query as written.
 */
function enforceLabel(query, required) {
    if (!LEGACY_LABEL_NAME.test(required.name))
        return { refused: `the required label name ${JSON.stringify(required.name)} is not a valid label name` };
    if (query.length > MAX_ENFORCED_QUERY_CHARS)
        return { refused: `the query has ${query.length} characters; at most ${MAX_ENFORCED_QUERY_CHARS} are checked` };
    const tree = parser.parse(query);
    const problem = parseProblem(query, tree);
    if (problem)
        return { refused: problem };
    const edits = [];
    for (const node of selectors(tree)) {
        const check = checkSelector(query, node, required);
        if (!check.ok)
            return { refused: check.refused };
        if (!check.has)
            edits.push({ at: check.selector.insertAt, text: check.selector.insert });
    }
    let out = query;
    for (const edit of edits.sort((a, b) => b.at - a.at))
        out = `${out.slice(0, edit.at)}${edit.text}${out.slice(edit.at)}`;
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

;// CONCATENATED MODULE: ./src/core/openslo/window-query.ts
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




/** Where `{{window}}` stands while the query is parsed: a duration no author writes. */
const SENTINEL = '9876543210s';
const PLACEHOLDER = /\{\{\s*\.?window\s*\}\}/g;
const WINDOW = '{{window}}';
/** One line of a query, for messages. */
function window_query_shown(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
function nodes(tree, name) {
    const out = [];
    tree.iterate({
        enter(n) {
            if (n.name === name)
                out.push(n.node);
            return undefined;
        },
    });
    return out;
}
function window_query_parseProblem(query, tree) {
    const at = firstError(tree);
    if (at === null)
        return null;
    return `it does not parse as PromQL near ${JSON.stringify(window_query_shown(query.slice(Math.max(0, at - 10), at + 20)))}`;
}
/** The range of a matrix selector or subquery as written (`5m`), when it is one duration literal. */
function literalRange(query, node) {
    const ranges = node.getChildren('DurationExpr');
    const range = ranges[0];
    if (!range)
        return null;
    const literal = range.firstChild;
    if (!literal || literal.name !== 'NumberDurationLiteralInDurationContext' || literal.from !== range.from || literal.to !== range.to)
        return null;
    return { text: query.slice(range.from, range.to), from: range.from, to: range.to };
}
/** The function applied directly to a range vector: `rate` for `rate(x[5m])`, or null. */
function functionOver(query, matrix) {
    const body = matrix.parent;
    if (!body || body.name !== 'FunctionCallBody')
        return null;
    const call = body.parent;
    const identifier = call?.name === 'FunctionCall' ? call.getChild('FunctionIdentifier') : null;
    if (!identifier)
        return null;
    return { name: query.slice(identifier.from, identifier.to), from: identifier.from, to: identifier.to };
}
/** Refusals that hold whatever the form: a query pinned in time measures another period than the deploy's. */
function timeModifiers(query, tree) {
    const offset = nodes(tree, 'OffsetExpr')[0];
    if (offset)
        return `it uses offset (${window_query_shown(query.slice(offset.from, offset.to))}), which would measure a window that ends before the deploy; remove it`;
    const at = nodes(tree, 'StepInvariantExpr')[0];
    if (at)
        return `it uses the @ modifier (${window_query_shown(query.slice(at.from, at.to))}), which pins the query to one moment; remove it`;
    return null;
}
function applyEdits(query, edits) {
    let out = query;
    for (const edit of [...edits].sort((a, b) => b.from - a.from))
        out = `${out.slice(0, edit.from)}${edit.text}${out.slice(edit.to)}`;
    return out;
}
/** `rate` → `increase` over the window, `irate` refused; other functions kept. */
function functionEdit(query, matrix) {
    const fn = functionOver(query, matrix);
    if (!fn)
        return null;
    if (fn.name === 'rate')
        return { from: fn.from, to: fn.to, text: 'increase' };
    if (fn.name === 'irate')
        return {
            refused: 'it uses irate(), which reads only the last two samples whatever the range; use increase() (or rate()) over the window',
        };
    return null;
}
/** The template rendered with a real window must parse: a rewrite that broke the query fails here, not in Prometheus. */
function checked(template) {
    const rendered = template.replace(PLACEHOLDER, '5m');
    const problem = window_query_parseProblem(rendered, index_es/* parser */.K3D.parse(rendered));
    return problem === null
        ? { template }
        : { refused: `the query could not be rewritten with {{window}} safely (${problem}); write {{window}} where the SLO window goes` };
}
/** Form 1: the author's own `{{window}}`. */
function fromPlaceholder(query) {
    if (query.includes(SENTINEL))
        return { refused: 'it contains an unusual duration the gate reserves; write the range differently' };
    const parsed = query.replace(PLACEHOLDER, SENTINEL);
    const tree = index_es/* parser */.K3D.parse(parsed);
    const problem = window_query_parseProblem(parsed, tree) ?? timeModifiers(parsed, tree);
    if (problem)
        return { refused: problem };
    const edits = [];
    for (const matrix of [...nodes(tree, 'MatrixSelector'), ...nodes(tree, 'SubqueryExpr')]) {
        if (literalRange(parsed, matrix)?.text !== SENTINEL)
            continue;
        const edit = functionEdit(parsed, matrix);
        if (edit && 'refused' in edit)
            return edit;
        if (edit)
            edits.push(edit);
    }
    return checked(applyEdits(parsed, edits).split(SENTINEL).join(WINDOW));
}
/**
 * The query as a `{{window}}` template, or why it cannot be one.
 * @param counters the SLI says its metrics are counters (OpenSLO `counter: true`, v1alpha `incremental: true`): a
 *    query without any range may be wrapped in increase()
 */
function windowTemplate(query, counters) {
    if ((0,promql/* hasWindowPlaceholder */.Qn)(query))
        return fromPlaceholder(query);
    const tree = index_es/* parser */.K3D.parse(query);
    const problem = window_query_parseProblem(query, tree) ?? timeModifiers(query, tree);
    if (problem)
        return { refused: problem };
    const subquery = nodes(tree, 'SubqueryExpr')[0];
    if (subquery) {
        return {
            refused: `it has a subquery (${window_query_shown(query.slice(subquery.from, subquery.to))}), so the gate cannot tell which range is the SLO window; write {{window}} where the window goes`,
        };
    }
    const matrices = nodes(tree, 'MatrixSelector');
    if (matrices.length > 0) {
        const edits = [];
        const ranges = new Map();
        for (const matrix of matrices) {
            const range = literalRange(query, matrix);
            if (matrix.firstChild?.name !== 'VectorSelector' || !range) {
                return {
                    refused: `the range selector ${window_query_shown(query.slice(matrix.from, matrix.to))} is not a selector with a plain range such as [5m]; write {{window}} where the SLO window goes`,
                };
            }
            let ms;
            try {
                ms = (0,duration/* parseDurationMs */.yi)(range.text);
            }
            catch {
                return { refused: `the range [${range.text}] is not a duration the gate reads; write {{window}} where the SLO window goes` };
            }
            ranges.set(ms, range.text);
            edits.push({ from: range.from, to: range.to, text: WINDOW });
            const edit = functionEdit(query, matrix);
            if (edit && 'refused' in edit)
                return edit;
            if (edit)
                edits.push(edit);
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
            refused: 'it has no range selector, so it reads one instant, not events over a window: write {{window}} where the window goes (e.g. sum(increase(http_requests_total[{{window}}]))), or set counter: true on the ratioMetric when the selectors are counters (the gate then reads increase() of each over the window)',
        };
    }
    const selectors = nodes(tree, 'VectorSelector');
    if (selectors.length === 0)
        return { refused: 'it reads no series at all' };
    return checked(applyEdits(query, selectors.map((s) => ({ from: s.from, to: s.to, text: `increase(${query.slice(s.from, s.to)}[${WINDOW}])` }))));
}
/**
 * A threshold metric's query as a histogram: it must be the bucket selector
 * alone (`http_request_duration_seconds_bucket{job="api"}`), so that good events
 * are the bucket at the objective's value and all events the histogram's
 * `_count`. Anything else (a quantile, a gauge, a rate) compares values, not
 * events, and is refused.
 */
function histogramSelector(query) {
    const form = "expected the histogram's bucket selector alone, e.g. http_request_duration_seconds_bucket{job=\"api\"}: good events are the bucket whose le is the objective's value, all events the histogram's _count";
    if ((0,promql/* hasWindowPlaceholder */.Qn)(query))
        return { refused: `${form}; the gate adds the window itself` };
    const tree = index_es/* parser */.K3D.parse(query);
    const problem = window_query_parseProblem(query, tree);
    if (problem)
        return { refused: problem };
    const top = tree.topNode.firstChild;
    if (!top || top.name !== 'VectorSelector' || top.nextSibling)
        return { refused: `${form}; got ${window_query_shown(query)}` };
    const identifier = top.getChild('Identifier');
    const name = identifier ? query.slice(identifier.from, identifier.to) : '';
    if (!name.endsWith('_bucket') || name.length === '_bucket'.length)
        return { refused: `${form}; ${name ? `${name} is not a _bucket series` : 'the selector names no metric'}` };
    const matchers = top.getChild('LabelMatchers');
    const parts = [];
    for (let child = matchers?.firstChild ?? null; child; child = child.nextSibling) {
        if (child.name === 'QuotedLabelName' || child.name === 'QuotedLabelMatcher')
            return { refused: `${form}; quoted label names are not supported here` };
        if (child.name !== 'UnquotedLabelMatcher')
            continue;
        const label = child.getChild('LabelName');
        const labelName = label ? query.slice(label.from, label.to) : '';
        if (labelName === 'le')
            return { refused: "the selector has an le matcher; leave it out: the objective's value picks the bucket" };
        if (labelName === '__name__')
            return { refused: `${form}; name the metric before the braces, not with __name__` };
        parts.push(query.slice(child.from, child.to));
    }
    return { metric: name.slice(0, -'_bucket'.length), selector: parts.join(', ') };
}

;// CONCATENATED MODULE: ./src/core/openslo/from-openslo.ts
/**
 * OpenSLO documents as the project's SLOs, so a team that writes its SLOs in
 * the vendor-neutral format can point the gate (and `generate rules` /
 * `generate dashboard`) at the file it already has. Pure: the adapters read the
 * file and pass its text in.
 *
 * Read: `apiVersion: openslo/v1` (`kind: SLO`, with `spec.indicator` inline or
 * `spec.indicatorRef` to a `kind: SLI` in the same file; `kind: DataSource` for
 * a metric source's type), and `openslo/v1alpha` SLOs the way Sloth reads them
 * (`objectives[].ratioMetrics` good/total). Other kinds (Service, AlertPolicy,
 * AlertCondition, AlertNotificationTarget) describe things the gate does not
 * do and are skipped.
 *
 * Mapping (one objective → one SLO):
 * - name: `metadata.name` (`<name>-<index>` when the SLO has several
 *   objectives); v1alpha: Sloth's id `<service>-<name>-<index>`;
 * - service, description (cut at 500 characters);
 * - objective: `target` is a fraction (0.999 → 99.9), `targetPercent` a percentage;
 * - window: `timeWindow[0].duration` of a rolling window (`isRolling: true`);
 * - `ratioMetric` good/total → `good-events` (errors = total − good, clamped),
 *   bad/total → `events`, raw with `rawType` → `ratio` (`1 − raw` for success);
 * - `thresholdMetric` on a histogram's bucket selector, with `op: lte` (or `lt`)
 *   and `value` the bucket's bound → `latency`.
 * Refused, naming the document and the field: calendar windows, `Timeslices`
 * and `RatioTimeslices`, months and quarters as durations, metric sources other
 * than Prometheus, composite SLOs, threshold metrics that are not a histogram
 * bucket, and queries whose window cannot be found (window-query.ts).
 */





const isObj = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const V1 = 'openslo/v1';
const V1ALPHA = 'openslo/v1alpha';
const V1_KINDS = ['SLO', 'SLI', 'DataSource', 'Service', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget'];
/** `SLO/checkout` for a named object, `document 2 (SLO)` otherwise. */
function label(kind, name, where) {
    return typeof name === 'string' && name !== '' ? `${kind}/${name}` : `${where} (${kind})`;
}
function nameOf(object) {
    return isObj(object.metadata) ? object.metadata.name : undefined;
}
function add(ctx, at, message) {
    ctx.issues.push({ path: at, message });
    return null;
}
/** A metric source's PromQL, or null (an issue recorded) when it is not a Prometheus query. */
function promQuery(ctx, metric, at) {
    if (!isObj(metric) || !isObj(metric.metricSource))
        return add(ctx, `${at}.metricSource`, `expected a metricSource with type: Prometheus and spec.query; got ${(0,policy_issues/* describeValue */.bp)(metric)}`);
    const source = metric.metricSource;
    let type = source.type;
    if (type === undefined && typeof source.metricSourceRef === 'string') {
        const dataSource = ctx.dataSources.get(source.metricSourceRef);
        if (!dataSource) {
            return add(ctx, `${at}.metricSource.metricSourceRef`, `names no kind: DataSource in this file ("${source.metricSourceRef}"), and metricSource.type is not set; set type: Prometheus`);
        }
        type = isObj(dataSource.spec) ? dataSource.spec.type : undefined;
    }
    if (typeof type !== 'string')
        return add(ctx, `${at}.metricSource.type`, `expected type: Prometheus; got ${(0,policy_issues/* describeValue */.bp)(type)}`);
    if (type.toLowerCase() !== 'prometheus') {
        return add(ctx, `${at}.metricSource.type`, `expected type: Prometheus: the gate reads Prometheus (and Prometheus-compatible APIs such as Thanos, Mimir or VictoriaMetrics) only; got "${type}"`);
    }
    const query = isObj(source.spec) ? source.spec.query : undefined;
    if (typeof query !== 'string' || query.trim() === '')
        return add(ctx, `${at}.metricSource.spec.query`, `expected a PromQL query; got ${(0,policy_issues/* describeValue */.bp)(query)}`);
    return query.trim();
}
/** A query as a `{{window}}` template, or null (an issue recorded). */
function template(ctx, query, counters, at) {
    const result = windowTemplate(query, counters);
    if ('refused' in result)
        return add(ctx, at, `${result.refused} (query: ${query.replace(/\s+/g, ' ')})`);
    return result.template;
}
/** An OpenSLO v1 SLI's `spec` as the gate reads it. */
function indicatorOf(ctx, spec, at) {
    if (!isObj(spec))
        return add(ctx, at, `expected the SLI's spec with ratioMetric or thresholdMetric; got ${(0,policy_issues/* describeValue */.bp)(spec)}`);
    const { ratioMetric, thresholdMetric } = spec;
    if ((ratioMetric === undefined) === (thresholdMetric === undefined)) {
        return add(ctx, at, 'expected exactly one of ratioMetric or thresholdMetric');
    }
    if (thresholdMetric !== undefined) {
        const query = promQuery(ctx, thresholdMetric, `${at}.thresholdMetric`);
        if (query === null)
            return null;
        const histogram = histogramSelector(query);
        if ('refused' in histogram) {
            return add(ctx, `${at}.thresholdMetric.metricSource.spec.query`, `a threshold metric is read only as a latency histogram: ${histogram.refused} (query: ${query.replace(/\s+/g, ' ')})`);
        }
        return { histogram };
    }
    if (!isObj(ratioMetric))
        return add(ctx, `${at}.ratioMetric`, `expected good or bad with total, or raw with rawType; got ${(0,policy_issues/* describeValue */.bp)(ratioMetric)}`);
    const r = `${at}.ratioMetric`;
    if (ratioMetric.counter !== undefined && typeof ratioMetric.counter !== 'boolean')
        return add(ctx, `${r}.counter`, `expected true or false; got ${(0,policy_issues/* describeValue */.bp)(ratioMetric.counter)}`);
    const counters = ratioMetric.counter === true;
    const has = (key) => ratioMetric[key] !== undefined;
    if (has('raw')) {
        if (has('good') || has('bad') || has('total'))
            return add(ctx, r, 'raw cannot be combined with good, bad or total');
        const rawType = ratioMetric.rawType;
        if (rawType !== 'success' && rawType !== 'failure')
            return add(ctx, `${r}.rawType`, `expected success (the raw query is the good ratio) or failure (the error ratio); got ${(0,policy_issues/* describeValue */.bp)(rawType)}`);
        const query = promQuery(ctx, ratioMetric.raw, `${r}.raw`);
        const raw = query === null ? null : template(ctx, query, false, `${r}.raw.metricSource.spec.query`);
        if (raw === null)
            return null;
        return { sli: { ratio: { query: rawType === 'failure' ? raw : `1 - (${raw})` } } };
    }
    if (has('good') && has('bad'))
        return add(ctx, r, 'set good or bad, not both');
    if (!has('total') || (!has('good') && !has('bad')))
        return add(ctx, r, 'expected good or bad with total, or raw with rawType');
    const numeratorKey = has('good') ? 'good' : 'bad';
    const numerator = promQuery(ctx, ratioMetric[numeratorKey], `${r}.${numeratorKey}`);
    const total = promQuery(ctx, ratioMetric.total, `${r}.total`);
    const numeratorTemplate = numerator === null ? null : template(ctx, numerator, counters, `${r}.${numeratorKey}.metricSource.spec.query`);
    const totalTemplate = total === null ? null : template(ctx, total, counters, `${r}.total.metricSource.spec.query`);
    if (numeratorTemplate === null || totalTemplate === null)
        return null;
    return numeratorKey === 'good'
        ? { sli: { 'good-events': { good: numeratorTemplate, total: totalTemplate } } }
        : { sli: { events: { error: numeratorTemplate, total: totalTemplate } } };
}
/** The objective in percent from `target` (a fraction) or `targetPercent`, or null (an issue recorded). */
function objectivePercent(ctx, objective, at) {
    const { target, targetPercent } = objective;
    if (target !== undefined && targetPercent !== undefined)
        return add(ctx, at, 'set target (a fraction such as 0.999) or targetPercent (a percentage such as 99.9), not both');
    if (targetPercent !== undefined) {
        if (typeof targetPercent !== 'number' || !Number.isFinite(targetPercent))
            return add(ctx, `${at}.targetPercent`, `expected a percentage such as 99.9; got ${(0,policy_issues/* describeValue */.bp)(targetPercent)}`);
        return { value: targetPercent, field: `${at}.targetPercent` };
    }
    if (target === undefined)
        return add(ctx, at, 'expected target (a fraction such as 0.999) or targetPercent (a percentage such as 99.9)');
    if (typeof target !== 'number' || !Number.isFinite(target))
        return add(ctx, `${at}.target`, `expected a fraction such as 0.999; got ${(0,policy_issues/* describeValue */.bp)(target)}`);
    if (target >= 1 || target <= 0) {
        const hint = target > 1 && target < 100 ? `; for a percentage write targetPercent: ${target}` : '';
        return add(ctx, `${at}.target`, `expected a fraction above 0 and below 1, e.g. 0.999 for 99.9%; got ${target}${hint}`);
    }
    // 0.9985 * 100 is 99.85000000000001 in binary floating point: keep the digits the author wrote.
    return { value: Number((target * 100).toPrecision(12)), field: `${at}.target` };
}
const BUDGETING = 'the gate budgets events (good events over all events)';
/** Records an issue unless the SLO budgets Occurrences. */
function budgetingMethod(ctx, spec, at) {
    const method = spec.budgetingMethod;
    if (method === 'Occurrences')
        return;
    if (method === 'Timeslices' || method === 'RatioTimeslices') {
        add(ctx, `${at}.budgetingMethod`, `${method} budgets count time slices (good minutes over all minutes); ${BUDGETING}: expected Occurrences; got "${method}"`);
    }
    else if (method === undefined || method === null) {
        add(ctx, `${at}.budgetingMethod`, `expected budgetingMethod: Occurrences; ${BUDGETING}`);
    }
    else {
        add(ctx, `${at}.budgetingMethod`, `${BUDGETING}: expected Occurrences; got ${(0,policy_issues/* describeValue */.bp)(method)}`);
    }
}
const CALENDAR = 'calendar-aligned windows are not supported: the gate measures a rolling window that ends at the deploy; write isRolling: true with a duration such as 28d';
/** An OpenSLO duration shorthand (`28d`, `4w`, `1Y`) as a Prometheus duration, or null (an issue recorded). */
function from_openslo_duration(ctx, value, at) {
    const match = typeof value === 'string' ? /^(\d+)([mhdwMQY])$/.exec(value) : null;
    if (!match || Number(match[1]) <= 0)
        return add(ctx, at, `expected a duration shorthand such as 28d, 4w or 12h; got ${(0,policy_issues/* describeValue */.bp)(value)}`);
    const unit = match[2];
    if (unit === 'M' || unit === 'Q')
        return add(ctx, at, `months and quarters have no fixed length, so a rolling window of them is ambiguous: write it in days or weeks, e.g. 30d or 4w; got "${value}"`);
    return `${Number(match[1])}${unit === 'Y' ? 'y' : unit}`;
}
/** The SLO's rolling window (undefined: the policy's default), or null (an issue recorded). */
function rollingWindow(ctx, windows, at) {
    if (windows === undefined || windows === null)
        return undefined;
    if (!Array.isArray(windows) || windows.length !== 1)
        return add(ctx, at, `expected exactly one time window; got ${(0,policy_issues/* describeValue */.bp)(windows)}`);
    const window = windows[0];
    if (!isObj(window))
        return add(ctx, `${at}[0]`, `expected duration and isRolling: true; got ${(0,policy_issues/* describeValue */.bp)(window)}`);
    if (window.calendar !== undefined)
        return add(ctx, `${at}[0].calendar`, `${CALENDAR} (got a calendar starting ${(0,policy_issues/* describeValue */.bp)(isObj(window.calendar) ? window.calendar.startTime : window.calendar)})`);
    if (window.isRolling !== undefined && window.isRolling !== true)
        return add(ctx, `${at}[0].isRolling`, `${CALENDAR}; got ${(0,policy_issues/* describeValue */.bp)(window.isRolling)}`);
    return from_openslo_duration(ctx, window.duration, `${at}[0].duration`);
}
/** Validates the converted SLOs with the policy's own schema, naming the OpenSLO field of each problem. */
function validated(ctx, candidates) {
    const out = [];
    for (const { slo, fields } of candidates) {
        const result = schema/* sloSchema */._.safeParse(slo);
        if (result.success) {
            out.push(result.data);
            continue;
        }
        for (const issue of (0,policy_issues/* toPolicyIssues */.eZ)(result.error, slo)) {
            const top = issue.path.split(/[.[]/)[0];
            ctx.issues.push({ path: fields[top] ?? fields.sli ?? issue.path, message: issue.message });
        }
    }
    return out;
}
const describe = (text) => typeof text === 'string' && text !== '' ? { description: text.slice(0, 500) } : {};
/** One OpenSLO v1 `kind: SLO` as SLOs (one per objective). */
function fromV1Slo(ctx, object, where) {
    const name = nameOf(object);
    const at = label('SLO', name, where);
    const spec = object.spec;
    if (typeof name !== 'string' || name === '')
        add(ctx, `${at} metadata.name`, `expected the SLO's name; got ${(0,policy_issues/* describeValue */.bp)(name)}`);
    if (!isObj(spec)) {
        add(ctx, `${at} spec`, `expected the SLO's spec; got ${(0,policy_issues/* describeValue */.bp)(spec)}`);
        return [];
    }
    const s = `${at} spec`;
    const before = ctx.issues.length;
    budgetingMethod(ctx, spec, s);
    const window = rollingWindow(ctx, spec.timeWindow, `${s}.timeWindow`);
    let indicator = null;
    if (spec.indicator !== undefined && spec.indicatorRef !== undefined) {
        add(ctx, s, 'set indicator (an inline SLI) or indicatorRef (the name of a kind: SLI in this file), not both');
    }
    else if (spec.indicator !== undefined) {
        indicator = indicatorOf(ctx, isObj(spec.indicator) ? spec.indicator.spec : undefined, `${s}.indicator.spec`);
    }
    else if (typeof spec.indicatorRef === 'string') {
        const sli = ctx.slis.get(spec.indicatorRef);
        if (!sli) {
            const known = [...ctx.slis.keys()];
            add(ctx, `${s}.indicatorRef`, `no kind: SLI named "${spec.indicatorRef}" in this file${known.length > 0 ? ` (its SLIs: ${known.join(', ')})` : ''}; the SLI an SLO refers to must be in the same file`);
        }
        else {
            indicator = indicatorOf(ctx, sli.spec, `SLI/${spec.indicatorRef} spec`);
        }
    }
    else {
        add(ctx, s, `expected indicator (an inline SLI) or indicatorRef (the name of a kind: SLI in this file)${spec.indicatorRef !== undefined ? `; got indicatorRef ${(0,policy_issues/* describeValue */.bp)(spec.indicatorRef)}` : ''}`);
    }
    const objectives = spec.objectives;
    if (!Array.isArray(objectives) || objectives.length === 0) {
        add(ctx, `${s}.objectives`, `expected at least one objective with target (a fraction such as 0.999) or targetPercent; got ${(0,policy_issues/* describeValue */.bp)(objectives)}`);
        return [];
    }
    if (indicator && 'histogram' in indicator && objectives.length !== 1)
        add(ctx, `${s}.objectives`, `a thresholdMetric SLO has exactly one objective; got ${objectives.length}`);
    const candidates = [];
    for (const [i, objective] of objectives.entries()) {
        const o = `${s}.objectives[${i}]`;
        if (!isObj(objective)) {
            add(ctx, o, `expected an objective with target or targetPercent; got ${(0,policy_issues/* describeValue */.bp)(objective)}`);
            continue;
        }
        if (objective.indicator !== undefined || objective.indicatorRef !== undefined || objective.compositeWeight !== undefined) {
            add(ctx, o, 'composite SLOs (an indicator per objective) are not supported: write one SLO per indicator');
            continue;
        }
        const percent = objectivePercent(ctx, objective, o);
        let sli = null;
        if (indicator && 'histogram' in indicator) {
            const { op, value } = objective;
            if (op !== 'lte' && op !== 'lt') {
                add(ctx, `${o}.op`, op === 'gt' || op === 'gte'
                    ? `a histogram bucket counts the events at or below its bound, so good events are the fast ones: expected op lte (or lt); got "${op}"`
                    : `expected op: lte (good events take at most value); got ${(0,policy_issues/* describeValue */.bp)(op)}`);
            }
            else if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
                add(ctx, `${o}.value`, `expected the latency bound, a positive number in the histogram's unit that is one of its bucket bounds (le), e.g. 0.5; got ${(0,policy_issues/* describeValue */.bp)(value)}`);
            }
            else {
                sli = {
                    latency: {
                        metric: indicator.histogram.metric,
                        threshold: value,
                        ...(indicator.histogram.selector ? { selector: indicator.histogram.selector } : {}),
                    },
                };
            }
        }
        else if (indicator) {
            sli = indicator.sli;
        }
        if (percent === null || sli === null || ctx.issues.length > before || typeof name !== 'string')
            continue;
        candidates.push({
            slo: {
                name: objectives.length === 1 ? name : `${name}-${i}`,
                ...(typeof spec.service === 'string' && spec.service !== '' ? { service: spec.service } : {}),
                objective: percent.value,
                ...(window ? { window } : {}),
                ...describe(spec.description),
                sli,
            },
            fields: {
                name: `${at} metadata.name`,
                service: `${s}.service`,
                objective: percent.field,
                window: `${s}.timeWindow[0].duration`,
                sli: `${s}.indicator`,
            },
        });
    }
    return candidates;
}
/** v1alpha's window: `timeWindows[0]` with count and unit. */
function v1alphaWindow(ctx, windows, at) {
    if (windows === undefined || windows === null)
        return undefined;
    if (!Array.isArray(windows) || windows.length !== 1)
        return add(ctx, at, `expected exactly one time window; got ${(0,policy_issues/* describeValue */.bp)(windows)}`);
    const window = windows[0];
    if (!isObj(window))
        return add(ctx, `${at}[0]`, `expected count and unit; got ${(0,policy_issues/* describeValue */.bp)(window)}`);
    if (window.calendar !== undefined)
        return add(ctx, `${at}[0].calendar`, CALENDAR.replace('isRolling: true with a duration such as 28d', 'a count of days or weeks'));
    if (window.isRolling === false)
        return add(ctx, `${at}[0].isRolling`, CALENDAR.replace('isRolling: true with a duration such as 28d', 'a count of days or weeks'));
    const { count, unit } = window;
    if (typeof count !== 'number' || !Number.isInteger(count) || count <= 0)
        return add(ctx, `${at}[0].count`, `expected a whole number of days or weeks; got ${(0,policy_issues/* describeValue */.bp)(count)}`);
    if (unit === 'Day')
        return `${count}d`;
    if (unit === 'Week')
        return `${count}w`;
    if (unit === 'Month' || unit === 'Quarter')
        return add(ctx, `${at}[0].unit`, `months and quarters have no fixed length, so a rolling window of them is ambiguous: write it in days (unit: Day, count: 30); got "${unit}"`);
    return add(ctx, `${at}[0].unit`, `expected Day or Week; got ${(0,policy_issues/* describeValue */.bp)(unit)}`);
}
/** A v1alpha metric (`source`, `queryType`, `query`) as a window template, or null (an issue recorded). */
function v1alphaQuery(ctx, metric, counters, at) {
    if (!isObj(metric))
        return add(ctx, at, `expected source: prometheus, queryType: promql and query; got ${(0,policy_issues/* describeValue */.bp)(metric)}`);
    const source = typeof metric.source === 'string' ? metric.source.toLowerCase() : metric.source;
    if (source !== 'prometheus' && source !== 'sloth')
        return add(ctx, `${at}.source`, `the gate reads Prometheus queries only: expected source: prometheus; got ${(0,policy_issues/* describeValue */.bp)(metric.source)}`);
    if (metric.queryType !== 'promql')
        return add(ctx, `${at}.queryType`, `expected queryType: promql; got ${(0,policy_issues/* describeValue */.bp)(metric.queryType)}`);
    if (typeof metric.query !== 'string' || metric.query.trim() === '')
        return add(ctx, `${at}.query`, `expected a PromQL query; got ${(0,policy_issues/* describeValue */.bp)(metric.query)}`);
    return template(ctx, metric.query.trim(), counters, `${at}.query`);
}
/** One OpenSLO v1alpha `kind: SLO`, read as Sloth reads it: each objective's ratioMetrics good/total is an SLO. */
function fromV1alphaSlo(ctx, object, where) {
    const name = nameOf(object);
    const at = label('SLO', name, where);
    const spec = object.spec;
    if (typeof name !== 'string' || name === '')
        add(ctx, `${at} metadata.name`, `expected the SLO's name; got ${(0,policy_issues/* describeValue */.bp)(name)}`);
    if (!isObj(spec)) {
        add(ctx, `${at} spec`, `expected the SLO's spec; got ${(0,policy_issues/* describeValue */.bp)(spec)}`);
        return [];
    }
    const s = `${at} spec`;
    const before = ctx.issues.length;
    budgetingMethod(ctx, spec, s);
    const window = v1alphaWindow(ctx, spec.timeWindows, `${s}.timeWindows`);
    if (spec.indicator !== undefined) {
        add(ctx, `${s}.indicator`, 'a v1alpha thresholdMetric compares raw values, which the gate cannot count as events: write the objectives as ratioMetrics with good and total (or use openslo/v1 with a histogram bucket)');
    }
    const objectives = spec.objectives;
    if (!Array.isArray(objectives) || objectives.length === 0) {
        add(ctx, `${s}.objectives`, `expected at least one objective with ratioMetrics and target; got ${(0,policy_issues/* describeValue */.bp)(objectives)}`);
        return [];
    }
    const service = typeof spec.service === 'string' && spec.service !== '' ? spec.service : undefined;
    const candidates = [];
    for (const [i, objective] of objectives.entries()) {
        const o = `${s}.objectives[${i}]`;
        if (!isObj(objective)) {
            add(ctx, o, `expected an objective with ratioMetrics and target; got ${(0,policy_issues/* describeValue */.bp)(objective)}`);
            continue;
        }
        const percent = objectivePercent(ctx, objective, o);
        const ratio = objective.ratioMetrics;
        if (!isObj(ratio)) {
            add(ctx, `${o}.ratioMetrics`, `expected ratioMetrics with good and total; got ${(0,policy_issues/* describeValue */.bp)(ratio)}`);
            continue;
        }
        const counters = ratio.incremental === true;
        const good = v1alphaQuery(ctx, ratio.good, counters, `${o}.ratioMetrics.good`);
        const total = v1alphaQuery(ctx, ratio.total, counters, `${o}.ratioMetrics.total`);
        if (percent === null || good === null || total === null || ctx.issues.length > before || typeof name !== 'string')
            continue;
        candidates.push({
            slo: {
                // Sloth's SLO id (what it writes as sloth_id), so the names match Sloth's for the same file.
                name: service ? `${service}-${name}-${i}` : `${name}-${i}`,
                ...(service ? { service } : {}),
                objective: percent.value,
                ...(window ? { window } : {}),
                ...describe(spec.description),
                sli: { 'good-events': { good, total } },
            },
            fields: {
                name: `${at} metadata.name`,
                service: `${s}.service`,
                objective: percent.field,
                window: `${s}.timeWindows[0]`,
                sli: `${o}.ratioMetrics`,
            },
        });
    }
    return candidates;
}
/**
 * The SLOs of an OpenSLO file (one or more YAML documents).
 * @param source the file's path, for error messages
 * @throws PolicyError naming each offending document (`SLO/<metadata.name>`) and field, the value and the accepted form
 */
function slosFromOpenSlo(text, source) {
    const parsed = parseOpenSloDocuments(text);
    if (!parsed.ok)
        throw new policy_error/* PolicyError */.p(source, parsed.issues);
    const ctx = { issues: [], slis: new Map(), dataSources: new Map() };
    const slos = [];
    for (const { where, data } of parsed.objects) {
        if (!isObj(data)) {
            add(ctx, where, `expected an OpenSLO object (apiVersion, kind, metadata, spec); got ${(0,policy_issues/* describeValue */.bp)(data)}`);
            continue;
        }
        const { apiVersion, kind } = data;
        if (apiVersion === undefined && data.version === 'prometheus/v1') {
            add(ctx, where, "this is a Sloth spec (version: prometheus/v1), not OpenSLO: name it with the policy's sloth: key instead of openslo:");
            continue;
        }
        if (apiVersion !== V1 && apiVersion !== V1ALPHA) {
            add(ctx, `${label(typeof kind === 'string' ? kind : 'object', nameOf(data), where)} apiVersion`, `expected ${V1} (or ${V1ALPHA}, as Sloth reads it); got ${(0,policy_issues/* describeValue */.bp)(apiVersion)}`);
            continue;
        }
        if (apiVersion === V1ALPHA) {
            if (kind === 'SLO')
                slos.push({ version: V1ALPHA, object: data, where });
            else if (kind !== 'Service')
                add(ctx, `${where} kind`, `expected SLO or Service (${V1ALPHA}); got ${(0,policy_issues/* describeValue */.bp)(kind)}`);
            continue;
        }
        if (typeof kind !== 'string' || !V1_KINDS.includes(kind)) {
            add(ctx, `${where} kind`, `expected one of ${V1_KINDS.join(', ')}; got ${(0,policy_issues/* describeValue */.bp)(kind)}`);
            continue;
        }
        const name = nameOf(data);
        if (kind === 'SLO') {
            slos.push({ version: V1, object: data, where });
        }
        else if (kind === 'SLI' || kind === 'DataSource') {
            if (typeof name !== 'string' || name === '') {
                add(ctx, `${label(kind, name, where)} metadata.name`, `expected the ${kind}'s name; got ${(0,policy_issues/* describeValue */.bp)(name)}`);
                continue;
            }
            const index = kind === 'SLI' ? ctx.slis : ctx.dataSources;
            if (index.has(name))
                add(ctx, `${kind}/${name} metadata.name`, `${kind} names must be unique in the file; "${name}" appears twice`);
            index.set(name, data);
        }
    }
    if (slos.length === 0 && ctx.issues.length === 0) {
        const found = parsed.objects.map((o) => (isObj(o.data) ? label(String(o.data.kind), nameOf(o.data), o.where) : o.where));
        add(ctx, '', `no kind: SLO in the file${found.length > 0 ? ` (it has ${found.join(', ')})` : ' (it is empty)'}; expected apiVersion: ${V1} documents with kind: SLO`);
    }
    const candidates = slos.flatMap(({ version, object, where }) => version === V1 ? fromV1Slo(ctx, object, where) : fromV1alphaSlo(ctx, object, where));
    const result = validated(ctx, candidates);
    const seen = new Set();
    for (const slo of result) {
        if (seen.has(slo.name))
            add(ctx, `SLO/${slo.name} metadata.name`, `SLO names must be unique; "${slo.name}" appears twice`);
        seen.add(slo.name);
    }
    if (ctx.issues.length > 0) {
        // An SLI that several SLOs refer to is reported once.
        const unique = [...new Map(ctx.issues.map((i) => [`${i.path}\n${i.message}`, i])).values()];
        throw new policy_error/* PolicyError */.p(source, unique.slice(0, 50));
    }
    return result;
}

;// CONCATENATED MODULE: ./src/core/openslo/apply-openslo-source.ts

/**
 * The policy with the OpenSLO file's SLOs appended to its top-level `slos` and the
 * `openslo` key removed.
 * @param openSloText the text of the file `file.openslo` names
 * @throws PolicyError when the OpenSLO file is invalid or uses what the gate cannot read (its source is the OpenSLO file's path)
 */
function applyOpenSloSource(file, openSloText) {
    const { openslo, ...rest } = file;
    if (openslo === undefined)
        return file;
    const slos = slosFromOpenSlo(openSloText, openslo);
    return { ...rest, slos: [...(rest.slos ?? []), ...slos] };
}


/***/ }),

/***/ 3412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DI: () => (/* binding */ tooDeep),
/* harmony export */   Ve: () => (/* binding */ duplicateKey)
/* harmony export */ });
/* unused harmony export parseHardenedYaml */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * YAML text to plain data with the policy loader's defences
 * (src/core/policy/load-policy.ts), for other files the app reads (the tenants
 * file, the Alertmanager tokens file): a size cap, a nesting cap measured on the
 * CST before anything recursive runs, a linear duplicate-key check, a bounded
 * alias expansion (no billion laughs), and yaml's own errors with line numbers,
 * at most 50 of them.
 *
 * Pure: the caller reads the file.
 */

const MAX_ISSUES = 50;
/**
 * The offset of the first collection nested deeper than `maxDepth`, or null. Measured on the CST with an explicit
 * stack, before anything recursive runs (deep nesting could otherwise overflow Node's stack).
 */
function tooDeep(text, maxDepth) {
    for (const token of new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Parser */ .iX().parse(text)) {
        const stack = [[token, 0]];
        while (stack.length > 0) {
            const [node, depth] = stack.pop();
            if (!node)
                continue;
            if (node.type === 'document') {
                stack.push([node.value, depth]);
            }
            else if (node.type === 'block-map' || node.type === 'block-seq' || node.type === 'flow-collection') {
                if (depth + 1 > maxDepth)
                    return node.offset;
                for (const item of node.items) {
                    if ('key' in item)
                        stack.push([item.key ?? undefined, depth + 1]);
                    stack.push([item.value, depth + 1]);
                }
            }
        }
    }
    return null;
}
/**
 * The first key that repeats within its mapping, as a syntax error. yaml's own uniqueKeys check compares each key
 * with every earlier one: quadratic, which a file of a few thousand keys turns into minutes. A set per mapping is linear.
 */
function duplicateKey(doc, lines) {
    let issue = null;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Map(_key, map) {
            const seen = new Set();
            for (const pair of map.items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
                    continue;
                const name = String(pair.key.value);
                if (seen.has(name)) {
                    const line = pair.key.range ? lines.linePos(pair.key.range[0]).line : null;
                    issue = {
                        path: line === null ? '' : `line ${line}`,
                        message: `YAML syntax: Map keys must be unique; "${name.slice(0, 80)}" is repeated${line === null ? '' : ` at line ${line}`}`,
                    };
                    return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
                }
                seen.add(name);
            }
            return undefined;
        },
    });
    return issue;
}
/** The data of a YAML document (null for an empty one), or the problems found, each with its line. */
function parseHardenedYaml(text, limits) {
    if (text.length > limits.maxChars) {
        return {
            ok: false,
            issues: [{ path: '', message: `the file has ${text.length} characters; at most ${limits.maxChars} are accepted` }],
        };
    }
    const deep = tooDeep(text, limits.maxDepth);
    if (deep !== null) {
        const line = text.slice(0, deep).split('\n').length;
        return {
            ok: false,
            issues: [
                { path: `line ${line}`, message: `YAML nesting: collections nested more than ${limits.maxDepth} levels deep at line ${line}` },
            ],
        };
    }
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, lineCounter, logLevel: 'error' });
    if (doc.errors.length > 0) {
        return {
            ok: false,
            issues: doc.errors.slice(0, MAX_ISSUES).map((e) => {
                const at = e.pos[0] >= 0 ? lineCounter.linePos(e.pos[0]) : null;
                return {
                    path: at ? `line ${at.line}` : '',
                    message: `YAML syntax: ${e.message.split('\n')[0]}${at ? ` at line ${at.line}, column ${at.col}` : ''}`,
                };
            }),
        };
    }
    const duplicate = duplicateKey(doc, lineCounter);
    if (duplicate)
        return { ok: false, issues: [duplicate] };
    try {
        return { ok: true, data: doc.toJS({ maxAliasCount: limits.maxAliasCount }) ?? null };
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
            ok: false,
            issues: [{ path: '', message: `YAML aliases: ${message} (write the values out, or use fewer anchors and aliases)` }],
        };
    }
}


/***/ })

};

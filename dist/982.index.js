export const id = 982;
export const ids = [982,207];
export const modules = {

/***/ 1982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_PARENTS: () => (/* binding */ MAX_PARENTS),
/* harmony export */   resolveChain: () => (/* binding */ resolveChain)
/* harmony export */ });
/* harmony import */ var _load_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3207);
/* harmony import */ var _policy_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5833);
/* harmony import */ var _policy_issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7163);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9863);
/* harmony import */ var _extends_spec_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7139);
/* harmony import */ var _locks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2058);
/* harmony import */ var _merge_policies_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6405);
/**
 * The chain of policies a repository's file extends: at most MAX_PARENTS
 * parents, each read through the host's `readParent` (no I/O here), each
 * checked against the locks above it, merged top-down by merge-policies.ts,
 * and the result validated as one policy file. Fails closed: a parent that
 * cannot be read, parsed or merged is an error naming the file, the key, the
 * value and the accepted form, never a reason to use the child alone.
 */







/** Parents followed at most: a repository, its team's policy, its organisation's, and one more. */
const MAX_PARENTS = 3;
const NAMED_LISTS = ['slos', 'freeze-windows', 'burn-rate-guards'];
/** Same-named items in one file would make "merge by name" ambiguous: refused. */
function duplicateNames(file) {
    const sections = [
        ['', file],
        ...Object.entries(file.environments ?? {}).map(([env, s]) => [`environments.${env}.`, s]),
    ];
    const issues = [];
    for (const [prefix, section] of sections) {
        for (const key of NAMED_LISTS) {
            const seen = new Set();
            for (const item of section[key] ?? []) {
                const name = (0,_merge_policies_js__WEBPACK_IMPORTED_MODULE_5__/* .itemName */ .TJ)(item);
                if (seen.has(name))
                    issues.push({
                        path: `${prefix}${key}`,
                        message: `the name "${name}" appears twice; in a policy that extends or is extended, ${key} merge by name, so each name must be unique`,
                    });
                seen.add(name);
            }
        }
    }
    return issues;
}
/** A parent may not name files of its own repository that the gate would read from the child's (`sloth`, `openslo`). */
function parentOnlyProblems(file) {
    return ['sloth', 'openslo']
        .filter((key) => file[key] !== undefined)
        .map((key) => ({
        path: key,
        message: `a parent policy may not name a ${key} file (${JSON.stringify(file[key])}): it would be read from the extending repository, not this one; move the SLOs into slos, or name the file in each repository's own policy`,
    }));
}
function specOf(file, source) {
    const parsed = (0,_extends_spec_js__WEBPACK_IMPORTED_MODULE_6__/* .parseExtends */ .DB)(file.extends);
    if ('problem' in parsed)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(source, [
            { path: 'extends', message: `${parsed.problem}; expected ${_extends_spec_js__WEBPACK_IMPORTED_MODULE_6__/* .EXTENDS_FORM */ .Nc} (got ${JSON.stringify(file.extends)})` },
        ]);
    return parsed.spec;
}
/**
 * Resolves `extends` chains: returns the file itself (chain null) when it extends nothing.
 * @param file the repository's own file, validated
 * @param source how the repository's file is named in messages
 */
async function resolveChain(file, source, readParent, options) {
    if (file.extends === undefined)
        return { file, chain: null };
    const own = duplicateNames(file);
    if (own.length > 0)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(source, own);
    const files = [{ file, source }];
    const seen = new Map();
    if (options.self)
        seen.set((0,_extends_spec_js__WEBPACK_IMPORTED_MODULE_6__/* .specKey */ .Xn)(options.self), source);
    let owner = options.owner;
    let current = files[0];
    while (current.file.extends !== undefined) {
        const spec = specOf(current.file, current.source);
        const name = (0,_extends_spec_js__WEBPACK_IMPORTED_MODULE_6__/* .describeSpec */ .l9)(spec);
        if (files.length > MAX_PARENTS) {
            throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(current.source, [
                {
                    path: 'extends',
                    message: `the chain is deeper than ${MAX_PARENTS} parents (${[...files.map((f) => f.source), name].join(' → ')}); extend a file closer to the root instead`,
                },
            ]);
        }
        const key = (0,_extends_spec_js__WEBPACK_IMPORTED_MODULE_6__/* .specKey */ .Xn)(spec);
        if (seen.has(key)) {
            throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(current.source, [
                {
                    path: 'extends',
                    message: `${JSON.stringify(current.file.extends)} makes a cycle: ${[...files.map((f) => f.source), name].join(' → ')}; a policy may not extend itself or a file that extends it`,
                },
            ]);
        }
        seen.set(key, name);
        if (owner !== null && spec.owner.toLowerCase() !== owner.toLowerCase()) {
            throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(current.source, [
                {
                    path: 'extends',
                    message: `${JSON.stringify(current.file.extends)} names a file of the owner ${spec.owner}, but this chain belongs to ${owner}; a policy may only extend files of its own owner (its organisation's .github repository, e.g. ${owner}/.github)`,
                },
            ]);
        }
        owner ??= spec.owner;
        let text;
        try {
            text = await readParent(spec);
        }
        catch (error) {
            if (error instanceof _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p)
                throw error;
            throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(current.source, [
                {
                    path: 'extends',
                    message: `cannot read ${name} (extends: ${JSON.stringify(current.file.extends)}): ${error instanceof Error ? error.message : String(error)}`,
                },
            ]);
        }
        const parent = (0,_load_policy_js__WEBPACK_IMPORTED_MODULE_0__.parsePolicy)(text.text, text.source);
        const problems = [...parentOnlyProblems(parent), ...duplicateNames(parent)];
        if (problems.length > 0)
            throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(text.source, problems);
        current = { file: parent, source: text.source };
        files.push(current);
    }
    // Merge from the root down, each file checked against the locks of everything above it.
    const root = files[files.length - 1];
    let merged = (0,_merge_policies_js__WEBPACK_IMPORTED_MODULE_5__/* .layerOf */ .ZZ)(root.file, root.source);
    let locks = Object.fromEntries((root.file.locked ?? []).map((k) => [k, root.source]));
    for (const next of files.slice(0, -1).reverse()) {
        const candidate = (0,_merge_policies_js__WEBPACK_IMPORTED_MODULE_5__/* .mergeLayers */ .J)(merged, (0,_merge_policies_js__WEBPACK_IMPORTED_MODULE_5__/* .layerOf */ .ZZ)(next.file, next.source));
        const violations = (0,_locks_js__WEBPACK_IMPORTED_MODULE_4__/* .lockViolations */ .k0)(merged.file, candidate.file, locks);
        if (violations.length > 0)
            throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(next.source, violations);
        merged = candidate;
        locks = { ...Object.fromEntries((next.file.locked ?? []).map((k) => [k, next.source])), ...locks };
    }
    // The merge as one file: cross-field rules (a freeze window's environments against the map) hold across files too.
    const result = _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .policyFileSchema */ .Y.safeParse(merged.file);
    if (!result.success) {
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(`${source} merged with ${files
            .slice(1)
            .map((f) => f.source)
            .join(', ')}`, (0,_policy_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .toPolicyIssues */ .eZ)(result.error, merged.file));
    }
    return { file: result.data, chain: { files: files.map((f) => f.source), provenance: merged.provenance, locks } };
}


/***/ }),

/***/ 3207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePolicy: () => (/* binding */ parsePolicy)
/* harmony export */ });
/* unused harmony export MAX_POLICY_CHARS */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _policy_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5833);
/* harmony import */ var _policy_issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7163);
/* harmony import */ var _yaml_parse_hardened_yaml_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3412);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9863);
/**
 * Parses and validates the policy file's text. Pure: the adapters read the file
 * (from the workspace, the API or disk) and pass its text in.
 */





/**
 * Alias expansion allowed when building the data: yaml's default, stated here
 * because it is what stops a billion-laughs document (aliases of aliases)
 * from expanding exponentially. Anchors shared between environments stay far below it.
 */
const MAX_ALIAS_COUNT = 100;
/**
 * Longest policy text accepted, in characters. A real policy is a few KB; yaml
 * needs seconds per MB of hostile text (a line of thousands of flow commas or
 * tags), time the app's event loop cannot spare.
 */
const MAX_POLICY_CHARS = 256 * 1024;
/**
 * Deepest nesting of collections accepted. The schema's deepest key is 7 levels down
 * (environments.<name>.slos[i].sli.events.error). yaml composes nested collections
 * recursively: a few hundred levels exhaust the stack, and on Node 20 a stack
 * overflow there can kill the process ("RegExpCompiler Allocation failed")
 * instead of throwing, so the depth is measured first on the CST, which yaml builds iteratively.
 */
const MAX_DEPTH = 64;
function lineAt(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1))
        line += 1;
    return line;
}
/** Issues reported at most: a file with thousands of bad entries still gets a readable message. */
const MAX_ISSUES = 50;
/** Longest issue message kept (a list of thousands of unknown keys is cut). */
const MAX_MESSAGE_CHARS = 1000;
function capped(issues, total = issues.length) {
    const kept = issues
        .slice(0, MAX_ISSUES)
        .map((i) => (i.message.length > MAX_MESSAGE_CHARS ? { ...i, message: `${i.message.slice(0, MAX_MESSAGE_CHARS - 1)}…` } : i));
    return total <= MAX_ISSUES ? kept : [...kept, { path: '', message: `… and ${total - MAX_ISSUES} more problems` }];
}
/** The line of the alias an expansion error is about: the one it names, else the first. */
function aliasLine(doc, lines, message) {
    let found;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Alias(_key, node) {
            if (!node.range)
                return undefined;
            const named = message.includes(`: ${node.source}`);
            if (found === undefined || named)
                found = node.range[0];
            return named ? yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK : undefined;
        },
    });
    return found === undefined ? '' : `line ${lines.linePos(found).line}`;
}
/**
 * Parse policy YAML. An empty file is an empty policy (all defaults).
 * @throws PolicyError naming each invalid key
 */
function parsePolicy(text, source = '.github/deploy-governor.yml') {
    if (text.length > MAX_POLICY_CHARS) {
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(source, [
            {
                path: '',
                message: `the file has ${text.length} characters; a policy file may have at most ${MAX_POLICY_CHARS} (a real one has a few thousand: check that the config path names the policy file)`,
            },
        ]);
    }
    const deep = (0,_yaml_parse_hardened_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .tooDeep */ .DI)(text, MAX_DEPTH);
    if (deep !== null) {
        const line = lineAt(text, deep);
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(source, [
            {
                path: `line ${line}`,
                message: `YAML nesting: collections nested more than ${MAX_DEPTH} levels deep at line ${line}; a policy needs at most 7`,
            },
        ]);
    }
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // logLevel error: yaml's own console warnings (e.g. a collection used as a key) would only clutter the logs; the
    // schema rejects such keys.
    // prettyErrors off: yaml's pretty errors copy the whole offending line into every error, which is
    // quadratic for one long line full of errors (a few hundred KB of quotes took a minute). Lines come from lineCounter.
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { prettyErrors: false, uniqueKeys: false, lineCounter, logLevel: 'error' });
    if (doc.errors.length > 0) {
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(source, capped(doc.errors.slice(0, MAX_ISSUES + 1).map((e) => {
            const at = e.pos[0] >= 0 ? lineCounter.linePos(e.pos[0]) : null;
            return {
                path: at ? `line ${at.line}` : '',
                message: `YAML syntax: ${e.message.split('\n')[0]}${at ? ` at line ${at.line}, column ${at.col}` : ''}`,
            };
        }), doc.errors.length));
    }
    const duplicate = (0,_yaml_parse_hardened_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .duplicateKey */ .Ve)(doc, lineCounter);
    if (duplicate)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(source, [duplicate]);
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
    }
    catch (error) {
        // An unresolved alias, or aliases that expand past MAX_ALIAS_COUNT (a resource exhaustion attempt).
        const message = error instanceof Error ? error.message : String(error);
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(source, [
            {
                path: aliasLine(doc, lineCounter, message),
                message: `YAML aliases: ${message} (write the values out, or use fewer anchors and aliases)`,
            },
        ]);
    }
    const result = _schema_js__WEBPACK_IMPORTED_MODULE_4__/* .policyFileSchema */ .Y.safeParse(data);
    if (!result.success)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(source, capped((0,_policy_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .toPolicyIssues */ .eZ)(result.error, data)));
    return result.data;
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

export const id = 982;
export const ids = [982];
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


/***/ })

};

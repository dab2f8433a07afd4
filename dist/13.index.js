export const id = 13;
export const ids = [13];
export const modules = {

/***/ 1013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applySlothSource: () => (/* binding */ applySlothSource)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/core/http-url.ts
var http_url = __webpack_require__(5899);
// EXTERNAL MODULE: ./src/core/policy/policy-error.ts
var policy_error = __webpack_require__(5833);
// EXTERNAL MODULE: ./src/core/policy/policy-issues.ts
var policy_issues = __webpack_require__(7163);
// EXTERNAL MODULE: ./src/core/policy/schema.ts + 2 modules
var schema = __webpack_require__(8149);
;// CONCATENATED MODULE: ./src/core/sloth/from-sloth-spec.ts
/**
 * A Sloth `prometheus/v1` SLO spec as the project's SLOs, so a Sloth user can
 * point the gate (and `generate rules`) at the file they already have. Pure:
 * the adapters read the file and pass its text in.
 *
 * Mapping (one Sloth SLO → one SLO):
 * - name: Sloth's SLO id, `<service>-<name>` (what Sloth writes as `sloth_id`),
 *   so SLOs of several Sloth services stay distinct;
 * - service, objective (percent in both), description;
 * - `sli.events` → `events`, with `rate(` read as `increase(`: the ratio is the
 *   same, and the generated rules' traffic guard needs event counts, not rates;
 * - `sli.raw.error_ratio_query` → `ratio`;
 * - `alerting.annotations.runbook` (or `runbook_url`) → `runbook` when it is a URL.
 * Sloth's `sli.plugin` has no equivalent and is refused. The window is the
 * policy's default (Sloth's own default period is 30 days too).
 */






const slothQuery = schemas/* string */.YjP()
    .min(1)
    .refine((q) => /\{\{\s*\.window\s*\}\}/.test(q), { message: 'expected a PromQL query with {{.window}} where the range goes, as Sloth requires' });
const slothSloSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().min(1, { message: 'expected the SLO name' }),
    objective: schemas/* number */.aig({ message: 'expected the objective in percent, e.g. 99.9' }),
    description: schemas/* string */.YjP().optional(),
    labels: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
    sli: schemas/* object */.Ikc({
        events: schemas/* object */.Ikc({ error_query: slothQuery, total_query: slothQuery }).optional(),
        raw: schemas/* object */.Ikc({ error_ratio_query: slothQuery }).optional(),
        plugin: schemas/* object */.Ikc({ id: schemas/* string */.YjP() }).loose().optional(),
    })
        .refine((sli) => [sli.events, sli.raw, sli.plugin].filter(Boolean).length === 1, { message: 'expected exactly one of events, raw or plugin' }),
    alerting: schemas/* object */.Ikc({
        name: schemas/* string */.YjP().optional(),
        annotations: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
    })
        .loose()
        .optional(),
});
/** The parts of a Sloth `prometheus/v1` spec the gate reads; everything else (labels, alert routing) is Sloth's and ignored. */
const slothSpecSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz('prometheus/v1', { message: 'expected version "prometheus/v1" (the Sloth Prometheus spec; Kubernetes PrometheusServiceLevel and OpenSLO files are not read)' }),
    service: schemas/* string */.YjP().min(1, { message: 'expected the service name' }),
    labels: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
    slos: schemas/* array */.YOg(slothSloSchema).min(1, { message: 'expected at least one SLO' }),
});
/** `rate(` → `increase(` (not `irate(`): same ratio, but event counts. */
function asIncrease(query) {
    return query.replace(/(?<![A-Za-z0-9_:])rate\s*\(/g, 'increase(');
}
function runbookOf(annotations) {
    const candidate = annotations?.runbook ?? annotations?.runbook_url;
    return candidate !== undefined && (0,http_url/* isHttpUrl */.q)(candidate) ? candidate : undefined;
}
function convert(spec, prefix, issues) {
    const out = [];
    for (const [i, slo] of spec.slos.entries()) {
        const path = `${prefix}slos[${i}]`;
        if (slo.sli.plugin) {
            issues.push({
                path: `${path}.sli.plugin`,
                message: `Sloth SLI plugins (here "${slo.sli.plugin.id}") generate their queries inside Sloth and cannot be read; write the SLI as events (error_query/total_query) or raw (error_ratio_query)`,
            });
            continue;
        }
        const runbook = runbookOf(slo.alerting?.annotations);
        const candidate = {
            name: `${spec.service}-${slo.name}`,
            service: spec.service,
            objective: slo.objective,
            ...(slo.description !== undefined ? { description: slo.description.slice(0, 500) } : {}),
            ...(runbook !== undefined ? { runbook } : {}),
            sli: slo.sli.events
                ? { events: { error: asIncrease(slo.sli.events.error_query), total: asIncrease(slo.sli.events.total_query) } }
                : { ratio: { query: slo.sli.raw.error_ratio_query } },
        };
        const result = schema/* sloSchema */._6.safeParse(candidate);
        if (!result.success) {
            for (const issue of (0,policy_issues/* toPolicyIssues */.e)(result.error, candidate)) {
                const field = issue.path === 'name' ? 'name (the SLO id <service>-<name>)' : issue.path;
                issues.push({ path: `${path}.${field}`, message: issue.message });
            }
            continue;
        }
        out.push(result.data);
    }
    return out;
}
/**
 * The SLOs of a Sloth `prometheus/v1` file (one or more YAML documents).
 * @param source the file's path, for error messages
 * @throws PolicyError naming each offending key, the value and the accepted form
 */
function slosFromSlothSpec(text, source) {
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { prettyErrors: true, uniqueKeys: true });
    const list = Array.isArray(docs) ? docs : [docs];
    const issues = [];
    const slos = [];
    const specs = list.filter((doc) => doc.contents !== null || doc.errors.length > 0);
    if (specs.length === 0)
        throw new policy_error/* PolicyError */.p(source, [{ path: '', message: 'the file is empty; expected a Sloth spec with version: "prometheus/v1", service and slos' }]);
    for (const [d, doc] of specs.entries()) {
        const prefix = specs.length > 1 ? `document ${d + 1}: ` : '';
        if (doc.errors.length > 0) {
            issues.push(...doc.errors.map((e) => ({ path: `${prefix}${e.linePos ? `line ${e.linePos[0].line}` : ''}`, message: `YAML syntax: ${e.message.split('\n')[0]}` })));
            continue;
        }
        const data = doc.toJS();
        const parsed = slothSpecSchema.safeParse(data);
        if (!parsed.success) {
            issues.push(...(0,policy_issues/* toPolicyIssues */.e)(parsed.error, data).map((i) => ({ ...i, path: `${prefix}${i.path}` })));
            continue;
        }
        slos.push(...convert(parsed.data, prefix, issues));
    }
    const seen = new Set();
    for (const slo of slos) {
        if (seen.has(slo.name))
            issues.push({ path: (0,policy_issues/* formatPath */.j)(['slos']), message: `SLO ids must be unique; "${slo.name}" appears twice` });
        seen.add(slo.name);
    }
    if (issues.length > 0)
        throw new policy_error/* PolicyError */.p(source, issues);
    return slos;
}

;// CONCATENATED MODULE: ./src/core/sloth/apply-sloth-source.ts

/**
 * The policy with the Sloth spec's SLOs appended to its top-level `slos` and the
 * `sloth` key removed.
 * @param slothText the text of the file `file.sloth` names
 * @throws PolicyError when the Sloth spec is invalid (paths are prefixed with the Sloth file's name)
 */
function applySlothSource(file, slothText) {
    const { sloth, ...rest } = file;
    if (sloth === undefined)
        return file;
    const slos = slosFromSlothSpec(slothText, sloth);
    return { ...rest, slos: [...(rest.slos ?? []), ...slos] };
}


/***/ })

};

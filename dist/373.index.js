export const id = 373;
export const ids = [373];
export const modules = {

/***/ 8373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applySlothSource: () => (/* binding */ applySlothSource)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __webpack_require__(5491);
// EXTERNAL MODULE: ./src/core/http-url.ts
var http_url = __webpack_require__(5899);
// EXTERNAL MODULE: ./src/core/policy/policy-error.ts
var policy_error = __webpack_require__(5833);
// EXTERNAL MODULE: ./src/core/policy/policy-issues.ts
var policy_issues = __webpack_require__(7163);
// EXTERNAL MODULE: ./src/core/policy/schema.ts
var schema = __webpack_require__(9863);
;// CONCATENATED MODULE: ./src/core/sloth/sloth-plugins.ts
/**
 * Sloth SLO plugins (`slo_plugins` of a spec, `plugins` of one SLO): which ones
 * deploy-governor may ignore and which change the SLO's maths.
 *
 * A Sloth SLO plugin transforms the rules Sloth generates. The gate and
 * `generate rules` do not run Sloth: they measure the SLO from its queries and
 * objective. A plugin that only touches Sloth's own rule files (labels,
 * intervals, alerts, validation) leaves that measurement what Sloth's is, so it
 * is ignored with a warning. A plugin that changes what the SLI or the budget
 * means would make the gate judge another SLO than the one Sloth reports, so it
 * is refused. A plugin Sloth does not ship is refused too: a custom plugin can
 * rewrite the SLI rules, and deploy-governor cannot run it to find out.
 *
 * The list is Sloth's own plugins (slok/sloth internal/plugin/slo/core and
 * internal/plugin/slo/contrib, with their READMEs).
 */
const IGNORED = {
    'sloth.dev/core/validate/v1': 'it validates the spec for Sloth (deploy-governor validates it too)',
    'sloth.dev/core/sli_rules/v1': "it writes Sloth's own SLI recording rules (with disableOptimized, its period window from the raw queries instead of an average of 5m ratios); deploy-governor measures the SLI from the same queries, traffic-weighted either way",
    'sloth.dev/core/metadata_rules/v1': "it writes Sloth's objective, burn-rate and budget recordings; deploy-governor computes its own from the same objective",
    'sloth.dev/core/alert_rules/v1': "it writes Sloth's burn-rate alerts; `generate rules` writes its own",
    'sloth.dev/core/noop/v1': 'it does nothing',
    'sloth.dev/core/debug/v1': 'it only logs',
    'sloth.dev/contrib/error_budget_exhausted_alert/v1': "it adds an alert on Sloth's budget series; `generate rules` writes SLOErrorBudgetExhausted",
    'sloth.dev/contrib/info_labels/v1': "it adds labels to Sloth's info series",
    'sloth.dev/contrib/remove_labels/v1': "it removes labels from Sloth's series",
    'sloth.dev/contrib/rule_intervals/v1': "it sets the evaluation interval of Sloth's rule groups",
    'sloth.dev/contrib/validate_victoria_metrics/v1': 'it validates the queries as MetricsQL for Sloth',
};
const REFUSED = {
    'sloth.dev/contrib/denominator_corrected_rules/v1': "it replaces the SLI with a denominator-corrected one (each window's errors divided by the whole period's traffic), which is not the error/total ratio the gate and `generate rules` measure",
};
/** What deploy-governor does with a Sloth SLO plugin, and why. */
function slothPluginVerdict(id) {
    if (Object.hasOwn(IGNORED, id))
        return { effect: 'ignored', why: IGNORED[id] };
    if (Object.hasOwn(REFUSED, id))
        return { effect: 'refused', why: REFUSED[id] };
    return {
        effect: 'refused',
        why: 'it is not one of the plugins Sloth ships, and a custom plugin can rewrite the SLI rules, which deploy-governor cannot run to find out',
    };
}
/** Every plugin id with a known verdict, for the docs and the tests. */
const KNOWN_SLOTH_PLUGINS = { ignored: Object.keys(IGNORED), refused: Object.keys(REFUSED) };

;// CONCATENATED MODULE: ./src/core/sloth/sloth-yaml.ts
/** Options for `parseAllDocuments`: go-yaml v2's YAML 1.1 scalars, integers kept apart from floats. */
const SLOTH_YAML_OPTIONS = {
    version: '1.1',
    intAsBigInt: true,
    prettyErrors: true,
    uniqueKeys: true,
    // go-yaml v2 has no base-60 numbers and keeps timestamps as text.
    customTags: (tags) => tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME')),
};
/** Go's `strconv.FormatFloat(value, 'g', -1, 32)`: the shortest decimal that reads back as the same float32. */
function goFloat32String(value) {
    if (Number.isNaN(value))
        return 'NaN';
    const f = Math.fround(value);
    if (f === Infinity)
        return '+Inf';
    if (f === -Infinity)
        return '-Inf';
    if (f === 0)
        return Object.is(f, -0) ? '-0' : '0';
    let mantissa = '';
    let exponent = 0;
    for (let digits = 1; digits <= 9; digits++) {
        const text = f.toExponential(digits - 1);
        if (Math.fround(Number(text)) !== f)
            continue;
        const [m, e] = text.split('e');
        mantissa = m.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
        exponent = Number(e);
        break;
    }
    const sign = f < 0 ? '-' : '';
    // %g with the shortest precision switches to an exponent below 1e-4 and from 1e6 (Go uses precision 6 for the decision).
    if (exponent < -4 || exponent >= 6) {
        const e = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
        return `${sign}${mantissa[0]}${mantissa.length > 1 ? `.${mantissa.slice(1)}` : ''}e${e}`;
    }
    if (exponent < 0)
        return `${sign}0.${'0'.repeat(-exponent - 1)}${mantissa}`;
    const whole = mantissa.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = mantissa.slice(exponent + 1);
    return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
/** A scalar where Sloth's struct has a string field, as Sloth ends up with it. */
function slothString(value) {
    if (value === null)
        return '';
    if (typeof value === 'bigint')
        return value.toString();
    if (typeof value === 'boolean')
        return String(value);
    if (typeof value === 'number')
        return goFloat32String(value);
    return value;
}
/** A scalar where Sloth's struct has a float64 (the objective): YAML integers are numbers too. */
function slothNumber(value) {
    return typeof value === 'bigint' ? Number(value) : value;
}
/** A JSON null decodes to nothing in Go: an optional struct, map or list left at its zero value. */
function slothOptional(value) {
    return value === null ? undefined : value;
}
/**
 * An object's keys matched to struct fields as `encoding/json` matches them:
 * exactly, or else ignoring case (an exact key wins over a case-folded one).
 * Unknown keys pass through, for the schema to ignore.
 */
function foldFieldNames(fields) {
    return (value) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value))
            return slothOptional(value);
        const entries = Object.entries(value);
        const exact = new Set(entries.map(([k]) => k).filter((k) => fields.includes(k)));
        const out = {};
        for (const [key, v] of entries) {
            const field = fields.includes(key) ? key : fields.find((f) => f.toLowerCase() === key.toLowerCase());
            if (field === undefined)
                out[key] = v;
            else if (field === key || !exact.has(field))
                out[field] = v;
        }
        return out;
    };
}

;// CONCATENATED MODULE: ./src/core/sloth/from-sloth-spec.ts
/**
 * A Sloth `prometheus/v1` SLO spec as the project's SLOs, so a Sloth user can
 * point the gate (and `generate rules`) at the file they already have. Pure:
 * the adapters read the file and pass its text in.
 *
 * Read as Sloth reads it (sloth-yaml.ts): YAML 1.1 scalars, numbers and
 * booleans stringified where Sloth's struct wants a string (`tier: 2` is the
 * label "2"), keys matched ignoring case, unknown keys ignored.
 *
 * Mapping (one Sloth SLO → one SLO):
 * - name: Sloth's SLO id, `<service>-<name>` (what Sloth writes as `sloth_id`),
 *   so SLOs of several Sloth services stay distinct;
 * - service, objective (percent in both), description;
 * - `sli.events` → `events`, with `rate(` read as `increase(`: the ratio is the
 *   same, and the generated rules' traffic guard needs event counts, not rates;
 * - `sli.raw.error_ratio_query` → `ratio`;
 * - `alerting.annotations.runbook` (or `runbook_url`) → `runbook` when it is a URL.
 * Sloth's `sli.plugin` has no equivalent and is refused. SLO plugins
 * (`slo_plugins`, an SLO's `plugins`) that change the maths are refused, the
 * others ignored with a warning (sloth-plugins.ts). The window is the policy's
 * default (Sloth's own default period is 30 days too).
 */








/** A Go struct: keys matched as encoding/json matches them, null as absent. */
function struct(shape) {
    return schemas/* preprocess */.vkY(foldFieldNames(Object.keys(shape)), schemas/* object */.Ikc(shape));
}
/** A Go string field. */
const str = schemas/* preprocess */.vkY(slothString, schemas/* string */.YjP());
/** A Go `map[string]string`. */
const strMap = schemas/* preprocess */.vkY(slothOptional, schemas/* record */.g1P(schemas/* string */.YjP(), str).optional());
const slothQuery = schemas/* preprocess */.vkY(slothString, schemas/* string */.YjP()
    .min(1)
    .refine((q) => /\{\{\s*\.window\s*\}\}/.test(q), {
    message: 'expected a PromQL query with {{.window}} where the range goes, as Sloth requires',
}));
/** One entry of a plugin chain; its config is the plugin's business. */
const slothPluginSchema = schemas/* preprocess */.vkY(foldFieldNames(['id', 'config', 'priority']), schemas/* object */.Ikc({ id: str }).loose());
/** `slo_plugins` of a spec, `plugins` of an SLO. */
const slothPluginsSchema = schemas/* preprocess */.vkY(slothOptional, struct({
    overridePrevious: schemas/* preprocess */.vkY(slothOptional, schemas/* boolean */.zMY().optional()),
    chain: schemas/* preprocess */.vkY(slothOptional, schemas/* array */.YOg(slothPluginSchema).optional()),
}).optional());
const slothSloSchema = struct({
    name: str.pipe(schemas/* string */.YjP().min(1, { message: 'expected the SLO name' })),
    objective: schemas/* preprocess */.vkY(slothNumber, schemas/* number */.aig({ message: 'expected the objective in percent, e.g. 99.9' })),
    description: schemas/* preprocess */.vkY(slothOptional, str.optional()),
    labels: strMap,
    plugins: slothPluginsSchema,
    sli: struct({
        events: schemas/* preprocess */.vkY(slothOptional, struct({ error_query: slothQuery, total_query: slothQuery }).optional()),
        raw: schemas/* preprocess */.vkY(slothOptional, struct({ error_ratio_query: slothQuery }).optional()),
        plugin: schemas/* preprocess */.vkY(slothOptional, schemas/* preprocess */.vkY(foldFieldNames(['id', 'options']), schemas/* object */.Ikc({ id: str, options: strMap }).loose()).optional()),
    }).refine((sli) => [sli.events, sli.raw, sli.plugin].filter(Boolean).length === 1, {
        message: 'expected exactly one of events, raw or plugin',
    }),
    alerting: schemas/* preprocess */.vkY(slothOptional, schemas/* preprocess */.vkY(foldFieldNames(['name', 'labels', 'annotations', 'page_alert', 'ticket_alert']), schemas/* object */.Ikc({ name: schemas/* preprocess */.vkY(slothOptional, str.optional()), labels: strMap, annotations: strMap }).loose())
        .optional()),
});
/** The parts of a Sloth `prometheus/v1` spec the gate reads; everything else (labels, alert routing) is Sloth's and ignored. */
const slothSpecSchema = struct({
    version: str.pipe(schemas/* literal */.euz('prometheus/v1', {
        message: 'expected version "prometheus/v1" (the Sloth Prometheus spec; Kubernetes PrometheusServiceLevel and OpenSLO files are not read)',
    })),
    service: str.pipe(schemas/* string */.YjP().min(1, { message: 'expected the service name' })),
    labels: strMap,
    slo_plugins: slothPluginsSchema,
    slos: schemas/* preprocess */.vkY(slothOptional, schemas/* array */.YOg(slothSloSchema, { message: 'expected at least one SLO' }).min(1, { message: 'expected at least one SLO' })),
});
/** `rate(` → `increase(` (not `irate(`): same ratio, but event counts. */
function asIncrease(query) {
    return query.replace(/(?<![A-Za-z0-9_:])rate\s*\(/g, 'increase(');
}
function runbookOf(annotations) {
    const candidate = annotations?.runbook ?? annotations?.runbook_url;
    return candidate !== undefined && (0,http_url/* isHttpUrl */.q)(candidate) ? candidate : undefined;
}
/**
 * The verdicts on one plugin block: refusals go to `issues`, ignored plugins to `warnings`.
 * @returns false when a plugin is refused
 */
function checkPlugins(plugins, path, issues, warnings) {
    if (plugins === undefined)
        return true;
    let ok = true;
    for (const [j, plugin] of (plugins.chain ?? []).entries()) {
        const verdict = slothPluginVerdict(plugin.id);
        if (verdict.effect === 'refused') {
            ok = false;
            issues.push({
                path: `${path}.chain[${j}]`,
                message: `the Sloth SLO plugin "${plugin.id}" is refused: ${verdict.why}, so the gate would judge another SLO than Sloth reports; remove it from the spec deploy-governor reads, or write the SLO in the policy file`,
            });
        }
        else {
            warnings.push({
                path: `${path}.chain[${j}]`,
                message: `the Sloth SLO plugin "${plugin.id}" is ignored: ${verdict.why}; the SLO's maths is unchanged`,
            });
        }
    }
    if (plugins.overridePrevious === true) {
        warnings.push({
            path: `${path}.overridePrevious`,
            message: "overridePrevious is ignored: it only changes which plugins Sloth runs on its own rules; the SLO's maths is unchanged",
        });
    }
    return ok;
}
function convert(spec, prefix, issues, warnings) {
    const out = [];
    const specPluginsOk = checkPlugins(spec.slo_plugins, `${prefix}slo_plugins`, issues, warnings);
    for (const [i, slo] of spec.slos.entries()) {
        const path = `${prefix}slos[${i}]`;
        const pluginsOk = checkPlugins(slo.plugins, `${path}.plugins`, issues, warnings);
        if (slo.sli.plugin) {
            issues.push({
                path: `${path}.sli.plugin`,
                message: `Sloth SLI plugins (here "${slo.sli.plugin.id}") generate their queries inside Sloth and cannot be read; write the SLI as events (error_query/total_query) or raw (error_ratio_query)`,
            });
            continue;
        }
        if (!specPluginsOk || !pluginsOk)
            continue;
        const runbook = runbookOf(slo.alerting?.annotations);
        const candidate = {
            name: `${spec.service}-${slo.name}`,
            service: spec.service,
            objective: slo.objective,
            ...(slo.description ? { description: slo.description.slice(0, 500) } : {}),
            ...(runbook !== undefined ? { runbook } : {}),
            sli: slo.sli.events
                ? { events: { error: asIncrease(slo.sli.events.error_query), total: asIncrease(slo.sli.events.total_query) } }
                : { ratio: { query: slo.sli.raw.error_ratio_query } },
        };
        const result = schema/* sloSchema */._.safeParse(candidate);
        if (!result.success) {
            for (const issue of (0,policy_issues/* toPolicyIssues */.eZ)(result.error, candidate)) {
                const field = issue.path === 'name' ? 'name (the SLO id <service>-<name>)' : issue.path;
                issues.push({ path: `${path}.${field}`, message: issue.message });
            }
            continue;
        }
        // Marked as Sloth's, so the gate can read the series Sloth records for it (src/core/evaluate/sloth-ratios.ts).
        out.push({ ...result.data, slothId: candidate.name });
    }
    return out;
}
/**
 * The SLOs of a Sloth `prometheus/v1` file (one or more YAML documents), with
 * the plugins that were ignored.
 * @param source the file's path, for error messages
 * @throws PolicyError naming each offending key, the value and the accepted form
 */
function readSlothSpec(text, source) {
    const docs = (0,dist/* parseAllDocuments */.hR)(text, SLOTH_YAML_OPTIONS);
    const list = Array.isArray(docs) ? docs : [docs];
    const issues = [];
    const warnings = [];
    const slos = [];
    const specs = list.filter((doc) => doc.contents !== null || doc.errors.length > 0);
    if (specs.length === 0)
        throw new policy_error/* PolicyError */.p(source, [
            { path: '', message: 'the file is empty; expected a Sloth spec with version: "prometheus/v1", service and slos' },
        ]);
    for (const [d, doc] of specs.entries()) {
        const prefix = specs.length > 1 ? `document ${d + 1}: ` : '';
        if (doc.errors.length > 0) {
            issues.push(...doc.errors.map((e) => ({
                path: `${prefix}${e.linePos ? `line ${e.linePos[0].line}` : ''}`,
                message: `YAML syntax: ${e.message.split('\n')[0]}`,
            })));
            continue;
        }
        const data = doc.toJS();
        const parsed = slothSpecSchema.safeParse(data);
        if (!parsed.success) {
            issues.push(...(0,policy_issues/* toPolicyIssues */.eZ)(parsed.error, data).map((i) => ({ ...i, path: `${prefix}${i.path}` })));
            continue;
        }
        slos.push(...convert(parsed.data, prefix, issues, warnings));
    }
    const seen = new Set();
    for (const slo of slos) {
        if (seen.has(slo.name))
            issues.push({ path: (0,policy_issues/* formatPath */.jV)(['slos']), message: `SLO ids must be unique; "${slo.name}" appears twice` });
        seen.add(slo.name);
    }
    if (issues.length > 0)
        throw new policy_error/* PolicyError */.p(source, issues);
    return { slos, warnings };
}

;// CONCATENATED MODULE: ./src/core/sloth/apply-sloth-source.ts

/**
 * The policy with the Sloth spec's SLOs appended to its top-level `slos` and the
 * `sloth` key removed.
 * @param slothText the text of the file `file.sloth` names
 * @param warn called once per thing of the spec that was ignored (an SLO plugin that does not change the maths), with
 *    a line naming the file, the key and why
 * @throws PolicyError when the Sloth spec is invalid or uses a plugin that changes the maths (paths are prefixed with
 *    the Sloth file's name)
 */
function applySlothSource(file, slothText, warn) {
    const { sloth, ...rest } = file;
    if (sloth === undefined)
        return file;
    const { slos, warnings } = readSlothSpec(slothText, sloth);
    for (const w of warnings)
        warn?.(`${sloth}: ${w.path}: ${w.message}`);
    return { ...rest, slos: [...(rest.slos ?? []), ...slos] };
}


/***/ })

};

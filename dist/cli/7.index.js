export const id = 7;
export const ids = [7];
export const modules = {

/***/ 1007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parsePolicy: () => (/* binding */ parsePolicy)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/policy/policy-error.ts
var policy_error = __webpack_require__(5833);
// EXTERNAL MODULE: ./src/core/policy/policy-issues.ts
var policy_issues = __webpack_require__(7163);
// EXTERNAL MODULE: ./node_modules/cron-parser/dist/index.js
var cron_parser_dist = __webpack_require__(8628);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/http-url.ts
var http_url = __webpack_require__(5899);
// EXTERNAL MODULE: ./src/core/status.ts
var core_status = __webpack_require__(5009);
// EXTERNAL MODULE: ./src/core/policy/permissions.ts
var permissions = __webpack_require__(5442);
;// CONCATENATED MODULE: ./src/core/policy/schema.ts
/**
 * The policy file, `.github/deploy-governor.yml`: the one contract that drives the
 * Action, the app and the CLI.
 *
 * Every object is strict (an unknown key is an error, so a typo never silently
 * disables a check). No field carries a zod `.default()`: defaults are applied in
 * `resolve-policy.ts`, after the per-environment section and the Action's inputs
 * have been merged, so that "not set" stays distinguishable from "set to the
 * default". Defaults are documented here (and in the generated JSON Schema) with
 * `meta({ default })`.
 */






/** A Prometheus-style duration such as `30d` or `5m`. */
const durationSchema = schemas/* string */.YjP()
    .refine(duration/* isDuration */.n$, { message: `expected ${duration/* DURATION_FORM */.ec}` })
    .meta({ pattern: '^([0-9]+(ms|y|w|d|h|m|s))+$', examples: ['30d', '1h', '5m'] });
/** A PromQL template for a window: must contain `{{window}}` (Sloth's `{{.window}}` is accepted too). */
const windowQuerySchema = schemas/* string */.YjP()
    .min(1)
    .refine((q) => /\{\{\s*\.?window\s*\}\}/.test(q), {
    message: 'expected a PromQL query containing {{window}} (or Sloth\'s {{.window}}) where the range goes, e.g. sum(increase(http_requests_total{status=~"5.."}[{{window}}]))',
});
const promqlSchema = schemas/* string */.YjP().min(1, { message: 'expected a non-empty PromQL expression' });
/** The statuses that `block-on` and rule severities may name. */
const blockableStatusSchema = schemas/* enum */.k5n(core_status/* BLOCKABLE_STATUSES */.dW);

const permissionSchema = schemas/* enum */.k5n(permissions/* PERMISSIONS */.J);
const envVarName = schemas/* string */.YjP()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'expected an environment variable name such as PROMETHEUS_TOKEN' });
const httpUrl = schemas/* string */.YjP().refine(http_url/* isHttpUrl */.q, { message: 'expected an http:// or https:// URL such as https://prometheus.example.com' });
/** Where and how to reach Prometheus (or Thanos, Mimir, VictoriaMetrics: anything with its HTTP query API). */
const prometheusSchema = schemas/* strictObject */.rej({
    url: httpUrl.optional().meta({
        description: 'Base URL of the Prometheus HTTP API, without /api/v1 (for Mimir include the prefix, e.g. https://mimir.example.com/prometheus). Input `prometheus-url` overrides it.',
    }),
    'bearer-token-env': envVarName.optional().meta({
        description: 'Name of the environment variable holding a bearer token. Secrets never belong in the file itself. Input `prometheus-token` overrides it.',
    }),
    'basic-auth': schemas/* strictObject */.rej({
        username: schemas/* string */.YjP().min(1).meta({ description: 'Basic-auth user name.' }),
        'password-env': envVarName.meta({ description: 'Name of the environment variable holding the password.' }),
    })
        .optional()
        .meta({ description: 'HTTP basic authentication; the password comes from an environment variable.' }),
    headers: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z0-9-]+$/, { message: 'expected an HTTP header name' }), schemas/* string */.YjP())
        .optional()
        .meta({ description: 'Extra request headers, e.g. `X-Scope-OrgID: tenant-a` for Mimir. Values are masked in logs.' }),
    timeout: durationSchema.optional().meta({ description: 'Timeout of each query.', default: '10s' }),
})
    .meta({ description: 'The Prometheus-compatible query API the gate reads.' });
/** An SLI counted in events: bad events and all events over a window. */
const eventsSliSchema = schemas/* strictObject */.rej({
    error: windowQuerySchema.meta({ description: 'PromQL for bad events over `{{window}}`; an empty result counts as zero errors.' }),
    total: windowQuerySchema.meta({ description: 'PromQL for all events over `{{window}}`; an empty result or zero means no traffic (status UNKNOWN).' }),
})
    .meta({ description: 'Error and total event counts; the error ratio is error/total over the same window (traffic-weighted).' });
/** A latency SLI from a Prometheus histogram. */
const latencySliSchema = schemas/* strictObject */.rej({
    metric: schemas/* string */.YjP()
        .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, { message: 'expected a histogram metric name without _bucket, e.g. http_request_duration_seconds' })
        .meta({ description: 'Histogram base name (without `_bucket`/`_count`).' }),
    threshold: schemas/* number */.aig().positive().meta({ description: 'Latency target in seconds; the histogram must have a bucket with exactly this `le`.' }),
    selector: schemas/* string */.YjP()
        .optional()
        .meta({ description: 'Label matchers, with or without braces, e.g. `job="api", route!="/health"`.' }),
})
    .meta({ description: 'Good events are requests faster than the threshold (the bucket `le` = threshold); bad = count − good.' });
/** An SLI given directly as an error ratio. */
const ratioSliSchema = schemas/* strictObject */.rej({
    query: windowQuerySchema.meta({ description: 'PromQL returning the error ratio (0..1) over `{{window}}`.' }),
})
    .meta({ description: 'A raw error-ratio query.' });
const sliSchema = schemas/* strictObject */.rej({
    events: eventsSliSchema.optional(),
    latency: latencySliSchema.optional(),
    ratio: ratioSliSchema.optional(),
})
    .refine((sli) => [sli.events, sli.latency, sli.ratio].filter(Boolean).length === 1, {
    message: 'expected exactly one of events, latency or ratio',
})
    .meta({ description: 'How the SLI is measured: exactly one of `events`, `latency`, `ratio`.' });
/** One service level objective. */
const sloSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'expected 1-100 letters, digits, dots, dashes or underscores, e.g. api-availability' })
        .meta({ description: 'Unique SLO name; used in reports, rule labels and dashboards.' }),
    description: schemas/* string */.YjP().max(500).optional().meta({ description: 'What the SLO protects, for humans.' }),
    service: schemas/* string */.YjP().min(1).max(100).optional().meta({ description: 'Service label for generated rules; defaults to the SLO name.' }),
    objective: schemas/* number */.aig()
        .gt(0, { message: 'expected a percentage above 0, e.g. 99.9' })
        .lt(100, { message: 'expected a percentage below 100 (100% leaves no error budget)' })
        .optional()
        .meta({ description: 'Objective in percent. Input `slo-target` overrides it.', default: 99.9 }),
    window: durationSchema.optional().meta({ description: 'SLO window. Input `window` overrides it.', default: '30d' }),
    sli: sliSchema,
    runbook: httpUrl.optional().meta({ description: 'Runbook URL, linked from reports and generated alerts.' }),
})
    .meta({ description: 'A service level objective and how to measure it.' });
/** Budget-remaining thresholds, in percent. */
const thresholdsSchema = schemas/* strictObject */.rej({
    caution: schemas/* number */.aig().optional().meta({ description: 'At or above: NORMAL; below: CAUTION.', default: 80 }),
    warning: schemas/* number */.aig().optional().meta({ description: 'Below: WARNING.', default: 50 }),
    freeze: schemas/* number */.aig().optional().meta({ description: 'Below: FREEZE; below 0: EXHAUSTED.', default: 20 }),
})
    .meta({ description: 'Budget remaining (percent) at which the status changes. Must satisfy caution ≥ warning ≥ freeze ≥ 0.' });
/** Disaster-recovery drill freshness and recovery objectives. */
const drSchema = schemas/* strictObject */.rej({
    enabled: schemas/* boolean */.zMY().optional().meta({ description: 'Check DR freshness. Input `dr-check` overrides it.', default: true }),
    metric: promqlSchema.optional().meta({
        description: 'Gauge (or selector) holding the Unix time of the last successful drill. Input `dr-metric` overrides it.',
        default: 'dr_last_test_timestamp',
    }),
    'max-age': durationSchema.optional().meta({ description: 'Oldest acceptable drill. Input `dr-max-age` overrides it.', default: '7d' }),
    lookback: durationSchema.optional().meta({
        description: 'How far back to look for the last pushed sample (a gauge pushed daily is stale for instant queries after 5 minutes). Default: twice max-age.',
    }),
    'backup-probe': schemas/* strictObject */.rej({
        query: promqlSchema.optional().meta({ description: 'Must evaluate to 1.', default: 'probe_success{job="dr-backup-check"}' }),
        lookback: durationSchema.optional().meta({ description: 'Newest sample within this range counts.', default: '1h' }),
    })
        .optional()
        .meta({ description: 'A backup probe that must currently succeed (present = enabled).' }),
    rto: schemas/* strictObject */.rej({
        metric: promqlSchema.optional().meta({ default: 'dr_last_recovery_time_seconds' }),
        max: durationSchema.meta({ description: 'Longest acceptable recovery time in the last drill.' }),
    })
        .optional()
        .meta({ description: 'Recovery time objective check (present = enabled).' }),
    rpo: schemas/* strictObject */.rej({
        metric: promqlSchema.optional().meta({ default: 'dr_last_data_loss_seconds' }),
        max: durationSchema.meta({ description: 'Largest acceptable data loss window in the last drill.' }),
    })
        .optional()
        .meta({ description: 'Recovery point objective check (present = enabled).' }),
    status: blockableStatusSchema
        .optional()
        .meta({ description: 'Status a failed DR check raises the decision to.', default: 'WARNING' }),
})
    .meta({ description: 'Disaster-recovery drill freshness.' });
const cronSchema = schemas/* string */.YjP().refine((expr) => {
    try {
        cron_parser_dist.CronExpressionParser.parse(expr);
        return true;
    }
    catch {
        return false;
    }
}, { message: 'expected a cron expression with 5 fields (minute hour day-of-month month day-of-week), e.g. "0 18 * * 5"' });
const timezoneSchema = schemas/* string */.YjP().refine((tz) => {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
    }
    catch {
        return false;
    }
}, { message: 'expected an IANA time zone such as Europe/Berlin or America/New_York' });
const timestampSchema = schemas/* string */.YjP()
    .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'expected an ISO 8601 timestamp with a time zone, e.g. 2026-11-27T00:00:00Z or 2026-11-27T00:00:00-05:00',
});
/** A freeze window: recurring (cron start/end in a time zone) or one-off (from/to). */
const freezeWindowSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1).max(100).meta({ description: 'Shown in the report when the window is active.' }),
    reason: schemas/* string */.YjP().max(500).optional().meta({ description: 'Why deploys are frozen.' }),
    start: cronSchema.optional().meta({ description: 'Recurring: cron expression at which the window opens.' }),
    end: cronSchema.optional().meta({ description: 'Recurring: cron expression at which the window closes.' }),
    timezone: timezoneSchema.optional().meta({ description: 'IANA time zone of start/end.', default: 'UTC' }),
    from: timestampSchema.optional().meta({ description: 'One-off: start, ISO 8601 with zone.' }),
    to: timestampSchema.optional().meta({ description: 'One-off: end, ISO 8601 with zone.' }),
    environments: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).optional().meta({ description: 'Only these environments (default: all).' }),
})
    .superRefine((w, ctx) => {
    const recurring = w.start !== undefined || w.end !== undefined;
    const oneOff = w.from !== undefined || w.to !== undefined;
    if (recurring === oneOff) {
        ctx.addIssue({ code: 'custom', message: 'expected either start and end (cron) or from and to (timestamps)' });
        return;
    }
    if (recurring && (w.start === undefined || w.end === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'a recurring window needs both start and end', path: [w.start === undefined ? 'start' : 'end'] });
    }
    if (oneOff) {
        if (w.from === undefined || w.to === undefined) {
            ctx.addIssue({ code: 'custom', message: 'a one-off window needs both from and to', path: [w.from === undefined ? 'from' : 'to'] });
        }
        else if (Date.parse(w.from) >= Date.parse(w.to)) {
            ctx.addIssue({ code: 'custom', message: `expected to (${w.to}) after from (${w.from})`, path: ['to'] });
        }
        if (w.timezone !== undefined) {
            ctx.addIssue({ code: 'custom', message: 'timezone applies to recurring windows; put the offset in from/to', path: ['timezone'] });
        }
    }
})
    .meta({ description: 'A period in which deploys are blocked with status FREEZE.' });
/** A multi-window burn-rate guard: blocks while both windows burn faster than `factor`. */
const burnRateGuardSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1).max(100).optional().meta({ description: 'Label for the report; default `<long>/<short> > <factor>x`.' }),
    long: durationSchema.meta({ description: 'Long window, e.g. 1h.' }),
    short: durationSchema.meta({ description: 'Short window, e.g. 5m.' }),
    factor: schemas/* number */.aig().positive().meta({ description: 'Burn-rate factor both windows must exceed, e.g. 14.4.' }),
    status: blockableStatusSchema.optional().meta({ description: 'Status the guard raises the decision to.', default: 'FREEZE' }),
})
    .meta({ description: 'Fast-burn guard (SRE workbook multi-window pair).' });
const overrideLevelSchema = schemas/* strictObject */.rej({
    permission: permissionSchema.optional().meta({ description: 'Lowest repository role allowed to use this level.' }),
    'require-environment-approval': schemas/* boolean */.zMY()
        .optional()
        .meta({ description: 'Require that the job ran in a GitHub environment with required reviewers; approvers are recorded.', default: false }),
})
    .meta({ description: 'Who may use an override level.' });
/** Authorization of overrides from workflow_dispatch inputs. */
const overridesSchema = schemas/* strictObject */.rej({
    'min-reason-length': schemas/* number */.aig().int().min(1).max(1000).optional().meta({ default: 10 }),
    levels: schemas/* strictObject */.rej({
        warning: overrideLevelSchema.optional().meta({ description: 'Default permission: write.' }),
        freeze: overrideLevelSchema.optional().meta({ description: 'Default permission: maintain.' }),
        exhausted: overrideLevelSchema.optional().meta({ description: 'Default permission: admin. Also passes UNKNOWN.' }),
    })
        .optional(),
})
    .meta({ description: 'Who may override a block, at which level.' });
/** Where the app keeps the override audit log. */
const auditSchema = schemas/* strictObject */.rej({
    branch: schemas/* string */.YjP().min(1).optional().meta({ default: 'deploy-governor-audit' }),
    path: schemas/* string */.YjP().min(1).optional().meta({ default: 'audit/overrides.jsonl' }),
})
    .meta({ description: 'The tamper-evident override audit log (written by the app).' });
/** Every policy value that an `environments.<name>` section may override. */
const policyFields = {
    prometheus: prometheusSchema.optional(),
    slos: schemas/* array */.YOg(sloSchema).min(1).optional().meta({ description: 'The SLOs; the decision is the worst of them.' }),
    thresholds: thresholdsSchema.optional(),
    'block-on': blockableStatusSchema
        .optional()
        .meta({ description: 'Lowest status that blocks a deploy. Input `block-on` overrides it.', default: 'WARNING' }),
    'on-error': schemas/* enum */.k5n(['block', 'allow'])
        .optional()
        .meta({ description: 'What an evaluation error (UNKNOWN) does. Input `on-error` overrides it.', default: 'block' }),
    'use-recording-rules': schemas/* enum */.k5n(['true', 'false', 'auto'])
        .optional()
        .meta({
        description: 'Read the series recorded by `deploy-governor generate rules` instead of raw counters: `true` requires them, `false` never reads them, `auto` uses them when their history covers the SLO window. Input `use-recording-rules` overrides it.',
        default: 'auto',
    }),
    mode: schemas/* enum */.k5n(['enforce', 'report'])
        .optional()
        .meta({ description: '`report` evaluates and reports but never fails the step. Input `mode` overrides it.', default: 'enforce' }),
    dr: drSchema.optional(),
    'freeze-windows': schemas/* array */.YOg(freezeWindowSchema).optional(),
    'burn-rate-guards': schemas/* array */.YOg(burnRateGuardSchema)
        .optional()
        .meta({ description: 'Fast-burn guards; `[]` disables. Default: one guard, 1h and 5m over 14.4x.' }),
    overrides: overridesSchema.optional(),
    audit: auditSchema.optional(),
};
/** Per-environment overrides: any policy value, merged over the file's top level (arrays replace). */
const environmentPolicySchema = schemas/* strictObject */.rej(policyFields).meta({ description: 'Policy values for one environment.' });
/** The whole policy file. */
const policyFileSchema = schemas/* strictObject */.rej({
    $schema: schemas/* string */.YjP().optional().meta({ description: 'Editor hint; ignored.' }),
    version: schemas/* literal */.euz(1).optional().meta({ description: 'Policy file format version.', default: 1 }),
    ...policyFields,
    environments: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z0-9._-]+$/, { message: 'expected an environment name' }), environmentPolicySchema)
        .optional()
        .meta({ description: 'Per-environment overrides, keyed by environment name.' }),
})
    .meta({
    title: 'deploy-governor policy',
    description: 'Policy for deploy-governor (.github/deploy-governor.yml): SLOs, thresholds, DR, freeze windows, guards and overrides.',
});

;// CONCATENATED MODULE: ./src/core/policy/load-policy.ts
/**
 * Parses and validates the policy file's text. Pure: the adapters read the file
 * (from the workspace, the API or disk) and pass its text in.
 */




/**
 * Parse policy YAML. An empty file is an empty policy (all defaults).
 * @throws PolicyError naming each invalid key
 */
function parsePolicy(text, source = '.github/deploy-governor.yml') {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
        throw new policy_error/* PolicyError */.p(source, doc.errors.map((e) => ({ path: e.linePos ? `line ${e.linePos[0].line}` : '', message: `YAML syntax: ${e.message.split('\n')[0]}` })));
    }
    const data = doc.toJS() ?? {};
    const result = policyFileSchema.safeParse(data);
    if (!result.success)
        throw new policy_error/* PolicyError */.p(source, (0,policy_issues/* toPolicyIssues */.e)(result.error, data));
    return result.data;
}


/***/ })

};

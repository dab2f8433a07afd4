export const id = 149;
export const ids = [149,642];
export const modules = {

/***/ 9642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NOTIFICATION_KINDS: () => (/* binding */ NOTIFICATION_KINDS),
/* harmony export */   blockedNotification: () => (/* binding */ blockedNotification),
/* harmony export */   overdueNotification: () => (/* binding */ overdueNotification),
/* harmony export */   overrideNotification: () => (/* binding */ overrideNotification)
/* harmony export */ });
/** The notification kinds a policy may subscribe to (`notify.on`). */
const NOTIFICATION_KINDS = ['blocked', 'override', 'postmortem-overdue'];
function deployFacts(report, repository, runUrl) {
    return {
        repository,
        environment: report.environment,
        status: report.decision.status,
        budgetRemaining: report.budget.remaining,
        burnRate: report.budget.burnRate,
        reasons: report.decision.reasons,
        runUrl,
        evaluatedAt: report.evaluatedAt,
    };
}
/** A deploy the gate blocked. */
function blockedNotification(report, repository, runUrl) {
    return {
        kind: 'blocked',
        ...deployFacts(report, repository, runUrl),
        blockOn: report.decision.blockOn,
        requiredOverride: report.decision.requiredOverride,
    };
}
/** A blocked deploy let through by an override (the app sends it only once the override verified); null without one. */
function overrideNotification(report, repository, runUrl) {
    const o = report.override;
    if (!report.decision.overridden || !o)
        return null;
    return { kind: 'override', ...deployFacts(report, repository, runUrl), actor: o.actor, level: o.level, reason: o.reason };
}
/** The overdue action items a sweep reminded (one reminder per item and day); null when none. */
function overdueNotification(repository, actions) {
    const items = actions.flatMap(({ action, outcome }) => action.kind === 'remind-overdue' && outcome === 'done'
        ? [{ issue: action.issue, url: null, owner: action.owner, due: action.due, daysOverdue: action.daysOverdue }]
        : []);
    if (items.length === 0)
        return null;
    return { kind: 'postmortem-overdue', repository, items: items.sort((a, b) => b.daysOverdue - a.daysOverdue) };
}


/***/ }),

/***/ 7139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseExtends),
/* harmony export */   Nc: () => (/* binding */ EXTENDS_FORM),
/* harmony export */   Xn: () => (/* binding */ specKey),
/* harmony export */   l9: () => (/* binding */ describeSpec)
/* harmony export */ });
/**
 * The `extends` value of a policy file: `<owner>/<repo>[:<path>][@<ref>]`, as
 * Probot's `_extends` names a base file. The path defaults to the policy's own
 * path in that repository (`.github/deploy-governor.yml`, the organisation's
 * `.github` repository by convention) and the ref to its default branch. Pure:
 * parsing and normalising only; reading is the host's (src/github/read-parent-policy.ts).
 */
/** The default path of a parent policy in its repository. */
const DEFAULT_PARENT_PATH = '.github/deploy-governor.yml';
/** The accepted form, quoted by every refusal. */
const EXTENDS_FORM = 'owner/repo, optionally followed by :path/inside/the/repo.yml and @ref, e.g. acme/.github or acme/.github:policies/deploy.yml@main';
// GitHub's own limits: an owner is 1-39 letters, digits or single dashes; a repository 1-100 of letters, digits, ., _ and -.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const PATH_SEGMENT = /^[A-Za-z0-9._-]{1,255}$/;
const REF = /^[A-Za-z0-9._/-]{1,255}$/;
/** Why `path` is not a path inside a repository; null when it is. */
function pathProblem(path) {
    if (path.length > 1024)
        return `the path has ${path.length} characters; at most 1024`;
    if (path.startsWith('/'))
        return 'the path must be relative to the repository root, without a leading /';
    const segments = path.split('/');
    if (segments.some((s) => s === '..'))
        return 'the path must stay inside the repository: no .. segment';
    if (segments.some((s) => s === '' || s === '.'))
        return 'the path has an empty or . segment';
    if (!segments.every((s) => PATH_SEGMENT.test(s)))
        return 'each path segment may have only letters, digits, ., _ and -';
    return null;
}
/** Why `ref` is not a branch, tag or commit name git accepts (a conservative subset); null when it is. */
function refProblem(ref) {
    if (!REF.test(ref))
        return 'a ref may have only letters, digits, ., _, - and / (1-255 characters)';
    if (ref.startsWith('/') || ref.endsWith('/') || ref.startsWith('-') || ref.endsWith('.') || ref.endsWith('.lock'))
        return 'a ref may not start with / or -, or end with /, . or .lock';
    if (ref.includes('..') || ref.includes('//') || ref.split('/').some((s) => s.startsWith('.')))
        return 'a ref may not contain .., // or a segment that starts with .';
    return null;
}
/** Parses `owner/repo[:path][@ref]`; the problem names what is wrong (the caller names the file, the key and the value). */
function parseExtends(value) {
    const at = value.indexOf('@');
    const head = at === -1 ? value : value.slice(0, at);
    const ref = at === -1 ? null : value.slice(at + 1);
    const colon = head.indexOf(':');
    const repoPart = colon === -1 ? head : head.slice(0, colon);
    const path = colon === -1 ? DEFAULT_PARENT_PATH : head.slice(colon + 1);
    const slash = repoPart.indexOf('/');
    if (slash === -1)
        return { problem: `expected ${EXTENDS_FORM}: the owner is missing` };
    const owner = repoPart.slice(0, slash);
    const repo = repoPart.slice(slash + 1);
    if (!OWNER.test(owner))
        return { problem: `"${owner}" is not a GitHub owner name (1-39 letters, digits or single dashes)` };
    if (!REPO.test(repo) || repo === '.' || repo === '..')
        return { problem: `"${repo}" is not a repository name (1-100 letters, digits, ., _ or -)` };
    if (colon !== -1 && path === '')
        return { problem: 'the path after : is empty; leave the : out for the default path' };
    const badPath = pathProblem(path);
    if (badPath !== null)
        return { problem: badPath };
    if (ref !== null) {
        if (ref === '')
            return { problem: 'the ref after @ is empty; leave the @ out for the default branch' };
        const badRef = refProblem(ref);
        if (badRef !== null)
            return { problem: badRef };
    }
    return { spec: { owner, repo, path, ref } };
}
/** The one spelling of a file of the chain, for messages and provenance: `owner/repo:path@ref` (`@default` for the default branch). */
function describeSpec(spec) {
    return `${spec.owner}/${spec.repo}:${spec.path}@${spec.ref ?? 'default'}`;
}
/** Identity for cycle detection: GitHub's owner and repository names are case-insensitive, paths and refs are not. */
function specKey(spec) {
    return `${spec.owner.toLowerCase()}/${spec.repo.toLowerCase()}:${spec.path}@${spec.ref ?? ''}`;
}


/***/ }),

/***/ 8149:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ policyFileSchema),
  _: () => (/* binding */ sloSchema)
});

// EXTERNAL MODULE: ./node_modules/cron-parser/dist/index.js
var dist = __webpack_require__(8628);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __webpack_require__(5491);
// EXTERNAL MODULE: ./src/core/notify/notification.ts
var notification = __webpack_require__(9642);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
;// CONCATENATED MODULE: ./src/core/policy/duration-schema.ts
/** The policy's duration type, shared by every section of the file. */


/** A Prometheus-style duration such as `30d` or `5m`. */
const durationSchema = schemas/* string */.YjP()
    .refine(duration/* isDuration */.n$, { message: `expected ${duration/* DURATION_FORM */.ec}` })
    .meta({ pattern: '^([0-9]+(ms|y|w|d|h|m|s))+$', examples: ['30d', '1h', '5m'] });

// EXTERNAL MODULE: ./src/core/policy/permissions.ts
var permissions = __webpack_require__(5442);
;// CONCATENATED MODULE: ./src/core/postmortem/postmortem-policy.ts
/**
 * The policy file's `postmortems` section (a contract: documented in full) and
 * its resolution to defaults. Top-level only: postmortems belong to the
 * repository, not to one environment.
 */




const labelName = schemas/* string */.YjP()
    .min(1)
    .max(50)
    .refine((s) => !s.includes(','), { message: 'expected a GitHub label name (at most 50 characters, no comma)' });
/** A GitHub login, an `org/team` slug, or `$author` (whoever opened the postmortem). */
const approverSchema = schemas/* string */.YjP()
    .regex(/^(\$author|[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?)$/, {
    message: 'expected a GitHub login (octocat), a team as org/team-slug (my-org/sre), or $author',
})
    .meta({ examples: ['octocat', 'my-org/sre', '$author'] });
/** One row of the approvals table. */
const approvalRoleSchema = schemas/* strictObject */.rej({
    role: schemas/* string */.YjP()
        .min(1)
        .max(60)
        .regex(/^[^|\n\r<>`[\]]+$/, { message: 'expected a plain role name without |, <, >, backticks or brackets' })
        .meta({ description: 'Role shown in the approvals table, e.g. "Service owner".' }),
    approvers: schemas/* array */.YOg(approverSchema)
        .min(1)
        .meta({ description: "Who may tick this role's box: logins, org/team slugs (any member), or `$author`." }),
})
    .meta({ description: 'A role that must approve a postmortem before it is published.' });
/** Label equality matchers of the Alertmanager route. */
const alertSelector = schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { message: 'expected a Prometheus label name' }), schemas/* string */.YjP())
    .meta({ description: 'Labels an alert must carry, with these exact values, to open an incident and a postmortem.' });
/** Postmortems and their action items, run in the repository's issues by the app and the CLI. */
const postmortemsSchema = schemas/* strictObject */.rej({
    'incident-label': labelName.optional().meta({ description: 'Label of incident issues.', default: 'incident' }),
    label: labelName.optional().meta({ description: 'Label of postmortem issues.', default: 'postmortem' }),
    'required-severities': schemas/* array */.YOg(labelName)
        .optional()
        .meta({
        description: 'Severity labels whose incidents require a postmortem: closing such an incident opens one automatically, and coverage counts them.',
        default: ['sev1', 'sev2'],
    }),
    'command-permission': schemas/* enum */.k5n(permissions/* PERMISSIONS */.J)
        .optional()
        .meta({ description: 'Lowest repository role that may run `/postmortem <title>` in a comment.', default: 'triage' }),
    template: schemas/* string */.YjP().min(1).optional().meta({
        description: 'Path of a custom postmortem template in the repository (placeholders such as {{title}}, {{date}}, {{incident}}, {{severity}}, {{duration}}); the built-in blameless template is used when the file does not exist.',
        default: '.github/deploy-governor/postmortem.md',
    }),
    'docs-path': schemas/* string */.YjP()
        .min(1)
        .regex(/^[^/].*[^/]$|^[^/]$/, {
        message: 'expected a directory path relative to the repository root, without leading or trailing slash',
    })
        .optional()
        .meta({ description: 'Directory where published postmortems are committed as YYYY-MM-DD-<title>.md.', default: 'docs/postmortems' }),
    approvals: schemas/* array */.YOg(approvalRoleSchema).min(1).optional().meta({
        description: 'The approvals table. When every box is ticked the postmortem is published. Default: one row, Author, approved by whoever opened the postmortem (for one opened by Alertmanager: anyone with maintain).',
    }),
    'publish-reminder-after': durationSchema
        .optional()
        .meta({ description: 'Remind on a postmortem still unpublished this long after its incident ended.', default: '7d' }),
    alertmanager: schemas/* strictObject */.rej({
        selector: alertSelector.optional().meta({ default: { severity: 'critical' } }),
        severity: labelName.optional().meta({ description: 'Severity label given to incidents opened from alerts.', default: 'sev1' }),
    })
        .optional()
        .meta({ description: "Incidents opened from resolved Alertmanager alerts (the app's POST /deploy-governor/alertmanager)." }),
    goals: schemas/* strictObject */.rej({
        'time-to-postmortem': durationSchema
            .optional()
            .meta({ description: 'Median time from incident end to published postmortem.', default: '7d' }),
        'completion-rate': schemas/* number */.aig()
            .min(0)
            .max(100)
            .optional()
            .meta({ description: 'Share (%) of action items closed within 30 days of being opened.', default: 90 }),
        coverage: schemas/* number */.aig()
            .min(0)
            .max(100)
            .optional()
            .meta({ description: 'Share (%) of incidents of a required severity that have a postmortem.', default: 100 }),
    })
        .optional()
        .meta({ description: 'Goals the reliability report measures against.' }),
})
    .meta({ description: 'Postmortems and action items tracked in GitHub issues (the app and `deploy-governor postmortems`).' });
const DEFAULT_APPROVALS = [{ role: 'Author', approvers: ['$author'] }];
function resolvePostmortemPolicy(config) {
    const c = config ?? {};
    return {
        incidentLabel: c['incident-label'] ?? 'incident',
        label: c.label ?? 'postmortem',
        requiredSeverities: c['required-severities'] ?? ['sev1', 'sev2'],
        commandPermission: c['command-permission'] ?? 'triage',
        templatePath: c.template ?? '.github/deploy-governor/postmortem.md',
        docsPath: c['docs-path'] ?? 'docs/postmortems',
        approvals: c.approvals ?? DEFAULT_APPROVALS,
        publishReminderAfterMs: parseDurationMs(c['publish-reminder-after'] ?? '7d'),
        alertmanager: { selector: c.alertmanager?.selector ?? { severity: 'critical' }, severity: c.alertmanager?.severity ?? 'sev1' },
        goals: {
            timeToPostmortemMs: parseDurationMs(c.goals?.['time-to-postmortem'] ?? '7d'),
            completionRate: c.goals?.['completion-rate'] ?? 90,
            coverage: c.goals?.coverage ?? 100,
        },
    };
}

// EXTERNAL MODULE: ./src/core/http-url.ts
var http_url = __webpack_require__(5899);
// EXTERNAL MODULE: ./src/core/sli/registry.ts + 7 modules
var registry = __webpack_require__(1039);
// EXTERNAL MODULE: ./src/core/status.ts
var core_status = __webpack_require__(5009);
// EXTERNAL MODULE: ./src/core/policy/enum-schema.ts
var enum_schema = __webpack_require__(2049);
// EXTERNAL MODULE: ./src/core/policy/environment-names.ts
var environment_names = __webpack_require__(7166);
// EXTERNAL MODULE: ./src/core/policy/objective.ts
var objective = __webpack_require__(9921);
// EXTERNAL MODULE: ./src/core/policy/inherit/applies-to.ts
var applies_to = __webpack_require__(1486);
// EXTERNAL MODULE: ./src/core/policy/inherit/extends-spec.ts
var extends_spec = __webpack_require__(7139);
// EXTERNAL MODULE: ./src/core/policy/inherit/locks.ts
var locks = __webpack_require__(2058);
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















const promqlSchema = schemas/* string */.YjP().min(1, { message: 'expected a non-empty PromQL expression' });
/** The statuses that `block-on` and rule severities may name (any case: `warning` reads as WARNING). */
const blockableStatusSchema = (0,enum_schema/* enumSchema */.xx)(core_status/* BLOCKABLE_STATUSES */.dW);
const permissionSchema = (0,enum_schema/* enumSchema */.xx)(permissions/* PERMISSIONS */.J);
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
/** One service level objective. */
const sloSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
        message: 'expected 1-100 letters, digits, dots, dashes or underscores, e.g. api-availability',
    })
        .meta({ description: 'Unique SLO name; used in reports, rule labels and dashboards.' }),
    description: schemas/* string */.YjP().max(500).optional().meta({ description: 'What the SLO protects, for humans.' }),
    service: schemas/* string */.YjP().min(1).max(100).optional().meta({ description: 'Service label for generated rules; defaults to the SLO name.' }),
    objective: schemas/* number */.aig()
        // A fraction (0.999) would mean 0.999 %: every deploy would pass. Objectives are percentages everywhere.
        .gt(1, { error: (issue) => (0,objective/* objectiveProblem */.h)(Number(issue.input)) ?? 'expected a percentage above 1, e.g. 99.9' })
        .lt(100, { message: 'expected a percentage below 100 (100% leaves no error budget)' })
        .optional()
        .meta({
        description: 'Objective in percent, above 1 and below 100, e.g. 99.9 (not a fraction such as 0.999). Input `slo-target` overrides it.',
        default: 99.9,
    }),
    window: durationSchema.optional().meta({ description: 'SLO window. Input `window` overrides it.', default: '30d' }),
    sli: registry/* sliSchema */.WL,
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
    status: blockableStatusSchema.optional().meta({ description: 'Status a failed DR check raises the decision to.', default: 'WARNING' }),
})
    .meta({ description: 'Disaster-recovery drill freshness.' });
const cronSchema = schemas/* string */.YjP().refine((expr) => {
    try {
        dist.CronExpressionParser.parse(expr);
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
    environments: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).optional().meta({
        description: 'Only these environments (default: all). When the policy has an `environments` map, each must be one of its keys, spelled exactly.',
    }),
    'applies-to': applies_to/* appliesToSchema */.DX.optional(),
})
    .superRefine((w, ctx) => {
    const recurring = w.start !== undefined || w.end !== undefined;
    const oneOff = w.from !== undefined || w.to !== undefined;
    if (recurring === oneOff) {
        ctx.addIssue({ code: 'custom', message: 'expected either start and end (cron) or from and to (timestamps)' });
        return;
    }
    if (recurring && (w.start === undefined || w.end === undefined)) {
        ctx.addIssue({
            code: 'custom',
            message: 'a recurring window needs both start and end',
            path: [w.start === undefined ? 'start' : 'end'],
        });
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
    'applies-to': applies_to/* appliesToSchema */.DX.optional(),
})
    .meta({ description: 'Fast-burn guard (SRE workbook multi-window pair).' });
const overrideLevelSchema = schemas/* strictObject */.rej({
    permission: permissionSchema.optional().meta({ description: 'Lowest repository role allowed to use this level.' }),
    'require-environment-approval': schemas/* boolean */.zMY().optional().meta({
        description: 'Require that the job ran in a GitHub environment with required reviewers; approvers are recorded.',
        default: false,
    }),
})
    .meta({ description: 'Who may use an override level.' });
/** Freezes on command: `/freeze` and `/unfreeze` in comments (src/core/freeze/freeze-command.ts). */
const freezesSchema = schemas/* strictObject */.rej({
    permission: permissionSchema.optional().meta({
        description: 'Lowest repository role that may run `/freeze` and `/unfreeze` in an issue or pull-request comment.',
        default: 'maintain',
    }),
})
    .meta({ description: 'Freezes on command: who may freeze and unfreeze deploys from a comment.' });
/** Authorization of overrides from workflow_dispatch inputs. */
const overridesSchema = schemas/* strictObject */.rej({
    'min-reason-length': schemas/* number */.aig().int().min(1).max(1000).optional().meta({ default: 10 }),
    refs: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^refs\/(heads|tags)\/[^\s]+$/, { message: 'expected a full ref such as refs/heads/release' }))
        .max(20)
        .optional()
        .meta({
        description: "Refs, besides the default branch, whose workflows may record an override (the app checks the run's OIDC token). A workflow edited on any other branch can never produce a logged override.",
    }),
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
    app: schemas/* string */.YjP()
        .regex(/^[a-z0-9][a-z0-9-]{0,38}$/, { message: 'expected a GitHub App slug such as deploy-governor' })
        .optional()
        .meta({
        description: 'Slug of the GitHub App that writes the log: `audit verify --repo` requires every commit to the log to be its own, signed.',
        default: 'deploy-governor',
    }),
})
    .meta({ description: 'The tamper-evident override audit log (written by the app).' });
/** A Prometheus label name for generated alerts. */
const alertLabelName = schemas/* string */.YjP()
    .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { message: 'expected a Prometheus label name such as team' })
    .refine((name) => !['slo', 'service', 'severity', 'alertname', 'environment', 'long_window', 'short_window'].includes(name), {
    message: 'slo, service, severity, alertname, environment, long_window and short_window are set by the generator; choose another label name',
});
/** One multi-window burn-rate alert condition of `deploy-governor generate rules`. */
const burnRateAlertSchema = schemas/* strictObject */.rej({
    long: durationSchema.meta({ description: 'Long window, e.g. 1h.' }),
    short: durationSchema.meta({ description: 'Short window, e.g. 5m (both windows must burn faster than factor).' }),
    factor: schemas/* number */.aig().positive().meta({
        description: "Burn-rate factor for a 30-day window, e.g. 14.4; scaled to each SLO's window (× window / 30d, as Sloth does) unless `alerting.factor-scaling` is `pinned`.",
    }),
    severity: (0,enum_schema/* enumSchema */.xx)(['page', 'ticket']).meta({
        description: 'Which alert the pair belongs to: SLOBurnRatePage or SLOBurnRateTicket (one alerting rule per pair, labelled long_window and short_window).',
    }),
    for: durationSchema.optional().meta({ description: "How long the pair's condition must hold before its alert fires.", default: '2m' }),
})
    .meta({ description: 'A multi-window burn-rate alert condition (SRE workbook).' });
/** What `deploy-governor generate rules` alerts on. */
const alertingSchema = schemas/* strictObject */.rej({
    'min-traffic': schemas/* number */.aig().int().min(0).optional().meta({
        description: "Fewest events in a burn-rate pair's long window before it may fire, so a handful of requests cannot page anyone. The CLI flag --min-traffic overrides it.",
        default: 100,
    }),
    'burn-rate-alerts': schemas/* array */.YOg(burnRateAlertSchema).min(1).optional().meta({
        description: 'Burn-rate alert pairs. Default: page on 14.4x over 1h and 5m or 6x over 6h and 30m; ticket on 3x over 1d and 2h or 1x over 3d and 6h.',
    }),
    'factor-scaling': (0,enum_schema/* enumSchema */.xx)(['window', 'pinned']).optional().meta({
        description: "How the pairs' factors (written for a 30-day window, as the SRE workbook's) apply to an SLO window: `window` scales them by window / 30d, as Sloth does (13.44, 5.6, 2.8, 0.933 for 28d), so each pair fires on the same share of the budget; `pinned` uses them as written whatever the window.",
        default: 'window',
    }),
    labels: schemas/* record */.g1P(alertLabelName, schemas/* string */.YjP())
        .optional()
        .meta({ description: 'Extra labels on every generated alert, e.g. `team: payments` for Alertmanager routing.' }),
})
    .meta({ description: 'Alerts written by `deploy-governor generate rules`.' });
/** Every policy value that an `environments.<name>` section may override. */
const policyFields = {
    prometheus: prometheusSchema.optional(),
    slos: schemas/* array */.YOg(sloSchema).min(1).optional().meta({ description: 'The SLOs; the decision is the worst of them.' }),
    thresholds: thresholdsSchema.optional(),
    'block-on': blockableStatusSchema
        .optional()
        .meta({ description: 'Lowest status that blocks a deploy. Input `block-on` overrides it.', default: 'WARNING' }),
    'on-error': (0,enum_schema/* enumSchema */.xx)(['block', 'allow'])
        .optional()
        .meta({ description: 'What an evaluation error (UNKNOWN) does. Input `on-error` overrides it.', default: 'block' }),
    'use-recording-rules': (0,enum_schema/* enumSchema */.xx)(['true', 'false', 'auto'], { booleans: true }).optional().meta({
        description: 'Read the series recorded by `deploy-governor generate rules` instead of raw counters: `true` requires them, `false` never reads them, `auto` uses them when their history covers the SLO window. Input `use-recording-rules` overrides it.',
        default: 'auto',
    }),
    'scrape-interval': durationSchema.optional().meta({
        description: "How often Prometheus scrapes the SLIs' metrics. `generate rules` records its base rates over at least four scrape intervals (5m up to a 1m interval, 20m at 5m), since increase() needs two samples in its range; the gate reads the series named after that window.",
        default: '1m',
    }),
    alerting: alertingSchema.optional(),
    mode: (0,enum_schema/* enumSchema */.xx)(['enforce', 'report'])
        .optional()
        .meta({ description: '`report` evaluates and reports but never fails the step. Input `mode` overrides it.', default: 'enforce' }),
    dr: drSchema.optional(),
    'freeze-windows': schemas/* array */.YOg(freezeWindowSchema).optional(),
    'burn-rate-guards': schemas/* array */.YOg(burnRateGuardSchema)
        .optional()
        .meta({ description: 'Fast-burn guards; `[]` disables. Default: one guard, 1h and 5m over 14.4x.' }),
    'unknown-guards': (0,enum_schema/* enumSchema */.xx)(['allow', 'block']).optional().meta({
        description: "What a fast-burn guard does when one of its windows has no data (its query returned no samples), so it can be neither triggered nor cleared: `allow` shows it as unknown, with the query that returned nothing, without blocking; `block` blocks at the guard's status as if it had triggered.",
        default: 'allow',
    }),
    overrides: overridesSchema.optional(),
    audit: auditSchema.optional(),
};
/** Per-environment overrides: any policy value, merged over the file's top level (arrays replace). */
const environmentPolicySchema = schemas/* strictObject */.rej(policyFields).meta({ description: 'Policy values for one environment.' });
/**
 * Chat notifications: channels by the name the app's operator gave them
 * (NOTIFY_WEBHOOKS), never an address; the operator decides which repositories
 * may use which channel.
 */
const notifySchema = schemas/* strictObject */.rej({
    channels: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
        message: 'expected a channel name from the app operator (letters, digits, ".", "_", "-")',
    }))
        .max(10)
        .meta({
        description: "Names of the app operator's webhooks to notify (NOTIFY_WEBHOOKS in the app's configuration): never a URL. A name the operator has not allowed for this repository sends nothing and is logged.",
        examples: [['deploys-checkout']],
    }),
    on: schemas/* array */.YOg((0,enum_schema/* enumSchema */.xx)(notification.NOTIFICATION_KINDS))
        .optional()
        .meta({
        description: 'What to notify about: `blocked` (a deploy the gate blocked), `override` (a verified override let one through), `postmortem-overdue` (the sweep found overdue action items).',
        default: [...notification.NOTIFICATION_KINDS],
    }),
})
    .meta({ description: 'Chat notifications through the deploy-governor app (Slack, Mattermost, Rocket.Chat, Microsoft Teams).' });
/** The whole policy file. */
const policyFileSchema = schemas/* strictObject */.rej({
    $schema: schemas/* string */.YjP().optional().meta({ description: 'Editor hint; ignored.' }),
    version: schemas/* literal */.euz(1).optional().meta({ description: 'Policy file format version.', default: 1 }),
    extends: schemas/* string */.YjP()
        .superRefine((value, ctx) => {
        const parsed = (0,extends_spec/* parseExtends */.DB)(value);
        if ('problem' in parsed)
            ctx.addIssue({ code: 'custom', message: `${parsed.problem}; expected ${extends_spec/* EXTENDS_FORM */.Nc}` });
    })
        .optional()
        .meta({
        description: "A policy file this one extends, as `owner/repo[:path][@ref]` (Probot's `_extends`): the path defaults to .github/deploy-governor.yml, the ref to the repository's default branch. Only files of the repository's own owner; at most 3 levels. This file merges over it (README, Governing an organisation).",
        examples: ['acme/.github', 'acme/.github:policies/payments.yml@main'],
    }),
    locked: schemas/* array */.YOg((0,enum_schema/* enumSchema */.xx)(locks/* LOCKABLE_KEYS */.Zj))
        .max(locks/* LOCKABLE_KEYS */.Zj.length * 2)
        .optional()
        .meta({
        description: 'Keys that files extending this one may make stricter but never looser; a lock set by a parent stays, whatever a child lists here (README, Governing an organisation).',
        examples: [['block-on', 'freeze-windows', 'overrides']],
    }),
    sloth: schemas/* string */.YjP()
        .min(1)
        .optional()
        .meta({
        description: 'Path (from the repository root) of a Sloth `prometheus/v1` SLO spec whose SLOs are added to `slos` (a Sloth user can point the gate at the file they already have). Read by the Action, the CLI and the app.',
        examples: ['slos/checkout.sloth.yml'],
    }),
    openslo: schemas/* string */.YjP()
        .min(1)
        // Inside the repository: the file's text can end up in error messages, so it must be the repository's own.
        .refine((p) => !/^([/\\]|[A-Za-z]:)/.test(p) && !p.split(/[/\\]/).includes('..'), {
        message: 'expected a path inside the repository, relative to its root and without .., e.g. slos/checkout.openslo.yaml',
    })
        .optional()
        .meta({
        description: 'Path (from the repository root) of one OpenSLO file (`apiVersion: openslo/v1`, one or more YAML documents) whose SLOs are added to `slos`: SLO and SLI documents, rolling windows, Occurrences budgets, Prometheus queries. Read by the Action, the CLI and the app.',
        examples: ['slos/checkout.openslo.yaml'],
    }),
    ...policyFields,
    environments: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z0-9._-]+$/, { message: 'expected an environment name' }), environmentPolicySchema)
        .optional()
        .meta({ description: 'Per-environment overrides, keyed by environment name.' }),
    postmortems: postmortemsSchema.optional(),
    notify: notifySchema.optional(),
    freezes: freezesSchema.optional(),
})
    .superRefine((file, ctx) => {
    // A freeze window scoped to an environment the map does not name would never apply: a typo must not disable a freeze.
    const known = Object.keys(file.environments ?? {});
    if (known.length === 0)
        return;
    const check = (windows, at) => {
        for (const [i, w] of (windows ?? []).entries()) {
            for (const [j, name] of (w.environments ?? []).entries()) {
                if (known.includes(name))
                    continue;
                ctx.addIssue({
                    code: 'custom',
                    path: [...at, i, 'environments', j],
                    message: (0,environment_names/* unknownFreezeEnvironmentMessage */.wu)(w.name, name, known),
                });
            }
        }
    };
    check(file['freeze-windows'], ['freeze-windows']);
    for (const [env, section] of Object.entries(file.environments ?? {}))
        check(section['freeze-windows'], ['environments', env, 'freeze-windows']);
})
    .meta({
    title: 'deploy-governor policy',
    description: 'Policy for deploy-governor (.github/deploy-governor.yml): SLOs, thresholds, DR, freeze windows, guards and overrides.',
});


/***/ })

};

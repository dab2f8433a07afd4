import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 1479:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _src_action_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(218);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_src_action_index_js__WEBPACK_IMPORTED_MODULE_0__]);
_src_action_index_js__WEBPACK_IMPORTED_MODULE_0__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];


__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 218:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4855);
/** The Action's entry point: everything happens in run(). */

await (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5535:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  H: () => (/* binding */ parseActionInputs),
  w: () => (/* binding */ readRawActionInputs)
});

// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __nccwpck_require__(9053);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __nccwpck_require__(5491);
;// CONCATENATED MODULE: ./src/core/notify/notify-format-names.ts
/**
 * The chat formats' names, apart from their renderers (notify-formats.ts), so
 * that validating an input does not load every format's rendering.
 */
/** `slack`: Slack, Mattermost and Rocket.Chat incoming webhooks; `teams`: Microsoft Teams workflow webhooks. */
const NOTIFY_FORMATS = ['slack', 'teams'];

// EXTERNAL MODULE: ./src/core/http-url.ts
var http_url = __nccwpck_require__(5899);
// EXTERNAL MODULE: ./src/core/policy/inputs.ts
var inputs = __nccwpck_require__(4161);
// EXTERNAL MODULE: ./src/core/policy/policy-issues.ts
var policy_issues = __nccwpck_require__(7163);
;// CONCATENATED MODULE: ./src/action/read-inputs.ts
/**
 * Reads the Action's inputs once, at the edge, into the shared validated object.
 * The raw strings are kept apart from their validation, so that a run whose
 * inputs are invalid can still write a report that says what they were (see
 * core/report/error-report.ts).
 */






/**
 * The Action's own notification inputs (not the CLI's: the app notifies for teams that have it). The URL is
 * never quoted in a message: it is a secret.
 */
const notifyInputsSchema = schemas/* object */.Ikc({
    'notify-webhook-url': schemas/* string */.YjP()
        .refine((v) => v === '' || (0,http_url/* isHttpUrl */.q)(v), { message: 'expected an http(s) webhook URL (from a secret; not shown)' }),
    'notify-format': schemas/* string */.YjP()
        .transform((v) => v.toLowerCase() || 'slack')
        .pipe(schemas/* enum */.k5n(NOTIFY_FORMATS, { message: `expected one of ${NOTIFY_FORMATS.join(', ')}` })),
});
/** The gate's inputs as the runner passes them, secrets masked before anything can be logged. */
function readRawActionInputs() {
    const raw = {};
    for (const name of Object.keys(inputs/* gateInputsSchema */.GO.shape))
        raw[name] = runner/* getInput */.V4(name);
    // Mask before anything can be logged, even when validation fails below.
    for (const secret of [
        raw['prometheus-token'],
        ...(raw['prometheus-headers'] ?? '').split(/\r?\n/).map((l) => l.split(':').slice(1).join(':').trim()),
    ]) {
        if (secret)
            runner/* setSecret */.Pq(secret);
    }
    for (const token of [runner/* getInput */.V4('github-token'), runner/* getInput */.V4('policy-token'), runner/* getInput */.V4('notify-webhook-url')])
        if (token)
            runner/* setSecret */.Pq(token);
    return raw;
}
/** Validates the raw inputs; a bad one is a PolicyError naming the input. */
function parseActionInputs(raw) {
    const parsed = inputs/* gateInputsSchema */.GO.safeParse(raw);
    if (!parsed.success) {
        // Input issues already name the input; show which value was rejected without echoing secrets.
        throw (0,policy_issues/* policyErrorFromZod */.wR)(parsed.error, { ...raw, 'prometheus-token': '***', 'prometheus-headers': '***' }, 'input', 'action inputs');
    }
    const notify = notifyInputsSchema.safeParse({
        'notify-webhook-url': runner/* getInput */.V4('notify-webhook-url'),
        'notify-format': runner/* getInput */.V4('notify-format'),
    });
    if (!notify.success) {
        throw (0,policy_issues/* policyErrorFromZod */.wR)(notify.error, { 'notify-webhook-url': '***', 'notify-format': runner/* getInput */.V4('notify-format') }, 'input', 'action inputs');
    }
    const url = notify.data['notify-webhook-url'];
    return {
        gate: parsed.data,
        githubToken: runner/* getInput */.V4('github-token') || undefined,
        policyToken: runner/* getInput */.V4('policy-token') || undefined,
        notify: url ? { url, format: notify.data['notify-format'] } : null,
    };
}


/***/ }),

/***/ 61:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ requestOidcToken)
/* harmony export */ });
/* unused harmony export oidcRequestUrl */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5491);
/* harmony import */ var _core_report_report_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7776);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6584);
/**
 * A GitHub Actions OIDC token from the runner, requested exactly as
 * @actions/core's `getIDToken(audience)` does: `GET <ACTIONS_ID_TOKEN_REQUEST_URL>
 * &audience=<audience>` with `Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>`,
 * answered by `{"value": "<jwt>"}`.
 *
 * Why not @actions/core: see runner.ts (its import alone costs more than the
 * gate's whole start-up budget). Global fetch is loaded lazily by Node, so runs
 * that never call this pay nothing for it.
 *
 * The request token is a credential of the runner: it never appears in a
 * message. The JWT it buys is not secret here (it is published in the report and
 * the check run), so nothing is masked.
 */



const DEFAULT_TIMEOUT_MS = 10_000;
// A compact JWS (header.payload.signature) that fits the report's provenance field,
// so a token the runner hands over always survives the app's parsing of the report.
const tokenResponseSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    value: _core_report_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .provenanceSchema */ .j9.shape.oidcToken.regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'not a compact JWT'),
});
/** The request URL with the audience appended; the runner's URL normally has a query string already. */
function oidcRequestUrl(requestUrl, audience) {
    const separator = requestUrl.includes('?') ? '&' : '?';
    return `${requestUrl}${separator}audience=${encodeURIComponent(audience)}`;
}
function clip(text, max = 200) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
/**
 * Asks the runner for an OIDC token with `audience`. Never throws: every
 * failure is a result the caller turns into a warning.
 */
async function requestOidcToken(audience, env = process.env, options = {}) {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!requestUrl || !requestToken)
        return { missing: true };
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Whatever the endpoint echoes back, the request token must not reach a log line.
    const redact = (text) => text.split(requestToken).join('***');
    let response;
    try {
        response = await (options.fetch ?? fetch)(oidcRequestUrl(requestUrl, audience), {
            headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' },
            signal: AbortSignal.timeout(timeoutMs),
        });
    }
    catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError') {
            return { error: `the runner's OIDC token endpoint did not answer within ${timeoutMs / 1000} s` };
        }
        const cause = error instanceof Error && error.cause !== undefined ? ` (${(0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error.cause)})` : '';
        return { error: redact(`cannot reach the runner's OIDC token endpoint: ${(0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}${cause}`) };
    }
    let text;
    try {
        text = await response.text();
    }
    catch (error) {
        return {
            error: redact(`the runner's OIDC token endpoint answered HTTP ${response.status} but the body could not be read: ${(0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}`),
        };
    }
    if (!response.ok) {
        return { error: redact(`the runner's OIDC token endpoint answered HTTP ${response.status}${text.trim() ? `: ${clip(text)}` : ''}`) };
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { error: `the runner's OIDC token endpoint answered HTTP ${response.status} with a body that is not JSON` };
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
        return {
            error: `the runner's OIDC token endpoint answered HTTP ${response.status} without a token in "value" (expected {"value": "<jwt>"})`,
        };
    }
    return { token: parsed.data.value };
}


/***/ }),

/***/ 3604:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ runInfoFromEnv),
/* harmony export */   W: () => (/* binding */ branchOf)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5491);
/** The run's identity from the runner's environment and event payload. */


function intOrNull(value) {
    if (!value)
        return null;
    const n = Number.parseInt(value, 10);
    return Number.isSafeInteger(n) ? n : null;
}
const pullRequestEvent = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ pull_request: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ head: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ sha: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[0-9a-f]{40}$/) }) }) });
/** The commit the deploy is about: a pull request's head, else GITHUB_SHA. */
function headSha(env) {
    if (env.GITHUB_EVENT_PATH && (env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target')) {
        try {
            const event = pullRequestEvent.safeParse(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8')));
            if (event.success)
                return event.data.pull_request.head.sha;
        }
        catch {
            // Fall back to GITHUB_SHA: an unreadable event file only costs the PR head.
        }
    }
    return env.GITHUB_SHA ?? null;
}
function runInfoFromEnv(env = process.env) {
    const repository = env.GITHUB_REPOSITORY;
    if (!repository)
        return null;
    const runId = intOrNull(env.GITHUB_RUN_ID);
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
    const workflowPath = workflowRef.startsWith(`${repository}/`) ? workflowRef.slice(repository.length + 1).replace(/@.*$/, '') : null;
    return {
        repository,
        runId,
        runAttempt: intOrNull(env.GITHUB_RUN_ATTEMPT),
        runUrl: runId === null ? null : `${serverUrl}/${repository}/actions/runs/${runId}`,
        sha: headSha(env),
        ref: env.GITHUB_REF ?? null,
        workflow: env.GITHUB_WORKFLOW ?? null,
        workflowPath,
        eventName: env.GITHUB_EVENT_NAME ?? null,
        // The triggering actor is who pressed "Run workflow" (a re-run keeps the original actor in GITHUB_ACTOR).
        actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || null,
        serverUrl,
    };
}
/** The branch of a `refs/heads/…` ref; null for a tag or no ref (a branch-scoped rule then applies). */
function branchOf(ref) {
    return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
}


/***/ }),

/***/ 4855:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __nccwpck_require__(9053);
// EXTERNAL MODULE: ./src/core/policy/enum-schema.ts
var enum_schema = __nccwpck_require__(2049);
// EXTERNAL MODULE: ./src/core/policy/policy-error.ts
var policy_error = __nccwpck_require__(5833);
// EXTERNAL MODULE: ./src/core/policy/policy-issues.ts
var policy_issues = __nccwpck_require__(7163);
// EXTERNAL MODULE: ./src/core/prometheus/query-error.ts
var query_error = __nccwpck_require__(6399);
// EXTERNAL MODULE: ./src/core/render/render-summary.ts + 3 modules
var render_summary = __nccwpck_require__(9973);
;// CONCATENATED MODULE: ./src/core/audit/class-grant-record.ts
/** Whether the report's change class let a blocked deploy through (and no override did): a grant to record. */
function isClassGrant(report) {
    const d = report.decision;
    return d.changeClass?.allowedThrough === true && d.canDeploy && !d.overridden;
}
/** The record of a report whose class let it through; null when no class did (or an override did instead). */
function classGrantRecord(report, f) {
    const d = report.decision;
    const c = d.changeClass;
    if (!c || !isClassGrant(report))
        return null;
    const id = f.via === 'protection-rule'
        ? `change-class-rule-${f.runId}-${report.environment}`
        : `change-class-action-${f.runId}-${f.runAttempt ?? 1}-${report.environment}`;
    return {
        kind: 'change-class',
        id,
        at: f.at.toISOString(),
        repository: f.repository,
        environment: report.environment,
        class: c.name,
        source: c.source,
        detail: c.detail,
        status: d.status,
        budget_remaining: report.budget.remaining,
        actor: c.source === 'input' ? f.actor : null,
        reason: `${d.status} lets ${c.name} deploys through (change-classes.allow)`,
        via: f.via,
        sha: f.sha,
        run_id: f.runId,
        run_attempt: f.runAttempt,
        run_url: f.runUrl,
    };
}

// EXTERNAL MODULE: ./src/core/report/report-digest.ts
var report_digest = __nccwpck_require__(3095);
// EXTERNAL MODULE: ./src/core/policy/inputs.ts
var policy_inputs = __nccwpck_require__(4161);
// EXTERNAL MODULE: ./src/core/report/report-schema.ts
var report_schema = __nccwpck_require__(7776);
;// CONCATENATED MODULE: ./src/core/report/error-report.ts
/**
 * The report of a gate that could not run: a configuration error (a bad input or
 * flag, a policy file that does not parse or resolve), or anything else that
 * stopped it before a decision. Machine output never disappears: the CLI's
 * `check --json` prints this and the Action writes it to `report-path`, so a
 * script that reads the report always finds one.
 *
 * The decision is UNKNOWN and blocked (a configuration error blocks even with
 * `on-error: allow`, see the README's failure semantics). `environment`,
 * `block-on`, `mode` and `on-error` are what the inputs say, each read on its
 * own so that one bad input does not hide the others; values the inputs do not
 * give (or give wrongly) take the built-in defaults, since the policy file may
 * be what failed.
 */


/** One input parsed on its own; undefined when unset or invalid. */
function inputValue(inputs, name) {
    const parsed = policy_inputs/* gateInputsSchema */.GO.shape[name].safeParse(inputs[name]);
    return parsed.success ? parsed.data : undefined;
}
// On its own line so that the directive stays next to the regular expression however the code is wrapped.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;
/** The environment as the inputs name it: the valid name, else the text given (cleaned of control characters), else production. */
function environmentOf(inputs) {
    const valid = inputValue(inputs, 'environment');
    if (typeof valid === 'string')
        return valid;
    const given = (inputs.environment ?? '').replace(CONTROL_CHARS, ' ').trim().slice(0, 255);
    return given === '' ? 'production' : given;
}
/** A policy or input error as reasons: one per problem, each naming where it is (`.github/deploy-governor.yml: slos[0].objective: …`). */
function policyErrorReasons(error) {
    return error.issues.map((issue) => `${error.source}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
}
function errorReport({ inputs, reasons, now, run }) {
    const blockOn = inputValue(inputs, 'block-on');
    const mode = inputValue(inputs, 'mode');
    const onError = inputValue(inputs, 'on-error');
    const messages = reasons.length > 0 ? [...reasons] : ['the gate could not run'];
    return {
        schema: report_schema/* REPORT_SCHEMA_ID */.PP,
        environment: environmentOf(inputs),
        evaluatedAt: now.toISOString(),
        decision: {
            canDeploy: false,
            status: 'UNKNOWN',
            blockOn: blockOn ?? 'WARNING',
            mode: mode ?? 'enforce',
            onError: onError ?? 'block',
            overridden: false,
            reasons: messages,
            nextSteps: [
                'Fix the configuration error above and run the gate again: a configuration error blocks the deploy whatever on-error says, and no override applies to it.',
            ],
            requiredOverride: null,
            requiredPermission: null,
        },
        budget: { remaining: null, burnRate: null, daysToExhaustion: null },
        slos: [],
        dr: null,
        freeze: { active: [] },
        findings: messages.map((message) => ({ source: 'error', status: 'UNKNOWN', message })),
        override: null,
        // Nothing was queried; the URL is left out rather than shown from an input that may not have been valid.
        prometheus: { url: null, queries: 0, samplesTouched: null },
        run,
    };
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __nccwpck_require__(6584);
// EXTERNAL MODULE: ./src/github/create-check-run.ts + 1 modules
var create_check_run = __nccwpck_require__(7417);
// EXTERNAL MODULE: ./src/github/rest-client.ts + 5 modules
var rest_client = __nccwpck_require__(9311);
// EXTERNAL MODULE: ./src/gate/run-gate.ts + 10 modules
var run_gate = __nccwpck_require__(5692);
// EXTERNAL MODULE: ./src/action/read-inputs.ts + 1 modules
var read_inputs = __nccwpck_require__(5535);
// EXTERNAL MODULE: ./src/action/request-oidc-token.ts
var request_oidc_token = __nccwpck_require__(61);
// EXTERNAL MODULE: ./src/action/run-info.ts
var run_info = __nccwpck_require__(3604);
// EXTERNAL MODULE: ./src/action/set-outputs.ts
var set_outputs = __nccwpck_require__(9057);
;// CONCATENATED MODULE: ./src/action/run.ts
/**
 * The Action: read inputs once, run the shared gate, set outputs, publish the
 * report, and call setFailed at most once. The job summary is written in
 * `finally`, so even a failed evaluation leaves an explanation, and a run that
 * fails before it has a report (a bad input, a broken policy file) still writes
 * one: status UNKNOWN with the error in `reasons`, at `report-path`, which it sets.
 */



















function defaultReportPath() {
    return external_node_path_default().join(process.env.RUNNER_TEMP ?? process.cwd(), 'deploy-governor-report.json');
}
/**
 * Binds an overridden report, or one its change class let through, to this run: an OIDC token whose audience is the
 * report's digest, so the app can tell the report came from this run unchanged. Without one the deploy still goes
 * through (the gate authorized it through the API); the app just will not log it, and the warning says how to fix that.
 */
async function withProvenance(report) {
    const what = report.decision.overridden ? 'override' : 'change-class grant';
    const result = await (0,request_oidc_token/* requestOidcToken */.I)((0,report_digest/* oidcAudience */.g)((0,report_digest/* reportDigest */.N)(report)));
    if ('token' in result)
        return { ...report, provenance: { oidcToken: result.token } };
    if ('missing' in result) {
        runner/* warning */.$e(`deploy-governor: the deploy-governor app will not log this ${what} without an OIDC token binding the report to this run: add "permissions: id-token: write" to the job`);
    }
    else {
        runner/* warning */.$e(`deploy-governor: could not get an OIDC token for this ${what}, so the deploy-governor app will not log it: ${result.error}`);
    }
    return report;
}
/**
 * The report of a run that failed before it had one, at the report-path input (or the default) and in the
 * outputs. Returns false when even that cannot be written: the caller then sets the plain error outputs.
 */
async function writeErrorReport(raw, error, failure) {
    try {
        const report = errorReport({
            inputs: raw,
            reasons: error instanceof policy_error/* PolicyError */.p ? policyErrorReasons(error) : [failure],
            now: new Date(),
            run: (0,run_info/* runInfoFromEnv */.P)(),
        });
        const reportPath = external_node_path_default().resolve(raw['report-path']?.trim() || defaultReportPath());
        await (0,promises_.mkdir)(external_node_path_default().dirname(reportPath), { recursive: true });
        await (0,promises_.writeFile)(reportPath, `${JSON.stringify(report, null, 2)}\n`);
        (0,set_outputs/* setReportOutputs */.vl)(report, reportPath);
        return true;
    }
    catch (writeError) {
        runner/* warning */.$e(`deploy-governor could not write the error report: ${(0,client/* messageOf */.bD)(writeError)}`);
        return false;
    }
}
/** Expected failures print their message only; anything else is a bug worth its stack in debug logs. */
function describeFailure(error) {
    if (error instanceof policy_error/* PolicyError */.p || error instanceof query_error/* PrometheusQueryError */.V)
        return error.message;
    if (error instanceof Error && error.stack)
        runner/* debug */.Yz(error.stack);
    return `deploy-governor failed unexpectedly: ${(0,client/* messageOf */.bD)(error)}`;
}
/**
 * Posts a blocked or overridden deploy to the `notify-webhook-url` input's chat webhook. Loaded on demand
 * (a run without the input pays nothing for it); a failure is a warning, never a failed gate.
 */
async function notifyChat(notify, report) {
    try {
        const [{ blockedNotification, overrideNotification }, { renderNotification }, { postWebhook }] = await Promise.all([
            __nccwpck_require__.e(/* import() */ 642).then(__nccwpck_require__.bind(__nccwpck_require__, 9642)),
            __nccwpck_require__.e(/* import() */ 78).then(__nccwpck_require__.bind(__nccwpck_require__, 1078)),
            __nccwpck_require__.e(/* import() */ 495).then(__nccwpck_require__.bind(__nccwpck_require__, 4495)),
        ]);
        const repository = report.run?.repository ?? 'unknown repository';
        const runUrl = report.run?.runUrl ?? null;
        const notification = report.decision.overridden
            ? overrideNotification(report, repository, runUrl)
            : report.decision.canDeploy
                ? null
                : blockedNotification(report, repository, runUrl);
        if (!notification)
            return;
        const outcome = await postWebhook(notify.url, renderNotification(notify.format, notification));
        if (outcome.ok)
            runner/* info */.pq(`deploy-governor: ${notification.kind} notification sent (${notify.format})`);
        else
            runner/* warning */.$e(`deploy-governor: the ${notification.kind} notification was not sent: ${outcome.error}`);
    }
    catch (error) {
        runner/* warning */.$e(`deploy-governor: the notification was not sent: ${(0,client/* messageOf */.bD)(error)}`);
    }
}
/** The step's phase (`phase` input): `gate` before the deploy (the default), `verify` after it. */
const PHASES = ['gate', 'verify'];
/**
 * The Action, in the phase its input names.
 * @param options.clock the verify phase's time (tests pin it); default the wall clock
 */
async function run(options = {}) {
    // A freeze request gates nothing (loaded on demand, like the verify phase); it takes the step whatever the phase.
    const freezeCommand = runner/* getInput */.V4('freeze-command');
    if (freezeCommand.trim() !== '')
        return (await __nccwpck_require__.e(/* import() */ 569).then(__nccwpck_require__.bind(__nccwpck_require__, 3569))).runFreezeRequest(freezeCommand);
    const given = runner/* getInput */.V4('phase');
    const phase = given === '' ? 'gate' : (0,enum_schema/* canonicalEnumValue */.PF)(PHASES, given);
    if (phase === undefined) {
        runner/* setFailed */.C1(new policy_error/* PolicyError */.p('action inputs', [{ path: 'phase', message: (0,policy_issues/* expectedOneOf */.S5)(PHASES, given) }]).message);
        return;
    }
    // Loaded on demand: the gate's start-up pays nothing for the verify phase.
    if (phase === 'verify')
        return (await __nccwpck_require__.e(/* import() */ 26).then(__nccwpck_require__.bind(__nccwpck_require__, 3026))).runVerifyPhase(options.clock);
    return runGatePhase();
}
async function runGatePhase() {
    let report = null;
    let failure = null;
    let reportMode = false;
    // Debug timings (ACTIONS_STEP_DEBUG): where a slow gate spends its time.
    runner/* debug */.Yz(`deploy-governor: started ${Math.round(process.uptime() * 1000)} ms after the process`);
    let raw = {};
    let reportWritten = false;
    try {
        raw = (0,read_inputs/* readRawActionInputs */.w)();
        const inputs = (0,read_inputs/* parseActionInputs */.H)(raw);
        reportMode = inputs.gate.mode === 'report';
        const runInfo = (0,run_info/* runInfoFromEnv */.P)();
        const [owner, repo] = (runInfo?.repository ?? '/').split('/');
        const gh = inputs.githubToken && owner && repo ? { client: (0,rest_client/* createGitHubClient */.L)(inputs.githubToken), owner, repo } : null;
        const policyToken = inputs.policyToken ?? inputs.githubToken;
        const outcome = await (0,run_gate/* runGate */.Rg)({
            inputs: inputs.gate,
            env: process.env,
            root: process.env.GITHUB_WORKSPACE ?? process.cwd(),
            run: runInfo,
            github: gh,
            parents: {
                client: policyToken ? (0,rest_client/* createGitHubClient */.L)(policyToken) : null,
                reader: 'action',
                repository: runInfo?.repository ?? null,
                missing: 'set the policy-token input to a token with contents: read on the repository it names',
            },
            target: { repository: runInfo?.repository ?? null, branch: (0,run_info/* branchOf */.W)(runInfo?.ref ?? null) },
            // Read only when the policy sets freezes.app; the organisation's `.github` with the token that reads its policy.
            freezes: {
                client: gh?.client ?? null,
                orgClient: inputs.policyToken ? (0,rest_client/* createGitHubClient */.L)(inputs.policyToken) : null,
                repository: runInfo?.repository ?? null,
            },
        });
        for (const secret of outcome.policy.prometheus?.secrets ?? [])
            runner/* setSecret */.Pq(secret);
        for (const warning of outcome.warnings)
            runner/* warning */.$e(`deploy-governor: ${warning}`);
        report = outcome.report;
        // Only an override or a change-class grant (both recorded by the app) pays for the token request.
        if (report.decision.overridden || isClassGrant(report))
            report = await withProvenance(report);
        runner/* debug */.Yz(`deploy-governor: evaluated ${report.prometheus.queries} queries by ${Math.round(process.uptime() * 1000)} ms`);
        reportMode = report.decision.mode === 'report';
        const reportPath = external_node_path_default().resolve(inputs.gate['report-path'] ?? defaultReportPath());
        await (0,promises_.mkdir)(external_node_path_default().dirname(reportPath), { recursive: true });
        await (0,promises_.writeFile)(reportPath, `${JSON.stringify(report, null, 2)}\n`);
        (0,set_outputs/* setReportOutputs */.vl)(report, reportPath);
        reportWritten = true;
        // The decision is made: tell the chat before anything else can fail (it never throws).
        if (inputs.notify)
            await notifyChat(inputs.notify, report);
        if (gh && runInfo?.sha) {
            const check = await (0,create_check_run/* createCheckRun */._)(gh.client, { owner: gh.owner, repo: gh.repo, sha: runInfo.sha, detailsUrl: runInfo.runUrl }, report, (0,render_summary/* renderSummary */.Br)(report));
            if (!check.created)
                runner/* notice */.lm(`deploy-governor: ${check.reason}`);
        }
        const d = report.decision;
        if (d.status === 'UNKNOWN' && d.canDeploy)
            runner/* warning */.$e(`deploy-governor could not evaluate the policy; on-error: allow lets the deploy through. ${d.reasons.join(' ')}`);
        if (d.overridden)
            runner/* warning */.$e(`deploy-governor: blocked deploy (${d.status}) allowed by override: ${report.override?.reason ?? ''}`);
        if (!d.canDeploy) {
            failure = `Deploy blocked: status ${d.status}${d.reasons.length > 0 ? `: ${d.reasons.join('; ')}` : ''}`;
        }
        runner/* info */.pq(`deploy-governor: ${d.canDeploy ? 'deploy allowed' : 'deploy blocked'} (status ${d.status})`);
    }
    catch (error) {
        failure = describeFailure(error);
        // Machine output always: a report that says why, unless one was already written (then the outputs say it).
        if (reportWritten || !(await writeErrorReport(raw, error, failure)))
            (0,set_outputs/* setErrorOutputs */.$m)(failure);
    }
    finally {
        try {
            const markdown = report
                ? (0,render_summary/* renderSummary */.Br)(report)
                : `## deploy-governor — ⚪ BLOCKED — UNKNOWN\n\nThe gate could not run, so it fails closed:\n\n${(failure ?? 'unknown error')
                    .split('\n')
                    .map((l) => `> ${(0,render_summary/* tableCell */.xR)(l)}`)
                    .join('\n')}\n`;
            runner/* appendSummary */.fe(markdown);
        }
        catch (error) {
            runner/* warning */.$e(`deploy-governor could not write the job summary: ${(0,client/* messageOf */.bD)(error)}`);
        }
    }
    runner/* debug */.Yz(`deploy-governor: done by ${Math.round(process.uptime() * 1000)} ms`);
    if (failure !== null) {
        if (reportMode)
            runner/* error */.z3(`${failure} (mode: report, so the step does not fail)`);
        else
            runner/* setFailed */.C1(failure);
    }
}


/***/ }),

/***/ 9053:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fe: () => (/* binding */ appendSummary),
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  lm: () => (/* binding */ notice),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ setSecret),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: escapeData

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/action/runner.ts
/**
 * The GitHub Actions runner protocol, as far as this Action uses it: inputs from
 * `INPUT_*`, outputs and the job summary through the files the runner names,
 * logging and masking through workflow commands on stdout.
 *
 * Why not @actions/core: it loads undici (for OIDC tokens, which this Action
 * never requests) at import time, which was 44 ms of a ~110 ms start on Node 24,
 * more than the whole evaluation budget `npm run bench` holds the gate to. The
 * formats below are the documented ones and the same that @actions/core writes:
 * https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
 */



/** Escaping of a command's message (`%`, CR and LF), as the runner expects. */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function issue(command, message) {
    process.stdout.write(`::${command}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** An input as the runner passes it (`INPUT_<NAME>`, spaces as underscores), trimmed; '' when unset. */
function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** Masks a value in every later log line. Each line of a multi-line secret is masked on its own. */
function setSecret(value) {
    for (const line of value.split(/\r?\n/))
        if (line.trim() !== '')
            issue('add-mask', line);
}
/** Appends `name<<delimiter / value / delimiter` to GITHUB_OUTPUT (safe for any value). */
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (!file) {
        // Outside a runner (or an old one): the deprecated command still works.
        process.stdout.write(`${external_node_os_namespaceObject.EOL}::set-output name=${name}::${escapeData(value)}${external_node_os_namespaceObject.EOL}`);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`output ${name} contains its own delimiter`);
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
}
function info(message) {
    process.stdout.write(`${message}${external_node_os_namespaceObject.EOL}`);
}
function debug(message) {
    issue('debug', message);
}
function notice(message) {
    issue('notice', message);
}
function warning(message) {
    issue('warning', message);
}
function error(message) {
    issue('error', message);
}
/** Logs the error annotation and makes the step fail. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Appends markdown to the job summary (GITHUB_STEP_SUMMARY); a notice when there is none. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        throw new Error('GITHUB_STEP_SUMMARY is not set: this runner does not support job summaries');
    (0,external_node_fs_.appendFileSync)(file, markdown.endsWith(external_node_os_namespaceObject.EOL) ? markdown : `${markdown}${external_node_os_namespaceObject.EOL}`, 'utf8');
}


/***/ }),

/***/ 9057:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $B: () => (/* binding */ setFreezeRequestOutputs),
/* harmony export */   $m: () => (/* binding */ setErrorOutputs),
/* harmony export */   vl: () => (/* binding */ setReportOutputs)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9053);
/* harmony import */ var _core_render_format_values_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3796);
/** Sets every documented output from the report (or the fail-closed values on error). */


function setReportOutputs(report, reportPath) {
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('can-deploy', String(report.decision.canDeploy));
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('status', report.decision.status);
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('budget-remaining', (0,_core_render_format_values_js__WEBPACK_IMPORTED_MODULE_1__/* .numberOutput */ .Bs)(report.budget.remaining));
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('burn-rate', (0,_core_render_format_values_js__WEBPACK_IMPORTED_MODULE_1__/* .numberOutput */ .Bs)(report.budget.burnRate));
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('days-to-exhaustion', (0,_core_render_format_values_js__WEBPACK_IMPORTED_MODULE_1__/* .daysOutput */ .Do)(report.budget.daysToExhaustion));
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('reasons', JSON.stringify(report.decision.reasons));
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('report-path', reportPath);
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('dr-age-seconds', report.dr?.ageSeconds == null ? '' : String(Math.round(report.dr.ageSeconds)));
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('overridden', String(report.decision.overridden));
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('would-have-blocked', JSON.stringify([...new Set((report.decision.wouldHaveBlocked ?? []).map((r) => r.rule))]));
}
/** Outputs when no evaluation happened: blocked, UNKNOWN, with the reason. */
function setErrorOutputs(message) {
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('can-deploy', 'false');
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('status', 'UNKNOWN');
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('budget-remaining', '');
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('burn-rate', '');
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('days-to-exhaustion', '');
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('reasons', JSON.stringify([message]));
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('report-path', '');
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('dr-age-seconds', '');
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('overridden', 'false');
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('would-have-blocked', '[]');
}
/** The freeze-command mode's output: the id of the check run that carries the request. */
function setFreezeRequestOutputs(checkRunId) {
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('freeze-request-check-run', String(checkRunId));
}


/***/ }),

/***/ 2787:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   aN: () => (/* binding */ statusFromBudget),
/* harmony export */   d1: () => (/* binding */ daysToExhaustion),
/* harmony export */   eu: () => (/* binding */ budgetRemaining),
/* harmony export */   g0: () => (/* binding */ burnRate)
/* harmony export */ });
/** The error budget as a fraction of events: 1 − objective. */
function allowedErrorRatio(objectivePercent) {
    return 1 - objectivePercent / 100;
}
/**
 * Budget remaining in percent: R = 1 − E(W) / (1 − objective). Not clamped:
 * −50 means half a budget overspent.
 */
function budgetRemaining(errorRatio, objectivePercent) {
    return (1 - errorRatio / allowedErrorRatio(objectivePercent)) * 100;
}
/** Burn rate: how many times faster than "exactly on budget" errors arrive. */
function burnRate(errorRatio, objectivePercent) {
    return errorRatio / allowedErrorRatio(objectivePercent);
}
/**
 * Days until the budget is gone at a constant burn rate: R × window_days / burn.
 * `'inf'` when nothing burns; 0 when the budget is already gone.
 */
function daysToExhaustion(remainingPercent, windowDays, rate) {
    if (remainingPercent <= 0)
        return 0;
    if (rate <= 0)
        return 'inf';
    return ((remainingPercent / 100) * windowDays) / rate;
}
/** Status from budget remaining (percent) and the thresholds. */
function statusFromBudget(remainingPercent, thresholds) {
    if (remainingPercent >= thresholds.caution)
        return 'NORMAL';
    if (remainingPercent >= thresholds.warning)
        return 'CAUTION';
    if (remainingPercent >= thresholds.freeze)
        return 'WARNING';
    if (remainingPercent >= 0)
        return 'FREEZE';
    return 'EXHAUSTED';
}


/***/ }),

/***/ 484:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ canonicalJson)
/* harmony export */ });
/**
 * Canonical JSON: object keys sorted at every depth, no insignificant
 * whitespace, `undefined` members dropped. What the audit chain hashes and what
 * a report's OIDC binding digests: two parties that agree on the value agree on
 * the bytes.
 */
function canonicalJson(value) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}


/***/ }),

/***/ 5127:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KG: () => (/* binding */ classesAllowedAt),
/* harmony export */   Q5: () => (/* binding */ changeClassesSchema),
/* harmony export */   lo: () => (/* binding */ resolveChangeClasses)
/* harmony export */ });
/* unused harmony export CLASS_SOURCES */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5491);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5009);
/* harmony import */ var _policy_enum_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2049);
/* harmony import */ var _policy_permissions_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5442);
/**
 * The policy's `change-classes` section (issue 16): what a deploy changes
 * decides what a blocked status still lets through, as the SRE workbook's
 * error-budget policy says ("only P0 fixes, security fixes and rollbacks ship
 * while out of budget"). Absent: every deploy is a `feature`, nothing changes.
 */




/** The classes every policy knows. `feature` is the default and is never allowed through a block. */
const BUILT_IN_CLASSES = ['rollback', 'security', 'hotfix', 'feature'];
/** Where a class may come from, in the order they are consulted. */
const CLASS_SOURCES = ['input', 'label', 'trailer', 'rollback'];
/**
 * The workbook's defaults: a freeze lets rollbacks, security fixes and hotfixes (the workbook's "P0 fixes")
 * through; an exhausted budget only rollbacks and security fixes. A class allowed at a status is allowed at every
 * milder one too.
 */
const DEFAULT_ALLOW = {
    FREEZE: ['rollback', 'security', 'hotfix'],
    EXHAUSTED: ['rollback', 'security'],
};
const className = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, { message: 'expected a class name of lower-case letters, digits and dashes, e.g. data-fix' });
const changeClassesSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    classes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(className)
        .max(20)
        .optional()
        .meta({
        description: 'Classes of your own besides rollback, security, hotfix and feature, e.g. [data-fix].',
        examples: [['data-fix']],
    }),
    allow: zod__WEBPACK_IMPORTED_MODULE_1__/* .partialRecord */ .jgl(zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_status_js__WEBPACK_IMPORTED_MODULE_2__/* .BLOCKABLE_STATUSES */ .dW), zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(className).max(24)).optional().meta({
        description: 'Which classes each blocking status still lets through; a class allowed at a status passes every milder one too. UNKNOWN (the gate could not evaluate) lets nothing through. `feature` can never be listed.',
        default: DEFAULT_ALLOW,
    }),
    sources: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg((0,_policy_enum_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .enumSchema */ .xx)(CLASS_SOURCES))
        .min(1)
        .optional()
        .meta({
        description: 'Where a class may come from, consulted in this order: `input` (the change-class input or --change-class), `label` (deploy-class:<name> on the pull requests of the deployed commits), `trailer` (a Deploy-Class: commit trailer), `rollback` (detected from the Deployments API).',
        default: [...CLASS_SOURCES],
    }),
    permission: (0,_policy_enum_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .enumSchema */ .xx)(_policy_permissions_js__WEBPACK_IMPORTED_MODULE_3__/* .PERMISSIONS */ .J).optional().meta({
        description: "Lowest repository role that may choose a class that lets a blocked deploy through, by the input or by applying the label (the labeller's role is read from GitHub). Default: the role the status's override level needs.",
    }),
})
    .superRefine((c, ctx) => {
    const known = new Set([...BUILT_IN_CLASSES, ...(c.classes ?? [])]);
    for (const [status, names] of Object.entries(c.allow ?? {})) {
        names.forEach((name, i) => {
            if (name === 'feature')
                ctx.addIssue({
                    code: 'custom',
                    path: ['allow', status, i],
                    message: 'feature is what a block stops; it cannot be allowed through one',
                });
            else if (!known.has(name))
                ctx.addIssue({
                    code: 'custom',
                    path: ['allow', status, i],
                    message: `unknown class ${JSON.stringify(name)}; expected one of ${[...known].join(', ')} (add your own under classes)`,
                });
        });
    }
})
    .meta({ description: 'Change classes: what a blocked status still lets through (rollbacks, security fixes, hotfixes).' });
function resolveChangeClasses(config) {
    if (config === undefined)
        return null;
    return {
        known: [...BUILT_IN_CLASSES, ...(config.classes ?? []).filter((c) => !BUILT_IN_CLASSES.includes(c))],
        allow: Object.fromEntries(Object.entries(config.allow ?? DEFAULT_ALLOW).map(([s, names]) => [s, [...names]])),
        sources: [...(config.sources ?? CLASS_SOURCES)],
        permission: config.permission ?? null,
    };
}
/** The classes that `status` lets through: those allowed at it or at any worse status. UNKNOWN lets none through. */
function classesAllowedAt(classes, status) {
    if (status === 'UNKNOWN' || status === 'NORMAL')
        return [];
    const out = new Set();
    for (const s of _status_js__WEBPACK_IMPORTED_MODULE_2__/* .BLOCKABLE_STATUSES */ .dW)
        if ((0,_status_js__WEBPACK_IMPORTED_MODULE_2__/* .isAtOrPast */ .z9)(s, status))
            for (const name of classes.allow[s] ?? [])
                out.add(name);
    return classes.known.filter((name) => out.has(name));
}


/***/ }),

/***/ 8571:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gr: () => (/* binding */ durationDays),
/* harmony export */   UU: () => (/* binding */ humanDuration),
/* harmony export */   ec: () => (/* binding */ DURATION_FORM),
/* harmony export */   n$: () => (/* binding */ isDuration),
/* harmony export */   wz: () => (/* binding */ formatPromDuration),
/* harmony export */   yi: () => (/* binding */ parseDurationMs)
/* harmony export */ });
/**
 * Durations in the Prometheus style (`30d`, `1h30m`, `5m`, `10s`, `250ms`, `2w`, `1y`),
 * the only form the policy file and the inputs accept, so a window written once
 * can be pasted into PromQL unchanged.
 */
const UNIT_MS = {
    ms: 1,
    s: 1_000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 7 * 86_400_000,
    y: 365 * 86_400_000,
};
const DURATION_RE = /^(?:\d+(?:ms|y|w|d|h|m|s))+$/;
const PART_RE = /(\d+)(ms|y|w|d|h|m|s)/g;
/** The accepted form, for error messages. */
const DURATION_FORM = 'a Prometheus duration such as 30d, 6h, 5m, 10s or 1h30m';
/** True when `text` is a positive Prometheus-style duration. */
function isDuration(text) {
    return DURATION_RE.test(text) && parseDurationMs(text) > 0;
}
/** Milliseconds in a Prometheus-style duration; throws on anything else. */
function parseDurationMs(text) {
    if (!DURATION_RE.test(text)) {
        throw new Error(`"${text}" is not ${DURATION_FORM}`);
    }
    let total = 0;
    for (const match of text.matchAll(PART_RE)) {
        total += Number(match[1]) * UNIT_MS[match[2]];
    }
    return total;
}
/** Days (possibly fractional) in a Prometheus-style duration. */
function durationDays(text) {
    return parseDurationMs(text) / UNIT_MS.d;
}
/**
 * The shortest Prometheus duration for a whole number of milliseconds (`90m` → `1h30m`), for PromQL and the policy
 * file; `humanDuration` is the one for people.
 */
function formatPromDuration(ms) {
    if (!Number.isFinite(ms) || ms <= 0)
        return '0s';
    let rest = Math.round(ms);
    let out = '';
    for (const unit of ['y', 'w', 'd', 'h', 'm', 's', 'ms']) {
        const size = UNIT_MS[unit];
        const count = Math.floor(rest / size);
        if (count > 0) {
            out += `${count}${unit}`;
            rest -= count * size;
        }
    }
    return out;
}
/** A human rendering for reports: `3d 4h`, `45m`, `12s`. */
function humanDuration(seconds) {
    if (!Number.isFinite(seconds))
        return '∞';
    const s = Math.max(0, Math.round(seconds));
    const d = Math.floor(s / 86_400);
    const h = Math.floor((s % 86_400) / 3_600);
    const m = Math.floor((s % 3_600) / 60);
    if (d > 0)
        return h > 0 ? `${d}d ${h}h` : `${d}d`;
    if (h > 0)
        return m > 0 ? `${h}h ${m}m` : `${h}h`;
    if (m > 0)
        return `${m}m`;
    return `${s}s`;
}


/***/ }),

/***/ 2288:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ CountingQuerier)
/* harmony export */ });
class CountingQuerier {
    inner;
    queries = 0;
    samplesTouched = null;
    /** Present exactly when the inner querier has it. */
    queryRange;
    constructor(inner) {
        this.inner = inner;
        const rangeOf = inner.queryRange?.bind(inner);
        if (rangeOf) {
            this.queryRange = async (promql, range) => this.count(await this.counted(() => rangeOf(promql, range)));
        }
    }
    get displayUrl() {
        return this.inner.displayUrl;
    }
    async query(promql, time) {
        return this.count(await this.counted(() => this.inner.query(promql, time)));
    }
    counted(run) {
        this.queries += 1;
        return run();
    }
    count(result) {
        if (result.samplesTouched !== null)
            this.samplesTouched = (this.samplesTouched ?? 0) + result.samplesTouched;
        return result;
    }
}


/***/ }),

/***/ 9803:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LD: () => (/* binding */ decide),
/* harmony export */   WR: () => (/* binding */ requiredLevel),
/* harmony export */   qk: () => (/* binding */ levelPasses)
/* harmony export */ });
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5009);

/** The highest status each override level may pass. UNKNOWN needs the top level. */
const LEVEL_PASSES = {
    warning: 'WARNING',
    freeze: 'FREEZE',
    exhausted: 'UNKNOWN',
};
/** True when an override at `level` may pass `status`. */
function levelPasses(level, status) {
    return (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .statusRank */ .Tx)(status) <= (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .statusRank */ .Tx)(LEVEL_PASSES[level]);
}
/** The lowest override level that passes `status`. */
function requiredLevel(status) {
    if (levelPasses('warning', status))
        return 'warning';
    if (levelPasses('freeze', status))
        return 'freeze';
    return 'exhausted';
}
/** Whether a status blocks under the policy (UNKNOWN follows `on-error`). */
function blocks(policy, status) {
    return status === 'UNKNOWN' ? policy.onError === 'block' : (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .isAtOrPast */ .z9)(status, policy.blockOn);
}
function decide(policy, findings) {
    const bySeverity = [...findings].sort((a, b) => (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .statusRank */ .Tx)(b.status) - (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .statusRank */ .Tx)(a.status));
    // Advisory rules (shadow mode) are reported, never decide: only enforced findings make the status.
    const sorted = bySeverity.filter((f) => f.enforcement !== 'advisory');
    const wouldHaveBlocked = bySeverity
        .filter((f) => f.enforcement === 'advisory' && f.status !== 'NORMAL' && blocks(policy, f.status))
        .map((f) => ({ rule: f.rule ?? f.source, status: f.status, message: f.message }));
    const status = (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .worstStatus */ .A4)(sorted.map((f) => f.status));
    const blocked = blocks(policy, status);
    const reasons = sorted.map((f) => f.message);
    const nextSteps = [];
    if (status === 'UNKNOWN') {
        nextSteps.push(policy.onError === 'block'
            ? 'The gate could not evaluate the policy and fails closed: fix the error above and re-run, or set on-error: allow to let deploys through when Prometheus cannot answer.'
            : 'The gate could not evaluate the policy; on-error: allow lets the deploy through. Fix the error above.');
    }
    if (blocked) {
        const level = requiredLevel(status);
        const who = policy.overrides.levels[level].permission;
        nextSteps.push(`To deploy anyway, dispatch the workflow with override: ${level} and an override-reason of at least ${policy.overrides.minReasonLength} characters; this needs the ${who} role on the repository${policy.overrides.levels[level].requireEnvironmentApproval ? ' and an approved environment deployment' : ''}.`);
        // Notes (status NORMAL) explain; they never block, so they prompt no step of their own here.
        const blocking = sorted.filter((f) => f.status !== 'NORMAL');
        if (blocking.some((f) => (f.source === 'budget' || f.source === 'burn-rate') && f.code !== 'no-data')) {
            nextSteps.push('Otherwise wait for the error budget to recover, or ship only the fix for the errors that burn it.');
        }
        if (blocking.some((f) => f.source === 'burn-rate' && f.code === 'no-data')) {
            nextSteps.push('A fast-burn guard could not be evaluated because a window of it has no data, and unknown-guards is block: fix the query or the scraping named above, or set unknown-guards: allow to show unknown guards without blocking.');
        }
    }
    else if (status !== 'NORMAL' && status !== 'UNKNOWN') {
        nextSteps.push(`Deploys are allowed (status ${status} is below block-on ${policy.blockOn}); deploy with care.`);
    }
    return {
        canDeploy: !blocked,
        status,
        blockOn: policy.blockOn,
        mode: policy.mode,
        onError: policy.onError,
        overridden: false,
        reasons,
        nextSteps,
        requiredOverride: blocked ? requiredLevel(status) : null,
        requiredPermission: blocked ? policy.overrides.levels[requiredLevel(status)].permission : null,
        ...(wouldHaveBlocked.length > 0 ? { wouldHaveBlocked } : {}),
        ...(policy.escalation !== undefined ? { escalation: policy.escalation } : {}),
    };
}


/***/ }),

/***/ 6034:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ isEvaluationError)
/* harmony export */ });
/* harmony import */ var _prometheus_query_error_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6399);
/* harmony import */ var _sli_error_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4366);
/**
 * The expected failures of an evaluation: they become status UNKNOWN with a
 * message; anything else is a bug and propagates.
 */


function isEvaluationError(error) {
    return error instanceof _prometheus_query_error_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusQueryError */ .V || error instanceof _sli_error_js__WEBPACK_IMPORTED_MODULE_1__/* .SliError */ .l;
}


/***/ }),

/***/ 1206:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ measureWindow)
/* harmony export */ });
/* harmony import */ var _sli_registry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3040);

/**
 * What `sli`'s queries say about `window` at `time`: the error ratio (0..1), no
 * traffic (nothing to count), or no data (a query returned no samples). An
 * absent error series of an events SLI counts as zero errors.
 * @throws PrometheusQueryError when Prometheus fails, SliError when the answer is unusable
 */
function measureWindow(sli, window, prometheus, time) {
    return (0,_sli_registry_js__WEBPACK_IMPORTED_MODULE_0__/* .sliKindOf */ .Kh)(sli).measure(sli, window, prometheus, time);
}


/***/ }),

/***/ 4366:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ SliError)
/* harmony export */ });
/**
 * A query answered, but not in a shape the SLI can use (several series, NaN, a
 * missing histogram bucket). The message says how to fix the query.
 */
class SliError extends Error {
    name = 'SliError';
}


/***/ }),

/***/ 1879:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ EXCLUSION_KINDS)
/* harmony export */ });
/** What a budget exclusion is for: planned work, an outage of something the service depends on, an approved load test. */
const EXCLUSION_KINDS = ['maintenance', 'dependency', 'load-test'];


/***/ }),

/***/ 9063:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   pj: () => (/* binding */ embedFencedJson)
/* harmony export */ });
/* unused harmony exports hasFencedJson, readFencedJson, extractFencedJson */
const FENCE_CLOSE = '```';
const fenceOpen = (tag) => `\`\`\`json ${tag}`;
/** `value` as check-run text under `tag`, after a one-line `note`. */
function embedFencedJson(tag, note, value) {
    return `${note}\n\n${fenceOpen(tag)}\n${JSON.stringify(value)}\n${FENCE_CLOSE}\n`;
}
/** Whether `text` has a block tagged `tag` (the edge's cheap look, before anything is parsed). */
function hasFencedJson(text, tag) {
    return text?.includes(`${fenceOpen(tag)}\n`) ?? false;
}
/**
 * The value of the first block tagged `tag` in `text`, when it parses and validates, or the problem.
 * `maxChars`: a longer block is refused before it is parsed.
 */
function readFencedJson(text, tag, schema, maxChars = Infinity) {
    if (!text)
        return { problem: 'the check run has no text' };
    const open = fenceOpen(tag);
    const start = text.indexOf(`${open}\n`);
    if (start < 0)
        return { problem: `the check run carries no ${tag} block` };
    const bodyStart = start + open.length + 1;
    const end = text.indexOf(`\n${FENCE_CLOSE}`, bodyStart);
    if (end < 0)
        return { problem: `the ${tag} block is not closed` };
    if (end - bodyStart > maxChars)
        return { problem: `the ${tag} block is over ${maxChars} characters` };
    let json;
    try {
        json = JSON.parse(text.slice(bodyStart, end));
    }
    catch {
        return { problem: `the ${tag} block is not JSON` };
    }
    const parsed = schema.safeParse(json);
    if (parsed.success)
        return { value: parsed.data };
    const issue = parsed.error.issues[0];
    return { problem: `the ${tag} block does not validate: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}` };
}
/** The value of the first block tagged `tag` in `text`, when it parses and validates; else null. */
function extractFencedJson(text, tag, schema) {
    const read = readFencedJson(text, tag, schema);
    return 'value' in read ? read.value : null;
}


/***/ }),

/***/ 5899:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ isHttpUrl)
/* harmony export */ });
/** True for an absolute http:// or https:// URL: the only addresses the gate queries. */
function isHttpUrl(value) {
    try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:';
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 3155:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   OQ: () => (/* binding */ preflightOverride),
/* harmony export */   T6: () => (/* binding */ applyOverride),
/* harmony export */   _m: () => (/* binding */ hasPermission)
/* harmony export */ });
/* unused harmony export roleRank */
/* harmony import */ var _evaluate_decide_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9803);
/* harmony import */ var _policy_permissions_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5442);
/**
 * Whether an override may let a blocked deploy through. Pure: the adapter reads
 * the actor's role and the run's approvals through the GitHub API and passes
 * them in. An override never changes the status, only `canDeploy`.
 *
 * Two ways to ask: the Action's `override` input on a workflow_dispatch run
 * (`via: 'action'`, the default), and the CLI's `--override` flag (`via: 'cli'`),
 * where the actor is the GitHub token's user and there is no workflow run, so no
 * event to check and no environment approval to read. The rules are otherwise
 * the same; only the words differ (an input, or a flag).
 */


/** Rank of a role on GitHub's scale; custom roles fall back to their legacy base permission. */
function roleRank(role) {
    const known = _policy_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .PERMISSIONS */ .J.indexOf(role.roleName ?? '');
    if (known >= 0)
        return known;
    return _policy_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .PERMISSIONS */ .J.indexOf(role.permission ?? '');
}
/** Whether a role (as GitHub reports it) meets `needed`: the one role check every caller uses. */
function hasPermission(role, needed) {
    return roleRank(role) >= _policy_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .PERMISSIONS */ .J.indexOf(needed);
}
/** Refusal reasons that need no API call (checked first, so a bad request costs nothing). */
function preflightOverride(report, attempt, policy) {
    const problems = [];
    const cli = attempt.via === 'cli';
    if (!cli && attempt.eventName !== 'workflow_dispatch') {
        problems.push(`overrides are accepted only from workflow_dispatch runs; this run was triggered by ${attempt.eventName ?? 'an unknown event'}`);
    }
    const reason = attempt.reason?.trim() ?? '';
    if (reason.length < policy.overrides.minReasonLength) {
        problems.push(`${cli ? '--override-reason' : 'override-reason'} must explain the override in at least ${policy.overrides.minReasonLength} characters; got ${reason.length === 0 ? 'none' : `${reason.length}`}`);
    }
    const status = report.decision.status;
    if (!(0,_evaluate_decide_js__WEBPACK_IMPORTED_MODULE_0__/* .levelPasses */ .qk)(attempt.level, status)) {
        const needed = report.decision.requiredOverride ?? 'exhausted';
        problems.push(`override level ${attempt.level} cannot pass status ${status}; ${cli ? `run again with --override ${needed}` : `dispatch with override: ${needed}`}`);
    }
    return problems;
}
/**
 * Apply an override to a report. Returns the report unchanged but for the
 * decision: accepted overrides set `canDeploy` and `overridden` and carry the
 * `override` record; refused ones explain why in the reasons.
 */
function applyOverride(report, attempt, policy) {
    if (report.decision.canDeploy) {
        return {
            ...report,
            decision: {
                ...report.decision,
                nextSteps: [
                    `An override (${attempt.level}) was requested but not needed: the deploy is allowed. Nothing was recorded.`,
                    ...report.decision.nextSteps,
                ],
            },
        };
    }
    const problems = preflightOverride(report, attempt, policy);
    const rule = policy.overrides.levels[attempt.level];
    if (problems.length > 0) {
        // Already refused; the role was not looked up.
    }
    else if (attempt.role === null) {
        problems.push(`could not read ${attempt.actor}'s repository role: ${attempt.roleError ?? 'unknown error'}`);
    }
    else if (!hasPermission(attempt.role, rule.permission)) {
        problems.push(`${attempt.actor} has the ${attempt.role.roleName ?? attempt.role.permission ?? 'no'} role; override level ${attempt.level} needs ${rule.permission} or higher`);
    }
    if (problems.length > 0) {
        // Already refused.
    }
    else if (rule.requireEnvironmentApproval && attempt.approvalsError) {
        problems.push(`could not read the run's environment approvals: ${attempt.approvalsError}`);
    }
    else if (rule.requireEnvironmentApproval && attempt.approvers.length === 0) {
        problems.push(attempt.via === 'cli'
            ? `override level ${attempt.level} requires an approved deployment, which only a GitHub Actions run in the environment ${report.environment} can show: override from the deploy workflow instead`
            : `override level ${attempt.level} requires an approved deployment: run this job in the GitHub environment ${report.environment} with required reviewers, and have a reviewer approve it`);
    }
    if (problems.length > 0) {
        const message = `Override refused: ${problems.join('; ')}`;
        return {
            ...report,
            findings: [...report.findings, { source: 'override', status: report.decision.status, message }],
            decision: { ...report.decision, reasons: [message, ...report.decision.reasons] },
        };
    }
    const override = {
        actor: attempt.actor,
        level: attempt.level,
        reason: attempt.reason.trim(),
        permission: attempt.role.roleName ?? attempt.role.permission ?? 'unknown',
        approvers: attempt.approvers,
        runId: attempt.runId,
        runAttempt: attempt.runAttempt,
        at: attempt.at.toISOString(),
    };
    return {
        ...report,
        override,
        findings: [
            ...report.findings,
            {
                source: 'override',
                status: report.decision.status,
                message: `Overridden by ${attempt.actor} (${override.permission}) at level ${attempt.level}: ${override.reason}`,
            },
        ],
        decision: {
            ...report.decision,
            canDeploy: true,
            overridden: true,
            nextSteps: ['The deploy proceeds under an override; it is recorded in the report, the check run and (with the app) the audit log.'],
        },
    };
}


/***/ }),

/***/ 5222:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ DEFAULT_MIN_REASON_LENGTH),
/* harmony export */   IS: () => (/* binding */ DEFAULT_FREEZE_PERMISSION),
/* harmony export */   JJ: () => (/* binding */ DEFAULT_THRESHOLDS),
/* harmony export */   Kr: () => (/* binding */ HOLD_LIMIT_MAX_MS),
/* harmony export */   Kw: () => (/* binding */ DEFAULT_LEVEL_PERMISSIONS),
/* harmony export */   Ow: () => (/* binding */ HOLD_INTERVAL_MIN_MS),
/* harmony export */   Pl: () => (/* binding */ DEFAULT_GUARDS),
/* harmony export */   Qd: () => (/* binding */ DEFAULT_BLOCK_ON),
/* harmony export */   Yg: () => (/* binding */ DEFAULT_HOLD_LIMIT),
/* harmony export */   yx: () => (/* binding */ DEFAULT_HOLD_INTERVAL)
/* harmony export */ });
const DEFAULT_BLOCK_ON = 'WARNING';
/** Percent of the error budget remaining below which each status starts. */
const DEFAULT_THRESHOLDS = { caution: 80, warning: 50, freeze: 20 };
/** The SRE workbook's fast page: both windows over 14.4x. */
const DEFAULT_GUARDS = [{ long: '1h', short: '5m', factor: 14.4 }];
/** The role an override of each level needs. */
const DEFAULT_LEVEL_PERMISSIONS = {
    warning: 'write',
    freeze: 'maintain',
    exhausted: 'admin',
};
const DEFAULT_MIN_REASON_LENGTH = 10;
/** The role that may freeze and unfreeze on command (`freezes.permission`). */
const DEFAULT_FREEZE_PERMISSION = 'maintain';
/** `on-block: hold`: the longest hold unless the policy sets `hold.limit`, and GitHub's own bound on it (30 days). */
const DEFAULT_HOLD_LIMIT = '24h';
const HOLD_LIMIT_MAX_MS = 30 * 86_400_000;
/** How often a held deployment is evaluated again unless `hold.interval` says, and the shortest period allowed. */
const DEFAULT_HOLD_INTERVAL = '5m';
const HOLD_INTERVAL_MIN_MS = 60_000;


/***/ }),

/***/ 7098:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ durationSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5491);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8571);
/** The policy's duration type, shared by every section of the file. */


/** A Prometheus-style duration such as `30d` or `5m`. */
const durationSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .refine(_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .isDuration */ .n$, { message: `expected ${_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .DURATION_FORM */ .ec}` })
    .meta({ pattern: '^([0-9]+(ms|y|w|d|h|m|s))+$', examples: ['30d', '1h', '5m'] });


/***/ }),

/***/ 2049:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PF: () => (/* binding */ canonicalEnumValue),
/* harmony export */   aA: () => (/* binding */ invalidValueIssue),
/* harmony export */   xx: () => (/* binding */ enumSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5491);
/* harmony import */ var _policy_issues_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7163);
/**
 * Enumerations as every source accepts them: case-insensitive (`block-on: warning`
 * in the file like `--block-on warning` on the command line), normalised to the
 * canonical spelling, and refused with the one wording `toPolicyIssues` gives
 * every `invalid_value` issue: "expected one of A, B, C; got "x"".
 */


/** The canonical spelling of `value` among `values`, ignoring case; undefined when none matches. */
function canonicalEnumValue(values, value) {
    const wanted = value.trim().toLowerCase();
    return values.find((v) => v.toLowerCase() === wanted);
}
/** A JSON Schema pattern matching any casing of the values: `[wW][aA]…` (JSON Schema regexes have no flags). */
function caseInsensitivePattern(values) {
    const letters = (v) => [...v]
        .map((c) => c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('');
    return `^\\s*(?:${values.map(letters).join('|')})\\s*$`;
}
/** An issue for a value outside `values`, in the shared wording (see policy-issues.ts). */
function invalidValueIssue(values, input) {
    return { code: 'invalid_value', values: [...values], input, message: (0,_policy_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .expectedOneOf */ .S5)(values, input) };
}
/**
 * A string enum accepted in any case and parsed to its canonical spelling. The
 * JSON Schema offers the canonical values (editors complete them) and accepts
 * any casing; `booleans` also accepts YAML's true/false as "true"/"false".
 */
function enumSchema(values, options = {}) {
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()
        .overwrite((v) => {
        if (typeof v === 'boolean' && options.booleans)
            return canonicalEnumValue(values, String(v)) ?? v;
        return typeof v === 'string' ? (canonicalEnumValue(values, v) ?? v) : v;
    })
        .check(zod__WEBPACK_IMPORTED_MODULE_1__/* .superRefine */ .zni((v, ctx) => {
        if (!values.includes(v))
            ctx.addIssue(invalidValueIssue(values, v));
    }))
        .meta({
        anyOf: [
            { type: 'string', enum: [...values] },
            { type: 'string', pattern: caseInsensitivePattern(values) },
            ...(options.booleans ? [{ type: 'boolean' }] : []),
        ],
    });
}


/***/ }),

/***/ 7166:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Nf: () => (/* binding */ closestName),
/* harmony export */   Nq: () => (/* binding */ unknownEnvironmentMessage),
/* harmony export */   Tr: () => (/* binding */ unknownMergeStatusEnvironmentMessage),
/* harmony export */   wu: () => (/* binding */ unknownFreezeEnvironmentMessage)
/* harmony export */ });
/**
 * Environment names are compared exactly: when the policy has an `environments`
 * map, a name it does not list is refused rather than silently evaluated with
 * the top-level policy (`Production` or `prodution` would otherwise skip the
 * production section and its freeze windows). The messages name the known
 * environments and the closest one.
 */
/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/**
 * The known name closest to `name`: one that differs only in case first, else
 * the nearest by edit distance (ignoring case) when it is close enough to be a
 * typo (at most a third of the name's length, at least 2). Null when none is.
 */
function closestName(name, known) {
    const lower = name.toLowerCase();
    const sameLetters = known.find((k) => k.toLowerCase() === lower);
    if (sameLetters !== undefined)
        return sameLetters;
    let best = null;
    for (const k of known) {
        const d = distance(lower, k.toLowerCase());
        if (best === null || d < best.d)
            best = { name: k, d };
    }
    return best !== null && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.name : null;
}
/** "(production, staging): did you mean production?" or "(production, staging)." */
function knownNames(name, known) {
    const closest = closestName(name, known);
    return `(${[...known].sort().join(', ')})${closest !== null ? `: did you mean ${closest}?` : '.'}`;
}
/** The message for an environment the policy's `environments` map does not name. */
function unknownEnvironmentMessage(name, known) {
    return `environment ${JSON.stringify(name)} is not in the policy's environments map ${knownNames(name, known)} Names are compared exactly, and an environment the map does not name is refused rather than evaluated with the top-level policy: deploy to one of them, or add environments.${name} (it may be empty, {}) to the policy`;
}
/** The message for a freeze window scoped to an environment the map does not name. */
function unknownFreezeEnvironmentMessage(window, name, known) {
    return `freeze window ${JSON.stringify(window)} names the environment ${JSON.stringify(name)}, which is not in the policy's environments map ${knownNames(name, known)} A freeze window scoped to it would never apply; names are compared exactly`;
}
/** The message for a base branch that `freezes.merge-status` maps to an environment the map does not name. */
function unknownMergeStatusEnvironmentMessage(branch, name, known) {
    return `freezes.merge-status maps the branch ${JSON.stringify(branch)} to the environment ${JSON.stringify(name)}, which is not in the policy's environments map ${knownNames(name, known)} Its freezes would never hold a pull request; names are compared exactly`;
}


/***/ }),

/***/ 1486:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DX: () => (/* binding */ appliesToSchema),
/* harmony export */   Gl: () => (/* binding */ appliesTo)
/* harmony export */ });
/* unused harmony export globMatches */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5491);
/**
 * `applies-to`: scopes a rule (a freeze window, a fast-burn guard) to some
 * repositories, branches and environments with globs, so that one organisation
 * policy can freeze `payments-*` in `prod*` only.
 *
 * The glob grammar is deliberately small, and matched in linear memory and
 * O(pattern × value) time whatever the input (no regular expression is built
 * from a policy's text, so no pattern can backtrack exponentially):
 *
 * | Token | Matches |
 * | --- | --- |
 * | `*` | any run of characters except `/` (also none) |
 * | `**` | any run of characters, `/` included |
 * | `?` | one character except `/` |
 * | anything else | itself, case-sensitively (`\` escapes the next character) |
 *
 * A repository pattern without `/` matches the repository's name (`payments-*`);
 * one with `/` matches `owner/name` (`acme/payments-*`). Owner and repository
 * names are compared case-insensitively, as GitHub does; branches and
 * environments exactly. A rule applies when every dimension it names matches
 * (each list is any-of). Where the run does not know a dimension (the CLI
 * without `--repo`, a run with no branch), a rule scoped on it applies: rules
 * only ever restrict, so an unknown target fails closed.
 */

const MAX_PATTERN = 255;
const MAX_PATTERNS = 50;
function tokenize(pattern) {
    const tokens = [];
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\' && i + 1 < pattern.length)
            tokens.push({ kind: 'char', char: pattern[++i] });
        else if (c === '*' && pattern[i + 1] === '*') {
            tokens.push({ kind: 'globstar' });
            while (pattern[i + 1] === '*')
                i++;
        }
        else if (c === '*')
            tokens.push({ kind: 'star' });
        else if (c === '?')
            tokens.push({ kind: 'one' });
        else
            tokens.push({ kind: 'char', char: c });
    }
    return tokens;
}
/** Whether `value` matches `pattern` in the grammar above (dynamic programming over the tokens: no backtracking). */
function globMatches(pattern, value) {
    const tokens = tokenize(pattern);
    // reach[j]: the first j characters of value are matched by the tokens seen so far.
    let reach = Array.from({ length: value.length + 1 }, (_, j) => j === 0);
    for (const token of tokens) {
        const next = Array.from({ length: value.length + 1 }, () => false);
        for (let j = 0; j <= value.length; j++) {
            if (token.kind === 'star' || token.kind === 'globstar') {
                // Zero characters, or one more than a reachable prefix (not a / for *).
                next[j] = reach[j] || (j > 0 && next[j - 1] && (token.kind === 'globstar' || value[j - 1] !== '/'));
            }
            else if (j > 0 && reach[j - 1]) {
                const c = value[j - 1];
                next[j] = token.kind === 'one' ? c !== '/' : c === token.char;
            }
        }
        reach = next;
    }
    return reach[value.length];
}
const patternList = (what, example) => zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1, { message: `expected a non-empty glob, e.g. ${example}` })
    .max(MAX_PATTERN, { message: `expected a glob of at most ${MAX_PATTERN} characters` }))
    .min(1, { message: `expected at least one ${what} glob (leave the key out to match every ${what})` })
    .max(MAX_PATTERNS)
    .optional();
const appliesToSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    repositories: patternList('repository', '"payments-*"').meta({
        description: 'Globs over the repository: its name (`payments-*`), or `owner/name` when the glob has a `/`. Case-insensitive.',
    }),
    branches: patternList('branch', '"release/*"').meta({
        description: 'Globs over the branch deployed (`main`, `release/*`; `*` stops at `/`, `**` does not). Where the branch is unknown, the rule applies.',
    }),
    environments: patternList('environment', '"prod*"').meta({ description: 'Globs over the environment name (`prod*`).' }),
})
    .meta({
    description: 'Where this rule applies: every key given must match (each list is any-of). Globs: `*` (not across /), `**`, `?`; `\\` escapes. A dimension the run does not know (the CLI without --repo) matches, so a scoped rule fails closed.',
});
function repositoryMatches(pattern, repository) {
    const full = repository.toLowerCase();
    const name = full.slice(full.indexOf('/') + 1);
    return globMatches(pattern.toLowerCase(), pattern.includes('/') ? full : name);
}
/** Whether a rule with this scope applies to the target (no scope: everywhere). */
function appliesTo(scope, target) {
    if (!scope)
        return true;
    const { repositories, branches, environments } = scope;
    if (repositories && target.repository !== null && !repositories.some((p) => repositoryMatches(p, target.repository)))
        return false;
    if (branches && target.branch !== null && !branches.some((p) => globMatches(p, target.branch)))
        return false;
    if (environments && !environments.some((p) => globMatches(p, target.environment)))
        return false;
    return true;
}


/***/ }),

/***/ 2058:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   WO: () => (/* binding */ INPUT_LOCK_PATHS),
/* harmony export */   Zj: () => (/* binding */ LOCKABLE_KEYS),
/* harmony export */   k0: () => (/* binding */ lockViolations),
/* harmony export */   s$: () => (/* binding */ inputLockViolations)
/* harmony export */ });
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5009);
/* harmony import */ var _change_class_change_class_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5127);
/* harmony import */ var _canonical_json_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(484);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(5442);
/* harmony import */ var _merge_policies_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6405);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8571);
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5222);
/* harmony import */ var _overlay_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(8962);
/**
 * `locked`: the keys a parent policy fixes for every file that extends it. A
 * child may make a locked key stricter, never looser. What "looser" means is
 * defined per key, conservatively: anything not shown to be at least as strict
 * is refused (fail closed), and every lockable key must have a rule here
 * (LOOSENING is typed over LOCKABLE_KEYS).
 *
 * | Locked key | A child may | Refused |
 * | --- | --- | --- |
 * | `block-on` | lower it (EXHAUSTED → FREEZE → WARNING → CAUTION blocks more) | raising it |
 * | `on-error` | keep `block` | `allow` where the parent blocks |
 * | `mode` | keep `enforce` | `report` where the parent enforces |
 * | `unknown-guards` | turn `allow` into `block` | `allow` where the parent blocks |
 * | `thresholds` | raise `caution`, `warning` or `freeze` (a status is reached sooner) | lowering any of them |
 * | `freeze-windows` | add windows of new names | changing or removing a window the parent set (same name, any difference) |
 * | `burn-rate-guards` | add guards of new names | changing or removing a guard the parent set (or the default guard) |
 * | `overrides` | raise `min-reason-length`, drop `refs`, raise a level's `permission`, turn `require-environment-approval` on | any other change |
 * | `freezes` | raise `permission` (fewer people may freeze and unfreeze); set `app` where the parent sets none | lowering `permission`; changing or removing the parent's `app` (the freezes the Action and the CLI honour) |
 * | `on-block` | turn `hold` into `reject`; shorten `hold.limit` | `hold` where the parent rejects; a longer `hold.limit` than the parent's |
 * | `change-classes` | let fewer classes through each status, drop `sources`, raise `permission` (when the parent sets one) | letting a class through a status the parent does not, a new source, a lower or unset `permission` where the parent sets one, a `permission` where the parent leaves it to the override levels |
 *
 * The comparison is of effective values, built-in defaults included, at the
 * top level and in every environment section either file names: an
 * `environments.prod.block-on` can loosen a lock as surely as a top-level one.
 * Keys that exist only at the top level (`freezes`) are compared there once.
 */








const LOCKABLE_KEYS = [
    'block-on',
    'on-error',
    'mode',
    'unknown-guards',
    'thresholds',
    'freeze-windows',
    'burn-rate-guards',
    'overrides',
    'freezes',
    'on-block',
    'change-classes',
];
/** Lockable keys that an environment section cannot set: compared once, at the top level. */
const TOP_LEVEL_ONLY = new Set(['freezes']);
function rankOf(order, value) {
    return order.indexOf(value);
}
const blockOn = (p, c) => {
    const parent = p['block-on'] ?? _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_BLOCK_ON */ .Qd;
    const child = c['block-on'] ?? _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_BLOCK_ON */ .Qd;
    return rankOf(_status_js__WEBPACK_IMPORTED_MODULE_4__/* .BLOCKABLE_STATUSES */ .dW, child) > rankOf(_status_js__WEBPACK_IMPORTED_MODULE_4__/* .BLOCKABLE_STATUSES */ .dW, parent)
        ? [`block-on may only become stricter (CAUTION blocks most, EXHAUSTED least); the parent has ${parent}, this file makes it ${child}`]
        : [];
};
const oneWay = (key, fallback, strict) => (p, c) => {
    const parent = p[key] ?? fallback;
    const child = c[key] ?? fallback;
    return parent === strict && child !== strict ? [`${key} is ${strict} in the parent and may not become ${String(child)}`] : [];
};
const thresholds = (p, c) => {
    const parent = { ..._defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_THRESHOLDS */ .JJ, ...p.thresholds };
    const child = { ..._defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_THRESHOLDS */ .JJ, ...c.thresholds };
    return ['caution', 'warning', 'freeze']
        .filter((k) => child[k] < parent[k])
        .map((k) => `thresholds.${k} may only be raised; the parent has ${parent[k]}, this file makes it ${child[k]}`);
};
const namedItems = (key, what, fallback) => (p, c) => {
    const parent = p[key] ?? fallback;
    const child = c[key] ?? fallback;
    const problems = [];
    for (const item of parent) {
        const name = (0,_merge_policies_js__WEBPACK_IMPORTED_MODULE_1__/* .itemName */ .TJ)(item);
        const same = child.filter((i) => (0,_merge_policies_js__WEBPACK_IMPORTED_MODULE_1__/* .itemName */ .TJ)(i) === name);
        if (same.length === 0)
            problems.push(`the ${what} "${name}" set by the parent may not be removed`);
        else if (same.some((i) => (0,_canonical_json_js__WEBPACK_IMPORTED_MODULE_5__/* .canonicalJson */ .d)(i) !== (0,_canonical_json_js__WEBPACK_IMPORTED_MODULE_5__/* .canonicalJson */ .d)(item)))
            problems.push(`the ${what} "${name}" set by the parent may not be changed (give a new ${what} another name)`);
    }
    return problems;
};
const overrides = (p, c) => {
    const parent = p.overrides ?? {};
    const child = c.overrides ?? {};
    const problems = [];
    const minParent = parent['min-reason-length'] ?? _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_MIN_REASON_LENGTH */ .$m;
    const minChild = child['min-reason-length'] ?? _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_MIN_REASON_LENGTH */ .$m;
    if (minChild < minParent)
        problems.push(`overrides.min-reason-length may only be raised; the parent has ${minParent}, this file ${minChild}`);
    const refsParent = parent.refs ?? [];
    for (const ref of child.refs ?? []) {
        if (!refsParent.includes(ref))
            problems.push(`overrides.refs may only lose refs; ${ref} is not among the parent's (${refsParent.join(', ') || 'none'})`);
    }
    for (const level of ['warning', 'freeze', 'exhausted']) {
        const lp = parent.levels?.[level];
        const lc = child.levels?.[level];
        const permParent = lp?.permission ?? _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_LEVEL_PERMISSIONS */ .Kw[level];
        const permChild = lc?.permission ?? _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_LEVEL_PERMISSIONS */ .Kw[level];
        if (rankOf(_permissions_js__WEBPACK_IMPORTED_MODULE_6__/* .PERMISSIONS */ .J, permChild) < rankOf(_permissions_js__WEBPACK_IMPORTED_MODULE_6__/* .PERMISSIONS */ .J, permParent))
            problems.push(`overrides.levels.${level}.permission may only be raised; the parent has ${permParent}, this file ${permChild}`);
        if ((lp?.['require-environment-approval'] ?? false) && !(lc?.['require-environment-approval'] ?? false))
            problems.push(`overrides.levels.${level}.require-environment-approval is true in the parent and may not be turned off`);
    }
    return problems;
};
const freezes = (p, c) => {
    const problems = [];
    const permParent = p.freezes?.permission ?? _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_FREEZE_PERMISSION */ .IS;
    const permChild = c.freezes?.permission ?? _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_FREEZE_PERMISSION */ .IS;
    if (rankOf(_permissions_js__WEBPACK_IMPORTED_MODULE_6__/* .PERMISSIONS */ .J, permChild) < rankOf(_permissions_js__WEBPACK_IMPORTED_MODULE_6__/* .PERMISSIONS */ .J, permParent))
        problems.push(`freezes.permission may only be raised; the parent has ${permParent}, this file ${permChild}`);
    // The app decides whose freeze issues the Action and the CLI honour: another slug would count another app's issues.
    const appParent = p.freezes?.app;
    if (appParent !== undefined && c.freezes?.app !== appParent)
        problems.push(`freezes.app is ${appParent} in the parent and may not be ${c.freezes?.app === undefined ? 'removed' : `changed to ${c.freezes.app}`}`);
    return problems;
};
/** A held deploy waits and may then go out unattended: rejecting at once is the stricter answer, and a shorter hold the stricter hold. */
const onBlock = (p, c) => {
    const parent = p['on-block'] ?? 'reject';
    const child = c['on-block'] ?? 'reject';
    if (parent === 'reject' && child !== 'reject')
        return [`on-block is reject in the parent and may not become ${child}`];
    if (parent === 'hold' && child === 'hold') {
        const limitParent = p.hold?.limit ?? _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_HOLD_LIMIT */ .Yg;
        const limitChild = c.hold?.limit ?? _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_HOLD_LIMIT */ .Yg;
        if ((0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDurationMs */ .yi)(limitChild) > (0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDurationMs */ .yi)(limitParent))
            return [`hold.limit may only be shortened; the parent has ${limitParent}, this file makes it ${limitChild}`];
    }
    return [];
};
const changeClasses = (p, c) => {
    const parent = (0,_change_class_change_class_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveChangeClasses */ .lo)(p['change-classes']);
    const child = (0,_change_class_change_class_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveChangeClasses */ .lo)(c['change-classes']);
    if (child === null)
        return [];
    const problems = [];
    for (const status of _status_js__WEBPACK_IMPORTED_MODULE_4__/* .BLOCKABLE_STATUSES */ .dW) {
        const allowed = parent === null ? [] : (0,_change_class_change_class_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .classesAllowedAt */ .KG)(parent, status);
        const extra = (0,_change_class_change_class_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .classesAllowedAt */ .KG)(child, status).filter((name) => !allowed.includes(name));
        if (extra.length > 0)
            problems.push(`change-classes may only let fewer classes through; ${status} would let ${extra.join(', ')} through, which the parent does not`);
    }
    const sources = parent?.sources ?? [];
    const newSources = child.sources.filter((s) => !sources.includes(s));
    if (newSources.length > 0)
        problems.push(`change-classes.sources may only lose sources; ${newSources.join(', ')} is not among the parent's`);
    const permParent = parent?.permission ?? null;
    if (permParent !== null && (child.permission === null || rankOf(_permissions_js__WEBPACK_IMPORTED_MODULE_6__/* .PERMISSIONS */ .J, child.permission) < rankOf(_permissions_js__WEBPACK_IMPORTED_MODULE_6__/* .PERMISSIONS */ .J, permParent)))
        problems.push(`change-classes.permission may only be raised; the parent has ${permParent}, this file ${child.permission ?? 'the override levels'}`);
    if (permParent === null && child.permission !== null)
        problems.push('change-classes.permission is left to the override levels by the parent and may not be set here');
    return problems;
};
const LOOSENING = {
    'block-on': blockOn,
    'on-error': oneWay('on-error', 'block', 'block'),
    mode: oneWay('mode', 'enforce', 'enforce'),
    'unknown-guards': oneWay('unknown-guards', 'allow', 'block'),
    thresholds,
    'freeze-windows': namedItems('freeze-windows', 'freeze window', []),
    'burn-rate-guards': namedItems('burn-rate-guards', 'fast-burn guard', _defaults_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_GUARDS */ .Pl),
    overrides,
    freezes,
    'on-block': onBlock,
    'change-classes': changeClasses,
};
/** The file's values in one environment (null: the top level), as the gate resolves them. */
function effective(file, environment) {
    const { environments, ...top } = file;
    const section = environment === null ? undefined : environments?.[environment];
    return (0,_overlay_js__WEBPACK_IMPORTED_MODULE_7__/* .overlay */ .L)(top, section);
}
/**
 * Where the merged policy is looser than its parent on a locked key: one issue
 * per problem, naming the key (its environment section when that is where it
 * loosens), the lock and the file that set it.
 *
 * @param parent the parent chain merged so far
 * @param merged the child merged over it
 * @param locks each locked key and the file that locked it
 */
function lockViolations(parent, merged, locks) {
    const environments = [null, ...new Set([...Object.keys(parent.environments ?? {}), ...Object.keys(merged.environments ?? {})])];
    const issues = [];
    for (const key of LOCKABLE_KEYS) {
        const lockedBy = locks[key];
        if (lockedBy === undefined)
            continue;
        for (const env of environments) {
            if (env !== null && TOP_LEVEL_ONLY.has(key))
                continue;
            const at = env === null ? key : `environments.${env}.${key}`;
            for (const problem of LOOSENING[key](effective(parent, env), effective(merged, env))) {
                issues.push({ path: at, message: `${problem}: ${key} is locked by ${lockedBy} (locked: [${key}])` });
            }
        }
    }
    return issues;
}
/** The issue path of an input that loosens a lock: the gate's hosts name the input in their own words (run-gate.ts). */
const INPUT_LOCK_PATHS = {
    'block-on': 'input block-on',
    'on-error': 'input on-error',
    mode: 'input mode',
    thresholds: 'input thresholds',
};
/**
 * Where the host's inputs (the Action's `block-on`, the CLI's `--mode`, …) loosen a locked key: a lock binds
 * the inputs as it binds the files, or a workflow could undo what the organisation locked. Each issue names the
 * input as `name`; the caller spells it in the host's words.
 */
function inputLockViolations(fromFiles, withInputs, locks) {
    const asSection = (r) => ({
        'block-on': r.blockOn,
        'on-error': r.onError,
        mode: r.mode,
        thresholds: r.thresholds,
    });
    const issues = [];
    for (const [key, path] of Object.entries(INPUT_LOCK_PATHS)) {
        const lockedBy = locks[key];
        if (lockedBy === undefined)
            continue;
        for (const problem of LOOSENING[key](asSection(fromFiles), asSection(withInputs)))
            issues.push({
                path,
                message: `${problem.replace('this file', 'this input')}: ${key} is locked by ${lockedBy} (locked: [${key}]), so no input may loosen it`,
            });
    }
    return issues;
}


/***/ }),

/***/ 6405:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ mergeLayers),
/* harmony export */   TJ: () => (/* binding */ itemName),
/* harmony export */   ZZ: () => (/* binding */ layerOf)
/* harmony export */ });
/* unused harmony export MERGE_RULES */
/* harmony import */ var _overlay_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8962);

const MERGE_RULES = {
    $schema: 'scalar',
    version: 'scalar',
    extends: 'chain',
    locked: 'locks',
    sloth: 'scalar',
    openslo: 'scalar',
    prometheus: 'object',
    slos: 'named',
    thresholds: 'object',
    'block-on': 'scalar',
    'on-error': 'scalar',
    'use-recording-rules': 'scalar',
    'scrape-interval': 'scalar',
    alerting: 'object',
    mode: 'scalar',
    dr: 'object',
    'freeze-windows': 'named',
    'burn-rate-guards': 'named',
    'unknown-guards': 'scalar',
    overrides: 'object',
    audit: 'object',
    environments: 'environments',
    postmortems: 'object',
    notify: 'object',
    freezes: 'object',
    exclusions: 'named',
    verify: 'object',
    'on-block': 'scalar',
    hold: 'object',
    escalation: 'scalar',
    'change-classes': 'object',
};
/** The name an item of a named list is merged by. */
function itemName(item) {
    const o = item;
    if (typeof o.name === 'string')
        return o.name;
    // A fast-burn guard without a name: its default name, as resolve-policy.ts writes it.
    return `${String(o.long)}/${String(o.short)} > ${String(o.factor)}x`;
}
function mergeNamed(base, over) {
    const out = [...base];
    for (const item of over) {
        const at = out.findIndex((b) => itemName(b) === itemName(item));
        if (at === -1)
            out.push(item);
        else
            out[at] = item;
    }
    return out;
}
/** The provenance keys a file's own value of `key` contributes (a named list: one per item, and the list itself). */
function ownKeys(prefix, key, value) {
    if (MERGE_RULES[key] === 'named' && Array.isArray(value))
        return [`${prefix}${key}`, ...value.map((i) => `${prefix}${key}[${itemName(i)}]`)];
    if (MERGE_RULES[key] === 'locks' && Array.isArray(value))
        return [`${prefix}${key}`, ...value.map((k) => `${prefix}${key}[${String(k)}]`)];
    return [`${prefix}${key}`];
}
/** A single file as a layer: every key it sets came from it. */
function layerOf(file, source) {
    const provenance = {};
    for (const [key, value] of Object.entries(file)) {
        if (value === undefined || key === 'extends')
            continue;
        if (key === 'environments' && (0,_overlay_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Q)(value)) {
            for (const [env, section] of Object.entries(value)) {
                for (const [k, v] of Object.entries(section)) {
                    if (v !== undefined)
                        for (const p of ownKeys(`environments.${env}.`, k, v))
                            provenance[p] = [source];
                }
            }
            continue;
        }
        for (const p of ownKeys('', key, value))
            provenance[p] = [source];
    }
    const { extends: _extends, ...rest } = file;
    return { file: rest, provenance };
}
function withoutUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
/** Merges one section's keys (the top level, or one environment's) by the table. */
function mergeSection(base, over) {
    const out = { ...base };
    for (const [key, value] of Object.entries(over)) {
        if (value === undefined)
            continue;
        const current = out[key];
        switch (MERGE_RULES[key]) {
            case 'chain':
                break;
            case 'scalar':
                out[key] = value;
                break;
            case 'object':
                out[key] = current === undefined ? value : (0,_overlay_js__WEBPACK_IMPORTED_MODULE_0__/* .overlay */ .L)(current, value);
                break;
            case 'named':
                out[key] = Array.isArray(current) && Array.isArray(value) ? mergeNamed(current, value) : value;
                break;
            case 'locks':
                out[key] = [...new Set([...(Array.isArray(current) ? current : []), ...value])];
                break;
            case 'environments': {
                const envs = { ...((0,_overlay_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Q)(current) ? current : {}) };
                for (const [env, section] of Object.entries(value)) {
                    envs[env] = (0,_overlay_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Q)(envs[env])
                        ? mergeSection(envs[env], section)
                        : section;
                }
                out[key] = envs;
                break;
            }
            default:
                // Unreachable for a validated file (the schema is strict); a key without a rule is never merged silently.
                throw new Error(`no merge rule for the policy key ${key}`);
        }
    }
    return out;
}
/** The child merged over the parent, with the provenance of every key (a lock keeps the file that set it first). */
function mergeLayers(parent, child) {
    const file = mergeSection(parent.file, child.file);
    const provenance = { ...parent.provenance };
    for (const [key, sources] of Object.entries(child.provenance)) {
        const previous = provenance[key];
        if (previous === undefined)
            provenance[key] = sources;
        else if (/^locked\[/.test(key))
            continue;
        else if (isReplacing(key))
            provenance[key] = sources;
        else
            provenance[key] = [...previous.filter((s) => !sources.includes(s)), ...sources];
    }
    return { file: withoutUndefined(file), provenance };
}
/** Whether the child's value of this provenance key replaces the parent's (then only the child set it). */
function isReplacing(key) {
    const base = key.replace(/^environments\.[^.]+\./, '');
    if (base.endsWith(']'))
        return true;
    const rule = MERGE_RULES[base];
    return rule === 'scalar';
}


/***/ }),

/***/ 4161:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ gateInputsSchema),
/* harmony export */   ai: () => (/* binding */ number),
/* harmony export */   mR: () => (/* binding */ optionalText),
/* harmony export */   p0: () => (/* binding */ duration),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* unused harmony export parseHeaderLines */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5491);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8532);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8571);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5899);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(5009);
/* harmony import */ var _enum_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2049);
/* harmony import */ var _objective_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(9921);
/**
 * The gate's inputs, shared by the Action (`INPUT_*`) and the CLI (flags): one schema,
 * so both adapters accept exactly the same names, forms and errors.
 *
 * Every value arrives as a string; an empty string means "not set" (the runner passes
 * unset inputs as empty). Parsed values override the policy file.
 *
 * Messages do not repeat the input's name: `toPolicyIssues` names the field as
 * its source spells it (`block-on` for an input, `--block-on` for a flag), so
 * the three sources share one wording ("expected one of …; got …").
 */






/** A trimmed string; empty (the runner's unset input) is undefined. Shared with the verify step's inputs (core/verify/verify-inputs.ts). */
const optionalText = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
/** A finite number; `form` is the accepted form for the error. */
const number = (form) => optionalText.transform((v, ctx) => {
    if (v === undefined)
        return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message: `expected ${form}; got ${JSON.stringify(v)}` });
        return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
    }
    return n;
});
/** A Prometheus duration. */
const duration = () => optionalText.transform((v, ctx) => {
    if (v !== undefined && !(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .isDuration */ .n$)(v)) {
        ctx.addIssue({ code: 'custom', message: `expected ${_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .DURATION_FORM */ .ec}; got ${JSON.stringify(v)}` });
        return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
    }
    return v;
});
/** One of `values` in any case, as the policy file's enums (enum-schema.ts); refused in the shared wording. */
const oneOf = (values) => optionalText.transform((v, ctx) => {
    if (v === undefined)
        return undefined;
    const n = (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalEnumValue */ .PF)(values, v);
    if (n === undefined) {
        ctx.addIssue((0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .invalidValueIssue */ .aA)(values, v));
        return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
    }
    return n;
});
const bool = () => optionalText.transform((v, ctx) => {
    if (v === undefined)
        return undefined;
    if (/^(true|yes|on|1)$/i.test(v))
        return true;
    if (/^(false|no|off|0)$/i.test(v))
        return false;
    ctx.addIssue({ code: 'custom', message: `expected true or false; got ${JSON.stringify(v)}` });
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
});
/** `Name: value` lines, as in `prometheus-headers`. */
function parseHeaderLines(text) {
    const headers = {};
    text.split(/\r?\n/).forEach((line, i) => {
        if (line.trim() === '' || line.trim().startsWith('#'))
            return;
        const m = /^\s*([A-Za-z0-9-]+)\s*:\s*(.*?)\s*$/.exec(line);
        if (!m) {
            // Never echo the line: it may carry a secret.
            throw new Error(`prometheus-headers line ${i + 1} must be "Name: value" (e.g. "X-Scope-OrgID: tenant-a")`);
        }
        headers[m[1]] = m[2];
    });
    return headers;
}
const OVERRIDE_LEVELS = ['none', 'warning', 'freeze', 'exhausted'];
/** Raw inputs by their documented (kebab-case) names. */
const gateInputsSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    'prometheus-url': optionalText.refine((v) => v === undefined || (0,_http_url_js__WEBPACK_IMPORTED_MODULE_4__/* .isHttpUrl */ .q)(v), {
        message: 'expected an http:// or https:// URL such as https://prometheus.example.com',
    }),
    'prometheus-token': optionalText,
    'prometheus-headers': optionalText.transform((v, ctx) => {
        if (v === undefined)
            return undefined;
        try {
            return parseHeaderLines(v);
        }
        catch (error) {
            ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
            return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
        }
    }),
    config: optionalText,
    environment: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9._ -]{1,255}$/.test(v), {
        message: 'expected a GitHub environment name (letters, digits, ".", "_", "-", spaces)',
    }),
    // Percent, as in the policy file: a fraction (0.999) would mean 0.999 % and let every deploy through.
    'slo-target': number('a percentage above 1 and below 100, e.g. 99.9').transform((v, ctx) => {
        if (v === undefined)
            return undefined;
        const problem = (0,_objective_js__WEBPACK_IMPORTED_MODULE_5__/* .objectiveProblem */ .h)(v);
        if (problem !== null) {
            ctx.addIssue({ code: 'custom', message: `${problem}; got ${v}` });
            return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
        }
        return v;
    }),
    window: duration(),
    'error-query': optionalText,
    'total-query': optionalText,
    'caution-threshold': number('a percentage, e.g. 80'),
    'warning-threshold': number('a percentage, e.g. 50'),
    'freeze-threshold': number('a percentage, e.g. 20'),
    'block-on': oneOf(_status_js__WEBPACK_IMPORTED_MODULE_6__/* .BLOCKABLE_STATUSES */ .dW),
    'on-error': oneOf(['block', 'allow']),
    mode: oneOf(['enforce', 'report']),
    'use-recording-rules': oneOf(['true', 'false', 'auto']),
    timeout: duration(),
    'report-path': optionalText,
    'dr-check': bool(),
    'dr-metric': optionalText,
    'dr-max-age': duration(),
    'pushgateway-url': optionalText.refine((v) => v === undefined || (0,_http_url_js__WEBPACK_IMPORTED_MODULE_4__/* .isHttpUrl */ .q)(v), {
        message: 'expected an http:// or https:// URL such as http://pushgateway:9091',
    }),
    override: oneOf(OVERRIDE_LEVELS),
    'override-reason': optionalText,
    // The class's name is checked against the policy's classes when it is used (resolve-change-class.ts).
    'change-class': optionalText.refine((v) => v === undefined || /^[a-z][a-z0-9-]{0,39}$/.test(v), {
        message: 'expected a change class such as rollback, security or hotfix (lower-case letters, digits, dashes)',
    }),
})
    // Unknown keys are the adapters' business (the Action also has github-token); keep them out.
    .strip();


/***/ }),

/***/ 9921:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ objectiveProblem)
/* harmony export */ });
/**
 * Objectives are percentages everywhere (the policy file, the `slo-target` input,
 * Sloth specs): 99.9 means 99.9 %. A fraction such as 0.999, natural to anyone
 * who reads the generated rules (`vector(0.999)`) or OpenSLO, would mean
 * 0.999 % and let every deploy through, so anything at or below 1 is refused.
 */
/** Why `value` is not an objective in percent, or null when it is one (above 1, below 100). */
function objectiveProblem(value) {
    if (Number.isNaN(value))
        return 'expected a percentage above 1 and below 100, e.g. 99.9';
    if (value >= 100)
        return 'expected a percentage below 100 (100% leaves no error budget), e.g. 99.9';
    if (value > 1)
        return null;
    const asPercent = Number((value * 100).toPrecision(10));
    const hint = value > 0 && value < 1 ? `did you mean ${asPercent}?` : 'did you mean 99.9?';
    return `expected a percentage above 1, e.g. 99.9: objectives are percentages, not fractions, so ${value} would mean ${value}%; ${hint}`;
}


/***/ }),

/***/ 8962:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ overlay),
/* harmony export */   Q: () => (/* binding */ isPlainObject)
/* harmony export */ });
/**
 * How one policy section lays over another, wherever the policy does it (an environment's section over the
 * top level, a repository's object over its organisation's): objects merge key by key, recursively; lists and
 * scalars replace; an undefined value changes nothing.
 */
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function overlay(base, over) {
    if (over === undefined)
        return base;
    if (!isPlainObject(base) || !isPlainObject(over))
        return over;
    const out = { ...base };
    for (const [key, value] of Object.entries(over))
        if (value !== undefined)
            out[key] = overlay(out[key], value);
    return out;
}


/***/ }),

/***/ 5442:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ PERMISSIONS)
/* harmony export */ });
/** GitHub repository roles, lowest first (custom roles rank as their base permission). */
const PERMISSIONS = ['read', 'triage', 'write', 'maintain', 'admin'];


/***/ }),

/***/ 5833:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ PolicyError)
/* harmony export */ });
class PolicyError extends Error {
    source;
    issues;
    name = 'PolicyError';
    constructor(source, issues) {
        super(`${source}: ${issues.length === 1 ? 'invalid value' : `${issues.length} invalid values`}\n${issues.map((i) => `  - ${i.path || '(top level)'}: ${i.message}`).join('\n')}`);
        this.source = source;
        this.issues = issues;
    }
}


/***/ }),

/***/ 7163:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S5: () => (/* binding */ expectedOneOf),
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   eZ: () => (/* binding */ toPolicyIssues),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   wR: () => (/* binding */ policyErrorFromZod)
/* harmony export */ });
/* harmony import */ var _policy_error_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5833);

/** Dotted path for a zod issue path: `slos[0].sli.events.error`. */
function formatPath(path) {
    return path.reduce((acc, key) => {
        if (typeof key === 'number')
            return `${acc}[${key}]`;
        const k = String(key);
        return acc === '' ? k : `${acc}.${k}`;
    }, '');
}
/** The field as its source spells it: a flag gets its dashes. */
function fieldName(path, origin = 'file') {
    const dotted = formatPath(path);
    return origin === 'flag' && dotted !== '' ? `--${dotted}` : dotted;
}
/** How a value is quoted in messages: JSON, cut at 80 characters. */
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    // JSON has no NaN or Infinity (it would print them as null): a YAML .nan or .inf is shown as written.
    if (typeof value === 'number' && !Number.isFinite(value))
        return String(value);
    const json = JSON.stringify(value);
    if (json === undefined)
        return String(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
/** "expected one of A, B, C; got "x"": the one wording for a value outside a set. */
function expectedOneOf(values, got) {
    const list = values.map((v) => (typeof v === 'string' ? v : describeValue(v)));
    return `${list.length === 1 ? `expected ${list[0]}` : `expected one of ${list.join(', ')}`}; got ${describeValue(got)}`;
}
function valueAt(root, path) {
    let cur = root;
    for (const key of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[key];
    }
    return cur;
}
/**
 * Zod issues as fix-it lines that name the field, the value and the accepted form.
 * @param input what was parsed, to quote the value as given (mask secrets before passing it)
 * @param origin where the values came from, for the field's spelling
 */
function toPolicyIssues(error, input, origin = 'file') {
    return error.issues.map((issue) => {
        const path = fieldName(issue.path, origin);
        if (issue.code === 'unrecognized_keys') {
            return {
                path,
                message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against the JSON Schema in schema/deploy-governor.schema.json)`,
            };
        }
        const value = valueAt(input, issue.path);
        // zod's own wording ("Invalid option: …") becomes the shared one; a schema's custom message is kept.
        if (issue.code === 'invalid_value' && /^Invalid (option|input)\b/.test(issue.message))
            return { path, message: expectedOneOf(issue.values, value) };
        const got = issue.code === 'invalid_type' && value === undefined ? 'missing' : `got ${describeValue(value)}`;
        const message = issue.message.replace(/^Invalid input: /, '');
        // Messages that already quote the value they got keep their own wording.
        return { path, message: /\bgot\b/.test(message) ? message : `${message} (${got})` };
    });
}
/** Where each origin's values come from, as PolicyError names it. */
const ORIGIN_SOURCE = { input: 'action inputs', flag: 'command line' };
/**
 * A PolicyError for a failed parse: the adapters' one call for the file (source =
 * its path), the Action's inputs and the CLI's flags.
 */
function policyErrorFromZod(error, input, origin, source) {
    return new _policy_error_js__WEBPACK_IMPORTED_MODULE_0__/* .PolicyError */ .p(source ?? (origin === 'file' ? '.github/deploy-governor.yml' : ORIGIN_SOURCE[origin]), toPolicyIssues(error, input, origin));
}


/***/ }),

/***/ 1957:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HM: () => (/* binding */ postmortemsSchema),
/* harmony export */   oX: () => (/* binding */ resolveActionItemRule)
/* harmony export */ });
/* unused harmony export resolvePostmortemPolicy */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5491);
/* harmony import */ var _policy_duration_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7098);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8571);
/* harmony import */ var _policy_permissions_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5442);
/* harmony import */ var _priorities_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4624);
/**
 * The policy file's `postmortems` section (a contract: documented in full) and
 * its resolution to defaults. Top-level only: postmortems belong to the
 * repository, not to one environment.
 */





const labelName = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .min(1)
    .max(50)
    .refine((s) => !s.includes(','), { message: 'expected a GitHub label name (at most 50 characters, no comma)' });
/** A GitHub login, an `org/team` slug, or `$author` (whoever opened the postmortem). */
const approverSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .regex(/^(\$author|[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?)$/, {
    message: 'expected a GitHub login (octocat), a team as org/team-slug (my-org/sre), or $author',
})
    .meta({ examples: ['octocat', 'my-org/sre', '$author'] });
/** One row of the approvals table. */
const approvalRoleSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    role: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .min(1)
        .max(60)
        .regex(/^[^|\n\r<>`[\]]+$/, { message: 'expected a plain role name without |, <, >, backticks or brackets' })
        .meta({ description: 'Role shown in the approvals table, e.g. "Service owner".' }),
    approvers: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(approverSchema)
        .min(1)
        .meta({ description: "Who may tick this role's box: logins, org/team slugs (any member), or `$author`." }),
})
    .meta({ description: 'A role that must approve a postmortem before it is published.' });
/** Label equality matchers of the Alertmanager route. */
const alertSelector = zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { message: 'expected a Prometheus label name' }), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP())
    .meta({ description: 'Labels an alert must carry, with these exact values, to open an incident and a postmortem.' });
const P0_ABOVE_FORM = "expected percentage points of an SLO's error budget, a number above 0 and at most 10000 (e.g. 20), or off";
/** Postmortems and their action items, run in the repository's issues by the app and the CLI. */
const postmortemsSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    'incident-label': labelName.optional().meta({ description: 'Label of incident issues.', default: 'incident' }),
    label: labelName.optional().meta({ description: 'Label of postmortem issues.', default: 'postmortem' }),
    'required-severities': zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(labelName)
        .optional()
        .meta({
        description: 'Severity labels whose incidents require a postmortem: closing such an incident opens one automatically, and coverage counts them.',
        default: ['sev1', 'sev2'],
    }),
    'command-permission': zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(_policy_permissions_js__WEBPACK_IMPORTED_MODULE_3__/* .PERMISSIONS */ .J)
        .optional()
        .meta({ description: 'Lowest repository role that may run `/postmortem <title>` in a comment.', default: 'triage' }),
    template: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional().meta({
        description: 'Path of a custom postmortem template in the repository (placeholders such as {{title}}, {{date}}, {{incident}}, {{severity}}, {{duration}}); the built-in blameless template is used when the file does not exist.',
        default: '.github/deploy-governor/postmortem.md',
    }),
    'docs-path': zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .min(1)
        .regex(/^[^/].*[^/]$|^[^/]$/, {
        message: 'expected a directory path relative to the repository root, without leading or trailing slash',
    })
        .optional()
        .meta({ description: 'Directory where published postmortems are committed as YYYY-MM-DD-<title>.md.', default: 'docs/postmortems' }),
    approvals: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(approvalRoleSchema).min(1).optional().meta({
        description: 'The approvals table. When every box is ticked the postmortem is published. Default: one row, Author, approved by whoever opened the postmortem (for one opened by Alertmanager: anyone with maintain).',
    }),
    'publish-reminder-after': _policy_duration_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .s
        .optional()
        .meta({ description: 'Remind on a postmortem still unpublished this long after its incident ended.', default: '7d' }),
    alertmanager: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        selector: alertSelector.optional().meta({ default: { severity: 'critical' } }),
        severity: labelName.optional().meta({ description: 'Severity label given to incidents opened from alerts.', default: 'sev1' }),
    })
        .optional()
        .meta({ description: "Incidents opened from resolved Alertmanager alerts (the app's POST /deploy-governor/alertmanager)." }),
    goals: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        'time-to-postmortem': _policy_duration_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .s
            .optional()
            .meta({ description: 'Median time from incident end to published postmortem.', default: '7d' }),
        'completion-rate': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
            .min(0)
            .max(100)
            .optional()
            .meta({ description: 'Share (%) of action items closed within 30 days of being opened.', default: 90 }),
        coverage: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
            .min(0)
            .max(100)
            .optional()
            .meta({ description: 'Share (%) of incidents of a required severity that have a postmortem.', default: 100 }),
    })
        .optional()
        .meta({ description: 'Goals the reliability report measures against.' }),
    'action-items': zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        'block-on-overdue': zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(_priorities_js__WEBPACK_IMPORTED_MODULE_4__/* .PRIORITIES */ .B))
            .optional()
            .meta({
            description: "Priorities whose overdue action items block `feature` deploys (other change classes pass). `[]` blocks nothing. An item is overdue once its due date (a whole day, UTC) and the grace have passed; only the app's own open `action-item` issues count.",
            default: ['P0'],
        }),
        grace: _policy_duration_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .s.optional().meta({
            description: 'How long after the end of its due day (UTC) an item may stay open before it blocks. Absent: no grace (the due day itself counts in full).',
        }),
        enforcement: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['enforce', 'advisory']).optional().meta({
            description: '`advisory`: overdue items are reported as "would have blocked" (rule `action-items`) and never block.',
            default: 'enforce',
        }),
    })
        .optional()
        .meta({ description: 'Postmortem debts: overdue action items gate feature deploys (the Action, the CLI and the protection rule).' }),
    'require-p0-above': zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig({ error: P0_ABOVE_FORM }).positive({ error: P0_ABOVE_FORM }).max(10_000, { error: P0_ABOVE_FORM }), zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('off')], { error: P0_ABOVE_FORM })
        .optional()
        .meta({
        description: "An incident that consumed more than this many percentage points of an SLO's error budget (the app's own measurement, budget remaining at the incident's start minus at its end) cannot be published until it has a P0 action item with an owner and a due date (the workbook's 20% rule). May exceed 100 (an incident can overspend). `off`: no such rule, and no incident is opened for a burn.",
        default: 20,
    }),
    'burn-incident-within': zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([_policy_duration_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSchema */ .s, zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('off')])
        .optional()
        .meta({
        description: "The app's sweep measures each SLO's budget consumed over this trailing window and, when it exceeds `require-p0-above` and no incident the app opened is open, opens one (once per SLO, environment and UTC day; never again while the same burn is within the window). Needs a `postmortems` section and Prometheus reachable by the app. `off`: the sweep opens none.",
        default: '24h',
    }),
})
    .meta({ description: 'Postmortems and action items tracked in GitHub issues (the app and `deploy-governor postmortems`).' });
/** The debt rule of a policy: null (off) when it has no `postmortems` section. */
function resolveActionItemRule(config) {
    if (config === undefined)
        return null;
    const c = config['action-items'] ?? {};
    return {
        blockOnOverdue: c['block-on-overdue'] ?? ['P0'],
        graceMs: c.grace === undefined ? 0 : (0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDurationMs */ .yi)(c.grace),
        advisory: c.enforcement === 'advisory',
    };
}
function requireP0AbovePct(c) {
    const value = c['require-p0-above'] ?? 20;
    return value === 'off' ? null : value;
}
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
        actionItems: resolveActionItemRule(c),
        requireP0AbovePct: requireP0AbovePct(c),
        // Opening issues unasked is opt-in: only a policy with a postmortems section gets burn incidents.
        burnIncidentWithinMs: config === undefined || c['burn-incident-within'] === 'off' || requireP0AbovePct(c) === null
            ? null
            : parseDurationMs(c['burn-incident-within'] ?? '24h'),
    };
}


/***/ }),

/***/ 4624:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ PRIORITIES)
/* harmony export */ });
/** Priorities an action item may carry, most urgent first (the error-budget policy's P0: the fix that must ship). */
const PRIORITIES = ['P0', 'P1', 'P2', 'P3'];


/***/ }),

/***/ 9736:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ limitConcurrency),
/* harmony export */   n: () => (/* binding */ DEFAULT_QUERY_CONCURRENCY)
/* harmony export */ });
const DEFAULT_QUERY_CONCURRENCY = 8;
function limitConcurrency(inner, max) {
    let running = 0;
    const waiting = [];
    const acquire = () => (running < max ? (running++, Promise.resolve()) : new Promise((resolve) => waiting.push(resolve)));
    const release = () => {
        const next = waiting.shift();
        if (next)
            next();
        else
            running--;
    };
    const limited = async (run) => {
        await acquire();
        try {
            return await run();
        }
        finally {
            release();
        }
    };
    const rangeOf = inner.queryRange?.bind(inner);
    return {
        displayUrl: inner.displayUrl,
        query: (promql, time) => limited(() => inner.query(promql, time)),
        ...(rangeOf ? { queryRange: (promql, range) => limited(() => rangeOf(promql, range)) } : {}),
    };
}


/***/ }),

/***/ 6399:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ PrometheusQueryError)
/* harmony export */ });
class PrometheusQueryError extends Error {
    kind;
    details;
    name = 'PrometheusQueryError';
    constructor(kind, message, 
    /** `refusedAddress`: the app's checked fetch refused the address after resolving it; nothing was sent. */
    details) {
        super(message);
        this.kind = kind;
        this.details = details;
    }
}


/***/ }),

/***/ 2124:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CZ: () => (/* binding */ promString),
/* harmony export */   NB: () => (/* binding */ renderWindowQuery),
/* harmony export */   Pl: () => (/* binding */ normalizeSelector),
/* harmony export */   Qn: () => (/* binding */ hasWindowPlaceholder),
/* harmony export */   RZ: () => (/* binding */ HISTORY_PROBE_WINDOW),
/* harmony export */   U$: () => (/* binding */ leMatcher),
/* harmony export */   XN: () => (/* binding */ sumOf),
/* harmony export */   YQ: () => (/* binding */ lastValueQuery),
/* harmony export */   sE: () => (/* binding */ oldestDataQuery),
/* harmony export */   yN: () => (/* binding */ matchers)
/* harmony export */ });
/**
 * PromQL text building shared by the gate (src/core/evaluate/), the SLI kinds
 * (src/core/sli/) and the generators (src/core/generate/): one place for how a
 * window is put into a query, how matchers are joined, how a histogram bucket is
 * matched and how a gauge's last value is read, so the gate reads exactly what
 * the rules record.
 */
const WINDOW_PLACEHOLDER = /\{\{\s*\.?window\s*\}\}/g;
/** True when a template has a `{{window}}` (or Sloth's `{{.window}}`) placeholder. */
function hasWindowPlaceholder(template) {
    return new RegExp(WINDOW_PLACEHOLDER.source).test(template);
}
/** Substitute the window into a `{{window}}` / `{{.window}}` template. */
function renderWindowQuery(template, window) {
    return template.replace(WINDOW_PLACEHOLDER, window);
}
/** Label matchers joined with extra ones: `job="api"` + `le="0.3"` → `{job="api", le="0.3"}`; empty when none. */
function matchers(...parts) {
    const kept = parts.filter((p) => p.trim() !== '');
    return kept.length > 0 ? `{${kept.join(', ')}}` : '';
}
/** Label matchers as the policy may write them, with or without braces: `{job="api"}` → `job="api"`. */
function normalizeSelector(selector) {
    if (!selector)
        return '';
    const trimmed = selector.trim();
    return trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1).trim() : trimmed;
}
/** A PromQL double-quoted string literal. */
function promString(value) {
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
function leMatcher(threshold) {
    const text = String(threshold);
    if (/e/i.test(text))
        return `le=${promString(text)}`;
    const [whole, fraction] = text.split('.');
    return fraction === undefined ? `le=~"${whole}([.]0*)?"` : `le=~"${whole}[.]${fraction}0*"`;
}
/** Index of the parenthesis closing the one at `open`, skipping quoted strings; -1 when unbalanced. */
function closingParen(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (c === '"' || c === "'" || c === '`') {
            const quote = c;
            for (i++; i < text.length && text[i] !== quote; i++)
                if (text[i] === '\\' && quote !== '`')
                    i++;
            continue;
        }
        if (c === '(')
            depth++;
        else if (c === ')' && --depth === 0)
            return i;
    }
    return -1;
}
/**
 * `sum(query)`, or the query itself when it already is one plain `sum(...)`:
 * one series without labels either way, so the generated rules can attach theirs.
 */
function sumOf(query) {
    const q = query.trim();
    const open = q.match(/^sum\s*\(/)?.[0].length;
    if (open !== undefined && closingParen(q, open - 1) === q.length - 1)
        return q;
    return `sum(${q})`;
}
/** The newest value of a gauge within a lookback (a gauge pushed daily is stale for an instant query after 5 minutes). */
function lastValueQuery(selector, lookback, aggregate = 'max') {
    return `${aggregate}(last_over_time(${selector}[${lookback}]))`;
}
/** Step of the history query: the report speaks of history in days. */
const HISTORY_STEP = '1d';
/** Range of the probe evaluated at each step: long enough for two samples at any usual scrape interval. */
const HISTORY_PROBE_WINDOW = '1h';
/**
 * When the data behind an SLO begins, within its window: the earliest day
 * boundary at which `probe` (the SLI's traffic query over one hour) returned
 * anything. Day-aligned steps with a one-hour probe read 1/24 of the samples the
 * window's own query reads, whatever the window; the answer is exact to a day.
 * `timestamp()` of a computed vector is its evaluation time, so the minimum over
 * the subquery is the first step that had data. Empty when no step had data.
 */
function oldestDataQuery(probe, window) {
    return `min_over_time(timestamp(${probe})[${window}:${HISTORY_STEP}])`;
}


/***/ }),

/***/ 3796:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B0: () => (/* binding */ formatRatio),
/* harmony export */   Bs: () => (/* binding */ numberOutput),
/* harmony export */   Do: () => (/* binding */ daysOutput),
/* harmony export */   Tr: () => (/* binding */ formatBurnRate),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   n1: () => (/* binding */ formatDays),
/* harmony export */   nV: () => (/* binding */ formatAge)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8571);
/** Number formatting shared by every rendering (summary, check run, CLI, PR comment). */

function formatPercent(value, digits = 1) {
    return value === null ? 'n/a' : `${value.toFixed(digits)}%`;
}
function formatRatio(value) {
    return value === null ? 'n/a' : `${(value * 100).toFixed(3)}%`;
}
function formatBurnRate(value) {
    return value === null ? 'n/a' : `${value.toFixed(2)}x`;
}
function formatDays(value) {
    if (value === null)
        return 'n/a';
    if (value === 'inf')
        return '∞';
    return value.toFixed(1);
}
function formatAge(seconds) {
    return seconds === null ? 'missing' : (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .humanDuration */ .UU)(seconds);
}
/** Output form of days to exhaustion: a number, `inf`, or empty when unknown. */
function daysOutput(value) {
    if (value === null)
        return '';
    if (value === 'inf')
        return 'inf';
    return String(Number(value.toFixed(2)));
}
/** Output form of a number: rounded for humans, empty when unknown. */
function numberOutput(value, digits = 2) {
    return value === null ? '' : String(Number(value.toFixed(digits)));
}


/***/ }),

/***/ 5560:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L_: () => (/* binding */ inertLimited),
/* harmony export */   tJ: () => (/* binding */ inert)
/* harmony export */ });
/* unused harmony export inertUrl */
/**
 * Renders text that users control (override reasons, SLO and window names,
 * branch names, messages that quote queries) inert inside a GitHub comment: no
 * mention or team ping notifies anyone, no HTML renders, no markdown breaks out
 * of its place, no issue reference links, and nothing can pose as our marker.
 */
const ZWSP = '\u200b';
/** Inline text: one line, every markdown control character escaped. */
function inert(text) {
    return (text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
        // Bidirectional embeddings, overrides and isolates: they would reorder the text that follows, ours included.
        .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
        .replace(/\r?\n|\r/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // Markdown punctuation that could open links, emphasis, code, tables or headings.
        .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
        // @user and @org/team: a zero-width space after @ keeps the text but stops the ping.
        .replace(/@/g, `@${ZWSP}`)
        // #123 and owner/repo#123 cross-references.
        .replace(/#(?=\d)/g, `#${ZWSP}`)
        // GH-123 references link like #123.
        .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`)
        // Bare URLs (scheme:// and www.) stay visible but do not autolink into something clickable and misleading.
        .replace(/:\/\//g, `:${ZWSP}//`)
        .replace(/\b(www)\./gi, `$1${ZWSP}.`));
}
/** A value inside a table cell or list item, capped so one field cannot flood the comment. */
function inertLimited(text, max = 500) {
    const clipped = text.length > max ? `${text.slice(0, max)}…` : text;
    return inert(clipped);
}
/**
 * A URL safe as a markdown link target: http(s) only, normalised by the URL
 * parser (which percent-encodes spaces, quotes and angle brackets), with the
 * parentheses that would end the target encoded too. Null for anything else.
 */
function inertUrl(value) {
    if (!value)
        return null;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return null;
    return url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}


/***/ }),

/***/ 9973:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fM: () => (/* binding */ decisionHeadline),
  Br: () => (/* binding */ renderSummary),
  xR: () => (/* binding */ tableCell)
});

;// CONCATENATED MODULE: ./src/core/render/escalation.ts
/**
 * The policy's `escalation` as a real mention (issue 16): the one name in a
 * rendered report that is deliberately not made inert, because the policy
 * chose it to be notified. Adapters pass it only from a policy they trust for
 * decisions (the app: the default branch's; never a check run's report), and
 * it is checked again here against the form the schema accepts, so nothing
 * else can ride along.
 */
const ESCALATION = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?$/;
/** The line that names who decides disagreements, or null when there is nobody (or the value is not a login or team). */
function escalationLine(escalation, lead = 'Disagree with this decision?') {
    if (escalation === null || escalation === undefined || !ESCALATION.test(escalation))
        return null;
    return `**${lead}** The policy names @${escalation} to decide (escalation).`;
}

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __nccwpck_require__(8571);
// EXTERNAL MODULE: ./src/core/render/format-values.ts
var format_values = __nccwpck_require__(3796);
// EXTERNAL MODULE: ./src/core/render/inert-markdown.ts
var inert_markdown = __nccwpck_require__(5560);
;// CONCATENATED MODULE: ./src/core/render/budget-chart.ts
/**
 * Each SLO's budget history as two small Mermaid `xychart-beta` charts (GitHub
 * renders Mermaid in job summaries, check runs, issues and PR comments): the
 * budget remaining across the window (a line that never rises), and the burn
 * rate of each step (bars, with a line at 1x, the rate that spends exactly the
 * budget over the window). A one-line caption says the same in words, for
 * screen readers and wherever Mermaid does not render; the table beside it
 * keeps every figure. The CLI's plain text draws no chart.
 *
 * Plain string code, no dependency: the Action bundles it. Every number in the
 * Mermaid source is one this code formats (fixed-point, no exponent, clamped),
 * whatever the report says. Every text that comes from the report (SLO name,
 * window) goes through `mermaidText`, which keeps letters, digits and a few
 * harmless marks: no quote can end a Mermaid string, no line break or `;` can
 * start a statement, no `%%` a comment or directive, no `-->` an arrow, no `<`
 * HTML, no `[`/`]` a data list, no `@`, `#` or `://` a mention, reference or
 * link. The report may come from any workflow (the app reads it from a check
 * run), so the history's size is bounded here too.
 */



/** Most points drawn per chart (the newest ones): what the gate writes, bounded for any report. */
const CHART_MAX_POINTS = 30;
/** Longest label drawn from user text. */
const MAX_LABEL_CHARS = 60;
/** Values beyond this are drawn at it (a hostile report cannot make a number print in exponent form). */
const VALUE_LIMIT = 1_000_000;
const ZWSP = '\u200b';
/**
 * Text inert inside a Mermaid quoted string or an `accTitle:`/`accDescr:` line:
 * letters and digits of any script, spaces and `. _ - , ( ) + ' /` only (anything
 * else becomes a space), one line, at most 60 characters; `www.` and `GH-1`
 * broken with a zero-width space as in markdown, so nothing autolinks.
 */
function mermaidText(text, max = MAX_LABEL_CHARS) {
    const kept = text
        .normalize('NFC')
        .replace(/[^\p{L}\p{N} ._\-,()+'/]/gu, ' ')
        .replace(/ {2,}/g, ' ')
        .trim();
    const clipped = kept.length > max ? `${kept.slice(0, max - 1).trimEnd()}…` : kept;
    return clipped.replace(/\b(www)\./gi, `$1${ZWSP}.`).replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`);
}
/** A number as Mermaid's lexer reads it: fixed-point, `digits` decimals at most, trailing zeros dropped, within ±1,000,000. */
function mermaidNumber(value, digits = 2) {
    const v = Number.isFinite(value) ? Math.max(-VALUE_LIMIT, Math.min(VALUE_LIMIT, value)) : 0;
    const text = v
        .toFixed(digits)
        .replace(/(\.\d*?)0+$/, '$1')
        .replace(/\.$/, '');
    return text === '-0' ? '0' : text;
}
/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `value`. */
function niceCeil(value) {
    if (value <= 0)
        return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 2.5, 5, 10].map((m) => m * power).find((c) => c >= value - 1e-12) ?? 10 * power;
}
/** The drawable part of an SLO's history, or null when it has none worth drawing (fewer than two points, an unreadable step). */
function chartData(slo) {
    const h = slo.history;
    if (!h || !(0,duration/* isDuration */.n$)(h.step))
        return null;
    const points = h.points.slice(-CHART_MAX_POINTS);
    if (points.length < 2)
        return null;
    return {
        name: slo.name,
        window: slo.window,
        step: h.step,
        stepSeconds: (0,duration/* parseDurationMs */.yi)(h.step) / 1000,
        budget: points.map((p) => p.budgetRemaining),
        burn: points.map((p) => p.burnRate),
    };
}
/** The x axis: steps before the evaluation, in days for long spans and hours (or minutes) for short ones. */
function xAxis(d) {
    const span = (d.budget.length - 1) * d.stepSeconds;
    const [unit, seconds] = span >= 2 * 86_400 ? ['days', 86_400] : span >= 2 * 3_600 ? ['hours', 3_600] : ['minutes', 60];
    return `  x-axis "${unit} before the evaluation" ${mermaidNumber(-span / seconds)} --> 0`;
}
/**
 * A Mermaid block with its size and colours, a few hundred characters plus the data. Colours are CSS names:
 * a hex colour such as `#1f77b4` reads as an issue reference (`#1…`) to the markdown checks that every
 * rendering passes (test/unit/fuzz-report.test.ts).
 */
function mermaidBlock(palette, lines) {
    return [
        '```mermaid',
        `%%{init: {"xyChart": {"width": 640, "height": 240}, "themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
        'xychart-beta',
        ...lines,
        '```',
    ];
}
function budgetChart(d) {
    const name = mermaidText(d.name) || 'SLO';
    const window = mermaidText(d.window, 20);
    const values = d.budget.map((v) => mermaidNumber(v));
    const lowest = Math.min(...d.budget);
    // Never above 100 from the gate; a report that says otherwise still gets an axis that holds it.
    const top = Math.max(100, Math.ceil(Math.min(Math.max(...d.budget), VALUE_LIMIT) / 10) * 10);
    // Below 0 (an overspent budget), down to the next multiple of 10.
    const floor = lowest >= 0 ? 0 : Math.floor(Math.max(lowest, -VALUE_LIMIT) / 10) * 10;
    return mermaidBlock('steelblue', [
        `  accTitle: ${name} error budget remaining over ${window}`,
        `  accDescr: From ${values[0]} to ${values[values.length - 1]} percent, one point per ${mermaidText(d.step, 20)} step`,
        `  title "${name}: budget remaining (%) over ${window}"`,
        xAxis(d),
        `  y-axis "budget remaining (%)" ${mermaidNumber(floor)} --> ${mermaidNumber(top)}`,
        `  line [${values.join(', ')}]`,
    ]);
}
function burnChart(d) {
    const name = mermaidText(d.name) || 'SLO';
    const step = mermaidText(d.step, 20);
    const known = d.burn.filter((b) => b !== null);
    const highest = known.length > 0 ? Math.max(...known) : 0;
    const top = niceCeil(Math.max(1.2, Math.min(highest, VALUE_LIMIT) * 1.1));
    const missing = d.burn.length - known.length;
    return mermaidBlock('darkorange, crimson', [
        `  accTitle: ${name} burn rate per ${step} step`,
        `  accDescr: Highest ${mermaidNumber(highest)}x; the line marks 1x, the rate that spends the budget over the window${missing > 0 ? `; ${missing} steps without data are drawn at 0` : ''}`,
        `  title "${name}: burn rate per ${step} (line: 1x)"`,
        xAxis(d),
        `  y-axis "burn rate (x)" 0 --> ${mermaidNumber(top)}`,
        `  bar [${d.burn.map((b) => mermaidNumber(b ?? 0, 3)).join(', ')}]`,
        `  line [${d.burn.map(() => '1').join(', ')}]`,
    ]);
}
/** The caption: the charts in words (markdown, inert). */
function caption(d) {
    const known = d.burn.filter((b) => b !== null);
    const missing = d.burn.length - known.length;
    const peak = known.length > 0
        ? `burn rate per ${(0,inert_markdown/* inert */.tJ)(d.step)} step up to ${(0,format_values/* formatBurnRate */.Tr)(Math.max(...known))}`
        : 'no burn rate (no step had data)';
    return `**${(0,inert_markdown/* inert */.tJ)(d.name)}**: budget ${(0,format_values/* formatPercent */.l9)(d.budget[0])} → ${(0,format_values/* formatPercent */.l9)(d.budget[d.budget.length - 1])} over the last ${d.budget.length} steps of ${(0,inert_markdown/* inert */.tJ)(d.window)}; ${peak}${missing > 0 && known.length > 0 ? ` (${missing} steps without data)` : ''}.`;
}
/** One SLO's caption and charts as markdown lines; empty when it has no history worth drawing. */
function renderSloCharts(slo) {
    const d = chartData(slo);
    if (d === null)
        return [];
    return [caption(d), '', ...budgetChart(d), '', ...burnChart(d), ''];
}
/**
 * The charts section of a markdown rendering: the SLOs with a history, at most
 * `maxSlos` of them, the worst first when some must be left out.
 * @param more what to say when SLOs were left out (e.g. "see the job summary")
 */
function renderChartsSection(report, options = {}) {
    const charted = report.slos.filter((s) => chartData(s) !== null);
    if (charted.length === 0)
        return [];
    const max = options.maxSlos ?? charted.length;
    const shown = charted.length <= max ? charted : [...charted].sort((a, b) => (a.budgetRemaining ?? 0) - (b.budgetRemaining ?? 0)).slice(0, max);
    const lines = ["**Budget over the window** (how the window's error budget was spent, step by step; the table has the figures)", ''];
    for (const slo of shown)
        lines.push(...renderSloCharts(slo));
    if (shown.length < charted.length)
        lines.push(`Charts of ${charted.length - shown.length} more SLOs${options.more ? `: ${options.more}` : ''}.`, '');
    return lines;
}

;// CONCATENATED MODULE: ./src/core/render/render-exclusions.ts


/** Most rows the section lists (a daily exclusion over 30 days is 31); the report has them all. */
const MAX_ROWS = 20;
const count = (n) => Math.round(n).toLocaleString('en-US');
/** The exclusions section, or nothing when no exclusion overlapped an SLO window. */
function renderExclusions(report) {
    const rows = report.slos.flatMap((s) => (s.exclusions ?? []).map((x) => ({ slo: s.name, ...x })));
    const refused = (report.exclusions ?? []).filter((a) => a.admission === 'refused');
    const retroactive = (report.exclusions ?? []).filter((a) => a.admission === 'authorized-role');
    if (rows.length === 0 && refused.length === 0)
        return [];
    const lines = ['**Budget exclusions**', ''];
    if (rows.length > 0) {
        lines.push('| SLO | Exclusion | Kind | From | To | Events left out | Errors returned | Budget returned |');
        lines.push('| --- | --- | --- | --- | --- | ---: | ---: | ---: |');
        for (const r of rows.slice(0, MAX_ROWS)) {
            lines.push(`| ${(0,inert_markdown/* inertLimited */.L_)(r.slo, 100)} | ${(0,inert_markdown/* inertLimited */.L_)(r.name, 100)} | ${r.kind} | ${(0,inert_markdown/* inertLimited */.L_)(r.from, 40)} | ${(0,inert_markdown/* inertLimited */.L_)(r.to, 40)} | ${count(r.eventsExcluded)} | ${count(r.errorsReturned)} | ${(0,format_values/* formatPercent */.l9)(r.budgetReturned)} |`);
        }
        if (rows.length > MAX_ROWS)
            lines.push(`| … ${rows.length - MAX_ROWS} more in the JSON report | | | | | | | |`);
        lines.push('');
    }
    for (const a of retroactive.slice(0, MAX_ROWS))
        lines.push(`- Retroactive, applied: ${(0,inert_markdown/* inertLimited */.L_)(a.name, 100)} (${a.kind}): ${(0,inert_markdown/* inertLimited */.L_)(a.note)}`);
    for (const a of refused.slice(0, MAX_ROWS))
        lines.push(`- Not applied: ${(0,inert_markdown/* inertLimited */.L_)(a.name, 100)} (${a.kind}, ${(0,inert_markdown/* inertLimited */.L_)(a.reason, 200)}): ${(0,inert_markdown/* inertLimited */.L_)(a.note)}`);
    if (retroactive.length + refused.length > 0)
        lines.push('');
    return lines;
}

;// CONCATENATED MODULE: ./src/core/render/render-summary.ts
/**
 * The report as markdown: the job summary, the check run's summary and the CLI's
 * `--format markdown`. Text that a repository controls (window names, reasons,
 * messages quoting queries) goes through `tableCell`/`inline` so it cannot break
 * the layout. Below the SLO table, each SLO with a budget history gets its
 * Mermaid charts (budget-chart.ts); the table stays, for screen readers.
 */





const STATUS_ICON = {
    NORMAL: '🟢',
    CAUTION: '🟡',
    WARNING: '🟠',
    FREEZE: '🔵',
    EXHAUSTED: '🔴',
    UNKNOWN: '⚪',
};
/**
 * Make text safe inside a markdown table cell or a list item: the same inert
 * rendering as the app's pull-request comments (no mention, HTML, link, heading
 * or issue reference can come from it), since the check run's summary shows it on GitHub too.
 */
function tableCell(text) {
    return (0,inert_markdown/* inert */.tJ)(text);
}
function decisionHeadline(report) {
    const d = report.decision;
    const verdict = d.overridden ? 'ALLOWED BY OVERRIDE' : d.canDeploy ? 'ALLOWED' : 'BLOCKED';
    return `${STATUS_ICON[d.status] ?? ''} ${verdict} — ${d.status}`;
}
/** A guard whose window had no data is unknown, never "no". */
function guardState(g) {
    if (g.state === 'unknown')
        return '❔ unknown (no data)';
    return g.triggered ? '🔥 yes' : 'no';
}
function renderSummary(report) {
    const d = report.decision;
    const lines = [];
    lines.push(`## deploy-governor: ${tableCell(report.environment)} — ${decisionHeadline(report)}`, '');
    const why = d.status === 'UNKNOWN'
        ? `the policy could not be evaluated (on-error: ${d.onError})`
        : d.canDeploy
            ? `status ${d.status} is below block-on ${d.blockOn}`
            : `status ${d.status} is at or past block-on ${d.blockOn}`;
    lines.push(`**Decision:** ${d.overridden ? 'deploy allowed by an authorized override' : d.canDeploy ? 'deploy allowed' : 'deploy blocked'}: ${why}.${d.mode === 'report' ? ' Mode is `report`: the step does not fail.' : ''}`, '');
    if (report.override) {
        const o = report.override;
        lines.push(`**Override:** level \`${o.level}\` by ${tableCell(o.actor)} (${tableCell(o.permission)})${o.approvers.length > 0 ? `, approved by ${o.approvers.map(tableCell).join(', ')}` : ''}: ${tableCell(o.reason)}`, '');
    }
    if (report.policySources)
        lines.push(`**Policy:** ${report.policySources.chain.map((f) => tableCell(f)).join(' extends ')}`, '');
    lines.push('| SLO | Objective | Window | Error ratio | Budget remaining | Burn rate (1h) | Days to exhaustion | Status |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const s of report.slos) {
        // A window longer than the stored history says how much of it the figures cover.
        const window = s.historyDays === undefined
            ? tableCell(s.window)
            : `${tableCell(s.window)} (${s.historyDays < 1 ? 'under 1 day' : `about ${s.historyDays.toFixed(1)} days`} of data)`;
        lines.push(`| ${tableCell(s.name)} | ${s.objective}% | ${window} | ${(0,format_values/* formatRatio */.B0)(s.errorRatio)} | ${(0,format_values/* formatPercent */.l9)(s.budgetRemaining)} | ${(0,format_values/* formatBurnRate */.Tr)(s.burnRate)} | ${(0,format_values/* formatDays */.n1)(s.daysToExhaustion)} | ${STATUS_ICON[s.status]} ${s.status} |`);
    }
    lines.push('');
    lines.push(...renderExclusions(report));
    lines.push(...renderChartsSection(report));
    const guards = report.slos.flatMap((s) => s.guards.map((g) => ({ slo: s.name, ...g })));
    if (guards.length > 0) {
        lines.push('**Fast-burn guards**', '');
        lines.push('| SLO | Guard | Long window | Short window | Factor | Triggered |');
        lines.push('| --- | --- | ---: | ---: | ---: | --- |');
        for (const g of guards) {
            lines.push(`| ${tableCell(g.slo)} | ${tableCell(g.name)} | ${(0,format_values/* formatBurnRate */.Tr)(g.longBurnRate)} over ${tableCell(g.long)} | ${(0,format_values/* formatBurnRate */.Tr)(g.shortBurnRate)} over ${tableCell(g.short)} | ${g.factor}x | ${guardState(g)} |`);
        }
        lines.push('');
    }
    if (report.dr) {
        const dr = report.dr;
        // A gauge with no sample is n/a, never a duration.
        const age = (seconds) => (seconds === null ? 'n/a (no sample)' : (0,format_values/* formatAge */.nV)(seconds));
        const parts = [
            `last drill ${dr.ageSeconds === null ? 'n/a (no sample)' : `${(0,format_values/* formatAge */.nV)(dr.ageSeconds)} ago`} (max ${(0,format_values/* formatAge */.nV)(dr.maxAgeSeconds)})`,
        ];
        if (dr.backupProbe)
            parts.push(`backup probe ${dr.backupProbe.ok ? 'ok' : dr.backupProbe.value === null ? 'n/a (no sample)' : `failing (${dr.backupProbe.value})`}`);
        if (dr.rto)
            parts.push(`RTO ${age(dr.rto.seconds)} (max ${(0,format_values/* formatAge */.nV)(dr.rto.maxSeconds)})`);
        if (dr.rpo)
            parts.push(`RPO ${age(dr.rpo.seconds)} (max ${(0,format_values/* formatAge */.nV)(dr.rpo.maxSeconds)})`);
        lines.push(`**DR:** ${dr.ok ? '🟢' : '🔴'} ${parts.join(' · ')}`, '');
    }
    for (const w of report.freeze.active) {
        lines.push(`**Freeze:** 🔵 ${tableCell(w.name)}${w.reason ? ` — ${tableCell(w.reason)}` : ''}${w.until ? ` (until ${tableCell(w.until)})` : ''}`, '');
    }
    // Findings that change no status (no data, short history, raw cost) are notes, listed after the reasons.
    const notes = report.findings.filter((f) => f.status === 'NORMAL').map((f) => f.message);
    const reasons = d.reasons.filter((r) => !notes.includes(r));
    if (reasons.length > 0) {
        lines.push('**Reasons**', '', ...reasons.map((r) => `- ${tableCell(r)}`), '');
    }
    if (notes.length > 0) {
        lines.push('**Notes**', '', ...notes.map((n) => `- ${tableCell(n)}`), '');
    }
    const advisory = d.wouldHaveBlocked ?? [];
    if (advisory.length > 0) {
        lines.push('**Advisory rules that would have blocked** (shadow mode: `enforcement: advisory`; they did not change the decision)', '', ...advisory.map((a) => `- \`${tableCell(a.rule)}\` (${a.status}): ${tableCell(a.message)}`), '');
    }
    if (d.nextSteps.length > 0) {
        lines.push('**What to do next**', '', ...d.nextSteps.map((s) => `- ${tableCell(s)}`), '');
    }
    const escalation = d.canDeploy ? null : escalationLine(d.escalation);
    if (escalation !== null)
        lines.push(escalation, '');
    const samples = report.prometheus.samplesTouched === null ? '' : `, ${report.prometheus.samplesTouched} samples touched`;
    lines.push(`<sub>Evaluated at ${tableCell(report.evaluatedAt)} against ${tableCell(report.prometheus.url ?? 'no Prometheus')} (${report.prometheus.queries} queries${samples}).</sub>`);
    return `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 3095:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ reportDigest),
/* harmony export */   g: () => (/* binding */ oidcAudience)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _canonical_json_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(484);
/**
 * The digest that binds a report to the run that produced it. The Action asks
 * GitHub's OIDC issuer for a token whose audience is `oidcAudience(digest)`; the
 * app recomputes the digest from the report it read and requires the same
 * audience, so a token can vouch for one report only.
 */


const AUDIENCE_PREFIX = 'deploy-governor:sha256:';
/** Hex SHA-256 of the report's canonical JSON, without `provenance` (which carries the token). */
function reportDigest(report) {
    const { provenance: _token, ...bound } = report;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update((0,_canonical_json_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)(bound)).digest('hex');
}
/** The OIDC audience that names this digest. */
function oidcAudience(digest) {
    return `${AUDIENCE_PREFIX}${digest}`;
}


/***/ }),

/***/ 7776:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PP: () => (/* binding */ REPORT_SCHEMA_ID),
/* harmony export */   Qh: () => (/* binding */ reportSchema),
/* harmony export */   j9: () => (/* binding */ provenanceSchema)
/* harmony export */ });
/* unused harmony export sloResultSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5491);
/* harmony import */ var _exclusions_exclusion_kinds_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1879);
/* harmony import */ var _sli_registry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3040);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5009);
/**
 * The evaluation report, `deploy-governor/report@1`: written to `report-path`,
 * embedded in the check run `deploy-governor / <environment>`, printed by
 * `deploy-governor check --json`, and read back by the app. Adding optional fields
 * is compatible; renaming or removing one needs `report@2`.
 */




const REPORT_SCHEMA_ID = 'deploy-governor/report@1';
const statusSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_status_js__WEBPACK_IMPORTED_MODULE_2__/* .STATUSES */ .f);
/** Days until the budget is gone at the current burn rate: `"inf"` when nothing burns, null when unknown. */
const daysSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('inf')]).nullable();
const guardResultSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    long: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    short: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    factor: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    /** Burn rate over the long window (null when it could not be read). */
    longBurnRate: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    shortBurnRate: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    /** Both windows exceed the factor (false when a window has no data: see `state`). */
    triggered: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_status_js__WEBPACK_IMPORTED_MODULE_2__/* .BLOCKABLE_STATUSES */ .dW),
    /**
     * `unknown` when a window's query returned no samples: the guard can be neither
     * triggered nor cleared, and its burn rates are null. Whether it blocks is the
     * policy's `unknown-guards` (optional; added in 0.3).
     */
    state: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['triggered', 'not-triggered', 'unknown']).optional(),
});
/**
 * How the SLO's error budget was spent across its window, step by step: what the
 * job summary and the PR comment draw as charts (optional; added in 0.3). One
 * range query reads it, at a step that gives at most 30 points. Absent when it
 * could not be read (a note says why), when the SLO has no budget, or when the
 * querier has no range queries; it never changes the decision.
 */
const budgetHistorySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** The step between points, a Prometheus duration (`1d`); each point covers the step that ends at it. */
    step: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** Where the steps' events came from: raw counters, or the series `generate rules` records. */
    source: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['raw', 'recorded']),
    /** Oldest first; the last point is at the evaluation time. */
    points: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        /** The end of the step (ISO 8601). */
        at: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        /**
         * Percent of the window's error budget left after the errors up to `at`: the
         * window's spent budget (the SLO's `budgetRemaining`) attributed to the steps
         * in proportion to their errors, so the last point equals `budgetRemaining`
         * and the line never rises.
         */
        budgetRemaining: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        /** The burn rate over the step (its error ratio over the budget); null when the step had no data. */
        burnRate: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    })),
});
/**
 * One excluded interval of an SLO window and what it gave back (optional; added with `exclusions`): the interval's
 * errors and events were subtracted from the window's before the ratio was taken.
 */
const sloExclusionSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** The exclusion's name in the policy. */
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_exclusions_exclusion_kinds_js__WEBPACK_IMPORTED_MODULE_3__/* .EXCLUSION_KINDS */ .x),
    /** The part of the interval inside the SLO window and not shared with an earlier interval (ISO 8601; `to` exclusive). */
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** Events (the total query's) in the interval, left out of the window's total. */
    eventsExcluded: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    /** Errors in the interval, left out of the window's errors. */
    errorsReturned: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    /** Those errors in percent of the window's error budget after exclusions (percentage points of `budgetRemaining`, roughly). */
    budgetReturned: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
});
const sloResultSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    description: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** Objective in percent. */
    objective: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    window: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    sliKind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_sli_registry_js__WEBPACK_IMPORTED_MODULE_0__/* .SLI_KIND_NAMES */ .V7),
    /**
     * Where the SLO window's ratio came from: raw counters, the series `generate rules` records (`recorded`), or, for an
     * SLO from a Sloth spec, the series Sloth records (`sloth`, added with issue 13: the average of Sloth's 5-minute
     * ratios, the budget Sloth's dashboards show, not traffic-weighted; a note on the SLO says so).
     */
    source: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['raw', 'recorded', 'sloth']).optional(),
    /** Error ratio over the SLO window, 0..1. */
    errorRatio: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    /** Budget remaining in percent, not clamped (−50 = half a budget overspent). */
    budgetRemaining: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    /** Burn rate over the last hour. */
    burnRate: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    daysToExhaustion: daysSchema,
    /** Status from the budget thresholds alone (UNKNOWN when unreadable). */
    status: statusSchema,
    guards: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(guardResultSchema),
    /** Why the SLO could not be evaluated (status UNKNOWN). */
    error: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    runbook: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /**
     * Days of stored history the SLO's data covers, present only when that is less
     * than its window (a young service, a short retention): the budget is then over
     * those days alone (optional; added in 0.3).
     */
    historyDays: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
    /** The budget over the window, for charts (optional; added in 0.3). */
    history: budgetHistorySchema.optional(),
    /** The excluded intervals left out of this SLO's window, and what each returned (optional; added with `exclusions`). */
    exclusions: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(sloExclusionSchema).optional(),
});
/**
 * The audit of one exclusion interval that overlapped an SLO window (optional; added with `exclusions`): whether the
 * budget honoured it, and on what facts. An exclusion counts only if it was in the policy before its interval started
 * (the date of the commit that introduced it, per GitHub), or if whoever added it holds the `exhausted` override role.
 */
const exclusionAuditSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_exclusions_exclusion_kinds_js__WEBPACK_IMPORTED_MODULE_3__/* .EXCLUSION_KINDS */ .x),
    /** The policy's reason (user text: render inert). */
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** The occurrence, unclipped (ISO 8601; `to` exclusive). */
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** `added-before-start` and `authorized-role` were applied; `refused` was not (the budget counts the interval). */
    admission: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['added-before-start', 'authorized-role', 'refused']),
    /** The date of the commit that introduced it and its author's login, per GitHub (null when unknown). */
    addedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    addedBy: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    /** Why, in words. */
    note: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
});
const drResultSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    metric: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** Seconds since the last successful drill (null when the metric is missing). */
    ageSeconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    maxAgeSeconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    lastTestAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    backupProbe: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ query: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), value: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(), ok: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY() }).nullable(),
    rto: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ metric: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), seconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(), maxSeconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), ok: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY() }).nullable(),
    rpo: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ metric: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), seconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(), maxSeconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), ok: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY() }).nullable(),
    ok: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
});
const activeFreezeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    /** When the window opened (ISO 8601). */
    since: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    /** When it closes (ISO 8601). */
    until: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
});
/** What a finding that is not about a status is about (optional; added in 0.3). */
const FINDING_CODES = [
    /** A query returned no samples: its window or gauge is n/a, a guard on it unknown; the message names the query. */
    'no-data',
    /** The stored history is shorter than the SLO window. */
    'short-history',
    /** A raw evaluation came close to its timeout or read many samples: the recorded path would be constant-cost. */
    'raw-cost',
    /** The recorded series were unusable for a window (or could not be checked), so raw counters were read. */
    'recording-missing',
    /** A budget exclusion was refused, or could not be applied to an SLO (added with `exclusions`). */
    'exclusion',
];
/**
 * One reason the status is what it is, or a note beside it: a finding with status
 * NORMAL changes no decision, but is listed (after every other) with a `code`.
 */
const findingSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    source: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['budget', 'burn-rate', 'dr', 'freeze', 'error', 'override', 'debt']),
    status: statusSchema,
    slo: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    message: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    code: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(FINDING_CODES).optional(),
    /**
     * The policy rule that produced the finding, for advisory counts: `slo:<name>`, `burn-rate-guard:<name>`, `dr`,
     * `freeze-window:<name>`, `freeze-command`, `action-items` (optional; added with advisory rules).
     */
    rule: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /**
     * The change classes the finding blocks, when not every class (`debt`: overdue postmortem action items block
     * `feature` deploys only); absent: it blocks whatever its status blocks (optional; added with postmortem debts).
     */
    blocksClasses: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
    /** `advisory`: the rule is in shadow mode; the finding never raises the decision's status (absent: enforced). */
    enforcement: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('advisory').optional(),
});
/** An advisory rule that would have blocked this deploy had it been enforced. */
const wouldHaveBlockedSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** The rule, as in the finding's `rule`. */
    rule: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    status: statusSchema,
    message: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
});
const overrideRecordSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    actor: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    level: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['warning', 'freeze', 'exhausted']),
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** The actor's role as GitHub reported it (role_name). */
    permission: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    approvers: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    runId: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable(),
    runAttempt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable(),
    at: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
});
const runInfoSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    repository: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    runId: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable(),
    runAttempt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable(),
    runUrl: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    sha: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    ref: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    workflow: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    /** Workflow file path (for the dispatch link), e.g. `.github/workflows/deploy.yml`. */
    workflowPath: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional(),
    eventName: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    actor: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    serverUrl: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
});
/**
 * What binds an overridden report to the workflow run that produced it: a GitHub
 * Actions OIDC token (a JWT signed by GitHub's issuer) whose audience is
 * `deploy-governor:sha256:<hex>`, the SHA-256 of the report's canonical JSON
 * without this field (see `reportDigest`). Only the Action sets it, and only when
 * it records an override in a job with `permissions: id-token: write`.
 */
const provenanceSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    oidcToken: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).max(16_384),
});
/**
 * Where the policy came from when it extends other files (`extends`): the chain, the repository's own file
 * first, and for each effective key (`block-on`, `freeze-windows[holiday]`, `environments.prod.mode`) the files
 * that set it, parent first; a merged object lists every file that contributed. Absent when the policy extends nothing.
 */
const policySourcesSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    chain: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).min(2),
    keys: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP())),
    /** Each locked key and the file that locked it. */
    locked: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    /** Keys left out of `keys` to keep the report within the check run's size (`deploy-governor policy explain` lists them all). */
    omitted: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().optional(),
});
const reportSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    schema: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(REPORT_SCHEMA_ID),
    environment: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** The single evaluation timestamp every query used (ISO 8601). */
    evaluatedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    decision: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        canDeploy: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
        status: statusSchema,
        blockOn: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_status_js__WEBPACK_IMPORTED_MODULE_2__/* .BLOCKABLE_STATUSES */ .dW),
        mode: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['enforce', 'report']),
        onError: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['block', 'allow']),
        overridden: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
        /** Human reasons, most severe first. */
        reasons: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        /** What to do next, for humans. */
        nextSteps: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        /** Lowest override level that would pass this status (null when nothing blocks or no override can). */
        requiredOverride: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['warning', 'freeze', 'exhausted']).nullable(),
        /** The repository role that level needs, per the policy (optional; added in 0.1). */
        requiredPermission: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional(),
        /**
         * Advisory rules (`enforcement: advisory`) that would have blocked this deploy had they been enforced; they did
         * not change `status` or `canDeploy` (optional; added with advisory rules, absent when none would have).
         */
        wouldHaveBlocked: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(wouldHaveBlockedSchema).optional(),
        /**
         * The deploy's change class (issue 16; absent when the policy has no `change-classes` or the decision was not
         * blocked): its name, where it came from, and whether the blocked status let it through (`canDeploy` is then true).
         */
        changeClass: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
            name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            source: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['input', 'label', 'trailer', 'rollback', 'default']),
            detail: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            /** Evidence looked at and not used: an unknown name, a labeller without the role, pull requests that disagree. */
            notes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
            allowedThrough: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
        })
            .optional(),
        /** Who decides disagreements, from the policy's `escalation` (a login or org/team); absent when it names nobody. */
        escalation: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    }),
    /** Worst values across SLOs: the least budget, the fastest burn, the soonest exhaustion. */
    budget: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        remaining: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
        burnRate: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
        daysToExhaustion: daysSchema,
    }),
    slos: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(sloResultSchema),
    dr: drResultSchema.nullable(),
    freeze: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ active: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(activeFreezeSchema) }),
    findings: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(findingSchema),
    override: overrideRecordSchema.nullable(),
    prometheus: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        /** Base URL with any credentials removed. */
        url: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
        queries: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int(),
        /** Prometheus's own count of samples touched (stats=all), summed over queries. */
        samplesTouched: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    }),
    run: runInfoSchema.nullable(),
    /** The run's OIDC binding of an overridden report (absent otherwise; added in 0.2). */
    provenance: provenanceSchema.nullable().optional(),
    /** The policy chain and the source of each effective key, when the policy extends another file (optional; added with `extends`). */
    policySources: policySourcesSchema.optional(),
    /** Every exclusion interval that overlapped an SLO window, and whether it was honoured (optional; added with `exclusions`). */
    exclusions: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(exclusionAuditSchema).optional(),
});


/***/ }),

/***/ 9322:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J0: () => (/* binding */ single),
/* harmony export */   Lz: () => (/* binding */ boundedRatio),
/* harmony export */   Ps: () => (/* binding */ noTraffic),
/* harmony export */   _h: () => (/* binding */ noData),
/* harmony export */   fh: () => (/* binding */ finiteCount),
/* harmony export */   jh: () => (/* binding */ measured)
/* harmony export */ });
/* harmony import */ var _evaluate_sli_error_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4366);
/** Reading Prometheus's answers for an SLI: shared by every kind, so they all fail the same way. */

/**
 * The single number a query must return: null for an empty vector, an error for
 * several series (the gate cannot guess how to combine them).
 * @param role how messages name the query: "total", "error", "ratio"
 */
function single(result, query, role) {
    if (result.samples.length === 0)
        return null;
    if (result.samples.length > 1) {
        throw new _evaluate_sli_error_js__WEBPACK_IMPORTED_MODULE_0__/* .SliError */ .l(`the ${role} query returned ${result.samples.length} series; it must return one number: wrap it in sum(...) (query: ${query})`);
    }
    return result.samples[0].value;
}
/** A count of events: finite and not negative (null passes through: no samples). */
function finiteCount(value, query, role) {
    if (value === null)
        return null;
    if (!Number.isFinite(value)) {
        throw new _evaluate_sli_error_js__WEBPACK_IMPORTED_MODULE_0__/* .SliError */ .l(`the ${role} query returned ${value}; expected a finite count of events (query: ${query})`);
    }
    if (value < 0) {
        throw new _evaluate_sli_error_js__WEBPACK_IMPORTED_MODULE_0__/* .SliError */ .l(`the ${role} query returned a negative count (${value}); use increase() on a counter (query: ${query})`);
    }
    return value;
}
/** Tolerated overshoot from increase() extrapolating two series differently. */
const RATIO_SLACK = 0.01;
/** An error ratio clamped to 0..1, refusing one clearly above 1 (the error query counts more than the total). */
function boundedRatio(ratio, window) {
    if (ratio > 1 + RATIO_SLACK) {
        throw new _evaluate_sli_error_js__WEBPACK_IMPORTED_MODULE_0__/* .SliError */ .l(`over ${window}: errors exceed the total (ratio ${ratio.toFixed(4)}); the error query must count a subset of the total query's events`);
    }
    return Math.min(Math.max(ratio, 0), 1);
}
const measured = (ratio) => ({ state: 'measured', ratio });
const noData = (query, detail) => ({ state: 'no-data', query, detail });
const noTraffic = (query, detail) => ({ state: 'no-traffic', query, detail });


/***/ }),

/***/ 3040:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  V7: () => (/* binding */ SLI_KIND_NAMES),
  d7: () => (/* binding */ resolveSli),
  Kh: () => (/* binding */ sliKindOf),
  WL: () => (/* binding */ sliSchema)
});

// UNUSED EXPORTS: SLI_KINDS

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __nccwpck_require__(5491);
// EXTERNAL MODULE: ./src/core/promql/promql.ts
var promql = __nccwpck_require__(2124);
// EXTERNAL MODULE: ./src/core/sli/read-answers.ts
var read_answers = __nccwpck_require__(9322);
;// CONCATENATED MODULE: ./src/core/sli/sli-kind.ts
/** Identity with inference: a kind module is `export const x = defineSliKind({ … })`. */
function defineSliKind(kind) {
    return kind;
}

;// CONCATENATED MODULE: ./src/core/sli/window-query-schema.ts
/** The policy's PromQL template for a window, shared by the SLI kinds' schemas. */


/** A PromQL template for a window: must contain `{{window}}` (Sloth's `{{.window}}` is accepted too). */
const windowQuerySchema = schemas/* string */.YjP().min(1).refine(promql/* hasWindowPlaceholder */.Qn, {
    message: 'expected a PromQL query containing {{window}} (or Sloth\'s {{.window}}) where the range goes, e.g. sum(increase(http_requests_total{status=~"5.."}[{{window}}]))',
});

;// CONCATENATED MODULE: ./src/core/sli/kinds/events.ts
/**
 * `sli.events`: bad events and all events over a window, each a PromQL template.
 * The error ratio is error/total over the same window (traffic-weighted); an
 * absent error series is zero errors, an absent total is no data.
 */





const queries = (sli, window) => ({
    error: (0,promql/* renderWindowQuery */.NB)(sli.error, window),
    total: (0,promql/* renderWindowQuery */.NB)(sli.total, window),
});
const eventsSli = defineSliKind({
    kind: 'events',
    schema: schemas/* strictObject */.rej({
        error: windowQuerySchema.meta({ description: 'PromQL for bad events over `{{window}}`; an empty result counts as zero errors.' }),
        total: windowQuerySchema.meta({
            description: 'PromQL for all events over `{{window}}`; an empty result means no data and zero means no traffic (status UNKNOWN).',
        }),
    })
        .meta({ description: 'Error and total event counts; the error ratio is error/total over the same window (traffic-weighted).' }),
    resolve: (config) => ({ kind: 'events', error: config.error, total: config.total }),
    countsEvents: true,
    queries,
    trafficQuery: (sli, window) => (0,promql/* renderWindowQuery */.NB)(sli.total, window),
    async measure(sli, window, prometheus, time) {
        const q = queries(sli, window);
        const [errorResult, totalResult] = await Promise.all([prometheus.query(q.error, time), prometheus.query(q.total, time)]);
        const total = (0,read_answers/* finiteCount */.fh)((0,read_answers/* single */.J0)(totalResult, q.total, 'total'), q.total, 'total');
        if (total === null)
            return (0,read_answers/* noData */._h)(q.total, 'the total query returned no samples');
        if (total === 0)
            return (0,read_answers/* noTraffic */.Ps)(q.total, 'the total query returned 0');
        // No error series at all (a service that never failed) is zero errors, not missing data.
        const errors = (0,read_answers/* finiteCount */.fh)((0,read_answers/* single */.J0)(errorResult, q.error, 'error'), q.error, 'error') ?? 0;
        return (0,read_answers/* measured */.jh)((0,read_answers/* boundedRatio */.Lz)(errors / total, window));
    },
    recording(sli, window) {
        const total = (0,promql/* sumOf */.XN)((0,promql/* renderWindowQuery */.NB)(sli.total, window));
        // No error series at all is zero errors, not a gap: the ratio must stay defined while there is traffic.
        return { counts: { error: `(${(0,promql/* sumOf */.XN)((0,promql/* renderWindowQuery */.NB)(sli.error, window))} or 0 * ${total})`, total } };
    },
    // Its budget, burn-rate and compliance panels say all there is: no panel of its own.
    dashboardPanel: () => null,
    wording: { traffic: 'the total query' },
});

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __nccwpck_require__(8571);
// EXTERNAL MODULE: ./src/core/evaluate/sli-error.ts
var sli_error = __nccwpck_require__(4366);
;// CONCATENATED MODULE: ./src/core/sli/kinds/good-events.ts
/**
 * `sli.good-events`: good events and all events over a window, each a PromQL
 * template (OpenSLO's good/total ratio metric). Errors are total − good as a
 * **clamped difference**: `increase()` extrapolates each series to the window's
 * edges on its own, so when good and total are different series (scraped at
 * different times, a histogram bucket against its count) the good estimate can
 * come out a little above the total. That is rounding, not negative errors: the
 * difference is clamped at 0 and never reported as a bad counter.
 *
 * Over a day or more, extrapolation moves a count by far less than 1 %, so a
 * good count more than 1 % above the total there means the two queries do not
 * count the same events (good must be a subset of total), and the gate says so
 * instead of reading it as zero errors. An absent good series is zero good
 * events (every event an error: it fails closed), an absent total is no data.
 */







/** Windows at least this long hold the good count to the total within GOOD_SLACK. */
const CHECKED_WINDOW_MS = 86_400_000;
/** How far good may exceed total on a checked window before it is a query mistake rather than extrapolation. */
const GOOD_SLACK = 0.01;
const good_events_queries = (sli, window) => ({
    good: (0,promql/* renderWindowQuery */.NB)(sli.good, window),
    total: (0,promql/* renderWindowQuery */.NB)(sli.total, window),
});
function windowMs(window) {
    try {
        return (0,duration/* parseDurationMs */.yi)(window);
    }
    catch {
        return 0;
    }
}
/** The error count of one window: total − good, clamped at 0 (see the module comment). */
function clampedErrors(good, total) {
    return Math.max(total - good, 0);
}
const goodEventsSli = defineSliKind({
    kind: 'good-events',
    schema: schemas/* strictObject */.rej({
        good: windowQuerySchema.meta({
            description: "PromQL for good events over `{{window}}`, a subset of the total's events; an empty result counts as zero good events (every event an error).",
        }),
        total: windowQuerySchema.meta({
            description: 'PromQL for all events over `{{window}}`; an empty result means no data and zero means no traffic (status UNKNOWN).',
        }),
    })
        .meta({
        description: "Good and total event counts (OpenSLO's good/total ratio metric): errors are total − good, clamped at 0 because increase() extrapolates each series separately and can put good a little above total.",
    }),
    resolve: (config) => ({ kind: 'good-events', good: config.good, total: config.total }),
    countsEvents: true,
    queries: good_events_queries,
    trafficQuery: (sli, window) => (0,promql/* renderWindowQuery */.NB)(sli.total, window),
    async measure(sli, window, prometheus, time) {
        const q = good_events_queries(sli, window);
        const [goodResult, totalResult] = await Promise.all([prometheus.query(q.good, time), prometheus.query(q.total, time)]);
        const total = (0,read_answers/* finiteCount */.fh)((0,read_answers/* single */.J0)(totalResult, q.total, 'total'), q.total, 'total');
        if (total === null)
            return (0,read_answers/* noData */._h)(q.total, 'the total query returned no samples');
        if (total === 0)
            return (0,read_answers/* noTraffic */.Ps)(q.total, 'the total query returned 0');
        // No good series at all (nothing succeeded, or a brand-new series): zero good events, never "no data".
        const good = (0,read_answers/* finiteCount */.fh)((0,read_answers/* single */.J0)(goodResult, q.good, 'good'), q.good, 'good') ?? 0;
        if (good > total * (1 + GOOD_SLACK) && windowMs(window) >= CHECKED_WINDOW_MS) {
            throw new sli_error/* SliError */.l(`over ${window}: the good query counts more events than the total query (good ${good}, total ${total}); the good query must count a subset of the total query's events (good: ${q.good}; total: ${q.total})`);
        }
        return (0,read_answers/* measured */.jh)(clampedErrors(good, total) / total);
    },
    recording(sli, window) {
        const total = (0,promql/* sumOf */.XN)((0,promql/* renderWindowQuery */.NB)(sli.total, window));
        const good = (0,promql/* sumOf */.XN)((0,promql/* renderWindowQuery */.NB)(sli.good, window));
        // No good series is zero good events; extrapolation can put good a hair above total: clamp, as the gate does.
        return { counts: { error: `clamp_min(${total} - (${good} or 0 * ${total}), 0)`, total } };
    },
    // Its budget, burn-rate and compliance panels say all there is: no panel of its own.
    dashboardPanel: () => null,
    wording: { traffic: 'the total query' },
});

;// CONCATENATED MODULE: ./src/core/sli/kinds/latency.ts
/**
 * `sli.latency`: good events are requests in the histogram bucket at the
 * threshold; bad = count − good. The gate reads every bucket so that a missing
 * one can be named; the rules match the bucket however its `le` was written.
 */





const bound = (le) => (/^\+?inf$/i.test(le) ? Number.POSITIVE_INFINITY : Number(le));
const latency_queries = (sli, window) => ({
    total: `sum(increase(${sli.metric}_count${(0,promql/* matchers */.yN)(sli.selector)}[${window}]))`,
    buckets: `sum by (le) (increase(${sli.metric}_bucket${(0,promql/* matchers */.yN)(sli.selector)}[${window}]))`,
});
const latencySli = defineSliKind({
    kind: 'latency',
    schema: schemas/* strictObject */.rej({
        metric: schemas/* string */.YjP()
            .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, {
            message: 'expected a histogram metric name without _bucket, e.g. http_request_duration_seconds',
        })
            .meta({ description: 'Histogram base name (without `_bucket`/`_count`).' }),
        threshold: schemas/* number */.aig()
            .positive()
            .meta({ description: 'Latency target in seconds; the histogram must have a bucket with exactly this `le`.' }),
        selector: schemas/* string */.YjP().optional().meta({ description: 'Label matchers, with or without braces, e.g. `job="api", route!="/health"`.' }),
    })
        .meta({ description: 'Good events are requests faster than the threshold (the bucket `le` = threshold); bad = count − good.' }),
    resolve: (config) => ({
        kind: 'latency',
        metric: config.metric,
        threshold: config.threshold,
        selector: (0,promql/* normalizeSelector */.Pl)(config.selector),
    }),
    countsEvents: true,
    queries: latency_queries,
    trafficQuery: (sli, window) => latency_queries(sli, window).total,
    async measure(sli, window, prometheus, time) {
        const q = latency_queries(sli, window);
        const [totalResult, bucketResult] = await Promise.all([prometheus.query(q.total, time), prometheus.query(q.buckets, time)]);
        const role = 'histogram count';
        const total = (0,read_answers/* finiteCount */.fh)((0,read_answers/* single */.J0)(totalResult, q.total, role), q.total, role);
        if (total === null)
            return (0,read_answers/* noData */._h)(q.total, `the histogram count query (${sli.metric}_count) returned no samples`);
        if (total === 0)
            return (0,read_answers/* noTraffic */.Ps)(q.total, `the histogram count query (${sli.metric}_count) returned 0`);
        const bucket = bucketResult.samples.find((s) => {
            const le = Number(s.labels.le);
            return Number.isFinite(le) && Math.abs(le - sli.threshold) <= 1e-9 * Math.max(1, sli.threshold);
        });
        if (!bucket) {
            const available = bucketResult.samples.map((s) => s.labels.le ?? '?').sort((a, b) => bound(a) - bound(b));
            throw new sli_error/* SliError */.l(available.length === 0
                ? `no ${sli.metric}_bucket series${sli.selector ? ` matching {${sli.selector}}` : ''}: check the metric name and selector`
                : `the histogram ${sli.metric} has no bucket le="${sli.threshold}"; its buckets are ${available.join(', ')}: set threshold to one of them or add the bucket to the instrumentation`);
        }
        const good = (0,read_answers/* finiteCount */.fh)(bucket.value, q.buckets, `bucket le="${sli.threshold}"`) ?? 0;
        return (0,read_answers/* measured */.jh)((0,read_answers/* boundedRatio */.Lz)(1 - Math.min(good, total) / total, window));
    },
    recording(sli, window) {
        const total = `sum(increase(${sli.metric}_count${(0,promql/* matchers */.yN)(sli.selector)}[${window}]))`;
        const good = `sum(increase(${sli.metric}_bucket${(0,promql/* matchers */.yN)(sli.selector, (0,promql/* leMatcher */.U$)(sli.threshold))}[${window}]))`;
        // Counters scraped at slightly different times can put the bucket a hair above the count.
        return { counts: { error: `clamp_min(${total} - ${good}, 0)`, total } };
    },
    // The latency at the objective's quantile (p99 for a 99% objective) against the target.
    dashboardPanel: (sli, slo) => ({
        row: 'Latency against target',
        title: `Latency: ${slo.name}`,
        description: `The ${slo.objective}th percentile of ${sli.metric} against the ${sli.threshold}s target: below it, at least ${slo.objective}% of requests are fast enough.`,
        unit: 's',
        targets: [
            {
                expr: `histogram_quantile(${slo.objective / 100}, sum by (le) (rate(${sli.metric}_bucket${(0,promql/* matchers */.yN)(sli.selector)}[$__rate_interval])))`,
                legend: `p${slo.objective}`,
            },
            { expr: `vector(${sli.threshold})`, legend: 'target' },
        ],
    }),
    wording: { traffic: 'the histogram count query' },
});

;// CONCATENATED MODULE: ./src/core/sli/kinds/ratio.ts
/**
 * `sli.ratio`: a query that returns the error ratio itself. It carries no event
 * counts, so its long windows cannot be traffic-weighted and its alerts have no
 * traffic guard; 0/0 (NaN) means no traffic, an empty answer no data.
 */






const ratioSli = defineSliKind({
    kind: 'ratio',
    schema: schemas/* strictObject */.rej({
        query: windowQuerySchema.meta({ description: 'PromQL returning the error ratio (0..1) over `{{window}}`.' }),
    })
        .meta({ description: 'A raw error-ratio query.' }),
    resolve: (config) => ({ kind: 'ratio', query: config.query }),
    countsEvents: false,
    queries: (sli, window) => ({ ratio: (0,promql/* renderWindowQuery */.NB)(sli.query, window) }),
    trafficQuery: (sli, window) => (0,promql/* renderWindowQuery */.NB)(sli.query, window),
    async measure(sli, window, prometheus, time) {
        const query = (0,promql/* renderWindowQuery */.NB)(sli.query, window);
        const ratio = (0,read_answers/* single */.J0)(await prometheus.query(query, time), query, 'ratio');
        if (ratio === null)
            return (0,read_answers/* noData */._h)(query, 'the ratio query returned no samples');
        // 0/0 from a ratio of increases is "no traffic", not an error.
        if (Number.isNaN(ratio))
            return (0,read_answers/* noTraffic */.Ps)(query, 'the ratio query returned NaN (0/0: no events in the window)');
        if (!Number.isFinite(ratio) || ratio < 0) {
            throw new sli_error/* SliError */.l(`the ratio query returned ${ratio}; expected an error ratio between 0 and 1 (query: ${query})`);
        }
        return (0,read_answers/* measured */.jh)((0,read_answers/* boundedRatio */.Lz)(ratio, window));
    },
    recording: (sli, window) => ({ ratio: (0,promql/* renderWindowQuery */.NB)(sli.query, window) }),
    // Its budget, burn-rate and compliance panels say all there is: no panel of its own.
    dashboardPanel: () => null,
    wording: {
        traffic: 'the ratio query',
        ruleNote: (slo, baseWindow) => `SLO ${slo} is a ratio SLI: it records no traffic, so its long windows can only average the ${baseWindow} ratio (not traffic-weighted) and its alerts have no traffic guard. Prefer an events SLI.`,
    },
});

;// CONCATENATED MODULE: ./src/core/sli/registry.ts
/**
 * The SLI kinds, in one registry. Each kind is one module under `kinds/`
 * implementing `SliKind` (its schema, its queries for the gate and for the
 * rule generator, its wording); this object lists them, and everything else is
 * derived from it: the policy file's `sli` block and its "exactly one of"
 * message, the resolved `ResolvedSli` union, the report's `sliKind` enum.
 *
 * Adding a kind is one file in `kinds/` and one line below (CONTRIBUTING.md,
 * "A new SLI kind"). Dispatch goes through `sliKindOf`, which is exhaustive: the
 * registry's type maps every resolved kind to its module, and a kind the
 * registry lacks (a hand-built policy, a newer report) is an error, never a
 * silent fallback to another kind.
 */





const SLI_KINDS = {
    events: eventsSli,
    'good-events': goodEventsSli,
    latency: latencySli,
    ratio: ratioSli,
};
/** Every kind's key, in registry order. */
const SLI_KIND_NAMES = Object.keys(SLI_KINDS);
// Every entry's `kind` is its own key (a module registered under another name would mis-dispatch).
const _keysMatchKinds = SLI_KINDS;
void _keysMatchKinds;
/**
 * The module of an SLI's kind.
 * @throws Error for a kind outside the registry (its type is `never` here: only hand-built or foreign data gets there)
 */
function sliKindOf(sli) {
    const kind = sli.kind;
    if (isRegistered(kind))
        return SLI_KINDS[kind];
    // `kind` is `never` here: the compiler proves every resolved kind has a module.
    return unknownSliKind(kind);
}
function isRegistered(kind) {
    return Object.hasOwn(SLI_KINDS, kind);
}
function unknownSliKind(kind) {
    throw new Error(`unknown SLI kind ${JSON.stringify(kind)}: the kinds are ${SLI_KIND_NAMES.join(', ')} (src/core/sli/registry.ts)`);
}
/** "a, b or c" */
function oneOfWords(names) {
    return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
/** The policy file's `sli` block: exactly one kind's key. */
const sliSchema = schemas/* strictObject */.rej(Object.fromEntries(SLI_KIND_NAMES.map((name) => [name, SLI_KINDS[name].schema.optional()])))
    .refine((sli) => SLI_KIND_NAMES.filter((name) => sli[name] !== undefined).length === 1, {
    message: `expected exactly one of ${oneOfWords(SLI_KIND_NAMES)}`,
})
    .meta({ description: `How the SLI is measured: exactly one of ${SLI_KIND_NAMES.map((n) => `\`${n}\``).join(', ')}.` });
/** The policy's `sli` block resolved by its kind's module. */
function resolveSli(config) {
    for (const name of SLI_KIND_NAMES) {
        const block = config[name];
        if (block !== undefined)
            return SLI_KINDS[name].resolve(block);
    }
    throw new Error(`an SLI with none of ${SLI_KIND_NAMES.join(', ')} passed validation`);
}


/***/ }),

/***/ 5009:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ worstStatus),
/* harmony export */   Tx: () => (/* binding */ statusRank),
/* harmony export */   dW: () => (/* binding */ BLOCKABLE_STATUSES),
/* harmony export */   f: () => (/* binding */ STATUSES),
/* harmony export */   z9: () => (/* binding */ isAtOrPast)
/* harmony export */ });
/**
 * Deploy statuses, from healthy to worst. `UNKNOWN` means the gate could not decide
 * (Prometheus unreachable, no traffic, a bad query); it ranks above every budget
 * status so that nothing healthy can hide it.
 */
const STATUSES = ['NORMAL', 'CAUTION', 'WARNING', 'FREEZE', 'EXHAUSTED', 'UNKNOWN'];
/** Statuses that `block-on` may name (UNKNOWN is governed by `on-error` instead). */
const BLOCKABLE_STATUSES = ['CAUTION', 'WARNING', 'FREEZE', 'EXHAUSTED'];
/** Rank of a status: larger is worse. */
function statusRank(status) {
    return STATUSES.indexOf(status);
}
/** The worse of two statuses. */
function worseStatus(a, b) {
    return statusRank(a) >= statusRank(b) ? a : b;
}
/** The worst status of a list (NORMAL for an empty list). */
function worstStatus(statuses) {
    return statuses.reduce(worseStatus, 'NORMAL');
}
/** True when `status` is at or past `threshold`. */
function isAtOrPast(status, threshold) {
    return statusRank(status) >= statusRank(threshold);
}


/***/ }),

/***/ 8148:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ resolveVerifySettings),
/* harmony export */   x: () => (/* binding */ VERIFY_DEFAULTS)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8571);
/* harmony import */ var _policy_policy_error_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5833);
/**
 * Post-deploy verification's settings: the policy's `verify` section (schema.ts)
 * with its defaults, then the `verify-*` inputs (verify-inputs.ts) over it.
 *
 * The rule (judge.ts): an SLO regressed when its short-window burn rate after the
 * deploy exceeds BOTH `factor` × its burn rate before the deploy AND `floor`.
 * The defaults, and why:
 *
 * - **factor 2.** Spinnaker's Kayenta judges a canary *relative to a baseline*
 *   (its best practices: compare against a baseline, not absolute values), and
 *   flags a metric only when the difference is large, not when it is merely
 *   measurable. A doubling of the burn rate over the gate's own pre-deploy
 *   reading is such a difference for a service that was healthy before, and the
 *   smallest one a 5-minute window tells from noise at a few hundred requests a
 *   minute.
 * - **floor 1 (1× budget burn).** Argo Rollouts' analysis templates fail on an
 *   *absolute* condition (the usual example: a 5-minute success rate below 95%).
 *   The SLO's own absolute line is a burn rate of 1: the rate at which the budget
 *   lasts exactly its window. Below it the service is within its objective
 *   whatever the ratio to before, so a rise from 0.05× to 0.5× (a "10×
 *   regression" of almost nothing) never rolls back a deploy.
 * - **window 5m.** The short window of the SRE workbook's fastest alert pair
 *   (1h/5m): long enough for increase() at a 1-minute scrape, short enough to see
 *   a regression within the bake.
 * - **bake 15m, interval 1m.** Flagger analyses every minute; fifteen one-minute
 *   polls cover three full short windows after the deploy, and a regression ends
 *   the bake at the poll that sees it.
 * - **no-data fail.** No samples after the deploy is not a pass: a deploy that
 *   stopped the service's metrics (or its traffic) looks exactly like that.
 */


/** The defaults (see the file's comment for why). */
const VERIFY_DEFAULTS = { bake: '15m', interval: '1m', window: '5m', factor: 2, floor: 1, noData: 'fail' };
/** Polls closer than this would query faster than Prometheus's series change (a scrape is 15 s to 1 m). */
const MIN_INTERVAL_MS = 5_000;
/** A GitHub-hosted job runs at most 6 hours; a longer bake could never finish. */
const MAX_BAKE_MS = 6 * 3_600_000;
/**
 * The settings from `config` over the defaults, checked together (a single value's form was checked by its
 * schema). `source` and `names` say where the values came from, for the error.
 * @throws PolicyError naming the value and the accepted range
 */
function resolveVerifySettings(config, source, names = { bake: 'verify.bake', interval: 'verify.interval' }) {
    const bake = config?.bake ?? VERIFY_DEFAULTS.bake;
    const interval = config?.interval ?? VERIFY_DEFAULTS.interval;
    const bakeMs = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDurationMs */ .yi)(bake);
    const intervalMs = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDurationMs */ .yi)(interval);
    const issues = [];
    if (intervalMs < MIN_INTERVAL_MS)
        issues.push({ path: names.interval, message: `expected at least 5s (${_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .DURATION_FORM */ .ec}); got "${interval}"` });
    if (bakeMs > MAX_BAKE_MS)
        issues.push({ path: names.bake, message: `expected at most 6h, the longest a job may run; got "${bake}"` });
    if (intervalMs > bakeMs)
        issues.push({
            path: names.interval,
            message: `expected at most the bake time (${bake}), so that at least one poll happens; got "${interval}"`,
        });
    if (issues.length > 0)
        throw new _policy_policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(source, issues);
    return {
        bake,
        bakeMs,
        interval,
        intervalMs,
        window: config?.window ?? VERIFY_DEFAULTS.window,
        factor: config?.factor ?? VERIFY_DEFAULTS.factor,
        floor: config?.floor ?? VERIFY_DEFAULTS.floor,
        noData: config?.['no-data'] ?? VERIFY_DEFAULTS.noData,
    };
}


/***/ }),

/***/ 1254:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  D: () => (/* binding */ evaluateGate),
  e: () => (/* binding */ loadGatePolicy)
});

// EXTERNAL MODULE: ./src/core/report/report-schema.ts
var report_schema = __nccwpck_require__(7776);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __nccwpck_require__(8571);
// EXTERNAL MODULE: ./src/core/sli/registry.ts + 6 modules
var registry = __nccwpck_require__(3040);
;// CONCATENATED MODULE: ./src/core/generate/recorded-series.ts
/**
 * The series `generate rules` records, by name and window: shared by the rule
 * generator, the dashboard and the gate, so the gate reads exactly what the
 * rules write.
 *
 * Every name is in the `deploy_governor:` namespace (`deploy_governor:<what>:
 * <aggregation><window>`), so the generated rules and Sloth's (which write
 * `slo:sli_error:ratio_rate<w>`, `slo:objective:ratio`, … labelled `sloth_id`)
 * can be loaded into one Prometheus without their series mixing.
 */


/** SRE-workbook pairs, with their factors for a 30-day window (scaled to the SLO window by the generator). */
const DEFAULT_ALERT_PAIRS = [
    { long: '1h', short: '5m', factor: 14.4, severity: 'page', for: '2m' },
    { long: '6h', short: '30m', factor: 6, severity: 'page', for: '15m' },
    { long: '1d', short: '2h', factor: 3, severity: 'ticket', for: '1h' },
    { long: '3d', short: '6h', factor: 1, severity: 'ticket', for: '3h' },
];
/** The namespace of every generated series. */
const SERIES_NAMESPACE = 'deploy_governor';
/** Names of the generated series. */
const SERIES = {
    /** Bad events per second over the base window (the only rules that read raw counters). */
    errorRate: (base) => `${SERIES_NAMESPACE}:sli_error:rate${base}`,
    /** All events per second over the base window. */
    totalRate: (base) => `${SERIES_NAMESPACE}:sli_total:rate${base}`,
    /** The base error rate outside the policy's one-off exclusions (absent while one is open): the SLO window's budget reads it. */
    includedErrorRate: (base) => `${SERIES_NAMESPACE}:sli_error:included_rate${base}`,
    /** The base event rate outside the one-off exclusions. */
    includedTotalRate: (base) => `${SERIES_NAMESPACE}:sli_total:included_rate${base}`,
    /** Error ratio over a window (for ratio SLIs over the base window, the base recording itself). */
    errorRatio: (window) => `${SERIES_NAMESPACE}:sli_error:ratio_rate${window}`,
    /** Events over a window. */
    totalCount: (window) => `${SERIES_NAMESPACE}:sli_total:count${window}`,
    burnRate: (window) => `${SERIES_NAMESPACE}:burn_rate:${window}`,
    objective: `${SERIES_NAMESPACE}:objective:ratio`,
    budgetRemaining: `${SERIES_NAMESPACE}:error_budget_remaining:ratio`,
};
/** The base window when the policy sets no `scrape-interval` (or one of a minute or less). */
const DEFAULT_BASE_WINDOW = '5m';
/** Scrape intervals the base window spans at least, so that increase() always has several samples. */
const BASE_WINDOW_INTERVALS = 4;
const MINUTE_MS = 60_000;
/**
 * The window of the base rates for a scrape interval: at least four intervals
 * (rounded up to a whole minute, the rules' evaluation interval), and never less
 * than 5m. `increase(x[5m])` needs two samples inside 5 minutes, so it records
 * nothing at a 5-minute scrape interval: there the base window is 20m.
 */
function baseWindowFor(scrapeInterval) {
    if (scrapeInterval === undefined)
        return DEFAULT_BASE_WINDOW;
    const ms = Math.ceil((BASE_WINDOW_INTERVALS * (0,duration/* parseDurationMs */.yi)(scrapeInterval)) / MINUTE_MS) * MINUTE_MS;
    return ms <= (0,duration/* parseDurationMs */.yi)(DEFAULT_BASE_WINDOW) ? DEFAULT_BASE_WINDOW : (0,duration/* formatPromDuration */.wz)(ms);
}
/** The base window of an SLO's rules, from the policy's `scrape-interval`. */
function baseWindowOf(slo) {
    return baseWindowFor(slo.scrapeInterval);
}
/**
 * The windows recorded for an SLO, shortest first: its own, the gate's 1h
 * burn-rate window and the default alert pairs' (always, so the gate can rely
 * on them whatever pairs a policy configures), plus configured pairs' and
 * `extra` windows (the policy's burn-rate guards). A window shorter than the
 * base window is recorded too, as the base window's ratio (the shortest the
 * scrape interval can measure).
 */
function recordedWindows(slo, pairs = DEFAULT_ALERT_PAIRS, extra = []) {
    const all = new Set(['5m', '1h', slo.window, ...[...DEFAULT_ALERT_PAIRS, ...pairs].flatMap((p) => [p.long, p.short]), ...extra]);
    return [...all].sort((a, b) => (0,duration/* parseDurationMs */.yi)(a) - (0,duration/* parseDurationMs */.yi)(b));
}
function sloSelector(slo) {
    return `{slo="${slo.name}"}`;
}
/**
 * Evaluation interval of every generated group. The base rules record *rates*
 * over the base window every interval, so a sum of them over w, times the
 * interval, is the event count over w (each event is seen base/interval times
 * at 1/base of its weight); in a ratio of two such sums the interval cancels out.
 */
const RULE_INTERVAL_SECONDS = 60;
/** The base series of an SLO: events per second over its base window (ratio SLIs: the error ratio over it). */
function baseSeries(slo) {
    const window = baseWindowOf(slo);
    return { window, error: SERIES.errorRate(window), total: SERIES.totalRate(window), ratio: SERIES.errorRatio(window) };
}
/**
 * How to read an SLO's event counts over any window from the recorded base
 * series instead of raw counters (`sum(increase(...[30d]))`): null for a ratio
 * SLI, which records no traffic. Within a few events of the raw answer (the
 * window edge is smoothed over one base window).
 */
function recordedQueries(slo) {
    if (!(0,registry/* sliKindOf */.Kh)(slo.sli).countsEvents)
        return null;
    const base = baseSeries(slo);
    const count = (series) => (window) => `sum_over_time(${series}${sloSelector(slo)}[${window}]) * ${RULE_INTERVAL_SECONDS}`;
    return { error: count(base.error), total: count(base.total) };
}
/** The base series that tells whether an SLO is recorded: its event rate, or its ratio for kinds that count no events. */
function baseSeriesOf(slo) {
    const base = baseSeries(slo);
    return (0,registry/* sliKindOf */.Kh)(slo.sli).countsEvents ? base.total : base.ratio;
}
/** The recorded error ratio of an SLO over a window. */
function recordedRatioQuery(slo, window) {
    return `${SERIES.errorRatio(window)}${sloSelector(slo)}`;
}
/**
 * Samples of the SLO's base recording in the hour at the start of its window:
 * more than zero means the recorded history covers the whole window. The base
 * series is named after the base window, so rules generated for another
 * `scrape-interval` do not count as these (the gate then reads raw counters).
 */
function recordedCoverageQuery(slo) {
    const base = baseSeriesOf(slo);
    const offset = (0,duration/* formatPromDuration */.wz)((0,duration/* parseDurationMs */.yi)(slo.window) - 3_600_000);
    return `count_over_time(${base}${sloSelector(slo)}[1h]${offset === '0s' ? '' : ` offset ${offset}`})`;
}

// EXTERNAL MODULE: ./src/core/prometheus/query-error.ts
var query_error = __nccwpck_require__(6399);
// EXTERNAL MODULE: ./src/core/status.ts
var core_status = __nccwpck_require__(5009);
;// CONCATENATED MODULE: ./src/core/evaluate/budget-history.ts
/**
 * The budget history behind the report's charts: how the SLO's error budget
 * was spent across its window, and the burn rate step by step, from ONE range
 * query per SLO at a coarse step (at most 30 points, whatever the window).
 *
 * The query asks, at each step's end, for the events of that step alone: from
 * raw counters, its errors and its total as the SLI kind counts them for any
 * window; on the recorded path (when the gate read the SLO window from the
 * recorded series), the recorded base series over the step. The steps tile the
 * window, so on the raw path the query reads the window's samples once more (an
 * events SLI exactly as many as its window query), and on the recorded path one
 * sample per base window of each base series, whatever the traffic (17,280 for
 * a 30d window). From those counts:
 * - the burn rate of each step is its error ratio over the budget (1 − objective);
 * - the budget remaining after each step is 100 % less the share of the window's
 *   spent budget that the steps so far account for. The window's spent budget is
 *   the gate's own figure (the table's), so the last point is the table's budget
 *   remaining and the line never rises (a burn-down of the current window).
 *
 * Everything here is best-effort: the decision never depends on it. A query that
 * fails or answers unusably is a note and no history; a querier without range
 * queries (the app's tenant querier) gives no history and no note.
 */





/** Most points of one SLO's history (one per step). */
const HISTORY_MAX_POINTS = 30;
/** The shortest step: a step must hold a few scrapes for `increase()` to see anything. */
const HISTORY_MIN_STEP_SECONDS = 300;
/**
 * Most SLOs of one report that carry a history (the worst first): 30 points
 * are about 2.3 KB of JSON, and the whole report must fit the check run's
 * 65,535 characters for the app to read it back (see `fitHistories`).
 */
const HISTORY_MAX_SLOS = 10;
/** The label that tells the two parts of a counting SLI's history query apart. */
const HISTORY_PART_LABEL = 'dg_history';
/**
 * The steps of a window's history: as many as fit (at most 30, each at least
 * 5 minutes), preferring whole days, then whole hours, then whole minutes, and
 * never fewer than half the maximum for a rounder step. `n × step` is the window
 * whenever such a step divides it (30d: 30 × 1d, 28d: 28 × 1d, 7d: 28 × 6h,
 * 1h: 12 × 5m), so the steps tile the window exactly; otherwise the first step
 * reaches less than a step before the window. Null for a window too short for
 * two steps.
 */
function historyGrid(windowMs) {
    const window = Math.round(windowMs / 1000);
    const most = Math.min(HISTORY_MAX_POINTS, Math.floor(window / HISTORY_MIN_STEP_SECONDS));
    if (!Number.isFinite(most) || most < 2)
        return null;
    for (const unit of [86_400, 3_600, 60]) {
        for (let n = most; n >= Math.max(2, Math.ceil(most / 2)); n--) {
            if (window % (n * unit) === 0)
                return { stepSeconds: window / n, points: n };
        }
    }
    // No whole-minute step tiles the window: whole seconds, the first step reaching a little before its start.
    return { stepSeconds: Math.ceil(window / most), points: most };
}
/**
 * What to read for each step: from raw counters, the SLI kind's own counts (or
 * ratio); on the recorded path, the recorded base series, as the gate reads any
 * window from them. Not the window series the rules record (`…ratio_rate1d`):
 * the gate's coverage probe checks the base series over the whole window, while
 * the window series may reach back only to when the rules were loaded (promtool
 * cannot backfill rules that read other rules in the same pass).
 *
 * The base series are rates over the base window (5m), recorded every minute;
 * read at every base window's end (a subquery at that resolution), each
 * multiplied by the base window's seconds, they count each event once: a fifth
 * of the samples of summing every recorded minute (8,640 a series for 30 days).
 * A step that is not a multiple of the base window sums every recorded minute.
 */
function stepParts(slo, source, step) {
    const kind = (0,registry/* sliKindOf */.Kh)(slo.sli);
    if (source === 'raw') {
        // A kind whose gate queries are exactly an error and a total count (events) is read with them: its
        // recording's error part also reads the total (`or 0 * total`, so a recorded ratio stays defined), which
        // would read the window's total samples a second time; a step without an error series is zero errors here.
        const queries = kind.queries(slo.sli, step);
        if (kind.countsEvents && Object.keys(queries).sort().join(',') === 'error,total')
            return { tagged: { error: queries.error, total: queries.total } };
        const recording = kind.recording(slo.sli, step);
        return 'counts' in recording ? { tagged: recording.counts } : recording;
    }
    const selector = sloSelector(slo);
    const base = baseSeries(slo);
    const baseMs = (0,duration/* parseDurationMs */.yi)(base.window);
    const stepMs = (0,duration/* parseDurationMs */.yi)(step);
    const tiled = stepMs >= baseMs && stepMs % baseMs === 0;
    if (!kind.countsEvents)
        return { ratio: `avg(avg_over_time(${base.ratio}${selector}[${step}${tiled ? `:${base.window}` : ''}]))` };
    if (tiled) {
        const count = (series) => `sum(sum_over_time(${series}${selector}[${step}:${base.window}])) * ${baseMs / 1000}`;
        return { tagged: { error: count(base.error), total: count(base.total) } };
    }
    const counts = recordedQueries(slo);
    return { tagged: { error: `sum(${counts.error(step)})`, total: `sum(${counts.total(step)})` } };
}
/**
 * The one PromQL range query of an SLO's history at `stepSeconds`: for a kind
 * that counts events, each step's error and total counts, as two series told
 * apart by the `dg_history` label; for a ratio kind, the step's ratio.
 */
function budgetHistoryQuery(slo, source, stepSeconds) {
    const parts = stepParts(slo, source, (0,duration/* formatPromDuration */.wz)(stepSeconds * 1000));
    if ('ratio' in parts)
        return parts.ratio;
    const tag = (part) => `label_replace(${parts.tagged[part]}, "${HISTORY_PART_LABEL}", "${part}", "", "")`;
    return `${tag('error')} or ${tag('total')}`;
}
/** One value per step from a series, by the step its timestamp falls on; others are dropped. */
function byStep(series, at, stepSeconds) {
    const values = at.map(() => undefined);
    for (const p of series?.points ?? []) {
        const i = Math.round((p.at - at[0]) / stepSeconds);
        if (i >= 0 && i < at.length && Math.abs(p.at - at[i]) < stepSeconds / 2)
            values[i] = p.value;
    }
    return values;
}
/** Counts are finite and not negative; anything else in a step is treated as no data for it. */
const count = (v) => (v !== undefined && Number.isFinite(v) && v >= 0 ? v : undefined);
/**
 * Reads an SLO's history with one range query ending at `time`. Null when the
 * querier has no range queries or the window is too short for a chart; a note
 * when the query fails or its answer cannot be used.
 * @throws only what is not a query failure (a bug)
 */
async function readBudgetHistory(slo, source, prometheus, time) {
    const grid = historyGrid((0,duration/* parseDurationMs */.yi)(slo.window));
    if (!prometheus.queryRange || grid === null)
        return null;
    const query = budgetHistoryQuery(slo, source, grid.stepSeconds);
    const end = Math.floor(time.getTime() / 1000);
    const at = Array.from({ length: grid.points }, (_, i) => end - (grid.points - 1 - i) * grid.stepSeconds);
    const unusable = (why) => ({
        note: `SLO ${slo.name}: no budget chart: ${why} (query: ${query}); the decision does not depend on it`,
    });
    let result;
    try {
        result = await prometheus.queryRange(query, {
            start: new Date(at[0] * 1000),
            end: new Date(end * 1000),
            stepSeconds: grid.stepSeconds,
        });
    }
    catch (error) {
        if (!(error instanceof query_error/* PrometheusQueryError */.V))
            throw error;
        return { note: `SLO ${slo.name}: no budget chart: the history query failed: ${error.message}; the decision does not depend on it` };
    }
    const ratios = [];
    const spent = [];
    if ((0,registry/* sliKindOf */.Kh)(slo.sli).countsEvents) {
        const tagged = (part) => result.series.filter((s) => s.labels[HISTORY_PART_LABEL] === part);
        const [errorSeries, totalSeries] = [tagged('error'), tagged('total')];
        if (errorSeries.length > 1 || totalSeries.length > 1 || result.series.length > errorSeries.length + totalSeries.length) {
            return unusable(`the history query returned ${result.series.length} series where it expects one error and one total series`);
        }
        if (totalSeries.length === 0)
            return unusable('the history query returned no samples');
        const errors = byStep(errorSeries[0], at, grid.stepSeconds);
        const totals = byStep(totalSeries[0], at, grid.stepSeconds);
        for (const [i, t] of totals.entries()) {
            const total = count(t);
            // A step without an error count but with traffic had no errors (no 5xx series yet).
            const e = Math.min(count(errors[i]) ?? 0, total ?? 0);
            ratios.push(total === undefined ? null : total === 0 ? 0 : e / total);
            spent.push(total === undefined ? 0 : e);
        }
    }
    else {
        if (result.series.length > 1)
            return unusable(`the history query returned ${result.series.length} series; a ratio SLI's query must return one`);
        if (result.series.length === 0)
            return unusable('the history query returned no samples');
        for (const v of byStep(result.series[0], at, grid.stepSeconds)) {
            // NaN is 0/0: a step without traffic, which burned nothing.
            const ratio = v === undefined || (!Number.isFinite(v) && !Number.isNaN(v)) || v < 0 ? null : Number.isNaN(v) ? 0 : Math.min(v, 1);
            ratios.push(ratio);
            spent.push(ratio ?? 0);
        }
    }
    return { answer: { source, grid, at, ratios, spent, query } };
}
/** `2026-03-01T00:00:00Z`: seconds are the history's resolution. */
function isoSeconds(unixSeconds) {
    return new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/**
 * The report's history from the range query's answer and the gate's own figures:
 * the budget remaining after each step (the last one is `budgetRemaining`) and
 * each step's burn rate (null for a step without data).
 * @param budgetRemaining the gate's budget remaining over the window, in percent
 */
function toBudgetHistory(answer, objective, budgetRemaining) {
    const budget = 1 - objective / 100;
    const windowSpent = 100 - budgetRemaining;
    const total = answer.spent.reduce((a, b) => a + b, 0);
    let spentSoFar = 0;
    const points = answer.at.map((at, i) => {
        spentSoFar += answer.spent[i];
        // No error in any step (the window's few errors fell between them): nothing to attribute them to, so the
        // line stays full and meets the table's figure at the last point.
        const remaining = total > 0 ? 100 - (windowSpent * spentSoFar) / total : i === answer.at.length - 1 ? budgetRemaining : 100;
        const ratio = answer.ratios[i];
        return {
            at: isoSeconds(at),
            budgetRemaining: Number(remaining.toFixed(2)),
            burnRate: ratio === null ? null : Number((ratio / budget).toFixed(3)),
        };
    });
    return { step: (0,duration/* formatPromDuration */.wz)(answer.grid.stepSeconds * 1000), source: answer.source, points };
}
/**
 * What the report's JSON may weigh with its histories: the check run carries the
 * report in 65,535 characters, and after the evaluation the Action may still add
 * an override record and its OIDC provenance (up to 16,384 characters).
 */
const REPORT_HISTORY_BUDGET_CHARS = 45_000;
/**
 * Keeps the histories that fit: at most HISTORY_MAX_SLOS of them, and only as
 * many as keep the report within REPORT_HISTORY_BUDGET_CHARS, the worst SLOs
 * first (status, then the least budget, then policy order). A history therefore
 * never makes a report too big for the check run: a report that fits without
 * them fits with the ones kept, and one that does not fit keeps none. A note
 * says how many SLOs have no chart because of this.
 * @param build the report for the SLO results and the note (if any)
 */
function fitHistories(results, build) {
    const charted = results
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => r.history !== undefined)
        .sort((a, b) => (0,core_status/* statusRank */.Tx)(b.r.status) - (0,core_status/* statusRank */.Tx)(a.r.status) || (a.r.budgetRemaining ?? 0) - (b.r.budgetRemaining ?? 0) || a.i - b.i)
        .map(({ i }) => i);
    for (let kept = Math.min(charted.length, HISTORY_MAX_SLOS);; kept--) {
        const keep = new Set(charted.slice(0, kept));
        const limited = results.map((r, i) => {
            if (r.history === undefined || keep.has(i))
                return r;
            const copy = { ...r };
            delete copy.history;
            return copy;
        });
        const left = charted.length - kept;
        const note = left === 0
            ? null
            : `No budget chart for ${left} of ${charted.length} SLOs (those with the most budget left), to keep the report within the check run's size limit; their figures are in the table`;
        const report = build(limited, note);
        if (kept === 0 || JSON.stringify(report).length <= REPORT_HISTORY_BUDGET_CHARS)
            return report;
    }
}

// EXTERNAL MODULE: ./src/core/evaluate/counting-querier.ts
var counting_querier = __nccwpck_require__(2288);
// EXTERNAL MODULE: ./src/core/evaluate/decide.ts
var decide = __nccwpck_require__(9803);
// EXTERNAL MODULE: ./src/core/promql/promql.ts
var promql = __nccwpck_require__(2124);
// EXTERNAL MODULE: ./src/core/evaluate/evaluation-error.ts
var evaluation_error = __nccwpck_require__(6034);
// EXTERNAL MODULE: ./src/core/evaluate/sli-error.ts
var sli_error = __nccwpck_require__(4366);
;// CONCATENATED MODULE: ./src/core/evaluate/evaluate-dr.ts
/**
 * Disaster-recovery freshness: the last drill's age, and optionally a backup
 * probe and the last drill's RTO/RPO. Gauges are read with a lookback because a
 * value pushed once a day is stale for an instant query after five minutes.
 */




async function readValue(prometheus, query, time) {
    const result = await prometheus.query(query, time);
    if (result.samples.length === 0)
        return null;
    const value = result.samples[0].value;
    if (!Number.isFinite(value))
        throw new sli_error/* SliError */.l(`the DR query returned ${value}; expected a number (query: ${query})`);
    return value;
}
/** DR's findings belong to one rule, `dr`, advisory when `dr.enforcement` is (issue 16, advisory rules). */
async function evaluateDr(dr, prometheus, time) {
    const evaluation = await evaluateDrChecks(dr, prometheus, time);
    const tag = { rule: 'dr', ...(dr.advisory === true ? { enforcement: 'advisory' } : {}) };
    return { ...evaluation, findings: evaluation.findings.map((f) => ({ ...f, ...tag })) };
}
async function evaluateDrChecks(dr, prometheus, time) {
    const queries = {
        age: (0,promql/* lastValueQuery */.YQ)(dr.metric, dr.lookback),
        probe: dr.backupProbe ? (0,promql/* lastValueQuery */.YQ)(dr.backupProbe.query, dr.backupProbe.lookback, 'min') : null,
        rto: dr.rto ? (0,promql/* lastValueQuery */.YQ)(dr.rto.metric, dr.lookback) : null,
        rpo: dr.rpo ? (0,promql/* lastValueQuery */.YQ)(dr.rpo.metric, dr.lookback) : null,
    };
    let values;
    try {
        const [age, probe, rto, rpo] = await Promise.all([queries.age, queries.probe, queries.rto, queries.rpo].map((q) => q === null ? Promise.resolve(null) : readValue(prometheus, q, time)));
        values = { age: age ?? null, probe: probe ?? null, rto: rto ?? null, rpo: rpo ?? null };
    }
    catch (error) {
        if (!(0,evaluation_error/* isEvaluationError */.T)(error))
            throw error;
        const message = `DR check: ${error.message}`;
        return { result: null, findings: [{ source: 'error', status: 'UNKNOWN', message }] };
    }
    const findings = [];
    const fail = (message) => findings.push({ source: 'dr', status: dr.status, message });
    // A gauge with no sample is no data (n/a in the report), never a value; the message names the query that returned nothing.
    const missing = (message) => findings.push({ source: 'dr', status: dr.status, message, code: 'no-data' });
    const maxAgeSeconds = dr.maxAgeMs / 1000;
    let ageSeconds = null;
    if (values.age === null) {
        missing(`DR check: no ${dr.metric} sample in the last ${dr.lookback} (${queries.age} returned no samples): after each successful drill publish its Unix time (e.g. push "${dr.metric.replace(/\{.*$/, '')} $(date +%s)" to a Pushgateway), or turn the check off with dr-check: false`);
    }
    else {
        ageSeconds = Math.max(0, time.getTime() / 1000 - values.age);
        if (ageSeconds > maxAgeSeconds) {
            fail(`DR check: the last drill was ${(0,duration/* humanDuration */.UU)(ageSeconds)} ago, older than the allowed ${dr.maxAge}: run a DR drill (or raise dr-max-age)`);
        }
    }
    let backupProbe = null;
    if (dr.backupProbe) {
        const ok = values.probe === 1;
        backupProbe = { query: dr.backupProbe.query, value: values.probe, ok };
        if (values.probe === null)
            missing(`DR check: the backup probe ${dr.backupProbe.query} has no sample in the last ${dr.backupProbe.lookback} (${queries.probe} returned no samples): check that the probe runs and is scraped`);
        else if (!ok)
            fail(`DR check: the backup probe ${dr.backupProbe.query} is ${values.probe}, not 1: the last backup check failed`);
    }
    const objective = (name, cfg, value, query) => {
        if (!cfg)
            return null;
        const ok = value !== null && value <= cfg.maxSeconds;
        if (value === null)
            missing(`DR check: no ${cfg.metric} sample in the last ${dr.lookback} (${query} returned no samples): publish the last drill's ${name} in seconds`);
        else if (!ok)
            fail(`DR check: the last drill's ${name} was ${(0,duration/* humanDuration */.UU)(value)}, over the limit of ${cfg.max}`);
        return { metric: cfg.metric, seconds: value, maxSeconds: cfg.maxSeconds, ok };
    };
    const rto = objective('RTO', dr.rto, values.rto, queries.rto);
    const rpo = objective('RPO', dr.rpo, values.rpo, queries.rpo);
    return {
        result: {
            metric: dr.metric,
            ageSeconds,
            maxAgeSeconds,
            lastTestAt: values.age === null ? null : new Date(values.age * 1000).toISOString(),
            backupProbe,
            rto,
            rpo,
            ok: findings.length === 0,
        },
        findings,
    };
}

// EXTERNAL MODULE: ./src/core/budget/budget-math.ts
var budget_math = __nccwpck_require__(2787);
// EXTERNAL MODULE: ./src/core/sli/read-answers.ts
var read_answers = __nccwpck_require__(9322);
;// CONCATENATED MODULE: ./src/core/exclusions/exclusion-queries.ts
/**
 * The gate's PromQL for a budget with exclusions: for each of errors and
 * totals, one query holding the SLO window's count and, for every excluded
 * interval, the count over that interval pinned with `@` at its end:
 *
 *     label_replace(<count over 30d>, "dg_part", "window", "", "")
 *     or label_replace(<count over 2h> @ <end of interval 0>, "dg_part", "0", "", "")
 *     or …
 *
 * Two queries per SLO whatever the number of intervals (bounded by
 * MAX_EXCLUDED_INTERVALS, so each query stays a few kilobytes). The counts are
 * the SLI kind's own (the `counts` of `recording`, which the generated rules
 * record too), so an absent error series is zero errors here as everywhere.
 */



/** Stands for the window while the kind builds its query, so each range it ends up in can be pinned. */
const WINDOW_SENTINEL = '__deploy_governor_window__';
/** The label that tells the parts of a combined answer apart. */
const PART_LABEL = 'dg_part';
/** The part that holds the SLO window's own count. */
const WINDOW_PART = 'window';
/** `expr` over `length` ending at `endMs`: every range the window went into becomes `[length] @ end`. */
function pinToInterval(expr, length, endMs) {
    const at = (endMs / 1000).toFixed(3);
    const pinned = expr.replace(new RegExp(`\\[\\s*${WINDOW_SENTINEL}\\s*(:[^\\]]*)?\\]`, 'g'), (_m, step) => {
        return `[${length}${step ?? ''}] @ ${at}`;
    });
    if (pinned.includes(WINDOW_SENTINEL)) {
        throw new sli_error/* SliError */.l(`the query uses {{window}} outside a range selector ([{{window}}]), so its count over an excluded interval cannot be pinned with @: ${expr.replaceAll(WINDOW_SENTINEL, '{{window}}')}`);
    }
    return pinned;
}
function tagged(expr, part) {
    return `label_replace(${expr}, "${PART_LABEL}", "${part}", "", "")`;
}
/**
 * The two queries (errors, totals) for `sli` over `window` at the evaluation time minus each of `intervals`.
 * @throws Error for a kind without event counts (ratio SLIs: the caller leaves their budget unexcluded)
 */
function exclusionQueries(sli, window, intervals) {
    const kind = (0,registry/* sliKindOf */.Kh)(sli);
    const atWindow = kind.recording(sli, window);
    const atSentinel = kind.recording(sli, WINDOW_SENTINEL);
    if (!('counts' in atWindow) || !('counts' in atSentinel))
        throw new Error(`SLI kind ${sli.kind} has no event counts to exclude from`);
    const build = (role) => [
        tagged(atWindow.counts[role], WINDOW_PART),
        ...intervals.map((iv, i) => tagged(pinToInterval(atSentinel.counts[role], (0,duration/* formatPromDuration */.wz)(iv.end.getTime() - iv.start.getTime()), iv.end.getTime()), String(i))),
    ].join(' or ');
    return { error: build('error'), total: build('total') };
}

;// CONCATENATED MODULE: ./src/core/exclusions/measure-excluded.ts
/**
 * An SLO window's error ratio without its excluded intervals: the window's
 * errors and events minus those of each interval (read with `@`-pinned range
 * queries, exclusion-queries.ts), divided once, so the ratio stays
 * traffic-weighted. With minute-aligned intervals over samples on the minute,
 * each pinned `increase()` reads exactly the samples of its interval, so the
 * result equals the count over the minutes left (test/integration/gate-exclusions).
 */



/** The counts of a combined answer, by part: the window's, and each interval's (0 when its part is absent). */
async function readParts(prometheus, query, time, role, count) {
    const result = await prometheus.query(query, time);
    const byPart = new Map();
    for (const s of result.samples) {
        const part = s.labels[PART_LABEL] ?? '';
        // Each part is one sum(...): two samples of one part mean the kind's count was not a single series.
        if (byPart.has(part))
            throw new sli_error/* SliError */.l(`the ${role} query returned two series for part ${part} (query: ${query})`);
        byPart.set(part, (0,read_answers/* finiteCount */.fh)(s.value, query, role) ?? 0);
    }
    return {
        window: byPart.get(WINDOW_PART) ?? null,
        intervals: Array.from({ length: count }, (_, i) => byPart.get(String(i)) ?? 0),
    };
}
/**
 * The ratio of `slo` over its window at `time` without `intervals` (disjoint, clipped to the window).
 * @throws PrometheusQueryError when Prometheus fails, SliError when an answer is unusable
 */
async function measureExcluded(slo, intervals, prometheus, time) {
    const q = exclusionQueries(slo.sli, slo.window, intervals);
    const excludedMs = intervals.reduce((sum, iv) => sum + (iv.end.getTime() - iv.start.getTime()), 0);
    if (excludedMs >= slo.windowMs) {
        // Nothing is left to judge: no query can tell a budget over no time.
        return { measurement: (0,read_answers/* noTraffic */.Ps)(q.total, `the exclusions cover the whole ${slo.window} window`), returned: [] };
    }
    const [errors, totals] = await Promise.all([
        readParts(prometheus, q.error, time, 'error', intervals.length),
        readParts(prometheus, q.total, time, 'total', intervals.length),
    ]);
    if (totals.window === null)
        return { measurement: (0,read_answers/* noData */._h)(q.total, 'the total query returned no samples'), returned: [] };
    // An interval's errors never exceed its events (increase() may extrapolate the two a little differently).
    const intervalErrors = errors.intervals.map((e, i) => Math.min(e, totals.intervals[i]));
    const total = totals.window - totals.intervals.reduce((a, b) => a + b, 0);
    if (total <= 0)
        return {
            measurement: (0,read_answers/* noTraffic */.Ps)(q.total, `no events are left in the ${slo.window} window once the exclusions are taken out`),
            returned: [],
        };
    const windowErrors = errors.window ?? 0;
    const left = Math.max(windowErrors - intervalErrors.reduce((a, b) => a + b, 0), 0);
    // The window's budget in events, after exclusions: what each interval's errors are a share of.
    const budgetEvents = total * (1 - slo.objective / 100);
    return {
        measurement: (0,read_answers/* measured */.jh)((0,read_answers/* boundedRatio */.Lz)(left / total, slo.window)),
        returned: intervals.map((iv, i) => ({
            name: iv.name,
            kind: iv.kind,
            from: iv.start.toISOString(),
            to: iv.end.toISOString(),
            eventsExcluded: totals.intervals[i],
            errorsReturned: intervalErrors[i],
            budgetReturned: (100 * intervalErrors[i]) / budgetEvents,
        })),
    };
}

;// CONCATENATED MODULE: ./src/core/evaluate/history.ts
/**
 * How far back an SLO's data goes, when that is less than its window: a young
 * service or a short retention gives a budget over the days that exist, which
 * the report must say.
 *
 * One extra query, on the raw path only, and cheap by construction: the SLI's
 * traffic query over one hour, evaluated at each day boundary of the window
 * (`min_over_time(timestamp(<traffic over 1h>)[<window>:1d])`). That reads 1/24
 * of the samples the window's own query reads, whatever the window. The
 * recorded path needs nothing more: it is used only when its coverage probe
 * found recordings at the window's start. A `count_over_time` of the raw
 * counters would read every sample of the window again, and the oldest-sample
 * form (`min_over_time(timestamp(sel)[…])`) needs a plain selector, which an
 * events SLI's query is not.
 */



const DAY_SECONDS = 86_400;
const PROBE_SECONDS = 3_600;
/** The history query of an SLO. */
function historyQuery(slo) {
    return (0,promql/* oldestDataQuery */.sE)((0,registry/* sliKindOf */.Kh)(slo.sli).trafficQuery(slo.sli, promql/* HISTORY_PROBE_WINDOW */.RZ), slo.window);
}
/**
 * The first day boundary (Unix seconds) at which the SLO had data; null when no
 * boundary had any; undefined when the query failed (the history is then not
 * reported: the evaluation itself does not depend on it).
 */
async function oldestData(slo, prometheus, time) {
    try {
        const { samples } = await prometheus.query(historyQuery(slo), time);
        const values = samples.map((s) => s.value).filter(Number.isFinite);
        return values.length === 0 ? null : Math.min(...values);
    }
    catch (error) {
        if (error instanceof query_error/* PrometheusQueryError */.V)
            return undefined;
        throw error;
    }
}
/**
 * Days of history the data covers when that is less than the window, else null.
 * @param oldest the history query's answer (null: no day boundary had data)
 * @param recentData whether the most recent hour had data (then an empty answer means less than a day of history, not
 *    a query the probe cannot read)
 */
function shortHistoryDays(oldest, now, windowMs, recentData) {
    const nowSeconds = now.getTime() / 1000;
    const windowStart = nowSeconds - windowMs / 1000;
    if (oldest === null) {
        if (!recentData)
            return null;
        // No day boundary saw data, yet the last hour has some: the data began after the last boundary's probe hour.
        const lastBoundary = Math.floor(nowSeconds / DAY_SECONDS) * DAY_SECONDS;
        return Math.min(windowMs / 1000, nowSeconds - lastBoundary + PROBE_SECONDS) / DAY_SECONDS;
    }
    // The first boundary inside the window is less than a day after its start: data there means a full window.
    if (oldest < windowStart + DAY_SECONDS + PROBE_SECONDS)
        return null;
    return (nowSeconds - oldest) / DAY_SECONDS;
}

// EXTERNAL MODULE: ./src/core/evaluate/measure-error-ratio.ts
var measure_error_ratio = __nccwpck_require__(1206);
;// CONCATENATED MODULE: ./src/core/evaluate/recorded-ratios.ts
/**
 * Reading the SLO ratios that `deploy-governor generate rules` records instead
 * of scanning raw counters over the whole window: the same traffic-weighted
 * ratio for a fraction of the samples (see `npm run bench`).
 */



/**
 * The windows of `slo` to read from recorded series: all recorded windows when
 * the recorded history covers the SLO window, none otherwise. With `auto`, a
 * failed check is a note, not an error: the raw queries run next, so a
 * Prometheus that fails them names the SLO's own query, not this probe.
 * @throws SliError when `mode` is `true` and the recordings are missing or too young; PrometheusQueryError when `mode`
 *    is `true` and the check fails
 */
async function recordedWindowsAvailable(slo, mode, prometheus, time) {
    if (mode === 'false')
        return { windows: new Set(), note: null };
    const query = recordedCoverageQuery(slo);
    let covered;
    try {
        covered = (await prometheus.query(query, time)).samples.some((s) => s.value > 0);
    }
    catch (error) {
        if (mode === 'true' || !(error instanceof query_error/* PrometheusQueryError */.V))
            throw error;
        return {
            windows: new Set(),
            note: `SLO ${slo.name}: the check for recorded series failed, so raw counters were read: ${error.message}`,
        };
    }
    if (covered)
        return { windows: new Set(recordedWindows(slo)), note: null };
    if (mode === 'true') {
        throw new sli_error/* SliError */.l(`use-recording-rules is true, but the recorded series of SLO ${slo.name} do not reach back over its ${slo.window} window (${query} is empty): load the rules from \`deploy-governor generate rules\` and let them record for ${slo.window} (or backfill them with promtool), or set use-recording-rules to auto`);
    }
    return { windows: new Set(), note: null };
}
/**
 * The recorded error ratio over `window`: no traffic when the recorded quotient
 * is NaN; null when the series is missing although the SLO's recordings exist
 * (the caller reads raw counters for that window, with a note).
 */
async function measureRecordedRatio(slo, window, prometheus, time) {
    const query = recordedRatioQuery(slo, window);
    const result = await prometheus.query(query, time);
    if (result.samples.length === 0)
        return null;
    if (result.samples.length > 1)
        throw new sli_error/* SliError */.l(`${query} returned ${result.samples.length} series: two rule files record SLO ${slo.name}; keep one`);
    const value = result.samples[0].value;
    if (Number.isNaN(value))
        return { state: 'no-traffic', query, detail: `the recorded ratio ${query} is NaN (no events in the window)` };
    if (!Number.isFinite(value) || value < 0)
        throw new sli_error/* SliError */.l(`${query} returned ${value}; expected an error ratio between 0 and 1`);
    return { state: 'measured', ratio: Math.min(value, 1) };
}

;// CONCATENATED MODULE: ./src/core/evaluate/sloth-ratios.ts
/**
 * Reading the error ratios Sloth itself records, for an SLO that came from a
 * Sloth spec: the sibling of recorded-ratios.ts (the series `generate rules`
 * records), which the gate prefers when both exist.
 *
 * Sloth's series and labels, as its SLI rules plugin writes them
 * (slok/sloth `internal/plugin/slo/core/sli_rules_v1/plugin.go`, vendored output
 * in test/fixtures/sloth/getting-started.rules.yml):
 * - `slo:sli_error:ratio_rate<w>` for each alert window (5m, 30m, 1h, 2h, 6h,
 *   1d, 3d with its default windows), `(error)/(total)` over `[w]`;
 * - the same name for the SLO period (`30d` by default), recorded as
 *   `sum_over_time(…ratio_rate5m[30d]) / count_over_time(…ratio_rate5m[30d])`:
 *   the average of the 5-minute ratios, not traffic-weighted, and NaN once any
 *   5-minute ratio inside the period was 0/0;
 * - every one labelled `sloth_id="<service>-<slo>"` and `sloth_window="<w>"`
 *   (the window as Prometheus prints durations, `4w` for 28 days).
 */






/** Sloth's error-ratio recordings: the name is this prefix and the `sloth_window` label. */
const SLOTH_RATIO_PREFIX = 'slo:sli_error:ratio_rate';
/** The window Sloth's period ratio averages (its default page alert's short window). */
const SLOTH_BASE_WINDOW = '5m';
function slothSelector(slo) {
    return `{sloth_id=${(0,promql/* promString */.CZ)(slo.slothId)}}`;
}
/**
 * Samples of Sloth's 5-minute ratio in the hour at the start of the SLO window:
 * more than zero means Sloth's recordings reach back over the whole window.
 */
function slothCoverageQuery(slo) {
    const offset = (0,duration/* formatPromDuration */.wz)((0,duration/* parseDurationMs */.yi)(slo.window) - 3_600_000);
    return `count_over_time(${SLOTH_RATIO_PREFIX}${SLOTH_BASE_WINDOW}${slothSelector(slo)}[1h]${offset === '0s' ? '' : ` offset ${offset}`})`;
}
/** The windows Sloth records for the SLO now, one series per `sloth_window`. */
function slothWindowsQuery(slo) {
    return `group by (sloth_window) ({__name__=~${(0,promql/* promString */.CZ)(`${SLOTH_RATIO_PREFIX}.+`)}, sloth_id=${(0,promql/* promString */.CZ)(slo.slothId)}})`;
}
/** Sloth's error ratio over a window, by the window as Sloth writes it (`sloth_window`). */
function slothRatioQuery(slo, slothWindow) {
    return `${SLOTH_RATIO_PREFIX}${slothWindow}${slothSelector(slo)}`;
}
const NONE = { windows: new Map(), note: null };
/**
 * Where the gate reads an SLO's windows, in order of preference: the series of
 * `generate rules` (traffic-weighted, as the raw counters), else Sloth's own
 * for an SLO that came from a Sloth spec, else raw counters. With
 * `use-recording-rules: true`, a Sloth-sourced SLO is an error only when
 * neither is there.
 * @throws as `recordedWindowsAvailable` and `slothWindowsAvailable`
 */
async function recordedSources(slo, windows, mode, prometheus, time) {
    let recorded;
    try {
        recorded = await recordedWindowsAvailable(slo, mode, prometheus, time);
    }
    catch (error) {
        // Missing (not failed) recordings of ours: Sloth's may still be there, and its check names both when not.
        if (slo.slothId === undefined || !(error instanceof sli_error/* SliError */.l))
            throw error;
        recorded = { windows: new Set(), note: null };
    }
    if (recorded.windows.size > 0)
        return { recorded, sloth: NONE };
    return { recorded, sloth: await slothWindowsAvailable(slo, windows, mode, prometheus, time) };
}
/**
 * The gate's `windows` to read from Sloth's recordings: those Sloth records,
 * when its 5-minute ratio reaches back over the SLO window; none otherwise, or
 * for an SLO that did not come from a Sloth spec.
 * @throws SliError when `mode` is `true` and Sloth's recordings are missing or too young too; PrometheusQueryError when
 *    `mode` is `true` and the check fails
 */
async function slothWindowsAvailable(slo, windows, mode, prometheus, time) {
    const { slothId } = slo;
    if (mode === 'false' || slothId === undefined)
        return NONE;
    const sloth = { ...slo, slothId };
    const coverage = slothCoverageQuery(sloth);
    let recorded;
    try {
        const covered = (await prometheus.query(coverage, time)).samples.some((s) => s.value > 0);
        recorded = covered ? await recordedSlothWindows(sloth, prometheus, time) : null;
    }
    catch (error) {
        if (mode === 'true' || !(error instanceof query_error/* PrometheusQueryError */.V))
            throw error;
        return {
            windows: new Map(),
            note: `SLO ${slo.name}: the check for Sloth's recorded series failed, so raw counters were read: ${error.message}`,
        };
    }
    if (recorded === null) {
        if (mode === 'true') {
            throw new sli_error/* SliError */.l(`use-recording-rules is true, but neither the series of \`deploy-governor generate rules\` (${recordedCoverageQuery(slo)} is empty) nor Sloth's own recordings of SLO ${slo.name} (${coverage} is empty) reach back over its ${slo.window} window: load either rule file and let it record for ${slo.window} (or backfill it with promtool), or set use-recording-rules to auto`);
        }
        return NONE;
    }
    const out = new Map();
    for (const w of windows) {
        const slothWindow = recorded.get((0,duration/* parseDurationMs */.yi)(w));
        if (slothWindow !== undefined)
            out.set(w, slothWindow);
    }
    return { windows: out, note: null };
}
/** The windows Sloth records for the SLO now, by length, as Sloth writes them. */
async function recordedSlothWindows(slo, prometheus, time) {
    const out = new Map();
    for (const sample of (await prometheus.query(slothWindowsQuery(slo), time)).samples) {
        const w = sample.labels.sloth_window;
        // A label that is no duration is not one of Sloth's windows: that window is read raw.
        if (w !== undefined && (0,duration/* isDuration */.n$)(w))
            out.set((0,duration/* parseDurationMs */.yi)(w), w);
    }
    return out;
}
/**
 * Sloth's recorded error ratio over `window`; null when the series has no
 * sample now (the caller reads raw counters for that window, with a note). NaN
 * is no data, never a healthy window: over the SLO period it means a 5-minute
 * ratio of the period was 0/0, over an alert window that nothing was counted.
 * @param slothWindow the window as Sloth writes it (from `slothWindowsAvailable`)
 */
async function measureSlothRatio(slo, window, slothWindow, prometheus, time) {
    if (slo.slothId === undefined)
        return null;
    const query = slothRatioQuery({ ...slo, slothId: slo.slothId }, slothWindow);
    const result = await prometheus.query(query, time);
    if (result.samples.length === 0)
        return null;
    if (result.samples.length > 1)
        throw new sli_error/* SliError */.l(`${query} returned ${result.samples.length} series: two Sloth rule files record SLO ${slo.name}; keep one`);
    const value = result.samples[0].value;
    if (Number.isNaN(value)) {
        const detail = window === slo.window
            ? `Sloth's ${slothWindow} ratio ${query} is NaN: it averages Sloth's ${SLOTH_BASE_WINDOW} ratios, and one of them inside the window was 0/0 (${SLOTH_BASE_WINDOW} without traffic), which leaves the average NaN until it leaves the window`
            : `Sloth's ratio ${query} is NaN (0/0: nothing was counted in the window)`;
        return { state: 'no-data', query, detail };
    }
    if (!Number.isFinite(value) || value < 0)
        throw new sli_error/* SliError */.l(`${query} returned ${value}; expected an error ratio between 0 and 1`);
    return { state: 'measured', ratio: Math.min(value, 1) };
}

;// CONCATENATED MODULE: ./src/core/evaluate/evaluate-slo.ts
/**
 * One SLO: budget over its window, burn rate over the last hour, and the
 * fast-burn guards. A failure affects this SLO only (it becomes UNKNOWN); the
 * others are still reported.
 *
 * No data is not zero: a window whose query returned no samples has no burn
 * rate (null, "n/a"), a guard on it is unknown (never "not triggered"), and a
 * finding names the query. A window with samples but no traffic (a total of 0,
 * a ratio of 0/0) burned nothing; over the SLO window it leaves the budget
 * unknowable.
 */













const BURN_RATE_WINDOW = '1h';
/** Raw windows at least this long read enough samples to time out or hit a sample limit. */
const LONG_WINDOW_MS = 86_400_000;
/** A raw query that took this share of its timeout warns before it starts failing. */
const RAW_COST_TIMEOUT_SHARE = 0.5;
/** …or that touched this many samples (a fifth of Prometheus's default --query.max-samples of 50 million). */
const RAW_COST_SAMPLES = 10_000_000;
/** What to do when raw counters get too expensive, in every message that says so. */
const RECORDED_PATH_ADVICE = 'the recorded path is constant-cost: run `deploy-governor generate rules`, load the rule file into Prometheus (backfill its history with promtool) and keep use-recording-rules: auto, so the gate reads the recorded series instead of every raw sample of the window';
/** The advice for a policy that switched the recorded path off. */
function recordedPathAdvice(mode) {
    return mode === 'false'
        ? RECORDED_PATH_ADVICE.replace('keep use-recording-rules: auto', 'set use-recording-rules to auto (it is false)')
        : RECORDED_PATH_ADVICE;
}
/** Answers of Prometheus (and its proxies) that refuse a query for its size. */
const SAMPLE_LIMIT = /too many samples|max(imum)?[ _-]?(number of )?samples|maxSamplesPer|exceeded the maximum number of (samples|chunks|series)|max-(fetched-)?(chunks|series|samples)|query timed out|timeout/i;
/** The querier, timing each query and counting its samples (the wait for a free query slot, if any, is included). */
function timed(inner, clock, costs) {
    return {
        displayUrl: inner.displayUrl,
        async query(promql, time) {
            const started = clock();
            const result = await inner.query(promql, time);
            costs.push({ query: promql, ms: clock() - started, samples: result.samplesTouched });
            return result;
        },
    };
}
/** "6.1 s", "850 ms". */
function seconds(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
function pct(value) {
    return `${value.toFixed(1)}%`;
}
function isCostFailure(error) {
    return error.kind === 'timeout' || ((error.kind === 'bad-query' || error.kind === 'server') && SAMPLE_LIMIT.test(error.message));
}
/** One raw window; a long window refused for its size says how to make it constant-cost. */
async function measureRaw(slo, window, prometheus, time, mode) {
    try {
        return await (0,measure_error_ratio/* measureWindow */.j)(slo.sli, window, prometheus, time);
    }
    catch (error) {
        if (error instanceof query_error/* PrometheusQueryError */.V && (0,duration/* parseDurationMs */.yi)(window) >= LONG_WINDOW_MS && isCostFailure(error)) {
            throw new query_error/* PrometheusQueryError */.V(error.kind, `${error.message}. Reading raw counters over ${window} costs every sample of the window; ${recordedPathAdvice(mode)}`, error.details);
        }
        throw error;
    }
}
/**
 * A burn-rate finding's rule: the guard (`burn-rate-guard:<name>`, several names joined by `,` when a window without
 * data leaves several unknown), advisory when the SLO or every guard involved is (issue 16, advisory rules).
 */
function guardRule(slo, guards) {
    const advisory = slo.advisory === true || guards.every((g) => g.advisory === true);
    return { rule: `burn-rate-guard:${guards.map((g) => g.name).join(',')}`, ...(advisory ? { enforcement: 'advisory' } : {}) };
}
/** Every other finding of an SLO belongs to the SLO's rule (`slo:<name>`), advisory when the SLO is. */
function ruled(slo, findings) {
    return findings.map((f) => f.rule !== undefined ? f : { ...f, rule: `slo:${slo.name}`, ...(slo.advisory === true ? { enforcement: 'advisory' } : {}) });
}
/**
 * What reading Sloth's series changed, never silently: the budget's definition
 * when it is Sloth's, and the windows Sloth does not record (read from raw counters).
 */
function slothNotes(slo, source, slothWindows, rawWindows) {
    const out = [];
    const said = (message, code) => ({
        source: 'budget',
        status: 'NORMAL',
        slo: slo.name,
        message,
        ...(code !== undefined ? { code } : {}),
    });
    if (source === 'sloth') {
        out.push(said(`SLO ${slo.name}: the ${slo.window} error ratio is Sloth's own recording, by default the average of its 5-minute ratios (not weighted by traffic, as raw counters and the series of \`generate rules\` are): the budget is the one Sloth's dashboards show, and may differ from the traffic-weighted figure`));
    }
    else if (!slothWindows.has(slo.window)) {
        out.push(said(`SLO ${slo.name}: Sloth records no ${slo.window} ratio for this SLO (its period differs), so the budget was read from raw counters`, 'recording-missing'));
    }
    const raw = [...new Set(rawWindows)].filter((w) => w !== slo.window && !slothWindows.has(w));
    if (raw.length > 0)
        out.push(said(`SLO ${slo.name}: Sloth records no ${raw.join(', ')} window for this SLO, so ${raw.length === 1 ? 'it was' : 'they were'} read from raw counters`, 'recording-missing'));
    return out;
}
function worst(statuses) {
    return statuses.reduce((a, b) => ((0,core_status/* statusRank */.Tx)(b) > (0,core_status/* statusRank */.Tx)(a) ? b : a), 'NORMAL');
}
async function evaluateSlo(slo, guards, thresholds, prometheus, time, options = {}) {
    const { useRecordingRules = 'false', unknownGuards = 'allow', timeoutMs = null, clock = () => performance.now(), exclusions = [], } = options;
    const kind = (0,registry/* sliKindOf */.Kh)(slo.sli);
    const base = {
        name: slo.name,
        ...(slo.description !== undefined ? { description: slo.description } : {}),
        objective: slo.objective,
        window: slo.window,
        sliKind: slo.sli.kind,
        ...(slo.runbook !== undefined ? { runbook: slo.runbook } : {}),
    };
    const windows = [...new Set([slo.window, BURN_RATE_WINDOW, ...guards.flatMap((g) => [g.long, g.short])])];
    const notes = [];
    const note = (code, source, message) => ({
        source,
        status: 'NORMAL',
        slo: slo.name,
        message,
        code,
    });
    const costs = [];
    const raw = timed(prometheus, clock, costs);
    // A ratio SLI has no counts to subtract: its budget keeps the intervals (the stricter answer), and says so.
    const excluding = exclusions.length > 0 && kind.countsEvents;
    if (exclusions.length > 0 && !excluding) {
        notes.push(note('exclusion', 'budget', `SLO ${slo.name}: ${exclusions.length} excluded interval(s) (${[...new Set(exclusions.map((x) => x.name))].join(', ')}) were not left out of its budget: a ratio SLI carries no event counts to subtract, and averaging ratios over the rest of the window would not be its ratio; use an events SLI to exclude`));
    }
    let returned = [];
    let measurements;
    let source = 'raw';
    let rawWindows = [];
    let oldest;
    let historyRead;
    try {
        const { recorded, sloth } = await recordedSources(slo, windows, useRecordingRules, prometheus, time);
        for (const missing of [recorded.note, sloth.note])
            if (missing !== null)
                notes.push(note('recording-missing', 'error', missing));
        // The charts' history, alongside the measurements: one range query, on the series the SLO window is read from.
        const history = readBudgetHistory(slo, recorded.windows.has(slo.window) ? 'recorded' : 'raw', prometheus, time);
        const measureOne = async (w) => {
            // The recorded ratio includes the intervals (or masks only some of them): an SLO window with exclusions is read raw.
            if (w === slo.window && excluding) {
                rawWindows.push(w);
                const excluded = await measureExcluded(slo, exclusions, raw, time);
                returned = excluded.returned;
                return excluded.measurement;
            }
            if (recorded.windows.has(w)) {
                const fromRecording = await measureRecordedRatio(slo, w, prometheus, time);
                if (fromRecording !== null)
                    return fromRecording;
                // A missing recording is a note: the raw counters still answer.
                notes.push(note('recording-missing', 'error', `SLO ${slo.name}: the recorded series ${recordedRatioQuery(slo, w)} is missing although the SLO's recordings exist, so the ${w} window was read from raw counters: regenerate the rules with \`deploy-governor generate rules\` and reload them`));
            }
            const slothWindow = sloth.windows.get(w);
            if (slothWindow !== undefined) {
                const fromSloth = await measureSlothRatio(slo, w, slothWindow, prometheus, time);
                if (fromSloth !== null)
                    return fromSloth;
                notes.push(note('recording-missing', 'error', `SLO ${slo.name}: Sloth's series for the ${w} window has no sample although Sloth's recordings exist, so the window was read from raw counters: check that Sloth's rules are loaded and evaluated`));
            }
            rawWindows.push(w);
            return measureRaw(slo, w, raw, time, useRecordingRules);
        };
        const [measured, oldestAnswer, historyAnswer] = await Promise.all([
            Promise.all(windows.map(measureOne)),
            // The recorded paths need no history query: their coverage probe found recordings at the window's start.
            recorded.windows.has(slo.window) || sloth.windows.has(slo.window) ? Promise.resolve(undefined) : oldestData(slo, raw, time),
            history,
        ]);
        measurements = new Map(windows.map((w, i) => [w, measured[i]]));
        oldest = oldestAnswer;
        historyRead = historyAnswer;
        if (recorded.windows.has(slo.window) && !rawWindows.includes(slo.window))
            source = 'recorded';
        if (sloth.windows.has(slo.window) && !rawWindows.includes(slo.window))
            source = 'sloth';
        if (sloth.windows.size > 0)
            notes.push(...slothNotes(slo, source, sloth.windows, rawWindows));
        if (excluding) {
            notes.push(note('exclusion', 'budget', `SLO ${slo.name}: ${exclusions.length} excluded interval(s) left out of the ${slo.window} budget (${[...new Set(exclusions.map((x) => x.name))].join(', ')}); the burn rates and guards still count them`));
        }
    }
    catch (error) {
        if (!(0,evaluation_error/* isEvaluationError */.T)(error))
            throw error;
        const message = `SLO ${slo.name}: ${error.message}`;
        return {
            result: {
                ...base,
                errorRatio: null,
                budgetRemaining: null,
                burnRate: null,
                daysToExhaustion: null,
                status: 'UNKNOWN',
                guards: [],
                error: message,
            },
            // Notes are dropped: a probe that failed too (Prometheus down) would only repeat the error, naming its query instead of the SLO's.
            findings: ruled(slo, [{ source: 'error', status: 'UNKNOWN', slo: slo.name, message }]),
        };
    }
    rawWindows = [...new Set(rawWindows)];
    // A window with samples but no traffic burned nothing; one without samples is unknown.
    const burnOver = (w) => {
        const m = measurements.get(w);
        return m.state === 'measured' ? (0,budget_math/* burnRate */.g0)(m.ratio, slo.objective) : m.state === 'no-traffic' ? 0 : null;
    };
    const guardResults = guards.map((g) => {
        const longBurnRate = burnOver(g.long);
        const shortBurnRate = burnOver(g.short);
        const state = longBurnRate === null || shortBurnRate === null
            ? 'unknown'
            : longBurnRate > g.factor && shortBurnRate > g.factor
                ? 'triggered'
                : 'not-triggered';
        return { ...g, longBurnRate, shortBurnRate, triggered: state === 'triggered', state };
    });
    const findings = guardResults
        .filter((g) => g.state === 'triggered')
        .map((g) => ({
        source: 'burn-rate',
        status: g.status,
        slo: slo.name,
        ...guardRule(slo, [g]),
        message: `SLO ${slo.name}: fast burn: the budget burns ${g.longBurnRate.toFixed(1)}x over ${g.long} and ${g.shortBurnRate.toFixed(1)}x over ${g.short}, both above ${g.factor}x (guard "${g.name}")`,
    }));
    // Every window without data (but the SLO window, which has its own finding), naming its query and what it leaves unknown.
    for (const [w, m] of measurements) {
        if (m.state !== 'no-data' || w === slo.window)
            continue;
        const affected = guardResults.filter((g) => g.long === w || g.short === w);
        const consequences = [
            ...(w === BURN_RATE_WINDOW ? ['the burn rate is n/a'] : []),
            ...affected.map((g) => unknownGuards === 'block'
                ? `guard "${g.name}" is unknown and blocks at ${g.status} (unknown-guards: block)`
                : `guard "${g.name}" is unknown and does not block (unknown-guards: allow)`),
        ];
        findings.push({
            source: 'burn-rate',
            status: unknownGuards === 'block' ? worst(affected.map((g) => g.status)) : 'NORMAL',
            slo: slo.name,
            ...(affected.length > 0 ? guardRule(slo, affected) : {}),
            message: `SLO ${slo.name}: no data for the ${w} window: ${m.detail} (query: ${m.query})${consequences.length > 0 ? `; ${consequences.join('; ')}` : ''}: check ${kind.wording.traffic} and that the service is scraped`,
            code: 'no-data',
        });
    }
    // A raw evaluation that came close to failing says so while it still succeeds.
    if (rawWindows.some((w) => (0,duration/* parseDurationMs */.yi)(w) >= LONG_WINDOW_MS)) {
        const slow = timeoutMs === null ? [] : costs.filter((c) => c.ms >= RAW_COST_TIMEOUT_SHARE * timeoutMs);
        const heavy = costs.filter((c) => c.samples !== null && c.samples >= RAW_COST_SAMPLES);
        const worstCost = [...slow, ...heavy].sort((a, b) => b.ms - a.ms)[0];
        if (worstCost !== undefined) {
            const took = timeoutMs === null
                ? ''
                : `took ${seconds(worstCost.ms)} of its ${seconds(timeoutMs)} timeout (${Math.round((100 * worstCost.ms) / timeoutMs)}%)`;
            const touched = worstCost.samples === null ? '' : `touched ${worstCost.samples.toLocaleString('en-US')} samples`;
            notes.push(note('raw-cost', 'error', `SLO ${slo.name}: the raw query ${[took, touched].filter(Boolean).join(' and ')} (query: ${worstCost.query}); as traffic grows it will time out or be refused and block every deploy: ${recordedPathAdvice(useRecordingRules)}`));
        }
    }
    const sloWindow = measurements.get(slo.window);
    const rate = burnOver(BURN_RATE_WINDOW);
    if (sloWindow.state !== 'measured') {
        const message = sloWindow.state === 'no-data'
            ? `SLO ${slo.name}: no data for the ${slo.window} window: ${sloWindow.detail} (query: ${sloWindow.query}), so the budget cannot be computed: check ${kind.wording.traffic} and that the service is scraped`
            : `SLO ${slo.name}: no traffic in the ${slo.window} window (${sloWindow.detail}), so the budget cannot be computed: check ${kind.wording.traffic} and that the service is scraped`;
        return {
            result: {
                ...base,
                source,
                errorRatio: null,
                budgetRemaining: null,
                burnRate: rate,
                daysToExhaustion: null,
                status: 'UNKNOWN',
                guards: guardResults,
                error: message,
            },
            findings: ruled(slo, [{ source: 'error', status: 'UNKNOWN', slo: slo.name, message }, ...findings, ...notes]),
        };
    }
    const errorRatio = sloWindow.ratio;
    const recentData = measurements.get(BURN_RATE_WINDOW).state !== 'no-data';
    const historyDays = oldest === undefined ? null : shortHistoryDays(oldest, time, slo.windowMs, recentData);
    if (historyDays !== null) {
        const covers = oldest === null || oldest === undefined
            ? 'less than a day'
            : `about ${historyDays.toFixed(1)} days (data since about ${new Date(oldest * 1000).toISOString().slice(0, 10)})`;
        notes.push(note('short-history', 'budget', `SLO ${slo.name}: the stored history covers only ${covers} of the ${slo.window} window, so the error ratio and budget are those of the days that exist, not of a full window (a young service, or a retention shorter than the window)`));
    }
    const remaining = (0,budget_math/* budgetRemaining */.eu)(errorRatio, slo.objective);
    const status = (0,budget_math/* statusFromBudget */.aN)(remaining, thresholds);
    // A history that could not be read is a note: the charts are missing, the figures and the decision are not.
    if (historyRead !== null && 'note' in historyRead)
        notes.push({ source: 'error', status: 'NORMAL', slo: slo.name, message: historyRead.note });
    const history = historyRead !== null && 'answer' in historyRead ? toBudgetHistory(historyRead.answer, slo.objective, remaining) : undefined;
    if (status !== 'NORMAL') {
        const below = status === 'EXHAUSTED'
            ? 'the budget is exhausted'
            : `below the ${status === 'CAUTION' ? 'caution' : status === 'WARNING' ? 'warning' : 'freeze'} threshold of ${status === 'CAUTION' ? thresholds.caution : status === 'WARNING' ? thresholds.warning : thresholds.freeze}%`;
        findings.unshift({
            source: 'budget',
            status,
            slo: slo.name,
            message: `SLO ${slo.name}: ${pct(remaining)} of the ${slo.window} error budget remains (${below}); error ratio ${(errorRatio * 100).toFixed(3)}% against an objective of ${slo.objective}%`,
        });
    }
    return {
        result: {
            ...base,
            source,
            errorRatio,
            budgetRemaining: remaining,
            burnRate: rate,
            daysToExhaustion: rate === null ? null : (0,budget_math/* daysToExhaustion */.d1)(remaining, (0,duration/* durationDays */.Gr)(slo.window), rate),
            status,
            guards: guardResults,
            error: null,
            ...(historyDays !== null ? { historyDays: Number(historyDays.toFixed(2)) } : {}),
            ...(history !== undefined ? { history } : {}),
            ...(returned.length > 0 ? { exclusions: returned } : {}),
        },
        findings: ruled(slo, [...findings, ...notes]),
    };
}

;// CONCATENATED MODULE: ./src/core/evaluate/summarize-budget.ts
function summarizeBudget(slos) {
    const remaining = slos.map((s) => s.budgetRemaining).filter((v) => v !== null);
    const rates = slos.map((s) => s.burnRate).filter((v) => v !== null);
    const days = slos.map((s) => s.daysToExhaustion).filter((v) => v !== null);
    const finiteDays = days.filter((d) => d !== 'inf');
    return {
        remaining: remaining.length > 0 ? Math.min(...remaining) : null,
        burnRate: rates.length > 0 ? Math.max(...rates) : null,
        daysToExhaustion: finiteDays.length > 0 ? Math.min(...finiteDays) : days.length > 0 ? 'inf' : null,
    };
}

;// CONCATENATED MODULE: ./src/core/evaluate/evaluate-policy.ts







const NO_ORIGINS = { unavailable: "the policy file's history was not read (no GitHub token)" };
async function evaluatePolicy({ policy, prometheus, now, run = null, timeoutMs, clock, freezes = [], exclusionOrigins = NO_ORIGINS, source = '.github/deploy-governor.yml', }) {
    const counting = new counting_querier/* CountingQuerier */.r(prometheus);
    // The cron library loads only for policies that have exclusions, as for freeze windows below.
    const excluded = policy.exclusions.length === 0
        ? null
        : (await Promise.all(/* import() */[__nccwpck_require__.e(628), __nccwpck_require__.e(504)]).then(__nccwpck_require__.bind(__nccwpck_require__, 504))).planExclusions(policy, now, exclusionOrigins, source);
    const sloOptions = {
        useRecordingRules: policy.useRecordingRules,
        unknownGuards: policy.unknownGuards,
        timeoutMs: timeoutMs === undefined ? (policy.prometheus?.timeoutMs ?? null) : timeoutMs,
        ...(clock !== undefined ? { clock } : {}),
    };
    const [slos, dr] = await Promise.all([
        Promise.all(policy.slos.map((slo) => evaluateSlo(slo, policy.burnRateGuards, policy.thresholds, counting, now, {
            ...sloOptions,
            ...(excluded !== null ? { exclusions: excluded.intervals.get(slo.name) ?? [] } : {}),
        }))),
        policy.dr ? evaluateDr(policy.dr, counting, now) : Promise.resolve({ result: null, findings: [] }),
    ]);
    // The cron library loads only for policies that have freeze windows (it is a noticeable part of the Action's start).
    const windows = policy.freezeWindows.length === 0
        ? []
        : (await Promise.all(/* import() */[__nccwpck_require__.e(628), __nccwpck_require__.e(693)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7693))).activeFreezeWindows(policy.freezeWindows, now);
    const active = [...windows, ...freezes];
    const advisoryWindows = new Set(policy.freezeWindows.filter((w) => w.enforcement === 'advisory').map((w) => w.name));
    const freezeFindings = [
        ...windows.map((w) => ({ w, rule: `freeze-window:${w.name}`, advisory: advisoryWindows.has(w.name) })),
        ...freezes.map((w) => ({ w, rule: 'freeze-command', advisory: false })),
    ].map(({ w, rule, advisory }) => ({
        source: 'freeze',
        status: 'FREEZE',
        message: `Deploy freeze "${w.name}" is active${w.until ? ` until ${w.until}` : ''}${w.reason ? `: ${w.reason}` : ''}${advisory ? ' (advisory)' : ''}`,
        rule,
        ...(advisory ? { enforcement: 'advisory' } : {}),
    }));
    const findings = [...slos.flatMap((s) => s.findings), ...dr.findings, ...freezeFindings, ...(excluded?.findings ?? [])];
    // The charts' histories that fit: at most a few SLOs, and never more than the check run can carry.
    return fitHistories(slos.map((s) => s.result), (sloResults, chartNote) => {
        const all = chartNote === null ? findings : [...findings, { source: 'budget', status: 'NORMAL', message: chartNote }];
        return {
            schema: report_schema/* REPORT_SCHEMA_ID */.PP,
            environment: policy.environment,
            evaluatedAt: now.toISOString(),
            decision: (0,decide/* decide */.LD)(policy, all),
            budget: summarizeBudget(sloResults),
            slos: sloResults,
            dr: dr.result,
            freeze: { active },
            findings: all,
            override: null,
            prometheus: { url: prometheus.displayUrl, queries: counting.queries, samplesTouched: counting.samplesTouched },
            run,
            ...(excluded !== null && excluded.audit.length > 0 ? { exclusions: excluded.audit } : {}),
        };
    });
}

// EXTERNAL MODULE: ./src/core/policy/inherit/locks.ts
var inherit_locks = __nccwpck_require__(2058);
// EXTERNAL MODULE: ./src/core/policy/inputs.ts
var inputs = __nccwpck_require__(4161);
// EXTERNAL MODULE: ./src/core/policy/policy-error.ts
var policy_error = __nccwpck_require__(5833);
// EXTERNAL MODULE: ./src/core/policy/environment-names.ts
var environment_names = __nccwpck_require__(7166);
// EXTERNAL MODULE: ./src/core/policy/inherit/applies-to.ts
var applies_to = __nccwpck_require__(1486);
// EXTERNAL MODULE: ./src/core/policy/objective.ts
var policy_objective = __nccwpck_require__(9921);
// EXTERNAL MODULE: ./src/core/policy/defaults.ts
var defaults = __nccwpck_require__(5222);
// EXTERNAL MODULE: ./src/core/change-class/change-class-policy.ts
var change_class_policy = __nccwpck_require__(5127);
// EXTERNAL MODULE: ./src/core/policy/overlay.ts
var overlay = __nccwpck_require__(8962);
// EXTERNAL MODULE: ./src/core/verify/verify-settings.ts
var verify_settings = __nccwpck_require__(8148);
// EXTERNAL MODULE: ./src/core/postmortem/postmortem-policy.ts
var postmortem_policy = __nccwpck_require__(1957);
;// CONCATENATED MODULE: ./src/core/policy/resolve-policy.ts
/**
 * Turns the policy file, the environment's section and the inputs into one fully
 * populated policy. Precedence, lowest first: built-in defaults, the file's top
 * level, `environments.<name>`, inputs.
 */











const DEFAULT_ERROR_QUERY = 'sum(increase(http_requests_total{status=~"5.."}[{{window}}]))';
const DEFAULT_TOTAL_QUERY = 'sum(increase(http_requests_total[{{window}}]))';
const DEFAULT_SLO_NAME = 'availability';
/** Deep merge for policy sections (overlay.ts): objects merge key by key, arrays and scalars replace. */
function mergePolicy(base, over) {
    return (0,overlay/* overlay */.L)(base, over);
}
function resolveSlo(slo, inputs, source) {
    const window = inputs.window ?? slo.window ?? '30d';
    const objective = inputs['slo-target'] ?? slo.objective ?? 99.9;
    // The schemas refuse a fraction already; this holds for SLOs built any other way (a Sloth spec, a hand-built policy).
    const problem = (0,policy_objective/* objectiveProblem */.h)(objective);
    if (problem !== null) {
        throw new policy_error/* PolicyError */.p(source, [
            {
                path: inputs['slo-target'] !== undefined ? 'slo-target' : `slos (${slo.name}).objective`,
                message: `${problem} (got ${objective})`,
            },
        ]);
    }
    return {
        name: slo.name,
        ...(slo.description !== undefined ? { description: slo.description } : {}),
        service: slo.service ?? slo.name,
        objective,
        window,
        windowMs: (0,duration/* parseDurationMs */.yi)(window),
        sli: (0,registry/* resolveSli */.d7)(slo.sli),
        ...(slo.runbook !== undefined ? { runbook: slo.runbook } : {}),
        ...(slo.enforcement === 'advisory' ? { advisory: true } : {}),
        ...(slo.slothId !== undefined ? { slothId: slo.slothId } : {}),
    };
}
function resolveSlos(merged, inputs, source) {
    const fileSlos = merged.slos;
    const errorQuery = inputs['error-query'];
    const totalQuery = inputs['total-query'];
    if (!fileSlos || fileSlos.length === 0) {
        const sloConfig = {
            name: DEFAULT_SLO_NAME,
            sli: { events: { error: errorQuery ?? DEFAULT_ERROR_QUERY, total: totalQuery ?? DEFAULT_TOTAL_QUERY } },
        };
        return [resolveSlo(sloConfig, inputs, source)];
    }
    if (errorQuery !== undefined || totalQuery !== undefined) {
        const events = fileSlos.filter((s) => s.sli.events);
        if (fileSlos.length !== 1 || events.length !== 1) {
            throw new policy_error/* PolicyError */.p(source, [
                {
                    path: 'error-query/total-query',
                    message: `the inputs error-query and total-query replace the queries of a single events SLO, but the policy file defines ${fileSlos.length} SLO(s) (${fileSlos.map((s) => s.name).join(', ')}); set the queries in the file instead`,
                },
            ]);
        }
        // Queries from the inputs are no longer the Sloth spec's: Sloth's recordings do not measure them.
        const { slothId: _slothId, ...only } = fileSlos[0];
        return [
            resolveSlo({
                ...only,
                sli: { events: { error: errorQuery ?? only.sli.events.error, total: totalQuery ?? only.sli.events.total } },
            }, inputs, source),
        ];
    }
    const seen = new Set();
    for (const slo of fileSlos) {
        if (seen.has(slo.name)) {
            throw new policy_error/* PolicyError */.p(source, [{ path: 'slos', message: `SLO names must be unique; "${slo.name}" appears twice` }]);
        }
        seen.add(slo.name);
    }
    return fileSlos.map((slo) => resolveSlo(slo, inputs, source));
}
function resolvePrometheus(merged, inputs, env, source) {
    const cfg = merged.prometheus ?? {};
    const url = inputs['prometheus-url'] ?? cfg.url;
    if (!url)
        return null;
    const headers = { ...(cfg.headers ?? {}), ...(inputs['prometheus-headers'] ?? {}) };
    const secrets = Object.values(headers).filter((v) => v.length > 0);
    let token = inputs['prometheus-token'];
    if (token === undefined && cfg['bearer-token-env']) {
        token = env[cfg['bearer-token-env']];
        if (!token) {
            throw new policy_error/* PolicyError */.p(source, [
                {
                    path: 'prometheus.bearer-token-env',
                    message: `environment variable ${cfg['bearer-token-env']} is empty or unset; export it (e.g. from a secret) or remove bearer-token-env`,
                },
            ]);
        }
    }
    if (token !== undefined) {
        headers.Authorization = `Bearer ${token}`;
        secrets.push(token);
    }
    else if (cfg['basic-auth']) {
        const { username, 'password-env': passwordEnv } = cfg['basic-auth'];
        const password = env[passwordEnv];
        if (!password) {
            throw new policy_error/* PolicyError */.p(source, [
                {
                    path: 'prometheus.basic-auth.password-env',
                    message: `environment variable ${passwordEnv} is empty or unset; export it (e.g. from a secret)`,
                },
            ]);
        }
        const encoded = Buffer.from(`${username}:${password}`).toString('base64');
        headers.Authorization = `Basic ${encoded}`;
        secrets.push(password, encoded);
    }
    const timeout = inputs.timeout ?? cfg.timeout ?? '10s';
    return { url: url.replace(/\/+$/, ''), headers, timeoutMs: (0,duration/* parseDurationMs */.yi)(timeout), secrets };
}
function resolveDr(merged, inputs) {
    const cfg = merged.dr ?? {};
    const enabled = inputs['dr-check'] ?? cfg.enabled ?? true;
    if (!enabled)
        return null;
    const maxAge = inputs['dr-max-age'] ?? cfg['max-age'] ?? '7d';
    const maxAgeMs = (0,duration/* parseDurationMs */.yi)(maxAge);
    const probe = cfg['backup-probe'];
    return {
        metric: inputs['dr-metric'] ?? cfg.metric ?? 'dr_last_test_timestamp',
        maxAge,
        maxAgeMs,
        lookback: cfg.lookback ?? (0,duration/* formatPromDuration */.wz)(2 * maxAgeMs),
        backupProbe: probe ? { query: probe.query ?? 'probe_success{job="dr-backup-check"}', lookback: probe.lookback ?? '1h' } : null,
        rto: cfg.rto
            ? { metric: cfg.rto.metric ?? 'dr_last_recovery_time_seconds', max: cfg.rto.max, maxSeconds: (0,duration/* parseDurationMs */.yi)(cfg.rto.max) / 1000 }
            : null,
        rpo: cfg.rpo
            ? { metric: cfg.rpo.metric ?? 'dr_last_data_loss_seconds', max: cfg.rpo.max, maxSeconds: (0,duration/* parseDurationMs */.yi)(cfg.rpo.max) / 1000 }
            : null,
        status: cfg.status ?? 'WARNING',
        ...(cfg.enforcement === 'advisory' ? { advisory: true } : {}),
    };
}
/** Where the app keeps the override audit log, and who writes it, unless the policy's `audit` section says otherwise. */
const AUDIT_DEFAULTS = { branch: 'deploy-governor-audit', path: 'audit/overrides.jsonl', app: 'deploy-governor' };
/**
 * Resolve the policy for one environment.
 *
 * @param file the validated policy file (`{}` when the repository has none)
 * @param inputs validated inputs; set values win over the file
 * @param env environment variables, for `bearer-token-env` and `password-env`
 * @param source where the file came from, for error messages
 * @param target the repository and branch the rules' `applies-to` is matched against (null: unknown, so a scoped rule applies)
 */
function resolvePolicy(file, inputs, env = {}, source = '.github/deploy-governor.yml', target = { repository: null, branch: null }) {
    const environment = inputs.environment ?? 'production';
    const ruleTarget = { ...target, environment };
    // `extends` and `locked` were consumed by the chain (inherit/resolve-chain.ts) before resolving.
    const { environments, $schema: _schema, version: _version, sloth, openslo, extends: _extends, locked: _locked, ...top } = file;
    // Adapters replace `sloth` by its SLOs (src/core/sloth/apply-sloth-source.ts) before resolving; one left here was
    // never read, and evaluating the default SLO instead would be wrong.
    if (sloth !== undefined) {
        throw new policy_error/* PolicyError */.p(source, [
            {
                path: 'sloth',
                message: `the Sloth spec ${sloth} was not loaded by this entry point; list the SLOs under slos instead, or use one that reads sloth files`,
            },
        ]);
    }
    // Likewise `extends` (src/core/policy/inherit/resolve-chain.ts): evaluating the repository's file without its
    // parents would drop the organisation's rules.
    if (file.extends !== undefined) {
        throw new policy_error/* PolicyError */.p(source, [
            {
                path: 'extends',
                message: `the parent policy ${file.extends} was not loaded by this entry point; the file cannot be evaluated without it`,
            },
        ]);
    }
    // Likewise `openslo` (src/core/openslo/apply-openslo-source.ts).
    if (openslo !== undefined) {
        throw new policy_error/* PolicyError */.p(source, [
            {
                path: 'openslo',
                message: `the OpenSLO file ${openslo} was not loaded by this entry point; list the SLOs under slos instead, or use one that reads openslo files`,
            },
        ]);
    }
    // With an environments map, only the environments it names exist: an unknown name (a typo, another case) is refused,
    // never evaluated with the top level.
    const known = Object.keys(environments ?? {});
    if (known.length > 0 && !Object.hasOwn(environments, environment)) {
        throw new policy_error/* PolicyError */.p(source, [{ path: 'environment', message: (0,environment_names/* unknownEnvironmentMessage */.Nq)(environment, known) }]);
    }
    const merged = mergePolicy(top, environments?.[environment]);
    const thresholds = {
        caution: inputs['caution-threshold'] ?? merged.thresholds?.caution ?? defaults/* DEFAULT_THRESHOLDS */.JJ.caution,
        warning: inputs['warning-threshold'] ?? merged.thresholds?.warning ?? defaults/* DEFAULT_THRESHOLDS */.JJ.warning,
        freeze: inputs['freeze-threshold'] ?? merged.thresholds?.freeze ?? defaults/* DEFAULT_THRESHOLDS */.JJ.freeze,
    };
    if (!(thresholds.caution >= thresholds.warning && thresholds.warning >= thresholds.freeze && thresholds.freeze >= 0)) {
        throw new policy_error/* PolicyError */.p(source, [
            {
                path: 'thresholds',
                message: `expected caution ≥ warning ≥ freeze ≥ 0 (percent of budget remaining); got caution ${thresholds.caution}, warning ${thresholds.warning}, freeze ${thresholds.freeze}`,
            },
        ]);
    }
    const guards = (merged['burn-rate-guards'] ?? defaults/* DEFAULT_GUARDS */.Pl)
        .filter((g) => (0,applies_to/* appliesTo */.Gl)(g['applies-to'], ruleTarget))
        .map((g) => ({
        name: g.name ?? `${g.long}/${g.short} > ${g.factor}x`,
        long: g.long,
        short: g.short,
        factor: g.factor,
        status: g.status ?? 'FREEZE',
        ...(g.enforcement === 'advisory' ? { advisory: true } : {}),
    }));
    const levels = {};
    for (const level of ['warning', 'freeze', 'exhausted']) {
        const cfg = merged.overrides?.levels?.[level];
        levels[level] = {
            permission: cfg?.permission ?? defaults/* DEFAULT_LEVEL_PERMISSIONS */.Kw[level],
            requireEnvironmentApproval: cfg?.['require-environment-approval'] ?? false,
        };
    }
    return {
        environment,
        prometheus: resolvePrometheus(merged, inputs, env, source),
        slos: resolveSlos(merged, inputs, source).map((slo) => merged['scrape-interval'] === undefined ? slo : { ...slo, scrapeInterval: merged['scrape-interval'] }),
        thresholds,
        blockOn: inputs['block-on'] ?? merged['block-on'] ?? defaults/* DEFAULT_BLOCK_ON */.Qd,
        onError: inputs['on-error'] ?? merged['on-error'] ?? 'block',
        mode: inputs.mode ?? merged.mode ?? 'enforce',
        useRecordingRules: inputs['use-recording-rules'] ?? merged['use-recording-rules'] ?? 'auto',
        dr: resolveDr(merged, inputs),
        freezeWindows: (merged['freeze-windows'] ?? []).filter((w) => (!w.environments || w.environments.includes(environment)) && (0,applies_to/* appliesTo */.Gl)(w['applies-to'], ruleTarget)),
        burnRateGuards: guards,
        unknownGuards: merged['unknown-guards'] ?? 'allow',
        overrides: {
            minReasonLength: merged.overrides?.['min-reason-length'] ?? defaults/* DEFAULT_MIN_REASON_LENGTH */.$m,
            refs: merged.overrides?.refs ?? [],
            levels,
        },
        audit: {
            branch: merged.audit?.branch ?? AUDIT_DEFAULTS.branch,
            path: merged.audit?.path ?? AUDIT_DEFAULTS.path,
            app: merged.audit?.app ?? AUDIT_DEFAULTS.app,
        },
        exclusions: merged.exclusions ?? [],
        verify: (0,verify_settings/* resolveVerifySettings */.N)(merged.verify, source),
        // Top level only (never per environment): who may freeze is one rule per repository.
        freezes: { permission: file.freezes?.permission ?? defaults/* DEFAULT_FREEZE_PERMISSION */.IS, app: file.freezes?.app ?? null },
        onBlock: merged['on-block'] ?? 'reject',
        hold: resolveHold(merged),
        ...(merged.escalation !== undefined ? { escalation: merged.escalation.replace(/^@/, '') } : {}),
        ...(merged['change-classes'] !== undefined ? { changeClasses: (0,change_class_policy/* resolveChangeClasses */.lo)(merged['change-classes']) } : {}),
        // Top level only, as the postmortems section is.
        actionItems: (0,postmortem_policy/* resolveActionItemRule */.oX)(file.postmortems),
    };
}
function resolveHold(merged) {
    const limit = merged.hold?.limit ?? defaults/* DEFAULT_HOLD_LIMIT */.Yg;
    const interval = merged.hold?.interval ?? defaults/* DEFAULT_HOLD_INTERVAL */.yx;
    return { limit, limitMs: (0,duration/* parseDurationMs */.yi)(limit), interval, intervalMs: (0,duration/* parseDurationMs */.yi)(interval) };
}

// EXTERNAL MODULE: ./src/core/prometheus/limited-querier.ts
var limited_querier = __nccwpck_require__(9736);
;// CONCATENATED MODULE: ./src/gate/evaluate-gate.ts
/**
 * The gate service: the one way anything evaluates a policy. The Action and the
 * CLI (through run-gate.ts), the app's deployment protection rule and its
 * postmortem budget impact all come here; nothing else builds queries or
 * decides. The host supplies where the policy comes from (`source`) and which
 * Prometheus answers (`querierFor`: the Action's inputs, the app's tenant); the
 * service resolves the policy, applies the limits, and evaluates at one
 * timestamp.
 */






/**
 * The policy as the service will evaluate it, with the limits applied (no query is sent for a refused one); the verify
 * step reads it the same way.
 */
async function loadGatePolicy(request) {
    const loaded = await request.source.load();
    const policy = resolvePolicy(loaded.file, request.inputs, request.env, loaded.source, request.target);
    // The parents' locks: a repository's own `locked` binds the files that extend it, not its own runs (as without a parent).
    const own = loaded.chain?.files[0];
    const locks = Object.fromEntries(Object.entries(loaded.chain?.locks ?? {}).filter(([, by]) => by !== own));
    if (Object.keys(locks).length > 0) {
        // A lock binds the inputs too: the files' own values are the floor an input may only tighten.
        const fromFiles = resolvePolicy(loaded.file, inputs/* gateInputsSchema */.GO.parse({ environment: request.inputs.environment }), request.env, loaded.source, request.target);
        const violations = (0,inherit_locks/* inputLockViolations */.s$)(fromFiles, policy, locks);
        if (violations.length > 0)
            throw new policy_error/* PolicyError */.p(loaded.source, violations);
    }
    const max = request.limits?.maxSlos;
    if (max !== undefined && policy.slos.length > max) {
        throw new policy_error/* PolicyError */.p(loaded.source, [
            {
                path: 'slos',
                message: `the policy defines ${policy.slos.length} SLOs; at most ${max} are evaluated per policy${request.limits?.maxSlosSetBy ? `, as ${request.limits.maxSlosSetBy} set` : ''}: split the policy by environment, or ask for a higher limit`,
            },
        ]);
    }
    return { policy, source: loaded.source, warnings: loaded.warnings, chain: loaded.chain ?? null };
}
async function evaluateGate(request) {
    const { policy: resolved, source, warnings, chain } = await loadGatePolicy(request);
    const policy = request.scope === 'budgets' ? { ...resolved, dr: null, freezeWindows: [] } : resolved;
    const { querier, timeoutMs } = request.querierFor(policy, source);
    const prometheus = (0,limited_querier/* limitConcurrency */.f)(querier, request.limits?.maxConcurrentQueries ?? limited_querier/* DEFAULT_QUERY_CONCURRENCY */.n);
    const freezes = request.scope === 'budgets'
        ? []
        : typeof request.freezes === 'function'
            ? await request.freezes(resolved, source)
            : (request.freezes ?? []);
    const exclusionOrigins = policy.exclusions.length > 0 && request.exclusionOrigins !== undefined ? await request.exclusionOrigins(policy, source) : undefined;
    const evaluated = await evaluatePolicy({
        policy,
        prometheus,
        now: request.now,
        run: request.run,
        timeoutMs,
        freezes,
        source,
        ...(exclusionOrigins !== undefined ? { exclusionOrigins } : {}),
    });
    const report = chain === null ? evaluated : { ...evaluated, policySources: policySourcesOf(chain) };
    return { report, policy: resolved, source, warnings, chain };
}
/**
 * Most characters `policySources` may add to a report: the check run carries the report in 65,535 characters,
 * the histories are trimmed to 45,000 before it is added (budget-history.ts), and an override record and its OIDC
 * token may still follow. Past it, the named items' and environments' keys go first, then every key (`omitted`
 * counts them; `deploy-governor policy explain` shows them all); the chain and the locks always stay.
 */
const POLICY_SOURCES_MAX_CHARS = 2_000;
/** The report's `policySources`: the chain, and the files behind each effective key, within POLICY_SOURCES_MAX_CHARS. */
function policySourcesOf(chain) {
    const all = Object.entries(chain.provenance);
    const sources = (kept) => ({
        chain: chain.files,
        keys: Object.fromEntries(kept),
        locked: chain.locks,
        ...(kept.length < all.length ? { omitted: all.length - kept.length } : {}),
    });
    const fits = (s) => JSON.stringify(s).length <= POLICY_SOURCES_MAX_CHARS;
    const full = sources(all);
    if (fits(full))
        return full;
    const topLevel = sources(all.filter(([key]) => !key.includes('[') && !key.startsWith('environments.')));
    return fits(topLevel) ? topLevel : sources([]);
}


/***/ }),

/***/ 6187:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  I: () => (/* binding */ fileSource)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/policy/policy-error.ts
var policy_error = __nccwpck_require__(5833);
;// CONCATENATED MODULE: ./src/gate/read-policy-file.ts
/**
 * Reads the policy file from disk for the Action (workspace) and the CLI (cwd).
 * A missing default file means "all defaults"; a missing file the user named is
 * an error.
 */



const DEFAULT_POLICY_PATH = '.github/deploy-governor.yml';
function codeOf(error) {
    return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
async function readPolicyFile(root, configured, parents = null) {
    const source = configured ?? DEFAULT_POLICY_PATH;
    const full = external_node_path_default().resolve(root, source);
    let text;
    try {
        text = await (0,promises_.readFile)(full, 'utf8');
    }
    catch (error) {
        const code = codeOf(error);
        if (code === 'ENOENT' && configured === undefined)
            return { file: {}, source, found: false, warnings: [], chain: null };
        throw new policy_error/* PolicyError */.p(source, [
            {
                path: 'config',
                message: code === 'ENOENT'
                    ? `no policy file at ${full} (paths are relative to ${root}); name an existing file, or leave config out to use ${DEFAULT_POLICY_PATH} if it exists`
                    : `cannot read ${full}: ${error instanceof Error ? error.message : String(error)}`,
            },
        ]);
    }
    // Loaded on demand: the YAML parser is a noticeable part of the Action's start-up, and runs without a file do not need it.
    const { parsePolicy } = await Promise.all(/* import() */[__nccwpck_require__.e(628), __nccwpck_require__.e(815), __nccwpck_require__.e(863), __nccwpck_require__.e(207)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3207));
    let file = parsePolicy(text, source);
    let chain = null;
    if (file.extends !== undefined)
        ({ file, chain } = await readChain(file, source, parents));
    const warnings = [];
    if (file.sloth !== undefined) {
        // A Sloth spec named by the policy: relative to the repository root, like the policy's own path.
        const slothPath = external_node_path_default().resolve(root, file.sloth);
        let slothText;
        try {
            slothText = await (0,promises_.readFile)(slothPath, 'utf8');
        }
        catch (error) {
            throw new policy_error/* PolicyError */.p(source, [
                {
                    path: 'sloth',
                    message: `cannot read the Sloth spec ${file.sloth} (${slothPath}): ${error instanceof Error ? error.message : String(error)}`,
                },
            ]);
        }
        const { applySlothSource } = await Promise.all(/* import() */[__nccwpck_require__.e(628), __nccwpck_require__.e(815), __nccwpck_require__.e(863), __nccwpck_require__.e(373)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8373));
        file = applySlothSource(file, slothText, (w) => warnings.push(w));
    }
    if (file.openslo !== undefined) {
        const openSloText = await readOpenSloFile(root, file.openslo, source);
        const { applyOpenSloSource } = await Promise.all(/* import() */[__nccwpck_require__.e(628), __nccwpck_require__.e(815), __nccwpck_require__.e(828), __nccwpck_require__.e(863), __nccwpck_require__.e(86)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6086));
        file = applyOpenSloSource(file, openSloText);
    }
    return { file, source, found: true, warnings, chain };
}
/** The file merged with the files it extends, read through the API (fails closed: no token, no policy). */
async function readChain(file, source, parents) {
    if (!parents?.client) {
        throw new policy_error/* PolicyError */.p(source, [
            {
                path: 'extends',
                message: `the policy extends ${JSON.stringify(file.extends)}, which is read through the GitHub API, and there is no token to read it with: ${parents?.missing ?? 'give a GitHub token'}`,
            },
        ]);
    }
    const [{ resolveChain }, { parentPolicyReader }] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(628), __nccwpck_require__.e(815), __nccwpck_require__.e(863), __nccwpck_require__.e(982)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1982)),
        __nccwpck_require__.e(/* import() */ 632).then(__nccwpck_require__.bind(__nccwpck_require__, 1632)),
    ]);
    const [owner, repo] = parents.repository?.split('/') ?? [];
    const self = owner && repo ? { owner, repo, path: external_node_path_default().posix.normalize(source.replace(/\\/g, '/')).replace(/^\.\//, ''), ref: null } : null;
    return resolveChain(file, source, parentPolicyReader(parents.client, parents.reader), { owner: owner ?? null, self });
}
/**
 * The OpenSLO file the policy names, relative to the root and inside it: its
 * text can end up in error messages (a job log), so a symbolic link out of the
 * repository (to /proc/self/environ, say) is refused, not followed.
 */
async function readOpenSloFile(root, configured, source) {
    const full = external_node_path_default().resolve(root, configured);
    try {
        const [realRoot, realFile] = await Promise.all([(0,promises_.realpath)(root), (0,promises_.realpath)(full)]);
        const inside = external_node_path_default().relative(realRoot, realFile);
        if (inside === '' || inside.startsWith('..') || external_node_path_default().isAbsolute(inside)) {
            throw new policy_error/* PolicyError */.p(source, [
                {
                    path: 'openslo',
                    message: `the OpenSLO file ${configured} resolves to ${realFile}, outside ${realRoot}; name a file inside the repository`,
                },
            ]);
        }
        return await (0,promises_.readFile)(realFile, 'utf8');
    }
    catch (error) {
        if (error instanceof policy_error/* PolicyError */.p)
            throw error;
        if (codeOf(error) === 'EISDIR') {
            throw new policy_error/* PolicyError */.p(source, [
                {
                    path: 'openslo',
                    message: `${configured} is a directory; name one file (several OpenSLO documents go in one file, separated by ---)`,
                },
            ]);
        }
        throw new policy_error/* PolicyError */.p(source, [
            {
                path: 'openslo',
                message: `cannot read the OpenSLO file ${configured} (${full}): ${error instanceof Error ? error.message : String(error)}`,
            },
        ]);
    }
}

;// CONCATENATED MODULE: ./src/gate/file-source.ts

/**
 * `configured`: the path the user named (relative to `root`); unset: the default file, optional.
 * `parents`: how the files the policy `extends` are read (null: no token, so a policy that extends is refused).
 */
function fileSource(root, configured, parents = null) {
    return { load: () => readPolicyFile(root, configured, parents) };
}


/***/ }),

/***/ 5692:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fq: () => (/* binding */ attributeToInputs),
  $r: () => (/* binding */ gateQuerier),
  Rg: () => (/* binding */ runGate)
});

// EXTERNAL MODULE: ./src/core/override/decide-override.ts
var decide_override = __nccwpck_require__(3155);
// EXTERNAL MODULE: ./src/core/policy/policy-error.ts
var policy_error = __nccwpck_require__(5833);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __nccwpck_require__(5491);
;// CONCATENATED MODULE: ./src/core/exclusions/exclusion-history.ts
/** What decides an exclusion's intervals: an edit of any of these is a new exclusion. */
function definitionOf(x) {
    return JSON.stringify([x.from ?? null, x.to ?? null, x.cron ?? null, x.timezone ?? 'UTC', x.duration ?? null]);
}
/**
 * Per current exclusion name, the commit that introduced its definition. A name whose definition the newest commit
 * does not have is absent (the file evaluated is not the one GitHub lists). When the history that was read ends before
 * the run does (`complete` false), its oldest commit stands in: later than the truth, so stricter.
 * @param commits the file's commits, newest first
 */
function introductions(current, commits) {
    const found = new Map();
    for (const x of current) {
        const wanted = definitionOf(x);
        let oldest;
        for (const c of commits) {
            const there = c.exclusions?.find((e) => e.name === x.name);
            if (there === undefined || definitionOf(there) !== wanted)
                break;
            oldest = c;
        }
        if (oldest !== undefined)
            found.set(x.name, { sha: oldest.sha, date: oldest.date, login: oldest.login, attested: oldest.attested });
    }
    return found;
}

// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __nccwpck_require__(6584);
// EXTERNAL MODULE: ./src/github/read-override-authorization.ts
var read_override_authorization = __nccwpck_require__(2000);
;// CONCATENATED MODULE: ./src/github/read-exclusion-origins.ts
/**
 * When and by whom each budget exclusion entered the policy file, from GitHub:
 * the file's commits on the evaluated ref (`GET /repos/{o}/{r}/commits?path=`),
 * the file at each of them (contents API at the commit), and the role of the
 * author of the commit that introduced each exclusion (collaborator permission).
 * The decision is the core's (src/core/exclusions/). Bounded: at most
 * MAX_COMMITS commits and their files, one role read per author.
 */





/**
 * Most commits of the policy file read (and files fetched at them). An exclusion older than them is dated by the
 * oldest one read: later than the truth, so never more lenient.
 */
const MAX_COMMITS = 30;
const commitsResponse = schemas/* array */.YOg(schemas/* object */.Ikc({
    sha: schemas/* string */.YjP(),
    commit: schemas/* object */.Ikc({
        committer: schemas/* object */.Ikc({ date: schemas/* string */.YjP() }).nullable(),
        verification: schemas/* object */.Ikc({ verified: schemas/* boolean */.zMY() }).optional(),
    }),
    author: schemas/* object */.Ikc({ login: schemas/* string */.YjP() }).nullable(),
    committer: schemas/* object */.Ikc({ login: schemas/* string */.YjP() }).nullable(),
}));
const contentsResponse = schemas/* object */.Ikc({ encoding: schemas/* string */.YjP(), content: schemas/* string */.YjP() });
/** The environment's exclusions in one version of the file; null when it is missing or invalid there. */
function exclusionsIn(parsePolicy, text, environment) {
    try {
        const file = parsePolicy(text);
        return file.environments?.[environment]?.exclusions ?? file.exclusions ?? [];
    }
    catch (error) {
        if (error instanceof policy_error/* PolicyError */.p)
            return null;
        throw error;
    }
}
async function fileAt(client, t, sha) {
    try {
        const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
            owner: t.owner,
            repo: t.repo,
            path: t.path,
            ref: sha,
        });
        const file = contentsResponse.parse(data);
        return file.encoding === 'base64' ? Buffer.from(file.content, 'base64').toString('utf8') : null;
    }
    catch (error) {
        // The commit deleted the file: no exclusion is in it there.
        if ((0,github_client/* httpStatusOf */.s_)(error) === 404)
            return null;
        throw error;
    }
}
/**
 * The origins of `exclusions` (the policy's, for `target.environment`), or why they are unknown: any failure makes
 * them all unknown, which refuses every started interval (fail closed).
 */
async function readExclusionOrigins(client, target, exclusions) {
    const where = `${target.owner}/${target.repo}:${target.path}`;
    // Loaded here, not at start: the YAML parser and the schema's cron library stay out of every run without exclusions.
    const { parsePolicy } = await Promise.all(/* import() */[__nccwpck_require__.e(628), __nccwpck_require__.e(815), __nccwpck_require__.e(863), __nccwpck_require__.e(207)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3207));
    try {
        const { data } = await client.request('GET /repos/{owner}/{repo}/commits', {
            owner: target.owner,
            repo: target.repo,
            path: target.path,
            per_page: MAX_COMMITS,
            ...(target.ref !== undefined ? { sha: target.ref } : {}),
        });
        const listed = commitsResponse.parse(data);
        // Newest first; stop reading files once every exclusion's run has ended.
        const commits = [];
        const pending = new Set(exclusions.map((x) => x.name));
        for (const c of listed) {
            const text = await fileAt(client, target, c.sha);
            const there = text === null ? null : exclusionsIn(parsePolicy, text, target.environment);
            commits.push({
                sha: c.sha,
                date: new Date(c.commit.committer?.date ?? 0),
                login: c.author?.login ?? null,
                attested: c.committer?.login === 'web-flow' && c.commit.verification?.verified === true,
                exclusions: there,
            });
            const known = introductions(exclusions, commits);
            for (const name of [...pending])
                if (!known.has(name) || known.get(name).sha !== c.sha)
                    pending.delete(name);
            if (pending.size === 0)
                break;
        }
        const found = introductions(exclusions, commits);
        const roles = new Map();
        for (const login of new Set([...found.values()].flatMap((i) => (i.login === null ? [] : [i.login])))) {
            const role = await (0,read_override_authorization/* readActorRole */.M)(client, target.owner, target.repo, login);
            roles.set(login, 'role' in role ? role.role : null);
        }
        const known = new Map();
        for (const [name, i] of found) {
            known.set(name, {
                addedAt: i.date,
                attested: i.attested,
                addedBy: i.login,
                role: i.login === null ? null : (roles.get(i.login) ?? null),
            });
        }
        return { known };
    }
    catch (error) {
        const status = (0,github_client/* httpStatusOf */.s_)(error);
        return {
            unavailable: status === 401 || status === 403 || status === 404
                ? `GitHub answered ${status} to reading the history of ${where}: the token needs contents: read on the repository`
                : `reading the history of ${where} failed: ${(0,github_client/* messageOf */.bD)(error)}`,
        };
    }
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/errors.js
var errors = __nccwpck_require__(961);
;// CONCATENATED MODULE: ./src/github/read-token-user.ts
/**
 * Who a token stands for (`GET /user`): the CLI's override actor. Outside a
 * workflow run there is no triggering actor, so the person asking is the owner
 * of the token, as GitHub knows it, never a name from the command line.
 */


const userResponse = schemas/* object */.Ikc({ login: schemas/* string */.YjP().min(1) });
async function readTokenUser(client) {
    try {
        const { data } = await client.request('GET /user');
        return { login: userResponse.parse(data).login };
    }
    catch (error) {
        const status = (0,github_client/* httpStatusOf */.s_)(error);
        if (status === 401)
            return { error: 'GitHub answered 401 to GET /user: GITHUB_TOKEN is not a valid token' };
        if (status === 403) {
            return {
                error: "GitHub answered 403 to GET /user: the token has no user (an installation token or a workflow's GITHUB_TOKEN acts for an app); use a person's token, e.g. a fine-grained personal access token or `gh auth token`",
            };
        }
        if (error instanceof errors/* ZodError */.G)
            return { error: 'GitHub answered GET /user without a login; is GITHUB_API_URL a GitHub API?' };
        return { error: `reading the token's user (GET /user) failed: ${(0,github_client/* messageOf */.bD)(error)}` };
    }
}

// EXTERNAL MODULE: ./src/core/prometheus/query-error.ts
var query_error = __nccwpck_require__(6399);
;// CONCATENATED MODULE: ./src/prometheus/message-text.ts
/** Text that goes into PrometheusQueryError messages: short, one line, no secrets. */
const MAX_QUERY_CHARS = 300;
const MAX_EXCERPT_CHARS = 200;
/** Shorter values (e.g. a header "1") are not worth redacting: they would mangle ordinary text. */
const MIN_SECRET_CHARS = 4;
// On its own line so that the directive stays next to the regular expression however the code is wrapped.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]+/g;
function oneLine(text) {
    return text.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
}
/** At most `max` characters, the ellipsis included. */
function cut(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** The query as messages show it: one line, about 300 characters at most. */
function queryForMessage(query) {
    return cut(oneLine(query), MAX_QUERY_CHARS);
}
/** A body excerpt: one line, control characters removed, `max` (200) characters at most. */
function excerpt(body, max = MAX_EXCERPT_CHARS) {
    const clean = oneLine(body);
    return clean === '' ? '(empty body)' : cut(clean, max);
}
/**
 * Removes known secrets (header values, URL credentials) from text a server sent
 * back: an echoing proxy or a chatty error page must not put a token into a log.
 */
class Redactor {
    secrets;
    constructor(values) {
        const all = new Set();
        for (const value of values) {
            all.add(value);
            // "Bearer abc", "Basic dXNlcjpwYXNz": the credential alone may be echoed too.
            const credential = /^\s*[A-Za-z-]+\s+(\S+)\s*$/.exec(value)?.[1];
            if (credential)
                all.add(credential);
        }
        // Longest first, so a secret that contains another is removed whole.
        this.secrets = [...all].filter((s) => s.length >= MIN_SECRET_CHARS).sort((a, b) => b.length - a.length);
    }
    redact(text) {
        return this.secrets.reduce((out, secret) => out.split(secret).join('***'), text);
    }
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __nccwpck_require__(8532);
;// CONCATENATED MODULE: ./src/prometheus/prometheus-envelope.ts
/**
 * The JSON envelope of Prometheus's `/api/v1/query` and `/api/v1/query_range`, validated rather than cast
 * (https://prometheus.io/docs/prometheus/latest/querying/api/#format-overview).
 */

/** Sample values are strings in the JSON, including "NaN", "+Inf" and "-Inf". */
const sampleValueSchema = schemas/* string */.YjP().transform((text, ctx) => {
    if (text === 'NaN')
        return Number.NaN;
    if (text === '+Inf' || text === 'Inf')
        return Number.POSITIVE_INFINITY;
    if (text === '-Inf')
        return Number.NEGATIVE_INFINITY;
    // Number() would also accept "", " 1 " and "0x10".
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
        ctx.addIssue({ code: 'custom', message: `expected a number, NaN or ±Inf as a string, got ${JSON.stringify(text.slice(0, 40))}` });
        return core/* NEVER */.tm;
    }
    return Number(text);
});
/** `[<unix seconds>, "<value>"]` */
const pointSchema = schemas/* tuple */.PVZ([schemas/* number */.aig(), sampleValueSchema]);
/**
 * A range query's `matrix` result: series with their `values` (`histograms`
 * instead for native histograms, which have no single value).
 */
const matrixResultSchema = schemas/* array */.YOg(schemas/* object */.Ikc({
    metric: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()),
    values: schemas/* array */.YOg(pointSchema).optional(),
    histograms: schemas/* unknown */.L5J().optional(),
}));
const statsSchema = schemas/* object */.Ikc({ samples: schemas/* object */.Ikc({ totalQueryableSamples: schemas/* number */.aig().optional() }).optional() }).optional();
const dataSchema = schemas/* discriminatedUnion */.gMt('resultType', [
    schemas/* object */.Ikc({
        resultType: schemas/* literal */.euz('vector'),
        result: schemas/* array */.YOg(schemas/* object */.Ikc({
            metric: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()),
            value: pointSchema.optional(),
            /** Native histogram samples carry `histogram` instead of `value`. */
            histogram: schemas/* unknown */.L5J().optional(),
        })),
        stats: statsSchema,
    }),
    schemas/* object */.Ikc({ resultType: schemas/* literal */.euz('scalar'), result: pointSchema, stats: statsSchema }),
    schemas/* object */.Ikc({ resultType: schemas/* literal */.euz('matrix'), result: schemas/* unknown */.L5J(), stats: statsSchema }),
    schemas/* object */.Ikc({ resultType: schemas/* literal */.euz('string'), result: schemas/* unknown */.L5J(), stats: statsSchema }),
]);
const envelopeSchema = schemas/* discriminatedUnion */.gMt('status', [
    schemas/* object */.Ikc({ status: schemas/* literal */.euz('success'), data: dataSchema, warnings: schemas/* array */.YOg(schemas/* string */.YjP()).optional() }),
    schemas/* object */.Ikc({
        status: schemas/* literal */.euz('error'),
        errorType: schemas/* string */.YjP().optional(),
        error: schemas/* string */.YjP().optional(),
        warnings: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    }),
]);
function parseEnvelope(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { ok: false, problem: text.trim() === '' ? 'the body is empty' : 'the body is not JSON' };
    }
    const parsed = envelopeSchema.safeParse(json);
    if (parsed.success)
        return { ok: true, envelope: parsed.data };
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, problem: `the JSON is not a Prometheus API answer (${issue?.message ?? 'unexpected shape'}${where})` };
}
/** Prometheus's `error` text from an error answer, if the body is one. */
function prometheusError(text) {
    const parsed = parseEnvelope(text);
    if (!parsed.ok || parsed.envelope.status !== 'error' || parsed.envelope.error === undefined)
        return null;
    return { errorType: parsed.envelope.errorType ?? null, error: parsed.envelope.error };
}

;// CONCATENATED MODULE: ./src/prometheus/strip-credentials.ts
/**
 * A URL fit for messages and reports: user info (`user:pass@`), query string and
 * fragment removed (either may carry a token), trailing slashes trimmed.
 *
 * Never throws, and errs on the side of hiding: text that is not an http(s) URL,
 * or that has an `@` the URL parser did not read as user info (an unencoded `/`,
 * `?` or `#` in a password moves the password into the host, port or fragment),
 * loses everything up to its last `@`.
 */
function stripCredentials(url) {
    const text = url.trim();
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0] ?? '';
    const rest = text.slice(scheme.length);
    // An `@` after the first character that ends the authority (`/ ? # \`) means a password held one of them unencoded:
    // the parser would put part of it in the path, so clean by hand.
    const authorityEnd = rest.search(/[/?#\\]/);
    const suspicious = rest.lastIndexOf('@') > (authorityEnd === -1 ? rest.length : authorityEnd);
    try {
        if (suspicious)
            throw new Error('user info the parser would misread');
        const parsed = new URL(text);
        const http = parsed.protocol === 'http:' || parsed.protocol === 'https:';
        if (http && (!rest.includes('@') || parsed.username !== '' || parsed.password !== '')) {
            parsed.username = '';
            parsed.password = '';
            parsed.search = '';
            parsed.hash = '';
            return parsed.toString().replace(/\/+$/, '');
        }
    }
    catch {
        // Not a URL (e.g. `user:pass@host:9090`, or a password with an unencoded `/`): clean it by hand.
    }
    return `${scheme}${rest.slice(rest.lastIndexOf('@') + 1)}`.replace(/[?#].*$/s, '').replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./src/prometheus/client.ts




/**
 * Dropped connections worth another attempt: a keep-alive connection closed by a
 * proxy, Prometheus restarting mid-request, a transient DNS failure. The query is
 * read-only, so resending it is safe. A refused connection, an unknown host or a
 * TLS failure is not retried: nothing is listening or the address is wrong, and a
 * retry 200 ms later would only spend the gate's time budget.
 */
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'EAI_AGAIN']);
/** undici's own header/body timeouts (5 minutes by default) are timeouts too. */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
/** Prometheus's own error text is worth more room than an arbitrary body. */
const MAX_ERROR_CHARS = 500;
/**
 * The `code` of a fetch failure (undici puts the socket error in `cause`, an
 * AggregateError when several addresses failed), else the innermost message.
 */
function networkFailure(error) {
    const queue = [error];
    let message;
    for (let i = 0; i < queue.length && i < 10; i++) {
        const e = queue[i];
        if (typeof e !== 'object' || e === null)
            continue;
        // The app's checked fetch refused the address after resolving it: nothing was sent. Known by its name, not
        // imported: checked-fetch.ts loads undici, which the Action's start-up must not pay for.
        if ('name' in e && e.name === 'AddressRefused' && 'message' in e && typeof e.message === 'string')
            return { refused: { message: e.message } };
        if ('code' in e && typeof e.code === 'string')
            return { code: e.code };
        if ('message' in e && typeof e.message === 'string' && e.message !== '')
            message = e.message;
        if ('cause' in e)
            queue.push(e.cause);
        if ('errors' in e && Array.isArray(e.errors))
            queue.push(...e.errors);
    }
    return { message };
}
/** Percent-decoded URL user info; malformed escapes are kept as they are rather than throwing. */
function decoded(part) {
    try {
        return decodeURIComponent(part);
    }
    catch {
        return part;
    }
}
/** Where a redirect points, for the message (null when the Location header is unusable). */
function redirectTarget(location, base) {
    if (!location)
        return null;
    try {
        return stripCredentials(new URL(location, base).href);
    }
    catch {
        return null;
    }
}
function hint(code) {
    if (code === undefined)
        return '';
    if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code))
        return ` (${code}: the TLS certificate is not trusted; for a private CA set NODE_EXTRA_CA_CERTS)`;
    if (code === 'ENOTFOUND')
        return ` (${code}: the host name does not resolve)`;
    if (code === 'ECONNREFUSED')
        return ` (${code}: nothing listens at that address and port)`;
    return ` (${code})`;
}
/** The API base and headers for a base URL, or why they cannot be built (never echoing a header value). */
function prepareRequest(baseUrl, userHeaders, displayUrl) {
    const secrets = Object.values(userHeaders);
    let url;
    try {
        url = new URL(baseUrl.trim());
    }
    catch {
        url = new URL('invalid:');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return {
            secrets,
            problem: `prometheus-url ${JSON.stringify(displayUrl)} is not an http:// or https:// URL (e.g. https://prometheus.example.com)`,
        };
    }
    secrets.push(url.password, decoded(url.password), url.username, decoded(url.username));
    const headers = new Headers({ Accept: 'application/json', 'User-Agent': 'deploy-governor' });
    for (const [name, value] of Object.entries(userHeaders)) {
        try {
            headers.set(name, value);
        }
        catch {
            // Headers rejects forbidden characters (a line break, non-Latin-1 text).
            return {
                secrets,
                problem: `the request header ${JSON.stringify(name)} has an invalid name or value (check prometheus-headers and prometheus-token for line breaks or non-ASCII characters)`,
            };
        }
    }
    if ((url.username || url.password) && !headers.has('authorization')) {
        const basic = `Basic ${Buffer.from(`${decoded(url.username)}:${decoded(url.password)}`).toString('base64')}`;
        headers.set('Authorization', basic);
        secrets.push(basic);
    }
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
    // Keep a path prefix (Mimir's /prometheus) and any query parameters of the base URL; drop credentials and fragment.
    const base = new URL(url.href);
    base.username = '';
    base.password = '';
    base.hash = '';
    return { secrets, base, headers };
}
/** The endpoint of one API under the base URL (its path prefix and query parameters kept). */
function endpointOf(base, api) {
    const endpoint = new URL(base.href);
    endpoint.pathname = `${endpoint.pathname.replace(/\/+$/, '')}${api}`;
    return endpoint.href;
}
/** Unix seconds with milliseconds, as the API takes timestamps. */
function unixSeconds(time) {
    return (time.getTime() / 1000).toFixed(3);
}
class PrometheusClient {
    /** Base URL without credentials, query or trailing slash: the only form shown in messages and reports. */
    displayUrl;
    /** Where and how to send queries, or why none can be sent (reported by each query: the constructor never throws). */
    request;
    redactor;
    timeoutMs;
    attempts;
    backoffMs;
    stats;
    fetchImpl;
    constructor(options) {
        this.displayUrl = stripCredentials(options.url);
        this.timeoutMs = options.timeoutMs;
        this.attempts = Math.max(1, Math.floor(options.attempts ?? 3));
        this.backoffMs = Math.max(0, options.backoffMs ?? 200);
        this.stats = options.stats ?? true;
        this.fetchImpl = options.fetch ?? fetch;
        const setup = prepareRequest(options.url, options.headers ?? {}, this.displayUrl);
        this.redactor = new Redactor(setup.secrets);
        this.request = 'problem' in setup ? setup.problem : { base: setup.base, headers: setup.headers };
    }
    async query(promql, time) {
        const { data, fail } = await this.send('/api/v1/query', promql, { time: unixSeconds(time) });
        return { samples: this.samples(data, fail), samplesTouched: data.stats?.samples?.totalQueryableSamples ?? null };
    }
    /**
     * A range query: `promql` evaluated at `start`, `start + step`, … up to `end`.
     * The same request, retries and failures as `query`; the answer must be a
     * matrix (or a scalar, read as one series).
     */
    async queryRange(promql, range) {
        const step = Math.max(1, Math.round(range.stepSeconds));
        const { data, fail } = await this.send('/api/v1/query_range', promql, {
            start: unixSeconds(range.start),
            end: unixSeconds(range.end),
            step: String(step),
        });
        return { series: this.series(data, fail), samplesTouched: data.stats?.samples?.totalQueryableSamples ?? null };
    }
    /**
     * POSTs one query to `api` with `params`, retrying what is worth retrying, and
     * returns the successful answer's data, or throws a PrometheusQueryError that
     * names the URL (never its credentials) and the query.
     */
    async send(api, promql, params) {
        const details = { url: this.displayUrl, query: promql };
        const shown = queryForMessage(promql);
        const fail = (kind, message, extra = {}) => new query_error/* PrometheusQueryError */.V(kind, `${message} (query: ${shown})`, { ...details, ...extra });
        if (typeof this.request === 'string')
            throw fail('unreachable', `cannot query Prometheus at ${this.displayUrl}: ${this.request}`, { attempts: 0 });
        const { headers } = this.request;
        const endpoint = endpointOf(this.request.base, api);
        const form = new URLSearchParams({ query: promql, ...params });
        if (this.stats)
            form.set('stats', 'all');
        const body = form.toString();
        let lastFailure = '';
        for (let attempt = 1; attempt <= this.attempts; attempt++) {
            if (attempt > 1)
                await this.backoff(attempt);
            const signal = AbortSignal.timeout(this.timeoutMs);
            let response;
            let text;
            try {
                // Redirects are not followed: a 301/302 turns the POST into a GET without the
                // query, and a redirect could carry the credentials to another host.
                response = await this.fetchImpl(endpoint, { method: 'POST', headers, body, signal, redirect: 'manual' });
                text = await response.text();
            }
            catch (error) {
                const { code, message, refused } = networkFailure(error);
                if (refused)
                    throw fail('unreachable', `refused to contact Prometheus at ${this.displayUrl}: ${refused.message}`, {
                        attempts: attempt,
                        refusedAddress: true,
                    });
                if (signal.aborted || (code !== undefined && TIMEOUT_CODES.has(code))) {
                    // A timeout is not retried: the whole gate must finish within its budget, and a
                    // query that took timeoutMs once will most likely take as long again.
                    throw fail('timeout', `Prometheus at ${this.displayUrl} did not answer within ${this.timeoutMs} ms: raise the \`timeout\` input (or prometheus.timeout in the policy), or make the query cheaper, e.g. with recording rules`, { attempts: attempt });
                }
                if (code !== undefined && RETRYABLE_NETWORK_CODES.has(code) && attempt < this.attempts) {
                    lastFailure = code;
                    continue;
                }
                const resets = code !== undefined && RETRYABLE_NETWORK_CODES.has(code) && attempt > 1 ? `; the connection failed ${attempt} times` : '';
                throw fail('unreachable', `cannot reach Prometheus at ${this.displayUrl}${code === undefined && message ? ` (${excerpt(this.redactor.redact(message), 120)})` : hint(code)}${resets}: check prometheus-url and that the runner has network access to it`, { attempts: attempt });
            }
            const status = response.status;
            if (status >= 500 || status === 429) {
                lastFailure = `HTTP ${status}: ${this.serverWords(text)}`;
                if (attempt < this.attempts)
                    continue;
                throw fail('server', `Prometheus at ${this.displayUrl} failed ${attempt} ${attempt === 1 ? 'time' : 'times'}, last with ${lastFailure}`, {
                    httpStatus: status,
                    attempts: attempt,
                });
            }
            const answered = (kind, message) => fail(kind, message, { httpStatus: status, attempts: attempt });
            return { data: this.interpret(response, text, endpoint, api, answered), fail: answered };
        }
        // Unreachable: the last attempt always returns or throws above.
        throw fail('unreachable', `cannot reach Prometheus at ${this.displayUrl} (${lastFailure})`, { attempts: this.attempts });
    }
    /** The data of a successful answer; every other answer is a failure. */
    interpret(response, text, endpoint, api, fail) {
        const { status } = response;
        const at = `Prometheus at ${this.displayUrl}`;
        if (status >= 300 && status < 400) {
            const location = redirectTarget(response.headers.get('location'), endpoint);
            const target = location ? ` to ${this.redactor.redact(location)}` : '';
            throw fail('unreachable', `${at} redirected (HTTP ${status})${target}: set prometheus-url to the final address (redirects are not followed)`);
        }
        if (status === 401 || status === 403) {
            throw fail('unauthorized', `${at} refused the request (HTTP ${status}${status === 401 ? ', not authenticated' : ', not allowed'}): check the prometheus-token input (or the policy's prometheus.bearer-token-env / basic-auth, or user:password in prometheus-url) and prometheus-headers (e.g. the X-Scope-OrgID tenant)`);
        }
        if (status === 404) {
            throw fail('unreachable', `no Prometheus query API at ${this.displayUrl}${api} — check the URL (Mimir needs its /prometheus prefix); the server answered HTTP 404`);
        }
        if (status >= 400) {
            const answer = prometheusError(text);
            const type = answer?.errorType ? ` ${answer.errorType}` : '';
            throw fail('bad-query', `${at} rejected the query (HTTP ${status}${type}): ${this.serverWords(text)}`);
        }
        const parsed = parseEnvelope(text);
        if (!parsed.ok) {
            throw fail('invalid-response', `the answer from ${this.displayUrl} is not Prometheus JSON (HTTP ${status}, ${parsed.problem}): ${JSON.stringify(excerpt(this.redactor.redact(text)))} — is prometheus-url the Prometheus API rather than a login page or proxy?`);
        }
        const envelope = parsed.envelope;
        if (envelope.status === 'error') {
            throw fail('bad-query', `${at} failed the query${envelope.errorType ? ` (${envelope.errorType})` : ''}: ${this.serverWords(text)}`);
        }
        return envelope.data;
    }
    samples(data, fail) {
        switch (data.resultType) {
            case 'scalar':
                return [{ labels: {}, value: data.result[1] }];
            case 'vector':
                return data.result.map((s) => {
                    if (s.value === undefined) {
                        throw fail('invalid-response', `${this.displayUrl} returned native histogram samples, which have no single value: wrap the query in histogram_count(), histogram_sum() or histogram_quantile()`);
                    }
                    return { labels: s.metric, value: s.value[1] };
                });
            case 'matrix':
                throw fail('invalid-response', `expected an instant vector or scalar; the query returned a matrix — did you forget increase()/rate()? (Prometheus at ${this.displayUrl})`);
            case 'string':
                throw fail('invalid-response', `expected an instant vector or scalar; the query returned a string (Prometheus at ${this.displayUrl})`);
        }
    }
    /** A range query's series: a matrix (native histogram points are refused as for instant queries), or a scalar as one series. */
    series(data, fail) {
        switch (data.resultType) {
            case 'matrix': {
                const parsed = matrixResultSchema.safeParse(data.result);
                if (!parsed.success) {
                    const issue = parsed.error.issues[0];
                    const where = issue && issue.path.length > 0 ? ` at result.${issue.path.join('.')}` : '';
                    throw fail('invalid-response', `the range answer from ${this.displayUrl} is not a Prometheus matrix (${issue?.message ?? 'unexpected shape'}${where})`);
                }
                return parsed.data.map((s) => {
                    if (s.values === undefined) {
                        throw fail('invalid-response', `${this.displayUrl} returned native histogram samples, which have no single value: wrap the query in histogram_count(), histogram_sum() or histogram_quantile()`);
                    }
                    return { labels: s.metric, points: s.values.map(([at, value]) => ({ at, value })) };
                });
            }
            case 'scalar':
                return [{ labels: {}, points: [{ at: data.result[0], value: data.result[1] }] }];
            case 'vector':
            case 'string':
                throw fail('invalid-response', `expected a matrix from the range query; the query returned a ${data.resultType} (Prometheus at ${this.displayUrl})`);
        }
    }
    /** Prometheus's own error text when the body is an error answer, else a body excerpt; secrets redacted either way. */
    serverWords(text) {
        const safe = this.redactor.redact(text);
        const answer = prometheusError(safe);
        return answer ? excerpt(answer.error, MAX_ERROR_CHARS) : JSON.stringify(excerpt(safe));
    }
    backoff(attempt) {
        const base = this.backoffMs * 2 ** (attempt - 2);
        return new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * base));
    }
}

;// CONCATENATED MODULE: ./src/prometheus/push-decision.ts

function labelValue(value) {
    return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
/** The text exposition of a decision. */
function decisionMetrics(report, atSeconds) {
    const d = report.decision;
    const env = labelValue(report.environment);
    return [
        '# HELP deploy_governor_decision The latest deploy decision (1) with its status.',
        '# TYPE deploy_governor_decision gauge',
        `deploy_governor_decision{environment="${env}",status="${d.status}",allowed="${d.canDeploy}",overridden="${d.overridden}"} 1`,
        '# HELP deploy_governor_decision_timestamp_seconds When the latest decision was made.',
        '# TYPE deploy_governor_decision_timestamp_seconds gauge',
        `deploy_governor_decision_timestamp_seconds{environment="${env}"} ${atSeconds}`,
        ...wouldHaveBlockedMetrics(report, env, atSeconds),
        '',
    ].join('\n');
}
/**
 * Advisory rules that would have blocked this decision (issue 16): one series per rule, valued at the decision's
 * time. The group is replaced on every push, so each would-have-blocked decision is a new value of its rule's
 * series, and `changes(deploy_governor_would_have_blocked_timestamp_seconds[30d]) + 1` counts them per rule (the
 * README shows the query). A true counter would need the previous push read back from the Pushgateway first, a
 * read of every group, racing concurrent deploys.
 */
function wouldHaveBlockedMetrics(report, env, atSeconds) {
    const rules = report.decision.wouldHaveBlocked ?? [];
    if (rules.length === 0)
        return [];
    // One series per rule: the worst status it reached (the list is ordered most severe first).
    const seen = new Map();
    for (const r of rules)
        if (!seen.has(r.rule))
            seen.set(r.rule, r.status);
    return [
        '# HELP deploy_governor_would_have_blocked_timestamp_seconds When an advisory rule last would have blocked a deploy decision.',
        '# TYPE deploy_governor_would_have_blocked_timestamp_seconds gauge',
        ...[...seen].map(([rule, status]) => `deploy_governor_would_have_blocked_timestamp_seconds{environment="${env}",rule="${labelValue(rule)}",status="${status}"} ${atSeconds}`),
    ];
}
/** Grouping-key path segment; base64url form so any value (slashes included) is safe. */
function segment(name, value) {
    return `${name}@base64/${Buffer.from(value, 'utf8').toString('base64url') || '='}`;
}
async function pushDecision(options) {
    const base = options.url.replace(/\/+$/, '');
    const target = `${base}/metrics/job/deploy-governor/${segment('repository', options.repository)}/${segment('environment', options.report.environment)}`;
    const body = decisionMetrics(options.report, Math.round((options.now ?? new Date()).getTime() / 1000));
    let response;
    try {
        response = await (options.fetch ?? fetch)(target, {
            method: 'PUT',
            headers: { 'Content-Type': 'text/plain; version=0.0.4' },
            body,
            signal: AbortSignal.timeout(options.timeoutMs),
        });
    }
    catch (error) {
        throw new Error(`cannot push the decision to the Pushgateway at ${stripCredentials(base)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (!response.ok) {
        throw new Error(`the Pushgateway at ${stripCredentials(base)} answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
    }
}

;// CONCATENATED MODULE: ./src/gate/command-freezes.ts
/**
 * Freezes on command for the Action and the CLI (issue 15). When the policy
 * names the operator's deploy-governor app (`freezes.app`), the `deploy-freeze`
 * issues that app opened (GitHub's `performed_via_github_app`, never the
 * issue's text) in the repository and in `<owner>/.github` are read through the
 * API and handed to the gate, which treats them as the protection rule does:
 * status FREEZE with the freeze's reason and end. Without `freezes.app` nothing
 * is read. A read that fails fails closed, saying which permission to give.
 */


/** What to give, in each host's words (the postmortem-debt reader, debt-gate.ts, asks for the same). */
const ADVICE = {
    action: {
        token: 'set the github-token input (the job\'s GITHUB_TOKEN works) and give the job "permissions: issues: read"',
        org: 'give the policy-token input a token that can read its issues',
    },
    cli: {
        token: "set GITHUB_TOKEN (or GH_TOKEN) to a token that can read the repository's issues, and pass --repo owner/name",
        org: 'use a GITHUB_TOKEN that can read its issues',
    },
};
/**
 * Reads the freezes in force for the resolved policy's environment, once the policy says which app keeps them.
 * @param warn hears what the gate could not read without failing (an `<owner>/.github` that answers 404)
 */
function commandFreezeReader(access, now, warn) {
    return async (policy, source) => {
        const app = policy.freezes.app;
        if (app === null)
            return [];
        const advice = ADVICE[access.host];
        const refuse = (message) => new policy_error/* PolicyError */.p(source, [{ path: 'freezes.app', message: `the gate reads the freezes on command of the app ${app}: ${message}` }]);
        const [owner, repo] = access.repository?.split('/') ?? [];
        if (!access.client || !owner || !repo) {
            const missing = access.client ? 'the repository is unknown' : 'there is no GitHub token to read them with';
            throw refuse(`${missing}; ${advice.token}`);
        }
        // Loaded only for a policy that names the app: the issue readers stay out of every other run's start.
        const [{ activeCommandFreezes }, { ORG_FREEZE_REPOSITORY, readFreezesInScope }] = await Promise.all([
            __nccwpck_require__.e(/* import() */ 896).then(__nccwpck_require__.bind(__nccwpck_require__, 5896)),
            __nccwpck_require__.e(/* import() */ 708).then(__nccwpck_require__.bind(__nccwpck_require__, 3708)),
        ]);
        const org = `${owner}/${ORG_FREEZE_REPOSITORY}`;
        try {
            const stored = await readFreezesInScope(access.client, owner, repo, { appSlug: app }, {
                ...(access.orgClient ? { orgClient: access.orgClient } : {}),
                onOrgNotFound: () => warn(`organisation-wide freezes were not read: ${org} was not found, or is not visible to this token (GitHub answers 404 for both); if it exists, ${advice.org}`),
            });
            return activeCommandFreezes(stored, policy.environment, now);
        }
        catch (error) {
            const status = (0,github_client/* httpStatusOf */.s_)(error);
            const where = `the deploy-freeze issues of ${owner}/${repo} and ${org}`;
            if (status === 401)
                throw refuse(`GitHub refused the token (401); ${advice.token}`);
            if (status === 403 || status === 404)
                throw refuse(`GitHub refused to list ${where} (${status}: ${(0,github_client/* messageOf */.bD)(error)}): the token needs issues: read on ${owner}/${repo}; ${advice.token}`);
            throw refuse(`reading ${where} failed (${(0,github_client/* messageOf */.bD)(error)}), so the gate fails closed`);
        }
    };
}

;// CONCATENATED MODULE: ./src/gate/apply-class-and-debts.ts
/**
 * The report with the change class and the postmortem debts applied.
 * @throws PolicyError when the debts cannot be read (debt-gate.ts fails closed)
 */
async function applyClassAndDebts(report, policy, r) {
    const changeClasses = policy.changeClasses;
    const classNeeded = changeClasses !== undefined && !report.decision.canDeploy;
    const debtsOn = policy.actionItems !== null && policy.actionItems.blockOnOverdue.length > 0;
    if (!classNeeded && !debtsOn)
        return report;
    // Loaded only for a policy that uses them: the evidence and issue readers stay out of every other run's start.
    const [{ classifyChange, readChangeClass }, { applyDebts, FEATURE_BY_DEFAULT }] = await Promise.all([
        __nccwpck_require__.e(/* import() */ 852).then(__nccwpck_require__.bind(__nccwpck_require__, 7852)),
        __nccwpck_require__.e(/* import() */ 660).then(__nccwpck_require__.bind(__nccwpck_require__, 5660)),
    ]);
    let request;
    const classify = () => (request ??= r.classify());
    let out = report;
    if (classNeeded) {
        out = await classifyChange(out, { ...policy, changeClasses }, await classify());
    }
    return applyDebts(out, policy, r.source, r.debts, r.now, async () => {
        if (changeClasses === undefined)
            return FEATURE_BY_DEFAULT;
        // The budget let the deploy through, so no status names an override level: choosing a class needs the freeze level's role.
        const needed = changeClasses.permission ?? policy.overrides.levels.freeze.permission;
        const resolved = await readChangeClass({ ...policy, changeClasses }, await classify(), needed);
        return { name: resolved.name, detail: resolved.detail };
    });
}

// EXTERNAL MODULE: ./src/gate/evaluate-gate.ts + 12 modules
var evaluate_gate = __nccwpck_require__(1254);
// EXTERNAL MODULE: ./src/gate/file-source.ts + 1 modules
var file_source = __nccwpck_require__(6187);
// EXTERNAL MODULE: ./src/core/policy/inherit/locks.ts
var locks = __nccwpck_require__(2058);
;// CONCATENATED MODULE: ./src/gate/run-gate.ts
/**
 * The Action's and the CLI's gate: the policy file on disk, Prometheus from the
 * inputs and the policy, freezes on command when the policy names the app that
 * keeps them (command-freezes.ts), evaluated by the gate service (evaluate-gate.ts); then an
 * override authorized through the GitHub API (the Action's workflow_dispatch
 * input, or the CLI's --override flag by the token's user), and the decision pushed.
 *
 * Errors name their source: a problem with a value that came from an input says
 * so in the host's words (`--caution-threshold` on the command line, the
 * `caution-threshold` input in the Action), not the policy file's.
 */













/** How each host names its inputs in messages. */
const HOST_INPUTS = {
    action: { source: 'action inputs', name: (input) => input },
    cli: { source: 'command line', name: (input) => `--${input}` },
};
/** Issue paths (as resolvePolicy and the file reader name them) whose value may come from these inputs. */
const INPUTS_OF_PATH = {
    thresholds: ['caution-threshold', 'warning-threshold', 'freeze-threshold'],
    'slo-target': ['slo-target'],
    'error-query/total-query': ['error-query', 'total-query'],
    environment: ['environment'],
    config: ['config'],
    // An input that loosens a key the organisation locked (core/policy/inherit/locks.ts).
    [locks/* INPUT_LOCK_PATHS */.WO['block-on']]: ['block-on'],
    [locks/* INPUT_LOCK_PATHS */.WO['on-error']]: ['on-error'],
    [locks/* INPUT_LOCK_PATHS */.WO.mode]: ['mode'],
    [locks/* INPUT_LOCK_PATHS */.WO.thresholds]: ['caution-threshold', 'warning-threshold', 'freeze-threshold'],
};
/**
 * A policy error whose value came from the inputs, told in the host's words: `--caution-threshold` (or the
 * `caution-threshold` input) rather than `thresholds` in a policy file that may not even exist. Issues the
 * inputs had no part in keep the file as their source.
 */
function attributeToInputs(error, inputs, host) {
    const words = HOST_INPUTS[host];
    let attributed = 0;
    const issues = error.issues.map((issue) => {
        const given = (INPUTS_OF_PATH[issue.path] ?? []).filter((name) => inputs[name] !== undefined);
        if (given.length === 0)
            return issue;
        attributed += 1;
        return { path: given.map(words.name).join(', '), message: issue.message };
    });
    if (attributed === 0)
        return error;
    // All from the inputs: the inputs are the source. Mixed: keep the file's name, each issue says which is which.
    return new policy_error/* PolicyError */.p(attributed === issues.length ? words.source : error.source, issues);
}
/**
 * The Prometheus the policy names, as the Action's and the CLI's gate (and verify step) query it; without one, an
 * error in the host's words.
 * @throws PolicyError
 */
function gateQuerier(p, source, host, createQuerier) {
    if (!p.prometheus) {
        throw host === 'cli'
            ? new policy_error/* PolicyError */.p(HOST_INPUTS.cli.source, [
                {
                    path: '--prometheus-url',
                    message: `no Prometheus to query: pass --prometheus-url (or set PROMETHEUS_URL), or set prometheus.url in ${source} (e.g. https://prometheus.example.com)`,
                },
            ])
            : new policy_error/* PolicyError */.p(source, [
                {
                    path: 'prometheus.url',
                    message: 'no Prometheus to query: set the prometheus-url input or prometheus.url in the policy file (e.g. https://prometheus.example.com)',
                },
            ]);
    }
    return {
        querier: (createQuerier ?? ((t) => new PrometheusClient({ url: t.url, headers: t.headers, timeoutMs: t.timeoutMs })))(p.prometheus),
        timeoutMs: p.prometheus.timeoutMs,
    };
}
async function runGate(request) {
    const { inputs } = request;
    const host = request.host ?? 'action';
    const now = request.now ?? new Date();
    let evaluation;
    const freezeWarnings = [];
    try {
        evaluation = await (0,evaluate_gate/* evaluateGate */.D)({
            source: (0,file_source/* fileSource */.I)(request.root, inputs.config, request.parents ?? null),
            freezes: commandFreezeReader({ client: null, repository: null, ...request.freezes, host }, now, (w) => freezeWarnings.push(w)),
            ...(request.target ? { target: request.target } : {}),
            inputs,
            env: request.env,
            now,
            run: request.run,
            exclusionOrigins: (p, source) => exclusionOriginsFor(request, host, p, source),
            querierFor: (p, source) => gateQuerier(p, source, host, request.createQuerier),
        });
    }
    catch (error) {
        throw error instanceof policy_error/* PolicyError */.p ? attributeToInputs(error, inputs, host) : error;
    }
    const { policy } = evaluation;
    let report = evaluation.report;
    report = await classAndDebtsFor(report, policy, evaluation.source, { ...request, now }, host);
    const level = inputs.override;
    if (level !== undefined && level !== 'none') {
        report = await authorizeOverride(report, policy, { ...request, now }, level);
    }
    const warnings = [...evaluation.warnings, ...freezeWarnings];
    if (inputs['pushgateway-url']) {
        try {
            await pushDecision({
                url: inputs['pushgateway-url'],
                report,
                repository: request.run?.repository ?? 'unknown',
                timeoutMs: policy.prometheus?.timeoutMs ?? 10_000,
                now,
            });
        }
        catch (error) {
            // The decision stands; only the governance metric is lost.
            warnings.push((0,github_client/* messageOf */.bD)(error));
        }
    }
    return { report, policy, policySource: evaluation.source, warnings, chain: evaluation.chain };
}
/**
 * When the policy's exclusions were added, from the policy file's history on GitHub (the run's commit); without a
 * token, unknown: every started exclusion interval then counts against the budget (fail closed).
 */
function exclusionOriginsFor(request, host, policy, source) {
    const github = request.github;
    if (!github) {
        return Promise.resolve({
            unavailable: host === 'cli'
                ? "no GitHub token to read the policy file's history: set GITHUB_TOKEN and pass --repo owner/name"
                : "no GitHub token to read the policy file's history: set the github-token input (contents: read)",
        });
    }
    return readExclusionOrigins(github.client, {
        owner: github.owner,
        repo: github.repo,
        // The file as read from the workspace (the repository's root), named as in the repository.
        path: source.replace(/^\.\//, ''),
        ...(request.run?.sha ? { ref: request.run.sha } : {}),
        environment: policy.environment,
    }, policy.exclusions);
}
/**
 * The change class and the overdue postmortem action items (apply-class-and-debts.ts). The class's evidence is read
 * with the job's token; the items with the token that reads freezes on command, from the app the policy's `audit.app`
 * names (the app that opens them is the one that writes the audit log). The input's actor is read only when needed.
 */
function classAndDebtsFor(report, policy, source, request, host) {
    const [owner, repo] = request.freezes?.repository?.split('/') ?? [];
    const classInput = request.inputs['change-class'];
    return applyClassAndDebts(report, policy, {
        source,
        now: request.now,
        classify: async () => ({
            github: request.github ?? null,
            ...(request.githubUnavailable !== undefined ? { githubUnavailable: request.githubUnavailable } : {}),
            sha: request.sha ?? request.run?.sha ?? null,
            ...(classInput !== undefined ? { input: { name: classInput, actor: await classActor(request) } } : {}),
        }),
        debts: {
            client: request.freezes?.client ?? null,
            owner: owner ?? null,
            repo: repo ?? null,
            keeper: { appSlug: policy.audit.app },
            advice: ADVICE[host].token,
        },
    });
}
/** Who gave the change-class input: the run's actor for the Action, the token's user for the CLI (never a name from the command line). */
async function classActor(request) {
    if (request.host !== 'cli')
        return request.run?.actor ?? 'unknown';
    if (!request.github)
        return "the token's user";
    const user = await readTokenUser(request.github.client);
    return 'error' in user ? "the token's user" : user.login;
}
async function authorizeOverride(report, policy, request, level) {
    const run = request.run;
    const cli = request.host === 'cli';
    const base = {
        via: cli ? 'cli' : 'action',
        level,
        reason: request.inputs['override-reason'],
        // The CLI's actor is whoever GitHub says the token belongs to (read below), never a name from the command line.
        actor: cli ? "the token's user" : (run?.actor ?? 'unknown'),
        eventName: run?.eventName ?? null,
        role: null,
        approvers: [],
        runId: run?.runId ?? null,
        runAttempt: run?.runAttempt ?? null,
        at: request.now,
    };
    // Cheap refusals first: no API call for a request that cannot pass anyway.
    if (report.decision.canDeploy || (0,decide_override/* preflightOverride */.OQ)(report, base, policy).length > 0) {
        return (0,decide_override/* applyOverride */.T6)(report, base, policy);
    }
    const github = request.github;
    if (!github) {
        const roleError = request.githubUnavailable ??
            (cli
                ? 'no GitHub token to check it with: set GITHUB_TOKEN to your own token and pass --repo owner/name'
                : 'no GitHub token to check it with (set github-token)');
        return (0,decide_override/* applyOverride */.T6)(report, { ...base, roleError }, policy);
    }
    let actor = base.actor;
    if (cli) {
        const user = await readTokenUser(github.client);
        if ('error' in user)
            return (0,decide_override/* applyOverride */.T6)(report, { ...base, roleError: user.error }, policy);
        actor = user.login;
    }
    const rule = policy.overrides.levels[level];
    const [role, approvals] = await Promise.all([
        (0,read_override_authorization/* readActorRole */.M)(github.client, github.owner, github.repo, actor),
        // The CLI has no workflow run, so no approvals to read: a level that requires them is refused by applyOverride.
        !cli && rule.requireEnvironmentApproval && run?.runId != null
            ? (0,read_override_authorization/* readRunApprovers */.C)(github.client, github.owner, github.repo, run.runId, policy.environment)
            : Promise.resolve({ approvers: [] }),
    ]);
    return (0,decide_override/* applyOverride */.T6)(report, {
        ...base,
        actor,
        role: 'role' in role ? role.role : null,
        ...('error' in role ? { roleError: role.error } : {}),
        approvers: 'approvers' in approvals ? approvals.approvers : [],
        ...('error' in approvals ? { approvalsError: approvals.error } : {}),
    }, policy);
}


/***/ }),

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   s_: () => (/* binding */ httpStatusOf)
/* harmony export */ });
/* unused harmony export waitingOutSecondaryLimits */
/** HTTP status of an Octokit RequestError (or anything shaped like one). */
function httpStatusOf(error) {
    if (typeof error === 'object' && error !== null && 'status' in error) {
        const status = error.status;
        return typeof status === 'number' ? status : undefined;
    }
    return undefined;
}
/** The message of any thrown value. */
function messageOf(error) {
    if (error instanceof Error)
        return error.message;
    return typeof error === 'string' ? error : JSON.stringify(error);
}
/**
 * Seconds GitHub asked to wait when it refused a request under a secondary rate
 * limit (403 or 429 with `retry-after`); null for any other error (a 403 without
 * it is a permission problem, not a limit).
 */
function retryAfterSecondsOf(error) {
    const status = httpStatusOf(error);
    if (status !== 403 && status !== 429)
        return null;
    const headers = error.response?.headers;
    const value = Number(headers?.['retry-after']);
    return headers?.['retry-after'] !== undefined && Number.isFinite(value) && value >= 0 ? value : null;
}
/**
 * A client that waits out short secondary rate limits and sends the request
 * again. GitHub refuses a rate-limited request without performing it, so the
 * resend is safe even for a write (unlike a resend after a 5xx or a timeout).
 * Octokit does not do it for the app: Probot's throttling only logs secondary
 * limits, and the retry plugin never retries a 403 and ignores `retry-after` on
 * a 429. A longer wait than `maxWaitSeconds` is not waited: the error surfaces.
 */
function waitingOutSecondaryLimits(client, o = {}) {
    const attempts = o.attempts ?? 3;
    const maxWait = o.maxWaitSeconds ?? 5;
    return {
        async request(route, parameters) {
            for (let attempt = 1;; attempt++) {
                try {
                    return await client.request(route, parameters);
                }
                catch (error) {
                    const wait = retryAfterSecondsOf(error);
                    if (wait === null || wait > maxWait || attempt >= attempts)
                        throw error;
                    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
                }
            }
        },
    };
}


/***/ }),

/***/ 7417:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  _: () => (/* binding */ createCheckRun),
  N: () => (/* binding */ publishCheckRun)
});

// EXTERNAL MODULE: ./src/core/fenced-json.ts
var fenced_json = __nccwpck_require__(9063);
// EXTERNAL MODULE: ./src/core/report/report-schema.ts
var report_schema = __nccwpck_require__(7776);
;// CONCATENATED MODULE: ./src/core/report/extract-report.ts
/**
 * The JSON report travels inside the check run's `output.text` in a fenced block
 * tagged `json deploy-governor-report`; the app parses it back. Only a block
 * that validates as report@1 counts.
 */


const TAG = 'deploy-governor-report';
/** The report as check-run text: a short note and the fenced JSON. */
function embedReport(report) {
    return (0,fenced_json/* embedFencedJson */.pj)(TAG, `The deploy-governor report (schema ${report.schema}), read by the deploy-governor app:`, report);
}
/** The report embedded in check-run text, or null when there is none or it is invalid. */
function extractReportFromCheckRun(text) {
    return extractFencedJson(text, TAG, reportSchema);
}

// EXTERNAL MODULE: ./src/core/render/render-summary.ts + 3 modules
var render_summary = __nccwpck_require__(9973);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __nccwpck_require__(6584);
;// CONCATENATED MODULE: ./src/github/create-check-run.ts
/**
 * Publishes the report as the check run `deploy-governor / <environment>`, which
 * the app reads back to explain blocks on pull requests.
 */



/** GitHub's limit on output.summary and output.text. */
const OUTPUT_LIMIT = 65_535;
function checkRunName(environment) {
    return `deploy-governor / ${environment}`;
}
function checkRunConclusion(report) {
    if (report.decision.overridden)
        return 'neutral';
    if (report.decision.canDeploy)
        return 'success';
    return report.decision.mode === 'report' ? 'neutral' : 'failure';
}
function clip(text) {
    return text.length <= OUTPUT_LIMIT ? text : `${text.slice(0, OUTPUT_LIMIT - 40)}\n\n… (truncated by deploy-governor)`;
}
/** Creates a completed check run (the gate's, the verify step's); never throws: a failure is a reason to tell. */
async function publishCheckRun(client, target, content) {
    try {
        const { data } = await client.request('POST /repos/{owner}/{repo}/check-runs', {
            owner: target.owner,
            repo: target.repo,
            name: content.name,
            head_sha: target.sha,
            status: 'completed',
            conclusion: content.conclusion,
            ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
            output: {
                title: content.title,
                summary: clip(content.summary),
                text: content.text.length <= OUTPUT_LIMIT ? content.text : content.tooLarge,
            },
        });
        const id = typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'number' ? data.id : -1;
        const url = typeof data === 'object' && data !== null && 'html_url' in data && typeof data.html_url === 'string' ? data.html_url : null;
        return { created: true, id, url };
    }
    catch (error) {
        const status = (0,github_client/* httpStatusOf */.s_)(error);
        if (status === 403) {
            return {
                created: false,
                reason: `the github-token cannot create check runs (HTTP 403): add "checks: write" to the job's permissions to publish ${content.publishes}`,
            };
        }
        return { created: false, reason: `creating the check run failed: ${(0,github_client/* messageOf */.bD)(error)}` };
    }
}
function createCheckRun(client, target, report, summaryMarkdown) {
    return publishCheckRun(client, target, {
        name: checkRunName(report.environment),
        conclusion: checkRunConclusion(report),
        title: (0,render_summary/* decisionHeadline */.fM)(report),
        summary: summaryMarkdown,
        // The JSON report must survive intact or not at all: the app parses it back.
        text: embedReport(report),
        tooLarge: 'The JSON report exceeds the check-run size limit (65,535 characters); read it from report-path in the workflow.',
        publishes: 'the report for the deploy-governor app',
    });
}


/***/ }),

/***/ 2000:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ readRunApprovers),
/* harmony export */   M: () => (/* binding */ readActorRole)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5491);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6584);
/**
 * Reads what authorizes an override, through the API (never from the inputs):
 * the actor's repository role and the run's environment approvals.
 */


const permissionResponse = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    permission: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    role_name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
});
const approvalsResponse = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    state: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    user: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() }).nullable(),
    environments: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional() }).passthrough()),
}));
async function readActorRole(client, owner, repo, actor) {
    try {
        const { data } = await client.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
            owner,
            repo,
            username: actor,
        });
        const parsed = permissionResponse.parse(data);
        return { role: { roleName: parsed.role_name ?? null, permission: parsed.permission } };
    }
    catch (error) {
        const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatusOf */ .s_)(error);
        if (status === 404)
            return { role: { roleName: 'none', permission: 'none' } };
        if (status === 403 || status === 401) {
            return {
                error: `GitHub answered ${status} to GET /repos/${owner}/${repo}/collaborators/${actor}/permission: the github-token needs the metadata: read permission (GITHUB_TOKEN has it unless the workflow's permissions block removes it)`,
            };
        }
        return { error: `reading the role failed: ${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}` };
    }
}
/** Logins that approved the run's deployment to `environment`. */
async function readRunApprovers(client, owner, repo, runId, environment) {
    try {
        const { data } = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', { owner, repo, run_id: runId });
        const approvals = approvalsResponse.parse(data);
        const approvers = approvals
            .filter((a) => a.state === 'approved' && a.user && a.environments.some((e) => e.name === environment))
            .map((a) => a.user.login);
        return { approvers: [...new Set(approvers)] };
    }
    catch (error) {
        const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatusOf */ .s_)(error);
        if (status === 403 || status === 401) {
            return {
                error: `GitHub answered ${status} to GET /repos/${owner}/${repo}/actions/runs/${runId}/approvals: add "actions: read" to the workflow's permissions`,
            };
        }
        return { error: `reading the run's approvals failed: ${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}` };
    }
}


/***/ }),

/***/ 9311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  L: () => (/* binding */ createGitHubClient)
});

;// CONCATENATED MODULE: ./node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }

  if (typeof process === "object" && process.version !== undefined) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${
      process.arch
    })`;
  }

  return "<environment undetectable>";
}

;// CONCATENATED MODULE: ./node_modules/@octokit/endpoint/dist-bundle/index.js
// pkg/dist-src/defaults.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/defaults.js
var userAgent = `octokit-endpoint.js/${VERSION} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};

// pkg/dist-src/util/lowercase-keys.js
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}

// pkg/dist-src/util/is-plain-object.js
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}

// pkg/dist-src/util/merge-deep.js
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}

// pkg/dist-src/util/remove-undefined-properties.js
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}

// pkg/dist-src/merge.js
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}

// pkg/dist-src/util/add-query-parameters.js
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url;
  }
  return url + separator + names.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}

// pkg/dist-src/util/extract-url-variable-names.js
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}

// pkg/dist-src/util/omit.js
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}

// pkg/dist-src/util/url-template.js
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}

// pkg/dist-src/parse.js
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}

// pkg/dist-src/endpoint-with-defaults.js
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}

// pkg/dist-src/with-defaults.js
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}

// pkg/dist-src/index.js
var endpoint = withDefaults(null, DEFAULTS);


// EXTERNAL MODULE: ./node_modules/@octokit/request/node_modules/content-type/dist/index.js
var dist = __nccwpck_require__(6919);
;// CONCATENATED MODULE: ./node_modules/json-with-bigint/json-with-bigint.js
const intRegex = /^-?\d+$/;
const noiseValue = /^-?\d+n+$/; // Noise - strings that match the custom format before being converted to it
const originalStringify = JSON.stringify;
const originalParse = JSON.parse;
const customFormat = /^-?\d+n$/;

const bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
const noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;

/**
 * @typedef {(this: any, key: string | number | undefined, value: any) => any} Replacer
 * @typedef {(key: string | number | undefined, value: any, context?: { source: string }) => any} Reviver
 */

/**
 * Checks if a value is unstringifiable according to native JSON.stringify rules.
 *
 * @param {any} val The value to check.
 * @returns {boolean} True if the value is undefined, a function, or a symbol.
 */
const isUnstringifiable = (val) =>
  val === undefined || typeof val === "function" || typeof val === "symbol";

/**
 * Checks if a value is a native JSON.rawJSON object (Node.js 22+).
 *
 * @param {any} val The value to check.
 * @returns {boolean} True if the value is a RawJSON instance.
 */
const isRawJSON = (val) =>
  val !== null &&
  typeof val === "object" &&
  val.constructor &&
  val.constructor.name === "RawJSON";

/**
 * Iteratively converts a JS value to a JSON string.
 * Used as a fallback when the native JSON.stringify hits the Maximum Call Stack size.
 * Fully compliant with JSON formatting (space), replacers, and toJSON behaviors.
 *
 * @param {any} rootValue The value to stringify.
 * @param {Replacer | Array<string | number> | null} [replacer] User's custom replacer function.
 * @param {string | number} [spaceParam] Indentation for pretty-printing.
 * @returns {string | undefined} The generated JSON string.
 */
const stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";

  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }

  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer)
    ? new Set(replacer.map(String))
    : null;

  /**
   * Prepares a value for stringification by resolving toJSON, handling BigInts,
   * applying custom replacers, and unwrapping primitive objects.
   *
   * @param {object|Array} parent The parent object or array holding the value.
   * @param {string} key The key associated with the value.
   * @param {any} val The raw value to process.
   * @returns {any} The processed value ready for stringification.
   */
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";

    if (hasToJSON) {
      val = val.toJSON(key);
    }

    const isNoise = typeof val === "string" && noiseValue.test(val);

    if (isNoise) return val + "n";

    const isBigInt = typeof val === "bigint";

    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;

      if (supportsRawJSON) return JSON.rawJSON(val.toString());

      return val.toString() + "n";
    }

    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }

    const isPostReplacerObject = val !== null && typeof val === "object";

    if (isPostReplacerObject) {
      const isPrimitiveWrapper =
        val instanceof Number ||
        val instanceof String ||
        val instanceof Boolean;

      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }

    return val;
  };

  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);

  if (isUnstringifiable(rootProcessed)) {
    return undefined;
  }

  const isRootPrimitive =
    rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);

  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }

  const chunks = [];
  let level = 0;

  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true,
    },
  ];

  const visited = new WeakSet([rootProcessed]);

  while (stack.length > 0) {
    const node = stack[stack.length - 1];

    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }

    let isDone = false;

    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");

        if (space) chunks.push("\n" + space.repeat(level));

        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);

        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject =
            childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);

          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }

            visited.add(childVal);

            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true,
            });

            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];

        const isFilteredOutByArray = propertyList && !propertyList.has(k);

        if (isFilteredOutByArray) continue;

        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);

        if (isUnstringifiable(childVal)) continue;

        if (!node.first) chunks.push(",");

        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }

        const isComplexObject =
          childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);

        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }

          visited.add(childVal);

          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true,
          });

          node.first = false;

          break; // Stop current loop level to process the newly pushed stack node
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }

      const isNodeFullyProcessed =
        node.index >= node.keys.length && stack[stack.length - 1] === node;

      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }

    if (isDone) {
      level--;

      if (!node.first && space) chunks.push("\n" + space.repeat(level));

      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }

  return chunks.join("");
};

/**
 * Converts a JavaScript value to a JSON string.
 *
 * Supports serialization of BigInt values using two strategies:
 * 1. Custom format "123n" → "123" (universal fallback)
 * 2. Native JSON.rawJSON() (Node.js 22+, fastest) when available
 *
 * All other values are serialized exactly like native JSON.stringify().
 *
 * @param {*} value The value to convert to a JSON string.
 * @param {Replacer | Array<string | number> | null} [replacer]
 * A function that alters the behavior of the stringification process,
 * or an array of strings/numbers to indicate properties to exclude.
 * @param {string | number} [space]
 * A string or number to specify indentation or pretty-printing.
 * @returns {string} The JSON string representation.
 */
const JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;

    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());

          const hasFunctionReplacer = typeof replacer === "function";

          if (hasFunctionReplacer) return replacer(key, val);

          const isKeyInArrayReplacer =
            Array.isArray(replacer) && replacer.includes(key);

          if (isKeyInArrayReplacer) return val;

          return val;
        },
        space,
      );
    }

    if (!value) return originalStringify(value, replacer, space);

    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);

        if (isNoise) return val.toString() + "n"; // Mark noise values with additional "n" to offset the deletion of one "n" during the processing

        if (typeof val === "bigint") return val.toString() + "n";

        const hasFunctionReplacer = typeof replacer === "function";

        if (hasFunctionReplacer) return replacer(key, val);

        const isKeyInArrayReplacer =
          Array.isArray(replacer) && replacer.includes(key);

        if (isKeyInArrayReplacer) return val;

        return val;
      },
      space,
    );

    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3",
    ); // Delete one "n" off the end of every BigInt value

    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3"); // Remove one "n" off the end of every noisy string

    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);

      if (convertedJSON === undefined) return undefined;

      const supportsRawJSON = "rawJSON" in JSON;

      if (supportsRawJSON) return convertedJSON;

      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");

      return processedJSON.replace(noiseStringify, "$1$2$3");
    }

    throw error;
  }
};

const featureCache = new Map();

/**
 * Detects if the current JSON.parse implementation supports the context.source feature.
 *
 * Uses toString() fingerprinting to cache results and automatically detect runtime
 * replacements of JSON.parse (polyfills, mocks, etc.).
 *
 * @returns {boolean} true if context.source is supported, false otherwise.
 */
const isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();

  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }

  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1",
    );
    featureCache.set(parseFingerprint, result);

    return result;
  } catch {
    featureCache.set(parseFingerprint, false);

    return false;
  }
};

/**
 * Reviver function that converts custom-format BigInt strings back to BigInt values.
 * Also handles "noise" strings that accidentally match the BigInt format.
 *
 * @param {string | number | undefined} key The object key.
 * @param {*} value The value being parsed.
 * @param {object} [context] Parse context (if supported by JSON.parse).
 * @param {Reviver} [userReviver] User's custom reviver function.
 * @returns {any} The transformed value.
 */
const convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt =
    typeof value === "string" && customFormat.test(value);

  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));

  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);

  const hasUserReviver = typeof userReviver === "function";

  if (!hasUserReviver) return value;

  return userReviver(key, value, context);
};

/**
 * Fast JSON.parse implementation (~2x faster than classic fallback).
 * Uses JSON.parse's context.source feature to detect integers and convert
 * large numbers directly to BigInt without string manipulation.
 *
 * Does not support legacy custom format from v1 of this library.
 *
 * @param {string} text JSON string to parse.
 * @param {Reviver} [reviver] Transform function to apply to each value.
 * @returns {any} Parsed JavaScript value.
 */
const JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds =
      value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;

    if (isBigInt) return BigInt(context.source);

    const hasCustomReviver = typeof reviver === "function";

    if (!hasCustomReviver) return value;

    return reviver(key, value, context);
  });
};

const MAX_INT = Number.MAX_SAFE_INTEGER.toString();
const MAX_DIGITS = MAX_INT.length;
const stringsOrLargeNumbers =
  /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
const noiseValueWithQuotes = /^"-?\d+n+"$/; // Noise - strings that match the custom format before being converted to it

/**
 * Iteratively traverses the parsed object bottom-up (post-order),
 * emulating the native JSON.parse reviver behavior.
 * This avoids Call Stack overflows (RangeError) on deeply nested structures.
 *
 * @param {any} parsed The natively parsed JSON object.
 * @param {Reviver} [userReviver] User's custom reviver function.
 * @returns {any} The fully processed object.
 */
const applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];

  while (stack.length > 0) {
    const node = stack[stack.length - 1];

    if (!node.visited) {
      node.visited = true;

      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";

      if (isComplexObject) {
        const keys = Object.keys(value);

        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];

      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);

        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);

          if (isNoise) value = value.slice(0, -1);
        }
      }

      const hasUserReviver = typeof userReviver === "function";

      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }

      const isDeleted = value === undefined;

      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }

      stack.pop();
    }
  }

  return rootHolder[""];
};

/**
 * Pre-processes the JSON string to mark large numbers with an 'n' suffix.
 *
 * @param {string} text The raw JSON string.
 * @returns {string} The serialized string with marked BigInts.
 */
const serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);

      if (isNoise) return match.substring(0, match.length - 1) + 'n"'; // Mark noise values with additional "n" to offset the deletion of one "n" during the processing

      const hasFractionalOrExponential = fractional || exponential;

      // With a fixed number of digits, we can correctly use lexicographical comparison to do a numeric comparison
      const isLessThanMaxSafeInt =
        digits &&
        (digits.length < MAX_DIGITS ||
          (digits.length === MAX_DIGITS && digits <= MAX_INT));

      const isStandardValue =
        isString || hasFractionalOrExponential || isLessThanMaxSafeInt;

      if (isStandardValue) return match;

      return '"' + match + 'n"';
    },
  );
};

/**
 * Converts a JSON string into a JavaScript value.
 *
 * Supports parsing of large integers using two strategies:
 * 1. Classic fallback: Marks large numbers with "123n" format, then converts to BigInt
 * 2. Fast path (JSONParseV2): Uses context.source feature (~2x faster) when available
 *
 * All other JSON values are parsed exactly like native JSON.parse().
 *
 * @param {string} text A valid JSON string.
 * @param {Reviver} [reviver]
 * A function that transforms the results. This function is called for each member
 * of the object. If a member contains nested objects, the nested objects are
 * transformed before the parent object is.
 * @returns {any} The parsed JavaScript value.
 * @throws {SyntaxError} If text is not valid JSON.
 */
const JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);

  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver); // Shortcut to a faster (2x) and simpler version

    // Find and mark big numbers with "n"
    const serializedData = serializeBigInts(text);

    return originalParse(serializedData, (key, value, context) =>
      convertMarkedBigIntsReviver(key, value, context, reviver),
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);

      return applyReviverIteratively(parsed, reviver);
    }

    throw error;
  }
};



;// CONCATENATED MODULE: ./node_modules/@octokit/request-error/dist-src/index.js
class RequestError extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    /* v8 ignore else -- @preserve -- Bug with vitest coverage where it sees an else branch that doesn't exist */
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
}


;// CONCATENATED MODULE: ./node_modules/@octokit/request/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/defaults.js


// pkg/dist-src/version.js
var dist_bundle_VERSION = "10.0.16";

// pkg/dist-src/defaults.js
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${dist_bundle_VERSION} ${getUserAgent()}`
  }
};

// pkg/dist-src/fetch-wrapper.js



// pkg/dist-src/is-plain-object.js
function dist_bundle_isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}

// pkg/dist-src/fetch-wrapper.js

var noop = () => "";
async function fetchWrapper(requestOptions) {
  const fetch = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = dist_bundle_isPlainObject(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop);
  }
  const mimetype = (0,dist/* parse */.qg)(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}

// pkg/dist-src/with-defaults.js
function dist_bundle_withDefaults(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: dist_bundle_withDefaults.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: dist_bundle_withDefaults.bind(null, endpoint2)
  });
}

// pkg/dist-src/index.js
var request = dist_bundle_withDefaults(endpoint, defaults_default);

/* v8 ignore next -- @preserve */
/* v8 ignore else -- @preserve */

;// CONCATENATED MODULE: ./src/github/rest-client.ts
/**
 * A GitHubClient for the Action and the CLI: @octokit/request with the token and
 * the API base URL (GITHUB_API_URL on GitHub Enterprise Server). It is the
 * request layer of Octokit without the endpoint catalogue and plugins, which
 * keeps the bundled action small and its start fast (see npm run bench).
 */

function createGitHubClient(token, baseUrl = process.env.GITHUB_API_URL || 'https://api.github.com') {
    const send = request.defaults({
        baseUrl: baseUrl.replace(/\/+$/, ''),
        headers: { authorization: `token ${token}`, 'user-agent': 'deploy-governor', 'x-github-api-version': '2022-11-28' },
    });
    return { request: (route, parameters) => send(route, parameters) };
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 1943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 6919:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;

/*!
 * content-type
 * Copyright(c) 2015 Douglas Christopher Wilson
 * MIT Licensed
 */
__webpack_unused_export__ = ({ value: true });
__webpack_unused_export__ = format;
exports.qg = parse;
const TEXT_REGEXP = /^[\u0009\u0020-\u007e\u0080-\u00ff]*$/;
const TOKEN_REGEXP = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * RegExp to match chars that must be quoted-pair in RFC 9110 sec 5.6.4
 */
const QUOTE_REGEXP = /[\\"]/g;
/**
 * RegExp to match type in RFC 9110 sec 8.3.1
 *
 * media-type = type "/" subtype
 * type       = token
 * subtype    = token
 */
const TYPE_REGEXP = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * Null object perf optimization. Faster than `Object.create(null)` and `{ __proto__: null }`.
 */
const NullObject = /* @__PURE__ */ (() => {
    const C = function () { };
    C.prototype = Object.create(null);
    return C;
})();
/**
 * Format an object into a `Content-Type` header.
 */
function format(obj) {
    const { type, parameters } = obj;
    if (!type || !TYPE_REGEXP.test(type)) {
        throw new TypeError(`Invalid type: ${type}`);
    }
    let result = type;
    if (parameters) {
        for (const param of Object.keys(parameters)) {
            if (!TOKEN_REGEXP.test(param)) {
                throw new TypeError(`Invalid parameter name: ${param}`);
            }
            result += `; ${param}=${qstring(parameters[param])}`;
        }
    }
    return result;
}
/**
 * Parse a `Content-Type` header.
 */
function parse(header, options) {
    const stopChar = options?.comma === true ? COMMA : 65536; // Sentinel for "no stop char".
    const len = header.length;
    let index = skipOWS(header, options?.start ?? 0, len);
    const valueStart = index;
    index = skipValue(header, index, len, stopChar);
    const valueEnd = trailingOWS(header, valueStart, index);
    const type = header.slice(valueStart, valueEnd).toLowerCase();
    if (options?.parameters === false) {
        return { type, index, parameters: new NullObject() };
    }
    return parseParameters(header, type, index, len, stopChar);
}
const SP = 32; // " "
const HTAB = 9; // "\t"
const SEMI = 59; // ";"
const EQ = 61; // "="
const DQUOTE = 34; // '"'
const BSLASH = 92; // "\\"
const COMMA = 44; // ","
/**
 * Parses the parameters of a `Content-Type` header starting at the given index.
 */
function parseParameters(header, type, index, len, stopChar) {
    const parameters = new NullObject();
    parameter: while (index < len) {
        if (header.charCodeAt(index) === stopChar)
            break;
        index = skipOWS(header, index + 1 /* Skip over ; */, len);
        const keyStart = index;
        while (index < len) {
            const code = header.charCodeAt(index);
            if (code === stopChar)
                break parameter;
            if (code === SEMI)
                continue parameter;
            if (code === EQ) {
                const keyEnd = trailingOWS(header, keyStart, index);
                const key = header.slice(keyStart, keyEnd).toLowerCase();
                index = skipOWS(header, index + 1, len);
                if (index < len && header.charCodeAt(index) === DQUOTE) {
                    index++;
                    let value = "";
                    while (index < len) {
                        const code = header.charCodeAt(index++);
                        if (code === DQUOTE) {
                            index = skipValue(header, index, len, stopChar);
                            if (parameters[key] === undefined)
                                parameters[key] = value;
                            break;
                        }
                        if (code === BSLASH && index < len) {
                            value += header[index++];
                            continue;
                        }
                        value += String.fromCharCode(code);
                    }
                    continue parameter;
                }
                const valueStart = index;
                index = skipValue(header, index, len, stopChar);
                if (parameters[key] === undefined) {
                    const valueEnd = trailingOWS(header, valueStart, index);
                    parameters[key] = header.slice(valueStart, valueEnd);
                }
                continue parameter;
            }
            index++;
        }
    }
    return { type, index, parameters };
}
/**
 * Skip over characters until a semicolon or other exit character.
 */
function skipValue(str, index, len, stopChar) {
    while (index < len) {
        const code = str.charCodeAt(index);
        if (code === SEMI || code === stopChar)
            break;
        index++;
    }
    return index;
}
/**
 * Skip optional whitespace (OWS) in an HTTP header value.
 *
 * OWS is defined in RFC 9110 sec 5.6.3 as SP (" ") or HTAB ("\t").
 */
function skipOWS(header, index, len) {
    while (index < len) {
        const char = header.charCodeAt(index);
        if (char !== SP && char !== HTAB)
            break;
        index++;
    }
    return index;
}
/**
 * Trim optional whitespace (OWS) from the end of a substring.
 *
 * OWS is defined in RFC 9110 sec 5.6.3 as SP (" ") or HTAB ("\t").
 */
function trailingOWS(header, start, end) {
    while (end > start) {
        const char = header.charCodeAt(end - 1);
        if (char !== SP && char !== HTAB)
            break;
        end--;
    }
    return end;
}
/**
 * Serialize a parameter value.
 */
function qstring(str) {
    if (TOKEN_REGEXP.test(str))
        return str;
    if (TEXT_REGEXP.test(str))
        return `"${str.replace(QUOTE_REGEXP, "\\$&")}"`;
    throw new TypeError(`Invalid parameter value: ${str}`);
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ ZodError),
/* harmony export */   g: () => (/* binding */ ZodRealError)
/* harmony export */ });
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7428);
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8532);
/* harmony import */ var _core_util_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4723);



/* Prototypes that already carry the lazy helper methods. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
/* Helper methods live as non-enumerable lazy getters on the shared
 * prototype instead of own properties on every instance. On first
 * access the getter allocates the per-instance closure and caches it
 * as a non-enumerable own property, so detached usage still works and
 * the allocation only happens for methods actually touched. */
function _lazyMethod(proto, key, make) {
    Object.defineProperty(proto, key, {
        configurable: true,
        enumerable: false,
        get() {
            const value = make(this);
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
            return value;
        },
        set(value) {
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
        },
    });
}
const initializer = (inst, issues) => {
    _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .$ZodError */ .a$.init(inst, issues);
    inst.name = "ZodError";
    const proto = Object.getPrototypeOf(inst);
    if (_installedErrorProtos.has(proto))
        return;
    _installedErrorProtos.add(proto);
    _lazyMethod(proto, "format", (self) => (mapper) => _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatError */ .Wk(self, mapper));
    _lazyMethod(proto, "flatten", (self) => (mapper) => _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .flattenError */ .JM(self, mapper));
    _lazyMethod(proto, "addIssue", (self) => (issue) => {
        self.issues.push(issue);
        self.message = JSON.stringify(self.issues, _core_util_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonStringifyReplacer */ .k8, 2);
    });
    _lazyMethod(proto, "addIssues", (self) => (issues) => {
        self.issues.push(...issues);
        self.message = JSON.stringify(self.issues, _core_util_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonStringifyReplacer */ .k8, 2);
    });
    Object.defineProperty(proto, "isEmpty", {
        configurable: true,
        enumerable: false,
        get() {
            return this.issues.length === 0;
        },
    });
};
const ZodError = /*@__PURE__*/ _core_index_js__WEBPACK_IMPORTED_MODULE_2__/* .$constructor */ .xI("ZodError", initializer);
const ZodRealError = /*@__PURE__*/ _core_index_js__WEBPACK_IMPORTED_MODULE_2__/* .$constructor */ .xI("ZodError", initializer, undefined, {
    Parent: Error,
});
// /** @deprecated Use `z.core.$ZodErrorMapCtx` instead. */
// export type ErrorMapCtx = core.$ZodErrorMapCtx;


/***/ }),

/***/ 5491:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  YOg: () => (/* binding */ array),
  zMY: () => (/* binding */ schemas_boolean),
  gMt: () => (/* binding */ discriminatedUnion),
  k5n: () => (/* binding */ schemas_enum),
  euz: () => (/* binding */ literal),
  aig: () => (/* binding */ schemas_number),
  Ikc: () => (/* binding */ object),
  jgl: () => (/* binding */ partialRecord),
  vkY: () => (/* binding */ preprocess),
  g1P: () => (/* binding */ record),
  rej: () => (/* binding */ strictObject),
  YjP: () => (/* binding */ schemas_string),
  zni: () => (/* binding */ superRefine),
  PVZ: () => (/* binding */ tuple),
  KCZ: () => (/* binding */ union),
  L5J: () => (/* binding */ unknown)
});

// UNUSED EXPORTS: ZodAny, ZodArray, ZodBase64, ZodBase64URL, ZodBigInt, ZodBigIntFormat, ZodBoolean, ZodCIDRv4, ZodCIDRv6, ZodCUID, ZodCUID2, ZodCatch, ZodCodec, ZodCreditCard, ZodCustom, ZodCustomStringFormat, ZodDate, ZodDefault, ZodDiscriminatedUnion, ZodE164, ZodEmail, ZodEmoji, ZodEnum, ZodExactOptional, ZodFile, ZodFunction, ZodGUID, ZodIBAN, ZodIPv4, ZodIPv6, ZodISODate, ZodISODateTime, ZodISODuration, ZodISOTime, ZodInstanceOf, ZodIntersection, ZodJWT, ZodKSUID, ZodLazy, ZodLiteral, ZodMAC, ZodMap, ZodNaN, ZodNanoID, ZodNever, ZodNonOptional, ZodNull, ZodNullable, ZodNumber, ZodNumberFormat, ZodObject, ZodOptional, ZodPipe, ZodPrefault, ZodPreprocess, ZodPromise, ZodReadonly, ZodRecord, ZodSet, ZodString, ZodStringFormat, ZodSuccess, ZodSymbol, ZodTemplateLiteral, ZodTransform, ZodTuple, ZodType, ZodULID, ZodURL, ZodUUID, ZodUndefined, ZodUnion, ZodUnknown, ZodVoid, ZodXID, ZodXor, _ZodString, _default, _function, any, base64, base64url, bigint, catch, check, cidrv4, cidrv6, codec, creditCard, cuid, cuid2, currencyCode, custom, date, describe, e164, email, emoji, exactOptional, file, float32, float64, function, guid, hash, hex, hostname, httpUrl, iban, instanceof, int, int32, int64, intersection, invertCodec, ipv4, ipv6, json, jwt, keyof, ksuid, lazy, looseObject, looseRecord, mac, map, meta, nan, nanoid, nativeEnum, never, nonoptional, null, nullable, nullish, optional, pipe, prefault, promise, readonly, refine, set, stringFormat, stringbool, success, symbol, templateLiteral, transform, uint32, uint64, ulid, undefined, url, uuid, uuidv4, uuidv6, uuidv7, void, xid, xor

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core_core = __nccwpck_require__(8532);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/util.js
var core_util = __nccwpck_require__(4723);
;// CONCATENATED MODULE: ./node_modules/zod/v4/core/memoizer.js

class $ZodCyclicError extends Error {
    constructor() {
        super(`Cannot parse a reference cycle that closes through a transform`);
        this.name = "ZodCyclicError";
    }
}
/** Keyed off the context object every schema in one parse call already shares. */
const STATE = "~memo";
const NO_ISSUES = [];
// a value a cycle can close through
function isRef(value) {
    return value !== null && typeof value === "object";
}
// Receivers prefix paths in place, so the cache and every hand-out need their own copies.
function cloneIssues(issues) {
    return issues.map((iss) => (iss.path ? { ...iss, path: iss.path.slice() } : { ...iss }));
}
const recursive = /*@__PURE__*/ new WeakMap();
/** What the walk established, in order of certainty: ordered so the strongest answer among children wins. */
const NONE = 0;
const ASSUMED = 1;
const PROVEN = 2;
/** Whether this schema's subtree contains a cycle, so one parse can re-enter it. */
function isRecursive(inst, stack, resolve) {
    const cached = recursive.get(inst);
    if (cached !== undefined)
        return cached ? PROVEN : NONE;
    // Relative to the walk in progress, so not cached.
    if (stack.has(inst))
        return PROVEN;
    stack.add(inst);
    let result = NONE;
    const check = (child) => {
        if (result !== PROVEN && child?._zod) {
            const answer = isRecursive(child, stack, resolve);
            if (answer > result)
                result = answer;
        }
    };
    // `Reflect.ownKeys` rather than `Object.keys`, so a cycle through a declared symbol key is still seen
    const shape = (sh, spread) => {
        let answer = NONE;
        for (const key of Reflect.ownKeys(sh)) {
            const desc = Object.getOwnPropertyDescriptor(sh, key);
            // an object resolves its shape by spread, so a key it does not enumerate is never parsed; `z.properties` reads every own key and so keeps them all
            if (spread && !desc.enumerable)
                continue;
            // resolving runs user code, and a factory mints a fresh subtree per read, so an edge the walk can't follow counts as a cycle
            const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack, resolve) : NONE;
            if (child > answer)
                answer = child;
        }
        return answer;
    };
    const merge = (answer) => {
        if (answer > result)
            result = answer;
    };
    const def = inst._zod.def;
    const kind = def.type;
    switch (kind) {
        case "object": {
            const raw = core_util/* rawShape */.MO(def);
            // a def with no raw shape answers `shape` from an accessor of its own, and running that can mint a whole fresh subtree
            merge(raw ? shape(raw, true) : ASSUMED);
            check(def.catchall);
            break;
        }
        case "array":
            check(def.element);
            break;
        case "tuple":
            for (const el of def.items)
                check(el);
            check(def.rest);
            break;
        case "record":
        case "map":
            check(def.keyType);
            check(def.valueType);
            break;
        case "set":
            check(def.valueType);
            break;
        case "union":
            for (const el of def.options)
                check(el);
            break;
        case "intersection":
            check(def.left);
            check(def.right);
            break;
        case "optional":
        case "nullable":
        case "default":
        case "prefault":
        case "catch":
        case "readonly":
        case "nonoptional":
        case "promise":
        case "success":
            check(def.innerType);
            break;
        case "pipe":
            check(def.in);
            check(def.out);
            break;
        case "function":
            check(def.input);
            check(def.output);
            break;
        // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
        case "lazy": {
            const inner = def._cachedInner ?? (resolve ? inst._zod.innerType : undefined);
            // walked with resolution off: one hop sees past the deferral, and a lazy that yields only another unresolved lazy is generative, so it stops there
            merge(inner ? isRecursive(inner, stack, false) : ASSUMED);
            break;
        }
        // a leaf by choice: `parts` are regex fragments, not data positions
        case "template_literal":
        // leaves
        case "string":
        case "number":
        case "int":
        case "boolean":
        case "bigint":
        case "symbol":
        case "undefined":
        case "null":
        case "void":
        case "never":
        case "any":
        case "unknown":
        case "date":
        case "nan":
        case "enum":
        case "literal":
        case "file":
        case "transform":
        case "custom":
            break;
        default: {
            // a new built-in kind becomes a compile error here
            kind;
            // a user-defined kind can still hold children, and only its author knows where, so fall back to scanning the def — skipping accessors, since reading one can run user code
            for (const key in def) {
                const desc = Object.getOwnPropertyDescriptor(def, key);
                if (!desc || desc.get)
                    continue;
                const value = desc.value;
                if (!value || typeof value !== "object")
                    continue;
                if (value._zod)
                    check(value);
                else if (Array.isArray(value))
                    for (const el of value)
                        check(el);
            }
        }
    }
    stack.delete(inst);
    return settle(inst, result);
}
/** An assumed answer must not outlive the resolution that settles it, so only a certain one is cached. */
function settle(inst, answer) {
    if (answer !== ASSUMED)
        recursive.set(inst, answer === PROVEN);
    return answer;
}
/**
 * Whether one parse can re-enter this schema, i.e. its subtree contains a cycle.
 * Exported for `z.compile`, which refuses to compile such a schema: cycle
 * breaking is driven from here off state keyed on the parse context, and a
 * generated fast path has no context to key on.
 */
function isRecursiveSchema(inst) {
    // z.compile never parses, so nothing would ever resolve a lazy for it; it runs once and already treats a throw here as recursive
    return isRecursive(inst, new Set(), true) !== NONE;
}
function bucketFor(state, inst) {
    let bucket = state.buckets.get(inst);
    if (!bucket) {
        bucket = new WeakMap();
        state.buckets.set(inst, bucket);
    }
    return bucket;
}
// Set immediately before delegating to core and cleared immediately after, so `alloc` registers only for a visit this module is driving.
let handoff;
// Allocated but unfinished entries. `alloc` and the matching pop both happen in the synchronous part of a parse, so they nest even when children are async, and one stack serves every schema.
const memoizer_open = [];
const memo = {
    alloc(_inst, payload, empty) {
        const bucket = handoff;
        if (!bucket)
            return empty;
        handoff = undefined;
        const entry = { value: empty, issues: null };
        bucket.set(payload.value, entry);
        memoizer_open.push(entry);
        return empty;
    },
    guard(inst) {
        var _a;
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                // The value is a placeholder a back-edge is still waiting on, so the cycle closes through this transform. Its output can't exist in time to bind.
                if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
                    throw new $ZodCyclicError();
                return base(payload, ctx);
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
    attach(inst) {
        var _a;
        let isRecursiveInst;
        let rechecked = false;
        // a recursive schema is re-entered many times per parse and its bucket never changes
        let lastCtx;
        let lastBucket;
        // Wraps `parse` in a deferred so it sees the container's final parse. Core's own deferred copies `parse` into `run` when there are no checks, and it ran first, so `run` is patched to match; with checks, `run` reads `parse` dynamically.
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                if (isRecursiveInst === undefined) {
                    const walked = isRecursive(inst, new Set(), false);
                    if (walked === NONE) {
                        // Nothing here can ever fire, so take it back out.
                        inst._zod.parse = base;
                        if (inst._zod.run === wrapped)
                            inst._zod.run = base;
                        return base(payload, ctx);
                    }
                    // this parse resolves the deferred edges on its own path, so ask once more before latching
                    if (walked === PROVEN || rechecked)
                        isRecursiveInst = true;
                    else
                        rechecked = true;
                }
                const input = payload.value;
                if (!isRef(input))
                    return base(payload, ctx);
                let state = ctx[STATE];
                if (!state) {
                    state = { buckets: new WeakMap(), backEdges: undefined };
                    ctx[STATE] = state;
                }
                let bucket;
                if (lastCtx === ctx) {
                    bucket = lastBucket;
                }
                else {
                    bucket = bucketFor(state, inst);
                    lastCtx = ctx;
                    lastBucket = bucket;
                }
                const hit = bucket.get(input);
                if (hit) {
                    payload.value = hit.value;
                    if (hit.issues) {
                        if (hit.issues.length)
                            payload.issues.push(...cloneIssues(hit.issues));
                    }
                    else {
                        // Still being parsed: its own checks cover it, so skip them here.
                        payload.memo = true;
                        state.backEdges ?? (state.backEdges = new WeakSet());
                        state.backEdges.add(hit.value);
                    }
                    return payload;
                }
                handoff = bucket;
                const depth = memoizer_open.length;
                const result = base(payload, ctx);
                handoff = undefined;
                // A container that rejected its input outright allocated nothing.
                const entry = memoizer_open.length > depth ? memoizer_open.pop() : undefined;
                // Both paths written out so the sync one allocates no closure. It runs once per node, and capturing here cost more than everything else combined.
                if (result instanceof Promise) {
                    return result.then((r) => {
                        if (entry)
                            entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
                        return r;
                    });
                }
                if (entry)
                    entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
                return result;
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
};
/** The memoizer that gives containers cycle support. `zod` installs it by default; `zod/mini` opts in with `config({ memoizer: memoizer() })`. */
function memoizer() {
    return memo;
}
/** Whether this value is a node a back-edge resolved to before it finished. */
function isBackEdge(ctx, value) {
    const backEdges = ctx[STATE]?.backEdges;
    return backEdges !== undefined && isRef(value) && backEdges.has(value);
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/regexes.js

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** Implements ISO 8601-2 extensions like explicit +- prefixes, mixing weeks with other units, and fractional/negative components. */
const extendedDuration = /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
const uuid4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(4)));
const uuid6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(6)));
const uuid7 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(7)));
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/** Equivalent to the HTML5 input[type=email] validation implemented by browsers. Source: https://developer.mozilla.org/en-US/docs/Web/HTML/Element/input/email */
const html5Email = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** The classic emailregex.com regex for RFC 5322-compliant emails */
const rfc5322Email = /^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
/** A loose regex that allows Unicode characters, enforces length limits, and that's about it. */
const unicodeEmail = /^[^\s@"]{1,64}@[^\s@]{1,255}$/u;
const idnEmail = (/* unused pure expression or super */ null && (unicodeEmail));
const browserEmail = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
    return new RegExp(_emoji, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const mac = (delimiter) => {
    const escapedDelim = util.escapeRegex(delimiter ?? ":");
    return new RegExp(`^(?:[0-9A-F]{2}${escapedDelim}){5}[0-9A-F]{2}$|^(?:[0-9a-f]{2}${escapedDelim}){5}[0-9a-f]{2}$`);
};
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
// based on https://stackoverflow.com/questions/106179/regular-expression-to-match-dns-hostname-or-ip-address
// export const hostname: RegExp = /^([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+$/;
const hostname = /^(?=.{1,253}\.?$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\.?$/;
const domain = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
// Credit card shape: 12–19 digits, optionally separated by single spaces or single hyphens. ISO/IEC 7812 caps the PAN at 19 digits; 12 is the shortest issued length (Maestro).
const creditCard = /^\d(?:[ -]?\d){11,18}$/;
// ISO 4217 alpha codes from the SIX list, regenerated by scripts/update-iso-4217.ts
const currencyCode = /^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BHD|BIF|BMD|BND|BOB|BOV|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHE|CHF|CHW|CLF|CLP|CNY|COP|COU|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MXV|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|USN|UYI|UYU|UYW|UZS|VED|VES|VND|VUV|WST|XAD|XAF|XAG|XAU|XBA|XBB|XBC|XBD|XCD|XCG|XDR|XOF|XPD|XPF|XPT|XSU|XTS|XUA|XXX|YER|ZAR|ZMW|ZWG)$/;
// iban electronic format: 2-letter country, check digits 02-98 (the only values `98 - remainder` can produce), 11-30 bban characters
const iban = /^[A-Z]{2}(?!00|01|99)\d{2}[A-Z0-9]{11,30}$/;
const dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
/** Anchors a pattern source. The interpolation lives here rather than at the call site because
 * esbuild will not drop a `@__PURE__` call whose own argument interpolates a variable, but it
 * will drop `anchor(dateSource)`. Keeping it inline pinned `date` into every bundle. */
function regexes_anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ regexes_anchor(dateSource);
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const string = (params) => {
    const regex = params ? `[\\s\\S]{${params?.minimum ?? 0},${params?.maximum ?? ""}}` : `[\\s\\S]*`;
    return new RegExp(`^${regex}$`);
};
const bigint = /^-?\d+n?$/;
const integer = /^-?\d+$/;
const number = /^-?\d+(?:\.\d+)?$/;
const regexes_boolean = /^(?:true|false)$/i;
const _null = /^null$/i;

const _undefined = /^undefined$/i;

// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;
// regex for hexadecimal strings (any length)
const hex = /^[0-9a-fA-F]*$/;
// Hash regexes for different algorithms and encodings
// Helper function to create base64 regex with exact length and padding
function fixedBase64(bodyLength, padding) {
    return new RegExp(`^[A-Za-z0-9+/]{${bodyLength}}${padding}$`);
}
// Helper function to create base64url regex with exact length (no padding)
function fixedBase64url(length) {
    return new RegExp(`^[A-Za-z0-9_-]{${length}}$`);
}
// MD5 (16 bytes): base64 = 24 chars total (22 + "==")
const md5_hex = /^[0-9a-fA-F]{32}$/;
const md5_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(22, "==")));
const md5_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(22)));
// SHA1 (20 bytes): base64 = 28 chars total (27 + "=")
const sha1_hex = /^[0-9a-fA-F]{40}$/;
const sha1_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(27, "=")));
const sha1_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(27)));
// SHA256 (32 bytes): base64 = 44 chars total (43 + "=")
const sha256_hex = /^[0-9a-fA-F]{64}$/;
const sha256_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(43, "=")));
const sha256_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(43)));
// SHA384 (48 bytes): base64 = 64 chars total (no padding)
const sha384_hex = /^[0-9a-fA-F]{96}$/;
const sha384_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(64, "")));
const sha384_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(64)));
// SHA512 (64 bytes): base64 = 88 chars total (86 + "==")
const sha512_hex = /^[0-9a-fA-F]{128}$/;
const sha512_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(86, "==")));
const sha512_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(86)));

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/checks.js
// import { $ZodType } from "./schemas.js";



const $ZodCheck = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for size-based checks: run only on non-nullish values with a `size`. */
const _whenHasSize = (payload) => {
    const val = payload.value;
    return !util.nullish(val) && val.size !== undefined;
};
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !core_util/* nullish */.cl(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckGreaterThan = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMultipleOf = 
/*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : core_util/* floatSafeRemainder */.LG(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckNumberFormat = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = core_util/* NUMBER_FORMAT_RANGES */.zH[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCheckBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckBigIntFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    const [minimum, maximum] = util.BIGINT_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (input < minimum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_small",
                minimum: minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodCheckMaxSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMaxSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size <= def.maximum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMinSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMinSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size >= def.minimum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckSizeEquals = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckSizeEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size === def.size)
            return;
        const tooBig = size > def.size;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            ...(tooBig ? { code: "too_big", maximum: def.size } : { code: "too_small", minimum: def.size }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMaxLength = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? core_util/* codePointLength */.O7(input) : units;
        if (length <= def.maximum)
            return;
        const origin = core_util/* getLengthableOrigin */.Rc(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? core_util/* codePointLength */.O7(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = core_util/* getLengthableOrigin */.Rc(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLengthEquals = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? core_util/* codePointLength */.O7(input)
            : units;
        if (length === def.length)
            return;
        const origin = core_util/* getLengthableOrigin */.Rc(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStringFormat = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
});
const $ZodCheckRegex = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLowerCase = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = lowercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckUpperCase = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = uppercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckIncludes = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = core_util/* escapeRegex */.sD(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStartsWith = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${core_util/* escapeRegex */.sD(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckEndsWith = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${core_util/* escapeRegex */.sD(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
///////////////////////////////////
/////    $ZodCheckProperty    /////
///////////////////////////////////
function handleCheckPropertyResult(result, payload, property) {
    if (result.issues.length) {
        payload.issues.push(...core_util/* prefixIssues */.lQ(property, result.issues));
    }
}
const $ZodCheckProperty = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckProperty", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        const result = def.schema._zod.run({
            value: payload.value[def.property],
            issues: [],
        }, {});
        if (result instanceof Promise) {
            return result.then((result) => handleCheckPropertyResult(result, payload, def.property));
        }
        handleCheckPropertyResult(result, payload, def.property);
        return;
    };
})));
const $ZodCheckProperties = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckProperties", (inst, def) => {
    $ZodCheck.init(inst, def);
    core_util/* hide */.jD(inst, Symbol.iterator, function* () {
        yield inst;
    });
    // key and schema snapshotted together: reading one live and the other cached lets a later mutation of the caller's shape object pair a stale key with a missing schema
    let entries;
    inst._zod.check = (payload) => {
        // the base schema already typed the value, so only a nullish one is rejected here: the properties read on a primitive too, matching z.property() on a string's length
        if (payload.value == null) {
            payload.issues.push({ expected: "object", code: "invalid_type", input: payload.value, inst });
            return undefined;
        }
        entries ?? (entries = Reflect.ownKeys(def.shape).map((key) => [key, def.shape[key]]));
        const input = payload.value;
        let proms;
        for (const [key, schema] of entries) {
            const result = schema._zod.run({ value: input[key], issues: [] }, {});
            if (result instanceof Promise) {
                proms ?? (proms = []);
                proms.push(result.then((result) => handleCheckPropertyResult(result, payload, key)));
            }
            else {
                handleCheckPropertyResult(result, payload, key);
            }
        }
        if (proms)
            return Promise.all(proms).then(() => undefined);
        return undefined;
    };
});
const $ZodCheckMimeType = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMimeType", (inst, def) => {
    $ZodCheck.init(inst, def);
    const mimeSet = new Set(def.mime);
    inst._zod.check = (payload) => {
        if (mimeSet.has(payload.value.type))
            return;
        payload.issues.push({
            code: "invalid_value",
            values: def.mime,
            input: payload.value.type,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckOverwrite = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/doc.js
class Doc {
    constructor(args = [], closed = {}) {
        this.content = [];
        this.indent = 0;
        this.args = args;
        this.closed = closed;
    }
    // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
    indented(fn) {
        this.indent += 1;
        try {
            fn(this);
        }
        finally {
            this.indent -= 1;
        }
    }
    write(arg) {
        if (typeof arg === "function") {
            arg(this, { execution: "sync" });
            arg(this, { execution: "async" });
            return;
        }
        const content = arg;
        const lines = content.split("\n").filter((x) => x);
        const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
        const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
        for (const line of dedented) {
            this.content.push(line);
        }
    }
    compile() {
        const F = Function;
        const content = this?.content ?? [``];
        const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {\n${content.join("\n")}\n};`);
        return factory(...Object.values(this.closed));
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/versions.js
const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/schemas.js







const $ZodType = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = core_util/* aborted */.QH(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (core_util/* explicitlyAborted */.rL(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new core_core/* $ZodAsyncError */.GT();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        core_util/* attachSchema */.d3(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = core_util/* aborted */.QH(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    core_util/* attachSchema */.d3(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = core_util/* aborted */.QH(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (core_util/* aborted */.QH(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new core_core/* $ZodAsyncError */.GT();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new core_core/* $ZodAsyncError */.GT();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return core_util/* hide */.jD(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        core_util/* own */.qh(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}

const $ZodString = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    $ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
});
const $ZodGUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = guid);
    $ZodStringFormat.init(inst, def);
});
const $ZodUUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = uuid(v));
    }
    else
        def.pattern ?? (def.pattern = uuid());
    $ZodStringFormat.init(inst, def);
});
const $ZodEmail = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = email);
    $ZodStringFormat.init(inst, def);
});
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodEmoji = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = emoji());
    $ZodStringFormat.init(inst, def);
});
const $ZodNanoID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? nanoid : nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = cuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodCUID2 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = cuid2);
    $ZodStringFormat.init(inst, def);
});
const $ZodULID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = ulid);
    $ZodStringFormat.init(inst, def);
});
const $ZodXID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = xid);
    $ZodStringFormat.init(inst, def);
});
const $ZodKSUID = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = ksuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodISODateTime = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = datetime(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODate = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = date);
    $ZodStringFormat.init(inst, def);
});
const $ZodISOTime = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = time(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODuration = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = duration);
    $ZodStringFormat.init(inst, def);
});
const $ZodIPv4 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = ipv4);
    $ZodStringFormat.init(inst, def);
});
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMAC", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.mac(def.delimiter));
    $ZodStringFormat.init(inst, def);
})));
const $ZodCIDRv4 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv4);
    $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv6); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodE164 = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = e164);
    $ZodStringFormat.init(inst, def);
});
//////////////////////////////   ZodCreditCard   //////////////////////////////
const CC_SANITIZE = /[- ]/g;
/** Luhn checksum on a digit-only string. Adapted from valibot (MIT). */
function isLuhnAlgo(digits) {
    let length = digits.length;
    let bit = 1;
    let sum = 0;
    while (length) {
        const value = digits.charCodeAt(--length) - 48;
        bit ^= 1;
        sum += bit ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][value] : value;
    }
    return sum % 10 === 0;
}
function isValidCreditCard(input) {
    if (!regexes.creditCard.test(input))
        return false;
    return isLuhnAlgo(input.replace(CC_SANITIZE, ""));
}
const $ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCreditCard", (inst, def) => {
    // Shape only — the Luhn check below is not expressible as a pattern, so consumers of `pattern` (JSON Schema, template literals) get the length and separator rules alone.
    def.pattern ?? (def.pattern = regexes.creditCard);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidCreditCard(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "credit_card",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodIBAN   //////////////////////////////
// iso 7064 mod 97-10 checksum without BigInt
function isIso7064Mod97(iban) {
    let remainder = 0;
    const len = iban.length;
    for (let i = 4; i < len; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    for (let i = 0; i < 4; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    return remainder === 1;
}
function isValidIBAN(input) {
    if (!regexes.iban.test(input))
        return false;
    return isIso7064Mod97(input);
}
const $ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIBAN", (inst, def) => {
    // shape only — checksum is not expressible as a pattern
    def.pattern ?? (def.pattern = regexes.iban);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidIBAN(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "iban",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCustomStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (def.fn(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: def.format,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodNumber = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNumberFormat", (inst, def) => {
    $ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
});
const $ZodBoolean = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes_boolean;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
});
const $ZodBigInt = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodBigInt", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = bigint;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = BigInt(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "bigint")
            return payload;
        payload.issues.push({
            expected: "bigint",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBigIntFormat", (inst, def) => {
    checks.$ZodCheckBigIntFormat.init(inst, def);
    $ZodBigInt.init(inst, def); // no format checks
})));
const $ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSymbol", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "symbol")
            return payload;
        payload.issues.push({
            expected: "symbol",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUndefined", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.undefined;
    inst._zod.values = new Set([undefined]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "undefined",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNull", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.null;
    inst._zod.values = new Set([null]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (input === null)
            return payload;
        payload.issues.push({
            expected: "null",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodAny", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
})));
const $ZodUnknown = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodVoid", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "void",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodDate = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodDate", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce) {
            try {
                payload.value = new Date(payload.value);
            }
            catch (_err) { }
        }
        const input = payload.value;
        const isDate = input instanceof Date;
        const isValidDate = isDate && !Number.isNaN(input.getTime());
        if (isValidDate)
            return payload;
        payload.issues.push({
            expected: "date",
            code: "invalid_type",
            input,
            ...(isDate ? { received: "Invalid Date" } : {}),
            inst,
        });
        return payload;
    };
});
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = core_util/* sizeCaps */.hi(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of core_util/* sizeCaps */.hi(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    core_util/* attachSchema */.d3(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
const mapSize = (input) => (input instanceof Map ? input.size : -1);
const setSize = (input) => (input instanceof Set ? input.size : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...core_util/* prefixIssues */.lQ(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && core_util/* aborted */.QH(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = core_util/* optionalKeys */.NM(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (core_util/* aborted */.QH(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = core_util/* cached */.PO(() => normalizeDef(def));
    core_util/* defineLazyInternal */.v5(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    core_util/* assignProp */.Vy(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject = core_util/* isObject */.Gv;
    const catchall = def.catchall;
    let value;
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (core_util/* aborted */.QH(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodObjectJIT = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = core_util/* cached */.PO(() => normalizeDef(def));
    const memo = core_core/* globalConfig */.cr.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : core_util/* esc */.UQ(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject = core_util/* isObject */.Gv;
    const jit = !core_core/* globalConfig */.cr.jitless;
    const allowsEval = core_util/* allowsEval */.hI;
    const fastEnabled = jit && allowsEval.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
});
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !core_util/* aborted */.QH(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => core_util/* cleanRegex */.p6(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
function handleExclusiveUnionResults(results, final, inst, ctx) {
    const matches = [];
    for (let i = 0; i < results.length; i++) {
        if (results[i].issues.length === 0)
            matches.push(i);
    }
    if (matches.length === 1) {
        final.value = results[matches[0]].value;
        return final;
    }
    if (matches.length === 0) {
        // No matches - same as regular union
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: results.map((result) => result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config()))),
        });
    }
    else {
        // Multiple matches - exclusive union failure
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: [],
            inclusive: false,
            matches,
        });
    }
    return final;
}
const $ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodXor", (inst, def) => {
    $ZodUnion.init(inst, def);
    def.inclusive = false;
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                results.push(result);
            }
        }
        if (!async)
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        });
    };
})));
/** Returns the option whose discriminator claims `value`, or throws if ambiguous. */
function getDiscriminatedOption(union, value) {
    const internals = union._zod;
    let map = internals.bag.optionsMap;
    if (!map) {
        map = discriminatorMap(internals.def);
        internals.bag.optionsMap = map;
    }
    const option = map.get(value);
    if (option === null)
        throw new Error(`Ambiguous discriminator value "${String(value)}"`);
    return option;
}
function discriminatorMap(def) {
    const map = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[def.discriminator];
        if (!values || values.size === 0)
            throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
        for (const value of values) {
            if (map.has(value)) {
                if (value !== undefined)
                    throw new Error(`Duplicate discriminator value "${String(value)}"`);
                // keep the collision marked so a later member cannot reclaim it
                map.set(value, null);
            }
            else {
                map.set(value, option);
            }
        }
    }
    return map;
}
const $ZodDiscriminatedUnion = 
/*@__PURE__*/
core_core/* $constructor */.xI("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    core_util/* defineLazyInternal */.v5(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
            const pv = option._zod.propValues;
            if (!pv || Object.keys(pv).length === 0)
                throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
            if (pv[zod.def.discriminator]?.has(undefined))
                undefinedCount++;
            for (const [k, v] of Object.entries(pv)) {
                if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
                    core_util/* assignProp */.Vy(propValues, k, new Set());
                }
                for (const val of v) {
                    propValues[k].add(val);
                }
            }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
            propValues[zod.def.discriminator]?.delete(undefined);
        return propValues;
    });
    // Checked now rather than in the lookup map below, so an option that lacks the discriminator fails at the `discriminatedUnion` call instead of on the first object parsed. Options whose shape cannot be enumerated without resolving it — pipes and lazies — are left to the map.
    def.options.forEach((option, i) => {
        const propShape = core_util/* rawShape */.MO(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
            throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
    });
    const disc = core_util/* cached */.PO(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!core_util/* isObject */.Gv(input)) {
            payload.issues.push({
                code: "invalid_type",
                expected: "object",
                input,
                inst,
            });
            return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        // forward metadata cannot choose an encoder for an absent tag
        if (opt && (value !== undefined || ctx.direction !== "backward")) {
            return opt._zod.run(payload, ctx);
        }
        // Fall back to union matching when the fast discriminator path fails:
        // - explicitly enabled via unionFallback, or
        // - during backward direction (encode), since codec-based discriminators have different values in forward vs backward directions
        if (def.unionFallback || ctx.direction === "backward") {
            return _super(payload, ctx);
        }
        // no matching discriminator
        payload.issues.push({
            code: "invalid_union",
            errors: [],
            note: "No matching discriminator",
            discriminator: def.discriminator,
            options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
            input,
            path: [def.discriminator],
            inst,
        });
        return payload;
    };
});
const $ZodIntersection = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
});
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (core_util/* isPlainObject */.Qd(a) && core_util/* isPlainObject */.Qd(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (core_util/* aborted */.QH(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodTuple = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodTuple", (inst, def) => {
    $ZodType.init(inst, def);
    const items = def.items;
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                input,
                inst,
                expected: "tuple",
                code: "invalid_type",
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
            if (input.length < optinStart) {
                payload.issues.push({
                    code: "too_small",
                    minimum: optinStart,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
                return payload;
            }
            if (input.length > items.length) {
                payload.issues.push({
                    code: "too_big",
                    maximum: items.length,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
            }
        }
        // Run every item in parallel, collecting results into an indexed array. The post-processing in `handleTupleResults` walks them in order so it can decide whether an absent optional-output error can truncate the tail or must be reported to preserve required output.
        const itemResults = new Array(items.length);
        // only tracked when there is a rest loop to skip
        const abortEarly = def.rest ? ctx?.abortEarly : undefined;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
            const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((rr) => {
                    itemResults[i] = rr;
                }));
            }
            else {
                itemResults[i] = r;
                if (abortEarly && !itemAborted && r.issues.length)
                    itemAborted = core_util/* aborted */.QH(r);
            }
        }
        // sound because rest is non-empty exactly when every fixed index is present, the one case handleTupleResults cannot discard an item's issues
        if (def.rest && !itemAborted) {
            let i = items.length - 1;
            const rest = input.slice(items.length);
            let seen = payload.issues.length;
            for (const el of rest) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (core_util/* aborted */.QH(payload, seen))
                        break;
                    seen = payload.issues.length;
                }
                i++;
                const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((r) => handleTupleResult(r, payload, i)));
                }
                else {
                    handleTupleResult(result, payload, i);
                }
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
    };
});
function getTupleOptStart(items, key) {
    for (let i = items.length - 1; i >= 0; i--) {
        // optin is a three-rung ladder so any rung above `undefined` permits an absent slot; optout stays two-valued.
        const omittable = key === "optin" ? items[i]._zod.optin !== undefined : items[i]._zod.optout === "optional";
        if (!omittable)
            return i + 1;
    }
    return 0;
}
function handleTupleResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...core_util/* prefixIssues */.lQ(index, result.issues));
    }
    final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
    // Walk results in order. Mirror $ZodObject's swallow-on-absent-optional rule, but only after `optoutStart`: the first index where the output tuple tail can be absent.
    for (let i = 0; i < items.length; i++) {
        const r = itemResults[i];
        const isPresent = i < input.length;
        // The array analog of `handlePropertyResult`'s absent-key early return: the middle rung permits absence without supplying anything in its place, so the tail truncates here instead of materializing whatever the item made of `undefined`.
        if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
            final.value.length = i;
            break;
        }
        if (r.issues.length) {
            if (!isPresent && i >= optoutStart) {
                final.value.length = i;
                break;
            }
            final.issues.push(...core_util/* prefixIssues */.lQ(i, r.issues));
        }
        final.value[i] = r.value;
    }
    // Drop trailing slots that produced `undefined` for absent input
    // (the array analog of an absent optional key on an object). The
    // `i >= input.length` floor is critical: an explicit `undefined`
    // *inside* the input must be preserved even when the schema is
    // optional-out (e.g. `z.string().or(z.undefined())` accepting an
    // explicit undefined value).
    for (let i = final.value.length - 1; i >= input.length; i--) {
        if (items[i]._zod.optout === "optional" && final.value[i] === undefined) {
            final.value.length = i;
        }
        else {
            break;
        }
    }
    return final;
}
const $ZodRecord = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core_core/* globalConfig */.cr.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!core_util/* isPlainObject */.Qd(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...core_util/* prefixIssues */.lQ(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
});
const $ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMap", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Map)) {
            payload.issues.push({
                expected: "map",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Map(), ctx) : new Map();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const [key, value] of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            const valueResult = def.valueType._zod.run({ value: value, issues: [] }, ctx);
            if (keyResult instanceof Promise || valueResult instanceof Promise) {
                proms.push(Promise.all([keyResult, valueResult]).then(([keyResult, valueResult]) => {
                    handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
                }));
            }
            else {
                handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
            }
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, mapSize);
})));
function handleMapResult(keyResult, valueResult, final, key, input, inst, ctx) {
    if (keyResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, keyResult.issues));
        }
        else {
            final.issues.push({
                code: "invalid_key",
                origin: "map",
                input,
                inst,
                issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    if (valueResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, valueResult.issues));
        }
        else {
            final.issues.push({
                origin: "map",
                code: "invalid_element",
                input,
                inst,
                key: key,
                issues: valueResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    final.value.set(keyResult.value, valueResult.value);
}
const $ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSet", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Set)) {
            payload.issues.push({
                input,
                inst,
                expected: "set",
                code: "invalid_type",
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Set(), ctx) : new Set();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const item of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const result = def.valueType._zod.run({ value: item, issues: [] }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleSetResult(result, payload)));
            }
            else
                handleSetResult(result, payload);
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, setSize);
})));
function handleSetResult(result, final) {
    if (result.issues.length) {
        final.issues.push(...result.issues);
    }
    final.value.add(result.value);
}
const $ZodEnum = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = core_util/* getEnumValues */.w5(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const patternValues = core_util/* getEnumValues */.w5(zod.def.entries).filter((k) => core_util/* propertyKeyTypes */.qQ.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => core_util/* escapeRegex */.sD(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? core_util/* escapeRegex */.sD(o) : o ? core_util/* escapeRegex */.sD(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFile", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        // @ts-ignore
        if (input instanceof File)
            return payload;
        payload.issues.push({
            expected: "file",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodTransform = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    core_core/* globalConfig */.cr.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new core_core/* $ZodEncodeError */.cV(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new core_core/* $ZodAsyncError */.GT();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${core_util/* cleanRegex */.p6(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodExactOptional = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNullable = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    core_util/* defineLazyInternal */.v5(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${core_util/* cleanRegex */.p6(pattern.source)}|null)$`) : undefined;
    });
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodDefault = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
});
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNonOptional = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
});
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
const $ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSuccess", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new core.$ZodEncodeError("ZodSuccess");
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => {
                payload.value = result.issues.length === 0;
                return payload;
            });
        }
        payload.value = result.issues.length === 0;
        return payload;
    };
})));
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
});
const $ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNaN", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "number" || !Number.isNaN(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "nan",
                code: "invalid_type",
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodPipe = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.in._zod.values);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.in._zod.optin);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.out._zod.optout);
    core_util/* defineLazyInternal */.v5(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCodec", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        const direction = ctx.direction || "forward";
        if (direction === "forward") {
            const left = def.in._zod.run(payload, ctx);
            if (left instanceof Promise) {
                return left.then((left) => handleCodecAResult(left, def, ctx));
            }
            return handleCodecAResult(left, def, ctx);
        }
        else {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handleCodecAResult(right, def, ctx));
            }
            return handleCodecAResult(right, def, ctx);
        }
    };
})));
function handleCodecAResult(result, def, ctx) {
    if (result.issues.length) {
        // prevent further checks
        result.aborted = true;
        return result;
    }
    const direction = ctx.direction || "forward";
    if (direction === "forward") {
        const transformed = def.transform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.out, ctx));
        }
        return handleCodecTxResult(result, transformed, def.out, ctx);
    }
    else {
        const transformed = def.reverseTransform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.in, ctx));
        }
        return handleCodecTxResult(result, transformed, def.in, ctx);
    }
}
function handleCodecTxResult(left, value, nextSchema, ctx) {
    // Check if transform added any issues
    if (left.issues.length) {
        left.aborted = true;
        return left;
    }
    return nextSchema._zod.run({ value, issues: left.issues }, ctx);
}
const $ZodPreprocess = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodPreprocess", (inst, def) => {
    $ZodPipe.init(inst, def);
});
const $ZodReadonly = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    core_util/* defineLazyInternal */.v5(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    core_util/* defineLazyInternal */.v5(inst, "values", (zod) => zod.def.innerType._zod.values);
    core_util/* defineLazyInternal */.v5(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    core_util/* defineLazyInternal */.v5(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
});
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
// a leaf's pattern source with its own checks folded in: the last pattern-carrying check wins, else length bounds narrow the catch-all, else an integer format narrows the number form. the fold lives here instead of on `_zod.pattern` so a bundle without template literals never pays for it
function leafPattern(schema) {
    const def = schema._zod.def;
    let pattern = def.pattern;
    let isInt = !!def.format?.includes("int");
    let minimum;
    let maximum;
    for (const ch of def.checks ?? []) {
        const d = ch._zod.def;
        if (d.pattern)
            pattern = d.pattern;
        isInt || (isInt = !!d.format?.includes("int"));
        const lo = d.minimum ?? d.length;
        const hi = d.maximum ?? d.length;
        if (lo !== undefined && (minimum === undefined || lo > minimum))
            minimum = lo;
        if (hi !== undefined && (maximum === undefined || hi < maximum))
            maximum = hi;
    }
    if (pattern)
        return pattern.source;
    // an empty range matches nothing at runtime, and `{8,5}` is not a legal quantifier
    if (minimum !== undefined && maximum !== undefined && minimum > maximum)
        return "(?!)";
    if (minimum !== undefined || maximum !== undefined)
        return regexes.string({ minimum, maximum }).source;
    const own = schema._zod.pattern;
    return (isInt && own === regexes.number ? regexes.integer : own)?.source;
}
// a part's pattern source. a wrapper's pattern embeds its inner pattern's source verbatim, so the folded form is substituted in place without knowing the wrapper's own composition; a union's options are joined the way the union builds its own pattern
function partPattern(schema) {
    const def = schema._zod.def;
    const own = schema._zod.pattern?.source;
    // lazy resolves its inner on the internals, not the def
    const inner = def.innerType ?? schema._zod.innerType;
    if (inner) {
        const before = inner._zod.pattern?.source;
        const after = partPattern(inner);
        if (own && before && after && after !== before) {
            return own.replace(util.cleanRegex(before), () => util.cleanRegex(after));
        }
        return own;
    }
    if (def.options) {
        const sources = def.options.map(partPattern);
        if (sources.every(Boolean))
            return `^(${sources.map((s) => util.cleanRegex(s)).join("|")})$`;
    }
    return leafPattern(schema);
}
const $ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodTemplateLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const regexParts = [];
    for (const part of def.parts) {
        if (typeof part === "object" && part !== null) {
            // is Zod schema
            const source = partPattern(part);
            if (!source) {
                throw new Error(`Invalid template literal part, no pattern found: ${[...part._zod.traits].shift()}`);
            }
            regexParts.push(util.cleanRegex(source));
        }
        else if (part === null || util.primitiveTypes.has(typeof part)) {
            regexParts.push(util.escapeRegex(`${part}`));
        }
        else {
            throw new Error(`Invalid template literal part: ${part}`);
        }
    }
    inst._zod.pattern = new RegExp(`^${regexParts.join("")}$`);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "string") {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "string",
                code: "invalid_type",
            });
            return payload;
        }
        inst._zod.pattern.lastIndex = 0;
        if (!inst._zod.pattern.test(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                code: "invalid_format",
                format: def.format ?? "template_literal",
                pattern: inst._zod.pattern.source,
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFunction", (inst, def) => {
    $ZodType.init(inst, def);
    // Defined, not assigned: the classic prototype exposes `_def` as a getter with no setter.
    Object.defineProperty(inst, "_def", { value: def });
    inst._zod.def = def;
    inst.implement = (func) => {
        if (typeof func !== "function") {
            throw new Error("implement() must be called with a function");
        }
        // Defined inline so the closure stays anonymous: binding it to a `const` first names it, which costs 256 bytes per implemented function.
        return Object.defineProperty(function (...args) {
            const parsedArgs = inst._def.input ? parse(inst._def.input, args) : args;
            const result = Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return parse(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst.implementAsync = (func) => {
        if (typeof func !== "function") {
            throw new Error("implementAsync() must be called with a function");
        }
        return Object.defineProperty(async function (...args) {
            const parsedArgs = inst._def.input ? await parseAsync(inst._def.input, args) : args;
            const result = await Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return await parseAsync(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "function") {
            payload.issues.push({
                code: "invalid_type",
                expected: "function",
                input: payload.value,
                inst,
            });
            return payload;
        }
        // Check if output is a promise type to determine if we should use async implementation
        const hasPromiseOutput = inst._def.output && inst._def.output._zod.def.type === "promise";
        if (hasPromiseOutput) {
            payload.value = inst.implementAsync(payload.value);
        }
        else {
            payload.value = inst.implement(payload.value);
        }
        return payload;
    };
    inst.input = (...args) => {
        const F = inst.constructor;
        if (Array.isArray(args[0])) {
            return new F({
                type: "function",
                input: new $ZodTuple({
                    type: "tuple",
                    items: args[0],
                    rest: args[1],
                }),
                output: inst._def.output,
            });
        }
        return new F({
            type: "function",
            input: args[0],
            output: inst._def.output,
        });
    };
    inst.output = (output) => {
        const F = inst.constructor;
        return new F({
            type: "function",
            input: inst._def.input,
            output,
        });
    };
    return inst;
})));
const $ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPromise", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        return Promise.resolve(payload.value).then((inner) => def.innerType._zod.run({ value: inner, issues: [] }, ctx));
    };
})));
const $ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLazy", (inst, def) => {
    $ZodType.init(inst, def);
    // Cache the resolved inner type on the shared `def` so all clones of this lazy (e.g. via `.describe()`/`.meta()`) share the same inner instance, preserving identity for cycle detection on recursive schemas.
    util.defineLazy(inst._zod, "innerType", () => {
        const d = def;
        if (!d._cachedInner)
            d._cachedInner = def.getter();
        return d._cachedInner;
    });
    util.defineLazyInternal(inst, "pattern", (zod) => zod.innerType?._zod?.pattern);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.innerType?._zod?.propValues);
    util.defineLazyInternal(inst, "optin", (zod) => zod.innerType?._zod?.optin ?? undefined);
    util.defineLazyInternal(inst, "optout", (zod) => zod.innerType?._zod?.optout ?? undefined);
    inst._zod.parse = (payload, ctx) => {
        const inner = inst._zod.innerType;
        return inner._zod.run(payload, ctx);
    };
})));
const $ZodCustom = /*@__PURE__*/ core_core/* $constructor */.xI("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(core_util/* issue */.sn(_iss));
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/registries.js
var _a;
const $output = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodOutput")));
const $input = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodInput")));
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(_a = globalThis).__zod_globalRegistry ?? (_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/api.js




function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...core_util/* normalizeParams */.A2(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedString(Class, params) {
    return new Class(snapshotChecks({ type: "string", coerce: true, ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mac(Class, params) {
    return new Class({
        type: "string",
        format: "mac",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _creditCard(Class, params) {
    return new Class({
        type: "string",
        format: "credit_card",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _iban(Class, params) {
    return new Class({
        type: "string",
        format: "iban",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ...core_util/* normalizeParams */.A2(params),
    });
}
const TimePrecision = {
    Any: null,
    Minute: -1,
    Second: 0,
    Millisecond: 3,
    Microsecond: 6,
};
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...core_util/* normalizeParams */.A2(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class, params) {
    return new Class(snapshotChecks({ type: "number", coerce: true, checks: [], ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float64(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "int32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "uint32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBoolean(Class, params) {
    return new Class({
        type: "boolean",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _bigint(Class, params) {
    return new Class({
        type: "bigint",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBigint(Class, params) {
    return new Class({
        type: "bigint",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "int64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "uint64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _symbol(Class, params) {
    return new Class({
        type: "symbol",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_undefined(Class, params) {
    return new Class({
        type: "undefined",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_null(Class, params) {
    return new Class({
        type: "null",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _any(Class) {
    return new Class({
        type: "any",
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _void(Class, params) {
    return new Class({
        type: "void",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _date(Class, params) {
    return new Class({
        type: "date",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedDate(Class, params) {
    return new Class({
        type: "date",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nan(Class, params) {
    return new Class({
        type: "nan",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...core_util/* normalizeParams */.A2(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...core_util/* normalizeParams */.A2(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...core_util/* normalizeParams */.A2(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...core_util/* normalizeParams */.A2(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _positive(params) {
    return _gt(0, params);
}
// negative
// @__NO_SIDE_EFFECTS__
function _negative(params) {
    return _lt(0, params);
}
// nonpositive
// @__NO_SIDE_EFFECTS__
function _nonpositive(params) {
    return _lte(0, params);
}
// nonnegative
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
    return _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new $ZodCheckMultipleOf({
        check: "multiple_of",
        ...core_util/* normalizeParams */.A2(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxSize(maximum, params) {
    return new checks.$ZodCheckMaxSize({
        check: "max_size",
        ...util.normalizeParams(params),
        maximum,
    });
}
// @__NO_SIDE_EFFECTS__
function _minSize(minimum, params) {
    return new checks.$ZodCheckMinSize({
        check: "min_size",
        ...util.normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _size(size, params) {
    return new checks.$ZodCheckSizeEquals({
        check: "size_equals",
        ...util.normalizeParams(params),
        size,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new $ZodCheckMaxLength({
        check: "max_length",
        ...core_util/* normalizeParams */.A2(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...core_util/* normalizeParams */.A2(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new $ZodCheckLengthEquals({
        check: "length_equals",
        ...core_util/* normalizeParams */.A2(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new $ZodCheckRegex({
        check: "string_format",
        format: "regex",
        ...core_util/* normalizeParams */.A2(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new $ZodCheckLowerCase({
        check: "string_format",
        format: "lowercase",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new $ZodCheckUpperCase({
        check: "string_format",
        format: "uppercase",
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new $ZodCheckIncludes({
        check: "string_format",
        format: "includes",
        ...core_util/* normalizeParams */.A2(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new $ZodCheckStartsWith({
        check: "string_format",
        format: "starts_with",
        ...core_util/* normalizeParams */.A2(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new $ZodCheckEndsWith({
        check: "string_format",
        format: "ends_with",
        ...core_util/* normalizeParams */.A2(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _property(property, schema, params) {
    return new checks.$ZodCheckProperty({
        check: "property",
        property,
        schema,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _properties(shape, params) {
    return new $ZodCheckProperties({
        check: "properties",
        shape,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mime(types, params) {
    return new checks.$ZodCheckMimeType({
        check: "mime_type",
        mime: types,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new $ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => core_util/* slugify */.Yv(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ...core_util/* normalizeParams */.A2(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _union(Class, options, params) {
    return new Class({
        type: "union",
        options,
        ...util.normalizeParams(params),
    });
}
function _xor(Class, options, params) {
    return new Class({
        type: "union",
        options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _discriminatedUnion(Class, discriminator, options, params) {
    return new Class({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _intersection(Class, left, right) {
    return new Class({
        type: "intersection",
        left,
        right,
    });
}
// export function _tuple(
//   Class: util.SchemaClass<schemas.$ZodTuple>,
//   items: [],
//   params?: string | $ZodTupleParams
// ): schemas.$ZodTuple<[], null>;
// @__NO_SIDE_EFFECTS__
function _tuple(Class, items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof schemas.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new Class({
        type: "tuple",
        items,
        rest,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _record(Class, keyType, valueType, params) {
    return new Class({
        type: "record",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _map(Class, keyType, valueType, params) {
    return new Class({
        type: "map",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _set(Class, valueType, params) {
    return new Class({
        type: "set",
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _enum(Class, values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    // if (Array.isArray(values)) {
    //   for (const value of values) {
    //     entries[value] = value;
    //   }
    // } else {
    //   Object.assign(entries, values);
    // }
    // const entries: util.EnumLike = {};
    // for (const val of values) {
    //   entries[val] = val;
    // }
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function _nativeEnum(Class, entries, params) {
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _literal(Class, value, params) {
    return new Class({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _file(Class, params) {
    return new Class({
        type: "file",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _transform(Class, fn) {
    return new Class({
        type: "transform",
        transform: fn,
    });
}
// @__NO_SIDE_EFFECTS__
function _optional(Class, innerType) {
    return new Class({
        type: "optional",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _nullable(Class, innerType) {
    return new Class({
        type: "nullable",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _default(Class, innerType, defaultValue) {
    return new Class({
        type: "default",
        innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
// @__NO_SIDE_EFFECTS__
function _nonoptional(Class, innerType, params) {
    return new Class({
        type: "nonoptional",
        innerType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _success(Class, innerType) {
    return new Class({
        type: "success",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _catch(Class, innerType, catchValue) {
    return new Class({
        type: "catch",
        innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : util.constantCatch(catchValue)),
    });
}
// @__NO_SIDE_EFFECTS__
function _pipe(Class, in_, out) {
    return new Class({
        type: "pipe",
        in: in_,
        out,
    });
}
// @__NO_SIDE_EFFECTS__
function _readonly(Class, innerType) {
    return new Class({
        type: "readonly",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _templateLiteral(Class, parts, params) {
    return new Class({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lazy(Class, getter) {
    return new Class({
        type: "lazy",
        getter,
    });
}
// @__NO_SIDE_EFFECTS__
function _promise(Class, innerType) {
    return new Class({
        type: "promise",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _custom(Class, fn, _params) {
    const norm = util.normalizeParams(_params);
    norm.abort ?? (norm.abort = true); // default to abort:false
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...norm,
    });
    return schema;
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...core_util/* normalizeParams */.A2(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(core_util/* issue */.sn(issue, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(core_util/* issue */.sn(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new $ZodCheck({
        check: "custom",
        ...core_util/* normalizeParams */.A2(params),
    });
    ch._zod.check = fn;
    return ch;
}
// @__NO_SIDE_EFFECTS__
function describe(description) {
    const ch = new $ZodCheck({ check: "describe" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, description });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function meta(metadata) {
    const ch = new $ZodCheck({ check: "meta" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, ...metadata });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _stringbool(Classes, _params) {
    const params = util.normalizeParams(_params);
    let truthyArray = params.truthy ?? ["true", "1", "yes", "on", "y", "enabled"];
    let falsyArray = params.falsy ?? ["false", "0", "no", "off", "n", "disabled"];
    if (params.case !== "sensitive") {
        truthyArray = truthyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
        falsyArray = falsyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
    }
    const truthySet = new Set(truthyArray);
    const falsySet = new Set(falsyArray);
    const _Codec = Classes.Codec ?? schemas.$ZodCodec;
    const _Boolean = Classes.Boolean ?? schemas.$ZodBoolean;
    const _String = Classes.String ?? schemas.$ZodString;
    const stringSchema = new _String({ type: "string", error: params.error });
    const booleanSchema = new _Boolean({ type: "boolean", error: params.error });
    const codec = new _Codec({
        type: "pipe",
        in: stringSchema,
        out: booleanSchema,
        transform: ((input, payload) => {
            let data = input;
            if (params.case !== "sensitive")
                data = data.toLowerCase();
            if (truthySet.has(data)) {
                return true;
            }
            else if (falsySet.has(data)) {
                return false;
            }
            else {
                payload.issues.push({
                    code: "invalid_value",
                    expected: "stringbool",
                    values: [...truthySet, ...falsySet],
                    input: payload.value,
                    inst: codec,
                    continue: false,
                });
                return {};
            }
        }),
        reverseTransform: ((input, _payload) => {
            if (input === true) {
                return truthyArray[0] || "true";
            }
            else {
                return falsyArray[0] || "false";
            }
        }),
        error: params.error,
    });
    codec._zod.bag.truthy = truthyArray;
    codec._zod.bag.falsy = falsyArray;
    codec._zod.bag.case = params.case ?? "insensitive";
    return codec;
}
// @__NO_SIDE_EFFECTS__
function _stringFormat(Class, format, fnOrRegex, _params = {}) {
    const params = util.normalizeParams(_params);
    const def = {
        check: "string_format",
        type: "string",
        format,
        fn: typeof fnOrRegex === "function" ? fnOrRegex : (val) => fnOrRegex.test(val),
        ...params,
    };
    if (fnOrRegex instanceof RegExp) {
        def.pattern = fnOrRegex;
    }
    const inst = new Class(def);
    return inst;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/to-json-schema.js


function assignProps(target, ...sources) {
    for (const source of sources) {
        for (const key of Reflect.ownKeys(source)) {
            if (Object.prototype.propertyIsEnumerable.call(source, key)) {
                (0,core_util/* assignProp */.Vy)(target, key, source[key]);
            }
        }
    }
    return target;
}
// function initializeContext<T extends schemas.$ZodType>(inputs: JSONSchemaGeneratorParams<T>): ToJSONSchemaContext<T> {
//   return {
//     processor: inputs.processor,
//     metadataRegistry: inputs.metadata ?? globalRegistry,
//     target: inputs.target ?? "draft-2020-12",
//     unrepresentable: inputs.unrepresentable ?? "throw",
//   };
// }
function to_json_schema_initializeContext(params) {
    // Normalize target: convert old non-hyphenated versions to hyphenated versions
    let target = params?.target ?? "draft-2020-12";
    if (target === "draft-4")
        target = "draft-04";
    if (target === "draft-7")
        target = "draft-07";
    return {
        processors: params.processors ?? {},
        metadataRegistry: params?.metadata ?? globalRegistry,
        target,
        unrepresentable: params?.unrepresentable ?? "throw",
        override: params?.override ?? (() => { }),
        io: params?.io ?? "output",
        counter: 0,
        seen: new Map(),
        sharedDefsExtractedFor: undefined,
        sharedEmitDoneFor: undefined,
        cycles: params?.cycles ?? "ref",
        reused: params?.reused ?? "inline",
        intersections: [],
        deferred: [],
        external: params?.external ?? undefined,
    };
}
/**
 * Applies the `unrepresentable` setting at a site that has no JSON Schema equivalent. Throws
 * `message` unless the setting (or the handler's return value) says otherwise. Returns `true` if a
 * custom JSON Schema was written into `json`, in which case the caller must not write its own.
 */
function handleUnrepresentable(schema, ctx, json, params, message) {
    const result = typeof ctx.unrepresentable === "function"
        ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message })
        : ctx.unrepresentable;
    if (result === "any")
        return false;
    if (result === undefined || result === "throw")
        throw new Error(message);
    Object.assign(json, result);
    return true;
}
// never rename this back to `process`: bundler polyfills inject a top-level `const process` that a lexical declaration of the same name collides with (#6397)
function to_json_schema_processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
    var _a;
    const def = schema._zod.def;
    // check for schema in seens
    const seen = ctx.seen.get(schema);
    if (seen) {
        seen.count++;
        // check if cycle
        const isCycle = _params.schemaPath.includes(schema);
        if (isCycle) {
            seen.cycle = _params.path;
        }
        return seen.schema;
    }
    // initialize
    const result = { schema: {}, count: 1, cycle: undefined, path: _params.path };
    ctx.seen.set(schema, result);
    ctx.sharedDefsExtractedFor = undefined;
    ctx.sharedEmitDoneFor = undefined;
    // custom method overrides default behavior
    const overrideSchema = schema._zod.toJSONSchema?.();
    if (overrideSchema) {
        result.schema = overrideSchema;
    }
    else {
        const params = {
            ..._params,
            schemaPath: [..._params.schemaPath, schema],
            path: _params.path,
        };
        if (schema._zod.processJSONSchema) {
            schema._zod.processJSONSchema(ctx, result.schema, params);
        }
        else {
            const _json = result.schema;
            const processor = ctx.processors[def.type];
            if (!processor) {
                throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
            }
            processor(schema, ctx, _json, params);
        }
        const parent = schema._zod.parent;
        if (parent) {
            // Also set ref if processor didn't (for inheritance)
            if (!result.ref)
                result.ref = parent;
            to_json_schema_processSchema(parent, ctx, params);
            ctx.seen.get(parent).isParent = true;
        }
    }
    // metadata
    const meta = ctx.metadataRegistry.get(schema);
    if (meta)
        assignProps(result.schema, meta);
    if (ctx.io === "input" && isTransforming(schema)) {
        // examples/defaults only apply to output type of pipe
        delete result.schema.examples;
        delete result.schema.default;
    }
    // set prefault as default
    if (ctx.io === "input" && "_prefault" in result.schema)
        (_a = result.schema).default ?? (_a.default = result.schema._prefault);
    delete result.schema._prefault;
    // pulling fresh from ctx.seen in case it was overwritten
    const _result = ctx.seen.get(schema);
    return _result.schema;
}
/** @deprecated Renamed to `processSchema`. An export alias declares no binding, so it is safe to keep. */

// Escape a reference token for use in a JSON Pointer fragment (RFC 6901): `~` becomes `~0` and `/` becomes `~1`. The `~` replacement must run first.
function encodeJSONPointerSegment(segment) {
    return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function to_json_schema_extractDefs(ctx, schema
// params: EmitParams
) {
    // iterate over seen map;
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // With `external` set, every registered schema resolves through the external branch of `makeURI`, so the root branch below produces the same ref the external branch would — this pass is identical whichever schema it is called with, and only needs to run once.
    if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
        return;
    // Track ids to detect duplicates across different schemas
    const idToSchema = new Map();
    for (const entry of ctx.seen.entries()) {
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            const existing = idToSchema.get(id);
            if (existing && existing !== entry[0]) {
                throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
            }
            idToSchema.set(id, entry[0]);
        }
    }
    // returns a ref to the schema defId will be empty if the ref points to an external schema (or #)
    const makeURI = (entry) => {
        // comparing the seen objects because sometimes multiple schemas map to the same seen object. e.g. lazy
        // external is configured
        const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
        if (ctx.external) {
            const externalId = ctx.external.registry.get(entry[0])?.id; // ?? "__shared";// `__schema${ctx.counter++}`;
            // check if schema is in the external registry
            const uriGenerator = ctx.external.uri ?? ((id) => id);
            if (externalId) {
                return { ref: uriGenerator(externalId) };
            }
            // otherwise, add to __shared
            const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
            entry[1].defId = id; // set defId so it will be reused if needed
            return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
        }
        const uriPrefix = `#`;
        const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
        // an id-less root has nowhere to be extracted to, so it stays inline and self-references as `#`
        if (entry[1] === root && !entry[1].schema.id) {
            return { ref: uriPrefix };
        }
        // self-contained schema
        const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
        return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
    };
    // stored cached version in `def` property remove all properties, set $ref
    const extractToDef = (entry) => {
        // if the schema is already a reference, do not extract it
        if (entry[1].schema.$ref) {
            return;
        }
        const seen = entry[1];
        const { ref, defId } = makeURI(entry);
        seen.def = { ...seen.schema };
        // defId won't be set if the schema is a reference to an external schema or if the schema is the root schema
        if (defId)
            seen.defId = defId;
        // wipe away all properties except $ref
        const schema = seen.schema;
        for (const key in schema) {
            delete schema[key];
        }
        schema.$ref = ref;
    };
    // throw on cycles
    // break cycles
    if (ctx.cycles === "throw") {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.cycle) {
                throw new Error("Cycle detected: " +
                    `#/${seen.cycle?.join("/")}/<root>` +
                    '\n\nSet the `cycles` parameter to `"ref"` to resolve cyclical schemas with defs.');
            }
        }
    }
    // extract schemas into $defs
    for (const entry of ctx.seen.entries()) {
        const seen = entry[1];
        // convert root schema to # $ref
        if (schema === entry[0]) {
            extractToDef(entry); // this has special handling for the root schema
            continue;
        }
        // extract schemas that are in the external registry
        if (ctx.external) {
            const ext = ctx.external.registry.get(entry[0])?.id;
            if (schema !== entry[0] && ext) {
                extractToDef(entry);
                continue;
            }
        }
        // extract schemas with `id` meta
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            extractToDef(entry);
            continue;
        }
        // break cycles
        if (seen.cycle) {
            // any
            extractToDef(entry);
            continue;
        }
        // extract reused schemas
        if (seen.count > 1) {
            if (ctx.reused === "ref") {
                extractToDef(entry);
            }
        }
    }
    if (ctx.external)
        ctx.sharedDefsExtractedFor = ctx.external;
}
/** Rewrites `anyOf: [{type: "a"}, {type: "b"}]` to `type: ["a", "b"]`, which every JSON Schema draft treats as equivalent and most consumers render far better for the nullable case. Only branches that are a bare type assertion qualify — anything carrying a constraint, `$ref`, `const` or metadata is left alone. Runs after `flattenRef`, so a branch an override decorated or `$defs` extraction turned into a `$ref` is no longer bare and correctly stays in `anyOf`. `oneOf` is excluded: `integer` and `number` overlap, so "exactly one" and "at least one" are not the same there. OpenAPI 3.0 is excluded: its `type` must be a single string. */
function compactTypeUnion(schema) {
    const options = schema.anyOf;
    if (!Array.isArray(options) || options.length === 0 || schema.type !== undefined)
        return;
    const types = [];
    for (const option of options) {
        if (!option || typeof option !== "object")
            return;
        // A branch that is itself a compactible union folds into this one — nested `anyOf` and a flat `type` array say the same thing. Compacting it first also makes the result independent of the order this pass walks the seen map in.
        compactTypeUnion(option);
        const keys = Object.keys(option);
        if (keys.length !== 1 || keys[0] !== "type")
            return;
        const type = option.type;
        for (const member of Array.isArray(type) ? type : [type]) {
            if (typeof member !== "string")
                return;
            if (!types.includes(member))
                types.push(member);
        }
    }
    delete schema.anyOf;
    // A `type` array must be non-empty and unique (metaschema); a single member is spelled as a bare string.
    schema.type = types.length === 1 ? types[0] : types;
}
/** Keywords `foldIntersection` knows how to combine. Anything else — `$ref`, `patternProperties`,
 * an annotation like `description` — makes a member unfoldable, so a constraint this does not
 * understand leaves the `allOf` alone instead of being silently dropped or misattributed. */
const FOLDABLE_KEYS = new Set(["type", "properties", "required", "additionalProperties"]);
const UNION_KEYS = ["oneOf", "anyOf"];
/** A member's constraint on a key it does not declare itself. A `catchall` states one; `false`, an absent `additionalProperties`, and the empty schema a loose object emits state nothing. */
function undeclaredConstraint(member) {
    const extra = member.additionalProperties;
    if (extra === undefined || extra === false || typeof extra !== "object" || extra === null)
        return null;
    return Object.keys(extra).length ? extra : null;
}
/** Combines object members into the single object they describe together, or returns `null` if any of them carries a keyword outside {@link FOLDABLE_KEYS}. */
function foldObjects(members) {
    const objects = [];
    for (const member of members) {
        // A boolean subschema is legal JSON Schema and carries no keywords to fold.
        if (typeof member !== "object" || member.type !== "object")
            return null;
        for (const key in member) {
            if (!FOLDABLE_KEYS.has(key))
                return null;
        }
        objects.push(member);
    }
    const properties = {};
    const required = new Set();
    for (const object of objects) {
        for (const key in object.properties) {
            // `in` would report a `__proto__` key as already present via the prototype chain and skip it.
            if (Object.prototype.hasOwnProperty.call(properties, key))
                continue;
            // Every member constrains this key: the ones that declare it say how, and a `catchall` member constrains it too even though it does not name it. The key has to satisfy all of them, which is the same intersection one level down.
            const parts = [];
            for (const other of objects) {
                const part = other.properties?.[key] ?? undeclaredConstraint(other);
                if (part === null || part === undefined)
                    continue;
                if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
                    parts.push(part);
            }
            const merged = parts.length === 1
                ? parts[0]
                : (foldObjects(parts) ?? { allOf: parts });
            (0,core_util/* assignProp */.Vy)(properties, key, merged);
        }
        for (const key of object.required ?? [])
            required.add(key);
    }
    const folded = { type: "object", properties };
    if (required.size)
        folded.required = [...required];
    // A key no member declares is rejected only when every member rejects it, so the fold is closed only when every member is. Otherwise it carries whatever the `catchall` members demand of such a key.
    if (objects.every((object) => object.additionalProperties === false)) {
        folded.additionalProperties = false;
    }
    else {
        const constraints = [];
        for (const object of objects) {
            const constraint = undeclaredConstraint(object);
            if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
                constraints.push(constraint);
        }
        if (constraints.length === 1)
            folded.additionalProperties = constraints[0];
        else if (constraints.length > 1)
            folded.additionalProperties = { allOf: constraints };
    }
    return folded;
}
/** `additionalProperties` in an `allOf` member sees only that member's own `properties`, so two
 * closed object members reject each other's keys and the schema validates nothing. Zod's parser
 * pools the key sets instead — `handleIntersectionResults` reports a key as unrecognized only when
 * *every* side rejects it — so the emitted schema has to pool them too, and folding the members
 * into one object is the encoding that says so on every target.
 *
 * This runs from `finalize`, after `extractDefs`, which is what keeps it clear of the `$ref`
 * machinery: a member extracted into `$defs` is already a `$ref` by now and declines to fold, so it
 * keeps its reference and its own closedness rather than being inlined as a stale copy. */
function foldIntersection(json) {
    const allOf = json.allOf;
    if (!Array.isArray(allOf) || allOf.length < 2)
        return;
    // An `override` runs before this pass and may have written object keywords onto the intersection itself. Those are deliberate, so decline rather than overwrite them.
    for (const key of FOLDABLE_KEYS)
        if (key in json)
            return;
    // An intersection distributes over a union: `A & (X | Y)` is `(A & X) | (A & Y)`. Only the first union is distributed over; a second one stays among the members every branch folds against, where it fails the object check and declines the whole intersection rather than multiplying out.
    const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
    let folded = null;
    if (!unions.length) {
        folded = foldObjects(allOf);
    }
    else {
        const union = unions[0];
        const keyword = UNION_KEYS.find((k) => Array.isArray(union[k]));
        if (Object.keys(union).length !== 1)
            return;
        const rest = allOf.filter((m) => m !== union);
        const branches = union[keyword].map((branch) => foldObjects([...rest, branch]));
        if (branches.some((b) => !b))
            return;
        folded = { [keyword]: branches };
    }
    if (!folded)
        return;
    delete json.allOf;
    assignProps(json, folded);
}
function to_json_schema_finalize(ctx, schema) {
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // flatten refs - inherit properties from parent schemas
    const flattenRef = (zodSchema) => {
        const seen = ctx.seen.get(zodSchema);
        // already processed
        if (seen.ref === null)
            return;
        const schema = seen.def ?? seen.schema;
        const _cached = { ...schema };
        const ref = seen.ref;
        seen.ref = null; // prevent infinite recursion
        if (ref) {
            flattenRef(ref);
            const refSeen = ctx.seen.get(ref);
            const refSchema = refSeen.schema;
            // merge referenced schema into current
            if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
                // older drafts can't combine $ref with other properties
                schema.allOf = schema.allOf ?? [];
                schema.allOf.push(refSchema);
            }
            else {
                assignProps(schema, refSchema);
            }
            // restore child's own properties (child wins)
            assignProps(schema, _cached);
            const isParentRef = zodSchema._zod.parent === ref;
            // For parent chain, child is a refinement - remove parent-only properties
            if (isParentRef) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (!(key in _cached)) {
                        delete schema[key];
                    }
                }
            }
            // When ref was extracted to $defs, remove properties that match the definition
            if (refSchema.$ref && refSeen.def) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (key in refSeen.def && JSON.stringify(schema[key]) === JSON.stringify(refSeen.def[key])) {
                        delete schema[key];
                    }
                }
            }
        }
        // If parent was extracted (has $ref), propagate $ref to this schema. This handles cases like: readonly().meta({id}).describe() where processor sets ref to innerType but parent should be referenced
        const parent = zodSchema._zod.parent;
        if (parent && parent !== ref) {
            // Ensure parent is processed first so its def has inherited properties
            flattenRef(parent);
            const parentSeen = ctx.seen.get(parent);
            if (parentSeen?.schema.$ref) {
                schema.$ref = parentSeen.schema.$ref;
                // De-duplicate with parent's definition
                if (parentSeen.def) {
                    for (const key in schema) {
                        if (key === "$ref" || key === "allOf")
                            continue;
                        if (key in parentSeen.def && JSON.stringify(schema[key]) === JSON.stringify(parentSeen.def[key])) {
                            delete schema[key];
                        }
                    }
                }
            }
        }
        // execute overrides
        ctx.override({
            zodSchema: zodSchema,
            jsonSchema: schema,
            path: seen.path ?? [],
        });
    };
    // Flattening walks the whole map and clears each `ref` as it goes, so a second call over the same map is a no-op scan. Skip it outright once it has run for a registry conversion.
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of [...ctx.seen.entries()].reverse()) {
            flattenRef(entry[0]);
        }
        if (ctx.target !== "openapi-3.0") {
            for (const entry of ctx.seen.entries()) {
                compactTypeUnion(entry[1].def ?? entry[1].schema);
            }
        }
        for (const rewrite of ctx.deferred)
            rewrite();
        // After flattening, every member that was extracted is a `$ref`, so the fold sees the final shape. A schema that inherits an intersection — through `z.lazy`, or any `ref` chain — holds the same `allOf` array, so fold by array identity to catch every copy.
        if (ctx.intersections.length) {
            const carriers = new Map();
            for (const seen of ctx.seen.values()) {
                for (const json of [seen.schema, seen.def]) {
                    const allOf = json?.allOf;
                    if (!Array.isArray(allOf))
                        continue;
                    const existing = carriers.get(allOf);
                    if (existing)
                        existing.push(json);
                    else
                        carriers.set(allOf, [json]);
                }
            }
            for (const allOf of ctx.intersections) {
                for (const json of carriers.get(allOf) ?? [])
                    foldIntersection(json);
            }
        }
    }
    const result = {};
    if (ctx.target === "draft-2020-12") {
        result.$schema = "https://json-schema.org/draft/2020-12/schema";
    }
    else if (ctx.target === "draft-07") {
        result.$schema = "http://json-schema.org/draft-07/schema#";
    }
    else if (ctx.target === "draft-04") {
        result.$schema = "http://json-schema.org/draft-04/schema#";
    }
    else if (ctx.target === "openapi-3.0") {
        // OpenAPI 3.0 schema objects should not include a $schema property
    }
    else {
        // Arbitrary string values are allowed but won't have a $schema property set
    }
    if (ctx.external?.uri) {
        const id = ctx.external.registry.get(schema)?.id;
        if (!id)
            throw new Error("Schema is missing an `id` property");
        result.$id = ctx.external.uri(id);
    }
    // when the root was extracted into $defs, `root.schema` is the `$ref` wrapper and `root.def` is the body that now lives under $defs
    assignProps(result, root.defId ? root.schema : (root.def ?? root.schema));
    // The `id` in `.meta()` is a Zod-specific registration tag used to extract schemas into $defs — it is not user-facing JSON Schema metadata. Strip it from the output body where it would otherwise leak. The id is preserved implicitly via the $defs key (and via $ref paths).
    const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
    if (rootMetaId !== undefined && result.id === rootMetaId)
        delete result.id;
    // build defs object. With `external`, `defs` is the shared object every schema writes into, so the same entries are reassigned on every call. Without it, `defs` is fresh per call and must be rebuilt.
    const defs = ctx.external?.defs ?? {};
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.def && seen.defId) {
                if (seen.def.id === seen.defId)
                    delete seen.def.id;
                (0,core_util/* assignProp */.Vy)(defs, seen.defId, seen.def);
            }
        }
    }
    if (ctx.external)
        ctx.sharedEmitDoneFor = ctx.external;
    // set definitions in result
    if (ctx.external) {
    }
    else {
        if (Object.keys(defs).length > 0) {
            if (ctx.target === "draft-2020-12") {
                result.$defs = defs;
            }
            else {
                result.definitions = defs;
            }
        }
    }
    try {
        // this "finalizes" this schema and ensures all cycles are removed each call to finalize() is functionally independent though the seen map is shared
        const finalized = JSON.parse(JSON.stringify(result));
        Object.defineProperty(finalized, "~standard", {
            value: {
                ...schema["~standard"],
                jsonSchema: {
                    input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
                    output: createStandardJSONSchemaMethod(schema, "output", ctx.processors),
                },
            },
            enumerable: false,
            writable: false,
        });
        return finalized;
    }
    catch (_err) {
        throw new Error("Error converting schema to JSON.");
    }
}
function isTransforming(_schema, _ctx) {
    const ctx = _ctx ?? { seen: new Set() };
    if (ctx.seen.has(_schema))
        return false;
    ctx.seen.add(_schema);
    const def = _schema._zod.def;
    if (def.type === "transform")
        return true;
    if (def.type === "array")
        return isTransforming(def.element, ctx);
    if (def.type === "set")
        return isTransforming(def.valueType, ctx);
    if (def.type === "lazy")
        return isTransforming(def.getter(), ctx);
    if (def.type === "promise" ||
        def.type === "optional" ||
        def.type === "nonoptional" ||
        def.type === "nullable" ||
        def.type === "readonly" ||
        def.type === "default" ||
        def.type === "prefault" ||
        def.type === "catch") {
        return isTransforming(def.innerType, ctx);
    }
    if (def.type === "intersection") {
        return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
    }
    if (def.type === "record" || def.type === "map") {
        return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
    }
    if (def.type === "pipe") {
        if (_schema._zod.traits.has("$ZodCodec"))
            return true;
        return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
    }
    if (def.type === "object") {
        for (const key in def.shape) {
            if (isTransforming(def.shape[key], ctx))
                return true;
        }
        return false;
    }
    if (def.type === "union") {
        for (const option of def.options) {
            if (isTransforming(option, ctx))
                return true;
        }
        return false;
    }
    if (def.type === "tuple") {
        for (const item of def.items) {
            if (isTransforming(item, ctx))
                return true;
        }
        if (def.rest && isTransforming(def.rest, ctx))
            return true;
        return false;
    }
    return false;
}
/**
 * Creates a toJSONSchema method for a schema instance.
 * This encapsulates the logic of initializing context, processing, extracting defs, and finalizing.
 */
const createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
    const ctx = to_json_schema_initializeContext({ ...params, processors });
    to_json_schema_processSchema(schema, ctx);
    to_json_schema_extractDefs(ctx, schema);
    return to_json_schema_finalize(ctx, schema);
};
const createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
    const { libraryOptions, target } = params ?? {};
    const ctx = to_json_schema_initializeContext({ ...(libraryOptions ?? {}), target, io, processors });
    to_json_schema_processSchema(schema, ctx);
    to_json_schema_extractDefs(ctx, schema);
    return to_json_schema_finalize(ctx, schema);
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/json-schema-processors.js




const narrowMin = (agg, key, value) => {
    if (agg[key] === undefined || value > agg[key])
        agg[key] = value;
};
const narrowMax = (agg, key, value) => {
    if (agg[key] === undefined || value < agg[key])
        agg[key] = value;
};
const narrowBoth = (agg, value) => {
    narrowMin(agg, "minimum", value);
    narrowMax(agg, "maximum", value);
};
const addDivisor = (agg, value) => {
    agg.multipleOf ?? (agg.multipleOf = []);
    if (!agg.multipleOf.includes(value))
        agg.multipleOf.push(value);
};
const addPattern = (agg, pattern) => {
    agg.patterns ?? (agg.patterns = new Set());
    agg.patterns.add(pattern);
};
const intersectMime = (agg, mime) => {
    agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
// last-wins, matching the bag's historical write order; the flag keeps an integer format from being lost to a later float one
const setFormat = (agg, format) => {
    agg.format = format;
    if (format.includes("int"))
        agg.isInt = true;
};
const minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
const maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
const formatContributor = (ranges) => (agg, def) => {
    setFormat(agg, def.format);
    const [minimum, maximum] = ranges[def.format];
    narrowMin(agg, "minimum", minimum);
    narrowMax(agg, "maximum", maximum);
};
const contributors = {
    greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
    less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
    multiple_of: (agg, def) => addDivisor(agg, def.value),
    number_format: formatContributor(core_util/* NUMBER_FORMAT_RANGES */.zH),
    bigint_format: formatContributor(core_util/* BIGINT_FORMAT_RANGES */.NR),
    min_length: minContributor,
    max_length: maxContributor,
    length_equals: (agg, def) => narrowBoth(agg, def.length),
    min_size: minContributor,
    max_size: maxContributor,
    size_equals: (agg, def) => narrowBoth(agg, def.size),
    string_format: (agg, def) => {
        setFormat(agg, def.format);
        if (def.pattern)
            addPattern(agg, def.pattern);
        if (def.format === "base64" || def.format === "base64url")
            agg.contentEncoding = def.format;
        if (def.local || def.precision === -1)
            agg.laxFormat = true;
    },
    mime_type: (agg, def) => intersectMime(agg, def.mime),
};
function aggregateChecks(schema) {
    const agg = {};
    const def = schema._zod.def;
    // a format schema is its own first check, same rule as $ZodType init
    const list = schema._zod.traits.has("$ZodCheck")
        ? [schema, ...(def.checks ?? [])]
        : (def.checks ?? []);
    for (const ch of list)
        contributors[ch._zod.def.check]?.(agg, ch._zod.def);
    // reconcile with the bag so third-party onattach contributions still land; first-party residue is never tighter than the fold, so merging it back is idempotent for one and additive for the other
    const bag = schema._zod.bag;
    if (bag.minimum !== undefined)
        narrowMin(agg, "minimum", bag.minimum);
    if (bag.exclusiveMinimum !== undefined)
        narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
    if (bag.maximum !== undefined)
        narrowMax(agg, "maximum", bag.maximum);
    if (bag.exclusiveMaximum !== undefined)
        narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
    if (bag.multipleOf !== undefined)
        addDivisor(agg, bag.multipleOf);
    if (bag.format !== undefined) {
        agg.format ?? (agg.format = bag.format);
        if (bag.format.includes("int"))
            agg.isInt = true;
    }
    if (bag.mime)
        intersectMime(agg, bag.mime);
    for (const pattern of bag.patterns ?? [])
        addPattern(agg, pattern);
    return agg;
}
const formatMap = {
    guid: "uuid",
    url: "uri",
    datetime: "date-time",
    json_string: "json-string",
    regex: "", // do not set
};
// ==================== SIMPLE TYPE PROCESSORS ====================
// the runtime patterns are lax so parse paths never overflow the regex stack; the emitted schema swaps in the exact block forms, which zod itself never executes
const exactPatterns = new Map([
    [base64Charset, base64],
    [base64urlCharset, base64url],
]);
const exactPattern = (p) => exactPatterns.get(p) ?? p;
const stringProcessor = (schema, ctx, _json, _params) => {
    const json = _json;
    json.type = "string";
    const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minLength = minimum;
    if (typeof maximum === "number")
        json.maxLength = maximum;
    // custom pattern overrides format
    if (format) {
        json.format = formatMap[format] ?? format;
        if (json.format === "")
            delete json.format; // empty format is not valid
        // `z.iso.time()` is never full-time, and `laxFormat` carries the datetime shapes that also accept what their keyword forbids
        if (format === "time" || laxFormat) {
            delete json.format;
        }
    }
    if (contentEncoding)
        json.contentEncoding = contentEncoding;
    if (patterns && patterns.size > 0) {
        const patternList = [...patterns].map(exactPattern);
        if (patternList.length === 1)
            json.pattern = patternList[0].source;
        else if (patternList.length > 1) {
            json.allOf = [
                ...patternList.map((regex) => ({
                    ...(ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0"
                        ? { type: "string" }
                        : {}),
                    pattern: regex.source,
                })),
            ];
        }
    }
};
const numberProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
    json.type = isInt ? "integer" : "number";
    // when both minimum and exclusiveMinimum exist, pick the more restrictive one
    const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
    const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
    const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
    if (exMin) {
        if (legacy) {
            json.minimum = exclusiveMinimum;
            json.exclusiveMinimum = true;
        }
        else {
            json.exclusiveMinimum = exclusiveMinimum;
        }
    }
    else if (typeof minimum === "number") {
        json.minimum = minimum;
    }
    if (exMax) {
        if (legacy) {
            json.maximum = exclusiveMaximum;
            json.exclusiveMaximum = true;
        }
        else {
            json.exclusiveMaximum = exclusiveMaximum;
        }
    }
    else if (typeof maximum === "number") {
        json.maximum = maximum;
    }
    if (multipleOf) {
        // JSON Schema requires a divisor strictly greater than zero, and a non-finite one does not survive JSON at all. A negative divisor accepts exactly what its absolute value accepts, so it still maps; zero, NaN and Infinity have no keyword form.
        const divisors = new Set();
        for (const divisor of multipleOf) {
            if (Number.isFinite(divisor) && divisor !== 0)
                divisors.add(Math.abs(divisor));
            else
                handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
        }
        // chained divisors are a conjunction the keyword cannot carry alone, so extras ride an allOf, same as stacked patterns
        const [first, ...rest] = divisors;
        if (first !== undefined)
            json.multipleOf = first;
        if (rest.length)
            json.allOf = [...(json.allOf ?? []), ...rest.map((m) => ({ multipleOf: m }))];
    }
};
const booleanProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const bigintProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "BigInt cannot be represented in JSON Schema");
};
const symbolProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Symbols cannot be represented in JSON Schema");
};
const nullProcessor = (_schema, ctx, json, _params) => {
    if (ctx.target === "openapi-3.0") {
        json.type = "string";
        json.nullable = true;
        json.enum = [null];
    }
    else {
        json.type = "null";
    }
};
const undefinedProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Undefined cannot be represented in JSON Schema");
};
const voidProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Void cannot be represented in JSON Schema");
};
const neverProcessor = (_schema, _ctx, json, _params) => {
    json.not = {};
};
const anyProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const unknownProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const dateProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Date cannot be represented in JSON Schema");
};
const enumProcessor = (schema, _ctx, json, _params) => {
    const def = schema._zod.def;
    const values = (0,core_util/* getEnumValues */.w5)(def.entries);
    // an empty enum accepts nothing, same as z.never()
    if (values.length === 0) {
        json.not = {};
        return;
    }
    // Number enums can have both string and number values
    if (values.every((v) => typeof v === "number"))
        json.type = "number";
    if (values.every((v) => typeof v === "string"))
        json.type = "string";
    json.enum = values;
};
const literalProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // a literal with no values accepts nothing, same as z.never()
    if (def.values.length === 0) {
        json.not = {};
        return;
    }
    const vals = [];
    for (const val of def.values) {
        if (val === undefined) {
            // a custom schema replaces the whole literal, so there is nothing left to accumulate
            if (handleUnrepresentable(schema, ctx, json, params, "Literal `undefined` cannot be represented in JSON Schema"))
                return;
            // otherwise do not add to vals
        }
        else if (typeof val === "bigint") {
            if (handleUnrepresentable(schema, ctx, json, params, "BigInt literals cannot be represented in JSON Schema"))
                return;
            vals.push(Number(val));
        }
        else {
            vals.push(val);
        }
    }
    if (vals.length === 0) {
        // do nothing (an undefined literal was stripped)
    }
    else if (vals.length === 1) {
        const val = vals[0];
        json.type = val === null ? "null" : typeof val;
        if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
            json.enum = [val];
        }
        else {
            json.const = val;
        }
    }
    else {
        if (vals.every((v) => typeof v === "number"))
            json.type = "number";
        if (vals.every((v) => typeof v === "string"))
            json.type = "string";
        if (vals.every((v) => typeof v === "boolean"))
            json.type = "boolean";
        if (vals.every((v) => v === null))
            json.type = "null";
        json.enum = vals;
    }
};
const nanProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "NaN cannot be represented in JSON Schema");
};
const templateLiteralProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    const pattern = schema._zod.pattern;
    if (!pattern)
        throw new Error("Pattern not found in template literal");
    _json.type = "string";
    _json.pattern = pattern.source;
};
const fileProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    _json.type = "string";
    _json.format = "binary";
    _json.contentEncoding = "binary";
    const { minimum, maximum, mime } = aggregateChecks(schema);
    if (minimum !== undefined)
        _json.minLength = minimum;
    if (maximum !== undefined)
        _json.maxLength = maximum;
    if (!mime)
        return;
    // an empty intersection means the mime checks share no value, so nothing passes at runtime; `anyOf` must be non-empty, so the false schema is `not: {}`
    if (mime.length === 0)
        _json.not = {};
    else if (mime.length === 1)
        _json.contentMediaType = mime[0];
    // only contentMediaType differs, so the shared props stay at the root
    else
        _json.anyOf = mime.map((m) => ({ contentMediaType: m }));
};
const successProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const customProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
};
const functionProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Function types cannot be represented in JSON Schema");
};
const transformProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
};
const mapProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Map cannot be represented in JSON Schema");
};
const setProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Set cannot be represented in JSON Schema");
};
// ==================== COMPOSITE TYPE PROCESSORS ====================
const arrayProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
    json.type = "array";
    json.items = to_json_schema_processSchema(def.element, ctx, {
        ...params,
        path: [...params.path, "items"],
    });
};
// Transform and catch set `optin = "optional"` at runtime so the parser lets them observe an
// absent key, but their declared input type stays required. An input JSON Schema describes the
// declared type, so resolve past them to the schema that actually carries the optionality.
// Used by both `objectProcessor` (for `required`) and `tupleProcessor` (for `minItems`); see
// wiki/optionality.md, "The JSON Schema emitter reads the *static* value".
function inputOptin(schema) {
    const def = schema._zod.def;
    if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
        return inputOptin(def.out);
    }
    if (def.type === "catch") {
        return inputOptin(def.innerType);
    }
    return schema._zod.optin;
}
const objectProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const shape = def.shape;
    // dropping it while still emitting `additionalProperties: false` would emit a schema that rejects data this one requires
    const symbolKeys = Object.getOwnPropertySymbols(shape);
    if (symbolKeys.length &&
        handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
        return;
    }
    json.type = "object";
    json.properties = {};
    for (const key in shape) {
        // assignProp so a __proto__ key becomes an own property instead of hitting the inherited setter on the plain {} we build into
        (0,core_util/* assignProp */.Vy)(json.properties, key, to_json_schema_processSchema(shape[key], ctx, {
            ...params,
            path: [...params.path, "properties", key],
        }));
    }
    // required keys
    const requiredKeys = [];
    for (const key of Object.keys(shape)) {
        const field = def.shape[key];
        if (ctx.io === "input" ? inputOptin(field) === undefined : field._zod.optout === undefined) {
            requiredKeys.push(key);
        }
    }
    if (requiredKeys.length > 0) {
        json.required = requiredKeys;
    }
    // catchall
    if (def.catchall?._zod.def.type === "never") {
        // strict
        json.additionalProperties = false;
    }
    else if (!def.catchall) {
        // regular
        if (ctx.io === "output")
            json.additionalProperties = false;
    }
    else if (def.catchall) {
        json.additionalProperties = to_json_schema_processSchema(def.catchall, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
};
const unionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // Exclusive unions (inclusive === false) use oneOf (exactly one match) instead of anyOf (one or more matches). This includes both z.xor() and discriminated unions
    const isExclusive = def.inclusive === false;
    const options = def.options.map((x, i) => to_json_schema_processSchema(x, ctx, {
        ...params,
        path: [...params.path, isExclusive ? "oneOf" : "anyOf", i],
    }));
    if (isExclusive) {
        json.oneOf = options;
    }
    else {
        json.anyOf = options;
    }
};
const intersectionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const a = to_json_schema_processSchema(def.left, ctx, {
        ...params,
        path: [...params.path, "allOf", 0],
    });
    const b = to_json_schema_processSchema(def.right, ctx, {
        ...params,
        path: [...params.path, "allOf", 1],
    });
    const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
    const allOf = [
        ...(isSimpleIntersection(a) ? a.allOf : [a]),
        ...(isSimpleIntersection(b) ? b.allOf : [b]),
    ];
    json.allOf = allOf;
    // Recorded innermost first, so a nested intersection has already folded by the time this one is considered. The array is the handle rather than the schema, because a wrapper that inherits this schema shares the same array; `finalize` folds every object holding it. See `foldIntersection`.
    ctx.intersections.push(allOf);
};
const tupleProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "array";
    const prefixPath = ctx.target === "draft-2020-12" ? "prefixItems" : "items";
    const restPath = ctx.target === "draft-2020-12" ? "items" : ctx.target === "openapi-3.0" ? "items" : "additionalItems";
    const prefixItems = def.items.map((x, i) => to_json_schema_processSchema(x, ctx, {
        ...params,
        path: [...params.path, prefixPath, i],
    }));
    const rest = def.rest
        ? to_json_schema_processSchema(def.rest, ctx, {
            ...params,
            path: [...params.path, restPath, ...(ctx.target === "openapi-3.0" ? [def.items.length] : [])],
        })
        : null;
    let minItems = def.items.length;
    while (minItems > 0) {
        const item = def.items[minItems - 1];
        const optional = ctx.io === "input" ? inputOptin(item) !== undefined : item._zod.optout === "optional";
        if (!optional)
            break;
        minItems--;
    }
    const maxItems = def.items.length;
    const isClosed = !def.rest;
    if (ctx.target === "draft-2020-12") {
        json.prefixItems = prefixItems;
        if (isClosed) {
            json.items = false;
        }
        else if (rest) {
            json.items = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else if (ctx.target === "openapi-3.0") {
        json.items = {
            anyOf: prefixItems,
        };
        if (rest) {
            json.items.anyOf.push(rest);
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else {
        json.items = prefixItems;
        if (isClosed) {
            json.additionalItems = false;
        }
        else if (rest) {
            json.additionalItems = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    // explicit user-defined length checks take precedence
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
};
/** JSON object keys are always strings, so a numeric record key schema is re-expressed over the
 * numeric-string form the record parser matches. Deferred to `finalize`, after the flatten: a key
 * behind a wrapper only carries its own `type` before then, and a union key only has its branches.
 *
 * A numeric bound cannot apply to a property name, so `minimum` and its siblings are dropped rather
 * than carried over: keeping them beside `type: "string"` reproduces the match-nothing schema this
 * exists to fix. A key that carries one therefore emits wider than the record parses — `z.record(z.number().min(5), V)`
 * accepts `"3"` — which is the deliberate trade, since throwing on it would reject an ordinary schema
 * outright. */
function stringifyKeyNames(bySchema, json, visited) {
    // an extracted key that rewrites cannot go on sharing its definition — the string form a key position needs is not the number form every other reference wants — so it inlines. One that does not rewrite keeps the `$ref`.
    if (json.$ref) {
        // a recursive key holds its own reference inside its definition, so a node already on the path is left alone rather than resolved again
        if (visited.has(json))
            return json;
        visited.add(json);
        const def = bySchema.get(json)?.def;
        if (!def)
            return json;
        const inlined = stringifyKeyNames(bySchema, def, visited);
        return inlined === def ? json : inlined;
    }
    for (const keyword of ["anyOf", "oneOf"]) {
        const branches = json[keyword];
        if (!Array.isArray(branches))
            continue;
        const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
        // rebuilding regardless would detach a key that had nothing to re-express, dropping its `$ref` and leaking the internal `id`
        if (mapped.some((branch, i) => branch !== branches[i]))
            json = { ...json, [keyword]: mapped };
    }
    // a member that already admits a string leaves the key unconstrained, so the node's own type re-expresses only when every member is numeric
    const types = Array.isArray(json.type) ? json.type : [json.type];
    const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
    // a heterogeneous key carries no type at all, so its numeric members are caught here instead
    const values = json.enum ?? (json.const !== undefined ? [json.const] : undefined);
    if (!numericType && !values?.some((v) => typeof v === "number"))
        return json;
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json;
    if (rest.enum)
        rest.enum = rest.enum.map((v) => (typeof v === "number" ? String(v) : v));
    else if (typeof rest.const === "number")
        rest.const = String(rest.const);
    // a heterogeneous key keeps its absent type: the stringified members already say what a key may be
    if (!numericType)
        return rest;
    rest.type = "string";
    if (!values)
        rest.pattern = (types.includes("number") ? number : integer).source;
    return rest;
}
/** Every record of one conversion, so the carriers are found in a single pass rather than once per record. */
const pendingRecords = new WeakMap();
function rewriteKeyNames(ctx) {
    // an extracted key is resolved by the object `extractToDef` left in its place, so the map is built once rather than searched per reference. `_zod.toJSONSchema` can hand the same object to two schemas, so the first entry carrying a body wins, as a search would have found it.
    const bySchema = new Map();
    for (const entry of ctx.seen.values()) {
        if (entry.def && !bySchema.has(entry.schema))
            bySchema.set(entry.schema, entry);
    }
    const rewrites = new Map();
    for (const record of pendingRecords.get(ctx) ?? []) {
        const seen = ctx.seen.get(record);
        const names = (seen?.def ?? seen?.schema)?.propertyNames;
        if (!names || names === true || rewrites.has(names))
            continue;
        const rewritten = stringifyKeyNames(bySchema, names, new Set());
        if (rewritten !== names)
            rewrites.set(names, rewritten);
    }
    if (!rewrites.size)
        return;
    // the flatten has already copied each record's own properties onto every wrapper by reference, and an extracted body is another such copy, so every carrier holding a rewritten key is updated together
    for (const entry of ctx.seen.values()) {
        for (const carrier of [entry.schema, entry.def]) {
            const rewritten = carrier && rewrites.get(carrier.propertyNames);
            if (rewritten)
                carrier.propertyNames = rewritten;
        }
    }
}
const recordProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "object";
    // For looseRecord with regex patterns, use patternProperties. This correctly represents "only validate keys matching the pattern" semantics and composes well with allOf (intersections)
    const keyType = def.keyType;
    const patterns = aggregateChecks(keyType).patterns;
    if (def.mode === "loose" && patterns && patterns.size > 0) {
        // Use patternProperties for looseRecord with regex patterns
        const valueSchema = to_json_schema_processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "patternProperties", "*"],
        });
        json.patternProperties = {};
        for (const pattern of patterns) {
            (0,core_util/* assignProp */.Vy)(json.patternProperties, exactPattern(pattern).source, valueSchema);
        }
    }
    else {
        // Default behavior: use propertyNames + additionalProperties
        if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
            json.propertyNames = to_json_schema_processSchema(def.keyType, ctx, {
                ...params,
                path: [...params.path, "propertyNames"],
            });
            let pending = pendingRecords.get(ctx);
            if (!pending) {
                pending = [];
                pendingRecords.set(ctx, pending);
                ctx.deferred.push(() => rewriteKeyNames(ctx));
            }
            pending.push(schema);
        }
        json.additionalProperties = to_json_schema_processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
    // Add required for keys with discrete values (enum, literal, etc.)
    const keyValues = keyType._zod.values;
    // Every key shares one value schema, so an optional-in value makes the whole key set omittable on input. Output keeps them: the exhaustive branch assigns every key, even one whose value came back undefined.
    const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== undefined;
    if (keyValues && !def.partial && !omittableOnInput) {
        const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
        if (validKeyValues.length > 0) {
            json.required = validKeyValues.map(String);
        }
    }
};
const nullableProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const inner = to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    if (ctx.target === "openapi-3.0") {
        seen.ref = def.innerType;
        json.nullable = true;
    }
    else {
        json.anyOf = [inner, { type: "null" }];
    }
};
const nonoptionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
/** Round-trips a default value through JSON so the emitted schema is guaranteed to be valid JSON.
 * A BigInt has no reliable encoding, so it goes through `unrepresentable` like any other
 * unrepresentable value. Returns a sentinel when the caller must not write a default of its own. */
const UNREPRESENTABLE_DEFAULT = Symbol();
function serializeDefaultValue(value, schema, ctx, json, params) {
    let unrepresentable = false;
    const serialized = JSON.stringify(value, (_, val) => {
        if (typeof val !== "bigint")
            return val;
        unrepresentable = true;
        return null;
    });
    if (!unrepresentable)
        return JSON.parse(serialized);
    handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
    return UNREPRESENTABLE_DEFAULT;
}
const defaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json.default = value;
};
const prefaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    if (ctx.io !== "input")
        return;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json._prefault = value;
};
const catchProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    let catchValue;
    try {
        catchValue = def.catchValue(undefined);
    }
    catch {
        handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
        return;
    }
    json.default = catchValue;
};
const pipeProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    const inIsTransform = def.in._zod.traits.has("$ZodTransform");
    const innerType = ctx.io === "input" ? (inIsTransform ? def.out : def.in) : def.out;
    to_json_schema_processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
const readonlyProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    json.readOnly = true;
};
const promiseProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const optionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const lazyProcessor = (schema, ctx, _json, params) => {
    const innerType = schema._zod.innerType;
    to_json_schema_processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
// ==================== ALL PROCESSORS ====================
const allProcessors = {
    string: stringProcessor,
    number: numberProcessor,
    boolean: booleanProcessor,
    bigint: bigintProcessor,
    symbol: symbolProcessor,
    null: nullProcessor,
    undefined: undefinedProcessor,
    void: voidProcessor,
    never: neverProcessor,
    any: anyProcessor,
    unknown: unknownProcessor,
    date: dateProcessor,
    enum: enumProcessor,
    literal: literalProcessor,
    nan: nanProcessor,
    template_literal: templateLiteralProcessor,
    file: fileProcessor,
    success: successProcessor,
    custom: customProcessor,
    function: functionProcessor,
    transform: transformProcessor,
    map: mapProcessor,
    set: setProcessor,
    array: arrayProcessor,
    object: objectProcessor,
    union: unionProcessor,
    intersection: intersectionProcessor,
    tuple: tupleProcessor,
    record: recordProcessor,
    nullable: nullableProcessor,
    nonoptional: nonoptionalProcessor,
    default: defaultProcessor,
    prefault: prefaultProcessor,
    catch: catchProcessor,
    pipe: pipeProcessor,
    readonly: readonlyProcessor,
    promise: promiseProcessor,
    optional: optionalProcessor,
    lazy: lazyProcessor,
};
function toJSONSchema(input, params) {
    if ("_idmap" in input) {
        // Registry case
        const registry = input;
        const ctx = initializeContext({ ...params, processors: allProcessors });
        const defs = {};
        // First pass: process all schemas to build the seen map
        for (const entry of registry._idmap.entries()) {
            const [_, schema] = entry;
            processSchema(schema, ctx);
        }
        const schemas = {};
        const external = {
            registry,
            uri: params?.uri,
            defs,
        };
        // Update the context with external configuration
        ctx.external = external;
        // Second pass: emit each schema
        for (const entry of registry._idmap.entries()) {
            const [key, schema] = entry;
            extractDefs(ctx, schema);
            assignProp(schemas, key, finalize(ctx, schema));
        }
        if (Object.keys(defs).length > 0) {
            const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
            schemas.__shared = {
                [defsSegment]: defs,
            };
        }
        return { schemas };
    }
    // Single schema case
    const ctx = initializeContext({ ...params, processors: allProcessors });
    processSchema(input, ctx);
    extractDefs(ctx, input);
    return finalize(ctx, input);
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/locales/en.js

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = core_util/* parsedType */.GW(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${core_util/* stringifyPrimitive */.B7(issue.values[0])}`;
                return `Invalid option: expected one of ${core_util/* joinValues */.jw(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${core_util/* joinValues */.jw(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
/* harmony default export */ function en() {
    return {
        localeError: error(),
    };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var errors = __nccwpck_require__(7428);
;// CONCATENATED MODULE: ./node_modules/zod/v4/core/parse.js



// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new core_core/* $ZodAsyncError */.GT();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())));
            core_util/* captureStackTrace */.gx(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parse = /* @__PURE__*/ _parse(errors/* $ZodRealError */.Kd);
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())));
            core_util/* captureStackTrace */.gx(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parseAsync = /* @__PURE__*/ _parseAsync(errors/* $ZodRealError */.Kd);
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new core_core/* $ZodAsyncError */.GT();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParse = /* @__PURE__*/ _safeParse(errors/* $ZodRealError */.Kd);
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => core_util/* finalizeIssue */.iR(iss, ctx, core_core/* config */.$W())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParseAsync = /* @__PURE__*/ _safeParseAsync(errors/* $ZodRealError */.Kd);
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
const COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new core_core/* $ZodAsyncError */.GT();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const parse_validateAsync = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const encode = /* @__PURE__*/ _encode(errors/* $ZodRealError */.Kd);
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decode = /* @__PURE__*/ _decode(errors/* $ZodRealError */.Kd);
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const encodeAsync = /* @__PURE__*/ _encodeAsync(errors/* $ZodRealError */.Kd);
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decodeAsync = /* @__PURE__*/ _decodeAsync(errors/* $ZodRealError */.Kd);
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const safeEncode = /* @__PURE__*/ _safeEncode(errors/* $ZodRealError */.Kd);
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const safeDecode = /* @__PURE__*/ _safeDecode(errors/* $ZodRealError */.Kd);
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const safeEncodeAsync = /* @__PURE__*/ _safeEncodeAsync(errors/* $ZodRealError */.Kd);
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};
const safeDecodeAsync = /* @__PURE__*/ _safeDecodeAsync(errors/* $ZodRealError */.Kd);

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/errors.js
var classic_errors = __nccwpck_require__(961);
;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/parse.js


const classic_parse_parse = /* @__PURE__ */ _parse(classic_errors/* ZodRealError */.g);
const classic_parse_parseAsync = /* @__PURE__ */ _parseAsync(classic_errors/* ZodRealError */.g);
const parse_safeParse = /* @__PURE__ */ _safeParse(classic_errors/* ZodRealError */.g);
const parse_safeParseAsync = /* @__PURE__ */ _safeParseAsync(classic_errors/* ZodRealError */.g);

// Codec functions
const parse_encode = /* @__PURE__ */ _encode(classic_errors/* ZodRealError */.g);
const parse_decode = /* @__PURE__ */ _decode(classic_errors/* ZodRealError */.g);
const parse_encodeAsync = /* @__PURE__ */ _encodeAsync(classic_errors/* ZodRealError */.g);
const parse_decodeAsync = /* @__PURE__ */ _decodeAsync(classic_errors/* ZodRealError */.g);
const parse_safeEncode = /* @__PURE__ */ _safeEncode(classic_errors/* ZodRealError */.g);
const parse_safeDecode = /* @__PURE__ */ _safeDecode(classic_errors/* ZodRealError */.g);
const parse_safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(classic_errors/* ZodRealError */.g);
const parse_safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(classic_errors/* ZodRealError */.g);

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/schemas.js








// Register English as the default locale on first ZodType construction. Hooked into the `ZodType` `$constructor` (rather than a top-level `config(en())` in `external.ts`) so bundlers honoring `sideEffects: false` can't tree-shake it out — see #5953, #5725. An explicit `z.config(z.locales.xx())` call wins regardless of order, since this only sets the default when none is present.
function _ensureDefaultLocale() {
    if (!core_core/* globalConfig */.cr.localeError)
        core_core/* config */.$W(en());
}
// the default memoizer is read by the core container init, which runs before `ZodType.init`, so each container calls this first
function _ensureDefaultMemoizer() {
    if (!core_core/* globalConfig */.cr.memoizer)
        core_core/* config */.$W({ memoizer: memoizer() });
}
const ZodType = /*@__PURE__*/ core_core/* $constructor */.xI("ZodType", (inst, def) => {
    _ensureDefaultLocale();
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
    return inst;
}, {
    check(...chks) {
        const def = this.def;
        return this.clone(core_util/* mergeDefs */.zM(def, {
            checks: [
                ...(def.checks ?? []),
                ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }), { parent: true });
    },
    with(...chks) {
        return this.check(...chks);
    },
    clone(def, params) {
        return core_util/* clone */.o8(this, def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    refine(check, params) {
        return this.check(refine(check, params));
    },
    superRefine(refinement, params) {
        return this.check(superRefine(refinement, params));
    },
    overwrite(fn) {
        return this.check(_overwrite(fn));
    },
    optional() {
        return optional(this);
    },
    exactOptional() {
        return exactOptional(this);
    },
    nullable() {
        return nullable(this);
    },
    nullish() {
        return optional(nullable(this));
    },
    nonoptional(params) {
        return nonoptional(this, params);
    },
    array() {
        return array(this);
    },
    or(arg) {
        return union([this, arg]);
    },
    and(arg) {
        return intersection(this, arg);
    },
    transform(tx) {
        return pipe(this, transform(tx));
    },
    default(d) {
        return schemas_default(this, d);
    },
    prefault(d) {
        return prefault(this, d);
    },
    catch(params) {
        return schemas_catch(this, params);
    },
    pipe(target) {
        return pipe(this, target);
    },
    readonly() {
        return readonly(this);
    },
    describe(description) {
        const cl = this.clone();
        globalRegistry.add(cl, { description });
        return cl;
    },
    meta(...args) {
        // overloaded: meta() returns the registered metadata, meta(data) returns a clone with `data` registered. The mapped type picks up the second overload, so we accept variadic any-args and return `any` to satisfy both at runtime.
        if (args.length === 0)
            return globalRegistry.get(this);
        const cl = this.clone();
        globalRegistry.add(cl, args[0]);
        return cl;
    },
    isOptional() {
        return this.safeParse(undefined).success;
    },
    isNullable() {
        return this.safeParse(null).success;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
    // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
    get "~standard"() {
        return core_util/* hide */.jD(this, "~standard", {
            ...standardProps(this),
            jsonSchema: {
                input: createStandardJSONSchemaMethod(this, "input"),
                output: createStandardJSONSchemaMethod(this, "output"),
            },
        });
    },
    set "~standard"(value) {
        core_util/* own */.qh(this, "~standard", value);
    },
    parse: function _parse(data, params) {
        return classic_parse_parse(this, data, params, { callee: _parse });
    },
    parseAsync: async function _parseAsync(data, params) {
        return await classic_parse_parseAsync(this, data, params, { callee: _parseAsync });
    },
    safeParse(data, params) {
        return parse_safeParse(this, data, params);
    },
    async safeParseAsync(data, params) {
        return parse_safeParseAsync(this, data, params);
    },
    // `spa` is an alias: same function object as `safeParseAsync`, as before.
    get spa() {
        return this?.safeParseAsync;
    },
    set spa(value) {
        core_util/* own */.qh(this, "spa", value);
    },
    validate(data, params) {
        return validate(this, data, params);
    },
    validateAsync(data, params) {
        return parse_validateAsync(this, data, params);
    },
    encode: function _encode(data, params) {
        return parse_encode(this, data, params, { callee: _encode });
    },
    decode: function _decode(data, params) {
        return parse_decode(this, data, params, { callee: _decode });
    },
    encodeAsync: async function _encodeAsync(data, params) {
        return await parse_encodeAsync(this, data, params, { callee: _encodeAsync });
    },
    decodeAsync: async function _decodeAsync(data, params) {
        return await parse_decodeAsync(this, data, params, { callee: _decodeAsync });
    },
    safeEncode(data, params) {
        return parse_safeEncode(this, data, params);
    },
    safeDecode(data, params) {
        return parse_safeDecode(this, data, params);
    },
    async safeEncodeAsync(data, params) {
        return parse_safeEncodeAsync(this, data, params);
    },
    async safeDecodeAsync(data, params) {
        return parse_safeDecodeAsync(this, data, params);
    },
    toJSONSchema(params) {
        return createToJSONSchemaMethod(this, {})(params);
    },
    // Reads through to the registry on every access, so it must not cache.
    get description() {
        return globalRegistry.get(this)?.description;
    },
    // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
    get _def() {
        return this._zod.def;
    },
});
/** @internal */
const _ZodString = /*@__PURE__*/ core_core/* $constructor */.xI("_ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json, params);
}, 
/*@__PURE__*/ core_util/* derived */.un({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null,
}, {
    regex(...args) {
        return this.check(_regex(...args));
    },
    includes(...args) {
        return this.check(_includes(...args));
    },
    startsWith(...args) {
        return this.check(_startsWith(...args));
    },
    endsWith(...args) {
        return this.check(_endsWith(...args));
    },
    min(...args) {
        return this.check(_minLength(...args));
    },
    max(...args) {
        return this.check(_maxLength(...args));
    },
    length(...args) {
        return this.check(_length(...args));
    },
    nonempty(...args) {
        return this.check(_minLength(1, ...args));
    },
    lowercase(params) {
        return this.check(_lowercase(params));
    },
    uppercase(params) {
        return this.check(_uppercase(params));
    },
    trim() {
        return this.check(_trim());
    },
    normalize(...args) {
        return this.check(_normalize(...args));
    },
    toLowerCase() {
        return this.check(_toLowerCase());
    },
    toUpperCase() {
        return this.check(_toUpperCase());
    },
    slugify() {
        return this.check(_slugify());
    },
}));
const ZodString = /*@__PURE__*/ core_core/* $constructor */.xI("ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    _ZodString.init(inst, def);
}, {
    email(params) {
        return this.check(_email(ZodEmail, params));
    },
    url(params) {
        return this.check(_url(ZodURL, params));
    },
    jwt(params) {
        return this.check(_jwt(ZodJWT, params));
    },
    emoji(params) {
        return this.check(api_emoji(ZodEmoji, params));
    },
    guid(params) {
        return this.check(_guid(ZodGUID, params));
    },
    uuid(params) {
        return this.check(_uuid(ZodUUID, params));
    },
    uuidv4(params) {
        return this.check(_uuidv4(ZodUUID, params));
    },
    uuidv6(params) {
        return this.check(_uuidv6(ZodUUID, params));
    },
    uuidv7(params) {
        return this.check(_uuidv7(ZodUUID, params));
    },
    nanoid(params) {
        return this.check(_nanoid(ZodNanoID, params));
    },
    cuid(params) {
        return this.check(_cuid(ZodCUID, params));
    },
    cuid2(params) {
        return this.check(_cuid2(ZodCUID2, params));
    },
    ulid(params) {
        return this.check(_ulid(ZodULID, params));
    },
    base64(params) {
        return this.check(_base64(ZodBase64, params));
    },
    base64url(params) {
        return this.check(_base64url(ZodBase64URL, params));
    },
    xid(params) {
        return this.check(_xid(ZodXID, params));
    },
    ksuid(params) {
        return this.check(_ksuid(ZodKSUID, params));
    },
    ipv4(params) {
        return this.check(_ipv4(ZodIPv4, params));
    },
    ipv6(params) {
        return this.check(_ipv6(ZodIPv6, params));
    },
    cidrv4(params) {
        return this.check(_cidrv4(ZodCIDRv4, params));
    },
    cidrv6(params) {
        return this.check(_cidrv6(ZodCIDRv6, params));
    },
    e164(params) {
        return this.check(_e164(ZodE164, params));
    },
    datetime(params) {
        return this.check(_isoDateTime(ZodISODateTime, params));
    },
    date(params) {
        return this.check(_isoDate(ZodISODate, params));
    },
    time(params) {
        return this.check(_isoTime(ZodISOTime, params));
    },
    duration(params) {
        return this.check(_isoDuration(ZodISODuration, params));
    },
});
function schemas_string(params) {
    return _string(ZodString, params);
}
const ZodStringFormat = /*@__PURE__*/ core_core/* $constructor */.xI("ZodStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    _ZodString.init(inst, def);
});
const ZodISODateTime = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISODateTime", (inst, def) => {
    $ZodISODateTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODate = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISODate", (inst, def) => {
    $ZodISODate.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISOTime = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISOTime", (inst, def) => {
    $ZodISOTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODuration = /*@__PURE__*/ core_core/* $constructor */.xI("ZodISODuration", (inst, def) => {
    $ZodISODuration.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmail = /*@__PURE__*/ core_core/* $constructor */.xI("ZodEmail", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmail.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_email(params) {
    return core._email(ZodEmail, params);
}
const ZodGUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodGUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodGUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_guid(params) {
    return core._guid(ZodGUID, params);
}
const ZodUUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodUUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodUUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_uuid(params) {
    return core._uuid(ZodUUID, params);
}
function uuidv4(params) {
    return core._uuidv4(ZodUUID, params);
}
// ZodUUIDv6
function uuidv6(params) {
    return core._uuidv6(ZodUUID, params);
}
// ZodUUIDv7
function uuidv7(params) {
    return core._uuidv7(ZodUUID, params);
}
const ZodURL = /*@__PURE__*/ core_core/* $constructor */.xI("ZodURL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodURL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function url(params) {
    return core._url(ZodURL, params);
}
function httpUrl(params) {
    return core._url(ZodURL, {
        protocol: regexes.httpProtocol,
        hostname: regexes.domain,
        ...util.normalizeParams(params),
    });
}
const ZodEmoji = /*@__PURE__*/ core_core/* $constructor */.xI("ZodEmoji", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmoji.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_emoji(params) {
    return core._emoji(ZodEmoji, params);
}
const ZodNanoID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNanoID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodNanoID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_nanoid(params) {
    return core._nanoid(ZodNanoID, params);
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodCUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
/**
 * Validates a CUID v1 string.
 *
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2 | `z.cuid2()`} instead.
 * See https://github.com/paralleldrive/cuid.
 */
function schemas_cuid(params) {
    return core._cuid(ZodCUID, params);
}
const ZodCUID2 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCUID2", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID2.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cuid2(params) {
    return core._cuid2(ZodCUID2, params);
}
const ZodULID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodULID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodULID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ulid(params) {
    return core._ulid(ZodULID, params);
}
const ZodXID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodXID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodXID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_xid(params) {
    return core._xid(ZodXID, params);
}
const ZodKSUID = /*@__PURE__*/ core_core/* $constructor */.xI("ZodKSUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodKSUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ksuid(params) {
    return core._ksuid(ZodKSUID, params);
}
const ZodIPv4 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodIPv4", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ipv4(params) {
    return core._ipv4(ZodIPv4, params);
}
const ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMAC", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    core.$ZodMAC.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_mac(params) {
    return core._mac(ZodMAC, params);
}
const ZodIPv6 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodIPv6", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ipv6(params) {
    return core._ipv6(ZodIPv6, params);
}
const ZodCIDRv4 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCIDRv4", (inst, def) => {
    $ZodCIDRv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cidrv4(params) {
    return core._cidrv4(ZodCIDRv4, params);
}
const ZodCIDRv6 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCIDRv6", (inst, def) => {
    $ZodCIDRv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cidrv6(params) {
    return core._cidrv6(ZodCIDRv6, params);
}
const ZodBase64 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodBase64", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_base64(params) {
    return core._base64(ZodBase64, params);
}
const ZodBase64URL = /*@__PURE__*/ core_core/* $constructor */.xI("ZodBase64URL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64URL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_base64url(params) {
    return core._base64url(ZodBase64URL, params);
}
const ZodE164 = /*@__PURE__*/ core_core/* $constructor */.xI("ZodE164", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodE164.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_e164(params) {
    return core._e164(ZodE164, params);
}
const ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCreditCard", (inst, def) => {
    core.$ZodCreditCard.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_creditCard(params) {
    return core._creditCard(ZodCreditCard, params);
}
const ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodIBAN", (inst, def) => {
    core.$ZodIBAN.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_iban(params) {
    return core._iban(ZodIBAN, params);
}
const ZodJWT = /*@__PURE__*/ core_core/* $constructor */.xI("ZodJWT", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodJWT.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function jwt(params) {
    return core._jwt(ZodJWT, params);
}
const ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCustomStringFormat", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    core.$ZodCustomStringFormat.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function stringFormat(format, fnOrRegex, _params = {}) {
    return core._stringFormat(ZodCustomStringFormat, format, fnOrRegex, _params);
}
function schemas_hostname(_params) {
    return core._stringFormat(ZodCustomStringFormat, "hostname", regexes.hostname, _params);
}
function schemas_hex(_params) {
    return core._stringFormat(ZodCustomStringFormat, "hex", regexes.hex, _params);
}
function schemas_currencyCode(_params) {
    return core._stringFormat(ZodCustomStringFormat, "currency_code", regexes.currencyCode, _params);
}
function hash(alg, params) {
    const enc = params?.enc ?? "hex";
    const format = `${alg}_${enc}`;
    const regex = core.regexes[format];
    if (!regex)
        throw new Error(`Unrecognized hash format: ${format}`);
    return core._stringFormat(ZodCustomStringFormat, format, regex, params);
}
const ZodNumber = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
    inst.isFinite = true;
}, 
/*@__PURE__*/ core_util/* derived */.un({
    minValue: (inst) => {
        const { minimum, exclusiveMinimum } = aggregateChecks(inst);
        return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
        const { maximum, exclusiveMaximum } = aggregateChecks(inst);
        return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
        const { isInt, multipleOf } = aggregateChecks(inst);
        return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    int(params) {
        return this.check(schemas_int(params));
    },
    safe(params) {
        return this.check(schemas_int(params));
    },
    positive(params) {
        return this.check(_gt(0, params));
    },
    nonnegative(params) {
        return this.check(_gte(0, params));
    },
    negative(params) {
        return this.check(_lt(0, params));
    },
    nonpositive(params) {
        return this.check(_lte(0, params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
    step(value, params) {
        return this.check(_multipleOf(value, params));
    },
    finite() {
        return this;
    },
}));
function schemas_number(params) {
    return _number(ZodNumber, params);
}
const ZodNumberFormat = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNumberFormat", (inst, def) => {
    $ZodNumberFormat.init(inst, def);
    ZodNumber.init(inst, def);
});
function schemas_int(params) {
    return _int(ZodNumberFormat, params);
}
function float32(params) {
    return core._float32(ZodNumberFormat, params);
}
function float64(params) {
    return core._float64(ZodNumberFormat, params);
}
function int32(params) {
    return core._int32(ZodNumberFormat, params);
}
function uint32(params) {
    return core._uint32(ZodNumberFormat, params);
}
const ZodBoolean = /*@__PURE__*/ core_core/* $constructor */.xI("ZodBoolean", (inst, def) => {
    $ZodBoolean.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => booleanProcessor(inst, ctx, json, params);
});
function schemas_boolean(params) {
    return _boolean(ZodBoolean, params);
}
const ZodBigInt = /*@__PURE__*/ core_core/* $constructor */.xI("ZodBigInt", (inst, def) => {
    $ZodBigInt.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => bigintProcessor(inst, ctx, json, params);
}, 
/*@__PURE__*/ core_util/* derived */.un({
    minValue: (inst) => aggregateChecks(inst).minimum ?? null,
    maxValue: (inst) => aggregateChecks(inst).maximum ?? null,
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    positive(params) {
        return this.check(_gt(BigInt(0), params));
    },
    negative(params) {
        return this.check(_lt(BigInt(0), params));
    },
    nonpositive(params) {
        return this.check(_lte(BigInt(0), params));
    },
    nonnegative(params) {
        return this.check(_gte(BigInt(0), params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
}));
function schemas_bigint(params) {
    return core._bigint(ZodBigInt, params);
}
const ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodBigIntFormat", (inst, def) => {
    core.$ZodBigIntFormat.init(inst, def);
    ZodBigInt.init(inst, def);
})));
function int64(params) {
    return core._int64(ZodBigIntFormat, params);
}
function uint64(params) {
    return core._uint64(ZodBigIntFormat, params);
}
const ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSymbol", (inst, def) => {
    core.$ZodSymbol.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.symbolProcessor(inst, ctx, json, params);
})));
function symbol(params) {
    return core._symbol(ZodSymbol, params);
}
const ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodUndefined", (inst, def) => {
    core.$ZodUndefined.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.undefinedProcessor(inst, ctx, json, params);
})));
function schemas_undefined(params) {
    return core._undefined(ZodUndefined, params);
}

const ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodNull", (inst, def) => {
    core.$ZodNull.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.nullProcessor(inst, ctx, json, params);
})));
function schemas_null(params) {
    return core._null(ZodNull, params);
}

const ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodAny", (inst, def) => {
    core.$ZodAny.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.anyProcessor(inst, ctx, json, params);
})));
function any() {
    return core._any(ZodAny);
}
const ZodUnknown = /*@__PURE__*/ core_core/* $constructor */.xI("ZodUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor(inst, ctx, json, params);
});
function unknown() {
    return _unknown(ZodUnknown);
}
const ZodNever = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json, params);
});
function never(params) {
    return _never(ZodNever, params);
}
const ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodVoid", (inst, def) => {
    core.$ZodVoid.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.voidProcessor(inst, ctx, json, params);
})));
function schemas_void(params) {
    return core._void(ZodVoid, params);
}

const ZodDate = /*@__PURE__*/ core_core/* $constructor */.xI("ZodDate", (inst, def) => {
    $ZodDate.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => dateProcessor(inst, ctx, json, params);
    inst.min = (value, params) => inst.check(_gte(value, params));
    inst.max = (value, params) => inst.check(_lte(value, params));
}, 
/*@__PURE__*/ core_util/* derived */.un({
    minDate: (inst) => {
        const { minimum } = aggregateChecks(inst);
        return minimum ? new Date(minimum) : null;
    },
    maxDate: (inst) => {
        const { maximum } = aggregateChecks(inst);
        return maximum ? new Date(maximum) : null;
    },
}, {}));
function schemas_date(params) {
    return core._date(ZodDate, params);
}
const ZodArray = /*@__PURE__*/ core_core/* $constructor */.xI("ZodArray", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodArray.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
    inst.element = def.element;
}, {
    min(n, params) {
        return this.check(_minLength(n, params));
    },
    nonempty(params) {
        return this.check(_minLength(1, params));
    },
    max(n, params) {
        return this.check(_maxLength(n, params));
    },
    length(n, params) {
        return this.check(_length(n, params));
    },
    unwrap() {
        return this.element;
    },
});
function array(element, params) {
    return _array(ZodArray, element, params);
}
// .keyof
function keyof(schema) {
    const shape = schema._zod.def.shape;
    return schemas_enum(Object.keys(shape));
}
const ZodObject = /*@__PURE__*/ core_core/* $constructor */.xI("ZodObject", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodObjectJIT.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
    core_util/* installLazyProp */.X(inst, "shape", (self) => self._zod.def.shape, false);
}, {
    keyof() {
        return schemas_enum(Object.keys(this._zod.def.shape));
    },
    catchall(catchall) {
        // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: catchall }));
    },
    passthrough() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: unknown() }));
    },
    loose() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: unknown() }));
    },
    strict() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: never() }));
    },
    strip() {
        return this.clone(core_util/* mergeDefs */.zM(this._zod.def, { catchall: undefined }));
    },
    extend(incoming) {
        return core_util/* extend */.X$(this, incoming);
    },
    safeExtend(incoming) {
        return core_util/* safeExtend */.W0(this, incoming);
    },
    merge(other) {
        return core_util/* merge */.h1(this, other);
    },
    pick(mask) {
        return core_util/* pick */.Up(this, mask);
    },
    omit(mask) {
        return core_util/* omit */.cJ(this, mask);
    },
    partial(...args) {
        return core_util/* partial */.OH(ZodOptional, this, args[0]);
    },
    exactPartial(...args) {
        return core_util/* partial */.OH(ZodExactOptional, this, args[0], "exactPartial");
    },
    required(...args) {
        return core_util/* required */.mw(ZodNonOptional, this, args[0]);
    },
});
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...core_util/* normalizeParams */.A2(params),
    };
    return new ZodObject(def);
}
// strictObject
function strictObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: never(),
        ...core_util/* normalizeParams */.A2(params),
    });
}
// looseObject
function looseObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: unknown(),
        ...util.normalizeParams(params),
    });
}
const ZodUnion = /*@__PURE__*/ core_core/* $constructor */.xI("ZodUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
});
function union(options, params) {
    return new ZodUnion({
        type: "union",
        options: options,
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodXor", (inst, def) => {
    ZodUnion.init(inst, def);
    core.$ZodXor.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
})));
/** Creates an exclusive union (XOR) where exactly one option must match.
 * Unlike regular unions that succeed when any option matches, xor fails if
 * zero or more than one option matches the input. */
function xor(options, params) {
    return new ZodXor({
        type: "union",
        options: options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
const ZodDiscriminatedUnion = /*@__PURE__*/ core_core/* $constructor */.xI("ZodDiscriminatedUnion", (inst, def) => {
    ZodUnion.init(inst, def);
    $ZodDiscriminatedUnion.init(inst, def);
});
function discriminatedUnion(discriminator, options, params) {
    // const [options, params] = args;
    return new ZodDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodIntersection = /*@__PURE__*/ core_core/* $constructor */.xI("ZodIntersection", (inst, def) => {
    $ZodIntersection.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
});
function intersection(left, right) {
    return new ZodIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodTuple = /*@__PURE__*/ core_core/* $constructor */.xI("ZodTuple", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTuple.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => tupleProcessor(inst, ctx, json, params);
}, {
    rest(rest) {
        return this.clone({
            ...this._zod.def,
            rest: rest,
        });
    },
    partial() {
        const def = this._zod.def;
        // a refinement was authored against the full arity; partialing would run it on a shorter array
        if (def.checks?.length)
            throw new Error(".partial() cannot be used on tuple schemas containing refinements");
        return this.clone({
            ...def,
            items: def.items.map((item) => new ZodOptional({ type: "optional", innerType: item })),
        });
    },
});
function tuple(items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof $ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new ZodTuple({
        type: "tuple",
        items: items,
        rest,
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodRecord = /*@__PURE__*/ core_core/* $constructor */.xI("ZodRecord", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodRecord.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => recordProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
});
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodRecord({
            type: "record",
            keyType: schemas_string(),
            valueType: keyType,
            ...core_util/* normalizeParams */.A2(valueType),
        });
    }
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...core_util/* normalizeParams */.A2(params),
    });
}
// type alksjf = core.output<core.$ZodRecordKey>;
function partialRecord(keyType, valueType, params) {
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...core_util/* normalizeParams */.A2(params),
        partial: true,
    });
}
function looseRecord(keyType, valueType, params) {
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        mode: "loose",
        ...util.normalizeParams(params),
    });
}
const ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMap", (inst, def) => {
    _ensureDefaultMemoizer();
    core.$ZodMap.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.mapProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
    inst.min = (...args) => inst.check(core._minSize(...args));
    inst.nonempty = (params) => inst.check(core._minSize(1, params));
    inst.max = (...args) => inst.check(core._maxSize(...args));
    inst.size = (...args) => inst.check(core._size(...args));
})));
function map(keyType, valueType, params) {
    return new ZodMap({
        type: "map",
        keyType: keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSet", (inst, def) => {
    _ensureDefaultMemoizer();
    core.$ZodSet.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.setProcessor(inst, ctx, json, params);
    inst.min = (...args) => inst.check(core._minSize(...args));
    inst.nonempty = (params) => inst.check(core._minSize(1, params));
    inst.max = (...args) => inst.check(core._maxSize(...args));
    inst.size = (...args) => inst.check(core._size(...args));
})));
function set(valueType, params) {
    return new ZodSet({
        type: "set",
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodEnum = /*@__PURE__*/ core_core/* $constructor */.xI("ZodEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json, params);
    inst.enum = def.entries;
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
    const keys = new Set(Object.keys(def.entries));
    inst.extract = (values, params) => {
        const newEntries = {};
        for (const value of values) {
            if (keys.has(value)) {
                newEntries[value] = def.entries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...core_util/* normalizeParams */.A2(params),
            entries: newEntries,
        });
    };
    inst.exclude = (values, params) => {
        const newEntries = { ...def.entries };
        for (const value of values) {
            if (keys.has(value)) {
                delete newEntries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...core_util/* normalizeParams */.A2(params),
            entries: newEntries,
        });
    };
});
function schemas_enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodEnum({
        type: "enum",
        entries,
        ...core_util/* normalizeParams */.A2(params),
    });
}

/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function nativeEnum(entries, params) {
    return new ZodEnum({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
const ZodLiteral = /*@__PURE__*/ core_core/* $constructor */.xI("ZodLiteral", (inst, def) => {
    $ZodLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => literalProcessor(inst, ctx, json, params);
    inst.values = new Set(def.values);
    Object.defineProperty(inst, "value", {
        get() {
            if (def.values.length > 1) {
                throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
            }
            return def.values[0];
        },
    });
});
function literal(value, params) {
    return new ZodLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodFile", (inst, def) => {
    core.$ZodFile.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.fileProcessor(inst, ctx, json, params);
    inst.min = (size, params) => inst.check(core._minSize(size, params));
    inst.max = (size, params) => inst.check(core._maxSize(size, params));
    inst.mime = (types, params) => inst.check(core._mime(Array.isArray(types) ? types : [types], params));
})));
function file(params) {
    return core._file(ZodFile, params);
}
const ZodTransform = /*@__PURE__*/ core_core/* $constructor */.xI("ZodTransform", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTransform.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
    inst._zod.parse = (payload, _ctx) => {
        if (_ctx.direction === "backward") {
            throw new core_core/* $ZodEncodeError */.cV(inst.constructor.name);
        }
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(core_util/* issue */.sn(issue, payload.value, def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = inst);
                // _issue.continue ??= true;
                payload.issues.push(core_util/* issue */.sn(_issue));
            }
        };
        const output = def.transform(payload.value, payload);
        if (output instanceof Promise) {
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        payload.value = output;
        return payload;
    };
});
function transform(fn) {
    return new ZodTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodOptional = /*@__PURE__*/ core_core/* $constructor */.xI("ZodOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
    return new ZodOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodExactOptional = /*@__PURE__*/ core_core/* $constructor */.xI("ZodExactOptional", (inst, def) => {
    $ZodExactOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
    return new ZodExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodNullable = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
    return new ZodNullable({
        type: "nullable",
        innerType: innerType,
    });
}
// nullish
function nullish(innerType) {
    return optional(nullable(innerType));
}
const ZodDefault = /*@__PURE__*/ core_core/* $constructor */.xI("ZodDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeDefault = inst.unwrap;
});
function schemas_default(innerType, defaultValue) {
    return new ZodDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : core_util/* shallowClone */.yG(defaultValue);
        },
    });
}
const ZodPrefault = /*@__PURE__*/ core_core/* $constructor */.xI("ZodPrefault", (inst, def) => {
    $ZodPrefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
    return new ZodPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : core_util/* shallowClone */.yG(defaultValue);
        },
    });
}
const ZodNonOptional = /*@__PURE__*/ core_core/* $constructor */.xI("ZodNonOptional", (inst, def) => {
    $ZodNonOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
    return new ZodNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...core_util/* normalizeParams */.A2(params),
    });
}
const ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSuccess", (inst, def) => {
    core.$ZodSuccess.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.successProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
})));
function success(innerType) {
    return new ZodSuccess({
        type: "success",
        innerType: innerType,
    });
}
const ZodCatch = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCatch", (inst, def) => {
    $ZodCatch.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeCatch = inst.unwrap;
});
function schemas_catch(innerType, catchValue) {
    return new ZodCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : core_util/* constantCatch */.SS(catchValue)),
    });
}

const ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodNaN", (inst, def) => {
    core.$ZodNaN.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.nanProcessor(inst, ctx, json, params);
})));
function nan(params) {
    return core._nan(ZodNaN, params);
}
const ZodPipe = /*@__PURE__*/ core_core/* $constructor */.xI("ZodPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
    inst.in = def.in;
    inst.out = def.out;
});
function pipe(in_, out) {
    return new ZodPipe({
        type: "pipe",
        in: in_,
        out: out,
        // ...util.normalizeParams(params),
    });
}
const ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCodec", (inst, def) => {
    ZodPipe.init(inst, def);
    core.$ZodCodec.init(inst, def);
})));
function codec(in_, out, params) {
    return new ZodCodec({
        type: "pipe",
        in: in_,
        out: out,
        transform: params.decode,
        reverseTransform: params.encode,
    });
}
function invertCodec(codec) {
    const def = codec._zod.def;
    return new ZodCodec({
        type: "pipe",
        in: def.out,
        out: def.in,
        transform: def.reverseTransform,
        reverseTransform: def.transform,
    });
}
const ZodPreprocess = /*@__PURE__*/ core_core/* $constructor */.xI("ZodPreprocess", (inst, def) => {
    ZodPipe.init(inst, def);
    $ZodPreprocess.init(inst, def);
});
const ZodReadonly = /*@__PURE__*/ core_core/* $constructor */.xI("ZodReadonly", (inst, def) => {
    $ZodReadonly.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
    return new ZodReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodTemplateLiteral", (inst, def) => {
    core.$ZodTemplateLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.templateLiteralProcessor(inst, ctx, json, params);
})));
function templateLiteral(parts, params) {
    return new ZodTemplateLiteral({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
const ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodLazy", (inst, def) => {
    core.$ZodLazy.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.lazyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.getter();
})));
function lazy(getter) {
    return new ZodLazy({
        type: "lazy",
        getter: getter,
    });
}
const ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodPromise", (inst, def) => {
    core.$ZodPromise.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.promiseProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
})));
function promise(innerType) {
    return new ZodPromise({
        type: "promise",
        innerType: innerType,
    });
}
const ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodFunction", (inst, def) => {
    core.$ZodFunction.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.functionProcessor(inst, ctx, json, params);
})));
function _function(params) {
    return new ZodFunction({
        type: "function",
        input: Array.isArray(params?.input) ? tuple(params?.input) : (params?.input ?? array(unknown())),
        output: params?.output ?? unknown(),
    });
}

const ZodCustom = /*@__PURE__*/ core_core/* $constructor */.xI("ZodCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
});
// custom checks
function check(fn) {
    const ch = new core.$ZodCheck({
        check: "custom",
        // ...util.normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
function custom(fn, _params) {
    return core._custom(ZodCustom, fn ?? (() => true), _params);
}
function refine(fn, _params = {}) {
    return _refine(ZodCustom, fn, _params);
}
// superRefine
function superRefine(fn, params) {
    return _superRefine(fn, params);
}
// Re-export describe and meta from core
const schemas_describe = describe;
const schemas_meta = meta;
const ZodInstanceOf = /*@__PURE__*/ core_core/* $constructor */.xI("ZodInstanceOf", (inst, def) => {
    ZodCustom.init(inst, def);
}, {
    properties(shape, params) {
        // asserts in place, so the narrowed output type is truthful without a wrapper
        return this.check(_properties(shape, params));
    },
});
function _instanceof(cls, params = {}) {
    const inst = new ZodInstanceOf({
        type: "custom",
        check: "custom",
        fn: (data) => data instanceof cls,
        abort: true,
        ...util.normalizeParams(params),
    });
    inst._zod.bag.Class = cls;
    // Override check to emit invalid_type instead of custom
    inst._zod.check = (payload) => {
        if (!(payload.value instanceof cls)) {
            payload.issues.push({
                code: "invalid_type",
                expected: cls.name,
                input: payload.value,
                inst,
                path: [...(inst._zod.def.path ?? [])],
            });
        }
    };
    return inst;
}

// stringbool
const stringbool = (...args) => core._stringbool({
    Codec: ZodCodec,
    Boolean: ZodBoolean,
    String: ZodString,
}, ...args);
function json(params) {
    const jsonSchema = lazy(() => {
        return union([schemas_string(params), schemas_number(), schemas_boolean(), schemas_null(), array(jsonSchema), record(schemas_string(), jsonSchema)]);
    });
    return jsonSchema;
}
// preprocess
function preprocess(fn, schema) {
    return new ZodPreprocess({
        type: "pipe",
        in: transform(fn),
        out: schema,
    });
}


/***/ }),

/***/ 8532:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $W: () => (/* binding */ config),
/* harmony export */   GT: () => (/* binding */ $ZodAsyncError),
/* harmony export */   cV: () => (/* binding */ $ZodEncodeError),
/* harmony export */   cr: () => (/* binding */ globalConfig),
/* harmony export */   tm: () => (/* binding */ NEVER),
/* harmony export */   xI: () => (/* binding */ $constructor)
/* harmony export */ });
/* unused harmony export $brand */
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4723);
var _a;

/** A special constant with type `never` */
const NEVER = /*@__PURE__*/ Object.freeze({
    status: "aborted",
});
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .members */ .ol)(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
//////////////////////////////   UTILITIES   ///////////////////////////////////////
const $brand = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("zod_brand")));
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(globalConfig, newConfig);
    return globalConfig;
}


/***/ }),

/***/ 7428:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JM: () => (/* binding */ flattenError),
/* harmony export */   Kd: () => (/* binding */ $ZodRealError),
/* harmony export */   Wk: () => (/* binding */ formatError),
/* harmony export */   a$: () => (/* binding */ $ZodError)
/* harmony export */ });
/* unused harmony exports treeifyError, toDotPath, prettifyError */
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8532);
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4723);


/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, _util_js__WEBPACK_IMPORTED_MODULE_0__/* .jsonStringifyReplacer */ .k8, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = (0,_core_js__WEBPACK_IMPORTED_MODULE_1__/* .$constructor */ .xI)("$ZodError", initializer);
const $ZodRealError = (0,_core_js__WEBPACK_IMPORTED_MODULE_1__/* .$constructor */ .xI)("$ZodError", initializer, undefined, {
    Parent: Error,
});
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}
function treeifyError(error, mapper = (issue) => issue.message) {
    const result = { errors: [] };
    const processError = (error, path = []) => {
        var _a;
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                // regular union error
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    result.errors.push(mapper(issue));
                    continue;
                }
                let curr = result;
                let i = 0;
                while (i < fullpath.length) {
                    const el = fullpath[i];
                    const terminal = i === fullpath.length - 1;
                    if (typeof el === "string") {
                        curr.properties ?? (curr.properties = {});
                        // el may collide with an inherited property name ("__proto__",
                        // "constructor", ...); ??= reads the prototype so the node is never
                        // created and curr.errors.push throws. Guard with hasOwnProperty and
                        // create the node with defineProperty so "__proto__" becomes a real
                        // own key rather than invoking the prototype setter.
                        if (!Object.prototype.hasOwnProperty.call(curr.properties, el)) {
                            Object.defineProperty(curr.properties, el, {
                                value: { errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        curr = curr.properties[el];
                    }
                    else {
                        curr.items ?? (curr.items = []);
                        (_a = curr.items)[el] ?? (_a[el] = { errors: [] });
                        curr = curr.items[el];
                    }
                    if (terminal) {
                        curr.errors.push(mapper(issue));
                    }
                    i++;
                }
            }
        }
    };
    processError(error);
    return result;
}
/** Format a ZodError as a human-readable string in the following form.
 *
 * From
 *
 * ```ts
 * ZodError {
 *   issues: [
 *     {
 *       expected: 'string',
 *       code: 'invalid_type',
 *       path: [ 'username' ],
 *       message: 'Invalid input: expected string'
 *     },
 *     {
 *       expected: 'number',
 *       code: 'invalid_type',
 *       path: [ 'favoriteNumbers', 1 ],
 *       message: 'Invalid input: expected number'
 *     }
 *   ];
 * }
 * ```
 *
 * to
 *
 * ```
 * username
 *   ✖ Expected number, received string at "username
 * favoriteNumbers[0]
 *   ✖ Invalid input: expected number
 * ```
 */
function toDotPath(_path) {
    const segs = [];
    const path = _path.map((seg) => (typeof seg === "object" ? seg.key : seg));
    for (const seg of path) {
        if (typeof seg === "number")
            segs.push(`[${seg}]`);
        else if (typeof seg === "symbol")
            segs.push(`[${JSON.stringify(String(seg))}]`);
        else if (/[^\w$]/.test(seg))
            segs.push(`[${JSON.stringify(seg)}]`);
        else {
            if (segs.length)
                segs.push(".");
            segs.push(seg);
        }
    }
    return segs.join("");
}
function prettifyError(error) {
    const lines = [];
    // sort by path length
    const issues = [...error.issues].sort((a, b) => (a.path ?? []).length - (b.path ?? []).length);
    // Process each issue
    for (const issue of issues) {
        lines.push(`✖ ${issue.message}`);
        if (issue.path?.length)
            lines.push(`  → at ${toDotPath(issue.path)}`);
    }
    // Convert Map to formatted string
    return lines.join("\n");
}


/***/ }),

/***/ 4723:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ normalizeParams),
/* harmony export */   B7: () => (/* binding */ stringifyPrimitive),
/* harmony export */   GW: () => (/* binding */ parsedType),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   LG: () => (/* binding */ floatSafeRemainder),
/* harmony export */   MO: () => (/* binding */ rawShape),
/* harmony export */   NM: () => (/* binding */ optionalKeys),
/* harmony export */   NR: () => (/* binding */ BIGINT_FORMAT_RANGES),
/* harmony export */   O7: () => (/* binding */ codePointLength),
/* harmony export */   OH: () => (/* binding */ partial),
/* harmony export */   PO: () => (/* binding */ cached),
/* harmony export */   QH: () => (/* binding */ aborted),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   Rc: () => (/* binding */ getLengthableOrigin),
/* harmony export */   SS: () => (/* binding */ constantCatch),
/* harmony export */   UQ: () => (/* binding */ esc),
/* harmony export */   Up: () => (/* binding */ pick),
/* harmony export */   Vy: () => (/* binding */ assignProp),
/* harmony export */   W0: () => (/* binding */ safeExtend),
/* harmony export */   X: () => (/* binding */ installLazyProp),
/* harmony export */   X$: () => (/* binding */ extend),
/* harmony export */   Yv: () => (/* binding */ slugify),
/* harmony export */   cJ: () => (/* binding */ omit),
/* harmony export */   cl: () => (/* binding */ nullish),
/* harmony export */   d3: () => (/* binding */ attachSchema),
/* harmony export */   gx: () => (/* binding */ captureStackTrace),
/* harmony export */   h1: () => (/* binding */ merge),
/* harmony export */   hI: () => (/* binding */ allowsEval),
/* harmony export */   hi: () => (/* binding */ sizeCaps),
/* harmony export */   iR: () => (/* binding */ finalizeIssue),
/* harmony export */   jD: () => (/* binding */ hide),
/* harmony export */   jw: () => (/* binding */ joinValues),
/* harmony export */   k8: () => (/* binding */ jsonStringifyReplacer),
/* harmony export */   lQ: () => (/* binding */ prefixIssues),
/* harmony export */   mw: () => (/* binding */ required),
/* harmony export */   o8: () => (/* binding */ clone),
/* harmony export */   ol: () => (/* binding */ members),
/* harmony export */   p6: () => (/* binding */ cleanRegex),
/* harmony export */   qQ: () => (/* binding */ propertyKeyTypes),
/* harmony export */   qh: () => (/* binding */ own),
/* harmony export */   rL: () => (/* binding */ explicitlyAborted),
/* harmony export */   sD: () => (/* binding */ escapeRegex),
/* harmony export */   sn: () => (/* binding */ issue),
/* harmony export */   un: () => (/* binding */ derived),
/* harmony export */   v5: () => (/* binding */ defineLazyInternal),
/* harmony export */   w5: () => (/* binding */ getEnumValues),
/* harmony export */   yG: () => (/* binding */ shallowClone),
/* harmony export */   zH: () => (/* binding */ NUMBER_FORMAT_RANGES),
/* harmony export */   zM: () => (/* binding */ mergeDefs)
/* harmony export */ });
/* unused harmony exports assertEqual, assertNotEqual, toZod, assertIs, assertNever, assert, defineLazy, objectClone, cloneDef, getElementAtPath, promiseAllObject, randomString, numKeys, getParsedType, primitiveTypes, createTransparentProxy, unwrapMessage, getSizableOrigin, cleanEnum, base64ToUint8Array, uint8ArrayToBase64, base64urlToUint8Array, uint8ArrayToBase64url, hexToUint8Array, uint8ArrayToHex, Class, CONSTANT_CATCH */
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8532);

// functions
function assertEqual(val) {
    return val;
}
function assertNotEqual(val) {
    return val;
}
function toZod() {
    return (schema) => schema;
}
function assertIs(_arg) { }
function assertNever(_x) {
    throw new Error("Unexpected value in exhaustive check");
}
function assert(_) { }
function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
const EVALUATING = /* @__PURE__*/ (/* unused pure expression or super */ null && (Symbol("evaluating")));
function defineLazy(object, key, getter) {
    let value = undefined;
    Object.defineProperty(object, key, {
        get() {
            if (value === EVALUATING) {
                // Circular reference detected, return undefined to break the cycle
                return undefined;
            }
            if (value === undefined) {
                value = EVALUATING;
                value = getter();
            }
            return value;
        },
        set(v) {
            Object.defineProperty(object, key, {
                value: v,
                // configurable: true,
            });
            // object[key] = v;
        },
        configurable: true,
    });
}
function objectClone(obj) {
    return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
    return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path) {
    if (!path)
        return obj;
    return path.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
    const keys = Object.keys(promisesObj);
    const promises = keys.map((key) => promisesObj[key]);
    return Promise.all(promises).then((results) => {
        const resolvedObj = {};
        for (let i = 0; i < keys.length; i++) {
            resolvedObj[keys[i]] = results[i];
        }
        return resolvedObj;
    });
}
function randomString(length = 10) {
    const chars = "abcdefghijklmnopqrstuvwxyz";
    let str = "";
    for (let i = 0; i < length; i++) {
        str += chars[Math.floor(Math.random() * chars.length)];
    }
    return str;
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const allowsEval = /* @__PURE__*/ cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (_core_js__WEBPACK_IMPORTED_MODULE_0__/* .globalConfig */ .cr.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
});
function isPlainObject(o) {
    if (isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
function numKeys(data) {
    let keyCount = 0;
    for (const key in data) {
        if (Object.prototype.hasOwnProperty.call(data, key)) {
            keyCount++;
        }
    }
    return keyCount;
}
const getParsedType = (data) => {
    const t = typeof data;
    switch (t) {
        case "undefined":
            return "undefined";
        case "string":
            return "string";
        case "number":
            return Number.isNaN(data) ? "nan" : "number";
        case "boolean":
            return "boolean";
        case "function":
            return "function";
        case "bigint":
            return "bigint";
        case "symbol":
            return "symbol";
        case "object":
            if (Array.isArray(data)) {
                return "array";
            }
            if (data === null) {
                return "null";
            }
            if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
                return "promise";
            }
            if (typeof Map !== "undefined" && data instanceof Map) {
                return "map";
            }
            if (typeof Set !== "undefined" && data instanceof Set) {
                return "set";
            }
            if (typeof Date !== "undefined" && data instanceof Date) {
                return "date";
            }
            // @ts-ignore
            if (typeof File !== "undefined" && data instanceof File) {
                return "file";
            }
            return "object";
        default:
            throw new Error(`Unknown data type: ${t}`);
    }
};
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
const primitiveTypes = /* @__PURE__*/ new Set([
    "string",
    "number",
    "bigint",
    "boolean",
    "symbol",
    "undefined",
]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function createTransparentProxy(getter) {
    let target;
    return new Proxy({}, {
        get(_, prop, receiver) {
            target ?? (target = getter());
            return Reflect.get(target, prop, receiver);
        },
        set(_, prop, value, receiver) {
            target ?? (target = getter());
            return Reflect.set(target, prop, value, receiver);
        },
        has(_, prop) {
            target ?? (target = getter());
            return Reflect.has(target, prop);
        },
        deleteProperty(_, prop) {
            target ?? (target = getter());
            return Reflect.deleteProperty(target, prop);
        },
        ownKeys(_) {
            target ?? (target = getter());
            return Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(_, prop) {
            target ?? (target = getter());
            return Reflect.getOwnPropertyDescriptor(target, prop);
        },
        defineProperty(_, prop, descriptor) {
            target ?? (target = getter());
            return Reflect.defineProperty(target, prop, descriptor);
        },
    });
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}
// Wrapped in a `@__PURE__` IIFE: esbuild never tree-shakes a top-level initializer that contains a member access on `Number`, so the bare object literal survived into every bundle.
const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-3.4028234663852886e38, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))();
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
function getSizableOrigin(input) {
    if (input instanceof Set)
        return "set";
    if (input instanceof Map)
        return "map";
    // @ts-ignore
    if (input instanceof File)
        return "file";
    return "unknown";
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
function cleanEnum(obj) {
    return Object.entries(obj)
        .filter(([k, _]) => {
        // return true if NaN, meaning it's not a number, thus a string key
        return Number.isNaN(Number.parseInt(k, 10));
    })
        .map((el) => el[1]);
}
// Codec utility functions
function base64ToUint8Array(base64) {
    const binaryString = atob(base64);
    const bytes = new Uint8Array(binaryString.length);
    for (let i = 0; i < binaryString.length; i++) {
        bytes[i] = binaryString.charCodeAt(i);
    }
    return bytes;
}
function uint8ArrayToBase64(bytes) {
    let binaryString = "";
    for (let i = 0; i < bytes.length; i++) {
        binaryString += String.fromCharCode(bytes[i]);
    }
    return btoa(binaryString);
}
function base64urlToUint8Array(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const padding = "=".repeat((4 - (base64.length % 4)) % 4);
    return base64ToUint8Array(base64 + padding);
}
function uint8ArrayToBase64url(bytes) {
    return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
    const cleanHex = hex.replace(/^0x/, "");
    if (cleanHex.length % 2 !== 0) {
        throw new Error("Invalid hex string length");
    }
    const bytes = new Uint8Array(cleanHex.length / 2);
    for (let i = 0; i < cleanHex.length; i += 2) {
        bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
    }
    return bytes;
}
function uint8ArrayToHex(bytes) {
    return Array.from(bytes)
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
}
// instanceof
class Class {
    constructor(..._args) { }
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(1479);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

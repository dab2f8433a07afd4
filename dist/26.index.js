export const id = 26;
export const ids = [26];
export const modules = {

/***/ 3026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runVerifyPhase: () => (/* binding */ runVerifyPhase)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __webpack_require__(9053);
// EXTERNAL MODULE: ./src/core/policy/policy-error.ts
var policy_error = __webpack_require__(5833);
// EXTERNAL MODULE: ./src/core/policy/policy-issues.ts
var policy_issues = __webpack_require__(7163);
// EXTERNAL MODULE: ./src/core/render/format-values.ts
var format_values = __webpack_require__(3796);
// EXTERNAL MODULE: ./src/core/render/render-summary.ts + 3 modules
var render_summary = __webpack_require__(9973);
// EXTERNAL MODULE: ./src/core/render/inert-markdown.ts
var inert_markdown = __webpack_require__(5560);
;// CONCATENATED MODULE: ./src/core/verify/render-verification.ts
/**
 * The verification's verdict as markdown (the job summary, the verify check
 * run's summary) and as plain text (the CLI). Everything a repository or a
 * workflow controls (SLO names, reasons that quote queries, the rollback
 * command) is rendered inert in markdown.
 */


const VERDICT_ICON = { pass: '🟢', regressed: '🔴', unknown: '⚪' };
/** "🔴 REGRESSED", "⚪ UNKNOWN (allowed by no-data: pass)". */
function verdictHeadline(v) {
    const allowed = v.verdict === 'unknown' && v.passed ? ' (allowed by no-data: pass)' : '';
    return `${VERDICT_ICON[v.verdict]} ${v.verdict.toUpperCase()}${allowed}`;
}
function sloRow(s) {
    const polls = s.samples.length + (s.samplesOmitted ?? 0);
    const measured = s.samples.filter((x) => x.state === 'measured').length;
    return `| ${(0,inert_markdown/* inert */.tJ)(s.name)} | ${(0,format_values/* formatBurnRate */.Tr)(s.burnBefore)} | ${(0,format_values/* formatBurnRate */.Tr)(s.burnAfter)} | ${(0,format_values/* formatBurnRate */.Tr)(s.limit)} | ${measured} of ${polls}${s.samplesOmitted ? ' (newest shown)' : ''} | ${VERDICT_ICON[s.verdict]} ${s.verdict} |`;
}
function renderVerificationMarkdown(v) {
    const lines = [
        `## deploy-governor verify: ${(0,inert_markdown/* inert */.tJ)(v.environment)} — ${verdictHeadline(v)}`,
        '',
        `**Bake:** ${v.polls} of ${v.plannedPolls} polls every ${(0,inert_markdown/* inert */.tJ)(v.settings.interval)} over ${(0,inert_markdown/* inert */.tJ)(v.settings.bake)}${v.endedEarly ? ', ended early on the regression' : ''}; burn rate over the last ${(0,inert_markdown/* inert */.tJ)(v.settings.window)}, a regression above both ${v.settings.factor} × the pre-deploy rate and ${(0,format_values/* formatBurnRate */.Tr)(v.settings.floor)}.`,
        '',
    ];
    if (v.recommendation !== null) {
        const withCommand = v.verdict === 'regressed' && v.rollbackCommand !== null;
        const text = withCommand ? `Roll back the deploy to ${v.environment} with the workflow's rollback command:` : v.recommendation;
        lines.push(`**Recommendation:** ${(0,inert_markdown/* inertLimited */.L_)(text)}`, '');
        // The workflow's text: inert (no link, no mention, nothing that breaks out of the quote), and never run.
        if (withCommand)
            lines.push(`> ${(0,inert_markdown/* inertLimited */.L_)(v.rollbackCommand)}`, '');
    }
    lines.push('| SLO | Burn before (1h) | Burn after | Limit | Polls measured | Verdict |', '| --- | ---: | ---: | ---: | ---: | --- |');
    lines.push(...v.slos.map(sloRow), '');
    lines.push(...v.reasons.map((r) => `- ${(0,inert_markdown/* inertLimited */.L_)(r, 1000)}`), '');
    return `${lines.join('\n')}\n`;
}
/** Plain text for a terminal: the headline, the recommendation and one line per SLO. */
function renderVerificationText(v) {
    const lines = [
        `deploy-governor verify: ${v.environment}: ${v.verdict.toUpperCase()}${v.verdict === 'unknown' && v.passed ? ' (allowed by no-data: pass)' : ''}`,
    ];
    lines.push(`  ${v.polls} of ${v.plannedPolls} polls, every ${v.settings.interval} over ${v.settings.bake}${v.endedEarly ? ' (ended early)' : ''}`);
    for (const r of v.reasons)
        lines.push(`  ${r}`);
    if (v.recommendation !== null)
        lines.push(`  ${v.recommendation}`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __webpack_require__(5491);
// EXTERNAL MODULE: ./src/core/policy/inputs.ts
var inputs = __webpack_require__(4161);
// EXTERNAL MODULE: ./src/core/verify/verify-settings.ts
var verify_settings = __webpack_require__(8148);
;// CONCATENATED MODULE: ./src/core/verify/verify-inputs.ts
/**
 * The verify step's own inputs, shared by the Action (`phase: verify`) and the
 * CLI (`deploy-governor verify`, whose flags are generated from this schema):
 * validated once, at the edge, in the gate inputs' wording (inputs.ts). The
 * gate's inputs still say which policy, environment and Prometheus to read;
 * `report-path` names the gate's report to read rather than one to write.
 */



/** Most characters of a rollback command: one shell line, not a script. */
const MAX_ROLLBACK_COMMAND = 500;
/** Raw inputs by their documented (kebab-case) names; each overrides the policy's `verify` section. */
const verifyInputsSchema = schemas/* object */.Ikc({
    bake: (0,inputs/* duration */.p0)(),
    'verify-interval': (0,inputs/* duration */.p0)(),
    'verify-window': (0,inputs/* duration */.p0)(),
    'verify-factor': (0,inputs/* number */.ai)('a number of at least 1, e.g. 2').refine((v) => v === undefined || v >= 1, {
        message: 'expected a number of at least 1, e.g. 2 (the post-deploy burn rate must exceed this many times the pre-deploy one)',
    }),
    'verify-floor': (0,inputs/* number */.ai)('a burn rate of at least 0, e.g. 1').refine((v) => v === undefined || v >= 0, {
        message: 'expected a burn rate of at least 0, e.g. 1 (1 = the budget lasts exactly its window)',
    }),
    'verify-no-data': (0,inputs/* oneOf */.yL)(['fail', 'pass']),
    'rollback-command': inputs/* optionalText */.mR.refine((v) => v === undefined || (v.length <= MAX_ROLLBACK_COMMAND && !/[\r\n]/.test(v)), {
        message: `expected one line of at most ${MAX_ROLLBACK_COMMAND} characters, e.g. "gh workflow run rollback.yml -f environment=production"`,
    }),
    'verdict-path': inputs/* optionalText */.mR,
})
    .strip();
/**
 * The policy's settings with the inputs over them, checked together again (an input interval longer than the
 * file's bake is the input's fault, and named so).
 * @param names how the host spells `bake` and `verify-interval` (`bake` / `--bake`)
 * @throws PolicyError
 */
function applyVerifyInputs(policy, inputs, source, names) {
    const config = {
        bake: inputs.bake ?? policy.bake,
        interval: inputs['verify-interval'] ?? policy.interval,
        window: inputs['verify-window'] ?? policy.window,
        factor: inputs['verify-factor'] ?? policy.factor,
        floor: inputs['verify-floor'] ?? policy.floor,
        'no-data': inputs['verify-no-data'] ?? policy.noData,
    };
    return (0,verify_settings/* resolveVerifySettings */.N)(config, source, names);
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/core/fenced-json.ts
var fenced_json = __webpack_require__(9063);
;// CONCATENATED MODULE: ./src/core/verify/embed-verification.ts
/**
 * The verdict travels inside the verify check run's `output.text` in a fenced
 * block tagged `json deploy-governor-verification`, as the gate's report does in
 * its own (core/report/extract-report.ts).
 */

/** The block's tag (what the app looks for: src/core/verify/extract-verification.ts, app/edge/relevance.ts). */
const VERIFICATION_TAG = 'deploy-governor-verification';
/** The verdict as check-run text: a short note and the fenced JSON. */
function embedVerification(verification) {
    return (0,fenced_json/* embedFencedJson */.pj)(VERIFICATION_TAG, `The deploy-governor verification (schema ${verification.schema}):`, verification);
}

// EXTERNAL MODULE: ./src/github/create-check-run.ts + 1 modules
var create_check_run = __webpack_require__(7417);
;// CONCATENATED MODULE: ./src/github/create-verify-check-run.ts
/**
 * Publishes the verify step's verdict as the check run `deploy-governor /
 * <environment> / verify` on the deployed commit, beside the gate's own
 * (create-check-run.ts). The verdict is informational: it opens no gate.
 */



function createVerifyCheckRun(client, target, verification, summaryMarkdown) {
    return (0,create_check_run/* publishCheckRun */.N)(client, target, {
        name: `deploy-governor / ${verification.environment} / verify`,
        conclusion: verification.passed ? 'success' : 'failure',
        title: verdictHeadline(verification),
        summary: summaryMarkdown,
        // The samples are bounded (MAX_SAMPLES_PER_SLO): only a policy with very many SLOs outgrows the limit.
        text: embedVerification(verification),
        tooLarge: 'The JSON verdict exceeds the check-run size limit (65,535 characters); read it from verdict-path in the workflow.',
        publishes: 'the verdict for the deploy-governor app',
    });
}

// EXTERNAL MODULE: ./src/github/rest-client.ts + 5 modules
var rest_client = __webpack_require__(9311);
// EXTERNAL MODULE: ./src/core/evaluate/counting-querier.ts
var counting_querier = __webpack_require__(2288);
// EXTERNAL MODULE: ./src/core/prometheus/limited-querier.ts
var limited_querier = __webpack_require__(9736);
;// CONCATENATED MODULE: ./src/core/verify/baselines.ts
/** Why a report cannot be the baseline; empty when it can. */
function baselineProblems(report, expected) {
    const problems = [];
    if (report.environment !== expected.environment)
        problems.push(`it is the gate's report for the environment "${report.environment}", not "${expected.environment}": give both steps the same environment`);
    if (expected.runId !== null && report.run?.runId !== expected.runId)
        problems.push(`it was written by workflow run ${report.run?.runId ?? 'none (no run recorded)'}, not by this run (${expected.runId}): run the gate step in this job, before the deploy, with the same report-path`);
    return problems;
}
/**
 * Each SLO of the policy with the gate's pre-deploy burn rate (its 1h `burnRate`). An SLO the report lacks, or
 * whose rate the gate could not read, gets null: the floor alone then judges it.
 */
function baselinesFromReport(report, slos) {
    return slos.map((slo) => ({
        name: slo.name,
        objective: slo.objective,
        burnBefore: report.slos.find((s) => s.name === slo.name)?.burnRate ?? null,
    }));
}

// EXTERNAL MODULE: ./src/core/report/report-schema.ts
var report_schema = __webpack_require__(7776);
;// CONCATENATED MODULE: ./src/core/verify/verification-schema.ts
/**
 * The verdict of a post-deploy verification, `deploy-governor/verification@1`:
 * written to `verdict-path` by the Action's `phase: verify` and by
 * `deploy-governor verify`, printed by `deploy-governor verify --json`, and
 * carried by the check run `deploy-governor / <environment> / verify`. Adding
 * optional fields is compatible; renaming or removing one needs `verification@2`.
 * JSON Schema: schema/verification.schema.json (`npm run schema`).
 */


const VERIFICATION_SCHEMA_ID = 'deploy-governor/verification@1';
/** Most samples kept per SLO (the newest): a 6-hour bake at 5-second polls would otherwise outgrow a check run. */
const MAX_SAMPLES_PER_SLO = 60;
/** What one poll read for one SLO. */
const sampleSchema = schemas/* object */.Ikc({
    /** The poll's evaluation time (ISO 8601). */
    at: schemas/* string */.YjP(),
    /**
     * `measured`: the short window's burn rate; `no-data`: a query returned no samples; `no-traffic`: nothing to
     * count in the window; `error`: Prometheus failed or answered something unusable. Only `measured` is judged.
     */
    state: schemas/* enum */.k5n(['measured', 'no-data', 'no-traffic', 'error']),
    /** Burn rate over the short window (null unless measured). */
    burnRate: schemas/* number */.aig().nullable(),
    /** Above both the factor × the pre-deploy rate and the floor. */
    regressed: schemas/* boolean */.zMY(),
    /** Why the poll has no burn rate (the query, or Prometheus's error). */
    detail: schemas/* string */.YjP().optional(),
});
/** One SLO's verdict. */
const sloVerdictSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP(),
    /** Objective in percent. */
    objective: schemas/* number */.aig(),
    /** The gate's pre-deploy burn rate (its 1h `burnRate`); null when the gate's report has none (then only the floor applies). */
    burnBefore: schemas/* number */.aig().nullable(),
    /** The short-window burn rate of the last measured poll (the regressed one, when it regressed); null when none was measured. */
    burnAfter: schemas/* number */.aig().nullable(),
    /** The rate a poll had to exceed: max(factor × burnBefore, floor). */
    limit: schemas/* number */.aig(),
    /** `pass`: every measured poll stayed within the limit; `regressed`: one did not; `unknown`: no poll was measured. */
    verdict: schemas/* enum */.k5n(['pass', 'regressed', 'unknown']),
    /** The newest polls (at most MAX_SAMPLES_PER_SLO), oldest first. */
    samples: schemas/* array */.YOg(sampleSchema),
    /** Polls left out of `samples` (the oldest). */
    samplesOmitted: schemas/* number */.aig().int().nonnegative().optional(),
});
const verificationSchema = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(VERIFICATION_SCHEMA_ID),
    environment: schemas/* string */.YjP(),
    /**
     * `pass`: no SLO regressed and every SLO was measured; `regressed`: an SLO regressed (the bake ended at that
     * poll); `unknown`: no regression, but an SLO had no measured poll.
     */
    verdict: schemas/* enum */.k5n(['pass', 'regressed', 'unknown']),
    /** Whether the step passes: `pass`, or `unknown` under `no-data: pass`. */
    passed: schemas/* boolean */.zMY(),
    regressed: schemas/* boolean */.zMY(),
    /** The deciding SLO's pre-deploy burn rate (the regressed one, else the one closest to its limit). */
    burnBefore: schemas/* number */.aig().nullable(),
    /** The deciding SLO's post-deploy short-window burn rate. */
    burnAfter: schemas/* number */.aig().nullable(),
    /** The settings the bake ran with. */
    settings: schemas/* object */.Ikc({
        bake: schemas/* string */.YjP(),
        interval: schemas/* string */.YjP(),
        window: schemas/* string */.YjP(),
        factor: schemas/* number */.aig(),
        floor: schemas/* number */.aig(),
        noData: schemas/* enum */.k5n(['fail', 'pass']),
    }),
    /** When the bake started and ended (ISO 8601). */
    startedAt: schemas/* string */.YjP(),
    endedAt: schemas/* string */.YjP(),
    /** Polls made, and how many the full bake has. */
    polls: schemas/* number */.aig().int().nonnegative(),
    plannedPolls: schemas/* number */.aig().int().positive(),
    /** A regression ended the bake before its last poll. */
    endedEarly: schemas/* boolean */.zMY(),
    slos: schemas/* array */.YOg(sloVerdictSchema),
    /** Human reasons, the deciding one first. */
    reasons: schemas/* array */.YOg(schemas/* string */.YjP()),
    /** What to do: roll back (with the command, when the workflow gave one), or nothing. Null when nothing is to be done. */
    recommendation: schemas/* string */.YjP().nullable(),
    /** The workflow's rollback command, as given (`rollback-command`); shown inert, never run. */
    rollbackCommand: schemas/* string */.YjP().nullable(),
    /** The gate's report this verification compared against. */
    gate: schemas/* object */.Ikc({ evaluatedAt: schemas/* string */.YjP(), runId: schemas/* number */.aig().int().nullable() }),
    prometheus: schemas/* object */.Ikc({ url: schemas/* string */.YjP().nullable(), queries: schemas/* number */.aig().int() }),
    run: report_schema/* reportSchema */.Qh.shape.run,
});

;// CONCATENATED MODULE: ./src/core/verify/judge.ts
/**
 * The verification's decision over the polls' readings: pure (no clock, no I/O;
 * the loop in src/verify/ makes the readings and says when they were made).
 *
 * An SLO regressed at a poll when its short-window burn rate exceeds both
 * `factor` × its pre-deploy burn rate and `floor` (verify-settings.ts says why
 * both). A pre-deploy rate the gate could not read leaves the floor alone.
 *
 * No data is not a pass: a poll without a burn rate (no samples, no traffic, a
 * failed query) is not judged, and an SLO without a single judged poll is
 * `unknown`, which fails the step unless the policy says `no-data: pass`. A
 * regression decides at once, whatever the other SLOs' polls say.
 */


/** The rate a post-deploy reading must exceed to be a regression: max(factor × before, floor). */
function regressionLimit(burnBefore, settings) {
    return Math.max(burnBefore === null ? 0 : settings.factor * burnBefore, settings.floor);
}
/** Whether `burnAfter` exceeds both the factor × `burnBefore` and the floor. */
function isRegression(burnAfter, burnBefore, settings) {
    return burnAfter > regressionLimit(burnBefore, settings);
}
/** Whether the polls so far already decide (a regression): the loop then stops. */
function hasRegressed(baselines, poll, settings) {
    return baselines.some((b) => {
        const r = poll.readings.get(b.name);
        return r?.state === 'measured' && isRegression(r.burnRate, b.burnBefore, settings);
    });
}
function judgeSlo(baseline, polls, settings) {
    const limit = regressionLimit(baseline.burnBefore, settings);
    const samples = polls.map((p) => {
        const r = p.readings.get(baseline.name) ?? { state: 'no-data', detail: 'not read at this poll' };
        return r.state === 'measured'
            ? { at: p.at.toISOString(), state: 'measured', burnRate: r.burnRate, regressed: r.burnRate > limit }
            : { at: p.at.toISOString(), state: r.state, burnRate: null, regressed: false, detail: r.detail };
    });
    const measured = samples.filter((s) => s.state === 'measured');
    const regressedAt = samples.find((s) => s.regressed);
    const deciding = regressedAt ?? measured.at(-1);
    const kept = samples.slice(-MAX_SAMPLES_PER_SLO);
    return {
        name: baseline.name,
        objective: baseline.objective,
        burnBefore: baseline.burnBefore,
        burnAfter: deciding?.burnRate ?? null,
        limit,
        verdict: regressedAt ? 'regressed' : measured.length === 0 ? 'unknown' : 'pass',
        samples: kept,
        ...(kept.length < samples.length ? { samplesOmitted: samples.length - kept.length } : {}),
    };
}
function sloReason(slo, polls, settings) {
    const before = slo.burnBefore === null ? 'unknown (the gate had none)' : (0,format_values/* formatBurnRate */.Tr)(slo.burnBefore);
    const over = `over the last ${settings.window}`;
    if (slo.verdict === 'regressed') {
        const at = slo.samples.find((s) => s.regressed)?.at ?? '';
        const factorPart = slo.burnBefore === null ? '' : `${settings.factor} × the pre-deploy ${before} and `;
        return `SLO ${slo.name}: regressed: the burn rate ${over} was ${(0,format_values/* formatBurnRate */.Tr)(slo.burnAfter)} at ${at}, above both ${factorPart}the floor of ${(0,format_values/* formatBurnRate */.Tr)(settings.floor)}`;
    }
    if (slo.verdict === 'unknown') {
        const last = [...slo.samples].reverse().find((s) => s.detail !== undefined)?.detail;
        return `SLO ${slo.name}: unknown: none of the ${polls.length} polls measured a burn rate ${over}${last ? ` (last: ${last})` : ''}; no data after a deploy is not a pass (verify.no-data: ${settings.noData})`;
    }
    const highest = Math.max(...slo.samples.filter((s) => s.burnRate !== null).map((s) => s.burnRate));
    return `SLO ${slo.name}: passed: the burn rate ${over} stayed at or below ${(0,format_values/* formatBurnRate */.Tr)(slo.limit)} (pre-deploy ${before}, factor ${settings.factor}, floor ${(0,format_values/* formatBurnRate */.Tr)(settings.floor)}); highest ${(0,format_values/* formatBurnRate */.Tr)(highest)}`;
}
/** How close a measured SLO came to its limit (for the deciding SLO of a verdict without a regression). */
function closeness(slo) {
    return slo.burnAfter === null ? -Infinity : slo.limit === 0 ? slo.burnAfter : slo.burnAfter / slo.limit;
}
/**
 * The verdict over the polls made (all of them, or up to the regression that ended the bake).
 * @param baselines the SLOs to judge, in the policy's order, with the gate's pre-deploy rates
 */
function decideVerification(baselines, polls, context) {
    const { settings } = context;
    const slos = baselines.map((b) => judgeSlo(b, polls, settings));
    const regressed = slos.filter((s) => s.verdict === 'regressed');
    const unknown = slos.filter((s) => s.verdict === 'unknown');
    const verdict = regressed.length > 0 ? 'regressed' : unknown.length > 0 || slos.length === 0 ? 'unknown' : 'pass';
    const passed = verdict === 'pass' || (verdict === 'unknown' && settings.noData === 'pass');
    const deciding = regressed[0] ?? [...slos].sort((a, b) => closeness(b) - closeness(a))[0];
    const ordered = [...regressed, ...unknown, ...slos.filter((s) => s.verdict === 'pass')];
    const reasons = slos.length === 0 ? ['the policy has no SLOs to verify'] : ordered.map((s) => sloReason(s, polls, settings));
    const command = context.rollbackCommand;
    const recommendation = verdict === 'regressed'
        ? command
            ? `Roll back the deploy to ${context.environment}: ${command}`
            : `Roll back the deploy to ${context.environment} (give the step a rollback-command to have it named here)`
        : verdict === 'unknown' && !passed
            ? `Check that the service is up, serving traffic and scraped; roll back the deploy to ${context.environment} if it is not`
            : null;
    return {
        schema: VERIFICATION_SCHEMA_ID,
        environment: context.environment,
        verdict,
        passed,
        regressed: verdict === 'regressed',
        burnBefore: deciding?.burnBefore ?? null,
        burnAfter: deciding?.burnAfter ?? null,
        settings: {
            bake: settings.bake,
            interval: settings.interval,
            window: settings.window,
            factor: settings.factor,
            floor: settings.floor,
            noData: settings.noData,
        },
        startedAt: context.startedAt.toISOString(),
        endedAt: context.endedAt.toISOString(),
        polls: polls.length,
        plannedPolls: context.plannedPolls,
        endedEarly: verdict === 'regressed' && polls.length < context.plannedPolls,
        slos,
        reasons,
        recommendation,
        rollbackCommand: command,
        gate: context.gate,
        prometheus: context.prometheus,
        run: context.run,
    };
}

// EXTERNAL MODULE: ./src/gate/evaluate-gate.ts + 12 modules
var evaluate_gate = __webpack_require__(1254);
// EXTERNAL MODULE: ./src/gate/file-source.ts + 1 modules
var file_source = __webpack_require__(6187);
// EXTERNAL MODULE: ./src/gate/run-gate.ts + 10 modules
var run_gate = __webpack_require__(5692);
;// CONCATENATED MODULE: ./src/verify/read-gate-report.ts
/**
 * The gate's report of this run, read back by the verify step: a file the gate
 * step wrote in the same job (`report-path`). Anything that is not a valid
 * report@1 is an error naming the path and what to do. The file is as trusted as
 * the job's own steps (any of them could rewrite it): a report of another run or
 * environment is refused (core/verify/baselines.ts), and its burn rates are only
 * a baseline, never a verdict.
 */





/** Far above any real report (a check run carries one in 65,535 characters); a larger file is not the gate's. */
const MAX_REPORT_BYTES = 1_048_576;
/**
 * The report at `file`.
 * @param input how the host names the path's input (`report-path`, `--report-path`)
 * @throws PolicyError whose source is the path
 */
async function readGateReport(file, input) {
    const fail = (message) => new policy_error/* PolicyError */.p(file, [{ path: input, message }]);
    let text;
    try {
        const handle = await (0,promises_.open)(file, 'r');
        try {
            const { size } = await handle.stat();
            if (size > MAX_REPORT_BYTES)
                throw fail(`the file has ${size} bytes, more than any gate report (at most ${MAX_REPORT_BYTES})`);
            text = await handle.readFile('utf8');
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        if (error instanceof policy_error/* PolicyError */.p)
            throw error;
        const missing = error.code === 'ENOENT';
        throw fail(missing
            ? "no gate report here: run deploy-governor's gate (phase: gate, or deploy-governor check --report-path) before the deploy, with the same report-path"
            : `cannot read the gate's report: ${(0,client/* messageOf */.bD)(error)}`);
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw fail(`not JSON (${(0,client/* messageOf */.bD)(error)}): expected the gate's report (deploy-governor/report@1)`);
    }
    const parsed = report_schema/* reportSchema */.Qh.safeParse(json);
    if (!parsed.success) {
        const first = parsed.error.issues[0];
        const at = (0,policy_issues/* formatPath */.jV)(first.path);
        throw fail(`not a gate report (deploy-governor/report@1): ${at === '' ? '' : `${at}: `}${first.message}${parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : ''}`);
    }
    return parsed.data;
}

// EXTERNAL MODULE: ./src/core/budget/budget-math.ts
var budget_math = __webpack_require__(2787);
// EXTERNAL MODULE: ./src/core/evaluate/evaluation-error.ts
var evaluation_error = __webpack_require__(6034);
// EXTERNAL MODULE: ./src/core/evaluate/measure-error-ratio.ts
var measure_error_ratio = __webpack_require__(1206);
;// CONCATENATED MODULE: ./src/verify/watch-slos.ts
/**
 * The bake: polls the SLOs' short-window burn rates every `interval` for `bake`,
 * with the gate's own measurement (each SLI kind's queries over `window`, through
 * `measureWindow`: no PromQL of its own), and stops at the first poll that
 * regressed. Time comes from an injected clock, so tests step through pinned
 * evaluation times without waiting.
 *
 * At most one round of queries per interval: poll k is due at start + k ×
 * interval, and a round that overran skips the slots it missed rather than
 * catching up with a burst.
 */




/** The wall clock. */
const systemClock = {
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** One SLO's short-window burn rate at `at`; an expected failure is a reading, anything else a bug that propagates. */
async function read(slo, window, prometheus, at) {
    try {
        const m = await (0,measure_error_ratio/* measureWindow */.j)(slo.sli, window, prometheus, at);
        if (m.state === 'measured')
            return { state: 'measured', burnRate: (0,budget_math/* burnRate */.g0)(m.ratio, slo.objective) };
        return { state: m.state, detail: `${m.detail} (query: ${m.query})` };
    }
    catch (error) {
        if (!(0,evaluation_error/* isEvaluationError */.T)(error))
            throw error;
        return { state: 'error', detail: error.message };
    }
}
async function watchSlos(request) {
    const { slos, settings, clock } = request;
    const startedAt = clock.now();
    const start = startedAt.getTime();
    const plannedPolls = Math.floor(settings.bakeMs / settings.intervalMs);
    const polls = [];
    let slot = 1;
    while (slot <= plannedPolls) {
        const wait = start + slot * settings.intervalMs - clock.now().getTime();
        if (wait > 0)
            await clock.sleep(wait);
        const at = clock.now();
        const readings = await Promise.all(slos.map((slo) => read(slo, settings.window, request.prometheus, at)));
        const poll = { at, readings: new Map(slos.map((slo, i) => [slo.name, readings[i]])) };
        polls.push(poll);
        request.onPoll?.(poll, polls.length);
        if (hasRegressed(request.baselines, poll, settings))
            break;
        // The next slot that has not started yet: a round longer than the interval skips what it missed.
        slot = Math.max(slot + 1, Math.ceil((clock.now().getTime() - start) / settings.intervalMs));
    }
    return { polls, startedAt, endedAt: clock.now(), plannedPolls };
}

;// CONCATENATED MODULE: ./src/verify/run-verify.ts
/**
 * Post-deploy verification, shared by the Action (`phase: verify`) and the CLI
 * (`deploy-governor verify`): the gate's report of this run as the baseline, the
 * policy read exactly as the gate reads it, the bake (watch-slos.ts) over the
 * gate's Prometheus, and the pure verdict (core/verify/judge.ts).
 */











/** How each host names the inputs checked together. */
const NAMES = {
    action: { source: 'action inputs', bake: 'bake', interval: 'verify-interval', reportPath: 'report-path' },
    cli: { source: 'command line', bake: '--bake', interval: '--verify-interval', reportPath: '--report-path' },
};
/**
 * Verifies the deploy; the verdict says whether it regressed.
 * @throws PolicyError for a bad input, policy or gate report (each naming its source); PrometheusQueryError never
 * (a failed poll is a reading)
 */
async function runVerify(request) {
    const names = NAMES[request.host];
    // The report first: without a baseline there is nothing to verify, whatever else is wrong.
    const report = await readGateReport(request.reportPath, names.reportPath);
    let policy;
    let source;
    try {
        ({ policy, source } = await (0,evaluate_gate/* loadGatePolicy */.e)({
            source: (0,file_source/* fileSource */.I)(request.root, request.inputs.config, request.parents ?? null),
            inputs: request.inputs,
            env: request.env,
            ...(request.target ? { target: request.target } : {}),
        }));
    }
    catch (error) {
        throw error instanceof policy_error/* PolicyError */.p ? (0,run_gate/* attributeToInputs */.fq)(error, request.inputs, request.host) : error;
    }
    const settings = applyVerifyInputs(policy.verify, request.verifyInputs, names.source, names);
    const problems = baselineProblems(report, { environment: policy.environment, runId: request.run?.runId ?? null });
    if (problems.length > 0)
        throw new policy_error/* PolicyError */.p(request.reportPath, problems.map((message) => ({ path: names.reportPath, message })));
    const { querier } = (0,run_gate/* gateQuerier */.$r)(policy, source, request.host, request.createQuerier);
    const counting = new counting_querier/* CountingQuerier */.r((0,limited_querier/* limitConcurrency */.f)(querier, limited_querier/* DEFAULT_QUERY_CONCURRENCY */.n));
    const baselines = baselinesFromReport(report, policy.slos);
    const watched = await watchSlos({
        slos: policy.slos,
        baselines,
        settings,
        prometheus: counting,
        clock: request.clock ?? systemClock,
        ...(request.onPoll ? { onPoll: request.onPoll } : {}),
    });
    const verification = decideVerification(baselines, watched.polls, {
        environment: policy.environment,
        settings,
        startedAt: watched.startedAt,
        endedAt: watched.endedAt,
        plannedPolls: watched.plannedPolls,
        rollbackCommand: request.verifyInputs['rollback-command'] ?? null,
        gate: { evaluatedAt: report.evaluatedAt, runId: report.run?.runId ?? null },
        prometheus: { url: counting.displayUrl, queries: counting.queries },
        run: request.run,
    });
    return { verification, policy };
}

// EXTERNAL MODULE: ./src/action/read-inputs.ts + 1 modules
var read_inputs = __webpack_require__(5535);
// EXTERNAL MODULE: ./src/action/run-info.ts
var run_info = __webpack_require__(3604);
;// CONCATENATED MODULE: ./src/action/run-verify-phase.ts
/**
 * The Action's `phase: verify`: after the deploy, read the gate step's report
 * (`report-path`), bake (src/verify/run-verify.ts), write the verdict
 * (`verdict-path`), set the outputs, publish the check run `deploy-governor /
 * <environment> / verify` and the job summary, and fail the step unless the
 * verdict passed (in `mode: report`, only an error annotation).
 */















function tempPath(file) {
    return external_node_path_default().join(process.env.RUNNER_TEMP ?? process.cwd(), file);
}
/** The verify step's own inputs, validated once; a bad one names the input. */
function readVerifyInputs() {
    const raw = {};
    for (const name of Object.keys(verifyInputsSchema.shape))
        raw[name] = runner/* getInput */.V4(name);
    const parsed = verifyInputsSchema.safeParse(raw);
    if (!parsed.success)
        throw (0,policy_issues/* policyErrorFromZod */.wR)(parsed.error, raw, 'input', 'action inputs');
    return parsed.data;
}
function setVerifyOutputs(v, verdictPath) {
    runner/* setOutput */.uH('verdict', v.verdict);
    runner/* setOutput */.uH('regressed', String(v.regressed));
    runner/* setOutput */.uH('burn-before', (0,format_values/* numberOutput */.Bs)(v.burnBefore));
    runner/* setOutput */.uH('burn-after', (0,format_values/* numberOutput */.Bs)(v.burnAfter));
    runner/* setOutput */.uH('recommendation', v.recommendation ?? '');
    runner/* setOutput */.uH('verdict-path', verdictPath);
}
/** Outputs when no verdict exists: unknown, not regressed, with the error as the recommendation's reason. */
function setVerifyErrorOutputs() {
    runner/* setOutput */.uH('verdict', 'unknown');
    runner/* setOutput */.uH('regressed', 'false');
    runner/* setOutput */.uH('burn-before', '');
    runner/* setOutput */.uH('burn-after', '');
    runner/* setOutput */.uH('recommendation', '');
    runner/* setOutput */.uH('verdict-path', '');
}
/** Expected failures print their message only; anything else is a bug worth its stack in debug logs. */
function describeFailure(error) {
    if (error instanceof policy_error/* PolicyError */.p)
        return error.message;
    if (error instanceof Error && error.stack)
        runner/* debug */.Yz(error.stack);
    return `deploy-governor verify failed unexpectedly: ${(0,client/* messageOf */.bD)(error)}`;
}
/** @param clock the bake's time (tests pin it); default the wall clock */
async function runVerifyPhase(clock) {
    let verification = null;
    let failure = null;
    let reportMode = false;
    try {
        const inputs = (0,read_inputs/* parseActionInputs */.H)((0,read_inputs/* readRawActionInputs */.w)());
        const verifyInputs = readVerifyInputs();
        const runInfo = (0,run_info/* runInfoFromEnv */.P)();
        const [owner, repo] = (runInfo?.repository ?? '/').split('/');
        const policyToken = inputs.policyToken ?? inputs.githubToken;
        const outcome = await runVerify({
            inputs: inputs.gate,
            verifyInputs,
            reportPath: external_node_path_default().resolve(inputs.gate['report-path'] ?? tempPath('deploy-governor-report.json')),
            env: process.env,
            root: process.env.GITHUB_WORKSPACE ?? process.cwd(),
            run: runInfo,
            host: 'action',
            ...(clock ? { clock } : {}),
            parents: {
                client: policyToken ? (0,rest_client/* createGitHubClient */.L)(policyToken) : null,
                reader: 'action',
                repository: runInfo?.repository ?? null,
                missing: 'set the policy-token input to a token with contents: read on the repository it names',
            },
            target: { repository: runInfo?.repository ?? null, branch: (0,run_info/* branchOf */.W)(runInfo?.ref ?? null) },
            onPoll: (poll, index) => {
                const rates = [...poll.readings].map(([name, r]) => `${name} ${r.state === 'measured' ? (0,format_values/* formatBurnRate */.Tr)(r.burnRate) : r.state}`);
                runner/* info */.pq(`deploy-governor verify: poll ${index} at ${poll.at.toISOString()}: ${rates.join(', ')}`);
            },
        });
        for (const secret of outcome.policy.prometheus?.secrets ?? [])
            runner/* setSecret */.Pq(secret);
        verification = outcome.verification;
        reportMode = outcome.policy.mode === 'report';
        const verdictPath = external_node_path_default().resolve(verifyInputs['verdict-path'] ?? tempPath('deploy-governor-verdict.json'));
        await (0,promises_.mkdir)(external_node_path_default().dirname(verdictPath), { recursive: true });
        await (0,promises_.writeFile)(verdictPath, `${JSON.stringify(verification, null, 2)}\n`);
        setVerifyOutputs(verification, verdictPath);
        if (inputs.githubToken && owner && repo && runInfo?.sha) {
            const check = await createVerifyCheckRun((0,rest_client/* createGitHubClient */.L)(inputs.githubToken), { owner, repo, sha: runInfo.sha, detailsUrl: runInfo.runUrl }, verification, renderVerificationMarkdown(verification));
            if (!check.created)
                runner/* notice */.lm(`deploy-governor: ${check.reason}`);
        }
        if (!verification.passed) {
            failure = `Deploy verification ${verification.verdict}: ${verification.reasons[0] ?? ''}${verification.recommendation ? `. ${verification.recommendation}` : ''}`;
        }
        runner/* info */.pq(`deploy-governor verify: ${verification.verdict} after ${verification.polls} of ${verification.plannedPolls} polls`);
    }
    catch (error) {
        failure = describeFailure(error);
        setVerifyErrorOutputs();
    }
    finally {
        try {
            runner/* appendSummary */.fe(verification
                ? renderVerificationMarkdown(verification)
                : `## deploy-governor verify — ⚪ UNKNOWN\n\nThe verification could not run, so it fails closed:\n\n${(failure ?? 'unknown error')
                    .split('\n')
                    .map((l) => `> ${(0,render_summary/* tableCell */.xR)(l)}`)
                    .join('\n')}\n`);
        }
        catch (error) {
            runner/* warning */.$e(`deploy-governor could not write the job summary: ${(0,client/* messageOf */.bD)(error)}`);
        }
    }
    if (failure !== null) {
        if (reportMode)
            runner/* error */.z3(`${failure} (mode: report, so the step does not fail)`);
        else
            runner/* setFailed */.C1(failure);
    }
}


/***/ })

};

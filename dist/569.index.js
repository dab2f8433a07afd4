export const id = 569;
export const ids = [569,896];
export const modules = {

/***/ 3569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runFreezeRequest: () => (/* binding */ runFreezeRequest)
});

// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __webpack_require__(9053);
// EXTERNAL MODULE: ./src/core/freeze/freeze-command.ts
var freeze_command = __webpack_require__(5896);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __webpack_require__(5491);
// EXTERNAL MODULE: ./src/core/fenced-json.ts
var fenced_json = __webpack_require__(9063);
// EXTERNAL MODULE: ./src/core/canonical-json.ts
var canonical_json = __webpack_require__(484);
;// CONCATENATED MODULE: ./src/core/freeze/freeze-request.ts
/**
 * A freeze requested by a workflow_dispatch run (issue 15): the Action publishes
 * `{ kind, repository, command, runId, runAttempt }` with the run's OIDC token,
 * whose audience is this request's digest, in the check run
 * `deploy-governor / freeze-request`; the app recomputes the digest from the
 * request it reads and requires the same audience, so the token vouches for this
 * command of this run attempt and nothing else. Pure: no I/O.
 */




/** The check run that carries a freeze request (GitHub Actions creates it; the app reads it). */
const FREEZE_REQUEST_CHECK_NAME = 'deploy-governor / freeze-request';
const freezeRequestSchema = schemas/* strictObject */.rej({
    kind: schemas/* literal */.euz('freeze-request'),
    /** `owner/repo` of the run. */
    repository: schemas/* string */.YjP().min(3).max(200),
    /** `/freeze …` or `/unfreeze …`, as the workflow was given it. */
    command: schemas/* string */.YjP().min(1).max(1_000),
    runId: schemas/* number */.aig().int().positive(),
    runAttempt: schemas/* number */.aig().int().positive(),
});
const envelopeSchema = schemas/* strictObject */.rej({
    request: freezeRequestSchema,
    // A compact JWS, as the runner hands it over (request-oidc-token.ts).
    oidcToken: schemas/* string */.YjP()
        .max(16_384)
        .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/),
});
/** Hex SHA-256 of the request's canonical JSON: the token's audience is `oidcAudience(freezeRequestDigest(r))`. */
function freezeRequestDigest(request) {
    return (0,external_node_crypto_.createHash)('sha256').update((0,canonical_json/* canonicalJson */.d)(request)).digest('hex');
}
const TAG = 'deploy-governor-freeze-request';
/** The request and its token as check-run text: a short note and the fenced JSON (as embedReport does for a report). */
function embedFreezeRequest(request, oidcToken) {
    return (0,fenced_json/* embedFencedJson */.pj)(TAG, 'A freeze request for the deploy-governor app, bound to this run by its OIDC token:', { request, oidcToken });
}
/** The request and token embedded in check-run text, or null when there are none or they are malformed. */
function extractFreezeRequest(text) {
    return extractFencedJson(text, TAG, envelopeSchema);
}

// EXTERNAL MODULE: ./src/core/report/report-digest.ts
var report_digest = __webpack_require__(3095);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/github/create-check-run.ts + 1 modules
var create_check_run = __webpack_require__(7417);
// EXTERNAL MODULE: ./src/github/rest-client.ts + 5 modules
var rest_client = __webpack_require__(9311);
// EXTERNAL MODULE: ./src/action/request-oidc-token.ts
var request_oidc_token = __webpack_require__(61);
// EXTERNAL MODULE: ./src/action/run-info.ts
var run_info = __webpack_require__(3604);
// EXTERNAL MODULE: ./src/action/set-outputs.ts
var set_outputs = __webpack_require__(9057);
;// CONCATENATED MODULE: ./src/action/run-freeze-request.ts
/**
 * The Action's `freeze-command` mode (issue 15): a workflow_dispatch job asks
 * the deploy-governor app to `/freeze` or `/unfreeze`. The step gates nothing:
 * it checks the command with the app's own parser (a mistake fails the step
 * with the parser's message, and nothing is sent), asks the runner for the
 * run's OIDC token with the request's digest as its audience, and publishes the
 * request and the token as the check run `deploy-governor / freeze-request`.
 * The app believes none of it on its own: it verifies the token and acts as the
 * token's triggering actor, if their role allows (app/freezes/freeze-dispatch.ts).
 */










/** A failure of this mode: its message is the step's. */
class FreezeRequestError extends Error {
}
/** The request for this run, or a FreezeRequestError naming what is missing or wrong. */
function buildRequest(input) {
    const command = input.trim();
    // Any valid environment name passes here; the app checks it against the policy's environments.
    const parsed = (0,freeze_command.parseFreezeCommand)(command, { environments: [], now: new Date() });
    if (parsed === null) {
        throw new FreezeRequestError(`the freeze-command input ${JSON.stringify(command.slice(0, 100))} is not a command: expected \`/freeze <environment|all> <duration|until time> <reason>\` or \`/unfreeze <environment|all>\``);
    }
    if (parsed.kind === 'invalid')
        throw new FreezeRequestError(`the freeze-command input: ${parsed.message}`);
    const run = (0,run_info/* runInfoFromEnv */.P)();
    if (!run?.repository || run.runId === null || run.runAttempt === null) {
        throw new FreezeRequestError('freeze-command runs in a GitHub Actions job: GITHUB_REPOSITORY, GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT are required');
    }
    return { kind: 'freeze-request', repository: run.repository, command, runId: run.runId, runAttempt: run.runAttempt };
}
async function publish(command) {
    const request = buildRequest(command);
    const run = (0,run_info/* runInfoFromEnv */.P)();
    const githubToken = runner/* getInput */.V4('github-token');
    if (!githubToken || !run.sha)
        throw new FreezeRequestError('freeze-command needs the github-token input (checks: write) and GITHUB_SHA');
    const token = await (0,request_oidc_token/* requestOidcToken */.I)((0,report_digest/* oidcAudience */.g)(freezeRequestDigest(request)));
    if ('missing' in token) {
        throw new FreezeRequestError('freeze-command needs the run\'s OIDC token, which binds the request to this run: add "permissions: id-token: write" to the job');
    }
    if ('error' in token)
        throw new FreezeRequestError(`could not get the run's OIDC token: ${token.error}`);
    const [owner = '', repo = ''] = request.repository.split('/');
    const check = await (0,create_check_run/* publishCheckRun */.N)((0,rest_client/* createGitHubClient */.L)(githubToken), { owner, repo, sha: run.sha, detailsUrl: run.runUrl }, {
        name: FREEZE_REQUEST_CHECK_NAME,
        conclusion: 'neutral',
        title: `Freeze request: ${request.command.split('\n', 1)[0].slice(0, 100)}`,
        summary: `The deploy-governor app verifies this run's OIDC token and, if the person who ran the workflow has the role the policy's \`freezes.permission\` asks for (default maintain), acts as for their \`${request.command.split(/\s/, 1)[0]}\` comment.`,
        text: embedFreezeRequest(request, token.token),
        tooLarge: 'The freeze request exceeds the check-run size limit.',
        publishes: 'the freeze request for the deploy-governor app',
    });
    if (!check.created)
        throw new FreezeRequestError(check.reason);
    return { request, checkRun: { id: check.id, url: check.url } };
}
/** Runs the mode; the step fails (setFailed) on any mistake, before anything is sent where it can. */
async function runFreezeRequest(command) {
    try {
        const { request, checkRun } = await publish(command);
        (0,set_outputs/* setFreezeRequestOutputs */.$B)(checkRun.id);
        runner/* info */.pq(`deploy-governor: freeze request published as check run ${checkRun.id} (run ${request.runId}, attempt ${request.runAttempt})`);
        runner/* appendSummary */.fe(`## deploy-governor — freeze request\n\nPublished \`${request.command.split('\n', 1)[0].replace(/`/g, "'")}\` for the deploy-governor app${checkRun.url ? ` ([check run](${checkRun.url}))` : ''}. The app verifies this run's token and the role of who ran it; a freeze it sets is an issue labelled \`deploy-freeze\`.\n`);
    }
    catch (error) {
        if (!(error instanceof FreezeRequestError) && error instanceof Error && error.stack)
            runner/* debug */.Yz(error.stack);
        runner/* setFailed */.C1(error instanceof FreezeRequestError
            ? `deploy-governor: ${error.message}`
            : `deploy-governor failed unexpectedly: ${(0,client/* messageOf */.bD)(error)}`);
    }
}


/***/ }),

/***/ 5896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FREEZE_LABEL: () => (/* binding */ FREEZE_LABEL),
/* harmony export */   activeCommandFreezes: () => (/* binding */ activeCommandFreezes),
/* harmony export */   freezeScopeWords: () => (/* binding */ freezeScopeWords),
/* harmony export */   isFreezeActive: () => (/* binding */ isFreezeActive),
/* harmony export */   isFreezeCommand: () => (/* binding */ isFreezeCommand),
/* harmony export */   parseFreezeCommand: () => (/* binding */ parseFreezeCommand),
/* harmony export */   renderFreezeIssue: () => (/* binding */ renderFreezeIssue)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8571);
/* harmony import */ var _policy_environment_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7166);
/* harmony import */ var _render_inert_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5560);
/**
 * Freezes on command (issue 15): `/freeze <environment|all> <duration|until time> <reason>`
 * and `/unfreeze <environment|all>` in an issue or pull-request comment. Parsing
 * is pure (no clock: `now` is passed in), and so is deciding which stored
 * freezes are active. A freeze is kept in an open issue labelled
 * `deploy-freeze` that the app opened, with a hidden freeze record (see
 * issue-metadata.ts); the reason is user text, stored as typed and rendered
 * inert wherever it is shown.
 */



/** The label of a freeze issue. */
const FREEZE_LABEL = 'deploy-freeze';
/** The longest freeze one command may set: a longer one belongs in the policy's freeze-windows. */
const MAX_FREEZE_MS = 90 * 86_400_000;
/** The longest reason kept (characters). */
const MAX_REASON_LENGTH = 300;
/** Environment names as the policy's environments map accepts them. */
const ENVIRONMENT_NAME = /^[A-Za-z0-9._-]{1,100}$/;
/** `until` times: a full UTC or offset time, minutes at least, e.g. 2026-12-01T18:00Z. */
const UNTIL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** The comment's first line, without a byte-order mark. */
function firstLine(comment) {
    return comment
        .replace(/^\uFEFF/, '')
        .split(/\r?\n|\r/, 1)[0]
        .trim();
}
const COMMAND = /^\/(freeze|unfreeze)(?=\s|$)\s*(.*)$/i;
/** Whether the comment's first line is a `/freeze` or `/unfreeze` command (well formed or not): the edge lets it through. */
function isFreezeCommand(comment) {
    return COMMAND.test(firstLine(comment));
}
/** Drops control and bidirectional characters, collapses white space. */
function cleanReason(text) {
    return (text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim());
}
function checkScope(scope, environments) {
    if (scope.toLowerCase() === 'all')
        return null;
    if (!ENVIRONMENT_NAME.test(scope))
        return `${JSON.stringify(scope.slice(0, 100))} is not an environment name`;
    if (environments.length > 0 && !environments.includes(scope)) {
        const closest = (0,_policy_environment_names_js__WEBPACK_IMPORTED_MODULE_1__/* .closestName */ .Nf)(scope, environments);
        return `the policy names no environment ${JSON.stringify(scope)} (it names ${[...environments].sort().join(', ')})${closest !== null ? `: did you mean ${closest}?` : ''}`;
    }
    return null;
}
const USAGE_FREEZE = 'usage: `/freeze <environment|all> <duration|until time> <reason>`, e.g. `/freeze prod 2h database migration` or `/freeze all until 2026-12-01T18:00Z release`';
const USAGE_UNFREEZE = 'usage: `/unfreeze <environment|all>`';
/**
 * The command in a comment's first line, or null when it is none. `environments`
 * are the names in the policy's environments map (empty: any valid name is
 * accepted); `now` is when the comment was made.
 */
function parseFreezeCommand(comment, o) {
    const m = COMMAND.exec(firstLine(comment));
    if (!m)
        return null;
    const command = m[1].toLowerCase();
    const words = m[2].split(/\s+/).filter((w) => w !== '');
    const invalid = (message) => ({ kind: 'invalid', command, message });
    const scopeWord = words[0];
    if (scopeWord === undefined)
        return invalid(command === 'freeze' ? USAGE_FREEZE : USAGE_UNFREEZE);
    const scopeProblem = checkScope(scopeWord, o.environments);
    if (scopeProblem)
        return invalid(scopeProblem);
    const scope = scopeWord.toLowerCase() === 'all' ? 'all' : scopeWord;
    if (command === 'unfreeze') {
        return words.length === 1 ? { kind: 'unfreeze', scope } : invalid(USAGE_UNFREEZE);
    }
    let untilMs;
    let rest;
    if (words[1]?.toLowerCase() === 'until') {
        const time = words[2];
        if (time === undefined || !UNTIL_TIME.test(time) || Number.isNaN(Date.parse(time)))
            return invalid('expected a time after `until` such as 2026-12-01T18:00Z (UTC, or with an offset such as +01:00)');
        untilMs = Date.parse(time);
        rest = words.slice(3);
    }
    else {
        const duration = words[1];
        if (duration === undefined || !(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .isDuration */ .n$)(duration))
            return invalid(`expected ${_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .DURATION_FORM */ .ec}, or \`until <time>\`; ${USAGE_FREEZE}`);
        const ms = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDurationMs */ .yi)(duration);
        if (ms > MAX_FREEZE_MS)
            return invalid("a freeze on command lasts at most 90 days; use the policy's freeze-windows for longer ones");
        untilMs = o.now.getTime() + ms;
        rest = words.slice(2);
    }
    if (untilMs <= o.now.getTime())
        return invalid('that time has already passed');
    if (untilMs - o.now.getTime() > MAX_FREEZE_MS)
        return invalid("a freeze on command lasts at most 90 days; use the policy's freeze-windows for longer ones");
    const reason = cleanReason(rest.join(' '));
    if (reason === '')
        return invalid(`a reason is required; ${USAGE_FREEZE}`);
    if (reason.length > MAX_REASON_LENGTH)
        return invalid(`the reason is longer than ${MAX_REASON_LENGTH} characters`);
    return { kind: 'freeze', scope, until: new Date(untilMs).toISOString(), reason };
}
/** Whether a freeze covers the environment (`all` covers every one). */
function coversEnvironment(record, environment) {
    return record.scope === 'all' || record.scope === environment;
}
/** Whether the freeze is still in force at `now` (it ends at `until`, exclusive). */
function isFreezeActive(record, now) {
    return Date.parse(record.until) > now.getTime();
}
/** The freezes in force for the environment at `now`, as the report's active freezes, soonest to end first. */
function activeCommandFreezes(freezes, environment, now) {
    return freezes
        .filter((f) => coversEnvironment(f.record, environment) && isFreezeActive(f.record, now))
        .sort((a, b) => Date.parse(a.record.until) - Date.parse(b.record.until))
        .map((f) => ({
        name: `freeze ${f.repository ?? ''}#${f.issue} by ${f.record.by}`,
        reason: f.record.reason,
        since: f.record.at,
        until: new Date(Date.parse(f.record.until)).toISOString(),
    }));
}
/**
 * What a freeze covers, in words: `` `production` `` or all environments, and for an organisation-wide freeze
 * (`organisation` is the owner whose `.github` repository keeps it) in every repository of that owner.
 */
function freezeScopeWords(scope, organisation = null) {
    const environments = scope === 'all' ? 'all environments' : `\`${scope}\``;
    return organisation === null ? environments : `${environments} in every repository of ${organisation}`;
}
/**
 * The title and visible body of a freeze issue (the caller appends the hidden record); `organisation` is the
 * owner for an organisation-wide freeze (kept in `<owner>/.github`), null for a repository's own.
 */
function renderFreezeIssue(record, source) {
    const organisation = source.organisation ?? null;
    const where = freezeScopeWords(record.scope, organisation);
    const what = `${record.scope === 'all' ? 'all environments' : record.scope}${organisation === null ? '' : ` in every repository of ${organisation}`}`;
    return {
        title: `Deploy freeze: ${what} until ${record.until}`,
        body: [
            `Deploys to ${where} are frozen until **${record.until}** (status FREEZE).`,
            '',
            `**Reason:** ${(0,_render_inert_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inert */ .tJ)(record.reason)}`,
            `**Frozen by:** ${(0,_render_inert_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inert */ .tJ)(record.by)}, from ${'run' in source ? `the workflow run [${source.run.id} (attempt ${source.run.attempt})](${source.run.url})` : `#${source.issue}`}`,
            '',
            `Comment \`/unfreeze ${record.scope}\` on any issue or pull request ${organisation === null ? '' : 'of this repository '}to lift it early. The app closes this issue when the freeze ends; closing it by hand lifts the freeze too, for someone who may unfreeze (the app reopens it for anyone else).`,
        ].join('\n'),
    };
}


/***/ })

};

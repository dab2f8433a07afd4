export const id = 708;
export const ids = [708,896];
export const modules = {

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


/***/ }),

/***/ 7887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aW: () => (/* binding */ renderMeta),
/* harmony export */   eE: () => (/* binding */ readMeta)
/* harmony export */ });
/* unused harmony export writeMeta */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5491);
/* harmony import */ var _priorities_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4624);
/**
 * Machine-readable facts the app keeps in the issues it opens (postmortems,
 * action items, incidents), as one hidden HTML comment at the end of the body:
 * `<!-- deploy-governor:<kind> {json} -->`. The JSON is escaped so that nothing
 * inside can end the comment, and it is validated with zod when read back: the
 * body is editable by people with write access, so a marker is a hint the app
 * checks, never an authority on who may do what.
 */


const isoDate = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoTime = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 time' });
/** A postmortem issue. */
const postmortemMetaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    /** The incident issue (number in this repository), or null when opened from a pull request or a plain issue. */
    incident: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().nullable(),
    severity: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    /** Login of whoever opened it; null when Alertmanager did. */
    author: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    startedAt: isoTime.nullable(),
    /** When the incident ended: the alert's endsAt, or the incident issue's closed_at. */
    endedAt: isoTime.nullable(),
    /** Set when the postmortem was published (every approval ticked). */
    publishedAt: isoTime.nullable().optional(),
    /** Dedup key of the Alertmanager group that opened it. */
    alertKey: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    /**
     * The app's own measurement when it opened the postmortem: percentage points of each SLO's budget the incident
     * consumed (burn-rule.ts). Absent when nothing was measured, and in postmortems opened before it was recorded.
     */
    budget: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ slo: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), consumed: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().finite() })).optional(),
});
/** An action-item issue. */
const actionItemMetaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    postmortem: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    /** The item's identity in its postmortem (see action-items.ts). */
    key: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200),
    horizon: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['short', 'medium', 'long']).nullable(),
    owner: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    due: isoDate.nullable(),
    /** `P0`..`P3` from the item's line (absent in issues opened before priorities, and when the line has none). */
    priority: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(_priorities_js__WEBPACK_IMPORTED_MODULE_1__/* .PRIORITIES */ .B).nullable().optional(),
});
/** An incident issue opened from Alertmanager. */
const incidentMetaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    alertKey: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    startedAt: isoTime,
    endedAt: isoTime.nullable(),
    severity: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
});
/** An incident issue the app's sweep opened for a burn of error budget (burn-incident-plan.ts). */
const burnIncidentMetaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    slo: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200),
    environment: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(100),
    /** Percentage points of the budget consumed over `from`..`to`. */
    consumed: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().finite(),
    threshold: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().finite(),
    from: isoTime,
    to: isoTime,
});
/**
 * A freeze on command (src/core/freeze/freeze-command.ts), in a `deploy-freeze`
 * issue. Strict: a hand-edited record with any other key is no record.
 */
const freezeRecordSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    /** An environment name, or `all`. */
    scope: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9._-]{1,100}$/),
    /** When the freeze ends (ISO 8601, exclusive). */
    until: isoTime,
    reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(300),
    /** Login of whoever froze. */
    by: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(100),
    /** When the freeze was set. */
    at: isoTime,
});
const schemas = {
    postmortem: postmortemMetaSchema,
    'action-item': actionItemMetaSchema,
    incident: incidentMetaSchema,
    'burn-incident': burnIncidentMetaSchema,
    freeze: freezeRecordSchema,
};
const prefix = (kind) => `<!-- deploy-governor:${kind} `;
/**
 * The hidden marker for a body. `<` and `>` are \u-escaped, so the JSON can never close the comment, and so is
 * `@`, so that user text in it (a freeze's reason) holds no mention even where the comment is shown raw.
 */
function renderMeta(kind, data) {
    const json = JSON.stringify(schemas[kind].parse(data)).replace(/[<>@]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `${prefix(kind)}${json} -->`;
}
/** The last valid marker of this kind in a body; null when there is none or it does not validate. */
function readMeta(kind, body) {
    if (!body)
        return null;
    const start = body.lastIndexOf(prefix(kind));
    if (start < 0)
        return null;
    const end = body.indexOf(' -->', start);
    if (end < 0)
        return null;
    try {
        const parsed = schemas[kind].safeParse(JSON.parse(body.slice(start + prefix(kind).length, end)));
        return parsed.success ? parsed.data : null;
    }
    catch {
        // Not JSON: someone edited the marker by hand; treat it as absent.
        return null;
    }
}
/** The body with its marker of this kind replaced (or appended). */
function writeMeta(kind, body, data) {
    const marker = renderMeta(kind, data);
    const start = body.lastIndexOf(prefix(kind));
    const end = start < 0 ? -1 : body.indexOf(' -->', start);
    if (start < 0 || end < 0)
        return `${body.replace(/\s+$/, '')}\n\n${marker}`;
    return `${body.slice(0, start)}${marker}${body.slice(end + 4)}`;
}


/***/ }),

/***/ 3708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ORG_FREEZE_REPOSITORY: () => (/* binding */ ORG_FREEZE_REPOSITORY),
  closeFreezeIssue: () => (/* binding */ closeFreezeIssue),
  openFreezeIssue: () => (/* binding */ openFreezeIssue),
  readFreezeIssue: () => (/* binding */ readFreezeIssue),
  readFreezes: () => (/* binding */ readFreezes),
  readFreezesInScope: () => (/* binding */ readFreezesInScope),
  relabelFreezeIssue: () => (/* binding */ relabelFreezeIssue),
  reopenFreezeIssue: () => (/* binding */ reopenFreezeIssue)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __webpack_require__(5491);
// EXTERNAL MODULE: ./src/core/freeze/freeze-command.ts
var freeze_command = __webpack_require__(5896);
// EXTERNAL MODULE: ./src/core/postmortem/issue-metadata.ts
var issue_metadata = __webpack_require__(7887);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(6584);
;// CONCATENATED MODULE: ./src/github/close-issue.ts
/** Closes an issue as completed (closing a closed issue changes nothing). */
async function closeIssue(client, target, issue) {
    await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: target.owner,
        repo: target.repo,
        issue_number: issue,
        state: 'closed',
        state_reason: 'completed',
    });
}

// EXTERNAL MODULE: ./src/github/open-issue.ts
var open_issue = __webpack_require__(6849);
;// CONCATENATED MODULE: ./src/github/freeze-issues.ts
/**
 * Freezes on command, stored as open issues labelled `deploy-freeze` that this
 * app opened, each with a hidden freeze record (src/core/postmortem/issue-metadata.ts).
 * Only issues the app opened count (`performed_via_github_app`, set by GitHub):
 * anyone who can open an issue can paste a record and anyone with triage can
 * label it, and such a planted issue must neither freeze nor be mistaken for
 * one. A freeze is lifted by closing its issue.
 */






const issueShape = schemas/* object */.Ikc({
    number: schemas/* number */.aig().int(),
    body: schemas/* string */.YjP().nullable().optional(),
    pull_request: schemas/* unknown */.L5J().optional(),
    state: schemas/* string */.YjP().optional(),
    performed_via_github_app: schemas/* object */.Ikc({ id: schemas/* number */.aig().int(), slug: schemas/* string */.YjP().optional() }).nullable().optional(),
});
const MAX_PAGES = 10;
function keptBy(issue, keeper) {
    return (0,open_issue/* openedByKeeper */.Xo)(issue, typeof keeper === 'number' ? { appId: keeper } : keeper);
}
/** The organisation's freezes live in its `.github` repository (org-wide freezes, issue 15). */
const ORG_FREEZE_REPOSITORY = '.github';
/**
 * The freezes that can cover a repository: its own, and its organisation's from `<owner>/.github` (each marked
 * with `repository`). A missing or unreadable `.github` repository (404: absent, or not in the installation)
 * has no freezes (`onOrgNotFound` hears of it); any other failure throws, so a gate fails closed.
 */
async function readFreezesInScope(client, owner, repo, keeper, o = {}) {
    const own = await readFreezes(client, owner, repo, keeper);
    if (repo === ORG_FREEZE_REPOSITORY)
        return own;
    try {
        const org = await readFreezes(o.orgClient ?? client, owner, ORG_FREEZE_REPOSITORY, keeper);
        return [...own, ...org.map((f) => ({ ...f, repository: `${owner}/${ORG_FREEZE_REPOSITORY}` }))];
    }
    catch (error) {
        if ((0,github_client/* httpStatusOf */.s_)(error) !== 404)
            throw error;
        o.onOrgNotFound?.();
        return own;
    }
}
/** The freezes in the repository's open `deploy-freeze` issues that the keeper opened (expired ones included). */
async function readFreezes(client, owner, repo, keeper) {
    const out = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await client.request('GET /repos/{owner}/{repo}/issues', {
            owner,
            repo,
            state: 'open',
            labels: freeze_command.FREEZE_LABEL,
            per_page: 100,
            page,
        });
        const batch = schemas/* array */.YOg(issueShape).parse(data);
        for (const issue of batch) {
            if (issue.pull_request !== undefined || !keptBy(issue, keeper))
                continue;
            const record = (0,issue_metadata/* readMeta */.eE)('freeze', issue.body);
            if (record)
                out.push({ issue: issue.number, record });
        }
        if (batch.length < 100)
            break;
    }
    return out;
}
/**
 * Opens the freeze's issue once per command comment, or per attempt of a dispatched run (a redelivery or a
 * replay finds the issue its first attempt opened); `source.organisation` is the owner when the freeze is
 * organisation-wide.
 */
async function openFreezeIssue(client, target, record, source) {
    const { title, body } = (0,freeze_command.renderFreezeIssue)(record, source);
    // Comment ids are numbers, so a run's key never meets one.
    const key = 'run' in source ? `freeze-run-${source.run.id}-${source.run.attempt}` : `freeze-${source.commentId}`;
    return (0,open_issue/* openIssueOnce */.Xn)(client, target.owner, target.repo, { key, title, body: `${body}\n\n${(0,issue_metadata/* renderMeta */.aW)('freeze', record)}`, labels: [freeze_command.FREEZE_LABEL] }, target.appId);
}
/** Closes a freeze's issue, which lifts it (closing an already closed issue changes nothing). */
async function closeFreezeIssue(client, target, issue) {
    await closeIssue(client, target, issue);
}
/**
 * One issue as a freeze: null when this app did not open it; `record` null when its record is missing or invalid;
 * `open` whether the issue is open now.
 */
async function readFreezeIssue(client, target, issue) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: target.owner,
        repo: target.repo,
        issue_number: issue,
    });
    const parsed = issueShape.parse(data);
    return (0,open_issue/* openedByApp */.of)(parsed, target.appId) ? { record: (0,issue_metadata/* readMeta */.eE)('freeze', parsed.body), open: parsed.state === 'open' } : null;
}
/** Reopens a freeze's issue (reopening an open issue changes nothing). */
async function reopenFreezeIssue(client, target, issue) {
    await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: target.owner,
        repo: target.repo,
        issue_number: issue,
        state: 'open',
    });
}
/** Puts the `deploy-freeze` label back on a freeze's issue (adding a label it has changes nothing). */
async function relabelFreezeIssue(client, target, issue) {
    await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        owner: target.owner,
        repo: target.repo,
        issue_number: issue,
        labels: [freeze_command.FREEZE_LABEL],
    });
}


/***/ }),

/***/ 6849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xn: () => (/* binding */ openIssueOnce),
/* harmony export */   Xo: () => (/* binding */ openedByKeeper),
/* harmony export */   of: () => (/* binding */ openedByApp)
/* harmony export */ });
/* unused harmony export issueMarker */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5491);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6584);
/**
 * Opens an issue once per key: the key travels as a hidden marker in the body,
 * and an issue (open or closed) with the first label and that marker, opened by
 * this app, means it was opened already, so redeliveries and retries open
 * nothing new while titles may repeat. Only issues the app itself opened count
 * (`performed_via_github_app`, set by GitHub, never by the author): anyone who
 * can open an issue can paste the marker, and anyone with triage can label it,
 * and such a planted issue must not suppress a real review or alert issue.
 */


const issueShape = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    number: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(),
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(),
    body: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    performed_via_github_app: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int() }).nullable().optional(),
});
const issues = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(issueShape);
const MAX_PAGES = 10;
function issueMarker(key) {
    return `<!-- deploy-governor:issue key=${key.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200)} -->`;
}
/** Whether GitHub says this app opened the issue. */
function openedByApp(issue, appId) {
    return issue.performed_via_github_app?.id === appId;
}
/** Whether GitHub says the keeper's app opened the issue. */
function openedByKeeper(issue, keeper) {
    return 'appId' in keeper ? openedByApp(issue, keeper.appId) : issue.performed_via_github_app?.slug === keeper.appSlug;
}
/** The issue of `kind` (first label), opened by this app, whose body carries the key's marker, if any. */
async function findIssueByKey(client, owner, repo, label, key, appId) {
    const marker = issueMarker(key);
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await client.request('GET /repos/{owner}/{repo}/issues', {
            owner,
            repo,
            state: 'all',
            labels: label,
            per_page: 100,
            page,
        });
        const batch = issues.parse(data);
        const found = batch.find((i) => openedByApp(i, appId) && (i.body ?? '').includes(marker));
        if (found)
            return { number: found.number, id: found.id };
        if (batch.length < 100)
            break;
    }
    return null;
}
/** `appId`: this app's id; only issues it opened count as opened already. */
async function openIssueOnce(client, owner, repo, issue, appId) {
    const earlier = await findIssueByKey(client, owner, repo, issue.labels[0], issue.key, appId);
    if (earlier)
        return { outcome: 'exists', ...earlier };
    // No automatic resend: a POST that timed out after succeeding would open a second issue.
    const create = () => client.request('POST /repos/{owner}/{repo}/issues', {
        owner,
        repo,
        title: issue.title,
        body: `${issue.body}\n\n${issueMarker(issue.key)}`,
        labels: issue.labels,
        ...(issue.assignees?.length ? { assignees: issue.assignees } : {}),
        request: { retries: 0 },
    });
    let response;
    try {
        response = await create();
    }
    catch (error) {
        const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatusOf */ .s_)(error);
        if (status === undefined || status < 500)
            throw error;
        // A 5xx or a dropped connection (Octokit reports it as 500) may still have opened it: look before
        // trying once more. The webhook may have been answered already (202 after 9 s): no redelivery would.
        const landed = await findIssueByKey(client, owner, repo, issue.labels[0], issue.key, appId);
        if (landed)
            return { outcome: 'opened', ...landed };
        response = await create();
    }
    const created = issueShape.parse(response.data);
    return { outcome: 'opened', number: created.number, id: created.id };
}


/***/ })

};

export const id = 896;
export const ids = [896];
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


/***/ })

};

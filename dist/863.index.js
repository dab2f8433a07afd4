export const id = 863;
export const ids = [863,642,693];
export const modules = {

/***/ 2533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nl: () => (/* binding */ exclusionsSchema),
/* harmony export */   Xd: () => (/* binding */ MAX_EXCLUDED_INTERVALS)
/* harmony export */ });
/* unused harmony export MAX_EXCLUSIONS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5491);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8571);
/* harmony import */ var _freeze_active_freeze_windows_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7693);
/* harmony import */ var _policy_duration_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7098);
/* harmony import */ var _policy_enum_schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2049);
/* harmony import */ var _exclusion_kinds_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1879);
/* harmony import */ var _policy_time_schemas_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9820);
/**
 * The policy's `exclusions`: periods whose errors and traffic do not count
 * against the error budget (a planned maintenance, a dependency's outage, an
 * approved load test), as the SRE workbook's error-budget policy excludes them.
 *
 * Two forms, each with a name, a reason and a kind: one-off (`from`/`to`) and
 * recurring (`cron` in a `timezone`, open for `duration`, the freeze windows'
 * cron machinery). The bounds below keep the gate's cost fixed: every excluded
 * interval adds one term to each of two queries (src/core/exclusions/exclusion-queries.ts).
 */







/** Most exclusions one list may hold (top level or one environment's). */
const MAX_EXCLUSIONS = 50;
/**
 * Most excluded intervals that may overlap one SLO window at an evaluation: each is one more `@`-pinned term in the
 * gate's two exclusion queries. 40 leaves room for a daily window over a 30-day SLO (31 intervals) and a few one-offs.
 */
const MAX_EXCLUDED_INTERVALS = 40;
/**
 * Shortest excluded interval: `increase()` needs two samples inside its range, so a shorter one would subtract
 * nothing measurable at the usual scrape intervals.
 */
const MIN_INTERVAL_MS = 5 * 60_000;
/** Closest two starts of a recurring exclusion may be: a cron that fires every minute excludes everything. */
const MIN_RECURRENCE_MS = 3_600_000;
/** How far the check of a cron's spacing looks ahead: a year covers every weekday, month and daylight-saving change. */
const SPACING_SPAN_MS = 366 * 86_400_000;
/** A fixed start for that check, so that validating a policy never reads the clock. */
const SPACING_FROM_MS = Date.UTC(2025, 0, 1);
/** The smallest gap between consecutive starts of `cron` in `tz` over a year (null when it fires at most once). */
function smallestRecurrenceGapMs(cron, tz) {
    // Every-minute crons stop the scan early: the first gaps already show they are too close.
    const starts = (0,_freeze_active_freeze_windows_js__WEBPACK_IMPORTED_MODULE_1__.occurrencesBetween)(cron, tz, SPACING_FROM_MS, SPACING_FROM_MS + SPACING_SPAN_MS, 10_000);
    if (starts === null || starts.length < 2)
        return null;
    let smallest = Number.POSITIVE_INFINITY;
    for (let i = 1; i < starts.length; i++)
        smallest = Math.min(smallest, starts[i].getTime() - starts[i - 1].getTime());
    return smallest;
}
const exclusionItemSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()
        .regex(/^[A-Za-z0-9][A-Za-z0-9 ._:-]{0,99}$/, {
        message: 'expected 1-100 letters, digits, spaces, dots, colons, dashes or underscores, e.g. db-upgrade-2026-11',
    })
        .meta({ description: 'Unique name: the report lists what each exclusion returned under it, and the audit finds it by it.' }),
    reason: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1).max(500).meta({ description: 'Why the period does not count (shown in the report, rendered inert).' }),
    kind: (0,_policy_enum_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .enumSchema */ .xx)(_exclusion_kinds_js__WEBPACK_IMPORTED_MODULE_6__/* .EXCLUSION_KINDS */ .x).meta({
        description: '`maintenance` (planned work), `dependency` (an outage of something the service depends on), `load-test` (an approved test).',
    }),
    from: _policy_time_schemas_js__WEBPACK_IMPORTED_MODULE_4__/* .timestampSchema */ .yo.optional().meta({ description: 'One-off: start, ISO 8601 with a zone.' }),
    to: _policy_time_schemas_js__WEBPACK_IMPORTED_MODULE_4__/* .timestampSchema */ .yo.optional().meta({ description: 'One-off: end (exclusive), ISO 8601 with a zone.' }),
    cron: _policy_time_schemas_js__WEBPACK_IMPORTED_MODULE_4__/* .cronSchema */ .u3.optional().meta({ description: 'Recurring: cron expression (5 fields) at which each interval starts.' }),
    timezone: _policy_time_schemas_js__WEBPACK_IMPORTED_MODULE_4__/* .timezoneSchema */ .FC.optional().meta({ description: 'Recurring: IANA time zone of `cron`.', default: 'UTC' }),
    duration: _policy_duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.optional().meta({ description: 'Recurring: how long each interval lasts from its start (elapsed time).' }),
})
    .superRefine((x, ctx) => {
    const oneOff = x.from !== undefined || x.to !== undefined;
    const recurring = x.cron !== undefined || x.duration !== undefined || x.timezone !== undefined;
    if (oneOff === recurring) {
        ctx.addIssue({ code: 'custom', message: 'expected either from and to (one-off) or cron and duration (recurring), not both' });
        return;
    }
    if (oneOff) {
        if (x.from === undefined || x.to === undefined) {
            ctx.addIssue({
                code: 'custom',
                message: 'a one-off exclusion needs both from and to',
                path: [x.from === undefined ? 'from' : 'to'],
            });
            return;
        }
        const length = Date.parse(x.to) - Date.parse(x.from);
        if (length <= 0)
            ctx.addIssue({ code: 'custom', message: `expected to (${x.to}) after from (${x.from})`, path: ['to'] });
        else if (length < MIN_INTERVAL_MS)
            ctx.addIssue({ code: 'custom', message: `expected at least 5m between from and to (increase() needs two samples)`, path: ['to'] });
        return;
    }
    if (x.cron === undefined || x.duration === undefined) {
        ctx.addIssue({
            code: 'custom',
            message: 'a recurring exclusion needs both cron and duration (and optionally timezone)',
            path: [x.cron === undefined ? 'cron' : 'duration'],
        });
        return;
    }
    // The parts' own checks report a bad cron, zone or duration.
    if (!(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .isDuration */ .n$)(x.duration))
        return;
    const duration = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDurationMs */ .yi)(x.duration);
    if (duration < MIN_INTERVAL_MS) {
        ctx.addIssue({
            code: 'custom',
            message: `expected a duration of at least 5m (increase() needs two samples); got ${x.duration}`,
            path: ['duration'],
        });
        return;
    }
    let gap;
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: x.timezone ?? 'UTC' });
        gap = smallestRecurrenceGapMs(x.cron, x.timezone ?? 'UTC');
    }
    catch {
        return;
    }
    if (gap !== null && gap < MIN_RECURRENCE_MS) {
        ctx.addIssue({
            code: 'custom',
            message: `the cron "${x.cron}" starts an interval every ${Math.round(gap / 60_000)} minute(s); recurring exclusions must start at least 1h apart, e.g. "0 2 * * 0" (Sundays at 02:00)`,
            path: ['cron'],
        });
    }
    else if (gap !== null && duration >= gap) {
        ctx.addIssue({
            code: 'custom',
            message: `the duration ${x.duration} is not shorter than the ${Math.round(gap / 60_000)} minutes between the cron's starts, so the intervals would overlap; expected ${_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .DURATION_FORM */ .ec} shorter than that`,
            path: ['duration'],
        });
    }
})
    .meta({ description: 'A period whose errors and traffic are left out of the error budget.' });
/** The `exclusions` list: names unique, one-off intervals neither reversed nor overlapping each other. */
const exclusionsSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(exclusionItemSchema)
    .max(MAX_EXCLUSIONS, { message: `expected at most ${MAX_EXCLUSIONS} exclusions; remove ones that ended before any SLO window` })
    .superRefine((list, ctx) => {
    const seen = new Map();
    for (const [i, x] of list.entries()) {
        const first = seen.get(x.name);
        if (first !== undefined)
            ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `exclusion names must be unique; "${x.name}" is also item ${first}` });
        else
            seen.set(x.name, i);
    }
    const oneOffs = list
        .map((x, i) => ({
        i,
        name: x.name,
        from: x.from === undefined ? NaN : Date.parse(x.from),
        to: x.to === undefined ? NaN : Date.parse(x.to),
    }))
        .filter((x) => Number.isFinite(x.from) && Number.isFinite(x.to) && x.from < x.to)
        .sort((a, b) => a.from - b.from);
    for (let k = 1; k < oneOffs.length; k++) {
        const [a, b] = [oneOffs[k - 1], oneOffs[k]];
        if (b.from < a.to)
            ctx.addIssue({
                code: 'custom',
                path: [b.i, 'from'],
                message: `the one-off exclusion "${b.name}" overlaps "${a.name}" (which ends ${new Date(a.to).toISOString()}); expected intervals that do not overlap: merge them into one`,
            });
    }
})
    .meta({
    description: `Periods left out of the error budget (maintenance, a dependency's outage, an approved load test): the gate subtracts their errors and traffic from each SLO window. At most ${MAX_EXCLUSIONS} items, and at most ${MAX_EXCLUDED_INTERVALS} excluded intervals overlapping one SLO window. An exclusion added after it started counts only when its author has the role of the \`exhausted\` override level (README, Error-budget policy).`,
});


/***/ }),

/***/ 7693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   activeFreezeWindows: () => (/* binding */ activeFreezeWindows),
/* harmony export */   occurrencesBetween: () => (/* binding */ occurrencesBetween)
/* harmony export */ });
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8628);
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(cron_parser__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Freeze windows: one-off (`from`/`to`) and recurring (cron `start`/`end` in an
 * IANA time zone). A recurring window is open when its latest start at or before
 * now is later than its latest end at or before now, so a window from Friday
 * 18:00 to Monday 08:00 works across the week boundary. Pure: no I/O, no clock.
 */

const DAY_MS = 86_400_000;
/**
 * How far before an occurrence the forward scan starts: more than any daylight-saving
 * shift (1 h almost everywhere, 2 h in Antarctica/Troll).
 */
const DST_SLACK_MS = 3 * 3_600_000;
/** Enough for a per-minute schedule over the slack; finer schedules fall back to cron-parser's prev()/next(). */
const MAX_STEPS = 1_000;
/** An iterator over `expr` in `tz` from `at`, or null when the expression or the zone is invalid. */
function iterate(expr, tz, at) {
    try {
        return cron_parser__WEBPACK_IMPORTED_MODULE_0__.CronExpressionParser.parse(expr, { currentDate: new Date(at), tz });
    }
    catch {
        // An expression that never matches (e.g. "0 0 30 2 *": cron-parser 5 rejects it at
        // parse time with "Invalid explicit day of month definition") or an unknown zone.
        // The policy schema rejects both; this only keeps direct callers from crashing.
        return null;
    }
}
/** One step of an iterator; null when cron-parser finds no occurrence in its search range (it throws then). */
function step(advance) {
    try {
        return advance().getTime();
    }
    catch {
        return null;
    }
}
/**
 * The occurrences of `expr` in `tz` nearest `now`, or null when the expression or
 * the zone cannot be parsed.
 *
 * cron-parser 5 is not self-consistent around daylight-saving changes (measured
 * with 5.10.5 in Europe/Berlin and America/New_York; see test/unit/freeze-windows.test.ts):
 * - a wall time that does not exist (02:30 on the spring-forward day): next() moves
 *   it forward by the gap (to 03:30 local), but prev() skips that day entirely, and
 *   so does next() started inside the hour after the gap;
 * - a wall time that happens twice (02:30 on the fall-back day): next() returns the
 *   first one only, prev() returns both.
 * We use one rule, that of next() iterated continuously: a missing time moves
 * forward by the gap (a freeze must not silently vanish on the DST day) and a
 * repeated time counts once, at its first occurrence. prev() only finds an anchor;
 * a forward scan from a few hours before the anchor decides.
 */
function occurrencesAround(expr, tz, now) {
    const t = now.getTime();
    // prev() is strictly before its start point, hence +1 ms for "at or before now".
    const backwards = iterate(expr, tz, t + 1);
    if (!backwards)
        return null;
    const anchor = step(() => backwards.prev());
    const scanFrom = (anchor ?? t) - DST_SLACK_MS;
    // cron-parser's steps cost a fraction of a millisecond each: scan only where it can
    // disagree with itself, i.e. when the zone's offset changed since the scan start. An
    // anchor more than a day back could hide two changes, but then the schedule is sparse
    // and the scan short.
    if (anchor !== null && t - anchor < DAY_MS && utcOffset(tz, scanFrom) === utcOffset(tz, t)) {
        const forwards = iterate(expr, tz, t);
        return { latest: new Date(anchor), next: forwards ? toDate(step(() => forwards.next())) : null };
    }
    const forwards = iterate(expr, tz, scanFrom);
    let latest = null;
    for (let i = 0; forwards && i < MAX_STEPS; i++) {
        const d = step(() => forwards.next());
        if (d === null || d > t)
            return { latest: toDate(latest ?? anchor), next: toDate(d) };
        latest = d;
    }
    // A schedule finer than a minute: the DST subtleties above do not matter at that scale.
    const plain = iterate(expr, tz, t);
    return { latest: toDate(anchor), next: plain ? toDate(step(() => plain.next())) : null };
}
const offsetFormats = new Map();
/** The zone's UTC offset at `ms`, e.g. "GMT+02:00" ("" for a zone Intl does not know). */
function utcOffset(tz, ms) {
    try {
        let format = offsetFormats.get(tz);
        if (!format) {
            format = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' });
            offsetFormats.set(tz, format);
        }
        return format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
    }
    catch {
        return '';
    }
}
function toDate(ms) {
    return ms === null ? null : new Date(ms);
}
function oneOff(w) {
    if (w.from === undefined || w.to === undefined)
        return null;
    const from = new Date(w.from);
    const to = new Date(w.to);
    return Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) ? null : { from, to };
}
/** The window as open at `now`, or null when it is closed (or malformed). */
function activeWindow(w, now) {
    const reason = w.reason ?? null;
    const fixed = oneOff(w);
    if (fixed) {
        return fixed.from.getTime() <= now.getTime() && now.getTime() < fixed.to.getTime()
            ? { name: w.name, reason, since: fixed.from.toISOString(), until: fixed.to.toISOString() }
            : null;
    }
    if (w.start === undefined || w.end === undefined)
        return null;
    const tz = w.timezone ?? 'UTC';
    const start = occurrencesAround(w.start, tz, now);
    const end = occurrencesAround(w.end, tz, now);
    // A window with an unparseable expression is treated as never active (see occurrencesAround).
    if (!start?.latest || !end)
        return null;
    // Exactly at an end instant the latest end equals now, so the window is closed then.
    if (end.latest && end.latest.getTime() >= start.latest.getTime())
        return null;
    return { name: w.name, reason, since: start.latest.toISOString(), until: end.next ? end.next.toISOString() : null };
}
/** A window that never closes sorts last. */
function closesAt(w) {
    return w.until === null ? Number.POSITIVE_INFINITY : Date.parse(w.until);
}
/**
 * The windows open at `now` (start inclusive, end exclusive), soonest to close
 * first. `windows` are the ones that apply to the environment (resolve-policy filters them).
 */
function activeFreezeWindows(windows, now) {
    return windows
        .map((w) => activeWindow(w, now))
        .filter((w) => w !== null)
        .sort((a, b) => closesAt(a) - closesAt(b));
}
/**
 * Every occurrence of `expr` in `tz` at or after `fromMs` and before `toMs`, oldest first, by the rule of
 * `occurrencesAround` (next() iterated continuously: a missing wall time moves forward by the gap, a repeated one
 * counts once, at its first occurrence); at most `max`, and `null` when the expression or the zone cannot be parsed.
 * Budget exclusions' recurring windows (src/core/exclusions/) use it.
 */
function occurrencesBetween(expr, tz, fromMs, toMs, max) {
    // Started a little early, so that an occurrence right at `fromMs` is found whichever way the zone shifts around it.
    const forwards = iterate(expr, tz, fromMs - DST_SLACK_MS);
    if (!forwards)
        return null;
    const found = [];
    while (found.length < max) {
        const at = step(() => forwards.next());
        if (at === null || at >= toMs)
            break;
        if (at >= fromMs)
            found.push(new Date(at));
    }
    return found;
}


/***/ }),

/***/ 9642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NOTIFICATION_KINDS: () => (/* binding */ NOTIFICATION_KINDS),
/* harmony export */   blockedNotification: () => (/* binding */ blockedNotification),
/* harmony export */   freezeNotification: () => (/* binding */ freezeNotification),
/* harmony export */   heldNotification: () => (/* binding */ heldNotification),
/* harmony export */   overdueNotification: () => (/* binding */ overdueNotification),
/* harmony export */   overrideNotification: () => (/* binding */ overrideNotification)
/* harmony export */ });
/** The notification kinds a policy may subscribe to (`notify.on`). */
const NOTIFICATION_KINDS = [
    'blocked',
    'override',
    'postmortem-overdue',
    'held-released',
    'held-expired',
    'freeze-started',
    'freeze-ended',
];
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
/** A held deployment released (approved) or expired (rejected at its limit), from the evaluation that decided it. */
function heldNotification(kind, report, repository, runUrl, heldSeconds) {
    return { kind, ...deployFacts(report, repository, runUrl), heldSeconds };
}
/** A freeze on command that started or ended, kept in the issue `issue` of `owner/repo`. */
function freezeNotification(o) {
    return {
        kind: o.change === 'started' ? 'freeze-started' : 'freeze-ended',
        repository: `${o.owner}/${o.repo}`,
        organisation: o.repo === '.github' ? o.owner : null,
        scope: o.record.scope,
        until: o.record.until,
        reason: o.record.reason,
        by: o.record.by,
        issueUrl: `${o.serverUrl ?? 'https://github.com'}/${o.owner}/${o.repo}/issues/${o.issue}`,
    };
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

/***/ 9863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ policyFileSchema),
/* harmony export */   _: () => (/* binding */ sloSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(5491);
/* harmony import */ var _notify_notification_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(9642);
/* harmony import */ var _change_class_change_class_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5127);
/* harmony import */ var _postmortem_postmortem_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1957);
/* harmony import */ var _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7098);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8571);
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5222);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(5899);
/* harmony import */ var _sli_registry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3040);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5009);
/* harmony import */ var _enum_schema_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2049);
/* harmony import */ var _environment_names_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(7166);
/* harmony import */ var _objective_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(9921);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(5442);
/* harmony import */ var _verify_verify_settings_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8148);
/* harmony import */ var _inherit_applies_to_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1486);
/* harmony import */ var _inherit_extends_spec_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(7139);
/* harmony import */ var _inherit_locks_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2058);
/* harmony import */ var _time_schemas_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9820);
/* harmony import */ var _exclusions_exclusion_schema_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2533);
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




















const promqlSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().min(1, { message: 'expected a non-empty PromQL expression' });
/** The statuses that `block-on` and rule severities may name (any case: `warning` reads as WARNING). */
const blockableStatusSchema = (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(_status_js__WEBPACK_IMPORTED_MODULE_13__/* .BLOCKABLE_STATUSES */ .dW);
const permissionSchema = (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(_permissions_js__WEBPACK_IMPORTED_MODULE_14__/* .PERMISSIONS */ .J);
/**
 * `enforcement` of one rule (issue 16, advisory rules): `advisory` evaluates and reports the rule as "would have
 * blocked" without blocking, so a platform team can roll a rule out in shadow mode and switch it on with evidence.
 */
const enforcementSchema = (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(['enforce', 'advisory']).optional().meta({
    description: '`advisory`: the rule is evaluated and reported ("would have blocked") but never blocks; counted per rule in the Pushgateway metrics. `enforce` blocks as usual.',
    default: 'enforce',
});
/** Who decides disagreements about the gate's decisions (a real mention in blocked reports, held deployments and review issues). */
const escalationSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP()
    .regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?$/, {
    message: 'expected a GitHub login or an organisation team as org/team-slug, e.g. sre-lead or acme/sre',
})
    .meta({
    description: "Who decides disagreements about the gate's decisions: a GitHub login or an `org/team-slug`. Blocked reports, held deployments and override review issues mention them (a real mention, on purpose).",
    examples: ['acme/sre-leads'],
});
const envVarName = zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'expected an environment variable name such as PROMETHEUS_TOKEN' });
const httpUrl = zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().refine(_http_url_js__WEBPACK_IMPORTED_MODULE_15__/* .isHttpUrl */ .q, { message: 'expected an http:// or https:// URL such as https://prometheus.example.com' });
/** Where and how to reach Prometheus (or Thanos, Mimir, VictoriaMetrics: anything with its HTTP query API). */
const prometheusSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    url: httpUrl.optional().meta({
        description: 'Base URL of the Prometheus HTTP API, without /api/v1 (for Mimir include the prefix, e.g. https://mimir.example.com/prometheus). Input `prometheus-url` overrides it.',
    }),
    'bearer-token-env': envVarName.optional().meta({
        description: 'Name of the environment variable holding a bearer token. Secrets never belong in the file itself. Input `prometheus-token` overrides it.',
    }),
    'basic-auth': zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
        username: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().min(1).meta({ description: 'Basic-auth user name.' }),
        'password-env': envVarName.meta({ description: 'Name of the environment variable holding the password.' }),
    })
        .optional()
        .meta({ description: 'HTTP basic authentication; the password comes from an environment variable.' }),
    headers: zod__WEBPACK_IMPORTED_MODULE_12__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().regex(/^[A-Za-z0-9-]+$/, { message: 'expected an HTTP header name' }), zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP())
        .optional()
        .meta({ description: 'Extra request headers, e.g. `X-Scope-OrgID: tenant-a` for Mimir. Values are masked in logs.' }),
    timeout: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.optional().meta({ description: 'Timeout of each query.', default: '10s' }),
})
    .meta({ description: 'The Prometheus-compatible query API the gate reads.' });
/** One service level objective. */
const sloSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
        message: 'expected 1-100 letters, digits, dots, dashes or underscores, e.g. api-availability',
    })
        .meta({ description: 'Unique SLO name; used in reports, rule labels and dashboards.' }),
    description: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().max(500).optional().meta({ description: 'What the SLO protects, for humans.' }),
    service: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().min(1).max(100).optional().meta({ description: 'Service label for generated rules; defaults to the SLO name.' }),
    objective: zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig()
        // A fraction (0.999) would mean 0.999 %: every deploy would pass. Objectives are percentages everywhere.
        .gt(1, { error: (issue) => (0,_objective_js__WEBPACK_IMPORTED_MODULE_16__/* .objectiveProblem */ .h)(Number(issue.input)) ?? 'expected a percentage above 1, e.g. 99.9' })
        .lt(100, { message: 'expected a percentage below 100 (100% leaves no error budget)' })
        .optional()
        .meta({
        description: 'Objective in percent, above 1 and below 100, e.g. 99.9 (not a fraction such as 0.999). Input `slo-target` overrides it.',
        default: 99.9,
    }),
    window: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.optional().meta({ description: 'SLO window. Input `window` overrides it.', default: '30d' }),
    sli: _sli_registry_js__WEBPACK_IMPORTED_MODULE_5__/* .sliSchema */ .WL,
    runbook: httpUrl.optional().meta({ description: 'Runbook URL, linked from reports and generated alerts.' }),
    enforcement: enforcementSchema,
})
    .meta({ description: 'A service level objective and how to measure it.' });
/** Budget-remaining thresholds, in percent. */
const thresholdsSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    caution: zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig().optional().meta({ description: 'At or above: NORMAL; below: CAUTION.', default: 80 }),
    warning: zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig().optional().meta({ description: 'Below: WARNING.', default: 50 }),
    freeze: zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig().optional().meta({ description: 'Below: FREEZE; below 0: EXHAUSTED.', default: 20 }),
})
    .meta({ description: 'Budget remaining (percent) at which the status changes. Must satisfy caution ≥ warning ≥ freeze ≥ 0.' });
/** Disaster-recovery drill freshness and recovery objectives. */
const drSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    enabled: zod__WEBPACK_IMPORTED_MODULE_12__/* .boolean */ .zMY().optional().meta({ description: 'Check DR freshness. Input `dr-check` overrides it.', default: true }),
    metric: promqlSchema.optional().meta({
        description: 'Gauge (or selector) holding the Unix time of the last successful drill. Input `dr-metric` overrides it.',
        default: 'dr_last_test_timestamp',
    }),
    'max-age': _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.optional().meta({ description: 'Oldest acceptable drill. Input `dr-max-age` overrides it.', default: '7d' }),
    lookback: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.optional().meta({
        description: 'How far back to look for the last pushed sample (a gauge pushed daily is stale for instant queries after 5 minutes). Default: twice max-age.',
    }),
    'backup-probe': zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
        query: promqlSchema.optional().meta({ description: 'Must evaluate to 1.', default: 'probe_success{job="dr-backup-check"}' }),
        lookback: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.optional().meta({ description: 'Newest sample within this range counts.', default: '1h' }),
    })
        .optional()
        .meta({ description: 'A backup probe that must currently succeed (present = enabled).' }),
    rto: zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
        metric: promqlSchema.optional().meta({ default: 'dr_last_recovery_time_seconds' }),
        max: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.meta({ description: 'Longest acceptable recovery time in the last drill.' }),
    })
        .optional()
        .meta({ description: 'Recovery time objective check (present = enabled).' }),
    rpo: zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
        metric: promqlSchema.optional().meta({ default: 'dr_last_data_loss_seconds' }),
        max: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.meta({ description: 'Largest acceptable data loss window in the last drill.' }),
    })
        .optional()
        .meta({ description: 'Recovery point objective check (present = enabled).' }),
    status: blockableStatusSchema.optional().meta({ description: 'Status a failed DR check raises the decision to.', default: 'WARNING' }),
    enforcement: enforcementSchema,
})
    .meta({ description: 'Disaster-recovery drill freshness.' });
/** A freeze window: recurring (cron start/end in a time zone) or one-off (from/to). */
const freezeWindowSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().min(1).max(100).meta({ description: 'Shown in the report when the window is active.' }),
    reason: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().max(500).optional().meta({ description: 'Why deploys are frozen.' }),
    start: _time_schemas_js__WEBPACK_IMPORTED_MODULE_10__/* .cronSchema */ .u3.optional().meta({ description: 'Recurring: cron expression at which the window opens.' }),
    end: _time_schemas_js__WEBPACK_IMPORTED_MODULE_10__/* .cronSchema */ .u3.optional().meta({ description: 'Recurring: cron expression at which the window closes.' }),
    timezone: _time_schemas_js__WEBPACK_IMPORTED_MODULE_10__/* .timezoneSchema */ .FC.optional().meta({ description: 'IANA time zone of start/end.', default: 'UTC' }),
    from: _time_schemas_js__WEBPACK_IMPORTED_MODULE_10__/* .timestampSchema */ .yo.optional().meta({ description: 'One-off: start, ISO 8601 with zone.' }),
    to: _time_schemas_js__WEBPACK_IMPORTED_MODULE_10__/* .timestampSchema */ .yo.optional().meta({ description: 'One-off: end, ISO 8601 with zone.' }),
    environments: zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().min(1)).optional().meta({
        description: 'Only these environments (default: all). When the policy has an `environments` map, each must be one of its keys, spelled exactly.',
    }),
    'applies-to': _inherit_applies_to_js__WEBPACK_IMPORTED_MODULE_8__/* .appliesToSchema */ .DX.optional(),
    enforcement: enforcementSchema,
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
const burnRateGuardSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().min(1).max(100).optional().meta({ description: 'Label for the report; default `<long>/<short> > <factor>x`.' }),
    long: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.meta({ description: 'Long window, e.g. 1h.' }),
    short: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.meta({ description: 'Short window, e.g. 5m.' }),
    factor: zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig().positive().meta({ description: 'Burn-rate factor both windows must exceed, e.g. 14.4.' }),
    status: blockableStatusSchema.optional().meta({ description: 'Status the guard raises the decision to.', default: 'FREEZE' }),
    'applies-to': _inherit_applies_to_js__WEBPACK_IMPORTED_MODULE_8__/* .appliesToSchema */ .DX.optional(),
    enforcement: enforcementSchema,
})
    .meta({ description: 'Fast-burn guard (SRE workbook multi-window pair).' });
const overrideLevelSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    permission: permissionSchema.optional().meta({ description: 'Lowest repository role allowed to use this level.' }),
    'require-environment-approval': zod__WEBPACK_IMPORTED_MODULE_12__/* .boolean */ .zMY().optional().meta({
        description: 'Require that the job ran in a GitHub environment with required reviewers; approvers are recorded.',
        default: false,
    }),
})
    .meta({ description: 'Who may use an override level.' });
/** The most base-branch globs `freezes.merge-status.branches` may map. */
const MAX_MERGE_STATUS_BRANCHES = 50;
/**
 * The freeze commit status on pull requests (issue 15; src/core/freeze/merge-status.ts): which base branches
 * carry which environments' freezes. Off when absent.
 */
const mergeStatusSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    enabled: zod__WEBPACK_IMPORTED_MODULE_12__/* .boolean */ .zMY().optional().meta({
        description: 'Set false to turn the status off where a parent policy turned it on.',
        default: true,
    }),
    branches: zod__WEBPACK_IMPORTED_MODULE_12__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().regex(/^[A-Za-z0-9._-]{1,100}$/, { message: 'expected an environment name such as production' }))
        .max(50)
        .meta({ description: 'The environments whose freezes hold pull requests into these branches (`[]`: none).' }))
        .superRefine((branches, ctx) => {
        const globs = Object.keys(branches);
        if (globs.length > MAX_MERGE_STATUS_BRANCHES)
            ctx.addIssue({ code: 'custom', message: `expected at most ${MAX_MERGE_STATUS_BRANCHES} base-branch globs, got ${globs.length}` });
        for (const glob of globs) {
            if (glob.length === 0 || glob.length > 255)
                ctx.addIssue({
                    code: 'custom',
                    path: [glob],
                    message: 'expected a base-branch glob of 1 to 255 characters, such as main or "release/*"',
                });
        }
    })
        .optional()
        .meta({
        description: 'Base-branch globs (`*` stops at `/`, `**` does not, `?` one character) to the environments a merge into them deploys. A pull request into a branch matching several globs is held by the freezes of all their environments; one into a branch no glob matches gets `success`.',
        examples: [{ main: ['production'], 'release/*': ['production', 'staging'] }],
    }),
})
    .meta({
    description: 'The commit status `deploy-governor/freeze` on open pull requests: `pending` (with the reason and the end) while a freeze on command or a freeze window covers an environment of the base branch, `success` otherwise. Make it required in a ruleset to block merges during a freeze (README, Governing an organisation). Off when absent.',
});
/** Freezes on command: `/freeze` and `/unfreeze` in comments (src/core/freeze/freeze-command.ts). */
const freezesSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    permission: permissionSchema.optional().meta({
        description: 'Lowest repository role that may run `/freeze` and `/unfreeze` in an issue or pull-request comment.',
        default: 'maintain',
    }),
    app: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP()
        .regex(/^[a-z0-9][a-z0-9-]{0,38}$/, { message: 'expected a GitHub App slug such as deploy-governor' })
        .optional()
        .meta({
        description: "Slug of your deploy-governor GitHub App: the Action and the CLI then read the `deploy-freeze` issues it opened (the repository's, and its organisation's in `<owner>/.github`) and treat them as the app's protection rule does (status FREEZE). Needs a token that can read issues (the Action: `permissions: issues: read`). Absent: the Action and the CLI do not read freezes on command.",
        examples: ['deploy-governor'],
    }),
    'merge-status': mergeStatusSchema.optional(),
})
    .meta({ description: 'Freezes on command: who may freeze and unfreeze deploys from a comment, and which app keeps them.' });
/** Held deployments (app only): how long a protection rule may wait for a freeze or a budget to clear, and how often it looks again. */
const holdSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    limit: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s
        .refine((d) => !(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .isDuration */ .n$)(d) || (0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDurationMs */ .yi)(d) <= _defaults_js__WEBPACK_IMPORTED_MODULE_4__/* .HOLD_LIMIT_MAX_MS */ .Kr, {
        message: 'expected at most 30d (GitHub waits at most 30 days for a protection rule), such as 24h',
    })
        .optional()
        .meta({
        description: 'Longest a deployment is held; then it is rejected. At most 30d (how long GitHub waits for a protection rule to answer).',
        default: '24h',
    }),
    interval: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s
        .refine((d) => !(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .isDuration */ .n$)(d) || (0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDurationMs */ .yi)(d) >= _defaults_js__WEBPACK_IMPORTED_MODULE_4__/* .HOLD_INTERVAL_MIN_MS */ .Ow, {
        message: 'expected at least 1m (each look evaluates the policy against Prometheus), such as 5m',
    })
        .optional()
        .meta({
        description: 'How often a held deployment is evaluated again (jittered); at least 1m. A freeze that ends releases it at once.',
        default: '5m',
    }),
})
    .meta({ description: 'Held deployments (`on-block: hold`): the longest hold and how often it is evaluated again.' });
/** Authorization of overrides from workflow_dispatch inputs. */
const overridesSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    'min-reason-length': zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig().int().min(1).max(1000).optional().meta({ default: 10 }),
    refs: zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().regex(/^refs\/(heads|tags)\/[^\s]+$/, { message: 'expected a full ref such as refs/heads/release' }))
        .max(20)
        .optional()
        .meta({
        description: "Refs, besides the default branch, whose workflows may record an override (the app checks the run's OIDC token). A workflow edited on any other branch can never produce a logged override.",
    }),
    levels: zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
        warning: overrideLevelSchema.optional().meta({ description: 'Default permission: write.' }),
        freeze: overrideLevelSchema.optional().meta({ description: 'Default permission: maintain.' }),
        exhausted: overrideLevelSchema.optional().meta({ description: 'Default permission: admin. Also passes UNKNOWN.' }),
    })
        .optional(),
})
    .meta({ description: 'Who may override a block, at which level.' });
/** Where the app keeps the override audit log. */
const auditSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    branch: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().min(1).optional().meta({ default: 'deploy-governor-audit' }),
    path: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().min(1).optional().meta({ default: 'audit/overrides.jsonl' }),
    app: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP()
        .regex(/^[a-z0-9][a-z0-9-]{0,38}$/, { message: 'expected a GitHub App slug such as deploy-governor' })
        .optional()
        .meta({
        description: 'Slug of the GitHub App that writes the log: `audit verify --repo` requires every commit to the log to be its own, signed.',
        default: 'deploy-governor',
    }),
})
    .meta({ description: 'The tamper-evident override audit log (written by the app).' });
/** A Prometheus label name for generated alerts. */
const alertLabelName = zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP()
    .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { message: 'expected a Prometheus label name such as team' })
    .refine((name) => !['slo', 'service', 'severity', 'alertname', 'environment', 'long_window', 'short_window'].includes(name), {
    message: 'slo, service, severity, alertname, environment, long_window and short_window are set by the generator; choose another label name',
});
/** One multi-window burn-rate alert condition of `deploy-governor generate rules`. */
const burnRateAlertSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    long: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.meta({ description: 'Long window, e.g. 1h.' }),
    short: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.meta({ description: 'Short window, e.g. 5m (both windows must burn faster than factor).' }),
    factor: zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig().positive().meta({
        description: "Burn-rate factor for a 30-day window, e.g. 14.4; scaled to each SLO's window (× window / 30d, as Sloth does) unless `alerting.factor-scaling` is `pinned`.",
    }),
    severity: (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(['page', 'ticket']).meta({
        description: 'Which alert the pair belongs to: SLOBurnRatePage or SLOBurnRateTicket (one alerting rule per pair, labelled long_window and short_window).',
    }),
    for: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.optional().meta({ description: "How long the pair's condition must hold before its alert fires.", default: '2m' }),
})
    .meta({ description: 'A multi-window burn-rate alert condition (SRE workbook).' });
/** What `deploy-governor generate rules` alerts on. */
const alertingSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    'min-traffic': zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig().int().min(0).optional().meta({
        description: "Fewest events in a burn-rate pair's long window before it may fire, so a handful of requests cannot page anyone. The CLI flag --min-traffic overrides it.",
        default: 100,
    }),
    'burn-rate-alerts': zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(burnRateAlertSchema).min(1).optional().meta({
        description: 'Burn-rate alert pairs. Default: page on 14.4x over 1h and 5m or 6x over 6h and 30m; ticket on 3x over 1d and 2h or 1x over 3d and 6h.',
    }),
    'factor-scaling': (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(['window', 'pinned']).optional().meta({
        description: "How the pairs' factors (written for a 30-day window, as the SRE workbook's) apply to an SLO window: `window` scales them by window / 30d, as Sloth does (13.44, 5.6, 2.8, 0.933 for 28d), so each pair fires on the same share of the budget; `pinned` uses them as written whatever the window.",
        default: 'window',
    }),
    labels: zod__WEBPACK_IMPORTED_MODULE_12__/* .record */ .g1P(alertLabelName, zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP())
        .optional()
        .meta({ description: 'Extra labels on every generated alert, e.g. `team: payments` for Alertmanager routing.' }),
})
    .meta({ description: 'Alerts written by `deploy-governor generate rules`.' });
/** Post-deploy verification (`phase: verify`, `deploy-governor verify`); src/core/verify/verify-settings.ts justifies the defaults. */
const verifySchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    bake: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.optional().meta({
        description: 'How long to watch the SLOs after the deploy; a regression ends the bake early. At most 6h. Input `bake` overrides it.',
        default: _verify_verify_settings_js__WEBPACK_IMPORTED_MODULE_7__/* .VERIFY_DEFAULTS */ .x.bake,
    }),
    interval: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.optional().meta({
        description: "Time between polls, each one round of the gate's queries; at least 5s and at most the bake. Input `verify-interval` overrides it.",
        default: _verify_verify_settings_js__WEBPACK_IMPORTED_MODULE_7__/* .VERIFY_DEFAULTS */ .x.interval,
    }),
    window: _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.optional().meta({
        description: "The short window whose burn rate each poll reads (the gate's own queries over it). Input `verify-window` overrides it.",
        default: _verify_verify_settings_js__WEBPACK_IMPORTED_MODULE_7__/* .VERIFY_DEFAULTS */ .x.window,
    }),
    factor: zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig().min(1).optional().meta({
        description: "A regression exceeds this many times the pre-deploy burn rate (the gate's 1h burn rate from its report)… Input `verify-factor` overrides it.",
        default: _verify_verify_settings_js__WEBPACK_IMPORTED_MODULE_7__/* .VERIFY_DEFAULTS */ .x.factor,
    }),
    floor: zod__WEBPACK_IMPORTED_MODULE_12__/* .number */ .aig().min(0).optional().meta({
        description: '…and this burn rate (1 = the budget lasts exactly its window). Input `verify-floor` overrides it.',
        default: _verify_verify_settings_js__WEBPACK_IMPORTED_MODULE_7__/* .VERIFY_DEFAULTS */ .x.floor,
    }),
    'no-data': (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(['fail', 'pass']).optional().meta({
        description: 'What an SLO with no measured poll during the bake (no samples, no traffic, failed queries) does: `fail` (no data after a deploy is not a pass) or `pass`. Input `verify-no-data` overrides it.',
        default: _verify_verify_settings_js__WEBPACK_IMPORTED_MODULE_7__/* .VERIFY_DEFAULTS */ .x.noData,
    }),
})
    .meta({ description: 'Post-deploy verification: watch the SLOs after the deploy and fail when the burn rate regressed.' });
/** Every policy value that an `environments.<name>` section may override. */
const policyFields = {
    prometheus: prometheusSchema.optional(),
    slos: zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(sloSchema).min(1).optional().meta({ description: 'The SLOs; the decision is the worst of them.' }),
    thresholds: thresholdsSchema.optional(),
    'block-on': blockableStatusSchema
        .optional()
        .meta({ description: 'Lowest status that blocks a deploy. Input `block-on` overrides it.', default: 'WARNING' }),
    'on-error': (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(['block', 'allow'])
        .optional()
        .meta({ description: 'What an evaluation error (UNKNOWN) does. Input `on-error` overrides it.', default: 'block' }),
    'use-recording-rules': (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(['true', 'false', 'auto'], { booleans: true }).optional().meta({
        description: 'Read the series recorded by `deploy-governor generate rules` instead of raw counters: `true` requires them, `false` never reads them, `auto` uses them when their history covers the SLO window. Input `use-recording-rules` overrides it.',
        default: 'auto',
    }),
    'scrape-interval': _duration_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .durationSchema */ .s.optional().meta({
        description: "How often Prometheus scrapes the SLIs' metrics. `generate rules` records its base rates over at least four scrape intervals (5m up to a 1m interval, 20m at 5m), since increase() needs two samples in its range; the gate reads the series named after that window.",
        default: '1m',
    }),
    alerting: alertingSchema.optional(),
    mode: (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(['enforce', 'report'])
        .optional()
        .meta({ description: '`report` evaluates and reports but never fails the step. Input `mode` overrides it.', default: 'enforce' }),
    dr: drSchema.optional(),
    'freeze-windows': zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(freezeWindowSchema).optional(),
    'burn-rate-guards': zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(burnRateGuardSchema)
        .optional()
        .meta({ description: 'Fast-burn guards; `[]` disables. Default: one guard, 1h and 5m over 14.4x.' }),
    'unknown-guards': (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(['allow', 'block']).optional().meta({
        description: "What a fast-burn guard does when one of its windows has no data (its query returned no samples), so it can be neither triggered nor cleared: `allow` shows it as unknown, with the query that returned nothing, without blocking; `block` blocks at the guard's status as if it had triggered.",
        default: 'allow',
    }),
    overrides: overridesSchema.optional(),
    audit: auditSchema.optional(),
    exclusions: _exclusions_exclusion_schema_js__WEBPACK_IMPORTED_MODULE_11__/* .exclusionsSchema */ .Nl.optional(),
    verify: verifySchema.optional(),
    'on-block': (0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(['hold', 'reject']).optional().meta({
        description: "What the app's deployment protection rule does with a deploy blocked by a freeze or the error budget: `reject` answers at once; `hold` leaves it waiting, evaluates it again (see `hold`) and approves it as soon as the policy allows, or rejects it at the hold's limit. Other blocks (an evaluation error, a DR drill) are always rejected. The Action and the CLI ignore it.",
        default: 'reject',
    }),
    hold: holdSchema.optional(),
    escalation: escalationSchema.optional(),
    'change-classes': _change_class_change_class_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .changeClassesSchema */ .Q5.optional(),
};
/** Per-environment overrides: any policy value, merged over the file's top level (arrays replace). */
const environmentPolicySchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej(policyFields).meta({ description: 'Policy values for one environment.' });
/**
 * Chat notifications: channels by the name the app's operator gave them
 * (NOTIFY_WEBHOOKS), never an address; the operator decides which repositories
 * may use which channel.
 */
const notifySchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    channels: zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
        message: 'expected a channel name from the app operator (letters, digits, ".", "_", "-")',
    }))
        .max(10)
        .meta({
        description: "Names of the app operator's webhooks to notify (NOTIFY_WEBHOOKS in the app's configuration): never a URL. A name the operator has not allowed for this repository sends nothing and is logged.",
        examples: [['deploys-checkout']],
    }),
    on: zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg((0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(_notify_notification_js__WEBPACK_IMPORTED_MODULE_17__.NOTIFICATION_KINDS))
        .optional()
        .meta({
        description: "What to notify about: `blocked` (a deploy the gate blocked), `override` (a verified override let one through), `postmortem-overdue` (the sweep found overdue action items), `held-released` and `held-expired` (a held deployment approved, or rejected at its hold's limit), `freeze-started` and `freeze-ended` (a freeze on command set, or lifted or expired).",
        default: [..._notify_notification_js__WEBPACK_IMPORTED_MODULE_17__.NOTIFICATION_KINDS],
    }),
})
    .meta({ description: 'Chat notifications through the deploy-governor app (Slack, Mattermost, Rocket.Chat, Microsoft Teams).' });
/** The whole policy file. */
const policyFileSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    $schema: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().optional().meta({ description: 'Editor hint; ignored.' }),
    version: zod__WEBPACK_IMPORTED_MODULE_12__/* .literal */ .euz(1).optional().meta({ description: 'Policy file format version.', default: 1 }),
    extends: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP()
        .superRefine((value, ctx) => {
        const parsed = (0,_inherit_extends_spec_js__WEBPACK_IMPORTED_MODULE_18__/* .parseExtends */ .DB)(value);
        if ('problem' in parsed)
            ctx.addIssue({ code: 'custom', message: `${parsed.problem}; expected ${_inherit_extends_spec_js__WEBPACK_IMPORTED_MODULE_18__/* .EXTENDS_FORM */ .Nc}` });
    })
        .optional()
        .meta({
        description: "A policy file this one extends, as `owner/repo[:path][@ref]` (Probot's `_extends`): the path defaults to .github/deploy-governor.yml, the ref to the repository's default branch. Only files of the repository's own owner; at most 3 levels. This file merges over it (README, Governing an organisation).",
        examples: ['acme/.github', 'acme/.github:policies/payments.yml@main'],
    }),
    locked: zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg((0,_enum_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .enumSchema */ .xx)(_inherit_locks_js__WEBPACK_IMPORTED_MODULE_9__/* .LOCKABLE_KEYS */ .Zj))
        .max(_inherit_locks_js__WEBPACK_IMPORTED_MODULE_9__/* .LOCKABLE_KEYS */ .Zj.length * 2)
        .optional()
        .meta({
        description: 'Keys that files extending this one may make stricter but never looser; a lock set by a parent stays, whatever a child lists here (README, Governing an organisation).',
        examples: [['block-on', 'freeze-windows', 'overrides']],
    }),
    sloth: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP()
        .min(1)
        .optional()
        .meta({
        description: 'Path (from the repository root) of a Sloth `prometheus/v1` SLO spec whose SLOs are added to `slos` (a Sloth user can point the gate at the file they already have). Read by the Action, the CLI and the app.',
        examples: ['slos/checkout.sloth.yml'],
    }),
    openslo: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP()
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
    environments: zod__WEBPACK_IMPORTED_MODULE_12__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP().regex(/^[A-Za-z0-9._-]+$/, { message: 'expected an environment name' }), environmentPolicySchema)
        .optional()
        .meta({ description: 'Per-environment overrides, keyed by environment name.' }),
    postmortems: _postmortem_postmortem_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .postmortemsSchema */ .HM.optional(),
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
                    message: (0,_environment_names_js__WEBPACK_IMPORTED_MODULE_19__/* .unknownFreezeEnvironmentMessage */ .wu)(w.name, name, known),
                });
            }
        }
    };
    check(file['freeze-windows'], ['freeze-windows']);
    for (const [env, section] of Object.entries(file.environments ?? {}))
        check(section['freeze-windows'], ['environments', env, 'freeze-windows']);
    // Likewise an environment the merge status maps a branch to: a typo must not let merges through a freeze.
    for (const [branch, names] of Object.entries(file.freezes?.['merge-status']?.branches ?? {})) {
        for (const [j, name] of names.entries()) {
            if (known.includes(name))
                continue;
            ctx.addIssue({
                code: 'custom',
                path: ['freezes', 'merge-status', 'branches', branch, j],
                message: (0,_environment_names_js__WEBPACK_IMPORTED_MODULE_19__/* .unknownMergeStatusEnvironmentMessage */ .Tr)(branch, name, known),
            });
        }
    }
})
    .meta({
    title: 'deploy-governor policy',
    description: 'Policy for deploy-governor (.github/deploy-governor.yml): SLOs, thresholds, DR, freeze windows, guards and overrides.',
});


/***/ }),

/***/ 9820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FC: () => (/* binding */ timezoneSchema),
/* harmony export */   u3: () => (/* binding */ cronSchema),
/* harmony export */   yo: () => (/* binding */ timestampSchema)
/* harmony export */ });
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8628);
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(cron_parser__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5491);
/**
 * The policy's clock types: cron expressions, IANA time zones and ISO 8601
 * timestamps, shared by freeze windows and budget exclusions.
 */


const cronSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().refine((expr) => {
    try {
        cron_parser__WEBPACK_IMPORTED_MODULE_0__.CronExpressionParser.parse(expr);
        return true;
    }
    catch {
        return false;
    }
}, { message: 'expected a cron expression with 5 fields (minute hour day-of-month month day-of-week), e.g. "0 18 * * 5"' });
const timezoneSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().refine((tz) => {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
    }
    catch {
        return false;
    }
}, { message: 'expected an IANA time zone such as Europe/Berlin or America/New_York' });
const timestampSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'expected an ISO 8601 timestamp with a time zone, e.g. 2026-11-27T00:00:00Z or 2026-11-27T00:00:00-05:00',
});


/***/ })

};

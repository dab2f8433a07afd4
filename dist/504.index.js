export const id = 504;
export const ids = [504,693];
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

/***/ 504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planExclusions: () => (/* binding */ planExclusions)
});

// EXTERNAL MODULE: ./src/core/override/decide-override.ts
var decide_override = __webpack_require__(3155);
;// CONCATENATED MODULE: ./src/core/exclusions/admit-exclusions.ts
/**
 * Which exclusions the budget may honour: the audit rule of the error-budget
 * policy. An exclusion must be in the policy before the interval it excludes
 * starts; one added later (a retroactive exclusion, which erases errors already
 * spent) counts only when the person who added it holds the role of the
 * `exhausted` override level. Pure: when and by whom an exclusion was added are
 * facts read from GitHub (the commit that introduced it, and the author's role
 * from the API), never from the policy file, and without them a started
 * interval is refused (fail closed: refusing keeps the stricter budget). A
 * commit date only counts when GitHub set it (a commit GitHub made and signed);
 * a date from someone's git client can be backdated, so such a commit needs the
 * role, as a retroactive one does.
 */

/**
 * Judges each occurrence by the audit rule.
 * @param required the role of the `exhausted` override level (policy `overrides.levels.exhausted.permission`)
 */
function admitExclusions(occurrences, origins, required) {
    return occurrences.map((o) => {
        const started = o.from.toISOString();
        if ('unavailable' in origins) {
            return {
                ...o,
                admission: 'refused',
                addedAt: null,
                addedBy: null,
                note: `refused: when it was added is unknown (${origins.unavailable}), and an exclusion counts only if it was added before its interval started (${started})`,
            };
        }
        const origin = origins.known.get(o.name);
        if (origin === undefined) {
            return {
                ...o,
                admission: 'refused',
                addedAt: null,
                addedBy: null,
                note: `refused: no commit of the policy file that GitHub lists introduces it, so when it was added is unknown (an exclusion counts only if it was added before its interval started, ${started})`,
            };
        }
        const facts = { addedAt: origin.addedAt, addedBy: origin.addedBy };
        const who = origin.addedBy ?? 'an author GitHub links to no account';
        if (origin.attested && origin.addedAt.getTime() <= o.from.getTime())
            return {
                ...o,
                ...facts,
                admission: 'added-before-start',
                note: `added ${origin.addedAt.toISOString()} by ${who}, before it started`,
            };
        // Past this point it was added after it started, or at a time only its author's git client vouches for.
        const when = origin.attested
            ? `added ${origin.addedAt.toISOString()}, after it started (${started}),`
            : `added by a commit dated ${origin.addedAt.toISOString()} by its author's git client (not a commit GitHub made, so the date is not a fact),`;
        const role = origin.role === null ? null : (origin.role.roleName ?? origin.role.permission);
        if (origin.addedBy !== null && origin.role !== null && (0,decide_override/* hasPermission */._m)(origin.role, required)) {
            return {
                ...o,
                ...facts,
                admission: 'authorized-role',
                note: `${when} by ${who}, whose role ${role} meets the exhausted override level (${required})`,
            };
        }
        return {
            ...o,
            ...facts,
            admission: 'refused',
            note: `refused: ${when} by ${who}${role === null ? ' (role unknown)' : ` (role ${role})`}; an exclusion not shown to predate its interval needs the role of the exhausted override level (${required}) or higher`,
        };
    });
}

// EXTERNAL MODULE: ./src/core/duration.ts
var core_duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/freeze/active-freeze-windows.ts
var active_freeze_windows = __webpack_require__(7693);
// EXTERNAL MODULE: ./src/core/policy/policy-error.ts
var policy_error = __webpack_require__(5833);
// EXTERNAL MODULE: ./src/core/exclusions/exclusion-schema.ts
var exclusion_schema = __webpack_require__(2533);
;// CONCATENATED MODULE: ./src/core/exclusions/excluded-intervals.ts
/**
 * The intervals an SLO window leaves out: every occurrence of the policy's
 * exclusions that overlaps the window, clipped to it. Pure: no I/O, no clock.
 */




/**
 * The occurrences of `exclusions` that overlap [`fromMs`, `toMs`), oldest first (a one-off that does, and each
 * interval of a recurring window that does; a recurring window's interval that started before `fromMs` and is still
 * open then counts too).
 * @throws PolicyError when more than MAX_EXCLUDED_INTERVALS overlap, naming the exclusions that contribute most
 */
function occurrencesOverlapping(exclusions, fromMs, toMs, source) {
    const found = [];
    for (const x of exclusions) {
        const base = { name: x.name, kind: x.kind, reason: x.reason };
        if (x.from !== undefined && x.to !== undefined) {
            const [from, to] = [Date.parse(x.from), Date.parse(x.to)];
            if (from < toMs && to > fromMs)
                found.push({ ...base, from: new Date(from), to: new Date(to) });
            continue;
        }
        if (x.cron === undefined || x.duration === undefined)
            continue;
        const duration = (0,core_duration/* parseDurationMs */.yi)(x.duration);
        // One past the bound is enough to refuse; the schema has checked the cron and the zone.
        const starts = (0,active_freeze_windows.occurrencesBetween)(x.cron, x.timezone ?? 'UTC', fromMs - duration + 1, toMs, exclusion_schema/* MAX_EXCLUDED_INTERVALS */.Xd + 1) ?? [];
        for (const start of starts)
            found.push({ ...base, from: start, to: new Date(start.getTime() + duration) });
    }
    if (found.length > exclusion_schema/* MAX_EXCLUDED_INTERVALS */.Xd) {
        const counts = new Map();
        for (const o of found)
            counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
        const most = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3);
        throw new policy_error/* PolicyError */.p(source, [
            {
                path: 'exclusions',
                message: `more than ${exclusion_schema/* MAX_EXCLUDED_INTERVALS */.Xd} excluded intervals overlap the ${new Date(fromMs).toISOString()} to ${new Date(toMs).toISOString()} SLO window (${most.map(([n, c]) => `"${n}": ${c}`).join(', ')}); expected at most ${exclusion_schema/* MAX_EXCLUDED_INTERVALS */.Xd}: make recurring exclusions less frequent or remove one-offs`,
            },
        ]);
    }
    return found.sort((a, b) => a.from.getTime() - b.from.getTime() || a.name.localeCompare(b.name));
}
/**
 * The occurrences clipped to [`fromMs`, `toMs`) and made disjoint: where two overlap (a recurring window and a
 * one-off on the same night), the later one keeps only what the earlier does not cover, so no minute is subtracted
 * twice. Occurrences left empty are dropped.
 */
function disjointIntervals(occurrences, fromMs, toMs) {
    const out = [];
    let covered = fromMs;
    for (const o of [...occurrences].sort((a, b) => a.from.getTime() - b.from.getTime())) {
        const start = Math.max(o.from.getTime(), covered);
        const end = Math.min(o.to.getTime(), toMs);
        if (end <= start)
            continue;
        out.push({ ...o, start: new Date(start), end: new Date(end) });
        covered = end;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/exclusions/plan-exclusions.ts


/**
 * @throws PolicyError when more than MAX_EXCLUDED_INTERVALS intervals overlap one SLO's window
 */
function planExclusions(policy, now, origins, source) {
    const t = now.getTime();
    const required = policy.overrides.levels.exhausted.permission;
    const judgedByKey = new Map();
    const intervals = new Map();
    for (const slo of policy.slos) {
        const from = t - slo.windowMs;
        const judged = admitExclusions(occurrencesOverlapping(policy.exclusions, from, t, source), origins, required);
        for (const j of judged)
            judgedByKey.set(`${j.name}@${j.from.toISOString()}`, j);
        intervals.set(slo.name, disjointIntervals(judged.filter((j) => j.admission !== 'refused'), from, t));
    }
    const judged = [...judgedByKey.values()].sort((a, b) => a.from.getTime() - b.from.getTime() || a.name.localeCompare(b.name));
    const refusedByName = new Map();
    for (const j of judged.filter((x) => x.admission === 'refused'))
        refusedByName.set(j.name, [...(refusedByName.get(j.name) ?? []), j]);
    const findings = [...refusedByName].map(([name, refused]) => ({
        source: 'budget',
        status: 'NORMAL',
        code: 'exclusion',
        message: `Exclusion "${name}": ${refused.length} interval(s) still count against the budget; the first was ${refused[0].note}`,
    }));
    return {
        intervals,
        audit: judged.map((j) => ({
            name: j.name,
            kind: j.kind,
            reason: j.reason,
            from: j.from.toISOString(),
            to: j.to.toISOString(),
            admission: j.admission,
            addedAt: j.addedAt === null ? null : j.addedAt.toISOString(),
            addedBy: j.addedBy,
            note: j.note,
        })),
        findings,
    };
}


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

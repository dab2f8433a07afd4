export const id = 693;
export const ids = [693];
export const modules = {

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


/***/ })

};

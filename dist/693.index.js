export const id = 693;
export const ids = [693];
export const modules = {

/***/ 7693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   activeFreezeWindows: () => (/* binding */ activeFreezeWindows),
/* harmony export */   nextFreezeWindow: () => (/* binding */ nextFreezeWindow)
/* harmony export */ });
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8628);
/* harmony import */ var cron_parser__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(cron_parser__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Freeze windows: one-off (`from`/`to`) and recurring (cron `start`/`end` in an
 * IANA time zone). A recurring window is open when its latest start at or before
 * now is later than its latest end at or before now, so a window from Friday
 * 18:00 to Monday 08:00 works across the week boundary, and cron-parser's time
 * zone support keeps it right across daylight-saving changes.
 */

const MAX_STEPS = 8;
/** The latest occurrence at or before `now` (cron-parser's prev() is strictly before its start point). */
function latestAtOrBefore(expr, tz, now) {
    try {
        const it = cron_parser__WEBPACK_IMPORTED_MODULE_0__.CronExpressionParser.parse(expr, { currentDate: new Date(now.getTime() + 1), tz });
        // Around DST changes cron-parser can step to the wrong side of the start point; step again.
        for (let i = 0; i < MAX_STEPS; i++) {
            const d = it.prev().toDate();
            if (d.getTime() <= now.getTime())
                return d;
        }
    }
    catch {
        // No occurrence in the iterator's range: the window has never opened.
    }
    return null;
}
/** The first occurrence strictly after `now`. */
function firstAfter(expr, tz, now) {
    try {
        const it = cron_parser__WEBPACK_IMPORTED_MODULE_0__.CronExpressionParser.parse(expr, { currentDate: now, tz });
        for (let i = 0; i < MAX_STEPS; i++) {
            const d = it.next().toDate();
            if (d.getTime() > now.getTime())
                return d;
        }
    }
    catch {
        // No further occurrence.
    }
    return null;
}
function activeWindow(w, now) {
    const reason = w.reason ?? null;
    if (w.from !== undefined && w.to !== undefined) {
        const from = new Date(w.from);
        const to = new Date(w.to);
        return from.getTime() <= now.getTime() && now.getTime() < to.getTime()
            ? { name: w.name, reason, since: from.toISOString(), until: to.toISOString() }
            : null;
    }
    if (w.start === undefined || w.end === undefined)
        return null;
    const tz = w.timezone ?? 'UTC';
    const lastStart = latestAtOrBefore(w.start, tz, now);
    if (!lastStart)
        return null;
    const lastEnd = latestAtOrBefore(w.end, tz, now);
    if (lastEnd && lastEnd.getTime() >= lastStart.getTime())
        return null;
    const until = firstAfter(w.end, tz, now);
    return { name: w.name, reason, since: lastStart.toISOString(), until: until ? until.toISOString() : null };
}
/** The windows open at `now`, soonest to close first. */
function activeFreezeWindows(windows, now) {
    return windows
        .map((w) => activeWindow(w, now))
        .filter((w) => w !== null)
        .sort((a, b) => (a.until ?? '9999').localeCompare(b.until ?? '9999'));
}
/** The next window to open within `horizonDays` (reports say "next freeze: …"). */
function nextFreezeWindow(windows, now, horizonDays = 14) {
    const horizon = now.getTime() + horizonDays * 86_400_000;
    const upcoming = windows
        .map((w) => {
        if (w.from !== undefined && w.to !== undefined) {
            const from = new Date(w.from);
            return from.getTime() > now.getTime() ? { name: w.name, from, until: new Date(w.to) } : null;
        }
        if (w.start === undefined || w.end === undefined)
            return null;
        const tz = w.timezone ?? 'UTC';
        const from = firstAfter(w.start, tz, now);
        return from ? { name: w.name, from, until: firstAfter(w.end, tz, from) } : null;
    })
        .filter((w) => w !== null && w.from.getTime() <= horizon)
        .sort((a, b) => a.from.getTime() - b.from.getTime());
    const first = upcoming[0];
    return first ? { name: first.name, from: first.from.toISOString(), until: first.until ? first.until.toISOString() : null } : null;
}


/***/ })

};

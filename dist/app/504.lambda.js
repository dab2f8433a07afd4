export const id = 504;
export const ids = [504];
export const modules = {

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


/***/ })

};

export const id = 502;
export const ids = [502];
export const modules = {

/***/ 6502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  generateRules: () => (/* binding */ generateRules)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/promql/promql.ts
var promql = __webpack_require__(2124);
// EXTERNAL MODULE: ./src/core/sli/registry.ts + 6 modules
var registry = __webpack_require__(3040);
;// CONCATENATED MODULE: ./src/core/generate/burn-rate-factors.ts
/**
 * Burn-rate factors scaled to the SLO window, the way Sloth does it.
 *
 * A multi-window pair alerts when its long window spends a fixed share of the
 * error budget: the SRE workbook's 30-day pairs spend 2% in 1h (14.4x), 5% in
 * 6h (6x), 10% in 1d (3x) and 10% in 3d (1x). Sloth keeps those shares for
 * every SLO period and derives the factor from them
 * (slok/sloth internal/alert/window.go, getBurnRateFactor):
 *
 *     factor = budgetPercent × periodHours / 100 / longWindowHours
 *
 * in float64, unrounded (its rules print the shortest round-tripping decimal:
 * 13.44, 5.6, 2.8 and 0.9333333333333333 for 28 days). The factors of the policy
 * are written for a 30-day window, as the workbook's, so each is turned back
 * into its budget share (rounded to 12 significant digits, which recovers the
 * workbook's 2, 5, 10 and 10 exactly) and then run through Sloth's arithmetic
 * in the same order, giving the same double Sloth writes. That equals
 * `factor × window / 30d`.
 */

/** The window the policy's factors are written for: the SRE workbook's. */
const FACTOR_REFERENCE_WINDOW = '30d';
const HOUR_MS = 3_600_000;
const REFERENCE_HOURS = (0,duration/* parseDurationMs */.yi)(FACTOR_REFERENCE_WINDOW) / HOUR_MS;
/** The share of the SLO window's error budget (percent) a factor spends over the long window: factor × long / window. */
function budgetPercentOf(factor, long, window) {
    return Number((((factor * (0,duration/* parseDurationMs */.yi)(long)) / (0,duration/* parseDurationMs */.yi)(window)) * 100).toPrecision(12));
}
/**
 * The factor of a pair for an SLO window: `factor × window / 30d`, computed as
 * Sloth computes it (see the file's comment). A 30-day window keeps the factor
 * as written.
 * @param factor the pair's factor for a 30-day window
 * @param long the pair's long window
 * @param window the SLO window
 */
function scaledFactor(factor, long, window) {
    const periodHours = (0,duration/* parseDurationMs */.yi)(window) / HOUR_MS;
    if (periodHours === REFERENCE_HOURS)
        return factor;
    const longHours = (0,duration/* parseDurationMs */.yi)(long) / HOUR_MS;
    const budgetPercent = Number((((factor * longHours) / REFERENCE_HOURS) * 100).toPrecision(12));
    return (budgetPercent * periodHours) / 100 / longHours;
}
/** A factor for people: four significant digits (13.44, 0.9333). */
function factorText(factor) {
    return String(Number(factor.toPrecision(4)));
}

;// CONCATENATED MODULE: ./src/core/generate/exclusion-mask.ts
const seconds = (ms) => String(ms / 1000);
/** @param baseMs the base window of the rates the mask applies to */
function exclusionMask(exclusions, baseMs) {
    const conditions = [];
    const unmasked = [];
    for (const x of exclusions) {
        if (x.from !== undefined && x.to !== undefined) {
            conditions.push(`(vector(time()) >= ${seconds(Date.parse(x.from))} and vector(time()) < ${seconds(Date.parse(x.to) + baseMs)})`);
        }
        else {
            unmasked.push(`exclusion "${x.name}" (cron "${x.cron}" in ${x.timezone ?? 'UTC'}, ${x.duration}) is not masked in these rules: PromQL has no time zones or calendar, so the recorded budget counts it; the gate leaves it out`);
        }
    }
    return { expr: conditions.length === 0 ? null : conditions.join(' or '), unmasked };
}

// EXTERNAL MODULE: ./node_modules/cron-parser/dist/index.js
var cron_parser_dist = __webpack_require__(8628);
;// CONCATENATED MODULE: ./src/core/generate/freeze-expr.ts
/**
 * A freeze window as a PromQL condition for the "deploy freeze active" alert.
 *
 * PromQL has the clock (`time()`, and `day_of_week()`, `hour()`, `minute()` in
 * UTC) but no calendar or time zones, so only what it can state exactly is
 * generated:
 * - one-off windows (`from`/`to`): `vector(time()) >= from < to`;
 * - recurring windows whose crons repeat weekly (day-of-month and month `*`) in
 *   a zone without daylight saving (UTC by default): the minutes of the week
 *   the window covers, as ranges of `day_of_week()*1440 + hour()*60 + minute()`.
 * Anything else (monthly or yearly crons, zones with daylight saving, where a
 * fixed UTC pattern would be an hour off for half the year) is reported as
 * unsupported; the gate still enforces it, and the decision it pushes
 * (`deploy_governor_decision{status="FREEZE"}`) shows on the dashboard.
 */

const MINUTE = 60_000;
const WEEK_MINUTES = 7 * 24 * 60;
/** A Sunday 00:00 UTC: PromQL's day_of_week() counts from Sunday = 0. */
const ANCHOR = Date.UTC(2024, 0, 7);
const MAX_OCCURRENCES = 50_000;
/** PromQL for the current minute of the week (UTC), Sunday 00:00 = 0. */
const MINUTE_OF_WEEK = '(day_of_week() * 1440 + hour() * 60 + minute())';
function offsetName(tz, at) {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
        .formatToParts(new Date(at))
        .find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
}
/** True when the zone's UTC offset is the same all year (checked on the first of every month). */
function hasFixedOffset(tz) {
    const offsets = new Set();
    for (let month = 0; month < 12; month++)
        offsets.add(offsetName(tz, Date.UTC(2024, month, 1)));
    return offsets.size === 1;
}
function occurrences(expr, tz, from, to) {
    const it = cron_parser_dist.CronExpressionParser.parse(expr, { currentDate: new Date(from - 1), endDate: new Date(to), tz });
    const out = [];
    while (it.hasNext()) {
        const t = it.next().getTime();
        if (t >= to)
            break;
        out.push(t);
        if (out.length > MAX_OCCURRENCES)
            return null;
    }
    return out;
}
/** Minute-of-week ranges [start, end) covered by a weekly recurring window. */
function weeklyRanges(start, end, tz) {
    const from = ANCHOR - 7 * 24 * 60 * MINUTE;
    const to = ANCHOR + 7 * 24 * 60 * MINUTE;
    const starts = occurrences(start, tz, from, to);
    const ends = occurrences(end, tz, from, to);
    if (!starts || !ends)
        return null;
    // An end at the same instant as a start wins, as in the gate (src/core/freeze/active-freeze-windows.ts).
    const events = [...starts.map((t) => ({ t, open: true })), ...ends.map((t) => ({ t, open: false }))].sort((a, b) => a.t - b.t || (a.open ? -1 : 1));
    let i = 0;
    let open = false;
    for (; i < events.length && events[i].t < ANCHOR; i++)
        open = events[i].open;
    let openedAt = 0;
    const ranges = [];
    for (; i < events.length; i++) {
        const e = events[i];
        const minute = Math.round((e.t - ANCHOR) / MINUTE);
        if (e.open && !open)
            openedAt = minute;
        else if (!e.open && open && minute > openedAt)
            ranges.push([openedAt, minute]);
        open = e.open;
    }
    if (open)
        ranges.push([openedAt, WEEK_MINUTES]);
    return ranges;
}
/** The PromQL condition under which `window` is open, or why there is none. */
function freezeCondition(window) {
    if (window.from !== undefined && window.to !== undefined) {
        return { expr: `vector(time()) >= ${Date.parse(window.from) / 1000} < ${Date.parse(window.to) / 1000}` };
    }
    if (window.start === undefined || window.end === undefined)
        return { unsupported: 'it has neither from/to nor start/end' };
    const tz = window.timezone ?? 'UTC';
    const weekly = [window.start, window.end].every((expr) => {
        const fields = expr.trim().split(/\s+/);
        return fields.length === 5 && fields[2] === '*' && fields[3] === '*';
    });
    if (!weekly)
        return { unsupported: 'its cron expressions do not repeat weekly (PromQL has no calendar)' };
    if (!hasFixedOffset(tz))
        return { unsupported: `its time zone ${tz} has daylight saving (PromQL's clock is UTC)` };
    const ranges = weeklyRanges(window.start, window.end, tz);
    if (!ranges)
        return { unsupported: 'its crons fire too often to list' };
    if (ranges.length === 0)
        return { unsupported: 'it is never open' };
    if (ranges.length === 1 && ranges[0][0] === 0 && ranges[0][1] === WEEK_MINUTES)
        return { expr: 'vector(1)' };
    return { expr: ranges.map(([a, b]) => `(${MINUTE_OF_WEEK} >= ${a} < ${b})`).join(' or ') };
}

// EXTERNAL MODULE: ./src/core/generate/recorded-series.ts
var recorded_series = __webpack_require__(7301);
;// CONCATENATED MODULE: ./src/core/generate/rules.ts
/**
 * Prometheus rules generated from the policy: recording rules that keep every
 * SLO ratio traffic-weighted, multi-window multi-burn-rate alerts with a
 * minimum-traffic guard (one alerting rule per pair, with its own `for`),
 * DR alerts, a budget-exhausted alert, a "deploy freeze active" alert and an
 * alert on overridden deploys.
 *
 * Naming scheme (namespace `deploy_governor:`, so Sloth's `slo:` series can be
 * loaded beside them; labels `slo` and `service` on every SLO series; `<b>` is
 * the base window, 5m unless the policy's `scrape-interval` needs more):
 * - `deploy_governor:sli_error:rate<b>`, `deploy_governor:sli_total:rate<b>`:
 *   events per second over the base window, the only rules that read raw
 *   counters;
 * - `deploy_governor:sli_error:ratio_rate<w>`: error ratio over w, computed as
 *   sum_over_time(errors) / sum_over_time(totals) of the base rates, so every
 *   window is weighted by traffic, never an average of ratios (the evaluation
 *   interval cancels out of the quotient);
 * - `deploy_governor:sli_total:count<w>`: events over w (sum of the base rates ×
 *   the evaluation interval; used by the minimum-traffic guard);
 * - `deploy_governor:burn_rate:<w>`, `deploy_governor:objective:ratio`,
 *   `deploy_governor:error_budget_remaining:ratio`.
 * Windows: 5m, 30m, 1h, 2h, 6h, 1d, 3d, the SLO window, and any window of the
 * configured alert pairs and burn-rate guards (see recordedWindows). A window
 * shorter than the base window reads the base window's ratio.
 *
 * Groups per SLO, each reading only the one before, because promtool backfills
 * a rule only from series that already exist: `:base` (raw counters → base
 * rates), `:windows` (→ ratios and counts), `:budget` (→ burn rates and
 * budget remaining), `:alerts`.
 *
 * Why rates sampled every minute rather than increases summed: a 5m increase
 * recorded every minute counts each event five times, so a plain sum_over_time
 * overcounts; dividing by the base window's seconds and multiplying by the 60 s
 * interval restores the count exactly, and a subquery ([w:5m]) would re-read
 * raw counters. A long window sums what exists, so a young service gets a
 * ratio over its history instead of NaN.
 *
 * Burn-rate factors are written for a 30-day window and scaled to the SLO
 * window as Sloth scales them (burn-rate-factors.ts), unless pinned.
 */








/** How long the DeployOverridden alert stays up after an overridden decision. */
const OVERRIDE_ALERT_SECONDS = 86_400;
/** Alert names by severity: stable, one alerting rule per pair under them. */
const BURN_RATE_ALERT_NAMES = { page: 'SLOBurnRatePage', ticket: 'SLOBurnRateTicket' };
/** A number as the rules write it: 12 significant digits (Sloth writes the full double, e.g. 5.6000000000000005). */
const promNumber = (n) => String(Number(n.toPrecision(12)));
/**
 * The SLO's base recordings, from its SLI kind's module (src/core/sli/kinds/), over its base window; with a mask, the
 * same rates outside the one-off exclusions too (read from the raw counters, like the base, so promtool backfills them
 * in the same pass).
 */
function baseRules(slo, labels, mask) {
    const base = (0,recorded_series/* baseSeries */.N8)(slo);
    const seconds = (0,duration/* parseDurationMs */.yi)(base.window) / 1000;
    const recording = (0,registry/* sliKindOf */.Kh)(slo.sli).recording(slo.sli, base.window);
    if ('counts' in recording) {
        const rates = [
            { record: base.error, expr: `${recording.counts.error} / ${seconds}`, labels },
            { record: base.total, expr: `${recording.counts.total} / ${seconds}`, labels },
        ];
        if (mask === null)
            return rates;
        return [
            ...rates,
            { record: recorded_series/* SERIES */.mU.includedErrorRate(base.window), expr: `(${recording.counts.error} / ${seconds}) unless on () (${mask})`, labels },
            { record: recorded_series/* SERIES */.mU.includedTotalRate(base.window), expr: `(${recording.counts.total} / ${seconds}) unless on () (${mask})`, labels },
        ];
    }
    return [{ record: base.ratio, expr: recording.ratio, labels }];
}
/**
 * Ratios and counts per window: read only the base series (so promtool can
 * backfill them in one pass after the base). A window no longer than the base
 * window is the base window's ratio.
 */
function windowRules(slo, labels, windows, masked) {
    const sel = (0,recorded_series/* sloSelector */.Wd)(slo);
    const base = (0,recorded_series/* baseSeries */.N8)(slo);
    const baseMs = (0,duration/* parseDurationMs */.yi)(base.window);
    const baseSeconds = baseMs / 1000;
    const rules = [{ record: recorded_series/* SERIES */.mU.objective, expr: `vector(${promNumber(slo.objective / 100)})`, labels }];
    const countsEvents = (0,registry/* sliKindOf */.Kh)(slo.sli).countsEvents;
    for (const w of windows) {
        const withinBase = (0,duration/* parseDurationMs */.yi)(w) <= baseMs;
        if (!countsEvents) {
            if (w !== base.window) {
                rules.push({
                    record: recorded_series/* SERIES */.mU.errorRatio(w),
                    expr: withinBase ? `${base.ratio}${sel}` : `avg_over_time(${base.ratio}${sel}[${w}])`,
                    labels,
                });
            }
            continue;
        }
        // The SLO window's budget leaves the one-off exclusions out; the burn-rate windows count them, as the gate's do.
        const [error, total] = masked && w === slo.window
            ? [recorded_series/* SERIES */.mU.includedErrorRate(base.window), recorded_series/* SERIES */.mU.includedTotalRate(base.window)]
            : [base.error, base.total];
        rules.push({
            record: recorded_series/* SERIES */.mU.errorRatio(w),
            expr: withinBase ? `${error}${sel} / ${total}${sel}` : `sum_over_time(${error}${sel}[${w}]) / sum_over_time(${total}${sel}[${w}])`,
            labels,
        });
        rules.push({
            record: recorded_series/* SERIES */.mU.totalCount(w),
            expr: withinBase ? `${total}${sel} * ${baseSeconds}` : `sum_over_time(${total}${sel}[${w}]) * ${recorded_series/* RULE_INTERVAL_SECONDS */.$s}`,
            labels,
        });
    }
    return rules;
}
/** Burn rates and budget remaining: read only the window ratios (the next backfill pass). */
function budgetRules(slo, labels, windows) {
    const allowed = promNumber(1 - slo.objective / 100);
    const sel = (0,recorded_series/* sloSelector */.Wd)(slo);
    return [
        ...windows.map((w) => ({ record: recorded_series/* SERIES */.mU.burnRate(w), expr: `${recorded_series/* SERIES */.mU.errorRatio(w)}${sel} / ${allowed}`, labels })),
        { record: recorded_series/* SERIES */.mU.budgetRemaining, expr: `1 - ${recorded_series/* SERIES */.mU.errorRatio(slo.window)}${sel} / ${allowed}`, labels },
    ];
}
/** A pair's factor for this SLO's window: scaled as Sloth does unless pinned. */
function pairFactor(pair, window) {
    return pair.pinned ? pair.factor : scaledFactor(pair.factor, pair.long, window);
}
/** One alerting rule per pair, with the pair's own `for`; pages first, then tickets, each in the policy's order. */
function alertRules(slo, labels, extra, pairs, minTraffic) {
    const annotations = (summary, description) => ({
        summary,
        ...(description !== undefined ? { description } : {}),
        ...(slo.runbook ? { runbook_url: slo.runbook } : {}),
    });
    const sel = (0,recorded_series/* sloSelector */.Wd)(slo);
    const rules = [];
    for (const severity of ['page', 'ticket']) {
        for (const p of pairs.filter((pair) => pair.severity === severity)) {
            const factor = pairFactor(p, slo.window);
            const threshold = promNumber(factor);
            // A ratio SLI records no traffic, so it cannot have a traffic guard.
            const guard = !(0,registry/* sliKindOf */.Kh)(slo.sli).countsEvents ? '' : ` and ${recorded_series/* SERIES */.mU.totalCount(p.long)}${sel} >= ${minTraffic}`;
            rules.push({
                alert: BURN_RATE_ALERT_NAMES[severity],
                expr: `${recorded_series/* SERIES */.mU.burnRate(p.long)}${sel} > ${threshold} and ${recorded_series/* SERIES */.mU.burnRate(p.short)}${sel} > ${threshold}${guard}`,
                for: p.for,
                labels: { ...extra, ...labels, severity, long_window: p.long, short_window: p.short },
                annotations: annotations(`SLO ${slo.name} is burning its ${slo.window} error budget fast (${severity}: over ${factorText(factor)}x for ${p.long} and ${p.short})`, `Both the ${p.long} and the ${p.short} window burn the error budget faster than ${factorText(factor)}x: ${factorText(budgetPercentOf(factor, p.long, slo.window))}% of the ${slo.window} budget within ${p.long}.`),
            });
        }
    }
    rules.push({
        alert: 'SLOErrorBudgetExhausted',
        expr: `${recorded_series/* SERIES */.mU.budgetRemaining}${sel} < 0`,
        for: '5m',
        labels: { ...extra, ...labels, severity: 'ticket' },
        annotations: annotations(`SLO ${slo.name} has spent its whole ${slo.window} error budget; deploys are blocked`),
    });
    return rules;
}
/** The comment above an SLO's alerts: its factors, and the pairs that cannot work at its window or base window. */
function alertNote(slo, pairs) {
    const factors = pairs.map((p) => `${p.long}/${p.short} ${factorText(pairFactor(p, slo.window))}x`).join(', ');
    const scaled = pairs.some((p) => !p.pinned) && (0,duration/* parseDurationMs */.yi)(slo.window) !== (0,duration/* parseDurationMs */.yi)('30d');
    const lines = [
        `SLO ${slo.name} (${slo.window}): burn-rate factors ${factors}${scaled ? ` (the 30-day factors × ${slo.window} / 30d, as Sloth scales them)` : ''}.`,
    ];
    const baseMs = (0,duration/* parseDurationMs */.yi)((0,recorded_series/* baseSeries */.N8)(slo).window);
    for (const p of pairs) {
        if ((0,duration/* parseDurationMs */.yi)(p.long) >= (0,duration/* parseDurationMs */.yi)(slo.window))
            lines.push(`The ${p.long}/${p.short} pair's long window is not shorter than the SLO window ${slo.window}.`);
        if ((0,duration/* parseDurationMs */.yi)(p.short) < baseMs)
            lines.push(`The ${p.long}/${p.short} pair's short window reads the ${(0,recorded_series/* baseSeries */.N8)(slo).window} base window (scrape-interval ${slo.scrapeInterval}).`);
    }
    return lines.join('\n');
}
function drRules(dr, labels) {
    const maxAgeSeconds = dr.maxAgeMs / 1000;
    const rules = [
        {
            alert: 'DRDrillStale',
            expr: `time() - ${(0,promql/* lastValueQuery */.YQ)(dr.metric, dr.lookback)} > ${maxAgeSeconds}`,
            for: '10m',
            labels: { ...labels, severity: 'ticket' },
            annotations: { summary: `The last DR drill is older than ${dr.maxAge}; deploys are blocked until a drill succeeds` },
        },
        {
            alert: 'DRDrillMetricMissing',
            expr: `absent_over_time(${dr.metric}[${dr.lookback}])`,
            for: '10m',
            labels: { ...labels, severity: 'ticket' },
            annotations: { summary: `No ${dr.metric} sample in ${dr.lookback}: publish the time of each successful drill` },
        },
    ];
    if (dr.backupProbe) {
        rules.push({
            alert: 'DRBackupProbeFailing',
            expr: `${(0,promql/* lastValueQuery */.YQ)(dr.backupProbe.query, dr.backupProbe.lookback, 'min')} < 1`,
            for: '10m',
            labels: { ...labels, severity: 'page' },
            annotations: { summary: 'The backup probe is failing' },
        });
    }
    for (const [name, cfg] of [
        ['RTO', dr.rto],
        ['RPO', dr.rpo],
    ]) {
        if (!cfg)
            continue;
        rules.push({
            alert: `DRRecovery${name === 'RTO' ? 'Time' : 'Point'}OverLimit`,
            expr: `${(0,promql/* lastValueQuery */.YQ)(cfg.metric, dr.lookback)} > ${cfg.maxSeconds}`,
            for: '10m',
            labels: { ...labels, severity: 'ticket' },
            annotations: { summary: `The last DR drill's ${name} exceeded ${cfg.max}` },
        });
    }
    return rules;
}
function freezeRules(windows, labels, environment, skipped) {
    const rules = [];
    for (const w of windows) {
        const condition = freezeCondition(w);
        if ('unsupported' in condition) {
            skipped.push(`freeze window "${w.name}" has no DeployFreezeActive alert: ${condition.unsupported}.`);
            continue;
        }
        rules.push({
            alert: 'DeployFreezeActive',
            expr: condition.expr,
            labels: { ...labels, freeze_window: w.name, severity: 'info' },
            annotations: { summary: `Deploys to ${environment} are frozen: ${w.name}${w.reason ? ` (${w.reason})` : ''}` },
        });
    }
    return rules;
}
function governanceRules(labels, environment) {
    const env = `environment=${(0,promql/* promString */.CZ)(environment)}`;
    return [
        {
            alert: 'DeployOverridden',
            // The Action pushes one group per repository and environment (src/prometheus/push-decision.ts); a newer decision replaces it.
            expr: `max by (job, repository, environment) (deploy_governor_decision{${env}, overridden="true"}) and on (job, repository, environment) (time() - deploy_governor_decision_timestamp_seconds{${env}} < ${OVERRIDE_ALERT_SECONDS})`,
            labels: { ...labels, severity: 'ticket' },
            annotations: {
                summary: `A deploy to ${environment} went ahead with an override in the last ${(0,duration/* formatPromDuration */.wz)(OVERRIDE_ALERT_SECONDS * 1000)}: review it against the audit log`,
            },
        },
    ];
}
/** The rule file, as YAML, deterministic for a given policy. */
function generateRules(input) {
    const pairs = input.pairs ?? recorded_series/* DEFAULT_ALERT_PAIRS */.vB;
    const minTraffic = input.minTraffic ?? 100;
    const environment = input.environment ?? 'production';
    const extra = { ...(input.labels ?? {}) };
    const envLabels = { ...extra, environment };
    const interval = (0,duration/* formatPromDuration */.wz)(recorded_series/* RULE_INTERVAL_SECONDS */.$s * 1000);
    const groups = [];
    const notes = exclusionMask(input.exclusions ?? [], 0);
    for (const slo of input.slos) {
        const labels = { slo: slo.name, service: slo.service };
        const mask = exclusionMask(input.exclusions ?? [], (0,duration/* parseDurationMs */.yi)((0,recorded_series/* baseSeries */.N8)(slo).window));
        const masked = mask.expr !== null && (0,registry/* sliKindOf */.Kh)(slo.sli).countsEvents;
        const note = (0,registry/* sliKindOf */.Kh)(slo.sli).wording.ruleNote?.(slo.name, (0,recorded_series/* baseSeries */.N8)(slo).window);
        groups.push({
            name: `deploy-governor:${slo.name}:base`,
            interval,
            rules: baseRules(slo, labels, masked ? mask.expr : null),
            ...(note !== undefined ? { note } : {}),
        });
        const windows = (0,recorded_series/* recordedWindows */.uZ)(slo, pairs, input.extraWindows ?? []);
        groups.push({ name: `deploy-governor:${slo.name}:windows`, interval, rules: windowRules(slo, labels, windows, masked) });
        groups.push({ name: `deploy-governor:${slo.name}:budget`, interval, rules: budgetRules(slo, labels, windows) });
        groups.push({
            name: `deploy-governor:${slo.name}:alerts`,
            interval,
            rules: alertRules(slo, labels, extra, pairs, minTraffic),
            note: alertNote(slo, pairs),
        });
    }
    if (input.dr)
        groups.push({ name: 'deploy-governor:dr', interval, rules: drRules(input.dr, envLabels) });
    const skipped = [];
    const freeze = freezeRules(input.freezeWindows ?? [], envLabels, environment, skipped);
    if (freeze.length > 0)
        groups.push({ name: 'deploy-governor:freeze', interval, rules: freeze });
    groups.push({ name: 'deploy-governor:governance', interval, rules: governanceRules(envLabels, environment) });
    const doc = new dist/* Document */.yo({ groups: groups.map(({ note: _note, ...g }) => g) }, { aliasDuplicateObjects: false });
    doc.commentBefore = [
        ` Generated by deploy-governor from ${input.source} (environment ${environment}). Do not edit: run \`npx deploy-governor generate rules\`.`,
        ' Series: deploy_governor:sli_error:rate<b> / deploy_governor:sli_total:rate<b> (base, b = 5m or 4 scrape intervals), deploy_governor:sli_error:ratio_rate<w>,',
        ' deploy_governor:sli_total:count<w>, deploy_governor:burn_rate:<w>, deploy_governor:objective:ratio, deploy_governor:error_budget_remaining:ratio;',
        ' every long window is a ratio of sums (traffic-weighted), never an average of ratios. Alerts: one rule per burn-rate pair, labelled long_window and short_window.',
        ...(notes.expr !== null
            ? [
                ' Budget exclusions: the one-off ones are masked out of each SLO window budget (…:included_rate<b>, unless on() a time() condition, to within a base window at their edges);',
                ' the burn rates count them, as the gate does. Ratio SLIs are not masked (they record no counts).',
            ]
            : []),
        ...notes.unmasked.map((s) => ` Note: ${s}.`),
        ...skipped.map((s) => ` Note: ${s}`),
    ].join('\n');
    for (const [i, g] of groups.entries()) {
        if (!g.note)
            continue;
        const node = doc.getIn(['groups', i], true);
        if ((0,dist/* isMap */.jh)(node))
            node.commentBefore = g.note
                .split('\n')
                .map((line) => ` ${line}`)
                .join('\n');
    }
    return doc.toString({ lineWidth: 0 });
}


/***/ })

};

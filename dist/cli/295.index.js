export const id = 295;
export const ids = [295];
export const modules = {

/***/ 8736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CZ: () => (/* binding */ promString),
/* harmony export */   U$: () => (/* binding */ leMatcher),
/* harmony export */   XN: () => (/* binding */ sumOf),
/* harmony export */   yN: () => (/* binding */ matchers)
/* harmony export */ });
/** Small PromQL text helpers shared by the rule and dashboard generators. */
/** Label matchers joined with extra ones: `job="api"` + `le="0.3"` → `{job="api", le="0.3"}`; empty when none. */
function matchers(...parts) {
    const kept = parts.filter((p) => p.trim() !== '');
    return kept.length > 0 ? `{${kept.join(', ')}}` : '';
}
/** A PromQL double-quoted string literal. */
function promString(value) {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
/**
 * The histogram bucket matcher for a latency threshold, tolerant of how the `le`
 * label was written: clients write `0.5` or `1` (Go) or `1.0` (Python), and
 * Prometheus 3 normalises to a float form on ingestion. The pattern accepts
 * the plain decimal with or without trailing zeros (`[.]` is a literal dot,
 * which needs no escaping in PromQL or YAML). Exponent forms (`1e-05`) are
 * matched exactly.
 */
function leMatcher(threshold) {
    const text = String(threshold);
    if (/e/i.test(text))
        return `le=${promString(text)}`;
    const [whole, fraction] = text.split('.');
    return fraction === undefined ? `le=~"${whole}([.]0*)?"` : `le=~"${whole}[.]${fraction}0*"`;
}
/** Index of the parenthesis closing the one at `open`, skipping quoted strings; -1 when unbalanced. */
function closingParen(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (c === '"' || c === "'" || c === '`') {
            const quote = c;
            for (i++; i < text.length && text[i] !== quote; i++)
                if (text[i] === '\\' && quote !== '`')
                    i++;
            continue;
        }
        if (c === '(')
            depth++;
        else if (c === ')' && --depth === 0)
            return i;
    }
    return -1;
}
/**
 * `sum(query)`, or the query itself when it already is one plain `sum(...)`:
 * one series without labels either way, so the generated rules can attach theirs.
 */
function sumOf(query) {
    const q = query.trim();
    const open = q.match(/^sum\s*\(/)?.[0].length;
    if (open !== undefined && closingParen(q, open - 1) === q.length - 1)
        return q;
    return `sum(${q})`;
}


/***/ }),

/***/ 9295:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_ALERT_PAIRS: () => (/* reexport */ recorded_series/* DEFAULT_ALERT_PAIRS */.vB),
  RULE_INTERVAL_SECONDS: () => (/* reexport */ recorded_series/* RULE_INTERVAL_SECONDS */.$s),
  generateRules: () => (/* binding */ generateRules)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/evaluate/evaluate-dr.ts
var evaluate_dr = __webpack_require__(651);
// EXTERNAL MODULE: ./src/core/evaluate/measure-error-ratio.ts
var measure_error_ratio = __webpack_require__(1206);
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
    const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }).formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName');
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

// EXTERNAL MODULE: ./src/core/generate/promql.ts
var promql = __webpack_require__(8736);
// EXTERNAL MODULE: ./src/core/generate/recorded-series.ts
var recorded_series = __webpack_require__(7301);
;// CONCATENATED MODULE: ./src/core/generate/rules.ts
/**
 * Prometheus rules generated from the policy: recording rules that keep every
 * SLO ratio traffic-weighted, multi-window multi-burn-rate alerts with a
 * minimum-traffic guard, DR alerts, a budget-exhausted alert, a "deploy freeze
 * active" alert and an alert on overridden deploys.
 *
 * Naming scheme (labels `slo` and `service` on every SLO series):
 * - `slo:sli_error:rate5m`, `slo:sli_total:rate5m`: events per second over 5m,
 *   the only rules that read raw counters;
 * - `slo:sli_error:ratio_rate<w>`: error ratio over w, computed as
 *   sum_over_time(errors) / sum_over_time(totals) of the 5m rates, so every
 *   window is weighted by traffic, never an average of ratios (the evaluation
 *   interval cancels out of the quotient);
 * - `slo:sli_total:count<w>`: events over w (sum of the 5m rates × the
 *   evaluation interval; used by the minimum-traffic guard);
 * - `slo:burn_rate:<w>`, `slo:objective:ratio`, `slo:error_budget_remaining:ratio`.
 * Windows: 5m, 30m, 1h, 2h, 6h, 1d, 3d, the SLO window, and any window of the
 * configured alert pairs and burn-rate guards (see recordedWindows).
 *
 * Groups per SLO, each reading only the one before, because promtool backfills
 * a rule only from series that already exist: `:base` (raw counters → 5m
 * rates), `:windows` (→ ratios and counts), `:budget` (→ burn rates and
 * budget remaining), `:alerts`.
 *
 * Why rates sampled every minute rather than 5m increases summed: a 5m
 * increase recorded every minute counts each event five times, so a plain
 * sum_over_time overcounts; dividing by 300 and multiplying by the 60 s
 * interval restores the count exactly, and a subquery ([w:5m]) would re-read
 * raw counters. A long window sums what exists, so a young service gets a
 * ratio over its history instead of NaN.
 */








const BASE_SECONDS = 300;
/** How long the DeployOverridden alert stays up after an overridden decision. */
const OVERRIDE_ALERT_SECONDS = 86_400;
function baseRules(slo, labels) {
    const sli = slo.sli;
    if (sli.kind === 'events') {
        const total = (0,promql/* sumOf */.XN)((0,measure_error_ratio/* renderWindowQuery */.NB)(sli.total, '5m'));
        // No error series at all is zero errors, not a gap: the ratio must stay defined while there is traffic.
        return [
            { record: recorded_series/* BASE_SERIES */.Mx.error, expr: `(${(0,promql/* sumOf */.XN)((0,measure_error_ratio/* renderWindowQuery */.NB)(sli.error, '5m'))} or 0 * ${total}) / ${BASE_SECONDS}`, labels },
            { record: recorded_series/* BASE_SERIES */.Mx.total, expr: `${total} / ${BASE_SECONDS}`, labels },
        ];
    }
    if (sli.kind === 'latency') {
        const total = `sum(increase(${sli.metric}_count${(0,promql/* matchers */.yN)(sli.selector)}[5m]))`;
        const good = `sum(increase(${sli.metric}_bucket${(0,promql/* matchers */.yN)(sli.selector, (0,promql/* leMatcher */.U$)(sli.threshold))}[5m]))`;
        return [
            // Counters scraped at slightly different times can put the bucket a hair above the count.
            { record: recorded_series/* BASE_SERIES */.Mx.error, expr: `clamp_min(${total} - ${good}, 0) / ${BASE_SECONDS}`, labels },
            { record: recorded_series/* BASE_SERIES */.Mx.total, expr: `${total} / ${BASE_SECONDS}`, labels },
        ];
    }
    return [{ record: recorded_series/* BASE_SERIES */.Mx.ratio, expr: (0,measure_error_ratio/* renderWindowQuery */.NB)(sli.query, '5m'), labels }];
}
/** Ratios and counts per window: read only the base series (so promtool can backfill them in one pass after the base). */
function windowRules(slo, labels, windows) {
    const sel = (0,recorded_series/* sloSelector */.Wd)(slo);
    const rules = [{ record: 'slo:objective:ratio', expr: `vector(${Number((slo.objective / 100).toPrecision(12))})`, labels }];
    for (const w of windows) {
        if (slo.sli.kind === 'ratio') {
            if (w !== '5m')
                rules.push({ record: `slo:sli_error:ratio_rate${w}`, expr: `avg_over_time(${recorded_series/* BASE_SERIES */.Mx.ratio}${sel}[${w}])`, labels });
            continue;
        }
        rules.push({
            record: `slo:sli_error:ratio_rate${w}`,
            expr: w === '5m'
                ? `${recorded_series/* BASE_SERIES */.Mx.error}${sel} / ${recorded_series/* BASE_SERIES */.Mx.total}${sel}`
                : `sum_over_time(${recorded_series/* BASE_SERIES */.Mx.error}${sel}[${w}]) / sum_over_time(${recorded_series/* BASE_SERIES */.Mx.total}${sel}[${w}])`,
            labels,
        });
        rules.push({
            record: `slo:sli_total:count${w}`,
            expr: w === '5m' ? `${recorded_series/* BASE_SERIES */.Mx.total}${sel} * ${BASE_SECONDS}` : `sum_over_time(${recorded_series/* BASE_SERIES */.Mx.total}${sel}[${w}]) * ${recorded_series/* RULE_INTERVAL_SECONDS */.$s}`,
            labels,
        });
    }
    return rules;
}
/** Burn rates and budget remaining: read only the window ratios (the next backfill pass). */
function budgetRules(slo, labels, windows) {
    const allowed = Number((1 - slo.objective / 100).toPrecision(12));
    const sel = (0,recorded_series/* sloSelector */.Wd)(slo);
    return [
        ...windows.map((w) => ({ record: `slo:burn_rate:${w}`, expr: `slo:sli_error:ratio_rate${w}${sel} / ${allowed}`, labels })),
        { record: 'slo:error_budget_remaining:ratio', expr: `1 - slo:sli_error:ratio_rate${slo.window}${sel} / ${allowed}`, labels },
    ];
}
function shortest(durations) {
    return durations.reduce((a, d) => ((0,duration/* parseDurationMs */.yi)(d) < (0,duration/* parseDurationMs */.yi)(a) ? d : a));
}
function alertRules(slo, labels, extra, pairs, minTraffic) {
    const annotations = (summary) => ({ summary, ...(slo.runbook ? { runbook_url: slo.runbook } : {}) });
    const sel = (0,recorded_series/* sloSelector */.Wd)(slo);
    const rules = [];
    for (const severity of ['page', 'ticket']) {
        const mine = pairs.filter((p) => p.severity === severity);
        if (mine.length === 0)
            continue;
        const clauses = mine.map((p) => {
            // A ratio SLI records no traffic, so it cannot have a traffic guard.
            const guard = slo.sli.kind === 'ratio' ? '' : ` and slo:sli_total:count${p.long}${sel} >= ${minTraffic}`;
            return `(slo:burn_rate:${p.long}${sel} > ${p.factor} and slo:burn_rate:${p.short}${sel} > ${p.factor}${guard})`;
        });
        rules.push({
            alert: severity === 'page' ? 'SLOBurnRatePage' : 'SLOBurnRateTicket',
            expr: clauses.join('\nor\n'),
            for: shortest(mine.map((p) => p.for)),
            labels: { ...extra, ...labels, severity },
            annotations: annotations(`SLO ${slo.name} is burning its ${slo.window} error budget fast (${severity})`),
        });
    }
    rules.push({
        alert: 'SLOErrorBudgetExhausted',
        expr: `slo:error_budget_remaining:ratio${sel} < 0`,
        for: '5m',
        labels: { ...extra, ...labels, severity: 'ticket' },
        annotations: annotations(`SLO ${slo.name} has spent its whole ${slo.window} error budget; deploys are blocked`),
    });
    return rules;
}
function drRules(dr, labels) {
    const maxAgeSeconds = dr.maxAgeMs / 1000;
    const rules = [
        {
            alert: 'DRDrillStale',
            expr: `time() - ${(0,evaluate_dr/* lastValueQuery */.Y)(dr.metric, dr.lookback)} > ${maxAgeSeconds}`,
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
            expr: `${(0,evaluate_dr/* lastValueQuery */.Y)(dr.backupProbe.query, dr.backupProbe.lookback, 'min')} < 1`,
            for: '10m',
            labels: { ...labels, severity: 'page' },
            annotations: { summary: 'The backup probe is failing' },
        });
    }
    for (const [name, cfg] of [['RTO', dr.rto], ['RPO', dr.rpo]]) {
        if (!cfg)
            continue;
        rules.push({
            alert: `DRRecovery${name === 'RTO' ? 'Time' : 'Point'}OverLimit`,
            expr: `${(0,evaluate_dr/* lastValueQuery */.Y)(cfg.metric, dr.lookback)} > ${cfg.maxSeconds}`,
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
            annotations: { summary: `A deploy to ${environment} went ahead with an override in the last ${(0,duration/* formatDuration */.a3)(OVERRIDE_ALERT_SECONDS * 1000)}: review it against the audit log` },
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
    const interval = (0,duration/* formatDuration */.a3)(recorded_series/* RULE_INTERVAL_SECONDS */.$s * 1000);
    const groups = [];
    for (const slo of input.slos) {
        const labels = { slo: slo.name, service: slo.service };
        groups.push({
            name: `deploy-governor:${slo.name}:base`,
            interval,
            rules: baseRules(slo, labels),
            ...(slo.sli.kind === 'ratio'
                ? { note: `SLO ${slo.name} is a ratio SLI: it records no traffic, so its long windows can only average the 5m ratio (not traffic-weighted) and its alerts have no traffic guard. Prefer an events SLI.` }
                : {}),
        });
        const windows = (0,recorded_series/* recordedWindows */.uZ)(slo, pairs, input.extraWindows ?? []);
        groups.push({ name: `deploy-governor:${slo.name}:windows`, interval, rules: windowRules(slo, labels, windows) });
        groups.push({ name: `deploy-governor:${slo.name}:budget`, interval, rules: budgetRules(slo, labels, windows) });
        groups.push({ name: `deploy-governor:${slo.name}:alerts`, interval, rules: alertRules(slo, labels, extra, pairs, minTraffic) });
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
        ' Series: slo:sli_error:rate5m / slo:sli_total:rate5m (base), slo:sli_error:ratio_rate<w>, slo:sli_total:count<w>, slo:burn_rate:<w>,',
        ' slo:objective:ratio, slo:error_budget_remaining:ratio; every long window is a ratio of sums (traffic-weighted), never an average of ratios.',
        ...skipped.map((s) => ` Note: ${s}`),
    ].join('\n');
    for (const [i, g] of groups.entries()) {
        if (!g.note)
            continue;
        const node = doc.getIn(['groups', i], true);
        if ((0,dist/* isMap */.jh)(node))
            node.commentBefore = ` ${g.note}`;
    }
    return doc.toString({ lineWidth: 0 });
}


/***/ })

};

export const id = 672;
export const ids = [672];
export const modules = {

/***/ 672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dashboardJson: () => (/* binding */ dashboardJson),
  dashboardProvisioning: () => (/* binding */ dashboardProvisioning),
  generateDashboard: () => (/* binding */ generateDashboard)
});

// UNUSED EXPORTS: dashboardQueries, dashboardUid

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@grafana/grafana-foundation-sdk/dist/dashboard/index.js
var dist_dashboard = __webpack_require__(4972);
// EXTERNAL MODULE: ./node_modules/@grafana/grafana-foundation-sdk/dist/gauge/index.js
var gauge = __webpack_require__(9183);
// EXTERNAL MODULE: ./node_modules/@grafana/grafana-foundation-sdk/dist/prometheus/index.js
var prometheus = __webpack_require__(2648);
// EXTERNAL MODULE: ./node_modules/@grafana/grafana-foundation-sdk/dist/stat/index.js
var dist_stat = __webpack_require__(294);
// EXTERNAL MODULE: ./node_modules/@grafana/grafana-foundation-sdk/dist/table/index.js
var dist_table = __webpack_require__(8316);
// EXTERNAL MODULE: ./node_modules/@grafana/grafana-foundation-sdk/dist/timeseries/index.js
var timeseries = __webpack_require__(676);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/sli/registry.ts + 6 modules
var registry = __webpack_require__(3040);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/promql/promql.ts
var promql = __webpack_require__(2124);
// EXTERNAL MODULE: ./src/core/generate/recorded-series.ts
var recorded_series = __webpack_require__(7301);
;// CONCATENATED MODULE: ./src/core/generate/dashboard-queries.ts
/**
 * The PromQL behind every dashboard panel, apart from the panels themselves so
 * the queries can be read (and tested) on their own. Grafana variables used:
 * `$environment` (custom variable), `$__range` and `$__rate_interval` (built in).
 */



/** A regex matching exactly these SLO names (names hold letters, digits, `.`, `_`, `-`; the dot is escaped as `[.]`). */
function sloNamesRegex(slos) {
    return slos.map((s) => s.name.replace(/\./g, '[.]')).join('|');
}
const sloQueries = {
    budgetRemaining: (slo) => `${recorded_series/* SERIES */.mU.budgetRemaining}${(0,recorded_series/* sloSelector */.Wd)(slo)}`,
    /** R × window days / burn rate over 1h, as the gate computes it (src/core/budget/budget-math.ts). */
    daysToExhaustion: (slo) => `clamp_min(${recorded_series/* SERIES */.mU.budgetRemaining}${(0,recorded_series/* sloSelector */.Wd)(slo)}, 0) * ${(0,duration/* durationDays */.Gr)(slo.window)} / ${recorded_series/* SERIES */.mU.burnRate('1h')}${(0,recorded_series/* sloSelector */.Wd)(slo)}`,
    burnRate: (slo, window) => `${recorded_series/* SERIES */.mU.burnRate(window)}${(0,recorded_series/* sloSelector */.Wd)(slo)}`,
    compliance: (slo) => `1 - ${recorded_series/* SERIES */.mU.errorRatio(slo.window)}${(0,recorded_series/* sloSelector */.Wd)(slo)}`,
    objective: (slo) => `${recorded_series/* SERIES */.mU.objective}${(0,recorded_series/* sloSelector */.Wd)(slo)}`,
};
/** One query per table column, each one row per SLO (different windows become one expression with `or`). */
function complianceTableQueries(slos) {
    const names = `{slo=~"${sloNamesRegex(slos)}"}`;
    const byWindow = new Map();
    for (const slo of slos)
        byWindow.set(slo.window, [...(byWindow.get(slo.window) ?? []), slo]);
    const compliance = [...byWindow.entries()]
        .map(([w, list]) => `(1 - ${recorded_series/* SERIES */.mU.errorRatio(w)}{slo=~"${sloNamesRegex(list)}"})`)
        .join(' or ');
    return [
        { column: 'Objective', expr: `${recorded_series/* SERIES */.mU.objective}${names}` },
        { column: 'Compliance (SLO window)', expr: compliance },
        { column: 'Budget remaining', expr: `${recorded_series/* SERIES */.mU.budgetRemaining}${names}` },
        { column: 'Burn rate (1h)', expr: `${recorded_series/* SERIES */.mU.burnRate('1h')}${names}` },
    ];
}
const drQueries = {
    drillAge: (metric, lookback) => `time() - ${(0,promql/* lastValueQuery */.YQ)(metric, lookback)}`,
    backupProbe: (query, lookback) => (0,promql/* lastValueQuery */.YQ)(query, lookback, 'min'),
    lastValue: (metric, lookback) => (0,promql/* lastValueQuery */.YQ)(metric, lookback),
};
const ENV = 'environment="$environment"';
/** Decisions counted from changes of the pushed decision timestamp (one per push; pushes closer than a scrape merge). */
function decisionCount(filter) {
    const pushes = `changes(deploy_governor_decision_timestamp_seconds{${ENV}}[1m])`;
    const inner = filter === '' ? pushes : `${pushes} and ignoring (status, allowed, overridden) deploy_governor_decision{${ENV}, ${filter}}`;
    return `sum(sum_over_time((${inner})[$__range:1m])) or vector(0)`;
}
const governanceQueries = {
    decisions: () => decisionCount(''),
    blocked: () => decisionCount('allowed="false"'),
    overridden: () => decisionCount('overridden="true"'),
    latest: () => `deploy_governor_decision{${ENV}}`,
    statusOverTime: () => `max by (status) (deploy_governor_decision{${ENV}})`,
};

;// CONCATENATED MODULE: ./src/core/generate/dashboard.ts
/**
 * The Grafana dashboard generated from the policy, built with Grafana's own
 * `@grafana/grafana-foundation-sdk` builders: error budgets (gauge and days to
 * exhaustion per SLO), burn rates with the budget-pace line, a compliance table
 * and history, latency against target for latency SLOs, DR freshness, and the
 * governance row fed by the decisions the Action pushes. It reads the series
 * `generate rules` records (see rules.ts), so the rules must be loaded.
 *
 * The uid is derived from the policy's services (stable while the policy's
 * numbers change); the Prometheus data source is the `datasource` variable.
 */










const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
/** A stable uid: `dg-` and a hash of the sorted service and SLO names (Grafana allows 40 characters). */
function dashboardUid(slos) {
    const key = [...new Set(slos.map((s) => `${s.service}/${s.name}`))].sort().join('\n');
    return `dg-${(0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 16)}`;
}
class Queries {
    next = 0;
    /** A Prometheus target with a refId A, B, … per panel. */
    target(expr, legend, options = {}) {
        const q = new prometheus.DataqueryBuilder()
            .refId(String.fromCharCode(65 + this.next++))
            .datasource(DATASOURCE)
            .expr(expr)
            .legendFormat(legend);
        if (options.instant)
            q.instant();
        else
            q.range();
        if (options.table)
            q.format(prometheus.PromQueryFormat.Table);
        return q;
    }
}
function budgetThresholds(t) {
    return new dist_dashboard.ThresholdsConfigBuilder().mode(dist_dashboard.ThresholdsMode.Absolute).steps([
        { value: null, color: 'red' },
        { value: t.freeze / 100, color: 'orange' },
        { value: t.warning / 100, color: 'yellow' },
        { value: t.caution / 100, color: 'green' },
    ]);
}
function limitThresholds(limit) {
    return new dist_dashboard.ThresholdsConfigBuilder().mode(dist_dashboard.ThresholdsMode.Absolute).steps([
        { value: null, color: 'green' },
        { value: limit, color: 'red' },
    ]);
}
function budgetRow(input) {
    const row = { title: 'Error budgets', panels: [] };
    for (const slo of input.slos) {
        const q = new Queries();
        row.panels.push(new gauge.PanelBuilder()
            .title(`Budget remaining: ${slo.name}`)
            .description(`1 − error ratio / (1 − ${slo.objective}%) over ${slo.window}, traffic-weighted. Below 0 the budget is overspent.`)
            .datasource(DATASOURCE)
            .withTarget(q.target(sloQueries.budgetRemaining(slo), '{{slo}}', { instant: true }))
            .unit('percentunit')
            .min(0)
            .max(1)
            .thresholds(budgetThresholds(input.thresholds))
            .height(6)
            .span(4));
        const d = new Queries();
        row.panels.push(new dist_stat.PanelBuilder()
            .title(`Days to exhaustion: ${slo.name}`)
            .description('Budget remaining × window ÷ burn rate over the last hour (∞ when nothing burns), as the gate reports it.')
            .datasource(DATASOURCE)
            .withTarget(d.target(sloQueries.daysToExhaustion(slo), '{{slo}}', { instant: true }))
            .unit('d')
            .decimals(1)
            .thresholds(new dist_dashboard.ThresholdsConfigBuilder().mode(dist_dashboard.ThresholdsMode.Absolute).steps([
            { value: null, color: 'red' },
            { value: 1, color: 'orange' },
            { value: 7, color: 'green' },
        ]))
            .height(6)
            .span(4));
    }
    return row;
}
function burnRow(input) {
    const row = { title: 'Burn rates', panels: [] };
    for (const slo of input.slos) {
        const q = new Queries();
        const panel = new timeseries.PanelBuilder()
            .title(`Burn rate: ${slo.name}`)
            .description('How many times faster than the budget allows errors arrive; 1× spends exactly the budget over the SLO window.')
            .datasource(DATASOURCE)
            .unit('x')
            .min(0)
            .height(8)
            .span(input.slos.length === 1 ? 24 : 12);
        for (const w of ['5m', '1h', '6h', '1d', '3d'])
            panel.withTarget(q.target(sloQueries.burnRate(slo, w), w));
        panel.withTarget(q.target('vector(1)', 'SLO (1×)'));
        row.panels.push(panel);
    }
    return row;
}
function complianceRow(input) {
    const q = new Queries();
    const table = new dist_table.PanelBuilder()
        .title('SLO compliance')
        .description('Per SLO over its window: objective, measured compliance (1 − error ratio), budget remaining and the 1h burn rate.')
        .datasource(DATASOURCE)
        .height(8)
        .span(24);
    const columns = complianceTableQueries(input.slos);
    const rename = {};
    for (const [i, c] of columns.entries()) {
        table.withTarget(q.target(c.expr, '', { instant: true, table: true }));
        rename[`Value #${String.fromCharCode(65 + i)}`] = c.column;
    }
    table
        .withTransformation({ id: 'merge', options: {} })
        .withTransformation({
        id: 'organize',
        options: { excludeByName: { Time: true }, indexByName: {}, renameByName: { slo: 'SLO', service: 'Service', ...rename } },
    })
        .overrideByRegexp('Objective|Compliance.*|Budget remaining', [
        { id: 'unit', value: 'percentunit' },
        { id: 'decimals', value: 3 },
    ]);
    const h = new Queries();
    const history = new timeseries.PanelBuilder()
        .title('Compliance history')
        .description('Compliance over each SLO window, as it evolved, against the objective.')
        .datasource(DATASOURCE)
        .unit('percentunit')
        .height(8)
        .span(24);
    for (const slo of input.slos) {
        history.withTarget(h.target(sloQueries.compliance(slo), `${slo.name} (${slo.window})`));
        history.withTarget(h.target(sloQueries.objective(slo), `${slo.name} objective`));
    }
    return { title: 'Compliance', panels: [table, history] };
}
/** The rows of the panels SLI kinds add (latency against target), one per row title, each panel from its kind's module. */
function kindRows(slos) {
    const byRow = new Map();
    for (const slo of slos) {
        const panel = (0,registry/* sliKindOf */.Kh)(slo.sli).dashboardPanel(slo.sli, slo);
        if (panel !== null)
            byRow.set(panel.row, [...(byRow.get(panel.row) ?? []), panel]);
    }
    return [...byRow].map(([title, panels]) => ({
        title,
        panels: panels.map((p) => {
            const q = new Queries();
            const builder = new timeseries.PanelBuilder().title(p.title).description(p.description).datasource(DATASOURCE).unit(p.unit).min(0);
            for (const t of p.targets)
                builder.withTarget(q.target(t.expr, t.legend));
            return builder.height(8).span(panels.length === 1 ? 24 : 12);
        }),
    }));
}
function drRow(dr) {
    const row = { title: 'Disaster recovery', panels: [] };
    const q = new Queries();
    row.panels.push(new dist_stat.PanelBuilder()
        .title('Last DR drill age')
        .description(`Time since the last successful drill (${dr.metric}); deploys are blocked beyond ${dr.maxAge}.`)
        .datasource(DATASOURCE)
        .withTarget(q.target(drQueries.drillAge(dr.metric, dr.lookback), 'age', { instant: true }))
        .unit('s')
        .thresholds(limitThresholds(dr.maxAgeMs / 1000))
        .height(5)
        .span(6));
    if (dr.backupProbe) {
        const p = new Queries();
        row.panels.push(new dist_stat.PanelBuilder()
            .title('Backup status')
            .description(`The backup probe ${dr.backupProbe.query}: 1 is OK.`)
            .datasource(DATASOURCE)
            .withTarget(p.target(drQueries.backupProbe(dr.backupProbe.query, dr.backupProbe.lookback), 'probe', { instant: true }))
            .mappings([
            { type: dist_dashboard.MappingType.ValueToText, options: { '1': { text: 'OK', color: 'green' }, '0': { text: 'FAILING', color: 'red' } } },
        ])
            .thresholds(new dist_dashboard.ThresholdsConfigBuilder().mode(dist_dashboard.ThresholdsMode.Absolute).steps([
            { value: null, color: 'red' },
            { value: 1, color: 'green' },
        ]))
            .height(5)
            .span(6));
    }
    for (const [name, cfg] of [
        ['RTO', dr.rto],
        ['RPO', dr.rpo],
    ]) {
        if (!cfg)
            continue;
        const r = new Queries();
        row.panels.push(new dist_stat.PanelBuilder()
            .title(`${name} of the last drill`)
            .description(`${cfg.metric}; the limit is ${cfg.max}.`)
            .datasource(DATASOURCE)
            .withTarget(r.target(drQueries.lastValue(cfg.metric, dr.lookback), name, { instant: true }))
            .unit('s')
            .thresholds(limitThresholds(cfg.maxSeconds))
            .height(5)
            .span(6));
    }
    return row;
}
function governanceRow() {
    const row = { title: 'Governance', panels: [] };
    const stat = (title, description, expr, color) => {
        const q = new Queries();
        return new dist_stat.PanelBuilder()
            .title(title)
            .description(description)
            .datasource(DATASOURCE)
            .withTarget(q.target(expr, title, { instant: true }))
            .unit('none')
            .thresholds(new dist_dashboard.ThresholdsConfigBuilder().mode(dist_dashboard.ThresholdsMode.Absolute).steps([{ value: null, color }]))
            .height(5)
            .span(4);
    };
    row.panels.push(stat('Decisions', 'Gate decisions for $environment in the time range, from the decisions the Action pushes (pushgateway-url).', governanceQueries.decisions(), 'blue'));
    row.panels.push(stat('Blocked deploys', 'Decisions that blocked the deploy.', governanceQueries.blocked(), 'orange'));
    row.panels.push(stat('Overridden deploys', 'Blocked decisions that went ahead with an override (see the audit log).', governanceQueries.overridden(), 'red'));
    const t = new Queries();
    row.panels.push(new dist_table.PanelBuilder()
        .title('Latest decision')
        .description('The last decision pushed per repository for $environment.')
        .datasource(DATASOURCE)
        .withTarget(t.target(governanceQueries.latest(), '', { instant: true, table: true }))
        .withTransformation({
        id: 'organize',
        options: {
            excludeByName: { Time: true, Value: true, __name__: true, instance: true, job: true },
            indexByName: {},
            renameByName: {},
        },
    })
        .height(5)
        .span(12));
    const s = new Queries();
    row.panels.push(new timeseries.PanelBuilder()
        .title('Decision status over time')
        .description('Which status the latest decision had.')
        .datasource(DATASOURCE)
        .withTarget(s.target(governanceQueries.statusOverTime(), '{{status}}'))
        .min(0)
        .max(1)
        .height(8)
        .span(24));
    return row;
}
/** The dashboard model (Grafana JSON), deterministic for a given input. */
function generateDashboard(input) {
    const environments = [...new Set([input.environment, ...(input.environments ?? [])])].sort();
    const services = [...new Set(input.slos.map((s) => s.service))].sort();
    const builder = new dist_dashboard.DashboardBuilder(input.title ?? `deploy-governor: ${services.join(', ')}`)
        .uid(input.uid ?? dashboardUid(input.slos))
        .description(`Generated by deploy-governor from ${input.source}. Do not edit: run \`npx deploy-governor generate dashboard\`. Reads the series of \`generate rules\`.`)
        .tags(['deploy-governor', 'slo', ...services])
        .editable()
        .tooltip(dist_dashboard.DashboardCursorSync.Crosshair)
        .time({ from: 'now-7d', to: 'now' })
        .refresh('1m')
        .withVariable(new dist_dashboard.DatasourceVariableBuilder('datasource').label('Prometheus').type('prometheus'))
        .withVariable(new dist_dashboard.CustomVariableBuilder('environment')
        .label('Environment')
        .values(environments.join(','))
        .current({ text: input.environment, value: input.environment, selected: true }));
    const sections = [budgetRow(input), burnRow(input), complianceRow(input)];
    sections.push(...kindRows(input.slos));
    if (input.dr)
        sections.push(drRow(input.dr));
    sections.push(governanceRow());
    for (const section of sections) {
        builder.withRow(new dist_dashboard.RowBuilder(section.title));
        for (const panel of section.panels)
            builder.withPanel(panel);
    }
    const dashboard = builder.build();
    // Panel ids, in layout order, so the JSON is stable and Grafana's links to panels keep working.
    let id = 1;
    for (const panel of dashboard.panels ?? []) {
        panel.id = id++;
        for (const inner of 'panels' in panel ? panel.panels : [])
            inner.id = id++;
    }
    return dashboard;
}
/** The dashboard as the JSON file Grafana provisions (2-space indentation, trailing newline). */
function dashboardJson(dashboard) {
    return `${JSON.stringify(dashboard, null, 2)}\n`;
}
/** Every panel target's PromQL, in panel order (rows' panels included). */
function dashboardQueries(dashboard) {
    const out = [];
    const visit = (panel) => {
        if ('panels' in panel) {
            for (const inner of panel.panels)
                visit(inner);
            return;
        }
        for (const target of panel.targets ?? []) {
            if ('expr' in target && typeof target.expr === 'string')
                out.push(target.expr);
        }
    };
    for (const panel of dashboard.panels ?? [])
        visit(panel);
    return out;
}
/**
 * A Grafana file-provisioning config for the dashboard's folder.
 * @param dashboardsPath where the dashboard JSON lives on the Grafana host
 */
function dashboardProvisioning(dashboardsPath, source) {
    const provider = {
        apiVersion: 1,
        providers: [
            {
                name: 'deploy-governor',
                orgId: 1,
                folder: 'deploy-governor',
                type: 'file',
                disableDeletion: false,
                allowUiUpdates: false,
                updateIntervalSeconds: 60,
                options: { path: dashboardsPath, foldersFromFilesStructure: false },
            },
        ],
    };
    return `# Generated by deploy-governor from ${source}. Do not edit: run \`npx deploy-governor generate dashboard\`.\n${(0,dist/* stringify */.As)(provider, { lineWidth: 0 })}`;
}


/***/ })

};

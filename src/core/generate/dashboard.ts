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
import { createHash } from 'node:crypto';
import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import {
  CustomVariableBuilder,
  DashboardBuilder,
  DashboardCursorSync,
  DatasourceVariableBuilder,
  MappingType,
  RowBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type Dashboard,
  type Panel,
  type RowPanel,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as GaugeBuilder } from '@grafana/grafana-foundation-sdk/gauge';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TableBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { stringify } from 'yaml';
import type { ResolvedDr, ResolvedSlo } from '../policy/resolve-policy.js';
import { sliKindOf } from '../sli/registry.js';
import type { KindPanel } from '../sli/sli-kind.js';
import { complianceTableQueries, drQueries, governanceQueries, sloQueries } from './dashboard-queries.js';

export interface GenerateDashboardInput {
  slos: readonly ResolvedSlo[];
  dr: ResolvedDr | null;
  /** Where the policy came from, for the description. */
  source: string;
  /** Default of the `environment` variable (the governance row). */
  environment: string;
  /** Every environment the policy knows, for the variable's options. */
  environments?: readonly string[];
  /** Budget thresholds in percent, for gauge colours (the policy's `thresholds`). */
  thresholds: { caution: number; warning: number; freeze: number };
  /** Overrides the derived uid. */
  uid?: string;
  title?: string;
}

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

/** A stable uid: `dg-` and a hash of the sorted service and SLO names (Grafana allows 40 characters). */
export function dashboardUid(slos: readonly Pick<ResolvedSlo, 'name' | 'service'>[]): string {
  const key = [...new Set(slos.map((s) => `${s.service}/${s.name}`))].sort().join('\n');
  return `dg-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** A row and the panels under it; rows are written expanded (panels follow the row at top level). */
interface Section {
  title: string;
  panels: Builder<Panel>[];
}

class Queries {
  private next = 0;
  /** A Prometheus target with a refId A, B, … per panel. */
  target(expr: string, legend: string, options: { instant?: boolean; table?: boolean } = {}): Builder<Dataquery> {
    const q = new DataqueryBuilder()
      .refId(String.fromCharCode(65 + this.next++))
      .datasource(DATASOURCE)
      .expr(expr)
      .legendFormat(legend);
    if (options.instant) q.instant();
    else q.range();
    if (options.table) q.format(PromQueryFormat.Table);
    return q;
  }
}

function budgetThresholds(t: GenerateDashboardInput['thresholds']): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps([
    { value: null, color: 'red' },
    { value: t.freeze / 100, color: 'orange' },
    { value: t.warning / 100, color: 'yellow' },
    { value: t.caution / 100, color: 'green' },
  ]);
}

function limitThresholds(limit: number): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps([
    { value: null, color: 'green' },
    { value: limit, color: 'red' },
  ]);
}

function budgetRow(input: GenerateDashboardInput): Section {
  const row: Section = { title: 'Error budgets', panels: [] };
  for (const slo of input.slos) {
    const q = new Queries();
    row.panels.push(
      new GaugeBuilder()
        .title(`Budget remaining: ${slo.name}`)
        .description(`1 − error ratio / (1 − ${slo.objective}%) over ${slo.window}, traffic-weighted. Below 0 the budget is overspent.`)
        .datasource(DATASOURCE)
        .withTarget(q.target(sloQueries.budgetRemaining(slo), '{{slo}}', { instant: true }))
        .unit('percentunit')
        .min(0)
        .max(1)
        .thresholds(budgetThresholds(input.thresholds))
        .height(6)
        .span(4),
    );
    const d = new Queries();
    row.panels.push(
      new StatBuilder()
        .title(`Days to exhaustion: ${slo.name}`)
        .description('Budget remaining × window ÷ burn rate over the last hour (∞ when nothing burns), as the gate reports it.')
        .datasource(DATASOURCE)
        .withTarget(d.target(sloQueries.daysToExhaustion(slo), '{{slo}}', { instant: true }))
        .unit('d')
        .decimals(1)
        .thresholds(
          new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps([
            { value: null, color: 'red' },
            { value: 1, color: 'orange' },
            { value: 7, color: 'green' },
          ]),
        )
        .height(6)
        .span(4),
    );
  }
  return row;
}

function burnRow(input: GenerateDashboardInput): Section {
  const row: Section = { title: 'Burn rates', panels: [] };
  for (const slo of input.slos) {
    const q = new Queries();
    const panel = new TimeseriesBuilder()
      .title(`Burn rate: ${slo.name}`)
      .description('How many times faster than the budget allows errors arrive; 1× spends exactly the budget over the SLO window.')
      .datasource(DATASOURCE)
      .unit('x')
      .min(0)
      .height(8)
      .span(input.slos.length === 1 ? 24 : 12);
    for (const w of ['5m', '1h', '6h', '1d', '3d']) panel.withTarget(q.target(sloQueries.burnRate(slo, w), w));
    panel.withTarget(q.target('vector(1)', 'SLO (1×)'));
    row.panels.push(panel);
  }
  return row;
}

function complianceRow(input: GenerateDashboardInput): Section {
  const q = new Queries();
  const table = new TableBuilder()
    .title('SLO compliance')
    .description('Per SLO over its window: objective, measured compliance (1 − error ratio), budget remaining and the 1h burn rate.')
    .datasource(DATASOURCE)
    .height(8)
    .span(24);
  const columns = complianceTableQueries(input.slos);
  const rename: Record<string, string> = {};
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
  const history = new TimeseriesBuilder()
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
function kindRows(slos: readonly ResolvedSlo[]): Section[] {
  const byRow = new Map<string, KindPanel[]>();
  for (const slo of slos) {
    const panel = sliKindOf(slo.sli).dashboardPanel(slo.sli, slo);
    if (panel !== null) byRow.set(panel.row, [...(byRow.get(panel.row) ?? []), panel]);
  }
  return [...byRow].map(([title, panels]) => ({
    title,
    panels: panels.map((p) => {
      const q = new Queries();
      const builder = new TimeseriesBuilder().title(p.title).description(p.description).datasource(DATASOURCE).unit(p.unit).min(0);
      for (const t of p.targets) builder.withTarget(q.target(t.expr, t.legend));
      return builder.height(8).span(panels.length === 1 ? 24 : 12);
    }),
  }));
}

function drRow(dr: ResolvedDr): Section {
  const row: Section = { title: 'Disaster recovery', panels: [] };
  const q = new Queries();
  row.panels.push(
    new StatBuilder()
      .title('Last DR drill age')
      .description(`Time since the last successful drill (${dr.metric}); deploys are blocked beyond ${dr.maxAge}.`)
      .datasource(DATASOURCE)
      .withTarget(q.target(drQueries.drillAge(dr.metric, dr.lookback), 'age', { instant: true }))
      .unit('s')
      .thresholds(limitThresholds(dr.maxAgeMs / 1000))
      .height(5)
      .span(6),
  );
  if (dr.backupProbe) {
    const p = new Queries();
    row.panels.push(
      new StatBuilder()
        .title('Backup status')
        .description(`The backup probe ${dr.backupProbe.query}: 1 is OK.`)
        .datasource(DATASOURCE)
        .withTarget(p.target(drQueries.backupProbe(dr.backupProbe.query, dr.backupProbe.lookback), 'probe', { instant: true }))
        .mappings([
          { type: MappingType.ValueToText, options: { '1': { text: 'OK', color: 'green' }, '0': { text: 'FAILING', color: 'red' } } },
        ])
        .thresholds(
          new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps([
            { value: null, color: 'red' },
            { value: 1, color: 'green' },
          ]),
        )
        .height(5)
        .span(6),
    );
  }
  for (const [name, cfg] of [
    ['RTO', dr.rto],
    ['RPO', dr.rpo],
  ] as const) {
    if (!cfg) continue;
    const r = new Queries();
    row.panels.push(
      new StatBuilder()
        .title(`${name} of the last drill`)
        .description(`${cfg.metric}; the limit is ${cfg.max}.`)
        .datasource(DATASOURCE)
        .withTarget(r.target(drQueries.lastValue(cfg.metric, dr.lookback), name, { instant: true }))
        .unit('s')
        .thresholds(limitThresholds(cfg.maxSeconds))
        .height(5)
        .span(6),
    );
  }
  return row;
}

function governanceRow(): Section {
  const row: Section = { title: 'Governance', panels: [] };
  const stat = (title: string, description: string, expr: string, color: string) => {
    const q = new Queries();
    return new StatBuilder()
      .title(title)
      .description(description)
      .datasource(DATASOURCE)
      .withTarget(q.target(expr, title, { instant: true }))
      .unit('none')
      .thresholds(new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps([{ value: null, color }]))
      .height(5)
      .span(4);
  };
  row.panels.push(
    stat(
      'Decisions',
      'Gate decisions for $environment in the time range, from the decisions the Action pushes (pushgateway-url).',
      governanceQueries.decisions(),
      'blue',
    ),
  );
  row.panels.push(stat('Blocked deploys', 'Decisions that blocked the deploy.', governanceQueries.blocked(), 'orange'));
  row.panels.push(
    stat(
      'Overridden deploys',
      'Blocked decisions that went ahead with an override (see the audit log).',
      governanceQueries.overridden(),
      'red',
    ),
  );
  const t = new Queries();
  row.panels.push(
    new TableBuilder()
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
      .span(12),
  );
  const s = new Queries();
  row.panels.push(
    new TimeseriesBuilder()
      .title('Decision status over time')
      .description('Which status the latest decision had.')
      .datasource(DATASOURCE)
      .withTarget(s.target(governanceQueries.statusOverTime(), '{{status}}'))
      .min(0)
      .max(1)
      .height(8)
      .span(24),
  );
  return row;
}

/** The dashboard model (Grafana JSON), deterministic for a given input. */
export function generateDashboard(input: GenerateDashboardInput): Dashboard {
  const environments = [...new Set([input.environment, ...(input.environments ?? [])])].sort();
  const services = [...new Set(input.slos.map((s) => s.service))].sort();
  const builder = new DashboardBuilder(input.title ?? `deploy-governor: ${services.join(', ')}`)
    .uid(input.uid ?? dashboardUid(input.slos))
    .description(
      `Generated by deploy-governor from ${input.source}. Do not edit: run \`npx deploy-governor generate dashboard\`. Reads the series of \`generate rules\`.`,
    )
    .tags(['deploy-governor', 'slo', ...services])
    .editable()
    .tooltip(DashboardCursorSync.Crosshair)
    .time({ from: 'now-7d', to: 'now' })
    .refresh('1m')
    .withVariable(new DatasourceVariableBuilder('datasource').label('Prometheus').type('prometheus'))
    .withVariable(
      new CustomVariableBuilder('environment')
        .label('Environment')
        .values(environments.join(','))
        .current({ text: input.environment, value: input.environment, selected: true }),
    );
  const sections = [budgetRow(input), burnRow(input), complianceRow(input)];
  sections.push(...kindRows(input.slos));
  if (input.dr) sections.push(drRow(input.dr));
  sections.push(governanceRow());
  for (const section of sections) {
    builder.withRow(new RowBuilder(section.title));
    for (const panel of section.panels) builder.withPanel(panel);
  }
  const dashboard = builder.build();
  // Panel ids, in layout order, so the JSON is stable and Grafana's links to panels keep working.
  let id = 1;
  for (const panel of dashboard.panels ?? []) {
    panel.id = id++;
    for (const inner of 'panels' in panel ? panel.panels : []) inner.id = id++;
  }
  return dashboard;
}

/** The dashboard as the JSON file Grafana provisions (2-space indentation, trailing newline). */
export function dashboardJson(dashboard: Dashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

/** Every panel target's PromQL, in panel order (rows' panels included). */
export function dashboardQueries(dashboard: Dashboard): string[] {
  const out: string[] = [];
  const visit = (panel: Panel | RowPanel) => {
    if ('panels' in panel) {
      for (const inner of panel.panels) visit(inner);
      return;
    }
    for (const target of panel.targets ?? []) {
      if ('expr' in target && typeof target.expr === 'string') out.push(target.expr);
    }
  };
  for (const panel of dashboard.panels ?? []) visit(panel);
  return out;
}

/**
 * A Grafana file-provisioning config for the dashboard's folder.
 * @param dashboardsPath where the dashboard JSON lives on the Grafana host
 */
export function dashboardProvisioning(dashboardsPath: string, source: string): string {
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
  return `# Generated by deploy-governor from ${source}. Do not edit: run \`npx deploy-governor generate dashboard\`.\n${stringify(provider, { lineWidth: 0 })}`;
}

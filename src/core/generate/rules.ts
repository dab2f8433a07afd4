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
import { Document, isMap } from 'yaml';
import { formatDuration, parseDurationMs } from '../duration.js';
import type { ResolvedDr, ResolvedSlo } from '../policy/resolve-policy.js';
import type { FreezeWindowConfig } from '../policy/schema.js';
import { lastValueQuery, promString } from '../promql/promql.js';
import { sliKindOf } from '../sli/registry.js';
import { freezeCondition } from './freeze-expr.js';
import { BASE_SERIES, DEFAULT_ALERT_PAIRS, RULE_INTERVAL_SECONDS, recordedWindows, sloSelector, type BurnRatePair } from './recorded-series.js';

export { DEFAULT_ALERT_PAIRS, RULE_INTERVAL_SECONDS, type BurnRatePair };

export interface GenerateRulesInput {
  slos: readonly ResolvedSlo[];
  dr: ResolvedDr | null;
  /** Where the rules came from, for the header. */
  source: string;
  /** Fewest events in an alert's long window before it may fire (default 100). */
  minTraffic?: number;
  pairs?: readonly BurnRatePair[];
  /** Extra labels on every alert (the policy's `alerting.labels`). */
  labels?: Readonly<Record<string, string>>;
  /** Environment the policy was resolved for: labels the DR, freeze and governance alerts (default production). */
  environment?: string;
  /** Freeze windows of that environment; each becomes a DeployFreezeActive alert when PromQL can state it. */
  freezeWindows?: readonly FreezeWindowConfig[];
  /** More windows to record (the policy's burn-rate guards), so the gate can read them too. */
  extraWindows?: readonly string[];
}

type Rule =
  | { record: string; expr: string; labels?: Record<string, string> }
  | { alert: string; expr: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> };

interface Group {
  name: string;
  interval: string;
  rules: Rule[];
  /** A comment written above the group. */
  note?: string;
}

const BASE_SECONDS = 300;

/** How long the DeployOverridden alert stays up after an overridden decision. */
const OVERRIDE_ALERT_SECONDS = 86_400;

/** The SLO's base recordings, from its SLI kind's module (src/core/sli/kinds/). */
function baseRules(slo: ResolvedSlo, labels: Record<string, string>): Rule[] {
  const recording = sliKindOf(slo.sli).recording(slo.sli, '5m');
  if ('counts' in recording) {
    return [
      { record: BASE_SERIES.error, expr: `${recording.counts.error} / ${BASE_SECONDS}`, labels },
      { record: BASE_SERIES.total, expr: `${recording.counts.total} / ${BASE_SECONDS}`, labels },
    ];
  }
  return [{ record: BASE_SERIES.ratio, expr: recording.ratio, labels }];
}

/** Ratios and counts per window: read only the base series (so promtool can backfill them in one pass after the base). */
function windowRules(slo: ResolvedSlo, labels: Record<string, string>, windows: string[]): Rule[] {
  const sel = sloSelector(slo);
  const rules: Rule[] = [{ record: 'slo:objective:ratio', expr: `vector(${Number((slo.objective / 100).toPrecision(12))})`, labels }];
  const countsEvents = sliKindOf(slo.sli).countsEvents;
  for (const w of windows) {
    if (!countsEvents) {
      if (w !== '5m') rules.push({ record: `slo:sli_error:ratio_rate${w}`, expr: `avg_over_time(${BASE_SERIES.ratio}${sel}[${w}])`, labels });
      continue;
    }
    rules.push({
      record: `slo:sli_error:ratio_rate${w}`,
      expr:
        w === '5m'
          ? `${BASE_SERIES.error}${sel} / ${BASE_SERIES.total}${sel}`
          : `sum_over_time(${BASE_SERIES.error}${sel}[${w}]) / sum_over_time(${BASE_SERIES.total}${sel}[${w}])`,
      labels,
    });
    rules.push({
      record: `slo:sli_total:count${w}`,
      expr: w === '5m' ? `${BASE_SERIES.total}${sel} * ${BASE_SECONDS}` : `sum_over_time(${BASE_SERIES.total}${sel}[${w}]) * ${RULE_INTERVAL_SECONDS}`,
      labels,
    });
  }
  return rules;
}

/** Burn rates and budget remaining: read only the window ratios (the next backfill pass). */
function budgetRules(slo: ResolvedSlo, labels: Record<string, string>, windows: string[]): Rule[] {
  const allowed = Number((1 - slo.objective / 100).toPrecision(12));
  const sel = sloSelector(slo);
  return [
    ...windows.map((w) => ({ record: `slo:burn_rate:${w}`, expr: `slo:sli_error:ratio_rate${w}${sel} / ${allowed}`, labels })),
    { record: 'slo:error_budget_remaining:ratio', expr: `1 - slo:sli_error:ratio_rate${slo.window}${sel} / ${allowed}`, labels },
  ];
}

function shortest(durations: string[]): string {
  return durations.reduce((a, d) => (parseDurationMs(d) < parseDurationMs(a) ? d : a));
}

function alertRules(slo: ResolvedSlo, labels: Record<string, string>, extra: Record<string, string>, pairs: readonly BurnRatePair[], minTraffic: number): Rule[] {
  const annotations = (summary: string) => ({ summary, ...(slo.runbook ? { runbook_url: slo.runbook } : {}) });
  const sel = sloSelector(slo);
  const rules: Rule[] = [];
  for (const severity of ['page', 'ticket'] as const) {
    const mine = pairs.filter((p) => p.severity === severity);
    if (mine.length === 0) continue;
    const clauses = mine.map((p) => {
      // A ratio SLI records no traffic, so it cannot have a traffic guard.
      const guard = !sliKindOf(slo.sli).countsEvents ? '' : ` and slo:sli_total:count${p.long}${sel} >= ${minTraffic}`;
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

function drRules(dr: ResolvedDr, labels: Record<string, string>): Rule[] {
  const maxAgeSeconds = dr.maxAgeMs / 1000;
  const rules: Rule[] = [
    {
      alert: 'DRDrillStale',
      expr: `time() - ${lastValueQuery(dr.metric, dr.lookback)} > ${maxAgeSeconds}`,
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
      expr: `${lastValueQuery(dr.backupProbe.query, dr.backupProbe.lookback, 'min')} < 1`,
      for: '10m',
      labels: { ...labels, severity: 'page' },
      annotations: { summary: 'The backup probe is failing' },
    });
  }
  for (const [name, cfg] of [['RTO', dr.rto], ['RPO', dr.rpo]] as const) {
    if (!cfg) continue;
    rules.push({
      alert: `DRRecovery${name === 'RTO' ? 'Time' : 'Point'}OverLimit`,
      expr: `${lastValueQuery(cfg.metric, dr.lookback)} > ${cfg.maxSeconds}`,
      for: '10m',
      labels: { ...labels, severity: 'ticket' },
      annotations: { summary: `The last DR drill's ${name} exceeded ${cfg.max}` },
    });
  }
  return rules;
}

function freezeRules(windows: readonly FreezeWindowConfig[], labels: Record<string, string>, environment: string, skipped: string[]): Rule[] {
  const rules: Rule[] = [];
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

function governanceRules(labels: Record<string, string>, environment: string): Rule[] {
  const env = `environment=${promString(environment)}`;
  return [
    {
      alert: 'DeployOverridden',
      // The Action pushes one group per repository and environment (src/prometheus/push-decision.ts); a newer decision replaces it.
      expr: `max by (job, repository, environment) (deploy_governor_decision{${env}, overridden="true"}) and on (job, repository, environment) (time() - deploy_governor_decision_timestamp_seconds{${env}} < ${OVERRIDE_ALERT_SECONDS})`,
      labels: { ...labels, severity: 'ticket' },
      annotations: { summary: `A deploy to ${environment} went ahead with an override in the last ${formatDuration(OVERRIDE_ALERT_SECONDS * 1000)}: review it against the audit log` },
    },
  ];
}

/** The rule file, as YAML, deterministic for a given policy. */
export function generateRules(input: GenerateRulesInput): string {
  const pairs = input.pairs ?? DEFAULT_ALERT_PAIRS;
  const minTraffic = input.minTraffic ?? 100;
  const environment = input.environment ?? 'production';
  const extra = { ...(input.labels ?? {}) };
  const envLabels = { ...extra, environment };
  const interval = formatDuration(RULE_INTERVAL_SECONDS * 1000);
  const groups: Group[] = [];
  for (const slo of input.slos) {
    const labels = { slo: slo.name, service: slo.service };
    const note = sliKindOf(slo.sli).wording.ruleNote?.(slo.name, '5m');
    groups.push({ name: `deploy-governor:${slo.name}:base`, interval, rules: baseRules(slo, labels), ...(note !== undefined ? { note } : {}) });
    const windows = recordedWindows(slo, pairs, input.extraWindows ?? []);
    groups.push({ name: `deploy-governor:${slo.name}:windows`, interval, rules: windowRules(slo, labels, windows) });
    groups.push({ name: `deploy-governor:${slo.name}:budget`, interval, rules: budgetRules(slo, labels, windows) });
    groups.push({ name: `deploy-governor:${slo.name}:alerts`, interval, rules: alertRules(slo, labels, extra, pairs, minTraffic) });
  }
  if (input.dr) groups.push({ name: 'deploy-governor:dr', interval, rules: drRules(input.dr, envLabels) });
  const skipped: string[] = [];
  const freeze = freezeRules(input.freezeWindows ?? [], envLabels, environment, skipped);
  if (freeze.length > 0) groups.push({ name: 'deploy-governor:freeze', interval, rules: freeze });
  groups.push({ name: 'deploy-governor:governance', interval, rules: governanceRules(envLabels, environment) });

  const doc = new Document({ groups: groups.map(({ note: _note, ...g }) => g) }, { aliasDuplicateObjects: false });
  doc.commentBefore = [
    ` Generated by deploy-governor from ${input.source} (environment ${environment}). Do not edit: run \`npx deploy-governor generate rules\`.`,
    ' Series: slo:sli_error:rate5m / slo:sli_total:rate5m (base), slo:sli_error:ratio_rate<w>, slo:sli_total:count<w>, slo:burn_rate:<w>,',
    ' slo:objective:ratio, slo:error_budget_remaining:ratio; every long window is a ratio of sums (traffic-weighted), never an average of ratios.',
    ...skipped.map((s) => ` Note: ${s}`),
  ].join('\n');
  for (const [i, g] of groups.entries()) {
    if (!g.note) continue;
    const node = doc.getIn(['groups', i], true);
    if (isMap(node)) node.commentBefore = ` ${g.note}`;
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Prometheus rules generated from the policy: recording rules that keep every
 * SLO ratio traffic-weighted, multi-window multi-burn-rate alerts with a
 * minimum-traffic guard, DR alerts and a budget-exhausted alert.
 *
 * Naming scheme (labels `slo` and `service` on every series):
 * - `slo:sli_error:rate5m`, `slo:sli_total:rate5m`: events per second over 5m,
 *   the only rules that read raw counters;
 * - `slo:sli_error:ratio_rate<w>`: error ratio over w, computed as
 *   sum_over_time(errors) / sum_over_time(totals) of the 5m rates, so every
 *   window is weighted by traffic, never an average of ratios (the evaluation
 *   interval cancels out of the quotient);
 * - `slo:sli_total:count<w>`: events over w (for the minimum-traffic guard);
 * - `slo:burn_rate:<w>`, `slo:objective:ratio`, `slo:error_budget_remaining:ratio`.
 */
import { stringify } from 'yaml';
import { formatDuration, parseDurationMs } from '../duration.js';
import type { ResolvedDr, ResolvedSlo } from '../policy/resolve-policy.js';
import { renderWindowQuery } from '../evaluate/measure-error-ratio.js';
import { lastValueQuery } from '../evaluate/evaluate-dr.js';
import { DEFAULT_ALERT_PAIRS, recordedWindows, sloSelector, type BurnRatePair } from './recorded-series.js';

export { DEFAULT_ALERT_PAIRS, type BurnRatePair };

/** Evaluation interval of every generated group; sums of 5m rates sampled this often count each event 5m/interval times. */
export const RULE_INTERVAL_SECONDS = 60;

export interface GenerateRulesInput {
  slos: readonly ResolvedSlo[];
  dr: ResolvedDr | null;
  /** Where the rules came from, for the header. */
  source: string;
  /** Fewest events in an alert's long window before it may fire. */
  minTraffic?: number;
  pairs?: readonly BurnRatePair[];
}

type Rule = { record: string; expr: string; labels?: Record<string, string> } | { alert: string; expr: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> };


function matchers(...parts: string[]): string {
  const kept = parts.filter((p) => p.trim() !== '');
  return kept.length > 0 ? `{${kept.join(', ')}}` : '';
}

function baseRules(slo: ResolvedSlo, labels: Record<string, string>): Rule[] {
  const sli = slo.sli;
  if (sli.kind === 'events') {
    return [
      { record: 'slo:sli_error:rate5m', expr: `(${renderWindowQuery(sli.error, '5m')}) / 300`, labels },
      { record: 'slo:sli_total:rate5m', expr: `(${renderWindowQuery(sli.total, '5m')}) / 300`, labels },
    ];
  }
  if (sli.kind === 'latency') {
    const total = `sum(increase(${sli.metric}_count${matchers(sli.selector)}[5m]))`;
    const good = `sum(increase(${sli.metric}_bucket${matchers(sli.selector, `le="${sli.threshold}"`)}[5m]))`;
    return [
      { record: 'slo:sli_error:rate5m', expr: `(${total} - ${good}) / 300`, labels },
      { record: 'slo:sli_total:rate5m', expr: `${total} / 300`, labels },
    ];
  }
  // A ratio query carries no traffic: its long windows can only average it (not traffic-weighted).
  return [{ record: 'slo:sli_error:ratio_rate5m', expr: renderWindowQuery(sli.query, '5m'), labels }];
}

function windowRules(slo: ResolvedSlo, labels: Record<string, string>, windows: string[]): Rule[] {
  const allowed = Number((1 - slo.objective / 100).toPrecision(12));
  const rules: Rule[] = [{ record: 'slo:objective:ratio', expr: `vector(${Number((slo.objective / 100).toPrecision(12))})`, labels }];
  for (const w of windows) {
    if (slo.sli.kind === 'ratio') {
      if (w !== '5m') rules.push({ record: `slo:sli_error:ratio_rate${w}`, expr: `avg_over_time(slo:sli_error:ratio_rate5m${sloSelector(slo)}[${w}])`, labels });
    } else {
      rules.push({
        record: `slo:sli_error:ratio_rate${w}`,
        expr:
          w === '5m'
            ? `slo:sli_error:rate5m${sloSelector(slo)} / slo:sli_total:rate5m${sloSelector(slo)}`
            : `sum_over_time(slo:sli_error:rate5m${sloSelector(slo)}[${w}]) / sum_over_time(slo:sli_total:rate5m${sloSelector(slo)}[${w}])`,
        labels,
      });
      rules.push({ record: `slo:sli_total:count${w}`, expr: `sum_over_time(slo:sli_total:rate5m${sloSelector(slo)}[${w}]) * ${RULE_INTERVAL_SECONDS}`, labels });
    }
    rules.push({ record: `slo:burn_rate:${w}`, expr: `slo:sli_error:ratio_rate${w}${sloSelector(slo)} / ${allowed}`, labels });
  }
  rules.push({ record: 'slo:error_budget_remaining:ratio', expr: `1 - slo:sli_error:ratio_rate${slo.window}${sloSelector(slo)} / ${allowed}`, labels });
  return rules;
}

function alertRules(slo: ResolvedSlo, labels: Record<string, string>, pairs: readonly BurnRatePair[], minTraffic: number): Rule[] {
  const annotations = (summary: string) => ({ summary, ...(slo.runbook ? { runbook_url: slo.runbook } : {}) });
  const rules: Rule[] = [];
  for (const severity of ['page', 'ticket'] as const) {
    const mine = pairs.filter((p) => p.severity === severity);
    if (mine.length === 0) continue;
    const clauses = mine.map((p) => {
      const guard = slo.sli.kind === 'ratio' ? '' : ` and slo:sli_total:count${p.long}${sloSelector(slo)} >= ${minTraffic}`;
      return `(slo:burn_rate:${p.long}${sloSelector(slo)} > ${p.factor} and slo:burn_rate:${p.short}${sloSelector(slo)} > ${p.factor}${guard})`;
    });
    rules.push({
      alert: severity === 'page' ? 'SLOBurnRatePage' : 'SLOBurnRateTicket',
      expr: clauses.join('\nor\n'),
      for: mine.reduce((a, p) => (parseDurationMs(p.for) < parseDurationMs(a) ? p.for : a), mine[0]!.for),
      labels: { ...labels, severity },
      annotations: annotations(`SLO ${slo.name} is burning its ${slo.window} error budget fast (${severity})`),
    });
  }
  rules.push({
    alert: 'SLOErrorBudgetExhausted',
    expr: `slo:error_budget_remaining:ratio${sloSelector(slo)} < 0`,
    for: '5m',
    labels: { ...labels, severity: 'ticket' },
    annotations: annotations(`SLO ${slo.name} has spent its whole ${slo.window} error budget; deploys are blocked`),
  });
  return rules;
}

function drRules(dr: ResolvedDr): Rule[] {
  const maxAgeSeconds = dr.maxAgeMs / 1000;
  const rules: Rule[] = [
    {
      alert: 'DRDrillStale',
      expr: `time() - ${lastValueQuery(dr.metric, dr.lookback)} > ${maxAgeSeconds}`,
      for: '10m',
      labels: { severity: 'ticket' },
      annotations: { summary: `The last DR drill is older than ${dr.maxAge}; deploys are blocked until a drill succeeds` },
    },
    {
      alert: 'DRDrillMetricMissing',
      expr: `absent_over_time(${dr.metric}[${dr.lookback}])`,
      for: '10m',
      labels: { severity: 'ticket' },
      annotations: { summary: `No ${dr.metric} sample in ${dr.lookback}: publish the time of each successful drill` },
    },
  ];
  if (dr.backupProbe) {
    rules.push({
      alert: 'DRBackupProbeFailing',
      expr: `${lastValueQuery(dr.backupProbe.query, dr.backupProbe.lookback, 'min')} < 1`,
      for: '10m',
      labels: { severity: 'page' },
      annotations: { summary: 'The backup probe is failing' },
    });
  }
  for (const [name, cfg] of [['RTO', dr.rto], ['RPO', dr.rpo]] as const) {
    if (!cfg) continue;
    rules.push({
      alert: `DRRecovery${name === 'RTO' ? 'Time' : 'Point'}OverLimit`,
      expr: `${lastValueQuery(cfg.metric, dr.lookback)} > ${cfg.maxSeconds}`,
      for: '10m',
      labels: { severity: 'ticket' },
      annotations: { summary: `The last DR drill's ${name} exceeded ${cfg.max}` },
    });
  }
  return rules;
}

/** The rule file, as YAML, deterministic for a given policy. */
export function generateRules(input: GenerateRulesInput): string {
  const pairs = input.pairs ?? DEFAULT_ALERT_PAIRS;
  const minTraffic = input.minTraffic ?? 100;
  const groups: { name: string; interval: string; rules: Rule[] }[] = [];
  const interval = formatDuration(RULE_INTERVAL_SECONDS * 1000);
  for (const slo of input.slos) {
    const labels = { slo: slo.name, service: slo.service };
    groups.push({ name: `deploy-governor:${slo.name}:base`, interval, rules: baseRules(slo, labels) });
    groups.push({ name: `deploy-governor:${slo.name}:windows`, interval, rules: windowRules(slo, labels, recordedWindows(slo, pairs)) });
    groups.push({ name: `deploy-governor:${slo.name}:alerts`, interval, rules: alertRules(slo, labels, pairs, minTraffic) });
  }
  if (input.dr) groups.push({ name: 'deploy-governor:dr', interval, rules: drRules(input.dr) });
  const header = `# Generated by deploy-governor from ${input.source}. Do not edit: run \`npx deploy-governor generate rules\`.\n`;
  return header + stringify({ groups }, { lineWidth: 0, aliasDuplicateObjects: false });
}

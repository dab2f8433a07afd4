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
import { Document, isMap } from 'yaml';
import { formatPromDuration, parseDurationMs } from '../duration.js';
import type { ResolvedDr, ResolvedSlo } from '../policy/resolve-policy.js';
import type { ExclusionConfig } from '../exclusions/exclusion-schema.js';
import type { FreezeWindowConfig } from '../policy/schema.js';
import { lastValueQuery, promString } from '../promql/promql.js';
import { sliKindOf } from '../sli/registry.js';
import { budgetPercentOf, factorText, scaledFactor } from './burn-rate-factors.js';
import { exclusionMask } from './exclusion-mask.js';
import { freezeCondition } from './freeze-expr.js';
import {
  baseSeries,
  DEFAULT_ALERT_PAIRS,
  RULE_INTERVAL_SECONDS,
  recordedWindows,
  SERIES,
  sloSelector,
  type BurnRatePair,
} from './recorded-series.js';

export interface GenerateRulesInput {
  slos: readonly ResolvedSlo[];
  dr: ResolvedDr | null;
  /** Where the rules came from, for the header. */
  source: string;
  /** Fewest events in an alert's long window before it may fire (default 100). */
  minTraffic?: number;
  /** Burn-rate alert pairs (default the SRE workbook's four), factors for a 30-day window unless a pair is `pinned`. */
  pairs?: readonly BurnRatePair[];
  /** Extra labels on every alert (the policy's `alerting.labels`). */
  labels?: Readonly<Record<string, string>>;
  /** Environment the policy was resolved for: labels the DR, freeze and governance alerts (default production). */
  environment?: string;
  /** Freeze windows of that environment; each becomes a DeployFreezeActive alert when PromQL can state it. */
  freezeWindows?: readonly FreezeWindowConfig[];
  /** More windows to record (the policy's burn-rate guards), so the gate can read them too. */
  extraWindows?: readonly string[];
  /** The policy's budget exclusions: one-offs mask the SLO window's budget (exclusion-mask.ts), recurring ones are noted. */
  exclusions?: readonly ExclusionConfig[];
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

/** How long the DeployOverridden alert stays up after an overridden decision. */
const OVERRIDE_ALERT_SECONDS = 86_400;

/** Alert names by severity: stable, one alerting rule per pair under them. */
const BURN_RATE_ALERT_NAMES = { page: 'SLOBurnRatePage', ticket: 'SLOBurnRateTicket' } as const;

/** A number as the rules write it: 12 significant digits (Sloth writes the full double, e.g. 5.6000000000000005). */
const promNumber = (n: number) => String(Number(n.toPrecision(12)));

/**
 * The SLO's base recordings, from its SLI kind's module (src/core/sli/kinds/), over its base window; with a mask, the
 * same rates outside the one-off exclusions too (read from the raw counters, like the base, so promtool backfills them
 * in the same pass).
 */
function baseRules(slo: ResolvedSlo, labels: Record<string, string>, mask: string | null): Rule[] {
  const base = baseSeries(slo);
  const seconds = parseDurationMs(base.window) / 1000;
  const recording = sliKindOf(slo.sli).recording(slo.sli, base.window);
  if ('counts' in recording) {
    const rates = [
      { record: base.error, expr: `${recording.counts.error} / ${seconds}`, labels },
      { record: base.total, expr: `${recording.counts.total} / ${seconds}`, labels },
    ];
    if (mask === null) return rates;
    return [
      ...rates,
      { record: SERIES.includedErrorRate(base.window), expr: `(${recording.counts.error} / ${seconds}) unless on () (${mask})`, labels },
      { record: SERIES.includedTotalRate(base.window), expr: `(${recording.counts.total} / ${seconds}) unless on () (${mask})`, labels },
    ];
  }
  return [{ record: base.ratio, expr: recording.ratio, labels }];
}

/**
 * Ratios and counts per window: read only the base series (so promtool can
 * backfill them in one pass after the base). A window no longer than the base
 * window is the base window's ratio.
 */
function windowRules(slo: ResolvedSlo, labels: Record<string, string>, windows: string[], masked: boolean): Rule[] {
  const sel = sloSelector(slo);
  const base = baseSeries(slo);
  const baseMs = parseDurationMs(base.window);
  const baseSeconds = baseMs / 1000;
  const rules: Rule[] = [{ record: SERIES.objective, expr: `vector(${promNumber(slo.objective / 100)})`, labels }];
  const countsEvents = sliKindOf(slo.sli).countsEvents;
  for (const w of windows) {
    const withinBase = parseDurationMs(w) <= baseMs;
    if (!countsEvents) {
      if (w !== base.window) {
        rules.push({
          record: SERIES.errorRatio(w),
          expr: withinBase ? `${base.ratio}${sel}` : `avg_over_time(${base.ratio}${sel}[${w}])`,
          labels,
        });
      }
      continue;
    }
    // The SLO window's budget leaves the one-off exclusions out; the burn-rate windows count them, as the gate's do.
    const [error, total] =
      masked && w === slo.window
        ? [SERIES.includedErrorRate(base.window), SERIES.includedTotalRate(base.window)]
        : [base.error, base.total];
    rules.push({
      record: SERIES.errorRatio(w),
      expr: withinBase ? `${error}${sel} / ${total}${sel}` : `sum_over_time(${error}${sel}[${w}]) / sum_over_time(${total}${sel}[${w}])`,
      labels,
    });
    rules.push({
      record: SERIES.totalCount(w),
      expr: withinBase ? `${total}${sel} * ${baseSeconds}` : `sum_over_time(${total}${sel}[${w}]) * ${RULE_INTERVAL_SECONDS}`,
      labels,
    });
  }
  return rules;
}

/** Burn rates and budget remaining: read only the window ratios (the next backfill pass). */
function budgetRules(slo: ResolvedSlo, labels: Record<string, string>, windows: string[]): Rule[] {
  const allowed = promNumber(1 - slo.objective / 100);
  const sel = sloSelector(slo);
  return [
    ...windows.map((w) => ({ record: SERIES.burnRate(w), expr: `${SERIES.errorRatio(w)}${sel} / ${allowed}`, labels })),
    { record: SERIES.budgetRemaining, expr: `1 - ${SERIES.errorRatio(slo.window)}${sel} / ${allowed}`, labels },
  ];
}

/** A pair's factor for this SLO's window: scaled as Sloth does unless pinned. */
function pairFactor(pair: BurnRatePair, window: string): number {
  return pair.pinned ? pair.factor : scaledFactor(pair.factor, pair.long, window);
}

/** One alerting rule per pair, with the pair's own `for`; pages first, then tickets, each in the policy's order. */
function alertRules(
  slo: ResolvedSlo,
  labels: Record<string, string>,
  extra: Record<string, string>,
  pairs: readonly BurnRatePair[],
  minTraffic: number,
): Rule[] {
  const annotations = (summary: string, description?: string) => ({
    summary,
    ...(description !== undefined ? { description } : {}),
    ...(slo.runbook ? { runbook_url: slo.runbook } : {}),
  });
  const sel = sloSelector(slo);
  const rules: Rule[] = [];
  for (const severity of ['page', 'ticket'] as const) {
    for (const p of pairs.filter((pair) => pair.severity === severity)) {
      const factor = pairFactor(p, slo.window);
      const threshold = promNumber(factor);
      // A ratio SLI records no traffic, so it cannot have a traffic guard.
      const guard = !sliKindOf(slo.sli).countsEvents ? '' : ` and ${SERIES.totalCount(p.long)}${sel} >= ${minTraffic}`;
      rules.push({
        alert: BURN_RATE_ALERT_NAMES[severity],
        expr: `${SERIES.burnRate(p.long)}${sel} > ${threshold} and ${SERIES.burnRate(p.short)}${sel} > ${threshold}${guard}`,
        for: p.for,
        labels: { ...extra, ...labels, severity, long_window: p.long, short_window: p.short },
        annotations: annotations(
          `SLO ${slo.name} is burning its ${slo.window} error budget fast (${severity}: over ${factorText(factor)}x for ${p.long} and ${p.short})`,
          `Both the ${p.long} and the ${p.short} window burn the error budget faster than ${factorText(factor)}x: ${factorText(budgetPercentOf(factor, p.long, slo.window))}% of the ${slo.window} budget within ${p.long}.`,
        ),
      });
    }
  }
  rules.push({
    alert: 'SLOErrorBudgetExhausted',
    expr: `${SERIES.budgetRemaining}${sel} < 0`,
    for: '5m',
    labels: { ...extra, ...labels, severity: 'ticket' },
    annotations: annotations(`SLO ${slo.name} has spent its whole ${slo.window} error budget; deploys are blocked`),
  });
  return rules;
}

/** The comment above an SLO's alerts: its factors, and the pairs that cannot work at its window or base window. */
function alertNote(slo: ResolvedSlo, pairs: readonly BurnRatePair[]): string {
  const factors = pairs.map((p) => `${p.long}/${p.short} ${factorText(pairFactor(p, slo.window))}x`).join(', ');
  const scaled = pairs.some((p) => !p.pinned) && parseDurationMs(slo.window) !== parseDurationMs('30d');
  const lines = [
    `SLO ${slo.name} (${slo.window}): burn-rate factors ${factors}${scaled ? ` (the 30-day factors × ${slo.window} / 30d, as Sloth scales them)` : ''}.`,
  ];
  const baseMs = parseDurationMs(baseSeries(slo).window);
  for (const p of pairs) {
    if (parseDurationMs(p.long) >= parseDurationMs(slo.window))
      lines.push(`The ${p.long}/${p.short} pair's long window is not shorter than the SLO window ${slo.window}.`);
    if (parseDurationMs(p.short) < baseMs)
      lines.push(
        `The ${p.long}/${p.short} pair's short window reads the ${baseSeries(slo).window} base window (scrape-interval ${slo.scrapeInterval}).`,
      );
  }
  return lines.join('\n');
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
  for (const [name, cfg] of [
    ['RTO', dr.rto],
    ['RPO', dr.rpo],
  ] as const) {
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

function freezeRules(
  windows: readonly FreezeWindowConfig[],
  labels: Record<string, string>,
  environment: string,
  skipped: string[],
): Rule[] {
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
      annotations: {
        summary: `A deploy to ${environment} went ahead with an override in the last ${formatPromDuration(OVERRIDE_ALERT_SECONDS * 1000)}: review it against the audit log`,
      },
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
  const interval = formatPromDuration(RULE_INTERVAL_SECONDS * 1000);
  const groups: Group[] = [];
  const notes = exclusionMask(input.exclusions ?? [], 0);
  for (const slo of input.slos) {
    const labels = { slo: slo.name, service: slo.service };
    const mask = exclusionMask(input.exclusions ?? [], parseDurationMs(baseSeries(slo).window));
    const masked = mask.expr !== null && sliKindOf(slo.sli).countsEvents;
    const note = sliKindOf(slo.sli).wording.ruleNote?.(slo.name, baseSeries(slo).window);
    groups.push({
      name: `deploy-governor:${slo.name}:base`,
      interval,
      rules: baseRules(slo, labels, masked ? mask.expr : null),
      ...(note !== undefined ? { note } : {}),
    });
    const windows = recordedWindows(slo, pairs, input.extraWindows ?? []);
    groups.push({ name: `deploy-governor:${slo.name}:windows`, interval, rules: windowRules(slo, labels, windows, masked) });
    groups.push({ name: `deploy-governor:${slo.name}:budget`, interval, rules: budgetRules(slo, labels, windows) });
    groups.push({
      name: `deploy-governor:${slo.name}:alerts`,
      interval,
      rules: alertRules(slo, labels, extra, pairs, minTraffic),
      note: alertNote(slo, pairs),
    });
  }
  if (input.dr) groups.push({ name: 'deploy-governor:dr', interval, rules: drRules(input.dr, envLabels) });
  const skipped: string[] = [];
  const freeze = freezeRules(input.freezeWindows ?? [], envLabels, environment, skipped);
  if (freeze.length > 0) groups.push({ name: 'deploy-governor:freeze', interval, rules: freeze });
  groups.push({ name: 'deploy-governor:governance', interval, rules: governanceRules(envLabels, environment) });

  const doc = new Document({ groups: groups.map(({ note: _note, ...g }) => g) }, { aliasDuplicateObjects: false });
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
    if (!g.note) continue;
    const node = doc.getIn(['groups', i], true);
    if (isMap(node))
      node.commentBefore = g.note
        .split('\n')
        .map((line) => ` ${line}`)
        .join('\n');
  }
  return doc.toString({ lineWidth: 0 });
}

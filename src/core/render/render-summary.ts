/**
 * The report as markdown: the job summary, the check run's summary and the CLI's
 * `--format markdown`. Text that a repository controls (window names, reasons,
 * messages quoting queries) goes through `tableCell`/`inline` so it cannot break
 * the layout. Below the SLO table, each SLO with a budget history gets its
 * Mermaid charts (budget-chart.ts); the table stays, for screen readers.
 */
import { escalationLine } from './escalation.js';
import type { Report } from '../report/report-schema.js';
import { renderChartsSection } from './budget-chart.js';
import { renderExclusions } from './render-exclusions.js';
import { formatAge, formatBurnRate, formatDays, formatPercent, formatRatio } from './format-values.js';
import { inert } from './inert-markdown.js';

const STATUS_ICON: Record<string, string> = {
  NORMAL: '🟢',
  CAUTION: '🟡',
  WARNING: '🟠',
  FREEZE: '🔵',
  EXHAUSTED: '🔴',
  UNKNOWN: '⚪',
};

/**
 * Make text safe inside a markdown table cell or a list item: the same inert
 * rendering as the app's pull-request comments (no mention, HTML, link, heading
 * or issue reference can come from it), since the check run's summary shows it on GitHub too.
 */
export function tableCell(text: string): string {
  return inert(text);
}

export function decisionHeadline(report: Report): string {
  const d = report.decision;
  const verdict = d.overridden ? 'ALLOWED BY OVERRIDE' : d.canDeploy ? 'ALLOWED' : 'BLOCKED';
  return `${STATUS_ICON[d.status] ?? ''} ${verdict} — ${d.status}`;
}

/** A guard whose window had no data is unknown, never "no". */
function guardState(g: Report['slos'][number]['guards'][number]): string {
  if (g.state === 'unknown') return '❔ unknown (no data)';
  return g.triggered ? '🔥 yes' : 'no';
}

export function renderSummary(report: Report): string {
  const d = report.decision;
  const lines: string[] = [];
  lines.push(`## deploy-governor: ${tableCell(report.environment)} — ${decisionHeadline(report)}`, '');
  const why =
    d.status === 'UNKNOWN'
      ? `the policy could not be evaluated (on-error: ${d.onError})`
      : d.canDeploy
        ? `status ${d.status} is below block-on ${d.blockOn}`
        : `status ${d.status} is at or past block-on ${d.blockOn}`;
  lines.push(
    `**Decision:** ${d.overridden ? 'deploy allowed by an authorized override' : d.canDeploy ? 'deploy allowed' : 'deploy blocked'}: ${why}.${d.mode === 'report' ? ' Mode is `report`: the step does not fail.' : ''}`,
    '',
  );
  if (report.override) {
    const o = report.override;
    lines.push(
      `**Override:** level \`${o.level}\` by ${tableCell(o.actor)} (${tableCell(o.permission)})${o.approvers.length > 0 ? `, approved by ${o.approvers.map(tableCell).join(', ')}` : ''}: ${tableCell(o.reason)}`,
      '',
    );
  }

  if (report.policySources) lines.push(`**Policy:** ${report.policySources.chain.map((f) => tableCell(f)).join(' extends ')}`, '');
  lines.push('| SLO | Objective | Window | Error ratio | Budget remaining | Burn rate (1h) | Days to exhaustion | Status |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const s of report.slos) {
    // A window longer than the stored history says how much of it the figures cover.
    const window =
      s.historyDays === undefined
        ? tableCell(s.window)
        : `${tableCell(s.window)} (${s.historyDays < 1 ? 'under 1 day' : `about ${s.historyDays.toFixed(1)} days`} of data)`;
    lines.push(
      `| ${tableCell(s.name)} | ${s.objective}% | ${window} | ${formatRatio(s.errorRatio)} | ${formatPercent(s.budgetRemaining)} | ${formatBurnRate(s.burnRate)} | ${formatDays(s.daysToExhaustion)} | ${STATUS_ICON[s.status]} ${s.status} |`,
    );
  }
  lines.push('');
  lines.push(...renderExclusions(report));
  lines.push(...renderChartsSection(report));

  const guards = report.slos.flatMap((s) => s.guards.map((g) => ({ slo: s.name, ...g })));
  if (guards.length > 0) {
    lines.push('**Fast-burn guards**', '');
    lines.push('| SLO | Guard | Long window | Short window | Factor | Triggered |');
    lines.push('| --- | --- | ---: | ---: | ---: | --- |');
    for (const g of guards) {
      lines.push(
        `| ${tableCell(g.slo)} | ${tableCell(g.name)} | ${formatBurnRate(g.longBurnRate)} over ${tableCell(g.long)} | ${formatBurnRate(g.shortBurnRate)} over ${tableCell(g.short)} | ${g.factor}x | ${guardState(g)} |`,
      );
    }
    lines.push('');
  }

  if (report.dr) {
    const dr = report.dr;
    // A gauge with no sample is n/a, never a duration.
    const age = (seconds: number | null) => (seconds === null ? 'n/a (no sample)' : formatAge(seconds));
    const parts = [
      `last drill ${dr.ageSeconds === null ? 'n/a (no sample)' : `${formatAge(dr.ageSeconds)} ago`} (max ${formatAge(dr.maxAgeSeconds)})`,
    ];
    if (dr.backupProbe)
      parts.push(
        `backup probe ${dr.backupProbe.ok ? 'ok' : dr.backupProbe.value === null ? 'n/a (no sample)' : `failing (${dr.backupProbe.value})`}`,
      );
    if (dr.rto) parts.push(`RTO ${age(dr.rto.seconds)} (max ${formatAge(dr.rto.maxSeconds)})`);
    if (dr.rpo) parts.push(`RPO ${age(dr.rpo.seconds)} (max ${formatAge(dr.rpo.maxSeconds)})`);
    lines.push(`**DR:** ${dr.ok ? '🟢' : '🔴'} ${parts.join(' · ')}`, '');
  }
  for (const w of report.freeze.active) {
    lines.push(
      `**Freeze:** 🔵 ${tableCell(w.name)}${w.reason ? ` — ${tableCell(w.reason)}` : ''}${w.until ? ` (until ${tableCell(w.until)})` : ''}`,
      '',
    );
  }

  // Findings that change no status (no data, short history, raw cost) are notes, listed after the reasons.
  const notes = report.findings.filter((f) => f.status === 'NORMAL').map((f) => f.message);
  const reasons = d.reasons.filter((r) => !notes.includes(r));
  if (reasons.length > 0) {
    lines.push('**Reasons**', '', ...reasons.map((r) => `- ${tableCell(r)}`), '');
  }
  if (notes.length > 0) {
    lines.push('**Notes**', '', ...notes.map((n) => `- ${tableCell(n)}`), '');
  }
  const advisory = d.wouldHaveBlocked ?? [];
  if (advisory.length > 0) {
    lines.push(
      '**Advisory rules that would have blocked** (shadow mode: `enforcement: advisory`; they did not change the decision)',
      '',
      ...advisory.map((a) => `- \`${tableCell(a.rule)}\` (${a.status}): ${tableCell(a.message)}`),
      '',
    );
  }
  if (d.nextSteps.length > 0) {
    lines.push('**What to do next**', '', ...d.nextSteps.map((s) => `- ${tableCell(s)}`), '');
  }
  const escalation = d.canDeploy ? null : escalationLine(d.escalation);
  if (escalation !== null) lines.push(escalation, '');
  const samples = report.prometheus.samplesTouched === null ? '' : `, ${report.prometheus.samplesTouched} samples touched`;
  lines.push(
    `<sub>Evaluated at ${tableCell(report.evaluatedAt)} against ${tableCell(report.prometheus.url ?? 'no Prometheus')} (${report.prometheus.queries} queries${samples}).</sub>`,
  );
  return `${lines.join('\n')}\n`;
}

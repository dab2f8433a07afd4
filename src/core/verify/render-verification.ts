/**
 * The verification's verdict as markdown (the job summary, the verify check
 * run's summary) and as plain text (the CLI). Everything a repository or a
 * workflow controls (SLO names, reasons that quote queries, the rollback
 * command) is rendered inert in markdown.
 */
import { formatBurnRate } from '../render/format-values.js';
import { inert, inertLimited } from '../render/inert-markdown.js';
import type { Verification } from './verification-schema.js';

const VERDICT_ICON: Record<Verification['verdict'], string> = { pass: '🟢', regressed: '🔴', unknown: '⚪' };

/** "🔴 REGRESSED", "⚪ UNKNOWN (allowed by no-data: pass)". */
export function verdictHeadline(v: Verification): string {
  const allowed = v.verdict === 'unknown' && v.passed ? ' (allowed by no-data: pass)' : '';
  return `${VERDICT_ICON[v.verdict]} ${v.verdict.toUpperCase()}${allowed}`;
}

function sloRow(s: Verification['slos'][number]): string {
  const polls = s.samples.length + (s.samplesOmitted ?? 0);
  const measured = s.samples.filter((x) => x.state === 'measured').length;
  return `| ${inert(s.name)} | ${formatBurnRate(s.burnBefore)} | ${formatBurnRate(s.burnAfter)} | ${formatBurnRate(s.limit)} | ${measured} of ${polls}${s.samplesOmitted ? ' (newest shown)' : ''} | ${VERDICT_ICON[s.verdict]} ${s.verdict} |`;
}

export function renderVerificationMarkdown(v: Verification): string {
  const lines = [
    `## deploy-governor verify: ${inert(v.environment)} — ${verdictHeadline(v)}`,
    '',
    `**Bake:** ${v.polls} of ${v.plannedPolls} polls every ${inert(v.settings.interval)} over ${inert(v.settings.bake)}${v.endedEarly ? ', ended early on the regression' : ''}; burn rate over the last ${inert(v.settings.window)}, a regression above both ${v.settings.factor} × the pre-deploy rate and ${formatBurnRate(v.settings.floor)}.`,
    '',
  ];
  if (v.recommendation !== null) {
    const withCommand = v.verdict === 'regressed' && v.rollbackCommand !== null;
    const text = withCommand ? `Roll back the deploy to ${v.environment} with the workflow's rollback command:` : v.recommendation;
    lines.push(`**Recommendation:** ${inertLimited(text)}`, '');
    // The workflow's text: inert (no link, no mention, nothing that breaks out of the quote), and never run.
    if (withCommand) lines.push(`> ${inertLimited(v.rollbackCommand!)}`, '');
  }
  lines.push('| SLO | Burn before (1h) | Burn after | Limit | Polls measured | Verdict |', '| --- | ---: | ---: | ---: | ---: | --- |');
  lines.push(...v.slos.map(sloRow), '');
  lines.push(...v.reasons.map((r) => `- ${inertLimited(r, 1000)}`), '');
  return `${lines.join('\n')}\n`;
}

/** Plain text for a terminal: the headline, the recommendation and one line per SLO. */
export function renderVerificationText(v: Verification): string {
  const lines = [
    `deploy-governor verify: ${v.environment}: ${v.verdict.toUpperCase()}${v.verdict === 'unknown' && v.passed ? ' (allowed by no-data: pass)' : ''}`,
  ];
  lines.push(
    `  ${v.polls} of ${v.plannedPolls} polls, every ${v.settings.interval} over ${v.settings.bake}${v.endedEarly ? ' (ended early)' : ''}`,
  );
  for (const r of v.reasons) lines.push(`  ${r}`);
  if (v.recommendation !== null) lines.push(`  ${v.recommendation}`);
  return `${lines.join('\n')}\n`;
}

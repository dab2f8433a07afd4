/**
 * The pull-request comment that explains a deploy decision. One per pull request
 * and environment, found again by its hidden marker. Everything that came from
 * users is rendered inert. The budget charts of the SLOs with a history follow
 * the figures (at most COMMENT_MAX_CHARTED_SLOS, the least budget first).
 */
import type { Report } from '../report/report-schema.js';
import { renderChartsSection } from './budget-chart.js';
import { renderExclusions } from './render-exclusions.js';
import { formatAge, formatBurnRate, formatDays, formatPercent } from './format-values.js';
import { inert, inertLimited, inertUrl } from './inert-markdown.js';

/** Environment names as they appear in the marker: nothing that could end the HTML comment. */
export function markerEnvironment(environment: string): string {
  return environment.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);
}

export function commentMarker(environment: string): string {
  return `<!-- deploy-governor:pr-comment environment=${markerEnvironment(environment)} -->`;
}

/** Most SLOs whose charts a PR comment draws (the job summary draws them all). */
export const COMMENT_MAX_CHARTED_SLOS = 3;

/** The charts section of a comment. */
function charts(report: Report): string[] {
  return renderChartsSection(report, { maxSlos: COMMENT_MAX_CHARTED_SLOS, more: 'see the job summary of the workflow run' });
}

export interface CommentContext {
  /** Link to the workflow run that produced the report. */
  runUrl: string | null;
  /** Link to the workflow page where it can be dispatched. */
  workflowUrl: string | null;
  sha: string | null;
}

function row(label: string, value: string): string {
  return `| ${label} | ${value} |`;
}

/**
 * The deploy's change class in one line (issue 16): the class, where it came from (inert: a label or trailer is
 * user text), whether the status let it through, and why. None when the gate read no class.
 */
function classLine(report: Report): string[] {
  const d = report.decision;
  const c = d.changeClass;
  if (!c) return [];
  const name = inertLimited(c.name, 40);
  const why = c.allowedThrough
    ? `allowed through: ${d.status} lets ${name} deploys through (change-classes.allow), and the grant is recorded in the audit log like an override`
    : d.status === 'UNKNOWN'
      ? 'not allowed through: no class passes an evaluation that failed (UNKNOWN)'
      : `not allowed through: ${d.status} does not let ${name} deploys through (change-classes.allow)`;
  const unused = c.notes.length > 0 ? ` ${c.notes.length} piece(s) of evidence were not used (see the run).` : '';
  return [`**Change class:** ${name}, from ${inertLimited(c.detail, 200)}; ${why}.${unused}`, ''];
}

export function renderBlockedComment(report: Report, ctx: CommentContext): string {
  const d = report.decision;
  const env = inert(report.environment);
  const lines = [
    commentMarker(report.environment),
    `### 🚫 Deploys to ${env} are blocked: ${d.status}`,
    '',
    '| | |',
    '| --- | --- |',
    row('Status', `${d.status} (blocks at ${d.blockOn})`),
    row('Budget remaining', formatPercent(report.budget.remaining)),
    row('Burn rate (1h)', formatBurnRate(report.budget.burnRate)),
    row('Days to exhaustion', formatDays(report.budget.daysToExhaustion)),
    row(
      'DR drill',
      report.dr
        ? `${report.dr.ageSeconds === null ? 'n/a (no sample)' : `${formatAge(report.dr.ageSeconds)} ago`} (max ${formatAge(report.dr.maxAgeSeconds)})`
        : 'not checked',
    ),
    row(
      'Freeze window',
      report.freeze.active.length === 0
        ? 'none'
        : report.freeze.active.map((w) => `${inertLimited(w.name, 100)}${w.until ? ` until ${inertLimited(w.until, 40)}` : ''}`).join('; '),
    ),
    '',
    ...classLine(report),
    '**Why**',
    '',
    ...d.reasons.slice(0, 20).map((r) => `- ${inertLimited(r)}`),
    ...(d.reasons.length > 20 ? [`- … and ${d.reasons.length - 20} more (see the run)`] : []),
    '',
    ...renderExclusions(report),
    ...charts(report),
  ];
  if (d.requiredOverride) {
    const who = d.requiredPermission ? `the **${inert(d.requiredPermission)}** role or higher` : 'the role the policy requires';
    const workflowUrl = inertUrl(ctx.workflowUrl);
    const where = workflowUrl ? `[the deploy workflow](${workflowUrl})` : 'the deploy workflow';
    lines.push(
      `**How to override:** in an emergency, dispatch ${where} with \`override: ${d.requiredOverride}\` and an \`override-reason\`. This needs ${who}; the override is checked through the GitHub API and recorded in the audit log.`,
      '',
    );
  }
  lines.push(footer(report, ctx));
  return lines.join('\n');
}

export function renderAllowedComment(report: Report, ctx: CommentContext): string {
  const d = report.decision;
  const headline = d.overridden
    ? `### ⚠️ Deploys to ${inert(report.environment)} went ahead under an override: ${d.status}`
    : d.changeClass?.allowedThrough
      ? `### ⚠️ Deploys to ${inert(report.environment)} went ahead as a ${inertLimited(d.changeClass.name, 40)} deploy: ${d.status}`
      : `### ✅ Deploys to ${inert(report.environment)} are allowed again: ${d.status}`;
  const lines = [commentMarker(report.environment), headline, ''];
  if (d.overridden && report.override) {
    lines.push(
      `Overridden by ${inert(report.override.actor)} at level \`${report.override.level}\`: ${inertLimited(report.override.reason)}`,
      '',
    );
  }
  lines.push(
    ...classLine(report),
    `Budget remaining ${formatPercent(report.budget.remaining)}, burn rate ${formatBurnRate(report.budget.burnRate)}. An earlier run had blocked this deploy.`,
    '',
    ...charts(report),
    footer(report, ctx),
  );
  return lines.join('\n');
}

function footer(report: Report, ctx: CommentContext): string {
  // The report is only as trustworthy as the workflow that wrote it: links and timestamps are made inert too.
  const runUrl = inertUrl(ctx.runUrl);
  const parts = [
    runUrl ? `[Workflow run](${runUrl})` : null,
    ctx.sha ? `commit ${inert(ctx.sha.slice(0, 7))}` : null,
    `evaluated ${inertLimited(report.evaluatedAt, 40)}`,
  ];
  return `<sub>${parts.filter(Boolean).join(' · ')} · deploy-governor</sub>`;
}

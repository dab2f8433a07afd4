/**
 * The pull-request comment that shows a deploy's post-deploy verification: one
 * per pull request and environment, beside (not inside) the gate's comment, and
 * found again by its own marker. The verdict is a workflow's word (anyone with
 * write can publish one), so it is shown as the workflow's claim, decides
 * nothing, and everything in it is rendered inert: no mention, no link but the
 * run GitHub confirmed, the rollback command as inert code, never run.
 */
import { verdictHeadline } from '../verify/render-verification.js';
import type { Verification } from '../verify/verification-schema.js';
import { formatBurnRate } from './format-values.js';
import { inert, inertLimited, inertUrl } from './inert-markdown.js';
import { markerEnvironment } from './render-pr-comment.js';

export function verifyCommentMarker(environment: string): string {
  return `<!-- deploy-governor:verify-comment environment=${markerEnvironment(environment)} -->`;
}

export interface VerifyCommentContext {
  /** The workflow run GitHub confirmed for the verdict (null: none confirmed, no link). */
  runUrl: string | null;
  /** The incident issue a regression opened or found (null: none). */
  incident: number | null;
}

/** The SLO that decided: the regressed one, else the one closest to its limit (as the verdict's burnBefore/After). */
function decidingSlo(v: Verification): Verification['slos'][number] | null {
  const regressed = v.slos.find((s) => s.verdict === 'regressed');
  if (regressed) return regressed;
  const ratio = (s: Verification['slos'][number]) => (s.burnAfter ?? 0) / (s.limit || 1);
  return [...v.slos].sort((a, b) => ratio(b) - ratio(a))[0] ?? null;
}

/** A workflow's command as inline code that cannot break out of its span (backticks and newlines removed). */
function inertCode(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069`]/g, ' ').slice(0, 500);
  return `\`${clean}\``;
}

export function renderVerifyComment(v: Verification, ctx: VerifyCommentContext): string {
  const slo = decidingSlo(v);
  const run = inertUrl(ctx.runUrl);
  const lines = [
    verifyCommentMarker(v.environment),
    `### Post-deploy verification: ${inert(v.environment)} — ${verdictHeadline(v)}`,
    '',
    `- **Burn rate before / after:** ${formatBurnRate(v.burnBefore)} → ${formatBurnRate(v.burnAfter)}${slo ? ` (SLO ${inertLimited(slo.name, 100)}, limit ${formatBurnRate(slo.limit)})` : ''}`,
    `- **Bake:** ${v.polls} of ${v.plannedPolls} polls over ${inertLimited(v.settings.bake, 40)}${v.endedEarly ? ', ended early on the regression' : ''}`,
  ];
  if (v.recommendation !== null) lines.push(`- **Recommendation:** ${inertLimited(v.recommendation)}`);
  if (v.verdict === 'regressed' && v.rollbackCommand !== null)
    lines.push(`- **Rollback command** (the workflow's, never run): ${inertCode(v.rollbackCommand)}`);
  if (ctx.incident !== null) lines.push(`- **Incident:** #${ctx.incident}`);
  lines.push('', ...v.reasons.slice(0, 5).map((r) => `- ${inertLimited(r, 300)}`), '');
  lines.push(`_Reported by the workflow${run ? ` ([run](${run}))` : ''}; informational: it never changes a gate decision._`);
  return lines.join('\n');
}

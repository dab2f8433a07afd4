/** The deployment protection rule's answer comment: markdown, at most 1,024 characters. */
import type { Report } from '../report/report-schema.js';
import { escalationLine } from './escalation.js';
import { formatPercent } from './format-values.js';
import { inertLimited } from './inert-markdown.js';

export const PROTECTION_COMMENT_LIMIT = 1024;

function clip(text: string): string {
  return text.length <= PROTECTION_COMMENT_LIMIT ? text : `${text.slice(0, PROTECTION_COMMENT_LIMIT - 1)}…`;
}

export function renderProtectionComment(report: Report): string {
  const d = report.decision;
  const head = `**deploy-governor**: ${d.canDeploy ? 'approved' : 'rejected'}, status ${d.status}, budget remaining ${formatPercent(report.budget.remaining)}.`;
  const reasons = d.reasons.slice(0, 5).map((r) => `- ${inertLimited(r, 180)}`);
  const advisory = d.wouldHaveBlocked ?? [];
  const shadow =
    advisory.length > 0 ? [`Advisory rules that would have blocked: ${advisory.map((a) => inertLimited(a.rule, 80)).join(', ')}.`] : [];
  // The app computes this report from the default branch's policy, so its escalation is the policy's own choice.
  const escalation = d.canDeploy ? null : escalationLine(d.escalation);
  return clip([head, ...reasons, ...shadow, ...(escalation !== null ? [escalation] : [])].join('\n'));
}

/** A rejection for an evaluation that could not run (fail closed). */
export function renderProtectionError(message: string): string {
  return clip(`**deploy-governor**: rejected, the policy could not be evaluated (fail closed).\n- ${inertLimited(message, 900)}`);
}

/**
 * What a held deployment says: the notice posted while it waits (on its pull
 * requests, or its commit), and the protection rule's answer when it is
 * released or rejected (at most 1,024 characters, GitHub's limit). Reasons,
 * environment names and the like are user text, rendered inert.
 */
import { escalationLine } from '../render/escalation.js';
import { humanDuration } from '../duration.js';
import { formatPercent } from '../render/format-values.js';
import { inert, inertLimited, inertUrl } from '../render/inert-markdown.js';
import { PROTECTION_COMMENT_LIMIT } from '../render/render-protection-comment.js';
import type { Report } from '../report/report-schema.js';

function clip(text: string): string {
  return text.length <= PROTECTION_COMMENT_LIMIT ? text : `${text.slice(0, PROTECTION_COMMENT_LIMIT - 1)}…`;
}

const list = (reasons: readonly string[], max: number) => reasons.slice(0, 5).map((r) => `- ${inertLimited(r, max)}`);

/** The notice a held deployment posts once, where its authors look. */
export function renderHoldNotice(o: {
  environment: string;
  runUrl: string;
  until: Date;
  waitingFor: readonly string[];
  /** Who decides disagreements, from the default branch's policy (`escalation`): a real mention. */
  escalation?: string | undefined;
}): string {
  const run = inertUrl(o.runUrl);
  const decides = escalationLine(o.escalation, 'Disagree with the hold?');
  return [
    `**deploy-governor** is holding the deployment to \`${inert(o.environment)}\`${run ? ` ([workflow run](${run}))` : ''} instead of rejecting it (\`on-block: hold\`). It waits for:`,
    '',
    ...list(o.waitingFor, 300),
    '',
    `It is approved as soon as the policy allows it, and rejected if it is still blocked at **${o.until.toISOString()}**.`,
    ...(decides !== null ? ['', decides] : []),
  ].join('\n');
}

const heldFor = (ms: number) => humanDuration(ms / 1000);

/** The approval of a held deployment: how long it waited, for what, and the status that released it. */
export function renderReleaseComment(report: Report, o: { heldMs: number; waitedFor: readonly string[] }): string {
  const head = `**deploy-governor**: approved after a hold of ${heldFor(o.heldMs)}: what held it no longer blocks (status ${report.decision.status}, budget remaining ${formatPercent(report.budget.remaining)}). It waited for:`;
  return clip([head, ...list(o.waitedFor, 180)].join('\n'));
}

/** The rejection of a held deployment: at its hold's limit, or because the policy no longer holds it. */
export function renderHoldRejection(
  report: Report,
  o: { heldMs: number; why: 'limit' | 'policy' | 'not-holdable'; limit: string },
): string {
  const because = {
    limit: `rejected after a hold of ${heldFor(o.heldMs)}, the longest the policy allows (hold.limit ${inert(o.limit)}), still blocked`,
    policy: `rejected after a hold of ${heldFor(o.heldMs)}: the policy no longer holds blocked deploys (on-block: reject)`,
    'not-holdable': `rejected after a hold of ${heldFor(o.heldMs)}: it is now blocked by something a hold does not wait for`,
  }[o.why];
  const head = `**deploy-governor**: ${because} (status ${report.decision.status}, budget remaining ${formatPercent(report.budget.remaining)}).`;
  return clip([head, ...list(report.decision.reasons, 180)].join('\n'));
}

/** Appended to a rejection the policy would have held, where nothing can release a hold (the Lambda entry). */
export const HOLD_UNAVAILABLE_NOTE =
  "- `on-block: hold` needs the app's server (it re-evaluates held deployments); this host answers at once.";

/**
 * Whether an approved postmortem must wait for a P0 action item (the 20% rule,
 * src/core/postmortem/burn-rule.ts), and the one kept-current comment that says
 * why, or that the rule is now met.
 *
 * The figure the rule uses is never the visible budget table (anyone who can
 * edit the issue can rewrite it): it is the larger, per SLO, of the app's own
 * measurement recorded in its hidden marker when it opened the postmortem and
 * a fresh measurement over the incident's window, so rewriting either the
 * table or the recorded figure does not lower it. What remains editable is the
 * window in the marker; shortening it as well as rewriting the figure takes
 * write access and shows in the issue's edit history.
 */
import {
  consumedFigures,
  judgeBurnRule,
  largestFigures,
  renderBurnRuleComment,
  type BudgetFigure,
} from '../../src/core/postmortem/burn-rule.js';
import { readMeta, type PostmortemMeta } from '../../src/core/postmortem/issue-metadata.js';
import { openedByApp } from '../../src/github/open-issue.js';
import { listLabelledIssues } from '../../src/github/postmortem-inventory.js';
import { upsertPrComment } from '../../src/github/upsert-pr-comment.js';
import { measureBudgetImpact } from './measure-budget-impact.js';
import type { PostmortemContext } from './postmortem-context.js';
import { ACTION_ITEM_LABEL } from './sync-action-items.js';

const BURN_RULE_MARKER = '<!-- deploy-governor:burn-rule -->';

async function measuredAgain(ctx: PostmortemContext, meta: PostmortemMeta): Promise<BudgetFigure[]> {
  const rows = await measureBudgetImpact(ctx.file, ctx.config, meta, ctx.log, {
    owner: ctx.owner,
    repo: ctx.repo,
    installationId: ctx.installationId,
  });
  return consumedFigures(rows ?? []);
}

/** True when publishing must wait. Call under the postmortem's lock, once every approval is ticked. */
export async function burnRuleHolds(ctx: PostmortemContext, number: number, body: string): Promise<boolean> {
  const threshold = ctx.policy.requireP0AbovePct;
  const meta = readMeta('postmortem', body);
  if (threshold === null || !meta) return false;
  const recorded = meta.budget ?? [];
  // Measured again only when the record alone does not already apply the rule (each measurement is two evaluations).
  const figures = recorded.some((f) => f.consumed > threshold) ? recorded : largestFigures(recorded, await measuredAgain(ctx, meta));
  const { issues } = await listLabelledIssues(ctx.client, ctx.owner, ctx.repo, ACTION_ITEM_LABEL);
  const judgement = judgeBurnRule({
    postmortem: number,
    threshold,
    figures,
    items: issues.map((i) => ({ number: i.number, openedByApp: openedByApp(i, ctx.config.appId), meta: readMeta('action-item', i.body) })),
  });
  if (judgement.rule === 'not-applicable') return false;
  // Said once: the same comment is edited as things change, and a satisfied rule only updates a comment that exists.
  await upsertPrComment(ctx.client, {
    owner: ctx.owner,
    repo: ctx.repo,
    issue: number,
    appId: ctx.config.appId,
    marker: BURN_RULE_MARKER,
    body: `${BURN_RULE_MARKER}\n${renderBurnRuleComment(judgement)}`,
    create: judgement.rule === 'held',
  });
  ctx.log.info({ postmortem: number, rule: judgement.rule, over: judgement.over }, 'postmortem burn rule');
  return judgement.rule === 'held';
}

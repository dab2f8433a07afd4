/**
 * The error-budget policy's "an incident that burns more than 20% of the
 * budget gets a postmortem with at least one P0 action item": when any SLO's
 * measured consumption exceeds `postmortems.require-p0-above`, the postmortem
 * is not published until an action item of priority P0, with an owner and a
 * due date, is linked to it. Pure: app/postmortems/burn-hold.ts gathers the
 * figures and the items and keeps the comment.
 *
 * Which figures count is the caller's choice; this module only ever takes the
 * larger of two measurements, so no edit can lower the figure the rule uses.
 */
import { inert } from '../render/inert-markdown.js';
import type { ActionItemMeta } from './issue-metadata.js';

/** Percentage points of one SLO's error budget an incident consumed. */
export interface BudgetFigure {
  slo: string;
  consumed: number;
}

/** The measured figures of a budget table's rows (a row whose budget could not be read has none). */
export function consumedFigures(rows: readonly { slo: string; consumed: number | null }[]): BudgetFigure[] {
  return rows.flatMap((r) => (r.consumed === null ? [] : [{ slo: r.slo, consumed: r.consumed }]));
}

/** Per SLO, the larger of the figures given (recorded at opening, measured again now). */
export function largestFigures(...sources: readonly (readonly BudgetFigure[])[]): BudgetFigure[] {
  const largest = new Map<string, number>();
  for (const figure of sources.flat()) {
    if (!Number.isFinite(figure.consumed)) continue;
    const known = largest.get(figure.slo);
    if (known === undefined || figure.consumed > known) largest.set(figure.slo, figure.consumed);
  }
  return [...largest].map(([slo, consumed]) => ({ slo, consumed }));
}

/** An `action-item` issue as the app reads it back. */
export interface CandidateItem {
  number: number;
  /** GitHub's `performed_via_github_app` is this app: a pasted marker on anyone else's issue is no item. */
  openedByApp: boolean;
  meta: ActionItemMeta | null;
}

/** The items (open or closed) that satisfy the rule for this postmortem: the app's own, P0, with an owner and a due date. */
function qualifyingItems(postmortem: number, items: readonly CandidateItem[]): number[] {
  return items
    .filter((i) => i.openedByApp && i.meta?.postmortem === postmortem && i.meta.priority === 'P0' && !!i.meta.owner && !!i.meta.due)
    .map((i) => i.number)
    .sort((a, b) => a - b);
}

export type BurnJudgement =
  /** The rule is off, or no SLO's consumption exceeds the threshold. */
  | { rule: 'not-applicable' }
  | { rule: 'held'; threshold: number; over: BudgetFigure[] }
  | { rule: 'satisfied'; threshold: number; over: BudgetFigure[]; items: number[] };

export function judgeBurnRule(input: {
  postmortem: number;
  /** `require-p0-above`; null when off. */
  threshold: number | null;
  figures: readonly BudgetFigure[];
  items: readonly CandidateItem[];
}): BurnJudgement {
  if (input.threshold === null) return { rule: 'not-applicable' };
  const threshold = input.threshold;
  const over = input.figures.filter((f) => f.consumed > threshold).sort((a, b) => b.consumed - a.consumed);
  if (over.length === 0) return { rule: 'not-applicable' };
  const items = qualifyingItems(input.postmortem, input.items);
  return items.length > 0 ? { rule: 'satisfied', threshold, over, items } : { rule: 'held', threshold, over };
}

const points = (value: number) => `${value.toFixed(1)} pp`;

/** The kept-current comment's text for a judgement that applies (after the marker). SLO names are policy text, shown inert. */
export function renderBurnRuleComment(judgement: Exclude<BurnJudgement, { rule: 'not-applicable' }>): string {
  const slos = judgement.over.map((f) => `- **${inert(f.slo)}**: ${points(f.consumed)} of its error budget`);
  const limit = `the policy's \`postmortems.require-p0-above\` is ${judgement.threshold} pp`;
  if (judgement.rule === 'satisfied') {
    return [
      `This incident consumed more of the error budget than ${limit}, and it has a P0 action item with an owner and a due date (${judgement.items.map((n) => `#${n}`).join(', ')}), so it can be published once every approval is ticked.`,
      '',
      ...slos,
    ].join('\n');
  }
  return [
    `This postmortem cannot be published yet: the incident consumed more of the error budget than ${limit}.`,
    '',
    ...slos,
    '',
    'Add at least one P0 action item with an owner and a due date, as `- [ ] P0 <text> @owner due:YYYY-MM-DD` under *Action items*. Once its issue is opened, publishing proceeds (the approvals stand as they are).',
  ].join('\n');
}

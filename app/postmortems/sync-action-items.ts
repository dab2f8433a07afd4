/**
 * Turns a postmortem's new action items into issues: one issue per item (title =
 * text, assignee = owner, labels `action-item`, the horizon and the priority), attached as a
 * sub-issue, and the item's line rewritten to reference it. Exactly once: the
 * work runs under the postmortem's lock, each item issue carries a key (the
 * postmortem and the item's identity) that a redelivery finds, and the line
 * rewrite is applied to the freshest body.
 *
 * Items without an owner or a due date are not opened (an item nobody owns is
 * the one that rots); one comment, kept up to date, asks for what is missing.
 */
import { linkActionItem, parseActionItems, type ActionItem } from '../../src/core/postmortem/action-items.js';
import { renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { inert } from '../../src/core/render/inert-markdown.js';
import { addSubIssue } from '../../src/github/add-sub-issue.js';
import { httpStatusOf } from '../../src/github/client.js';
import { editIssueBody } from '../../src/github/edit-issue-body.js';
import { openIssueOnce, type OpenedIssue } from '../../src/github/open-issue.js';
import { readIssue } from '../../src/github/read-issue.js';
import { upsertPrComment } from '../../src/github/upsert-pr-comment.js';
import { issueKey, type PostmortemContext } from './postmortem-context.js';

export const ACTION_ITEM_LABEL = 'action-item';
const INCOMPLETE_MARKER = '<!-- deploy-governor:action-items-incomplete -->';
const LIMIT_MARKER = '<!-- deploy-governor:sub-issue-limit -->';
/** GitHub's limit on an issue title. */
const TITLE_LIMIT = 256;

export interface SyncOutcome {
  opened: number[];
  linked: number;
  incomplete: number;
  overLimit: number;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

function itemBody(postmortem: number, item: ActionItem): string {
  const owner = item.owner && LOGIN.test(item.owner) ? `@${item.owner}` : inert(item.owner ?? 'nobody yet');
  return [
    `Action item of postmortem #${postmortem}${item.horizon ? ` (${item.horizon} term)` : ''}.`,
    '',
    `**Owner:** ${owner}`,
    `**Due:** ${item.due ?? 'not set'}`,
    ...(item.priority ? [`**Priority:** ${item.priority}`] : []),
    '',
    `> ${inert(item.text)}`,
    '',
    'Closing this issue ticks the item in the postmortem; reopening it unticks it.',
    '',
    renderMeta('action-item', {
      postmortem,
      key: item.key,
      horizon: item.horizon,
      owner: item.owner,
      due: item.due,
      ...(item.priority ? { priority: item.priority } : {}),
    }),
  ].join('\n');
}

async function openItem(ctx: PostmortemContext, postmortem: number, item: ActionItem): Promise<OpenedIssue> {
  const request = {
    key: `action-item-${postmortem}-${item.key}`,
    title: item.text.length > TITLE_LIMIT ? `${item.text.slice(0, TITLE_LIMIT - 1)}…` : item.text,
    body: itemBody(postmortem, item),
    labels: [ACTION_ITEM_LABEL, ...(item.horizon ? [`${item.horizon}-term`] : []), ...(item.priority ? [item.priority] : [])] as [
      string,
      ...string[],
    ],
  };
  const owner = item.owner && LOGIN.test(item.owner) ? item.owner : null;
  try {
    return await openIssueOnce(ctx.client, ctx.owner, ctx.repo, owner ? { ...request, assignees: [owner] } : request, ctx.config.appId);
  } catch (error: unknown) {
    // 422: the owner cannot be assigned (not a collaborator); the issue still opens, naming the owner in its body.
    if (httpStatusOf(error) !== 422 || !owner) throw error;
    ctx.log.info({ owner }, 'action item owner cannot be assigned; opening it unassigned');
    return openIssueOnce(ctx.client, ctx.owner, ctx.repo, request, ctx.config.appId);
  }
}

function incompleteComment(items: ActionItem[]): string {
  return [
    INCOMPLETE_MARKER,
    'Some action items are missing an owner or a due date, so no issue was opened for them yet. Write each as `- [ ] <text> @owner due:YYYY-MM-DD`:',
    '',
    ...items.map(
      (i) =>
        `- ${inert(i.text)}: ${[!i.owner ? 'no owner' : null, i.dueProblem ? inert(i.dueProblem) : !i.due ? 'no due date' : null].filter(Boolean).join(', ')}`,
    ),
  ].join('\n');
}

export async function syncActionItems(ctx: PostmortemContext, postmortem: number): Promise<SyncOutcome> {
  return ctx.lock.run(issueKey(ctx, postmortem), async () => {
    const issue = await readIssue(ctx.client, ctx.owner, ctx.repo, postmortem);
    const pending = parseActionItems(issue.body ?? '').filter((i) => i.issue === null);
    const ready = pending.filter((i) => i.owner && i.due && !i.dueProblem);
    const incomplete = pending.filter((i) => !ready.includes(i));
    const links: { key: string; number: number }[] = [];
    const opened: number[] = [];
    let overLimit = 0;
    for (const item of ready) {
      const created = await openItem(ctx, postmortem, item);
      if (created.outcome === 'opened') opened.push(created.number);
      const attached = await addSubIssue(ctx.client, { owner: ctx.owner, repo: ctx.repo, parent: postmortem }, created);
      if (attached === 'limit-reached') overLimit += 1;
      links.push({ key: item.key, number: created.number });
    }
    let linked = 0;
    if (links.length > 0) {
      const result = await editIssueBody(ctx.client, { owner: ctx.owner, repo: ctx.repo, issue: postmortem }, (body) =>
        links.reduce((b, l) => linkActionItem(b, l.key, l.number), body),
      );
      linked = result.changed ? links.length : 0;
    }
    const target = { owner: ctx.owner, repo: ctx.repo, issue: postmortem, appId: ctx.config.appId };
    // The ask is kept current: once every item is complete, the same comment says so (and none is started for that).
    await upsertPrComment(ctx.client, {
      ...target,
      marker: INCOMPLETE_MARKER,
      body:
        incomplete.length > 0
          ? incompleteComment(incomplete)
          : `${INCOMPLETE_MARKER}\nEvery action item now has an owner and a due date. Thank you!`,
      create: incomplete.length > 0,
    });
    if (overLimit > 0) {
      await upsertPrComment(ctx.client, {
        ...target,
        marker: LIMIT_MARKER,
        body: `${LIMIT_MARKER}\nThis postmortem has reached GitHub's limit of 100 sub-issues (closed ones count), so ${overLimit} action item(s) were opened as issues and linked here but could not be attached as sub-issues. Consider moving long-term items to a follow-up tracking issue.`,
        create: true,
      });
    }
    ctx.log.info({ postmortem, opened: opened.length, linked, incomplete: incomplete.length, overLimit }, 'postmortem action items');
    return { opened, linked, incomplete: incomplete.length, overLimit };
  });
}

/**
 * Closing an action-item issue ticks its line in the postmortem; reopening it
 * unticks it. The postmortem comes from the item's own marker, and the line from
 * its reference to the item, under the postmortem's lock.
 */
import { setActionItemChecked } from '../../src/core/postmortem/action-items.js';
import { readMeta } from '../../src/core/postmortem/issue-metadata.js';
import { editIssueBody } from '../../src/github/edit-issue-body.js';
import { issueKey, type PostmortemContext } from './postmortem-context.js';

export async function markActionItem(
  ctx: PostmortemContext,
  item: { number: number; body: string | null | undefined },
  done: boolean,
): Promise<'changed' | 'unchanged' | 'not-an-item'> {
  const meta = readMeta('action-item', item.body);
  if (!meta) return 'not-an-item';
  return ctx.lock.run(issueKey(ctx, meta.postmortem), async () => {
    const result = await editIssueBody(ctx.client, { owner: ctx.owner, repo: ctx.repo, issue: meta.postmortem }, (body) =>
      setActionItemChecked(body, item.number, done),
    );
    ctx.log.info({ item: item.number, postmortem: meta.postmortem, done, changed: result.changed }, 'postmortem action item state');
    return result.changed ? 'changed' : 'unchanged';
  });
}

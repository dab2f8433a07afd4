/**
 * issues.opened and issues.edited on a postmortem: new action items become
 * issues, and (on an edit) newly ticked approval boxes are checked against the
 * policy's approvers. The app's own edits (linking items, unticking a box) are
 * skipped: they add neither items nor approvals. An edit of a freeze's record
 * by someone who may not unfreeze is undone (app/freezes/run-freeze-command.ts).
 */
import type { Context } from 'probot';
import { allApproved } from '../../src/core/postmortem/approvals.js';
import { labelNames } from '../../src/github/read-issue.js';
import type { AppConfig } from '../app-config.js';
import type { AppIdentity } from '../app-identity.js';
import { clientFor } from '../github-client.js';
import type { IssueLock } from '../issue-lock.js';
import { FREEZE_LABEL } from '../../src/core/freeze/freeze-command.js';
import { guardFreezeEdited } from '../freezes/run-freeze-command.js';
import { postmortemContext } from '../postmortems/postmortem-context.js';
import { publishPostmortem } from '../postmortems/publish-postmortem.js';
import { reviewApprovals } from '../postmortems/review-approvals.js';
import { syncActionItems } from '../postmortems/sync-action-items.js';

export async function onPostmortemChanged(
  context: Context<'issues.opened' | 'issues.edited'>,
  config: AppConfig,
  lock: IssueLock,
  identity: AppIdentity,
): Promise<void> {
  const { issue, sender } = context.payload;
  const { owner, repo } = context.repo();
  // Before the bots are set aside: a bot other than this app may not change a freeze either.
  if (labelNames(issue).includes(FREEZE_LABEL)) {
    const changes = context.payload.action === 'edited' ? context.payload.changes : undefined;
    const before = changes && 'body' in changes ? changes.body?.from : undefined;
    if (before !== undefined)
      await guardFreezeEdited({
        client: clientFor(context),
        log: context.log,
        appId: config.appId,
        owner,
        repo,
        issue: issue.number,
        before,
        sender,
        identity,
      });
  }
  if (sender.type === 'Bot') return;
  const ctx = await postmortemContext({
    client: clientFor(context),
    log: context.log,
    config,
    lock,
    owner,
    repo,
    installationId: context.payload.installation?.id ?? null,
  });
  if (!labelNames(issue).includes(ctx.policy.label)) return;
  // Approvals first: a forged tick is undone before anything else reads the body.
  const changes = context.payload.action === 'edited' ? context.payload.changes : undefined;
  const before = changes && 'body' in changes ? changes.body?.from : undefined;
  if (before !== undefined) await reviewApprovals(ctx, { postmortem: issue.number, before, after: issue.body ?? '', sender: sender.login });
  const synced = await syncActionItems(ctx, issue.number);
  // A new item may be the P0 an approved postmortem waits for (burn-hold.ts): publishing does not wait for another edit.
  // Only an approved one can be waiting (publishing re-reads it under its lock), so the rest cost no request.
  const roles = ctx.policy.approvals.map((r) => r.role);
  if (synced.opened.length > 0 && allApproved(issue.body ?? '', roles)) await publishPostmortem(ctx, issue.number);
}

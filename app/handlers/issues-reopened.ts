/** issues.reopened: reopening an action item unticks its line in the postmortem. */
import type { Context } from 'probot';
import { labelNames } from '../../src/github/read-issue.js';
import type { AppConfig } from '../app-config.js';
import { clientFor } from '../github-client.js';
import type { IssueLock } from '../issue-lock.js';
import { markActionItem } from '../postmortems/mark-action-item.js';
import { postmortemContext } from '../postmortems/postmortem-context.js';
import { ACTION_ITEM_LABEL } from '../postmortems/sync-action-items.js';

export async function onIssuesReopened(context: Context<'issues.reopened'>, config: AppConfig, lock: IssueLock): Promise<void> {
  const { issue } = context.payload;
  if (!labelNames(issue).includes(ACTION_ITEM_LABEL)) return;
  const { owner, repo } = context.repo();
  await markActionItem(
    await postmortemContext({
      client: clientFor(context),
      log: context.log,
      config,
      lock,
      owner,
      repo,
      installationId: context.payload.installation?.id ?? null,
    }),
    { number: issue.number, body: issue.body },
    false,
  );
}

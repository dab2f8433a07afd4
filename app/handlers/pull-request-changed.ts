/**
 * pull_request.opened, .synchronize, .reopened and .edited (when its base
 * changed): refreshes the freeze commit status of that pull request's head
 * commit (app/freezes/merge-status.ts). The payload only says which commit to
 * look at: which open pull requests it heads, and into which bases, is read
 * from GitHub.
 */
import type { Context } from 'probot';
import { clientFor } from '../github-client.js';
import { refreshMergeStatuses, type MergeStatusDeps } from '../freezes/merge-status.js';

type PullRequestChanged = Context<'pull_request.opened' | 'pull_request.synchronize' | 'pull_request.reopened' | 'pull_request.edited'>;

export async function onPullRequestChanged(context: PullRequestChanged, deps: MergeStatusDeps): Promise<void> {
  const { payload } = context;
  // A new title or body changes nothing the status depends on; a new base does.
  if (payload.action === 'edited' && payload.changes.base === undefined) return;
  const { owner, repo } = context.repo();
  const outcome = await refreshMergeStatuses({
    client: clientFor(context),
    log: context.log,
    owner,
    repo,
    installationId: payload.installation?.id ?? null,
    targets: { head: payload.pull_request.head.sha },
    deps,
  });
  context.log.info({ pull: payload.pull_request.number, ...outcome }, 'pull request freeze status refreshed');
}

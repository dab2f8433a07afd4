/**
 * issues.opened, for freezes (postmortems are issues-opened-or-edited.ts):
 * - a `deploy-freeze` issue this app opened (`performed_via_github_app`, set by
 *   GitHub): the expiry scheduler learns when it ends (app/freezes/freeze-expiry.ts);
 * - an issue a person opened whose first line is `/freeze` or `/unfreeze`: a
 *   freeze request (app/freezes/freeze-request.ts), as the CLI opens them.
 */
import type { Context } from 'probot';
import { FREEZE_LABEL, isFreezeCommand } from '../../src/core/freeze/freeze-command.js';
import { readMeta } from '../../src/core/postmortem/issue-metadata.js';
import { labelNames } from '../../src/github/read-issue.js';
import type { AppConfig } from '../app-config.js';
import type { IssueLock } from '../issue-lock.js';
import type { FreezeExpiry } from '../freezes/freeze-expiry.js';
import { freezeDepsFor, type FreezeServices } from '../freezes/freeze-deps.js';
import { runFreezeRequest } from '../freezes/freeze-request.js';

export async function onIssuesOpened(
  context: Context<'issues.opened'>,
  config: AppConfig,
  lock: IssueLock,
  expiry: FreezeExpiry | null,
  freezes: FreezeServices,
): Promise<void> {
  const { issue, sender, installation } = context.payload;
  const { owner, repo } = context.repo();
  if (issue.performed_via_github_app?.id === config.appId) {
    const record = labelNames(issue).includes(FREEZE_LABEL) ? readMeta('freeze', issue.body) : null;
    if (record && expiry && installation)
      await expiry.learn({ installationId: installation.id, owner, repo, issue: issue.number }, record.until);
    return;
  }
  if (sender.type === 'Bot' || !isFreezeCommand(issue.body ?? '')) return;
  await runFreezeRequest({
    deps: freezeDepsFor(context, config.appId, freezes),
    lock,
    owner,
    repo,
    request: { number: issue.number, id: issue.id, body: issue.body ?? '', createdAt: issue.created_at },
    sender: sender.login,
  });
}

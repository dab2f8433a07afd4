/**
 * Chat notifications of freezes starting and ending (issue 15, item 5): a
 * freeze-events listener that tells the channels the policy of the repository
 * keeping the freeze names (for an organisation-wide freeze, `<owner>/.github`'s
 * policy). Keyed by the freeze's issue and change, so a redelivered command or
 * a second instance sends nothing twice. Never throws (notifyRepository).
 */
import type { Probot } from 'probot';
import { freezeNotification } from '../../src/core/notify/notification.js';
import { clientFor } from '../github-client.js';
import type { FreezeListener } from '../freezes/freeze-events.js';
import type { Notifier } from './notifier.js';
import { notifyRepository } from './notify-repository.js';

export function freezeNotifier(probot: Probot, notifier: Notifier): FreezeListener {
  return async (change) => {
    if (!notifier.enabled) return;
    const client = clientFor({ octokit: await probot.auth(change.installationId) });
    await notifyRepository(
      {
        notifier,
        client,
        owner: change.owner,
        repo: change.repo,
        log: probot.log,
        key: `freeze:${change.owner}/${change.repo}#${change.issue}:${change.change}`,
      },
      freezeNotification(change),
    );
  };
}

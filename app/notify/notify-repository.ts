/**
 * A notification for one repository, from a webhook handler or the sweep: the
 * repository's `notify` section comes from its policy on the default branch
 * (read here unless the caller has it). Never throws: a notification is a
 * courtesy, never a reason for a delivery to fail or be retried.
 */
import type { Logger } from 'probot';
import type { Notification } from '../../src/core/notify/notification.js';
import type { PolicyFile } from '../../src/core/policy/schema.js';
import { messageOf, type GitHubClient } from '../../src/github/client.js';
import { readRepoPolicy } from '../../src/github/read-repo-policy.js';
import type { Notifier } from './notifier.js';

export interface NotifyTarget {
  notifier: Notifier;
  client: GitHubClient;
  owner: string;
  repo: string;
  log: Pick<Logger, 'info' | 'warn'>;
  /** The policy file, when the caller has read it already. */
  policy?: PolicyFile;
  /** The same key is sent once (see notifier.ts). */
  key: string;
}

export async function notifyRepository(target: NotifyTarget, notification: Notification | null): Promise<void> {
  if (!notification || !target.notifier.enabled) return;
  try {
    const policy = target.policy ?? (await readRepoPolicy(target.client, target.owner, target.repo));
    if (!policy.notify) return;
    await target.notifier.notify(
      { owner: target.owner, repo: target.repo, policy: policy.notify, log: target.log, key: target.key },
      notification,
    );
  } catch (error: unknown) {
    target.log.warn(
      { repository: `${target.owner}/${target.repo}`, kind: notification.kind, err: messageOf(error) },
      'notification not sent',
    );
  }
}

/**
 * Ends one freeze whose time has come, as the expiry scheduler asks: what
 * decides is GitHub's state read now (the issue still open, opened by this app,
 * its record's end passed), never the time the scheduler was told. The freeze's
 * issue gets a comment saying it expired, then closeExpiredFreezes closes it, as
 * the lazy path does when someone reads an expired freeze.
 */
import type { Logger, Probot } from 'probot';
import { isFreezeActive } from '../../src/core/freeze/freeze-command.js';
import { httpStatusOf } from '../../src/github/client.js';
import { readFreezes } from '../../src/github/freeze-issues.js';
import { upsertPrComment } from '../../src/github/upsert-pr-comment.js';
import { clientFor } from '../github-client.js';
import { closeExpiredFreezes } from './run-freeze-command.js';
import type { DueFreeze } from './due-freezes.js';
import type { FreezeServices } from './freeze-deps.js';

export type ExpiryOutcome =
  /** Closed now. */
  | { outcome: 'closed' }
  /** Nothing to close: lifted or closed already, not this app's, or the repository or installation is gone. */
  | { outcome: 'gone' }
  /** Still in force: its record ends later than the scheduler was told. */
  | { outcome: 'active'; until: number };

export async function expireFreeze(r: {
  probot: Probot;
  appId: number;
  log: Logger;
  freeze: DueFreeze;
  now: Date;
  services: FreezeServices;
}): Promise<ExpiryOutcome> {
  const { freeze, now } = r;
  const target = { owner: freeze.owner, repo: freeze.repo };
  try {
    const client = clientFor({ octokit: await r.probot.auth(freeze.installationId) });
    const find = async () => (await readFreezes(client, freeze.owner, freeze.repo, r.appId)).find((f) => f.issue === freeze.issue);
    const stored = await find();
    if (!stored) return { outcome: 'gone' };
    if (isFreezeActive(stored.record, now)) return { outcome: 'active', until: Date.parse(stored.record.until) };
    // Keyed by the issue, so a retry after a failed close edits this comment instead of adding another.
    const marker = '<!-- deploy-governor:freeze-expired -->';
    const where = stored.record.scope === 'all' ? 'all environments' : `\`${stored.record.scope}\``;
    await upsertPrComment(client, {
      ...target,
      issue: freeze.issue,
      appId: r.appId,
      marker,
      body: `${marker}\nThis freeze expired at **${stored.record.until}**: deploys to ${where} are no longer frozen by it. Closed by deploy-governor.`,
      create: true,
    });
    // The one call of the scheduler into the freezes' own code: it closes the issue and announces the end.
    await closeExpiredFreezes(
      { ...r.services, client, log: r.log, appId: r.appId, installationId: freeze.installationId },
      target,
      [stored],
      now,
    );
    // closeExpiredFreezes logs a failure instead of throwing: an issue still open is tried again.
    if (await find()) throw new Error(`${freeze.owner}/${freeze.repo}#${freeze.issue} is still open after closing it`);
    return { outcome: 'closed' };
  } catch (error: unknown) {
    // The app was uninstalled, or the repository deleted or made unreachable: nothing is left to close.
    if (httpStatusOf(error) === 404) return { outcome: 'gone' };
    throw error;
  }
}

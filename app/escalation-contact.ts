/**
 * Who decides disagreements about a repository's deploys (the policy's
 * `escalation`, issue 16), read from the default branch: the app mentions them
 * in what it writes, and a check run's report (written by a workflow any writer
 * can change) must never choose whom the app mentions.
 */
import type { Logger } from 'probot';
import { PolicyError } from '../src/core/policy/policy-error.js';
import { readRepoPolicyChain } from '../src/github/read-repo-policy.js';
import type { GitHubClient } from '../src/github/client.js';

/** The environment's escalation contact (its section's, else the top level's), or null; an invalid policy names nobody. */
export async function readEscalation(
  client: GitHubClient,
  log: Logger,
  target: { owner: string; repo: string; environment: string },
): Promise<string | null> {
  try {
    const { file } = await readRepoPolicyChain(client, target.owner, target.repo, () => {});
    const contact = file.environments?.[target.environment]?.escalation ?? file.escalation;
    return contact === undefined ? null : contact.replace(/^@/, '');
  } catch (error: unknown) {
    if (!(error instanceof PolicyError)) throw error;
    log.info({ err: error.message }, 'policy invalid: no escalation contact to mention');
    return null;
  }
}

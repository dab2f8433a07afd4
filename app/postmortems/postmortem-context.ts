/** What every postmortem flow needs: the repository, its policy, GitHub, the app's config and the per-issue lock. */
import type { Logger } from 'probot';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import type { PolicyFile } from '../../src/core/policy/schema.js';
import { resolvePostmortemPolicy, type PostmortemPolicy } from '../../src/core/postmortem/postmortem-policy.js';
import type { GitHubClient } from '../../src/github/client.js';
import { readRepoPolicy } from '../../src/github/read-repo-policy.js';
import type { AppConfig } from '../app-config.js';
import type { IssueLock } from '../issue-lock.js';

export interface PostmortemContext {
  client: GitHubClient;
  log: Logger;
  config: AppConfig;
  lock: IssueLock;
  owner: string;
  repo: string;
  /** The installation the request came through (a tenant may be assigned by installation); null when unknown. */
  installationId: number | null;
  /** The repository's policy file (credentials are never used from it by the app). */
  file: PolicyFile;
  policy: PostmortemPolicy;
}

/**
 * The repository's postmortem policy. A broken policy file must not stop
 * postmortems (they matter most on a bad day): the defaults apply and the
 * problem is logged.
 */
export async function postmortemContext(base: Omit<PostmortemContext, 'file' | 'policy'>): Promise<PostmortemContext> {
  let file: PolicyFile = {};
  try {
    file = await readRepoPolicy(base.client, base.owner, base.repo);
  } catch (error: unknown) {
    if (!(error instanceof PolicyError)) throw error;
    base.log.warn({ err: error.message }, 'policy invalid; postmortems use the defaults');
  }
  return { ...base, file, policy: resolvePostmortemPolicy(file.postmortems) };
}

/** Lock key of one issue of one repository. */
export function issueKey(ctx: Pick<PostmortemContext, 'owner' | 'repo'>, issue: number | string): string {
  return `${ctx.owner}/${ctx.repo}#${issue}`;
}

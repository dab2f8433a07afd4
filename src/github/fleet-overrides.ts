/**
 * The overrides in a repository's audit log (the policy's `audit` branch and
 * path, JSON Lines written by the app), as far as the fleet counts them: when
 * and for which environment. The log's integrity is `deploy-governor audit
 * verify`'s job; a corrupt line is skipped here, as parseRecords does.
 */
import type { OverrideFact } from '../core/fleet/assemble-fleet.js';
import { parseRecords } from '../core/audit/hash-chain.js';
import type { GitHubClient } from './client.js';
import { readRepoFile } from './read-repo-file.js';

/** The log's override records; none when the branch or the file does not exist. */
export async function readOverrides(
  client: GitHubClient,
  owner: string,
  repo: string,
  audit: { branch: string; path: string },
): Promise<OverrideFact[]> {
  const file = await readRepoFile(client, { owner, repo, path: audit.path, ref: audit.branch });
  if (!file) return [];
  return parseRecords(file.text).flatMap((r) =>
    typeof r.at === 'string' && typeof r.environment === 'string' && !Number.isNaN(Date.parse(r.at))
      ? [{ at: r.at, environment: r.environment }]
      : [],
  );
}

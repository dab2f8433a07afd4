/** The pull requests a commit belongs to, for the comment that explains a deploy decision. */
import { z } from 'zod';
import type { GitHubClient } from './client.js';

const pulls = z.array(
  z.object({
    number: z.number().int(),
    state: z.string().optional(),
    merged_at: z.string().nullable().optional(),
  }),
);

/** A pull request as the check_run payload lists it (base repository included). */
export interface PayloadPullRequest {
  number: number;
  base?: { repo?: { id?: number } | null } | null;
}

/**
 * Pull-request numbers for a check run: the payload's own list when GitHub filled
 * it (only those whose base is this repository: the numbers are this
 * repository's issues), else the commit's associated pull requests that are open
 * or merged. A deploy usually runs on the default branch after the merge, so
 * the merged pull request is where its authors look; a closed, unmerged one is
 * abandoned.
 */
export async function findPullRequests(
  client: GitHubClient,
  target: { owner: string; repo: string; repoId: number | null; sha: string },
  fromPayload: readonly PayloadPullRequest[],
): Promise<number[]> {
  const own = fromPayload.filter((p) => target.repoId === null || p.base?.repo?.id === undefined || p.base.repo.id === target.repoId);
  if (own.length > 0) return [...new Set(own.map((p) => p.number))];
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    owner: target.owner,
    repo: target.repo,
    commit_sha: target.sha,
    per_page: 100,
  });
  return pulls
    .parse(data)
    .filter((p) => p.state === undefined || p.state === 'open' || Boolean(p.merged_at))
    .map((p) => p.number);
}

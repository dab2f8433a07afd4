/** The open pull requests a commit belongs to. */
import { z } from 'zod';
import type { GitHubClient } from './client.js';

const pulls = z.array(z.object({ number: z.number().int(), state: z.string().optional() }));

/**
 * Pull-request numbers for a check run: the payload's own list when GitHub filled
 * it (it does not for forks), else the commit's associated open pull requests.
 */
export async function findPullRequests(client: GitHubClient, owner: string, repo: string, sha: string, fromPayload: readonly { number: number }[]): Promise<number[]> {
  if (fromPayload.length > 0) return [...new Set(fromPayload.map((p) => p.number))];
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { owner, repo, commit_sha: sha, per_page: 100 });
  return pulls
    .parse(data)
    .filter((p) => p.state === undefined || p.state === 'open')
    .map((p) => p.number);
}

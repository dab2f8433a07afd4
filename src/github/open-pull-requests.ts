/** Open pull requests with their base branch and head commit, as the freeze status on pull requests needs them (issue 15). */
import { z } from 'zod';
import type { OpenPull } from '../core/freeze/merge-status.js';
import type { GitHubClient } from './client.js';

const pulls = z.array(
  z.object({
    number: z.number().int(),
    state: z.string(),
    base: z.object({ ref: z.string() }),
    head: z.object({ sha: z.string() }),
  }),
);

/** At most this many pages of 100 are read per listing: 1,000 open pull requests. */
const MAX_PAGES = 10;

const toOpenPull = (p: z.infer<typeof pulls>[number]): OpenPull => ({ number: p.number, base: p.base.ref, headSha: p.head.sha });

/**
 * The repository's open pull requests, oldest first; `truncated` when there were more than the bound. All of them,
 * not those into one base (GitHub's `base` filter): a head commit's status must weigh every open pull request it
 * heads, whatever their bases.
 */
export async function listOpenPulls(client: GitHubClient, owner: string, repo: string): Promise<{ pulls: OpenPull[]; truncated: boolean }> {
  const out: OpenPull[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/pulls', {
      owner,
      repo,
      state: 'open',
      sort: 'created',
      direction: 'asc',
      per_page: 100,
      page,
    });
    const batch = pulls.parse(data);
    out.push(...batch.map(toOpenPull));
    if (batch.length < 100) return { pulls: out, truncated: false };
  }
  return { pulls: out, truncated: true };
}

/** The open pull requests whose head is the commit `sha` now (GitHub's answer, whatever a webhook said). */
export async function openPullsWithHead(client: GitHubClient, owner: string, repo: string, sha: string): Promise<OpenPull[]> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  return pulls
    .parse(data)
    .filter((p) => p.state === 'open' && p.head.sha === sha)
    .map(toOpenPull);
}

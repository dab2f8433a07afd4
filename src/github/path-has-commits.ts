/**
 * Whether a branch's history has any commit that touched a path: a log that is
 * missing now but has history was deleted, not never written.
 */
import { z } from 'zod';
import { httpStatusOf, type GitHubClient } from './client.js';

const commits = z.array(z.object({ sha: z.string() }));

export async function pathHasCommits(
  client: GitHubClient,
  at: { owner: string; repo: string; branch: string; path: string },
): Promise<boolean> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits', {
      owner: at.owner,
      repo: at.repo,
      sha: at.branch,
      path: at.path,
      per_page: 1,
    });
    return commits.parse(data).length > 0;
  } catch (error: unknown) {
    // No such branch: nothing was ever written there.
    if (httpStatusOf(error) === 404 || httpStatusOf(error) === 409) return false;
    throw error;
  }
}

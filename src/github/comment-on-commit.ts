/** A comment on a commit, where a deployment without a pull request is explained. */
import type { GitHubClient } from './client.js';

export async function commentOnCommit(client: GitHubClient, owner: string, repo: string, sha: string, body: string): Promise<void> {
  // No automatic resend: a POST that timed out after succeeding would post the comment twice.
  await client.request('POST /repos/{owner}/{repo}/commits/{commit_sha}/comments', {
    owner,
    repo,
    commit_sha: sha,
    body,
    request: { retries: 0 },
  });
}

/** A plain new comment on an issue or pull request. */
import type { GitHubClient } from './client.js';

export async function commentOnIssue(client: GitHubClient, owner: string, repo: string, issue: number, body: string): Promise<void> {
  // No automatic resend: a POST that timed out after succeeding would post the comment twice.
  await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner,
    repo,
    issue_number: issue,
    body,
    request: { retries: 0 },
  });
}

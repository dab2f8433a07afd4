import type { GitHubClient } from './client.js';

/** Closes an issue as completed (closing a closed issue changes nothing). */
export async function closeIssue(client: GitHubClient, target: { owner: string; repo: string }, issue: number): Promise<void> {
  await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    owner: target.owner,
    repo: target.repo,
    issue_number: issue,
    state: 'closed',
    state_reason: 'completed',
  });
}

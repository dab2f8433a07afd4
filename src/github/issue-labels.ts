/** Adding and removing labels; both idempotent. */
import { httpStatusOf, type GitHubClient } from './client.js';

export async function addLabels(client: GitHubClient, owner: string, repo: string, issue: number, labels: string[]): Promise<void> {
  await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { owner, repo, issue_number: issue, labels });
}

export async function removeLabel(client: GitHubClient, owner: string, repo: string, issue: number, label: string): Promise<void> {
  try {
    await client.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', { owner, repo, issue_number: issue, name: label });
  } catch (error: unknown) {
    // Not there (any more): the goal is reached.
    if (httpStatusOf(error) !== 404) throw error;
  }
}

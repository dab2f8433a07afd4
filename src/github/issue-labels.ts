/** Adding labels to an issue (idempotent: GitHub keeps a label once). */
import type { GitHubClient } from './client.js';

export async function addLabels(client: GitHubClient, owner: string, repo: string, issue: number, labels: string[]): Promise<void> {
  await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { owner, repo, issue_number: issue, labels });
}

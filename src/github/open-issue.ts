/** Opens an issue unless an open one with the same title and first label exists (redeliveries open nothing new). */
import { z } from 'zod';
import type { GitHubClient } from './client.js';

const issues = z.array(z.object({ title: z.string() }));

export async function openIssueOnce(client: GitHubClient, owner: string, repo: string, issue: { title: string; body: string; labels: string[] }): Promise<'opened' | 'exists'> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/issues', { owner, repo, state: 'open', labels: issue.labels[0], per_page: 100 });
  if (issues.parse(data).some((i) => i.title === issue.title)) return 'exists';
  await client.request('POST /repos/{owner}/{repo}/issues', { owner, repo, title: issue.title, body: issue.body, labels: issue.labels });
  return 'opened';
}

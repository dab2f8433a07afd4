/** One issue (or pull request, which GitHub also serves as an issue), as the postmortem flows need it. */
import { z } from 'zod';
import type { GitHubClient } from './client.js';

const issueSchema = z.object({
  number: z.number().int(),
  /** The database id: what the sub-issues API takes. */
  id: z.number().int(),
  title: z.string(),
  body: z.string().nullable().optional(),
  state: z.string(),
  state_reason: z.string().nullable().optional(),
  html_url: z.string().optional(),
  user: z.object({ login: z.string() }).nullable().optional(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string().optional() })])).optional(),
  created_at: z.string(),
  closed_at: z.string().nullable().optional(),
  pull_request: z.unknown().optional(),
});
export type Issue = z.infer<typeof issueSchema>;

/** Label names of an issue (the API gives objects; payloads sometimes strings). */
export function labelNames(issue: { labels?: readonly (string | { name?: string } | null | undefined)[] | null }): string[] {
  return (issue.labels ?? []).flatMap((l) => (typeof l === 'string' ? [l] : l?.name ? [l.name] : []));
}

export async function readIssue(client: GitHubClient, owner: string, repo: string, issueNumber: number): Promise<Issue> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner, repo, issue_number: issueNumber });
  return issueSchema.parse(data);
}

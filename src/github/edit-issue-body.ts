/**
 * Rewrites an issue body from its freshest copy: read, transform, write only
 * when something changed. GitHub has no conditional update for issues, so the
 * read sits right before the write to keep the window for a person's concurrent
 * edit as small as it can be; callers serialize their own edits per issue.
 */
import type { GitHubClient } from './client.js';
import { readIssue } from './read-issue.js';

export async function editIssueBody(
  client: GitHubClient,
  target: { owner: string; repo: string; issue: number },
  transform: (body: string) => string,
): Promise<{ changed: boolean; body: string }> {
  const current = (await readIssue(client, target.owner, target.repo, target.issue)).body ?? '';
  const next = transform(current);
  if (next === current) return { changed: false, body: current };
  await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issue,
    body: next,
  });
  return { changed: true, body: next };
}

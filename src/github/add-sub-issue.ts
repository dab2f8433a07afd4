/**
 * Attaches an issue to a parent as a sub-issue. GitHub allows 100 sub-issues per
 * parent (closed ones count); at the limit, and when the child already has a
 * parent, it answers 422, so the outcome says which it was.
 */
import { z } from 'zod';
import { httpStatusOf, type GitHubClient } from './client.js';

const SUB_ISSUE_LIMIT = 100;

export type SubIssueOutcome = 'attached' | 'already-attached' | 'limit-reached';

const parentResponse = z.object({ number: z.number().int() });
const subIssues = z.array(z.object({ id: z.number().int() }));

export async function addSubIssue(
  client: GitHubClient,
  target: { owner: string; repo: string; parent: number },
  child: { number: number; id: number },
): Promise<SubIssueOutcome> {
  try {
    await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.parent,
      sub_issue_id: child.id,
    });
    return 'attached';
  } catch (error: unknown) {
    if (httpStatusOf(error) !== 422) throw error;
    // Which 422? Ask for the child's parent, then count the parent's sub-issues.
    const parent = await readParent(client, target.owner, target.repo, child.number);
    if (parent === target.parent) return 'already-attached';
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.parent,
      per_page: 100,
    });
    if (subIssues.parse(data).length >= SUB_ISSUE_LIMIT) return 'limit-reached';
    throw error;
  }
}

async function readParent(client: GitHubClient, owner: string, repo: string, issue: number): Promise<number | null> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/parent', { owner, repo, issue_number: issue });
    return parentResponse.parse(data).number;
  } catch (error: unknown) {
    if (httpStatusOf(error) === 404) return null;
    throw error;
  }
}

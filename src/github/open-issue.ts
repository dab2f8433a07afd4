/**
 * Opens an issue once per key: the key travels as a hidden marker in the body,
 * and an issue (open or closed) with the first label and that marker, opened by
 * this app, means it was opened already, so redeliveries and retries open
 * nothing new while titles may repeat. Only issues the app itself opened count
 * (`performed_via_github_app`, set by GitHub, never by the author): anyone who
 * can open an issue can paste the marker, and anyone with triage can label it,
 * and such a planted issue must not suppress a real review or alert issue.
 */
import { z } from 'zod';
import { httpStatusOf, type GitHubClient } from './client.js';

const issueShape = z.object({
  number: z.number().int(),
  id: z.number().int(),
  body: z.string().nullable().optional(),
  performed_via_github_app: z.object({ id: z.number().int() }).nullable().optional(),
});
const issues = z.array(issueShape);

const MAX_PAGES = 10;

export function issueMarker(key: string): string {
  return `<!-- deploy-governor:issue key=${key.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200)} -->`;
}

export interface IssueRequest {
  /** What makes two requests the same issue (a record id, a run). */
  key: string;
  title: string;
  body: string;
  /** The first label is the one searched; it must be set on every issue of its kind. */
  labels: [string, ...string[]];
  assignees?: string[];
}

/** The issue opened now, or the one an earlier request opened. */
export interface OpenedIssue {
  outcome: 'opened' | 'exists';
  number: number;
  /** The database id (what the sub-issues API takes). */
  id: number;
}

/** Whether GitHub says this app opened the issue. */
export function openedByApp(issue: { performed_via_github_app?: { id: number } | null }, appId: number): boolean {
  return issue.performed_via_github_app?.id === appId;
}

/**
 * The GitHub App whose issues count: the app itself knows its id; the Action and the CLI know the operator's app
 * by its slug (unique on a GitHub instance, and set by GitHub in `performed_via_github_app`).
 */
export type AppKeeper = { appId: number } | { appSlug: string };

/** Whether GitHub says the keeper's app opened the issue. */
export function openedByKeeper(issue: { performed_via_github_app?: { id: number; slug?: string } | null }, keeper: AppKeeper): boolean {
  return 'appId' in keeper ? openedByApp(issue, keeper.appId) : issue.performed_via_github_app?.slug === keeper.appSlug;
}

/** The issue of `kind` (first label), opened by this app, whose body carries the key's marker, if any. */
async function findIssueByKey(
  client: GitHubClient,
  owner: string,
  repo: string,
  label: string,
  key: string,
  appId: number,
): Promise<{ number: number; id: number } | null> {
  const marker = issueMarker(key);
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      state: 'all',
      labels: label,
      per_page: 100,
      page,
    });
    const batch = issues.parse(data);
    const found = batch.find((i) => openedByApp(i, appId) && (i.body ?? '').includes(marker));
    if (found) return { number: found.number, id: found.id };
    if (batch.length < 100) break;
  }
  return null;
}

/** `appId`: this app's id; only issues it opened count as opened already. */
export async function openIssueOnce(
  client: GitHubClient,
  owner: string,
  repo: string,
  issue: IssueRequest,
  appId: number,
): Promise<OpenedIssue> {
  const earlier = await findIssueByKey(client, owner, repo, issue.labels[0], issue.key, appId);
  if (earlier) return { outcome: 'exists', ...earlier };
  // No automatic resend: a POST that timed out after succeeding would open a second issue.
  const create = () =>
    client.request('POST /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      title: issue.title,
      body: `${issue.body}\n\n${issueMarker(issue.key)}`,
      labels: issue.labels,
      ...(issue.assignees?.length ? { assignees: issue.assignees } : {}),
      request: { retries: 0 },
    });
  let response: Awaited<ReturnType<typeof create>>;
  try {
    response = await create();
  } catch (error: unknown) {
    const status = httpStatusOf(error);
    if (status === undefined || status < 500) throw error;
    // A 5xx or a dropped connection (Octokit reports it as 500) may still have opened it: look before
    // trying once more. The webhook may have been answered already (202 after 9 s): no redelivery would.
    const landed = await findIssueByKey(client, owner, repo, issue.labels[0], issue.key, appId);
    if (landed) return { outcome: 'opened', ...landed };
    response = await create();
  }
  const created = issueShape.parse(response.data);
  return { outcome: 'opened', number: created.number, id: created.id };
}

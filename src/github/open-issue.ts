/**
 * Opens an issue once per key: the key travels as a hidden marker in the body,
 * and an issue (open or closed) with the first label and that marker means it
 * was opened already, so redeliveries and retries open nothing new while titles
 * may repeat. Only people with triage access can label issues, so filtering by
 * the label keeps an ordinary user's issue that pastes the marker from counting.
 */
import { z } from 'zod';
import type { GitHubClient } from './client.js';

const issues = z.array(z.object({ number: z.number().int(), body: z.string().nullable().optional() }));

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
}

export async function openIssueOnce(client: GitHubClient, owner: string, repo: string, issue: IssueRequest): Promise<'opened' | 'exists'> {
  const marker = issueMarker(issue.key);
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues', { owner, repo, state: 'all', labels: issue.labels[0], per_page: 100, page });
    const batch = issues.parse(data);
    if (batch.some((i) => (i.body ?? '').includes(marker))) return 'exists';
    if (batch.length < 100) break;
  }
  // No automatic resend: a POST that timed out after succeeding would open a second issue (a redelivery finds the first).
  await client.request('POST /repos/{owner}/{repo}/issues', { owner, repo, title: issue.title, body: `${issue.body}\n\n${marker}`, labels: issue.labels, request: { retries: 0 } });
  return 'opened';
}

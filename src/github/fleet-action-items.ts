/**
 * A repository's open action-item issues that this app opened, with their
 * hidden records (due date, owner, priority), for the fleet's overdue count and
 * the gate's postmortem debts (read-action-item-debts.ts). Only issues
 * the app opened count (`performed_via_github_app`): anyone who can open an
 * issue could paste a record with a due date in the past.
 */
import { z } from 'zod';
import { readMeta } from '../core/postmortem/issue-metadata.js';
import { SWEEP_LABELS, type ActionItemIssue } from '../core/postmortem/sweep-plan.js';
import type { GitHubClient } from './client.js';
import { openedByKeeper, type AppKeeper } from './open-issue.js';

const issueSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  state: z.enum(['open', 'closed']),
  created_at: z.string(),
  closed_at: z.string().nullable().optional(),
  state_reason: z.string().nullable().optional(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string().optional() })])),
  assignees: z
    .array(z.object({ login: z.string() }))
    .nullable()
    .optional(),
  body: z.string().nullable().optional(),
  pull_request: z.unknown().optional(),
  performed_via_github_app: z.object({ id: z.number().int(), slug: z.string().optional() }).nullable().optional(),
});

const MAX_PAGES = 10;

export async function readOpenActionItems(
  client: GitHubClient,
  owner: string,
  repo: string,
  keeper: AppKeeper,
): Promise<ActionItemIssue[]> {
  const items: ActionItemIssue[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      labels: SWEEP_LABELS.actionItem,
      state: 'open',
      per_page: 100,
      page,
    });
    const batch = z.array(issueSchema).parse(data);
    for (const i of batch) {
      if (i.pull_request !== undefined || !openedByKeeper(i, keeper)) continue;
      items.push({
        number: i.number,
        title: i.title,
        state: i.state,
        createdAt: i.created_at,
        closedAt: i.closed_at ?? null,
        stateReason: i.state_reason ?? null,
        labels: i.labels.flatMap((l) => (typeof l === 'string' ? [l] : l.name ? [l.name] : [])),
        assignees: (i.assignees ?? []).map((a) => a.login),
        meta: readMeta('action-item', i.body),
        lastReminderDate: null,
      });
    }
    if (batch.length < 100) break;
  }
  return items;
}

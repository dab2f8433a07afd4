/**
 * Reads a repository's incident, postmortem and action-item issues into the
 * core's typed inputs (sweep-plan.ts), and, for the issues the sweep may remind
 * about, the date of the last reminder from their comments.
 *
 * Issues are found by label (only people with triage access can label), their
 * facts come from the app's hidden markers (readMeta). A reminder marker counts
 * only in a comment by a bot or by someone with write access to the repository,
 * so a pasted marker from anyone else cannot silence a reminder.
 */
import { z } from 'zod';
import { readMeta } from '../core/postmortem/issue-metadata.js';
import type { PostmortemPolicy } from '../core/postmortem/postmortem-policy.js';
import {
  SWEEP_LABELS,
  lastReminderDateIn,
  planSweep,
  type ActionItemIssue,
  type IncidentIssue,
  type PostmortemIssue,
  type TrackedIssue,
} from '../core/postmortem/sweep-plan.js';
import type { GitHubClient } from './client.js';

/** At most this many pages of 100 per list: 1,000 issues of each kind, 1,000 comments per issue. */
const MAX_PAGES = 10;

const issueSchema = z.object({
  number: z.number().int().positive(),
  node_id: z.string().optional(),
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
  comments: z.number().int().optional(),
  user: z.object({ login: z.string(), type: z.string().optional() }).nullable().optional(),
  /** Set by GitHub when an app opened the issue: what tells the app's own issues from planted ones. */
  performed_via_github_app: z.object({ id: z.number().int() }).nullable().optional(),
  pull_request: z.unknown().optional(),
});
export type ApiIssue = z.infer<typeof issueSchema>;

const commentSchema = z.object({
  body: z.string().nullable().optional(),
  user: z.object({ login: z.string(), type: z.string().optional() }).nullable().optional(),
  author_association: z.string().optional(),
});

/** Authors whose reminder markers count: the repository's own people (a PAT running the CLI) and bots (the app, github-actions). */
const TRUSTED_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

export interface PostmortemInventory {
  incidents: IncidentIssue[];
  postmortems: PostmortemIssue[];
  actionItems: ActionItemIssue[];
  /** Lists cut at the page cap, and the like: the figures may be incomplete. */
  warnings: string[];
}

export interface InventoryRequest {
  owner: string;
  repo: string;
  policy: PostmortemPolicy;
  now: Date;
  /** Read the last reminder dates (the sweep needs them; the report does not). Default true. */
  readReminders?: boolean;
}

/**
 * Every issue (open or closed, no pull requests) carrying a label, oldest
 * first, up to {@link MAX_PAGES} pages; `truncated` when the cap cut the list.
 */
export async function listLabelledIssues(
  client: GitHubClient,
  owner: string,
  repo: string,
  label: string,
): Promise<{ issues: ApiIssue[]; truncated: boolean }> {
  const issues: ApiIssue[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      labels: label,
      state: 'all',
      sort: 'created',
      direction: 'asc',
      per_page: 100,
      page,
    });
    const batch = z.array(issueSchema).parse(data);
    issues.push(...batch.filter((i) => i.pull_request === undefined));
    if (batch.length < 100) return { issues, truncated: false };
  }
  return { issues, truncated: true };
}

function tracked(issue: ApiIssue): TrackedIssue {
  return {
    number: issue.number,
    title: issue.title,
    state: issue.state,
    createdAt: issue.created_at,
    closedAt: issue.closed_at ?? null,
    stateReason: issue.state_reason ?? null,
    labels: issue.labels.flatMap((l) => (typeof l === 'string' ? [l] : l.name ? [l.name] : [])),
  };
}

/** The date of the last trusted reminder comment on an issue; null when none. */
async function readLastReminderDate(client: GitHubClient, owner: string, repo: string, issue: number): Promise<string | null> {
  const bodies: (string | null | undefined)[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: issue,
      per_page: 100,
      page,
    });
    const batch = z.array(commentSchema).parse(data);
    bodies.push(...batch.filter((c) => c.user?.type === 'Bot' || TRUSTED_ASSOCIATIONS.has(c.author_association ?? '')).map((c) => c.body));
    if (batch.length < 100) break;
  }
  return lastReminderDateIn(bodies);
}

/**
 * The repository's incidents, postmortems and action items. Comments are read
 * only for the issues the sweep would remind about today (open overdue items,
 * open unpublished postmortems past the reminder delay) that have comments at all.
 */
export async function readPostmortemInventory(client: GitHubClient, request: InventoryRequest): Promise<PostmortemInventory> {
  const { owner, repo, policy, now } = request;
  const warnings: string[] = [];
  const list = async (label: string) => {
    const { issues, truncated } = await listLabelledIssues(client, owner, repo, label);
    if (truncated)
      warnings.push(`only the first ${MAX_PAGES * 100} issues labelled "${label}" were read; the figures leave out the newest`);
    return issues;
  };
  const incidentIssues = await list(policy.incidentLabel);
  const postmortemIssues = await list(policy.label);
  const actionItemIssues = await list(SWEEP_LABELS.actionItem);

  const incidents = incidentIssues.map(tracked);
  const postmortems: PostmortemIssue[] = postmortemIssues.map((i) => ({
    ...tracked(i),
    meta: readMeta('postmortem', i.body),
    lastReminderDate: null,
  }));
  const actionItems: ActionItemIssue[] = actionItemIssues.map((i) => ({
    ...tracked(i),
    assignees: (i.assignees ?? []).map((a) => a.login),
    meta: readMeta('action-item', i.body),
    lastReminderDate: null,
  }));
  if (request.readReminders === false) return { incidents, postmortems, actionItems, warnings };

  // The issues today's plan would remind about if none had been reminded yet: only their comments matter.
  const reminded = new Set(
    planSweep({ now, policy, incidents, postmortems, actionItems })
      .filter((a) => a.kind === 'remind-overdue' || a.kind === 'remind-unpublished')
      .map((a) => a.issue),
  );
  const commentCount = new Map([...postmortemIssues, ...actionItemIssues].map((i) => [i.number, i.comments]));
  for (const issue of [...actionItems, ...postmortems]) {
    // `comments` is in every list response; when absent, read rather than guess.
    if (!reminded.has(issue.number) || commentCount.get(issue.number) === 0) continue;
    issue.lastReminderDate = await readLastReminderDate(client, owner, repo, issue.number);
  }
  return { incidents, postmortems, actionItems, warnings };
}

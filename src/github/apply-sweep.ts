/**
 * Runs the postmortem sweep against GitHub: reads the inventory, plans
 * (core/postmortem/sweep-plan.ts), carries out each action, and keeps the
 * pinned "Reliability report" issue up to date. One entry for the CLI
 * (`deploy-governor postmortems sweep`) and the app's sweep route; the app's
 * also passes a burn check, which opens an incident for a burn of error budget
 * that no open incident covers (burn-incidents.ts).
 *
 * Every POST goes out with `retries: 0`: a comment or issue whose POST timed
 * out after GitHub created it would otherwise be created twice; the next day's
 * sweep (which reads its own markers back) is the retry. One failed action does
 * not stop the others: failures are collected and reported. Pinning is a
 * nicety: a pin that fails is a warning, not a failure.
 */
import { z } from 'zod';
import type { PostmortemPolicy } from '../core/postmortem/postmortem-policy.js';
import { computeReliabilityReport, renderReliabilityMarkdown, type ReliabilityReport } from '../core/postmortem/reliability-report.js';
import { planSweep, reminderMarker, SWEEP_LABELS, utcDate, type SweepAction } from '../core/postmortem/sweep-plan.js';
import { inert } from '../core/render/inert-markdown.js';
import { openBurnIncidents, type BurnCheck, type BurnOutcome } from './burn-incidents.js';
import { httpStatusOf, messageOf, type GitHubClient } from './client.js';
import { listLabelledIssues, readPostmortemInventory } from './postmortem-inventory.js';

const RELIABILITY_REPORT_TITLE = 'Reliability report';
export const RELIABILITY_REPORT_MARKER = '<!-- deploy-governor:reliability-report -->';

/** GitHub refuses issue bodies over 65,536 characters. */
const MAX_BODY = 65_000;

/** `isPinned` first, so an already pinned issue costs no mutation (and no "already pinned" error). */
export const IS_PINNED_QUERY = 'query($id: ID!) { node(id: $id) { ... on Issue { isPinned } } }';
export const PIN_ISSUE_MUTATION = 'mutation($issueId: ID!) { pinIssue(input: { issueId: $issueId }) { issue { number } } }';

export interface SweepRequest {
  owner: string;
  repo: string;
  policy: PostmortemPolicy;
  now: Date;
  /** Look for burns of error budget with no incident open, and open one (the app's sweep only: burn-incidents.ts). */
  burn?: BurnCheck;
}

/** What happened to one planned action. */
interface AppliedAction {
  action: SweepAction;
  outcome: 'done' | 'failed';
  /** Why it failed. */
  error?: string;
}

/** The sweep's outcome: JSON-serialisable, for the CLI's output and the app route's answer. */
export interface SweepResult {
  /** Every planned action, in order, with its outcome. */
  actions: AppliedAction[];
  /** The pinned report issue; null when creating or updating it failed (see `failures`). */
  reportIssue: { number: number; created: boolean; pinned: boolean } | null;
  /** Whether every measured reliability goal is met. */
  goalsMet: boolean;
  /** One line per failed action or report update. Empty when everything was done. */
  failures: string[];
  /** Problems that did not stop anything (a cut list, a pin that failed). */
  warnings: string[];
  /** The burn check; null when the sweep ran without one (the CLI) or it failed (see `failures`). */
  burn: BurnOutcome | null;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** `@login` when the text is a plain GitHub login; anything else (a hand-edited marker) is shown inert, without a ping. */
function mention(login: string | null): string | null {
  if (login === null) return null;
  return LOGIN.test(login) ? `@${login}` : inert(login);
}

/** The text of a reminder comment, ending with the dated marker the next sweep reads back. */
function renderReminder(action: Extract<SweepAction, { kind: 'remind-overdue' | 'remind-unpublished' }>, today: string): string {
  const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  let text: string;
  if (action.kind === 'remind-overdue') {
    const who = mention(action.owner);
    text = `${who ? `${who}, this` : 'This'} action item was due on ${action.due} and is ${plural(action.daysOverdue)} overdue. Close it when it is done, or agree a new due date in its postmortem.${who ? '' : ' It has no owner: assign one.'}`;
  } else {
    const who = mention(action.author);
    text = `${who ? `${who}, this` : 'This'} postmortem is still unpublished ${plural(action.days)} after its incident ended (${action.incidentEndedAt}). It is published once every approval in its table is ticked.`;
  }
  return `${text}\n\n${reminderMarker(today)}`;
}

async function apply(client: GitHubClient, owner: string, repo: string, action: SweepAction, today: string): Promise<void> {
  const issue = { owner, repo, issue_number: action.issue };
  switch (action.kind) {
    case 'remind-overdue':
    case 'remind-unpublished':
      await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...issue,
        body: renderReminder(action, today),
        request: { retries: 0 },
      });
      return;
    case 'label-overdue':
      await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        ...issue,
        labels: [SWEEP_LABELS.overdue],
        request: { retries: 0 },
      });
      return;
    case 'unlabel-overdue':
      try {
        await client.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', { ...issue, name: SWEEP_LABELS.overdue });
      } catch (error: unknown) {
        // 404: someone removed the label since the inventory was read; the goal is reached.
        if (httpStatusOf(error) !== 404) throw error;
      }
      return;
  }
}

const issueResponse = z.object({ number: z.number().int(), node_id: z.string(), state: z.enum(['open', 'closed']) });
const graphqlResponse = z.object({ data: z.unknown().optional(), errors: z.array(z.object({ message: z.string() })).optional() });
const isPinnedData = z.object({ node: z.object({ isPinned: z.boolean() }).nullable() });

export async function graphql(client: GitHubClient, query: string, variables: Record<string, unknown>): Promise<unknown> {
  // Like every POST here, never resent automatically (a query would be harmless, but one rule is easier to check).
  const { data } = await client.request('POST /graphql', { query, variables, request: { retries: 0 } });
  const parsed = graphqlResponse.parse(data);
  // GraphQL reports errors with HTTP 200.
  if (parsed.errors?.length) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  return parsed.data;
}

/** Pins the issue unless it is pinned already; true when it ends up pinned. */
export async function pin(client: GitHubClient, nodeId: string): Promise<boolean> {
  const state = isPinnedData.parse(await graphql(client, IS_PINNED_QUERY, { id: nodeId }));
  if (state.node?.isPinned) return true;
  await graphql(client, PIN_ISSUE_MUTATION, { issueId: nodeId });
  return true;
}

function reportBody(markdown: string): string {
  const body =
    markdown.length > MAX_BODY
      ? `${markdown.slice(0, MAX_BODY)}\n\n… (cut at GitHub's size limit: \`deploy-governor postmortems report\` prints it all)\n`
      : markdown;
  return `${body}\n${RELIABILITY_REPORT_MARKER}`;
}

/**
 * Creates the "Reliability report" issue once, or updates the existing one: the
 * lowest-numbered issue labelled `reliability-report` whose body carries the
 * marker (only people with triage access can label, so an ordinary user's
 * issue cannot pose as it). A closed one is updated but left closed: someone
 * closed it on purpose.
 */
async function upsertReliabilityIssue(
  client: GitHubClient,
  owner: string,
  repo: string,
  report: ReliabilityReport,
): Promise<{ number: number; nodeId: string; created: boolean; open: boolean }> {
  const body = reportBody(renderReliabilityMarkdown(report));
  const { issues } = await listLabelledIssues(client, owner, repo, SWEEP_LABELS.reliabilityReport);
  const existing = issues.filter((i) => (i.body ?? '').includes(RELIABILITY_REPORT_MARKER)).sort((a, b) => a.number - b.number)[0];
  if (existing) {
    const { data } = await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      owner,
      repo,
      issue_number: existing.number,
      body,
    });
    const updated = issueResponse.parse(data);
    return { number: updated.number, nodeId: updated.node_id, created: false, open: updated.state === 'open' };
  }
  const { data } = await client.request('POST /repos/{owner}/{repo}/issues', {
    owner,
    repo,
    title: RELIABILITY_REPORT_TITLE,
    body,
    labels: [SWEEP_LABELS.reliabilityReport],
    request: { retries: 0 },
  });
  const created = issueResponse.parse(data);
  return { number: created.number, nodeId: created.node_id, created: true, open: true };
}

/**
 * The sweep: reminders and labels on action items, reminders on unpublished
 * postmortems, and the pinned report. Throws only when the issues cannot be
 * read at all; everything after that is collected into the result.
 */
export async function runPostmortemSweep(client: GitHubClient, request: SweepRequest): Promise<SweepResult> {
  const { owner, repo, policy, now } = request;
  const today = utcDate(now);
  const failures: string[] = [];
  let burn: BurnOutcome | null = null;
  // First, so that an incident it opens is in the inventory the report counts.
  if (request.burn) {
    try {
      burn = await openBurnIncidents(client, request, request.burn);
    } catch (error: unknown) {
      failures.push(`burn incidents: ${messageOf(error)}`);
    }
  }
  const inventory = await readPostmortemInventory(client, { owner, repo, policy, now });
  const warnings = [...inventory.warnings];
  const actions: AppliedAction[] = [];
  for (const action of planSweep({ now, policy, ...inventory })) {
    try {
      await apply(client, owner, repo, action, today);
      actions.push({ action, outcome: 'done' });
    } catch (error: unknown) {
      actions.push({ action, outcome: 'failed', error: messageOf(error) });
      failures.push(`#${action.issue} ${action.kind}: ${messageOf(error)}`);
    }
  }

  const report = computeReliabilityReport({ now, policy, repository: `${owner}/${repo}`, ...inventory });
  let reportIssue: SweepResult['reportIssue'] = null;
  try {
    const issue = await upsertReliabilityIssue(client, owner, repo, report);
    let pinned = false;
    if (!issue.open) {
      warnings.push(`the reliability report #${issue.number} is closed, so it is not pinned; reopen it to show it again`);
    } else {
      try {
        pinned = await pin(client, issue.nodeId);
      } catch (error: unknown) {
        warnings.push(`could not pin the reliability report #${issue.number} (a repository pins at most 3 issues): ${messageOf(error)}`);
      }
    }
    reportIssue = { number: issue.number, created: issue.created, pinned };
  } catch (error: unknown) {
    failures.push(`reliability report: ${messageOf(error)}`);
  }
  return { actions, reportIssue, goalsMet: report.goalsMet, failures, warnings, burn };
}

/** The reliability report alone (no comments read, nothing written), for `deploy-governor postmortems report`. */
export async function readReliabilityReport(
  client: GitHubClient,
  request: SweepRequest,
): Promise<{ report: ReliabilityReport; warnings: string[] }> {
  const { owner, repo, policy, now } = request;
  const inventory = await readPostmortemInventory(client, { owner, repo, policy, now, readReminders: false });
  return { report: computeReliabilityReport({ now, policy, repository: `${owner}/${repo}`, ...inventory }), warnings: inventory.warnings };
}

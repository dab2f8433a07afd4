/**
 * Freezes on command, stored as open issues labelled `deploy-freeze` that this
 * app opened, each with a hidden freeze record (src/core/postmortem/issue-metadata.ts).
 * Only issues the app opened count (`performed_via_github_app`, set by GitHub):
 * anyone who can open an issue can paste a record and anyone with triage can
 * label it, and such a planted issue must neither freeze nor be mistaken for
 * one. A freeze is lifted by closing its issue.
 */
import { z } from 'zod';
import { FREEZE_LABEL, renderFreezeIssue, type FreezeRun, type StoredFreeze } from '../core/freeze/freeze-command.js';
import { readMeta, renderMeta, type FreezeRecord } from '../core/postmortem/issue-metadata.js';
import { httpStatusOf, type GitHubClient } from './client.js';
import { closeIssue } from './close-issue.js';
import { openedByApp, openedByKeeper, openIssueOnce, type AppKeeper, type OpenedIssue } from './open-issue.js';

const issueShape = z.object({
  number: z.number().int(),
  body: z.string().nullable().optional(),
  pull_request: z.unknown().optional(),
  state: z.string().optional(),
  performed_via_github_app: z.object({ id: z.number().int(), slug: z.string().optional() }).nullable().optional(),
});

const MAX_PAGES = 10;

/** The GitHub App whose `deploy-freeze` issues count (open-issue.ts). */
export type FreezeKeeper = AppKeeper;

function keptBy(issue: z.infer<typeof issueShape>, keeper: FreezeKeeper | number): boolean {
  return openedByKeeper(issue, typeof keeper === 'number' ? { appId: keeper } : keeper);
}

/** The organisation's freezes live in its `.github` repository (org-wide freezes, issue 15). */
export const ORG_FREEZE_REPOSITORY = '.github';

/** How the organisation's freezes are read beside the repository's own. */
export interface FreezeScopeOptions {
  /** The client for `<owner>/.github` (default: the repository's): the Action reads it with its policy-token. */
  orgClient?: GitHubClient;
  /** Called when `<owner>/.github` answers 404 (absent, or not visible to the client): no organisation freezes were read. */
  onOrgNotFound?: () => void;
}

/**
 * The freezes that can cover a repository: its own, and its organisation's from `<owner>/.github` (each marked
 * with `repository`). A missing or unreadable `.github` repository (404: absent, or not in the installation)
 * has no freezes (`onOrgNotFound` hears of it); any other failure throws, so a gate fails closed.
 */
export async function readFreezesInScope(
  client: GitHubClient,
  owner: string,
  repo: string,
  keeper: FreezeKeeper,
  o: FreezeScopeOptions = {},
): Promise<StoredFreeze[]> {
  const own = await readFreezes(client, owner, repo, keeper);
  if (repo === ORG_FREEZE_REPOSITORY) return own;
  try {
    const org = await readFreezes(o.orgClient ?? client, owner, ORG_FREEZE_REPOSITORY, keeper);
    return [...own, ...org.map((f) => ({ ...f, repository: `${owner}/${ORG_FREEZE_REPOSITORY}` }))];
  } catch (error: unknown) {
    if (httpStatusOf(error) !== 404) throw error;
    o.onOrgNotFound?.();
    return own;
  }
}

/** The freezes in the repository's open `deploy-freeze` issues that the keeper opened (expired ones included). */
export async function readFreezes(
  client: GitHubClient,
  owner: string,
  repo: string,
  keeper: FreezeKeeper | number,
): Promise<StoredFreeze[]> {
  const out: StoredFreeze[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      state: 'open',
      labels: FREEZE_LABEL,
      per_page: 100,
      page,
    });
    const batch = z.array(issueShape).parse(data);
    for (const issue of batch) {
      if (issue.pull_request !== undefined || !keptBy(issue, keeper)) continue;
      const record = readMeta('freeze', issue.body);
      if (record) out.push({ issue: issue.number, record });
    }
    if (batch.length < 100) break;
  }
  return out;
}

/**
 * Opens the freeze's issue once per command comment, or per attempt of a dispatched run (a redelivery or a
 * replay finds the issue its first attempt opened); `source.organisation` is the owner when the freeze is
 * organisation-wide.
 */
export async function openFreezeIssue(
  client: GitHubClient,
  target: { owner: string; repo: string; appId: number },
  record: FreezeRecord,
  source: ({ issue: number; commentId: number } | { run: FreezeRun }) & { organisation: string | null },
): Promise<OpenedIssue> {
  const { title, body } = renderFreezeIssue(record, source);
  // Comment ids are numbers, so a run's key never meets one.
  const key = 'run' in source ? `freeze-run-${source.run.id}-${source.run.attempt}` : `freeze-${source.commentId}`;
  return openIssueOnce(
    client,
    target.owner,
    target.repo,
    { key, title, body: `${body}\n\n${renderMeta('freeze', record)}`, labels: [FREEZE_LABEL] },
    target.appId,
  );
}

/** Closes a freeze's issue, which lifts it (closing an already closed issue changes nothing). */
export async function closeFreezeIssue(client: GitHubClient, target: { owner: string; repo: string }, issue: number): Promise<void> {
  await closeIssue(client, target, issue);
}

/**
 * One issue as a freeze: null when this app did not open it; `record` null when its record is missing or invalid;
 * `open` whether the issue is open now.
 */
export async function readFreezeIssue(
  client: GitHubClient,
  target: { owner: string; repo: string; appId: number },
  issue: number,
): Promise<{ record: FreezeRecord | null; open: boolean } | null> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
    owner: target.owner,
    repo: target.repo,
    issue_number: issue,
  });
  const parsed = issueShape.parse(data);
  return openedByApp(parsed, target.appId) ? { record: readMeta('freeze', parsed.body), open: parsed.state === 'open' } : null;
}

/** Reopens a freeze's issue (reopening an open issue changes nothing). */
export async function reopenFreezeIssue(client: GitHubClient, target: { owner: string; repo: string }, issue: number): Promise<void> {
  await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    owner: target.owner,
    repo: target.repo,
    issue_number: issue,
    state: 'open',
  });
}

/** Puts the `deploy-freeze` label back on a freeze's issue (adding a label it has changes nothing). */
export async function relabelFreezeIssue(client: GitHubClient, target: { owner: string; repo: string }, issue: number): Promise<void> {
  await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    owner: target.owner,
    repo: target.repo,
    issue_number: issue,
    labels: [FREEZE_LABEL],
  });
}

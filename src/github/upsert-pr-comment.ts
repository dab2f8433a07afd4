/**
 * Keeps one comment per pull request and environment: found by its hidden
 * marker, and only among comments this app wrote (a user who pastes the marker
 * cannot hijack it). Creates, edits in place, or leaves alone when unchanged.
 *
 * A comment may carry the version of what it explains (a second hidden marker
 * with the check run's id and completed_at): an edit from an older check run is
 * skipped, so a report handled late (a slow delivery, a redelivery) never puts
 * the comment back to an older decision. The id orders, not the time: GitHub
 * assigns ids in creation order, while `completed_at` is whatever the check
 * run's creator sent.
 */
import { z } from 'zod';
import { httpStatusOf, type GitHubClient } from './client.js';

const comments = z.array(
  z.object({
    id: z.number().int(),
    body: z.string().nullable().optional(),
    performed_via_github_app: z.object({ id: z.number().int() }).nullable().optional(),
  }),
);

type Comment = z.infer<typeof comments>[number];

const MAX_PAGES = 30;

async function listOurComments(client: GitHubClient, owner: string, repo: string, issue: number, appId: number, marker: string): Promise<Comment[]> {
  const found: Comment[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: issue, per_page: 100, page });
    const batch = comments.parse(data);
    found.push(...batch.filter((c) => c.performed_via_github_app?.id === appId && (c.body ?? '').startsWith(marker)));
    if (batch.length < 100) break;
  }
  return found.sort((a, b) => a.id - b.id);
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'stale';

/** What a comment explains, for ordering: the check run it was rendered from. */
export interface CommentVersion {
  checkRunId: number;
  completedAt: string | null;
}

const VERSION = /\n<!-- deploy-governor:check-run id=(\d+) completed_at=(\S*) -->$/;

function versionMarker(v: CommentVersion): string {
  return `\n<!-- deploy-governor:check-run id=${v.checkRunId} completed_at=${(v.completedAt ?? '').replace(/[^0-9A-Za-z:.+-]/g, '')} -->`;
}

/** The check run id an existing comment of ours was rendered from (null: an unversioned comment). */
function commentVersion(body: string): number | null {
  const m = VERSION.exec(body);
  return m ? Number(m[1]) : null;
}

export interface UpsertOptions {
  owner: string;
  repo: string;
  issue: number;
  /** This app's id: comments by anyone else are never ours. */
  appId: number;
  marker: string;
  body: string;
  /** Create a comment when none exists (false: only edit an existing one). */
  create: boolean;
  /** The check run the body explains; an existing comment from a newer one is left alone. */
  version?: CommentVersion;
}

export async function upsertPrComment(client: GitHubClient, options: UpsertOptions): Promise<UpsertOutcome> {
  const o = options.version ? { ...options, body: `${options.body}${versionMarker(options.version)}` } : options;
  const ours = await listOurComments(client, o.owner, o.repo, o.issue, o.appId, o.marker);
  if (ours.length === 0) {
    if (!o.create) return 'skipped';
    try {
      // No automatic retry: a POST that timed out after succeeding would duplicate the comment.
      await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: o.owner, repo: o.repo, issue_number: o.issue, body: o.body, request: { retries: 0 } });
    } catch (error: unknown) {
      const status = httpStatusOf(error);
      if (status === undefined || status < 500) throw error;
      // A 5xx may still have created it: look before trying once more.
      if ((await listOurComments(client, o.owner, o.repo, o.issue, o.appId, o.marker)).length === 0) {
        await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: o.owner, repo: o.repo, issue_number: o.issue, body: o.body, request: { retries: 0 } });
      }
    }
    await converge(client, o);
    return 'created';
  }
  const [keep, ...extra] = ours;
  await removeDuplicates(client, o, extra);
  if (keep!.body === o.body) return 'unchanged';
  const shown = commentVersion(keep!.body ?? '');
  if (o.version && shown !== null && shown > o.version.checkRunId) return 'stale';
  await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: o.owner, repo: o.repo, comment_id: keep!.id, body: o.body });
  return 'updated';
}

/** Two deliveries racing can both create: keep the oldest with the newest text, delete the rest. */
async function converge(client: GitHubClient, o: UpsertOptions): Promise<void> {
  const ours = await listOurComments(client, o.owner, o.repo, o.issue, o.appId, o.marker);
  if (ours.length <= 1) return;
  const [keep, ...extra] = ours;
  if (keep!.body !== o.body) {
    await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: o.owner, repo: o.repo, comment_id: keep!.id, body: o.body });
  }
  await removeDuplicates(client, o, extra);
}

async function removeDuplicates(client: GitHubClient, o: UpsertOptions, extra: Comment[]): Promise<void> {
  for (const c of extra) {
    try {
      await client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: o.owner, repo: o.repo, comment_id: c.id });
    } catch (error: unknown) {
      // Another instance deleted it first.
      if (httpStatusOf(error) !== 404) throw error;
    }
  }
}

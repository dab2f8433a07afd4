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
 *
 * With a memory (the operator's store of what this app last wrote: comment id,
 * check run id, body digest), an update is one PATCH and a repeat of the same
 * body is no request at all, instead of listing the pull request's comments
 * first (a list GitHub counts against the quota, since the app's own edit
 * changed it). The memory is only ever written by the app, under the same
 * per-comment lock; a comment deleted meanwhile answers 404 and the memory is
 * forgotten and the comments are listed as without one.
 */
import { createHash } from 'node:crypto';
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

async function listOurComments(
  client: GitHubClient,
  owner: string,
  repo: string,
  issue: number,
  appId: number,
  marker: string,
): Promise<Comment[]> {
  const found: Comment[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: issue,
      per_page: 100,
      page,
    });
    const batch = comments.parse(data);
    found.push(...batch.filter((c) => c.performed_via_github_app?.id === appId && (c.body ?? '').startsWith(marker)));
    if (batch.length < 100) break;
  }
  return found.sort((a, b) => a.id - b.id);
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'stale';

/** What a comment explains, for ordering: the check run it was rendered from. */
interface CommentVersion {
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

/** What the app last wrote to one pull request's comment for one environment. */
export interface RememberedComment {
  commentId: number;
  /** The check run the written body explains (null: an unversioned body). */
  checkRunId: number | null;
  /** sha256 of the body as written, version marker included. */
  bodyDigest: string;
}

/** The memory of one comment (one pull request and environment): see the header. */
export interface CommentMemorySlot {
  read(): Promise<RememberedComment | null>;
  write(comment: RememberedComment): Promise<void>;
  forget(): Promise<void>;
}

const digest = (body: string) => createHash('sha256').update(body).digest('hex');

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
  /** What the app last wrote to this comment, if the app keeps such a memory (see the header). */
  memory?: CommentMemorySlot;
}

export async function upsertPrComment(client: GitHubClient, options: UpsertOptions): Promise<UpsertOutcome> {
  const o = options.version ? { ...options, body: `${options.body}${versionMarker(options.version)}` } : options;
  const remembered = await o.memory?.read();
  if (remembered) {
    const outcome = await updateRemembered(client, o, remembered);
    if (outcome) return outcome;
  }
  const ours = await listOurComments(client, o.owner, o.repo, o.issue, o.appId, o.marker);
  if (ours.length === 0) {
    if (!o.create) return 'skipped';
    try {
      // No automatic retry: a POST that timed out after succeeding would duplicate the comment.
      await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: o.owner,
        repo: o.repo,
        issue_number: o.issue,
        body: o.body,
        request: { retries: 0 },
      });
    } catch (error: unknown) {
      const status = httpStatusOf(error);
      if (status === undefined || status < 500) throw error;
      // A 5xx may still have created it: look before trying once more.
      if ((await listOurComments(client, o.owner, o.repo, o.issue, o.appId, o.marker)).length === 0) {
        await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner: o.owner,
          repo: o.repo,
          issue_number: o.issue,
          body: o.body,
          request: { retries: 0 },
        });
      }
    }
    const kept = await converge(client, o);
    if (kept !== null) await remember(o, kept, o.version?.checkRunId ?? null, o.body);
    return 'created';
  }
  const [keep, ...extra] = ours;
  await removeDuplicates(client, o, extra);
  const shown = commentVersion(keep!.body ?? '');
  if (keep!.body === o.body) {
    await remember(o, keep!.id, shown, o.body);
    return 'unchanged';
  }
  if (o.version && shown !== null && shown > o.version.checkRunId) {
    await remember(o, keep!.id, shown, keep!.body ?? '');
    return 'stale';
  }
  await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
    owner: o.owner,
    repo: o.repo,
    comment_id: keep!.id,
    body: o.body,
  });
  await remember(o, keep!.id, o.version?.checkRunId ?? null, o.body);
  return 'updated';
}

const remember = (o: UpsertOptions, commentId: number, checkRunId: number | null, body: string) =>
  o.memory?.write({ commentId, checkRunId, bodyDigest: digest(body) }) ?? Promise.resolve();

/**
 * The update through the memory: no request for the same body, none for an older check run, else one
 * PATCH. Null when the remembered comment is gone (404): the caller then looks for it as without a memory.
 */
async function updateRemembered(client: GitHubClient, o: UpsertOptions, remembered: RememberedComment): Promise<UpsertOutcome | null> {
  if (remembered.bodyDigest === digest(o.body)) return 'unchanged';
  if (o.version && remembered.checkRunId !== null && remembered.checkRunId > o.version.checkRunId) return 'stale';
  try {
    await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: o.owner,
      repo: o.repo,
      comment_id: remembered.commentId,
      body: o.body,
    });
  } catch (error: unknown) {
    if (httpStatusOf(error) !== 404) throw error;
    await o.memory!.forget();
    return null;
  }
  await remember(o, remembered.commentId, o.version?.checkRunId ?? null, o.body);
  return 'updated';
}

/**
 * Two deliveries racing can both create: keep the oldest with the newest text, delete the rest.
 * @returns the id of the comment kept (null when the list does not show it yet)
 */
async function converge(client: GitHubClient, o: UpsertOptions): Promise<number | null> {
  const ours = await listOurComments(client, o.owner, o.repo, o.issue, o.appId, o.marker);
  if (ours.length <= 1) return ours[0]?.id ?? null;
  const [keep, ...extra] = ours;
  if (keep!.body !== o.body) {
    await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: o.owner,
      repo: o.repo,
      comment_id: keep!.id,
      body: o.body,
    });
  }
  await removeDuplicates(client, o, extra);
  return keep!.id;
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

/**
 * Commit statuses (`POST /repos/{o}/{r}/statuses/{sha}`): the freeze status on
 * pull requests' head commits (issue 15). Anyone with write access can post a
 * status under any context, so reading back what is there counts only the
 * statuses this app created (`creator`, set by GitHub): a planted `success`
 * must neither pass for the app's own nor make the app skip a write.
 */
import { z } from 'zod';
import type { MergeStatus } from '../core/freeze/merge-status.js';
import type { GitHubClient } from './client.js';

const statuses = z.array(
  z.object({
    state: z.string(),
    description: z.string().nullable().optional(),
    context: z.string(),
    creator: z.object({ login: z.string() }).nullable().optional(),
  }),
);

export interface CommitRef {
  owner: string;
  repo: string;
  sha: string;
}

/**
 * The latest status this app created on the commit under `context`, or null. GitHub lists a commit's statuses
 * newest first; one page of 100 is read (a commit with more statuses than that is written again: harmless).
 * @param isThisApp whether a creator's login is this app's bot account
 */
export async function readOwnCommitStatus(
  client: GitHubClient,
  at: CommitRef,
  context: string,
  isThisApp: (login: string) => Promise<boolean>,
): Promise<MergeStatus | null> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/statuses', {
    owner: at.owner,
    repo: at.repo,
    ref: at.sha,
    per_page: 100,
  });
  for (const s of statuses.parse(data)) {
    if (s.context !== context || !s.creator || !(await isThisApp(s.creator.login))) continue;
    return s.state === 'pending' || s.state === 'success' || s.state === 'error'
      ? { state: s.state, description: s.description ?? '' }
      : null;
  }
  return null;
}

/** Sets the commit's status under `context` (sent once: a lost answer is found by the next read, not resent blindly). */
export async function setCommitStatus(client: GitHubClient, at: CommitRef, context: string, status: MergeStatus): Promise<void> {
  await client.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
    owner: at.owner,
    repo: at.repo,
    sha: at.sha,
    state: status.state,
    description: status.description,
    context,
    request: { retries: 0 },
  });
}

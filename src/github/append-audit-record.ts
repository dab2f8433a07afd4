/**
 * Appends one record to the override audit log (JSON Lines on its own branch)
 * through the contents API, exactly once: idempotent by record id, and safe
 * under concurrency (a stale `sha` answers 409, so re-read, re-chain and retry;
 * the generic retry plugin is switched off for the write so it never resends a
 * stale sha) and under GitHub errors (a 5xx on the write is judged by re-reading).
 */
import { z } from 'zod';
import { chainRecord, findRecord, lastHash } from '../core/audit/hash-chain.js';
import { httpStatusOf, type GitHubClient } from './client.js';
import { readRepoFile } from './read-repo-file.js';

const repoResponse = z.object({ default_branch: z.string() });
const refResponse = z.object({ object: z.object({ sha: z.string() }) });

export interface AuditLocation {
  owner: string;
  repo: string;
  branch: string;
  path: string;
}

/**
 * The record as it stands in the log (with prev_hash and hash): the one just written, or the earlier record
 * with the same id (the caller compares contents: same content is a redelivery, anything else a conflict);
 * or why the log was not written at all (`check` refused it).
 */
export type AppendOutcome =
  | { appended: true; logged: Record<string, unknown>; attempts: number }
  | { appended: false; reason: 'duplicate'; logged: Record<string, unknown>; attempts: number }
  | { appended: false; reason: 'refused'; problem: string; attempts: number };

/** The log as read before a write: its text ('' when missing) and whether the file exists. */
export interface LogSnapshot {
  text: string;
  exists: boolean;
  /**
   * The branch does not exist (the app is about to create it from the default branch): the path has no
   * history of its own there, so there is nothing to ask GitHub about it.
   */
  branchMissing: boolean;
}

export interface AppendOptions {
  /**
   * Runs on every attempt, on the log just read, before anything is written: a problem (a broken chain, a
   * deleted or moved log) refuses the write, so nothing is ever appended to a log that cannot be trusted.
   */
  check?: (log: LogSnapshot) => Promise<string | null>;
  /** The commit message (default: names the override). */
  message?: string;
}

const MAX_ATTEMPTS = 12;

async function readLog(client: GitHubClient, at: AuditLocation): Promise<{ text: string; sha: string | null } | 'no-branch'> {
  const file = await readRepoFile(client, { owner: at.owner, repo: at.repo, path: at.path, ref: at.branch });
  if (file) return file;
  // 404: the file or the whole branch is missing; tell them apart.
  try {
    await client.request('GET /repos/{owner}/{repo}/branches/{branch}', { owner: at.owner, repo: at.repo, branch: at.branch });
    return { text: '', sha: null };
  } catch (branchError: unknown) {
    if (httpStatusOf(branchError) === 404) return 'no-branch';
    throw branchError;
  }
}

/**
 * Creates the audit branch from the default branch's head.
 * @returns false when another delivery just did (422): what it wrote must be read first
 */
async function createBranch(client: GitHubClient, at: AuditLocation): Promise<boolean> {
  const repo = repoResponse.parse((await client.request('GET /repos/{owner}/{repo}', { owner: at.owner, repo: at.repo })).data);
  const head = refResponse.parse(
    (
      await client.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        owner: at.owner,
        repo: at.repo,
        ref: `heads/${repo.default_branch}`,
      })
    ).data,
  );
  try {
    await client.request('POST /repos/{owner}/{repo}/git/refs', {
      owner: at.owner,
      repo: at.repo,
      ref: `refs/heads/${at.branch}`,
      sha: head.object.sha,
    });
    return true;
  } catch (error: unknown) {
    if (httpStatusOf(error) !== 422) throw error;
    return false;
  }
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random())));

/** A line of a chained JSON Lines file: the audit record, or a ledger entry. */
export type ChainedLine = { id: string } & Record<string, unknown>;

export async function appendAuditRecord(
  client: GitHubClient,
  at: AuditLocation,
  record: ChainedLine,
  options: AppendOptions = {},
): Promise<AppendOutcome> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const read = await readLog(client, at);
    const problem = await options.check?.(
      read === 'no-branch'
        ? { text: '', exists: false, branchMissing: true }
        : { text: read.text, exists: read.sha !== null, branchMissing: false },
    );
    if (problem) return { appended: false, reason: 'refused', problem, attempts: attempt };
    let log = read === 'no-branch' ? null : read;
    if (log === null) {
      // Created just now from the default branch: the log is what was checked (none), no need to read it again.
      // Should the default branch hold a file at the path, the write without a sha answers 422 and the next
      // attempt reads it.
      if (!(await createBranch(client, at))) continue;
      log = { text: '', sha: null };
    }
    const earlier = findRecord(log.text, record.id);
    if (earlier) return { appended: false, reason: 'duplicate', logged: earlier, attempts: attempt };
    const chained = chainRecord(record, lastHash(log.text));
    const base = log.text === '' || log.text.endsWith('\n') ? log.text : `${log.text}\n`;
    const content = `${base}${JSON.stringify(chained)}\n`;
    try {
      await client.request('PUT /repos/{owner}/{repo}/contents/{path}', {
        owner: at.owner,
        repo: at.repo,
        path: at.path,
        branch: at.branch,
        message: options.message ?? `deploy-governor: override ${record.id} by ${String(record.actor)} (${String(record.level)})`,
        content: Buffer.from(content, 'utf8').toString('base64'),
        ...(log.sha ? { sha: log.sha } : {}),
        request: { retries: 0 },
      });
      return { appended: true, logged: chained, attempts: attempt };
    } catch (error: unknown) {
      const status = httpStatusOf(error);
      // 409: stale sha or a concurrent write to the branch; 422: the file appeared meanwhile (no sha sent).
      // A 5xx or a dropped connection (Octokit reports it as 500) may have landed the write or not:
      // the next attempt re-reads the log and finds the record by id, so it never writes it twice and
      // never resends a sha it has not just read. Giving up here would lose an acknowledged override
      // when the webhook was already answered (202 after 9 s).
      if (status !== 409 && status !== 422 && (status === undefined || status < 500)) throw error;
      await pause(attempt);
    }
  }
  throw new Error(`could not append to ${at.path} on ${at.branch} after ${MAX_ATTEMPTS} conflicting attempts`);
}

/**
 * Appends one record to the override audit log (JSON Lines on its own branch)
 * through the contents API, exactly once: idempotent by record id, and safe
 * under concurrency (a stale `sha` answers 409, so re-read, re-chain and retry;
 * the generic retry plugin is switched off for the write so it never resends a
 * stale sha) and under GitHub errors (a 5xx on the write is judged by re-reading).
 */
import { z } from 'zod';
import { chainRecord, findRecord, lastHash } from '../core/audit/hash-chain.js';
import type { AuditRecord } from '../core/audit/audit-record.js';
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

/** The record as it stands in the log (with prev_hash and hash): the one just written, or the earlier copy of a duplicate. */
export type AppendOutcome =
  | { appended: true; logged: Record<string, unknown>; attempts: number }
  | { appended: false; reason: 'duplicate'; logged: Record<string, unknown>; attempts: number };

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

/** Creates the audit branch from the default branch's head (a 422 means another delivery just did). */
async function createBranch(client: GitHubClient, at: AuditLocation): Promise<void> {
  const repo = repoResponse.parse((await client.request('GET /repos/{owner}/{repo}', { owner: at.owner, repo: at.repo })).data);
  const head = refResponse.parse((await client.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner: at.owner, repo: at.repo, ref: `heads/${repo.default_branch}` })).data);
  try {
    await client.request('POST /repos/{owner}/{repo}/git/refs', { owner: at.owner, repo: at.repo, ref: `refs/heads/${at.branch}`, sha: head.object.sha });
  } catch (error: unknown) {
    if (httpStatusOf(error) !== 422) throw error;
  }
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random())));

export async function appendAuditRecord(client: GitHubClient, at: AuditLocation, record: AuditRecord): Promise<AppendOutcome> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const log = await readLog(client, at);
    if (log === 'no-branch') {
      await createBranch(client, at);
      continue;
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
        message: `deploy-governor: override ${record.id} by ${record.actor} (${record.level})`,
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

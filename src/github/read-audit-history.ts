/**
 * Reads what the provenance check (src/core/audit/verify-history.ts) needs from
 * the API: the branch head, every commit that touched the log on that branch
 * (`GET /repos/{o}/{r}/commits?sha=&path=`, all pages, oldest first), the file
 * at each of them (`GET contents/{path}?ref=<sha>`, through the blob API above
 * 1 MB, see read-repo-file.ts) and at the head. The head is pinned to one sha
 * first, so a commit landing meanwhile cannot make the head differ from the
 * history that was read.
 */
import { z } from 'zod';
import type { LogVersion } from '../core/audit/verify-history.js';
import { httpStatusOf, messageOf, type GitHubClient } from './client.js';
import { readRepoFile } from './read-repo-file.js';

export interface LogAt {
  owner: string;
  repo: string;
  branch: string;
  path: string;
}

/** One commit that touched the log, as the commits API lists it (without the file). */
export type LogCommit = Omit<LogVersion, 'text'> & { date: string | null; message: string };

export interface AuditHistory {
  /** The branch head the history was read at; null when the branch does not exist. */
  headSha: string | null;
  /** Commits that touched the log, oldest first. */
  commits: LogCommit[];
}

const branchResponse = z.object({ commit: z.object({ sha: z.string() }) });
const gitPerson = z.object({ date: z.string().optional() }).nullable().optional();
const commitItem = z.object({
  sha: z.string(),
  // A simple-user, an empty object, or null when the author's email matches no account.
  author: z.object({ login: z.string().optional() }).nullable().optional(),
  commit: z.object({
    author: gitPerson,
    message: z.string(),
    verification: z.object({ verified: z.boolean(), reason: z.string() }).optional(),
  }),
  parents: z.array(z.object({ sha: z.string() })),
});
const commitList = z.array(commitItem);

const PER_PAGE = 100;

/**
 * A read failure as a sentence that says what to fix. The caller reports it
 * (exit 99): a log that cannot be read is not a log found tampered.
 */
function readFailure(error: unknown, what: string, needs: string): Error {
  const status = httpStatusOf(error);
  if (status === 401) return new Error(`cannot read ${what}: the token was refused (401); set a valid GITHUB_TOKEN`);
  if (status === 403)
    return new Error(`cannot read ${what}: forbidden (403); the token needs ${needs} (or it hit a rate limit: try again later)`);
  if (status === 404) return new Error(`cannot read ${what}: not found (404); check the name, and that the token has ${needs}`);
  return new Error(`cannot read ${what}: ${messageOf(error)}`);
}

/** Runs a read, turning its failure into a fix-it error (see readFailure). */
export async function reading<T>(what: string, needs: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error: unknown) {
    throw readFailure(error, what, needs);
  }
}

const NEEDS = 'contents: read on the repository';

/** The branch head and every commit that touched the log on it, oldest first. */
export async function readAuditHistory(client: GitHubClient, at: LogAt): Promise<AuditHistory> {
  const name = `${at.owner}/${at.repo}`;
  let headSha: string;
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/branches/{branch}', {
      owner: at.owner,
      repo: at.repo,
      branch: at.branch,
    });
    headSha = branchResponse.parse(data).commit.sha;
  } catch (error: unknown) {
    if (httpStatusOf(error) !== 404) throw readFailure(error, `branch ${at.branch} of ${name}`, NEEDS);
    // 404: no such branch, or no such repository (or none this token can see): tell them apart.
    await reading(name, NEEDS, () => client.request('GET /repos/{owner}/{repo}', { owner: at.owner, repo: at.repo }));
    return { headSha: null, commits: [] };
  }
  const newestFirst: LogCommit[] = [];
  for (let page = 1; ; page++) {
    const { data } = await reading(`the history of ${at.path} on ${name}:${at.branch}`, NEEDS, () =>
      client.request('GET /repos/{owner}/{repo}/commits', {
        owner: at.owner,
        repo: at.repo,
        sha: headSha,
        path: at.path,
        per_page: PER_PAGE,
        page,
      }),
    );
    const items = commitList.parse(data);
    for (const c of items) {
      newestFirst.push({
        sha: c.sha,
        author: c.author?.login ?? null,
        verified: c.commit.verification?.verified ?? false,
        verificationReason: c.commit.verification?.reason ?? 'no verification given',
        parents: c.parents.length,
        date: c.commit.author?.date ?? null,
        message: c.commit.message,
      });
    }
    if (items.length < PER_PAGE) break;
  }
  return { headSha, commits: newestFirst.reverse() };
}

/** The log's text at a commit (or branch); null when it does not exist there. */
export async function readLogAt(client: GitHubClient, at: LogAt, ref: string): Promise<string | null> {
  const file = await reading(`${at.path} at ${ref.slice(0, 12)} of ${at.owner}/${at.repo}`, NEEDS, () =>
    readRepoFile(client, { owner: at.owner, repo: at.repo, path: at.path, ref }),
  );
  return file ? file.text : null;
}

/**
 * The log at each commit, oldest first, with a few reads in flight: the
 * consumer holds one version at a time, so a long history of a large log does
 * not have to fit in memory at once.
 */
export async function* readLogVersions(client: GitHubClient, at: LogAt, commits: LogCommit[], concurrency = 6): AsyncGenerator<LogVersion> {
  const pending: Promise<LogVersion>[] = [];
  let next = 0;
  const start = () => {
    const c = commits[next++]!;
    const read = readLogAt(client, at, c.sha).then((text) => ({
      sha: c.sha,
      author: c.author,
      verified: c.verified,
      verificationReason: c.verificationReason,
      parents: c.parents,
      text,
    }));
    // Awaited in order below; until then a failure must not count as unhandled.
    read.catch(() => undefined);
    pending.push(read);
  };
  while (next < commits.length && pending.length < concurrency) start();
  while (pending.length > 0) {
    const version = await pending.shift()!;
    if (next < commits.length) start();
    yield version;
  }
}

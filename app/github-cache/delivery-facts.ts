/**
 * What one webhook delivery already tells the app, so that its handlers do not
 * ask GitHub again while they handle it:
 *
 * - The delivery's own repository (`GET /repos/{owner}/{repo}`) is answered
 *   from the payload's `repository`, which GitHub signed with the webhook
 *   secret (the app checks the signature before anything runs) and which is
 *   GitHub's repository representation at the time of the event. Callers read
 *   its `default_branch` (to create the audit branch from it); the override
 *   checks already take the default branch from the same payload. Any other
 *   repository (the ledger's) is asked of GitHub.
 * - A collaborator's permission is read at most once per delivery (a role does
 *   not need re-reading within the seconds a delivery takes; the next delivery
 *   reads it again, conditionally). A failed read is not kept.
 * - A file on the delivery repository's default branch (a contents read
 *   without `ref`: the policy, the postmortem template) that GitHub answered
 *   404 is remembered as absent at the branch's head commit (absent-files.ts),
 *   read exactly there (`?ref=<sha>`). The next read asks for the head again
 *   (conditionally: a 304 while the branch has not moved) and answers 404
 *   itself only while the head is that same commit; once the branch moves (the
 *   commit that adds the file moves it), the file is read again. An existing
 *   file is read as before (conditionally, by its ETag).
 *
 * The facts live as long as the client: one per delivery (clientFor).
 */
import { z } from 'zod';
import { httpStatusOf, type GitHubClient } from '../../src/github/client.js';
import type { InstallationAbsentFiles } from './absent-files.js';

type Response = Awaited<ReturnType<GitHubClient['request']>>;

interface PayloadRepository {
  name?: unknown;
  full_name?: unknown;
  owner?: { login?: unknown } | null;
  default_branch?: unknown;
}

/** The payload's repository when it names itself and its default branch; else null. */
function repositoryOf(payload: unknown): { fullName: string; data: PayloadRepository } | null {
  const repository = typeof payload === 'object' && payload !== null ? (payload as { repository?: unknown }).repository : undefined;
  if (typeof repository !== 'object' || repository === null) return null;
  const r = repository as PayloadRepository;
  const fullName =
    typeof r.full_name === 'string'
      ? r.full_name
      : typeof r.owner?.login === 'string' && typeof r.name === 'string'
        ? `${r.owner.login}/${r.name}`
        : null;
  if (fullName === null || typeof r.default_branch !== 'string' || r.default_branch === '') return null;
  return { fullName: fullName.toLowerCase(), data: r };
}

const same = (parameters: Record<string, unknown> | undefined, fullName: string) =>
  typeof parameters?.owner === 'string' &&
  typeof parameters.repo === 'string' &&
  `${parameters.owner}/${parameters.repo}`.toLowerCase() === fullName;

const CONTENTS = 'GET /repos/{owner}/{repo}/contents/{path}';
const refResponse = z.object({ object: z.object({ sha: z.string() }) });

/** A 404 as Octokit reports one (callers look at `status`), for a file known absent at the current head. */
function absentError(path: string, sha: string): Error {
  return Object.assign(new Error(`Not Found: ${path} is absent at ${sha} (the default branch's head, unchanged since it was read)`), {
    status: 404,
    response: { status: 404, headers: {}, data: { message: 'Not Found' } },
  });
}

/**
 * A file on the default branch, with its absence remembered by head commit (see the header). `read` sends the
 * contents request; `head` reads the default branch's head sha.
 */
async function readDefaultBranchFile(
  read: (parameters: Record<string, unknown>) => Promise<Response>,
  head: () => Promise<string>,
  absent: InstallationAbsentFiles,
  repository: string,
  parameters: Record<string, unknown>,
): Promise<Response> {
  const path = String(parameters.path);
  // Read exactly at a commit: its answer, 200 or 404, holds for that commit for good.
  const readAt = async (sha: string) => {
    try {
      return await read({ ...parameters, ref: sha });
    } catch (error: unknown) {
      if (httpStatusOf(error) === 404) absent.set(repository, path, sha);
      throw error;
    }
  };
  const known = absent.get(repository, path);
  if (known !== undefined) {
    let now: string;
    try {
      now = await head();
    } catch {
      // The head cannot be read (a renamed default branch, an outage): forget what was known and read the file itself.
      absent.delete(repository, path);
      return read(parameters);
    }
    if (now === known) throw absentError(path, now);
    absent.delete(repository, path);
    return readAt(now);
  }
  try {
    return await read(parameters);
  } catch (error: unknown) {
    if (httpStatusOf(error) !== 404) throw error;
    // Missing at whatever the head was: read the head, then the file exactly there (it may have appeared meanwhile).
    let now: string;
    try {
      now = await head();
    } catch {
      throw error;
    }
    return readAt(now);
  }
}

export function withDeliveryFacts(client: GitHubClient, payload: unknown, absent?: InstallationAbsentFiles): GitHubClient {
  const repository = repositoryOf(payload);
  const permissions = new Map<string, Promise<Response>>();
  return {
    request(route, parameters) {
      if (route === 'GET /repos/{owner}/{repo}' && repository && same(parameters, repository.fullName)) {
        return Promise.resolve({ status: 200, data: structuredClone(repository.data) });
      }
      if (
        route === CONTENTS &&
        absent &&
        repository &&
        parameters &&
        parameters.ref === undefined &&
        same(parameters, repository.fullName)
      ) {
        const branch = String(repository.data.default_branch);
        const head = async () =>
          refResponse.parse(
            (
              await client.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
                owner: parameters.owner,
                repo: parameters.repo,
                ref: `heads/${branch}`,
              })
            ).data,
          ).object.sha;
        return readDefaultBranchFile((p) => client.request(route, p), head, absent, repository.fullName, parameters);
      }
      if (route === 'GET /repos/{owner}/{repo}/collaborators/{username}/permission' && parameters) {
        const key = `${String(parameters.owner)}/${String(parameters.repo)}/${String(parameters.username)}`.toLowerCase();
        let read = permissions.get(key);
        if (!read) {
          read = client.request(route, parameters);
          permissions.set(key, read);
          // A failure is the caller's to handle; the next read in this delivery asks again.
          read.catch(() => permissions.delete(key));
        }
        return read.then((r) => ({ ...r, data: structuredClone(r.data) }));
      }
      return client.request(route, parameters);
    },
  };
}

/**
 * An Octokit plugin that makes the app's repeated GitHub reads conditional.
 *
 * For a GET of an allow-listed route, sent with the installation's own token,
 * it keeps the answer's ETag and body (ConditionalCache, keyed by installation
 * and full URL) and sends the ETag back as `If-None-Match` the next time. GitHub
 * answers 304 when nothing changed, and that answer does not count against the
 * installation's quota (5,000 requests an hour); the plugin then hands the
 * caller the body it kept, as a 200. Anything else GitHub answers is what the
 * caller gets: a 200 with a new body replaces the entry, an error is thrown as
 * before.
 *
 * Correctness first: nothing is ever answered from memory without GitHub's 304
 * for that very request, so a change (a new policy, an edited comment, a
 * revoked permission) is seen on the next read, exactly as without the cache.
 * Writes are never kept (nor answered from memory); errors are never kept (a
 * 404 or 410 also forgets the entry); a request that carries its own
 * `authorization` header (another identity than the installation) bypasses the
 * cache; and entries are per installation: installation B never sends A's ETag
 * nor gets A's body, even for the same URL. GitHub's ETags also change with the
 * token, so after the hourly token refresh the first read of each URL is a full
 * one again.
 */
import type { ProbotOctokit } from 'probot';
import { httpStatusOf } from '../../src/github/client.js';
import type { AbsentFiles, InstallationAbsentFiles } from './absent-files.js';
import { cacheKey, type ConditionalCache } from './conditional-cache.js';

/**
 * The GET routes whose answers are kept, and why each is safe to keep: every one is revalidated by its
 * ETag on every use (a 304 means GitHub's current representation is the kept one), so the question is
 * only whether the app reads it again often enough to be worth the memory.
 */
const CACHED_ROUTES: ReadonlyMap<string, string> = new Map([
  // The policy (.github/deploy-governor.yml), its Sloth spec, the postmortem template and the audit log: read on
  // every override, protection rule and postmortem event; a changed file has a new ETag, so a 304 means unchanged.
  ['/repos/{owner}/{repo}/contents/{path}', 'files at a ref: revalidated, a change is seen on the next read'],
  // Blobs are content-addressed: a blob's body never changes for its sha (revalidated all the same).
  ['/repos/{owner}/{repo}/git/blobs/{file_sha}', 'content-addressed: immutable for its sha'],
  // The repository (its default branch), outside a delivery whose payload already carries it.
  ['/repos/{owner}/{repo}', 'repository metadata: revalidated'],
  // A collaborator's role: read for every override and /postmortem command; a changed role changes the body.
  ['/repos/{owner}/{repo}/collaborators/{username}/permission', 'a role: revalidated, a revoked or changed role is seen'],
  // The pull requests of a commit (when the check run's payload lists none): several deliveries share a commit.
  ['/repos/{owner}/{repo}/commits/{commit_sha}/pulls', 'the pull requests of a commit: revalidated'],
  // The comments of a pull request or issue, to find the app's own by its marker: read on every check run; a new,
  // edited or deleted comment changes the list, so the app never edits or creates from a stale list.
  ['/repos/{owner}/{repo}/issues/{issue_number}/comments', 'comment lists: revalidated; any comment change is a new body'],
  // An issue (a postmortem read before and under its lock), and issue lists searched for the app's keys.
  ['/repos/{owner}/{repo}/issues/{issue_number}', 'an issue: revalidated'],
  ['/repos/{owner}/{repo}/issues', 'issue lists by label: revalidated; a new issue changes the list'],
  ['/repos/{owner}/{repo}/issues/{issue_number}/sub_issues', 'sub-issue lists: revalidated'],
  // A workflow run and its approvals, read for each override (a redelivery reads them again).
  ['/repos/{owner}/{repo}/actions/runs/{run_id}', 'a workflow run: revalidated (a new attempt changes it)'],
  ['/repos/{owner}/{repo}/actions/runs/{run_id}/approvals', "a run's approvals: revalidated"],
  // Branches and refs: the audit branch's existence and the default branch's head.
  ['/repos/{owner}/{repo}/branches/{branch}', 'a branch: revalidated (a new head changes it)'],
  ['/repos/{owner}/{repo}/git/ref/{ref}', 'a ref: revalidated (a new head changes it)'],
  // The history of the audit log's path (missing versus deleted), and a team membership (postmortem approvers).
  ['/repos/{owner}/{repo}/commits', "a path's history: revalidated (a new commit changes it)"],
  ['/orgs/{org}/teams/{team_slug}/memberships/{username}', 'a team membership: revalidated'],
  // The freeze status on pull requests (app/freezes/merge-status.ts): a repository's open pull requests, read on
  // every freeze change, and a head commit's statuses, read before each write (a new status changes the list).
  ['/repos/{owner}/{repo}/pulls', 'open pull requests: revalidated (a new, closed or pushed pull request changes the list)'],
  ['/repos/{owner}/{repo}/commits/{ref}/statuses', "a commit's statuses: revalidated (a new status changes the list)"],
]);

type OctokitPlugin = Parameters<typeof ProbotOctokit.plugin>[0];

/** The installation an Octokit authenticates as (Probot puts it in `auth.installationId`), if any. */
export function installationOf(auth: unknown): number | string | undefined {
  const id = typeof auth === 'object' && auth !== null ? (auth as { installationId?: unknown }).installationId : undefined;
  return typeof id === 'number' || (typeof id === 'string' && id !== '') ? id : undefined;
}

/** Headers of the kept answer handed back with its body on a 304 (those of the 304 itself come along too). */
const KEPT_HEADERS = ['content-type', 'link', 'last-modified'];

function isJson(headers: Record<string, unknown>): boolean {
  return String(headers['content-type'] ?? '').includes('json');
}

export interface ConditionalRequestsOptions {
  /** The answers kept, shared by every Octokit of the process (entries are per installation). */
  answers: ConditionalCache;
  /** Files known absent at a default branch's head (see absent-files.ts); each installation's Octokit carries its view. */
  absent?: AbsentFiles;
  routes?: ReadonlyMap<string, string>;
}

/** What an installation's Octokit carries besides the hook: its view of the absent files (delivery-facts.ts uses it). */
export interface ConditionalRequestsApi {
  absentFiles?: InstallationAbsentFiles;
}

export function conditionalRequests(o: ConditionalRequestsOptions): OctokitPlugin {
  const cache = o.answers;
  const routes = o.routes ?? CACHED_ROUTES;
  return (octokit, options): ConditionalRequestsApi | undefined => {
    // An Octokit authenticated as the app (a JWT) or with a plain token: nothing is kept.
    const installationId = installationOf(options.auth);
    if (installationId === undefined) return undefined;
    octokit.hook.wrap('request', async (request, endpoint) => {
      if (endpoint.method !== 'GET' || !routes.has(endpoint.url)) return request(endpoint);
      const headers = endpoint.headers as Record<string, string | undefined>;
      // A request naming its own identity (the installation's token is only set later, by the auth hook), or a
      // conditional request of the caller's own: not the cache's business.
      if (headers.authorization !== undefined || headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined)
        return request(endpoint);
      const sent = octokit.request.endpoint.parse(endpoint);
      const key = cacheKey({ installationId }, sent.url, sent.headers.accept, sent.headers['x-github-api-version'] as string | undefined);
      const kept = cache.get(key);
      // Hooks share one options object per request (before-after-hook binds it to every inner hook), fresh for each
      // request: the header is set on it, not on a copy the inner hooks would never see.
      if (kept) headers['if-none-match'] = kept.etag;
      let response: Awaited<ReturnType<typeof request>>;
      try {
        response = await request(endpoint);
      } catch (error: unknown) {
        const status = httpStatusOf(error);
        if (status === 304 && kept) {
          cache.noteRevalidated();
          const fresh = (error as { response?: { headers?: Record<string, string | number | undefined> } }).response?.headers ?? {};
          return {
            status: 200,
            url: sent.url,
            headers: { ...fresh, ...kept.headers, etag: kept.etag, 'x-deploy-governor-cache': 'revalidated' },
            data: JSON.parse(kept.json) as unknown,
          };
        }
        // Gone (or no longer visible to this installation): forget it. Other errors leave the entry to the next 200.
        if (status === 404 || status === 410) cache.delete(key);
        throw error;
      }
      const etag = response.headers.etag;
      if (response.status === 200 && typeof etag === 'string' && etag !== '' && isJson(response.headers)) {
        const keptHeaders: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = response.headers[name];
          if (value !== undefined) keptHeaders[name] = String(value);
        }
        cache.set(key, { etag, json: JSON.stringify(response.data), headers: keptHeaders });
      } else {
        cache.delete(key);
      }
      return response;
    });
    return o.absent ? { absentFiles: o.absent.forInstallation(installationId) } : {};
  };
}

/**
 * When and by whom each budget exclusion entered the policy file, from GitHub:
 * the file's commits on the evaluated ref (`GET /repos/{o}/{r}/commits?path=`),
 * the file at each of them (contents API at the commit), and the role of the
 * author of the commit that introduced each exclusion (collaborator permission).
 * The decision is the core's (src/core/exclusions/). Bounded: at most
 * MAX_COMMITS commits and their files, one role read per author.
 */
import { z } from 'zod';
import type { ExclusionOrigin, ExclusionOrigins } from '../core/exclusions/admit-exclusions.js';
import { introductions, type PolicyCommit } from '../core/exclusions/exclusion-history.js';
import type { ExclusionConfig } from '../core/exclusions/exclusion-schema.js';
import type { parsePolicy as ParsePolicy } from '../core/policy/load-policy.js';
import { PolicyError } from '../core/policy/policy-error.js';
import { httpStatusOf, messageOf, type GitHubClient } from './client.js';
import { readActorRole } from './read-override-authorization.js';

/**
 * Most commits of the policy file read (and files fetched at them). An exclusion older than them is dated by the
 * oldest one read: later than the truth, so never more lenient.
 */
const MAX_COMMITS = 30;

const commitsResponse = z.array(
  z.object({
    sha: z.string(),
    commit: z.object({
      committer: z.object({ date: z.string() }).nullable(),
      verification: z.object({ verified: z.boolean() }).optional(),
    }),
    author: z.object({ login: z.string() }).nullable(),
    committer: z.object({ login: z.string() }).nullable(),
  }),
);

const contentsResponse = z.object({ encoding: z.string(), content: z.string() });

export interface ExclusionHistoryTarget {
  owner: string;
  repo: string;
  /** The policy file's path in the repository, e.g. `.github/deploy-governor.yml`. */
  path: string;
  /** The commit or branch evaluated (the run's sha); absent: the default branch. */
  ref?: string;
  /** The environment whose exclusions count (its section's list replaces the top level's, as in resolve). */
  environment: string;
}

/** The environment's exclusions in one version of the file; null when it is missing or invalid there. */
function exclusionsIn(parsePolicy: typeof ParsePolicy, text: string, environment: string): readonly ExclusionConfig[] | null {
  try {
    const file = parsePolicy(text);
    return file.environments?.[environment]?.exclusions ?? file.exclusions ?? [];
  } catch (error: unknown) {
    if (error instanceof PolicyError) return null;
    throw error;
  }
}

async function fileAt(client: GitHubClient, t: ExclusionHistoryTarget, sha: string): Promise<string | null> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner: t.owner,
      repo: t.repo,
      path: t.path,
      ref: sha,
    });
    const file = contentsResponse.parse(data);
    return file.encoding === 'base64' ? Buffer.from(file.content, 'base64').toString('utf8') : null;
  } catch (error: unknown) {
    // The commit deleted the file: no exclusion is in it there.
    if (httpStatusOf(error) === 404) return null;
    throw error;
  }
}

/**
 * The origins of `exclusions` (the policy's, for `target.environment`), or why they are unknown: any failure makes
 * them all unknown, which refuses every started interval (fail closed).
 */
export async function readExclusionOrigins(
  client: GitHubClient,
  target: ExclusionHistoryTarget,
  exclusions: readonly ExclusionConfig[],
): Promise<ExclusionOrigins> {
  const where = `${target.owner}/${target.repo}:${target.path}`;
  // Loaded here, not at start: the YAML parser and the schema's cron library stay out of every run without exclusions.
  const { parsePolicy } = await import('../core/policy/load-policy.js');
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits', {
      owner: target.owner,
      repo: target.repo,
      path: target.path,
      per_page: MAX_COMMITS,
      ...(target.ref !== undefined ? { sha: target.ref } : {}),
    });
    const listed = commitsResponse.parse(data);
    // Newest first; stop reading files once every exclusion's run has ended.
    const commits: PolicyCommit[] = [];
    const pending = new Set(exclusions.map((x) => x.name));
    for (const c of listed) {
      const text = await fileAt(client, target, c.sha);
      const there = text === null ? null : exclusionsIn(parsePolicy, text, target.environment);
      commits.push({
        sha: c.sha,
        date: new Date(c.commit.committer?.date ?? 0),
        login: c.author?.login ?? null,
        attested: c.committer?.login === 'web-flow' && c.commit.verification?.verified === true,
        exclusions: there,
      });
      const known = introductions(exclusions, commits);
      for (const name of [...pending]) if (!known.has(name) || known.get(name)!.sha !== c.sha) pending.delete(name);
      if (pending.size === 0) break;
    }
    const found = introductions(exclusions, commits);
    const roles = new Map<string, ExclusionOrigin['role']>();
    for (const login of new Set([...found.values()].flatMap((i) => (i.login === null ? [] : [i.login])))) {
      const role = await readActorRole(client, target.owner, target.repo, login);
      roles.set(login, 'role' in role ? role.role : null);
    }
    const known = new Map<string, ExclusionOrigin>();
    for (const [name, i] of found) {
      known.set(name, {
        addedAt: i.date,
        attested: i.attested,
        addedBy: i.login,
        role: i.login === null ? null : (roles.get(i.login) ?? null),
      });
    }
    return { known };
  } catch (error: unknown) {
    const status = httpStatusOf(error);
    return {
      unavailable:
        status === 401 || status === 403 || status === 404
          ? `GitHub answered ${status} to reading the history of ${where}: the token needs contents: read on the repository`
          : `reading the history of ${where} failed: ${messageOf(error)}`,
    };
  }
}

/**
 * The gate decisions of a repository's look-back, for the fleet's advisory
 * counts: the default branch's commits committed since the look-back's start
 * (`GET …/commits?sha=<branch>&since=`, one page of at most 30, newest first),
 * then every `deploy-governor / <env>` check run of each (one page of 100 per
 * commit, re-runs included). So a repository costs 1 + its commits, at most 31
 * requests; the fleet reads it only where the policy runs a rule in shadow mode.
 * A deploy of a commit older than the look-back (a rollback) is not seen.
 */
import { z } from 'zod';
import type { DecisionHistory } from '../core/fleet/advisory-counts.js';
import type { GitHubClient } from './client.js';
import { readGateCheckRuns } from './fleet-check-runs.js';

/** Commits read per repository: a page, enough for a month of a busy service's deploys from its default branch. */
const MAX_COMMITS = 30;

const commitList = z.array(z.object({ sha: z.string() }));

export async function readDecisionHistory(
  client: GitHubClient,
  target: { owner: string; repo: string; branch: string },
  since: Date,
): Promise<DecisionHistory> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits', {
    owner: target.owner,
    repo: target.repo,
    sha: target.branch,
    since: since.toISOString(),
    per_page: MAX_COMMITS,
  });
  const commits = commitList.parse(data);
  const runs = [];
  for (const commit of commits) {
    runs.push(...(await readGateCheckRuns(client, target.owner, target.repo, commit.sha, { filter: 'all', maxPages: 1 })));
  }
  return { runs, commits: commits.length, capped: commits.length >= MAX_COMMITS };
}

/**
 * The `deploy-governor / <environment>` check runs of one commit
 * (`GET …/commits/{ref}/check-runs`), with their `output.text`, where the Action
 * embeds its JSON report: the latest of each name on the head of a repository's
 * default branch for the fleet's gate column, every run of each name for its
 * advisory counts (src/github/fleet-decisions.ts).
 */
import { z } from 'zod';
import type { CheckRunFact } from '../core/fleet/assemble-fleet.js';
import type { GitHubClient } from './client.js';

const checkRunsPage = z.object({
  check_runs: z.array(
    z.object({
      name: z.string(),
      conclusion: z.string().nullable(),
      completed_at: z.string().nullable().optional(),
      html_url: z.string().nullable().optional(),
      app: z.object({ slug: z.string().optional() }).nullable().optional(),
      output: z.object({ text: z.string().nullable().optional() }).optional(),
    }),
  ),
});

const MAX_PAGES = 3;

/**
 * The gate's check runs on `ref`: `latest` keeps the newest run of each name (GitHub's default), `all` every run,
 * re-runs included. At most `maxPages` pages of 100.
 */
export async function readGateCheckRuns(
  client: GitHubClient,
  owner: string,
  repo: string,
  ref: string,
  o: { filter: 'latest' | 'all'; maxPages: number } = { filter: 'latest', maxPages: MAX_PAGES },
): Promise<CheckRunFact[]> {
  const runs: CheckRunFact[] = [];
  for (let page = 1; page <= o.maxPages; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      owner,
      repo,
      ref,
      filter: o.filter,
      per_page: 100,
      page,
    });
    const batch = checkRunsPage.parse(data).check_runs;
    for (const r of batch) {
      if (!r.name.startsWith('deploy-governor / ')) continue;
      runs.push({
        name: r.name,
        conclusion: r.conclusion,
        completedAt: r.completed_at ?? null,
        url: r.html_url ?? null,
        app: r.app?.slug ?? null,
        text: r.output?.text ?? null,
      });
    }
    if (batch.length < 100) break;
  }
  return runs;
}

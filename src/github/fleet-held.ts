/**
 * Deployments waiting at environments that carry this app's protection rule,
 * from what GitHub shows: the repository's waiting runs
 * (`GET …/actions/runs?status=waiting`) and each one's pending deployments.
 * GitHub does not say which rule a deployment waits on, so a run waiting at such
 * an environment for its required reviewers shows too; the app's own store of
 * held deployments, where it has one, is exact.
 */
import { z } from 'zod';
import type { FleetHeldRow } from '../core/fleet/fleet-report.js';
import type { GitHubClient } from './client.js';

const runsPage = z.object({
  workflow_runs: z.array(z.object({ id: z.number().int(), html_url: z.string().nullable().optional(), created_at: z.string().optional() })),
});
const pending = z.array(z.object({ environment: z.object({ name: z.string().optional() }) }));

/** Waiting runs read per repository (the newest first). */
const MAX_RUNS = 20;

export async function readWaitingDeployments(
  client: GitHubClient,
  owner: string,
  repo: string,
  ruleEnvironments: readonly string[],
): Promise<FleetHeldRow[]> {
  const guarded = new Set(ruleEnvironments.map((e) => e.toLowerCase()));
  const { data } = await client.request('GET /repos/{owner}/{repo}/actions/runs', { owner, repo, status: 'waiting', per_page: MAX_RUNS });
  const held: FleetHeldRow[] = [];
  for (const run of runsPage.parse(data).workflow_runs) {
    const { data: deployments } = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments', {
      owner,
      repo,
      run_id: run.id,
    });
    for (const d of pending.parse(deployments)) {
      const name = d.environment.name;
      if (name && guarded.has(name.toLowerCase()))
        held.push({ environment: name, runId: run.id, runUrl: run.html_url ?? null, since: run.created_at ?? null });
    }
  }
  return held;
}

/**
 * Which workflow runs wait on which environments: the facts a held deployment
 * rests on. GitHub's pending list decides whether a run still waits (a webhook
 * payload only claims it), and the run itself gives the commit and branch.
 */
import { z } from 'zod';
import { httpStatusOf, type GitHubClient } from './client.js';

const pendingList = z.array(z.object({ environment: z.object({ name: z.string().optional() }).passthrough() }).passthrough());

/** The environments a run waits on (protection rules, reviewers, a wait timer): GET …/pending_deployments; none for an unknown run. */
export async function pendingEnvironments(client: GitHubClient, owner: string, repo: string, runId: number): Promise<string[]> {
  let data: unknown;
  try {
    ({ data } = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments', {
      owner,
      repo,
      run_id: runId,
    }));
  } catch (error: unknown) {
    // No such run (a forged or foreign run id): nothing waits.
    if (httpStatusOf(error) === 404) return [];
    throw error;
  }
  return pendingList.parse(data).flatMap((p) => (p.environment.name ? [p.environment.name] : []));
}

const runSchema = z.object({
  id: z.number().int(),
  head_sha: z.string(),
  head_branch: z.string().nullable().optional(),
  run_started_at: z.string().nullable().optional(),
  created_at: z.string().optional(),
});

export interface WaitingRun {
  id: number;
  sha: string;
  /** The branch the run is for; null for a tag or when GitHub gives none. */
  branch: string | null;
  /** When the run (its latest attempt) started (ISO 8601). */
  startedAt: string;
}

function waitingRunOf(run: z.infer<typeof runSchema>): WaitingRun {
  return {
    id: run.id,
    sha: run.head_sha,
    branch: run.head_branch ?? null,
    startedAt: run.run_started_at ?? run.created_at ?? new Date(0).toISOString(),
  };
}

/** One run's commit, branch and start. */
export async function readRun(client: GitHubClient, owner: string, repo: string, runId: number): Promise<WaitingRun> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { owner, repo, run_id: runId });
  return waitingRunOf(runSchema.parse(data));
}

/** The runs of a repository that wait on an environment (status `waiting`), newest first, at most `max` (one page of 100 at most). */
export async function waitingRuns(client: GitHubClient, owner: string, repo: string, max: number): Promise<WaitingRun[]> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/actions/runs', {
    owner,
    repo,
    status: 'waiting',
    per_page: Math.min(100, Math.max(1, max)),
  });
  return z
    .object({ workflow_runs: z.array(runSchema) })
    .parse(data)
    .workflow_runs.slice(0, max)
    .map(waitingRunOf);
}

/** A workflow run of the repository as GitHub reports it (null when GitHub knows no such run there). */
import { z } from 'zod';
import { httpStatusOf, type GitHubClient } from './client.js';

const runResponse = z.object({
  id: z.number().int(),
  head_sha: z.string(),
  run_attempt: z.number().int().optional(),
  html_url: z.string().optional(),
});

export interface WorkflowRunFacts {
  id: number;
  headSha: string;
  /** The run's latest attempt (GitHub omits it for very old runs: 1). */
  runAttempt: number;
  htmlUrl: string | null;
}

export async function readWorkflowRun(client: GitHubClient, owner: string, repo: string, runId: number): Promise<WorkflowRunFacts | null> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { owner, repo, run_id: runId });
    const run = runResponse.parse(data);
    return { id: run.id, headSha: run.head_sha, runAttempt: run.run_attempt ?? 1, htmlUrl: run.html_url ?? null };
  } catch (error: unknown) {
    if (httpStatusOf(error) === 404) return null;
    throw error;
  }
}

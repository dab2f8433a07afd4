/**
 * Checks, through the API, that an override in a report is what it claims: the
 * run exists, it was a workflow_dispatch, its triggering actor is the override's
 * actor, and it ran on the check run's commit.
 */
import { z } from 'zod';
import type { Report } from '../core/report/report-schema.js';
import { httpStatusOf, type GitHubClient } from './client.js';

const runResponse = z.object({
  id: z.number().int(),
  event: z.string(),
  head_sha: z.string(),
  run_attempt: z.number().int().optional(),
  html_url: z.string().optional(),
  actor: z.object({ login: z.string() }).nullable().optional(),
  triggering_actor: z.object({ login: z.string() }).nullable().optional(),
});

export type RunVerdict = { ok: true; runUrl: string | null } | { ok: false; problems: string[] };

export async function verifyOverrideRun(client: GitHubClient, owner: string, repo: string, report: Report, checkRunSha: string): Promise<RunVerdict> {
  const o = report.override;
  if (!o) return { ok: false, problems: ['the report carries no override'] };
  if (o.runId === null) return { ok: false, problems: ['the override names no workflow run'] };
  let run: z.infer<typeof runResponse>;
  try {
    run = runResponse.parse((await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { owner, repo, run_id: o.runId })).data);
  } catch (error: unknown) {
    if (httpStatusOf(error) === 404) return { ok: false, problems: [`workflow run ${o.runId} does not exist in ${owner}/${repo}`] };
    throw error;
  }
  const problems: string[] = [];
  if (run.event !== 'workflow_dispatch') problems.push(`run ${run.id} was triggered by ${run.event}, not workflow_dispatch`);
  const trigger = run.triggering_actor?.login ?? run.actor?.login;
  if (trigger !== o.actor) problems.push(`run ${run.id} was triggered by ${trigger ?? 'nobody'}, but the override names ${o.actor}`);
  if (run.head_sha !== checkRunSha) problems.push(`run ${run.id} ran on ${run.head_sha.slice(0, 7)}, but the check run is on ${checkRunSha.slice(0, 7)}`);
  return problems.length === 0 ? { ok: true, runUrl: run.html_url ?? null } : { ok: false, problems };
}

/**
 * The workflow run a verdict names, as GitHub knows it. The verdict is text a
 * workflow wrote (anyone with write can publish one, on any commit), so its run
 * counts only when GitHub has that run in this repository, on the check run's
 * commit, with the attempt the verdict claims among the run's attempts. What is
 * left to a forger: naming a real run of that commit, so at most one incident
 * per real run attempt and environment.
 */
import type { Verification } from '../../src/core/verify/verification-schema.js';
import type { GitHubClient } from '../../src/github/client.js';
import { readWorkflowRun } from '../../src/github/read-workflow-run.js';

export type ConfirmedRun = { confirmed: true; runId: number; attempt: number; url: string | null } | { confirmed: false; reason: string };

export async function confirmVerifyRun(
  client: GitHubClient,
  site: { owner: string; repo: string; headSha: string },
  verification: Verification,
): Promise<ConfirmedRun> {
  const runId = verification.run?.runId ?? null;
  const attempt = verification.run?.runAttempt ?? null;
  if (runId === null || attempt === null) return { confirmed: false, reason: 'the verdict names no workflow run (the CLI has none)' };
  const run = await readWorkflowRun(client, site.owner, site.repo, runId);
  if (!run) return { confirmed: false, reason: `GitHub knows no run ${runId} in this repository` };
  if (run.headSha !== site.headSha)
    return { confirmed: false, reason: `run ${runId} is on ${run.headSha}, not the check run's commit ${site.headSha}` };
  if (attempt < 1 || attempt > run.runAttempt) return { confirmed: false, reason: `run ${runId} has had no attempt ${attempt}` };
  return { confirmed: true, runId, attempt, url: run.htmlUrl };
}

/** Answers a custom deployment protection rule for one environment of a run. */
import { httpStatusOf, type GitHubClient } from './client.js';

export type ProtectionAnswer = 'answered' | 'not-pending';

/** The run id inside `deployment_callback_url` (…/actions/runs/<id>/deployment_protection_rule). */
export function runIdFromCallbackUrl(url: string): number | null {
  const m = /\/actions\/runs\/(\d+)\/deployment_protection_rule\/?$/.exec(url);
  return m ? Number(m[1]) : null;
}

export async function answerProtectionRule(
  client: GitHubClient,
  target: { owner: string; repo: string; runId: number; environment: string },
  state: 'approved' | 'rejected',
  comment: string,
): Promise<ProtectionAnswer> {
  try {
    await client.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule', {
      owner: target.owner,
      repo: target.repo,
      run_id: target.runId,
      environment_name: target.environment,
      state,
      comment,
    });
    return 'answered';
  } catch (error: unknown) {
    // 422: nothing pending any more (another answer, or a reviewer, got there first).
    if (httpStatusOf(error) === 422) return 'not-pending';
    throw error;
  }
}

/**
 * Reads what authorizes an override, through the API (never from the inputs):
 * the actor's repository role and the run's environment approvals.
 */
import { z } from 'zod';
import { httpStatusOf, messageOf, type GitHubClient } from './client.js';

const permissionResponse = z.object({
  permission: z.string(),
  role_name: z.string().optional(),
});

const approvalsResponse = z.array(
  z.object({
    state: z.string(),
    user: z.object({ login: z.string() }).nullable(),
    environments: z.array(z.object({ name: z.string().optional() }).passthrough()),
  }),
);

export type RoleResult = { role: { roleName: string | null; permission: string | null } } | { error: string };

export async function readActorRole(client: GitHubClient, owner: string, repo: string, actor: string): Promise<RoleResult> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
      owner,
      repo,
      username: actor,
    });
    const parsed = permissionResponse.parse(data);
    return { role: { roleName: parsed.role_name ?? null, permission: parsed.permission } };
  } catch (error: unknown) {
    const status = httpStatusOf(error);
    if (status === 404) return { role: { roleName: 'none', permission: 'none' } };
    if (status === 403 || status === 401) {
      return {
        error: `GitHub answered ${status} to GET /repos/${owner}/${repo}/collaborators/${actor}/permission: the github-token needs the metadata: read permission (GITHUB_TOKEN has it unless the workflow's permissions block removes it)`,
      };
    }
    return { error: `reading the role failed: ${messageOf(error)}` };
  }
}

export type ApprovalsResult = { approvers: string[] } | { error: string };

/** Logins that approved the run's deployment to `environment`. */
export async function readRunApprovers(
  client: GitHubClient,
  owner: string,
  repo: string,
  runId: number,
  environment: string,
): Promise<ApprovalsResult> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', { owner, repo, run_id: runId });
    const approvals = approvalsResponse.parse(data);
    const approvers = approvals
      .filter((a) => a.state === 'approved' && a.user && a.environments.some((e) => e.name === environment))
      .map((a) => a.user!.login);
    return { approvers: [...new Set(approvers)] };
  } catch (error: unknown) {
    const status = httpStatusOf(error);
    if (status === 403 || status === 401) {
      return {
        error: `GitHub answered ${status} to GET /repos/${owner}/${repo}/actions/runs/${runId}/approvals: add "actions: read" to the workflow's permissions`,
      };
    }
    return { error: `reading the run's approvals failed: ${messageOf(error)}` };
  }
}

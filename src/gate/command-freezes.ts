/**
 * Freezes on command for the Action and the CLI (issue 15). When the policy
 * names the operator's deploy-governor app (`freezes.app`), the `deploy-freeze`
 * issues that app opened (GitHub's `performed_via_github_app`, never the
 * issue's text) in the repository and in `<owner>/.github` are read through the
 * API and handed to the gate, which treats them as the protection rule does:
 * status FREEZE with the freeze's reason and end. Without `freezes.app` nothing
 * is read. A read that fails fails closed, saying which permission to give.
 */
import { PolicyError } from '../core/policy/policy-error.js';
import type { ResolvedPolicy } from '../core/policy/resolve-policy.js';
import type { ActiveFreeze } from '../core/report/report-schema.js';
import { httpStatusOf, messageOf, type GitHubClient } from '../github/client.js';

/** How the host reads freezes: its token and the repository the run is about. */
export interface FreezeAccess {
  host: 'action' | 'cli';
  /** Null when the host has no token. */
  client: GitHubClient | null;
  /** The client for `<owner>/.github` (the Action's policy-token); default `client`. */
  orgClient?: GitHubClient | null;
  /** `owner/name`; null when unknown (the CLI without --repo). */
  repository: string | null;
}

/** What to give, in each host's words (the postmortem-debt reader, debt-gate.ts, asks for the same). */
export const ADVICE: Record<FreezeAccess['host'], { token: string; org: string }> = {
  action: {
    token: 'set the github-token input (the job\'s GITHUB_TOKEN works) and give the job "permissions: issues: read"',
    org: 'give the policy-token input a token that can read its issues',
  },
  cli: {
    token: "set GITHUB_TOKEN (or GH_TOKEN) to a token that can read the repository's issues, and pass --repo owner/name",
    org: 'use a GITHUB_TOKEN that can read its issues',
  },
};

/**
 * Reads the freezes in force for the resolved policy's environment, once the policy says which app keeps them.
 * @param warn hears what the gate could not read without failing (an `<owner>/.github` that answers 404)
 */
export function commandFreezeReader(
  access: FreezeAccess,
  now: Date,
  warn: (message: string) => void,
): (policy: ResolvedPolicy, source: string) => Promise<readonly ActiveFreeze[]> {
  return async (policy, source) => {
    const app = policy.freezes.app;
    if (app === null) return [];
    const advice = ADVICE[access.host];
    const refuse = (message: string) =>
      new PolicyError(source, [{ path: 'freezes.app', message: `the gate reads the freezes on command of the app ${app}: ${message}` }]);
    const [owner, repo] = access.repository?.split('/') ?? [];
    if (!access.client || !owner || !repo) {
      const missing = access.client ? 'the repository is unknown' : 'there is no GitHub token to read them with';
      throw refuse(`${missing}; ${advice.token}`);
    }
    // Loaded only for a policy that names the app: the issue readers stay out of every other run's start.
    const [{ activeCommandFreezes }, { ORG_FREEZE_REPOSITORY, readFreezesInScope }] = await Promise.all([
      import('../core/freeze/freeze-command.js'),
      import('../github/freeze-issues.js'),
    ]);
    const org = `${owner}/${ORG_FREEZE_REPOSITORY}`;
    try {
      const stored = await readFreezesInScope(
        access.client,
        owner,
        repo,
        { appSlug: app },
        {
          ...(access.orgClient ? { orgClient: access.orgClient } : {}),
          onOrgNotFound: () =>
            warn(
              `organisation-wide freezes were not read: ${org} was not found, or is not visible to this token (GitHub answers 404 for both); if it exists, ${advice.org}`,
            ),
        },
      );
      return activeCommandFreezes(stored, policy.environment, now);
    } catch (error: unknown) {
      const status = httpStatusOf(error);
      const where = `the deploy-freeze issues of ${owner}/${repo} and ${org}`;
      if (status === 401) throw refuse(`GitHub refused the token (401); ${advice.token}`);
      if (status === 403 || status === 404)
        throw refuse(
          `GitHub refused to list ${where} (${status}: ${messageOf(error)}): the token needs issues: read on ${owner}/${repo}; ${advice.token}`,
        );
      throw refuse(`reading ${where} failed (${messageOf(error)}), so the gate fails closed`);
    }
  };
}

/**
 * Gathers what decides whether an override in a check run's report is real:
 * the run's OIDC token (signature, issuer, expiry, the report's digest as its
 * audience, and its claims against the run the report names), the run itself,
 * the actor's role and the run's approvals, all from GitHub; the level's rule
 * from the policy on the default branch. `judgeOverride` decides.
 *
 * A transient failure (the issuer or GitHub unreachable) throws, so the
 * delivery fails and is retried, rather than raising a false alert.
 */
import { z } from 'zod';
import { judgeOverride, type OverrideJudgement, type RunFacts } from '../../src/core/override/judge-override.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { resolvePolicy, type ResolvedPolicy } from '../../src/core/policy/resolve-policy.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { httpStatusOf, type GitHubClient } from '../../src/github/client.js';
import { readActorRole, readRunApprovers } from '../../src/github/read-override-authorization.js';
import { readRepoPolicy } from '../../src/github/read-repo-policy.js';
import type { RunTokenVerifier } from '../../src/oidc/verify-run-token.js';
import { checkReportToken } from './check-report-token.js';

const runResponse = z.object({
  event: z.string(),
  head_sha: z.string(),
  run_attempt: z.number().int().optional(),
  html_url: z.string().optional(),
  actor: z.object({ login: z.string() }).nullable().optional(),
  triggering_actor: z.object({ login: z.string() }).nullable().optional(),
});

/** The webhook's facts about where the check run lives (signed by GitHub). */
export interface CheckRunSite {
  owner: string;
  repo: string;
  defaultBranch: string;
  checkRunSha: string;
}

export type OverrideVerification = OverrideJudgement & {
  /** The policy on the default branch, resolved for the report's environment (null when it is invalid). */
  policy: ResolvedPolicy | null;
  runUrl: string | null;
};

async function readRun(client: GitHubClient, site: CheckRunSite, runId: number): Promise<RunFacts | null> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
      owner: site.owner,
      repo: site.repo,
      run_id: runId,
    });
    const run = runResponse.parse(data);
    return {
      event: run.event,
      headSha: run.head_sha,
      runAttempt: run.run_attempt ?? 1,
      triggeringActor: run.triggering_actor?.login ?? run.actor?.login ?? null,
      htmlUrl: run.html_url ?? null,
    };
  } catch (error: unknown) {
    if (httpStatusOf(error) === 404) return null;
    throw error;
  }
}

/** The policy on the default branch for `environment`, or why it cannot be used (it is invalid). */
export async function readPolicy(client: GitHubClient, site: CheckRunSite, environment: string): Promise<ResolvedPolicy | string> {
  try {
    return resolvePolicy(await readRepoPolicy(client, site.owner, site.repo), gateInputsSchema.parse({ environment }));
  } catch (error: unknown) {
    if (error instanceof PolicyError)
      return `the policy on the default branch is invalid, so the level's rule cannot be read: ${error.message}`;
    throw error;
  }
}

async function tokenProblems(
  verifier: RunTokenVerifier,
  report: Report,
  site: CheckRunSite,
  policy: ResolvedPolicy | null,
): Promise<string[]> {
  const o = report.override!;
  const bound = await checkReportToken(verifier, report, 'an override', {
    repository: `${site.owner}/${site.repo}`,
    runId: o.runId!,
    runAttempt: o.runAttempt!,
    actor: o.actor,
    sha: site.checkRunSha,
    allowedRefs: [`refs/heads/${site.defaultBranch}`, ...(policy?.overrides.refs ?? [])],
  });
  return bound.problems;
}

export async function verifyOverride(
  client: GitHubClient,
  verifier: RunTokenVerifier,
  site: CheckRunSite,
  report: Report,
): Promise<OverrideVerification> {
  const o = report.override;
  if (!o || o.runId === null || o.runAttempt === null) {
    return { ok: false, problems: ['the override names no workflow run and attempt'], policy: null, runUrl: null };
  }
  const policyOrProblem = await readPolicy(client, site, report.environment);
  const policy = typeof policyOrProblem === 'string' ? null : policyOrProblem;
  const rule = policy?.overrides.levels[o.level];
  const [fromToken, run, role, approvals] = await Promise.all([
    tokenProblems(verifier, report, site, policy),
    readRun(client, site, o.runId),
    readActorRole(client, site.owner, site.repo, o.actor),
    rule?.requireEnvironmentApproval ? readRunApprovers(client, site.owner, site.repo, o.runId, report.environment) : Promise.resolve(null),
  ]);
  const judgement = judgeOverride({
    claimed: { runId: o.runId, runAttempt: o.runAttempt, actor: o.actor, level: o.level },
    checkRunSha: site.checkRunSha,
    tokenProblems: fromToken,
    run,
    role: 'role' in role ? role.role : role,
    // Without a readable policy, judge against the strictest rule so that nothing passes by default.
    rule: rule ?? { permission: 'admin', requireEnvironmentApproval: true },
    approvals: approvals === null ? null : 'approvers' in approvals ? approvals.approvers : approvals,
  });
  const result = typeof policyOrProblem === 'string' && judgement.ok ? { ok: false as const, problems: [policyOrProblem] } : judgement;
  if (!result.ok && typeof policyOrProblem === 'string' && !result.problems.includes(policyOrProblem))
    result.problems.unshift(policyOrProblem);
  return { ...result, policy, runUrl: run?.htmlUrl ?? null };
}

/**
 * Whether an override found in a check run's report may go into the audit log.
 * Pure: the app gathers the facts from GitHub (the run, the actor's role, the
 * run's approvals) and from the run's OIDC token, and this decides. Nothing the
 * report says about who, which role, which run or which approvers is believed:
 * the report only names the run and the level; every fact that grants the
 * override is re-derived here from what GitHub said.
 */
import type { Permission } from '../policy/permissions.js';
import { hasPermission } from './decide-override.js';

/** What GitHub says about the workflow run the override names (null: it does not exist). */
export interface RunFacts {
  event: string;
  headSha: string;
  /** The run's latest attempt. */
  runAttempt: number;
  triggeringActor: string | null;
  htmlUrl: string | null;
}

/** The facts gathered for one override. */
export interface OverrideFacts {
  /** What the report claims. */
  claimed: { runId: number; runAttempt: number; actor: string; level: string };
  /** The check run's commit (GitHub's, from the webhook). */
  checkRunSha: string;
  /** Problems with the OIDC token: its signature, issuer, expiry, audience, and claims against the expected run. */
  tokenProblems: string[];
  run: RunFacts | null;
  /** The actor's role as GitHub reports it, or why it could not be read. */
  role: { roleName: string | null; permission: string | null } | { error: string };
  /** The level's rule from the policy on the default branch. */
  rule: { permission: Permission; requireEnvironmentApproval: boolean };
  /** Who approved the run's deployment to the environment (null when the level does not require it), or why it could not be read. */
  approvals: string[] | { error: string } | null;
}

/** Which facts were verified, and how; written into the audit record. */
interface VerifiedOverride {
  /** The report is bound to the run by a valid OIDC token from the configured issuer. */
  oidc: true;
  /** The actor's role when the app checked it (role_name, else the legacy permission). */
  permission: string;
  /** Approvers of the run's deployment, as GitHub lists them (empty when the level needs none). */
  approvals: string[];
  /** The run's latest attempt when the app checked (the record's attempt is at most this). */
  run_attempts: number;
}

export type OverrideJudgement = { ok: true; verified: VerifiedOverride } | { ok: false; problems: string[] };

export function judgeOverride(f: OverrideFacts): OverrideJudgement {
  const problems = [...f.tokenProblems];
  const { claimed, run } = f;
  if (!run) {
    problems.push(`workflow run ${claimed.runId} does not exist in this repository`);
  } else {
    if (run.event !== 'workflow_dispatch') problems.push(`run ${claimed.runId} was triggered by ${run.event}, not workflow_dispatch`);
    if (run.triggeringActor?.toLowerCase() !== claimed.actor.toLowerCase()) {
      problems.push(`run ${claimed.runId} was triggered by ${run.triggeringActor ?? 'nobody'}, but the override names ${claimed.actor}`);
    }
    if (run.headSha !== f.checkRunSha)
      problems.push(`run ${claimed.runId} ran on ${run.headSha.slice(0, 7)}, but the check run is on ${f.checkRunSha.slice(0, 7)}`);
    if (claimed.runAttempt < 1 || claimed.runAttempt > run.runAttempt) {
      problems.push(`the override names attempt ${claimed.runAttempt} of run ${claimed.runId}, which has had ${run.runAttempt} attempt(s)`);
    }
  }
  let permission = 'unknown';
  if ('error' in f.role) {
    problems.push(`could not read ${claimed.actor}'s role: ${f.role.error}`);
  } else {
    permission = f.role.roleName ?? f.role.permission ?? 'none';
    if (!hasPermission(f.role, f.rule.permission)) {
      problems.push(
        `${claimed.actor} has the ${permission} role; override level ${claimed.level} needs ${f.rule.permission} or higher (policy on the default branch)`,
      );
    }
  }
  let approvals: string[] = [];
  if (f.rule.requireEnvironmentApproval) {
    if (f.approvals === null) {
      problems.push(`override level ${claimed.level} requires an approved deployment, and the run's approvals were not read`);
    } else if (!Array.isArray(f.approvals)) {
      problems.push(`could not read the run's approvals: ${f.approvals.error}`);
    } else if (f.approvals.length === 0) {
      problems.push(
        `override level ${claimed.level} requires an approved deployment, and GitHub lists no approval of run ${claimed.runId} for this environment`,
      );
    } else {
      approvals = f.approvals;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, verified: { oidc: true, permission, approvals, run_attempts: run!.runAttempt } };
}

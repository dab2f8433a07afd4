/**
 * Whether an override may let a blocked deploy through. Pure: the adapter reads
 * the actor's role and the run's approvals through the GitHub API and passes
 * them in. An override never changes the status, only `canDeploy`.
 *
 * Two ways to ask: the Action's `override` input on a workflow_dispatch run
 * (`via: 'action'`, the default), and the CLI's `--override` flag (`via: 'cli'`),
 * where the actor is the GitHub token's user and there is no workflow run, so no
 * event to check and no environment approval to read. The rules are otherwise
 * the same; only the words differ (an input, or a flag).
 */
import { levelPasses } from '../evaluate/decide.js';
import type { OverrideLevel, ResolvedPolicy } from '../policy/resolve-policy.js';
import { PERMISSIONS, type Permission } from '../policy/permissions.js';
import type { Report } from '../report/report-schema.js';

/** What the adapter learned about an override request. */
export interface OverrideAttempt {
  /** Who asks: the Action on a workflow_dispatch run (default), or the CLI. */
  via?: 'action' | 'cli';
  level: OverrideLevel;
  reason: string | undefined;
  actor: string;
  eventName: string | null;
  /** The actor's repository role as the API reported it; null when it could not be read. */
  role: { roleName: string | null; permission: string | null } | null;
  /** Why the role could not be read, for the refusal message. */
  roleError?: string;
  /** Users who approved this run's deployment to the environment. */
  approvers: string[];
  /** Why the approvals could not be read, when they are required. */
  approvalsError?: string;
  runId: number | null;
  runAttempt: number | null;
  at: Date;
}

/** Rank of a role on GitHub's scale; custom roles fall back to their legacy base permission. */
export function roleRank(role: { roleName: string | null; permission: string | null }): number {
  const known = (PERMISSIONS as readonly string[]).indexOf(role.roleName ?? '');
  if (known >= 0) return known;
  return (PERMISSIONS as readonly string[]).indexOf(role.permission ?? '');
}

/** Whether a role (as GitHub reports it) meets `needed`: the one role check every caller uses. */
export function hasPermission(role: { roleName: string | null; permission: string | null }, needed: Permission): boolean {
  return roleRank(role) >= PERMISSIONS.indexOf(needed);
}

/** Refusal reasons that need no API call (checked first, so a bad request costs nothing). */
export function preflightOverride(
  report: Report,
  attempt: Pick<OverrideAttempt, 'level' | 'reason' | 'eventName' | 'via'>,
  policy: ResolvedPolicy,
): string[] {
  const problems: string[] = [];
  const cli = attempt.via === 'cli';
  if (!cli && attempt.eventName !== 'workflow_dispatch') {
    problems.push(
      `overrides are accepted only from workflow_dispatch runs; this run was triggered by ${attempt.eventName ?? 'an unknown event'}`,
    );
  }
  const reason = attempt.reason?.trim() ?? '';
  if (reason.length < policy.overrides.minReasonLength) {
    problems.push(
      `${cli ? '--override-reason' : 'override-reason'} must explain the override in at least ${policy.overrides.minReasonLength} characters; got ${reason.length === 0 ? 'none' : `${reason.length}`}`,
    );
  }
  const status = report.decision.status;
  if (!levelPasses(attempt.level, status)) {
    const needed = report.decision.requiredOverride ?? 'exhausted';
    problems.push(
      `override level ${attempt.level} cannot pass status ${status}; ${cli ? `run again with --override ${needed}` : `dispatch with override: ${needed}`}`,
    );
  }
  return problems;
}

/**
 * Apply an override to a report. Returns the report unchanged but for the
 * decision: accepted overrides set `canDeploy` and `overridden` and carry the
 * `override` record; refused ones explain why in the reasons.
 */
export function applyOverride(report: Report, attempt: OverrideAttempt, policy: ResolvedPolicy): Report {
  if (report.decision.canDeploy) {
    return {
      ...report,
      decision: {
        ...report.decision,
        nextSteps: [
          `An override (${attempt.level}) was requested but not needed: the deploy is allowed. Nothing was recorded.`,
          ...report.decision.nextSteps,
        ],
      },
    };
  }
  const problems = preflightOverride(report, attempt, policy);
  const rule = policy.overrides.levels[attempt.level];
  if (problems.length > 0) {
    // Already refused; the role was not looked up.
  } else if (attempt.role === null) {
    problems.push(`could not read ${attempt.actor}'s repository role: ${attempt.roleError ?? 'unknown error'}`);
  } else if (!hasPermission(attempt.role, rule.permission)) {
    problems.push(
      `${attempt.actor} has the ${attempt.role.roleName ?? attempt.role.permission ?? 'no'} role; override level ${attempt.level} needs ${rule.permission} or higher`,
    );
  }
  if (problems.length > 0) {
    // Already refused.
  } else if (rule.requireEnvironmentApproval && attempt.approvalsError) {
    problems.push(`could not read the run's environment approvals: ${attempt.approvalsError}`);
  } else if (rule.requireEnvironmentApproval && attempt.approvers.length === 0) {
    problems.push(
      attempt.via === 'cli'
        ? `override level ${attempt.level} requires an approved deployment, which only a GitHub Actions run in the environment ${report.environment} can show: override from the deploy workflow instead`
        : `override level ${attempt.level} requires an approved deployment: run this job in the GitHub environment ${report.environment} with required reviewers, and have a reviewer approve it`,
    );
  }
  if (problems.length > 0) {
    const message = `Override refused: ${problems.join('; ')}`;
    return {
      ...report,
      findings: [...report.findings, { source: 'override', status: report.decision.status, message }],
      decision: { ...report.decision, reasons: [message, ...report.decision.reasons] },
    };
  }
  const override = {
    actor: attempt.actor,
    level: attempt.level,
    reason: attempt.reason!.trim(),
    permission: attempt.role!.roleName ?? attempt.role!.permission ?? 'unknown',
    approvers: attempt.approvers,
    runId: attempt.runId,
    runAttempt: attempt.runAttempt,
    at: attempt.at.toISOString(),
  };
  return {
    ...report,
    override,
    findings: [
      ...report.findings,
      {
        source: 'override',
        status: report.decision.status,
        message: `Overridden by ${attempt.actor} (${override.permission}) at level ${attempt.level}: ${override.reason}`,
      },
    ],
    decision: {
      ...report.decision,
      canDeploy: true,
      overridden: true,
      nextSteps: ['The deploy proceeds under an override; it is recorded in the report, the check run and (with the app) the audit log.'],
    },
  };
}

/**
 * From findings to a decision: the worst status wins; the deploy is blocked at or
 * past `block-on`; UNKNOWN follows `on-error`.
 */
import type { OverrideLevel, ResolvedPolicy } from '../policy/resolve-policy.js';
import type { Finding, Report } from '../report/report-schema.js';
import { isAtOrPast, statusRank, worstStatus, type Status } from '../status.js';

/** The highest status each override level may pass. UNKNOWN needs the top level. */
const LEVEL_PASSES: Record<OverrideLevel, Status> = {
  warning: 'WARNING',
  freeze: 'FREEZE',
  exhausted: 'UNKNOWN',
};

/** True when an override at `level` may pass `status`. */
export function levelPasses(level: OverrideLevel, status: Status): boolean {
  return statusRank(status) <= statusRank(LEVEL_PASSES[level]);
}

/** The lowest override level that passes `status`. */
export function requiredLevel(status: Status): OverrideLevel {
  if (levelPasses('warning', status)) return 'warning';
  if (levelPasses('freeze', status)) return 'freeze';
  return 'exhausted';
}

/** Whether a status blocks under the policy (UNKNOWN follows `on-error`). */
function blocks(policy: ResolvedPolicy, status: Status): boolean {
  return status === 'UNKNOWN' ? policy.onError === 'block' : isAtOrPast(status, policy.blockOn);
}

export function decide(policy: ResolvedPolicy, findings: readonly Finding[]): Report['decision'] {
  const bySeverity = [...findings].sort((a, b) => statusRank(b.status) - statusRank(a.status));
  // Advisory rules (shadow mode) are reported, never decide: only enforced findings make the status.
  const sorted = bySeverity.filter((f) => f.enforcement !== 'advisory');
  const wouldHaveBlocked = bySeverity
    .filter((f) => f.enforcement === 'advisory' && f.status !== 'NORMAL' && blocks(policy, f.status))
    .map((f) => ({ rule: f.rule ?? f.source, status: f.status, message: f.message }));
  const status = worstStatus(sorted.map((f) => f.status));
  const blocked = blocks(policy, status);
  const reasons = sorted.map((f) => f.message);
  const nextSteps: string[] = [];
  if (status === 'UNKNOWN') {
    nextSteps.push(
      policy.onError === 'block'
        ? 'The gate could not evaluate the policy and fails closed: fix the error above and re-run, or set on-error: allow to let deploys through when Prometheus cannot answer.'
        : 'The gate could not evaluate the policy; on-error: allow lets the deploy through. Fix the error above.',
    );
  }
  if (blocked) {
    const level = requiredLevel(status);
    const who = policy.overrides.levels[level].permission;
    nextSteps.push(
      `To deploy anyway, dispatch the workflow with override: ${level} and an override-reason of at least ${policy.overrides.minReasonLength} characters; this needs the ${who} role on the repository${
        policy.overrides.levels[level].requireEnvironmentApproval ? ' and an approved environment deployment' : ''
      }.`,
    );
    // Notes (status NORMAL) explain; they never block, so they prompt no step of their own here.
    const blocking = sorted.filter((f) => f.status !== 'NORMAL');
    if (blocking.some((f) => (f.source === 'budget' || f.source === 'burn-rate') && f.code !== 'no-data')) {
      nextSteps.push('Otherwise wait for the error budget to recover, or ship only the fix for the errors that burn it.');
    }
    if (blocking.some((f) => f.source === 'burn-rate' && f.code === 'no-data')) {
      nextSteps.push(
        'A fast-burn guard could not be evaluated because a window of it has no data, and unknown-guards is block: fix the query or the scraping named above, or set unknown-guards: allow to show unknown guards without blocking.',
      );
    }
  } else if (status !== 'NORMAL' && status !== 'UNKNOWN') {
    nextSteps.push(`Deploys are allowed (status ${status} is below block-on ${policy.blockOn}); deploy with care.`);
  }
  return {
    canDeploy: !blocked,
    status,
    blockOn: policy.blockOn,
    mode: policy.mode,
    onError: policy.onError,
    overridden: false,
    reasons,
    nextSteps,
    requiredOverride: blocked ? requiredLevel(status) : null,
    requiredPermission: blocked ? policy.overrides.levels[requiredLevel(status)].permission : null,
    ...(wouldHaveBlocked.length > 0 ? { wouldHaveBlocked } : {}),
    ...(policy.escalation !== undefined ? { escalation: policy.escalation } : {}),
  };
}

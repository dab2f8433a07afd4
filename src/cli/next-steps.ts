/**
 * "What to do next" in the CLI's words. The gate's own next steps speak to the
 * Action (dispatch the workflow with the `override` input, set `on-error` as an
 * input); the CLI runs in any CI or on a laptop, where the same things are
 * flags, and where an override is recorded only in the report: the
 * deploy-governor app logs only overrides that the Action records with an OIDC
 * token binding the report to its workflow run.
 */
import type { OverrideLevelInput } from '../core/policy/inputs.js';
import type { ResolvedPolicy } from '../core/policy/resolve-policy.js';
import type { Report } from '../core/report/report-schema.js';

export function cliNextSteps(report: Report, policy: ResolvedPolicy, requested: OverrideLevelInput | undefined): string[] {
  const d = report.decision;
  const steps: string[] = [];
  if (requested !== undefined && requested !== 'none' && d.canDeploy && !d.overridden) {
    steps.push(`An override (${requested}) was requested but not needed: the deploy is allowed. Nothing was recorded.`);
  }
  if (d.status === 'UNKNOWN') {
    steps.push(
      d.onError === 'block'
        ? 'The gate could not evaluate the policy and fails closed: fix the error above and run it again, or pass --on-error allow (on-error: allow in the policy) to let deploys through when Prometheus cannot answer.'
        : 'The gate could not evaluate the policy; on-error allow lets the deploy through. Fix the error above.',
    );
  }
  if (d.overridden && report.override) {
    steps.push(
      `The deploy proceeds under an override by ${report.override.actor}, recorded in this report only (print it with --json, keep it with --report-path). ` +
        'The deploy-governor app logs only overrides that the Action records with an OIDC token binding the report to its workflow run, so this one is not in the audit log.',
    );
  } else if (!d.canDeploy && d.requiredOverride !== null) {
    const level = d.requiredOverride;
    const rule = policy.overrides.levels[level];
    steps.push(
      rule.requireEnvironmentApproval
        ? `Override level ${level} requires an approved deployment, which only a GitHub Actions run can show: override from the deploy workflow instead (the Action's override input).`
        : `To deploy anyway, run again with --override ${level} --override-reason "<why, at least ${policy.overrides.minReasonLength} characters>" --repo owner/name and GITHUB_TOKEN set to your own token; ` +
            `GitHub must give you the ${rule.permission} role or higher on that repository.`,
    );
    if (report.findings.some((f) => f.source === 'budget' || f.source === 'burn-rate')) {
      steps.push('Otherwise wait for the error budget to recover, or ship only the fix for the errors that burn it.');
    }
  } else if (d.canDeploy && d.status !== 'NORMAL' && d.status !== 'UNKNOWN') {
    steps.push(`Deploys are allowed (status ${d.status} is below block-on ${d.blockOn}); deploy with care.`);
  }
  return steps;
}

/** The report with the CLI's next steps. */
export function withCliNextSteps(report: Report, policy: ResolvedPolicy, requested: OverrideLevelInput | undefined): Report {
  return { ...report, decision: { ...report.decision, nextSteps: cliNextSteps(report, policy, requested) } };
}

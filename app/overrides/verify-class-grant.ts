/**
 * Whether a change class that let the Action's deploy through may go into the
 * audit log. The report is believed only for what the run's OIDC token binds
 * to a default-branch run: the report's digest (so its status, environment and
 * the class it claims) and, from the token's claims, who started the run. The
 * class itself is derived again here from GitHub's evidence for the check
 * run's commit (src/gate/classify-change.ts, as the gate reads it: the
 * labeller and their role, the default branch, the deployments), and the
 * policy on the default branch must let that class through at the status.
 */
import { classPermission } from '../../src/core/change-class/apply-change-class.js';
import { classesAllowedAt } from '../../src/core/change-class/change-class-policy.js';
import type { ResolvedClass } from '../../src/core/change-class/resolve-change-class.js';
import type { ResolvedPolicy } from '../../src/core/policy/resolve-policy.js';
import type { Report } from '../../src/core/report/report-schema.js';
import type { GitHubClient } from '../../src/github/client.js';
import type { RunTokenVerifier } from '../../src/oidc/verify-run-token.js';
import { readChangeClass } from '../../src/gate/classify-change.js';
import { checkReportToken } from './check-report-token.js';
import { readPolicy, type CheckRunSite } from './verify-override.js';

export type ClassGrantVerification =
  | {
      ok: true;
      policy: ResolvedPolicy;
      /** The class as the app derived it from GitHub. */
      resolved: ResolvedClass;
      /** Who started the run, from the verified token (the input's chooser when the class came from the input). */
      actor: string;
    }
  | { ok: false; problems: string[] };

export async function verifyClassGrant(
  client: GitHubClient,
  verifier: RunTokenVerifier,
  site: CheckRunSite,
  report: Report,
): Promise<ClassGrantVerification> {
  const claimed = report.decision.changeClass!;
  const run = report.run;
  if (run?.runId == null) return { ok: false, problems: ['the report names no workflow run'] };
  const policyOrProblem = await readPolicy(client, site, report.environment);
  if (typeof policyOrProblem === 'string') return { ok: false, problems: [policyOrProblem] };
  const policy = policyOrProblem;
  const bound = await checkReportToken(verifier, report, 'a change-class grant', {
    repository: `${site.owner}/${site.repo}`,
    runId: run.runId,
    runAttempt: run.runAttempt ?? 1,
    actor: null,
    sha: site.checkRunSha,
    allowedRefs: [`refs/heads/${site.defaultBranch}`, ...policy.overrides.refs],
    anyEvent: true,
  });
  // Nothing from an unbound report is worth GitHub's reads.
  if (bound.problems.length > 0 || bound.actor === null) return { ok: false, problems: bound.problems };
  const classes = policy.changeClasses;
  if (classes === undefined) return { ok: false, problems: ['the policy on the default branch has no change-classes section'] };
  const status = report.decision.status;
  const resolved = await readChangeClass(
    { ...policy, changeClasses: classes },
    {
      github: { client, owner: site.owner, repo: site.repo },
      sha: site.checkRunSha,
      // The class named by the input is the report's (bound by the token); who chose it is the token's actor.
      ...(claimed.source === 'input' ? { input: { name: claimed.name, actor: bound.actor } } : {}),
    },
    classPermission(report, policy, classes),
  );
  const problems: string[] = [];
  if (resolved.name !== claimed.name) {
    problems.push(
      `the report claims a ${claimed.name} deploy (${claimed.detail}), but GitHub's evidence makes it a ${resolved.name} deploy (${resolved.detail})${resolved.notes.length > 0 ? `: ${resolved.notes.join('; ')}` : ''}`,
    );
  }
  const allowed = classesAllowedAt(classes, status);
  if (!allowed.includes(resolved.name)) {
    problems.push(
      `the policy on the default branch lets ${allowed.length === 0 ? 'no class' : allowed.join(', ')} through at ${status}, not ${resolved.name}`,
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, policy, resolved, actor: bound.actor };
}

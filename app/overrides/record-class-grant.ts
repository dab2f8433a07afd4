/**
 * A change class that let the Action's deploy through (its check run's
 * report), recorded like an override: verified (verify-class-grant.ts), then
 * written to the audit log and the ledger (audit-class-grant.ts). A grant that
 * does not verify opens one alert issue per check run (labelled
 * `deploy-governor-alert`) saying what failed, and the pull-request comment
 * shows the deploy as blocked.
 */
import { classGrantRecord } from '../../src/core/audit/class-grant-record.js';
import { inert } from '../../src/core/render/inert-markdown.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { openIssueOnce } from '../../src/github/open-issue.js';
import { auditClassGrant } from './audit-class-grant.js';
import type { OverrideDeps, OverrideOutcome, OverrideSite } from './record-override.js';
import { verifyClassGrant } from './verify-class-grant.js';

const ALERT_LABEL = 'deploy-governor-alert';

/** The report's run link when it is this repository's run it names; else none (the report is only as good as its run). */
function runUrlOf(report: Report, site: OverrideSite): string | null {
  const url = report.run?.runUrl ?? null;
  return url?.endsWith(`/${site.owner}/${site.repo}/actions/runs/${report.run?.runId}`) ? url : null;
}

export async function recordClassGrant(deps: OverrideDeps, site: OverrideSite, report: Report): Promise<OverrideOutcome> {
  const { client, log, appId } = deps;
  const claimed = report.decision.changeClass!;
  const verification = await verifyClassGrant(client, deps.verifier, site, report);
  if (!verification.ok) {
    log.warn({ problems: verification.problems, checkRun: site.checkRunId }, 'change-class grant failed verification; not logged');
    const alert = await openIssueOnce(
      client,
      site.owner,
      site.repo,
      {
        key: `alert-class-grant-${site.checkRunId}`,
        title: `deploy-governor: unverified change-class grant on ${report.environment} (run ${report.run?.runId ?? 'unknown'}) was not logged`,
        labels: [ALERT_LABEL],
        body: [
          `A check run reported that a ${inert(claimed.name)} deploy to ${inert(report.environment)} passed ${inert(report.decision.status)} on its change class, but the grant failed verification, so it was **not** written to the audit log:`,
          '',
          ...verification.problems.map((p) => `- ${inert(p)}`),
          '',
          `Check run: ${site.checkRunUrl ?? String(site.checkRunId)}. Claimed: ${inert(claimed.name)} from ${inert(claimed.source)} (${inert(claimed.detail)}).`,
        ].join('\n'),
      },
      appId,
    );
    return { verified: false, problems: verification.problems, alert: alert.number };
  }
  const { resolved, policy } = verification;
  // The class, its source and its evidence as the app read them from GitHub, not as the report tells them.
  const derived: Report = {
    ...report,
    decision: { ...report.decision, changeClass: { ...claimed, source: resolved.source, detail: resolved.detail } },
  };
  const record = classGrantRecord(derived, {
    repository: `${site.owner}/${site.repo}`,
    via: 'action',
    sha: site.checkRunSha,
    runId: report.run!.runId!,
    runAttempt: report.run!.runAttempt ?? 1,
    runUrl: runUrlOf(report, site),
    actor: verification.actor,
    // The report's time: every delivery of this check run writes the same record.
    at: new Date(report.evaluatedAt),
  })!;
  const { branch, path } = policy.audit;
  await auditClassGrant({ client, appId, log, ledger: deps.ledger }, { owner: site.owner, repo: site.repo, branch, path }, record);
  return { verified: true };
}

/**
 * An override reported by a check run: verified against GitHub and the run's
 * OIDC token, then written to the audit log and the ledger; a review issue for
 * the statuses that need a sign-off. Anything that does not verify, a record id
 * already logged with other content, and a log that can no longer be trusted
 * each open one alert issue (labelled `deploy-governor-alert`) saying exactly
 * what failed.
 */
import { escalationLine } from '../../src/core/render/escalation.js';
import type { Logger } from 'probot';
import { auditRecordFromReport, type AuditRecord } from '../../src/core/audit/audit-record.js';
import { inert } from '../../src/core/render/inert-markdown.js';
import type { Report } from '../../src/core/report/report-schema.js';
import type { GitHubClient } from '../../src/github/client.js';
import { openIssueOnce } from '../../src/github/open-issue.js';
import type { RunTokenVerifier } from '../../src/oidc/verify-run-token.js';
import { verifyOverride, type CheckRunSite } from './verify-override.js';
import { alertUntrustedLog } from './alert-untrusted-log.js';
import { writeAuditRecord, type LedgerTarget } from './write-audit-record.js';

const ALERT_LABEL = 'deploy-governor-alert';
const REVIEW_LABEL = 'deploy-override';

/** Statuses whose overrides need a human sign-off (UNKNOWN too: the gate could not see the service's health). */
const REVIEWED_STATUSES = new Set(['FREEZE', 'EXHAUSTED', 'UNKNOWN']);

export interface OverrideDeps {
  client: GitHubClient;
  log: Logger;
  appId: number;
  verifier: RunTokenVerifier;
  /** The ledger's client, or null when the operator set none (throws when it is set but unreachable). */
  ledger: () => Promise<LedgerTarget | null>;
}

export interface OverrideSite extends CheckRunSite {
  checkRunId: number;
  checkRunUrl: string | null;
}

/** What the check run's override turned out to be; the PR comment says so. */
export type OverrideOutcome = { verified: true } | { verified: false; problems: string[]; alert: number };

const json = (value: unknown) => ['```json', JSON.stringify(value, null, 2), '```'];

function reviewBody(record: Record<string, unknown>, at: { branch: string; path: string }, escalation: string | undefined): string {
  // The default branch's policy names who decides disagreements: a real mention, on purpose.
  const decides = escalationLine(escalation, 'Questions about this override?');
  return [
    `An override let a deploy to ${inert(String(record.environment))} through at status **${inert(String(record.status))}**. Please review it.`,
    '',
    `The record as written to ${inert(at.path)} on the branch ${inert(at.branch)} (check the log with \`deploy-governor audit verify --repo\`):`,
    '',
    // Pretty-printed JSON cannot close the fence (every line starts with spaces, a quote or a bracket),
    // and nothing inside a code block mentions, links or renders HTML.
    ...json(record),
    '',
    '**Sign-off**',
    '',
    '- [ ] The reason justified overriding the policy',
    '- [ ] The deploy was watched until it was healthy',
    '- [ ] Follow-up work (incident, postmortem, fix) is tracked',
    '- [ ] Signed off by the service owner',
    ...(decides !== null ? ['', decides] : []),
  ].join('\n');
}

export async function recordOverride(deps: OverrideDeps, site: OverrideSite, report: Report): Promise<OverrideOutcome> {
  const { client, log, appId } = deps;
  const { owner, repo } = site;
  const o = report.override!;
  const verification = await verifyOverride(client, deps.verifier, site, report);
  if (!verification.ok) {
    log.warn({ problems: verification.problems, checkRun: site.checkRunId }, 'override failed verification; not logged');
    // One alert per check run: a forgery that names a real run cannot pre-empt the alert of another.
    const alert = await openIssueOnce(
      client,
      owner,
      repo,
      {
        key: `alert-override-${site.checkRunId}`,
        title: `deploy-governor: unverified override on ${report.environment} (run ${o.runId ?? 'unknown'}) was not logged`,
        labels: [ALERT_LABEL],
        body: [
          `A check run reported an override of a deploy to ${inert(report.environment)} that failed verification, so it was **not** written to the audit log:`,
          '',
          ...verification.problems.map((p) => `- ${inert(p)}`),
          '',
          `Check run: ${site.checkRunUrl ?? String(site.checkRunId)}. Claimed: ${inert(o.actor)}, level ${inert(o.level)}, run ${o.runId ?? 'none'} attempt ${o.runAttempt ?? 'none'}.`,
        ].join('\n'),
      },
      appId,
    );
    return { verified: false, problems: verification.problems, alert: alert.number };
  }
  const policy = verification.policy!;
  const base = auditRecordFromReport(report, `${owner}/${repo}`, site.checkRunSha)!;
  // Who approved comes from GitHub, not from the report; the record says what was verified and how.
  const record: AuditRecord = {
    ...base,
    approvers: verification.verified.approvals,
    run_url: verification.runUrl ?? base.run_url,
    verified: verification.verified,
  };
  const at = { owner, repo, branch: policy.audit.branch, path: policy.audit.path };
  const written = await writeAuditRecord(client, at, record, await deps.ledger());
  log.info({ id: record.id, outcome: written.kind }, 'override audit');
  if (written.kind === 'conflict') {
    await openIssueOnce(
      client,
      owner,
      repo,
      {
        key: `alert-conflict-${record.id}-${site.checkRunId}`,
        title: `deploy-governor: two different overrides claim the record ${record.id}`,
        labels: [ALERT_LABEL],
        body: [
          `The audit log already holds a record with the id ${inert(record.id)}, with different content. The log keeps the first; this one was not written. One of them did not come from the run it names, or the run recorded two overrides.`,
          '',
          'In the log:',
          ...json(written.earlier),
          '',
          `From check run ${site.checkRunUrl ?? String(site.checkRunId)}:`,
          ...json(record),
        ].join('\n'),
      },
      appId,
    );
    return { verified: true };
  }
  if (written.kind === 'refused') {
    await alertUntrustedLog(client, appId, at, written, { name: `the override ${record.id}`, record });
    return { verified: true };
  }
  // Also on a duplicate: a delivery that logged the record but failed before opening the issue is completed by its redelivery.
  if (REVIEWED_STATUSES.has(record.status)) {
    await openIssueOnce(
      client,
      owner,
      repo,
      {
        key: `review-${record.id}`,
        title: `Deploy override review: ${record.environment} ${record.at.slice(0, 10)}`,
        labels: [REVIEW_LABEL],
        body: reviewBody(written.logged, at, policy.escalation),
      },
      appId,
    );
  }
  return { verified: true };
}

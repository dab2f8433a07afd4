/**
 * Writes an override from a check-run report to the repository's audit log,
 * after checking the run through the API; a report that fails the checks is
 * raised as an alert issue instead.
 */
import type { Logger } from 'probot';
import { auditRecordFromReport, auditRecordId } from '../../src/core/audit/audit-record.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { inert } from '../../src/core/render/inert-markdown.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { appendAuditRecord } from '../../src/github/append-audit-record.js';
import type { GitHubClient } from '../../src/github/client.js';
import { openIssueOnce } from '../../src/github/open-issue.js';
import { readRepoPolicy } from '../../src/github/read-repo-policy.js';
import { verifyOverrideRun } from '../../src/github/verify-override-run.js';

async function auditLocation(client: GitHubClient, owner: string, repo: string, environment: string, log: Logger) {
  try {
    const policy = resolvePolicy(await readRepoPolicy(client, owner, repo), gateInputsSchema.parse({ environment }));
    return policy.audit;
  } catch (error: unknown) {
    // A broken policy must not lose an override: write to the default location and say so.
    if (!(error instanceof PolicyError)) throw error;
    log.warn({ err: error.message }, 'policy invalid; using the default audit location');
    return { branch: 'deploy-governor-audit', path: 'audit/overrides.jsonl' };
  }
}

/** Statuses whose overrides need a human sign-off (UNKNOWN too: the gate could not see the service's health). */
const REVIEWED_STATUSES = new Set(['FREEZE', 'EXHAUSTED', 'UNKNOWN']);

function reviewBody(environment: string, status: string, logged: Record<string, unknown>, at: { branch: string; path: string }): string {
  return [
    `An override let a deploy to ${inert(environment)} through at status **${inert(status)}**. Please review it.`,
    '',
    `The record as written to ${inert(at.path)} on the branch ${inert(at.branch)} (check the log with \`npx deploy-governor audit verify --repo\`):`,
    '',
    // Pretty-printed JSON cannot close the fence (every line starts with spaces, a quote or a bracket),
    // and nothing inside a code block mentions, links or renders HTML.
    '```json',
    JSON.stringify(logged, null, 2),
    '```',
    '',
    '**Sign-off**',
    '',
    '- [ ] The reason justified overriding the policy',
    '- [ ] The deploy was watched until it was healthy',
    '- [ ] Follow-up work (incident, postmortem, fix) is tracked',
    '- [ ] Signed off by the service owner',
  ].join('\n');
}

export async function recordOverride(client: GitHubClient, log: Logger, owner: string, repo: string, report: Report, checkRunSha: string, checkRunUrl: string | null): Promise<void> {
  const verdict = await verifyOverrideRun(client, owner, repo, report, checkRunSha);
  if (!verdict.ok) {
    log.warn({ problems: verdict.problems }, 'override failed verification; not logged');
    await openIssueOnce(client, owner, repo, {
      key: `alert-${auditRecordId(report.override?.runId ?? null, report.override?.runAttempt ?? null, report.environment)}`,
      title: `deploy-governor: unverifiable override on ${report.environment} (run ${report.override?.runId ?? 'unknown'})`,
      labels: ['deploy-governor-alert'],
      body: [
        'A check run reported a deploy override that does not match its workflow run, so it was **not** written to the audit log:',
        '',
        ...verdict.problems.map((p) => `- ${inert(p)}`),
        '',
        `Check run: ${checkRunUrl ?? 'unknown'}. Claimed actor: ${inert(report.override?.actor ?? 'unknown')}.`,
      ].join('\n'),
    });
    return;
  }
  const record = auditRecordFromReport(report, `${owner}/${repo}`, checkRunSha);
  if (!record) return;
  if (verdict.runUrl) record.run_url = verdict.runUrl;
  const at = await auditLocation(client, owner, repo, report.environment, log);
  const outcome = await appendAuditRecord(client, { owner, repo, ...at }, record);
  log.info({ id: record.id, appended: outcome.appended, attempts: outcome.attempts }, 'override audit');
  // Also on a duplicate: a delivery that logged the record but failed before opening the issue is completed by its redelivery.
  if (REVIEWED_STATUSES.has(record.status)) {
    await openIssueOnce(client, owner, repo, {
      key: `review-${record.id}`,
      title: `Deploy override review: ${record.environment} ${record.at.slice(0, 10)}`,
      labels: ['deploy-override'],
      body: reviewBody(record.environment, record.status, outcome.logged, at),
    });
  }
}

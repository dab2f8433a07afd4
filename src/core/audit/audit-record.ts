/**
 * One override in the audit log. Field names are the log's contract (snake_case,
 * documented in the README); `hash` and `prev_hash` are added by the chain.
 */
import type { Report } from '../report/report-schema.js';

export interface AuditRecord {
  [key: string]: unknown;
  /** `<run_id>-<run_attempt>-<environment>`: one override per run attempt and environment. */
  id: string;
  at: string;
  repository: string;
  environment: string;
  actor: string;
  level: string;
  reason: string;
  status: string;
  budget_remaining: number | null;
  run_id: number | null;
  run_attempt: number | null;
  run_url: string | null;
  sha: string | null;
  approvers: string[];
}

function auditRecordId(runId: number | null, runAttempt: number | null, environment: string): string {
  return `${runId ?? 'none'}-${runAttempt ?? 1}-${environment}`;
}

/** The audit record of an overridden report, or null when the report carries no override. */
export function auditRecordFromReport(report: Report, repository: string, sha: string | null): AuditRecord | null {
  const o = report.override;
  if (!o || !report.decision.overridden) return null;
  return {
    id: auditRecordId(o.runId, o.runAttempt, report.environment),
    at: o.at,
    repository,
    environment: report.environment,
    actor: o.actor,
    level: o.level,
    reason: o.reason,
    status: report.decision.status,
    budget_remaining: report.budget.remaining,
    run_id: o.runId,
    run_attempt: o.runAttempt,
    run_url: report.run?.runUrl ?? null,
    sha: sha ?? report.run?.sha ?? null,
    approvers: o.approvers,
  };
}

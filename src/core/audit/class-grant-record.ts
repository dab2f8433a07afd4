/**
 * A change class that let a blocked deploy through (issue 16), in the audit
 * log: an override granted by the policy, so it is a record of its own `kind`
 * beside the overrides and the freezes, chained by the same rules
 * (hash-chain.ts) and verified by the same `audit verify`. Written by the app
 * only once it has the class from GitHub's evidence itself: in its protection
 * rule, or after re-deriving the class the Action's report claims.
 */
import type { Report } from '../report/report-schema.js';

/** Who let the deploy through on the class: the app's protection rule, or the Action's gate (verified by the app). */
type ClassGrantVia = 'protection-rule' | 'action';

/** One class grant. Field names are the log's contract (snake_case, README). */
export interface ClassGrantRecord {
  [key: string]: unknown;
  kind: 'change-class';
  /**
   * `change-class-rule-<run>-<environment>` (the protection rule answers a run once per environment) or
   * `change-class-action-<run>-<attempt>-<environment>`: a redelivery finds it logged and writes nothing.
   */
  id: string;
  at: string;
  repository: string;
  environment: string;
  /** The class, where it came from (`label`, `trailer`, `rollback`, `input`) and GitHub's evidence for it. */
  class: string;
  source: string;
  detail: string;
  /** The status the class let the deploy through. */
  status: string;
  budget_remaining: number | null;
  /** Who chose the class by the `change-class` input (GitHub's word for the run's actor); null for any other source. */
  actor: string | null;
  /** What granted it: always the policy's `change-classes.allow`. */
  reason: string;
  via: ClassGrantVia;
  /** The deployed commit (null: unknown, which only the input could classify). */
  sha: string | null;
  run_id: number;
  run_attempt: number | null;
  run_url: string | null;
}

export interface ClassGrantFacts {
  repository: string;
  via: ClassGrantVia;
  /** The deployed commit (null: unknown, which only the input could classify). */
  sha: string | null;
  runId: number;
  runAttempt: number | null;
  runUrl: string | null;
  /** The input's actor when the class came from the input (from GitHub, never from the report). */
  actor: string | null;
  at: Date;
}

/** Whether the report's change class let a blocked deploy through (and no override did): a grant to record. */
export function isClassGrant(report: Report): boolean {
  const d = report.decision;
  return d.changeClass?.allowedThrough === true && d.canDeploy && !d.overridden;
}

/** The record of a report whose class let it through; null when no class did (or an override did instead). */
export function classGrantRecord(report: Report, f: ClassGrantFacts): ClassGrantRecord | null {
  const d = report.decision;
  const c = d.changeClass;
  if (!c || !isClassGrant(report)) return null;
  const id =
    f.via === 'protection-rule'
      ? `change-class-rule-${f.runId}-${report.environment}`
      : `change-class-action-${f.runId}-${f.runAttempt ?? 1}-${report.environment}`;
  return {
    kind: 'change-class',
    id,
    at: f.at.toISOString(),
    repository: f.repository,
    environment: report.environment,
    class: c.name,
    source: c.source,
    detail: c.detail,
    status: d.status,
    budget_remaining: report.budget.remaining,
    actor: c.source === 'input' ? f.actor : null,
    reason: `${d.status} lets ${c.name} deploys through (change-classes.allow)`,
    via: f.via,
    sha: f.sha,
    run_id: f.runId,
    run_attempt: f.runAttempt,
    run_url: f.runUrl,
  };
}

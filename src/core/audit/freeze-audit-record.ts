/**
 * Freezes on command in the audit log (issue 15): a freeze set and a freeze
 * lifted are records of their own `kind` beside the overrides, chained by the
 * same rules (hash-chain.ts) and verified by the same `audit verify`. An
 * override record has no `kind` (logs written before freezes were audited stay
 * valid as they are).
 */
import type { FreezeRecord } from '../postmortem/issue-metadata.js';

/** How a freeze ended: `/unfreeze`, its issue closed or unlabelled by someone allowed, or its end reached. */
export type FreezeEnd = 'command' | 'closed' | 'unlabeled' | 'expired';

/** One freeze set (`freeze`) or lifted (`unfreeze`). Field names are the log's contract (snake_case, README). */
export interface FreezeAuditRecord {
  [key: string]: unknown;
  kind: 'freeze' | 'unfreeze';
  /** `freeze-<issue>` or `unfreeze-<issue>`: one of each per freeze issue, so a redelivery is a duplicate, not a second record. */
  id: string;
  /** When it was set or lifted (for an expiry: the freeze's end). */
  at: string;
  /** `owner/name` of the repository that keeps the freeze's issue (`<owner>/.github` for an organisation-wide freeze). */
  repository: string;
  /** The environment frozen, or `all`. */
  environment: string;
  /** `organisation`: every repository of the owner (a freeze kept in `<owner>/.github`). */
  scope: 'repository' | 'organisation';
  /** Who set or lifted it (as GitHub names them); null for an expiry. */
  actor: string | null;
  /** The freeze's reason, as typed. */
  reason: string;
  /** The freeze's end as set. */
  until: string;
  /** The freeze's issue in `repository`. */
  issue: number;
  /** How it was set (`command`) or lifted. */
  how: FreezeEnd;
}

export interface FreezeChangeFacts {
  change: 'freeze' | 'unfreeze';
  repository: string;
  organisationWide: boolean;
  issue: number;
  record: FreezeRecord;
  actor: string | null;
  at: string;
  how: FreezeEnd;
}

/** The audit record of a freeze set or lifted. */
export function freezeAuditRecord(f: FreezeChangeFacts): FreezeAuditRecord {
  return {
    kind: f.change,
    id: `${f.change}-${f.issue}`,
    at: f.at,
    repository: f.repository,
    environment: f.record.scope,
    scope: f.organisationWide ? 'organisation' : 'repository',
    actor: f.actor,
    reason: f.record.reason,
    until: f.record.until,
    issue: f.issue,
    how: f.how,
  };
}

/**
 * A change class that let a blocked deploy through, written to the audit log
 * and the ledger like an override (src/core/audit/class-grant-record.ts),
 * through the same checked append (write-audit-record.ts). Its id is per run and
 * environment: a redelivery finds it logged. A redelivery evaluates again, so
 * its record may differ (the time, the budget left); the log keeps the first,
 * and a second grant for the same id is that redelivery, not a forgery.
 */
import type { Logger } from 'probot';
import type { ClassGrantRecord } from '../../src/core/audit/class-grant-record.js';
import type { GitHubClient } from '../../src/github/client.js';
import type { AuditLocation } from '../../src/github/append-audit-record.js';
import { alertUntrustedLog } from './alert-untrusted-log.js';
import { writeAuditRecord, type LedgerTarget } from './write-audit-record.js';

export interface ClassGrantDeps {
  client: GitHubClient;
  /** This app's id: the alert issue for a log that cannot be trusted is looked up among its own. */
  appId: number;
  log: Logger;
  /** The ledger's client, or null when the operator set none (throws when it is set but unreachable). */
  ledger: () => Promise<LedgerTarget | null>;
  now?: Date;
}

/**
 * Appends the record. A log that cannot be trusted opens the alert an override would (the record is in the ledger when
 * there is one); a failed request throws, so the delivery is retried.
 */
export async function auditClassGrant(deps: ClassGrantDeps, at: AuditLocation, record: ClassGrantRecord): Promise<void> {
  const written = await writeAuditRecord(deps.client, at, record, await deps.ledger(), deps.now);
  if (written.kind === 'refused') {
    deps.log.error(
      { id: record.id, problem: written.problem, inLedger: written.inLedger },
      'change-class grant not appended to an audit log that cannot be trusted',
    );
    await alertUntrustedLog(deps.client, deps.appId, at, written, { name: `the change-class grant ${record.id}`, record });
    return;
  }
  const again = written.kind === 'conflict' && written.earlier.kind === 'change-class';
  if (written.kind === 'conflict' && !again) {
    deps.log.error({ id: record.id, earlier: written.earlier }, 'change-class grant conflicts with another kind of record');
    return;
  }
  deps.log.info({ id: record.id, outcome: again ? 'duplicate' : written.kind }, 'change-class grant audit');
}

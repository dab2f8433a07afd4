/**
 * A freeze set or lifted, written to the audit log of the repository that keeps
 * its issue (`<owner>/.github` for an organisation-wide freeze), where the
 * policy's `audit` section puts the log, and to the ledger, through the same
 * checked append as overrides (app/overrides/write-audit-record.ts). The record
 * id is per freeze issue, so a redelivery finds it logged and writes nothing.
 */
import { freezeAuditRecord, type FreezeChangeFacts } from '../../src/core/audit/freeze-audit-record.js';
import { AUDIT_DEFAULTS } from '../../src/core/policy/resolve-policy.js';
import type { PolicyFile } from '../../src/core/policy/schema.js';
import { writeAuditRecord } from '../overrides/write-audit-record.js';
import type { FreezeDeps } from './freeze-deps.js';

/**
 * Appends the record. A log that cannot be trusted or a conflicting record is logged as an error (the record is
 * in the ledger when there is one); a failed request throws, so the delivery is retried.
 * @param file the policy of the repository that keeps the freeze (null when invalid: the audit defaults apply)
 */
export async function auditFreezeChange(
  deps: FreezeDeps,
  where: { owner: string; repo: string },
  file: PolicyFile | null,
  facts: Omit<FreezeChangeFacts, 'repository'>,
): Promise<void> {
  const record = freezeAuditRecord({ ...facts, repository: `${where.owner}/${where.repo}` });
  const at = { ...where, branch: file?.audit?.branch ?? AUDIT_DEFAULTS.branch, path: file?.audit?.path ?? AUDIT_DEFAULTS.path };
  const written = await writeAuditRecord(deps.client, at, record, await deps.ledger());
  if (written.kind === 'appended' || written.kind === 'duplicate') {
    deps.log.info({ id: record.id, outcome: written.kind }, 'freeze audit');
    return;
  }
  deps.log.error(
    {
      id: record.id,
      outcome: written.kind,
      ...(written.kind === 'refused' ? { problem: written.problem, inLedger: written.inLedger } : {}),
    },
    written.kind === 'refused'
      ? 'freeze not appended to an audit log that cannot be trusted'
      : 'freeze audit record conflicts with a logged one',
  );
}

/**
 * The ledger: a copy of every override record, kept by the app in a repository
 * the platform team controls (operator setting `AUDIT_LEDGER_REPO`), one JSON
 * Lines file per service repository at `ledger/<owner>/<repo>.jsonl`, with its
 * own hash chain (the same `prev_hash`/`hash` rules as the log, see
 * hash-chain.ts). Service-repository admins cannot write there, so the ledger
 * witnesses what their log should hold: a record missing from the log
 * (truncation, rollback, deletion), one missing from the ledger (insertion), a
 * different hash (rewrite), and a log that moved.
 */
import { z } from 'zod';

/** One ledger line (before `prev_hash`/`hash` are added by the chain). */
export const ledgerEntrySchema = z.object({
  /** The record's id in the repository's log (`<run_id>-<run_attempt>-<environment>`). */
  id: z.string(),
  /** `owner/repo` of the service repository. */
  repository: z.string(),
  /** Where the app wrote (or meant to write) the record. */
  log: z.object({ branch: z.string(), path: z.string() }),
  /** The record's `hash` in the repository's log; null when the app could not append there (see `problem`). */
  record_hash: z.string().nullable(),
  /** The whole record as logged (with its chain fields when it was appended), so nothing is lost when the log is broken. */
  record: z.record(z.string(), z.unknown()),
  /** Why the record is not in the repository's log (a broken or missing log, a moved log); absent when it is. */
  problem: z.string().optional(),
  /** When the app wrote this line (ISO 8601). */
  at: z.string(),
});

export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** The ledger file that witnesses `owner/repo`'s log. */
export function ledgerPath(repository: string): string {
  return `ledger/${repository.toLowerCase()}.jsonl`;
}

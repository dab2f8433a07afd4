/**
 * Whether the app may append to a repository's audit log: its hash chain is
 * intact and, with a ledger, the log agrees with it (the comparison that
 * `audit verify --ledger` makes, compare-ledger.ts). Pure; the first problem
 * found, or null.
 *
 * Two of the comparison's findings do not refuse an append: a log record the
 * ledger lacks (an interrupted write of the app's own looks the same until its
 * redelivery completes the ledger; `audit verify` still reports it), and ledger
 * entries the app could not append earlier (the log was already untrusted; once
 * the log is restored, appends resume).
 */
import { compareLedger, type LogLocation } from './compare-ledger.js';
import { verifyChain } from './hash-chain.js';
import type { LedgerProblemKind } from './parse-ledger.js';

const TOLERATED: ReadonlySet<LedgerProblemKind> = new Set(['missing-from-ledger', 'not-appended']);

/** `ledgerText` null: no ledger is configured, so only the chain is checked. */
export function logDisagreement(
  logText: string,
  ledgerText: string | null,
  location: LogLocation,
  ledgerName = 'the ledger',
): string | null {
  const chain = verifyChain(logText);
  if (!chain.ok) return `the log's hash chain is broken at line ${chain.line}: ${chain.reason}`;
  if (ledgerText === null) return null;
  const comparison = compareLedger({ logText, ledgerText, location, ledgerName });
  return comparison.problems.find((p) => !TOLERATED.has(p.kind))?.message ?? null;
}

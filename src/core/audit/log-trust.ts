/**
 * Whether the app may append to a repository's audit log: its hash chain is
 * intact and, with a ledger, it still holds every record the ledger witnessed,
 * with the same hashes, at the location the ledger knows. Pure; the first
 * problem found, or null.
 */
import { parseRecords, verifyChain } from './hash-chain.js';
import type { LedgerEntry } from './ledger-entry.js';

export function chainDisagreement(logText: string, witnessed: LedgerEntry[], location?: { branch: string; path: string }): string | null {
  const chain = verifyChain(logText);
  if (!chain.ok) return `the log's hash chain is broken at line ${chain.line}: ${chain.reason}`;
  // Entries the app could not put in the log (it was already untrusted) are not expected in it.
  const expected = witnessed.filter((e) => e.problem === undefined && e.record_hash !== null);
  if (location) {
    const elsewhere = expected.find((e) => e.log.branch !== location.branch || e.log.path !== location.path);
    if (elsewhere) {
      return `the log moved: the ledger knows this repository's log at ${elsewhere.log.branch}:${elsewhere.log.path}, and the policy now names ${location.branch}:${location.path}`;
    }
  }
  const logged = new Map(parseRecords(logText).map((r) => [r.id, r.hash]));
  for (const entry of expected) {
    const hash = logged.get(entry.id);
    if (hash === undefined) return `record ${entry.id} is in the ledger but missing from the log: it was truncated, rolled back or deleted`;
    if (hash !== entry.record_hash) return `record ${entry.id} has hash ${String(hash).slice(0, 12)}… in the log but ${entry.record_hash!.slice(0, 12)}… in the ledger: it was rewritten`;
  }
  return null;
}

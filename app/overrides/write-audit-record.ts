/**
 * Writes a verified override, a freeze set or lifted, or a change-class grant, to the repository's
 * audit log and to the ledger, after checking that the log can still be trusted.
 *
 * Before every append (each attempt re-reads) the log must verify: an intact
 * hash chain; not emptied; and, with a ledger, holding every record the ledger
 * holds for it, with the same hashes, at the location the ledger knows. A log
 * that fails is not appended to (a record chained onto a rewritten log would
 * launder it); the record goes to the ledger only, marked with the problem, so
 * nothing is lost, and the caller raises one alert.
 *
 * Order: the log first, then the ledger (the ledger line carries the log
 * record's hash). A delivery that dies between the two is completed by its
 * redelivery (the record is then a duplicate in the log, and the ledger append
 * is idempotent by id). That is also why a log record the ledger lacks is not
 * refused here: it is what an interrupted write of the app's own looks like.
 * `audit verify --ledger` reports it, and commit provenance tells the two apart.
 */
import type { AuditRecord } from '../../src/core/audit/audit-record.js';
import type { ClassGrantRecord } from '../../src/core/audit/class-grant-record.js';
import type { FreezeAuditRecord } from '../../src/core/audit/freeze-audit-record.js';
import { verifyChain } from '../../src/core/audit/hash-chain.js';
import { ledgerPath, type LedgerEntry } from '../../src/core/audit/ledger-entry.js';
import { logDisagreement } from '../../src/core/audit/log-trust.js';
import { canonicalJson } from '../../src/core/canonical-json.js';
import { appendAuditRecord, type AuditLocation, type LogSnapshot } from '../../src/github/append-audit-record.js';
import type { GitHubClient } from '../../src/github/client.js';
import { pathHasCommits } from '../../src/github/path-has-commits.js';
import { readRepoFile } from '../../src/github/read-repo-file.js';
import { z } from 'zod';

/** Where the ledger lives, with a client of the app's installation there. */
export interface LedgerTarget {
  client: GitHubClient;
  owner: string;
  repo: string;
}

export type AuditWriteOutcome =
  /** In the log (now or by an earlier delivery with the same content) and in the ledger. */
  | { kind: 'appended' | 'duplicate'; logged: Record<string, unknown> }
  /** The id is logged with different content: never overwritten, never silently dropped. */
  | { kind: 'conflict'; earlier: Record<string, unknown> }
  /** The log cannot be trusted: not appended to it; in the ledger (when there is one) with the problem. */
  | { kind: 'refused'; problem: string; inLedger: boolean };

const repoResponse = z.object({ default_branch: z.string() });

/** The record without what the chain and the verification add: what two deliveries of one override (or freeze change) share. */
function reportedContent(record: Record<string, unknown>): string {
  const { hash: _h, prev_hash: _p, verified: _v, ...rest } = record;
  return canonicalJson(rest);
}

async function ledgerLocation(ledger: LedgerTarget, repository: string): Promise<AuditLocation> {
  const repo = repoResponse.parse(
    (await ledger.client.request('GET /repos/{owner}/{repo}', { owner: ledger.owner, repo: ledger.repo })).data,
  );
  return { owner: ledger.owner, repo: ledger.repo, branch: repo.default_branch, path: ledgerPath(repository) };
}

async function appendToLedger(ledger: LedgerTarget, at: AuditLocation, entry: LedgerEntry): Promise<void> {
  const outcome = await appendAuditRecord(ledger.client, at, entry, {
    message: `deploy-governor: ledger ${entry.repository} ${entry.id}${entry.problem ? ' (not in the log)' : ''}`,
    // The ledger is the witness: a broken ledger is the operator's to repair, never appended to.
    check: async (log) => {
      const chain = verifyChain(log.text);
      return chain.ok ? null : `its hash chain is broken at line ${chain.line}: ${chain.reason}`;
    },
  });
  if (!outcome.appended && outcome.reason === 'refused') {
    throw new LedgerUntrusted(
      `the ledger ${at.owner}/${at.repo}:${at.path} cannot be trusted (${outcome.problem}); the record ${entry.id} is not in it`,
    );
  }
}

/** The ledger's own chain is broken: the operator's to repair (it is never appended to meanwhile). */
class LedgerUntrusted extends Error {}

export async function writeAuditRecord(
  client: GitHubClient,
  at: AuditLocation,
  record: AuditRecord | FreezeAuditRecord | ClassGrantRecord,
  ledger: LedgerTarget | null,
  now: Date = new Date(),
): Promise<AuditWriteOutcome> {
  const repository = `${at.owner}/${at.repo}`;
  const ledgerAt = ledger ? await ledgerLocation(ledger, repository) : null;
  const ledgerText = ledger && ledgerAt ? ((await readRepoFile(ledger.client, ledgerAt))?.text ?? '') : null;
  const ledgerName = ledgerAt ? `${ledgerAt.owner}/${ledgerAt.repo}:${ledgerAt.path}` : undefined;
  const check = async (log: LogSnapshot): Promise<string | null> => {
    const problem = logDisagreement(log.text, ledgerText, { repository, branch: at.branch, path: at.path }, ledgerName);
    if (problem) return problem;
    if (log.exists && log.text.trim() === '')
      return `the log ${at.path} on ${at.branch} is empty: it was emptied (the app never writes an empty log)`;
    if (!log.exists && !log.branchMissing && (await pathHasCommits(client, at))) {
      // A concurrent first append may have created the file between the read and this look: look again. If it
      // is there now, go on (the write without a sha then answers 422 and the append re-reads).
      if (await readRepoFile(client, { owner: at.owner, repo: at.repo, path: at.path, ref: at.branch })) return null;
      return `the log ${at.path} on ${at.branch} is missing, but the branch's history has commits to it: it was deleted`;
    }
    return null;
  };
  const outcome = await appendAuditRecord(client, at, record, { check });
  const entry = (logged: Record<string, unknown>, problem?: string): LedgerEntry => ({
    id: record.id,
    repository,
    log: { branch: at.branch, path: at.path },
    record_hash: typeof logged.hash === 'string' && !problem ? logged.hash : null,
    record: logged,
    ...(problem ? { problem } : {}),
    at: now.toISOString(),
  });
  if (outcome.appended) {
    if (ledger && ledgerAt) await appendToLedger(ledger, ledgerAt, entry(outcome.logged));
    return { kind: 'appended', logged: outcome.logged };
  }
  if (outcome.reason === 'refused') {
    if (ledger && ledgerAt) {
      try {
        await appendToLedger(ledger, ledgerAt, entry(record, outcome.problem));
      } catch (error: unknown) {
        // Both witnesses broken: the caller's alert must still go out, holding the record, or nothing would say so.
        if (!(error instanceof LedgerUntrusted)) throw error;
        return { kind: 'refused', problem: `${outcome.problem}; and ${error.message}`, inLedger: false };
      }
    }
    return { kind: 'refused', problem: outcome.problem, inLedger: ledger !== null };
  }
  if (reportedContent(outcome.logged) !== reportedContent(record)) return { kind: 'conflict', earlier: outcome.logged };
  // A redelivery: complete the ledger if the earlier delivery stopped before it.
  if (ledger && ledgerAt) await appendToLedger(ledger, ledgerAt, entry(outcome.logged));
  return { kind: 'duplicate', logged: outcome.logged };
}

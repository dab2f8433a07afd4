/**
 * The ledger as a witness of one repository's log. The ledger (ledger-entry.ts)
 * lives where the repository's admins cannot write, so any difference between
 * it and the log is tampering with the log:
 *
 * - a record in the ledger but not in the log: truncation, a rollback
 *   (force-push to an older commit), a deletion;
 * - a record in the log but not in the ledger: an insertion (the app enters
 *   every record it logs);
 * - the same id with another hash or other content: a rewrite, recomputed or not;
 * - ledger entries naming another branch or path: the log moved.
 *
 * Entries the app marked with a `problem` (it could not append to the log) are a
 * failure of their own, not a missing record. Order is not compared: the app
 * writes the log and the ledger separately, so concurrent overrides may land in
 * a different order in each.
 */
import { canonicalJson } from '../canonical-json.js';
import { parseRecords } from './hash-chain.js';
import { duplicateEntries, notAppended, parseLedger, type LedgerLine, type LedgerProblem } from './parse-ledger.js';

/** The log being verified: which repository, and where in it. */
export interface LogLocation {
  /** `owner/repo`. */
  repository: string;
  branch: string;
  path: string;
}

export interface LedgerComparisonInput {
  /** The log at the head of its branch; null when there is none (deleted, or its branch is gone). */
  logText: string | null;
  /** The repository's ledger file; '' when the ledger holds nothing for it. */
  ledgerText: string;
  location: LogLocation;
  /** How to name the ledger file in messages, e.g. `platform/audit-ledger:main:ledger/octo/shop.jsonl`. */
  ledgerName: string;
}

export interface LedgerComparison {
  ok: boolean;
  /** Ledger entries for records appended at this location. */
  entries: number;
  /** Of those, records the log holds identically. */
  matched: number;
  problems: LedgerProblem[];
}

const CHAIN_FIELDS = new Set(['prev_hash', 'hash']);

function show(value: unknown): string {
  const text = value === undefined ? 'absent' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const shortHash = (hash: unknown) => (typeof hash === 'string' ? `${hash.slice(0, 12)}…` : 'none');

/** Top-level fields whose values differ (compared as canonical JSON). */
function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k]));
}

function describeRewrite(logged: Record<string, unknown>, l: LedgerLine): string {
  const fields = differingFields(logged, l.entry.record);
  const content = fields.filter((f) => !CHAIN_FIELDS.has(f));
  const hashDiffers = logged.hash !== l.entry.record_hash;
  if (content.length === 0) {
    return hashDiffers
      ? `only its chain fields differ (hash ${shortHash(logged.hash)} in the log, ${shortHash(l.entry.record_hash)} in the ledger): a record before it was dropped, inserted or rewritten and the chain recomputed`
      : `its chain fields differ (${fields.join(', ')})`;
  }
  const details = content.slice(0, 4).map((f) => `${f} is ${show(logged[f])} in the log, ${show(l.entry.record[f])} in the ledger`);
  if (content.length > 4) details.push(`${content.length - 4} more field(s)`);
  details.push(
    hashDiffers
      ? `hash ${shortHash(logged.hash)} in the log, ${shortHash(l.entry.record_hash)} in the ledger`
      : 'its hash was not recomputed',
  );
  return details.join('; ');
}

/** Compares one repository's log with its ledger file. */
export function compareLedger(input: LedgerComparisonInput): LedgerComparison {
  const { location } = input;
  const where = `${location.branch}:${location.path}`;
  const parsed = parseLedger(input.ledgerText, input.ledgerName);
  const problems: LedgerProblem[] = [...parsed.problems, ...duplicateEntries(parsed.entries)];

  const mine: LedgerLine[] = [];
  const elsewhere = new Map<string, LedgerLine[]>();
  for (const l of parsed.entries) {
    if (l.entry.repository.toLowerCase() !== location.repository.toLowerCase()) {
      problems.push({
        kind: 'wrong-file',
        id: l.entry.id,
        ledgerLine: l.line,
        message: `ledger line ${l.line} is a record of ${l.entry.repository}, not ${location.repository}: it does not belong in ${input.ledgerName}`,
      });
      continue;
    }
    if (l.entry.log.branch === location.branch && l.entry.log.path === location.path) mine.push(l);
    else {
      const key = `${l.entry.log.branch}:${l.entry.log.path}`;
      elsewhere.set(key, [...(elsewhere.get(key) ?? []), l]);
    }
  }
  for (const [key, lines] of elsewhere) {
    const [branch] = key.split(':');
    const path = key.slice(branch!.length + 1);
    problems.push({
      kind: 'moved',
      ledgerLine: lines[0]!.line,
      message: `the ledger knows this repository's log at ${key} (${lines.length} record(s) from ledger line ${lines[0]!.line}), and this check read ${where}: the log moved; verify that one too (--branch ${branch} --path ${path})`,
    });
  }
  problems.push(...notAppended(mine));

  // The log's records by id, with their lines (corrupt lines carry no id: the chain names them).
  const logged = new Map<string, { line: number; record: Record<string, unknown> }>();
  let lineNo = 0;
  for (const raw of (input.logText ?? '').split('\n')) {
    lineNo += 1;
    if (raw.trim() === '') continue;
    const [record] = parseRecords(raw);
    if (!record) continue;
    if (typeof record.id !== 'string') {
      problems.push({
        kind: 'missing-from-ledger',
        logLine: lineNo,
        message: `log line ${lineNo} has no record id, so no ledger entry can witness it`,
      });
      continue;
    }
    const earlier = logged.get(record.id);
    if (earlier)
      problems.push({
        kind: 'duplicate-in-log',
        id: record.id,
        logLine: lineNo,
        message: `log line ${lineNo} repeats record ${record.id} (first at log line ${earlier.line}): the app appends a record once`,
      });
    else logged.set(record.id, { line: lineNo, record });
  }

  const appended = mine.filter((l) => l.entry.problem === undefined);
  const known = new Set(mine.map((l) => l.entry.id));
  let matched = 0;
  const seen = new Set<string>();
  for (const l of appended) {
    if (seen.has(l.entry.id)) continue;
    seen.add(l.entry.id);
    const found = logged.get(l.entry.id);
    if (!found) {
      problems.push({
        kind: 'missing-from-log',
        id: l.entry.id,
        ledgerLine: l.line,
        message:
          input.logText === null
            ? `record ${l.entry.id} (ledger line ${l.line}, ${l.entry.at}) is missing: there is no log at ${where} (deleted, or its branch was)`
            : `record ${l.entry.id} (ledger line ${l.line}, ${l.entry.at}) is missing from the log: it was truncated, rolled back (force-push) or rewritten without it`,
      });
      continue;
    }
    const same = found.record.hash === l.entry.record_hash && canonicalJson(found.record) === canonicalJson(l.entry.record);
    if (same) matched += 1;
    else
      problems.push({
        kind: 'rewritten',
        id: l.entry.id,
        logLine: found.line,
        ledgerLine: l.line,
        message: `record ${l.entry.id} at log line ${found.line} differs from the ledger (ledger line ${l.line}): ${describeRewrite(found.record, l)}`,
      });
  }
  for (const [id, { line }] of logged) {
    if (known.has(id)) continue;
    problems.push({
      kind: 'missing-from-ledger',
      id,
      logLine: line,
      message: `log line ${line} (record ${id}) is not in the ledger: an insertion (the app enters every record it logs), unless the app's write stopped between the log and the ledger; a redelivery of that override completes the ledger`,
    });
  }
  return { ok: problems.length === 0, entries: seen.size, matched, problems };
}

/**
 * Reads one ledger file (see ledger-entry.ts): its own hash chain, each line
 * parsed against the LedgerEntry contract, and the problems either shows. The
 * comparison with a repository's log (compare-ledger.ts) and the ledger-only
 * check (verify-ledger-file.ts) both start here.
 */
import { z } from 'zod';
import { verifyChain, type ChainVerdict } from './hash-chain.js';
import { ledgerEntrySchema } from './ledger-entry.js';

/** A ledger line as stored: the entry and its chain fields. */
const chainedLedgerEntrySchema = ledgerEntrySchema.extend({ prev_hash: z.string(), hash: z.string() });
type ChainedLedgerEntry = z.infer<typeof chainedLedgerEntrySchema>;

export interface LedgerLine {
  /** 1-based line in the ledger file. */
  line: number;
  entry: ChainedLedgerEntry;
}

export type LedgerProblemKind =
  | 'ledger-broken'
  | 'ledger-malformed'
  | 'wrong-file'
  | 'duplicate-in-ledger'
  | 'not-appended'
  | 'moved'
  | 'missing-from-log'
  | 'missing-from-ledger'
  | 'duplicate-in-log'
  | 'rewritten';

/** One difference found through the ledger; `message` names what and where. */
export interface LedgerProblem {
  kind: LedgerProblemKind;
  /** The record's id, when the problem is about one record. */
  id?: string;
  /** 1-based line in the ledger file. */
  ledgerLine?: number;
  /** 1-based line in the repository's log. */
  logLine?: number;
  message: string;
}

export interface ParsedLedger {
  chain: ChainVerdict;
  /** Every line that is a well-formed entry, in order (even after a broken chain: they are still evidence). */
  entries: LedgerLine[];
  problems: LedgerProblem[];
}

function issuesOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(the line)'}: ${i.message}`)
    .join('; ');
}

/** Parses and chain-checks a ledger file; `file` names it in messages. */
export function parseLedger(text: string, file: string): ParsedLedger {
  const chain = verifyChain(text);
  const problems: LedgerProblem[] = [];
  if (!chain.ok) {
    problems.push({
      kind: 'ledger-broken',
      ledgerLine: chain.line,
      message: `the ledger ${file} is broken at line ${chain.line}: ${chain.reason}; the ledger is append-only, so someone with write access to it changed it`,
    });
  }
  const entries: LedgerLine[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      // The chain already names the first unreadable line; later ones are named here.
      if (chain.ok || chain.line !== line)
        problems.push({ kind: 'ledger-malformed', ledgerLine: line, message: `ledger line ${line} of ${file} is not valid JSON` });
      continue;
    }
    const parsed = chainedLedgerEntrySchema.safeParse(json);
    if (parsed.success) entries.push({ line, entry: parsed.data });
    else
      problems.push({
        kind: 'ledger-malformed',
        ledgerLine: line,
        message: `ledger line ${line} of ${file} is not a ledger entry (${issuesOf(parsed.error)})`,
      });
  }
  return { chain, entries, problems };
}

/**
 * Entries for records the app could not append to the repository's log, as
 * failures of their own. A `problem` entry followed by a proper entry for the
 * same record is not reported: the app appended it on a later attempt.
 */
export function notAppended(entries: LedgerLine[]): LedgerProblem[] {
  const appended = new Set(entries.filter((l) => l.entry.problem === undefined).map((l) => l.entry.id));
  return entries
    .filter((l) => l.entry.problem !== undefined && !appended.has(l.entry.id))
    .map((l) => ({
      kind: 'not-appended' as const,
      id: l.entry.id,
      ledgerLine: l.line,
      message: `the app could not append: ${l.entry.problem} (record ${l.entry.id} for ${l.entry.log.branch}:${l.entry.log.path}, ledger line ${l.line}, ${l.entry.at})`,
    }));
}

/** Ledger lines that repeat a record id already entered (the app's ledger appends are idempotent by id). */
export function duplicateEntries(entries: LedgerLine[]): LedgerProblem[] {
  const first = new Map<string, number>();
  const problems: LedgerProblem[] = [];
  for (const l of entries) {
    if (l.entry.problem !== undefined) continue;
    const seen = first.get(l.entry.id);
    if (seen === undefined) first.set(l.entry.id, l.line);
    else
      problems.push({
        kind: 'duplicate-in-ledger',
        id: l.entry.id,
        ledgerLine: l.line,
        message: `ledger line ${l.line} repeats record ${l.entry.id} (first at ledger line ${seen})`,
      });
  }
  return problems;
}

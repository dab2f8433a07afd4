/**
 * The override audit log is JSON Lines with a hash chain: each record's `hash`
 * is the hex SHA-256 of its `prev_hash` followed by the canonical JSON (keys
 * sorted, no whitespace) of the record without `hash`; the first record's
 * `prev_hash` is 64 zeros. Changing, removing or reordering any line breaks
 * every hash after it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export function hashRecord(record: Record<string, unknown> & { prev_hash: string }): string {
  const { hash: _ignored, ...rest } = record;
  return createHash('sha256').update(record.prev_hash).update(canonicalJson(rest)).digest('hex');
}

/** Sets prev_hash and hash on a record that follows `prevHash`. */
export function chainRecord<T extends Record<string, unknown>>(record: T, prevHash: string): T & { prev_hash: string; hash: string } {
  const withPrev = { ...record, prev_hash: prevHash };
  return { ...withPrev, hash: hashRecord(withPrev) };
}

export type ChainVerdict = { ok: true; records: number } | { ok: false; records: number; line: number; reason: string };

/** Verifies a JSON Lines log; names the first broken line (1-based). Blank lines are not allowed. */
export function verifyChain(text: string): ChainVerdict {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let prev = GENESIS_HASH;
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 1;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return { ok: false, records: i, line: lineNo, reason: 'not valid JSON' };
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record))
      return { ok: false, records: i, line: lineNo, reason: 'not a JSON object' };
    const r = record as Record<string, unknown>;
    if (typeof r.hash !== 'string' || typeof r.prev_hash !== 'string')
      return { ok: false, records: i, line: lineNo, reason: 'missing hash or prev_hash' };
    if (r.prev_hash !== prev)
      return {
        ok: false,
        records: i,
        line: lineNo,
        reason: `prev_hash ${r.prev_hash.slice(0, 12)}… does not match the previous record's hash ${prev.slice(0, 12)}… (a line was removed, reordered or inserted)`,
      };
    const expected = hashRecord(r as Record<string, unknown> & { prev_hash: string });
    if (r.hash !== expected)
      return { ok: false, records: i, line: lineNo, reason: 'hash does not match the record (the record was altered)' };
    prev = r.hash;
  }
  return { ok: true, records: lines.length };
}

/** The last record's hash (the genesis hash for an empty log). */
export function lastHash(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return GENESIS_HASH;
  const last: unknown = JSON.parse(lines.at(-1)!);
  const hash = typeof last === 'object' && last !== null && 'hash' in last ? (last as { hash: unknown }).hash : undefined;
  if (typeof hash !== 'string') throw new Error('the last audit record has no hash');
  return hash;
}

/** Every well-formed record in the log, in order (corrupt lines are skipped: verifyChain reports them). */
export function parseRecords(text: string): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const r: unknown = JSON.parse(line);
      if (typeof r === 'object' && r !== null && !Array.isArray(r)) records.push(r as Record<string, unknown>);
    } catch {
      // A corrupt line has no id to match.
    }
  }
  return records;
}

/** The logged record with this id, or null. */
export function findRecord(text: string, id: string): Record<string, unknown> | null {
  return parseRecords(text).find((r) => r.id === id) ?? null;
}

/**
 * The ledger as a witness (src/core/audit/compare-ledger.ts) and on its own
 * (verify-ledger-file.ts): every difference between a repository's log and its
 * ledger file is named by record id, log line and ledger line.
 */
import { describe, expect, it } from 'vitest';
import { compareLedger, type LogLocation } from '../../src/core/audit/compare-ledger.js';
import { chainRecord, GENESIS_HASH } from '../../src/core/audit/hash-chain.js';
import { ledgerPath, type LedgerEntry } from '../../src/core/audit/ledger-entry.js';
import { repositoryOfLedgerPath, verifyLedgerFile } from '../../src/core/audit/verify-ledger-file.js';

const LOCATION: LogLocation = { repository: 'octo/shop', branch: 'deploy-governor-audit', path: 'audit/overrides.jsonl' };
const LEDGER = 'platform/audit-ledger:main:ledger/octo/shop.jsonl';

type Logged = Record<string, unknown> & { hash: string };

/** Chains records into log lines; `change` rewrites a record before chaining (a recomputed rewrite), null drops it. */
function log(n: number, change: (r: Record<string, unknown>, i: number) => Record<string, unknown> | null = (r) => r): Logged[] {
  const out: Logged[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const r = change(
      {
        id: `${i}-1-production`,
        at: `2026-03-0${i}T10:00:00Z`,
        environment: 'production',
        actor: 'octocat',
        level: 'exhausted',
        reason: `override ${i}`,
      },
      i,
    );
    if (!r) continue;
    const chained = chainRecord(r, prev);
    prev = chained.hash;
    out.push(chained);
  }
  return out;
}

const jsonl = (lines: object[]) => lines.map((l) => `${JSON.stringify(l)}\n`).join('');

function entry(logged: Record<string, unknown>, o: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id: String(logged.id),
    repository: LOCATION.repository,
    log: { branch: LOCATION.branch, path: LOCATION.path },
    record_hash: typeof logged.hash === 'string' ? logged.hash : null,
    record: logged,
    at: '2026-03-01T10:00:01Z',
    ...o,
  };
}

/** A ledger file: the entries chained with the log's rules. */
function ledger(entries: LedgerEntry[]): string {
  let prev = GENESIS_HASH;
  return jsonl(
    entries.map((e) => {
      const chained = chainRecord(e, prev);
      prev = chained.hash;
      return chained;
    }),
  );
}

const compare = (logText: string | null, ledgerText: string) =>
  compareLedger({ logText, ledgerText, location: LOCATION, ledgerName: LEDGER });

describe('compareLedger', () => {
  it('passes a log that holds exactly what the ledger witnessed, in any order', () => {
    const records = log(3);
    expect(compare(jsonl(records), ledger(records.map((r) => entry(r))))).toEqual({ ok: true, entries: 3, matched: 3, problems: [] });
    // Concurrent overrides may reach the log and the ledger in different orders.
    expect(compare(jsonl(records), ledger([...records].reverse().map((r) => entry(r)))).ok).toBe(true);
  });

  it('fails a truncated or rolled-back log: each missing record is named with its ledger line', () => {
    const records = log(5);
    const result = compare(jsonl(records.slice(0, 3)), ledger(records.map((r) => entry(r))));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.kind, p.id, p.ledgerLine])).toEqual([
      ['missing-from-log', '4-1-production', 4],
      ['missing-from-log', '5-1-production', 5],
    ]);
    expect(result.problems[0]!.message).toBe(
      'record 4-1-production (ledger line 4, 2026-03-01T10:00:01Z) is missing from the log: it was truncated, rolled back (force-push) or rewritten without it',
    );
  });

  it('fails a deleted log (or a deleted branch)', () => {
    const records = log(2);
    const result = compare(null, ledger(records.map((r) => entry(r))));
    expect(result.problems.map((p) => p.kind)).toEqual(['missing-from-log', 'missing-from-log']);
    expect(result.problems[0]!.message).toMatch(
      /there is no log at deploy-governor-audit:audit\/overrides\.jsonl \(deleted, or its branch was\)/,
    );
  });

  it('fails an inserted record: in the log, not in the ledger', () => {
    const records = log(3);
    const result = compare(jsonl(records), ledger(records.slice(0, 2).map((r) => entry(r))));
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'missing-from-ledger', id: '3-1-production', logLine: 3 })]);
    expect(result.problems[0]!.message).toMatch(/^log line 3 \(record 3-1-production\) is not in the ledger: an insertion/);
  });

  it('fails an edit without recomputing: same hash, other content', () => {
    const records = log(3);
    const edited = records.map((r, i) => (i === 1 ? { ...r, reason: 'nothing happened' } : r));
    const result = compare(jsonl(edited), ledger(records.map((r) => entry(r))));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'rewritten', id: '2-1-production', logLine: 2, ledgerLine: 2 });
    expect(result.problems[0]!.message).toBe(
      'record 2-1-production at log line 2 differs from the ledger (ledger line 2): reason is "nothing happened" in the log, "override 2" in the ledger; its hash was not recomputed',
    );
  });

  it('fails a re-attributed record with the chain recomputed, and explains the records after it', () => {
    const records = log(3);
    const rewritten = log(3, (r, i) => (i === 2 ? { ...r, actor: 'someone-else' } : r));
    const result = compare(jsonl(rewritten), ledger(records.map((r) => entry(r))));
    expect(result.problems.map((p) => [p.kind, p.id])).toEqual([
      ['rewritten', '2-1-production'],
      ['rewritten', '3-1-production'],
    ]);
    expect(result.problems[0]!.message).toMatch(
      /^record 2-1-production at log line 2 differs from the ledger \(ledger line 2\): actor is "someone-else" in the log, "octocat" in the ledger; hash [0-9a-f]{12}… in the log, [0-9a-f]{12}… in the ledger$/,
    );
    expect(result.problems[1]!.message).toMatch(
      /only its chain fields differ .*: a record before it was dropped, inserted or rewritten and the chain recomputed/,
    );
  });

  it('fails a dropped record with the chain recomputed', () => {
    const records = log(3);
    const dropped = log(3, (r, i) => (i === 2 ? null : r));
    const result = compare(jsonl(dropped), ledger(records.map((r) => entry(r))));
    expect(result.problems.map((p) => [p.kind, p.id, p.logLine ?? null])).toEqual([
      ['missing-from-log', '2-1-production', null],
      ['rewritten', '3-1-production', 2],
    ]);
  });

  it('reports what the app could not append as a failure of its own, not as a missing record', () => {
    const records = log(2);
    const refused = { id: '3-1-production', actor: 'octocat', reason: 'override 3' };
    const entries = [
      ...records.map((r) => entry(r)),
      entry(refused, { record_hash: null, problem: "the log's hash chain is broken at line 2: hash does not match the record" }),
    ];
    const result = compare(jsonl(records), ledger(entries));
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'not-appended', id: '3-1-production', ledgerLine: 3 })]);
    expect(result.problems[0]!.message).toBe(
      "the app could not append: the log's hash chain is broken at line 2: hash does not match the record (record 3-1-production for deploy-governor-audit:audit/overrides.jsonl, ledger line 3, 2026-03-01T10:00:01Z)",
    );
    // Appended on a later attempt: the earlier problem is history, not a failure.
    const later = log(3);
    expect(compare(jsonl(later), ledger([...entries, entry(later[2]!)])).ok).toBe(true);
  });

  it('fails a moved log: the ledger knows the log elsewhere', () => {
    const records = log(3);
    const entries = records.map((r, i) => entry(r, i < 2 ? { log: { branch: 'old-audit', path: 'audit/log.jsonl' } } : {}));
    const result = compare(jsonl(records.slice(2)), ledger(entries));
    const moved = result.problems.filter((p) => p.kind === 'moved');
    expect(moved).toHaveLength(1);
    expect(moved[0]!.message).toBe(
      "the ledger knows this repository's log at old-audit:audit/log.jsonl (2 record(s) from ledger line 1), and this check read deploy-governor-audit:audit/overrides.jsonl: the log moved; verify that one too (--branch old-audit --path audit/log.jsonl)",
    );
  });

  it('fails a ledger that was itself changed, or holds another repository’s record', () => {
    const records = log(2);
    const lines = ledger(records.map((r) => entry(r))).split('\n');
    lines[0] = lines[0]!.replace('"override 1"', '"changed in the ledger"');
    const broken = compare(jsonl(records), lines.join('\n'));
    expect(broken.problems.map((p) => p.kind)).toContain('ledger-broken');
    expect(broken.problems.find((p) => p.kind === 'ledger-broken')!.message).toMatch(
      /^the ledger platform\/audit-ledger:main:ledger\/octo\/shop\.jsonl is broken at line 1: hash does not match the record/,
    );

    const foreign = compare(
      jsonl(records),
      ledger([...records.map((r) => entry(r)), entry({ ...log(1)[0]!, id: '7-1-staging' }, { repository: 'octo/other' })]),
    );
    expect(foreign.problems).toEqual([expect.objectContaining({ kind: 'wrong-file', ledgerLine: 3 })]);
  });

  it('fails a record logged twice', () => {
    const records = log(2);
    const result = compare(jsonl([...records, records[1]!]), ledger(records.map((r) => entry(r))));
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'duplicate-in-log', id: '2-1-production', logLine: 3 })]);
  });
});

describe('verifyLedgerFile', () => {
  it('lists the overrides of an intact ledger file', () => {
    const records = log(2);
    const verdict = verifyLedgerFile(ledgerPath('octo/shop'), ledger(records.map((r) => entry(r))));
    expect(verdict).toMatchObject({ path: 'ledger/octo/shop.jsonl', repository: 'octo/shop', ok: true, problems: [] });
    expect(verdict.overrides.map((o) => [o.id, o.environment, o.level, o.actor, o.reason])).toEqual([
      ['1-1-production', 'production', 'exhausted', 'octocat', 'override 1'],
      ['2-1-production', 'production', 'exhausted', 'octocat', 'override 2'],
    ]);
  });

  it('fails a broken chain, an entry in the wrong file, and what the app could not append', () => {
    const records = log(2);
    const text = ledger([
      entry(records[0]!),
      entry(records[1]!, { repository: 'octo/web' }),
      entry({ id: '9-1-production' }, { record_hash: null, problem: 'the log was deleted' }),
    ]);
    const verdict = verifyLedgerFile('ledger/octo/shop.jsonl', text);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.map((p) => p.kind).sort()).toEqual(['not-appended', 'wrong-file']);
    expect(verdict.overrides.at(-1)).toMatchObject({ id: '9-1-production', problem: 'the log was deleted' });
    const tampered = text.replace('"override 1"', '"override one"');
    expect(verifyLedgerFile('ledger/octo/shop.jsonl', tampered).problems.map((p) => p.kind)).toContain('ledger-broken');
  });

  it('names the repository of a ledger path', () => {
    expect(repositoryOfLedgerPath('ledger/octo/shop.jsonl')).toBe('octo/shop');
    expect(repositoryOfLedgerPath('ledger/octo/shop.json')).toBeNull();
    expect(repositoryOfLedgerPath('README.md')).toBeNull();
  });
});

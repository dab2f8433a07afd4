/**
 * Commit provenance of the audit log (src/core/audit/verify-history.ts): every
 * commit that touched the log is the app's, verified, and appends one record;
 * the head is the last commit's version. Each tampering is named by commit,
 * author and line.
 */
import { describe, expect, it } from 'vitest';
import { chainRecord, GENESIS_HASH } from '../../src/core/audit/hash-chain.js';
import {
  describeChange,
  HistoryWalk,
  type HistoryOptions,
  type HistoryVerdict,
  type LogVersion,
} from '../../src/core/audit/verify-history.js';

/** A whole history at once through the walk the CLI streams: versions oldest first, then the file at the head. */
function verifyHistory(versions: Iterable<LogVersion>, head: string | null, options: HistoryOptions): HistoryVerdict {
  const walk = new HistoryWalk(options);
  for (const version of versions) walk.add(version);
  return walk.finish(head);
}

const OPTIONS = { appSlug: 'deploy-governor' };
const BOT = 'deploy-governor[bot]';

/** `n` chained records as log lines, with `edit` applied to a record before chaining (to recompute) or after (not to). */
function chain(n: number, o: { recompute?: (r: Record<string, unknown>, i: number) => Record<string, unknown> | null } = {}): string[] {
  const lines: string[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const base = { id: `${i}-1-production`, actor: 'octocat', reason: `override ${i}` };
    const record = o.recompute ? o.recompute(base, i) : base;
    if (!record) continue;
    const chained = chainRecord(record, prev);
    prev = chained.hash;
    lines.push(JSON.stringify(chained));
  }
  return lines;
}

const text = (lines: string[]) => (lines.length ? `${lines.join('\n')}\n` : '');
const sha = (i: number, tag = 'a') => `${tag}${String(i).padStart(6, '0')}${'0'.repeat(33)}`;

/** The history the app writes: one verified commit per record. */
function appHistory(lines: string[]): LogVersion[] {
  return lines.map((_, i) => ({
    sha: sha(i + 1),
    author: BOT,
    verified: true,
    verificationReason: 'valid',
    parents: 1,
    text: text(lines.slice(0, i + 1)),
  }));
}

const kinds = (problems: { kind: string }[]) => problems.map((p) => p.kind);

describe('verifyHistory', () => {
  it('passes a history of verified one-record appends by the app', () => {
    const lines = chain(4);
    const verdict = verifyHistory(appHistory(lines), text(lines), OPTIONS);
    expect(verdict).toEqual({ ok: true, commits: 4, records: 4, problems: [] });
  });

  it('accepts an append after a last line without its newline, as appendAuditRecord writes it', () => {
    const lines = chain(2);
    const versions: LogVersion[] = [
      // The app always ends a line with a newline: a version without one is not its append.
      { sha: sha(1), author: BOT, verified: true, verificationReason: 'valid', parents: 1, text: lines[0]! },
      { sha: sha(2), author: BOT, verified: true, verificationReason: 'valid', parents: 1, text: text(lines) },
    ];
    expect(verifyHistory(versions, text(lines), OPTIONS).problems.map((p) => p.commit)).toEqual(['a000001']);
  });

  it('fails a commit by a person, even a verified one that appends a well-chained record', () => {
    const lines = chain(3);
    const versions = appHistory(lines);
    versions[2] = { ...versions[2]!, author: 'mallory' };
    const verdict = verifyHistory(versions, text(lines), OPTIONS);
    expect(kinds(verdict.problems)).toEqual(['not-the-app']);
    expect(verdict.problems[0]).toMatchObject({ commit: 'a000003', author: 'mallory' });
    expect(verdict.problems[0]!.message).toBe(
      'commit a000003 by mallory was not made by the app (deploy-governor[bot]): only the app writes the log',
    );
  });

  it('fails an unverified commit, even one authored as the app', () => {
    const lines = chain(3);
    const versions = appHistory(lines);
    versions[1] = { ...versions[1]!, verified: false, verificationReason: 'unsigned' };
    const verdict = verifyHistory(versions, text(lines), OPTIONS);
    expect(kinds(verdict.problems)).toEqual(['unverified']);
    expect(verdict.problems[0]!.message).toMatch(/^commit a000002 by deploy-governor\[bot\] is not verified by GitHub \(unsigned\)/);
  });

  it('fails an edit without recomputing: a person changed line 2', () => {
    const lines = chain(3);
    const edited = [...lines];
    edited[1] = edited[1]!.replace('override 2', 'nothing to see');
    const versions = [
      ...appHistory(lines),
      { sha: sha(9, 'b'), author: 'mallory', verified: false, verificationReason: 'unsigned', parents: 1, text: text(edited) },
    ];
    const verdict = verifyHistory(versions, text(edited), OPTIONS);
    expect(kinds(verdict.problems)).toEqual(['not-the-app', 'unverified', 'not-an-append']);
    expect(verdict.problems[2]).toMatchObject({ commit: 'b000009', author: 'mallory', line: 2 });
    expect(verdict.problems[2]!.message).toBe('commit b000009 by mallory changed line 2 (3 line(s) before, 3 after); the app only appends');
  });

  it('fails a dropped record with the later hashes recomputed', () => {
    const lines = chain(4);
    const dropped = chain(4, { recompute: (r, i) => (i === 2 ? null : r) });
    const versions = [
      ...appHistory(lines),
      { sha: sha(9, 'b'), author: 'mallory', verified: false, verificationReason: 'unsigned', parents: 1, text: text(dropped) },
    ];
    const verdict = verifyHistory(versions, text(dropped), OPTIONS);
    expect(verdict.problems.find((p) => p.kind === 'not-an-append')!.message).toBe(
      'commit b000009 by mallory changed line 2 (4 line(s) before, 3 after); the app only appends',
    );
  });

  it('fails a re-attributed record with the later hashes recomputed', () => {
    const lines = chain(3);
    const reattributed = chain(3, { recompute: (r, i) => (i === 2 ? { ...r, actor: 'someone-else' } : r) });
    const versions = [
      ...appHistory(lines),
      { sha: sha(9, 'b'), author: 'mallory', verified: false, verificationReason: 'unsigned', parents: 1, text: text(reattributed) },
    ];
    const verdict = verifyHistory(versions, text(reattributed), OPTIONS);
    expect(verdict.problems.find((p) => p.kind === 'not-an-append')).toMatchObject({ line: 2 });
  });

  it('fails a truncation of the last lines and names them', () => {
    const lines = chain(5);
    const versions = [
      ...appHistory(lines),
      { sha: sha(9, 'b'), author: 'mallory', verified: false, verificationReason: 'unsigned', parents: 1, text: text(lines.slice(0, 3)) },
    ];
    const verdict = verifyHistory(versions, text(lines.slice(0, 3)), OPTIONS);
    expect(verdict.problems.find((p) => p.kind === 'not-an-append')!.message).toBe(
      'commit b000009 by mallory removed lines 4–5 (the last 2 record(s))',
    );
  });

  it('fails a deletion, at the commit and at the head', () => {
    const lines = chain(2);
    const versions = [
      ...appHistory(lines),
      { sha: sha(9, 'b'), author: 'mallory', verified: false, verificationReason: 'unsigned', parents: 1, text: null },
    ];
    const verdict = verifyHistory(versions, null, OPTIONS);
    expect(kinds(verdict.problems)).toEqual(['not-the-app', 'unverified', 'deleted', 'deleted']);
    expect(verdict.problems[2]!.message).toBe('commit b000009 by mallory deleted the log (it held 2 record(s))');
    expect(verdict.problems[3]!.message).toBe(
      'no log at the head of its branch, though 3 commit(s) wrote it (the last: commit b000009 by mallory): the log was deleted',
    );
  });

  it('fails an emptied log, at the commit and at the head', () => {
    const lines = chain(2);
    const versions = [
      ...appHistory(lines),
      { sha: sha(9, 'b'), author: 'mallory', verified: false, verificationReason: 'unsigned', parents: 1, text: '' },
    ];
    const verdict = verifyHistory(versions, '', OPTIONS);
    expect(kinds(verdict.problems)).toEqual(['not-the-app', 'unverified', 'emptied', 'emptied']);
    expect(verdict.problems[3]!.message).toBe('the log is empty at the head of its branch, though it once held 2 record(s)');
  });

  it('fails a commit that appends more than one record', () => {
    const lines = chain(4);
    const versions = appHistory(lines).filter((_, i) => i !== 2);
    const verdict = verifyHistory(versions, text(lines), OPTIONS);
    expect(verdict.problems.map((p) => p.message)).toEqual([
      'commit a000004 by deploy-governor[bot] appended 2 lines at once (lines 3–4); the app appends one record per commit',
    ]);
  });

  it('fails a head that is not the last commit’s version, and a log with no history', () => {
    const lines = chain(2);
    const head = verifyHistory(appHistory(lines), text([lines[0]!, lines[1]!.replace('override 2', 'x')]), OPTIONS);
    expect(head.problems).toEqual([expect.objectContaining({ kind: 'head-differs', line: 2 })]);
    expect(verifyHistory([], text(lines), OPTIONS).problems).toEqual([expect.objectContaining({ kind: 'no-history' })]);
    // No history and no file: nothing to judge here (the caller decides whether that is acceptable).
    expect(verifyHistory([], null, OPTIONS)).toEqual({ ok: true, commits: 0, records: 0, problems: [] });
  });

  it('fails a merge commit', () => {
    const lines = chain(2);
    const versions = appHistory(lines);
    versions[1] = { ...versions[1]!, parents: 2 };
    expect(kinds(verifyHistory(versions, text(lines), OPTIONS).problems)).toEqual(['merge']);
  });

  it('cannot see a rollback: a force-push to an older commit of the app leaves a clean history (the ledger sees it)', () => {
    const lines = chain(5);
    const rolledBack = appHistory(lines).slice(0, 3);
    expect(verifyHistory(rolledBack, text(lines.slice(0, 3)), OPTIONS).ok).toBe(true);
  });

  it('describes changes precisely', () => {
    expect(describeChange('', 'a\n')).toBeNull();
    expect(describeChange('a\n', 'a\nb\n')).toBeNull();
    expect(describeChange('a\n', 'a\n\n')).toMatchObject({ kind: 'not-an-append' });
    expect(describeChange('a\n', 'a\nb')).toMatchObject({ kind: 'not-an-append' });
    expect(describeChange('a\nb\n', 'a\r\nb\n')).toMatchObject({ kind: 'not-an-append', line: 1 });
    expect(describeChange('a\nb\n', 'a\nb')).toMatchObject({
      what: 'rewrote the log without adding a record (whitespace or line endings changed)',
    });
  });
});

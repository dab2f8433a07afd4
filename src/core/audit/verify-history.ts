/**
 * Commit provenance of the override audit log. The hash chain alone cannot tell
 * a rewrite from the original: whoever drops or re-attributes a record can
 * recompute every later hash. The branch's history can: the app appends exactly
 * one record per commit, through the API with its installation token, so every
 * commit that touched the log must be authored by `<slug>[bot]`, carry GitHub's
 * signature (`commit.verification.verified`), and turn its parent's file into
 * that file plus one line. The file at the branch head must be the last
 * commit's version, and must not be gone or empty.
 *
 * A force-push back to an older commit of the app's leaves a history that
 * passes all of this: only the ledger (compare-ledger.ts) sees a rollback.
 */

/** One version of the log: the commit that wrote it, as the commits API describes it, and the file at that commit. */
export interface LogVersion {
  /** The commit's full sha. */
  sha: string;
  /** `author.login`: the account GitHub attributes the commit to; null when it matches none. */
  author: string | null;
  /** `commit.verification.verified`. */
  verified: boolean;
  /** `commit.verification.reason` (`valid`, `unsigned`, `unknown_key`, …). */
  verificationReason: string;
  /** Number of parents: the app never makes a merge. */
  parents: number;
  /** The log's text at this commit; null when the commit deleted it. */
  text: string | null;
}

export type HistoryProblemKind =
  'not-the-app' | 'unverified' | 'merge' | 'not-an-append' | 'deleted' | 'emptied' | 'head-differs' | 'no-history';

export interface HistoryProblem {
  kind: HistoryProblemKind;
  /** Short sha of the commit at fault; absent for problems of the file at the head. */
  commit?: string;
  /** Its author's login (null: an author GitHub cannot match to an account). */
  author?: string | null;
  /** The 1-based log line the problem starts at, when there is one. */
  line?: number;
  message: string;
}

export interface HistoryVerdict {
  ok: boolean;
  /** Commits that touched the log, oldest first as walked. */
  commits: number;
  /** Records (lines) in the last commit's version. */
  records: number;
  problems: HistoryProblem[];
}

export interface HistoryOptions {
  /** The app's slug: its commits are authored by `<slug>[bot]`. */
  appSlug: string;
}

const short = (sha: string) => sha.slice(0, 7);

function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const range = (from: number, to: number) => (from === to ? `line ${from}` : `lines ${from}–${to}`);

/**
 * What a commit did to the log, when it did anything but append one line;
 * null for a proper append. `before` is its parent's version ('' when the file
 * did not exist), as appendAuditRecord writes it: a missing final newline is
 * added before the new line.
 */
export function describeChange(before: string, after: string | null): { kind: HistoryProblemKind; line?: number; what: string } | null {
  const beforeLines = linesOf(before);
  if (after === null) return { kind: 'deleted', line: 1, what: `deleted the log (it held ${beforeLines.length} record(s))` };
  const base = before === '' || before.endsWith('\n') ? before : `${before}\n`;
  if (after.startsWith(base)) {
    const added = after.slice(base.length);
    // One non-empty line and its newline, nothing else.
    if (added.length > 1 && added.indexOf('\n') === added.length - 1) return null;
  }
  const afterLines = linesOf(after);
  if (after === '' && beforeLines.length > 0)
    return { kind: 'emptied', line: 1, what: `emptied the log (it held ${beforeLines.length} record(s))` };
  const common = Math.min(beforeLines.length, afterLines.length);
  let first = 0;
  while (first < common && beforeLines[first] === afterLines[first]) first++;
  if (first === common) {
    if (afterLines.length < beforeLines.length) {
      return {
        kind: 'not-an-append',
        line: first + 1,
        what: `removed ${range(first + 1, beforeLines.length)} (the last ${beforeLines.length - first} record(s))`,
      };
    }
    if (afterLines.length > beforeLines.length + 1) {
      return {
        kind: 'not-an-append',
        line: first + 1,
        what: `appended ${afterLines.length - beforeLines.length} lines at once (${range(first + 1, afterLines.length)}); the app appends one record per commit`,
      };
    }
    return {
      kind: 'not-an-append',
      line: Math.max(1, first),
      what: 'rewrote the log without adding a record (whitespace or line endings changed)',
    };
  }
  return {
    kind: 'not-an-append',
    line: first + 1,
    what: `changed line ${first + 1} (${beforeLines.length} line(s) before, ${afterLines.length} after); the app only appends`,
  };
}

/**
 * Walks the log's versions oldest first, holding only the previous one, so a
 * long history of a large log is checked in constant memory. `finish` takes the
 * file at the branch head (null when there is none).
 */
export class HistoryWalk {
  private readonly appLogin: string;
  private readonly problems: HistoryProblem[] = [];
  private previous: string | null = null;
  private last: { sha: string; author: string | null } | null = null;
  private everHeldRecords = 0;
  private count = 0;

  constructor(options: HistoryOptions) {
    this.appLogin = `${options.appSlug}[bot]`;
  }

  add(version: LogVersion): void {
    this.count += 1;
    const where = { commit: short(version.sha), author: version.author };
    const by = `commit ${short(version.sha)} by ${version.author ?? 'an author GitHub does not know'}`;
    if ((version.author ?? '').toLowerCase() !== this.appLogin.toLowerCase()) {
      this.problems.push({
        kind: 'not-the-app',
        ...where,
        message: `${by} was not made by the app (${this.appLogin}): only the app writes the log`,
      });
    }
    if (!version.verified) {
      this.problems.push({
        kind: 'unverified',
        ...where,
        message: `${by} is not verified by GitHub (${version.verificationReason}): the app's commits are signed by GitHub`,
      });
    }
    if (version.parents > 1) {
      this.problems.push({
        kind: 'merge',
        ...where,
        message: `${by} is a merge of ${version.parents} parents: the app never merges into the log's branch`,
      });
    }
    const change = describeChange(this.previous ?? '', version.text);
    if (change)
      this.problems.push({ kind: change.kind, ...where, ...(change.line ? { line: change.line } : {}), message: `${by} ${change.what}` });
    this.previous = version.text;
    this.last = { sha: version.sha, author: version.author };
    if (version.text !== null) this.everHeldRecords = Math.max(this.everHeldRecords, linesOf(version.text).length);
  }

  finish(head: string | null): HistoryVerdict {
    const problems = [...this.problems];
    if (!this.last) {
      if (head !== null)
        problems.push({
          kind: 'no-history',
          message: 'the log exists at the head of its branch, but no commit in the branch history wrote it',
        });
    } else {
      const lastBy = `commit ${short(this.last.sha)} by ${this.last.author ?? 'an unknown author'}`;
      if (head === null) {
        problems.push({
          kind: 'deleted',
          message: `no log at the head of its branch, though ${this.count} commit(s) wrote it (the last: ${lastBy}): the log was deleted`,
        });
      } else if (head === '' && this.everHeldRecords > 0) {
        problems.push({
          kind: 'emptied',
          message: `the log is empty at the head of its branch, though it once held ${this.everHeldRecords} record(s)`,
        });
      } else if (this.previous === null) {
        problems.push({
          kind: 'head-differs',
          message: `the log exists at the head of its branch, though ${lastBy} deleted it and no later commit wrote it`,
        });
      } else if (head !== this.previous) {
        const change = describeChange(this.previous, head);
        problems.push({
          kind: 'head-differs',
          ...(change?.line ? { line: change.line } : {}),
          message: `the log at the head differs from the version ${lastBy} wrote${change?.line ? ` from line ${change.line}` : ''}`,
        });
      }
    }
    return {
      ok: problems.length === 0,
      commits: this.count,
      records: this.previous === null ? 0 : linesOf(this.previous).length,
      problems,
    };
  }
}

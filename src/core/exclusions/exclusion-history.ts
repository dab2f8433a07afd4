/**
 * When each exclusion entered the policy file: from the file's commits, newest
 * first (read through GitHub's API by src/github/read-exclusion-origins.ts),
 * the oldest commit of the unbroken run, back from the newest, in which the
 * exclusion has its current definition (an edit of its times is a new
 * exclusion: moving `to` later after the fact is retroactive too). Pure.
 */
import type { ExclusionConfig } from './exclusion-schema.js';

/** One commit of the policy file, as GitHub lists it. */
export interface PolicyCommit {
  sha: string;
  /** The commit's committer date. */
  date: Date;
  /** The GitHub account GitHub links the commit's author to; null when none. */
  login: string | null;
  /**
   * Whether GitHub itself set the date: a commit GitHub made and signed (committer `web-flow`, verified), as a pull
   * request merged on GitHub or an edit in its web interface is. Any other commit's date is whatever its author's git
   * client wrote, which can be set to any time.
   */
  attested: boolean;
  /** The environment's exclusions in the file at that commit; null when the file was missing or invalid there. */
  exclusions: readonly ExclusionConfig[] | null;
}

/** The commit that introduced an exclusion's current definition. */
export interface Introduction {
  sha: string;
  date: Date;
  login: string | null;
  attested: boolean;
}

/** What decides an exclusion's intervals: an edit of any of these is a new exclusion. */
function definitionOf(x: ExclusionConfig): string {
  return JSON.stringify([x.from ?? null, x.to ?? null, x.cron ?? null, x.timezone ?? 'UTC', x.duration ?? null]);
}

/**
 * Per current exclusion name, the commit that introduced its definition. A name whose definition the newest commit
 * does not have is absent (the file evaluated is not the one GitHub lists). When the history that was read ends before
 * the run does (`complete` false), its oldest commit stands in: later than the truth, so stricter.
 * @param commits the file's commits, newest first
 */
export function introductions(current: readonly ExclusionConfig[], commits: readonly PolicyCommit[]): Map<string, Introduction> {
  const found = new Map<string, Introduction>();
  for (const x of current) {
    const wanted = definitionOf(x);
    let oldest: PolicyCommit | undefined;
    for (const c of commits) {
      const there = c.exclusions?.find((e) => e.name === x.name);
      if (there === undefined || definitionOf(there) !== wanted) break;
      oldest = c;
    }
    if (oldest !== undefined) found.set(x.name, { sha: oldest.sha, date: oldest.date, login: oldest.login, attested: oldest.attested });
  }
  return found;
}

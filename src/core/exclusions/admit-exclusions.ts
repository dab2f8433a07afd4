/**
 * Which exclusions the budget may honour: the audit rule of the error-budget
 * policy. An exclusion must be in the policy before the interval it excludes
 * starts; one added later (a retroactive exclusion, which erases errors already
 * spent) counts only when the person who added it holds the role of the
 * `exhausted` override level. Pure: when and by whom an exclusion was added are
 * facts read from GitHub (the commit that introduced it, and the author's role
 * from the API), never from the policy file, and without them a started
 * interval is refused (fail closed: refusing keeps the stricter budget). A
 * commit date only counts when GitHub set it (a commit GitHub made and signed);
 * a date from someone's git client can be backdated, so such a commit needs the
 * role, as a retroactive one does.
 */
import { hasPermission } from '../override/decide-override.js';
import type { Permission } from '../policy/permissions.js';
import type { ExclusionOccurrence } from './excluded-intervals.js';

/** When and by whom an exclusion's current definition entered the policy file, per GitHub. */
export interface ExclusionOrigin {
  /** The date of the commit that introduced the definition. */
  addedAt: Date;
  /**
   * Whether GitHub set that date (a commit it made and signed: a pull request merged on GitHub, a web edit). Any
   * other commit's date is its author's to choose, so it proves nothing about "before it started".
   */
  attested: boolean;
  /** The commit author's login; null when GitHub links the commit to no account. */
  addedBy: string | null;
  /** That login's repository role, from the API; null when it could not be read. */
  role: { roleName: string | null; permission: string | null } | null;
}

/**
 * What the gate knows about the exclusions' origins: per name (undefined: not found in the history that was read),
 * or nothing, with why (no GitHub token, the history could not be read).
 */
export type ExclusionOrigins = { known: ReadonlyMap<string, ExclusionOrigin> } | { unavailable: string };

/** How an occurrence was judged. */
type Admission = 'added-before-start' | 'authorized-role' | 'refused';

export interface JudgedOccurrence extends ExclusionOccurrence {
  admission: Admission;
  /** The commit date and author, when known. */
  addedAt: Date | null;
  addedBy: string | null;
  /** Why it was refused, or who authorized a retroactive one: for the report and the audit. */
  note: string;
}

/**
 * Judges each occurrence by the audit rule.
 * @param required the role of the `exhausted` override level (policy `overrides.levels.exhausted.permission`)
 */
export function admitExclusions(
  occurrences: readonly ExclusionOccurrence[],
  origins: ExclusionOrigins,
  required: Permission,
): JudgedOccurrence[] {
  return occurrences.map((o) => {
    const started = o.from.toISOString();
    if ('unavailable' in origins) {
      return {
        ...o,
        admission: 'refused',
        addedAt: null,
        addedBy: null,
        note: `refused: when it was added is unknown (${origins.unavailable}), and an exclusion counts only if it was added before its interval started (${started})`,
      };
    }
    const origin = origins.known.get(o.name);
    if (origin === undefined) {
      return {
        ...o,
        admission: 'refused',
        addedAt: null,
        addedBy: null,
        note: `refused: no commit of the policy file that GitHub lists introduces it, so when it was added is unknown (an exclusion counts only if it was added before its interval started, ${started})`,
      };
    }
    const facts = { addedAt: origin.addedAt, addedBy: origin.addedBy };
    const who = origin.addedBy ?? 'an author GitHub links to no account';
    if (origin.attested && origin.addedAt.getTime() <= o.from.getTime())
      return {
        ...o,
        ...facts,
        admission: 'added-before-start',
        note: `added ${origin.addedAt.toISOString()} by ${who}, before it started`,
      };
    // Past this point it was added after it started, or at a time only its author's git client vouches for.
    const when = origin.attested
      ? `added ${origin.addedAt.toISOString()}, after it started (${started}),`
      : `added by a commit dated ${origin.addedAt.toISOString()} by its author's git client (not a commit GitHub made, so the date is not a fact),`;
    const role = origin.role === null ? null : (origin.role.roleName ?? origin.role.permission);
    if (origin.addedBy !== null && origin.role !== null && hasPermission(origin.role, required)) {
      return {
        ...o,
        ...facts,
        admission: 'authorized-role',
        note: `${when} by ${who}, whose role ${role} meets the exhausted override level (${required})`,
      };
    }
    return {
      ...o,
      ...facts,
      admission: 'refused',
      note: `refused: ${when} by ${who}${role === null ? ' (role unknown)' : ` (role ${role})`}; an exclusion not shown to predate its interval needs the role of the exhausted override level (${required}) or higher`,
    };
  });
}

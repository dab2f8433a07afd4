/**
 * Which class a deploy has (issue 16), from evidence the adapters gathered
 * from GitHub, consulted in a fixed order: the `change-class` input, the
 * `deploy-class:<name>` labels of the deployed pull requests, a `Deploy-Class:`
 * trailer of the deployed commits, then rollback detection; else `feature`.
 * Pure: the adapters read the facts (who applied a label and their role,
 * whether a commit is on the default branch, earlier deployments); this
 * decides. Evidence that could let a blocked deploy through only counts when
 * GitHub vouches for it: the input and a label need the role of the person
 * who chose them, a trailer only counts on reviewed commits (on the default
 * branch), and every deployed pull request or commit must agree.
 */
import { hasPermission } from '../override/decide-override.js';
import type { Permission } from '../policy/permissions.js';
import type { ClassSource, ResolvedChangeClasses } from './change-class-policy.js';

/** A person's repository role as GitHub reported it (null: it could not be read). */
type Role = { roleName: string | null; permission: string | null } | null;

/** The evidence for one deploy; each source that was not read is absent. */
export interface ClassEvidence {
  /** The `change-class` input: the class, who asked, and their role. */
  input?: { name: string; actor: string; role: Role };
  /** The deployed pull requests, each with its `deploy-class:` label (null: none), who applied it and their role. */
  pullRequests?: { number: number; label: string | null; labeledBy: string | null; role: Role }[];
  /** The deployed commits' `Deploy-Class:` trailers (null: none), and whether every commit is on the default branch. */
  trailers?: { commits: { sha: string; trailer: string | null }[]; reviewed: boolean };
  /** Rollback detection from the Deployments API. */
  rollback?: { detected: boolean; detail: string };
}

export interface ResolvedClass {
  name: string;
  source: ClassSource | 'default';
  /** Why, for the report: which label, trailer or deployment. */
  detail: string;
  /** What was looked at and not used, one line each (an unknown name, a labeller without the role, a disagreement). */
  notes: string[];
}

/** The one class that every item names, or null when they disagree or any names none. */
function agreed(names: readonly (string | null)[]): string | null {
  const first = names[0];
  return first !== undefined && first !== null && names.every((n) => n === first) ? first : null;
}

/**
 * The deploy's class. `needed` is the role that may choose a class by the input or a label (the policy's
 * `change-classes.permission`, else the role the blocked status's override level needs).
 */
export function resolveChangeClass(evidence: ClassEvidence, policy: ResolvedChangeClasses, needed: Permission): ResolvedClass {
  const notes: string[] = [];
  const may = (role: Role) => role !== null && hasPermission(role, needed);
  const known = (name: string) => policy.known.includes(name);
  for (const source of policy.sources) {
    switch (source) {
      case 'input': {
        const input = evidence.input;
        if (!input) break;
        if (!known(input.name)) {
          notes.push(`change-class ${JSON.stringify(input.name)} is not a class of this policy (${policy.known.join(', ')})`);
        } else if (!may(input.role)) {
          notes.push(
            `change-class ${input.name} from ${input.actor} was not used: ${input.role === null ? 'their role could not be read' : `choosing a class needs the ${needed} role or higher`}`,
          );
        } else {
          return { name: input.name, source, detail: `the change-class input, by ${input.actor}`, notes };
        }
        break;
      }
      case 'label': {
        const pulls = evidence.pullRequests ?? [];
        if (pulls.length === 0 || pulls.every((p) => p.label === null)) break;
        const unauthorized = pulls.filter((p) => p.label !== null && !may(p.role));
        const unknown = pulls.filter((p) => p.label !== null && !known(p.label));
        const name = agreed(pulls.map((p) => p.label));
        if (unknown.length > 0) notes.push(`unknown class label on ${unknown.map((p) => `#${p.number} (${p.label})`).join(', ')}`);
        if (unauthorized.length > 0)
          notes.push(
            `deploy-class labels applied by someone below the ${needed} role were not used: ${unauthorized.map((p) => `#${p.number} by ${p.labeledBy ?? 'unknown'}`).join(', ')}`,
          );
        if (name === null)
          notes.push(
            `the deployed pull requests do not all carry the same deploy-class label (${pulls.map((p) => `#${p.number}: ${p.label ?? 'none'}`).join(', ')})`,
          );
        if (name !== null && known(name) && unauthorized.length === 0) {
          return { name, source, detail: `label deploy-class:${name} on ${pulls.map((p) => `#${p.number}`).join(', ')}`, notes };
        }
        break;
      }
      case 'trailer': {
        const t = evidence.trailers;
        if (!t || t.commits.length === 0 || t.commits.every((c) => c.trailer === null)) break;
        const name = agreed(t.commits.map((c) => c.trailer));
        if (!t.reviewed) notes.push('Deploy-Class trailers only count on commits of the default branch; these are not all on it');
        else if (name === null) notes.push('the deployed commits do not all carry the same Deploy-Class trailer');
        else if (!known(name)) notes.push(`Deploy-Class: ${name} is not a class of this policy (${policy.known.join(', ')})`);
        else
          return { name, source, detail: `Deploy-Class: ${name} trailer on ${t.commits.map((c) => c.sha.slice(0, 7)).join(', ')}`, notes };
        break;
      }
      case 'rollback': {
        if (evidence.rollback?.detected) return { name: 'rollback', source, detail: evidence.rollback.detail, notes };
        break;
      }
      default: {
        const never: never = source;
        throw new Error(`unknown class source ${String(never)}`);
      }
    }
  }
  return { name: 'feature', source: 'default', detail: 'no input, label, trailer or rollback named another class', notes };
}

/**
 * The chain of policies a repository's file extends: at most MAX_PARENTS
 * parents, each read through the host's `readParent` (no I/O here), each
 * checked against the locks above it, merged top-down by merge-policies.ts,
 * and the result validated as one policy file. Fails closed: a parent that
 * cannot be read, parsed or merged is an error naming the file, the key, the
 * value and the accepted form, never a reason to use the child alone.
 */
import { parsePolicy } from '../load-policy.js';
import { PolicyError, type PolicyIssue } from '../policy-error.js';
import { toPolicyIssues } from '../policy-issues.js';
import { policyFileSchema, type PolicyFile } from '../schema.js';
import { describeSpec, EXTENDS_FORM, parseExtends, specKey, type ExtendsSpec } from './extends-spec.js';
import { lockViolations } from './locks.js';
import { itemName, layerOf, mergeLayers, type Layer, type Provenance } from './merge-policies.js';

/** Parents followed at most: a repository, its team's policy, its organisation's, and one more. */
export const MAX_PARENTS = 3;

/** A parent file's text and where it was read, as `describeSpec` spells it (the host may name the ref it resolved). */
interface ParentText {
  text: string;
  source: string;
}

export type ReadParent = (spec: ExtendsSpec) => Promise<ParentText>;

export interface PolicyChain {
  /** The files, the repository's own first, then each parent up to the root. */
  files: string[];
  /** Which files set each effective key and named item, parent first (merge-policies.ts). */
  provenance: Provenance;
  /** Each locked key and the file that locked it. */
  locks: Record<string, string>;
}

export interface ChainedPolicy {
  file: PolicyFile;
  /** Null when the file extends nothing. */
  chain: PolicyChain | null;
}

export interface ChainOptions {
  /**
   * The owner the chain must stay within (the repository's own): a policy may not extend another owner's
   * file, since for the app that would read another tenant's repository. Null when the host does not know
   * it (the CLI without --repo): then every file must share the first parent's owner.
   */
  owner: string | null;
  /** The repository's own file, for self-reference: `owner/repo:path@default` (null when unknown). */
  self: ExtendsSpec | null;
}

const NAMED_LISTS = ['slos', 'freeze-windows', 'burn-rate-guards'] as const;

/** Same-named items in one file would make "merge by name" ambiguous: refused. */
function duplicateNames(file: PolicyFile): PolicyIssue[] {
  const sections: [string, Partial<Record<(typeof NAMED_LISTS)[number], unknown[]>>][] = [
    ['', file],
    ...Object.entries(file.environments ?? {}).map(([env, s]): [string, typeof s] => [`environments.${env}.`, s]),
  ];
  const issues: PolicyIssue[] = [];
  for (const [prefix, section] of sections) {
    for (const key of NAMED_LISTS) {
      const seen = new Set<string>();
      for (const item of section[key] ?? []) {
        const name = itemName(item);
        if (seen.has(name))
          issues.push({
            path: `${prefix}${key}`,
            message: `the name "${name}" appears twice; in a policy that extends or is extended, ${key} merge by name, so each name must be unique`,
          });
        seen.add(name);
      }
    }
  }
  return issues;
}

/** A parent may not name files of its own repository that the gate would read from the child's (`sloth`, `openslo`). */
function parentOnlyProblems(file: PolicyFile): PolicyIssue[] {
  return (['sloth', 'openslo'] as const)
    .filter((key) => file[key] !== undefined)
    .map((key) => ({
      path: key,
      message: `a parent policy may not name a ${key} file (${JSON.stringify(file[key])}): it would be read from the extending repository, not this one; move the SLOs into slos, or name the file in each repository's own policy`,
    }));
}

function specOf(file: PolicyFile, source: string): ExtendsSpec {
  const parsed = parseExtends(file.extends!);
  if ('problem' in parsed)
    throw new PolicyError(source, [
      { path: 'extends', message: `${parsed.problem}; expected ${EXTENDS_FORM} (got ${JSON.stringify(file.extends)})` },
    ]);
  return parsed.spec;
}

/**
 * Resolves `extends` chains: returns the file itself (chain null) when it extends nothing.
 * @param file the repository's own file, validated
 * @param source how the repository's file is named in messages
 */
export async function resolveChain(
  file: PolicyFile,
  source: string,
  readParent: ReadParent,
  options: ChainOptions,
): Promise<ChainedPolicy> {
  if (file.extends === undefined) return { file, chain: null };
  const own = duplicateNames(file);
  if (own.length > 0) throw new PolicyError(source, own);
  const files: { file: PolicyFile; source: string }[] = [{ file, source }];
  const seen = new Map<string, string>();
  if (options.self) seen.set(specKey(options.self), source);
  let owner = options.owner;
  let current = files[0]!;
  while (current.file.extends !== undefined) {
    const spec = specOf(current.file, current.source);
    const name = describeSpec(spec);
    if (files.length > MAX_PARENTS) {
      throw new PolicyError(current.source, [
        {
          path: 'extends',
          message: `the chain is deeper than ${MAX_PARENTS} parents (${[...files.map((f) => f.source), name].join(' → ')}); extend a file closer to the root instead`,
        },
      ]);
    }
    const key = specKey(spec);
    if (seen.has(key)) {
      throw new PolicyError(current.source, [
        {
          path: 'extends',
          message: `${JSON.stringify(current.file.extends)} makes a cycle: ${[...files.map((f) => f.source), name].join(' → ')}; a policy may not extend itself or a file that extends it`,
        },
      ]);
    }
    seen.set(key, name);
    if (owner !== null && spec.owner.toLowerCase() !== owner.toLowerCase()) {
      throw new PolicyError(current.source, [
        {
          path: 'extends',
          message: `${JSON.stringify(current.file.extends)} names a file of the owner ${spec.owner}, but this chain belongs to ${owner}; a policy may only extend files of its own owner (its organisation's .github repository, e.g. ${owner}/.github)`,
        },
      ]);
    }
    owner ??= spec.owner;
    let text: ParentText;
    try {
      text = await readParent(spec);
    } catch (error: unknown) {
      if (error instanceof PolicyError) throw error;
      throw new PolicyError(current.source, [
        {
          path: 'extends',
          message: `cannot read ${name} (extends: ${JSON.stringify(current.file.extends)}): ${error instanceof Error ? error.message : String(error)}`,
        },
      ]);
    }
    const parent = parsePolicy(text.text, text.source);
    const problems = [...parentOnlyProblems(parent), ...duplicateNames(parent)];
    if (problems.length > 0) throw new PolicyError(text.source, problems);
    current = { file: parent, source: text.source };
    files.push(current);
  }
  // Merge from the root down, each file checked against the locks of everything above it.
  const root = files[files.length - 1]!;
  let merged: Layer = layerOf(root.file, root.source);
  let locks: Record<string, string> = Object.fromEntries((root.file.locked ?? []).map((k) => [k, root.source]));
  for (const next of files.slice(0, -1).reverse()) {
    const candidate = mergeLayers(merged, layerOf(next.file, next.source));
    const violations = lockViolations(merged.file, candidate.file, locks);
    if (violations.length > 0) throw new PolicyError(next.source, violations);
    merged = candidate;
    locks = { ...Object.fromEntries((next.file.locked ?? []).map((k) => [k, next.source])), ...locks };
  }
  // The merge as one file: cross-field rules (a freeze window's environments against the map) hold across files too.
  const result = policyFileSchema.safeParse(merged.file);
  if (!result.success) {
    throw new PolicyError(
      `${source} merged with ${files
        .slice(1)
        .map((f) => f.source)
        .join(', ')}`,
      toPolicyIssues(result.error, merged.file),
    );
  }
  return { file: result.data, chain: { files: files.map((f) => f.source), provenance: merged.provenance, locks } };
}

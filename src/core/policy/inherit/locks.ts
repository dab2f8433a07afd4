/**
 * `locked`: the keys a parent policy fixes for every file that extends it. A
 * child may make a locked key stricter, never looser. What "looser" means is
 * defined per key, conservatively: anything not shown to be at least as strict
 * is refused (fail closed), and every lockable key must have a rule here
 * (LOOSENING is typed over LOCKABLE_KEYS).
 *
 * | Locked key | A child may | Refused |
 * | --- | --- | --- |
 * | `block-on` | lower it (EXHAUSTED → FREEZE → WARNING → CAUTION blocks more) | raising it |
 * | `on-error` | keep `block` | `allow` where the parent blocks |
 * | `mode` | keep `enforce` | `report` where the parent enforces |
 * | `unknown-guards` | turn `allow` into `block` | `allow` where the parent blocks |
 * | `thresholds` | raise `caution`, `warning` or `freeze` (a status is reached sooner) | lowering any of them |
 * | `freeze-windows` | add windows of new names | changing or removing a window the parent set (same name, any difference) |
 * | `burn-rate-guards` | add guards of new names | changing or removing a guard the parent set (or the default guard) |
 * | `overrides` | raise `min-reason-length`, drop `refs`, raise a level's `permission`, turn `require-environment-approval` on | any other change |
 * | `freezes` | raise `permission` (fewer people may freeze and unfreeze); set `app` where the parent sets none | lowering `permission`; changing or removing the parent's `app` (the freezes the Action and the CLI honour) |
 * | `on-block` | turn `hold` into `reject`; shorten `hold.limit` | `hold` where the parent rejects; a longer `hold.limit` than the parent's |
 * | `change-classes` | let fewer classes through each status, drop `sources`, raise `permission` (when the parent sets one) | letting a class through a status the parent does not, a new source, a lower or unset `permission` where the parent sets one, a `permission` where the parent leaves it to the override levels |
 *
 * The comparison is of effective values, built-in defaults included, at the
 * top level and in every environment section either file names: an
 * `environments.prod.block-on` can loosen a lock as surely as a top-level one.
 * Keys that exist only at the top level (`freezes`) are compared there once.
 */
import { BLOCKABLE_STATUSES } from '../../status.js';
import { classesAllowedAt, resolveChangeClasses } from '../../change-class/change-class-policy.js';
import { canonicalJson } from '../../canonical-json.js';
import { PERMISSIONS } from '../permissions.js';
import type { PolicyIssue } from '../policy-error.js';
import type { EnvironmentPolicy, PolicyFile } from '../schema.js';
import { itemName } from './merge-policies.js';
import { parseDurationMs } from '../../duration.js';
import {
  DEFAULT_BLOCK_ON,
  DEFAULT_FREEZE_PERMISSION,
  DEFAULT_GUARDS,
  DEFAULT_HOLD_LIMIT,
  DEFAULT_LEVEL_PERMISSIONS,
  DEFAULT_MIN_REASON_LENGTH,
  DEFAULT_THRESHOLDS,
} from '../defaults.js';
import { overlay } from '../overlay.js';

export const LOCKABLE_KEYS = [
  'block-on',
  'on-error',
  'mode',
  'unknown-guards',
  'thresholds',
  'freeze-windows',
  'burn-rate-guards',
  'overrides',
  'freezes',
  'on-block',
  'change-classes',
] as const;
export type LockableKey = (typeof LOCKABLE_KEYS)[number];

/** Lockable keys that an environment section cannot set: compared once, at the top level. */
const TOP_LEVEL_ONLY: ReadonlySet<LockableKey> = new Set(['freezes']);

/** One section's value of a key, as the gate would see it in that environment (the section merges over the top level). */
type Section = EnvironmentPolicy & Pick<PolicyFile, 'freezes'>;

/** Why `child` is looser than `parent` for this key (one line each); empty when it is at least as strict. */
type Loosening = (parent: Section, child: Section) => string[];

function rankOf<T>(order: readonly T[], value: T): number {
  return order.indexOf(value);
}

const blockOn: Loosening = (p, c) => {
  const parent = p['block-on'] ?? DEFAULT_BLOCK_ON;
  const child = c['block-on'] ?? DEFAULT_BLOCK_ON;
  return rankOf(BLOCKABLE_STATUSES, child) > rankOf(BLOCKABLE_STATUSES, parent)
    ? [`block-on may only become stricter (CAUTION blocks most, EXHAUSTED least); the parent has ${parent}, this file makes it ${child}`]
    : [];
};

const oneWay =
  <K extends 'on-error' | 'mode' | 'unknown-guards'>(
    key: K,
    fallback: NonNullable<Section[K]>,
    strict: NonNullable<Section[K]>,
  ): Loosening =>
  (p, c) => {
    const parent = p[key] ?? fallback;
    const child = c[key] ?? fallback;
    return parent === strict && child !== strict ? [`${key} is ${strict} in the parent and may not become ${String(child)}`] : [];
  };

const thresholds: Loosening = (p, c) => {
  const parent = { ...DEFAULT_THRESHOLDS, ...p.thresholds };
  const child = { ...DEFAULT_THRESHOLDS, ...c.thresholds };
  return (['caution', 'warning', 'freeze'] as const)
    .filter((k) => child[k] < parent[k])
    .map((k) => `thresholds.${k} may only be raised; the parent has ${parent[k]}, this file makes it ${child[k]}`);
};

const namedItems =
  (key: 'freeze-windows' | 'burn-rate-guards', what: string, fallback: readonly unknown[]): Loosening =>
  (p, c) => {
    const parent: readonly unknown[] = p[key] ?? fallback;
    const child: readonly unknown[] = c[key] ?? fallback;
    const problems: string[] = [];
    for (const item of parent) {
      const name = itemName(item);
      const same = child.filter((i) => itemName(i) === name);
      if (same.length === 0) problems.push(`the ${what} "${name}" set by the parent may not be removed`);
      else if (same.some((i) => canonicalJson(i) !== canonicalJson(item)))
        problems.push(`the ${what} "${name}" set by the parent may not be changed (give a new ${what} another name)`);
    }
    return problems;
  };

const overrides: Loosening = (p, c) => {
  const parent = p.overrides ?? {};
  const child = c.overrides ?? {};
  const problems: string[] = [];
  const minParent = parent['min-reason-length'] ?? DEFAULT_MIN_REASON_LENGTH;
  const minChild = child['min-reason-length'] ?? DEFAULT_MIN_REASON_LENGTH;
  if (minChild < minParent)
    problems.push(`overrides.min-reason-length may only be raised; the parent has ${minParent}, this file ${minChild}`);
  const refsParent = parent.refs ?? [];
  for (const ref of child.refs ?? []) {
    if (!refsParent.includes(ref))
      problems.push(`overrides.refs may only lose refs; ${ref} is not among the parent's (${refsParent.join(', ') || 'none'})`);
  }
  for (const level of ['warning', 'freeze', 'exhausted'] as const) {
    const lp = parent.levels?.[level];
    const lc = child.levels?.[level];
    const permParent = lp?.permission ?? DEFAULT_LEVEL_PERMISSIONS[level];
    const permChild = lc?.permission ?? DEFAULT_LEVEL_PERMISSIONS[level];
    if (rankOf(PERMISSIONS, permChild) < rankOf(PERMISSIONS, permParent))
      problems.push(`overrides.levels.${level}.permission may only be raised; the parent has ${permParent}, this file ${permChild}`);
    if ((lp?.['require-environment-approval'] ?? false) && !(lc?.['require-environment-approval'] ?? false))
      problems.push(`overrides.levels.${level}.require-environment-approval is true in the parent and may not be turned off`);
  }
  return problems;
};

const freezes: Loosening = (p, c) => {
  const problems: string[] = [];
  const permParent = p.freezes?.permission ?? DEFAULT_FREEZE_PERMISSION;
  const permChild = c.freezes?.permission ?? DEFAULT_FREEZE_PERMISSION;
  if (rankOf(PERMISSIONS, permChild) < rankOf(PERMISSIONS, permParent))
    problems.push(`freezes.permission may only be raised; the parent has ${permParent}, this file ${permChild}`);
  // The app decides whose freeze issues the Action and the CLI honour: another slug would count another app's issues.
  const appParent = p.freezes?.app;
  if (appParent !== undefined && c.freezes?.app !== appParent)
    problems.push(
      `freezes.app is ${appParent} in the parent and may not be ${c.freezes?.app === undefined ? 'removed' : `changed to ${c.freezes.app}`}`,
    );
  return problems;
};

/** A held deploy waits and may then go out unattended: rejecting at once is the stricter answer, and a shorter hold the stricter hold. */
const onBlock: Loosening = (p, c) => {
  const parent = p['on-block'] ?? 'reject';
  const child = c['on-block'] ?? 'reject';
  if (parent === 'reject' && child !== 'reject') return [`on-block is reject in the parent and may not become ${child}`];
  if (parent === 'hold' && child === 'hold') {
    const limitParent = p.hold?.limit ?? DEFAULT_HOLD_LIMIT;
    const limitChild = c.hold?.limit ?? DEFAULT_HOLD_LIMIT;
    if (parseDurationMs(limitChild) > parseDurationMs(limitParent))
      return [`hold.limit may only be shortened; the parent has ${limitParent}, this file makes it ${limitChild}`];
  }
  return [];
};

const changeClasses: Loosening = (p, c) => {
  const parent = resolveChangeClasses(p['change-classes']);
  const child = resolveChangeClasses(c['change-classes']);
  if (child === null) return [];
  const problems: string[] = [];
  for (const status of BLOCKABLE_STATUSES) {
    const allowed = parent === null ? [] : classesAllowedAt(parent, status);
    const extra = classesAllowedAt(child, status).filter((name) => !allowed.includes(name));
    if (extra.length > 0)
      problems.push(
        `change-classes may only let fewer classes through; ${status} would let ${extra.join(', ')} through, which the parent does not`,
      );
  }
  const sources = parent?.sources ?? [];
  const newSources = child.sources.filter((s) => !sources.includes(s));
  if (newSources.length > 0)
    problems.push(`change-classes.sources may only lose sources; ${newSources.join(', ')} is not among the parent's`);
  const permParent = parent?.permission ?? null;
  if (permParent !== null && (child.permission === null || rankOf(PERMISSIONS, child.permission) < rankOf(PERMISSIONS, permParent)))
    problems.push(
      `change-classes.permission may only be raised; the parent has ${permParent}, this file ${child.permission ?? 'the override levels'}`,
    );
  if (permParent === null && child.permission !== null)
    problems.push('change-classes.permission is left to the override levels by the parent and may not be set here');
  return problems;
};

const LOOSENING: Record<LockableKey, Loosening> = {
  'block-on': blockOn,
  'on-error': oneWay('on-error', 'block', 'block'),
  mode: oneWay('mode', 'enforce', 'enforce'),
  'unknown-guards': oneWay('unknown-guards', 'allow', 'block'),
  thresholds,
  'freeze-windows': namedItems('freeze-windows', 'freeze window', []),
  'burn-rate-guards': namedItems('burn-rate-guards', 'fast-burn guard', DEFAULT_GUARDS),
  overrides,
  freezes,
  'on-block': onBlock,
  'change-classes': changeClasses,
};

/** The file's values in one environment (null: the top level), as the gate resolves them. */
function effective(file: PolicyFile, environment: string | null): Section {
  const { environments, ...top } = file;
  const section = environment === null ? undefined : environments?.[environment];
  return overlay(top, section) as Section;
}

/**
 * Where the merged policy is looser than its parent on a locked key: one issue
 * per problem, naming the key (its environment section when that is where it
 * loosens), the lock and the file that set it.
 *
 * @param parent the parent chain merged so far
 * @param merged the child merged over it
 * @param locks each locked key and the file that locked it
 */
export function lockViolations(parent: PolicyFile, merged: PolicyFile, locks: Readonly<Record<string, string>>): PolicyIssue[] {
  const environments = [null, ...new Set([...Object.keys(parent.environments ?? {}), ...Object.keys(merged.environments ?? {})])];
  const issues: PolicyIssue[] = [];
  for (const key of LOCKABLE_KEYS) {
    const lockedBy = locks[key];
    if (lockedBy === undefined) continue;
    for (const env of environments) {
      if (env !== null && TOP_LEVEL_ONLY.has(key)) continue;
      const at = env === null ? key : `environments.${env}.${key}`;
      for (const problem of LOOSENING[key](effective(parent, env), effective(merged, env))) {
        issues.push({ path: at, message: `${problem}: ${key} is locked by ${lockedBy} (locked: [${key}])` });
      }
    }
  }
  return issues;
}

/** The resolved values an input can change and a lock covers. */
interface InputGoverned {
  blockOn: (typeof BLOCKABLE_STATUSES)[number];
  onError: 'block' | 'allow';
  mode: 'enforce' | 'report';
  thresholds: { caution: number; warning: number; freeze: number };
}

/** The issue path of an input that loosens a lock: the gate's hosts name the input in their own words (run-gate.ts). */
export const INPUT_LOCK_PATHS: Partial<Record<LockableKey, string>> = {
  'block-on': 'input block-on',
  'on-error': 'input on-error',
  mode: 'input mode',
  thresholds: 'input thresholds',
};

/**
 * Where the host's inputs (the Action's `block-on`, the CLI's `--mode`, …) loosen a locked key: a lock binds
 * the inputs as it binds the files, or a workflow could undo what the organisation locked. Each issue names the
 * input as `name`; the caller spells it in the host's words.
 */
export function inputLockViolations(
  fromFiles: InputGoverned,
  withInputs: InputGoverned,
  locks: Readonly<Record<string, string>>,
): PolicyIssue[] {
  const asSection = (r: InputGoverned): Section => ({
    'block-on': r.blockOn,
    'on-error': r.onError,
    mode: r.mode,
    thresholds: r.thresholds,
  });
  const issues: PolicyIssue[] = [];
  for (const [key, path] of Object.entries(INPUT_LOCK_PATHS) as [LockableKey, string][]) {
    const lockedBy = locks[key];
    if (lockedBy === undefined) continue;
    for (const problem of LOOSENING[key](asSection(fromFiles), asSection(withInputs)))
      issues.push({
        path,
        message: `${problem.replace('this file', 'this input')}: ${key} is locked by ${lockedBy} (locked: [${key}]), so no input may loosen it`,
      });
  }
  return issues;
}

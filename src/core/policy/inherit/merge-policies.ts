/**
 * How a policy file merges over the file it `extends`. One rule per top-level
 * key, in one table (MERGE_RULES, typed over every key of the policy file, so a
 * new field cannot be added without choosing its rule). The README's
 * "Governing an organisation" section prints the same table.
 *
 * | Rule | Keys | A child's value… |
 * | --- | --- | --- |
 * | scalar | `version`, `$schema`, `block-on`, `on-error`, `mode`, `use-recording-rules`, `scrape-interval`, `unknown-guards`, `sloth`, `openslo`, `on-block`, `escalation` | replaces the parent's |
 * | object | `prometheus`, `thresholds`, `alerting`, `dr`, `overrides`, `audit`, `postmortems`, `notify`, `freezes`, `verify`, `hold`, `change-classes` | merges key by key, recursively; lists and scalars inside replace |
 * | named | `slos`, `freeze-windows`, `burn-rate-guards`, `exclusions` | merges by `name`: an item whose name the parent has replaces that item in place, a new name is appended, and the parent's other items stay (a guard without a name is named `<long>/<short> > <factor>x`) |
 * | environments | `environments` | merges by environment name; within one, every key follows its own rule above |
 * | locks | `locked` | adds to the parent's locks: a lock is never removed |
 * | chain | `extends` | is consumed by the chain, never merged |
 *
 * Pure: the chain (resolve-chain.ts) checks the locks (locks.ts) before merging.
 */
import type { PolicyFile } from '../schema.js';
import { isPlainObject, overlay } from '../overlay.js';

type Rule = 'scalar' | 'object' | 'named' | 'environments' | 'locks' | 'chain';

type FileKey = keyof PolicyFile;

export const MERGE_RULES: Record<FileKey, Rule> = {
  $schema: 'scalar',
  version: 'scalar',
  extends: 'chain',
  locked: 'locks',
  sloth: 'scalar',
  openslo: 'scalar',
  prometheus: 'object',
  slos: 'named',
  thresholds: 'object',
  'block-on': 'scalar',
  'on-error': 'scalar',
  'use-recording-rules': 'scalar',
  'scrape-interval': 'scalar',
  alerting: 'object',
  mode: 'scalar',
  dr: 'object',
  'freeze-windows': 'named',
  'burn-rate-guards': 'named',
  'unknown-guards': 'scalar',
  overrides: 'object',
  audit: 'object',
  environments: 'environments',
  postmortems: 'object',
  notify: 'object',
  freezes: 'object',
  exclusions: 'named',
  verify: 'object',
  'on-block': 'scalar',
  hold: 'object',
  escalation: 'scalar',
  'change-classes': 'object',
};

/** Which files set each effective key: `block-on`, `freeze-windows[holiday]`, `environments.prod.block-on`; parent first. */
export type Provenance = Record<string, string[]>;

/** A file (or the merge of a chain so far) with where each of its keys came from. */
export interface Layer {
  file: PolicyFile;
  provenance: Provenance;
}

/** The name an item of a named list is merged by. */
export function itemName(item: unknown): string {
  const o = item as { name?: unknown; long?: unknown; short?: unknown; factor?: unknown };
  if (typeof o.name === 'string') return o.name;
  // A fast-burn guard without a name: its default name, as resolve-policy.ts writes it.
  return `${String(o.long)}/${String(o.short)} > ${String(o.factor)}x`;
}

function mergeNamed(base: readonly unknown[], over: readonly unknown[]): unknown[] {
  const out = [...base];
  for (const item of over) {
    const at = out.findIndex((b) => itemName(b) === itemName(item));
    if (at === -1) out.push(item);
    else out[at] = item;
  }
  return out;
}

/** The provenance keys a file's own value of `key` contributes (a named list: one per item, and the list itself). */
function ownKeys(prefix: string, key: string, value: unknown): string[] {
  if (MERGE_RULES[key as FileKey] === 'named' && Array.isArray(value))
    return [`${prefix}${key}`, ...value.map((i) => `${prefix}${key}[${itemName(i)}]`)];
  if (MERGE_RULES[key as FileKey] === 'locks' && Array.isArray(value))
    return [`${prefix}${key}`, ...value.map((k) => `${prefix}${key}[${String(k)}]`)];
  return [`${prefix}${key}`];
}

/** A single file as a layer: every key it sets came from it. */
export function layerOf(file: PolicyFile, source: string): Layer {
  const provenance: Provenance = {};
  for (const [key, value] of Object.entries(file)) {
    if (value === undefined || key === 'extends') continue;
    if (key === 'environments' && isPlainObject(value)) {
      for (const [env, section] of Object.entries(value)) {
        for (const [k, v] of Object.entries(section as Record<string, unknown>)) {
          if (v !== undefined) for (const p of ownKeys(`environments.${env}.`, k, v)) provenance[p] = [source];
        }
      }
      continue;
    }
    for (const p of ownKeys('', key, value)) provenance[p] = [source];
  }
  const { extends: _extends, ...rest } = file;
  return { file: rest, provenance };
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Merges one section's keys (the top level, or one environment's) by the table. */
function mergeSection(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const current = out[key];
    switch (MERGE_RULES[key as FileKey]) {
      case 'chain':
        break;
      case 'scalar':
        out[key] = value;
        break;
      case 'object':
        out[key] = current === undefined ? value : overlay(current, value);
        break;
      case 'named':
        out[key] = Array.isArray(current) && Array.isArray(value) ? mergeNamed(current, value) : value;
        break;
      case 'locks':
        out[key] = [...new Set([...(Array.isArray(current) ? current : []), ...(value as unknown[])])];
        break;
      case 'environments': {
        const envs: Record<string, unknown> = { ...(isPlainObject(current) ? current : {}) };
        for (const [env, section] of Object.entries(value as Record<string, unknown>)) {
          envs[env] = isPlainObject(envs[env])
            ? mergeSection(envs[env] as Record<string, unknown>, section as Record<string, unknown>)
            : section;
        }
        out[key] = envs;
        break;
      }
      default:
        // Unreachable for a validated file (the schema is strict); a key without a rule is never merged silently.
        throw new Error(`no merge rule for the policy key ${key}`);
    }
  }
  return out;
}

/** The child merged over the parent, with the provenance of every key (a lock keeps the file that set it first). */
export function mergeLayers(parent: Layer, child: Layer): Layer {
  const file = mergeSection(parent.file as Record<string, unknown>, child.file as Record<string, unknown>) as PolicyFile;
  const provenance: Provenance = { ...parent.provenance };
  for (const [key, sources] of Object.entries(child.provenance)) {
    const previous = provenance[key];
    if (previous === undefined) provenance[key] = sources;
    else if (/^locked\[/.test(key)) continue;
    else if (isReplacing(key)) provenance[key] = sources;
    else provenance[key] = [...previous.filter((s) => !sources.includes(s)), ...sources];
  }
  return { file: withoutUndefined(file as Record<string, unknown>) as PolicyFile, provenance };
}

/** Whether the child's value of this provenance key replaces the parent's (then only the child set it). */
function isReplacing(key: string): boolean {
  const base = key.replace(/^environments\.[^.]+\./, '');
  if (base.endsWith(']')) return true;
  const rule = MERGE_RULES[base as FileKey];
  return rule === 'scalar';
}

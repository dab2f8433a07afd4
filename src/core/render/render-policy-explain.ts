/**
 * `deploy-governor policy explain`: the policy as the chain resolved it, as
 * YAML with a comment above each key (and each named item) naming the files
 * that set it. Pure: the CLI reads the files and prints the text.
 */
import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Provenance } from '../policy/inherit/merge-policies.js';
import type { PolicyFile } from '../policy/schema.js';
import { overlay } from '../policy/overlay.js';

export interface ExplainInput {
  file: PolicyFile;
  /** Where the policy came from: the repository's file, then its parents (one file when it extends nothing). */
  files: string[];
  /** Which files set each key; keys absent from it were set by files[0]. */
  provenance: Provenance;
  locks: Record<string, string>;
  /** Show this environment's values: its section laid over the top level (objects merge, lists and scalars replace). */
  environment: string | null;
}

/** The policy an environment sees, and the provenance key of each of its keys. */
function view(input: ExplainInput): { data: Record<string, unknown>; keyOf: (key: string) => string } {
  const env = input.environment;
  if (env === null) return { data: input.file as Record<string, unknown>, keyOf: (k) => k };
  const { environments, ...top } = input.file;
  const section = (environments?.[env] ?? {}) as Record<string, unknown>;
  return {
    data: overlay(top, section) as Record<string, unknown>,
    keyOf: (k) => {
      const base = k.replace(/\[.*$/, '');
      return section[base] !== undefined ? `environments.${env}.${k}` : k;
    },
  };
}

/** The resolved policy as commented YAML. */
export function renderPolicyExplain(input: ExplainInput): string {
  const { data, keyOf } = view(input);
  const own = input.files[0]!;
  const from = (key: string): string => ` from ${(input.provenance[keyOf(key)] ?? [own]).join(', ')}`;
  const doc = new Document(data);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const lock = input.locks[key];
      (pair.key as Node).commentBefore = `${from(key)}${lock ? `; locked by ${lock}` : ''}`;
      if (isSeq(pair.value) && ['slos', 'freeze-windows', 'burn-rate-guards'].includes(key)) {
        for (const item of pair.value.items) {
          const name = isMap(item)
            ? (item.get('name') ?? `${String(item.get('long'))}/${String(item.get('short'))} > ${String(item.get('factor'))}x`)
            : null;
          if (name !== null) (item as Node).commentBefore = from(`${key}[${String(name)}]`);
        }
      }
    }
  }
  const header = [
    `# The policy ${input.files.length > 1 ? `of ${input.files.join(', extending ')}` : `in ${own}`}, as the gate reads it${input.environment ? ` for the environment ${input.environment}` : ''}.`,
    ...Object.entries(input.locks).map(([k, by]) => `# locked: ${k} (by ${by})`),
  ];
  return `${header.join('\n')}\n${doc.toString({ lineWidth: 0 })}`;
}

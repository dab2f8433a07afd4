/**
 * The SLI kinds, in one registry. Each kind is one module under `kinds/`
 * implementing `SliKind` (its schema, its queries for the gate and for the
 * rule generator, its wording); this object lists them, and everything else is
 * derived from it: the policy file's `sli` block and its "exactly one of"
 * message, the resolved `ResolvedSli` union, the report's `sliKind` enum.
 *
 * Adding a kind is one file in `kinds/` and one line below (CONTRIBUTING.md,
 * "A new SLI kind"). Dispatch goes through `sliKindOf`, which is exhaustive: the
 * registry's type maps every resolved kind to its module, and a kind the
 * registry lacks (a hand-built policy, a newer report) is an error, never a
 * silent fallback to another kind.
 */
import { z } from 'zod';
import { eventsSli } from './kinds/events.js';
import { goodEventsSli } from './kinds/good-events.js';
import { latencySli } from './kinds/latency.js';
import { ratioSli } from './kinds/ratio.js';
import type { SliKind } from './sli-kind.js';

export const SLI_KINDS = {
  events: eventsSli,
  'good-events': goodEventsSli,
  latency: latencySli,
  ratio: ratioSli,
} as const;

type Registry = typeof SLI_KINDS;
export type SliKindName = keyof Registry;

/** How one SLO's SLI is measured, after defaults: the union of every kind's resolved form. */
export type ResolvedSli = { [K in SliKindName]: ReturnType<Registry[K]['resolve']> }[SliKindName];

/** The policy file's `sli` block: `{ events?: …, latency?: …, ratio?: … }`. */
export type SliConfig = { [K in SliKindName]?: z.output<Registry[K]['schema']> };

/** Every kind's key, in registry order. */
export const SLI_KIND_NAMES = Object.keys(SLI_KINDS) as [SliKindName, ...SliKindName[]];

// Every entry's `kind` is its own key (a module registered under another name would mis-dispatch).
const _keysMatchKinds: { [K in SliKindName]: { kind: K } } = SLI_KINDS;
void _keysMatchKinds;

/** A kind module with its types erased to the union, for dispatch. */
export type AnySliKind = SliKind<SliKindName, z.ZodType, ResolvedSli>;

/**
 * The module of an SLI's kind.
 * @throws Error for a kind outside the registry (its type is `never` here: only hand-built or foreign data gets there)
 */
export function sliKindOf(sli: ResolvedSli): AnySliKind {
  const kind = sli.kind;
  if (isRegistered(kind)) return SLI_KINDS[kind] as unknown as AnySliKind;
  // `kind` is `never` here: the compiler proves every resolved kind has a module.
  return unknownSliKind(kind);
}

function isRegistered(kind: string): kind is SliKindName {
  return Object.hasOwn(SLI_KINDS, kind);
}

function unknownSliKind(kind: never): never {
  throw new Error(`unknown SLI kind ${JSON.stringify(kind)}: the kinds are ${SLI_KIND_NAMES.join(', ')} (src/core/sli/registry.ts)`);
}

/** "a, b or c" */
function oneOfWords(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

type SliShape = { [K in SliKindName]: z.ZodOptional<Registry[K]['schema']> };

/** The policy file's `sli` block: exactly one kind's key. */
export const sliSchema = z
  .strictObject(Object.fromEntries(SLI_KIND_NAMES.map((name) => [name, SLI_KINDS[name].schema.optional()])) as SliShape)
  .refine((sli) => SLI_KIND_NAMES.filter((name) => sli[name] !== undefined).length === 1, {
    message: `expected exactly one of ${oneOfWords(SLI_KIND_NAMES)}`,
  })
  .meta({ description: `How the SLI is measured: exactly one of ${SLI_KIND_NAMES.map((n) => `\`${n}\``).join(', ')}.` });

/** The policy's `sli` block resolved by its kind's module. */
export function resolveSli(config: SliConfig): ResolvedSli {
  for (const name of SLI_KIND_NAMES) {
    const block = config[name];
    if (block !== undefined) return (SLI_KINDS[name] as unknown as AnySliKind).resolve(block);
  }
  throw new Error(`an SLI with none of ${SLI_KIND_NAMES.join(', ')} passed validation`);
}

/**
 * Enumerations as every source accepts them: case-insensitive (`block-on: warning`
 * in the file like `--block-on warning` on the command line), normalised to the
 * canonical spelling, and refused with the one wording `toPolicyIssues` gives
 * every `invalid_value` issue: "expected one of A, B, C; got "x"".
 */
import { z } from 'zod';
import { expectedOneOf } from './policy-issues.js';

/** The canonical spelling of `value` among `values`, ignoring case; undefined when none matches. */
export function canonicalEnumValue<T extends string>(values: readonly T[], value: string): T | undefined {
  const wanted = value.trim().toLowerCase();
  return values.find((v) => v.toLowerCase() === wanted);
}

/** A JSON Schema pattern matching any casing of the values: `[wW][aA]…` (JSON Schema regexes have no flags). */
function caseInsensitivePattern(values: readonly string[]): string {
  const letters = (v: string) =>
    [...v]
      .map((c) =>
        c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
  return `^\\s*(?:${values.map(letters).join('|')})\\s*$`;
}

/** An issue for a value outside `values`, in the shared wording (see policy-issues.ts). */
export function invalidValueIssue(values: readonly string[], input: unknown): z.core.$ZodRawIssue {
  return { code: 'invalid_value', values: [...values], input, message: expectedOneOf(values, input) };
}

/**
 * A string enum accepted in any case and parsed to its canonical spelling. The
 * JSON Schema offers the canonical values (editors complete them) and accepts
 * any casing; `booleans` also accepts YAML's true/false as "true"/"false".
 */
export function enumSchema<const T extends readonly [string, ...string[]]>(
  values: T,
  options: { booleans?: boolean } = {},
): z.ZodType<T[number], string> {
  return z
    .unknown()
    .overwrite((v) => {
      if (typeof v === 'boolean' && options.booleans) return canonicalEnumValue(values, String(v)) ?? v;
      return typeof v === 'string' ? (canonicalEnumValue(values, v) ?? v) : v;
    })
    .check(
      z.superRefine((v, ctx) => {
        if (!(values as readonly unknown[]).includes(v)) ctx.addIssue(invalidValueIssue(values, v));
      }),
    )
    .meta({
      anyOf: [
        { type: 'string', enum: [...values] },
        { type: 'string', pattern: caseInsensitivePattern(values) },
        ...(options.booleans ? [{ type: 'boolean' }] : []),
      ],
    }) as unknown as z.ZodType<T[number], string>;
}

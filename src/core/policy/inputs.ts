/**
 * The gate's inputs, shared by the Action (`INPUT_*`) and the CLI (flags): one schema,
 * so both adapters accept exactly the same names, forms and errors.
 *
 * Every value arrives as a string; an empty string means "not set" (the runner passes
 * unset inputs as empty). Parsed values override the policy file.
 *
 * Messages do not repeat the input's name: `toPolicyIssues` names the field as
 * its source spells it (`block-on` for an input, `--block-on` for a flag), so
 * the three sources share one wording ("expected one of …; got …").
 */
import { z } from 'zod';
import { DURATION_FORM, isDuration } from '../duration.js';
import { isHttpUrl } from '../http-url.js';
import { BLOCKABLE_STATUSES } from '../status.js';
import { canonicalEnumValue, invalidValueIssue } from './enum-schema.js';
import { objectiveProblem } from './objective.js';

/** A trimmed string; empty (the runner's unset input) is undefined. Shared with the verify step's inputs (core/verify/verify-inputs.ts). */
export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A finite number; `form` is the accepted form for the error. */
export const number = (form: string) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `expected ${form}; got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return n;
  });

/** A Prometheus duration. */
export const duration = () =>
  optionalText.transform((v, ctx) => {
    if (v !== undefined && !isDuration(v)) {
      ctx.addIssue({ code: 'custom', message: `expected ${DURATION_FORM}; got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return v;
  });

/** One of `values` in any case, as the policy file's enums (enum-schema.ts); refused in the shared wording. */
export const oneOf = <T extends string>(values: readonly T[]) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const n = canonicalEnumValue(values, v);
    if (n === undefined) {
      ctx.addIssue(invalidValueIssue(values, v));
      return z.NEVER;
    }
    return n;
  });

const bool = () =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    if (/^(true|yes|on|1)$/i.test(v)) return true;
    if (/^(false|no|off|0)$/i.test(v)) return false;
    ctx.addIssue({ code: 'custom', message: `expected true or false; got ${JSON.stringify(v)}` });
    return z.NEVER;
  });

/** `Name: value` lines, as in `prometheus-headers`. */
export function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    const m = /^\s*([A-Za-z0-9-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m) {
      // Never echo the line: it may carry a secret.
      throw new Error(`prometheus-headers line ${i + 1} must be "Name: value" (e.g. "X-Scope-OrgID: tenant-a")`);
    }
    headers[m[1]!] = m[2]!;
  });
  return headers;
}

const OVERRIDE_LEVELS = ['none', 'warning', 'freeze', 'exhausted'] as const;
export type OverrideLevelInput = (typeof OVERRIDE_LEVELS)[number];

/** Raw inputs by their documented (kebab-case) names. */
export const gateInputsSchema = z
  .object({
    'prometheus-url': optionalText.refine((v) => v === undefined || isHttpUrl(v), {
      message: 'expected an http:// or https:// URL such as https://prometheus.example.com',
    }),
    'prometheus-token': optionalText,
    'prometheus-headers': optionalText.transform((v, ctx) => {
      if (v === undefined) return undefined;
      try {
        return parseHeaderLines(v);
      } catch (error: unknown) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
    config: optionalText,
    environment: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9._ -]{1,255}$/.test(v), {
      message: 'expected a GitHub environment name (letters, digits, ".", "_", "-", spaces)',
    }),
    // Percent, as in the policy file: a fraction (0.999) would mean 0.999 % and let every deploy through.
    'slo-target': number('a percentage above 1 and below 100, e.g. 99.9').transform((v, ctx) => {
      if (v === undefined) return undefined;
      const problem = objectiveProblem(v);
      if (problem !== null) {
        ctx.addIssue({ code: 'custom', message: `${problem}; got ${v}` });
        return z.NEVER;
      }
      return v;
    }),
    window: duration(),
    'error-query': optionalText,
    'total-query': optionalText,
    'caution-threshold': number('a percentage, e.g. 80'),
    'warning-threshold': number('a percentage, e.g. 50'),
    'freeze-threshold': number('a percentage, e.g. 20'),
    'block-on': oneOf(BLOCKABLE_STATUSES),
    'on-error': oneOf(['block', 'allow'] as const),
    mode: oneOf(['enforce', 'report'] as const),
    'use-recording-rules': oneOf(['true', 'false', 'auto'] as const),
    timeout: duration(),
    'report-path': optionalText,
    'dr-check': bool(),
    'dr-metric': optionalText,
    'dr-max-age': duration(),
    'pushgateway-url': optionalText.refine((v) => v === undefined || isHttpUrl(v), {
      message: 'expected an http:// or https:// URL such as http://pushgateway:9091',
    }),
    override: oneOf(OVERRIDE_LEVELS),
    'override-reason': optionalText,
    // The class's name is checked against the policy's classes when it is used (resolve-change-class.ts).
    'change-class': optionalText.refine((v) => v === undefined || /^[a-z][a-z0-9-]{0,39}$/.test(v), {
      message: 'expected a change class such as rollback, security or hotfix (lower-case letters, digits, dashes)',
    }),
  })
  // Unknown keys are the adapters' business (the Action also has github-token); keep them out.
  .strip();

export type GateInputs = z.output<typeof gateInputsSchema>;

/**
 * The gate's inputs, shared by the Action (`INPUT_*`) and the CLI (flags): one schema,
 * so both adapters accept exactly the same names, forms and errors.
 *
 * Every value arrives as a string; an empty string means "not set" (the runner passes
 * unset inputs as empty). Parsed values override the policy file.
 */
import { z } from 'zod';
import { DURATION_FORM, isDuration } from '../duration.js';
import { isHttpUrl } from '../http-url.js';
import { BLOCKABLE_STATUSES } from '../status.js';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const number = (name: string, form: string) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `${name} must be ${form}; got "${v}"` });
      return z.NEVER;
    }
    return n;
  });

const duration = (name: string) =>
  optionalText.refine((v) => v === undefined || isDuration(v), {
    message: `${name} must be ${DURATION_FORM}`,
  });

const oneOf = <T extends string>(name: string, values: readonly T[], normalize: (s: string) => string = (s) => s) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const n = normalize(v);
    if (!(values as readonly string[]).includes(n)) {
      ctx.addIssue({ code: 'custom', message: `${name} must be one of ${values.join(', ')}; got "${v}"` });
      return z.NEVER;
    }
    return n as T;
  });

const bool = (name: string) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    if (/^(true|yes|on|1)$/i.test(v)) return true;
    if (/^(false|no|off|0)$/i.test(v)) return false;
    ctx.addIssue({ code: 'custom', message: `${name} must be true or false; got "${v}"` });
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

export const OVERRIDE_LEVELS = ['none', 'warning', 'freeze', 'exhausted'] as const;
export type OverrideLevelInput = (typeof OVERRIDE_LEVELS)[number];

/** Raw inputs by their documented (kebab-case) names. */
export const gateInputsSchema = z
  .object({
    'prometheus-url': optionalText.refine((v) => v === undefined || isHttpUrl(v), {
      message: 'prometheus-url must be an http:// or https:// URL such as https://prometheus.example.com',
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
      message: 'environment must be a GitHub environment name (letters, digits, ".", "_", "-", spaces)',
    }),
    'slo-target': number('slo-target', 'a percentage between 0 and 100, e.g. 99.9').refine(
      (v) => v === undefined || (v > 0 && v < 100),
      { message: 'slo-target must be a percentage above 0 and below 100, e.g. 99.9' },
    ),
    window: duration('window'),
    'error-query': optionalText,
    'total-query': optionalText,
    'caution-threshold': number('caution-threshold', 'a percentage, e.g. 80'),
    'warning-threshold': number('warning-threshold', 'a percentage, e.g. 50'),
    'freeze-threshold': number('freeze-threshold', 'a percentage, e.g. 20'),
    'block-on': oneOf('block-on', BLOCKABLE_STATUSES, (s) => s.toUpperCase()),
    'on-error': oneOf('on-error', ['block', 'allow'] as const, (s) => s.toLowerCase()),
    mode: oneOf('mode', ['enforce', 'report'] as const, (s) => s.toLowerCase()),
    'use-recording-rules': oneOf('use-recording-rules', ['true', 'false', 'auto'] as const, (s) => s.toLowerCase()),
    timeout: duration('timeout'),
    'report-path': optionalText,
    'dr-check': bool('dr-check'),
    'dr-metric': optionalText,
    'dr-max-age': duration('dr-max-age'),
    'pushgateway-url': optionalText.refine((v) => v === undefined || isHttpUrl(v), {
      message: 'pushgateway-url must be an http:// or https:// URL such as http://pushgateway:9091',
    }),
    override: oneOf('override', OVERRIDE_LEVELS, (s) => s.toLowerCase()),
    'override-reason': optionalText,
  })
  // Unknown keys are the adapters' business (the Action also has github-token); keep them out.
  .strip();

export type GateInputs = z.output<typeof gateInputsSchema>;

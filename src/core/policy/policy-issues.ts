/**
 * Zod issues as fix-it lines: the field as the user wrote it, what is wrong, the
 * value that was given and the accepted form. One wording for the three sources
 * a value comes from (the policy file, an Action input, a CLI flag), so that
 * `block-on: warnig` in the file, `block-on: warnig` as an input and
 * `--block-on warnig` all read "<source> <field>: expected one of CAUTION,
 * WARNING, FREEZE, EXHAUSTED; got "warnig"", the source being PolicyError's.
 */
import type { z } from 'zod';
import { PolicyError, type PolicyIssue } from './policy-error.js';

/** Where a value came from: it decides how the field is named (`environments.staging.block-on`, `block-on`, `--block-on`). */
export type IssueOrigin = 'file' | 'input' | 'flag';

/** Dotted path for a zod issue path: `slos[0].sli.events.error`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const k = String(key);
    return acc === '' ? k : `${acc}.${k}`;
  }, '');
}

/** The field as its source spells it: a flag gets its dashes. */
function fieldName(path: readonly PropertyKey[], origin: IssueOrigin = 'file'): string {
  const dotted = formatPath(path);
  return origin === 'flag' && dotted !== '' ? `--${dotted}` : dotted;
}

/** How a value is quoted in messages: JSON, cut at 80 characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON has no NaN or Infinity (it would print them as null): a YAML .nan or .inf is shown as written.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** "expected one of A, B, C; got "x"": the one wording for a value outside a set. */
export function expectedOneOf(values: readonly unknown[], got: unknown): string {
  const list = values.map((v) => (typeof v === 'string' ? v : describeValue(v)));
  return `${list.length === 1 ? `expected ${list[0]}` : `expected one of ${list.join(', ')}`}; got ${describeValue(got)}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/**
 * Zod issues as fix-it lines that name the field, the value and the accepted form.
 * @param input what was parsed, to quote the value as given (mask secrets before passing it)
 * @param origin where the values came from, for the field's spelling
 */
export function toPolicyIssues(error: z.ZodError, input: unknown, origin: IssueOrigin = 'file'): PolicyIssue[] {
  return error.issues.map((issue) => {
    const path = fieldName(issue.path, origin);
    if (issue.code === 'unrecognized_keys') {
      return {
        path,
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against the JSON Schema in schema/deploy-governor.schema.json)`,
      };
    }
    const value = valueAt(input, issue.path);
    // zod's own wording ("Invalid option: …") becomes the shared one; a schema's custom message is kept.
    if (issue.code === 'invalid_value' && /^Invalid (option|input)\b/.test(issue.message))
      return { path, message: expectedOneOf(issue.values, value) };
    const got = issue.code === 'invalid_type' && value === undefined ? 'missing' : `got ${describeValue(value)}`;
    const message = issue.message.replace(/^Invalid input: /, '');
    // Messages that already quote the value they got keep their own wording.
    return { path, message: /\bgot\b/.test(message) ? message : `${message} (${got})` };
  });
}

/** Where each origin's values come from, as PolicyError names it. */
const ORIGIN_SOURCE: Record<Exclude<IssueOrigin, 'file'>, string> = { input: 'action inputs', flag: 'command line' };

/**
 * A PolicyError for a failed parse: the adapters' one call for the file (source =
 * its path), the Action's inputs and the CLI's flags.
 */
export function policyErrorFromZod(error: z.ZodError, input: unknown, origin: IssueOrigin, source?: string): PolicyError {
  return new PolicyError(
    source ?? (origin === 'file' ? '.github/deploy-governor.yml' : ORIGIN_SOURCE[origin]),
    toPolicyIssues(error, input, origin),
  );
}

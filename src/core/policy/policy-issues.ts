/**
 * Zod issues as fix-it lines: the key's dotted path, what is wrong, the value
 * that was given and the accepted form. Shared by the policy file and the inputs.
 */
import type { z } from 'zod';
import type { PolicyIssue } from './policy-error.js';

/** Dotted path for a zod issue path: `slos[0].sli.events.error`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const k = String(key);
    return acc === '' ? k : `${acc}.${k}`;
  }, '');
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON has no NaN or Infinity (it would print them as null): a YAML .nan or .inf is shown as written.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Zod issues as fix-it lines that name the key, the value and the accepted form. */
export function toPolicyIssues(error: z.ZodError, input: unknown): PolicyIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return {
        path: formatPath(issue.path),
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against the JSON Schema in schema/deploy-governor.schema.json)`,
      };
    }
    const value = valueAt(input, issue.path);
    const got = issue.code === 'invalid_type' && value === undefined ? 'missing' : `got ${describeValue(value)}`;
    const message = issue.message.replace(/^Invalid input: /, '');
    // Input messages already quote the value they got.
    return { path: formatPath(issue.path), message: /\bgot\b/.test(message) ? message : `${message} (${got})` };
  });
}

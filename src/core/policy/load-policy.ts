/**
 * Parses and validates the policy file's text. Pure: the adapters read the file
 * (from the workspace, the API or disk) and pass its text in.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { PolicyError, type PolicyIssue } from './policy-error.js';
import { policyFileSchema, type PolicyFile } from './schema.js';

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
    return { path: formatPath(issue.path), message: `${issue.message.replace(/^Invalid input: /, '')} (${got})` };
  });
}

/**
 * Parse policy YAML. An empty file is an empty policy (all defaults).
 * @throws PolicyError naming each invalid key
 */
export function parsePolicy(text: string, source = '.github/deploy-governor.yml'): PolicyFile {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new PolicyError(
      source,
      doc.errors.map((e) => ({ path: e.linePos ? `line ${e.linePos[0].line}` : '', message: `YAML syntax: ${e.message.split('\n')[0]}` })),
    );
  }
  const data: unknown = doc.toJS() ?? {};
  const result = policyFileSchema.safeParse(data);
  if (!result.success) throw new PolicyError(source, toPolicyIssues(result.error, data));
  return result.data;
}

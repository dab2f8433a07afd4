/**
 * Parses and validates the policy file's text. Pure: the adapters read the file
 * (from the workspace, the API or disk) and pass its text in.
 */
import { parseDocument } from 'yaml';
import { PolicyError } from './policy-error.js';
import { toPolicyIssues } from './policy-issues.js';
import { policyFileSchema, type PolicyFile } from './schema.js';

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

/**
 * Parses and validates the policy file's text. Pure: the adapters read the file
 * (from the workspace, the API or disk) and pass its text in.
 */
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { PolicyError, type PolicyIssue } from './policy-error.js';
import { toPolicyIssues } from './policy-issues.js';
import { duplicateKey, tooDeep } from '../yaml/parse-hardened-yaml.js';
import { policyFileSchema, type PolicyFile } from './schema.js';

/**
 * Alias expansion allowed when building the data: yaml's default, stated here
 * because it is what stops a billion-laughs document (aliases of aliases)
 * from expanding exponentially. Anchors shared between environments stay far below it.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * Longest policy text accepted, in characters. A real policy is a few KB; yaml
 * needs seconds per MB of hostile text (a line of thousands of flow commas or
 * tags), time the app's event loop cannot spare.
 */
export const MAX_POLICY_CHARS = 256 * 1024;

/**
 * Deepest nesting of collections accepted. The schema's deepest key is 7 levels down
 * (environments.<name>.slos[i].sli.events.error). yaml composes nested collections
 * recursively: a few hundred levels exhaust the stack, and on Node 20 a stack
 * overflow there can kill the process ("RegExpCompiler Allocation failed")
 * instead of throwing, so the depth is measured first on the CST, which yaml builds iteratively.
 */
const MAX_DEPTH = 64;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** Issues reported at most: a file with thousands of bad entries still gets a readable message. */
const MAX_ISSUES = 50;

/** Longest issue message kept (a list of thousands of unknown keys is cut). */
const MAX_MESSAGE_CHARS = 1000;

function capped(issues: PolicyIssue[], total = issues.length): PolicyIssue[] {
  const kept = issues
    .slice(0, MAX_ISSUES)
    .map((i) => (i.message.length > MAX_MESSAGE_CHARS ? { ...i, message: `${i.message.slice(0, MAX_MESSAGE_CHARS - 1)}…` } : i));
  return total <= MAX_ISSUES ? kept : [...kept, { path: '', message: `… and ${total - MAX_ISSUES} more problems` }];
}

/** The line of the alias an expansion error is about: the one it names, else the first. */
function aliasLine(doc: Document, lines: LineCounter, message: string): string {
  let found: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (!node.range) return undefined;
      const named = message.includes(`: ${node.source}`);
      if (found === undefined || named) found = node.range[0];
      return named ? visit.BREAK : undefined;
    },
  });
  return found === undefined ? '' : `line ${lines.linePos(found).line}`;
}

/**
 * Parse policy YAML. An empty file is an empty policy (all defaults).
 * @throws PolicyError naming each invalid key
 */
export function parsePolicy(text: string, source = '.github/deploy-governor.yml'): PolicyFile {
  if (text.length > MAX_POLICY_CHARS) {
    throw new PolicyError(source, [
      {
        path: '',
        message: `the file has ${text.length} characters; a policy file may have at most ${MAX_POLICY_CHARS} (a real one has a few thousand: check that the config path names the policy file)`,
      },
    ]);
  }
  const deep = tooDeep(text, MAX_DEPTH);
  if (deep !== null) {
    const line = lineAt(text, deep);
    throw new PolicyError(source, [
      {
        path: `line ${line}`,
        message: `YAML nesting: collections nested more than ${MAX_DEPTH} levels deep at line ${line}; a policy needs at most 7`,
      },
    ]);
  }
  const lineCounter = new LineCounter();
  // logLevel error: yaml's own console warnings (e.g. a collection used as a key) would only clutter the logs; the
  // schema rejects such keys.
  // prettyErrors off: yaml's pretty errors copy the whole offending line into every error, which is
  // quadratic for one long line full of errors (a few hundred KB of quotes took a minute). Lines come from lineCounter.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, lineCounter, logLevel: 'error' });
  if (doc.errors.length > 0) {
    throw new PolicyError(
      source,
      capped(
        doc.errors.slice(0, MAX_ISSUES + 1).map((e) => {
          const at = e.pos[0] >= 0 ? lineCounter.linePos(e.pos[0]) : null;
          return {
            path: at ? `line ${at.line}` : '',
            message: `YAML syntax: ${e.message.split('\n')[0]}${at ? ` at line ${at.line}, column ${at.col}` : ''}`,
          };
        }),
        doc.errors.length,
      ),
    );
  }
  const duplicate = duplicateKey(doc, lineCounter);
  if (duplicate) throw new PolicyError(source, [duplicate]);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error: unknown) {
    // An unresolved alias, or aliases that expand past MAX_ALIAS_COUNT (a resource exhaustion attempt).
    const message = error instanceof Error ? error.message : String(error);
    throw new PolicyError(source, [
      {
        path: aliasLine(doc, lineCounter, message),
        message: `YAML aliases: ${message} (write the values out, or use fewer anchors and aliases)`,
      },
    ]);
  }
  const result = policyFileSchema.safeParse(data);
  if (!result.success) throw new PolicyError(source, capped(toPolicyIssues(result.error, data)));
  return result.data;
}

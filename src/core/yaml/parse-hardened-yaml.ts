/**
 * YAML text to plain data with the policy loader's defences
 * (src/core/policy/load-policy.ts), for other files the app reads (the tenants
 * file, the Alertmanager tokens file): a size cap, a nesting cap measured on the
 * CST before anything recursive runs, a linear duplicate-key check, a bounded
 * alias expansion (no billion laughs), and yaml's own errors with line numbers,
 * at most 50 of them.
 *
 * Pure: the caller reads the file.
 */
import { isScalar, LineCounter, Parser, parseDocument, visit, type CST, type Document } from 'yaml';
import type { PolicyIssue } from '../policy/policy-error.js';

export interface HardenedYamlLimits {
  /** Longest text accepted, in characters. */
  maxChars: number;
  /** Deepest nesting of collections. */
  maxDepth: number;
  /** Alias expansion allowed while building the data (yaml's default is 100). */
  maxAliasCount: number;
}

const MAX_ISSUES = 50;

/**
 * The offset of the first collection nested deeper than `maxDepth`, or null. Measured on the CST with an explicit
 * stack, before anything recursive runs (deep nesting could otherwise overflow Node's stack).
 */
export function tooDeep(text: string, maxDepth: number): number | null {
  for (const token of new Parser().parse(text)) {
    const stack: [CST.Token | undefined, number][] = [[token, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (!node) continue;
      if (node.type === 'document') {
        stack.push([node.value, depth]);
      } else if (node.type === 'block-map' || node.type === 'block-seq' || node.type === 'flow-collection') {
        if (depth + 1 > maxDepth) return node.offset;
        for (const item of node.items) {
          if ('key' in item) stack.push([item.key ?? undefined, depth + 1]);
          stack.push([item.value, depth + 1]);
        }
      }
    }
  }
  return null;
}

/**
 * The first key that repeats within its mapping, as a syntax error. yaml's own uniqueKeys check compares each key
 * with every earlier one: quadratic, which a file of a few thousand keys turns into minutes. A set per mapping is linear.
 */
export function duplicateKey(doc: Document, lines: LineCounter): PolicyIssue | null {
  let issue: PolicyIssue | null = null;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        if (seen.has(name)) {
          const line = pair.key.range ? lines.linePos(pair.key.range[0]).line : null;
          issue = {
            path: line === null ? '' : `line ${line}`,
            message: `YAML syntax: Map keys must be unique; "${name.slice(0, 80)}" is repeated${line === null ? '' : ` at line ${line}`}`,
          };
          return visit.BREAK;
        }
        seen.add(name);
      }
      return undefined;
    },
  });
  return issue;
}

/** The data of a YAML document (null for an empty one), or the problems found, each with its line. */
export function parseHardenedYaml(
  text: string,
  limits: HardenedYamlLimits,
): { ok: true; data: unknown } | { ok: false; issues: PolicyIssue[] } {
  if (text.length > limits.maxChars) {
    return {
      ok: false,
      issues: [{ path: '', message: `the file has ${text.length} characters; at most ${limits.maxChars} are accepted` }],
    };
  }
  const deep = tooDeep(text, limits.maxDepth);
  if (deep !== null) {
    const line = text.slice(0, deep).split('\n').length;
    return {
      ok: false,
      issues: [
        { path: `line ${line}`, message: `YAML nesting: collections nested more than ${limits.maxDepth} levels deep at line ${line}` },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, lineCounter, logLevel: 'error' });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.slice(0, MAX_ISSUES).map((e) => {
        const at = e.pos[0] >= 0 ? lineCounter.linePos(e.pos[0]) : null;
        return {
          path: at ? `line ${at.line}` : '',
          message: `YAML syntax: ${e.message.split('\n')[0]}${at ? ` at line ${at.line}, column ${at.col}` : ''}`,
        };
      }),
    };
  }
  const duplicate = duplicateKey(doc, lineCounter);
  if (duplicate) return { ok: false, issues: [duplicate] };
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: limits.maxAliasCount }) ?? null };
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [{ path: '', message: `YAML aliases: ${message} (write the values out, or use fewer anchors and aliases)` }],
    };
  }
}

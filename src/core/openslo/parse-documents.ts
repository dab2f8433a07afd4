/**
 * The objects of an OpenSLO file: one or more YAML documents (`---`), each an
 * object or a list of objects (both forms are OpenSLO's). The app reads this
 * file from a repository, so it gets the policy loader's defences
 * (src/core/policy/load-policy.ts): a size cap, a nesting cap measured on the
 * CST before anything recursive runs, a linear duplicate-key check, bounded
 * alias expansion, and at most 50 problems, each with its line.
 *
 * Pure: the adapters read the file.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import type { PolicyIssue } from '../policy/policy-error.js';
import { duplicateKey, tooDeep } from '../yaml/parse-hardened-yaml.js';

/** Longest OpenSLO file accepted: the policy file's cap (a real one is a few KB). */
const MAX_OPENSLO_CHARS = 256 * 1024;
/** OpenSLO's deepest field is about 10 levels down (spec.indicator.spec.ratioMetric.good.metricSource.spec.query). */
const MAX_DEPTH = 64;
const MAX_ALIAS_COUNT = 100;
const MAX_ISSUES = 50;

export interface OpenSloObject {
  /** `document 2` or `document 2, item 3`: where the object is when it has no usable name. */
  where: string;
  data: unknown;
}

/** Every object of the file, in order, or the YAML problems found. Empty documents are skipped. */
export function parseOpenSloDocuments(text: string): { ok: true; objects: OpenSloObject[] } | { ok: false; issues: PolicyIssue[] } {
  if (text.length > MAX_OPENSLO_CHARS) {
    return {
      ok: false,
      issues: [{ path: '', message: `the file has ${text.length} characters; an OpenSLO file may have at most ${MAX_OPENSLO_CHARS}` }],
    };
  }
  const deep = tooDeep(text, MAX_DEPTH);
  if (deep !== null) {
    const line = text.slice(0, deep).split('\n').length;
    return {
      ok: false,
      issues: [{ path: `line ${line}`, message: `YAML nesting: collections nested more than ${MAX_DEPTH} levels deep at line ${line}` }],
    };
  }
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, lineCounter, logLevel: 'error' });
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  const issues: PolicyIssue[] = [];
  const objects: OpenSloObject[] = [];
  for (const [d, doc] of docs.entries()) {
    for (const e of doc.errors) {
      const at = e.pos[0] >= 0 ? lineCounter.linePos(e.pos[0]) : null;
      issues.push({
        path: at ? `line ${at.line}` : `document ${d + 1}`,
        message: `YAML syntax: ${e.message.split('\n')[0]}${at ? ` at line ${at.line}, column ${at.col}` : ''}`,
      });
    }
    if (doc.errors.length > 0) continue;
    const duplicate = duplicateKey(doc, lineCounter);
    if (duplicate) {
      issues.push(duplicate);
      continue;
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error: unknown) {
      issues.push({
        path: `document ${d + 1}`,
        message: `YAML aliases: ${error instanceof Error ? error.message : String(error)} (write the values out, or use fewer anchors and aliases)`,
      });
      continue;
    }
    if (data === null || data === undefined) continue;
    if (Array.isArray(data)) data.forEach((item, i) => objects.push({ where: `document ${d + 1}, item ${i + 1}`, data: item }));
    else objects.push({ where: `document ${d + 1}`, data });
    if (issues.length > MAX_ISSUES) break;
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  return { ok: true, objects };
}

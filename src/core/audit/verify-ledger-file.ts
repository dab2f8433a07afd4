/**
 * The ledger on its own (`audit verify --ledger L` without `--repo`): each
 * file's chain, each entry in the file its repository names, and the overrides
 * it holds, listed per repository. Records the app could not append to a
 * repository's log are failures here too: they are evidence that the log was
 * broken, missing or moved when the app wrote.
 */
import { ledgerPath } from './ledger-entry.js';
import { duplicateEntries, notAppended, parseLedger, type LedgerProblem } from './parse-ledger.js';
import type { ChainVerdict } from './hash-chain.js';

/** One record as the ledger holds it: an override, a freeze set or lifted, or a change-class grant (`kind`). */
interface LedgerOverride {
  /** `override`, `freeze`, `unfreeze` or `change-class` (an override record carries no kind). */
  kind: string;
  id: string;
  at: string;
  environment: string;
  /** The override's level, or the class of a change-class grant. */
  level: string;
  actor: string;
  reason: string;
  /** Where the app wrote (or meant to write) it. */
  log: { branch: string; path: string };
  ledgerLine: number;
  /** Why it is not in the repository's log, when it is not. */
  problem?: string;
}

export interface LedgerFileVerdict {
  /** Path in the ledger repository, e.g. `ledger/octo/shop.jsonl`. */
  path: string;
  /** `owner/repo` the path names; null for a file outside the `ledger/<owner>/<repo>.jsonl` layout. */
  repository: string | null;
  ok: boolean;
  chain: ChainVerdict;
  overrides: LedgerOverride[];
  problems: LedgerProblem[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));

/** The repository a ledger path stands for, or null when the path is not a ledger file's. */
export function repositoryOfLedgerPath(path: string): string | null {
  const m = /^ledger\/([^/]+)\/([^/]+)\.jsonl$/.exec(path);
  return m ? `${m[1]}/${m[2]}` : null;
}

/** Checks one ledger file; `name` (default: the path) names it in messages. */
export function verifyLedgerFile(path: string, content: string, name = path): LedgerFileVerdict {
  const repository = repositoryOfLedgerPath(path);
  const parsed = parseLedger(content, name);
  const problems = [...parsed.problems, ...duplicateEntries(parsed.entries), ...notAppended(parsed.entries)];
  for (const l of parsed.entries) {
    if (ledgerPath(l.entry.repository) !== path) {
      problems.push({
        kind: 'wrong-file',
        id: l.entry.id,
        ledgerLine: l.line,
        message: `ledger line ${l.line} of ${name} is a record of ${l.entry.repository}, whose ledger file is ${ledgerPath(l.entry.repository)}`,
      });
    }
  }
  const overrides = parsed.entries.map((l): LedgerOverride => ({
    kind: text(l.entry.record.kind) || 'override',
    id: l.entry.id,
    at: text(l.entry.record.at) || l.entry.at,
    environment: text(l.entry.record.environment),
    level: text(l.entry.record.level ?? l.entry.record.class),
    actor: text(l.entry.record.actor),
    reason: text(l.entry.record.reason),
    log: l.entry.log,
    ledgerLine: l.line,
    ...(l.entry.problem !== undefined ? { problem: l.entry.problem } : {}),
  }));
  return { path, repository, ok: problems.length === 0, chain: parsed.chain, overrides, problems };
}

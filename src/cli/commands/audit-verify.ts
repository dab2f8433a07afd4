/**
 * `deploy-governor audit verify`: checks the override audit log.
 *
 * - `audit verify <file>`: the hash chain of a local copy. That proves only that
 *   the lines chain: whoever rewrites the log can recompute every hash.
 * - `audit verify --repo o/r`: through the API, the chain of the log at the
 *   branch head and its commit provenance (every commit that touched it is a
 *   verified append of one record by the app, see core/audit/verify-history.ts).
 *   With `--ledger L` also the ledger's witness (core/audit/compare-ledger.ts),
 *   which alone sees a rollback (force-push to an older commit of the app's).
 * - `audit verify --ledger L`: every ledger file's chain, and the overrides it
 *   holds per repository.
 *
 * Exit codes: 0 every check passed; 1 tampering found; 99 something could not
 * be read (no token, a 404, an unexpected answer). `--json` prints the result
 * as one JSON object in every case.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { compareLedger } from '../../core/audit/compare-ledger.js';
import { verifyChain, type ChainVerdict } from '../../core/audit/hash-chain.js';
import type { LedgerProblem } from '../../core/audit/parse-ledger.js';
import { verifyLedgerFile, type LedgerFileVerdict } from '../../core/audit/verify-ledger-file.js';
import { HistoryWalk, type HistoryProblem } from '../../core/audit/verify-history.js';
import { messageOf, type GitHubClient } from '../../github/client.js';
import { readAuditHistory, readLogAt, readLogVersions } from '../../github/read-audit-history.js';
import { ledgerFileName, listLedgerFiles, openLedger, readLedgerBlob, readLedgerFile } from '../../github/read-ledger.js';
import { readRepoPolicy } from '../../github/read-repo-policy.js';
import { createGitHubClient } from '../../github/rest-client.js';
import { PolicyError } from '../../core/policy/policy-error.js';
import { AUDIT_DEFAULTS } from '../../core/policy/resolve-policy.js';
import type { PolicyFile } from '../../core/policy/schema.js';
import { commandAction } from '../cli-exit.js';

const AUDIT_EXIT = { ok: 0, tampered: 1, unreadable: 99 } as const;
type ExitCode = (typeof AUDIT_EXIT)[keyof typeof AUDIT_EXIT];

interface VerifyOptions {
  repo?: string;
  /** Unset: the repository policy's `audit` section (default branch), else the defaults. */
  branch?: string;
  path?: string;
  app?: string;
  ledger?: string;
  ledgerBranch?: string;
  json?: boolean;
}

/** The chain verdict as printed and as JSON. */
type ChainResult = ChainVerdict;

/** `audit verify <file>`. */
interface FileResult {
  mode: 'file';
  ok: boolean;
  exitCode: ExitCode;
  file: string;
  chain: ChainResult;
  notes: string[];
}

/** `audit verify --repo o/r [--ledger L]`. */
interface RepoResult {
  mode: 'repo';
  ok: boolean;
  exitCode: ExitCode;
  repository: string;
  log: { branch: string; path: string; headSha: string | null; present: boolean };
  /** Null when there is no log at the head. */
  chain: ChainResult | null;
  history: { ok: boolean; app: string; commits: number; problems: HistoryProblem[] };
  /** Null without --ledger. */
  ledger: { ok: boolean; file: string; entries: number; matched: number; problems: LedgerProblem[] } | null;
  notes: string[];
}

/** `audit verify --ledger L`. */
interface LedgerResult {
  mode: 'ledger';
  ok: boolean;
  exitCode: ExitCode;
  ledger: { repository: string; branch: string; headSha: string };
  files: LedgerFileVerdict[];
  notes: string[];
}

/** Anything that could not be read: exit 99. */
interface UnreadableResult {
  mode: 'file' | 'repo' | 'ledger';
  ok: false;
  exitCode: 99;
  error: string;
}

type AuditVerifyResult = FileResult | RepoResult | LedgerResult | UnreadableResult;

/** Thrown for what the operator must fix before anything can be verified (exit 99). */
class Unreadable extends Error {}

function ownerAndName(value: string, flag: string): { owner: string; repo: string } {
  const [owner, repo, ...rest] = value.split('/');
  if (!owner || !repo || rest.length > 0) throw new Unreadable(`${flag} must be owner/name; got "${value}"`);
  return { owner, repo };
}

function githubClient(): GitHubClient {
  const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
  if (!token)
    throw new Unreadable(
      'set GITHUB_TOKEN (contents: read on the repository, and on the ledger repository with --ledger) to read through the API',
    );
  return createGitHubClient(token);
}

const exitOf = (ok: boolean): ExitCode => (ok ? AUDIT_EXIT.ok : AUDIT_EXIT.tampered);

async function verifyFile(file: string): Promise<FileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    throw new Unreadable(`cannot read ${file}: ${messageOf(error)}`);
  }
  const chain = verifyChain(text);
  return {
    mode: 'file',
    ok: chain.ok,
    exitCode: exitOf(chain.ok),
    file,
    chain,
    notes: [
      'a local file only proves the chain: verify through the API (--repo owner/name --ledger owner/repo) to detect a rewritten history, truncation and rollback',
    ],
  };
}

/**
 * Where the log is and who writes it: the flags, else the `audit` section of the policy on the repository's
 * default branch (where the app reads it), else the defaults. A policy that does not parse is a note, not a
 * failure: the flags can say it instead.
 */
async function auditSection(
  client: GitHubClient,
  owner: string,
  repo: string,
  o: VerifyOptions,
): Promise<{ branch: string; path: string; app: string; note: string | null }> {
  if (o.branch !== undefined && o.path !== undefined && o.app !== undefined)
    return { branch: o.branch, path: o.path, app: o.app, note: null };
  // The audit section is top-level (never per environment): read it as the file says, with its defaults.
  let section: PolicyFile['audit'] = {};
  let note: string | null = null;
  try {
    section = (await readRepoPolicy(client, owner, repo)).audit ?? {};
  } catch (error: unknown) {
    if (!(error instanceof PolicyError)) throw error;
    note = `the policy on ${owner}/${repo}'s default branch does not parse, so the audit section's defaults were used (set --branch, --path and --app to be sure): ${error.message.split('\n')[0]}`;
  }
  return {
    branch: o.branch ?? section.branch ?? AUDIT_DEFAULTS.branch,
    path: o.path ?? section.path ?? AUDIT_DEFAULTS.path,
    app: o.app ?? section.app ?? AUDIT_DEFAULTS.app,
    note,
  };
}

async function verifyRepo(options: VerifyOptions & { repo: string }): Promise<RepoResult> {
  const { owner, repo } = ownerAndName(options.repo, '--repo');
  const ledgerName = options.ledger ? ownerAndName(options.ledger, '--ledger') : null;
  const client = githubClient();
  const section = await auditSection(client, owner, repo, options);
  const o = { ...options, ...section };
  const at = { owner, repo, branch: o.branch, path: o.path };
  const repository = `${owner}/${repo}`;
  const source = `${repository}:${o.branch}:${o.path}`;

  const history = await readAuditHistory(client, at);
  const head = history.headSha ? await readLogAt(client, at, history.headSha) : null;
  const walk = new HistoryWalk({ appSlug: o.app });
  for await (const version of readLogVersions(client, at, history.commits)) walk.add(version);
  const provenance = walk.finish(head);

  let ledger: RepoResult['ledger'] = null;
  if (ledgerName) {
    const opened = await openLedger(client, ledgerName, o.ledgerBranch);
    const file = await readLedgerFile(client, opened, repository);
    const name = ledgerFileName(opened, file.path);
    const comparison = compareLedger({
      logText: head,
      ledgerText: file.text,
      location: { repository, branch: o.branch, path: o.path },
      ledgerName: name,
    });
    ledger = { ok: comparison.ok, file: name, entries: comparison.entries, matched: comparison.matched, problems: comparison.problems };
  }

  // Nothing was ever logged here, as far as the branch can tell: only a ledger can say whether that is true.
  const nothingLogged = head === null && history.commits.length === 0;
  if (nothingLogged && !ledger) {
    throw new Unreadable(
      history.headSha === null
        ? `no branch ${o.branch} in ${repository}: no log to verify. If overrides were recorded there, the branch was deleted: add --ledger <owner/repo> to know`
        : `no ${o.path} on branch ${o.branch} of ${repository}, and no commit ever wrote it: no log to verify (check --branch and --path)`,
    );
  }

  const chain = head === null ? null : verifyChain(head);
  const ok = (chain?.ok ?? true) && provenance.ok && (ledger?.ok ?? true);
  const notes = ledger
    ? []
    : [
        'without --ledger, a force-push back to an older commit of the app (a rollback) or a deleted branch goes unseen: add --ledger <owner/repo>',
      ];
  if (section.note) notes.push(section.note);
  if (nothingLogged && ledger?.ok) notes.push(`no log at ${source} and no ledger entry for ${repository}: no override was ever recorded`);
  return {
    mode: 'repo',
    ok,
    exitCode: exitOf(ok),
    repository,
    log: { branch: o.branch, path: o.path, headSha: history.headSha, present: head !== null },
    chain,
    history: { ok: provenance.ok, app: `${o.app}[bot]`, commits: provenance.commits, problems: provenance.problems },
    ledger,
    notes,
  };
}

async function verifyLedger(o: VerifyOptions & { ledger: string }): Promise<LedgerResult> {
  const name = ownerAndName(o.ledger, '--ledger');
  const client = githubClient();
  const ledger = await openLedger(client, name, o.ledgerBranch);
  const files: LedgerFileVerdict[] = [];
  // One file at a time: only one ledger file's text is held at once.
  for (const file of await listLedgerFiles(client, ledger)) {
    files.push(verifyLedgerFile(file.path, await readLedgerBlob(client, ledger, file), ledgerFileName(ledger, file.path)));
  }
  const ok = files.every((f) => f.ok);
  return {
    mode: 'ledger',
    ok,
    exitCode: exitOf(ok),
    ledger: { repository: `${ledger.owner}/${ledger.repo}`, branch: ledger.branch, headSha: ledger.headSha },
    files,
    notes: files.length === 0 ? [`the ledger holds no ledger/<owner>/<repo>.jsonl file on ${ledger.branch} yet`] : [],
  };
}

// ---------------------------------------------------------------- text output

const SHOWN = 20;

function listed(problems: { message: string }[]): string[] {
  const lines = problems.slice(0, SHOWN).map((p) => `  - ${p.message}`);
  if (problems.length > SHOWN) lines.push(`  … and ${problems.length - SHOWN} more (--json lists them all)`);
  return lines;
}

function chainLine(chain: ChainResult, source: string): string {
  return chain.ok
    ? `OK: ${chain.records} record(s), hash chain intact (${source})`
    : `BROKEN at line ${chain.line} of ${source}: ${chain.reason} (${chain.records} record(s) before it are intact)`;
}

function renderRepo(r: RepoResult): string[] {
  const source = `${r.repository}:${r.log.branch}:${r.log.path}`;
  const lines = [`${source}${r.log.headSha ? ` at ${r.log.headSha.slice(0, 7)}` : ' (no such branch)'}`];
  lines.push(r.chain ? chainLine(r.chain, source) : `NO LOG at ${source}`);
  lines.push(
    r.history.ok
      ? `OK: history: ${r.history.commits} commit(s), each a verified append of one record by ${r.history.app}`
      : `FAILED: history of the log: ${r.history.problems.length} problem(s)`,
    ...listed(r.history.problems),
  );
  if (r.ledger) {
    lines.push(
      r.ledger.ok
        ? `OK: ledger ${r.ledger.file} holds the same ${r.ledger.matched} record(s)`
        : `FAILED: ledger ${r.ledger.file}: ${r.ledger.problems.length} problem(s)`,
      ...listed(r.ledger.problems),
    );
  }
  const count = (r.chain && !r.chain.ok ? 1 : 0) + r.history.problems.length + (r.ledger?.problems.length ?? 0);
  lines.push(
    r.ok ? `OK: ${r.repository}'s audit log passed every check` : `TAMPERED: ${count} problem(s) with ${r.repository}'s audit log`,
  );
  return [...lines, ...r.notes.map((n) => `note: ${n}`)];
}

/** What a ledger record did: an override's level, a freeze change, or the class a change-class grant let through. */
function what(o: { kind: string; level: string }): string {
  if (o.kind === 'override') return o.level;
  return o.kind === 'change-class' ? `change-class ${o.level}` : o.kind;
}

function renderLedger(r: LedgerResult): string[] {
  const lines = [
    `ledger ${r.ledger.repository}:${r.ledger.branch} at ${r.ledger.headSha.slice(0, 7)}: ${r.files.length} repository file(s)`,
  ];
  for (const f of r.files) {
    const who = f.repository ?? f.path;
    lines.push(
      f.ok
        ? `OK: ${f.path} (${who}): ${f.overrides.length} record(s), hash chain intact`
        : `FAILED: ${f.path} (${who}): ${f.problems.length} problem(s)`,
    );
    lines.push(...listed(f.problems));
    for (const o of f.overrides) {
      const state = o.problem !== undefined ? ` [not appended: ${o.problem}]` : '';
      lines.push(
        `    ${o.at} ${o.environment} ${what(o)} by ${o.actor || (o.kind === 'change-class' ? 'policy' : 'expiry')}: ${JSON.stringify(o.reason)} (${o.id} at ${o.log.branch}:${o.log.path})${state}`,
      );
    }
  }
  const failed = r.files.filter((f) => !f.ok).length;
  lines.push(r.ok ? `OK: every ledger file passed` : `TAMPERED: ${failed} ledger file(s) failed`);
  return [...lines, ...r.notes.map((n) => `note: ${n}`)];
}

function render(result: AuditVerifyResult): string {
  if ('error' in result) return `deploy-governor: ${result.error}\n`;
  switch (result.mode) {
    case 'file':
      return `${chainLine(result.chain, result.file)}${result.chain.ok ? `; ${result.notes.join('; ')}` : ''}\n`;
    case 'repo':
      return `${renderRepo(result).join('\n')}\n`;
    case 'ledger':
      return `${renderLedger(result).join('\n')}\n`;
  }
}

// ---------------------------------------------------------------- command

function explain(error: unknown): string {
  // An answer GitHub is not expected to give: name the field, not a stack.
  if (error instanceof z.ZodError)
    return `GitHub answered in an unexpected shape (${z.prettifyError(error).replace(/\n/g, ' ')}); is GITHUB_API_URL a GitHub API?`;
  return messageOf(error);
}

/** Runs the verification the options ask for; never throws. */
async function auditVerify(file: string | undefined, o: VerifyOptions): Promise<AuditVerifyResult> {
  const mode = o.repo ? 'repo' : file ? 'file' : 'ledger';
  try {
    if (o.repo) {
      if (file) throw new Unreadable(`name a log file or --repo, not both`);
      return await verifyRepo({ ...o, repo: o.repo });
    }
    if (file) {
      if (o.ledger) throw new Unreadable('a local file cannot be compared with the ledger: use --repo owner/name --ledger owner/repo');
      return await verifyFile(file);
    }
    if (o.ledger) return await verifyLedger({ ...o, ledger: o.ledger });
    throw new Unreadable('name a log file, or use --repo owner/name (and --ledger owner/repo), or --ledger owner/repo alone');
  } catch (error: unknown) {
    return { mode, ok: false, exitCode: AUDIT_EXIT.unreadable, error: explain(error) };
  }
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The override audit log.');
  audit
    .command('verify [file]')
    .description(
      'Verify an audit log: its hash chain (a file), its commit provenance (--repo) and the ledger (--ledger). Exit 0 OK, 1 tampering found, 99 cannot read.',
    )
    .option('--repo <owner/name>', 'read the log through the GitHub API (GITHUB_TOKEN or GH_TOKEN) and check its commit history')
    .option('--branch <branch>', "branch of the log (default: the policy's audit.branch, else deploy-governor-audit)")
    .option('--path <path>', "path of the log (default: the policy's audit.path, else audit/overrides.jsonl)")
    .option(
      '--app <slug>',
      "the app's slug: its commits are authored by <slug>[bot] (default: the policy's audit.app, else deploy-governor)",
    )
    .option('--ledger <owner/repo>', 'the ledger repository: compare the log with it (with --repo), or check every ledger file (alone)')
    .option('--ledger-branch <branch>', "branch of the ledger (default: the ledger repository's default branch)")
    .option('--json', 'print the result as JSON')
    .action(
      commandAction(async (file: string | undefined, options: VerifyOptions) => {
        const result = await auditVerify(file, options);
        if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else if ('error' in result) process.stderr.write(render(result));
        else process.stdout.write(render(result));
        return result.exitCode;
      }),
    );
}

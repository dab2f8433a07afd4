/**
 * `deploy-governor audit verify` (the real CLI command) against the stateful
 * GitHub stand-in on loopback, whose branches keep commit histories. A clean
 * log is written by appendAuditRecord with an app-authenticated client (so its
 * commits are the app's and verified, as GitHub makes them); the ledger lines
 * are chained with the same functions and committed by the app. Each tampering
 * then fails with a message naming what and where; every request the CLI makes
 * passes the OpenAPI checker.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startGitHubStateStandIn, type GitHubStateStandIn, type RepoState } from '../../scripts/lib/github-state-stand-in.js';
import type { AuditRecord } from '../../src/core/audit/audit-record.js';
import type { ClassGrantRecord } from '../../src/core/audit/class-grant-record.js';
import { chainRecord, GENESIS_HASH, lastHash } from '../../src/core/audit/hash-chain.js';
import { ledgerPath, type LedgerEntry } from '../../src/core/audit/ledger-entry.js';
import { run } from '../../src/cli/run.js';
import { appendAuditRecord } from '../../src/github/append-audit-record.js';
import { readRepoFile } from '../../src/github/read-repo-file.js';
import { createGitHubClient } from '../../src/github/rest-client.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';

const APP = { id: 4242, slug: 'deploy-governor' };
const BRANCH = 'deploy-governor-audit';
const LOG = 'audit/overrides.jsonl';
const LEDGER = 'platform/audit-ledger';

let gh: GitHubStateStandIn;

beforeAll(async () => {
  gh = await startGitHubStateStandIn({ app: APP, check: checkGitHubRequest });
  gh.state.tokenLogins.set('ghp_auditor', 'auditor');
  gh.state.tokenLogins.set('ghp_mallory', 'mallory');
});
afterAll(() => gh.stop());
afterEach(() => {
  // Every request (the CLI's, the app client's, the tamperer's) is one GitHub's OpenAPI description allows.
  expect(gh.problems).toEqual([]);
  gh.problems.length = 0;
});

const appClient = () => createGitHubClient('ghs_app_installation', gh.url);

function record(repository: string, i: number): AuditRecord {
  return {
    id: `${1000 + i}-1-production`,
    at: `2026-03-0${i}T10:00:00Z`,
    repository,
    environment: 'production',
    actor: 'octocat',
    level: 'exhausted',
    reason: `override ${i}`,
    status: 'EXHAUSTED',
    budget_remaining: -0.1,
    run_id: 1000 + i,
    run_attempt: 1,
    run_url: `https://github.com/${repository}/actions/runs/${1000 + i}`,
    sha: 'c'.repeat(40),
    approvers: ['reviewer'],
  };
}

/** Enters a ledger line for `logged` (or a record the app could not append), chained and committed by the app. */
function enterInLedger(
  repository: string,
  logged: Record<string, unknown>,
  o: { ledger?: string; log?: { branch: string; path: string }; problem?: string } = {},
): void {
  const [owner, name] = (o.ledger ?? LEDGER).split('/');
  const ledger = gh.state.repo(owner!, name!);
  const path = ledgerPath(repository);
  const current = gh.state.fileText(ledger, ledger.defaultBranch, path) ?? '';
  const entry: LedgerEntry = {
    id: String(logged.id),
    repository,
    log: o.log ?? { branch: BRANCH, path: LOG },
    record_hash: o.problem === undefined && typeof logged.hash === 'string' ? logged.hash : null,
    record: logged,
    ...(o.problem !== undefined ? { problem: o.problem } : {}),
    at: '2026-03-01T10:00:01Z',
  };
  gh.state.commitFile(ledger, {
    branch: ledger.defaultBranch,
    path,
    text: `${current}${JSON.stringify(chainRecord(entry, lastHash(current)))}\n`,
    message: `ledger ${repository} ${entry.id}`,
  });
}

/** Appends through appendAuditRecord with the app's installation token, as the app does; the record as logged. */
async function appendAsApp(name: string, path: string, r: AuditRecord | ClassGrantRecord): Promise<Record<string, unknown>> {
  const outcome = await appendAuditRecord(appClient(), { owner: 'octo', repo: name, branch: BRANCH, path }, r);
  if (!outcome.appended) throw new Error(`not appended: ${JSON.stringify(outcome)}`);
  return outcome.logged;
}

/** A clean log of `n` records in octo/<name>, written as the app writes it, and its ledger. */
async function seed(
  name: string,
  n = 4,
  o: { ledger?: string; path?: string } = {},
): Promise<{ repo: RepoState; repository: string; logged: Record<string, unknown>[] }> {
  const repository = `octo/${name}`;
  const logged: Record<string, unknown>[] = [];
  for (let i = 1; i <= n; i++) {
    const appended = await appendAsApp(name, o.path ?? LOG, record(repository, i));
    logged.push(appended);
    enterInLedger(repository, appended, {
      ...(o.ledger ? { ledger: o.ledger } : {}),
      ...(o.path ? { log: { branch: BRANCH, path: o.path } } : {}),
    });
  }
  return { repo: gh.state.repo('octo', name), repository, logged };
}

/** Commits new log text through the contents API with a person's token, as someone with write access can. */
async function commitAsMallory(name: string, text: string): Promise<string> {
  const mallory = createGitHubClient('ghp_mallory', gh.url);
  const current = await readRepoFile(mallory, { owner: 'octo', repo: name, path: LOG, ref: BRANCH });
  const { data } = await mallory.request('PUT /repos/{owner}/{repo}/contents/{path}', {
    owner: 'octo',
    repo: name,
    path: LOG,
    branch: BRANCH,
    message: 'fix typo',
    content: Buffer.from(text).toString('base64'),
    ...(current ? { sha: current.sha } : {}),
  });
  return (data as { commit: { sha: string } }).commit.sha.slice(0, 7);
}

/** Chains records as a tamperer who recomputes the hashes does. */
function rechain(records: Record<string, unknown>[]): string {
  let prev = GENESIS_HASH;
  return records
    .map(({ hash: _h, prev_hash: _p, ...r }) => {
      const chained = chainRecord(r, prev);
      prev = chained.hash;
      return `${JSON.stringify(chained)}\n`;
    })
    .join('');
}

const lines = (records: Record<string, unknown>[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

/** Runs the CLI as an auditor would: a person's read token, the API at the stand-in. */
async function verify(...args: string[]): Promise<{ code: number; out: string }> {
  vi.stubEnv('GITHUB_TOKEN', 'ghp_auditor');
  vi.stubEnv('GH_TOKEN', '');
  vi.stubEnv('GITHUB_API_URL', gh.url);
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
  try {
    const code = await run(['node', 'deploy-governor', 'audit', 'verify', ...args]);
    return { code, out: out.join('') };
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
}

const withLedger = (name: string, ...more: string[]) => verify('--repo', `octo/${name}`, '--ledger', LEDGER, ...more);

describe('audit verify --repo against the stand-in', () => {
  it("reads the log's place and the app's slug from the policy on the default branch when no flag names them", async () => {
    await seed('placed', 2, { path: 'compliance/deploys.jsonl' });
    const repo = gh.state.repo('octo', 'placed');
    gh.state.commitFile(repo, {
      branch: repo.defaultBranch,
      path: '.github/deploy-governor.yml',
      text: 'audit:\n  path: compliance/deploys.jsonl\n',
      by: 'octocat',
    });
    const found = await withLedger('placed');
    expect(found.out).toContain('OK: 2 record(s), hash chain intact (octo/placed:deploy-governor-audit:compliance/deploys.jsonl)');
    expect(found.code).toBe(0);
    // Another app slug in the policy: the same commits are no longer that app's.
    gh.state.commitFile(repo, {
      branch: repo.defaultBranch,
      path: '.github/deploy-governor.yml',
      text: 'audit:\n  path: compliance/deploys.jsonl\n  app: other-governor\n',
      by: 'octocat',
    });
    const other = await withLedger('placed');
    expect(other.code).toBe(1);
    expect(other.out).toContain('other-governor[bot]');
  });

  it('passes a clean log and ledger, and says what a run without the ledger cannot see', async () => {
    await seed('clean');
    const full = await withLedger('clean');
    expect(full.out).toContain('OK: 4 record(s), hash chain intact (octo/clean:deploy-governor-audit:audit/overrides.jsonl)');
    expect(full.out).toContain('OK: history: 4 commit(s), each a verified append of one record by deploy-governor[bot]');
    expect(full.out).toContain('OK: ledger platform/audit-ledger:main:ledger/octo/clean.jsonl holds the same 4 record(s)');
    expect(full.code).toBe(0);

    const alone = await verify('--repo', 'octo/clean');
    expect(alone.code).toBe(0);
    expect(alone.out).toMatch(
      /note: without --ledger, a force-push back to an older commit of the app \(a rollback\) or a deleted branch goes unseen/,
    );

    const json = await withLedger('clean', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      mode: 'repo',
      ok: true,
      exitCode: 0,
      repository: 'octo/clean',
      chain: { ok: true, records: 4 },
      history: { ok: true, commits: 4, app: 'deploy-governor[bot]', problems: [] },
      ledger: { ok: true, entries: 4, matched: 4, problems: [] },
    });

    // Another app's log is not this app's: --app names whose commits to expect.
    const other = await verify('--repo', 'octo/clean', '--app', 'other-app');
    expect(other.code).toBe(1);
    expect(other.out).toMatch(/commit [0-9a-f]{7} by deploy-governor\[bot\] was not made by the app \(other-app\[bot\]\)/);
  });

  it('fails an edit without recomputing: chain, provenance and ledger each name it', async () => {
    const { logged } = await seed('edit');
    const commit = await commitAsMallory('edit', lines(logged.map((r, i) => (i === 1 ? { ...r, reason: 'routine deploy' } : r))));
    const { code, out } = await withLedger('edit');
    expect(code).toBe(1);
    expect(out).toContain('BROKEN at line 2 of octo/edit:deploy-governor-audit:audit/overrides.jsonl: hash does not match the record');
    expect(out).toContain(`commit ${commit} by mallory was not made by the app (deploy-governor[bot])`);
    expect(out).toContain(`commit ${commit} by mallory is not verified by GitHub (unsigned)`);
    expect(out).toContain(`commit ${commit} by mallory changed line 2 (4 line(s) before, 4 after); the app only appends`);
    expect(out).toContain(
      'record 1002-1-production at log line 2 differs from the ledger (ledger line 2): reason is "routine deploy" in the log, "override 2" in the ledger; its hash was not recomputed',
    );
  });

  it('fails a dropped record with the later hashes recomputed (the chain alone passes)', async () => {
    const { logged } = await seed('drop');
    const commit = await commitAsMallory('drop', rechain(logged.filter((_, i) => i !== 1)));
    const { code, out } = await withLedger('drop');
    expect(code).toBe(1);
    expect(out).toContain('OK: 3 record(s), hash chain intact');
    expect(out).toContain(`commit ${commit} by mallory changed line 2 (4 line(s) before, 3 after)`);
    expect(out).toMatch(/record 1002-1-production \(ledger line 2, [^)]+\) is missing from the log/);
    expect(out).toMatch(/record 1003-1-production at log line 2 differs from the ledger \(ledger line 3\): only its chain fields differ/);
  });

  it('fails a re-attributed record with the later hashes recomputed', async () => {
    const { logged } = await seed('reattribute');
    const commit = await commitAsMallory('reattribute', rechain(logged.map((r, i) => (i === 2 ? { ...r, actor: 'intern' } : r))));
    const { code, out } = await withLedger('reattribute');
    expect(code).toBe(1);
    expect(out).toContain('OK: 4 record(s), hash chain intact');
    expect(out).toContain(`commit ${commit} by mallory changed line 3`);
    expect(out).toMatch(
      /record 1003-1-production at log line 3 differs from the ledger \(ledger line 3\): actor is "intern" in the log, "octocat" in the ledger; hash [0-9a-f]{12}… in the log/,
    );
  });

  it('fails a truncation of the last lines', async () => {
    const { logged } = await seed('truncate');
    const commit = await commitAsMallory('truncate', lines(logged.slice(0, 2)));
    const { code, out } = await withLedger('truncate');
    expect(code).toBe(1);
    expect(out).toContain('OK: 2 record(s), hash chain intact');
    expect(out).toContain(`commit ${commit} by mallory removed lines 3–4 (the last 2 record(s))`);
    expect(out).toMatch(/record 1003-1-production \(ledger line 3, [^)]+\) is missing from the log/);
    expect(out).toMatch(/record 1004-1-production \(ledger line 4, [^)]+\) is missing from the log/);
  });

  it('fails a force-push to an older commit: provenance passes, the ledger catches it', async () => {
    const { repo } = await seed('rollback');
    const appCommits = gh.state.historyOf(repo, BRANCH).filter((c) => gh.state.changed(repo, c, LOG));
    expect(appCommits).toHaveLength(4);
    gh.state.forcePush(repo, BRANCH, appCommits[2]!.sha); // back to the second record

    const alone = await verify('--repo', 'octo/rollback');
    expect(alone.out).toContain('OK: 2 record(s), hash chain intact');
    expect(alone.out).toContain('OK: history: 2 commit(s), each a verified append of one record by deploy-governor[bot]');
    expect(alone.code).toBe(0);

    const { code, out } = await withLedger('rollback');
    expect(code).toBe(1);
    expect(out).toContain('OK: history: 2 commit(s)');
    expect(out).toMatch(
      /record 1003-1-production \(ledger line 3, [^)]+\) is missing from the log: it was truncated, rolled back \(force-push\)/,
    );
    expect(out).toMatch(/record 1004-1-production \(ledger line 4, [^)]+\) is missing from the log/);
  });

  it('fails a deleted log, and a deleted branch when the ledger witnesses it', async () => {
    const { repo } = await seed('delete');
    const deletion = gh.state.deleteFile(repo, { branch: BRANCH, path: LOG, by: 'mallory' });
    const short = deletion.sha.slice(0, 7);
    const { code, out } = await withLedger('delete');
    expect(code).toBe(1);
    expect(out).toContain('NO LOG at octo/delete:deploy-governor-audit:audit/overrides.jsonl');
    expect(out).toContain(`commit ${short} by mallory deleted the log (it held 4 record(s))`);
    expect(out).toContain(
      `no log at the head of its branch, though 5 commit(s) wrote it (the last: commit ${short} by mallory): the log was deleted`,
    );
    expect(out).toContain(
      'record 1001-1-production (ledger line 1, 2026-03-01T10:00:01Z) is missing: there is no log at deploy-governor-audit:audit/overrides.jsonl',
    );

    await seed('branch-gone', 2);
    gh.state.deleteBranch(gh.state.repo('octo', 'branch-gone'), BRANCH);
    const alone = await verify('--repo', 'octo/branch-gone');
    expect(alone.code).toBe(99);
    expect(alone.out).toContain(
      'no branch deploy-governor-audit in octo/branch-gone: no log to verify. If overrides were recorded there, the branch was deleted: add --ledger <owner/repo> to know',
    );
    const witnessed = await withLedger('branch-gone');
    expect(witnessed.code).toBe(1);
    expect(witnessed.out).toContain('octo/branch-gone:deploy-governor-audit:audit/overrides.jsonl (no such branch)');
    expect(witnessed.out).toMatch(/record 1002-1-production \(ledger line 2, [^)]+\) is missing: there is no log/);
  });

  it('fails an emptied log', async () => {
    await seed('empty');
    const commit = await commitAsMallory('empty', '');
    const { code, out } = await withLedger('empty');
    expect(code).toBe(1);
    expect(out).toContain(`commit ${commit} by mallory emptied the log (it held 4 record(s))`);
    expect(out).toContain('the log is empty at the head of its branch, though it once held 4 record(s)');
    expect(out).toMatch(/record 1001-1-production \(ledger line 1, [^)]+\) is missing from the log/);
  });

  it('fails a commit by a person, even a verified one appending a well-chained record', async () => {
    const { repo, repository, logged } = await seed('person');
    const forged = chainRecord({ ...record(repository, 5), hash: undefined }, String(logged.at(-1)!.hash));
    const text = `${lines(logged)}${JSON.stringify(forged)}\n`;
    const commit = gh.state.commitFile(repo, { branch: BRANCH, path: LOG, text, by: 'mallory', verified: true }).sha.slice(0, 7);
    const { code, out } = await withLedger('person');
    expect(code).toBe(1);
    expect(out).toContain('OK: 5 record(s), hash chain intact');
    expect(out).toContain(`commit ${commit} by mallory was not made by the app (deploy-governor[bot]): only the app writes the log`);
    expect(out).not.toContain('is not verified');
    expect(out).toMatch(/log line 5 \(record 1005-1-production\) is not in the ledger/);
  });

  it('fails an unverified commit, even one authored as the app that appends a record the ledger holds', async () => {
    const { repository } = await seed('unverified', 2);
    // The app's token with a custom committer: GitHub does not sign that commit.
    const client = appClient();
    const current = await readRepoFile(client, { owner: 'octo', repo: 'unverified', path: LOG, ref: BRANCH });
    const next = chainRecord({ ...record(repository, 3) }, lastHash(current!.text));
    const { data } = await client.request('PUT /repos/{owner}/{repo}/contents/{path}', {
      owner: 'octo',
      repo: 'unverified',
      path: LOG,
      branch: BRANCH,
      message: 'deploy-governor: override',
      content: Buffer.from(`${current!.text}${JSON.stringify(next)}\n`).toString('base64'),
      sha: current!.sha,
      committer: { name: 'deploy-governor', email: 'bot@example.com' },
    });
    enterInLedger(repository, next);
    const commit = (data as { commit: { sha: string } }).commit.sha.slice(0, 7);
    const { code, out } = await withLedger('unverified');
    expect(out).toContain(
      `commit ${commit} by deploy-governor[bot] is not verified by GitHub (unsigned): the app's commits are signed by GitHub`,
    );
    expect(out).toContain('OK: ledger platform/audit-ledger:main:ledger/octo/unverified.jsonl holds the same 3 record(s)');
    expect(code).toBe(1);
  });

  it('fails a moved log: the ledger knows the log elsewhere', async () => {
    const { repository } = await seed('moved', 2);
    // The policy moved the log: the next override went to another path, and the ledger says so.
    const appended = await appendAsApp('moved', 'audit/v2.jsonl', record(repository, 3));
    enterInLedger(repository, appended, { log: { branch: BRANCH, path: 'audit/v2.jsonl' } });
    const { code, out } = await withLedger('moved', '--path', 'audit/v2.jsonl');
    expect(code).toBe(1);
    expect(out).toContain('OK: history: 1 commit(s)');
    expect(out).toContain(
      "the ledger knows this repository's log at deploy-governor-audit:audit/overrides.jsonl (2 record(s) from ledger line 1), and this check read deploy-governor-audit:audit/v2.jsonl: the log moved; verify that one too (--branch deploy-governor-audit --path audit/overrides.jsonl)",
    );
  });

  it('fails an inserted record: in the log, missing from the ledger', async () => {
    const { repository } = await seed('insert', 3);
    // Appended as the app appends, so provenance passes: only the ledger can tell.
    await appendAsApp('insert', LOG, record(repository, 4));
    const { code, out } = await withLedger('insert');
    expect(code).toBe(1);
    expect(out).toContain('OK: history: 4 commit(s)');
    expect(out).toMatch(/log line 4 \(record 1004-1-production\) is not in the ledger: an insertion/);
  });

  it('reports a record the app could not append as its own failure reason', async () => {
    const { repository } = await seed('refused', 2);
    enterInLedger(repository, record(repository, 3), {
      problem: "the log's hash chain is broken at line 2: hash does not match the record",
    });
    const { code, out } = await withLedger('refused');
    expect(code).toBe(1);
    expect(out).toContain(
      "the app could not append: the log's hash chain is broken at line 2: hash does not match the record (record 1003-1-production",
    );
    expect(out).not.toContain('is missing from the log');
  });

  it('reads a log over 1 MB at each commit through the blob API', async () => {
    // Few, large records keep the history small: the contents API gives no content above 1 MB.
    const repository = 'octo/large';
    const repo = gh.state.repo('octo', 'large');
    gh.state.createBranch(repo, BRANCH, repo.branches.get('main')!);
    let text = '';
    for (let i = 1; i <= 45; i++) {
      const logged = chainRecord({ ...record(repository, i), reason: `override ${i} ${'x'.repeat(25_000)}` }, lastHash(text));
      text += `${JSON.stringify(logged)}\n`;
      gh.state.commitFile(repo, { branch: BRANCH, path: LOG, text });
      enterInLedger(repository, logged);
    }
    expect(Buffer.byteLength(text)).toBeGreaterThan(1_000_000);
    gh.resetStats();
    const { code, out } = await withLedger('large');
    expect(out).toContain('OK: history: 45 commit(s)');
    expect(out).toContain('OK: ledger platform/audit-ledger:main:ledger/octo/large.jsonl holds the same 45 record(s)');
    expect(code).toBe(0);
    // The versions above 1 MB (the last few, and the head) came through the blob API.
    expect(gh.stats.byOperation['GET /repos/{owner}/{repo}/git/blobs/{file_sha}']).toBeGreaterThanOrEqual(2);
  });

  it('exits 99 when it cannot read: no token, a repository or ledger it cannot see, no log', async () => {
    vi.stubEnv('GITHUB_TOKEN', '');
    vi.stubEnv('GH_TOKEN', '');
    const out: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
    expect(await run(['node', 'deploy-governor', 'audit', 'verify', '--repo', 'octo/clean'])).toBe(99);
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    expect(out.join('')).toMatch(/set GITHUB_TOKEN/);

    gh.state.hidden.add('platform/secret-ledger');
    gh.state.hidden.add('octo/secret');
    await seed('readable', 1);
    const ledger = await verify('--repo', 'octo/readable', '--ledger', 'platform/secret-ledger');
    expect(ledger.code).toBe(99);
    expect(ledger.out).toContain(
      'cannot read the ledger repository platform/secret-ledger: not found (404); check the name, and that the token has contents: read on the ledger repository',
    );
    const repo = await verify('--repo', 'octo/secret', '--json');
    expect(repo.code).toBe(99);
    expect(JSON.parse(repo.out)).toEqual({
      mode: 'repo',
      ok: false,
      exitCode: 99,
      error: 'cannot read octo/secret: not found (404); check the name, and that the token has contents: read on the repository',
    });
    const none = await verify('--repo', 'octo/readable', '--path', 'audit/elsewhere.jsonl');
    expect(none.code).toBe(99);
    expect(none.out).toContain('no audit/elsewhere.jsonl on branch deploy-governor-audit of octo/readable, and no commit ever wrote it');
    expect(none.out).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('audit verify and change-class grants (issue 16)', () => {
  it('passes a log and ledger holding a change-class grant between overrides, and lists the grant with its class', async () => {
    const own = { ledger: 'platform/class-ledger' };
    const { repository } = await seed('classes', 1, own);
    const grant: ClassGrantRecord = {
      kind: 'change-class',
      id: 'change-class-rule-3003-production',
      at: '2026-03-03T10:00:00Z',
      repository,
      environment: 'production',
      class: 'hotfix',
      source: 'label',
      detail: 'label deploy-class:hotfix on #12',
      status: 'FREEZE',
      budget_remaining: 0.08,
      actor: null,
      reason: 'FREEZE lets hotfix deploys through (change-classes.allow)',
      via: 'protection-rule',
      sha: 'c'.repeat(40),
      run_id: 3003,
      run_attempt: null,
      run_url: `https://github.com/${repository}/actions/runs/3003`,
    };
    enterInLedger(repository, await appendAsApp('classes', LOG, grant), own);
    enterInLedger(repository, await appendAsApp('classes', LOG, record(repository, 4)), own);

    const repo = await verify('--repo', repository, '--ledger', own.ledger);
    expect(repo.out).toContain('OK: 3 record(s), hash chain intact');
    expect(repo.out).toContain('OK: ledger platform/class-ledger:main:ledger/octo/classes.jsonl holds the same 3 record(s)');
    expect(repo.code).toBe(0);
    const ledger = await verify('--ledger', own.ledger);
    expect(ledger.code).toBe(0);
    expect(ledger.out).toContain(
      '2026-03-03T10:00:00Z production change-class hotfix by policy: "FREEZE lets hotfix deploys through (change-classes.allow)" (change-class-rule-3003-production at deploy-governor-audit:audit/overrides.jsonl)',
    );
  });
});

describe('audit verify --ledger alone', () => {
  it("checks every ledger file's chain and lists the overrides per repository; a changed ledger fails", async () => {
    await seed('alpha', 2, { ledger: 'platform/fleet-ledger' });
    await seed('beta', 1, { ledger: 'platform/fleet-ledger' });
    const ok = await verify('--ledger', 'platform/fleet-ledger');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('ledger platform/fleet-ledger:main at ');
    expect(ok.out).toContain('OK: ledger/octo/alpha.jsonl (octo/alpha): 2 record(s), hash chain intact');
    expect(ok.out).toContain('OK: ledger/octo/beta.jsonl (octo/beta): 1 record(s), hash chain intact');
    expect(ok.out).toContain(
      '2026-03-02T10:00:00Z production exhausted by octocat: "override 2" (1002-1-production at deploy-governor-audit:audit/overrides.jsonl)',
    );

    const json = JSON.parse((await verify('--ledger', 'platform/fleet-ledger', '--json')).out);
    expect(json).toMatchObject({ mode: 'ledger', ok: true, exitCode: 0, ledger: { repository: 'platform/fleet-ledger', branch: 'main' } });
    expect(json.files.map((f: { repository: string; overrides: unknown[] }) => [f.repository, f.overrides.length])).toEqual([
      ['octo/alpha', 2],
      ['octo/beta', 1],
    ]);

    // Someone with write access to the ledger rewrites a line.
    const ledger = gh.state.repo('platform', 'fleet-ledger');
    const path = ledgerPath('octo/beta');
    gh.state.commitFile(ledger, {
      branch: 'main',
      path,
      text: gh.state.fileText(ledger, 'main', path)!.replace('"override 1"', '"nothing"'),
      by: 'mallory',
    });
    const tampered = await verify('--ledger', 'platform/fleet-ledger');
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('FAILED: ledger/octo/beta.jsonl (octo/beta): 1 problem(s)');
    expect(tampered.out).toContain(
      'the ledger platform/fleet-ledger:main:ledger/octo/beta.jsonl is broken at line 1: hash does not match the record',
    );
    expect(JSON.parse((await verify('--ledger', 'platform/fleet-ledger', '--json')).out)).toMatchObject({ ok: false, exitCode: 1 });
  });
});

describe('the stand-in models commits as GitHub answers them', () => {
  it('lists the commits that changed a path, newest first, in the OpenAPI commit shape, across pages', async () => {
    const { repo } = await seed('shape', 3);
    const auditor = createGitHubClient('ghp_auditor', gh.url);
    const page = async (n: number) =>
      (
        await auditor.request('GET /repos/{owner}/{repo}/commits', {
          owner: 'octo',
          repo: 'shape',
          sha: BRANCH,
          path: LOG,
          per_page: 2,
          page: n,
        })
      ).data as Record<string, unknown>[];
    const [first, second] = [await page(1), await page(2)];
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    const spec = JSON.parse(
      readFileSync(createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
    ) as { components: { schemas: Record<string, { required: string[] }> } };
    const schemas = spec.components.schemas;
    const commit = first[0]!;
    for (const key of schemas.commit!.required) expect(commit).toHaveProperty(key);
    const inner = commit.commit as Record<string, unknown>;
    for (const key of ['author', 'committer', 'comment_count', 'message', 'tree', 'url']) expect(inner).toHaveProperty(key);
    for (const key of schemas.verification!.required) expect(inner.verification).toHaveProperty(key);
    for (const key of schemas['simple-user']!.required) expect(commit.author).toHaveProperty(key);
    expect(commit).toMatchObject({
      author: { login: 'deploy-governor[bot]', type: 'Bot' },
      commit: { verification: { verified: true, reason: 'valid' } },
    });
    // Newest first, each the parent of the one before (no other commit touched the branch).
    const shas = [...first, ...second].map((c) => c.sha);
    expect(shas).toEqual(
      gh.state
        .historyOf(repo, BRANCH)
        .filter((c) => gh.state.changed(repo, c, LOG))
        .map((c) => c.sha),
    );
    expect((first[0]!.parents as { sha: string }[])[0]!.sha).toBe(first[1]!.sha);
    // The file at each commit, and at the commit before the first append: none.
    expect(gh.state.fileAt(repo, String(second[0]!.sha), LOG)!.split('\n')).toHaveLength(2);
    expect(gh.state.fileAt(repo, (second[0]!.parents as { sha: string }[])[0]!.sha, LOG)).toBeUndefined();
  });

  it('marks issues and comments the app created with performed_via_github_app, and people’s with null', async () => {
    const app = appClient();
    const person = createGitHubClient('ghp_mallory', gh.url);
    const byApp = (
      await app.request('POST /repos/{owner}/{repo}/issues', { owner: 'octo', repo: 'issues', title: 'Deploy override review' })
    ).data as Record<string, unknown>;
    const byPerson = (
      await person.request('POST /repos/{owner}/{repo}/issues', { owner: 'octo', repo: 'issues', title: 'Deploy override review' })
    ).data as Record<string, unknown>;
    expect(byApp.performed_via_github_app).toMatchObject({ id: APP.id, slug: APP.slug, name: APP.slug });
    expect(byApp.user).toMatchObject({ login: 'deploy-governor[bot]' });
    expect(byPerson.performed_via_github_app).toBeNull();
    expect(byPerson.user).toMatchObject({ login: 'mallory' });
    const comment = (
      await app.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: 'octo',
        repo: 'issues',
        issue_number: byPerson.number,
        body: 'hi',
      })
    ).data as Record<string, unknown>;
    expect(comment.performed_via_github_app).toMatchObject({ id: APP.id, slug: APP.slug });
  });
});

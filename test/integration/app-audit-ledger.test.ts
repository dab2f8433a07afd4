/**
 * The ledger (AUDIT_LEDGER_REPO) as the app writes it: every record it appends
 * to a repository's log also lands, exactly once, in that repository's ledger
 * file, under concurrent deliveries, a delivery that dies between the two
 * writes, and a ledger GitHub cannot serve; and what the app wrote passes
 * `deploy-governor audit verify --repo --ledger`, while a log tampered with
 * afterwards fails it. The real app in Probot, GitHub as the stateful stand-in
 * (every request checked against GitHub's OpenAPI description), overrides bound
 * to their runs by a local OIDC issuer.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { chainRecord, lastHash, parseRecords, verifyChain } from '../../src/core/audit/hash-chain.js';
import { ledgerPath } from '../../src/core/audit/ledger-entry.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { run as cli } from '../../src/cli/run.js';
import { inRepository } from '../support/issue-payloads.js';
import { startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';
import { bindToRun, overriddenReport } from '../support/reports.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { checkRunCompleted, HEAD_SHA, OWNER, REPO } from '../support/webhook-payloads.js';

const LEDGER = 'platform/deploy-ledger';
const LEDGER_PATH = /^\/repos\/platform\/deploy-ledger\//;
const BRANCH = 'deploy-governor-audit';
const LOG = 'audit/overrides.jsonl';
const OTHER = 'Other-Service';

let issuer: LocalOidcIssuer;
let h: StandInHarness;
let repo: RepoState;
let other: RepoState;
let ledgerRepo: RepoState;
let checkRunIds = 20_000;

beforeAll(async () => {
  issuer = await startLocalOidcIssuer();
});
afterAll(async () => {
  await issuer.stop();
});

beforeEach(async () => {
  h = await startStandInHarness({ GITHUB_OIDC_ISSUER: issuer.url, AUDIT_LEDGER_REPO: LEDGER });
  repo = h.github.state.repo(OWNER, REPO);
  other = h.github.state.repo(OWNER, OTHER);
  ledgerRepo = h.github.state.repo('platform', 'deploy-ledger');
  for (const r of [repo, other]) r.collaborators.set('octocat', 'admin');
});
afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

/** Workflow run `id` of `r`: dispatched by octocat on the checked commit. */
const addRun = (r: RepoState, id: number) =>
  r.runs.set(id, { id, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });

/** A genuine EXHAUSTED override of run `runId` in `r`, bound to the run by its token. */
async function genuine(r: RepoState, runId: number): Promise<Report> {
  addRun(r, runId);
  return bindToRun(await overriddenReport(1500, { level: 'exhausted', runId }), issuer, { repository: `${r.owner}/${r.name}` });
}

/** The check run carrying `report` in `r`; `id` repeats a delivery (GitHub's redelivery is the same check run). */
function payload(r: RepoState, report: Report, id = ++checkRunIds): Record<string, unknown> {
  const event = checkRunCompleted({ report, id, pullRequests: [] });
  return r.name === REPO ? event : inRepository(event, r.name);
}

const logText = (r: RepoState) => h.github.state.fileText(r, BRANCH, LOG) ?? '';
const ledgerText = (r: RepoState) => h.github.state.fileText(ledgerRepo, 'main', ledgerPath(`${r.owner}/${r.name}`)) ?? '';
const ids = (text: string) => parseRecords(text).map((e) => String(e.id));
const alerts = (r: RepoState) => [...r.issues.values()].filter((i) => i.labels.some((l) => l.name === 'deploy-governor-alert'));
const recordId = (runId: number) => `${runId}-1-production`;

/** The log and the ledger hold `expected` records, each once, both chains intact, each ledger line naming its log record's hash. */
function expectWitnessed(r: RepoState, expected: string[]): void {
  const log = parseRecords(logText(r));
  const ledger = parseRecords(ledgerText(r));
  expect(ids(logText(r)).sort()).toEqual([...expected].sort());
  expect(ids(ledgerText(r)).sort()).toEqual([...expected].sort());
  expect(verifyChain(logText(r))).toEqual({ ok: true, records: expected.length });
  expect(verifyChain(ledgerText(r))).toEqual({ ok: true, records: expected.length });
  for (const entry of ledger) {
    expect(entry).not.toHaveProperty('problem');
    expect(entry.log).toEqual({ branch: BRANCH, path: LOG });
    expect(entry.record_hash).toBe(log.find((l) => l.id === entry.id)!.hash);
  }
}

/** `deploy-governor audit verify --ledger <LEDGER>` with `--repo <r>` (null: the whole ledger), against the stand-in, as an auditor. */
async function auditVerify(r: RepoState | null): Promise<{ code: number; out: string }> {
  vi.stubEnv('GITHUB_TOKEN', 'ghp_auditor');
  vi.stubEnv('GH_TOKEN', '');
  vi.stubEnv('GITHUB_API_URL', h.github.url);
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
  try {
    const repoFlag = r ? ['--repo', `${r.owner}/${r.name}`] : [];
    const code = await cli(['node', 'deploy-governor', 'audit', 'verify', ...repoFlag, '--ledger', LEDGER]);
    return { code, out: out.join('') };
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
}

describe('every record in the log is in the ledger, exactly once', () => {
  it('lands concurrent deliveries of six overrides of one repository once each in both, and a concurrent redelivery adds nothing', async () => {
    const runs = [9101, 9102, 9103, 9104, 9105, 9106];
    const events = await Promise.all(runs.map(async (id) => payload(repo, await genuine(repo, id))));
    await Promise.all(events.map((e) => h.receive('check_run', e)));
    expectWitnessed(repo, runs.map(recordId));
    // They did race: writes with a sha another delivery had just made stale (answered 409, then re-read).
    expect(repo.staleShas.size).toBeGreaterThan(0);
    await Promise.all(events.map((e) => h.receive('check_run', e)));
    expectWitnessed(repo, runs.map(recordId));
    expect(alerts(repo)).toEqual([]);
  });

  it('keeps two repositories that share the ledger apart, each in its own chained file, under concurrent deliveries', async () => {
    const events = await Promise.all([
      ...[9201, 9202, 9203].map(async (id) => payload(repo, await genuine(repo, id))),
      ...[9301, 9302, 9303].map(async (id) => payload(other, await genuine(other, id))),
    ]);
    await Promise.all(events.map((e) => h.receive('check_run', e)));
    expectWitnessed(repo, [9201, 9202, 9203].map(recordId));
    expectWitnessed(other, [9301, 9302, 9303].map(recordId));
    for (const entry of parseRecords(ledgerText(other))) expect(entry.repository).toBe(`${OWNER}/${OTHER}`);
    expect([...alerts(repo), ...alerts(other)]).toEqual([]);
    // The platform team's one view: every file of the ledger checked, the overrides listed per repository.
    const whole = await auditVerify(null);
    // It names each repository as its ledger file does (GitHub's names are case-insensitive).
    for (const [r, runs] of [
      [repo, [9201, 9202, 9203]],
      [other, [9301, 9302, 9303]],
    ] as const) {
      const repository = `${r.owner}/${r.name}`.toLowerCase();
      expect(whole.out).toContain(`OK: ${ledgerPath(repository)} (${repository}): 3 record(s), hash chain intact`);
      for (const id of runs) expect(whole.out).toContain(`(${recordId(id)} at ${BRANCH}:${LOG})`);
    }
    expect(whole.code).toBe(0);
    for (const r of [repo, other]) expect((await auditVerify(r)).code).toBe(0);
  });

  it('a delivery that dies after the log and before the ledger fails; its redelivery completes the ledger, no duplicate in either', async () => {
    const first = payload(repo, await genuine(repo, 9401));
    await h.receive('check_run', first);
    // GitHub fails the ledger's read once the log holds the new record: the delivery stops between the two writes.
    h.github.failNext({
      matches: ({ method, path }) => method === 'GET' && LEDGER_PATH.test(path) && ids(logText(repo)).includes(recordId(9402)),
      reply: { status: 502, body: { message: 'Bad Gateway' } },
    });
    const second = payload(repo, await genuine(repo, 9402));
    await expect(h.receive('check_run', second)).rejects.toThrow(/Bad Gateway/);
    expect(ids(logText(repo))).toEqual([recordId(9401), recordId(9402)]);
    expect(ids(ledgerText(repo))).toEqual([recordId(9401)]);
    // Until a redelivery completes it, the gap is visible to an auditor, never silent.
    const gap = await auditVerify(repo);
    expect(gap.code).toBe(1);
    expect(gap.out).toContain(`log line 2 (record ${recordId(9402)}) is not in the ledger`);
    // Meanwhile another override arrives: the record the ledger lacks is the app's own interrupted write, not a refusal.
    await h.receive('check_run', payload(repo, await genuine(repo, 9403)));
    expect(alerts(repo)).toEqual([]);
    await h.receive('check_run', second);
    expectWitnessed(repo, [9401, 9402, 9403].map(recordId));
    // The ledger's order is the order it learnt them in; audit verify compares by id.
    expect(ids(ledgerText(repo))).toEqual([9401, 9403, 9402].map(recordId));
    expect((await auditVerify(repo)).code).toBe(0);
  });

  it('a ledger write whose answer is lost (5xx after it landed, or before) is judged by re-reading: once, in the same delivery', async () => {
    const ledgerPut = ({ method, path }: { method: string; path: string }) => method === 'PUT' && LEDGER_PATH.test(path);
    h.github.failNext({ matches: ledgerPut, reply: { status: 500, body: { message: 'Server Error' } }, apply: true });
    await h.receive('check_run', payload(repo, await genuine(repo, 9501)));
    h.github.failNext({ matches: ledgerPut, reply: { status: 502, body: { message: 'Bad Gateway' } } });
    await h.receive('check_run', payload(repo, await genuine(repo, 9502)));
    expect(h.github.stats.faulted).toBe(2);
    expectWitnessed(repo, [9501, 9502].map(recordId));
  });

  it('an unreachable ledger fails the delivery before the log is written; once it is back, the redelivery writes both', async () => {
    const event = payload(repo, await genuine(repo, 9601));
    ledgerRepo.unavailable = true;
    await expect(h.receive('check_run', event)).rejects.toThrow(/Server Error/);
    // Nothing is written anywhere until the witness can be written too: the delivery is retried, nothing is lost.
    expect(logText(repo)).toBe('');
    expect(repo.branches.has(BRANCH)).toBe(false);
    expect(alerts(repo)).toEqual([]);
    ledgerRepo.unavailable = false;
    await h.receive('check_run', event);
    expectWitnessed(repo, [recordId(9601)]);
  });

  it('with both the log and the ledger broken, the alert still goes out and holds the record', async () => {
    await h.receive('check_run', payload(repo, await genuine(repo, 9651)));
    // Someone edits the first record of each without recomputing its hash.
    const logKey = `${BRANCH}:${LOG}`;
    repo.files.set(logKey, repo.files.get(logKey)!.replace('"exhausted"', '"warning"'));
    const ledgerKey = `main:${ledgerPath(`${OWNER}/${REPO}`)}`;
    ledgerRepo.files.set(ledgerKey, ledgerRepo.files.get(ledgerKey)!.replace('"exhausted"', '"warning"'));
    await h.receive('check_run', payload(repo, await genuine(repo, 9652)));
    expect(ids(logText(repo))).toEqual([recordId(9651)]);
    expect(ids(ledgerText(repo))).toEqual([recordId(9651)]);
    const [alert, ...more] = alerts(repo);
    expect(more).toEqual([]);
    expect(alert!.title).toContain('can no longer be trusted');
    expect(alert!.body).toContain('cannot be trusted');
    // Neither witness took it: the alert is where the record is kept.
    expect(alert!.body).toContain(recordId(9652));
  });

  it('a ledger repository the app is not installed on fails the delivery, naming the setting, and writes nothing', async () => {
    const event = payload(repo, await genuine(repo, 9701));
    h.github.state.hidden.add(LEDGER);
    await expect(h.receive('check_run', event)).rejects.toThrow(
      `AUDIT_LEDGER_REPO is ${LEDGER}, but the app is not installed there: install it with contents: write`,
    );
    expect(logText(repo)).toBe('');
    h.github.state.hidden.delete(LEDGER);
    await h.receive('check_run', event);
    expectWitnessed(repo, [recordId(9701)]);
  });
});

describe("the app's own log and ledger, verified end to end", () => {
  async function logThree(): Promise<Record<string, unknown>[]> {
    for (const id of [9801, 9802, 9803]) await h.receive('check_run', payload(repo, await genuine(repo, id)));
    return parseRecords(logText(repo));
  }

  it('audit verify --repo --ledger passes what the app wrote', async () => {
    await logThree();
    const { code, out } = await auditVerify(repo);
    expect(out).toContain('OK: 3 record(s), hash chain intact');
    expect(out).toContain('OK: history: 3 commit(s), each a verified append of one record by deploy-governor[bot]');
    expect(out).toContain('passed every check');
    expect(code).toBe(0);
  });

  it('fails once a record is dropped and the later hashes recomputed, naming the record and the commit', async () => {
    const records = await logThree();
    let text = '';
    for (const { hash: _h, prev_hash: _p, ...r } of records.filter((r) => r.id !== recordId(9802)))
      text += `${JSON.stringify(chainRecord(r as { id: string }, lastHash(text)))}\n`;
    expect(verifyChain(text)).toEqual({ ok: true, records: 2 });
    const commit = h.github.state.commitFile(repo, { branch: BRANCH, path: LOG, text, by: 'mallory' });
    const { code, out } = await auditVerify(repo);
    expect(code).toBe(1);
    expect(out).toContain(`commit ${commit.sha.slice(0, 7)} by mallory changed line 2`);
    expect(out).toMatch(new RegExp(`record ${recordId(9802)} \\(ledger line 2, [^)]+\\) is missing from the log`));
  });

  it('fails once the log is truncated, naming the missing records', async () => {
    const records = await logThree();
    h.github.state.commitFile(repo, { branch: BRANCH, path: LOG, text: `${JSON.stringify(records[0])}\n`, by: 'mallory' });
    const { code, out } = await auditVerify(repo);
    expect(code).toBe(1);
    expect(out).toMatch(/removed lines 2–3 \(the last 2 record\(s\)\)/);
    expect(out).toMatch(new RegExp(`record ${recordId(9803)} \\(ledger line 3, [^)]+\\) is missing from the log`));
  });
});

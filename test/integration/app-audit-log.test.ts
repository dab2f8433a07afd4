/**
 * The override audit log written by the app: verified through the API, chained,
 * idempotent, and exactly-once under concurrency and conflicts.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chainRecord, lastHash, parseRecords, verifyChain } from '../../src/core/audit/hash-chain.js';
import { issueMarker } from '../../src/github/open-issue.js';
import { mountContentsStore, type ContentsStore } from '../support/contents-store.js';
import { startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';
import { APP_ID, cleanupHarness, createHarness, type Harness } from '../support/probot-harness.js';
import { bindToRun, overriddenReport as unboundReport } from '../support/reports.js';
import { checkRunCompleted, HEAD_SHA, OWNER, REPO } from '../support/webhook-payloads.js';

const REPO_PATH = `/repos/${OWNER}/${REPO}`;
let h: Harness;
let store: ContentsStore;
let issues: { title: string; labels: string[]; body: string; byApp?: boolean }[];
let issuer: LocalOidcIssuer;

/** An override as the Action publishes it from a job with id-token: write (octocat is an admin here). */
const overriddenReport = async (...args: Parameters<typeof unboundReport>) => bindToRun(await unboundReport(...args), issuer);
let failIssueCreates = 0;

function mountRepo(
  runs: Record<number, { event?: string; actor?: string; sha?: string }> = {},
  policy?: { yaml: string; branch: string; path: string },
) {
  store = mountContentsStore(h.github, REPO_PATH, policy?.path ?? 'audit/overrides.jsonl', policy?.branch ?? 'deploy-governor-audit');
  issues = [];
  // No policy file by default: the default audit location.
  h.github
    .get(`${REPO_PATH}/contents/.github%2Fdeploy-governor.yml`)
    .optionally()
    .reply(() =>
      policy
        ? [200, { type: 'file', sha: 'e'.repeat(40), encoding: 'base64', content: Buffer.from(policy.yaml).toString('base64') }]
        : [404, { message: 'Not Found' }],
    )
    .persist();
  h.github
    .get(/\/actions\/runs\/\d+$/)
    .optionally()
    .reply((uri) => {
      const id = Number(uri.split('/').pop());
      const r = runs[id] ?? {};
      return [
        200,
        {
          id,
          event: r.event ?? 'workflow_dispatch',
          head_sha: r.sha ?? HEAD_SHA,
          run_attempt: 1,
          html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${id}`,
          triggering_actor: { login: r.actor ?? 'octocat' },
        },
      ];
    })
    .persist();
  // The app re-reads the actor's role for the level (the report's claim is not believed).
  h.github
    .get(/\/collaborators\/[^/]+\/permission$/)
    .optionally()
    .reply(200, { permission: 'admin', role_name: 'admin', user: { login: 'octocat' } })
    .persist();
  // A missing log is told apart from a deleted one by the path's history.
  h.github.get(`${REPO_PATH}/commits`).query(true).optionally().reply(200, []).persist();
  // The issues list filters by the label it is asked for, as GitHub does.
  h.github
    .get(`${REPO_PATH}/issues`)
    .query(true)
    .optionally()
    .reply((uri) => {
      const label = new URL(uri, 'https://x').searchParams.get('labels');
      // GitHub sets performed_via_github_app on what an app opened: only those count as the app's.
      return [
        200,
        issues.flatMap((i, n) =>
          label === null || i.labels.includes(label)
            ? [
                {
                  number: n + 1,
                  id: 9000 + n,
                  title: i.title,
                  body: i.body,
                  performed_via_github_app: i.byApp ? { id: APP_ID, slug: 'deploy-governor' } : null,
                },
              ]
            : [],
        ),
      ];
    })
    .persist();
  failIssueCreates = 0;
  h.github
    .post(`${REPO_PATH}/issues`)
    .optionally()
    .reply((_u, body) => {
      if (failIssueCreates > 0) {
        failIssueCreates -= 1;
        return [502, { message: 'Bad Gateway' }];
      }
      issues.push({ ...(body as (typeof issues)[number]), byApp: true });
      return [201, { number: issues.length, id: 9000 + issues.length - 1 }];
    })
    .persist();
  // The commit has no pull requests: these tests are about the log.
  h.github.get(`${REPO_PATH}/commits/${HEAD_SHA}/pulls`).query(true).optionally().reply(200, []).persist();
}

beforeAll(async () => {
  issuer = await startLocalOidcIssuer();
});
afterAll(async () => {
  await issuer.stop();
});
beforeEach(async () => {
  h = await createHarness({ GITHUB_OIDC_ISSUER: issuer.url });
});
afterEach(() => {
  expect(h.problems).toEqual([]);
  expect(nock.pendingMocks()).toEqual([]);
  cleanupHarness();
});

let n = 0;
const deliver = (payload: Record<string, unknown>, id = `audit-${++n}`) =>
  h.probot.receive({ id, name: 'check_run', payload: payload as never });

describe('override audit log', () => {
  it('creates the branch on first use and appends a chained record with every field', async () => {
    mountRepo();
    await deliver(checkRunCompleted({ report: await overriddenReport(600, { level: 'warning' }), pullRequests: [] }));
    expect(store.branchExists).toBe(true);
    const lines = store.text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    expect(record).toMatchObject({
      id: '9001-1-production',
      repository: `${OWNER}/${REPO}`,
      environment: 'production',
      actor: 'octocat',
      level: 'warning',
      reason: 'Hotfix for the checkout outage INC-42',
      status: 'WARNING',
      run_id: 9001,
      run_attempt: 1,
      run_url: `https://github.com/${OWNER}/${REPO}/actions/runs/9001`,
      sha: HEAD_SHA,
      approvers: [],
      prev_hash: '0'.repeat(64),
    });
    expect(record.budget_remaining).toBeCloseTo(40, 6);
    expect(verifyChain(store.text)).toEqual({ ok: true, records: 1 });
    // WARNING overrides need no review issue.
    expect(issues).toEqual([]);
    // A missing branch has no history to ask about, and the branch the app just created holds no log to re-read:
    // one read of the log, one of the branch, then create and write.
    const logTraffic = h.requests.filter(
      (r) =>
        r.path.includes('audit%2Foverrides.jsonl') ||
        r.path.includes('/branches/') ||
        r.path.endsWith(`${REPO_PATH}/commits`) ||
        r.path.endsWith('/git/refs'),
    );
    expect(logTraffic.map((r) => `${r.method} ${r.path.replace(REPO_PATH, '')}`)).toEqual([
      'GET /contents/audit%2Foverrides.jsonl',
      'GET /branches/deploy-governor-audit',
      'POST /git/refs',
      'PUT /contents/audit%2Foverrides.jsonl',
    ]);
  });

  it("writes where the policy's audit section says", async () => {
    mountRepo({}, { yaml: 'audit:\n  branch: compliance\n  path: logs/deploys.jsonl\n', branch: 'compliance', path: 'logs/deploys.jsonl' });
    await deliver(checkRunCompleted({ report: await overriddenReport(600, { level: 'warning' }), pullRequests: [] }));
    expect(verifyChain(store.text)).toEqual({ ok: true, records: 1 });
    const put = h.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toMatch(/\/contents\/logs(\/|%2F)deploys\.jsonl$/);
    expect((put.body as { branch: string }).branch).toBe('compliance');
    expect(h.requests.find((r) => r.method === 'POST' && r.path.endsWith('/git/refs'))!.body).toEqual({
      ref: 'refs/heads/compliance',
      sha: 'f'.repeat(40),
    });
  });

  it('adds nothing on a redelivery', async () => {
    mountRepo();
    const payload = checkRunCompleted({ report: await overriddenReport(600, { level: 'warning' }), pullRequests: [] });
    await deliver(payload, 'same');
    await deliver(payload, 'same');
    expect(store.text.trimEnd().split('\n')).toHaveLength(1);
    expect(store.writes).toBe(1);
  });

  it("appends to a log past the contents API's 1 MB limit without losing a line (blob API)", async () => {
    mountRepo();
    let prev = '0'.repeat(64);
    const earlier: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = chainRecord({ id: `old-${i}`, reason: 'x'.repeat(100) }, prev);
      prev = r.hash;
      earlier.push(JSON.stringify(r));
    }
    store.text = `${earlier.join('\n')}\n`;
    store.branchExists = true;
    store.large = true;
    await deliver(checkRunCompleted({ report: await overriddenReport(600, { level: 'warning' }), pullRequests: [] }));
    expect(parseRecords(store.text).map((r) => r.id)).toEqual(['old-0', 'old-1', 'old-2', '9001-1-production']);
    expect(verifyChain(store.text)).toEqual({ ok: true, records: 4 });
  });

  it('lands 20 concurrent overrides exactly once each, in a valid chain', async () => {
    mountRepo();
    const payloads = await Promise.all(
      Array.from({ length: 20 }, async (_, i) =>
        checkRunCompleted({ report: await overriddenReport(600, { level: 'warning', runId: 5000 + i }), pullRequests: [] }),
      ),
    );
    await Promise.all(payloads.map((p) => deliver(p)));
    const records = store.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string });
    expect(records).toHaveLength(20);
    expect(new Set(records.map((r) => r.id)).size).toBe(20);
    expect(verifyChain(store.text)).toEqual({ ok: true, records: 20 });
    expect(store.conflicts).toBeGreaterThan(0);
  });

  /** Another writer appends a (validly chained) line between this delivery's read and its write. */
  function concurrentWriter() {
    store.beforeNextWrite = () => {
      store.text += `${JSON.stringify(chainRecord({ id: 'written-elsewhere' }, lastHash(store.text)))}\n`;
    };
  }

  it('re-reads, re-chains and retries after a 409 instead of resending the stale sha', async () => {
    mountRepo();
    await deliver(checkRunCompleted({ report: await overriddenReport(600, { level: 'warning', runId: 1 }), pullRequests: [] }));
    concurrentWriter();
    await deliver(checkRunCompleted({ report: await overriddenReport(600, { level: 'warning', runId: 2 }), pullRequests: [] }));
    expect(store.conflicts).toBe(1);
    expect(verifyChain(store.text)).toEqual({ ok: true, records: 3 });
    expect(parseRecords(store.text).map((r) => r.id)).toEqual(['1-1-production', 'written-elsewhere', '2-1-production']);
    const puts = h.requests.filter((r) => r.method === 'PUT').map((r) => r.body as { sha: string });
    expect(puts).toHaveLength(3);
    // The retry carried a freshly read sha, not the one that failed.
    expect(puts[2]!.sha).not.toBe(puts[1]!.sha);
  });

  it("never lets Octokit's retry plugin resend a write with a stale sha", async () => {
    // Production settings: the retry plugin is on, and would resend a 409 three times with the same stale sha.
    cleanupHarness();
    h = await createHarness({ GITHUB_OIDC_ISSUER: issuer.url }, { retry: true });
    mountRepo();
    await deliver(checkRunCompleted({ report: await overriddenReport(600, { level: 'warning', runId: 1 }), pullRequests: [] }));
    concurrentWriter();
    await deliver(checkRunCompleted({ report: await overriddenReport(600, { level: 'warning', runId: 2 }), pullRequests: [] }));
    expect(h.requests.filter((r) => r.method === 'PUT')).toHaveLength(3);
    expect(store.conflicts).toBe(1);
    expect(verifyChain(store.text)).toEqual({ ok: true, records: 3 });
  });

  it('opens a review issue for FREEZE and EXHAUSTED overrides, with the record as logged', async () => {
    mountRepo();
    const payload = checkRunCompleted({ report: await overriddenReport(1500, { level: 'exhausted' }), pullRequests: [] });
    await deliver(payload);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toBe('Deploy override review: production 2026-11-23');
    expect(issues[0]!.labels).toEqual(['deploy-override']);
    expect(issues[0]!.body).toContain('- [ ] Signed off by the service owner');
    // The JSON in the issue is the log's line, hash included.
    const json = /```json\n([\s\S]*?)\n```/.exec(issues[0]!.body)![1]!;
    expect(JSON.parse(json)).toEqual(JSON.parse(store.text.trimEnd()));
    expect(JSON.parse(json)).toMatchObject({ status: 'EXHAUSTED', level: 'exhausted' });
    // A redelivery neither logs nor opens anything again.
    await deliver(payload);
    expect(issues).toHaveLength(1);
    expect(store.writes).toBe(1);
  });

  it("mentions the default branch's escalation contact in the review issue, whatever the report claims", async () => {
    mountRepo({}, { yaml: 'escalation: acme/sre-leads', branch: 'deploy-governor-audit', path: 'audit/overrides.jsonl' });
    const report = await overriddenReport(1500, { level: 'exhausted' });
    // The report is the workflow's (a writer's) word: its escalation must not choose whom the app mentions.
    const forged = await bindToRun({ ...report, decision: { ...report.decision, escalation: 'victim' } }, issuer);
    await deliver(checkRunCompleted({ report: forged, pullRequests: [] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain('**Questions about this override?** The policy names @acme/sre-leads to decide (escalation).');
    expect(issues[0]!.body).not.toContain('@victim');
  });

  it('opens one review issue per override, even two on the same day', async () => {
    mountRepo();
    await deliver(checkRunCompleted({ report: await overriddenReport(900, { level: 'freeze', runId: 31 }), pullRequests: [] }));
    await deliver(checkRunCompleted({ report: await overriddenReport(900, { level: 'freeze', runId: 32 }), pullRequests: [] }));
    expect(issues.map((i) => i.title)).toEqual([
      'Deploy override review: production 2026-11-23',
      'Deploy override review: production 2026-11-23',
    ]);
    expect(issues[0]!.body).toContain('"run_id": 31');
    expect(issues[1]!.body).toContain('"run_id": 32');
  });

  it('is not fooled by an unlabelled issue that pastes the review marker', async () => {
    mountRepo();
    issues.push({ title: 'nothing to see', labels: [], body: `${issueMarker('review-9001-1-production')}` });
    await deliver(checkRunCompleted({ report: await overriddenReport(1500, { level: 'exhausted' }), pullRequests: [] }));
    expect(issues.map((i) => i.title)).toEqual(['nothing to see', 'Deploy override review: production 2026-11-23']);
  });

  it('completes a review issue on redelivery when the first delivery logged the record but could not open it', async () => {
    mountRepo();
    const payload = checkRunCompleted({ report: await overriddenReport(1500, { level: 'exhausted' }), pullRequests: [] });
    // The app looks and tries once more after a 5xx; a second failure fails the delivery.
    failIssueCreates = 2;
    await expect(deliver(payload)).rejects.toThrow();
    expect(store.writes).toBe(1);
    expect(issues).toEqual([]);
    await deliver(payload);
    expect(store.writes).toBe(1);
    expect(issues.map((i) => i.title)).toEqual(['Deploy override review: production 2026-11-23']);
  });

  it('opens the review issue in the same delivery after one 502 on the create, once', async () => {
    mountRepo();
    failIssueCreates = 1;
    await deliver(checkRunCompleted({ report: await overriddenReport(1500, { level: 'exhausted' }), pullRequests: [] }));
    expect(issues.map((i) => i.title)).toEqual(['Deploy override review: production 2026-11-23']);
  });

  it.each([
    ['not a workflow_dispatch', { event: 'push' }, /triggered by push, not workflow\\_dispatch/],
    ['another actor', { actor: 'mallory' }, /triggered by mallory, but the override names octocat/],
    ['another commit', { sha: 'b'.repeat(40) }, /ran on bbbbbbb, but the check run is on ec26c3e/],
  ])('raises an alert instead of logging when the run is %s', async (_label, run, problem) => {
    mountRepo({ 9001: run });
    await deliver(checkRunCompleted({ report: await overriddenReport(1500, { level: 'exhausted' }), pullRequests: [] }));
    expect(store.text).toBe('');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.labels).toEqual(['deploy-governor-alert']);
    expect(issues[0]!.body).toMatch(problem);
    // A redelivery raises nothing new.
    await deliver(checkRunCompleted({ report: await overriddenReport(1500, { level: 'exhausted' }), pullRequests: [] }));
    expect(issues).toHaveLength(1);
  });
});

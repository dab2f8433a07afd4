/**
 * The app's conditional reads end to end: the real app in Probot with the app's
 * own Octokit (app/app-octokit.ts, over a fresh cache per test), GitHub as the
 * stateful stand-in, which answers 304 to an `If-None-Match` naming the current
 * ETag and counts those apart from the quota-counted requests, as GitHub does.
 * Every request the app sends is also recorded (method, path, If-None-Match).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Probot } from 'probot';
import app from '../../app/index.js';
import { appOctokit } from '../../app/app-octokit.js';
import { AbsentFiles } from '../../app/github-cache/absent-files.js';
import { ConditionalCache } from '../../app/github-cache/conditional-cache.js';
import { startGitHubStateStandIn, type GitHubStateStandIn, type Issue, type RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { commentMarker } from '../../src/core/render/render-pr-comment.js';
import { parseRecords } from '../../src/core/audit/hash-chain.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';
import { issuesEvent } from '../support/issue-payloads.js';
import { startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';
import { APP_ID, testPrivateKey } from '../support/probot-harness.js';
import { bindToRun, overriddenReport, reportFor } from '../support/reports.js';
import { checkRunCompleted, HEAD_SHA, OWNER, REPO } from '../support/webhook-payloads.js';

const POLICY = '.github/deploy-governor.yml';

interface Sent {
  method: string;
  path: string;
  ifNoneMatch: string | null;
  installation: string | null;
}

let issuer: LocalOidcIssuer;
let github: GitHubStateStandIn;
let probot: Probot;
let repo: RepoState;
let cache: ConditionalCache;
let sent: Sent[];
let delivery = 0;
const saved = new Map<string, string | undefined>();

beforeAll(async () => {
  issuer = await startLocalOidcIssuer();
});
afterAll(async () => {
  await issuer.stop();
});

beforeEach(async () => {
  github = await startGitHubStateStandIn({ app: { id: APP_ID, slug: 'deploy-governor' }, check: checkGitHubRequest });
  for (const [k, v] of Object.entries({
    APP_ID: String(APP_ID),
    GITHUB_OIDC_ISSUER: issuer.url,
    PROMETHEUS_URL: undefined,
    PROMETHEUS_ALLOWED_URLS: undefined,
    REDIS_URL: undefined,
  })) {
    saved.set(k, process.env[k]);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  cache = new ConditionalCache();
  sent = [];
  // What the app sends, as GitHub would receive it (the token tells the installation: the stand-in's are ghs_standin_<id>).
  const recording = async (url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]);
    const path = new URL(String(url)).pathname.replace(/^\/api\/v3/, '');
    sent.push({
      method: init?.method ?? 'GET',
      path,
      ifNoneMatch: headers.get('if-none-match'),
      installation: /ghs_standin_(\d+)/.exec(headers.get('authorization') ?? '')?.[1] ?? null,
    });
    return fetch(url, init);
  };
  probot = new Probot({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    baseUrl: github.url,
    // The app's Octokit over this test's cache; throttling and retries off, as in the other harnesses.
    Octokit: appOctokit({ cache, absent: new AbsentFiles() }).defaults((options: Record<string, unknown>) => ({
      ...options,
      request: { ...(options.request as object | undefined), fetch: recording },
      retry: { enabled: false },
      throttle: { ...(options.throttle as object | undefined), enabled: false },
    })),
    logLevel: 'fatal',
  });
  await probot.load(app, { cwd: process.cwd(), addHandler: () => undefined });
  repo = github.state.repo(OWNER, REPO);
  repo.collaborators.set('octocat', 'admin');
  repo.collaborators.set('alice', 'triage');
});

afterEach(async () => {
  expect(github.problems).toEqual([]);
  await github.stop();
  for (const [k, v] of saved) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const receive = (name: string, payload: Record<string, unknown>) =>
  probot.receive({ id: `cache-${++delivery}`, name, payload } as Parameters<Probot['receive']>[0]);

/** Runs one delivery and answers what it cost GitHub: quota-counted requests and 304s, by operation. */
async function cost(name: string, payload: Record<string, unknown>) {
  github.resetStats();
  const from = sent.length;
  await receive(name, payload);
  const s = github.stats;
  return {
    quota: s.quotaCounted,
    notModified: s.notModified,
    byOperation: { ...s.byOperation },
    notModifiedByOperation: { ...s.notModifiedByOperation },
    sent: sent.slice(from),
  };
}

/** The payload as GitHub sends it for this repository: its default branch is the stand-in's (`main`). */
function onMain(payload: Record<string, unknown>): Record<string, unknown> {
  (payload.repository as Record<string, unknown>).default_branch = 'main';
  return payload;
}

function withInstallation(payload: Record<string, unknown>, id: number): Record<string, unknown> {
  payload.installation = { id, node_id: `I_${id}` };
  return payload;
}

const postmortems = () => [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'postmortem'));

function closedIncident(severity: string, title: string): Issue {
  const issue = github.state.addIssue(repo, { title, labels: ['incident', severity], user: github.state.user('alice') });
  issue.state = 'closed';
  issue.state_reason = 'completed';
  issue.closed_at = new Date().toISOString();
  return issue;
}

const setPolicy = (text: string | null) => github.state.commitFile(repo, { branch: 'main', path: POLICY, text, by: 'alice' });

describe('conditional reads in the app', () => {
  it('a second identical delivery costs nothing: the app remembers the comment it wrote', async () => {
    const pr = github.state.addPullRequest(repo, HEAD_SHA);
    const block = checkRunCompleted({ report: await reportFor(1500), pullRequests: [pr.number], id: 501 });
    const first = await cost('check_run', structuredClone(block));
    expect(github.state.appComments(repo, pr.number).filter((c) => c.body.startsWith(commentMarker('production')))).toHaveLength(1);
    expect(first.notModified).toBe(0);
    const again = await cost('check_run', structuredClone(block));
    // The body is the one the app last wrote to that comment: no request at all (not even a conditional list).
    expect(again).toMatchObject({ quota: 0, notModified: 0, byOperation: {} });
    expect(github.state.appComments(repo, pr.number)).toHaveLength(1);
  });

  it('a redelivered override reads what it read before as 304s, and writes nothing twice', async () => {
    repo.runs.set(9001, { id: 9001, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
    const override = checkRunCompleted({
      report: await bindToRun(await overriddenReport(600, { level: 'warning' }), issuer),
      pullRequests: [],
      id: 777,
    });
    const first = await cost('check_run', structuredClone(override));
    expect(parseRecords(github.state.fileText(repo, 'deploy-governor-audit', 'audit/overrides.jsonl') ?? '')).toHaveLength(1);
    const again = await cost('check_run', structuredClone(override));
    expect(parseRecords(github.state.fileText(repo, 'deploy-governor-audit', 'audit/overrides.jsonl') ?? '')).toHaveLength(1);
    // Nothing written the second time.
    expect(Object.keys(again.byOperation).filter((op) => !op.startsWith('GET '))).toEqual([]);
    // Reads the first delivery made and did not change itself are 304s: the workflow run, the actor's role, the
    // commit's pull requests, and the policy (absent at the default branch's unchanged head: the head's 304).
    expect(again.notModifiedByOperation).toMatchObject({
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}': 1,
      'GET /repos/{owner}/{repo}/collaborators/{username}/permission': 1,
      'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': 1,
      'GET /repos/{owner}/{repo}/git/ref/{ref}': 1,
    });
    // Quota-counted: only the audit log, which the first delivery's own write changed.
    expect(again.quota).toBe(1);
    expect(again.byOperation['GET /repos/{owner}/{repo}/contents/{path}']).toBe(1);
    expect(first.quota).toBeGreaterThan(5 * again.quota);
  });

  it('sees a changed policy on the next delivery: absent, then added, then changed', async () => {
    // No policy: the defaults require postmortems for sev1 and sev2 only.
    let c = await cost('issues', onMain(issuesEvent('closed', closedIncident('sev3', 'Slow search'), { login: 'alice' })));
    expect(postmortems()).toHaveLength(0);
    expect(c.byOperation['GET /repos/{owner}/{repo}/contents/{path}']).toBe(2); // the 404, then exactly at the head
    // Still absent at the same head: one 304 for the head, no quota-counted read of the file.
    c = await cost('issues', onMain(issuesEvent('closed', closedIncident('sev3', 'Slow search again'), { login: 'alice' })));
    expect(postmortems()).toHaveLength(0);
    expect(c.byOperation['GET /repos/{owner}/{repo}/contents/{path}']).toBeUndefined();
    expect(c.notModifiedByOperation['GET /repos/{owner}/{repo}/git/ref/{ref}']).toBe(1);
    // The policy is added (a commit moves the head): the very next delivery follows it.
    setPolicy('postmortems:\n  required-severities: [sev1, sev2, sev3]\n');
    await cost('issues', onMain(issuesEvent('closed', closedIncident('sev3', 'Search down'), { login: 'alice' })));
    expect(postmortems()).toHaveLength(1);
    // It exists: read on the default branch by its ETag from then on (the first such read in full, then 304s).
    await cost('issues', onMain(issuesEvent('closed', closedIncident('sev3', 'Search down again'), { login: 'alice' })));
    c = await cost('issues', onMain(issuesEvent('closed', closedIncident('sev3', 'Search down once more'), { login: 'alice' })));
    expect(postmortems()).toHaveLength(3);
    // The policy's 304, and the head's for the postmortem template the repository does not have.
    expect(c.notModifiedByOperation).toEqual({
      'GET /repos/{owner}/{repo}/contents/{path}': 1,
      'GET /repos/{owner}/{repo}/git/ref/{ref}': 1,
    });
    expect(c.byOperation['GET /repos/{owner}/{repo}/contents/{path}']).toBe(1);
    // Changed back: the revalidation gets the new file at once.
    setPolicy('postmortems:\n  required-severities: [sev1]\n');
    await cost('issues', onMain(issuesEvent('closed', closedIncident('sev3', 'Search slow'), { login: 'alice' })));
    expect(postmortems()).toHaveLength(3);
    // Removed: absent again (the defaults require sev2).
    setPolicy(null);
    await cost('issues', onMain(issuesEvent('closed', closedIncident('sev2', 'Checkout slow'), { login: 'alice' })));
    expect(postmortems()).toHaveLength(4);
  });

  it("keeps entries per installation: another installation never sends the first one's ETags", async () => {
    const pr = github.state.addPullRequest(repo, HEAD_SHA);
    // The payload names no pull request: each delivery reads the commit's pull requests (a conditional read).
    const block = checkRunCompleted({ report: await reportFor(1500), pullRequests: [], id: 601 });
    await cost('check_run', withInstallation(structuredClone(block), 1001));
    expect(github.state.appComments(repo, pr.number)).toHaveLength(1);
    const a = await cost('check_run', withInstallation(structuredClone(block), 1001));
    expect(a.notModified).toBe(1);
    const b = await cost('check_run', withInstallation(structuredClone(block), 1002));
    const fromB = b.sent.filter((s) => s.installation === '1002' && s.method === 'GET');
    expect(fromB.length).toBeGreaterThan(0);
    expect(fromB.every((s) => s.ifNoneMatch === null)).toBe(true);
    expect(b.notModified).toBe(0);
    // B's own second read is conditional, with B's ETag.
    const b2 = await cost('check_run', withInstallation(structuredClone(block), 1002));
    expect(b2.notModified).toBe(1);
  });
});

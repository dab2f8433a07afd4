/**
 * Freezes from a workflow_dispatch run (issue 15) through the real app in Probot:
 * the check run `deploy-governor / freeze-request` as GitHub Actions creates it,
 * carrying the request and the run's OIDC token (signed by a local issuer standing
 * in for GitHub Actions'), GitHub as the stateful stand-in (every request checked
 * against GitHub's OpenAPI description), and the deployment protection rule
 * answering FREEZE (the real Prometheus of the integration suite answers the SLOs).
 * Then the attacker's side: every way a writer could dress up a check run, each
 * freezing nothing and logged with its reason.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { parseRecords } from '../../src/core/audit/hash-chain.js';
import { embedFreezeRequest, freezeRequestDigest, type FreezeRequest } from '../../src/core/freeze/freeze-request.js';
import { readMeta } from '../../src/core/postmortem/issue-metadata.js';
import { oidcAudience } from '../../src/core/report/report-digest.js';
import { githubRunClaims, startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';
import { APP_ID } from '../support/probot-harness.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { checkRunCompleted, HEAD_SHA, OWNER, protectionRuleRequested, REPO } from '../support/webhook-payloads.js';

const POLICY = 'main:.github/deploy-governor.yml';
const HEALTHY = [
  'slos:',
  '  - name: api',
  '    sli:',
  '      events:',
  '        error: sum(increase(http_requests_total{scenario="normal",status=~"5.."}[{{window}}]))',
  '        total: sum(increase(http_requests_total{scenario="normal"}[{{window}}]))',
  'dr: { enabled: false }',
  'environments:',
  '  production: {}',
  '  staging: {}',
].join('\n');
const PROTECTED_RUN = 4343;

let issuer: LocalOidcIssuer;
let h: StandInHarness;
let repo: RepoState;
let runIds = 7_000;
let checkRunIds = 60_000;
/** What the app logged at info and warn, per delivery (context.log is a child of probot.log). */
let logged: { level: 'info' | 'warn'; msg: string; fields: Record<string, unknown> }[];

beforeAll(async () => {
  issuer = await startLocalOidcIssuer();
});
afterAll(async () => {
  await issuer.stop();
});

beforeEach(async () => {
  h = await startStandInHarness({ GITHUB_OIDC_ISSUER: issuer.url, PROMETHEUS_URL: inject('prometheusUrl') });
  repo = h.github.state.repo(OWNER, REPO);
  repo.collaborators.set('maint', 'maintain');
  repo.collaborators.set('writer', 'write');
  repo.files.set(POLICY, `${HEALTHY}\n`);
  logged = [];
  const child = h.probot.log.child.bind(h.probot.log);
  vi.spyOn(h.probot.log, 'child').mockImplementation((...args: Parameters<typeof child>) => {
    const log = child(...args);
    for (const level of ['info', 'warn'] as const) {
      const write = log[level].bind(log) as (...a: unknown[]) => void;
      log[level] = ((fields: unknown, msg?: string) => {
        if (typeof fields === 'object' && fields !== null && typeof msg === 'string')
          logged.push({ level, msg, fields: fields as Record<string, unknown> });
        write(fields, msg);
      }) as typeof log.info;
    }
    return log;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

const freezeIssues = () =>
  [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'deploy-freeze') && i.performed_via_github_app?.id === APP_ID);
const openFreezes = () => freezeIssues().filter((i) => i.state === 'open');
const auditRecords = () => parseRecords(h.github.state.fileText(repo, 'deploy-governor-audit', 'audit/overrides.jsonl') ?? '');
const refusals = () => logged.filter((l) => l.msg === 'freeze request refused').map((l) => (l.fields.problems as string[]).join(' | '));

interface Dispatch {
  command: string;
  actor?: string;
  runId?: number;
  runAttempt?: number;
  /** Claims over GitHub's usual ones for this run. */
  claims?: Record<string, unknown>;
  sign?: Parameters<LocalOidcIssuer['sign']>[1];
  /** The request as published, when it differs from the one the token was issued for. */
  published?: Partial<FreezeRequest>;
}

/** A dispatched run's freeze request: the request, and the run's token whose audience is its digest. */
async function freezeRequest(d: Dispatch): Promise<{ request: FreezeRequest; token: string }> {
  const request: FreezeRequest = {
    kind: 'freeze-request',
    repository: `${OWNER}/${REPO}`,
    command: d.command,
    runId: d.runId ?? ++runIds,
    runAttempt: d.runAttempt ?? 1,
  };
  const claims = {
    ...githubRunClaims({
      repository: `${OWNER}/${REPO}`,
      runId: request.runId,
      runAttempt: request.runAttempt,
      actor: d.actor ?? 'maint',
      sha: HEAD_SHA,
      workflowPath: '.github/workflows/freeze.yml',
    }),
    ...d.claims,
  };
  const token = await issuer.sign(claims, { audience: oidcAudience(freezeRequestDigest(request)), ...d.sign });
  return { request: { ...request, ...d.published }, token };
}

/** The check run GitHub Actions created for the request, delivered as check_run.completed. */
async function deliver(r: { request: FreezeRequest; token: string }, o: { id?: number; app?: { id: number; slug: string } } = {}) {
  const payload = checkRunCompleted({
    report: null,
    name: 'deploy-governor / freeze-request',
    id: o.id ?? ++checkRunIds,
    ...(o.app ? { app: o.app } : {}),
  });
  (payload.check_run as { output: Record<string, unknown> }).output.text = embedFreezeRequest(r.request, r.token);
  await h.receive('check_run', payload);
}

const dispatch = async (d: Dispatch) => deliver(await freezeRequest(d));

async function protection(environment = 'production'): Promise<{ state: string; comment: string }> {
  await h.receive('deployment_protection_rule', protectionRuleRequested({ environment, runId: PROTECTED_RUN }));
  const last = h.github.state.protectionAnswers.at(-1)!;
  return { state: String(last.body.state), comment: String(last.body.comment) };
}

describe('a maintainer freezes and unfreezes from a workflow', () => {
  it('freezes: the issue names the run and the actor from the token, the audit record, and the protection rule answers FREEZE', async () => {
    await dispatch({ command: '/freeze production 2h release 42', runId: 7101 });
    const [issue, ...more] = freezeIssues();
    expect(more).toEqual([]);
    const record = readMeta('freeze', issue!.body);
    expect(record).toMatchObject({ scope: 'production', reason: 'release 42', by: 'maint' });
    expect(Date.parse(record!.until) - Date.now()).toBeGreaterThan(119 * 60_000);
    expect(issue!.body).toContain(`https://github.com/${OWNER}/${REPO}/actions/runs/7101/attempts/1`);
    expect(auditRecords()).toEqual([
      expect.objectContaining({ kind: 'freeze', actor: 'maint', reason: 'release 42', issue: issue!.number, how: 'command' }),
    ]);
    const answer = await protection('production');
    expect(answer.state).toBe('rejected');
    expect(answer.comment).toMatch(/status FREEZE/);
    expect(answer.comment).toContain('release 42');
    expect((await protection('staging')).state).toBe('approved');
  });

  it('unfreezes: the issue is closed, the unfreeze is on record, and the protection rule approves again', async () => {
    await dispatch({ command: '/freeze all 1d release week', sign: { issuedAt: new Date(Date.now() - 60_000) } });
    expect(openFreezes()).toHaveLength(1);
    expect((await protection('staging')).state).toBe('rejected');
    await dispatch({ command: '/unfreeze all' });
    expect(openFreezes()).toEqual([]);
    expect(auditRecords().map((r) => [r.kind, r.actor])).toEqual([
      ['freeze', 'maint'],
      ['unfreeze', 'maint'],
    ]);
    expect((await protection('staging')).state).toBe('approved');
  });

  it('a redelivered check run freezes once; a bad command is logged and changes nothing', async () => {
    const request = await freezeRequest({ command: '/freeze production 2h release' });
    const id = ++checkRunIds;
    await deliver(request, { id });
    await deliver(request, { id });
    expect(freezeIssues()).toHaveLength(1);
    expect(auditRecords()).toHaveLength(1);
    await dispatch({ command: '/freeze prodution 2h typo' });
    expect(freezeIssues()).toHaveLength(1);
    expect(logged.findLast((l) => l.msg === 'freeze command from a workflow run')?.fields.outcome).toMatch(/did you mean production/);
  });

  it('accepts a run from a ref the policy lists in overrides.refs', async () => {
    repo.files.set(POLICY, `${HEALTHY}\noverrides:\n  refs: [refs/heads/release]\n`);
    const ref = 'refs/heads/release';
    const workflow = `${OWNER}/${REPO}/.github/workflows/freeze.yml@${ref}`;
    await dispatch({ command: '/freeze production 1h release', claims: { ref, workflow_ref: workflow, job_workflow_ref: workflow } });
    expect(openFreezes()).toHaveLength(1);
  });
});

describe('a freeze request nothing vouches for freezes nothing, and the app logs why', () => {
  const branch = 'refs/heads/writer-patch';
  const onBranch = `${OWNER}/${REPO}/.github/workflows/freeze.yml@${branch}`;
  const cases: [string, Dispatch, RegExp][] = [
    [
      'a token whose audience names another command',
      { command: '/freeze production 1h x', published: { command: '/unfreeze all' } },
      /audience/,
    ],
    ['a request edited after signing (another run)', { command: '/freeze production 1h x', published: { runId: 1 } }, /audience/],
    ['a token from another repository', { command: '/freeze production 1h x', claims: { repository: 'evil/fork' } }, /another repository/],
    ['a token of a push, not a dispatch', { command: '/freeze production 1h x', claims: { event_name: 'push' } }, /"push"/],
    [
      "a writer's branch workflow",
      { command: '/freeze production 1h x', claims: { ref: branch, workflow_ref: onBranch, job_workflow_ref: onBranch } },
      /writer-patch/,
    ],
    [
      'an expired token',
      { command: '/freeze production 1h x', sign: { issuedAt: new Date(Date.now() - 3_600_000), expiresInSeconds: 300 } },
      /expired/,
    ],
    ['a token signed by another key', { command: '/freeze production 1h x', sign: { wrongKey: true } }, /signature/],
  ];
  it.each(cases)('%s', async (_name, d, why) => {
    await dispatch(d);
    expect(freezeIssues()).toEqual([]);
    expect(auditRecords()).toEqual([]);
    expect(refusals()).toEqual([expect.stringMatching(why)]);
  });

  it('a triggering actor with only write: refused by role, whatever the first attempt was', async () => {
    // A maintainer's run, re-run by a writer: GitHub's token names the writer as the triggering actor.
    await dispatch({ command: '/freeze production 1h x', runAttempt: 2, claims: { triggering_actor: 'writer' } });
    expect(freezeIssues()).toEqual([]);
    expect(logged.find((l) => l.msg === 'freeze command refused')?.fields).toMatchObject({ sender: 'writer', needed: 'maintain' });
  });

  it('a check run created by an app other than GitHub Actions', async () => {
    await deliver(await freezeRequest({ command: '/freeze production 1h x' }), { app: { id: 77, slug: 'other-ci' } });
    expect(freezeIssues()).toEqual([]);
    expect(refusals()).toEqual([expect.stringContaining('"other-ci", not GitHub Actions')]);
  });

  it('a replayed check run of the same run attempt opens nothing new, even after its freeze was lifted', async () => {
    const changes: string[] = [];
    h.freezeEvents.on(async (c) => {
      changes.push(`${c.change} #${c.issue}`);
    });
    const genuine = await freezeRequest({ command: '/freeze production 1h release', sign: { issuedAt: new Date(Date.now() - 60_000) } });
    await deliver(genuine);
    expect(openFreezes()).toHaveLength(1);
    await deliver(genuine);
    expect(freezeIssues()).toHaveLength(1);
    await dispatch({ command: '/unfreeze production' });
    expect(openFreezes()).toEqual([]);
    // A writer's workflow republishes the genuine request and token in a new check run.
    await deliver(genuine);
    expect(freezeIssues()).toHaveLength(1);
    expect(openFreezes()).toEqual([]);
    expect(auditRecords().map((r) => r.kind)).toEqual(['freeze', 'unfreeze']);
    // Nothing reacts to the replay as if the lifted freeze had started again.
    const [issue] = freezeIssues();
    expect(changes.filter((c) => c === `started #${issue!.number}`)).toHaveLength(2);
    expect(changes.at(-1)).toBe(`ended #${issue!.number}`);
  });

  it('a replayed /unfreeze lifts no freeze set after it', async () => {
    const unfreeze = await freezeRequest({ command: '/unfreeze all', sign: { issuedAt: new Date(Date.now() - 120_000) } });
    await deliver(unfreeze);
    await dispatch({ command: '/freeze production 1h later', sign: { issuedAt: new Date(Date.now() - 60_000) } });
    expect(openFreezes()).toHaveLength(1);
    await deliver(unfreeze);
    expect(openFreezes()).toHaveLength(1);
  });
});

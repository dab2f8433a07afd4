/**
 * The edge's relevance rules (app/edge/relevance.ts): every delivery a handler
 * acts on is kept, and a delivery is dropped only when its handler would have
 * returned without a GitHub request. The second half runs the real handlers on
 * every dropped variant with a client that fails any request.
 */
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import pino from 'pino';
import type { Context } from 'probot';
import { describe, expect, it } from 'vitest';
import { relevanceOf, SUBSCRIBED_EVENTS } from '../../app/edge/relevance.js';
import { signatureMatches } from '../../app/edge/verify-signature.js';
import { onCheckRunCompleted, type CheckRunDeps } from '../../app/handlers/check-run-completed.js';
import { createNotifier } from '../../app/notify/notifier.js';
import { createFreezeEvents } from '../../app/freezes/freeze-events.js';
import { onIssueCommentCreated } from '../../app/handlers/issue-comment-created.js';
import { onIssuesReopened } from '../../app/handlers/issues-reopened.js';
import { onPullRequestChanged } from '../../app/handlers/pull-request-changed.js';
import type { AppConfig } from '../../app/app-config.js';
import { createCommentMemory } from '../../app/github-cache/comment-memory.js';
import type { IssueLock } from '../../app/issue-lock.js';
import { embedFreezeRequest } from '../../src/core/freeze/freeze-request.js';
import { embedReport } from '../../src/core/report/extract-report.js';
import { embedVerification } from '../../src/core/verify/embed-verification.js';
import { reportFor } from '../support/reports.js';
import { APP_ID } from '../support/probot-harness.js';
import { verificationFor } from '../support/verifications.js';
import { checkRunCompleted, protectionRuleRequested, pullRequestEvent } from '../support/webhook-payloads.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, unknown>[] }[];
const example = (name: string, action: string) =>
  structuredClone(examples.find((e) => e.name === name)!.examples.find((e) => e.action === action)!);
const withInstallation = (p: Record<string, unknown>) => ({ ...p, installation: { id: 99 } });
const app = { appId: APP_ID };

type Payload = Record<string, unknown> & {
  sender: Record<string, unknown>;
  issue: Record<string, unknown>;
  comment: Record<string, unknown>;
};
function comment(body: string, senderType = 'User'): Payload {
  const p = withInstallation(example('issue_comment', 'created')) as unknown as Payload;
  p.comment.body = body;
  p.sender.type = senderType;
  return p;
}
function issues(action: string, labels: string[], senderType = 'User'): Payload {
  const p = withInstallation(example('issues', action === 'closed' ? 'reopened' : action)) as unknown as Payload;
  p.action = action;
  p.issue.labels = labels.map((name, i) => ({ id: i + 1, name }));
  p.sender.type = senderType;
  return p;
}

describe('relevanceOf', () => {
  it('keeps the gate check runs the handler acts on: from GitHub Actions or from this app, with a report', async () => {
    const report = await reportFor(1500);
    const fromActions = checkRunCompleted({ report });
    expect(relevanceOf('check_run', fromActions, app)).toEqual({
      relevant: true,
      installation: '7331',
      action: 'completed',
      repository: 'Codertocat/Hello-World',
    });
    expect(relevanceOf('check_run', checkRunCompleted({ report, app: { id: 4242, slug: 'deploy-governor' } }), app).relevant).toBe(true);
  });

  it("keeps a workflow's freeze request, and drops a check run of that name without one (or with a report instead)", async () => {
    const named = (text: string | null) => {
      const payload = checkRunCompleted({ report: null, name: 'deploy-governor / freeze-request' });
      (payload.check_run as { output: Record<string, unknown> }).output.text = text;
      return payload;
    };
    const request = {
      kind: 'freeze-request',
      repository: 'Codertocat/Hello-World',
      command: '/unfreeze all',
      runId: 1,
      runAttempt: 1,
    } as const;
    expect(relevanceOf('check_run', named(embedFreezeRequest(request, 'a.b.c')), app).relevant).toBe(true);
    expect(relevanceOf('check_run', named(null), app)).toMatchObject({
      relevant: false,
      reason: 'the check run carries no freeze request',
    });
    const report = embedReport(await reportFor(1500));
    expect(relevanceOf('check_run', named(report), app)).toMatchObject({
      relevant: false,
      reason: 'the check run carries no freeze request',
    });
  });

  it('keeps a verify check run from GitHub Actions with a verdict; drops one without, and flags one from any other app, this one included', async () => {
    const verify = (text: string | null, app?: { id: number; slug: string }) => {
      const payload = checkRunCompleted({ report: null, name: 'deploy-governor / production / verify', ...(app ? { app } : {}) });
      (payload.check_run as { output: Record<string, unknown> }).output.text = text;
      return payload;
    };
    const verdict = embedVerification(verificationFor({ regressed: true }));
    expect(relevanceOf('check_run', verify(verdict), app).relevant).toBe(true);
    expect(relevanceOf('check_run', verify(embedReport(await reportFor(1500))), app)).toMatchObject({
      relevant: false,
      reason: 'the check run carries no verification',
    });
    for (const other of [
      { id: 77, slug: 'other-app' },
      { id: APP_ID, slug: 'deploy-governor' },
    ])
      expect(relevanceOf('check_run', verify(verdict, other), app)).toMatchObject({ relevant: false, suspicious: true });
  });

  it('drops every other check run, and flags a gate-named one from another app', async () => {
    const report = await reportFor(1500);
    expect(relevanceOf('check_run', checkRunCompleted({ report, name: 'ci / build' }), app)).toEqual({
      relevant: false,
      reason: 'not a deploy-governor check run',
    });
    expect(relevanceOf('check_run', checkRunCompleted({ report, app: { id: 77, slug: 'other-app' } }), app)).toMatchObject({
      relevant: false,
      suspicious: true,
    });
    expect(relevanceOf('check_run', checkRunCompleted({ report: null }), app)).toMatchObject({
      relevant: false,
      reason: 'the check run carries no deploy-governor report',
    });
    const created = { ...checkRunCompleted({ report }), action: 'created' };
    expect(relevanceOf('check_run', created, app)).toMatchObject({ relevant: false, reason: 'the app does not handle check_run.created' });
    // Every check_run example in the package is some other check: all dropped.
    for (const e of examples.find((x) => x.name === 'check_run')!.examples)
      expect(relevanceOf('check_run', withInstallation(e), app).relevant).toBe(false);
  });

  it('keeps /postmortem commands by people, drops other comments and bots', () => {
    expect(relevanceOf('issue_comment', comment('/postmortem Outage'), app).relevant).toBe(true);
    expect(relevanceOf('issue_comment', comment('\uFEFF/PostMortem\nmore'), app).relevant).toBe(true);
    expect(relevanceOf('issue_comment', comment('LGTM'), app)).toMatchObject({
      relevant: false,
      reason: 'the comment is no /postmortem, /freeze or /unfreeze command',
    });
    expect(relevanceOf('issue_comment', comment('/postmortem x', 'Bot'), app)).toMatchObject({
      relevant: false,
      reason: 'a comment by a bot',
    });
    expect(relevanceOf('issue_comment', { ...comment('/postmortem x'), action: 'edited' }, app).relevant).toBe(false);
  });

  it('keeps the deploy-freeze label removed by anyone, bots included, and no other label removal', () => {
    const unlabeled = (name: string, type = 'User') => ({ ...issues('unlabeled', [], type), label: { name } });
    expect(relevanceOf('issues', unlabeled('deploy-freeze'), app).relevant).toBe(true);
    expect(relevanceOf('issues', unlabeled('bug'), app).relevant).toBe(false);
    // A writer's workflow acts as github-actions[bot]: the guard, not the edge, tells this app from other bots.
    expect(relevanceOf('issues', unlabeled('deploy-freeze', 'Bot'), app).relevant).toBe(true);
    expect(relevanceOf('issues', unlabeled('bug', 'Bot'), app).relevant).toBe(false);
    expect(relevanceOf('issues', issues('edited', ['deploy-freeze'], 'Bot'), app).relevant).toBe(true);
    expect(relevanceOf('issues', issues('edited', ['postmortem'], 'Bot'), app).relevant).toBe(false);
  });

  it('keeps /freeze and /unfreeze commands by people, well formed or not (the reply explains a mistake)', () => {
    for (const body of ['/freeze prod 2h migration', '/unfreeze all', '/FREEZE', '\uFEFF/unfreeze prod\nthanks'])
      expect(relevanceOf('issue_comment', comment(body), app).relevant, body).toBe(true);
    for (const body of ['/freezer prod 2h x', 'please /freeze prod 2h x', '/unfreezeall'])
      expect(relevanceOf('issue_comment', comment(body), app).relevant, body).toBe(false);
    expect(relevanceOf('issue_comment', comment('/freeze prod 2h x', 'Bot'), app).relevant).toBe(false);
  });

  it('keeps an unlabelled issue a person opens with a /freeze or /unfreeze first line (a freeze request), and nothing else unlabelled', () => {
    const request = (body: string, action = 'opened', type = 'User') => {
      const p = issues(action, [], type);
      (p.issue as { body?: string }).body = body;
      return p;
    };
    expect(relevanceOf('issues', request('/freeze prod 2h migration\n\nfrom the CLI'), app).relevant).toBe(true);
    expect(relevanceOf('issues', request('/unfreeze all'), app).relevant).toBe(true);
    expect(relevanceOf('issues', request('please /freeze prod'), app).relevant).toBe(false);
    // Only at opening, and only by a person: an edit into a command, or a bot's request, is nothing to the app.
    expect(relevanceOf('issues', request('/freeze prod 2h x', 'edited'), app).relevant).toBe(false);
    expect(relevanceOf('issues', request('/freeze prod 2h x', 'opened', 'Bot'), app).relevant).toBe(false);
  });

  it('keeps labelled issues opened, edited or closed by people, and reopened action items', () => {
    for (const action of ['opened', 'edited', 'closed'])
      expect(relevanceOf('issues', issues(action, ['postmortem']), app).relevant, action).toBe(true);
    expect(relevanceOf('issues', issues('closed', ['incident', 'sev1'], 'Bot'), app).relevant).toBe(true);
    expect(relevanceOf('issues', issues('reopened', ['action-item']), app).relevant).toBe(true);
    for (const action of ['opened', 'edited', 'closed'])
      expect(relevanceOf('issues', issues(action, []), app).relevant, action).toBe(false);
    expect(relevanceOf('issues', issues('edited', ['postmortem'], 'Bot'), app).relevant).toBe(false);
    expect(relevanceOf('issues', issues('reopened', ['bug']), app).relevant).toBe(false);
    for (const action of ['labeled', 'assigned', 'deleted', 'transferred'])
      expect(relevanceOf('issues', issues(action, ['postmortem']), app).relevant, action).toBe(false);
  });

  it('keeps every protection rule request, and nothing of the events the app does not subscribe to', () => {
    expect(relevanceOf('deployment_protection_rule', protectionRuleRequested({ environment: 'production', runId: 1 }), app).relevant).toBe(
      true,
    );
    expect(
      relevanceOf(
        'deployment_protection_rule',
        { ...protectionRuleRequested({ environment: 'production', runId: 1 }), action: 'other' },
        app,
      ).relevant,
    ).toBe(false);
    expect([...SUBSCRIBED_EVENTS].sort()).toEqual(['check_run', 'deployment_protection_rule', 'issue_comment', 'issues', 'pull_request']);
    expect(relevanceOf('ping', example('ping', undefined as never) ?? {}, app)).toEqual({
      relevant: false,
      reason: 'the app does not handle ping events',
    });
    expect(relevanceOf('push', {}, app).relevant).toBe(false);
  });

  it('keeps pull requests opened, pushed to, reopened or moved to another base, and drops other edits', () => {
    const pr = { number: 2, base: 'main', headSha: 'a'.repeat(40) };
    for (const action of ['opened', 'synchronize', 'reopened'] as const)
      expect(relevanceOf('pull_request', pullRequestEvent(action, pr), app).relevant).toBe(true);
    expect(relevanceOf('pull_request', pullRequestEvent('edited', pr, { baseFrom: 'develop' }), app).relevant).toBe(true);
    expect(relevanceOf('pull_request', pullRequestEvent('edited', pr), app)).toMatchObject({
      relevant: false,
      reason: 'the pull request was edited, not its base',
    });
    expect(relevanceOf('pull_request', { ...pullRequestEvent('opened', pr), action: 'closed' }, app).relevant).toBe(false);
  });

  it('drops payloads that are not objects or name no installation', async () => {
    for (const body of [null, 'x', 42, []])
      expect(relevanceOf('check_run', body, app)).toMatchObject({ relevant: false, reason: 'the payload is not a JSON object' });
    const p = checkRunCompleted({ report: await reportFor(1500) });
    delete p.installation;
    expect(relevanceOf('check_run', p, app)).toMatchObject({ relevant: false, reason: 'the delivery names no installation' });
  });
});

describe('a dropped delivery is one its handler would have ignored', () => {
  const silent = pino({ level: 'silent' });
  const failingOctokit = { request: () => Promise.reject(new Error('no GitHub request expected for a dropped delivery')) };
  const context = (payload: Record<string, unknown>) =>
    ({
      payload,
      log: silent,
      octokit: failingOctokit,
      repo: () => ({ owner: 'Codertocat', repo: 'Hello-World' }),
    }) as unknown as Context<never>;
  const config = { appId: APP_ID } as AppConfig;
  const lock: IssueLock = { run: (_k, work) => work(), close: async () => undefined };

  it('check runs', async () => {
    const report = await reportFor(1500);
    const variants = [
      checkRunCompleted({ report, name: 'ci / build' }),
      checkRunCompleted({ report, app: { id: 77, slug: 'other' } }),
      checkRunCompleted({ report: null }),
      checkRunCompleted({ report: null, name: 'deploy-governor / production / verify' }),
      checkRunCompleted({ report: null, name: 'deploy-governor / production / verify', app: { id: 77, slug: 'other' } }),
    ];
    const deps: CheckRunDeps = {
      config,
      lock,
      verifier: {} as CheckRunDeps['verifier'],
      ledger: async () => null,
      comments: createCommentMemory(undefined),
      notifier: createNotifier(new Map()),
      freezes: { events: createFreezeEvents(pino({ level: 'silent' })), ledger: async () => null },
    };
    for (const payload of variants) {
      expect(relevanceOf('check_run', payload, { appId: APP_ID }).relevant).toBe(false);
      await expect(onCheckRunCompleted(context(payload), deps)).resolves.toBeUndefined();
    }
  });

  it('comments and reopened issues', async () => {
    for (const payload of [comment('LGTM'), comment('/postmortem x', 'Bot')]) {
      expect(relevanceOf('issue_comment', payload, app).relevant).toBe(false);
      await expect(
        onIssueCommentCreated(context(payload), config, lock, {
          events: createFreezeEvents(pino({ level: 'silent' })),
          ledger: async () => null,
        }),
      ).resolves.toBeUndefined();
    }
    const reopened = issues('reopened', ['bug']);
    expect(relevanceOf('issues', reopened, app).relevant).toBe(false);
    await expect(onIssuesReopened(context(reopened), config, lock)).resolves.toBeUndefined();
  });

  it('pull requests edited without a new base', async () => {
    const edited = pullRequestEvent('edited', { number: 2, base: 'main', headSha: 'a'.repeat(40) });
    expect(relevanceOf('pull_request', edited, app).relevant).toBe(false);
    const deps = {
      appId: APP_ID,
      identity: { isThisApp: () => Promise.reject(new Error('not asked')) },
      now: () => new Date(0),
      windows: null,
    };
    await expect(onPullRequestChanged(context(edited), deps)).resolves.toBeUndefined();
  });
});

describe('signatureMatches', () => {
  const body = Buffer.from('{"a":1}');
  const good = `sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`;
  it('accepts the right HMAC and nothing else', () => {
    expect(signatureMatches('s3cret', body, good)).toBe(true);
    expect(signatureMatches('other', body, good)).toBe(false);
    expect(signatureMatches('s3cret', Buffer.from('{"a":2}'), good)).toBe(false);
    expect(signatureMatches('s3cret', body, good.replace('sha256=', 'sha1='))).toBe(false);
    expect(signatureMatches('s3cret', body, `${good}00`)).toBe(false);
    expect(signatureMatches('s3cret', body, `sha256=${'z'.repeat(64)}`)).toBe(false);
    expect(signatureMatches('s3cret', body, '')).toBe(false);
  });
});

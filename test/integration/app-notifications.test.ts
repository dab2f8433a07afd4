/**
 * Chat notifications from the app, received by a local webhook server (node:http
 * on 127.0.0.1): a blocked check run and a verified override reach the channels
 * the operator allows for the repository, in their format (validated against the
 * Block Kit and Adaptive Card models), and never a channel of another
 * repository; a channel over its rate drops the excess; a slow, failing or
 * absent receiver never fails the delivery. GitHub is nock, OpenAPI-checked.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { slackMessageSchema, teamsMessageSchema, teamsTexts } from '../support/chat-payloads.js';
import { mountContentsStore } from '../support/contents-store.js';
import { startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';
import { cleanupHarness, createHarness, type Harness } from '../support/probot-harness.js';
import { bindToRun, overriddenReport, reportFor } from '../support/reports.js';
import { checkRunCompleted, HEAD_SHA, OWNER, REPO } from '../support/webhook-payloads.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const REPO_PATH = `/repos/${OWNER}/${REPO}`;

let receiver: WebhookReceiver;
let closedPort: number;
let issuer: LocalOidcIssuer;
let h: Harness;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  closedPort = await getFreePort();
  issuer = await startLocalOidcIssuer();
});
afterAll(async () => {
  await receiver.stop();
  await issuer.stop();
});

const hook = (path: string) => receiver.url(path);

function webhooks(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    checkout: { url: hook('/slack/checkout'), repositories: [`${OWNER}/${REPO}`] },
    'checkout-teams': { url: hook('/teams/checkout'), format: 'teams', repositories: [`${OWNER}/*`] },
    // Another tenant's channel: a policy here naming it must never reach it.
    payments: { url: hook('/slack/payments'), repositories: ['acme-payments/*'] },
    ...extra,
  });
}

function mountRepo(policyYaml: string): void {
  mountContentsStore(h.github, REPO_PATH, 'audit/overrides.jsonl', 'deploy-governor-audit');
  h.github
    .get(`${REPO_PATH}/contents/.github%2Fdeploy-governor.yml`)
    .optionally()
    .reply(200, { type: 'file', sha: 'e'.repeat(40), encoding: 'base64', content: Buffer.from(policyYaml).toString('base64') })
    .persist();
  h.github
    .get(/\/actions\/runs\/\d+$/)
    .optionally()
    .reply((uri) => {
      const id = Number(uri.split('/').pop());
      return [
        200,
        {
          id,
          event: 'workflow_dispatch',
          head_sha: HEAD_SHA,
          run_attempt: 1,
          html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${id}`,
          triggering_actor: { login: 'octocat' },
        },
      ];
    })
    .persist();
  h.github
    .get(/\/collaborators\/[^/]+\/permission$/)
    .optionally()
    .reply(200, { permission: 'admin', role_name: 'admin', user: { login: 'octocat' } })
    .persist();
  h.github.get(`${REPO_PATH}/commits`).query(true).optionally().reply(200, []).persist();
  h.github.get(`${REPO_PATH}/issues`).query(true).optionally().reply(200, []).persist();
  h.github.post(`${REPO_PATH}/issues`).optionally().reply(201, { number: 1, id: 9000 }).persist();
  h.github.get(`${REPO_PATH}/commits/${HEAD_SHA}/pulls`).query(true).optionally().reply(200, []).persist();
}

const POLICY = 'dr: { enabled: false }\nnotify:\n  channels: [checkout, checkout-teams, payments, unknown-channel]\n';

beforeEach(() => {
  receiver.received.length = 0;
  receiver.behaviour = {};
});
const received = () => receiver.received;
afterEach(() => {
  expect(h.problems).toEqual([]);
  cleanupHarness();
  nock.cleanAll();
});

let n = 0;
const deliver = (payload: Record<string, unknown>, id = `notify-${++n}`) =>
  h.probot.receive({ id, name: 'check_run', payload: payload as never });

describe('notifications from the app', () => {
  it("posts a blocked check run to the allowed channels in their formats, never to another tenant's", async () => {
    h = await createHarness({ NOTIFY_WEBHOOKS: webhooks(), GITHUB_OIDC_ISSUER: issuer.url });
    mountRepo(POLICY);
    await deliver(checkRunCompleted({ report: await reportFor(1500), pullRequests: [], id: 7001 }));
    expect(
      received()
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/slack/checkout', '/teams/checkout']);
    const slack = slackMessageSchema.parse(received().find((r) => r.path === '/slack/checkout')!.body);
    expect(slack.text).toContain('Deploys to `production` are blocked: EXHAUSTED');
    expect(JSON.stringify(slack.blocks)).toContain(`<https://github.com/${OWNER}/${REPO}/actions/runs/9001|Workflow run>`);
    const teams = teamsMessageSchema.parse(received().find((r) => r.path === '/teams/checkout')!.body);
    expect(teamsTexts(teams).runs[0]).toContain('blocked: EXHAUSTED');
    // A redelivery of the same check run sends nothing again.
    await deliver(checkRunCompleted({ report: await reportFor(1500), pullRequests: [], id: 7001 }));
    expect(received()).toHaveLength(2);
  });

  it('posts a verified override with its actor and reason, and nothing for an allowed deploy', async () => {
    h = await createHarness({ NOTIFY_WEBHOOKS: webhooks(), GITHUB_OIDC_ISSUER: issuer.url });
    mountRepo(POLICY);
    const report = await bindToRun(
      await overriddenReport(600, { level: 'warning', reason: 'Hotfix <!channel> @here [x](https://evil.example)' }),
      issuer,
    );
    await deliver(checkRunCompleted({ report, pullRequests: [], id: 7002 }));
    expect(
      received()
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/slack/checkout', '/teams/checkout']);
    const slack = slackMessageSchema.parse(received().find((r) => r.path === '/slack/checkout')!.body);
    expect(slack.text).toContain('went ahead under an override: WARNING');
    expect(slack.text).toContain('Overridden by `octocat` at level warning: `Hotfix &lt;!channel&gt; @\u200bhere [x](https:');
    expect(JSON.stringify(slack)).not.toMatch(/<!channel>|@here/);
    receiver.received.length = 0;
    await deliver(checkRunCompleted({ report: await reportFor(100), pullRequests: [], id: 7003 }));
    expect(received()).toEqual([]);
  });

  it('sends nothing to a policy that names no channel, and reads no policy without NOTIFY_WEBHOOKS', async () => {
    h = await createHarness({ GITHUB_OIDC_ISSUER: issuer.url });
    mountRepo(POLICY);
    await deliver(checkRunCompleted({ report: await reportFor(1500), pullRequests: [], id: 7004 }));
    expect(received()).toEqual([]);
    expect(h.requests.filter((r) => r.path.includes('deploy-governor.yml'))).toEqual([]);
  });

  it("drops what is over a channel's rate instead of queueing it", async () => {
    h = await createHarness({ NOTIFY_WEBHOOKS: webhooks(), GITHUB_OIDC_ISSUER: issuer.url });
    mountRepo('dr: { enabled: false }\nnotify: { channels: [checkout] }\n');
    const report = await reportFor(1500);
    const started = Date.now();
    for (let i = 0; i < 10; i++) await deliver(checkRunCompleted({ report, pullRequests: [], id: 7100 + i }));
    const seconds = (Date.now() - started) / 1000;
    // Bursts of 5, then 1 a second: a coarse bound from the rate, not a benchmark.
    expect(received().length).toBeGreaterThanOrEqual(5);
    expect(received().length).toBeLessThanOrEqual(5 + Math.ceil(seconds));
    if (seconds < 4) expect(received().length).toBeLessThan(10);
  });

  it('a failing, absent or slow receiver never fails the delivery', async () => {
    h = await createHarness({
      NOTIFY_WEBHOOKS: webhooks({
        failing: { url: hook('/slack/failing'), repositories: ['*/*'] },
        absent: { url: `http://127.0.0.1:${closedPort}/x`, repositories: ['*/*'] },
        slow: { url: hook('/slack/slow'), repositories: ['*/*'] },
        redirecting: { url: hook('/slack/redirect'), repositories: ['*/*'] },
      }),
      GITHUB_OIDC_ISSUER: issuer.url,
    });
    receiver.behaviour = { '/slack/failing': { status: 500 }, '/slack/slow': { delayMs: 30_000 }, '/slack/redirect': { status: 302 } };
    mountRepo('dr: { enabled: false }\nnotify: { channels: [failing, absent, slow, redirecting, checkout] }\n');
    const started = Date.now();
    await expect(deliver(checkRunCompleted({ report: await reportFor(1500), pullRequests: [], id: 7200 }))).resolves.toBeUndefined();
    // The slow one costs its timeout (5 s), no more; the others still get theirs.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(
      received()
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/slack/checkout', '/slack/failing', '/slack/redirect', '/slack/slow']);
  }, 30_000);
});

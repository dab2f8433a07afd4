/**
 * The other two notification points of the app, received by a local webhook
 * server: a deployment protection rule the gate rejects (evaluated against the
 * suite's real Prometheus; GitHub through nock, OpenAPI-checked) posts `blocked`,
 * and the postmortem sweep route (GitHub as the stateful stand-in) posts
 * `postmortem-overdue` once a day for the items it reminded.
 */
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { slackMessageSchema, teamsMessageSchema, teamsTexts } from '../support/chat-payloads.js';
import { cleanupHarness, createHarness } from '../support/probot-harness.js';
import { issueCommentCreated } from '../support/issue-payloads.js';
import { startStandInHarness } from '../support/stand-in-harness.js';
import { OWNER, protectionRuleRequested, REPO } from '../support/webhook-payloads.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.stop();
});
beforeEach(() => {
  receiver.received.length = 0;
});

function webhooks(): string {
  return JSON.stringify({
    deploys: { url: receiver.url('/slack/deploys'), repositories: [`${OWNER}/${REPO}`] },
    'deploys-teams': { url: receiver.url('/teams/deploys'), format: 'teams', repositories: [`${OWNER}/*`] },
    elsewhere: { url: receiver.url('/slack/elsewhere'), repositories: ['acme-payments/*'] },
  });
}
const NOTIFY = 'notify: { channels: [deploys, deploys-teams, elsewhere] }';

describe('a rejected deployment protection rule', () => {
  it('posts blocked to the allowed channels, with the run link', async () => {
    const h = await createHarness({ PROMETHEUS_URL: inject('prometheusUrl'), NOTIFY_WEBHOOKS: webhooks() });
    try {
      const policy = [
        'slos:',
        '  - name: api',
        '    sli:',
        '      events:',
        '        error: sum(increase(http_requests_total{scenario="exhausted",status=~"5.."}[{{window}}]))',
        '        total: sum(increase(http_requests_total{scenario="exhausted"}[{{window}}]))',
        'dr: { enabled: false }',
        NOTIFY,
      ].join('\n');
      // Read twice: by the evaluation and by the notification.
      h.github
        .get(`/repos/${OWNER}/${REPO}/contents/.github%2Fdeploy-governor.yml`)
        .times(2)
        .reply(200, { type: 'file', sha: 'e'.repeat(40), encoding: 'base64', content: Buffer.from(policy).toString('base64') });
      h.github
        .post(`/repos/${OWNER}/${REPO}/actions/runs/777/deployment_protection_rule`, (b: { state: string }) => b.state === 'rejected')
        .reply(204);
      await h.probot.receive({
        id: 'protection-1',
        name: 'deployment_protection_rule',
        payload: protectionRuleRequested({ environment: 'production', runId: 777 }) as never,
      });
      expect(h.problems).toEqual([]);
      expect(nock.pendingMocks().filter((m) => !m.includes('access_tokens'))).toEqual([]);
      expect(receiver.received.map((r) => r.path).sort()).toEqual(['/slack/deploys', '/teams/deploys']);
      const slack = slackMessageSchema.parse(receiver.received.find((r) => r.path === '/slack/deploys')!.body);
      expect(slack.text).toContain('Deploys to `production` are blocked: EXHAUSTED');
      expect(slack.text).toMatch(/actions\/runs\/777\|Workflow run>/);
      const teams = teamsMessageSchema.parse(receiver.received.find((r) => r.path === '/teams/deploys')!.body);
      expect(teamsTexts(teams).urls[0]).toMatch(/\/actions\/runs\/777$/);
    } finally {
      cleanupHarness();
    }
  });
});

describe('the postmortem sweep', () => {
  it('posts the overdue action items it reminded, once a day', async () => {
    const h = await startStandInHarness({ SWEEP_TOKEN: 'sweep-token-0123456789abcdef', NOTIFY_WEBHOOKS: webhooks() });
    try {
      const repo: RepoState = h.github.state.repo(OWNER, REPO);
      repo.files.set('main:.github/deploy-governor.yml', `${NOTIFY}\n`);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      h.github.state.addIssue(repo, { title: 'Postmortem: 2026-11-01 Outage', labels: ['postmortem'] });
      h.github.state.addIssue(repo, {
        title: 'Add the alert <!channel>',
        labels: ['action-item', 'short-term'],
        assignees: ['bob'],
        body: `Owner: @bob\n\n${renderMeta('action-item', { postmortem: 1, key: 'k-0', horizon: 'short', owner: 'bob', due: yesterday })}`,
      });
      const sweep = () =>
        fetch(`${h.routesUrl}/deploy-governor/postmortems/sweep`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer sweep-token-0123456789abcdef' },
          body: JSON.stringify({ repository: `${OWNER}/${REPO}` }),
        });
      expect((await sweep()).status).toBe(200);
      expect((await sweep()).status).toBe(200);
      expect(h.github.problems).toEqual([]);
      // The second sweep reminds nobody (one reminder a day), so it posts nothing.
      expect(receiver.received.map((r) => r.path).sort()).toEqual(['/slack/deploys', '/teams/deploys']);
      const slack = slackMessageSchema.parse(receiver.received.find((r) => r.path === '/slack/deploys')!.body);
      expect(slack.text).toContain('1 postmortem action item is overdue');
      expect(slack.text).toContain(`#2: due \`${yesterday}\`, 1 day overdue`);
      teamsMessageSchema.parse(receiver.received.find((r) => r.path === '/teams/deploys')!.body);
    } finally {
      await h.stop();
    }
  });
});

describe('freezes on command', () => {
  it('posts a freeze started and ended to the allowed channels, once each, with user text inert', async () => {
    const h = await startStandInHarness({ PROMETHEUS_URL: inject('prometheusUrl'), NOTIFY_WEBHOOKS: webhooks() });
    try {
      const repo = h.github.state.repo(OWNER, REPO);
      repo.collaborators.set('maint', 'maintain');
      repo.files.set('main:.github/deploy-governor.yml', `dr: { enabled: false }\n${NOTIFY}\n`);
      const where = h.github.state.addIssue(repo, { title: 'Release', user: h.github.state.user('maint') });
      const freeze = issueCommentCreated(where, '/freeze production 2h migration <!channel> @everyone', { login: 'maint' }, 91_001);
      await h.receive('issue_comment', freeze);
      // A redelivery of the same command tells nobody again.
      await h.receive('issue_comment', freeze);
      expect(receiver.received.map((r) => r.path).sort()).toEqual(['/slack/deploys', '/teams/deploys']);
      const started = slackMessageSchema.parse(receiver.received.find((r) => r.path === '/slack/deploys')!.body);
      expect(started.text).toMatch(/^\*Deploys to `production` are frozen until \d{4}-\d{2}-\d{2}T/);
      // Escaped for Slack: no channel ping, no mention.
      expect(started.text).toContain('Frozen by `maint`: `migration &lt;!channel&gt; @\u200beveryone`');
      expect(JSON.stringify(started.blocks)).not.toMatch(/"type":"mrkdwn","text":"[^"]*(<!channel>|@everyone)/);
      receiver.received.length = 0;
      await h.receive('issue_comment', issueCommentCreated(where, '/unfreeze production', { login: 'maint' }, 91_002));
      expect(receiver.received.map((r) => r.path).sort()).toEqual(['/slack/deploys', '/teams/deploys']);
      const teams = teamsMessageSchema.parse(receiver.received.find((r) => r.path === '/teams/deploys')!.body);
      expect(teamsTexts(teams).runs[0]).toContain('The freeze of production has ended');
      expect(teamsTexts(teams).urls[0]).toMatch(new RegExp(`/${OWNER}/${REPO}/issues/\\d+$`));
      expect(h.github.problems).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});

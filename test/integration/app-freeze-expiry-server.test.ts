/**
 * The compiled server (`npm run app`) runs the freeze expiry scheduler with the
 * system clock (FREEZE_EXPIRY on, the default): its start-up scan finds a
 * freeze that ended while no instance ran and closes it with a comment at once.
 * With FREEZE_EXPIRY=off it sends GitHub nothing for freezes unasked, and a bad
 * value stops it at start, naming the variable. GitHub is the stateful stand-in
 * (OpenAPI-checked), served as GitHub Enterprise Server.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppInstance, stopAllAppInstances } from '../../scripts/lib/app-instances.js';
import { startGitHubStateStandIn, type GitHubStateStandIn, type Issue } from '../../scripts/lib/github-state-stand-in.js';
import { renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';
import { APP_ID, testPrivateKey } from '../support/probot-harness.js';
import { OWNER, REPO } from '../support/webhook-payloads.js';

let github: GitHubStateStandIn;
let ended: Issue;

beforeEach(async () => {
  github = await startGitHubStateStandIn({ app: { id: APP_ID, slug: 'deploy-governor' }, check: checkGitHubRequest });
  const repo = github.state.repo(OWNER, REPO);
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  ended = github.state.addIssue(repo, {
    title: 'Deploy freeze: production',
    body: `frozen\n\n${renderMeta('freeze', { scope: 'production', until: hourAgo, reason: 'migration', by: 'maint', at: hourAgo })}`,
    labels: ['deploy-freeze'],
  });
});

afterEach(async () => {
  await stopAllAppInstances();
  expect(github.problems).toEqual([]);
  await github.stop();
});

afterAll(stopAllAppInstances);

const start = (value: string) =>
  startAppInstance({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    webhookSecret: 'expiry-secret',
    githubUrl: github.url,
    env: { FREEZE_EXPIRY: value },
  });

describe('the server closes freezes when they end', () => {
  it('finds, at start-up, a freeze that ended while it was down, and closes it with a comment', async () => {
    await start('on');
    await expect.poll(() => ended.state, { timeout: 20_000 }).toBe('closed');
    const comments = github.state.appComments(github.state.repo(OWNER, REPO), ended.number);
    expect(comments.map((c) => c.body).join('\n')).toContain('This freeze expired at');
  });

  it('with FREEZE_EXPIRY=off, scans nothing: the freeze closes when it is next read', async () => {
    const app = await start('off');
    // The server is up (its port answered): give a scan time it would have had, then check nothing was read.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(github.stats.byOperation['GET /app/installations']).toBeUndefined();
    expect(ended.state).toBe('open');
    await app.stop();
  });
});

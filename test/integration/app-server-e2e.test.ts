/**
 * The real server (`npm run app`) over HTTP: signed webhooks are acted on within
 * GitHub's 10 seconds, unsigned or mis-signed ones are rejected with nothing
 * done. GitHub is a local stand-in reached through GHE_HOST, every request
 * checked against GitHub's OpenAPI description.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppInstance, type AppInstance } from '../../scripts/lib/app-instances.js';
import { waitForDrained } from '../../scripts/lib/webhook-load.js';
import { checkRequestAgainstOpenApi } from '../support/openapi-checker.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-stand-in.js';
import { APP_ID, testPrivateKey } from '../support/probot-harness.js';
import { reportFor } from '../support/reports.js';
import { checkRunCompleted, OWNER, REPO } from '../support/webhook-payloads.js';

const SECRET = 'e2e-webhook-secret';
let server: AppInstance;
let github: GitHubStandIn;
let url: string;
const comments: { id: number; body: string; performed_via_github_app: { id: number } }[] = [];

beforeAll(async () => {
  const base = `/api/v3/repos/${OWNER}/${REPO}`;
  github = await startGitHubStandIn(
    [
      {
        method: 'POST',
        path: /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/,
        reply: () => ({ status: 201, body: { token: 'ghs_e2e', expires_at: '2999-01-01T00:00:00Z' } }),
      },
      { method: 'GET', path: new RegExp(`^${base}/issues/2/comments$`), reply: () => ({ status: 200, body: comments }) },
      {
        method: 'POST',
        path: new RegExp(`^${base}/issues/2/comments$`),
        reply: (req) => {
          comments.push({ id: comments.length + 1, body: (req.body as { body: string }).body, performed_via_github_app: { id: APP_ID } });
          return { status: 201, body: comments.at(-1) };
        },
      },
    ],
    (req) => checkRequestAgainstOpenApi({ method: req.method, path: req.path, body: req.body }),
  );
  server = await startAppInstance({ appId: APP_ID, privateKey: testPrivateKey(), webhookSecret: SECRET, githubUrl: github.url });
  url = server.webhookUrl;
});

afterAll(async () => {
  await server?.stop();
  await github?.stop();
});

function post(body: string, signature: string | null, delivery = `e2e-${Math.random()}`) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'check_run',
      'x-github-delivery': delivery,
      ...(signature ? { 'x-hub-signature-256': signature } : {}),
    },
    body,
  });
}

const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('npm run app over HTTP', () => {
  it('rejects a webhook with a wrong or missing signature and does nothing', async () => {
    const body = JSON.stringify(checkRunCompleted({ report: await reportFor(1500) }));
    const bad = await post(body, sign(`${body} `));
    const none = await post(body, null);
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(none.status).toBeGreaterThanOrEqual(400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(github.requests).toEqual([]);
  });

  it('acts on a signed check run: queued and answered well within 10 s, then one PR comment', async () => {
    const body = JSON.stringify(checkRunCompleted({ report: await reportFor(1500) }));
    const started = Date.now();
    const response = await post(body, sign(body));
    // Queued and answered at once; the comment follows once the queue has drained.
    expect(response.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(10_000);
    await waitForDrained([new URL(url).origin], 30_000);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('Deploys to production are blocked: EXHAUSTED');
    expect(github.problems).toEqual([]);
  });

  it('adds nothing when GitHub redelivers the same delivery', async () => {
    const body = JSON.stringify(checkRunCompleted({ report: await reportFor(1500) }));
    const before = comments.length;
    // The first is queued (202); the second is 202 while the first waits or runs, 200 {duplicate} once it was handled.
    expect((await post(body, sign(body), 'e2e-redelivered')).status).toBe(202);
    expect([200, 202]).toContain((await post(body, sign(body), 'e2e-redelivered')).status);
    await waitForDrained([new URL(url).origin], 30_000);
    expect(comments).toHaveLength(Math.max(before, 1));
    expect(github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(1);
    expect(github.problems).toEqual([]);
  });
});

describe('npm run app with a bad configuration', () => {
  it('stops at start with a message naming the variable, and no stack trace', async () => {
    const child = spawn('npm', ['run', '-s', 'app'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/root',
        APP_ID: String(APP_ID),
        PRIVATE_KEY: testPrivateKey(),
        WEBHOOK_SECRET: SECRET,
        PORT: '0',
        HOST: '127.0.0.1',
        PROMETHEUS_URL: 'prometheus:9090',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain('PROMETHEUS_URL: expected an http(s) URL such as http://prometheus:9090; got "prometheus:9090"');
    expect(output).not.toMatch(/\n\s+at /);
  });
});

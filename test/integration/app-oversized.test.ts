/**
 * The real server (`npm run app`) receiving webhook bodies far larger than any
 * of its events: 10 MB signed, unsigned, and streamed without a length. Each gets
 * a clear 413 before anything reads or verifies it, the server's memory does not
 * grow by what was sent, and the next ordinary delivery is acted on. A delivery
 * as large as a real check run can be still goes through.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppInstance, type AppInstance } from '../../scripts/lib/app-instances.js';
import { waitForDrained } from '../../scripts/lib/webhook-load.js';
import { checkRequestAgainstOpenApi } from '../support/openapi-checker.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-stand-in.js';
import { APP_ID, testPrivateKey } from '../support/probot-harness.js';
import { reportFor } from '../support/reports.js';
import { checkRunCompleted, OWNER, REPO } from '../support/webhook-payloads.js';

const SECRET = 'oversized-webhook-secret';
const MB = 1024 * 1024;
let server: AppInstance;
let github: GitHubStandIn;
let base: string;
const comments: { id: number; body: string; performed_via_github_app: { id: number } }[] = [];

beforeAll(async () => {
  const repo = `/api/v3/repos/${OWNER}/${REPO}`;
  github = await startGitHubStandIn(
    [
      {
        method: 'POST',
        path: /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/,
        reply: () => ({ status: 201, body: { token: 'ghs_big', expires_at: '2999-01-01T00:00:00Z' } }),
      },
      { method: 'GET', path: new RegExp(`^${repo}/issues/2/comments$`), reply: () => ({ status: 200, body: comments }) },
      {
        method: 'POST',
        path: new RegExp(`^${repo}/issues/2/comments$`),
        reply: (req) => {
          comments.push({ id: comments.length + 1, body: (req.body as { body: string }).body, performed_via_github_app: { id: APP_ID } });
          return { status: 201, body: comments.at(-1) };
        },
      },
      {
        method: 'PATCH',
        path: new RegExp(`^${repo}/issues/comments/\\d+$`),
        reply: (req) => {
          const comment = comments.find((c) => req.path.endsWith(`/${c.id}`))!;
          comment.body = (req.body as { body: string }).body;
          return { status: 200, body: comment };
        },
      },
    ],
    (req) => checkRequestAgainstOpenApi({ method: req.method, path: req.path, body: req.body }),
  );
  server = await startAppInstance({ appId: APP_ID, privateKey: testPrivateKey(), webhookSecret: SECRET, githubUrl: github.url });
  base = server.baseUrl;
});

afterAll(async () => {
  await server?.stop();
  await github?.stop();
});

const sign = (body: string | Buffer) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

function post(body: string | Buffer | ReadableStream<Uint8Array>, signature: string | null, event = 'check_run') {
  return fetch(`${base}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': `big-${Math.random()}`,
      ...(signature ? { 'x-hub-signature-256': signature } : {}),
    },
    body,
    duplex: 'half',
  } as RequestInit);
}

/** A check_run.completed delivery padded with `padding` bytes of output summary. */
async function delivery(padding: number): Promise<string> {
  const payload = checkRunCompleted({ report: await reportFor(1500) }) as { check_run: { output: Record<string, unknown> } };
  payload.check_run.output.summary = 's'.repeat(padding);
  return JSON.stringify(payload);
}

/** A body streamed in 64 KB chunks with no Content-Length (chunked transfer), as a client that lies or does not know. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

/** Peak resident memory (VmHWM) of the Node process running the app, in bytes. */
const serverPeakRss = () => server.peakRssMb() * MB;

describe('npm run app with oversized webhook bodies', () => {
  it('refuses 10 MB bodies, signed (413), unsigned (400) or streamed, holding none of them in memory, and stays up', async () => {
    // An ordinary delivery first, so the server's memory is at its working level before measuring.
    const warm = await post(await delivery(0), null);
    expect(warm.status).toBe(400);
    const before = serverPeakRss();

    const huge = await delivery(10 * MB);
    const signature = sign(huge);
    // Ten at once with a Content-Length (half signed), four streamed without one.
    const sends = [
      ...Array.from({ length: 10 }, (_, i) => post(huge, i % 2 === 0 ? signature : null)),
      ...Array.from({ length: 4 }, (_, i) => post(streamed(10 * MB), i % 2 === 0 ? signature : null)),
    ];
    const answers = await Promise.all(sends);
    // 140 MB went in at once. Probot alone buffers each body and its decoded text (the signed ones parsed too): the peak
    // would grow by more than was sent. Discarded unread, they leave only short-lived socket buffers behind.
    const sent = sends.length * 10 * MB;
    const growth = serverPeakRss() - before;
    // Measured here: about 40 MB with the limit, about 700 MB without it.
    expect(growth, `peak RSS grew by ${Math.round(growth / MB)} MB`).toBeLessThan(sent / 2);
    // A post without a signature header is refused before its body is read (400); a signed one at the event's
    // size limit (app/edge/edge-limits.ts), 413.
    for (const [i, answer] of answers.entries()) {
      const signed = (i < 10 ? i : i - 10) % 2 === 0;
      expect(answer.status).toBe(signed ? 413 : 400);
      expect(await answer.json()).toEqual({
        error: signed ? 'webhook body larger than 1048576 bytes' : 'missing X-GitHub-Delivery, X-GitHub-Event or X-Hub-Signature-256',
      });
    }

    expect((await fetch(`${base}/ping`)).status).toBe(200);
    expect(github.requests).toEqual([]);
  });

  it('acts on the next ordinary delivery, and on one as large as a real check run can be', async () => {
    // output.summary and output.text hold at most 65,535 characters each; four-byte characters make that a quarter MB per field.
    const payload = checkRunCompleted({ report: await reportFor(1500) }) as { check_run: { output: Record<string, unknown> } };
    payload.check_run.output.summary = '💥'.repeat(32_767);
    const body = JSON.stringify(payload);
    expect(Buffer.byteLength(body)).toBeGreaterThan(128 * 1024);
    const response = await post(body, sign(body));
    expect(response.status, server.output()).toBe(202);
    await waitForDrained([base], 30_000);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('Deploys to production are blocked: EXHAUSTED');

    const small = await delivery(0);
    expect((await post(small, sign(small))).status).toBe(202);
    await waitForDrained([base], 30_000);
    expect(github.problems).toEqual([]);
  });

  it('leaves other routes alone: an oversized body elsewhere is not the webhook limit’s business', async () => {
    const response = await fetch(`${base}/ping`);
    expect(await response.text()).toBe('PONG');
    const unknown = await fetch(`${base}/not-a-route`, {
      method: 'POST',
      body: 'x'.repeat(5 * MB),
      headers: { 'content-type': 'text/plain' },
    });
    expect(unknown.status).toBe(404);
  });
});

/**
 * The real server (`npm run app`) at its edge: deliveries the handlers would
 * ignore are answered 200 and never queued; a delivery id is handled once (an
 * operator can force a replay); the operator routes need OPERATOR_TOKEN; one
 * installation's queue is capped (429); bodies are limited in size, number and
 * time (a slow client is cut off, a burst of large unsigned posts leaves memory
 * low); and a failing delivery's log lines never carry its payload.
 */
import { createHmac } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTANCE_OPERATOR_TOKEN, startAppInstance, stopAllAppInstances, type AppInstance } from '../../scripts/lib/app-instances.js';
import { queueStats, waitForDrained } from '../../scripts/lib/webhook-load.js';
import { startCommentGitHub, type CommentGitHub } from '../support/comment-github.js';
import { APP_ID, testPrivateKey } from '../support/probot-harness.js';
import { reportFor } from '../support/reports.js';
import { checkRunCompleted, OWNER, REPO } from '../support/webhook-payloads.js';
import type { Report } from '../../src/core/report/report-schema.js';

const SECRET = 'edge-webhook-secret';
const MB = 1024 * 1024;
const sign = (body: string | Buffer) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let github: CommentGitHub;
let app: AppInstance;
let report: Report;

beforeAll(async () => {
  github = await startCommentGitHub();
  report = await reportFor(1500);
  app = await startAppInstance({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    webhookSecret: SECRET,
    githubUrl: github.url,
    logLevel: 'info',
    env: { QUEUE_RETRY_BASE: '10ms' },
  });
});

afterAll(async () => {
  await stopAllAppInstances();
  await github?.stop();
});

/** A blocked check run for pull request `pr`, in `installation`. */
function blocked(pr: number, installation = 7331): Record<string, unknown> {
  const payload = checkRunCompleted({ report, pullRequests: [pr] });
  payload.installation = { id: installation };
  return payload;
}

function post(target: AppInstance, payload: unknown, o: { event?: string; id?: string; signed?: boolean } = {}) {
  const body = JSON.stringify(payload);
  return fetch(target.webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': o.event ?? 'check_run',
      'x-github-delivery': o.id ?? `edge-${Math.random()}`,
      'x-hub-signature-256': o.signed === false ? 'sha256=0' : sign(body),
    },
    body,
  });
}

const auth = (token = INSTANCE_OPERATOR_TOKEN) => ({ authorization: `Bearer ${token}` });

describe('the edge drops what no handler acts on', () => {
  it('answers 200 {ignored} and queues nothing: other check runs, gate-named ones from other apps, unhandled actions and events', async () => {
    const before = github.requests.length;
    const other = blocked(1);
    (other.check_run as Record<string, unknown>).name = 'ci / build';
    const forged = blocked(1);
    (forged.check_run as { app: Record<string, unknown> }).app = { id: 77, slug: 'not-the-gate' };
    const answers = await Promise.all([
      post(app, other),
      post(app, forged),
      post(app, { ...blocked(1), action: 'created' }),
      post(app, { zen: 'hi' }, { event: 'ping', signed: false }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(await Promise.all(answers.map((a) => a.json()))).toEqual([
      { ignored: 'not a deploy-governor check run' },
      { ignored: 'a deploy-governor check run created by another app' },
      { ignored: 'the app does not handle check_run.created' },
      { ignored: 'the app does not handle ping events' },
    ]);
    // Signed or not matters before relevance: a mis-signed gate check run is refused.
    expect((await post(app, blocked(1), { signed: false })).status).toBe(401);
    expect(await queueStats(app.baseUrl)).toMatchObject({ queued: 0, delayed: 0, inFlight: 0, dead: 0 });
    await sleep(200);
    expect(github.requests.length).toBe(before);
    expect(app.lines().some((l) => l.includes('ignoring a deploy-governor check run created by another app'))).toBe(true);
  });
});

describe('replays', () => {
  it('handles a delivery id once; an operator forgets it to force a replay', async () => {
    expect((await post(app, blocked(2), { id: 'replayed-1' })).status).toBe(202);
    await waitForDrained([app.baseUrl], 30_000);
    expect(github.comments.get(2)).toHaveLength(1);
    const handledOnce = github.requests.length;
    // The handler logs each comment it explains (a repeat as `unchanged`, with no request: the app remembers it).
    const explained = () => app.lines().filter((l) => l.includes('pull request comment')).length;
    await expect.poll(explained, { timeout: 5_000 }).toBe(1);

    const again = await post(app, blocked(2), { id: 'replayed-1' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ignored: 'this delivery was handled already', duplicate: 'replayed-1' });
    await waitForDrained([app.baseUrl], 30_000);
    expect(github.requests.length).toBe(handledOnce);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(explained()).toBe(1);

    const forget = (headers: Record<string, string>) =>
      fetch(`${app.baseUrl}/deploy-governor/deliveries/replayed-1`, { method: 'DELETE', headers });
    expect((await forget({})).status).toBe(401);
    expect((await forget(auth('wrong-token-of-some-length'))).status).toBe(401);
    const forgotten = await forget(auth());
    expect(forgotten.status).toBe(200);
    expect(await forgotten.json()).toMatchObject({ forgotten: 'replayed-1' });
    expect((await fetch(`${app.baseUrl}/deploy-governor/deliveries/never-seen`, { method: 'DELETE', headers: auth() })).status).toBe(404);

    expect((await post(app, blocked(2), { id: 'replayed-1' })).status).toBe(202);
    await waitForDrained([app.baseUrl], 30_000);
    // Handled again; the handler's idempotence keeps one comment.
    // The line crosses the process's stdout pipe after the queue reports drained.
    await expect.poll(explained, { timeout: 5_000 }).toBe(2);
    expect(github.comments.get(2)).toHaveLength(1);
  });
});

describe('operator routes and readiness', () => {
  it('GET /deploy-governor/queue needs OPERATOR_TOKEN; /ready and /ping answer anyone', async () => {
    expect((await fetch(`${app.baseUrl}/deploy-governor/queue`)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/deploy-governor/queue`, { headers: auth('not-the-operator-token') })).status).toBe(401);
    const stats = await fetch(`${app.baseUrl}/deploy-governor/queue`, { headers: auth() });
    expect(stats.status).toBe(200);
    expect(await stats.json()).toMatchObject({ queued: 0, delayed: 0, inFlight: 0 });
    const ready = await fetch(`${app.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { queue: 'ok', githubAppJwt: 'ok' } });
    expect(await (await fetch(`${app.baseUrl}/ping`)).text()).toBe('PONG');
  });

  it('answers 401 to everyone while OPERATOR_TOKEN is unset', async () => {
    const bare = await startAppInstance({
      appId: APP_ID,
      privateKey: testPrivateKey(),
      webhookSecret: SECRET,
      githubUrl: github.url,
      env: { OPERATOR_TOKEN: '' },
    });
    try {
      const answer = await fetch(`${bare.baseUrl}/deploy-governor/queue`, { headers: auth() });
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({ error: 'the app has no OPERATOR_TOKEN configured' });
    } finally {
      await bare.stop();
    }
  });
});

describe('one installation’s queue is capped', () => {
  it('answers 429 past QUEUE_MAX_PER_INSTALLATION, while other installations are queued; the refused delivery is taken later', async () => {
    const capped = await startAppInstance({
      appId: APP_ID,
      privateKey: testPrivateKey(),
      webhookSecret: SECRET,
      githubUrl: github.url,
      env: { QUEUE_CONCURRENCY: '1', QUEUE_MAX_PER_INSTALLATION: '3' },
    });
    github.delayMs = 1500;
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(capped, blocked(3), { id: `cap-${i}` })).status);
      expect(statuses).toEqual([202, 202, 202]);
      const refused = await post(capped, blocked(3), { id: 'cap-3' });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(((await refused.json()) as { error: string }).error).toContain('QUEUE_MAX_PER_INSTALLATION');
      expect((await post(capped, blocked(3, 8000), { id: 'other-installation' })).status).toBe(202);
      github.delayMs = 0;
      await waitForDrained([capped.baseUrl], 30_000);
      expect((await post(capped, blocked(3), { id: 'cap-3' })).status).toBe(202);
      await waitForDrained([capped.baseUrl], 30_000);
    } finally {
      github.delayMs = 0;
      await capped.stop();
    }
  });
});

describe('a failing delivery’s log', () => {
  it('names the delivery, event, action, repository and error on every attempt, never a payload value', { timeout: 60_000 }, async () => {
    github.failing.add(13);
    const payload = blocked(13) as {
      check_run: Record<string, unknown> & { output: Record<string, unknown>; check_suite: Record<string, unknown> };
      repository: Record<string, unknown>;
    };
    payload.check_run.output.summary = 'CANARY-summary';
    payload.check_run.output.title = 'CANARY-title';
    payload.check_run.external_id = 'CANARY-external-id';
    payload.check_run.check_suite.head_branch = 'CANARY-branch';
    payload.repository.description = 'CANARY-description';
    expect((await post(app, payload, { id: 'fails-every-time' })).status).toBe(202);
    await waitForDrained([app.baseUrl], 30_000);
    expect((await queueStats(app.baseUrl)).dead).toBe(1);
    const lines = app.lines();
    const about = lines.filter((l) => l.includes('fails-every-time'));
    expect(
      lines.filter((l) => l.includes('CANARY')),
      'payload values in the log',
    ).toEqual([]);
    const failures = about
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'delivery failed; will try again' || l.msg === 'delivery failed every attempt; kept among the dead letters');
    expect(failures).toHaveLength(6);
    for (const f of failures)
      expect(f).toMatchObject({
        delivery: 'fails-every-time',
        event: 'check_run',
        action: 'completed',
        repository: `${OWNER}/${REPO}`,
        installation: '7331',
      });
    expect(String(failures[0]!.err)).toContain('Validation Failed');
    // One attempt's lines, not its payload: today's 1,463 lines for one such delivery become a handful per attempt.
    expect(about.length).toBeLessThan(40);
    github.failing.delete(13);
  });
});

describe('edge limits', () => {
  it('refuses a body over 1 MiB for a subscribed event, signed or not', async () => {
    const big = blocked(4) as { check_run: { output: Record<string, unknown> } };
    big.check_run.output.summary = 'x'.repeat(MB + 1);
    const answer = await post(app, big);
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({ error: 'webhook body larger than 1048576 bytes' });
  });

  it('answers 503 with Retry-After, unread, beyond 32 bodies in flight, and takes deliveries again once they end', async () => {
    const slow: Socket[] = [];
    for (let i = 0; i < 32; i++) {
      const socket = connect(Number(new URL(app.baseUrl).port), '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(
        `POST /api/github/webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-GitHub-Event: check_run\r\nX-GitHub-Delivery: slow-${i}\r\nX-Hub-Signature-256: sha256=0\r\nContent-Length: 10000\r\n\r\n{`,
      );
      slow.push(socket);
    }
    await sleep(300);
    const started = Date.now();
    const refused = await post(app, blocked(5), { id: 'over-the-cap' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(Date.now() - started).toBeLessThan(1000);
    for (const s of slow) s.destroy();
    await sleep(200);
    expect((await post(app, blocked(5), { id: 'over-the-cap' })).status).toBe(202);
    await waitForDrained([app.baseUrl], 30_000);
  });

  it(
    'cuts a client that sends its body at 1 byte/s within the request timeout (10 s), and slow headers within 5 s',
    { timeout: 30_000 },
    async () => {
      const port = Number(new URL(app.baseUrl).port);
      const trickle = (head: string, drip: string) =>
        new Promise<{ seconds: number; answer: string }>((resolve) => {
          const started = Date.now();
          let answer = '';
          const socket = connect(port, '127.0.0.1', () => socket.write(head));
          const timer = setInterval(() => socket.write(drip), 1000);
          socket.on('data', (c: Buffer) => (answer += c.toString()));
          socket.on('error', () => undefined);
          socket.on('close', () => {
            clearInterval(timer);
            resolve({ seconds: (Date.now() - started) / 1000, answer });
          });
        });
      const [body, headers] = await Promise.all([
        trickle(
          'POST /api/github/webhooks HTTP/1.1\r\nHost: x\r\nX-GitHub-Event: check_run\r\nX-GitHub-Delivery: trickle\r\nX-Hub-Signature-256: sha256=0\r\nContent-Length: 100000\r\n\r\n',
          'x',
        ),
        trickle('POST /api/github/webhooks HTTP/1.1\r\nHost: x\r\nX-Slow: ', 'y'),
      ]);
      expect(body.seconds).toBeLessThan(12.5);
      expect(body.seconds).toBeGreaterThan(9);
      expect(body.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(headers.seconds).toBeLessThan(7.5);
      expect((await fetch(`${app.baseUrl}/ping`)).status).toBe(200);
    },
  );

  it('keeps peak memory under 250 MB through 200 concurrent 4 MiB unsigned posts, and stays up', { timeout: 60_000 }, async () => {
    // A fresh server: peak memory (VmHWM) counts from its start.
    const fresh = await startAppInstance({ appId: APP_ID, privateKey: testPrivateKey(), webhookSecret: SECRET, githubUrl: github.url });
    try {
      const body = Buffer.alloc(4 * MB, 0x20);
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      const streamed = () => {
        let sent = 0;
        return new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= 4 * MB) return controller.close();
            sent += chunk.length;
            controller.enqueue(chunk);
          },
        });
      };
      const send = (i: number) =>
        fetch(fresh.webhookUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-github-event': 'check_run',
            'x-github-delivery': `flood-${i}`,
            'x-hub-signature-256': 'sha256=0',
          },
          // Half declare their length, half stream without one (read until they pass the limit, or refused unread).
          body: i % 2 === 0 ? body : streamed(),
          duplex: 'half',
        } as RequestInit).then(
          async (r) => (await r.arrayBuffer(), r.status),
          () => 0,
        );
      const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => send(i)));
      const counts: Record<number, number> = {};
      for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
      // 413 (too large), 503 (over the bodies in flight) or a closed connection (0): never accepted.
      expect(
        Object.keys(counts).every((s) => ['0', '413', '503'].includes(s)),
        JSON.stringify(counts),
      ).toBe(true);
      // The 100 that declare their length are refused before a byte is read: 413, or a reset (0) when the server
      // closes the socket while the client is still writing (from a few to 68 of the 200, run to run).
      expect(counts[413] ?? 0).toBeGreaterThan(0);
      const peak = fresh.peakRssMb();
      expect(peak, `peak RSS ${peak.toFixed(0)} MB, answers ${JSON.stringify(counts)}`).toBeLessThan(250);
      expect((await fetch(`${fresh.baseUrl}/ping`)).status).toBe(200);
      expect((await post(fresh, blocked(6))).status).toBe(202);
      await waitForDrained([fresh.baseUrl], 30_000);
      console.log(`200 × 4 MiB unsigned: peak RSS ${peak.toFixed(0)} MB, answers ${JSON.stringify(counts)}`);
    } finally {
      await fresh.stop();
    }
  });
});

/**
 * The real server (`npm run app`) with REDIS_URL while Redis goes away and
 * comes back on the same port (its append-only file kept, as a real Redis
 * keeps its data): `/ready` turns 503 and webhooks are answered 503 (nothing
 * acknowledged that was not stored), the app logs the outage once and the
 * recovery once instead of a line per reconnection, recovers by itself, and
 * every delivery it acknowledged is handled.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppInstance, stopAllAppInstances, type AppInstance } from '../../scripts/lib/app-instances.js';
import { startRedis, stopAllRedis, type RedisServer } from '../../scripts/lib/redis-server.js';
import { waitForDrained } from '../../scripts/lib/webhook-load.js';
import { startCommentGitHub, type CommentGitHub } from '../support/comment-github.js';
import { APP_ID, testPrivateKey } from '../support/probot-harness.js';
import { reportFor } from '../support/reports.js';
import { checkRunCompleted } from '../support/webhook-payloads.js';

const SECRET = 'outage-webhook-secret';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let dir: string;
let redis: RedisServer;
let github: CommentGitHub;
let app: AppInstance;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dg-redis-'));
  redis = await startRedis({ dir });
  github = await startCommentGitHub();
  app = await startAppInstance({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    webhookSecret: SECRET,
    githubUrl: github.url,
    redisUrl: redis.url,
    logLevel: 'info',
    env: { QUEUE_RETRY_BASE: '200ms', QUEUE_LEASE: '10s', QUEUE_CONCURRENCY: '8' },
  });
});

afterAll(async () => {
  await stopAllAppInstances();
  await stopAllRedis();
  await github?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A blocked check run for pull request `pr`, in one of 8 installations (Probot spaces each installation's comments 3 s apart). */
async function post(pr: number, id: string): Promise<number> {
  const payload = checkRunCompleted({ report: await reportFor(1500), pullRequests: [pr] });
  payload.installation = { id: 1000 + (pr % 8) };
  const body = JSON.stringify(payload);
  const response = await fetch(app.webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'check_run',
      'x-github-delivery': id,
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

async function readyStatus(): Promise<number> {
  return (await fetch(`${app.baseUrl}/ready`)).status;
}

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`${what} not within ${ms} ms`);
    await sleep(100);
  }
  return Date.now() - started;
}

describe('npm run app while Redis goes away and returns', () => {
  it(
    'turns unready, refuses webhooks with 503, logs it once, recovers by itself and loses nothing it acknowledged',
    { timeout: 90_000 },
    async () => {
      expect(await readyStatus()).toBe(200);
      // Slow GitHub: deliveries are still queued and in flight when Redis goes.
      github.delayMs = 300;
      const acknowledged = new Map<number, number>();
      await Promise.all(Array.from({ length: 16 }, async (_, i) => acknowledged.set(100 + i, await post(100 + i, `before-${i}`))));
      expect([...acknowledged.values()].every((s) => s === 202)).toBe(true);

      // Stopped while some are being handled (GitHub answering their reads) and the rest still queued.
      await until(async () => github.requests.some((r) => r.method === 'GET'), 10_000, 'a delivery in flight');
      const linesBefore = app.lines().length;
      await redis.stop();
      const unreadyAfter = await until(async () => (await readyStatus()) === 503, 5_000, '/ready 503');
      const ready = (await (await fetch(`${app.baseUrl}/ready`)).json()) as { checks: Record<string, string> };
      expect(ready.checks).toEqual({ queue: 'unavailable', githubAppJwt: 'ok' });
      const during = await Promise.all(Array.from({ length: 10 }, (_, i) => post(200 + i, `during-${i}`)));
      expect(during).toEqual(Array(10).fill(503));
      await sleep(5_000);
      const outage = app.lines().slice(linesBefore);
      expect(outage.filter((l) => l.includes('Redis is unreachable'))).toHaveLength(1);
      // Probot's throttling alone logged about ten lines a second (each reconnection); one of each kind remains.
      const refused = outage.filter((l) => l.includes('ECONNREFUSED'));
      expect(refused.length, refused.slice(0, 5).join('\n')).toBeLessThanOrEqual(6);

      redis = await startRedis({ port: redis.port, dir });
      const readyAfter = await until(async () => (await readyStatus()) === 200, 15_000, '/ready 200 again');
      github.delayMs = 0;
      await waitForDrained([app.baseUrl], 60_000);
      const all = app.lines().slice(linesBefore);
      expect(all.filter((l) => l.includes('Redis is reachable again'))).toHaveLength(1);
      // Every acknowledged delivery was handled: its pull request has the comment. None refused was.
      for (const pr of acknowledged.keys()) expect(github.comments.get(pr), `pull request ${pr}`).toHaveLength(1);
      for (let i = 0; i < 10; i++) expect(github.comments.has(200 + i)).toBe(false);
      expect(await post(300, 'after')).toBe(202);
      await waitForDrained([app.baseUrl], 30_000);
      expect(github.comments.get(300)).toHaveLength(1);
      console.log(
        `Redis outage: /ready 503 after ${unreadyAfter} ms, 200 again ${readyAfter} ms after Redis returned; ${outage.length} log lines in the outage's first 5 s (${refused.length} ECONNREFUSED)`,
      );
    },
  );
});

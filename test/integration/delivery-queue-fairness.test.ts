/**
 * Fairness, caps and replays of the delivery queue, in memory and in a real
 * Redis (Debian's redis-server, started here): installations are served
 * round-robin, one installation holds at most its share of the workers, its
 * queue is capped, a delivery id is handled once (a redelivery of a failed one
 * is handled again, and an operator can force a replay), and with Redis a
 * delivery is stored once and leased by its id.
 */
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryQueue, QueuedDelivery } from '../../app/queue/delivery-queue.js';
import { createMemoryDeliveryQueue } from '../../app/queue/memory-delivery-queue.js';
import { createRedisDeliveryQueue } from '../../app/queue/redis-delivery-queue.js';
import { runDeliveries } from '../../app/queue/run-deliveries.js';
import { startRedis, type RedisServer } from '../../scripts/lib/redis-server.js';
import { percentile } from '../../scripts/lib/webhook-load.js';

const log = pino({ level: 'silent' });
let redis: RedisServer;
let admin: Redis;

beforeAll(async () => {
  redis = await startRedis();
  admin = new Redis(redis.url);
});
afterAll(async () => {
  await admin?.quit();
  await redis?.stop();
});
beforeEach(async () => {
  await admin.flushall();
});

const delivery = (id: string, installation: string): QueuedDelivery => ({
  id,
  name: 'check_run',
  payload: { installation: { id: Number(installation) }, action: 'completed' },
  attempts: 0,
  acceptedAt: Date.now(),
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await sleep(10);
  }
}

const drained = async (q: DeliveryQueue) => {
  const s = await q.stats();
  return s.queued + s.delayed + s.inFlight === 0;
};

for (const kind of ['memory', 'redis'] as const) {
  describe(`the ${kind} queue between installations`, () => {
    const open = (o: { maxPerInstallation?: number; replayMemory?: number } = {}) =>
      kind === 'memory' ? createMemoryDeliveryQueue(o) : createRedisDeliveryQueue(redis.url, o);

    it('serves installations round-robin: a flood from one leaves another handled promptly', async () => {
      const queue = open();
      const latency = new Map<string, number[]>();
      const workers = runDeliveries(
        queue,
        async (d) => {
          await sleep(20);
          const inst = d.installation!;
          latency.set(inst, [...(latency.get(inst) ?? []), Date.now() - d.acceptedAt]);
        },
        // Every worker may serve one installation here: the round-robin alone is under test (the share below).
        { concurrency: 8, installationShare: 1, log },
      );
      // 600 deliveries of 20 ms on 8 workers: 1.5 s of work from installation 1 ahead of anything else.
      for (let i = 0; i < 600; i++) await queue.push(delivery(`flood-${i}`, '1'));
      for (let i = 0; i < 20; i++) {
        await queue.push(delivery(`quiet-${i}`, '2'));
        await sleep(30);
      }
      await until(() => drained(queue));
      await workers.stop(1000);
      expect(latency.get('1')).toHaveLength(600);
      expect(latency.get('2')).toHaveLength(20);
      const p99 = percentile(latency.get('2')!, 99);
      // First in, first out would keep installation 2 behind the flood: over a second.
      expect(p99, `installation 2's p99 under installation 1's flood: ${p99} ms`).toBeLessThan(250);
      await queue.close();
    });

    it('lets one installation hold at most a quarter of the workers, so slow work there leaves the rest to others', async () => {
      const queue = open();
      const running = new Map<string, number>();
      const peak = new Map<string, number>();
      const quiet: number[] = [];
      const workers = runDeliveries(
        queue,
        async (d) => {
          const inst = d.installation!;
          running.set(inst, (running.get(inst) ?? 0) + 1);
          peak.set(inst, Math.max(peak.get(inst) ?? 0, running.get(inst)!));
          // Installation 1's deliveries wait on GitHub's rate limits (1 s each); installation 2's are quick.
          await sleep(inst === '1' ? 1000 : 10);
          running.set(inst, running.get(inst)! - 1);
          if (inst === '2') quiet.push(Date.now() - d.acceptedAt);
        },
        { concurrency: 8, log },
      );
      for (let i = 0; i < 20; i++) await queue.push(delivery(`slow-${i}`, '1'));
      await sleep(100);
      for (let i = 0; i < 10; i++) {
        await queue.push(delivery(`quick-${i}`, '2'));
        await sleep(20);
      }
      await until(() => quiet.length === 10);
      expect(peak.get('1'), 'installation 1 held more than its 2 of 8 workers').toBe(2);
      // Without the share, installation 1 would hold all 8 workers for a second at a time.
      expect(Math.max(...quiet)).toBeLessThan(300);
      await workers.stop(100);
      await queue.close();
    });

    it('caps what one installation may have pending; others are unaffected, and it takes more once it drains', async () => {
      const queue = open({ maxPerInstallation: 5 });
      for (let i = 0; i < 5; i++) expect(await queue.push(delivery(`a-${i}`, '1'))).toEqual({ outcome: 'queued' });
      expect(await queue.push(delivery('a-5', '1'))).toEqual({ outcome: 'full', pending: 5 });
      expect(await queue.push(delivery('b-0', '2'))).toEqual({ outcome: 'queued' });
      // In flight still counts: claimed but not settled.
      const claim = await queue.claim({ exclude: new Set(['2']) });
      expect(claim?.delivery.installation).toBe('1');
      expect(await queue.push(delivery('a-5', '1'))).toMatchObject({ outcome: 'full' });
      await queue.complete(claim!);
      expect(await queue.push(delivery('a-5', '1'))).toEqual({ outcome: 'queued' });
      expect((await queue.stats()).installations).toEqual([
        { installation: '1', pending: 5 },
        { installation: '2', pending: 1 },
      ]);
      await queue.close();
    });

    it('handles a delivery id once; a redelivery of a failed one is handled again; an operator can force a replay', async () => {
      const queue = open();
      const handled = new Map<string, number>();
      let fixed = false;
      const count = (id: string) => handled.get(id) ?? 0;
      const handler = async (d: QueuedDelivery) => {
        handled.set(d.id, count(d.id) + 1);
        if (d.id === 'flaky' && count('flaky') === 1) throw new Error('GitHub answered 502');
        if (d.id === 'broken' && !fixed) throw new Error('always fails until fixed');
      };
      expect(await queue.push(delivery('x', '1'))).toEqual({ outcome: 'queued' });
      expect(await queue.push(delivery('x', '1'))).toEqual({ outcome: 'pending' });
      // A long retry wait: flaky's retry only comes early if its redelivery brings it forward.
      let workers = runDeliveries(queue, handler, { concurrency: 2, retryBaseMs: 60_000, log });
      await queue.push(delivery('flaky', '1'));
      await until(async () => count('x') === 1 && (await queue.stats()).delayed === 1);
      expect(await queue.push(delivery('x', '1'))).toEqual({ outcome: 'done' });
      expect(await queue.push(delivery('flaky', '1'))).toEqual({ outcome: 'retry-now' });
      await until(() => drained(queue), 5_000);
      expect(count('flaky')).toBe(2);
      expect(await queue.push(delivery('flaky', '1'))).toEqual({ outcome: 'done' });
      await workers.stop(1000);

      // A dead letter's redelivery (the cause fixed) is handled again.
      workers = runDeliveries(queue, handler, { concurrency: 2, retryBaseMs: 1, log });
      await queue.push(delivery('broken', '1'));
      await until(async () => (await queue.stats()).dead === 1);
      fixed = true;
      expect(await queue.push(delivery('broken', '1'))).toEqual({ outcome: 'requeued' });
      await until(() => drained(queue));
      expect(count('broken')).toBe(7);
      expect(await queue.push(delivery('broken', '1'))).toEqual({ outcome: 'done' });

      // Forcing a replay: forget the id, and its next redelivery is handled.
      expect(await queue.forget('x')).toBe('forgotten');
      expect(await queue.forget('never-seen')).toBe('unknown');
      expect(await queue.push(delivery('x', '1'))).toEqual({ outcome: 'queued' });
      await until(() => count('x') === 2);
      await until(() => drained(queue));
      expect(await queue.push(delivery('x', '1'))).toEqual({ outcome: 'done' });
      await workers.stop(1000);
      await queue.push(delivery('y', '1'));
      expect(await queue.forget('y')).toBe('pending');
      expect([...handled.values()].reduce((a, b) => a + b)).toBe(2 + 2 + 7);
      await queue.close();
    });
  });
}

describe('the in-memory replay memory', () => {
  it('is bounded: past replayMemory ids the oldest are forgotten first', async () => {
    const queue = createMemoryDeliveryQueue({ replayMemory: 1000 });
    for (let i = 0; i <= 1000; i++) {
      await queue.push(delivery(`d-${i}`, '1'));
      await queue.complete((await queue.claim())!);
    }
    expect(await queue.push(delivery('d-1000', '1'))).toEqual({ outcome: 'done' });
    expect(await queue.push(delivery('d-1', '1'))).toEqual({ outcome: 'done' });
    expect(await queue.push(delivery('d-0', '1'))).toEqual({ outcome: 'queued' });
  });
});

describe('the Redis queue', () => {
  it('stores a delivery once, leases it by its id, and remembers the id for days across instances', async () => {
    const first = createRedisDeliveryQueue(redis.url);
    const second = createRedisDeliveryQueue(redis.url);
    const body = JSON.stringify({ installation: { id: 5 }, action: 'completed', big: 'x'.repeat(20_000) });
    await first.push({ id: 'once', name: 'check_run', payload: JSON.parse(body), attempts: 0, acceptedAt: Date.now() }, { body });
    expect(await admin.hget('deploy-governor:q2:d:once', 'body')).toBe(body);
    const claim = await first.claim();
    expect(claim?.delivery).toMatchObject({ id: 'once', installation: '5', name: 'check_run', attempts: 0 });
    // The lease's member is the id, not the delivery.
    expect(await admin.zrange('deploy-governor:q2:leased', 0, -1)).toEqual(['once']);
    expect(await second.push({ id: 'once', name: 'check_run', payload: {}, attempts: 0, acceptedAt: Date.now() })).toEqual({
      outcome: 'pending',
    });
    await first.complete(claim!);
    expect(await admin.exists('deploy-governor:q2:d:once')).toBe(0);
    expect(await admin.get('deploy-governor:seen:once')).toBe('done');
    expect(await admin.ttl('deploy-governor:seen:once')).toBeGreaterThan(24 * 3600);
    expect(await second.push({ id: 'once', name: 'check_run', payload: {}, attempts: 0, acceptedAt: Date.now() })).toEqual({
      outcome: 'done',
    });
    await first.close();
    await second.close();
  });

  it('a lease taken over by another worker cannot be settled by the one that lost it', async () => {
    const queue = createRedisDeliveryQueue(redis.url, { leaseMs: 200 });
    await queue.push(delivery('slow', '1'));
    const lost = (await queue.claim())!;
    await sleep(300);
    const taken = (await queue.claim())!;
    expect(taken.delivery.id).toBe('slow');
    await queue.complete(lost);
    expect((await queue.stats()).inFlight).toBe(1);
    await queue.complete(taken);
    expect(await queue.stats()).toMatchObject({ queued: 0, inFlight: 0, delayed: 0 });
    await queue.close();
  });

  it('takes over what the first version queued (whole JSON deliveries in deploy-governor:deliveries:*)', async () => {
    const old = { id: 'v1', name: 'check_run', payload: { installation: { id: 9 } }, attempts: 2, acceptedAt: 1 };
    await admin.lpush('deploy-governor:deliveries:waiting', JSON.stringify(old));
    await admin.zadd('deploy-governor:deliveries:delayed', Date.now() + 60_000, JSON.stringify({ ...old, id: 'v1-delayed' }));
    const queue = createRedisDeliveryQueue(redis.url);
    const ids = [(await queue.claim())?.delivery.id, (await queue.claim())?.delivery.id].sort();
    expect(ids).toEqual(['v1', 'v1-delayed']);
    expect(await admin.exists('deploy-governor:deliveries:waiting', 'deploy-governor:deliveries:delayed')).toBe(0);
    await queue.close();
  });
});

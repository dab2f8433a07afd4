/**
 * The app's delivery queue, in memory and in a real Redis (Debian's
 * redis-server, started here): every accepted delivery is handled once it
 * succeeds, retried after a failure, kept among the dead letters after its last
 * attempt, and, with Redis, handed to another worker when the one holding it
 * dies (its lease runs out) and shared by two queues as by two instances.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, type DeliveryQueue, type QueuedDelivery } from '../../app/queue/delivery-queue.js';
import { createMemoryDeliveryQueue } from '../../app/queue/memory-delivery-queue.js';
import { createRedisDeliveryQueue } from '../../app/queue/redis-delivery-queue.js';
import { runDeliveries } from '../../app/queue/run-deliveries.js';
import { startRedis, type RedisServer } from '../../scripts/lib/redis-server.js';

const log = pino({ level: 'silent' });
let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const delivery = (id: string): QueuedDelivery => ({ id, name: 'check_run', payload: { n: id }, attempts: 0, acceptedAt: Date.now() });

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const empty = async (q: DeliveryQueue) => {
  const s = await q.stats();
  return s.queued + s.delayed + s.inFlight === 0;
};

for (const kind of ['memory', 'redis'] as const) {
  describe(`the ${kind} delivery queue`, () => {
    const open = () => (kind === 'memory' ? createMemoryDeliveryQueue() : createRedisDeliveryQueue(redis.url));

    it('hands every delivery to a worker once, retries a failure, and buries one that fails every attempt', async () => {
      const queue = open();
      const handled = new Map<string, number>();
      const workers = runDeliveries(
        queue,
        async (d) => {
          handled.set(d.id, (handled.get(d.id) ?? 0) + 1);
          if (d.id === 'flaky' && d.attempts < 3) throw new Error('GitHub answered 502');
          if (d.id === 'broken') throw new Error('always fails');
        },
        { concurrency: 4, retryBaseMs: 5, log },
      );
      for (let i = 0; i < 20; i++) await queue.push(delivery(`ok-${i}`));
      await queue.push(delivery('flaky'));
      await queue.push(delivery('broken'));
      await until(() => empty(queue));
      await workers.stop(1000);
      for (let i = 0; i < 20; i++) expect(handled.get(`ok-${i}`)).toBe(1);
      expect(handled.get('flaky')).toBe(3);
      expect(handled.get('broken')).toBe(MAX_ATTEMPTS);
      expect((await queue.stats()).dead).toBe(1);
      await queue.close();
    });
  });
}

describe('the Redis delivery queue across instances', () => {
  it('hands a delivery whose worker died to another once its lease runs out, and shares the queue between instances', async () => {
    const first = createRedisDeliveryQueue(redis.url, { leaseMs: 300 });
    const second = createRedisDeliveryQueue(redis.url, { leaseMs: 300 });
    await first.push(delivery('orphan'));
    // The first instance claims it and dies without settling it.
    const claim = await first.claim();
    expect(claim?.delivery.id).toBe('orphan');
    await first.close();
    expect(await second.claim()).toBeNull();
    const seen: string[] = [];
    const workers = runDeliveries(second, async (d) => void seen.push(d.id), { concurrency: 1, log });
    await until(async () => seen.includes('orphan'));
    await until(() => empty(second));
    await workers.stop(1000);
    expect(seen).toEqual(['orphan']);
    await second.close();
  });
});

/**
 * The delivery queue in Redis, shared by every instance and durable across
 * restarts: a list of waiting deliveries, a sorted set of leased ones (score =
 * lease end), a sorted set of delayed retries (score = due time) and a list of
 * dead letters. Each move is one Lua script, so a delivery is always in exactly
 * one place; a lease that runs out (its instance died) puts the delivery back.
 */
import { Redis } from 'ioredis';
import { LEASE_MS, type Claim, type DeliveryQueue, type QueuedDelivery, type QueueStats } from './delivery-queue.js';

const KEYS = {
  waiting: 'deploy-governor:deliveries:waiting',
  leased: 'deploy-governor:deliveries:leased',
  delayed: 'deploy-governor:deliveries:delayed',
  dead: 'deploy-governor:deliveries:dead',
};

/** Kept for an operator to read and redeliver; the oldest go first past this. */
const MAX_DEAD = 10_000;

/** Moves the first waiting delivery into the leased set. */
const CLAIM = `local v = redis.call('RPOP', KEYS[1])
if v then redis.call('ZADD', KEYS[2], ARGV[1], v) end
return v`;

/** Moves members of a sorted set whose score has passed back to the waiting list. */
const RELEASE_DUE = `local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 500)
for _, v in ipairs(due) do
  redis.call('ZREM', KEYS[1], v)
  redis.call('LPUSH', KEYS[2], v)
end
return #due`;

/** Ends a lease and puts the delivery's new form somewhere else (delayed or dead), or nowhere (done). */
const SETTLE = `if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
if ARGV[2] == 'delay' then redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4]) end
if ARGV[2] == 'bury' then redis.call('LPUSH', KEYS[3], ARGV[4]); redis.call('LTRIM', KEYS[3], 0, ${MAX_DEAD - 1}) end
return 1`;

/** @param o.leaseMs how long a claim holds a delivery (LEASE_MS; shorter in tests) */
export function createRedisDeliveryQueue(url: string, o: { leaseMs?: number } = {}): DeliveryQueue {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  const leaseMs = o.leaseMs ?? LEASE_MS;
  // Leases and delays are released by whichever instance looks first; a few times a second is plenty.
  let lastRelease = 0;
  async function releaseDue(): Promise<void> {
    const now = Date.now();
    if (now - lastRelease < Math.min(250, leaseMs / 4)) return;
    lastRelease = now;
    await redis.eval(RELEASE_DUE, 2, KEYS.delayed, KEYS.waiting, now);
    await redis.eval(RELEASE_DUE, 2, KEYS.leased, KEYS.waiting, now);
  }
  const settle = (claim: Claim, how: 'done' | 'delay' | 'bury', score = 0, value = '') => redis.eval(SETTLE, 3, KEYS.leased, KEYS.delayed, KEYS.dead, claim.handle, how, score, value);
  return {
    durable: true,
    async push(delivery) {
      await redis.lpush(KEYS.waiting, JSON.stringify(delivery));
    },
    async claim(): Promise<Claim | null> {
      await releaseDue();
      const raw = (await redis.eval(CLAIM, 2, KEYS.waiting, KEYS.leased, Date.now() + leaseMs)) as string | null;
      return raw === null ? null : { delivery: JSON.parse(raw) as QueuedDelivery, handle: raw };
    },
    async complete(claim) {
      await settle(claim, 'done');
    },
    async retryLater(claim, delivery, delayMs) {
      await settle(claim, 'delay', Date.now() + delayMs, JSON.stringify(delivery));
    },
    async bury(claim, delivery) {
      await settle(claim, 'bury', 0, JSON.stringify(delivery));
    },
    async stats(): Promise<QueueStats> {
      const [queued, delayed, inFlight, dead] = await Promise.all([redis.llen(KEYS.waiting), redis.zcard(KEYS.delayed), redis.zcard(KEYS.leased), redis.llen(KEYS.dead)]);
      return { queued, delayed, inFlight, dead };
    },
    async close() {
      await redis.quit();
    },
  };
}

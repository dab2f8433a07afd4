/**
 * The delivery queue in Redis, shared by every instance and durable across
 * restarts. Each delivery is stored once, as a hash under its id (its body as
 * received, the installation, attempts); everything else moves ids only:
 *
 *   q2:q:<installation>  list of waiting ids, one per installation
 *   q2:ring              installations with waiting ids, in the order they are served
 *   q2:leased            sorted set of ids being handled (score: lease end)
 *   q2:delayed           sorted set of ids waiting for a retry (score: due time)
 *   q2:dead              list of ids that failed every attempt (kept for the replay TTL)
 *   q2:pending           hash: deliveries queued, delayed or in flight per installation
 *   seen:<id>            the id's fate (pending, done, dead), with the replay TTL (SET NX-style memory)
 *
 * under the prefix `deploy-governor:`. Each move is one Lua script, so a
 * delivery is always in exactly one place, and a claim carries a lease token:
 * a worker whose lease ran out (its instance died, or it took longer than
 * LEASE_MS) cannot settle a delivery another worker has taken since. The
 * scripts name keys built from ids and installations, which a single Redis (or
 * a primary with replicas) runs; Redis Cluster is not supported.
 *
 * While Redis is unreachable `ready()` is false (the edge answers 503) and the
 * app logs one line when it goes away and one when it returns.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'probot';
import {
  DEFAULT_MAX_PER_INSTALLATION,
  DEFAULT_REPLAY_TTL_MS,
  installationOf,
  LEASE_MS,
  MAX_DEAD,
  type Claim,
  type DeliveryQueue,
  type ForgetOutcome,
  type PushOutcome,
  type QueueOptions,
  type QueueStats,
} from './delivery-queue.js';

const P = 'deploy-governor:q2:';
const SEEN = 'deploy-governor:seen:';
/**
 * The first version's keys (whole JSON deliveries as members): what is waiting, delayed or leased there is
 * drained into this version's queues while they exist (a rolling upgrade loses nothing). Its dead letters
 * stay under `deploy-governor:deliveries:dead` for an operator to read.
 */
const V1 = {
  waiting: 'deploy-governor:deliveries:waiting',
  leased: 'deploy-governor:deliveries:leased',
  delayed: 'deploy-governor:deliveries:delayed',
};

/** ARGV: prefix, seen prefix, id, installation, name, body, acceptedAt, max per installation, ttl (s), now, attempts. */
const PUSH = `local P, S, id, inst = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local d = P .. 'd:' .. id
if redis.call('GET', S .. id) == 'done' then return {'done'} end
local state = redis.call('HGET', d, 'state')
if state == 'delayed' then
  redis.call('ZADD', P .. 'delayed', ARGV[10], id)
  return {'retry-now'}
end
if state == 'waiting' or state == 'leased' then return {'pending'} end
local held = tonumber(redis.call('HGET', P .. 'pending', inst) or '0')
if held >= tonumber(ARGV[8]) then return {'full', tostring(held)} end
local outcome = 'queued'
if state == 'dead' then
  redis.call('LREM', P .. 'dead', 1, id)
  outcome = 'requeued'
end
redis.call('DEL', d)
redis.call('HSET', d, 'name', ARGV[5], 'inst', inst, 'body', ARGV[6], 'attempts', ARGV[11], 'acceptedAt', ARGV[7], 'state', 'waiting')
if redis.call('LPUSH', P .. 'q:' .. inst, id) == 1 then redis.call('RPUSH', P .. 'ring', inst) end
redis.call('HINCRBY', P .. 'pending', inst, 1)
redis.call('SET', S .. id, 'pending', 'EX', ARGV[9])
return {outcome}`;

/** ARGV: prefix, lease end, lease token, installations to skip... Serves the ring's first installation not skipped. */
const CLAIM = `local P = ARGV[1]
local ring = P .. 'ring'
local skip = {}
for i = 4, #ARGV do skip[ARGV[i]] = true end
local n = redis.call('LLEN', ring)
for _ = 1, n do
  local inst = redis.call('LPOP', ring)
  if not inst then return false end
  if skip[inst] then
    redis.call('RPUSH', ring, inst)
  else
    local q = P .. 'q:' .. inst
    local id = redis.call('RPOP', q)
    if id and redis.call('LLEN', q) > 0 then redis.call('RPUSH', ring, inst) end
    if id then
      local d = P .. 'd:' .. id
      local f = redis.call('HMGET', d, 'name', 'body', 'attempts', 'acceptedAt', 'lastError')
      if f[1] then
        redis.call('HSET', d, 'state', 'leased', 'lease', ARGV[3])
        redis.call('ZADD', P .. 'leased', ARGV[2], id)
        return {id, inst, f[1], f[2], f[3], f[4], f[5] or ''}
      end
    end
  end
end
return false`;

/** ARGV: prefix, seen prefix, id, lease token, done|delay|bury, due, attempts, last error, ttl (s), dead kept. */
const SETTLE = `local P, S, id = ARGV[1], ARGV[2], ARGV[3]
local d = P .. 'd:' .. id
if redis.call('HGET', d, 'lease') ~= ARGV[4] then return 0 end
redis.call('ZREM', P .. 'leased', id)
if ARGV[5] == 'delay' then
  redis.call('HSET', d, 'state', 'delayed', 'lease', '', 'attempts', ARGV[7], 'lastError', ARGV[8])
  redis.call('ZADD', P .. 'delayed', ARGV[6], id)
  return 1
end
local inst = redis.call('HGET', d, 'inst')
if redis.call('HINCRBY', P .. 'pending', inst, -1) <= 0 then redis.call('HDEL', P .. 'pending', inst) end
if ARGV[5] == 'done' then
  redis.call('DEL', d)
  redis.call('SET', S .. id, 'done', 'EX', ARGV[9])
  return 1
end
redis.call('HSET', d, 'state', 'dead', 'lease', '', 'attempts', ARGV[7], 'lastError', ARGV[8])
redis.call('EXPIRE', d, ARGV[9])
redis.call('SET', S .. id, 'dead', 'EX', ARGV[9])
redis.call('LPUSH', P .. 'dead', id)
while redis.call('LLEN', P .. 'dead') > tonumber(ARGV[10]) do
  local old = redis.call('RPOP', P .. 'dead')
  if redis.call('HGET', P .. 'd:' .. old, 'state') == 'dead' then redis.call('DEL', P .. 'd:' .. old) end
end
return 1`;

/** ARGV: prefix, now. Retries that are due, and leases that ran out, go back to their installation's queue. */
const RELEASE_DUE = `local P, now = ARGV[1], ARGV[2]
local moved = 0
for _, set in ipairs({P .. 'delayed', P .. 'leased'}) do
  local due = redis.call('ZRANGEBYSCORE', set, '-inf', now, 'LIMIT', 0, 500)
  for _, id in ipairs(due) do
    redis.call('ZREM', set, id)
    local d = P .. 'd:' .. id
    local inst = redis.call('HGET', d, 'inst')
    if inst then
      redis.call('HSET', d, 'state', 'waiting', 'lease', '')
      if redis.call('LPUSH', P .. 'q:' .. inst, id) == 1 then redis.call('RPUSH', P .. 'ring', inst) end
      moved = moved + 1
    end
  end
end
return moved`;

/** ARGV: prefix. */
const STATS = `local P = ARGV[1]
local queued = 0
for _, inst in ipairs(redis.call('LRANGE', P .. 'ring', 0, -1)) do queued = queued + redis.call('LLEN', P .. 'q:' .. inst) end
return {queued, redis.call('ZCARD', P .. 'delayed'), redis.call('ZCARD', P .. 'leased'), redis.call('LLEN', P .. 'dead')}`;

/** ARGV: prefix, seen prefix, id. */
const FORGET = `local P, S, id = ARGV[1], ARGV[2], ARGV[3]
local state = redis.call('HGET', P .. 'd:' .. id, 'state')
if state == 'waiting' or state == 'leased' or state == 'delayed' then return 'pending' end
if redis.call('DEL', S .. id) == 1 or state == 'dead' then return 'forgotten' end
return 'unknown'`;

export interface RedisQueueOptions extends QueueOptions {
  /** How long a claim holds a delivery (LEASE_MS; shorter in tests). */
  leaseMs?: number;
  /** Where the outage and recovery lines go (one each). */
  log?: Pick<Logger, 'error' | 'info' | 'warn'>;
}

export function createRedisDeliveryQueue(url: string, o: RedisQueueOptions = {}): DeliveryQueue {
  // The edge asks ready() before it stores anything, so a webhook is answered 503 at once while Redis is away; the
  // workers' commands wait for one reconnection at most, then fail (and wait themselves). A command Redis does not
  // answer within 5 s fails too (a 503 at the edge; a lease that runs out for the workers).
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 5_000, retryStrategy: (times) => Math.min(100 * times, 1_000) });
  // EVALSHA with the script's text sent once per connection, not on every call.
  const scripts = { PUSH, CLAIM, SETTLE, RELEASE_DUE, STATS, FORGET };
  for (const [name, lua] of Object.entries(scripts)) redis.defineCommand(`dg${name}`, { numberOfKeys: 0, lua });
  const run = (name: keyof typeof scripts, ...args: (string | number)[]) =>
    (redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>)[`dg${name}`]!(...args);
  const leaseMs = o.leaseMs ?? LEASE_MS;
  const ttlSeconds = Math.ceil((o.replayTtlMs ?? DEFAULT_REPLAY_TTL_MS) / 1000);
  const maxPerInstallation = o.maxPerInstallation ?? DEFAULT_MAX_PER_INSTALLATION;

  // One line when Redis goes away, one when it returns; ioredis's own 'error' per reconnection attempt stays quiet.
  let down: { since: number } | null = null;
  let lastError = '';
  let closing = false;
  redis.on('error', (error: Error) => (lastError = error.message));
  redis.on('close', () => {
    if (down || closing) return;
    down = { since: Date.now() };
    o.log?.error(
      { err: lastError || 'connection closed' },
      'Redis is unreachable: webhooks are answered 503 and deliveries wait until it returns',
    );
  });
  redis.on('ready', () => {
    if (down)
      o.log?.info({ downSeconds: Math.round((Date.now() - down.since) / 1000) }, 'Redis is reachable again: the delivery queue is back');
    down = null;
  });

  // Retries and run-out leases are released by whichever instance looks first; a few times a second is plenty.
  let lastRelease = 0;
  let lastMigration = 0;
  async function releaseDue(): Promise<void> {
    const now = Date.now();
    if (now - lastRelease < Math.min(250, leaseMs / 4)) return;
    lastRelease = now;
    await run('RELEASE_DUE', P, now);
    if (now - lastMigration > 10_000) {
      lastMigration = now;
      await migrateV1();
    }
  }

  async function store(
    id: string,
    name: string,
    installation: string,
    body: string,
    acceptedAt: number,
    max = maxPerInstallation,
  ): Promise<PushOutcome> {
    const [outcome, held] = (await run('PUSH', P, SEEN, id, installation, name, body, acceptedAt, max, ttlSeconds, Date.now(), 0)) as [
      string,
      string?,
    ];
    return outcome === 'full' ? { outcome: 'full', pending: Number(held) } : ({ outcome } as PushOutcome);
  }

  /** Deliveries an instance of the first version queued (whole JSON per member) join this version's queues. */
  async function migrateV1(): Promise<void> {
    if ((await redis.exists(V1.waiting, V1.leased, V1.delayed)) === 0) return;
    let moved = 0;
    for (;;) {
      const raw = (await redis.rpop(V1.waiting)) ?? (await redis.zpopmin(V1.delayed))[0] ?? (await redis.zpopmin(V1.leased))[0];
      if (!raw) break;
      const d = JSON.parse(raw) as { id: string; name: string; payload: unknown; acceptedAt: number };
      // Already acknowledged to GitHub: past any per-installation cap.
      await store(d.id, d.name, installationOf({ ...d, attempts: 0 }), JSON.stringify(d.payload), d.acceptedAt, Number.MAX_SAFE_INTEGER);
      moved += 1;
    }
    if (moved > 0) o.log?.warn({ moved }, 'moved deliveries queued by an earlier version of the app into the per-installation queues');
  }

  const settle = (claim: Claim, how: 'done' | 'delay' | 'bury', due = 0, attempts = 0, lastError = '') => {
    const [id, token] = claim.handle.split(' ') as [string, string];
    return run('SETTLE', P, SEEN, id, token, how, due, attempts, lastError, ttlSeconds, MAX_DEAD);
  };

  const listeners: (() => void)[] = [];
  return {
    durable: true,
    ready: () => redis.status === 'ready',
    onQueued: (listener) => void listeners.push(listener),
    async push(delivery, p = {}) {
      const pushed = await store(
        delivery.id,
        delivery.name,
        installationOf(delivery),
        p.body ?? JSON.stringify(delivery.payload),
        delivery.acceptedAt,
      );
      if (pushed.outcome === 'queued' || pushed.outcome === 'requeued' || pushed.outcome === 'retry-now')
        for (const listener of listeners) listener();
      return pushed;
    },
    async claim(c = {}): Promise<Claim | null> {
      await releaseDue();
      const token = randomUUID();
      const row = (await run('CLAIM', P, Date.now() + leaseMs, token, ...(c.exclude ?? []))) as string[] | null;
      if (!row) return null;
      const [id, installation, name, body, attempts, acceptedAt, lastError] = row as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const delivery = {
        id,
        installation,
        name,
        payload: JSON.parse(body) as unknown,
        attempts: Number(attempts),
        acceptedAt: Number(acceptedAt),
        ...(lastError ? { lastError } : {}),
      };
      return { delivery, handle: `${id} ${token}` };
    },
    async complete(claim) {
      await settle(claim, 'done');
    },
    async retryLater(claim, delivery, delayMs) {
      await settle(claim, 'delay', Date.now() + delayMs, delivery.attempts, delivery.lastError ?? '');
    },
    async bury(claim, delivery) {
      await settle(claim, 'bury', 0, delivery.attempts, delivery.lastError ?? '');
    },
    async forget(id) {
      return (await run('FORGET', P, SEEN, id)) as ForgetOutcome;
    },
    async stats(): Promise<QueueStats> {
      const [[queued, delayed, inFlight, dead], pending] = await Promise.all([
        run('STATS', P) as Promise<number[]>,
        redis.hgetall(`${P}pending`),
      ]);
      const installations = Object.entries(pending)
        .map(([installation, n]) => ({ installation, pending: Number(n) }))
        .sort((a, b) => b.pending - a.pending)
        .slice(0, 10);
      return { queued: queued!, delayed: delayed!, inFlight: inFlight!, dead: dead!, installations };
    },
    async close() {
      closing = true;
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}

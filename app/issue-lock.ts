/**
 * Serializes the app's work on one issue (a postmortem, an incident, a pull
 * request's comment), so that two quick edits, a burst of check runs or a
 * redelivery racing the original never create a comment, an action item or a
 * postmortem twice. Within one process a promise chain per key does it; across
 * instances (REDIS_URL set) a Redis lock (SET NX PX, released only by its
 * owner) does.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export interface IssueLock {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Longer than any delivery may take (GitHub gives up on a webhook after 10 s), so a crashed holder frees the key soon. */
const LEASE_MS = 15_000;
const WAIT_MS = 12_000;

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export function createIssueLock(redisUrl: string | undefined): IssueLock {
  const chains = new Map<string, Promise<unknown>>();
  const redis = redisUrl ? new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true }) : null;
  // A failed command already fails its delivery (retried from the queue); without a listener ioredis would also
  // print every reconnection attempt to the console during an outage. The queue logs the outage once.
  redis?.on('error', () => undefined);

  async function acquire(key: string): Promise<string | null> {
    if (!redis) return null;
    const token = randomUUID();
    const deadline = Date.now() + WAIT_MS;
    for (let wait = 20; ; wait = Math.min(wait * 2, 250)) {
      if ((await redis.set(`deploy-governor:lock:${key}`, token, 'PX', LEASE_MS, 'NX')) === 'OK') return token;
      if (Date.now() > deadline)
        throw new Error(
          `another instance has held the lock on ${key} for over ${WAIT_MS / 1000} s; the delivery fails so that it can be redelivered`,
        );
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const previous = chains.get(key) ?? Promise.resolve();
      const next = previous
        .catch(() => undefined)
        .then(async () => {
          const token = await acquire(key);
          try {
            return await work();
          } finally {
            if (token && redis) await redis.eval(RELEASE, 1, `deploy-governor:lock:${key}`, token);
          }
        });
      chains.set(key, next);
      // Forget settled chains so the map does not grow with every issue ever seen.
      void next
        .finally(() => {
          if (chains.get(key) === next) chains.delete(key);
        })
        .catch(() => undefined);
      return next;
    },
    async close() {
      if (redis) await redis.quit();
    },
  };
}

/**
 * Where held deployments are kept between evaluations. In memory by default
 * (lost with the process: the server rebuilds them from GitHub's pending
 * deployments at start, rebuild-holds.ts); in Redis when REDIS_URL is set, one
 * hash per installation (`deploy-governor:held:<installation>`, field
 * `owner/repo:run:environment`, value the record's JSON) and a set of the
 * installations that have had any (never shrunk: removing one could race an
 * instance adding a hold there), so that every instance sees every hold.
 */
import { Redis } from 'ioredis';
import { heldKey, parseHeldDeployment, type HeldDeployment } from '../../src/core/hold/held-deployment.js';

type HeldId = Pick<HeldDeployment, 'owner' | 'repo' | 'runId' | 'environment' | 'installationId'>;

export interface HeldStore {
  /** True when holds outlive the process (Redis). */
  readonly durable: boolean;
  put(hold: HeldDeployment): Promise<void>;
  get(id: HeldId): Promise<HeldDeployment | null>;
  remove(id: HeldId): Promise<void>;
  /** Every hold; a damaged record is deleted and reported through `onDamaged`, never returned. */
  list(): Promise<HeldDeployment[]>;
  close(): Promise<void>;
}

function createMemoryHeldStore(): HeldStore {
  const holds = new Map<string, HeldDeployment>();
  return {
    durable: false,
    put: async (hold) => void holds.set(heldKey(hold), hold),
    get: async (id) => holds.get(heldKey(id)) ?? null,
    remove: async (id) => void holds.delete(heldKey(id)),
    list: async () => [...holds.values()],
    close: async () => undefined,
  };
}

const INSTALLATIONS = 'deploy-governor:held:installations';
const hashOf = (installationId: number) => `deploy-governor:held:${installationId}`;

function createRedisHeldStore(redisUrl: string, onDamaged: (field: string) => void): HeldStore {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  // A failed command fails its caller (logged there); without a listener ioredis prints every reconnection attempt.
  redis.on('error', () => undefined);
  return {
    durable: true,
    async put(hold) {
      await redis
        .multi()
        .hset(hashOf(hold.installationId), heldKey(hold), JSON.stringify(hold))
        .sadd(INSTALLATIONS, hold.installationId)
        .exec();
    },
    async get(id) {
      const text = await redis.hget(hashOf(id.installationId), heldKey(id));
      return text === null ? null : parseHeldDeployment(text);
    },
    async remove(id) {
      await redis.hdel(hashOf(id.installationId), heldKey(id));
    },
    async list() {
      const holds: HeldDeployment[] = [];
      for (const installation of await redis.smembers(INSTALLATIONS)) {
        const entries = await redis.hgetall(hashOf(Number(installation)));
        for (const [field, text] of Object.entries(entries)) {
          const hold = parseHeldDeployment(text);
          if (hold) holds.push(hold);
          else {
            // Never acted on: a record that does not parse could name any run.
            onDamaged(field);
            await redis.hdel(hashOf(Number(installation)), field);
          }
        }
      }
      return holds;
    },
    async close() {
      await redis.quit();
    },
  };
}

export function createHeldStore(redisUrl: string | undefined, onDamaged: (field: string) => void): HeldStore {
  return redisUrl ? createRedisHeldStore(redisUrl, onDamaged) : createMemoryHeldStore();
}

/**
 * What the app last wrote to each pull-request comment it keeps (one per pull
 * request and environment): the comment's id, the check run its body explains
 * and the body's digest. With it, a check run's update is one PATCH, and a
 * repeat of the same body no request at all, instead of first listing the pull
 * request's comments: a list the app's own previous edit changed, so GitHub
 * answers it in full and counts it against the installation's quota (see
 * src/github/upsert-pr-comment.ts).
 *
 * Without Redis, a bounded map in the process (one instance serves everything);
 * with Redis, a key per comment shared by every instance, kept 30 days (a pull
 * request quiet for longer lists its comments once again). Entries are per
 * installation and written only by the app, under the per-comment lock. A
 * Redis failure fails the delivery like the lock's does (it is then retried).
 */
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { CommentMemorySlot, RememberedComment } from '../../src/github/upsert-pr-comment.js';

export interface CommentAddress {
  installationId: number | string;
  owner: string;
  repo: string;
  issue: number;
  environment: string;
  /** `verify`: the post-deploy verification's comment (app/verify), kept apart from the gate's. */
  kind?: 'verify';
}

export interface CommentMemory {
  slot(address: CommentAddress): CommentMemorySlot;
  close(): Promise<void>;
}

const remembered = z.strictObject({
  commentId: z.number().int().positive(),
  checkRunId: z.number().int().nullable(),
  bodyDigest: z.string().regex(/^[0-9a-f]{64}$/),
});

const TTL_SECONDS = 30 * 86_400;
/** About 200 bytes an entry: a few MB at most for the busiest single instance. */
const MAX_ENTRIES = 20_000;

const keyOf = (a: CommentAddress) =>
  `deploy-governor:${a.kind === 'verify' ? 'verify-comment' : 'comment'}:${a.installationId}:${a.owner}/${a.repo}#${a.issue}:${a.environment}`.toLowerCase();

/** An entry that does not parse (an older format, a hand edit) is no memory: the comments are listed. */
function parse(text: string | null): RememberedComment | null {
  if (text === null) return null;
  try {
    const r = remembered.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function createCommentMemory(redisUrl: string | undefined): CommentMemory {
  if (redisUrl) {
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    // As for the lock: a failed command fails its delivery; the queue logs an outage once.
    redis.on('error', () => undefined);
    return {
      slot(address) {
        const key = keyOf(address);
        return {
          read: async () => parse(await redis.get(key)),
          write: async (comment) => void (await redis.set(key, JSON.stringify(comment), 'EX', TTL_SECONDS)),
          forget: async () => void (await redis.del(key)),
        };
      },
      close: async () => void redis.disconnect(),
    };
  }
  const entries = new Map<string, string>();
  return {
    slot(address) {
      const key = keyOf(address);
      return {
        read: async () => {
          const text = entries.get(key);
          if (text === undefined) return null;
          // Most recently used last: the first entry is the one to evict.
          entries.delete(key);
          entries.set(key, text);
          return parse(text);
        },
        write: async (comment) => {
          entries.delete(key);
          entries.set(key, JSON.stringify(comment));
          if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
        },
        forget: async () => void entries.delete(key),
      };
    },
    close: async () => undefined,
  };
}

/**
 * The app's memory of the pull-request comments it wrote, in both stores: a
 * bounded map and Redis (real, on a free loopback port). What one installation
 * or pull request remembers is never another's; what does not parse is no memory.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentMemory, type CommentAddress, type CommentMemory } from '../../app/github-cache/comment-memory.js';
import { startRedis, type RedisServer } from '../../scripts/lib/redis-server.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
}, 60_000);
afterAll(async () => {
  await redis?.stop();
});

const at = (o: Partial<CommentAddress> = {}): CommentAddress => ({
  installationId: 1,
  owner: 'acme',
  repo: 'api',
  issue: 7,
  environment: 'production',
  ...o,
});
const written = { commentId: 42, checkRunId: 900, bodyDigest: 'a'.repeat(64) };

describe.each([
  ['in memory', () => createCommentMemory(undefined)],
  ['in Redis', () => createCommentMemory(redis.url)],
])('the comment memory %s', (_name, create: () => CommentMemory) => {
  it('gives back what was written for the same comment only', async () => {
    const memory = create();
    try {
      await memory.slot(at()).write(written);
      expect(await memory.slot(at()).read()).toEqual(written);
      // Owner and repository names are case-insensitive on GitHub.
      expect(await memory.slot(at({ owner: 'ACME' })).read()).toEqual(written);
      for (const other of [
        at({ installationId: 2 }),
        at({ repo: 'web' }),
        at({ issue: 8 }),
        at({ environment: 'staging' }),
        at({ owner: 'evil' }),
      ]) {
        expect(await memory.slot(other).read()).toBeNull();
      }
      await memory.slot(at()).forget();
      expect(await memory.slot(at()).read()).toBeNull();
    } finally {
      await memory.close();
    }
  });
});

describe('the comment memory in Redis', () => {
  it('is shared by instances, expires, and ignores an entry it cannot read', async () => {
    const [a, b] = [createCommentMemory(redis.url), createCommentMemory(redis.url)];
    const raw = new Redis(redis.url);
    try {
      await a.slot(at({ issue: 9 })).write(written);
      expect(await b.slot(at({ issue: 9 })).read()).toEqual(written);
      const key = 'deploy-governor:comment:1:acme/api#9:production';
      const ttl = await raw.ttl(key);
      expect(ttl).toBeGreaterThan(29 * 86_400);
      expect(ttl).toBeLessThanOrEqual(30 * 86_400);
      // Something else wrote the key (an older format, a hand edit): the app lists the comments instead.
      for (const junk of [
        'not json',
        JSON.stringify({ ...written, commentId: -1 }),
        JSON.stringify({ ...written, extra: 1 }),
        JSON.stringify({ ...written, bodyDigest: 'x' }),
      ]) {
        await raw.set(key, junk);
        expect(await b.slot(at({ issue: 9 })).read()).toBeNull();
      }
    } finally {
      raw.disconnect();
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('the comment memory in the process', () => {
  it('keeps at most 20,000 comments, forgetting the least recently used', async () => {
    const memory = createCommentMemory(undefined);
    await memory.slot(at({ issue: 0 })).write(written);
    await memory.slot(at({ issue: 1 })).write(written);
    for (let i = 2; i < 20_001; i++) await memory.slot(at({ issue: i })).write(written);
    // Issue 0 was the least recently used (1 was written after it): it went first.
    expect(await memory.slot(at({ issue: 0 })).read()).toBeNull();
    expect(await memory.slot(at({ issue: 1 })).read()).toEqual(written);
    expect(await memory.slot(at({ issue: 20_000 })).read()).toEqual(written);
  });
});

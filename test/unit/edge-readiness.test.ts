/**
 * `/ready`'s checks (app/edge/readiness.ts): the queue's connection and the
 * app's ability to sign its GitHub App JWT, which needs only the key (Probot's
 * `auth()` without an installation signs offline).
 */
import pino from 'pino';
import { Probot } from 'probot';
import { describe, expect, it } from 'vitest';
import { createReadiness } from '../../app/edge/readiness.js';
import { createMemoryDeliveryQueue } from '../../app/queue/memory-delivery-queue.js';
import type { DeliveryQueue } from '../../app/queue/delivery-queue.js';
import { APP_ID, testPrivateKey } from '../support/probot-harness.js';

function memoryLog() {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { log, lines };
}

describe('readiness', () => {
  it('signs a GitHub App JWT with the key alone: no request leaves the process', async () => {
    const probot = new Probot({
      appId: APP_ID,
      privateKey: testPrivateKey(),
      log: pino({ level: 'silent' }),
      request: { fetch: () => Promise.reject(new Error('no network expected')) },
    });
    const { token } = (await (await probot.auth()).auth({ type: 'app' })) as { token: string };
    expect(token.split('.')).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { iss: number | string };
    expect(String(claims.iss)).toBe(String(APP_ID));
  });

  it('is not ready while either check fails: each is named, and a failure is logged once', async () => {
    const { log, lines } = memoryLog();
    let queueUp = true;
    let keyGood = false;
    const queue = { ...createMemoryDeliveryQueue(), ready: () => queueUp } as DeliveryQueue;
    const ready = createReadiness({
      queue,
      log,
      jwtCacheMs: 0,
      signJwt: async () => {
        if (!keyGood) throw new Error('secretOrPrivateKey must be an asymmetric key');
      },
    });
    expect(await ready()).toEqual({ ready: false, checks: { queue: 'ok', githubAppJwt: 'cannot sign' } });
    // A failure is retried after 5 s, not on every probe, and logged once.
    expect(await ready()).toEqual({ ready: false, checks: { queue: 'ok', githubAppJwt: 'cannot sign' } });
    expect(lines.filter((l) => l.includes('cannot sign'))).toHaveLength(1);
    expect(lines.join('')).not.toContain('BEGIN');
    queueUp = false;
    keyGood = true;
    expect((await ready()).checks.queue).toBe('unavailable');
  });

  it('with a good key and a reachable queue: ready', async () => {
    const ready = createReadiness({ queue: createMemoryDeliveryQueue(), log: pino({ level: 'silent' }), signJwt: async () => 'jwt' });
    expect(await ready()).toEqual({ ready: true, checks: { queue: 'ok', githubAppJwt: 'ok' } });
  });
});

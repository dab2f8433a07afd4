/**
 * `GET /ready`: whether this instance can take work now, for a load balancer
 * or an orchestrator's readiness probe (`/ping` stays the liveness probe: it
 * answers as long as the process serves HTTP). Ready means both:
 *
 * - the delivery queue can store a delivery durably (with REDIS_URL: Redis is
 *   connected; the in-memory queue is always ready, and not durable);
 * - the app can sign a GitHub App JWT with its key (signing needs only APP_ID
 *   and the private key, no network), without which no installation token and
 *   no GitHub request is possible.
 *
 * The answer names each check and never the reason's detail (the endpoint is
 * unauthenticated); the log gets one line when a check turns bad and one when it
 * recovers.
 */
import type { Logger } from 'probot';
import { messageOf } from '../../src/github/client.js';
import type { DeliveryQueue } from '../queue/delivery-queue.js';

export interface ReadinessReport {
  ready: boolean;
  checks: { queue: 'ok' | 'unavailable'; githubAppJwt: 'ok' | 'cannot sign' };
}

export interface ReadinessOptions {
  queue: DeliveryQueue;
  /** Signs a GitHub App JWT (e.g. `(await probot.auth()).auth({ type: 'app' })`); throws when it cannot. */
  signJwt: () => Promise<unknown>;
  log: Pick<Logger, 'error' | 'info'>;
  /** A good signature is trusted this long before signing again (default 60 s); a failure is retried after 5 s. */
  jwtCacheMs?: number;
}

export function createReadiness(o: ReadinessOptions): () => Promise<ReadinessReport> {
  let jwt: { ok: boolean; until: number } = { ok: false, until: 0 };
  let reportedBad = false;
  async function canSign(): Promise<boolean> {
    if (Date.now() < jwt.until) return jwt.ok;
    try {
      await o.signJwt();
      if (reportedBad) o.log.info('the app can sign its GitHub App JWT again');
      reportedBad = false;
      jwt = { ok: true, until: Date.now() + (o.jwtCacheMs ?? 60_000) };
    } catch (error: unknown) {
      if (!reportedBad)
        o.log.error({ err: messageOf(error) }, 'the app cannot sign a GitHub App JWT (check APP_ID and PRIVATE_KEY): not ready');
      reportedBad = true;
      jwt = { ok: false, until: Date.now() + 5_000 };
    }
    return jwt.ok;
  }
  return async () => {
    const queue = o.queue.ready();
    const signs = await canSign();
    return { ready: queue && signs, checks: { queue: queue ? 'ok' : 'unavailable', githubAppJwt: signs ? 'ok' : 'cannot sign' } };
  };
}

/**
 * Workers that take deliveries from the queue and hand them to the app's
 * handlers (Probot's `receive`), a fixed number at a time. A failed delivery is
 * tried again later (every handler is idempotent: a redelivery is safe), and
 * after its last attempt kept among the dead letters and logged.
 */
import type { Logger } from 'probot';
import { messageOf } from '../../src/github/client.js';
import { MAX_ATTEMPTS, retryDelayMs, type DeliveryQueue, type QueuedDelivery } from './delivery-queue.js';

export interface DeliveryWorkers {
  /** Stop taking deliveries and wait (at most `ms`) for those being handled. */
  stop(ms: number): Promise<void>;
}

const IDLE_MS = 20;

export function runDeliveries(queue: DeliveryQueue, handle: (delivery: QueuedDelivery) => Promise<void>, o: { concurrency: number; retryBaseMs?: number; log: Logger }): DeliveryWorkers {
  let stopping = false;
  const loops: Promise<void>[] = [];
  async function loop(): Promise<void> {
    while (!stopping) {
      let claim;
      try {
        claim = await queue.claim();
      } catch (error: unknown) {
        o.log.error({ err: messageOf(error) }, 'delivery queue unavailable; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      if (!claim) {
        await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
        continue;
      }
      const delivery = { ...claim.delivery, attempts: claim.delivery.attempts + 1 };
      let outcome: () => Promise<void>;
      try {
        await handle(delivery);
        outcome = () => queue.complete(claim);
      } catch (error: unknown) {
        const failed = { ...delivery, lastError: messageOf(error).slice(0, 2000) };
        if (delivery.attempts >= MAX_ATTEMPTS) {
          o.log.error({ delivery: delivery.id, event: delivery.name, attempts: delivery.attempts, err: failed.lastError }, 'delivery failed every attempt; kept among the dead letters');
          outcome = () => queue.bury(claim, failed);
        } else {
          const delay = retryDelayMs(delivery.attempts, o.retryBaseMs);
          o.log.warn({ delivery: delivery.id, event: delivery.name, attempts: delivery.attempts, retryInMs: Math.round(delay), err: failed.lastError }, 'delivery failed; will try again');
          outcome = () => queue.retryLater(claim, failed, delay);
        }
      }
      try {
        await outcome();
      } catch (error: unknown) {
        // The store is out of reach: the lease runs out and the delivery is handed out again (handlers are idempotent).
        o.log.error({ delivery: delivery.id, err: messageOf(error) }, 'could not record the delivery\'s outcome; it will be handled again');
      }
    }
  }
  for (let i = 0; i < o.concurrency; i++) loops.push(loop());
  return {
    async stop(ms) {
      stopping = true;
      await Promise.race([Promise.all(loops), new Promise((resolve) => setTimeout(resolve, ms))]);
    },
  };
}

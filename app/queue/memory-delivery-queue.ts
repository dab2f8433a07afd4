/** The delivery queue in this process's memory: for a single instance without Redis. */
import type { Claim, DeliveryQueue, QueuedDelivery, QueueStats } from './delivery-queue.js';

export function createMemoryDeliveryQueue(): DeliveryQueue {
  const waiting: QueuedDelivery[] = [];
  const inFlight = new Map<string, QueuedDelivery>();
  const delayed = new Set<NodeJS.Timeout>();
  const dead: QueuedDelivery[] = [];
  let next = 0;
  return {
    durable: false,
    async push(delivery) {
      waiting.push(delivery);
    },
    async claim(): Promise<Claim | null> {
      const delivery = waiting.shift();
      if (!delivery) return null;
      const handle = String(++next);
      inFlight.set(handle, delivery);
      return { delivery, handle };
    },
    async complete(claim) {
      inFlight.delete(claim.handle);
    },
    async retryLater(claim, delivery, delayMs) {
      inFlight.delete(claim.handle);
      const timer = setTimeout(() => {
        delayed.delete(timer);
        waiting.push(delivery);
      }, delayMs);
      delayed.add(timer);
    },
    async bury(claim, delivery) {
      inFlight.delete(claim.handle);
      dead.push(delivery);
    },
    async stats(): Promise<QueueStats> {
      return { queued: waiting.length, delayed: delayed.size, inFlight: inFlight.size, dead: dead.length };
    },
    async close() {
      for (const timer of delayed) clearTimeout(timer);
    },
  };
}

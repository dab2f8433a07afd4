/**
 * The app's webhook deliveries, queued between accepting them (answered `202`
 * at once, well inside GitHub's 10 seconds) and handling them at the pace
 * GitHub's rate limits allow. A delivery leaves the queue only when its
 * handlers finished, or, after its last attempt, into the dead letters, which
 * are kept: nothing accepted is dropped.
 *
 * Two stores behind one interface: Redis (REDIS_URL; durable across restarts
 * and shared by every instance) and memory (one instance; what is queued is lost
 * if the process dies, and the server says so at start).
 */

/** One accepted webhook delivery. */
export interface QueuedDelivery {
  /** `X-GitHub-Delivery` (the same on a redelivery). */
  id: string;
  /** `X-GitHub-Event`. */
  name: string;
  payload: unknown;
  /** Handling attempts so far. */
  attempts: number;
  /** When it was accepted (ms since the epoch). */
  acceptedAt: number;
  /** Why the last attempt failed. */
  lastError?: string;
}

/** A claimed delivery: the store's own handle travels with it. */
export interface Claim {
  delivery: QueuedDelivery;
  handle: string;
}

export interface QueueStats {
  /** Waiting to be handled. */
  queued: number;
  /** Failed once or more, waiting for their next attempt. */
  delayed: number;
  /** Being handled now (by any instance). */
  inFlight: number;
  /** Failed every attempt; kept for an operator. */
  dead: number;
}

export interface DeliveryQueue {
  readonly durable: boolean;
  push(delivery: QueuedDelivery): Promise<void>;
  /** The next delivery, leased for LEASE_MS (after that another worker may take it again); null when none is waiting. */
  claim(): Promise<Claim | null>;
  complete(claim: Claim): Promise<void>;
  /** Back in the queue after `delayMs`, with the attempt counted. */
  retryLater(claim: Claim, delivery: QueuedDelivery, delayMs: number): Promise<void>;
  bury(claim: Claim, delivery: QueuedDelivery): Promise<void>;
  stats(): Promise<QueueStats>;
  close(): Promise<void>;
}

/** A handler still running after this long is presumed dead with its instance, and its delivery is handed out again. */
export const LEASE_MS = 120_000;

/** Attempts before a delivery goes to the dead letters. */
export const MAX_ATTEMPTS = 6;

/** Wait before attempt n+1 (n from 1), for a base of 2 s: 2 s, 8 s, 32 s, 2 min, 8.5 min, with jitter so retries of a burst spread out. */
export function retryDelayMs(attempts: number, baseMs = 2_000): number {
  return Math.min(baseMs * 4 ** (attempts - 1), 600_000) * (0.75 + Math.random() * 0.5);
}

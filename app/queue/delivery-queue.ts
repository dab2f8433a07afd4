/**
 * The app's webhook deliveries, queued between accepting them (answered `202`
 * at once, well inside GitHub's 10 seconds) and handling them at the pace
 * GitHub's rate limits allow. A delivery leaves the queue only when its
 * handlers finished, or, after its last attempt, into the dead letters, which
 * are kept: nothing accepted is dropped.
 *
 * **Fair between installations.** Each installation has its own queue, and
 * `claim` serves the installations that have work round-robin, skipping those
 * the caller says are at their share of the workers (run-deliveries.ts). One
 * installation may have at most `maxPerInstallation` deliveries queued,
 * delayed or in flight: one more is refused (`full`) and the edge answers 429,
 * rather than dropping older work that was already acknowledged.
 *
 * **Replays.** Delivery ids are remembered (Redis: a key per id with a TTL;
 * memory: a bounded LRU set), so a delivery whose id was handled is not handled
 * again (`done`), and one still queued or in flight is not queued twice
 * (`pending`). A GitHub redelivery keeps the id: one whose earlier attempt
 * failed is handled again (a dead letter is queued again, a delivery waiting
 * for its retry is brought forward). `forget` lets an operator force a replay
 * of a delivery that completed.
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
  /** The installation whose queue it waits in (from the payload when not given; `none` without one). */
  installation?: string;
}

/** A claimed delivery: the store's own handle travels with it. */
export interface Claim {
  delivery: QueuedDelivery & { installation: string };
  handle: string;
}

/** What became of a pushed delivery. */
export type PushOutcome =
  /** Stored; it will be handled. */
  | { outcome: 'queued' }
  /** Its id is a dead letter (every attempt failed): queued again with fresh attempts. */
  | { outcome: 'requeued' }
  /** Its id failed and waits for a retry: the retry is brought forward. */
  | { outcome: 'retry-now' }
  /** Its id is queued or being handled already: not queued twice. */
  | { outcome: 'pending' }
  /** Its id was handled: not handled again. */
  | { outcome: 'done' }
  /** The installation has `pending` deliveries, its cap: refused, nothing stored. */
  | { outcome: 'full'; pending: number };

export type ForgetOutcome = 'forgotten' | 'pending' | 'unknown';

export interface QueueStats {
  /** Waiting to be handled. */
  queued: number;
  /** Failed once or more, waiting for their next attempt. */
  delayed: number;
  /** Being handled now (by any instance). */
  inFlight: number;
  /** Failed every attempt; kept for an operator. */
  dead: number;
  /** The installations with the most deliveries queued, delayed or in flight (at most 10). */
  installations?: { installation: string; pending: number }[];
}

export interface DeliveryQueue {
  readonly durable: boolean;
  /** False while the store cannot take a delivery durably (Redis unreachable): the edge answers 503 then. */
  ready(): boolean;
  /** `body` is the delivery's JSON as received, when the caller has it (Redis stores it instead of serializing the payload again). */
  push(delivery: QueuedDelivery, o?: { body?: string }): Promise<PushOutcome>;
  /**
   * The next delivery, round-robin over installations that have work, skipping
   * `exclude`; leased for LEASE_MS (after that another worker may take it
   * again). Null when none is waiting.
   */
  claim(o?: { exclude?: ReadonlySet<string> }): Promise<Claim | null>;
  complete(claim: Claim): Promise<void>;
  /** Back in its installation's queue after `delayMs`, with the attempt counted. */
  retryLater(claim: Claim, delivery: QueuedDelivery, delayMs: number): Promise<void>;
  bury(claim: Claim, delivery: QueuedDelivery): Promise<void>;
  /**
   * Calls `listener` whenever this process stores a delivery that may be claimed now, so idle workers wake at
   * once instead of polling fast (with Redis they still poll, slowly, for other instances' deliveries).
   */
  onQueued(listener: () => void): void;
  /** Forgets a completed (or dead) delivery id, so that GitHub's next redelivery of it is handled. */
  forget(id: string): Promise<ForgetOutcome>;
  stats(): Promise<QueueStats>;
  close(): Promise<void>;
}

export interface QueueOptions {
  /** Deliveries one installation may have queued, delayed or in flight (default 1,000). */
  maxPerInstallation?: number;
  /** How long a delivery id is remembered (default 4 days). */
  replayTtlMs?: number;
}

/** A handler still running after this long is presumed dead with its instance, and its delivery is handed out again. */
export const LEASE_MS = 120_000;

/** Attempts before a delivery goes to the dead letters. */
export const MAX_ATTEMPTS = 6;

/** Dead letters kept for an operator to read and redeliver; the oldest go first past this. */
export const MAX_DEAD = 10_000;

export const DEFAULT_MAX_PER_INSTALLATION = 1000;
export const DEFAULT_REPLAY_TTL_MS = 4 * 86_400_000;

/** Wait before attempt n+1 (n from 1), for a base of 2 s: 2 s, 8 s, 32 s, 2 min, 8.5 min, with jitter so retries of a burst spread out. */
export function retryDelayMs(attempts: number, baseMs = 2_000): number {
  return Math.min(baseMs * 4 ** (attempts - 1), 600_000) * (0.75 + Math.random() * 0.5);
}

/** The installation a delivery is queued under: its own field, else the payload's `installation.id`, else `none`. */
export function installationOf(delivery: QueuedDelivery): string {
  if (delivery.installation) return delivery.installation;
  const id = (delivery.payload as { installation?: { id?: unknown } } | null)?.installation?.id;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : 'none';
}

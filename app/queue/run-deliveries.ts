/**
 * Workers that take deliveries from the queue and hand them to the app's
 * handlers (Probot's `receive`), a fixed number at a time. A failed delivery is
 * tried again later (every handler is idempotent: a redelivery is safe), and
 * after its last attempt kept among the dead letters and logged.
 *
 * Fairness: the queue serves installations round-robin, and one installation
 * holds at most `installationShare` of this instance's workers (at least one):
 * a flood from one organisation, or one whose deliveries wait on GitHub's rate
 * limits, leaves the other workers to everyone else.
 *
 * Log lines name the delivery (id, event, action, repository, installation,
 * attempts) and the error, never the payload.
 */
import type { Logger } from 'probot';
import { messageOf } from '../../src/github/client.js';
import { MAX_ATTEMPTS, retryDelayMs, type Claim, type DeliveryQueue, type QueuedDelivery } from './delivery-queue.js';

export interface DeliveryWorkers {
  /** Stop taking deliveries and wait (at most `ms`) for those being handled. */
  stop(ms: number): Promise<void>;
}

export interface RunOptions {
  concurrency: number;
  retryBaseMs?: number;
  /** Share of the workers one installation may hold at once (default a quarter; at least one worker). */
  installationShare?: number;
  log: Logger;
}

/**
 * While every worker is idle, one of them (the poller) looks again after this; the others sleep until woken: by a
 * delivery this process queued, or by a worker whose claim succeeded (there may be more). With Redis this is how
 * other instances' deliveries, due retries and run-out leases are found; in memory it is only a safety net.
 */
const IDLE_MS = 250;
/** A store that failed is asked again after this. */
const UNAVAILABLE_MS = 1_000;
/** How long an outcome is retried while the store is away. */
const SETTLE_RETRY_MS = 60_000;

/** Workers one installation may hold: `share` of them, at least one. */
function workersPerInstallation(concurrency: number, share = 0.25): number {
  return Math.max(1, Math.floor(concurrency * share));
}

/** What a log line may say about a delivery: where it came from, never what it carries. */
export function describeDelivery(d: QueuedDelivery & { installation?: string }): Record<string, unknown> {
  const p = d.payload as { action?: unknown; repository?: { full_name?: unknown } } | null;
  return {
    delivery: d.id,
    event: d.name,
    action: typeof p?.action === 'string' ? p.action : undefined,
    repository: typeof p?.repository?.full_name === 'string' ? p.repository.full_name : undefined,
    installation: d.installation,
    attempts: d.attempts,
  };
}

/**
 * The event Probot's `receive` gets, with its payload not enumerable: handlers
 * read `payload` as usual, but when a handler throws, @octokit/webhooks attaches
 * this event to the error, and Probot's error handler logs that error, which
 * would print the whole payload on every attempt.
 */
export function probotEvent(d: QueuedDelivery): { id: string; name: string; payload: unknown } {
  const event = { id: d.id, name: d.name } as { id: string; name: string; payload: unknown };
  Object.defineProperty(event, 'payload', { value: d.payload, enumerable: false });
  return event;
}

export function runDeliveries(queue: DeliveryQueue, handle: (delivery: QueuedDelivery) => Promise<void>, o: RunOptions): DeliveryWorkers {
  let stopping = false;
  const loops: Promise<void>[] = [];
  const perInstallation = workersPerInstallation(o.concurrency, o.installationShare);
  /** Deliveries each installation has in this instance's workers, and those at their share. */
  const active = new Map<string, number>();
  const atShare = new Set<string>();
  // One claim at a time: each sees the shares the previous one took.
  let claiming: Promise<unknown> = Promise.resolve();
  let unavailable = false;
  /** Idle workers, each woken by one call of `wakeOne`; one of them, the poller, also wakes after IDLE_MS. */
  interface Sleeper {
    wake(): void;
    timer?: NodeJS.Timeout;
  }
  const sleepers: Sleeper[] = [];
  let poller: Sleeper | null = null;
  const ensurePoller = () => {
    if (poller || sleepers.length === 0) return;
    const chosen = sleepers[sleepers.length - 1]!;
    poller = chosen;
    chosen.timer = setTimeout(() => chosen.wake(), IDLE_MS);
  };
  const wakeOne = () => sleepers[0]?.wake();
  queue.onQueued(wakeOne);
  const idle = () =>
    new Promise<void>((resolve) => {
      const sleeper: Sleeper = {
        wake: () => {
          const i = sleepers.indexOf(sleeper);
          if (i < 0) return;
          sleepers.splice(i, 1);
          clearTimeout(sleeper.timer);
          if (poller === sleeper) poller = null;
          ensurePoller();
          resolve();
        },
      };
      sleepers.push(sleeper);
      ensurePoller();
    });

  function claimNext(): Promise<Claim | null> {
    const next = claiming.then(async () => {
      const claim = await queue.claim({ exclude: atShare });
      if (claim) {
        const inst = claim.delivery.installation;
        const n = (active.get(inst) ?? 0) + 1;
        active.set(inst, n);
        if (n >= perInstallation) atShare.add(inst);
      }
      return claim;
    });
    claiming = next.catch(() => undefined);
    return next;
  }

  function release(inst: string): void {
    const n = (active.get(inst) ?? 1) - 1;
    if (n > 0) active.set(inst, n);
    else active.delete(inst);
    if (n < perInstallation) atShare.delete(inst);
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let claim: Claim | null;
      try {
        claim = await claimNext();
        unavailable = false;
      } catch (error: unknown) {
        // Once per outage, not once per worker and second (the store logs its own going away and return).
        if (!unavailable) o.log.error({ err: messageOf(error) }, 'delivery queue unavailable; workers wait for it');
        unavailable = true;
        await new Promise((resolve) => setTimeout(resolve, UNAVAILABLE_MS));
        continue;
      }
      if (!claim) {
        await idle();
        continue;
      }
      // There may be more: one more idle worker looks.
      wakeOne();
      const delivery = { ...claim.delivery, attempts: claim.delivery.attempts + 1 };
      let outcome: () => Promise<void>;
      try {
        await handle(delivery);
        o.log.debug({ ...describeDelivery(delivery), ms: Date.now() - delivery.acceptedAt }, 'delivery handled');
        outcome = () => queue.complete(claim);
      } catch (error: unknown) {
        const failed = { ...delivery, lastError: messageOf(error).slice(0, 2000) };
        if (delivery.attempts >= MAX_ATTEMPTS) {
          o.log.error(
            { ...describeDelivery(delivery), err: failed.lastError },
            'delivery failed every attempt; kept among the dead letters',
          );
          outcome = () => queue.bury(claim, failed);
        } else {
          const delay = retryDelayMs(delivery.attempts, o.retryBaseMs);
          o.log.warn(
            { ...describeDelivery(delivery), retryInMs: Math.round(delay), err: failed.lastError },
            'delivery failed; will try again',
          );
          outcome = () => queue.retryLater(claim, failed, delay);
        }
      } finally {
        release(claim.delivery.installation);
      }
      await record(delivery.id, outcome);
    }
  }

  /**
   * Records an outcome, again every second while the store is away (Redis restarting): the delivery is settled
   * as soon as it returns. Past SETTLE_RETRY_MS the lease running out hands it out again (handlers are idempotent).
   */
  async function record(id: string, outcome: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + SETTLE_RETRY_MS;
    for (let first = true; ; first = false) {
      try {
        await outcome();
        return;
      } catch (error: unknown) {
        if (stopping || Date.now() > deadline) {
          o.log.error({ delivery: id, err: messageOf(error) }, "could not record the delivery's outcome; it will be handled again");
          return;
        }
        if (first)
          o.log.warn(
            { delivery: id, err: messageOf(error) },
            "could not record the delivery's outcome yet; trying again while the queue is away",
          );
        await new Promise((resolve) => setTimeout(resolve, UNAVAILABLE_MS));
      }
    }
  }
  for (let i = 0; i < o.concurrency; i++) loops.push(loop());
  return {
    async stop(ms) {
      stopping = true;
      while (sleepers.length > 0) wakeOne();
      await Promise.race([Promise.all(loops), new Promise((resolve) => setTimeout(resolve, ms))]);
    },
  };
}

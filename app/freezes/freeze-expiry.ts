/**
 * Freezes end on time (issue 15): the app closes a freeze's issue when its
 * record's end comes, without polling every repository. The scheduler knows the
 * due time of each freeze this app keeps: it learns it when the app opens a
 * freeze's issue (the `issues.opened` GitHub sends for it, app/handlers/issues-opened.ts)
 * and, at start-up, from one bounded, paced scan of the installations
 * (scan-freezes.ts), which with REDIS_URL runs once for all instances, the due
 * times then living in Redis (due-freezes.ts). One timer per instance waits
 * for the earliest due time, clamped to setTimeout's limit; with Redis it also
 * wakes every minute, for freezes another instance learned. What is due is
 * claimed (one instance per freeze) and closed by expire-freeze.ts, which
 * decides from GitHub's state, so a wrong or early due time closes nothing early.
 *
 * The server starts it (server.ts passes `freezeExpiry` to the app); the
 * Lambda entry has no timers, and there a freeze ends lazily: its issue is
 * closed the next time the app reads it (closeExpiredFreezes), and the gate
 * never treats an expired freeze as in force meanwhile.
 */
import type { Logger, Probot } from 'probot';
import type { FreezeServices } from './freeze-deps.js';
import { messageOf } from '../../src/github/client.js';
import { MAX_TIMER_MS, type ExpiryClock } from './expiry-clock.js';
import { memoryDueFreezes, redisDueFreezes, type DueFreeze, type DueFreezes } from './due-freezes.js';
import { expireFreeze } from './expire-freeze.js';
import { scanFreezes } from './scan-freezes.js';

/** How long a claim on a due freeze lasts: an instance that dies while closing it leaves it to another after this. */
const LEASE_MS = 5 * 60_000;
/** With Redis, how often an instance looks for freezes another instance learned (one sorted-set read). */
const SHARED_POLL_MS = 60_000;
/** After a failed pass (Redis down, GitHub failing), the next try. */
const RETRY_MS = 60_000;
/** Freezes claimed per step of a pass. */
const BATCH = 20;

/** What the app is given to run the scheduler (app/index.ts reads it from its load options). */
export interface FreezeExpiryOptions {
  clock: ExpiryClock;
  /** Between two repositories of the start-up scan (default 250 ms). */
  scanSpacingMs?: number;
  /** Receives the scheduler once it exists (the server stops it on shutdown; tests wait on it). */
  started?: (expiry: FreezeExpiry) => void;
}

export interface FreezeExpiry {
  /** Learns a freeze's end; a freeze already known keeps its time. */
  learn(freeze: DueFreeze, until: string): Promise<void>;
  /** Resolves once the start-up scan and every pass running or due now have finished. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export function startFreezeExpiry(
  probot: Probot,
  o: FreezeExpiryOptions & { appId: number; redisUrl: string | null; log: Logger; freezes: FreezeServices },
): FreezeExpiry {
  const { clock, log } = o;
  const store: DueFreezes = o.redisUrl ? redisDueFreezes(o.redisUrl) : memoryDueFreezes();
  const running = new Set<Promise<void>>();
  let cancel: (() => void) | null = null;
  let stopped = false;
  let passing: Promise<void> = Promise.resolve();

  /** Keeps `work` until it ends, for settled(); a failure is logged (the next pass or the lazy path catches up). */
  const track = (work: Promise<void>) => {
    const done = work.catch((error: unknown) => log.warn({ err: messageOf(error) }, 'freeze expiry: setting the timer failed'));
    running.add(done);
    void done.finally(() => running.delete(done));
  };

  /** Sets the one timer to the next due time (or the shared poll), clamped to what setTimeout can wait. */
  async function arm(): Promise<void> {
    const next = await store.earliest();
    if (stopped) return;
    let delay = next === null ? null : Math.max(0, next - clock.now());
    if (store.durable) delay = Math.min(delay ?? SHARED_POLL_MS, SHARED_POLL_MS);
    cancel?.();
    cancel = delay === null ? null : clock.wakeIn(Math.min(delay, MAX_TIMER_MS), () => track(pass()));
  }

  /** Closes what is due, one pass at a time, then waits for the next. Never throws. */
  function pass(): Promise<void> {
    passing = passing.then(async () => {
      if (stopped) return;
      try {
        for (;;) {
          const now = clock.now();
          const due = await store.claimDue(now, LEASE_MS, BATCH);
          for (const freeze of due) await expireOne(freeze, now);
          if (due.length < BATCH) break;
        }
        await arm();
      } catch (error: unknown) {
        log.warn({ err: messageOf(error) }, 'freeze expiry pass failed; trying again in a minute');
        cancel?.();
        cancel = stopped ? null : clock.wakeIn(RETRY_MS, () => track(pass()));
      }
    });
    return passing;
  }

  async function expireOne(freeze: DueFreeze, now: number): Promise<void> {
    try {
      const result = await expireFreeze({ probot, appId: o.appId, log, freeze, now: new Date(now), services: o.freezes });
      if (result.outcome === 'active') await store.move(freeze, result.until);
      else await store.remove(freeze);
      if (result.outcome === 'closed') log.info({ ...freeze }, 'freeze expired: its issue is closed');
    } catch (error: unknown) {
      // Left claimed: the lease's end is its next try.
      log.warn({ ...freeze, err: messageOf(error) }, `closing an expired freeze failed; trying again in ${LEASE_MS / 60_000} minutes`);
    }
  }

  async function startUp(): Promise<void> {
    try {
      if (!(await store.scanned())) {
        const read = await scanFreezes({
          probot,
          appId: o.appId,
          log,
          spacingMs: o.scanSpacingMs ?? 250,
          found: (freeze, until) => store.add(freeze, Date.parse(until)),
        });
        await store.markScanned();
        log.info({ repositories: read }, 'freeze expiry: start-up scan done');
      }
    } catch (error: unknown) {
      log.warn({ err: messageOf(error) }, 'freeze expiry: start-up scan failed; freezes set before this start close when next read');
    }
    await pass();
  }

  track(startUp());
  const expiry: FreezeExpiry = {
    async learn(freeze, until) {
      await store.add(freeze, Date.parse(until));
      track(arm());
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    async stop() {
      stopped = true;
      cancel?.();
      await expiry.settled();
      await store.close();
    },
  };
  o.started?.(expiry);
  return expiry;
}

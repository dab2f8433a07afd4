/**
 * The time the freeze expiry scheduler (freeze-expiry.ts) lives by: what time it
 * is and a way to be woken. The server uses the system's; tests pass a clock
 * they advance by hand, so a two-hour freeze expires without two hours passing.
 */

/** When to run again; `cancel` forgets it. */
export interface ExpiryClock {
  now(): number;
  /** Calls `wake` after `ms` (or later); returns a function that cancels it. */
  wakeIn(ms: number, wake: () => void): () => void;
}

/** setTimeout's longest delay (a signed 32-bit count of milliseconds): a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The system clock. Its timers never keep the process alive, and a wait past 24.8 days wakes early (the scheduler waits again). */
export const systemClock: ExpiryClock = {
  now: () => Date.now(),
  wakeIn(ms, wake) {
    const timer = setTimeout(wake, Math.min(Math.max(ms, 0), MAX_TIMER_MS));
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** Time as the held deployments see it: real in the server, controlled in tests (no business time is slept). */
export interface HoldClock {
  now(): Date;
  /** Runs `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => Promise<void>): () => void;
  /** Waits between requests of the start-up rebuild. */
  sleep(ms: number): Promise<void>;
  /** In [0, 1): spreads the next evaluations. */
  random(): number;
}

export const realClock: HoldClock = {
  now: () => new Date(),
  every(ms, tick) {
    const timer = setInterval(() => void tick(), ms);
    // The server's own work keeps the process alive, not this timer.
    timer.unref();
    return () => clearInterval(timer);
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

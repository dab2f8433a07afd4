/**
 * Freeze windows open and close at cron times, which are no webhook event: the
 * freeze status of a repository's pull requests is looked at again at the next
 * edge of a window that can hold them (src/core/freeze/merge-status.ts
 * `nextWindowEdge`), one timer per repository, in process. Looking again
 * schedules the edge after that. Timers are not kept across restarts: the next
 * pull-request event or freeze change of a repository schedules its timer again
 * (README, Merges blocked during a freeze). Several instances each look at the
 * repositories they saw; the writes are idempotent.
 */
import type { Logger } from 'probot';
import { messageOf } from '../../src/github/client.js';

/** A repository and the installation to act as. */
export interface WindowTarget {
  owner: string;
  repo: string;
  installationId: number;
}

export interface WindowTimers {
  /** Look at the repository again at `at` (null: nothing to wait for). The earliest time asked for wins. */
  at(target: WindowTarget, at: Date | null): void;
}

/** setTimeout's longest delay is about 24.8 days; a later edge is looked at after a day, which schedules the rest. */
const MAX_DELAY_MS = 86_400_000;

export interface WindowTimersOptions {
  /** Refreshes the repository's statuses; resolves to its next window edge (or null). */
  refresh: (target: WindowTarget) => Promise<Date | null>;
  log: Logger;
  now: () => Date;
  /** Runs `fire` after `ms` (setTimeout, unreferenced, in the app). */
  setTimer?: (fire: () => void, ms: number) => { cancel(): void };
}

const realTimer = (fire: () => void, ms: number) => {
  const timer = setTimeout(fire, ms);
  // A pending look must not keep the process alive at shutdown.
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
};

export function createWindowTimers(o: WindowTimersOptions): WindowTimers {
  const setTimer = o.setTimer ?? realTimer;
  const pending = new Map<string, { at: number; cancel(): void }>();
  const timers: WindowTimers = {
    at(target, at) {
      if (at === null) return;
      const key = `${target.owner}/${target.repo}`.toLowerCase();
      const existing = pending.get(key);
      if (existing && existing.at <= at.getTime()) return;
      existing?.cancel();
      const delay = Math.min(MAX_DELAY_MS, Math.max(0, at.getTime() - o.now().getTime()));
      const { cancel } = setTimer(() => {
        pending.delete(key);
        o.refresh(target).then(
          (next) => timers.at(target, next),
          // Not rescheduled: the repository's next pull-request event or freeze change catches up.
          (error: unknown) =>
            o.log.warn({ repository: `${target.owner}/${target.repo}`, err: messageOf(error) }, 'freeze window status refresh failed'),
        );
      }, delay);
      pending.set(key, { at: at.getTime(), cancel });
    },
  };
  return timers;
}

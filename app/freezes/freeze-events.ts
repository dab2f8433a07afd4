/**
 * Freezes starting and ending, for what reacts to them (issue 15): the freeze
 * commit status on pull requests, held deployments that are released at once
 * when a freeze ends, and chat notifications. Emitters: `/freeze` and `/unfreeze`, a freeze issue
 * closed by someone allowed to, and the expiry of a freeze. A listener's
 * failure is logged and never undoes or fails the freeze itself: each reactor
 * also catches up on its own (statuses on the next pull-request event, held
 * deployments on their schedule).
 */
import type { Logger } from 'probot';
import type { FreezeRecord } from '../../src/core/postmortem/issue-metadata.js';

/** A freeze that started or ended. */
export interface FreezeChange {
  /** The repository that keeps the freeze's issue: `<owner>/.github` for an organisation-wide freeze. */
  owner: string;
  repo: string;
  /** The environment frozen, or `all`. */
  scope: string;
  change: 'started' | 'ended';
  /** The freeze's issue. */
  issue: number;
  /** The installation the change came through (the reactors read and write with it). */
  installationId: number;
  /** The freeze's record (scope, end, reason, who), for what tells people about it. */
  record: FreezeRecord;
}

export type FreezeListener = (change: FreezeChange) => Promise<void>;

export interface FreezeEvents {
  on(listener: FreezeListener): void;
  /** Runs every listener; never throws. */
  emit(change: FreezeChange): Promise<void>;
}

export function createFreezeEvents(log: Logger): FreezeEvents {
  const listeners: FreezeListener[] = [];
  return {
    on: (listener) => void listeners.push(listener),
    emit: async (change) => {
      for (const listener of listeners) {
        try {
          await listener(change);
        } catch (error: unknown) {
          log.warn({ ...change, err: error instanceof Error ? error.message : String(error) }, 'reacting to a freeze change failed');
        }
      }
    },
  };
}

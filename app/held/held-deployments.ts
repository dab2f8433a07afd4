/**
 * Held deployments (`on-block: hold`, issue 15): the protection rule leaves a
 * deploy blocked by a freeze or the error budget unanswered, and this service
 * answers it later. It holds (after checking GitHub's pending list: a payload
 * alone never creates a hold), posts one notice, evaluates every hold again on
 * a schedule (each at its policy's `hold.interval`, jittered, a few at a time)
 * and at once when a freeze that concerns it ends, and approves or rejects
 * through the run's callback (reevaluate-hold.ts).
 *
 * Only a started service holds: the server starts it (app/server.ts) after a
 * start-up rebuild from GitHub when holds are kept in memory (unless
 * HELD_REBUILD=false). The Lambda entry
 * never starts it, having no timer: there the protection rule rejects at once,
 * saying that holding needs the server.
 */
import type { Logger, Probot } from 'probot';
import { concernsHold, heldKey, type HeldDeployment } from '../../src/core/hold/held-deployment.js';
import { nextEvaluation } from '../../src/core/hold/hold-decision.js';
import { renderHoldNotice } from '../../src/core/hold/render-hold.js';
import { commentOnCommit } from '../../src/github/comment-on-commit.js';
import { commentOnIssue } from '../../src/github/comment-on-issue.js';
import { messageOf, type GitHubClient } from '../../src/github/client.js';
import { findPullRequests } from '../../src/github/find-pull-requests.js';
import { pendingEnvironments, readRun } from '../../src/github/pending-deployments.js';
import type { AppConfig } from '../app-config.js';
import type { FreezeServices } from '../freezes/freeze-deps.js';
import type { FreezeChange } from '../freezes/freeze-events.js';
import type { IssueLock } from '../issue-lock.js';
import type { Notifier } from '../notify/notifier.js';
import { realClock, type HoldClock } from './hold-clock.js';
import { createHeldStore } from './held-store.js';
import { rebuildHolds } from './rebuild-holds.js';
import { holdLockKey, reevaluateHold, type HoldContext } from './reevaluate-hold.js';

/** How often the schedule looks for holds due (each has its own `hold.interval`, at least a minute). */
const TICK_MS = 30_000;
/** Holds evaluated at once (each may send a few Prometheus queries and GitHub requests). */
const CONCURRENCY = 4;

/** A deploy the protection rule decided to hold. */
interface HoldRequest {
  client: GitHubClient;
  log: Logger;
  owner: string;
  repo: string;
  installationId: number;
  runId: number;
  environment: string;
  now: Date;
  /** The end of the hold and what it waits for (src/core/hold/hold-decision.ts). */
  until: Date;
  waitingFor: string[];
  intervalMs: number;
  runUrl: string;
  /** Who decides disagreements: the default branch's policy's `escalation` (mentioned in the notice). */
  escalation?: string | undefined;
}

export interface HeldDeployments {
  /** Whether a hold can be released here (the server started the schedule). */
  readonly running: boolean;
  /** The time holds are measured in (the schedule's clock), for the protection rule's first evaluation too. */
  now(): Date;
  /** Holds the deploy: `not-pending` when GitHub does not list the run as waiting on the environment (nothing held). */
  hold(request: HoldRequest): Promise<'held' | 'already-held' | 'not-pending'>;
  /** A freeze ended: every hold it concerns is evaluated now (a FreezeEvents listener). */
  onFreezeChange(change: FreezeChange): Promise<void>;
  /** Evaluates every hold that is due (the schedule's tick). */
  tick(): Promise<void>;
  /** Rebuilds the holds from GitHub when they are not durable, then evaluates them on a schedule. */
  start(clock?: HoldClock): Promise<void>;
  stop(): Promise<void>;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function createHeldDeployments(o: {
  probot: Probot;
  config: AppConfig;
  lock: IssueLock;
  notifier: Notifier;
  freezes: FreezeServices;
}): HeldDeployments {
  const log = o.probot.log.child({ name: 'held-deployments' });
  const store = createHeldStore(o.config.redisUrl ?? undefined, (field) => log.error({ field }, 'damaged held deployment record dropped'));
  let clock: HoldClock = realClock;
  let cancel: (() => void) | null = null;
  let ticking: Promise<void> | null = null;
  let closed = false;
  const ctx = (): HoldContext => ({
    probot: o.probot,
    config: o.config,
    lock: o.lock,
    notifier: o.notifier,
    freezes: o.freezes,
    store,
    clock,
    log,
  });

  async function evaluate(holds: readonly HeldDeployment[], now: boolean): Promise<void> {
    await pool(holds, CONCURRENCY, async (hold) => {
      try {
        await reevaluateHold(ctx(), hold, { now });
      } catch (error: unknown) {
        // Kept as it was: evaluated again at the next tick.
        log.warn({ hold: heldKey(hold), err: messageOf(error) }, 'held deployment not evaluated; trying again later');
      }
    });
  }

  async function tick(): Promise<void> {
    const now = clock.now().getTime();
    await evaluate(
      (await store.list()).filter((h) => Date.parse(h.nextAt) <= now),
      false,
    );
  }

  const tickOnce = (): Promise<void> => {
    // One tick at a time: a slow one is not overlapped by the next.
    ticking ??= tick().finally(() => (ticking = null));
    return ticking;
  };

  return {
    get running() {
      return cancel !== null;
    },

    now: () => clock.now(),

    async hold(r) {
      const id = { owner: r.owner, repo: r.repo, runId: r.runId, environment: r.environment, installationId: r.installationId };
      return o.lock.run(holdLockKey(id), async () => {
        if (await store.get(id)) return 'already-held' as const;
        // The payload claims a run waits; GitHub's pending list says whether it does (a forged or replayed event holds nothing).
        if (!(await pendingEnvironments(r.client, r.owner, r.repo, r.runId)).includes(r.environment)) return 'not-pending' as const;
        const run = await readRun(r.client, r.owner, r.repo, r.runId);
        await store.put({
          ...id,
          sha: run.sha,
          ref: run.branch,
          since: r.now.toISOString(),
          until: r.until.toISOString(),
          intervalMs: r.intervalMs,
          nextAt: nextEvaluation(r.now, r.intervalMs, r.until, clock.random()).toISOString(),
          waitingFor: r.waitingFor,
        });
        // Stored first: a notice that fails to post never loses the hold, and a redelivery never posts it twice.
        const notice = renderHoldNotice({
          environment: r.environment,
          runUrl: r.runUrl,
          until: r.until,
          waitingFor: r.waitingFor,
          escalation: r.escalation,
        });
        try {
          const pulls = await findPullRequests(r.client, { owner: r.owner, repo: r.repo, repoId: null, sha: run.sha }, []);
          if (pulls.length === 0) await commentOnCommit(r.client, r.owner, r.repo, run.sha, notice);
          for (const pull of pulls) await commentOnIssue(r.client, r.owner, r.repo, pull, notice);
        } catch (error: unknown) {
          r.log.warn({ runId: r.runId, err: messageOf(error) }, 'held deployment notice not posted');
        }
        return 'held' as const;
      });
    },

    async onFreezeChange(change) {
      if (change.change !== 'ended') return;
      const concerned = (await store.list()).filter((h) => concernsHold(h, change));
      log.info({ owner: change.owner, repo: change.repo, holds: concerned.length }, 'a freeze ended: evaluating the holds it concerns');
      await evaluate(concerned, true);
    },

    tick: tickOnce,

    async start(withClock = realClock) {
      clock = withClock;
      if (!store.durable && o.config.held.rebuild) {
        try {
          const found = await rebuildHolds({ probot: o.probot, clock, log }, (hold) => store.put(hold));
          log.info({ found }, 'held deployments rebuilt from GitHub');
        } catch (error: unknown) {
          // The holds still pending stay unanswered until GitHub's own 30 days run out: say so, and serve new ones.
          log.error(
            { err: messageOf(error) },
            'held deployments could not be rebuilt from GitHub; those held before the restart wait unanswered',
          );
        }
      }
      cancel = clock.every(TICK_MS, tickOnce);
    },

    async stop() {
      cancel?.();
      cancel = null;
      await ticking;
      if (!closed) await store.close();
      closed = true;
    },
  };
}

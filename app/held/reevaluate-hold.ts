/**
 * One held deployment evaluated again: approved through its run's callback as
 * soon as the policy allows (the comment says how long it waited and for
 * what), rejected at its limit or when the policy no longer holds it, or kept
 * until its next evaluation. Only one instance at a time works on a hold (the
 * lock), and it re-reads the record inside the lock, so two instances answer
 * once. A run GitHub no longer lists as pending (answered elsewhere: 422) is
 * dropped quietly.
 */
import type { Logger, Probot } from 'probot';
import { decideHold, nextEvaluation } from '../../src/core/hold/hold-decision.js';
import { heldKey, type HeldDeployment } from '../../src/core/hold/held-deployment.js';
import { renderHoldRejection, renderReleaseComment } from '../../src/core/hold/render-hold.js';
import { blockedNotification, heldNotification } from '../../src/core/notify/notification.js';
import { renderProtectionError } from '../../src/core/render/render-protection-comment.js';
import { answerProtectionRule } from '../../src/github/answer-protection-rule.js';
import { messageOf } from '../../src/github/client.js';
import type { AppConfig } from '../app-config.js';
import type { FreezeServices } from '../freezes/freeze-deps.js';
import { clientFor } from '../github-client.js';
import type { IssueLock } from '../issue-lock.js';
import type { Notifier } from '../notify/notifier.js';
import { notifyRepository } from '../notify/notify-repository.js';
import { auditRuleGrant } from './audit-rule-grant.js';
import { evaluateDeployment, isEvaluationError } from './evaluate-deployment.js';
import type { HoldClock } from './hold-clock.js';
import type { HeldStore } from './held-store.js';

export interface HoldContext {
  probot: Probot;
  config: AppConfig;
  /** Closing an expired freeze on the way announces and audits it (app/freezes/freeze-deps.ts). */
  freezes: FreezeServices;
  lock: IssueLock;
  notifier: Notifier;
  store: HeldStore;
  clock: HoldClock;
  log: Logger;
}

const runUrlOf = (h: HeldDeployment) => `https://github.com/${h.owner}/${h.repo}/actions/runs/${h.runId}`;

/** The lock key of one hold (the same across instances). */
export const holdLockKey = (h: Parameters<typeof heldKey>[0]) => `held:${heldKey(h)}`;

/**
 * Evaluates `hold` again if it is still held and due (or `now` is asked: a freeze ended). Throws only for what
 * should be retried at the next tick (GitHub or Redis unreachable); the hold then stays as it was.
 */
export async function reevaluateHold(ctx: HoldContext, hold: HeldDeployment, o: { now: boolean }): Promise<void> {
  await ctx.lock.run(holdLockKey(hold), async () => {
    const current = await ctx.store.get(hold);
    const now = ctx.clock.now();
    // Answered (and removed) by another instance meanwhile, or evaluated by it and not yet due again.
    if (!current || (!o.now && Date.parse(current.nextAt) > now.getTime())) return;
    const log = ctx.log.child({ repository: `${current.owner}/${current.repo}`, runId: current.runId, environment: current.environment });
    const client = clientFor({ octokit: await ctx.probot.auth(current.installationId) });
    const since = new Date(current.since);
    const heldMs = now.getTime() - since.getTime();
    const target = { owner: current.owner, repo: current.repo, runId: current.runId, environment: current.environment };

    let evaluation;
    try {
      evaluation = await evaluateDeployment(
        { config: ctx.config, log, client, now, freezes: ctx.freezes },
        { ...current, ref: current.ref },
      );
    } catch (error: unknown) {
      if (!isEvaluationError(error)) throw error;
      // Fail closed, as the first answer does: the repository is told what to fix.
      const answer = await answerProtectionRule(client, target, 'rejected', renderProtectionError(messageOf(error)));
      await ctx.store.remove(current);
      log.info({ answer }, 'held deployment rejected: the policy could not be evaluated');
      return;
    }
    const { report, policy } = evaluation;
    const decision = decideHold({ report, policy, since, now, until: current.until === null ? null : new Date(current.until) });
    if (decision.action === 'hold') {
      const intervalMs = policy.hold.intervalMs;
      const nextAt = nextEvaluation(now, intervalMs, decision.until, ctx.clock.random()).toISOString();
      await ctx.store.put({ ...current, intervalMs, nextAt });
      log.debug({ nextAt }, 'deployment still held');
      return;
    }
    const state = decision.action === 'approve' ? 'approved' : 'rejected';
    const comment =
      decision.action === 'approve'
        ? renderReleaseComment(report, { heldMs, waitedFor: current.waitingFor })
        : renderHoldRejection(report, { heldMs, why: decision.why, limit: policy.hold.limit });
    if (state === 'approved') {
      // A class that became evidence while it was held (a maintainer's label): recorded before the release, as on a first answer.
      await auditRuleGrant(
        { client, appId: ctx.config.appId, log, freezes: ctx.freezes, now },
        {
          owner: current.owner,
          repo: current.repo,
          runId: current.runId,
          environment: current.environment,
          sha: current.sha,
          runUrl: runUrlOf(current),
        },
        evaluation,
      );
    }
    const answer = await answerProtectionRule(client, target, state, comment);
    await ctx.store.remove(current);
    if (answer === 'not-pending') {
      log.info('held deployment no longer pending (answered elsewhere): dropped');
      return;
    }
    log.info({ state, heldMs, why: decision.action === 'reject' ? decision.why : 'released' }, 'held deployment answered');
    const kind = decision.action === 'approve' ? 'held-released' : decision.why === 'limit' ? 'held-expired' : 'blocked';
    const repository = `${current.owner}/${current.repo}`;
    await notifyRepository(
      { notifier: ctx.notifier, client, owner: current.owner, repo: current.repo, log, key: `${kind}:${heldKey(current)}` },
      kind === 'blocked'
        ? blockedNotification(report, repository, runUrlOf(current))
        : heldNotification(kind, report, repository, runUrlOf(current), Math.round(heldMs / 1000)),
    );
  });
}

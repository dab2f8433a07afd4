/**
 * deployment_protection_rule.requested: evaluate the repository's policy (from
 * its default branch, through the gate service as the Action does) for the
 * environment and approve or reject the deployment, or hold it (`on-block:
 * hold`: blocked by a freeze or the budget, answered later by app/held/).
 * Prometheus is the operator's; a policy may name another only if the operator
 * allow-listed it, and never receives the operator's credentials. Any failure
 * rejects (fail closed). A deployment let through by its change class is
 * recorded in the audit log before the approval is sent (app/held/audit-rule-grant.ts).
 */
import type { Context } from 'probot';
import { decideHold, type HoldDecision } from '../../src/core/hold/hold-decision.js';
import { HOLD_UNAVAILABLE_NOTE } from '../../src/core/hold/render-hold.js';
import {
  PROTECTION_COMMENT_LIMIT,
  renderProtectionComment,
  renderProtectionError,
} from '../../src/core/render/render-protection-comment.js';
import { answerProtectionRule, runIdFromCallbackUrl } from '../../src/github/answer-protection-rule.js';
import { messageOf } from '../../src/github/client.js';
import type { AppConfig } from '../app-config.js';
import { clientFor } from '../github-client.js';
import type { Notifier } from '../notify/notifier.js';
import { notifyRepository } from '../notify/notify-repository.js';
import { blockedNotification } from '../../src/core/notify/notification.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { auditRuleGrant } from '../held/audit-rule-grant.js';
import { evaluateDeployment, isEvaluationError } from '../held/evaluate-deployment.js';
import type { HeldDeployments } from '../held/held-deployments.js';
import type { FreezeServices } from '../freezes/freeze-deps.js';

export async function onProtectionRuleRequested(
  context: Context<'deployment_protection_rule.requested'>,
  config: AppConfig,
  notifier: Notifier,
  held: HeldDeployments,
  freezes: FreezeServices,
): Promise<void> {
  const payload = context.payload;
  const environment = payload.environment;
  const runId = payload.deployment_callback_url ? runIdFromCallbackUrl(payload.deployment_callback_url) : null;
  if (!environment || runId === null) {
    context.log.error({ environment, callback: payload.deployment_callback_url }, 'protection rule request without environment or run');
    return;
  }
  const client = clientFor(context);
  const { owner, repo } = context.repo();
  const installationId = payload.installation?.id ?? null;
  const runUrl = `${payload.repository?.html_url ?? `https://github.com/${owner}/${repo}`}/actions/runs/${runId}`;
  let state: 'approved' | 'rejected';
  let comment: string;
  let rejected: Report | null = null;
  let approved: Awaited<ReturnType<typeof evaluateDeployment>> | null = null;
  const now = held.now();
  // The event's `ref` and `sha` (GitHub sends them; the typings lack them), else the deployment's.
  const sent = payload as { ref?: string; sha?: string };
  const sha = sent.sha ?? payload.deployment?.sha ?? null;
  try {
    const evaluation = await evaluateDeployment(
      { config, log: context.log, client, now, freezes },
      { owner, repo, installationId, environment, ref: sent.ref ?? payload.deployment?.ref, sha },
    );
    const { report, policy } = evaluation;
    const decision: HoldDecision = decideHold({ report, policy, since: now, now });
    if (decision.action === 'hold' && held.running && installationId !== null) {
      const outcome = await held.hold({
        client,
        log: context.log,
        owner,
        repo,
        installationId,
        runId,
        environment,
        now,
        until: decision.until,
        waitingFor: decision.waitingFor,
        intervalMs: policy.hold.intervalMs,
        runUrl,
        escalation: policy.escalation,
      });
      // Not pending: nothing to answer (GitHub would refuse it), and nothing held.
      context.log.info({ environment, runId, outcome, until: decision.until.toISOString() }, 'protection rule held');
      return;
    }
    state = decision.action === 'approve' ? 'approved' : 'rejected';
    comment = renderProtectionComment(report);
    if (decision.action === 'hold') comment = `${comment}\n${HOLD_UNAVAILABLE_NOTE}`.slice(0, PROTECTION_COMMENT_LIMIT);
    if (state === 'rejected') rejected = report;
    else approved = evaluation;
  } catch (error: unknown) {
    if (!isEvaluationError(error)) context.log.error({ err: error }, 'protection rule evaluation failed unexpectedly');
    state = 'rejected';
    comment = renderProtectionError(messageOf(error));
  }
  // Outside the evaluation's fail-closed path: a failed write fails the delivery, which is retried, and the deployment waits.
  if (approved)
    await auditRuleGrant(
      { client, appId: config.appId, log: context.log, freezes, now },
      { owner, repo, runId, environment, sha, runUrl },
      approved,
    );
  const answer = await answerProtectionRule(client, { owner, repo, runId, environment }, state, comment);
  context.log.info(
    { environment, runId, state, answer },
    answer === 'not-pending' ? 'protection rule already answered (race)' : 'protection rule answered',
  );
  // A rejection the gate explained (not an evaluation error: the rejection comment says that one). Never throws.
  if (rejected && answer !== 'not-pending') {
    await notifyRepository(
      { notifier, client, owner, repo, log: context.log, key: `protection:${runId}:${environment}` },
      blockedNotification(rejected, `${owner}/${repo}`, runUrl),
    );
  }
}

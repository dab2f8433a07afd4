/**
 * deployment_protection_rule.requested: evaluate the repository's policy (from
 * its default branch, through the gate service as the Action does) for the
 * environment and approve or reject the deployment. Prometheus is the
 * operator's; a policy may name another only if the operator allow-listed it,
 * and never receives the operator's credentials. Any failure rejects (fail closed).
 */
import type { Context } from 'probot';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { PrometheusQueryError } from '../../src/core/prometheus/query-error.js';
import { renderProtectionComment, renderProtectionError } from '../../src/core/render/render-protection-comment.js';
import { answerProtectionRule, runIdFromCallbackUrl } from '../../src/github/answer-protection-rule.js';
import { messageOf } from '../../src/github/client.js';
import type { AppConfig } from '../app-config.js';
import { clientFor } from '../github-client.js';
import type { Notifier } from '../notify/notifier.js';
import { notifyRepository } from '../notify/notify-repository.js';
import { blockedNotification } from '../../src/core/notify/notification.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { activeCommandFreezes } from '../../src/core/freeze/freeze-command.js';
import { readFreezesInScope } from '../../src/github/freeze-issues.js';
import { freezeDepsFor, type FreezeServices } from '../freezes/freeze-deps.js';
import { closeExpiredFreezes } from '../freezes/run-freeze-command.js';
import { DisallowedPrometheus } from '../prometheus-target.js';
import { evaluateForRepository } from '../repository-gate.js';

/**
 * The branch a deployment's ref names, for the policy's `applies-to`: `refs/heads/x` or a bare name is a branch;
 * another full ref (a tag) or a commit SHA is none (null: a branch-scoped rule then applies, failing closed).
 */
function deployedBranch(ref: string | undefined): string | null {
  if (!ref) return null;
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  return ref.startsWith('refs/') || /^[0-9a-f]{40}$/.test(ref) ? null : ref;
}

export async function onProtectionRuleRequested(
  context: Context<'deployment_protection_rule.requested'>,
  config: AppConfig,
  notifier: Notifier,
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
  let state: 'approved' | 'rejected';
  let comment: string;
  let rejected: Report | null = null;
  const now = new Date();
  try {
    // Freezes on command (the app's own open deploy-freeze issues). Reading them fails closed, as any evaluation failure does.
    const stored = await readFreezesInScope(client, owner, repo, { appId: config.appId });
    await closeExpiredFreezes(freezeDepsFor(context, config.appId, freezes), { owner, repo }, stored, now);
    const { report } = await evaluateForRepository({
      config,
      log: context.log,
      owner,
      repo,
      installationId: payload.installation?.id ?? null,
      environment,
      // The event's `ref` (GitHub sends it; the typings lack it), else the deployment's.
      branch: deployedBranch((payload as { ref?: string }).ref ?? payload.deployment?.ref),
      now,
      policy: { client },
      freezes: activeCommandFreezes(stored, environment, now),
    });
    state = report.decision.canDeploy || report.decision.mode === 'report' ? 'approved' : 'rejected';
    comment = renderProtectionComment(report);
    if (state === 'rejected') rejected = report;
  } catch (error: unknown) {
    if (!(error instanceof PolicyError || error instanceof PrometheusQueryError || error instanceof DisallowedPrometheus)) {
      context.log.error({ err: error }, 'protection rule evaluation failed unexpectedly');
    }
    state = 'rejected';
    comment = renderProtectionError(messageOf(error));
  }
  const answer = await answerProtectionRule(client, { owner, repo, runId, environment }, state, comment);
  context.log.info(
    { environment, runId, state, answer },
    answer === 'not-pending' ? 'protection rule already answered (race)' : 'protection rule answered',
  );
  // A rejection the gate explained (not an evaluation error: the rejection comment says that one). Never throws.
  if (rejected && answer !== 'not-pending') {
    const runUrl = `${payload.repository?.html_url ?? `https://github.com/${owner}/${repo}`}/actions/runs/${runId}`;
    await notifyRepository(
      { notifier, client, owner, repo, log: context.log, key: `protection:${runId}:${environment}` },
      blockedNotification(rejected, `${owner}/${repo}`, runUrl),
    );
  }
}

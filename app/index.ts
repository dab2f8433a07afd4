/**
 * The deploy-governor GitHub App. This file only wires events and routes to
 * handlers; the logic lives in app/handlers (one file per event), app/routes and
 * app/postmortems, over the shared core.
 */
import type { ApplicationFunction } from 'probot';
import { readAppConfig } from './app-config.js';
import { onCheckRunCompleted } from './handlers/check-run-completed.js';
import { onProtectionRuleRequested } from './handlers/deployment-protection-rule-requested.js';
import { onIssueCommentCreated } from './handlers/issue-comment-created.js';
import { onIssuesClosed } from './handlers/issues-closed.js';
import { onPostmortemChanged } from './handlers/issues-opened-or-edited.js';
import { onIssuesReopened } from './handlers/issues-reopened.js';
import { onIssuesUnlabeled } from './handlers/issues-unlabeled.js';
import { onPullRequestChanged } from './handlers/pull-request-changed.js';
import { appIdentity } from './app-identity.js';
import { createCommentMemory } from './github-cache/comment-memory.js';
import { createFreezeEvents, type FreezeEvents } from './freezes/freeze-events.js';
import { mergeStatusDeps, mergeStatusListener } from './freezes/merge-status.js';
import { createIssueLock } from './issue-lock.js';
import { installationClient } from './installation-client.js';
import { createNotifier } from './notify/notifier.js';
import { createRunTokenVerifier } from '../src/oidc/verify-run-token.js';
import { tenantQueryLimits } from '../src/prometheus/tenant-querier.js';
import { alertmanagerRoute } from './routes/alertmanager-route.js';
import { sweepRoute } from './routes/sweep-route.js';

const app: ApplicationFunction = (probot, options) => {
  const config = readAppConfig();
  const lock = createIssueLock(config.redisUrl ?? undefined);
  const comments = createCommentMemory(config.redisUrl ?? undefined);
  const identity = appIdentity(probot);
  const verifier = createRunTokenVerifier(config.oidc);
  const notifier = createNotifier(config.notify);
  // Tests may pass their own instance (load options) to announce freeze changes to the reactors.
  const freezeEvents = (options?.freezeEvents as FreezeEvents | undefined) ?? createFreezeEvents(probot.log);
  const mergeStatus = mergeStatusDeps(probot, { appId: config.appId, identity });
  freezeEvents.on(mergeStatusListener(probot, mergeStatus));
  // One cap on concurrent Prometheus queries per tenant, for the whole process; and what tenancy says once.
  tenantQueryLimits.concurrency = config.tenancy.tenantConcurrency;
  for (const warning of config.tenancy.warnings) probot.log.warn(warning);
  const ledgerRepo = config.ledgerRepo;
  // The ledger lives in a repository of the platform team's, reached through the app's installation there.
  const ledger = async () => {
    if (!ledgerRepo) return null;
    const client = await installationClient(probot, ledgerRepo.owner, ledgerRepo.repo);
    if (!client)
      throw new Error(
        `AUDIT_LEDGER_REPO is ${ledgerRepo.owner}/${ledgerRepo.repo}, but the app is not installed there: install it with contents: write`,
      );
    return { client, ...ledgerRepo };
  };
  probot.on('check_run.completed', (context) => onCheckRunCompleted(context, { config, lock, verifier, ledger, comments, notifier }));
  probot.on('deployment_protection_rule.requested', (context) => onProtectionRuleRequested(context, config, notifier));
  probot.on('issue_comment.created', (context) => onIssueCommentCreated(context, config, lock));
  probot.on(['issues.opened', 'issues.edited'], (context) => onPostmortemChanged(context, config, lock, identity));
  probot.on('issues.closed', (context) => onIssuesClosed(context, config, lock, identity));
  probot.on('issues.reopened', (context) => onIssuesReopened(context, config, lock));
  probot.on('issues.unlabeled', (context) => onIssuesUnlabeled(context, config, identity));
  probot.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.edited'], (context) =>
    onPullRequestChanged(context, mergeStatus),
  );
  // The Lambda entry has no HTTP server for these routes: it takes the handlers and serves webhooks only.
  options?.addHandler?.(alertmanagerRoute(probot, config, lock));
  options?.addHandler?.(sweepRoute(probot, config, notifier));
};

export default app;

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
import { onIssuesOpened } from './handlers/issues-opened.js';
import { onPostmortemChanged } from './handlers/issues-opened-or-edited.js';
import { onIssuesReopened } from './handlers/issues-reopened.js';
import { onIssuesUnlabeled } from './handlers/issues-unlabeled.js';
import { onPullRequestChanged } from './handlers/pull-request-changed.js';
import { appIdentity } from './app-identity.js';
import { createFreezeEvents, type FreezeEvents } from './freezes/freeze-events.js';
import { createCommentMemory } from './github-cache/comment-memory.js';
import { mergeStatusDeps, mergeStatusListener } from './freezes/merge-status.js';
import { createIssueLock } from './issue-lock.js';
import { startFreezeExpiry, type FreezeExpiryOptions } from './freezes/freeze-expiry.js';
import { createHeldDeployments, type HeldDeployments } from './held/held-deployments.js';
import { installationClient } from './installation-client.js';
import { createNotifier } from './notify/notifier.js';
import { freezeNotifier } from './notify/notify-freeze.js';
import { createRunTokenVerifier } from '../src/oidc/verify-run-token.js';
import { tenantQueryLimits } from '../src/prometheus/tenant-querier.js';
import { alertmanagerRoute } from './routes/alertmanager-route.js';
import { fleetRoute } from './routes/fleet-route.js';
import { sweepRoute } from './routes/sweep-route.js';

/**
 * What a host may pass to the app besides Probot's own options: `onServices` receives the held-deployment service,
 * which only a long-running host starts (app/server.ts; tests, with a controlled clock), and the freeze events.
 */
export interface AppHostOptions {
  onServices?: (services: { held: HeldDeployments; freezeEvents: FreezeEvents }) => void;
  /** The postmortem sweep route's clock (tests); the system clock when absent. */
  sweepClock?: () => Date;
}

const app: ApplicationFunction = (probot, options) => {
  const config = readAppConfig();
  const lock = createIssueLock(config.redisUrl ?? undefined);
  const comments = createCommentMemory(config.redisUrl ?? undefined);
  const identity = appIdentity(probot);
  const verifier = createRunTokenVerifier(config.oidc);
  const notifier = createNotifier(config.notify);
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
  // Freezes starting and ending: announced here, reacted to by whoever registers on `freezeEvents`.
  const freezeEvents = createFreezeEvents(probot.log);
  const freezes = { events: freezeEvents, ledger };
  const held = createHeldDeployments({ probot, config, lock, notifier, freezes });
  // A freeze that ends releases at once what it held.
  freezeEvents.on((change) => held.onFreezeChange(change));
  // And puts the freeze status on the pull requests it covers (freezes.merge-status).
  const mergeStatus = mergeStatusDeps(probot, { appId: config.appId, identity });
  freezeEvents.on(mergeStatusListener(probot, mergeStatus));
  // And tells the channels the policy names.
  freezeEvents.on(freezeNotifier(probot, notifier));
  (options as AppHostOptions | undefined)?.onServices?.({ held, freezeEvents });
  // Freezes end on time only where the app runs on (the server passes its clock); the Lambda entry has no timers.
  const expiryOptions = options?.freezeExpiry as FreezeExpiryOptions | undefined;
  const expiry = expiryOptions
    ? startFreezeExpiry(probot, { ...expiryOptions, appId: config.appId, redisUrl: config.redisUrl, log: probot.log, freezes })
    : null;
  probot.on('check_run.completed', (context) =>
    onCheckRunCompleted(context, { config, lock, verifier, ledger, comments, notifier, freezes }),
  );
  probot.on('deployment_protection_rule.requested', (context) => onProtectionRuleRequested(context, config, notifier, held, freezes));
  probot.on('issue_comment.created', (context) => onIssueCommentCreated(context, config, lock, freezes));
  probot.on(['issues.opened', 'issues.edited'], (context) => onPostmortemChanged(context, config, lock, identity));
  probot.on('issues.opened', (context) => onIssuesOpened(context, config, lock, expiry, freezes));
  probot.on('issues.closed', (context) => onIssuesClosed(context, config, lock, identity, freezes));
  probot.on('issues.reopened', (context) => onIssuesReopened(context, config, lock));
  probot.on('issues.unlabeled', (context) => onIssuesUnlabeled(context, config, identity, freezes));
  probot.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.edited'], (context) =>
    onPullRequestChanged(context, mergeStatus),
  );
  // The Lambda entry has no HTTP server for these routes: it takes the handlers and serves webhooks only.
  options?.addHandler?.(alertmanagerRoute(probot, config, lock));
  options?.addHandler?.(sweepRoute(probot, config, notifier, (options as AppHostOptions | undefined)?.sweepClock));
  options?.addHandler?.(fleetRoute(probot, config));
};

export default app;

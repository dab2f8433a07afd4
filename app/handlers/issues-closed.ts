/**
 * issues.closed: an action item ticks its line in the postmortem; an incident of
 * a severity that requires a postmortem opens one, unless one is linked already;
 * a freeze in force closed by someone who may not lift it is reopened (by
 * someone who may, it is lifted: audited and announced).
 */
import type { Context } from 'probot';
import { labelNames } from '../../src/github/read-issue.js';
import { incidentStart } from '../../src/core/postmortem/burn-incident-plan.js';
import { readMeta } from '../../src/core/postmortem/issue-metadata.js';
import { severityOf } from '../../src/core/postmortem/reliability-report.js';
import type { AppConfig } from '../app-config.js';
import type { AppIdentity } from '../app-identity.js';
import { clientFor } from '../github-client.js';
import type { IssueLock } from '../issue-lock.js';
import { FREEZE_LABEL } from '../../src/core/freeze/freeze-command.js';
import { freezeDepsFor, type FreezeServices } from '../freezes/freeze-deps.js';
import { guardFreezeLiftedByHand } from '../freezes/run-freeze-command.js';
import { markActionItem } from '../postmortems/mark-action-item.js';
import { openPostmortem } from '../postmortems/open-postmortem.js';
import { postmortemContext } from '../postmortems/postmortem-context.js';
import { ACTION_ITEM_LABEL } from '../postmortems/sync-action-items.js';

export async function onIssuesClosed(
  context: Context<'issues.closed'>,
  config: AppConfig,
  lock: IssueLock,
  identity: AppIdentity,
  freezes: FreezeServices,
): Promise<void> {
  const { issue, sender } = context.payload;
  const labels = labelNames(issue);
  const { owner, repo } = context.repo();
  const base = {
    client: clientFor(context),
    log: context.log,
    config,
    lock,
    owner,
    repo,
    installationId: context.payload.installation?.id ?? null,
  };
  if (labels.includes(FREEZE_LABEL)) {
    await guardFreezeLiftedByHand({
      deps: freezeDepsFor(context, config.appId, freezes),
      owner,
      repo,
      issue: issue.number,
      sender,
      how: 'closed',
      at: issue.closed_at ?? issue.updated_at,
      identity,
    });
    return;
  }
  if (labels.includes(ACTION_ITEM_LABEL)) {
    await markActionItem(await postmortemContext(base), { number: issue.number, body: issue.body }, true);
    return;
  }
  const ctx = await postmortemContext(base);
  if (!labels.includes(ctx.policy.incidentLabel)) return;
  const severity = severityOf(labels, ctx.policy);
  if (!severity || !ctx.policy.requiredSeverities.some((s) => s.toLowerCase() === severity.toLowerCase())) return;
  const closedAt = issue.closed_at ?? new Date().toISOString();
  // An incident the sweep opened for a burn measures from the burn's start (burn-incident-plan.ts).
  const startedAt = incidentStart(
    issue.created_at,
    issue.performed_via_github_app?.id === config.appId ? readMeta('burn-incident', issue.body) : null,
  );
  await openPostmortem(ctx, {
    incident: { number: issue.number, url: issue.html_url },
    title: issue.title,
    severity,
    author: sender.type === 'Bot' ? null : sender.login,
    startedAt,
    endedAt: closedAt,
    timeline: [
      ...(startedAt === issue.created_at ? [] : [{ at: startedAt, event: 'Error-budget burn began (as the sweep measured it)' }]),
      { at: issue.created_at, event: `Incident #${issue.number} opened` },
      { at: closedAt, event: `Incident #${issue.number} closed` },
    ],
    now: new Date(),
  });
}

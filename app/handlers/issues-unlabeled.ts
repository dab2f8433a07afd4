/**
 * issues.unlabeled: taking `deploy-freeze` off a freeze in force lifts it, so for
 * someone who may not unfreeze the label is put back (app/freezes/run-freeze-command.ts); for someone who may, the
 * freeze is lifted (audited and announced).
 */
import type { Context } from 'probot';
import { FREEZE_LABEL } from '../../src/core/freeze/freeze-command.js';
import type { AppConfig } from '../app-config.js';
import type { AppIdentity } from '../app-identity.js';
import { guardFreezeLiftedByHand } from '../freezes/run-freeze-command.js';
import { freezeDepsFor, type FreezeServices } from '../freezes/freeze-deps.js';

export async function onIssuesUnlabeled(
  context: Context<'issues.unlabeled'>,
  config: AppConfig,
  identity: AppIdentity,
  freezes: FreezeServices,
): Promise<void> {
  const { issue, label, sender } = context.payload;
  if (label?.name !== FREEZE_LABEL) return;
  const { owner, repo } = context.repo();
  await guardFreezeLiftedByHand({
    deps: freezeDepsFor(context, config.appId, freezes),
    owner,
    repo,
    issue: issue.number,
    sender,
    how: 'unlabeled',
    at: issue.updated_at,
    identity,
  });
}

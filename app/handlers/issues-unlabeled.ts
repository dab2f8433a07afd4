/**
 * issues.unlabeled: taking `deploy-freeze` off a freeze in force lifts it, so for
 * someone who may not unfreeze the label is put back (app/freezes/run-freeze-command.ts).
 */
import type { Context } from 'probot';
import { FREEZE_LABEL } from '../../src/core/freeze/freeze-command.js';
import type { AppConfig } from '../app-config.js';
import type { AppIdentity } from '../app-identity.js';
import { guardFreezeLiftedByHand } from '../freezes/run-freeze-command.js';
import { clientFor } from '../github-client.js';

export async function onIssuesUnlabeled(context: Context<'issues.unlabeled'>, config: AppConfig, identity: AppIdentity): Promise<void> {
  const { issue, label, sender } = context.payload;
  if (label?.name !== FREEZE_LABEL) return;
  const { owner, repo } = context.repo();
  await guardFreezeLiftedByHand({
    client: clientFor(context),
    log: context.log,
    appId: config.appId,
    owner,
    repo,
    issue: issue.number,
    sender,
    how: 'unlabeled',
    identity,
  });
}

/**
 * issue_comment.created: `/postmortem <title>` on an issue or pull request opens
 * a postmortem for it, if the commenter has at least the policy's
 * `command-permission` (default triage); anyone else gets a polite refusal.
 * `/freeze` and `/unfreeze` go to app/freezes/run-freeze-command.ts (in the
 * organisation's `.github` repository they freeze every repository of its owner).
 */
import type { Context } from 'probot';
import { hasPermission } from '../../src/core/override/decide-override.js';
import { labelNames } from '../../src/github/read-issue.js';
import { readActorRole } from '../../src/github/read-override-authorization.js';
import { upsertPrComment } from '../../src/github/upsert-pr-comment.js';
import { severityOf } from '../../src/core/postmortem/reliability-report.js';
import type { AppConfig } from '../app-config.js';
import { clientFor } from '../github-client.js';
import type { IssueLock } from '../issue-lock.js';
import { freezeDepsFor, type FreezeServices } from '../freezes/freeze-deps.js';
import { runFreezeCommand } from '../freezes/run-freeze-command.js';
import { isFreezeCommand } from '../../src/core/freeze/freeze-command.js';
import { openPostmortem } from '../postmortems/open-postmortem.js';
import { parsePostmortemCommand } from '../postmortems/postmortem-command.js';
import { postmortemContext } from '../postmortems/postmortem-context.js';

export async function onIssueCommentCreated(
  context: Context<'issue_comment.created'>,
  config: AppConfig,
  lock: IssueLock,
  freezes: FreezeServices,
): Promise<void> {
  const { comment, issue, sender } = context.payload;
  if (sender.type === 'Bot') return;
  if (isFreezeCommand(comment.body)) {
    const { owner, repo } = context.repo();
    await runFreezeCommand({
      deps: freezeDepsFor(context, config.appId, freezes),
      lock,
      owner,
      repo,
      issue: issue.number,
      comment: { id: comment.id, body: comment.body, createdAt: comment.created_at },
      sender: sender.login,
    });
    return;
  }
  const command = parsePostmortemCommand(comment.body);
  if (!command) return;
  const { owner, repo } = context.repo();
  const client = clientFor(context);
  const ctx = await postmortemContext({
    client,
    log: context.log,
    config,
    lock,
    owner,
    repo,
    installationId: context.payload.installation?.id ?? null,
  });
  const role = await readActorRole(client, owner, repo, sender.login);
  const needed = ctx.policy.commandPermission;
  // The reply is keyed by the command comment, so a redelivery edits it instead of replying twice.
  const reply = (body: string) =>
    upsertPrComment(client, {
      owner,
      repo,
      issue: issue.number,
      appId: config.appId,
      marker: `<!-- deploy-governor:postmortem-command ${comment.id} -->`,
      body: `<!-- deploy-governor:postmortem-command ${comment.id} -->\n${body}`,
      create: true,
    });
  if (!('role' in role) || !hasPermission(role.role, needed)) {
    context.log.info({ sender: sender.login, needed }, 'postmortem command refused');
    await reply(
      `Thanks, @${sender.login}. Opening a postmortem needs at least the **${needed}** role in this repository; please ask someone who has it to run \`/postmortem\` here.`,
    );
    return;
  }
  const labels = labelNames(issue);
  const result = await openPostmortem(ctx, {
    incident: { number: issue.number, url: issue.html_url },
    title: command.title || issue.title,
    severity: severityOf(labels, ctx.policy),
    author: sender.login,
    startedAt: issue.created_at,
    endedAt: issue.closed_at ?? null,
    timeline: [
      { at: issue.created_at, event: `#${issue.number} opened` },
      ...(issue.closed_at ? [{ at: issue.closed_at, event: `#${issue.number} closed` }] : []),
      { at: comment.created_at, event: `Postmortem requested by ${sender.login}` },
    ],
    now: new Date(),
  });
  // A new postmortem announces itself on this issue; an existing one is pointed to once.
  if (result.outcome === 'exists') await reply(`A postmortem for this already exists: #${result.number}.`);
}

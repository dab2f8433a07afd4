/**
 * `/freeze` and `/unfreeze` in a comment (issue 15): check the commenter's role
 * (from GitHub, never from the comment) against the policy's
 * `freezes.permission` (default maintain), then open or close the repository's
 * `deploy-freeze` issues, and reply on the comment. The reply is keyed by the
 * command comment, and the freeze issue by it too, so a redelivery opens
 * nothing twice. Work on a repository's freezes is serialized by the issue lock.
 *
 * In the organisation's `.github` repository the same commands freeze every
 * repository of its owner (the role and the policy are the `.github`
 * repository's). Every freeze set or lifted (by command, by hand, by expiry) is
 * written to the audit log and announced on the freeze events.
 */
import type { Logger } from 'probot';
import type { FreezeEnd } from '../../src/core/audit/freeze-audit-record.js';
import {
  activeCommandFreezes,
  freezeScopeWords,
  isFreezeActive,
  parseFreezeCommand,
  type FreezeRun,
  type StoredFreeze,
} from '../../src/core/freeze/freeze-command.js';
import { DEFAULT_FREEZE_PERMISSION } from '../../src/core/policy/defaults.js';
import type { FreezeRecord } from '../../src/core/postmortem/issue-metadata.js';
import { canonicalJson } from '../../src/core/canonical-json.js';
import { hasPermission } from '../../src/core/override/decide-override.js';
import { readMeta, writeMeta } from '../../src/core/postmortem/issue-metadata.js';
import { commentOnIssue } from '../../src/github/comment-on-issue.js';
import { editIssueBody } from '../../src/github/edit-issue-body.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import type { PolicyFile } from '../../src/core/policy/schema.js';
import { inert } from '../../src/core/render/inert-markdown.js';
import type { GitHubClient } from '../../src/github/client.js';
import {
  closeFreezeIssue,
  openFreezeIssue,
  ORG_FREEZE_REPOSITORY,
  readFreezeIssue,
  readFreezesInScope,
  relabelFreezeIssue,
  reopenFreezeIssue,
} from '../../src/github/freeze-issues.js';
import { readActorRole } from '../../src/github/read-override-authorization.js';
import { readRepoPolicy } from '../../src/github/read-repo-policy.js';
import { upsertPrComment } from '../../src/github/upsert-pr-comment.js';
import type { IssueLock } from '../issue-lock.js';
import type { AppIdentity } from '../app-identity.js';
import { auditFreezeChange } from './audit-freeze-change.js';
import type { FreezeDeps } from './freeze-deps.js';

/**
 * A command to run: from a comment (or a request issue), replied on; or from a dispatched workflow run
 * (freeze-dispatch.ts), which has nothing to reply on, so the outcome is logged, and a freeze's issue names the run.
 */
export type FreezeCommandRequest = {
  deps: FreezeDeps;
  lock: IssueLock;
  owner: string;
  repo: string;
  /** Who runs it, as GitHub says (the comment's author, the run's triggering actor); their role is read from GitHub. */
  sender: string;
} & (
  | {
      /** The issue or pull request commented on. */
      issue: number;
      comment: { id: number; body: string; createdAt: string };
    }
  | {
      /** No reply: a workflow run has no issue of its own. */
      issue: null;
      run: FreezeRun;
      /** The command, and when it was given (the run token's issue time). */
      comment: { body: string; createdAt: string };
    }
);

/** The owner whose every repository a freeze kept in `owner/repo` covers: only the `.github` repository's are organisation-wide. */
function organisationOf(owner: string, repo: string): string | null {
  return repo === ORG_FREEZE_REPOSITORY ? owner : null;
}

/** A freeze lifted: its `ended` event and its audit record (in the log the policy of the repository that keeps it names). */
async function recordLifted(
  deps: FreezeDeps,
  where: { owner: string; repo: string },
  file: PolicyFile | null,
  lifted: { issue: number; record: FreezeRecord; actor: string | null; at: string; how: FreezeEnd },
): Promise<void> {
  // Announced first: what reacts to it (held deployments, statuses) should not wait on the log.
  await deps.events.emit({
    ...where,
    scope: lifted.record.scope,
    change: 'ended',
    issue: lifted.issue,
    installationId: deps.installationId,
    record: lifted.record,
  });
  await auditFreezeChange(deps, where, file, {
    change: 'unfreeze',
    organisationWide: organisationOf(where.owner, where.repo) !== null,
    issue: lifted.issue,
    record: lifted.record,
    actor: lifted.actor,
    at: lifted.at,
    how: lifted.how,
  });
}

/**
 * Expired freezes among `freezes` (as readFreezesInScope returns them, for the repository `target`) closed, each
 * audited and announced as ended. Best effort per freeze: a failure is logged, and the next reader retries.
 */
export async function closeExpiredFreezes(
  deps: FreezeDeps,
  target: { owner: string; repo: string },
  freezes: readonly StoredFreeze[],
  now: Date,
): Promise<void> {
  for (const f of freezes) {
    if (isFreezeActive(f.record, now)) continue;
    // An organisation-wide freeze lives in `owner/.github`, not in the repository that read it.
    const where = f.repository ? { owner: target.owner, repo: f.repository.slice(f.repository.indexOf('/') + 1) } : target;
    try {
      await closeFreezeIssue(deps.client, where, f.issue);
      deps.log.info({ issue: f.issue, repository: `${where.owner}/${where.repo}` }, 'expired freeze closed');
      const file = await freezePolicy(deps.client, deps.log, where.owner, where.repo);
      await recordLifted(deps, where, file, { issue: f.issue, record: f.record, actor: null, at: f.record.until, how: 'expired' });
    } catch (error: unknown) {
      deps.log.warn({ issue: f.issue, err: error instanceof Error ? error.message : String(error) }, 'closing an expired freeze failed');
    }
  }
}

/** Who may freeze and unfreeze, from the repository's policy; null when the policy is invalid (unfreezing is refused then). */
async function freezePolicy(client: GitHubClient, log: Logger, owner: string, repo: string): Promise<PolicyFile | null> {
  try {
    return await readRepoPolicy(client, owner, repo);
  } catch (error: unknown) {
    if (!(error instanceof PolicyError)) throw error;
    log.warn({ err: error.message }, 'policy invalid; freezes use the defaults, unfreezing is refused');
    return null;
  }
}

/**
 * issues.closed on a `deploy-freeze` issue, or issues.unlabeled taking `deploy-freeze` off one: either lifts its
 * freeze, and triage may do both, so for a person below `freezes.permission` while the freeze is in force the
 * issue is reopened or relabelled, with a comment. Only this app's own changes are left alone (it closes the issues it
 * lifts or finds expired); any other bot is undone like a person below the permission.
 */
export async function guardFreezeLiftedByHand(r: {
  deps: FreezeDeps;
  owner: string;
  repo: string;
  issue: number;
  sender: { login: string; type: string };
  how: 'closed' | 'unlabeled';
  /** When it happened, as GitHub's event says (the issue's `closed_at` or `updated_at`): the audit record's time. */
  at: string;
  identity: AppIdentity;
}): Promise<void> {
  // Only this app's own changes are left alone: a writer's workflow acts as github-actions[bot].
  if (await r.identity.isThisApp(r.sender.login)) return;
  const { deps, owner, repo } = r;
  const { client } = deps;
  const read = await readFreezeIssue(client, { owner, repo, appId: deps.appId }, r.issue);
  const record = read?.record;
  if (!record || !isFreezeActive(record, new Date())) return;
  // A label taken off an issue already closed lifts nothing more (its close was the lifting).
  if (r.how === 'unlabeled' && !read.open) return;
  const file = await freezePolicy(client, deps.log, owner, repo);
  const needed = file?.freezes?.permission ?? DEFAULT_FREEZE_PERMISSION;
  const role = await readActorRole(client, owner, repo, r.sender.login);
  if (file !== null && 'role' in role && hasPermission(role.role, needed)) {
    deps.log.info({ issue: r.issue, sender: r.sender.login, how: r.how }, 'freeze lifted by hand');
    await recordLifted(deps, { owner, repo }, file, { issue: r.issue, record, actor: r.sender.login, at: r.at, how: r.how });
    return;
  }
  deps.log.info({ issue: r.issue, sender: r.sender.login, needed, how: r.how }, 'freeze lifted by hand without the permission: undone');
  const target = { owner, repo };
  if (r.how === 'closed') await reopenFreezeIssue(client, target, r.issue);
  else await relabelFreezeIssue(client, target, r.issue);
  await commentOnIssue(
    client,
    owner,
    repo,
    r.issue,
    `${r.how === 'closed' ? 'Reopened' : 'Relabelled'}: this freeze is in force until **${record.until}**, and lifting it needs at least the **${needed}** role in this repository (@${r.sender.login} ${r.how === 'closed' ? 'closed it' : 'removed its label'}). Someone with that role can run \`/unfreeze ${record.scope}\`.`,
  );
}

/**
 * issues.edited on a `deploy-freeze` issue: people with write may edit the app's issue bodies, so a record
 * changed (or removed) by someone below `freezes.permission` while its freeze was in force is put back.
 */
export async function guardFreezeEdited(r: {
  client: GitHubClient;
  log: Logger;
  appId: number;
  owner: string;
  repo: string;
  issue: number;
  before: string;
  sender: { login: string; type: string };
  identity: AppIdentity;
}): Promise<void> {
  // Only this app's own changes are left alone: a writer's workflow acts as github-actions[bot].
  if (await r.identity.isThisApp(r.sender.login)) return;
  const { client, owner, repo } = r;
  const previous = readMeta('freeze', r.before);
  if (!previous || !isFreezeActive(previous, new Date())) return;
  const current = await readFreezeIssue(client, { owner, repo, appId: r.appId }, r.issue);
  if (!current || (current.record && canonicalJson(current.record) === canonicalJson(previous))) return;
  const file = await freezePolicy(client, r.log, owner, repo);
  const needed = file?.freezes?.permission ?? DEFAULT_FREEZE_PERMISSION;
  const role = await readActorRole(client, owner, repo, r.sender.login);
  if (file !== null && 'role' in role && hasPermission(role.role, needed)) {
    r.log.info({ issue: r.issue, sender: r.sender.login }, 'freeze record edited by hand');
    return;
  }
  r.log.info({ issue: r.issue, sender: r.sender.login, needed }, 'freeze record edited without the permission: restored');
  await editIssueBody(client, { owner, repo, issue: r.issue }, (body) => writeMeta('freeze', body, previous));
  await commentOnIssue(
    client,
    owner,
    repo,
    r.issue,
    `Restored this freeze's record: changing it needs at least the **${needed}** role in this repository (@${r.sender.login} edited it). The freeze stays in force until **${previous.until}**.`,
  );
}

/** Where an organisation-wide freeze still in force is lifted, for a reply in one of the owner's repositories. */
function orgFreezesStill(owner: string, scope: string, org: readonly StoredFreeze[], now: Date): string {
  const active = org.filter(
    (f) => isFreezeActive(f.record, now) && (scope === 'all' || f.record.scope === 'all' || f.record.scope === scope),
  );
  if (active.length === 0) return '';
  const list = active.map(
    (f) => `${owner}/${ORG_FREEZE_REPOSITORY}#${f.issue} (${freezeScopeWords(f.record.scope)} until ${f.record.until})`,
  );
  return ` An organisation-wide freeze is still in force: ${list.join(', ')}. \`/unfreeze\` here does not lift it: run \`/unfreeze\` in an issue of ${owner}/${ORG_FREEZE_REPOSITORY}, where the organisation's policy says who may.`;
}

export async function runFreezeCommand(r: FreezeCommandRequest): Promise<void> {
  const { deps, owner, repo } = r;
  const { client } = deps;
  const organisation = organisationOf(owner, repo);
  const reply = async (body: string): Promise<void> => {
    if (r.issue === null) {
      deps.log.info({ run: r.run.id, attempt: r.run.attempt, sender: r.sender, outcome: body }, 'freeze command from a workflow run');
      return;
    }
    const marker = `<!-- deploy-governor:freeze-command ${r.comment.id} -->`;
    await upsertPrComment(client, { owner, repo, issue: r.issue, appId: deps.appId, marker, body: `${marker}\n${body}`, create: true });
  };
  const file = await freezePolicy(client, deps.log, owner, repo);
  const now = new Date(r.comment.createdAt);
  const command = parseFreezeCommand(r.comment.body, { environments: Object.keys(file?.environments ?? {}), now });
  if (!command) return;
  const needed = file?.freezes?.permission ?? DEFAULT_FREEZE_PERMISSION;
  const name = command.kind === 'invalid' ? command.command : command.kind;
  const role = await readActorRole(client, owner, repo, r.sender);
  if (!('role' in role) || !hasPermission(role.role, needed)) {
    deps.log.info({ sender: r.sender, needed }, 'freeze command refused');
    await reply(
      `Thanks, @${r.sender}. \`/${name}\` needs at least the **${needed}** role in this repository${organisation === null ? '' : ` (here it freezes every repository of ${organisation})`}; please ask someone who has it to run it here.`,
    );
    return;
  }
  if (command.kind === 'invalid') {
    await reply(`Nothing changed: ${inert(command.message)}.`);
    return;
  }
  if (command.kind === 'unfreeze' && file === null) {
    await reply(
      'Nothing changed: the policy file is invalid, so who may unfreeze cannot be read. Fix the policy, then run `/unfreeze` again.',
    );
    return;
  }
  const target = { owner, repo };
  await r.lock.run(`${owner}/${repo}#freezes`, async () => {
    const inScope = await readFreezesInScope(client, owner, repo, { appId: deps.appId });
    await closeExpiredFreezes(deps, target, inScope, now);
    // Only the freezes this repository keeps are set and lifted here; the organisation's are lifted in its `.github`.
    const stored = inScope.filter((f) => f.repository === undefined);
    const org = inScope.filter((f) => f.repository !== undefined);
    if (command.kind === 'freeze') {
      const record = { scope: command.scope, until: command.until, reason: command.reason, by: r.sender, at: now.toISOString() };
      const source = r.issue === null ? { run: r.run } : { issue: r.issue, commentId: r.comment.id };
      const opened = await openFreezeIssue(client, { ...target, appId: deps.appId }, record, { ...source, organisation });
      const found = stored.find((f) => f.issue === opened.number);
      if (opened.outcome === 'exists' && !found) {
        // Its freeze was lifted (or has ended) since: a redelivery or a replay announces nothing again.
        deps.log.info({ issue: opened.number }, 'freeze command seen before; its freeze is no longer in force');
        await reply(`This command's freeze, #${opened.number}, is no longer in force; nothing changed.`);
        return;
      }
      // A redelivery finds the issue its first attempt opened: the reply states that freeze's end.
      const kept = found?.record ?? record;
      deps.log.info({ issue: opened.number, scope: command.scope, until: kept.until, outcome: opened.outcome }, 'freeze set');
      await deps.events.emit({
        ...target,
        scope: kept.scope,
        change: 'started',
        issue: opened.number,
        installationId: deps.installationId,
        record: kept,
      });
      await auditFreezeChange(deps, target, file, {
        change: 'freeze',
        organisationWide: organisation !== null,
        issue: opened.number,
        record: kept,
        actor: kept.by,
        at: kept.at,
        how: 'command',
      });
      await reply(
        `Deploys to ${freezeScopeWords(command.scope, organisation)} are frozen until **${kept.until}** (status FREEZE): #${opened.number}. \`/unfreeze ${command.scope}\` ${organisation === null ? '' : 'here '}lifts it.`,
      );
      return;
    }
    // Only freezes set before the command: a redelivered or replayed `/unfreeze` never lifts a later freeze.
    const lifted = stored.filter(
      (f) =>
        isFreezeActive(f.record, now) &&
        Date.parse(f.record.at) <= now.getTime() &&
        (command.scope === 'all' || f.record.scope === command.scope),
    );
    for (const f of lifted) {
      await closeFreezeIssue(client, target, f.issue);
      await recordLifted(deps, target, file, { issue: f.issue, record: f.record, actor: r.sender, at: now.toISOString(), how: 'command' });
    }
    const remaining =
      command.scope === 'all'
        ? []
        : activeCommandFreezes(
            stored.filter((f) => !lifted.includes(f)),
            command.scope,
            now,
          );
    deps.log.info({ scope: command.scope, lifted: lifted.map((f) => f.issue) }, 'freeze lifted');
    const what =
      lifted.length === 0
        ? `No freeze of ${freezeScopeWords(command.scope, organisation)} was in force${organisation === null && org.length > 0 ? ' in this repository' : ''}.`
        : `Lifted: ${lifted.map((f) => `#${f.issue}`).join(', ')}.`;
    const still =
      remaining.length > 0
        ? ` Still in force for \`${command.scope}\`: a freeze of all environments (${remaining.map((f) => inert(f.name)).join(', ')}).`
        : '';
    await reply(`${what}${still}${orgFreezesStill(owner, command.scope, org, now)}`);
  });
}

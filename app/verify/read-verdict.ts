/**
 * check_run.completed for `deploy-governor / <environment> / verify`: the
 * Action's post-deploy verdict, read back. It is shown on the deployed commit's
 * pull requests (a comment of its own per pull request and environment, kept
 * current, never replaced by an older check run's), and a regression opens, or
 * finds again, one incident issue per confirmed run attempt. The verdict is a
 * workflow's word: it changes no gate decision and mentions nobody.
 */
import type { Context } from 'probot';
import { renderVerifyComment, verifyCommentMarker } from '../../src/core/render/render-verify-comment.js';
import { extractVerificationFromCheckRun, verifyCheckRunEnvironment } from '../../src/core/verify/extract-verification.js';
import type { Verification } from '../../src/core/verify/verification-schema.js';
import type { GitHubClient } from '../../src/github/client.js';
import { findPullRequests } from '../../src/github/find-pull-requests.js';
import { upsertPrComment } from '../../src/github/upsert-pr-comment.js';
import type { AppConfig } from '../app-config.js';
import type { CommentMemory } from '../github-cache/comment-memory.js';
import { clientFor } from '../github-client.js';
import type { IssueLock } from '../issue-lock.js';
import { postmortemContext } from '../postmortems/postmortem-context.js';
import { confirmVerifyRun, type ConfirmedRun } from './confirm-verify-run.js';
import { openRegressionIncident } from './open-regression-incident.js';

export interface VerifyDeps {
  config: AppConfig;
  lock: IssueLock;
  comments: CommentMemory;
}

/** Whether a check run's name is a verify step's (handled here, not as the gate's). */
export const isVerifyCheckRun = (name: string): boolean => verifyCheckRunEnvironment(name) !== null;

export async function readVerdict(context: Context<'check_run.completed'>, deps: VerifyDeps): Promise<void> {
  const run = context.payload.check_run;
  const environment = verifyCheckRunEnvironment(run.name);
  if (environment === null) return;
  // Only the Action publishes verdicts, and it runs in GitHub Actions.
  if (run.app?.slug !== 'github-actions') {
    context.log.warn({ app: run.app?.slug, checkRun: run.id }, 'ignoring a verify check run created by another app');
    return;
  }
  const extracted = extractVerificationFromCheckRun(run.output?.text);
  if ('ignored' in extracted) {
    context.log.warn({ checkRun: run.id, reason: extracted.ignored }, 'verify check run ignored');
    return;
  }
  const verification = extracted.verification;
  if (verification.environment !== environment) {
    context.log.warn({ checkRun: run.id, reason: 'the verdict is for another environment' }, 'verify check run ignored');
    return;
  }
  const client = clientFor(context);
  const { owner, repo } = context.repo();
  const confirmed = await confirmVerifyRun(client, { owner, repo, headSha: run.head_sha }, verification);
  if (!confirmed.confirmed) context.log.info({ checkRun: run.id, reason: confirmed.reason }, 'verify run not confirmed');

  // The incident and the comments are independent; the comment waits for the incident only to link it.
  const failures: unknown[] = [];
  let incident: number | null = null;
  if (verification.regressed) {
    try {
      incident = await regressionIncident(context, client, deps, verification, confirmed);
    } catch (error: unknown) {
      failures.push(error);
    }
  }
  try {
    const body = renderVerifyComment(verification, { runUrl: confirmed.confirmed ? confirmed.url : null, incident });
    await showOnPullRequests(context, client, deps, verification, body);
  } catch (error: unknown) {
    failures.push(error);
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, 'the incident and the pull-request comments both failed');
}

async function regressionIncident(
  context: Context<'check_run.completed'>,
  client: GitHubClient,
  deps: VerifyDeps,
  verification: Verification,
  confirmed: ConfirmedRun,
): Promise<number | null> {
  // An unconfirmed run would let one forged verdict open any number of incidents.
  if (!confirmed.confirmed) return null;
  const { owner, repo } = context.repo();
  const ctx = await postmortemContext({
    client,
    log: context.log,
    config: deps.config,
    lock: deps.lock,
    owner,
    repo,
    installationId: context.payload.installation?.id ?? null,
  });
  const opened = await openRegressionIncident(ctx, verification, {
    runId: confirmed.runId,
    attempt: confirmed.attempt,
    runUrl: confirmed.url,
    headSha: context.payload.check_run.head_sha,
  });
  context.log.info({ incident: opened.number, outcome: opened.outcome, environment: verification.environment }, 'regression incident');
  return opened.number;
}

async function showOnPullRequests(
  context: Context<'check_run.completed'>,
  client: GitHubClient,
  deps: VerifyDeps,
  verification: Verification,
  body: string,
): Promise<void> {
  const run = context.payload.check_run;
  const { owner, repo } = context.repo();
  const installationId = context.payload.installation?.id ?? 'none';
  const environment = verification.environment;
  const pulls = await findPullRequests(
    client,
    { owner, repo, repoId: context.payload.repository.id, sha: run.head_sha },
    run.pull_requests,
  );
  const failures: unknown[] = [];
  for (const issue of pulls) {
    try {
      const outcome = await deps.lock.run(`${owner}/${repo}#${issue}:verify-comment:${environment}`, () =>
        upsertPrComment(client, {
          owner,
          repo,
          issue,
          appId: deps.config.appId,
          marker: verifyCommentMarker(environment),
          body,
          version: { checkRunId: run.id, completedAt: run.completed_at ?? null },
          // As the gate's allowed deploys: a pass edits an earlier verdict's comment, it never starts one.
          create: !verification.passed,
          memory: deps.comments.slot({ installationId, owner, repo, issue, environment, kind: 'verify' }),
        }),
      );
      context.log.info({ pull: issue, outcome, environment }, 'verify comment');
    } catch (error: unknown) {
      context.log.error({ pull: issue, err: error }, 'verify comment failed');
      failures.push(error);
    }
  }
  if (failures.length > 0)
    throw failures.length === 1 ? failures[0] : new AggregateError(failures, `${failures.length} verify comments failed`);
}

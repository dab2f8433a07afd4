/**
 * check_run.completed: for the Action's check run `deploy-governor / <env>`,
 * record an override, or a change class that let the deploy through, in the
 * audit log (only once it verifies) and explain the
 * decision on the commit's pull requests (one comment per pull request and
 * environment, never replaced by an older check run's). The check run
 * `deploy-governor / freeze-request` is a workflow's freeze command instead
 * (app/freezes/freeze-dispatch.ts); `deploy-governor / <env> / verify` is the
 * post-deploy verdict (app/verify/read-verdict.ts).
 */
import type { Context } from 'probot';
import { isClassGrant } from '../../src/core/audit/class-grant-record.js';
import { commentMarker, renderAllowedComment, renderBlockedComment, type CommentContext } from '../../src/core/render/render-pr-comment.js';
import { extractReportFromCheckRun } from '../../src/core/report/extract-report.js';
import type { Report } from '../../src/core/report/report-schema.js';
import type { GitHubClient } from '../../src/github/client.js';
import { findPullRequests } from '../../src/github/find-pull-requests.js';
import { upsertPrComment } from '../../src/github/upsert-pr-comment.js';
import type { AppConfig } from '../app-config.js';
import type { CommentMemory } from '../github-cache/comment-memory.js';
import { clientFor } from '../github-client.js';
import { freezeDepsFor, type FreezeServices } from '../freezes/freeze-deps.js';
import { isFreezeRequestCheckRun, runFreezeDispatch } from '../freezes/freeze-dispatch.js';
import type { IssueLock } from '../issue-lock.js';
import type { Notifier } from '../notify/notifier.js';
import { notifyRepository } from '../notify/notify-repository.js';
import { recordClassGrant } from '../overrides/record-class-grant.js';
import { recordOverride, type OverrideDeps, type OverrideOutcome } from '../overrides/record-override.js';
import { isVerifyCheckRun, readVerdict } from '../verify/read-verdict.js';
import { blockedNotification, overrideNotification } from '../../src/core/notify/notification.js';

export interface CheckRunDeps {
  config: AppConfig;
  lock: IssueLock;
  verifier: OverrideDeps['verifier'];
  ledger: OverrideDeps['ledger'];
  /** What the app last wrote to each pull-request comment (an update is then one PATCH). */
  comments: CommentMemory;
  /** Chat notifications of a blocked deploy or a verified override (the repository's `notify` policy). */
  notifier: Notifier;
  /** What a freeze requested by a workflow announces and logs to. */
  freezes: FreezeServices;
}

const CHECK_NAME = /^deploy-governor \/ (.+)$/;

export async function onCheckRunCompleted(context: Context<'check_run.completed'>, deps: CheckRunDeps): Promise<void> {
  const { config } = deps;
  const run = context.payload.check_run;
  if (isFreezeRequestCheckRun(run.name)) {
    const { owner, repo } = context.repo();
    await runFreezeDispatch({
      deps: freezeDepsFor(context, config.appId, deps.freezes),
      lock: deps.lock,
      verifier: deps.verifier,
      owner,
      repo,
      defaultBranch: context.payload.repository.default_branch,
      repositoryUrl: context.payload.repository.html_url,
      checkRun: { id: run.id, headSha: run.head_sha, appSlug: run.app?.slug ?? null, text: run.output?.text ?? null },
    });
    return;
  }
  if (isVerifyCheckRun(run.name)) return readVerdict(context, deps);
  const name = CHECK_NAME.exec(run.name);
  if (!name) return;
  // Only GitHub Actions (where the Action runs) and this app may speak for the gate.
  const fromActions = run.app?.slug === 'github-actions';
  if (!fromActions && run.app?.id !== config.appId) {
    context.log.warn({ app: run.app?.slug, checkRun: run.id }, 'ignoring a deploy-governor check run created by another app');
    return;
  }
  const report = extractReportFromCheckRun(run.output?.text);
  if (!report || report.environment !== name[1]) {
    context.log.info({ checkRun: run.id }, 'check run carries no valid report for its environment');
    return;
  }
  const client = clientFor(context);
  const { owner, repo } = context.repo();
  const failures: unknown[] = [];

  // The audit log and the comments are independent: a failure in one must not cost the other. The
  // comment waits for the verification, though: an override that does not verify is not shown as one.
  const recordDeps = { client, log: context.log, appId: config.appId, verifier: deps.verifier, ledger: deps.ledger };
  const site = {
    owner,
    repo,
    defaultBranch: context.payload.repository.default_branch,
    checkRunSha: run.head_sha,
    checkRunId: run.id,
    checkRunUrl: run.html_url ?? null,
  };
  const recorded = async (record: typeof recordOverride): Promise<OverrideOutcome | null> => {
    try {
      return await record(recordDeps, site, report);
    } catch (error: unknown) {
      failures.push(error);
      return null;
    }
  };
  const override = report.decision.overridden && report.override ? await recorded(recordOverride) : null;
  // A change class that let the deploy through is an override granted by the policy: verified and recorded alike.
  const grant = isClassGrant(report) ? await recorded(recordClassGrant) : null;
  const shown = shownReport(report, override, grant);
  try {
    await explainOnPullRequests(context, client, deps, shown);
  } catch (error: unknown) {
    failures.push(error);
  }
  // Never throws: a chat message is not worth a failed delivery.
  const runUrl = trustedRunUrl(context, shown);
  const target = { notifier: deps.notifier, client, owner, repo, log: context.log };
  if (!shown.decision.canDeploy) {
    await notifyRepository({ ...target, key: `check-run:${run.id}:blocked` }, blockedNotification(shown, `${owner}/${repo}`, runUrl));
  } else if (override?.verified) {
    await notifyRepository({ ...target, key: `check-run:${run.id}:override` }, overrideNotification(shown, `${owner}/${repo}`, runUrl));
  }
  // Fail the delivery (GitHub shows it as failed, an operator can redeliver: every step is idempotent).
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, 'the audit log and the pull-request comments both failed');
}

/** The run that produced the report, when it is in this repository; else the check run itself. */
function trustedRunUrl(context: Context<'check_run.completed'>, report: Report): string | null {
  // Links point into this repository only (the report is only as trustworthy as the workflow that wrote it).
  const run = context.payload.check_run;
  const claimedRun = report.run?.runUrl ?? run.details_url ?? null;
  return claimedRun?.startsWith(`${context.payload.repository.html_url}/actions/runs/`) ? claimedRun : (run.html_url ?? null);
}

/**
 * The report as the pull request sees it: an override or a change-class grant that failed verification (or could
 * not be checked yet) does not let the deploy through on the comment either; the alert issue has the details.
 */
function shownReport(report: Report, override: OverrideOutcome | null, grant: OverrideOutcome | null): Report {
  if (report.decision.overridden && override?.verified !== true) {
    const note = override
      ? `A claimed override could not be verified and is not on record (alert issue #${override.alert}).`
      : 'A claimed override is not yet verified.';
    return {
      ...report,
      override: null,
      decision: { ...report.decision, canDeploy: false, overridden: false, reasons: [note, ...report.decision.reasons] },
    };
  }
  if (isClassGrant(report) && grant?.verified !== true) {
    const note = grant
      ? `A claimed change-class grant could not be verified and is not on record (alert issue #${grant.alert}).`
      : 'A claimed change-class grant is not yet verified.';
    const changeClass = { ...report.decision.changeClass!, allowedThrough: false };
    // The gate's sentence that the class let it through (apply-change-class.ts) no longer holds.
    const reasons = report.decision.reasons.filter((r) => !r.startsWith(`Allowed as a ${changeClass.name} deploy`));
    return { ...report, decision: { ...report.decision, canDeploy: false, changeClass, reasons: [note, ...reasons] } };
  }
  return report;
}

async function explainOnPullRequests(
  context: Context<'check_run.completed'>,
  client: GitHubClient,
  deps: CheckRunDeps,
  report: Report,
): Promise<void> {
  const { config, lock } = deps;
  const run = context.payload.check_run;
  const installationId = context.payload.installation?.id ?? 'none';
  const { owner, repo } = context.repo();
  const repoUrl = context.payload.repository.html_url;
  const workflowFile = report.run?.workflowPath?.split('/').pop();
  const ctx: CommentContext = {
    runUrl: trustedRunUrl(context, report),
    workflowUrl: workflowFile ? `${repoUrl}/actions/workflows/${encodeURIComponent(workflowFile)}` : null,
    sha: run.head_sha,
  };
  const blocked = !report.decision.canDeploy;
  const body = blocked ? renderBlockedComment(report, ctx) : renderAllowedComment(report, ctx);
  const pulls = await findPullRequests(
    client,
    { owner, repo, repoId: context.payload.repository.id, sha: run.head_sha },
    run.pull_requests,
  );
  const failures: unknown[] = [];
  for (const issue of pulls) {
    try {
      // One delivery at a time per pull request and environment (across instances with Redis): a burst of
      // check runs then edits one comment instead of racing to create several and deleting all but one.
      const outcome = await lock.run(`${owner}/${repo}#${issue}:comment:${report.environment}`, () =>
        upsertPrComment(client, {
          owner,
          repo,
          issue,
          appId: config.appId,
          marker: commentMarker(report.environment),
          body,
          // GitHub numbers check runs in the order it creates them: a report handled late never replaces a newer one.
          version: { checkRunId: run.id, completedAt: run.completed_at ?? null },
          // An allowed deploy edits an earlier block; it never starts a new comment.
          create: blocked,
          memory: deps.comments.slot({ installationId, owner, repo, issue, environment: report.environment }),
        }),
      );
      context.log.info({ pull: issue, outcome, environment: report.environment }, 'pull request comment');
    } catch (error: unknown) {
      // One pull request's failure must not keep the others uninformed.
      context.log.error({ pull: issue, err: error }, 'pull request comment failed');
      failures.push(error);
    }
  }
  if (failures.length > 0)
    throw failures.length === 1 ? failures[0] : new AggregateError(failures, `${failures.length} pull-request comments failed`);
}

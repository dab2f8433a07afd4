/**
 * The Action: read inputs once, run the shared gate, set outputs, publish the
 * report, and call setFailed at most once. The job summary is written in
 * `finally`, so even a failed evaluation leaves an explanation, and a run that
 * fails before it has a report (a bad input, a broken policy file) still writes
 * one: status UNKNOWN with the error in `reasons`, at `report-path`, which it sets.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from './runner.js';
import { canonicalEnumValue } from '../core/policy/enum-schema.js';
import { PolicyError } from '../core/policy/policy-error.js';
import { expectedOneOf } from '../core/policy/policy-issues.js';
import { PrometheusQueryError } from '../core/prometheus/query-error.js';
import { renderSummary, tableCell } from '../core/render/render-summary.js';
import { isClassGrant } from '../core/audit/class-grant-record.js';
import { oidcAudience, reportDigest } from '../core/report/report-digest.js';
import { errorReport, policyErrorReasons, type RawInputs } from '../core/report/error-report.js';
import type { Report } from '../core/report/report-schema.js';
import { messageOf } from '../github/client.js';
import { createCheckRun } from '../github/create-check-run.js';
import { createGitHubClient } from '../github/rest-client.js';
import { runGate } from '../gate/run-gate.js';
import type { VerifyClock } from '../verify/watch-slos.js';
import { parseActionInputs, readRawActionInputs, type ActionInputs } from './read-inputs.js';
import { requestOidcToken } from './request-oidc-token.js';
import { branchOf, runInfoFromEnv } from './run-info.js';
import { setErrorOutputs, setReportOutputs } from './set-outputs.js';

function defaultReportPath(): string {
  return path.join(process.env.RUNNER_TEMP ?? process.cwd(), 'deploy-governor-report.json');
}

/**
 * Binds an overridden report, or one its change class let through, to this run: an OIDC token whose audience is the
 * report's digest, so the app can tell the report came from this run unchanged. Without one the deploy still goes
 * through (the gate authorized it through the API); the app just will not log it, and the warning says how to fix that.
 */
async function withProvenance(report: Report): Promise<Report> {
  const what = report.decision.overridden ? 'override' : 'change-class grant';
  const result = await requestOidcToken(oidcAudience(reportDigest(report)));
  if ('token' in result) return { ...report, provenance: { oidcToken: result.token } };
  if ('missing' in result) {
    core.warning(
      `deploy-governor: the deploy-governor app will not log this ${what} without an OIDC token binding the report to this run: add "permissions: id-token: write" to the job`,
    );
  } else {
    core.warning(
      `deploy-governor: could not get an OIDC token for this ${what}, so the deploy-governor app will not log it: ${result.error}`,
    );
  }
  return report;
}

/**
 * The report of a run that failed before it had one, at the report-path input (or the default) and in the
 * outputs. Returns false when even that cannot be written: the caller then sets the plain error outputs.
 */
async function writeErrorReport(raw: RawInputs, error: unknown, failure: string): Promise<boolean> {
  try {
    const report = errorReport({
      inputs: raw,
      reasons: error instanceof PolicyError ? policyErrorReasons(error) : [failure],
      now: new Date(),
      run: runInfoFromEnv(),
    });
    const reportPath = path.resolve(raw['report-path']?.trim() || defaultReportPath());
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    setReportOutputs(report, reportPath);
    return true;
  } catch (writeError: unknown) {
    core.warning(`deploy-governor could not write the error report: ${messageOf(writeError)}`);
    return false;
  }
}

/** Expected failures print their message only; anything else is a bug worth its stack in debug logs. */
function describeFailure(error: unknown): string {
  if (error instanceof PolicyError || error instanceof PrometheusQueryError) return error.message;
  if (error instanceof Error && error.stack) core.debug(error.stack);
  return `deploy-governor failed unexpectedly: ${messageOf(error)}`;
}

/**
 * Posts a blocked or overridden deploy to the `notify-webhook-url` input's chat webhook. Loaded on demand
 * (a run without the input pays nothing for it); a failure is a warning, never a failed gate.
 */
async function notifyChat(notify: NonNullable<ActionInputs['notify']>, report: Report): Promise<void> {
  try {
    const [{ blockedNotification, overrideNotification }, { renderNotification }, { postWebhook }] = await Promise.all([
      import('../core/notify/notification.js'),
      import('../core/notify/notify-formats.js'),
      import('../notify/post-webhook.js'),
    ]);
    const repository = report.run?.repository ?? 'unknown repository';
    const runUrl = report.run?.runUrl ?? null;
    const notification = report.decision.overridden
      ? overrideNotification(report, repository, runUrl)
      : report.decision.canDeploy
        ? null
        : blockedNotification(report, repository, runUrl);
    if (!notification) return;
    const outcome = await postWebhook(notify.url, renderNotification(notify.format, notification));
    if (outcome.ok) core.info(`deploy-governor: ${notification.kind} notification sent (${notify.format})`);
    else core.warning(`deploy-governor: the ${notification.kind} notification was not sent: ${outcome.error}`);
  } catch (error: unknown) {
    core.warning(`deploy-governor: the notification was not sent: ${messageOf(error)}`);
  }
}

/** The step's phase (`phase` input): `gate` before the deploy (the default), `verify` after it. */
const PHASES = ['gate', 'verify'] as const;

/**
 * The Action, in the phase its input names.
 * @param options.clock the verify phase's time (tests pin it); default the wall clock
 */
export async function run(options: { clock?: VerifyClock } = {}): Promise<void> {
  // A freeze request gates nothing (loaded on demand, like the verify phase); it takes the step whatever the phase.
  const freezeCommand = core.getInput('freeze-command');
  if (freezeCommand.trim() !== '') return (await import('./run-freeze-request.js')).runFreezeRequest(freezeCommand);
  const given = core.getInput('phase');
  const phase = given === '' ? 'gate' : canonicalEnumValue(PHASES, given);
  if (phase === undefined) {
    core.setFailed(new PolicyError('action inputs', [{ path: 'phase', message: expectedOneOf(PHASES, given) }]).message);
    return;
  }
  // Loaded on demand: the gate's start-up pays nothing for the verify phase.
  if (phase === 'verify') return (await import('./run-verify-phase.js')).runVerifyPhase(options.clock);
  return runGatePhase();
}

async function runGatePhase(): Promise<void> {
  let report: Report | null = null;
  let failure: string | null = null;
  let reportMode = false;
  // Debug timings (ACTIONS_STEP_DEBUG): where a slow gate spends its time.
  core.debug(`deploy-governor: started ${Math.round(process.uptime() * 1000)} ms after the process`);
  let raw: RawInputs = {};
  let reportWritten = false;
  try {
    raw = readRawActionInputs();
    const inputs = parseActionInputs(raw);
    reportMode = inputs.gate.mode === 'report';
    const runInfo = runInfoFromEnv();
    const [owner, repo] = (runInfo?.repository ?? '/').split('/');
    const gh = inputs.githubToken && owner && repo ? { client: createGitHubClient(inputs.githubToken), owner, repo } : null;

    const policyToken = inputs.policyToken ?? inputs.githubToken;
    const outcome = await runGate({
      inputs: inputs.gate,
      env: process.env,
      root: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      run: runInfo,
      github: gh,
      parents: {
        client: policyToken ? createGitHubClient(policyToken) : null,
        reader: 'action',
        repository: runInfo?.repository ?? null,
        missing: 'set the policy-token input to a token with contents: read on the repository it names',
      },
      target: { repository: runInfo?.repository ?? null, branch: branchOf(runInfo?.ref ?? null) },
      // Read only when the policy sets freezes.app; the organisation's `.github` with the token that reads its policy.
      freezes: {
        client: gh?.client ?? null,
        orgClient: inputs.policyToken ? createGitHubClient(inputs.policyToken) : null,
        repository: runInfo?.repository ?? null,
      },
    });
    for (const secret of outcome.policy.prometheus?.secrets ?? []) core.setSecret(secret);
    for (const warning of outcome.warnings) core.warning(`deploy-governor: ${warning}`);
    report = outcome.report;
    // Only an override or a change-class grant (both recorded by the app) pays for the token request.
    if (report.decision.overridden || isClassGrant(report)) report = await withProvenance(report);
    core.debug(`deploy-governor: evaluated ${report.prometheus.queries} queries by ${Math.round(process.uptime() * 1000)} ms`);
    reportMode = report.decision.mode === 'report';

    const reportPath = path.resolve(inputs.gate['report-path'] ?? defaultReportPath());
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    setReportOutputs(report, reportPath);
    reportWritten = true;
    // The decision is made: tell the chat before anything else can fail (it never throws).
    if (inputs.notify) await notifyChat(inputs.notify, report);

    if (gh && runInfo?.sha) {
      const check = await createCheckRun(
        gh.client,
        { owner: gh.owner, repo: gh.repo, sha: runInfo.sha, detailsUrl: runInfo.runUrl },
        report,
        renderSummary(report),
      );
      if (!check.created) core.notice(`deploy-governor: ${check.reason}`);
    }

    const d = report.decision;
    if (d.status === 'UNKNOWN' && d.canDeploy)
      core.warning(`deploy-governor could not evaluate the policy; on-error: allow lets the deploy through. ${d.reasons.join(' ')}`);
    if (d.overridden) core.warning(`deploy-governor: blocked deploy (${d.status}) allowed by override: ${report.override?.reason ?? ''}`);
    if (!d.canDeploy) {
      failure = `Deploy blocked: status ${d.status}${d.reasons.length > 0 ? `: ${d.reasons.join('; ')}` : ''}`;
    }
    core.info(`deploy-governor: ${d.canDeploy ? 'deploy allowed' : 'deploy blocked'} (status ${d.status})`);
  } catch (error: unknown) {
    failure = describeFailure(error);
    // Machine output always: a report that says why, unless one was already written (then the outputs say it).
    if (reportWritten || !(await writeErrorReport(raw, error, failure))) setErrorOutputs(failure);
  } finally {
    try {
      const markdown = report
        ? renderSummary(report)
        : `## deploy-governor — ⚪ BLOCKED — UNKNOWN\n\nThe gate could not run, so it fails closed:\n\n${(failure ?? 'unknown error')
            .split('\n')
            .map((l) => `> ${tableCell(l)}`)
            .join('\n')}\n`;
      core.appendSummary(markdown);
    } catch (error: unknown) {
      core.warning(`deploy-governor could not write the job summary: ${messageOf(error)}`);
    }
  }
  core.debug(`deploy-governor: done by ${Math.round(process.uptime() * 1000)} ms`);
  if (failure !== null) {
    if (reportMode) core.error(`${failure} (mode: report, so the step does not fail)`);
    else core.setFailed(failure);
  }
}

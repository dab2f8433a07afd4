/**
 * The Action's `phase: verify`: after the deploy, read the gate step's report
 * (`report-path`), bake (src/verify/run-verify.ts), write the verdict
 * (`verdict-path`), set the outputs, publish the check run `deploy-governor /
 * <environment> / verify` and the job summary, and fail the step unless the
 * verdict passed (in `mode: report`, only an error annotation).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from './runner.js';
import { PolicyError } from '../core/policy/policy-error.js';
import { policyErrorFromZod } from '../core/policy/policy-issues.js';
import { formatBurnRate, numberOutput } from '../core/render/format-values.js';
import { tableCell } from '../core/render/render-summary.js';
import { renderVerificationMarkdown } from '../core/verify/render-verification.js';
import type { Verification } from '../core/verify/verification-schema.js';
import { verifyInputsSchema, type VerifyInputs } from '../core/verify/verify-inputs.js';
import { messageOf } from '../github/client.js';
import { createVerifyCheckRun } from '../github/create-verify-check-run.js';
import { createGitHubClient } from '../github/rest-client.js';
import { runVerify } from '../verify/run-verify.js';
import type { VerifyClock } from '../verify/watch-slos.js';
import { parseActionInputs, readRawActionInputs } from './read-inputs.js';
import { branchOf, runInfoFromEnv } from './run-info.js';

function tempPath(file: string): string {
  return path.join(process.env.RUNNER_TEMP ?? process.cwd(), file);
}

/** The verify step's own inputs, validated once; a bad one names the input. */
function readVerifyInputs(): VerifyInputs {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(verifyInputsSchema.shape)) raw[name] = core.getInput(name);
  const parsed = verifyInputsSchema.safeParse(raw);
  if (!parsed.success) throw policyErrorFromZod(parsed.error, raw, 'input', 'action inputs');
  return parsed.data;
}

function setVerifyOutputs(v: Verification, verdictPath: string): void {
  core.setOutput('verdict', v.verdict);
  core.setOutput('regressed', String(v.regressed));
  core.setOutput('burn-before', numberOutput(v.burnBefore));
  core.setOutput('burn-after', numberOutput(v.burnAfter));
  core.setOutput('recommendation', v.recommendation ?? '');
  core.setOutput('verdict-path', verdictPath);
}

/** Outputs when no verdict exists: unknown, not regressed, with the error as the recommendation's reason. */
function setVerifyErrorOutputs(): void {
  core.setOutput('verdict', 'unknown');
  core.setOutput('regressed', 'false');
  core.setOutput('burn-before', '');
  core.setOutput('burn-after', '');
  core.setOutput('recommendation', '');
  core.setOutput('verdict-path', '');
}

/** Expected failures print their message only; anything else is a bug worth its stack in debug logs. */
function describeFailure(error: unknown): string {
  if (error instanceof PolicyError) return error.message;
  if (error instanceof Error && error.stack) core.debug(error.stack);
  return `deploy-governor verify failed unexpectedly: ${messageOf(error)}`;
}

/** @param clock the bake's time (tests pin it); default the wall clock */
export async function runVerifyPhase(clock?: VerifyClock): Promise<void> {
  let verification: Verification | null = null;
  let failure: string | null = null;
  let reportMode = false;
  try {
    const inputs = parseActionInputs(readRawActionInputs());
    const verifyInputs = readVerifyInputs();
    const runInfo = runInfoFromEnv();
    const [owner, repo] = (runInfo?.repository ?? '/').split('/');
    const policyToken = inputs.policyToken ?? inputs.githubToken;
    const outcome = await runVerify({
      inputs: inputs.gate,
      verifyInputs,
      reportPath: path.resolve(inputs.gate['report-path'] ?? tempPath('deploy-governor-report.json')),
      env: process.env,
      root: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      run: runInfo,
      host: 'action',
      ...(clock ? { clock } : {}),
      parents: {
        client: policyToken ? createGitHubClient(policyToken) : null,
        reader: 'action',
        repository: runInfo?.repository ?? null,
        missing: 'set the policy-token input to a token with contents: read on the repository it names',
      },
      target: { repository: runInfo?.repository ?? null, branch: branchOf(runInfo?.ref ?? null) },
      onPoll: (poll, index) => {
        const rates = [...poll.readings].map(([name, r]) => `${name} ${r.state === 'measured' ? formatBurnRate(r.burnRate) : r.state}`);
        core.info(`deploy-governor verify: poll ${index} at ${poll.at.toISOString()}: ${rates.join(', ')}`);
      },
    });
    for (const secret of outcome.policy.prometheus?.secrets ?? []) core.setSecret(secret);
    verification = outcome.verification;
    reportMode = outcome.policy.mode === 'report';

    const verdictPath = path.resolve(verifyInputs['verdict-path'] ?? tempPath('deploy-governor-verdict.json'));
    await mkdir(path.dirname(verdictPath), { recursive: true });
    await writeFile(verdictPath, `${JSON.stringify(verification, null, 2)}\n`);
    setVerifyOutputs(verification, verdictPath);

    if (inputs.githubToken && owner && repo && runInfo?.sha) {
      const check = await createVerifyCheckRun(
        createGitHubClient(inputs.githubToken),
        { owner, repo, sha: runInfo.sha, detailsUrl: runInfo.runUrl },
        verification,
        renderVerificationMarkdown(verification),
      );
      if (!check.created) core.notice(`deploy-governor: ${check.reason}`);
    }
    if (!verification.passed) {
      failure = `Deploy verification ${verification.verdict}: ${verification.reasons[0] ?? ''}${verification.recommendation ? `. ${verification.recommendation}` : ''}`;
    }
    core.info(`deploy-governor verify: ${verification.verdict} after ${verification.polls} of ${verification.plannedPolls} polls`);
  } catch (error: unknown) {
    failure = describeFailure(error);
    setVerifyErrorOutputs();
  } finally {
    try {
      core.appendSummary(
        verification
          ? renderVerificationMarkdown(verification)
          : `## deploy-governor verify — ⚪ UNKNOWN\n\nThe verification could not run, so it fails closed:\n\n${(failure ?? 'unknown error')
              .split('\n')
              .map((l) => `> ${tableCell(l)}`)
              .join('\n')}\n`,
      );
    } catch (error: unknown) {
      core.warning(`deploy-governor could not write the job summary: ${messageOf(error)}`);
    }
  }
  if (failure !== null) {
    if (reportMode) core.error(`${failure} (mode: report, so the step does not fail)`);
    else core.setFailed(failure);
  }
}

/**
 * The Action's `freeze-command` mode (issue 15): a workflow_dispatch job asks
 * the deploy-governor app to `/freeze` or `/unfreeze`. The step gates nothing:
 * it checks the command with the app's own parser (a mistake fails the step
 * with the parser's message, and nothing is sent), asks the runner for the
 * run's OIDC token with the request's digest as its audience, and publishes the
 * request and the token as the check run `deploy-governor / freeze-request`.
 * The app believes none of it on its own: it verifies the token and acts as the
 * token's triggering actor, if their role allows (app/freezes/freeze-dispatch.ts).
 */
import * as core from './runner.js';
import { parseFreezeCommand } from '../core/freeze/freeze-command.js';
import { embedFreezeRequest, FREEZE_REQUEST_CHECK_NAME, freezeRequestDigest, type FreezeRequest } from '../core/freeze/freeze-request.js';
import { oidcAudience } from '../core/report/report-digest.js';
import { messageOf } from '../github/client.js';
import { publishCheckRun } from '../github/create-check-run.js';
import { createGitHubClient } from '../github/rest-client.js';
import { requestOidcToken } from './request-oidc-token.js';
import { runInfoFromEnv } from './run-info.js';
import { setFreezeRequestOutputs } from './set-outputs.js';

/** A failure of this mode: its message is the step's. */
class FreezeRequestError extends Error {}

/** The request for this run, or a FreezeRequestError naming what is missing or wrong. */
function buildRequest(input: string): FreezeRequest {
  const command = input.trim();
  // Any valid environment name passes here; the app checks it against the policy's environments.
  const parsed = parseFreezeCommand(command, { environments: [], now: new Date() });
  if (parsed === null) {
    throw new FreezeRequestError(
      `the freeze-command input ${JSON.stringify(command.slice(0, 100))} is not a command: expected \`/freeze <environment|all> <duration|until time> <reason>\` or \`/unfreeze <environment|all>\``,
    );
  }
  if (parsed.kind === 'invalid') throw new FreezeRequestError(`the freeze-command input: ${parsed.message}`);
  const run = runInfoFromEnv();
  if (!run?.repository || run.runId === null || run.runAttempt === null) {
    throw new FreezeRequestError(
      'freeze-command runs in a GitHub Actions job: GITHUB_REPOSITORY, GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT are required',
    );
  }
  return { kind: 'freeze-request', repository: run.repository, command, runId: run.runId, runAttempt: run.runAttempt };
}

async function publish(command: string): Promise<{ request: FreezeRequest; checkRun: { id: number; url: string | null } }> {
  const request = buildRequest(command);
  const run = runInfoFromEnv()!;
  const githubToken = core.getInput('github-token');
  if (!githubToken || !run.sha) throw new FreezeRequestError('freeze-command needs the github-token input (checks: write) and GITHUB_SHA');
  const token = await requestOidcToken(oidcAudience(freezeRequestDigest(request)));
  if ('missing' in token) {
    throw new FreezeRequestError(
      'freeze-command needs the run\'s OIDC token, which binds the request to this run: add "permissions: id-token: write" to the job',
    );
  }
  if ('error' in token) throw new FreezeRequestError(`could not get the run's OIDC token: ${token.error}`);
  const [owner = '', repo = ''] = request.repository.split('/');
  const check = await publishCheckRun(
    createGitHubClient(githubToken),
    { owner, repo, sha: run.sha, detailsUrl: run.runUrl },
    {
      name: FREEZE_REQUEST_CHECK_NAME,
      conclusion: 'neutral',
      title: `Freeze request: ${request.command.split('\n', 1)[0]!.slice(0, 100)}`,
      summary: `The deploy-governor app verifies this run's OIDC token and, if the person who ran the workflow has the role the policy's \`freezes.permission\` asks for (default maintain), acts as for their \`${request.command.split(/\s/, 1)[0]}\` comment.`,
      text: embedFreezeRequest(request, token.token),
      tooLarge: 'The freeze request exceeds the check-run size limit.',
      publishes: 'the freeze request for the deploy-governor app',
    },
  );
  if (!check.created) throw new FreezeRequestError(check.reason);
  return { request, checkRun: { id: check.id, url: check.url } };
}

/** Runs the mode; the step fails (setFailed) on any mistake, before anything is sent where it can. */
export async function runFreezeRequest(command: string): Promise<void> {
  try {
    const { request, checkRun } = await publish(command);
    setFreezeRequestOutputs(checkRun.id);
    core.info(
      `deploy-governor: freeze request published as check run ${checkRun.id} (run ${request.runId}, attempt ${request.runAttempt})`,
    );
    core.appendSummary(
      `## deploy-governor — freeze request\n\nPublished \`${request.command.split('\n', 1)[0]!.replace(/`/g, "'")}\` for the deploy-governor app${checkRun.url ? ` ([check run](${checkRun.url}))` : ''}. The app verifies this run's token and the role of who ran it; a freeze it sets is an issue labelled \`deploy-freeze\`.\n`,
    );
  } catch (error: unknown) {
    if (!(error instanceof FreezeRequestError) && error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(
      error instanceof FreezeRequestError
        ? `deploy-governor: ${error.message}`
        : `deploy-governor failed unexpectedly: ${messageOf(error)}`,
    );
  }
}

/**
 * Freezes from a workflow_dispatch run (issue 15): the Action's `freeze-command`
 * input publishes the check run `deploy-governor / freeze-request` carrying the
 * request and the run's OIDC token (src/core/freeze/freeze-request.ts). Nothing
 * the job wrote is believed on its own: a writer can run any workflow from their
 * own branch, and its GITHUB_TOKEN acts as github-actions[bot]. So the check run
 * must be GitHub Actions', and the token (verified like an override's: issuer,
 * signature, expiry, the request's digest as its audience) must say the run was
 * this repository's, dispatched, from the default branch or a ref the policy's
 * `overrides.refs` names, and be the run attempt the request names. The person is
 * the token's `triggering_actor` (else `actor`), never a name from the request,
 * and their role is read from GitHub by `runFreezeCommand`, which then acts
 * exactly as for their `/freeze` or `/unfreeze` comment.
 *
 * Each run attempt counts once: its key keys the freeze issue (a redelivery or a
 * replayed check run opens nothing new), and the command's time is the token's
 * `iat` (signed), so a replayed `/unfreeze` lifts no freeze set after it. A run
 * has no issue to reply on (and GitHub Actions' check runs cannot be edited by
 * another app): the outcome is logged, and a freeze's issue links the run.
 */
import type { Logger } from 'probot';
import { isFreezeCommand } from '../../src/core/freeze/freeze-command.js';
import { FREEZE_REQUEST_CHECK_NAME, extractFreezeRequest, freezeRequestDigest } from '../../src/core/freeze/freeze-request.js';
import { checkRunTokenClaims, showClaim } from '../../src/core/override/run-token-claims.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { oidcAudience } from '../../src/core/report/report-digest.js';
import { readRepoPolicy } from '../../src/github/read-repo-policy.js';
import type { RunTokenVerifier } from '../../src/oidc/verify-run-token.js';
import type { IssueLock } from '../issue-lock.js';
import type { FreezeDeps } from './freeze-deps.js';
import { runFreezeCommand } from './run-freeze-command.js';

/** Whether a check run is a freeze request (the gate's are `deploy-governor / <environment>`). */
export function isFreezeRequestCheckRun(name: string): boolean {
  return name === FREEZE_REQUEST_CHECK_NAME;
}

/** The check run as the signed `check_run.completed` event carries it, and the repository it lives in. */
export interface FreezeDispatch {
  deps: FreezeDeps;
  lock: IssueLock;
  verifier: RunTokenVerifier;
  owner: string;
  repo: string;
  /** The repository's default branch and web address, from the webhook. */
  defaultBranch: string;
  repositoryUrl: string;
  checkRun: { id: number; headSha: string; appSlug: string | null; text: string | null };
}

/** The refs the run may come from: the default branch, and the policy's `overrides.refs` (none when the policy is invalid). */
async function allowedRefs(d: FreezeDispatch, log: Logger): Promise<string[]> {
  const refs = [`refs/heads/${d.defaultBranch}`];
  try {
    const file = await readRepoPolicy(d.deps.client, d.owner, d.repo);
    return [...refs, ...(file.overrides?.refs ?? [])];
  } catch (error: unknown) {
    if (!(error instanceof PolicyError)) throw error;
    log.warn({ err: error.message }, 'policy invalid; a freeze request is accepted from the default branch only');
    return refs;
  }
}

/**
 * Verifies a freeze request's check run and runs its command as its triggering actor's. A request that does not
 * verify changes nothing and is logged with every reason; an unreachable issuer throws, so the delivery is retried.
 */
export async function runFreezeDispatch(d: FreezeDispatch): Promise<void> {
  const { log } = d.deps;
  const at = { checkRun: d.checkRun.id, repository: `${d.owner}/${d.repo}` };
  const refuse = (problems: string[]) => log.warn({ ...at, problems }, 'freeze request refused');
  // A writer's workflow creates check runs as GitHub Actions too, but only GitHub Actions can carry a run's token.
  if (d.checkRun.appSlug !== 'github-actions') {
    refuse([`the check run was created by ${showClaim(d.checkRun.appSlug)}, not GitHub Actions`]);
    return;
  }
  const found = extractFreezeRequest(d.checkRun.text);
  if (!found) {
    refuse(['the check run carries no well-formed freeze request']);
    return;
  }
  const { request, oidcToken } = found;
  if (!isFreezeCommand(request.command)) {
    refuse([`the request's command ${showClaim(request.command)} is not a /freeze or /unfreeze command`]);
    return;
  }
  const repository = `${d.owner}/${d.repo}`;
  if (request.repository.toLowerCase() !== repository.toLowerCase()) {
    refuse([`the request names the repository ${showClaim(request.repository)}, not ${showClaim(repository)}`]);
    return;
  }
  const verdict = await d.verifier.verify(oidcToken, oidcAudience(freezeRequestDigest(request)));
  if (!verdict.ok) {
    if (verdict.transient) throw new Error(`the OIDC issuer could not be reached to verify a freeze request: ${verdict.problem}`);
    refuse([verdict.problem]);
    return;
  }
  const { claims } = verdict;
  // Who started this attempt, as GitHub signed it; the request names nobody.
  const actor = [claims.triggering_actor, claims.actor].find((v): v is string => typeof v === 'string' && v !== '');
  const issuedAt = typeof claims.iat === 'number' && Number.isFinite(claims.iat) ? new Date(claims.iat * 1000) : null;
  if (actor === undefined || issuedAt === null) {
    refuse([`the OIDC token names no ${actor === undefined ? '"triggering_actor" or "actor"' : '"iat"'}`]);
    return;
  }
  const problems = checkRunTokenClaims(claims, {
    repository,
    runId: request.runId,
    runAttempt: request.runAttempt,
    actor,
    sha: d.checkRun.headSha,
    allowedRefs: await allowedRefs(d, log),
  });
  if (problems.length > 0) {
    refuse(problems);
    return;
  }
  log.info({ ...at, run: request.runId, attempt: request.runAttempt, actor }, 'freeze request verified');
  await runFreezeCommand({
    deps: d.deps,
    lock: d.lock,
    owner: d.owner,
    repo: d.repo,
    sender: actor,
    issue: null,
    run: {
      id: request.runId,
      attempt: request.runAttempt,
      url: `${d.repositoryUrl}/actions/runs/${request.runId}/attempts/${request.runAttempt}`,
    },
    comment: { body: request.command, createdAt: issuedAt.toISOString() },
  });
}

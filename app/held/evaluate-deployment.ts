/**
 * The protection rule's evaluation of one deployment, shared by the webhook
 * handler (its first answer) and the re-evaluation of held deployments: the
 * freezes on command in force (expired ones closed on the way), then the
 * repository's policy through the gate service for the environment and branch,
 * then, through the gate's shared sequence (src/gate/apply-class-and-debts.ts),
 * the change class of a blocked deployment, read from GitHub for the deployed
 * commit with the installation's token, and the overdue postmortem action
 * items this app opened.
 */
import type { Logger } from 'probot';
import { activeCommandFreezes } from '../../src/core/freeze/freeze-command.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { PrometheusQueryError } from '../../src/core/prometheus/query-error.js';
import type { GitHubClient } from '../../src/github/client.js';
import { readFreezesInScope } from '../../src/github/freeze-issues.js';
import type { GateEvaluation } from '../../src/gate/evaluate-gate.js';
import { applyClassAndDebts } from '../../src/gate/apply-class-and-debts.js';
import type { AppConfig } from '../app-config.js';
import type { FreezeServices } from '../freezes/freeze-deps.js';
import { closeExpiredFreezes } from '../freezes/run-freeze-command.js';
import { DisallowedPrometheus } from '../prometheus-target.js';
import { evaluateForRepository } from '../repository-gate.js';

/**
 * The branch a deployment's ref names, for the policy's `applies-to`: `refs/heads/x` or a bare name is a branch;
 * another full ref (a tag) or a commit SHA is none (null: a branch-scoped rule then applies, failing closed).
 */
function deployedBranch(ref: string | null | undefined): string | null {
  if (!ref) return null;
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  return ref.startsWith('refs/') || /^[0-9a-f]{40}$/.test(ref) ? null : ref;
}

export interface DeploymentUnderRule {
  owner: string;
  repo: string;
  installationId: number | null;
  environment: string;
  /** The ref deployed (a branch name or a full ref), for `applies-to`. */
  ref: string | null | undefined;
  /** The deployed commit (GitHub's, from the webhook or the run), whose labels, trailer and deployments name its change class. */
  sha: string | null;
}

/** A protection rule is answered by the app, not run in a workflow: nobody can pass it a class. */
const NO_INPUT = 'a deployment protection rule has no change-class input; the class comes from labels, trailers and rollbacks';

/** Evaluates the policy for the deployment at `now`; throws as the gate service does (see isEvaluationError). */
export async function evaluateDeployment(
  o: { config: AppConfig; log: Logger; client: GitHubClient; now: Date; freezes: FreezeServices },
  d: DeploymentUnderRule,
): Promise<GateEvaluation> {
  // Freezes on command (the app's own open deploy-freeze issues). Reading them fails closed, as any evaluation failure does.
  const stored = await readFreezesInScope(o.client, d.owner, d.repo, { appId: o.config.appId });
  // Closing one is announced with its installation; without one (never from GitHub's webhooks) the expiry timer closes it.
  if (d.installationId !== null) {
    const deps = { ...o.freezes, client: o.client, log: o.log, appId: o.config.appId, installationId: d.installationId };
    await closeExpiredFreezes(deps, { owner: d.owner, repo: d.repo }, stored, o.now);
  }
  const evaluation = await evaluateForRepository({
    config: o.config,
    log: o.log,
    owner: d.owner,
    repo: d.repo,
    installationId: d.installationId,
    environment: d.environment,
    branch: deployedBranch(d.ref),
    now: o.now,
    policy: { client: o.client },
    freezes: activeCommandFreezes(stored, d.environment, o.now),
  });
  const report = await applyClassAndDebts(evaluation.report, evaluation.policy, {
    source: evaluation.source,
    now: o.now,
    classify: () => Promise.resolve({ github: { client: o.client, owner: d.owner, repo: d.repo }, sha: d.sha, inputUnavailable: NO_INPUT }),
    debts: {
      client: o.client,
      owner: d.owner,
      repo: d.repo,
      keeper: { appId: o.config.appId },
      advice: 'grant the app the issues: read permission on the repository',
    },
  });
  return { ...evaluation, report };
}

/** An error the repository can fix and is told about (its policy, its queries, its Prometheus), not the app's own failure. */
export function isEvaluationError(error: unknown): boolean {
  return error instanceof PolicyError || error instanceof PrometheusQueryError || error instanceof DisallowedPrometheus;
}

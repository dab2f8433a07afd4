/**
 * The gate service (src/gate/evaluate-gate.ts) as the app runs it for a
 * repository: the policy from the repository's default branch, stripped of any
 * credentials it names; the repository's tenant's Prometheus, chosen by the
 * operator (prometheus-target.ts: tenants file, allow-list, addresses checked
 * after resolution, never a redirect), with the tenant's label matcher enforced
 * and its concurrency cap; every failure reworded so that nothing another
 * tenant owns reaches the repository (redacting-querier.ts), the original logged
 * under the correlation id the repository sees; and the operator's limits on
 * SLOs per policy and queries in flight.
 */
import type { Logger } from 'probot';
import { gateInputsSchema } from '../src/core/policy/inputs.js';
import type { PolicyFile } from '../src/core/policy/schema.js';
import type { ActiveFreeze } from '../src/core/report/report-schema.js';
import type { ResolvedPolicy } from '../src/core/policy/resolve-policy.js';
import type { GitHubClient } from '../src/github/client.js';
import { readExclusionOrigins } from '../src/github/read-exclusion-origins.js';
import { evaluateGate, type GateEvaluation } from '../src/gate/evaluate-gate.js';
import { loadedSource, type PolicySource } from '../src/gate/policy-source.js';
import { repositorySource } from '../src/gate/repository-source.js';
import type { AppConfig } from './app-config.js';
import { withoutCredentials } from './policy-without-credentials.js';
import { choosePrometheus, querierFor } from './prometheus-target.js';

export interface RepositoryGateRequest {
  config: AppConfig;
  log: Logger;
  owner: string;
  repo: string;
  /** The installation the webhook came through (tenants may be assigned by installation); null when unknown. */
  installationId: number | null;
  environment: string;
  /** The branch deployed, for the rules' `applies-to` (unknown: null, so a branch-scoped rule applies). */
  branch?: string | null;
  now: Date;
  /** Where the policy comes from: the repository's default branch, or a policy file the caller already read from it. */
  policy: { client: GitHubClient } | { file: PolicyFile };
  scope?: 'gate' | 'budgets';
  /** Attempts per query (a protection rule has time for two; a postmortem measurement for one). */
  attempts?: number;
  /** Freezes on command in force for the environment. */
  freezes?: readonly ActiveFreeze[];
}

function source(r: RepositoryGateRequest): PolicySource {
  const from =
    'client' in r.policy
      ? repositorySource(r.policy.client, r.owner, r.repo)
      : loadedSource({ file: r.policy.file, source: `${r.owner}/${r.repo}:.github/deploy-governor.yml`, found: true, warnings: [] });
  return { load: async () => ((loaded) => ({ ...loaded, file: withoutCredentials(loaded.file) }))(await from.load()) };
}

function exclusionOriginsFrom(client: GitHubClient, r: RepositoryGateRequest) {
  return (policy: ResolvedPolicy) =>
    readExclusionOrigins(
      client,
      { owner: r.owner, repo: r.repo, path: '.github/deploy-governor.yml', environment: policy.environment },
      policy.exclusions,
    );
}

export async function evaluateForRepository(r: RepositoryGateRequest): Promise<GateEvaluation> {
  const evaluation = await evaluateGate({
    source: source(r),
    inputs: gateInputsSchema.parse({ environment: r.environment }),
    // A repository's policy never reads the app's environment.
    env: {},
    now: r.now,
    run: null,
    scope: r.scope ?? 'gate',
    ...(r.freezes ? { freezes: r.freezes } : {}),
    target: { repository: `${r.owner}/${r.repo}`, branch: r.branch ?? null },
    // The exclusions' dates and authors come from the policy file's history on the default branch, read with the installation's token.
    ...('client' in r.policy ? { exclusionOrigins: exclusionOriginsFrom(r.policy.client, r) } : {}),
    limits: {
      maxSlos: r.config.limits.maxSlosPerPolicy,
      maxConcurrentQueries: r.config.limits.maxConcurrentQueries,
      maxSlosSetBy: "the app's operator (MAX_SLOS_PER_POLICY)",
    },
    querierFor: (policy) => {
      const repository = { owner: r.owner, repo: r.repo, installationId: r.installationId };
      const target = choosePrometheus(policy.prometheus?.url, r.config, repository);
      const querier = querierFor(target, {
        attempts: r.attempts ?? 2,
        onFailure: (ref, error) =>
          r.log.warn(
            { ref, tenant: target.tenant, kind: error.kind, err: error.message, repository: `${r.owner}/${r.repo}` },
            'Prometheus query failed',
          ),
      });
      return { querier, timeoutMs: target.timeoutMs };
    },
  });
  for (const warning of evaluation.warnings) r.log.warn({ repository: `${r.owner}/${r.repo}` }, warning);
  return evaluation;
}

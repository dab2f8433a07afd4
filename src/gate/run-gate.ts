/**
 * The Action's and the CLI's gate: the policy file on disk, Prometheus from the
 * inputs and the policy, evaluated by the gate service (evaluate-gate.ts); then a
 * dispatch override authorized through the GitHub API, and the decision pushed.
 */
import { applyOverride, preflightOverride, type OverrideAttempt } from '../core/override/decide-override.js';
import type { GateInputs } from '../core/policy/inputs.js';
import { PolicyError } from '../core/policy/policy-error.js';
import type { ResolvedPolicy, ResolvedPrometheus } from '../core/policy/resolve-policy.js';
import type { PrometheusQuerier } from '../core/prometheus/querier.js';
import type { Report, RunInfo } from '../core/report/report-schema.js';
import type { GitHubClient } from '../github/client.js';
import { readActorRole, readRunApprovers } from '../github/read-override-authorization.js';
import { PrometheusClient } from '../prometheus/client.js';
import { pushDecision } from '../prometheus/push-decision.js';
import { messageOf } from '../github/client.js';
import { evaluateGate } from './evaluate-gate.js';
import { fileSource } from './file-source.js';

export interface GateRequest {
  inputs: GateInputs;
  /** Environment variables (for bearer-token-env / password-env). */
  env: Readonly<Record<string, string | undefined>>;
  /** Root the config path is relative to (the workspace). */
  root: string;
  now?: Date;
  run: RunInfo | null;
  /** Needed only for overrides. */
  github?: { client: GitHubClient; owner: string; repo: string } | null;
  /** Injectable for tests; defaults to the HTTP client. */
  createQuerier?: (prometheus: ResolvedPrometheus) => PrometheusQuerier;
}

export interface GateOutcome {
  report: Report;
  policy: ResolvedPolicy;
  policySource: string;
  /** Problems that do not change the decision (a failed Pushgateway push). */
  warnings: string[];
}

export async function runGate(request: GateRequest): Promise<GateOutcome> {
  const { inputs } = request;
  const now = request.now ?? new Date();
  const evaluation = await evaluateGate({
    source: fileSource(request.root, inputs.config),
    inputs,
    env: request.env,
    now,
    run: request.run,
    querierFor: (p, source) => {
      if (!p.prometheus) {
        throw new PolicyError(source, [
          { path: 'prometheus.url', message: 'no Prometheus to query: set the prometheus-url input or prometheus.url in the policy file (e.g. https://prometheus.example.com)' },
        ]);
      }
      return (request.createQuerier ?? ((t) => new PrometheusClient({ url: t.url, headers: t.headers, timeoutMs: t.timeoutMs })))(p.prometheus);
    },
  });
  const { policy } = evaluation;
  let report = evaluation.report;
  const level = inputs.override;
  if (level !== undefined && level !== 'none') {
    report = await authorizeOverride(report, policy, { ...request, now }, level);
  }
  const warnings: string[] = [];
  if (inputs['pushgateway-url']) {
    try {
      await pushDecision({ url: inputs['pushgateway-url'], report, repository: request.run?.repository ?? 'unknown', timeoutMs: policy.prometheus?.timeoutMs ?? 10_000, now });
    } catch (error: unknown) {
      // The decision stands; only the governance metric is lost.
      warnings.push(messageOf(error));
    }
  }
  return { report, policy, policySource: evaluation.source, warnings };
}

async function authorizeOverride(
  report: Report,
  policy: ResolvedPolicy,
  request: GateRequest & { now: Date },
  level: Exclude<GateInputs['override'], 'none' | undefined>,
): Promise<Report> {
  const run = request.run;
  const actor = run?.actor ?? 'unknown';
  const base: OverrideAttempt = {
    level,
    reason: request.inputs['override-reason'],
    actor,
    eventName: run?.eventName ?? null,
    role: null,
    approvers: [],
    runId: run?.runId ?? null,
    runAttempt: run?.runAttempt ?? null,
    at: request.now,
  };
  // Cheap refusals first: no API call for a request that cannot pass anyway.
  if (report.decision.canDeploy || preflightOverride(report, base, policy).length > 0) {
    return applyOverride(report, base, policy);
  }
  const github = request.github;
  if (!github) {
    return applyOverride(report, { ...base, roleError: 'no GitHub token to check it with (set github-token)' }, policy);
  }
  const rule = policy.overrides.levels[level];
  const [role, approvals] = await Promise.all([
    readActorRole(github.client, github.owner, github.repo, actor),
    rule.requireEnvironmentApproval && run?.runId != null
      ? readRunApprovers(github.client, github.owner, github.repo, run.runId, policy.environment)
      : Promise.resolve({ approvers: [] as string[] }),
  ]);
  return applyOverride(
    report,
    {
      ...base,
      role: 'role' in role ? role.role : null,
      ...('error' in role ? { roleError: role.error } : {}),
      approvers: 'approvers' in approvals ? approvals.approvers : [],
      ...('error' in approvals ? { approvalsError: approvals.error } : {}),
    },
    policy,
  );
}

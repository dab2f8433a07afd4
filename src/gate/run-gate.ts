/**
 * The gate's orchestration, shared by the Action and the CLI: read the policy,
 * resolve it with the inputs, evaluate against Prometheus at one timestamp, and
 * apply a dispatch override authorized through the GitHub API.
 */
import { evaluatePolicy } from '../core/evaluate/evaluate-policy.js';
import { applyOverride, preflightOverride, type OverrideAttempt } from '../core/override/decide-override.js';
import type { GateInputs } from '../core/policy/inputs.js';
import { PolicyError } from '../core/policy/policy-error.js';
import { resolvePolicy, type ResolvedPolicy, type ResolvedPrometheus } from '../core/policy/resolve-policy.js';
import type { PrometheusQuerier } from '../core/prometheus/querier.js';
import type { Report, RunInfo } from '../core/report/report-schema.js';
import type { GitHubClient } from '../github/client.js';
import { readActorRole, readRunApprovers } from '../github/read-override-authorization.js';
import { PrometheusClient } from '../prometheus/client.js';
import { pushDecision } from '../prometheus/push-decision.js';
import { messageOf } from '../github/client.js';
import { readPolicyFile } from './read-policy-file.js';

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
  const loaded = await readPolicyFile(request.root, inputs.config);
  const policy = resolvePolicy(loaded.file, inputs, request.env, loaded.source);
  if (!policy.prometheus) {
    throw new PolicyError(loaded.source, [
      { path: 'prometheus.url', message: 'no Prometheus to query: set the prometheus-url input or prometheus.url in the policy file (e.g. https://prometheus.example.com)' },
    ]);
  }
  const prometheus = (request.createQuerier ?? ((p) => new PrometheusClient({ url: p.url, headers: p.headers, timeoutMs: p.timeoutMs })))(policy.prometheus);
  const now = request.now ?? new Date();
  let report = await evaluatePolicy({ policy, prometheus, now, run: request.run });
  const level = inputs.override;
  if (level !== undefined && level !== 'none') {
    report = await authorizeOverride(report, policy, { ...request, now }, level);
  }
  const warnings: string[] = [];
  if (inputs['pushgateway-url']) {
    try {
      await pushDecision({ url: inputs['pushgateway-url'], report, repository: request.run?.repository ?? 'unknown', timeoutMs: policy.prometheus.timeoutMs, now });
    } catch (error: unknown) {
      // The decision stands; only the governance metric is lost.
      warnings.push(messageOf(error));
    }
  }
  return { report, policy, policySource: loaded.source, warnings };
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

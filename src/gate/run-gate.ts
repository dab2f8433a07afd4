/**
 * The Action's and the CLI's gate: the policy file on disk, Prometheus from the
 * inputs and the policy, freezes on command when the policy names the app that
 * keeps them (command-freezes.ts), evaluated by the gate service (evaluate-gate.ts); then an
 * override authorized through the GitHub API (the Action's workflow_dispatch
 * input, or the CLI's --override flag by the token's user), and the decision pushed.
 *
 * Errors name their source: a problem with a value that came from an input says
 * so in the host's words (`--caution-threshold` on the command line, the
 * `caution-threshold` input in the Action), not the policy file's.
 */
import { applyOverride, preflightOverride, type OverrideAttempt } from '../core/override/decide-override.js';
import type { GateInputs } from '../core/policy/inputs.js';
import { PolicyError } from '../core/policy/policy-error.js';
import type { ResolvedPolicy, ResolvedPrometheus } from '../core/policy/resolve-policy.js';
import type { PrometheusQuerier } from '../core/prometheus/querier.js';
import type { Report, RunInfo } from '../core/report/report-schema.js';
import type { GitHubClient } from '../github/client.js';
import { readExclusionOrigins } from '../github/read-exclusion-origins.js';
import { readActorRole, readRunApprovers } from '../github/read-override-authorization.js';
import type { ExclusionOrigins } from '../core/exclusions/admit-exclusions.js';
import { readTokenUser } from '../github/read-token-user.js';
import { PrometheusClient } from '../prometheus/client.js';
import { pushDecision } from '../prometheus/push-decision.js';
import { messageOf } from '../github/client.js';
import { ADVICE, commandFreezeReader, type FreezeAccess } from './command-freezes.js';
import { applyClassAndDebts } from './apply-class-and-debts.js';
import { evaluateGate } from './evaluate-gate.js';
import { fileSource } from './file-source.js';
import { INPUT_LOCK_PATHS } from '../core/policy/inherit/locks.js';
import type { PolicyChain } from '../core/policy/inherit/resolve-chain.js';
import type { RuleTarget } from '../core/policy/inherit/applies-to.js';
import type { ParentAccess } from './read-policy-file.js';

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
  /** Why `github` is missing, for an override's refusal (default: the host's usual advice). */
  githubUnavailable?: string;
  /** Who runs the gate: the Action (default) or the CLI. Decides the override's actor and the words of errors. */
  host?: GateHost;
  /** Injectable for tests; defaults to the HTTP client. */
  createQuerier?: (prometheus: ResolvedPrometheus) => PrometheusQuerier;
  /** How the files the policy `extends` are read (null: no token, so such a policy is refused). */
  parents?: ParentAccess | null;
  /** The repository and branch the rules' `applies-to` is matched against (unknown: null). */
  target?: Omit<RuleTarget, 'environment'>;
  /** How freezes on command are read when the policy sets `freezes.app` (absent: no token, so such a policy is refused). */
  freezes?: Omit<FreezeAccess, 'host'>;
  /** The deployed commit, for the change class's labels, trailer and rollback detection (default: the run's). */
  sha?: string | null;
}

export interface GateOutcome {
  report: Report;
  policy: ResolvedPolicy;
  policySource: string;
  /** Problems that do not change the decision (a failed Pushgateway push). */
  warnings: string[];
  /** The files the policy extends; null when it extends nothing. */
  chain: PolicyChain | null;
}

export type GateHost = 'action' | 'cli';

/** How each host names its inputs in messages. */
const HOST_INPUTS: Record<GateHost, { source: string; name: (input: string) => string }> = {
  action: { source: 'action inputs', name: (input) => input },
  cli: { source: 'command line', name: (input) => `--${input}` },
};

/** Issue paths (as resolvePolicy and the file reader name them) whose value may come from these inputs. */
const INPUTS_OF_PATH: Record<string, readonly (keyof GateInputs)[]> = {
  thresholds: ['caution-threshold', 'warning-threshold', 'freeze-threshold'],
  'slo-target': ['slo-target'],
  'error-query/total-query': ['error-query', 'total-query'],
  environment: ['environment'],
  config: ['config'],
  // An input that loosens a key the organisation locked (core/policy/inherit/locks.ts).
  [INPUT_LOCK_PATHS['block-on']!]: ['block-on'],
  [INPUT_LOCK_PATHS['on-error']!]: ['on-error'],
  [INPUT_LOCK_PATHS.mode!]: ['mode'],
  [INPUT_LOCK_PATHS.thresholds!]: ['caution-threshold', 'warning-threshold', 'freeze-threshold'],
};

/**
 * A policy error whose value came from the inputs, told in the host's words: `--caution-threshold` (or the
 * `caution-threshold` input) rather than `thresholds` in a policy file that may not even exist. Issues the
 * inputs had no part in keep the file as their source.
 */
export function attributeToInputs(error: PolicyError, inputs: GateInputs, host: GateHost): PolicyError {
  const words = HOST_INPUTS[host];
  let attributed = 0;
  const issues = error.issues.map((issue) => {
    const given = (INPUTS_OF_PATH[issue.path] ?? []).filter((name) => inputs[name] !== undefined);
    if (given.length === 0) return issue;
    attributed += 1;
    return { path: given.map(words.name).join(', '), message: issue.message };
  });
  if (attributed === 0) return error;
  // All from the inputs: the inputs are the source. Mixed: keep the file's name, each issue says which is which.
  return new PolicyError(attributed === issues.length ? words.source : error.source, issues);
}

/**
 * The Prometheus the policy names, as the Action's and the CLI's gate (and verify step) query it; without one, an
 * error in the host's words.
 * @throws PolicyError
 */
export function gateQuerier(
  p: ResolvedPolicy,
  source: string,
  host: GateHost,
  createQuerier: GateRequest['createQuerier'],
): { querier: PrometheusQuerier; timeoutMs: number } {
  if (!p.prometheus) {
    throw host === 'cli'
      ? new PolicyError(HOST_INPUTS.cli.source, [
          {
            path: '--prometheus-url',
            message: `no Prometheus to query: pass --prometheus-url (or set PROMETHEUS_URL), or set prometheus.url in ${source} (e.g. https://prometheus.example.com)`,
          },
        ])
      : new PolicyError(source, [
          {
            path: 'prometheus.url',
            message:
              'no Prometheus to query: set the prometheus-url input or prometheus.url in the policy file (e.g. https://prometheus.example.com)',
          },
        ]);
  }
  return {
    querier: (createQuerier ?? ((t) => new PrometheusClient({ url: t.url, headers: t.headers, timeoutMs: t.timeoutMs })))(p.prometheus),
    timeoutMs: p.prometheus.timeoutMs,
  };
}

export async function runGate(request: GateRequest): Promise<GateOutcome> {
  const { inputs } = request;
  const host = request.host ?? 'action';
  const now = request.now ?? new Date();
  let evaluation: Awaited<ReturnType<typeof evaluateGate>>;
  const freezeWarnings: string[] = [];
  try {
    evaluation = await evaluateGate({
      source: fileSource(request.root, inputs.config, request.parents ?? null),
      freezes: commandFreezeReader({ client: null, repository: null, ...request.freezes, host }, now, (w) => freezeWarnings.push(w)),
      ...(request.target ? { target: request.target } : {}),
      inputs,
      env: request.env,
      now,
      run: request.run,
      exclusionOrigins: (p, source) => exclusionOriginsFor(request, host, p, source),
      querierFor: (p, source) => gateQuerier(p, source, host, request.createQuerier),
    });
  } catch (error: unknown) {
    throw error instanceof PolicyError ? attributeToInputs(error, inputs, host) : error;
  }
  const { policy } = evaluation;
  let report = evaluation.report;
  report = await classAndDebtsFor(report, policy, evaluation.source, { ...request, now }, host);
  const level = inputs.override;
  if (level !== undefined && level !== 'none') {
    report = await authorizeOverride(report, policy, { ...request, now }, level);
  }
  const warnings: string[] = [...evaluation.warnings, ...freezeWarnings];
  if (inputs['pushgateway-url']) {
    try {
      await pushDecision({
        url: inputs['pushgateway-url'],
        report,
        repository: request.run?.repository ?? 'unknown',
        timeoutMs: policy.prometheus?.timeoutMs ?? 10_000,
        now,
      });
    } catch (error: unknown) {
      // The decision stands; only the governance metric is lost.
      warnings.push(messageOf(error));
    }
  }
  return { report, policy, policySource: evaluation.source, warnings, chain: evaluation.chain };
}

/**
 * When the policy's exclusions were added, from the policy file's history on GitHub (the run's commit); without a
 * token, unknown: every started exclusion interval then counts against the budget (fail closed).
 */
function exclusionOriginsFor(request: GateRequest, host: GateHost, policy: ResolvedPolicy, source: string): Promise<ExclusionOrigins> {
  const github = request.github;
  if (!github) {
    return Promise.resolve({
      unavailable:
        host === 'cli'
          ? "no GitHub token to read the policy file's history: set GITHUB_TOKEN and pass --repo owner/name"
          : "no GitHub token to read the policy file's history: set the github-token input (contents: read)",
    });
  }
  return readExclusionOrigins(
    github.client,
    {
      owner: github.owner,
      repo: github.repo,
      // The file as read from the workspace (the repository's root), named as in the repository.
      path: source.replace(/^\.\//, ''),
      ...(request.run?.sha ? { ref: request.run.sha } : {}),
      environment: policy.environment,
    },
    policy.exclusions,
  );
}

/**
 * The change class and the overdue postmortem action items (apply-class-and-debts.ts). The class's evidence is read
 * with the job's token; the items with the token that reads freezes on command, from the app the policy's `audit.app`
 * names (the app that opens them is the one that writes the audit log). The input's actor is read only when needed.
 */
function classAndDebtsFor(report: Report, policy: ResolvedPolicy, source: string, request: GateRequest & { now: Date }, host: GateHost) {
  const [owner, repo] = request.freezes?.repository?.split('/') ?? [];
  const classInput = request.inputs['change-class'];
  return applyClassAndDebts(report, policy, {
    source,
    now: request.now,
    classify: async () => ({
      github: request.github ?? null,
      ...(request.githubUnavailable !== undefined ? { githubUnavailable: request.githubUnavailable } : {}),
      sha: request.sha ?? request.run?.sha ?? null,
      ...(classInput !== undefined ? { input: { name: classInput, actor: await classActor(request) } } : {}),
    }),
    debts: {
      client: request.freezes?.client ?? null,
      owner: owner ?? null,
      repo: repo ?? null,
      keeper: { appSlug: policy.audit.app },
      advice: ADVICE[host].token,
    },
  });
}

/** Who gave the change-class input: the run's actor for the Action, the token's user for the CLI (never a name from the command line). */
async function classActor(request: GateRequest): Promise<string> {
  if (request.host !== 'cli') return request.run?.actor ?? 'unknown';
  if (!request.github) return "the token's user";
  const user = await readTokenUser(request.github.client);
  return 'error' in user ? "the token's user" : user.login;
}

async function authorizeOverride(
  report: Report,
  policy: ResolvedPolicy,
  request: GateRequest & { now: Date },
  level: Exclude<GateInputs['override'], 'none' | undefined>,
): Promise<Report> {
  const run = request.run;
  const cli = request.host === 'cli';
  const base: OverrideAttempt = {
    via: cli ? 'cli' : 'action',
    level,
    reason: request.inputs['override-reason'],
    // The CLI's actor is whoever GitHub says the token belongs to (read below), never a name from the command line.
    actor: cli ? "the token's user" : (run?.actor ?? 'unknown'),
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
    const roleError =
      request.githubUnavailable ??
      (cli
        ? 'no GitHub token to check it with: set GITHUB_TOKEN to your own token and pass --repo owner/name'
        : 'no GitHub token to check it with (set github-token)');
    return applyOverride(report, { ...base, roleError }, policy);
  }
  let actor = base.actor;
  if (cli) {
    const user = await readTokenUser(github.client);
    if ('error' in user) return applyOverride(report, { ...base, roleError: user.error }, policy);
    actor = user.login;
  }
  const rule = policy.overrides.levels[level];
  const [role, approvals] = await Promise.all([
    readActorRole(github.client, github.owner, github.repo, actor),
    // The CLI has no workflow run, so no approvals to read: a level that requires them is refused by applyOverride.
    !cli && rule.requireEnvironmentApproval && run?.runId != null
      ? readRunApprovers(github.client, github.owner, github.repo, run.runId, policy.environment)
      : Promise.resolve({ approvers: [] as string[] }),
  ]);
  return applyOverride(
    report,
    {
      ...base,
      actor,
      role: 'role' in role ? role.role : null,
      ...('error' in role ? { roleError: role.error } : {}),
      approvers: 'approvers' in approvals ? approvals.approvers : [],
      ...('error' in approvals ? { approvalsError: approvals.error } : {}),
    },
    policy,
  );
}

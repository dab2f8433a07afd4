/**
 * The gate service: the one way anything evaluates a policy. The Action and the
 * CLI (through run-gate.ts), the app's deployment protection rule and its
 * postmortem budget impact all come here; nothing else builds queries or
 * decides. The host supplies where the policy comes from (`source`) and which
 * Prometheus answers (`querierFor`: the Action's inputs, the app's tenant); the
 * service resolves the policy, applies the limits, and evaluates at one
 * timestamp.
 */
import { evaluatePolicy } from '../core/evaluate/evaluate-policy.js';
import type { ExclusionOrigins } from '../core/exclusions/admit-exclusions.js';
import type { RuleTarget } from '../core/policy/inherit/applies-to.js';
import { inputLockViolations } from '../core/policy/inherit/locks.js';
import type { PolicyChain } from '../core/policy/inherit/resolve-chain.js';
import { gateInputsSchema, type GateInputs } from '../core/policy/inputs.js';
import { PolicyError } from '../core/policy/policy-error.js';
import { resolvePolicy, type ResolvedPolicy } from '../core/policy/resolve-policy.js';
import { DEFAULT_QUERY_CONCURRENCY, limitConcurrency } from '../core/prometheus/limited-querier.js';
import type { PrometheusQuerier } from '../core/prometheus/querier.js';
import type { ActiveFreeze, Report, RunInfo } from '../core/report/report-schema.js';
import type { PolicySource } from './policy-source.js';

/** Bounds on one evaluation, set by whoever pays for it (the app's operator for every tenant). */
interface EvaluationLimits {
  /** Most SLOs a policy may have; a larger one is refused before any query. Unset: no limit (the Action's own runner pays). */
  maxSlos?: number;
  /** Most queries in flight at once for one evaluation (default 8). */
  maxConcurrentQueries?: number;
  /** Who sets maxSlos, for the refusal's fix-it (e.g. "the app's operator (MAX_SLOS_PER_POLICY)"). */
  maxSlosSetBy?: string;
}

interface GateQuerier {
  querier: PrometheusQuerier;
  /** Per-query timeout, in milliseconds (null when unknown). */
  timeoutMs: number | null;
}

export interface GateEvaluationRequest {
  source: PolicySource;
  inputs: GateInputs;
  /** Environment variables a policy may name (bearer-token-env, password-env); the app passes none. */
  env: Readonly<Record<string, string | undefined>>;
  now: Date;
  run: RunInfo | null;
  /**
   * The Prometheus that answers for this policy, and the per-query timeout it was given (the gate warns when
   * a raw query uses much of it). Throws (PolicyError, or the host's own refusal) when there is none the host
   * allows.
   */
  querierFor(policy: ResolvedPolicy, source: string): GateQuerier;
  limits?: EvaluationLimits;
  /** `budgets`: the SLOs' budgets only (no DR drill, no freeze windows), as a postmortem measures an incident. */
  scope?: 'gate' | 'budgets';
  /**
   * Freezes on command in force for the environment (read from `deploy-freeze` issues), or how to read them once
   * the policy is resolved (the Action and the CLI need its `freezes.app`, command-freezes.ts); ignored for `budgets`.
   */
  freezes?: readonly ActiveFreeze[] | ((policy: ResolvedPolicy, source: string) => Promise<readonly ActiveFreeze[]>);
  /** The repository (`owner/name`) and branch the rules' `applies-to` is matched against; unknown (null) ones match. */
  target?: Omit<RuleTarget, 'environment'>;
  /**
   * When and by whom the policy's exclusions were added, read from GitHub (src/github/read-exclusion-origins.ts), given
   * the policy's source path; called only for a policy with exclusions. Absent: every started exclusion interval is refused.
   */
  exclusionOrigins?: (policy: ResolvedPolicy, source: string) => Promise<ExclusionOrigins>;
}

export interface GateEvaluation {
  report: Report;
  policy: ResolvedPolicy;
  /** Where the policy came from. */
  source: string;
  /** What the policy's sources named but the gate ignores (shown as warnings). */
  warnings: string[];
  /** The files the policy extends and where each key came from; null when it extends nothing. */
  chain: PolicyChain | null;
}

/**
 * The policy as the service will evaluate it, with the limits applied (no query is sent for a refused one); the verify
 * step reads it the same way.
 */
export async function loadGatePolicy(
  request: Pick<GateEvaluationRequest, 'source' | 'inputs' | 'env' | 'limits' | 'target'>,
): Promise<{ policy: ResolvedPolicy; source: string; warnings: string[]; chain: PolicyChain | null }> {
  const loaded = await request.source.load();
  const policy = resolvePolicy(loaded.file, request.inputs, request.env, loaded.source, request.target);
  // The parents' locks: a repository's own `locked` binds the files that extend it, not its own runs (as without a parent).
  const own = loaded.chain?.files[0];
  const locks = Object.fromEntries(Object.entries(loaded.chain?.locks ?? {}).filter(([, by]) => by !== own));
  if (Object.keys(locks).length > 0) {
    // A lock binds the inputs too: the files' own values are the floor an input may only tighten.
    const fromFiles = resolvePolicy(
      loaded.file,
      gateInputsSchema.parse({ environment: request.inputs.environment }),
      request.env,
      loaded.source,
      request.target,
    );
    const violations = inputLockViolations(fromFiles, policy, locks);
    if (violations.length > 0) throw new PolicyError(loaded.source, violations);
  }
  const max = request.limits?.maxSlos;
  if (max !== undefined && policy.slos.length > max) {
    throw new PolicyError(loaded.source, [
      {
        path: 'slos',
        message: `the policy defines ${policy.slos.length} SLOs; at most ${max} are evaluated per policy${request.limits?.maxSlosSetBy ? `, as ${request.limits.maxSlosSetBy} set` : ''}: split the policy by environment, or ask for a higher limit`,
      },
    ]);
  }
  return { policy, source: loaded.source, warnings: loaded.warnings, chain: loaded.chain ?? null };
}

export async function evaluateGate(request: GateEvaluationRequest): Promise<GateEvaluation> {
  const { policy: resolved, source, warnings, chain } = await loadGatePolicy(request);
  const policy = request.scope === 'budgets' ? { ...resolved, dr: null, freezeWindows: [] } : resolved;
  const { querier, timeoutMs } = request.querierFor(policy, source);
  const prometheus = limitConcurrency(querier, request.limits?.maxConcurrentQueries ?? DEFAULT_QUERY_CONCURRENCY);
  const freezes =
    request.scope === 'budgets'
      ? []
      : typeof request.freezes === 'function'
        ? await request.freezes(resolved, source)
        : (request.freezes ?? []);
  const exclusionOrigins =
    policy.exclusions.length > 0 && request.exclusionOrigins !== undefined ? await request.exclusionOrigins(policy, source) : undefined;
  const evaluated = await evaluatePolicy({
    policy,
    prometheus,
    now: request.now,
    run: request.run,
    timeoutMs,
    freezes,
    source,
    ...(exclusionOrigins !== undefined ? { exclusionOrigins } : {}),
  });
  const report = chain === null ? evaluated : { ...evaluated, policySources: policySourcesOf(chain) };
  return { report, policy: resolved, source, warnings, chain };
}

/**
 * Most characters `policySources` may add to a report: the check run carries the report in 65,535 characters,
 * the histories are trimmed to 45,000 before it is added (budget-history.ts), and an override record and its OIDC
 * token may still follow. Past it, the named items' and environments' keys go first, then every key (`omitted`
 * counts them; `deploy-governor policy explain` shows them all); the chain and the locks always stay.
 */
const POLICY_SOURCES_MAX_CHARS = 2_000;

/** The report's `policySources`: the chain, and the files behind each effective key, within POLICY_SOURCES_MAX_CHARS. */
function policySourcesOf(chain: PolicyChain): NonNullable<Report['policySources']> {
  const all = Object.entries(chain.provenance);
  const sources = (kept: [string, string[]][]) => ({
    chain: chain.files,
    keys: Object.fromEntries(kept),
    locked: chain.locks,
    ...(kept.length < all.length ? { omitted: all.length - kept.length } : {}),
  });
  const fits = (s: object) => JSON.stringify(s).length <= POLICY_SOURCES_MAX_CHARS;
  const full = sources(all);
  if (fits(full)) return full;
  const topLevel = sources(all.filter(([key]) => !key.includes('[') && !key.startsWith('environments.')));
  return fits(topLevel) ? topLevel : sources([]);
}

/**
 * Post-deploy verification, shared by the Action (`phase: verify`) and the CLI
 * (`deploy-governor verify`): the gate's report of this run as the baseline, the
 * policy read exactly as the gate reads it, the bake (watch-slos.ts) over the
 * gate's Prometheus, and the pure verdict (core/verify/judge.ts).
 */
import { CountingQuerier } from '../core/evaluate/counting-querier.js';
import type { RuleTarget } from '../core/policy/inherit/applies-to.js';
import type { GateInputs } from '../core/policy/inputs.js';
import { PolicyError } from '../core/policy/policy-error.js';
import type { ResolvedPolicy } from '../core/policy/resolve-policy.js';
import { DEFAULT_QUERY_CONCURRENCY, limitConcurrency } from '../core/prometheus/limited-querier.js';
import type { RunInfo } from '../core/report/report-schema.js';
import { baselineProblems, baselinesFromReport } from '../core/verify/baselines.js';
import { decideVerification, type Poll } from '../core/verify/judge.js';
import type { Verification } from '../core/verify/verification-schema.js';
import { applyVerifyInputs, type VerifyInputs } from '../core/verify/verify-inputs.js';
import { loadGatePolicy } from '../gate/evaluate-gate.js';
import { fileSource } from '../gate/file-source.js';
import type { ParentAccess } from '../gate/read-policy-file.js';
import { attributeToInputs, gateQuerier, type GateHost, type GateRequest } from '../gate/run-gate.js';
import { readGateReport } from './read-gate-report.js';
import { systemClock, watchSlos, type VerifyClock } from './watch-slos.js';

export interface VerifyRequest {
  /** The gate's inputs: which policy, environment and Prometheus (the same as the gate step's). */
  inputs: GateInputs;
  verifyInputs: VerifyInputs;
  /** Where the gate step wrote its report (resolved). */
  reportPath: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Root the config path is relative to (the workspace). */
  root: string;
  run: RunInfo | null;
  host: GateHost;
  /** Default: the wall clock. Tests step through pinned times. */
  clock?: VerifyClock;
  createQuerier?: GateRequest['createQuerier'];
  parents?: ParentAccess | null;
  target?: Omit<RuleTarget, 'environment'>;
  onPoll?: (poll: Poll, index: number) => void;
}

export interface VerifyOutcome {
  verification: Verification;
  policy: ResolvedPolicy;
}

/** How each host names the inputs checked together. */
const NAMES: Record<GateHost, { source: string; bake: string; interval: string; reportPath: string }> = {
  action: { source: 'action inputs', bake: 'bake', interval: 'verify-interval', reportPath: 'report-path' },
  cli: { source: 'command line', bake: '--bake', interval: '--verify-interval', reportPath: '--report-path' },
};

/**
 * Verifies the deploy; the verdict says whether it regressed.
 * @throws PolicyError for a bad input, policy or gate report (each naming its source); PrometheusQueryError never
 * (a failed poll is a reading)
 */
export async function runVerify(request: VerifyRequest): Promise<VerifyOutcome> {
  const names = NAMES[request.host];
  // The report first: without a baseline there is nothing to verify, whatever else is wrong.
  const report = await readGateReport(request.reportPath, names.reportPath);
  let policy: ResolvedPolicy;
  let source: string;
  try {
    ({ policy, source } = await loadGatePolicy({
      source: fileSource(request.root, request.inputs.config, request.parents ?? null),
      inputs: request.inputs,
      env: request.env,
      ...(request.target ? { target: request.target } : {}),
    }));
  } catch (error: unknown) {
    throw error instanceof PolicyError ? attributeToInputs(error, request.inputs, request.host) : error;
  }
  const settings = applyVerifyInputs(policy.verify, request.verifyInputs, names.source, names);
  const problems = baselineProblems(report, { environment: policy.environment, runId: request.run?.runId ?? null });
  if (problems.length > 0)
    throw new PolicyError(
      request.reportPath,
      problems.map((message) => ({ path: names.reportPath, message })),
    );

  const { querier } = gateQuerier(policy, source, request.host, request.createQuerier);
  const counting = new CountingQuerier(limitConcurrency(querier, DEFAULT_QUERY_CONCURRENCY));
  const baselines = baselinesFromReport(report, policy.slos);
  const watched = await watchSlos({
    slos: policy.slos,
    baselines,
    settings,
    prometheus: counting,
    clock: request.clock ?? systemClock,
    ...(request.onPoll ? { onPoll: request.onPoll } : {}),
  });
  const verification = decideVerification(baselines, watched.polls, {
    environment: policy.environment,
    settings,
    startedAt: watched.startedAt,
    endedAt: watched.endedAt,
    plannedPolls: watched.plannedPolls,
    rollbackCommand: request.verifyInputs['rollback-command'] ?? null,
    gate: { evaluatedAt: report.evaluatedAt, runId: report.run?.runId ?? null },
    prometheus: { url: counting.displayUrl, queries: counting.queries },
    run: request.run,
  });
  return { verification, policy };
}

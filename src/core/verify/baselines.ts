/**
 * The pre-deploy burn rates a verification compares against, from the gate's
 * report of the same run. A report of another run or environment is refused:
 * it would compare the deploy with some other moment (a stale file on a
 * self-hosted runner, or one planted in the workspace).
 */
import type { ResolvedSlo } from '../policy/resolve-policy.js';
import type { Report } from '../report/report-schema.js';
import type { SloBaseline } from './judge.js';

/** What the report must match. */
export interface ExpectedGateRun {
  environment: string;
  /** This workflow run's id (null outside a workflow, as for the CLI: then any run's report is accepted). */
  runId: number | null;
}

/** Why a report cannot be the baseline; empty when it can. */
export function baselineProblems(report: Report, expected: ExpectedGateRun): string[] {
  const problems: string[] = [];
  if (report.environment !== expected.environment)
    problems.push(
      `it is the gate's report for the environment "${report.environment}", not "${expected.environment}": give both steps the same environment`,
    );
  if (expected.runId !== null && report.run?.runId !== expected.runId)
    problems.push(
      `it was written by workflow run ${report.run?.runId ?? 'none (no run recorded)'}, not by this run (${expected.runId}): run the gate step in this job, before the deploy, with the same report-path`,
    );
  return problems;
}

/**
 * Each SLO of the policy with the gate's pre-deploy burn rate (its 1h `burnRate`). An SLO the report lacks, or
 * whose rate the gate could not read, gets null: the floor alone then judges it.
 */
export function baselinesFromReport(report: Report, slos: readonly ResolvedSlo[]): SloBaseline[] {
  return slos.map((slo) => ({
    name: slo.name,
    objective: slo.objective,
    burnBefore: report.slos.find((s) => s.name === slo.name)?.burnRate ?? null,
  }));
}

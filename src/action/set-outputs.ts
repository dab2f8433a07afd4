/** Sets every documented output from the report (or the fail-closed values on error). */
import * as core from './runner.js';
import { daysOutput, numberOutput } from '../core/render/format-values.js';
import type { Report } from '../core/report/report-schema.js';

export function setReportOutputs(report: Report, reportPath: string): void {
  core.setOutput('can-deploy', String(report.decision.canDeploy));
  core.setOutput('status', report.decision.status);
  core.setOutput('budget-remaining', numberOutput(report.budget.remaining));
  core.setOutput('burn-rate', numberOutput(report.budget.burnRate));
  core.setOutput('days-to-exhaustion', daysOutput(report.budget.daysToExhaustion));
  core.setOutput('reasons', JSON.stringify(report.decision.reasons));
  core.setOutput('report-path', reportPath);
  core.setOutput('dr-age-seconds', report.dr?.ageSeconds == null ? '' : String(Math.round(report.dr.ageSeconds)));
  core.setOutput('overridden', String(report.decision.overridden));
  core.setOutput('would-have-blocked', JSON.stringify([...new Set((report.decision.wouldHaveBlocked ?? []).map((r) => r.rule))]));
}

/** Outputs when no evaluation happened: blocked, UNKNOWN, with the reason. */
export function setErrorOutputs(message: string): void {
  core.setOutput('can-deploy', 'false');
  core.setOutput('status', 'UNKNOWN');
  core.setOutput('budget-remaining', '');
  core.setOutput('burn-rate', '');
  core.setOutput('days-to-exhaustion', '');
  core.setOutput('reasons', JSON.stringify([message]));
  core.setOutput('report-path', '');
  core.setOutput('dr-age-seconds', '');
  core.setOutput('overridden', 'false');
  core.setOutput('would-have-blocked', '[]');
}

/** The freeze-command mode's output: the id of the check run that carries the request. */
export function setFreezeRequestOutputs(checkRunId: number): void {
  core.setOutput('freeze-request-check-run', String(checkRunId));
}

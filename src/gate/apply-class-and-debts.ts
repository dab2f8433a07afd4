/**
 * What every host's gate does after the budget's decision (issue 16): the
 * change class of a blocked deploy (classify-change.ts), then the postmortem
 * debts (debt-gate.ts), which read the class only when an overdue item could
 * block a deploy the budget let through. The Action, the CLI and the app's
 * protection rule all call this, so the order and the laziness are one rule.
 */
import type { ResolvedPolicy } from '../core/policy/resolve-policy.js';
import type { Report } from '../core/report/report-schema.js';
import type { ClassifyRequest } from './classify-change.js';
import type { DebtAccess } from './debt-gate.js';

export interface ClassAndDebtRequest {
  /** Where the policy came from, for the debt rule's errors. */
  source: string;
  now: Date;
  /**
   * How the class's evidence is read, built only when a class is needed (the CLI asks GitHub who the token's user is
   * for its input): the host's GitHub access, the deployed commit, and the input if it has one.
   */
  classify: () => Promise<ClassifyRequest>;
  debts: DebtAccess;
}

/**
 * The report with the change class and the postmortem debts applied.
 * @throws PolicyError when the debts cannot be read (debt-gate.ts fails closed)
 */
export async function applyClassAndDebts(report: Report, policy: ResolvedPolicy, r: ClassAndDebtRequest): Promise<Report> {
  const changeClasses = policy.changeClasses;
  const classNeeded = changeClasses !== undefined && !report.decision.canDeploy;
  const debtsOn = policy.actionItems !== null && policy.actionItems.blockOnOverdue.length > 0;
  if (!classNeeded && !debtsOn) return report;
  // Loaded only for a policy that uses them: the evidence and issue readers stay out of every other run's start.
  const [{ classifyChange, readChangeClass }, { applyDebts, FEATURE_BY_DEFAULT }] = await Promise.all([
    import('./classify-change.js'),
    import('./debt-gate.js'),
  ]);
  let request: Promise<ClassifyRequest> | undefined;
  const classify = () => (request ??= r.classify());
  let out = report;
  if (classNeeded) {
    out = await classifyChange(out, { ...policy, changeClasses }, await classify());
  }
  return applyDebts(out, policy, r.source, r.debts, r.now, async () => {
    if (changeClasses === undefined) return FEATURE_BY_DEFAULT;
    // The budget let the deploy through, so no status names an override level: choosing a class needs the freeze level's role.
    const needed = changeClasses.permission ?? policy.overrides.levels.freeze.permission;
    const resolved = await readChangeClass({ ...policy, changeClasses }, await classify(), needed);
    return { name: resolved.name, detail: resolved.detail };
  });
}

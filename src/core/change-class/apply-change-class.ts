/**
 * A blocked decision and the deploy's class (issue 16): a class the blocked
 * status lets through (`change-classes.allow`) allows the deploy, as an
 * override would, but granted by the policy; the status stays what it was, and
 * the report says which class, where it came from, and why it was allowed or
 * not. UNKNOWN lets nothing through, and an allowed deploy is left as it is
 * (the gate reads a class's evidence only for a blocked one).
 */
import { requiredLevel } from '../evaluate/decide.js';
import type { ResolvedPolicy } from '../policy/resolve-policy.js';
import type { Report } from '../report/report-schema.js';
import { classesAllowedAt, type ResolvedChangeClasses } from './change-class-policy.js';
import type { ResolvedClass } from './resolve-change-class.js';

function listed(names: readonly string[]): string {
  return names.length === 0 ? 'no class' : names.join(', ');
}

/**
 * The role that may choose a class for this decision: the policy's, else the override level's that the status
 * needs (the blocked decision's `requiredOverride`; read from the status, so the app finds the same role again for
 * a report the class already let through).
 */
export function classPermission(
  report: Report,
  policy: ResolvedPolicy,
  classes: ResolvedChangeClasses,
): ResolvedPolicy['overrides']['levels']['warning']['permission'] {
  return classes.permission ?? policy.overrides.levels[requiredLevel(report.decision.status)].permission;
}

export function applyChangeClass(report: Report, resolved: ResolvedClass, classes: ResolvedChangeClasses): Report {
  const d = report.decision;
  if (d.canDeploy) return report;
  const allowedAt = classesAllowedAt(classes, d.status);
  const passes = allowedAt.includes(resolved.name);
  const changeClass = {
    name: resolved.name,
    source: resolved.source,
    detail: resolved.detail,
    notes: resolved.notes,
    allowedThrough: passes,
  };
  if (!passes) {
    const why =
      d.status === 'UNKNOWN'
        ? `This is a ${resolved.name} deploy (${resolved.detail}); no class passes an evaluation that failed (UNKNOWN).`
        : `This is a ${resolved.name} deploy (${resolved.detail}); ${d.status} lets only ${listed(allowedAt)} through (change-classes.allow).`;
    return { ...report, decision: { ...d, changeClass, reasons: [...d.reasons, why] } };
  }
  const allowed = `Allowed as a ${resolved.name} deploy (${resolved.detail}): ${d.status} lets ${listed(allowedAt)} through (change-classes.allow). It is recorded like an override.`;
  return {
    ...report,
    decision: {
      ...d,
      canDeploy: true,
      changeClass,
      reasons: [allowed, ...d.reasons],
      nextSteps: ['Ship only the change its class names, and watch the deploy: the service is still at ' + d.status + '.'],
      requiredOverride: null,
      requiredPermission: null,
    },
  };
}

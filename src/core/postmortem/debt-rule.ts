/**
 * Postmortem debts gate features (issue 16, item 2): while an action item of a
 * blocking priority (`postmortems.action-items.block-on-overdue`, default P0)
 * is overdue past the grace, `feature` deploys are blocked; every other change
 * class passes, since a rollback, a security fix or a hotfix is how debts get
 * paid. The rule is a decision step after the change class is known, not a
 * status: it never raises the budget's status, so `change-classes.allow` and
 * `block-on` keep their meaning, and the finding says which classes it blocks.
 */
import type { ResolvedPolicy } from '../policy/resolve-policy.js';
import type { Finding, Report } from '../report/report-schema.js';
import { worstStatus } from '../status.js';
import type { Priority } from './priorities.js';
import type { ActionItemRule } from './postmortem-policy.js';

/** The rule's id in findings and advisory counts. */
const DEBT_RULE = 'action-items';
/** The only class an overdue debt blocks. */
const BLOCKED_CLASS = 'feature';
const DAY_MS = 86_400_000;
/** Items named in the reasons; the rest are counted, so that a backlog cannot flood the check run. */
const MAX_NAMED = 5;

/** An open action-item issue the app opened, as its hidden metadata describes it (never its title). */
export interface ActionItemDebt {
  issue: number;
  postmortem: number;
  priority: Priority;
  /** Login or `org/team` from the item's line; null when none. */
  owner: string | null;
  /** `YYYY-MM-DD`. */
  due: string;
}

/** When the item starts to block: the end of its due day (UTC) plus the grace. */
function blocksFrom(debt: ActionItemDebt, rule: ActionItemRule): number {
  return Date.parse(`${debt.due}T00:00:00Z`) + DAY_MS + rule.graceMs;
}

/** The debts that block under the rule at `now`: a blocking priority, past the end of the due day and the grace. */
export function overdueDebts(debts: readonly ActionItemDebt[], rule: ActionItemRule, now: Date): ActionItemDebt[] {
  return debts
    .filter((d) => rule.blockOnOverdue.includes(d.priority) && now.getTime() >= blocksFrom(d, rule))
    .sort((a, b) => a.due.localeCompare(b.due) || a.issue - b.issue);
}

function describe(debt: ActionItemDebt): string {
  // The owner is user text from the postmortem's line: capped here, rendered inert (no mention) by every renderer of reasons.
  const owner = debt.owner === null ? 'no owner' : `owner @${debt.owner.length > 100 ? `${debt.owner.slice(0, 100)}…` : debt.owner}`;
  return `#${debt.issue} (${debt.priority}, postmortem #${debt.postmortem}, ${owner}, due ${debt.due})`;
}

function message(overdue: readonly ActionItemDebt[]): string {
  const named = overdue.slice(0, MAX_NAMED).map(describe).join('; ');
  const more = overdue.length > MAX_NAMED ? `; and ${overdue.length - MAX_NAMED} more` : '';
  const items = overdue.length === 1 ? 'Overdue postmortem action item' : `${overdue.length} overdue postmortem action items:`;
  return `${items} ${named}${more}: feature deploys are blocked until ${overdue.length === 1 ? 'it is' : 'they are'} closed (postmortems.action-items).`;
}

/** The deploy's class, as the change-class step resolved it (a feature unless evidence named another). */
export interface DeployClass {
  name: string;
  detail: string;
}

/**
 * The report with the overdue debts applied for a deploy of class `deployClass`. A feature deploy that the budget let
 * through is blocked at FREEZE at least (as a freeze blocks: an override at `freeze` passes it); an advisory rule only
 * records that it would have blocked; another class passes, with a note that says so. Unchanged when nothing is overdue.
 */
export function applyDebtRule(
  report: Report,
  overdue: readonly ActionItemDebt[],
  policy: Pick<ResolvedPolicy, 'overrides'> & { actionItems: ActionItemRule },
  deployClass: DeployClass,
): Report {
  const rule = policy.actionItems;
  if (overdue.length === 0) return report;
  const text = message(overdue);
  const blocksThis = deployClass.name === BLOCKED_CLASS;
  const finding: Finding = {
    source: 'debt',
    status: blocksThis ? 'FREEZE' : 'NORMAL',
    message: blocksThis
      ? text
      : `${text} This is a ${deployClass.name} deploy (${deployClass.detail}), which overdue action items do not block.`,
    rule: DEBT_RULE,
    blocksClasses: [BLOCKED_CLASS],
    ...(rule.advisory ? { enforcement: 'advisory' as const } : {}),
  };
  const d = report.decision;
  const withFinding = { ...report, findings: [...report.findings, finding] };
  if (!blocksThis) return withFinding;
  if (rule.advisory) {
    const wouldHaveBlocked = [...(d.wouldHaveBlocked ?? []), { rule: DEBT_RULE, status: 'FREEZE' as const, message: text }];
    return { ...withFinding, decision: { ...d, wouldHaveBlocked } };
  }
  const why = `This is a ${deployClass.name} deploy (${deployClass.detail}). ${text}`;
  if (!d.canDeploy) return { ...withFinding, decision: { ...d, reasons: [...d.reasons, why] } };
  const status = worstStatus([d.status, 'FREEZE']);
  const level = status === 'FREEZE' ? 'freeze' : 'exhausted';
  return {
    ...withFinding,
    decision: {
      ...d,
      canDeploy: false,
      status,
      reasons: [why, ...d.reasons],
      nextSteps: [
        'Close the overdue action items (or move their due dates with the postmortem’s owners), or ship the change as a rollback, security fix or hotfix (change-class); an override at freeze passes it too.',
        ...d.nextSteps,
      ],
      requiredOverride: level,
      requiredPermission: policy.overrides.levels[level].permission,
    },
  };
}

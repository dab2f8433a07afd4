/**
 * Postmortem debts (issue 16, item 2) as every host's gate applies them, after
 * the change class: the repository's open action items that the app opened
 * (read-action-item-debts.ts), the overdue ones of a blocking priority
 * (core/postmortem/debt-rule.ts), and the deploy's class, read only when some
 * debt is overdue. Off when the policy has no `postmortems` section. A read
 * that fails fails closed, naming the permission to give.
 */
import { PolicyError } from '../core/policy/policy-error.js';
import type { ResolvedPolicy } from '../core/policy/resolve-policy.js';
import { applyDebtRule, overdueDebts, type DeployClass } from '../core/postmortem/debt-rule.js';
import type { Report } from '../core/report/report-schema.js';
import { httpStatusOf, messageOf, type GitHubClient } from '../github/client.js';
import { readActionItemDebts } from '../github/read-action-item-debts.js';
import type { AppKeeper } from '../github/open-issue.js';

export interface DebtAccess {
  /** Null when the host has no token. */
  client: GitHubClient | null;
  owner: string | null;
  repo: string | null;
  /** Whose action-item issues count: the app's id (the app), or the policy's `audit.app` slug (the Action, the CLI). */
  keeper: AppKeeper;
  /** What to give, in the host's words (e.g. `set the github-token input … issues: read`). */
  advice: string;
}

/** A feature unless evidence names another class: how the host resolves it when it has to. */
export type ClassOfDeploy = () => Promise<DeployClass>;

/**
 * The report with the policy's debt rule applied; unchanged when the rule is off or blocks no priority.
 * @throws PolicyError when the items cannot be read (the gate fails closed)
 */
export async function applyDebts(
  report: Report,
  policy: ResolvedPolicy,
  source: string,
  access: DebtAccess,
  now: Date,
  classOfDeploy: ClassOfDeploy,
): Promise<Report> {
  const rule = policy.actionItems;
  if (rule === null || rule.blockOnOverdue.length === 0) return report;
  const refuse = (message: string) =>
    new PolicyError(source, [{ path: 'postmortems.action-items', message: `the gate reads the open postmortem action items: ${message}` }]);
  const { client, owner, repo } = access;
  if (!client || !owner || !repo) {
    throw refuse(`${client ? 'the repository is unknown' : 'there is no GitHub token to read them with'}; ${access.advice}`);
  }
  let debts;
  try {
    debts = await readActionItemDebts(client, owner, repo, access.keeper);
  } catch (error: unknown) {
    const status = httpStatusOf(error);
    const why = status === undefined ? messageOf(error) : `${status}: ${messageOf(error)}`;
    throw refuse(
      `listing the action-item issues of ${owner}/${repo} failed (${why}), so the gate fails closed: the token needs issues: read; ${access.advice}`,
    );
  }
  const overdue = overdueDebts(debts, rule, now);
  if (overdue.length === 0) return report;
  const known = report.decision.changeClass;
  const deployClass = known ? { name: known.name, detail: known.detail } : await classOfDeploy();
  return applyDebtRule(report, overdue, { overrides: policy.overrides, actionItems: rule }, deployClass);
}

/** The class of a deploy when the policy has no `change-classes`: nothing can name another, so a feature. */
export const FEATURE_BY_DEFAULT: DeployClass = {
  name: 'feature',
  detail: 'the policy has no change-classes, so every deploy is a feature',
};

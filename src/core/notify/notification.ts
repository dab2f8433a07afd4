/**
 * What a chat notification says, built from the same report as the PR comment
 * (the same facts: environment, status, budgets, reasons, run link, and an
 * override's actor, level and reason) or from the postmortem sweep. Each format
 * (notify-formats.ts) renders every kind; a new kind (freezes, held deployments)
 * is one more variant here and one more case in each format, which the
 * exhaustive switches make a type error until written.
 *
 * Nothing here is escaped: every string a repository or user controls stays raw
 * until a format renders it inert for its own markup.
 */
import type { Report } from '../report/report-schema.js';
import type { SweepAction } from '../postmortem/sweep-plan.js';
import type { Status } from '../status.js';

/** The notification kinds a policy may subscribe to (`notify.on`). */
export const NOTIFICATION_KINDS = [
  'blocked',
  'override',
  'postmortem-overdue',
  'held-released',
  'held-expired',
  'freeze-started',
  'freeze-ended',
] as const;

/** The figures every deploy notification shows (from the report). */
interface DeployFacts {
  /** `owner/repo`. */
  repository: string;
  environment: string;
  status: Status;
  /** Percent of the budget left (the least across SLOs), null when unknown. */
  budgetRemaining: number | null;
  burnRate: number | null;
  /** Human reasons, most severe first (user text: SLO names, freeze reasons, messages quoting queries). */
  reasons: string[];
  /** The workflow run, an http(s) URL, or null. */
  runUrl: string | null;
  evaluatedAt: string;
}

export type Notification =
  | ({ kind: 'blocked' } & DeployFacts & { blockOn: string; requiredOverride: string | null })
  | ({ kind: 'override' } & DeployFacts & { actor: string; level: string; reason: string })
  /** A held deployment (`on-block: hold`) approved once the policy allowed it, or rejected at its hold's limit. */
  | ({ kind: 'held-released' | 'held-expired' } & DeployFacts & { heldSeconds: number })
  /** A freeze on command started or ended (`/freeze`, `/unfreeze`, a freeze issue closed, or its time up). */
  | {
      kind: 'freeze-started' | 'freeze-ended';
      /** `owner/repo` that keeps the freeze (`owner/.github` for an organisation-wide one). */
      repository: string;
      /** The owner every repository of which it covers; null for one repository's freeze. */
      organisation: string | null;
      /** The environment frozen, or `all` (user text: an environment name). */
      scope: string;
      until: string;
      /** Why (user text). */
      reason: string;
      /** Who froze (a login). */
      by: string;
      /** The freeze's issue, an http(s) URL. */
      issueUrl: string;
    }
  | {
      kind: 'postmortem-overdue';
      repository: string;
      /** Overdue action items, the most overdue first. */
      items: { issue: number; url: string | null; owner: string | null; due: string; daysOverdue: number }[];
    };

function deployFacts(report: Report, repository: string, runUrl: string | null): DeployFacts {
  return {
    repository,
    environment: report.environment,
    status: report.decision.status,
    budgetRemaining: report.budget.remaining,
    burnRate: report.budget.burnRate,
    reasons: report.decision.reasons,
    runUrl,
    evaluatedAt: report.evaluatedAt,
  };
}

/** A deploy the gate blocked. */
export function blockedNotification(report: Report, repository: string, runUrl: string | null): Notification {
  return {
    kind: 'blocked',
    ...deployFacts(report, repository, runUrl),
    blockOn: report.decision.blockOn,
    requiredOverride: report.decision.requiredOverride,
  };
}

/** A blocked deploy let through by an override (the app sends it only once the override verified); null without one. */
export function overrideNotification(report: Report, repository: string, runUrl: string | null): Notification | null {
  const o = report.override;
  if (!report.decision.overridden || !o) return null;
  return { kind: 'override', ...deployFacts(report, repository, runUrl), actor: o.actor, level: o.level, reason: o.reason };
}

/** The overdue action items a sweep reminded (one reminder per item and day); null when none. */
export function overdueNotification(repository: string, actions: readonly { action: SweepAction; outcome: string }[]): Notification | null {
  const items = actions.flatMap(({ action, outcome }) =>
    action.kind === 'remind-overdue' && outcome === 'done'
      ? [{ issue: action.issue, url: null, owner: action.owner, due: action.due, daysOverdue: action.daysOverdue }]
      : [],
  );
  if (items.length === 0) return null;
  return { kind: 'postmortem-overdue', repository, items: items.sort((a, b) => b.daysOverdue - a.daysOverdue) };
}

/** A held deployment released (approved) or expired (rejected at its limit), from the evaluation that decided it. */
export function heldNotification(
  kind: 'held-released' | 'held-expired',
  report: Report,
  repository: string,
  runUrl: string | null,
  heldSeconds: number,
): Notification {
  return { kind, ...deployFacts(report, repository, runUrl), heldSeconds };
}

/** A freeze on command that started or ended, kept in the issue `issue` of `owner/repo`. */
export function freezeNotification(o: {
  change: 'started' | 'ended';
  owner: string;
  repo: string;
  issue: number;
  record: { scope: string; until: string; reason: string; by: string };
  serverUrl?: string;
}): Notification {
  return {
    kind: o.change === 'started' ? 'freeze-started' : 'freeze-ended',
    repository: `${o.owner}/${o.repo}`,
    organisation: o.repo === '.github' ? o.owner : null,
    scope: o.record.scope,
    until: o.record.until,
    reason: o.record.reason,
    by: o.record.by,
    issueUrl: `${o.serverUrl ?? 'https://github.com'}/${o.owner}/${o.repo}/issues/${o.issue}`,
  };
}

/**
 * The daily postmortem sweep as a plan: which action items to remind about and
 * label `overdue` (or unlabel), and which postmortems to remind about because
 * they are still unpublished. Pure: `src/github/postmortem-inventory.ts` reads
 * the issues into the inputs below and `src/github/apply-sweep.ts` carries the
 * plan out, so the CLI and the app's route run the same sweep.
 *
 * Dates are UTC: "today" is the UTC date of `now`, an item due today is not
 * overdue yet, and each issue gets at most one reminder per UTC day.
 */
import type { ActionItemMeta, PostmortemMeta } from './issue-metadata.js';
import type { PostmortemPolicy } from './postmortem-policy.js';

/** Labels with fixed names (the incident and postmortem labels come from the policy). */
export const SWEEP_LABELS = {
  actionItem: 'action-item',
  published: 'published',
  overdue: 'overdue',
  reliabilityReport: 'reliability-report',
} as const;

export const DAY_MS = 86_400_000;

/** What every tracked issue carries, as read from the API. */
export interface TrackedIssue {
  number: number;
  title: string;
  state: 'open' | 'closed';
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; null while open. */
  closedAt: string | null;
  /** GitHub's `state_reason`: `completed`, `not_planned`, `reopened`, `duplicate` or null. */
  stateReason: string | null;
  labels: string[];
}

/** An issue labelled with the policy's incident label. */
export type IncidentIssue = TrackedIssue;

/** An issue labelled with the policy's postmortem label. */
export interface PostmortemIssue extends TrackedIssue {
  /** Its `readMeta('postmortem')` marker; null when absent or invalid. */
  meta: PostmortemMeta | null;
  /** UTC date (YYYY-MM-DD) of the app's last reminder comment; null when never reminded (or not read). */
  lastReminderDate: string | null;
}

/** An issue labelled `action-item`. */
export interface ActionItemIssue extends TrackedIssue {
  assignees: string[];
  /** Its `readMeta('action-item')` marker; null when absent or invalid. */
  meta: ActionItemMeta | null;
  /** UTC date (YYYY-MM-DD) of the app's last reminder comment; null when never reminded (or not read). */
  lastReminderDate: string | null;
}

export interface SweepInputs {
  now: Date;
  policy: PostmortemPolicy;
  incidents: readonly IncidentIssue[];
  postmortems: readonly PostmortemIssue[];
  actionItems: readonly ActionItemIssue[];
}

/** One step of the sweep, on one issue (by number). */
export type SweepAction =
  | { kind: 'remind-overdue'; issue: number; owner: string | null; due: string; daysOverdue: number }
  | { kind: 'label-overdue'; issue: number }
  | { kind: 'unlabel-overdue'; issue: number }
  | { kind: 'remind-unpublished'; issue: number; incidentEndedAt: string; days: number; author: string | null };

const REMINDER_MARKER = /<!-- deploy-governor:reminder date=(\d{4}-\d{2}-\d{2}) -->/g;

/** The hidden marker of a reminder comment; the date is what makes "at most once a day" hold across runs. */
export function reminderMarker(today: string): string {
  return `<!-- deploy-governor:reminder date=${today} -->`;
}

/** The latest reminder date in some comment bodies; null when none carries the marker. */
export function lastReminderDateIn(bodies: Iterable<string | null | undefined>): string | null {
  let last: string | null = null;
  for (const body of bodies) {
    for (const match of (body ?? '').matchAll(REMINDER_MARKER)) if (last === null || match[1]! > last) last = match[1]!;
  }
  return last;
}

/** The UTC date of a time, YYYY-MM-DD. */
export function utcDate(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/** Whole days from one YYYY-MM-DD date to another (positive when `to` is later). */
export function daysBetweenDates(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Who owns an action item: its marker's owner, else its first assignee. */
export function ownerOf(item: ActionItemIssue): string | null {
  return item.meta?.owner ?? item.assignees[0] ?? null;
}

/** True when the item is open and its due date is before today (UTC). Due today is not overdue. */
export function isOverdue(item: ActionItemIssue, today: string): boolean {
  const due = item.meta?.due;
  return item.state === 'open' && due !== null && due !== undefined && due < today;
}

/** True when the postmortem carries the `published` label (the app adds it once every approval is ticked). */
export function isPublished(postmortem: PostmortemIssue): boolean {
  return postmortem.labels.includes(SWEEP_LABELS.published);
}

/**
 * When the postmortem's incident ended: its marker's `endedAt`, else the
 * `closed_at` of the incident issue its marker names; null when unknown.
 */
export function incidentEndOf(postmortem: PostmortemIssue, incidents: ReadonlyMap<number, IncidentIssue>): string | null {
  if (postmortem.meta?.endedAt) return postmortem.meta.endedAt;
  const incident = postmortem.meta?.incident ? incidents.get(postmortem.meta.incident) : undefined;
  return incident?.closedAt ?? null;
}

/** True when a reminder was already posted today (a date later than today, from a skewed clock, counts too). */
function remindedToday(lastReminderDate: string | null, today: string): boolean {
  return lastReminderDate !== null && lastReminderDate >= today;
}

/**
 * The sweep's actions, in issue order: action items first, then postmortems.
 * - an open item whose due date has passed: `label-overdue` when the label is
 *   missing, and `remind-overdue` unless it was reminded today;
 * - a closed item, or one no longer overdue (due date moved or removed), that
 *   still carries the label: `unlabel-overdue`;
 * - an open, unpublished postmortem whose incident ended at least
 *   `policy.publishReminderAfterMs` ago: `remind-unpublished` unless reminded today.
 */
export function planSweep({ now, policy, incidents, postmortems, actionItems }: SweepInputs): SweepAction[] {
  const today = utcDate(now);
  const actions: SweepAction[] = [];
  for (const item of [...actionItems].sort((a, b) => a.number - b.number)) {
    const labelled = item.labels.includes(SWEEP_LABELS.overdue);
    if (!isOverdue(item, today)) {
      if (labelled) actions.push({ kind: 'unlabel-overdue', issue: item.number });
      continue;
    }
    const due = item.meta!.due!;
    if (!labelled) actions.push({ kind: 'label-overdue', issue: item.number });
    if (!remindedToday(item.lastReminderDate, today)) {
      actions.push({ kind: 'remind-overdue', issue: item.number, owner: ownerOf(item), due, daysOverdue: daysBetweenDates(due, today) });
    }
  }
  const incidentsByNumber = new Map(incidents.map((i) => [i.number, i]));
  for (const postmortem of [...postmortems].sort((a, b) => a.number - b.number)) {
    if (postmortem.state !== 'open' || isPublished(postmortem)) continue;
    const endedAt = incidentEndOf(postmortem, incidentsByNumber);
    if (endedAt === null) continue;
    const sinceEnd = now.getTime() - Date.parse(endedAt);
    if (sinceEnd < policy.publishReminderAfterMs || remindedToday(postmortem.lastReminderDate, today)) continue;
    actions.push({
      kind: 'remind-unpublished',
      issue: postmortem.number,
      incidentEndedAt: endedAt,
      days: Math.floor(sinceEnd / DAY_MS),
      author: postmortem.meta?.author ?? null,
    });
  }
  return actions;
}

/**
 * Text for chat messages, shared by the formats: user text made one clean line
 * (control characters and bidirectional overrides removed, line breaks as
 * spaces) and cut to a length with a marker, and the figures as the PR comment
 * prints them. Each format adds its own escaping on top (slack.ts, teams.ts).
 */
import { humanDuration } from '../duration.js';
import { formatBurnRate, formatPercent } from '../render/format-values.js';
import type { Notification } from './notification.js';

/** What a cut text ends with. */
export const CUT_MARKER = '…';

/** One line without control characters or bidirectional embeddings, overrides and isolates (they reorder what follows). */
export function oneLine(text: string): string {
  return (
    text
      .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
  );
}

/** At most `max` UTF-16 units, ending with the marker when cut (never half a surrogate pair). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - CUT_MARKER.length));
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}${CUT_MARKER}`;
}

/** The headline of a notification, without markup; `environment` is how the format shows user text. */
export function headline(n: Notification, environment: (text: string) => string): string {
  switch (n.kind) {
    case 'blocked':
      return `Deploys to ${environment(n.environment)} are blocked: ${n.status}`;
    case 'override':
      return `Deploys to ${environment(n.environment)} went ahead under an override: ${n.status}`;
    case 'held-released':
      return `A held deploy to ${environment(n.environment)} was released after ${humanDuration(n.heldSeconds)}: ${n.status}`;
    case 'held-expired':
      return `A held deploy to ${environment(n.environment)} was rejected after ${humanDuration(n.heldSeconds)}, its hold's limit: ${n.status}`;
    case 'postmortem-overdue':
      return `${n.items.length} postmortem action item${n.items.length === 1 ? ' is' : 's are'} overdue`;
    case 'freeze-started':
    case 'freeze-ended': {
      const what = n.scope === 'all' ? 'all environments' : environment(n.scope);
      const where = n.organisation !== null ? ` in every repository of ${environment(n.organisation)}` : '';
      return n.kind === 'freeze-started'
        ? `Deploys to ${what} are frozen${where} until ${n.until}`
        : `The freeze of ${what}${where} has ended`;
    }
  }
}

/** A freeze notification. */
export type FreezeNotification = Extract<Notification, { kind: 'freeze-started' | 'freeze-ended' }>;

/** Label and value of a freeze notification's facts (the reason is shown apart: it is longer user text). */
export function freezeFigures(n: FreezeNotification): [string, string][] {
  return [
    ['Scope', n.scope === 'all' ? 'all environments' : n.scope],
    [n.kind === 'freeze-started' ? 'Until' : 'Was until', n.until],
    ['Frozen by', n.by],
  ];
}

/** The notifications about one deploy (every kind but the postmortem sweep's and the freezes'). */
export type DeployNotification = Exclude<Notification, { kind: 'postmortem-overdue' | 'freeze-started' | 'freeze-ended' }>;

/** The headline's mark for a deploy notification. */
export function deployIcon(n: DeployNotification): string {
  return { blocked: '🚫', override: '⚠️', 'held-released': '✅', 'held-expired': '⌛' }[n.kind];
}

/** Label and value of the figures a deploy notification lists (our own text: no user input). */
export function deployFigures(n: DeployNotification): [string, string][] {
  return [
    ['Status', n.kind === 'blocked' ? `${n.status} (blocks at ${n.blockOn})` : n.status],
    ['Budget remaining', formatPercent(n.budgetRemaining)],
    ['Burn rate (1h)', formatBurnRate(n.burnRate)],
    ...(n.kind === 'override' ? ([['Override level', n.level]] as [string, string][]) : []),
    ...(n.kind === 'blocked' && n.requiredOverride ? ([['Override needed', n.requiredOverride]] as [string, string][]) : []),
    ...(n.kind === 'held-released' || n.kind === 'held-expired'
      ? ([['Held for', humanDuration(n.heldSeconds)]] as [string, string][])
      : []),
  ];
}

/** Most reasons listed; the rest are counted. */
const MAX_REASONS = 10;
/** Longest reason shown. */
const MAX_REASON_CHARS = 300;
/** Most overdue items listed. */
export const MAX_ITEMS = 15;

/** The reasons to list, each clipped, with a count of the rest. */
export function shownReasons(reasons: readonly string[]): { shown: string[]; more: number } {
  return {
    shown: reasons.slice(0, MAX_REASONS).map((r) => clip(oneLine(r), MAX_REASON_CHARS)),
    more: Math.max(0, reasons.length - MAX_REASONS),
  };
}

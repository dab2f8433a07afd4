/**
 * A freeze window as a PromQL condition for the "deploy freeze active" alert.
 *
 * PromQL has the clock (`time()`, and `day_of_week()`, `hour()`, `minute()` in
 * UTC) but no calendar or time zones, so only what it can state exactly is
 * generated:
 * - one-off windows (`from`/`to`): `vector(time()) >= from < to`;
 * - recurring windows whose crons repeat weekly (day-of-month and month `*`) in
 *   a zone without daylight saving (UTC by default): the minutes of the week
 *   the window covers, as ranges of `day_of_week()*1440 + hour()*60 + minute()`.
 * Anything else (monthly or yearly crons, zones with daylight saving, where a
 * fixed UTC pattern would be an hour off for half the year) is reported as
 * unsupported; the gate still enforces it, and the decision it pushes
 * (`deploy_governor_decision{status="FREEZE"}`) shows on the dashboard.
 */
import { CronExpressionParser } from 'cron-parser';
import type { FreezeWindowConfig } from '../policy/schema.js';

const MINUTE = 60_000;
const WEEK_MINUTES = 7 * 24 * 60;
/** A Sunday 00:00 UTC: PromQL's day_of_week() counts from Sunday = 0. */
const ANCHOR = Date.UTC(2024, 0, 7);
const MAX_OCCURRENCES = 50_000;

/** PromQL for the current minute of the week (UTC), Sunday 00:00 = 0. */
export const MINUTE_OF_WEEK = '(day_of_week() * 1440 + hour() * 60 + minute())';

export type FreezeCondition = { expr: string } | { unsupported: string };

function offsetName(tz: string, at: number): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** True when the zone's UTC offset is the same all year (checked on the first of every month). */
function hasFixedOffset(tz: string): boolean {
  const offsets = new Set<string>();
  for (let month = 0; month < 12; month++) offsets.add(offsetName(tz, Date.UTC(2024, month, 1)));
  return offsets.size === 1;
}

function occurrences(expr: string, tz: string, from: number, to: number): number[] | null {
  const it = CronExpressionParser.parse(expr, { currentDate: new Date(from - 1), endDate: new Date(to), tz });
  const out: number[] = [];
  while (it.hasNext()) {
    const t = it.next().getTime();
    if (t >= to) break;
    out.push(t);
    if (out.length > MAX_OCCURRENCES) return null;
  }
  return out;
}

/** Minute-of-week ranges [start, end) covered by a weekly recurring window. */
export function weeklyRanges(start: string, end: string, tz: string): [number, number][] | null {
  const from = ANCHOR - 7 * 24 * 60 * MINUTE;
  const to = ANCHOR + 7 * 24 * 60 * MINUTE;
  const starts = occurrences(start, tz, from, to);
  const ends = occurrences(end, tz, from, to);
  if (!starts || !ends) return null;
  // An end at the same instant as a start wins, as in the gate (src/core/freeze/active-freeze-windows.ts).
  const events = [...starts.map((t) => ({ t, open: true })), ...ends.map((t) => ({ t, open: false }))].sort(
    (a, b) => a.t - b.t || (a.open ? -1 : 1),
  );
  let i = 0;
  let open = false;
  for (; i < events.length && events[i]!.t < ANCHOR; i++) open = events[i]!.open;
  let openedAt = 0;
  const ranges: [number, number][] = [];
  for (; i < events.length; i++) {
    const e = events[i]!;
    const minute = Math.round((e.t - ANCHOR) / MINUTE);
    if (e.open && !open) openedAt = minute;
    else if (!e.open && open && minute > openedAt) ranges.push([openedAt, minute]);
    open = e.open;
  }
  if (open) ranges.push([openedAt, WEEK_MINUTES]);
  return ranges;
}

/** The PromQL condition under which `window` is open, or why there is none. */
export function freezeCondition(window: FreezeWindowConfig): FreezeCondition {
  if (window.from !== undefined && window.to !== undefined) {
    return { expr: `vector(time()) >= ${Date.parse(window.from) / 1000} < ${Date.parse(window.to) / 1000}` };
  }
  if (window.start === undefined || window.end === undefined) return { unsupported: 'it has neither from/to nor start/end' };
  const tz = window.timezone ?? 'UTC';
  const weekly = [window.start, window.end].every((expr) => {
    const fields = expr.trim().split(/\s+/);
    return fields.length === 5 && fields[2] === '*' && fields[3] === '*';
  });
  if (!weekly) return { unsupported: 'its cron expressions do not repeat weekly (PromQL has no calendar)' };
  if (!hasFixedOffset(tz)) return { unsupported: `its time zone ${tz} has daylight saving (PromQL's clock is UTC)` };
  const ranges = weeklyRanges(window.start, window.end, tz);
  if (!ranges) return { unsupported: 'its crons fire too often to list' };
  if (ranges.length === 0) return { unsupported: 'it is never open' };
  if (ranges.length === 1 && ranges[0]![0] === 0 && ranges[0]![1] === WEEK_MINUTES) return { expr: 'vector(1)' };
  return { expr: ranges.map(([a, b]) => `(${MINUTE_OF_WEEK} >= ${a} < ${b})`).join(' or ') };
}

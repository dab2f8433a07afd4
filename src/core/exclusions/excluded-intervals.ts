/**
 * The intervals an SLO window leaves out: every occurrence of the policy's
 * exclusions that overlaps the window, clipped to it. Pure: no I/O, no clock.
 */
import { parseDurationMs } from '../duration.js';
import { occurrencesBetween } from '../freeze/active-freeze-windows.js';
import { PolicyError } from '../policy/policy-error.js';
import type { ExclusionKind } from './exclusion-kinds.js';
import { MAX_EXCLUDED_INTERVALS, type ExclusionConfig } from './exclusion-schema.js';

/** One occurrence of an exclusion: a one-off's interval, or one interval of a recurring window. */
export interface ExclusionOccurrence {
  name: string;
  kind: ExclusionKind;
  reason: string;
  /** Start and end (exclusive) of the occurrence, unclipped. */
  from: Date;
  to: Date;
}

/** An interval the budget leaves out, clipped to the SLO window and to the intervals before it (none overlap). */
export interface ExcludedInterval extends ExclusionOccurrence {
  /** The part of the occurrence inside the window, not shared with an earlier interval. */
  start: Date;
  end: Date;
}

/**
 * The occurrences of `exclusions` that overlap [`fromMs`, `toMs`), oldest first (a one-off that does, and each
 * interval of a recurring window that does; a recurring window's interval that started before `fromMs` and is still
 * open then counts too).
 * @throws PolicyError when more than MAX_EXCLUDED_INTERVALS overlap, naming the exclusions that contribute most
 */
export function occurrencesOverlapping(
  exclusions: readonly ExclusionConfig[],
  fromMs: number,
  toMs: number,
  source: string,
): ExclusionOccurrence[] {
  const found: ExclusionOccurrence[] = [];
  for (const x of exclusions) {
    const base = { name: x.name, kind: x.kind, reason: x.reason };
    if (x.from !== undefined && x.to !== undefined) {
      const [from, to] = [Date.parse(x.from), Date.parse(x.to)];
      if (from < toMs && to > fromMs) found.push({ ...base, from: new Date(from), to: new Date(to) });
      continue;
    }
    if (x.cron === undefined || x.duration === undefined) continue;
    const duration = parseDurationMs(x.duration);
    // One past the bound is enough to refuse; the schema has checked the cron and the zone.
    const starts = occurrencesBetween(x.cron, x.timezone ?? 'UTC', fromMs - duration + 1, toMs, MAX_EXCLUDED_INTERVALS + 1) ?? [];
    for (const start of starts) found.push({ ...base, from: start, to: new Date(start.getTime() + duration) });
  }
  if (found.length > MAX_EXCLUDED_INTERVALS) {
    const counts = new Map<string, number>();
    for (const o of found) counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
    const most = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3);
    throw new PolicyError(source, [
      {
        path: 'exclusions',
        message: `more than ${MAX_EXCLUDED_INTERVALS} excluded intervals overlap the ${new Date(fromMs).toISOString()} to ${new Date(toMs).toISOString()} SLO window (${most.map(([n, c]) => `"${n}": ${c}`).join(', ')}); expected at most ${MAX_EXCLUDED_INTERVALS}: make recurring exclusions less frequent or remove one-offs`,
      },
    ]);
  }
  return found.sort((a, b) => a.from.getTime() - b.from.getTime() || a.name.localeCompare(b.name));
}

/**
 * The occurrences clipped to [`fromMs`, `toMs`) and made disjoint: where two overlap (a recurring window and a
 * one-off on the same night), the later one keeps only what the earlier does not cover, so no minute is subtracted
 * twice. Occurrences left empty are dropped.
 */
export function disjointIntervals(occurrences: readonly ExclusionOccurrence[], fromMs: number, toMs: number): ExcludedInterval[] {
  const out: ExcludedInterval[] = [];
  let covered = fromMs;
  for (const o of [...occurrences].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    const start = Math.max(o.from.getTime(), covered);
    const end = Math.min(o.to.getTime(), toMs);
    if (end <= start) continue;
    out.push({ ...o, start: new Date(start), end: new Date(end) });
    covered = end;
  }
  return out;
}

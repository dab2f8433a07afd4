/**
 * The policy's `exclusions`: periods whose errors and traffic do not count
 * against the error budget (a planned maintenance, a dependency's outage, an
 * approved load test), as the SRE workbook's error-budget policy excludes them.
 *
 * Two forms, each with a name, a reason and a kind: one-off (`from`/`to`) and
 * recurring (`cron` in a `timezone`, open for `duration`, the freeze windows'
 * cron machinery). The bounds below keep the gate's cost fixed: every excluded
 * interval adds one term to each of two queries (src/core/exclusions/exclusion-queries.ts).
 */
import { z } from 'zod';
import { DURATION_FORM, isDuration, parseDurationMs } from '../duration.js';
import { occurrencesBetween } from '../freeze/active-freeze-windows.js';
import { durationSchema } from '../policy/duration-schema.js';
import { enumSchema } from '../policy/enum-schema.js';
import { EXCLUSION_KINDS } from './exclusion-kinds.js';
import { cronSchema, timestampSchema, timezoneSchema } from '../policy/time-schemas.js';

/** Most exclusions one list may hold (top level or one environment's). */
export const MAX_EXCLUSIONS = 50;
/**
 * Most excluded intervals that may overlap one SLO window at an evaluation: each is one more `@`-pinned term in the
 * gate's two exclusion queries. 40 leaves room for a daily window over a 30-day SLO (31 intervals) and a few one-offs.
 */
export const MAX_EXCLUDED_INTERVALS = 40;
/**
 * Shortest excluded interval: `increase()` needs two samples inside its range, so a shorter one would subtract
 * nothing measurable at the usual scrape intervals.
 */
const MIN_INTERVAL_MS = 5 * 60_000;
/** Closest two starts of a recurring exclusion may be: a cron that fires every minute excludes everything. */
const MIN_RECURRENCE_MS = 3_600_000;
/** How far the check of a cron's spacing looks ahead: a year covers every weekday, month and daylight-saving change. */
const SPACING_SPAN_MS = 366 * 86_400_000;
/** A fixed start for that check, so that validating a policy never reads the clock. */
const SPACING_FROM_MS = Date.UTC(2025, 0, 1);

/** The smallest gap between consecutive starts of `cron` in `tz` over a year (null when it fires at most once). */
function smallestRecurrenceGapMs(cron: string, tz: string): number | null {
  // Every-minute crons stop the scan early: the first gaps already show they are too close.
  const starts = occurrencesBetween(cron, tz, SPACING_FROM_MS, SPACING_FROM_MS + SPACING_SPAN_MS, 10_000);
  if (starts === null || starts.length < 2) return null;
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < starts.length; i++) smallest = Math.min(smallest, starts[i]!.getTime() - starts[i - 1]!.getTime());
  return smallest;
}

const exclusionItemSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 ._:-]{0,99}$/, {
        message: 'expected 1-100 letters, digits, spaces, dots, colons, dashes or underscores, e.g. db-upgrade-2026-11',
      })
      .meta({ description: 'Unique name: the report lists what each exclusion returned under it, and the audit finds it by it.' }),
    reason: z.string().min(1).max(500).meta({ description: 'Why the period does not count (shown in the report, rendered inert).' }),
    kind: enumSchema(EXCLUSION_KINDS).meta({
      description:
        '`maintenance` (planned work), `dependency` (an outage of something the service depends on), `load-test` (an approved test).',
    }),
    from: timestampSchema.optional().meta({ description: 'One-off: start, ISO 8601 with a zone.' }),
    to: timestampSchema.optional().meta({ description: 'One-off: end (exclusive), ISO 8601 with a zone.' }),
    cron: cronSchema.optional().meta({ description: 'Recurring: cron expression (5 fields) at which each interval starts.' }),
    timezone: timezoneSchema.optional().meta({ description: 'Recurring: IANA time zone of `cron`.', default: 'UTC' }),
    duration: durationSchema.optional().meta({ description: 'Recurring: how long each interval lasts from its start (elapsed time).' }),
  })
  .superRefine((x, ctx) => {
    const oneOff = x.from !== undefined || x.to !== undefined;
    const recurring = x.cron !== undefined || x.duration !== undefined || x.timezone !== undefined;
    if (oneOff === recurring) {
      ctx.addIssue({ code: 'custom', message: 'expected either from and to (one-off) or cron and duration (recurring), not both' });
      return;
    }
    if (oneOff) {
      if (x.from === undefined || x.to === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'a one-off exclusion needs both from and to',
          path: [x.from === undefined ? 'from' : 'to'],
        });
        return;
      }
      const length = Date.parse(x.to) - Date.parse(x.from);
      if (length <= 0) ctx.addIssue({ code: 'custom', message: `expected to (${x.to}) after from (${x.from})`, path: ['to'] });
      else if (length < MIN_INTERVAL_MS)
        ctx.addIssue({ code: 'custom', message: `expected at least 5m between from and to (increase() needs two samples)`, path: ['to'] });
      return;
    }
    if (x.cron === undefined || x.duration === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'a recurring exclusion needs both cron and duration (and optionally timezone)',
        path: [x.cron === undefined ? 'cron' : 'duration'],
      });
      return;
    }
    // The parts' own checks report a bad cron, zone or duration.
    if (!isDuration(x.duration)) return;
    const duration = parseDurationMs(x.duration);
    if (duration < MIN_INTERVAL_MS) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a duration of at least 5m (increase() needs two samples); got ${x.duration}`,
        path: ['duration'],
      });
      return;
    }
    let gap: number | null;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: x.timezone ?? 'UTC' });
      gap = smallestRecurrenceGapMs(x.cron, x.timezone ?? 'UTC');
    } catch {
      return;
    }
    if (gap !== null && gap < MIN_RECURRENCE_MS) {
      ctx.addIssue({
        code: 'custom',
        message: `the cron "${x.cron}" starts an interval every ${Math.round(gap / 60_000)} minute(s); recurring exclusions must start at least 1h apart, e.g. "0 2 * * 0" (Sundays at 02:00)`,
        path: ['cron'],
      });
    } else if (gap !== null && duration >= gap) {
      ctx.addIssue({
        code: 'custom',
        message: `the duration ${x.duration} is not shorter than the ${Math.round(gap / 60_000)} minutes between the cron's starts, so the intervals would overlap; expected ${DURATION_FORM} shorter than that`,
        path: ['duration'],
      });
    }
  })
  .meta({ description: 'A period whose errors and traffic are left out of the error budget.' });

/** The `exclusions` list: names unique, one-off intervals neither reversed nor overlapping each other. */
export const exclusionsSchema = z
  .array(exclusionItemSchema)
  .max(MAX_EXCLUSIONS, { message: `expected at most ${MAX_EXCLUSIONS} exclusions; remove ones that ended before any SLO window` })
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    for (const [i, x] of list.entries()) {
      const first = seen.get(x.name);
      if (first !== undefined)
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `exclusion names must be unique; "${x.name}" is also item ${first}` });
      else seen.set(x.name, i);
    }
    const oneOffs = list
      .map((x, i) => ({
        i,
        name: x.name,
        from: x.from === undefined ? NaN : Date.parse(x.from),
        to: x.to === undefined ? NaN : Date.parse(x.to),
      }))
      .filter((x) => Number.isFinite(x.from) && Number.isFinite(x.to) && x.from < x.to)
      .sort((a, b) => a.from - b.from);
    for (let k = 1; k < oneOffs.length; k++) {
      const [a, b] = [oneOffs[k - 1]!, oneOffs[k]!];
      if (b.from < a.to)
        ctx.addIssue({
          code: 'custom',
          path: [b.i, 'from'],
          message: `the one-off exclusion "${b.name}" overlaps "${a.name}" (which ends ${new Date(a.to).toISOString()}); expected intervals that do not overlap: merge them into one`,
        });
    }
  })
  .meta({
    description: `Periods left out of the error budget (maintenance, a dependency's outage, an approved load test): the gate subtracts their errors and traffic from each SLO window. At most ${MAX_EXCLUSIONS} items, and at most ${MAX_EXCLUDED_INTERVALS} excluded intervals overlapping one SLO window. An exclusion added after it started counts only when its author has the role of the \`exhausted\` override level (README, Error-budget policy).`,
  });

export type ExclusionConfig = z.infer<typeof exclusionItemSchema>;

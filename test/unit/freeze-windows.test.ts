import { CronExpressionParser } from 'cron-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeFreezeWindows } from '../../src/core/freeze/active-freeze-windows.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import type { FreezeWindowConfig } from '../../src/core/policy/schema.js';

const HOUR = 3_600_000;
const weekend = (timezone: string): FreezeWindowConfig => ({
  name: 'weekend',
  reason: 'No deploys on weekends',
  start: '0 18 * * 5',
  end: '0 8 * * 1',
  timezone,
});
const at = (iso: string) => new Date(iso);
const names = (w: FreezeWindowConfig[], iso: string) => activeFreezeWindows(w, at(iso)).map((x) => x.name);
const only = (w: FreezeWindowConfig, iso: string) => activeFreezeWindows([w], at(iso))[0] ?? null;

/** Local weekday (0 = Sunday) and minutes since local midnight, from Intl: an oracle independent of cron-parser. */
function localClock(t: number, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')),
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

describe('recurring freeze windows', () => {
  it('opens exactly at the start instant and closes exactly at the end instant (UTC)', () => {
    const w = weekend('UTC');
    expect(only(w, '2026-11-20T17:59:59.999Z')).toBeNull();
    expect(only(w, '2026-11-20T18:00:00Z')).toEqual({
      name: 'weekend',
      reason: 'No deploys on weekends',
      since: '2026-11-20T18:00:00.000Z',
      until: '2026-11-23T08:00:00.000Z',
    });
    expect(only(w, '2026-11-22T12:00:00Z')?.since).toBe('2026-11-20T18:00:00.000Z');
    expect(only(w, '2026-11-23T07:59:59.999Z')?.until).toBe('2026-11-23T08:00:00.000Z');
    expect(only(w, '2026-11-23T08:00:00Z')).toBeNull();
    expect(only(w, '2026-11-25T12:00:00Z')).toBeNull();
  });

  it('defaults to UTC and reports a missing reason as null', () => {
    const w: FreezeWindowConfig = { name: 'night', start: '0 22 * * *', end: '0 6 * * *' };
    expect(only(w, '2026-05-05T23:30:00Z')).toEqual({
      name: 'night',
      reason: null,
      since: '2026-05-05T22:00:00.000Z',
      until: '2026-05-06T06:00:00.000Z',
    });
    expect(only(w, '2026-05-06T06:00:00Z')).toBeNull();
  });

  it('follows the zone: Europe/Berlin Friday 18:00 is 17:00Z in winter and 16:00Z in summer', () => {
    const w = weekend('Europe/Berlin');
    expect(only(w, '2026-01-09T16:59:59.999Z')).toBeNull();
    expect(only(w, '2026-01-09T17:00:00Z')?.since).toBe('2026-01-09T17:00:00.000Z');
    expect(only(w, '2026-07-10T15:59:59.999Z')).toBeNull();
    expect(only(w, '2026-07-10T16:00:00Z')?.since).toBe('2026-07-10T16:00:00.000Z');
  });

  describe.each([
    // zone, a weekend spanning spring-forward, one spanning fall-back: [opens, closes] in UTC
    ['Europe/Berlin', ['2026-03-27T17:00:00.000Z', '2026-03-30T06:00:00.000Z'], ['2026-10-23T16:00:00.000Z', '2026-10-26T07:00:00.000Z']],
    [
      'America/New_York',
      ['2026-03-06T23:00:00.000Z', '2026-03-09T12:00:00.000Z'],
      ['2026-10-30T22:00:00.000Z', '2026-11-02T13:00:00.000Z'],
    ],
  ] as const)('a weekend window across daylight-saving changes in %s', (zone, spring, fall) => {
    it.each([
      ['spring forward', spring],
      ['fall back', fall],
    ] as const)('%s: opens at local 18:00 before and closes at local 08:00 after the change', (_label, [opens, closes]) => {
      const w = weekend(zone);
      expect(only(w, new Date(Date.parse(opens) - 1).toISOString())).toBeNull();
      expect(only(w, opens)).toMatchObject({ since: opens, until: closes });
      // In the middle of the weekend, across the change itself.
      expect(only(w, new Date(Date.parse(opens) + 36 * HOUR).toISOString())).toMatchObject({ since: opens, until: closes });
      expect(only(w, new Date(Date.parse(closes) - 1).toISOString())).toMatchObject({ since: opens, until: closes });
      expect(only(w, closes)).toBeNull();
    });
  });

  it('is active exactly when the local clock is between Friday 18:00 and Monday 08:00 (property, Intl oracle)', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') }),
        fc.constantFrom(...zones),
        (t, zone) => {
          const { day, minutes } = localClock(t, zone);
          const expected = (day === 5 && minutes >= 18 * 60) || day === 6 || day === 0 || (day === 1 && minutes < 8 * 60);
          const open = only(weekend(zone), new Date(t).toISOString());
          expect(open !== null).toBe(expected);
          if (open) {
            expect(Date.parse(open.since!)).toBeLessThanOrEqual(t);
            expect(Date.parse(open.until!)).toBeGreaterThan(t);
            expect(localClock(Date.parse(open.since!), zone)).toEqual({ day: 5, minutes: 18 * 60 });
            expect(localClock(Date.parse(open.until!), zone)).toEqual({ day: 1, minutes: 8 * 60 });
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reports the most recent start and the next end for overlapping windows, soonest end first', () => {
    const windows: FreezeWindowConfig[] = [
      weekend('UTC'),
      { name: 'saturday', start: '0 0 * * 6', end: '0 0 * * 0', timezone: 'UTC' },
      { name: 'release-week', from: '2026-11-16T00:00:00Z', to: '2026-11-28T00:00:00Z' },
    ];
    expect(activeFreezeWindows(windows, at('2026-11-21T12:00:00Z'))).toEqual([
      { name: 'saturday', reason: null, since: '2026-11-21T00:00:00.000Z', until: '2026-11-22T00:00:00.000Z' },
      { name: 'weekend', reason: 'No deploys on weekends', since: '2026-11-20T18:00:00.000Z', until: '2026-11-23T08:00:00.000Z' },
      { name: 'release-week', reason: null, since: '2026-11-16T00:00:00.000Z', until: '2026-11-28T00:00:00.000Z' },
    ]);
    expect(names(windows, '2026-11-22T12:00:00Z')).toEqual(['weekend', 'release-week']);
    expect(names(windows, '2026-11-24T12:00:00Z')).toEqual(['release-week']);
  });

  it('treats a window whose start and end fire at the same instant as never open', () => {
    const w: FreezeWindowConfig = { name: 'empty', start: '0 8 * * 1', end: '0 8 * * *' };
    expect(only(w, '2026-11-23T08:00:00Z')).toBeNull();
  });
});

describe('start or end at a wall time that does not exist or happens twice (DST)', () => {
  // Sunday 02:30 to 06:00 local: 02:30 does not exist on spring-forward day and happens twice on fall-back day.
  const early = (timezone: string, start = '30 2 * * 0'): FreezeWindowConfig => ({ name: 'early', start, end: '0 6 * * 0', timezone });

  it('documents cron-parser 5: next() moves a missing 02:30 to 03:30, prev() skips the day; repeated 02:30 is once for next(), twice for prev()', () => {
    const iso = (d: { toISOString(): string | null }) => d.toISOString();
    const forward = CronExpressionParser.parse('30 2 * * *', { currentDate: new Date('2026-03-28T12:00:00Z'), tz: 'Europe/Berlin' });
    expect([forward.next(), forward.next()].map(iso)).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
    const back = CronExpressionParser.parse('30 2 * * *', { currentDate: new Date('2026-03-30T12:00:00Z'), tz: 'Europe/Berlin' });
    expect([back.prev(), back.prev()].map(iso)).toEqual(['2026-03-30T00:30:00.000Z', '2026-03-28T01:30:00.000Z']);
    const fallForward = CronExpressionParser.parse('30 2 * * *', { currentDate: new Date('2026-10-24T12:00:00Z'), tz: 'Europe/Berlin' });
    expect([fallForward.next(), fallForward.next()].map(iso)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    const fallBack = CronExpressionParser.parse('30 2 * * *', { currentDate: new Date('2026-10-25T12:00:00Z'), tz: 'Europe/Berlin' });
    expect([fallBack.prev(), fallBack.prev()].map(iso)).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-25T00:30:00.000Z']);
  });

  it.each([
    // zone, spring-forward Sunday: opens at 03:30 local (the missing 02:30 moved forward by the gap), closes 06:00 local
    ['Europe/Berlin', '2026-03-29T01:30:00.000Z', '2026-03-29T04:00:00.000Z'],
    ['America/New_York', '2026-03-08T07:30:00.000Z', '2026-03-08T10:00:00.000Z'],
  ] as const)(
    'spring forward in %s: a missing start time opens the window when the clock jumps past it, not never',
    (zone, opens, closes) => {
      const w = early(zone);
      expect(only(w, new Date(Date.parse(opens) - 1).toISOString())).toBeNull();
      expect(only(w, opens)).toMatchObject({ since: opens, until: closes });
      expect(only(w, new Date(Date.parse(closes) - 1).toISOString())).toMatchObject({ since: opens, until: closes });
      expect(only(w, closes)).toBeNull();
    },
  );

  it.each([
    // zone, start, fall-back Sunday: the first of the two occurrences, the second, the end (06:00 standard time)
    ['Europe/Berlin', '30 2 * * 0', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z', '2026-10-25T05:00:00.000Z'],
    ['America/New_York', '30 1 * * 0', '2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z', '2026-11-01T11:00:00.000Z'],
  ] as const)(
    'fall back in %s: a repeated start time opens the window at its first occurrence and does not restart it',
    (zone, start, first, second, closes) => {
      const w = early(zone, start);
      expect(only(w, new Date(Date.parse(first) - 1).toISOString())).toBeNull();
      expect(only(w, first)).toMatchObject({ since: first, until: closes });
      expect(only(w, second)).toMatchObject({ since: first, until: closes });
      expect(only(w, new Date(Date.parse(second) + 15 * 60_000).toISOString())).toMatchObject({ since: first, until: closes });
      expect(only(w, closes)).toBeNull();
    },
  );

  it('a repeated end time closes the window at its first occurrence', () => {
    const w: FreezeWindowConfig = { name: 'late-night', start: '0 0 * * 0', end: '30 2 * * 0', timezone: 'Europe/Berlin' };
    expect(only(w, '2026-10-25T00:29:59.999Z')?.until).toBe('2026-10-25T00:30:00.000Z');
    expect(only(w, '2026-10-25T00:30:00Z')).toBeNull();
    expect(only(w, '2026-10-25T01:45:00Z')).toBeNull();
  });

  it('an open window agrees with itself at its own start and end around every DST change (property)', () => {
    const changes = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z'].map(Date.parse);
    const windows = ['Europe/Berlin', 'America/New_York'].flatMap((tz) => [
      early(tz),
      early(tz, '30 1 * * 0'),
      early(tz, '0 2 * * *'),
      weekend(tz),
    ]);
    fc.assert(
      fc.property(
        fc.constantFrom(...changes),
        fc.integer({ min: -3 * 24 * HOUR, max: 3 * 24 * HOUR }),
        fc.constantFrom(...windows),
        (change, offset, w) => {
          const t = change + offset;
          const open = only(w, new Date(t).toISOString());
          if (open) {
            const since = Date.parse(open.since!);
            const until = Date.parse(open.until!);
            expect(since).toBeLessThanOrEqual(t);
            expect(until).toBeGreaterThan(t);
            expect(only(w, new Date(since).toISOString())?.since).toBe(open.since);
            expect(only(w, new Date(until - 1).toISOString())?.until).toBe(open.until);
            expect(only(w, new Date(until).toISOString())).toBeNull();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a cron expression that never matches', () => {
  // cron-parser 5 rejects "0 0 30 2 *" at parse time ("Invalid explicit day of month definition"),
  // so the policy schema refuses it; called directly, the window is treated as never active.
  it('is rejected by the policy file', () => {
    expect(() => parsePolicy('freeze-windows:\n  - { name: never, start: "0 0 30 2 *", end: "0 0 1 3 *" }\n', 'policy.yml')).toThrow(
      /start: .*cron/,
    );
  });

  it.each([
    ['start', { name: 'never', start: '0 0 30 2 *', end: '0 0 1 3 *' }],
    ['end', { name: 'never', start: '0 0 * * *', end: '0 0 30 2 *' }],
  ] as const)('as %s: never active, no crash', (_which, w) => {
    for (const iso of ['2026-02-27T12:00:00Z', '2026-03-01T00:00:00Z', '2028-03-01T00:00:00Z']) {
      expect(activeFreezeWindows([w], at(iso))).toEqual([]);
    }
  });

  it('leaves the other windows alone', () => {
    const windows: FreezeWindowConfig[] = [{ name: 'never', start: '0 0 30 2 *', end: '0 0 1 3 *' }, weekend('UTC')];
    expect(names(windows, '2026-11-21T12:00:00Z')).toEqual(['weekend']);
  });
});

describe('one-off freeze windows', () => {
  const bf: FreezeWindowConfig = { name: 'Black Friday', from: '2026-11-27T00:00:00-05:00', to: '2026-11-30T23:59:59-05:00' };

  it('is active from `from` (inclusive) to `to` (exclusive), reported in UTC', () => {
    expect(names([bf], '2026-11-27T04:59:59.999Z')).toEqual([]);
    expect(only(bf, '2026-11-27T05:00:00Z')).toEqual({
      name: 'Black Friday',
      reason: null,
      since: '2026-11-27T05:00:00.000Z',
      until: '2026-12-01T04:59:59.000Z',
    });
    expect(names([bf], '2026-12-01T04:59:58.999Z')).toEqual(['Black Friday']);
    expect(names([bf], '2026-12-01T04:59:59Z')).toEqual([]);
  });

  it('is active exactly when from <= t < to (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: -20_000_000_000, max: 20_000_000_000 }),
        (from, length, offset) => {
          const w: FreezeWindowConfig = { name: 'w', from: new Date(from).toISOString(), to: new Date(from + length).toISOString() };
          const t = from + offset;
          expect(activeFreezeWindows([w], new Date(t)).length === 1).toBe(from <= t && t < from + length);
        },
      ),
    );
  });
});

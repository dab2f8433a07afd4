import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeFreezeWindows } from '../../src/core/freeze/active-freeze-windows.js';
import { freezeCondition, MINUTE_OF_WEEK, weeklyRanges } from '../../src/core/generate/freeze-expr.js';
import type { FreezeWindowConfig } from '../../src/core/policy/schema.js';

/** What the generated PromQL answers at `t`: is the UTC minute of the week (Sunday 00:00 = 0) inside a range? */
function promqlSaysOpen(ranges: [number, number][], t: Date): boolean {
  const minute = t.getUTCDay() * 1440 + t.getUTCHours() * 60 + t.getUTCMinutes();
  return ranges.some(([a, b]) => minute >= a && minute < b);
}

describe('freeze windows as PromQL', () => {
  it('agree with the gate at every sampled minute, for weekly windows in zones without daylight saving', () => {
    const cron = fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 23 }), fc.constantFrom('*', '1-5', '5', '0,6', '3'));
    fc.assert(
      fc.property(
        cron,
        cron,
        fc.constantFrom('UTC', 'Asia/Kolkata', 'Asia/Tokyo', 'Etc/GMT+5'),
        fc.array(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }), { minLength: 20, maxLength: 20 }),
        ([m1, h1, d1], [m2, h2, d2], timezone, instants) => {
          const window: FreezeWindowConfig = { name: 'w', start: `${m1} ${h1} * * ${d1}`, end: `${m2} ${h2} * * ${d2}`, timezone };
          const ranges = weeklyRanges(window.start!, window.end!, timezone)!;
          for (const ms of instants) {
            const t = new Date(Math.floor(ms / 60_000) * 60_000);
            expect(promqlSaysOpen(ranges, t), `${window.start} → ${window.end} (${timezone}) at ${t.toISOString()}`).toBe(
              activeFreezeWindows([window], t).length > 0,
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('spell a Friday-evening-to-Monday-morning window as two minute-of-week ranges', () => {
    const condition = freezeCondition({ name: 'weekend', start: '0 18 * * 5', end: '0 8 * * 1' });
    expect(condition).toEqual({ expr: `(${MINUTE_OF_WEEK} >= 0 < 1920) or (${MINUTE_OF_WEEK} >= 8280 < 10080)` });
  });

  it('use time() bounds for one-off windows', () => {
    expect(freezeCondition({ name: 'launch', from: '2026-11-27T00:00:00-05:00', to: '2026-11-28T00:00:00-05:00' })).toEqual({
      expr: `vector(time()) >= ${Date.parse('2026-11-27T05:00:00Z') / 1000} < ${Date.parse('2026-11-28T05:00:00Z') / 1000}`,
    });
  });

  it('refuse what PromQL cannot state exactly: daylight saving, monthly or yearly crons', () => {
    expect(freezeCondition({ name: 'b', start: '0 18 * * 5', end: '0 8 * * 1', timezone: 'Europe/Berlin' })).toEqual({
      unsupported: "its time zone Europe/Berlin has daylight saving (PromQL's clock is UTC)",
    });
    expect(freezeCondition({ name: 'x', start: '0 0 24 12 *', end: '0 0 27 12 *' })).toHaveProperty('unsupported');
    expect(freezeCondition({ name: 'x', start: '0 0 1 * *', end: '0 0 2 * *' })).toHaveProperty('unsupported');
  });
});

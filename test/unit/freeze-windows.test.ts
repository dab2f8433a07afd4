import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeFreezeWindows, nextFreezeWindow } from '../../src/core/freeze/active-freeze-windows.js';
import type { FreezeWindowConfig } from '../../src/core/policy/schema.js';

const weekend = (timezone: string): FreezeWindowConfig => ({ name: 'weekend', reason: 'No deploys on weekends', start: '0 18 * * 5', end: '0 8 * * 1', timezone });
const at = (iso: string) => new Date(iso);
const names = (w: FreezeWindowConfig[], iso: string) => activeFreezeWindows(w, at(iso)).map((x) => x.name);

describe('recurring freeze windows', () => {
  it('opens at the start instant and closes exactly at the end instant (UTC)', () => {
    const w = [weekend('UTC')];
    expect(names(w, '2026-11-20T17:59:59.999Z')).toEqual([]);
    expect(activeFreezeWindows(w, at('2026-11-20T18:00:00Z'))).toEqual([
      { name: 'weekend', reason: 'No deploys on weekends', since: '2026-11-20T18:00:00.000Z', until: '2026-11-23T08:00:00.000Z' },
    ]);
    expect(names(w, '2026-11-22T12:00:00Z')).toEqual(['weekend']);
    expect(names(w, '2026-11-23T07:59:59.999Z')).toEqual(['weekend']);
    expect(names(w, '2026-11-23T08:00:00Z')).toEqual([]);
    expect(names(w, '2026-11-25T12:00:00Z')).toEqual([]);
  });

  it('follows Europe/Berlin across daylight saving: 17:00Z in winter, 16:00Z in summer', () => {
    const w = [weekend('Europe/Berlin')];
    expect(names(w, '2026-01-09T16:59:00Z')).toEqual([]);
    expect(names(w, '2026-01-09T17:00:00Z')).toEqual(['weekend']);
    expect(names(w, '2026-07-10T15:59:00Z')).toEqual([]);
    expect(names(w, '2026-07-10T16:00:00Z')).toEqual(['weekend']);
  });

  it('ends at local 08:00 on the Monday after the spring-forward weekend (Europe/Berlin, 2026-03-29)', () => {
    const w = [weekend('Europe/Berlin')];
    // Opened Friday 2026-03-27 18:00 CET (17:00Z); closes Monday 2026-03-30 08:00 CEST (06:00Z).
    const open = activeFreezeWindows(w, at('2026-03-29T12:00:00Z'))[0]!;
    expect(open.since).toBe('2026-03-27T17:00:00.000Z');
    expect(open.until).toBe('2026-03-30T06:00:00.000Z');
    expect(names(w, '2026-03-30T05:59:59Z')).toEqual(['weekend']);
    expect(names(w, '2026-03-30T06:00:00Z')).toEqual([]);
  });

  it('ends at local 08:00 on the Monday after fall-back (America/New_York, 2026-11-01)', () => {
    const w = [weekend('America/New_York')];
    // Opened Friday 2026-10-30 18:00 EDT (22:00Z); closes Monday 2026-11-02 08:00 EST (13:00Z).
    const open = activeFreezeWindows(w, at('2026-11-01T12:00:00Z'))[0]!;
    expect(open.since).toBe('2026-10-30T22:00:00.000Z');
    expect(open.until).toBe('2026-11-02T13:00:00.000Z');
    expect(names(w, '2026-11-02T12:59:59Z')).toEqual(['weekend']);
    expect(names(w, '2026-11-02T13:00:00Z')).toEqual([]);
  });

  it('handles a daily window across midnight', () => {
    const w: FreezeWindowConfig[] = [{ name: 'night', start: '0 22 * * *', end: '0 6 * * *', timezone: 'UTC' }];
    expect(names(w, '2026-05-05T23:30:00Z')).toEqual(['night']);
    expect(names(w, '2026-05-06T05:59:00Z')).toEqual(['night']);
    expect(names(w, '2026-05-06T06:00:00Z')).toEqual([]);
  });
});

describe('one-off freeze windows', () => {
  const bf: FreezeWindowConfig = { name: 'Black Friday', from: '2026-11-27T00:00:00-05:00', to: '2026-11-30T23:59:59-05:00' };

  it('is active from `from` (inclusive) to `to` (exclusive)', () => {
    expect(names([bf], '2026-11-27T04:59:59Z')).toEqual([]);
    expect(names([bf], '2026-11-27T05:00:00Z')).toEqual(['Black Friday']);
    expect(activeFreezeWindows([bf], at('2026-11-28T00:00:00Z'))[0]).toEqual({ name: 'Black Friday', reason: null, since: '2026-11-27T05:00:00.000Z', until: '2026-12-01T04:59:59.000Z' });
    expect(names([bf], '2026-12-01T04:59:59Z')).toEqual([]);
  });

  it('is active exactly when from <= t < to (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000_000 }), fc.integer({ min: 1, max: 10_000_000_000 }), fc.integer({ min: -20_000_000_000, max: 20_000_000_000 }), (from, length, offset) => {
        const w: FreezeWindowConfig = { name: 'w', from: new Date(from).toISOString(), to: new Date(from + length).toISOString() };
        const t = from + offset;
        expect(activeFreezeWindows([w], new Date(t)).length === 1).toBe(t >= from && t < from + length);
      }),
    );
  });

  it('sorts overlapping windows by their end and announces the next one', () => {
    const windows: FreezeWindowConfig[] = [bf, { name: 'deploy-freeze', from: '2026-11-26T00:00:00Z', to: '2026-11-29T00:00:00Z' }];
    expect(names(windows, '2026-11-28T00:00:00Z')).toEqual(['deploy-freeze', 'Black Friday']);
    expect(nextFreezeWindow(windows, at('2026-11-23T00:00:00Z'))).toEqual({ name: 'deploy-freeze', from: '2026-11-26T00:00:00.000Z', until: '2026-11-29T00:00:00.000Z' });
    expect(nextFreezeWindow(windows, at('2026-11-23T00:00:00Z'), 1)).toBeNull();
  });
});

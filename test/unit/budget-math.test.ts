import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetRemaining, burnRate, daysToExhaustion, statusFromBudget } from '../../src/core/budget/budget-math.js';
import { statusRank } from '../../src/core/status.js';

const thresholds = { caution: 80, warning: 50, freeze: 20 };

describe('budget math', () => {
  it('computes remaining budget without clamping', () => {
    // objective 99.9% allows 0.1% errors; 0.05% errors spend half of it
    expect(budgetRemaining(0.0005, 99.9)).toBeCloseTo(50, 10);
    expect(budgetRemaining(0, 99.9)).toBe(100);
    expect(budgetRemaining(0.0015, 99.9)).toBeCloseTo(-50, 10);
  });

  it('computes burn rate relative to the allowed error ratio', () => {
    expect(burnRate(0.0144, 99.9)).toBeCloseTo(14.4, 10);
    expect(burnRate(0, 99)).toBe(0);
  });

  it('computes days to exhaustion as R x window / burn, inf without burn, 0 when spent', () => {
    expect(daysToExhaustion(50, 30, 2)).toBeCloseTo(7.5, 10);
    expect(daysToExhaustion(50, 30, 0)).toBe('inf');
    expect(daysToExhaustion(0, 30, 3)).toBe(0);
    expect(daysToExhaustion(-20, 30, 0)).toBe(0);
  });

  it('maps budget to status at the threshold edges', () => {
    expect(statusFromBudget(80, thresholds)).toBe('NORMAL');
    expect(statusFromBudget(79.999, thresholds)).toBe('CAUTION');
    expect(statusFromBudget(50, thresholds)).toBe('CAUTION');
    expect(statusFromBudget(49.9, thresholds)).toBe('WARNING');
    expect(statusFromBudget(20, thresholds)).toBe('WARNING');
    expect(statusFromBudget(19.9, thresholds)).toBe('FREEZE');
    expect(statusFromBudget(0, thresholds)).toBe('FREEZE');
    expect(statusFromBudget(-0.01, thresholds)).toBe('EXHAUSTED');
  });

  it('never gives a better status or more budget for more errors (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 50, max: 99.999, noNaN: true }),
        (a, b, objective) => {
          const [fewer, more] = a <= b ? [a, b] : [b, a];
          const rFewer = budgetRemaining(fewer, objective);
          const rMore = budgetRemaining(more, objective);
          expect(rMore).toBeLessThanOrEqual(rFewer);
          expect(statusRank(statusFromBudget(rMore, thresholds))).toBeGreaterThanOrEqual(statusRank(statusFromBudget(rFewer, thresholds)));
          expect(burnRate(more, objective)).toBeGreaterThanOrEqual(burnRate(fewer, objective));
        },
      ),
    );
  });
});

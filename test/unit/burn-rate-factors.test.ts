import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetPercentOf, factorText, scaledFactor } from '../../src/core/generate/burn-rate-factors.js';
import { DEFAULT_ALERT_PAIRS } from '../../src/core/generate/recorded-series.js';

const HOURS = { '5m': 5 / 60, '1h': 1, '6h': 6, '1d': 24, '3d': 72, '7d': 168, '28d': 672, '30d': 720 } as const;

/**
 * Sloth's arithmetic, as in slok/sloth internal/alert/window.go getBurnRateFactor:
 * `errorBudgetPercent * totalWindow.Hours() / 100`, then `/ consumptionWindow.Hours()`, in float64.
 */
function slothFactor(errorBudgetPercent: number, periodHours: number, longHours: number): number {
  const hoursRequiredConsumption = (errorBudgetPercent * periodHours) / 100;
  return hoursRequiredConsumption / longHours;
}

/** Sloth's windows catalogue (internal/alert/windows/google-28d.yaml, google-30d.yaml): the share of the budget each pair spends. */
const SLOTH_BUDGET_PERCENT = [2, 5, 10, 10];

describe('burn-rate factors scaled to the SLO window', () => {
  it("are the very doubles Sloth writes for its 28d and 30d catalogues, and the workbook's own for 30d", () => {
    for (const window of ['28d', '30d'] as const) {
      const ours = DEFAULT_ALERT_PAIRS.map((p) => scaledFactor(p.factor, p.long, window));
      const sloth = DEFAULT_ALERT_PAIRS.map((p, i) =>
        slothFactor(SLOTH_BUDGET_PERCENT[i]!, HOURS[window], HOURS[p.long as keyof typeof HOURS]),
      );
      expect(ours).toEqual(sloth);
    }
    expect(DEFAULT_ALERT_PAIRS.map((p) => scaledFactor(p.factor, p.long, '28d'))).toEqual([
      13.44, 5.6000000000000005, 2.8000000000000003, 0.9333333333333333,
    ]);
    expect(DEFAULT_ALERT_PAIRS.map((p) => scaledFactor(p.factor, p.long, '30d'))).toEqual([14.4, 6, 3, 1]);
    expect(DEFAULT_ALERT_PAIRS.map((p) => factorText(scaledFactor(p.factor, p.long, '7d')))).toEqual(['3.36', '1.4', '0.7', '0.2333']);
  });

  it('equal factor × window / 30d for any factor, long window and SLO window, and so spend the same share of the budget', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.constantFrom('5m', '1h', '6h', '1d', '3d'),
        fc.integer({ min: 1, max: 400 }),
        (factor, long, days) => {
          const window = `${days}d`;
          const scaled = scaledFactor(factor, long, window);
          // Within 1e-11 relative: the factor goes through its budget share, rounded to 12 significant digits as
          // Sloth's catalogues state it.
          expect(Math.abs(scaled / ((factor * days) / 30) - 1)).toBeLessThan(1e-11);
          expect(Math.abs(budgetPercentOf(scaled, long, window) / budgetPercentOf(factor, long, '30d') - 1)).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * Burn-rate factors scaled to the SLO window, the way Sloth does it.
 *
 * A multi-window pair alerts when its long window spends a fixed share of the
 * error budget: the SRE workbook's 30-day pairs spend 2% in 1h (14.4x), 5% in
 * 6h (6x), 10% in 1d (3x) and 10% in 3d (1x). Sloth keeps those shares for
 * every SLO period and derives the factor from them
 * (slok/sloth internal/alert/window.go, getBurnRateFactor):
 *
 *     factor = budgetPercent × periodHours / 100 / longWindowHours
 *
 * in float64, unrounded (its rules print the shortest round-tripping decimal:
 * 13.44, 5.6, 2.8 and 0.9333333333333333 for 28 days). The factors of the policy
 * are written for a 30-day window, as the workbook's, so each is turned back
 * into its budget share (rounded to 12 significant digits, which recovers the
 * workbook's 2, 5, 10 and 10 exactly) and then run through Sloth's arithmetic
 * in the same order, giving the same double Sloth writes. That equals
 * `factor × window / 30d`.
 */
import { parseDurationMs } from '../duration.js';

/** The window the policy's factors are written for: the SRE workbook's. */
const FACTOR_REFERENCE_WINDOW = '30d';

const HOUR_MS = 3_600_000;
const REFERENCE_HOURS = parseDurationMs(FACTOR_REFERENCE_WINDOW) / HOUR_MS;

/** The share of the SLO window's error budget (percent) a factor spends over the long window: factor × long / window. */
export function budgetPercentOf(factor: number, long: string, window: string): number {
  return Number((((factor * parseDurationMs(long)) / parseDurationMs(window)) * 100).toPrecision(12));
}

/**
 * The factor of a pair for an SLO window: `factor × window / 30d`, computed as
 * Sloth computes it (see the file's comment). A 30-day window keeps the factor
 * as written.
 * @param factor the pair's factor for a 30-day window
 * @param long the pair's long window
 * @param window the SLO window
 */
export function scaledFactor(factor: number, long: string, window: string): number {
  const periodHours = parseDurationMs(window) / HOUR_MS;
  if (periodHours === REFERENCE_HOURS) return factor;
  const longHours = parseDurationMs(long) / HOUR_MS;
  const budgetPercent = Number((((factor * longHours) / REFERENCE_HOURS) * 100).toPrecision(12));
  return (budgetPercent * periodHours) / 100 / longHours;
}

/** A factor for people: four significant digits (13.44, 0.9333). */
export function factorText(factor: number): string {
  return String(Number(factor.toPrecision(4)));
}

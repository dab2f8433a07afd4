/**
 * Error-budget arithmetic (documented in the README under "The math").
 * Ratios are fractions (0..1); objectives and budgets are percentages.
 */
import type { Status } from '../status.js';

export interface Thresholds {
  caution: number;
  warning: number;
  freeze: number;
}

/** The error budget as a fraction of events: 1 − objective. */
function allowedErrorRatio(objectivePercent: number): number {
  return 1 - objectivePercent / 100;
}

/**
 * Budget remaining in percent: R = 1 − E(W) / (1 − objective). Not clamped:
 * −50 means half a budget overspent.
 */
export function budgetRemaining(errorRatio: number, objectivePercent: number): number {
  return (1 - errorRatio / allowedErrorRatio(objectivePercent)) * 100;
}

/** Burn rate: how many times faster than "exactly on budget" errors arrive. */
export function burnRate(errorRatio: number, objectivePercent: number): number {
  return errorRatio / allowedErrorRatio(objectivePercent);
}

/**
 * Days until the budget is gone at a constant burn rate: R × window_days / burn.
 * `'inf'` when nothing burns; 0 when the budget is already gone.
 */
export function daysToExhaustion(remainingPercent: number, windowDays: number, rate: number): number | 'inf' {
  if (remainingPercent <= 0) return 0;
  if (rate <= 0) return 'inf';
  return ((remainingPercent / 100) * windowDays) / rate;
}

/** Status from budget remaining (percent) and the thresholds. */
export function statusFromBudget(remainingPercent: number, thresholds: Thresholds): Status {
  if (remainingPercent >= thresholds.caution) return 'NORMAL';
  if (remainingPercent >= thresholds.warning) return 'CAUTION';
  if (remainingPercent >= thresholds.freeze) return 'WARNING';
  if (remainingPercent >= 0) return 'FREEZE';
  return 'EXHAUSTED';
}

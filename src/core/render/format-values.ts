/** Number formatting shared by every rendering (summary, check run, CLI, PR comment). */
import { humanDuration } from '../duration.js';
import type { DaysToExhaustion } from '../report/report-schema.js';

export function formatPercent(value: number | null, digits = 1): string {
  return value === null ? 'n/a' : `${value.toFixed(digits)}%`;
}

export function formatRatio(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(3)}%`;
}

export function formatBurnRate(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(2)}x`;
}

export function formatDays(value: DaysToExhaustion): string {
  if (value === null) return 'n/a';
  if (value === 'inf') return '∞';
  return value.toFixed(1);
}

export function formatAge(seconds: number | null): string {
  return seconds === null ? 'missing' : humanDuration(seconds);
}

/** Output form of days to exhaustion: a number, `inf`, or empty when unknown. */
export function daysOutput(value: DaysToExhaustion): string {
  if (value === null) return '';
  if (value === 'inf') return 'inf';
  return String(Number(value.toFixed(2)));
}

/** Output form of a number: rounded for humans, empty when unknown. */
export function numberOutput(value: number | null, digits = 2): string {
  return value === null ? '' : String(Number(value.toFixed(digits)));
}

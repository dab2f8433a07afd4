/**
 * The refresh interval of `status --watch`: whole or decimal seconds (`30`) or a
 * duration (`30s`, `5m`, `1h`), between 5 seconds and 1 hour. Below that the gate
 * would query Prometheus faster than its series change (recorded series move once
 * a minute); above it, and past setTimeout's 24.8-day limit where Node fires at
 * once, a watch would be a tight loop of queries (`1e9` was one).
 */
import { isDuration, parseDurationMs } from '../core/duration.js';
import { flagError } from './usage-error.js';

const MIN_INTERVAL_MS = 5_000;
const MAX_INTERVAL_MS = 3_600_000;

/** Milliseconds between refreshes; a PolicyError naming --interval for anything else. */
export function parseInterval(text: string): number {
  const value = text.trim();
  let ms: number | null = null;
  if (/^\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
  else if (isDuration(value)) ms = parseDurationMs(value);
  if (ms === null || !Number.isFinite(ms) || ms < MIN_INTERVAL_MS || ms > MAX_INTERVAL_MS) {
    throw flagError('--interval', `expected seconds between 5 and 3600 (or a duration such as 30s, 5m or 1h); got "${text}"`);
  }
  return ms;
}

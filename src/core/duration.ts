/**
 * Durations in the Prometheus style (`30d`, `1h30m`, `5m`, `10s`, `250ms`, `2w`, `1y`),
 * the only form the policy file and the inputs accept, so a window written once
 * can be pasted into PromQL unchanged.
 */

const UNIT_MS = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
} as const;

type Unit = keyof typeof UNIT_MS;

const DURATION_RE = /^(?:\d+(?:ms|y|w|d|h|m|s))+$/;
const PART_RE = /(\d+)(ms|y|w|d|h|m|s)/g;

/** The accepted form, for error messages. */
export const DURATION_FORM = 'a Prometheus duration such as 30d, 6h, 5m, 10s or 1h30m';

/** True when `text` is a positive Prometheus-style duration. */
export function isDuration(text: string): boolean {
  return DURATION_RE.test(text) && parseDurationMs(text) > 0;
}

/** Milliseconds in a Prometheus-style duration; throws on anything else. */
export function parseDurationMs(text: string): number {
  if (!DURATION_RE.test(text)) {
    throw new Error(`"${text}" is not ${DURATION_FORM}`);
  }
  let total = 0;
  for (const match of text.matchAll(PART_RE)) {
    total += Number(match[1]) * UNIT_MS[match[2] as Unit];
  }
  return total;
}

/** Days (possibly fractional) in a Prometheus-style duration. */
export function durationDays(text: string): number {
  return parseDurationMs(text) / UNIT_MS.d;
}

/**
 * The shortest Prometheus duration for a whole number of milliseconds (`90m` → `1h30m`), for PromQL and the policy
 * file; `humanDuration` is the one for people.
 */
export function formatPromDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  let rest = Math.round(ms);
  let out = '';
  for (const unit of ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const) {
    const size = UNIT_MS[unit];
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}

/** A human rendering for reports: `3d 4h`, `45m`, `12s`. */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  if (m > 0) return `${m}m`;
  return `${s}s`;
}

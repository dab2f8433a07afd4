/**
 * The series `generate rules` records, by name and window: shared by the rule
 * generator and the gate, so the gate reads exactly what the rules write.
 */
import { formatDuration, parseDurationMs } from '../duration.js';
import type { ResolvedSlo } from '../policy/resolve-policy.js';

export interface BurnRatePair {
  long: string;
  short: string;
  factor: number;
  severity: 'page' | 'ticket';
  for: string;
}

/** SRE-workbook pairs for a 30-day window. */
export const DEFAULT_ALERT_PAIRS: BurnRatePair[] = [
  { long: '1h', short: '5m', factor: 14.4, severity: 'page', for: '2m' },
  { long: '6h', short: '30m', factor: 6, severity: 'page', for: '15m' },
  { long: '1d', short: '2h', factor: 3, severity: 'ticket', for: '1h' },
  { long: '3d', short: '6h', factor: 1, severity: 'ticket', for: '3h' },
];

/** The windows recorded for an SLO: its own, the alert pairs' and the gate's 1h burn-rate window, shortest first. */
export function recordedWindows(slo: Pick<ResolvedSlo, 'window'>, pairs: readonly BurnRatePair[] = DEFAULT_ALERT_PAIRS): string[] {
  const all = new Set<string>(['5m', '1h', slo.window, ...pairs.flatMap((p) => [p.long, p.short])]);
  return [...all].sort((a, b) => parseDurationMs(a) - parseDurationMs(b));
}

export function sloSelector(slo: Pick<ResolvedSlo, 'name'>): string {
  return `{slo="${slo.name}"}`;
}

/** The recorded error ratio of an SLO over a window. */
export function recordedRatioQuery(slo: Pick<ResolvedSlo, 'name'>, window: string): string {
  return `slo:sli_error:ratio_rate${window}${sloSelector(slo)}`;
}

/**
 * Samples of the SLO's base recording in the hour at the start of its window:
 * more than zero means the recorded history covers the whole window.
 */
export function recordedCoverageQuery(slo: Pick<ResolvedSlo, 'name' | 'window' | 'sli'>): string {
  const base = slo.sli.kind === 'ratio' ? 'slo:sli_error:ratio_rate5m' : 'slo:sli_total:rate5m';
  const offset = formatDuration(parseDurationMs(slo.window) - 3_600_000);
  return `count_over_time(${base}${sloSelector(slo)}[1h]${offset === '0s' ? '' : ` offset ${offset}`})`;
}

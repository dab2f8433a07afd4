/**
 * The series `generate rules` records, by name and window: shared by the rule
 * generator and the gate, so the gate reads exactly what the rules write.
 */
import { formatDuration, parseDurationMs } from '../duration.js';
import type { ResolvedSlo } from '../policy/resolve-policy.js';
import { sliKindOf } from '../sli/registry.js';

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

/**
 * The windows recorded for an SLO, shortest first: its own, the gate's 1h
 * burn-rate window and the default alert pairs' (always, so the gate can rely
 * on them whatever pairs a policy configures), plus configured pairs' and
 * `extra` windows (the policy's burn-rate guards).
 */
export function recordedWindows(slo: Pick<ResolvedSlo, 'window'>, pairs: readonly BurnRatePair[] = DEFAULT_ALERT_PAIRS, extra: readonly string[] = []): string[] {
  const all = new Set<string>(['5m', '1h', slo.window, ...[...DEFAULT_ALERT_PAIRS, ...pairs].flatMap((p) => [p.long, p.short]), ...extra]);
  return [...all].sort((a, b) => parseDurationMs(a) - parseDurationMs(b));
}

export function sloSelector(slo: Pick<ResolvedSlo, 'name'>): string {
  return `{slo="${slo.name}"}`;
}

/**
 * Evaluation interval of every generated group. The base rules record 5m
 * *rates* every interval, so a sum of them over w, times the interval, is the
 * event count over w (each event is seen 5m/interval times at 1/300 of its
 * weight); in a ratio of two such sums the interval cancels out.
 */
export const RULE_INTERVAL_SECONDS = 60;

/** The base series: events per second over 5m, the only rules that read raw counters (ratio SLIs: the 5m error ratio). */
export const BASE_SERIES = { error: 'slo:sli_error:rate5m', total: 'slo:sli_total:rate5m', ratio: 'slo:sli_error:ratio_rate5m' } as const;

/**
 * How to read an SLO's event counts over any window from the recorded base
 * series instead of raw counters (`sum(increase(...[30d]))`): null for a ratio
 * SLI, which records no traffic. Within a few events of the raw answer (the
 * window edge is smoothed over one 5m step).
 */
export function recordedQueries(slo: Pick<ResolvedSlo, 'name' | 'sli'>): { error(window: string): string; total(window: string): string } | null {
  if (!sliKindOf(slo.sli).countsEvents) return null;
  const count = (series: string) => (window: string) => `sum_over_time(${series}${sloSelector(slo)}[${window}]) * ${RULE_INTERVAL_SECONDS}`;
  return { error: count(BASE_SERIES.error), total: count(BASE_SERIES.total) };
}

/** The base series that tells whether an SLO is recorded: its event rate, or its ratio for kinds that count no events. */
export function baseSeriesOf(slo: Pick<ResolvedSlo, 'sli'>): string {
  return sliKindOf(slo.sli).countsEvents ? BASE_SERIES.total : BASE_SERIES.ratio;
}

/** Non-empty exactly when the generated rules for this SLO are loaded and recording. */
export function recordedDetectionQuery(slo: Pick<ResolvedSlo, 'name' | 'sli'>): string {
  return `count(${baseSeriesOf(slo)}${sloSelector(slo)})`;
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
  const base = baseSeriesOf(slo);
  const offset = formatDuration(parseDurationMs(slo.window) - 3_600_000);
  return `count_over_time(${base}${sloSelector(slo)}[1h]${offset === '0s' ? '' : ` offset ${offset}`})`;
}

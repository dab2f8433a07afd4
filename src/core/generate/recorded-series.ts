/**
 * The series `generate rules` records, by name and window: shared by the rule
 * generator, the dashboard and the gate, so the gate reads exactly what the
 * rules write.
 *
 * Every name is in the `deploy_governor:` namespace (`deploy_governor:<what>:
 * <aggregation><window>`), so the generated rules and Sloth's (which write
 * `slo:sli_error:ratio_rate<w>`, `slo:objective:ratio`, … labelled `sloth_id`)
 * can be loaded into one Prometheus without their series mixing.
 */
import { formatPromDuration, parseDurationMs } from '../duration.js';
import type { ResolvedSlo } from '../policy/resolve-policy.js';
import { sliKindOf } from '../sli/registry.js';

export interface BurnRatePair {
  long: string;
  short: string;
  /** Burn-rate factor, written for a 30-day window (the SRE workbook's) unless `pinned`. */
  factor: number;
  severity: 'page' | 'ticket';
  for: string;
  /**
   * Use `factor` as written whatever the SLO window (the policy's `alerting.factor-scaling: pinned`); otherwise it is
   * scaled by window / 30d.
   */
  pinned?: boolean;
}

/** SRE-workbook pairs, with their factors for a 30-day window (scaled to the SLO window by the generator). */
export const DEFAULT_ALERT_PAIRS: BurnRatePair[] = [
  { long: '1h', short: '5m', factor: 14.4, severity: 'page', for: '2m' },
  { long: '6h', short: '30m', factor: 6, severity: 'page', for: '15m' },
  { long: '1d', short: '2h', factor: 3, severity: 'ticket', for: '1h' },
  { long: '3d', short: '6h', factor: 1, severity: 'ticket', for: '3h' },
];

/** The namespace of every generated series. */
const SERIES_NAMESPACE = 'deploy_governor';

/** Names of the generated series. */
export const SERIES = {
  /** Bad events per second over the base window (the only rules that read raw counters). */
  errorRate: (base: string) => `${SERIES_NAMESPACE}:sli_error:rate${base}`,
  /** All events per second over the base window. */
  totalRate: (base: string) => `${SERIES_NAMESPACE}:sli_total:rate${base}`,
  /** The base error rate outside the policy's one-off exclusions (absent while one is open): the SLO window's budget reads it. */
  includedErrorRate: (base: string) => `${SERIES_NAMESPACE}:sli_error:included_rate${base}`,
  /** The base event rate outside the one-off exclusions. */
  includedTotalRate: (base: string) => `${SERIES_NAMESPACE}:sli_total:included_rate${base}`,
  /** Error ratio over a window (for ratio SLIs over the base window, the base recording itself). */
  errorRatio: (window: string) => `${SERIES_NAMESPACE}:sli_error:ratio_rate${window}`,
  /** Events over a window. */
  totalCount: (window: string) => `${SERIES_NAMESPACE}:sli_total:count${window}`,
  burnRate: (window: string) => `${SERIES_NAMESPACE}:burn_rate:${window}`,
  objective: `${SERIES_NAMESPACE}:objective:ratio`,
  budgetRemaining: `${SERIES_NAMESPACE}:error_budget_remaining:ratio`,
} as const;

/** The base window when the policy sets no `scrape-interval` (or one of a minute or less). */
const DEFAULT_BASE_WINDOW = '5m';
/** Scrape intervals the base window spans at least, so that increase() always has several samples. */
const BASE_WINDOW_INTERVALS = 4;

const MINUTE_MS = 60_000;

/**
 * The window of the base rates for a scrape interval: at least four intervals
 * (rounded up to a whole minute, the rules' evaluation interval), and never less
 * than 5m. `increase(x[5m])` needs two samples inside 5 minutes, so it records
 * nothing at a 5-minute scrape interval: there the base window is 20m.
 */
export function baseWindowFor(scrapeInterval: string | undefined): string {
  if (scrapeInterval === undefined) return DEFAULT_BASE_WINDOW;
  const ms = Math.ceil((BASE_WINDOW_INTERVALS * parseDurationMs(scrapeInterval)) / MINUTE_MS) * MINUTE_MS;
  return ms <= parseDurationMs(DEFAULT_BASE_WINDOW) ? DEFAULT_BASE_WINDOW : formatPromDuration(ms);
}

/** The base window of an SLO's rules, from the policy's `scrape-interval`. */
function baseWindowOf(slo: Pick<ResolvedSlo, 'scrapeInterval'>): string {
  return baseWindowFor(slo.scrapeInterval);
}

/**
 * The windows recorded for an SLO, shortest first: its own, the gate's 1h
 * burn-rate window and the default alert pairs' (always, so the gate can rely
 * on them whatever pairs a policy configures), plus configured pairs' and
 * `extra` windows (the policy's burn-rate guards). A window shorter than the
 * base window is recorded too, as the base window's ratio (the shortest the
 * scrape interval can measure).
 */
export function recordedWindows(
  slo: Pick<ResolvedSlo, 'window'>,
  pairs: readonly BurnRatePair[] = DEFAULT_ALERT_PAIRS,
  extra: readonly string[] = [],
): string[] {
  const all = new Set<string>(['5m', '1h', slo.window, ...[...DEFAULT_ALERT_PAIRS, ...pairs].flatMap((p) => [p.long, p.short]), ...extra]);
  return [...all].sort((a, b) => parseDurationMs(a) - parseDurationMs(b));
}

export function sloSelector(slo: Pick<ResolvedSlo, 'name'>): string {
  return `{slo="${slo.name}"}`;
}

/**
 * Evaluation interval of every generated group. The base rules record *rates*
 * over the base window every interval, so a sum of them over w, times the
 * interval, is the event count over w (each event is seen base/interval times
 * at 1/base of its weight); in a ratio of two such sums the interval cancels out.
 */
export const RULE_INTERVAL_SECONDS = 60;

/** The base series of an SLO: events per second over its base window (ratio SLIs: the error ratio over it). */
export function baseSeries(slo: Pick<ResolvedSlo, 'scrapeInterval'>): { window: string; error: string; total: string; ratio: string } {
  const window = baseWindowOf(slo);
  return { window, error: SERIES.errorRate(window), total: SERIES.totalRate(window), ratio: SERIES.errorRatio(window) };
}

/**
 * How to read an SLO's event counts over any window from the recorded base
 * series instead of raw counters (`sum(increase(...[30d]))`): null for a ratio
 * SLI, which records no traffic. Within a few events of the raw answer (the
 * window edge is smoothed over one base window).
 */
export function recordedQueries(
  slo: Pick<ResolvedSlo, 'name' | 'sli' | 'scrapeInterval'>,
): { error(window: string): string; total(window: string): string } | null {
  if (!sliKindOf(slo.sli).countsEvents) return null;
  const base = baseSeries(slo);
  const count = (series: string) => (window: string) => `sum_over_time(${series}${sloSelector(slo)}[${window}]) * ${RULE_INTERVAL_SECONDS}`;
  return { error: count(base.error), total: count(base.total) };
}

/** The base series that tells whether an SLO is recorded: its event rate, or its ratio for kinds that count no events. */
function baseSeriesOf(slo: Pick<ResolvedSlo, 'sli' | 'scrapeInterval'>): string {
  const base = baseSeries(slo);
  return sliKindOf(slo.sli).countsEvents ? base.total : base.ratio;
}

/** The recorded error ratio of an SLO over a window. */
export function recordedRatioQuery(slo: Pick<ResolvedSlo, 'name'>, window: string): string {
  return `${SERIES.errorRatio(window)}${sloSelector(slo)}`;
}

/**
 * Samples of the SLO's base recording in the hour at the start of its window:
 * more than zero means the recorded history covers the whole window. The base
 * series is named after the base window, so rules generated for another
 * `scrape-interval` do not count as these (the gate then reads raw counters).
 */
export function recordedCoverageQuery(slo: Pick<ResolvedSlo, 'name' | 'window' | 'sli' | 'scrapeInterval'>): string {
  const base = baseSeriesOf(slo);
  const offset = formatPromDuration(parseDurationMs(slo.window) - 3_600_000);
  return `count_over_time(${base}${sloSelector(slo)}[1h]${offset === '0s' ? '' : ` offset ${offset}`})`;
}

/**
 * Reading the SLO ratios that `deploy-governor generate rules` records instead
 * of scanning raw counters over the whole window: the same traffic-weighted
 * ratio for a fraction of the samples (see `npm run bench`).
 */
import { recordedCoverageQuery, recordedRatioQuery, recordedWindows } from '../generate/recorded-series.js';
import type { ResolvedSlo } from '../policy/resolve-policy.js';
import type { PrometheusQuerier } from '../prometheus/querier.js';
import { PrometheusQueryError } from '../prometheus/query-error.js';
import type { WindowMeasurement } from '../sli/sli-kind.js';
import { SliError } from './sli-error.js';

export interface RecordedAvailability {
  /** The windows to read from recorded series (all recorded windows, or none). */
  windows: Set<string>;
  /** Why the recordings could not be checked, when the gate reads raw counters because of it (auto only). */
  note: string | null;
}

/**
 * The windows of `slo` to read from recorded series: all recorded windows when
 * the recorded history covers the SLO window, none otherwise. With `auto`, a
 * failed check is a note, not an error: the raw queries run next, so a
 * Prometheus that fails them names the SLO's own query, not this probe.
 * @throws SliError when `mode` is `true` and the recordings are missing or too young; PrometheusQueryError when `mode`
 *    is `true` and the check fails
 */
export async function recordedWindowsAvailable(
  slo: ResolvedSlo,
  mode: 'true' | 'false' | 'auto',
  prometheus: PrometheusQuerier,
  time: Date,
): Promise<RecordedAvailability> {
  if (mode === 'false') return { windows: new Set(), note: null };
  const query = recordedCoverageQuery(slo);
  let covered: boolean;
  try {
    covered = (await prometheus.query(query, time)).samples.some((s) => s.value > 0);
  } catch (error: unknown) {
    if (mode === 'true' || !(error instanceof PrometheusQueryError)) throw error;
    return {
      windows: new Set(),
      note: `SLO ${slo.name}: the check for recorded series failed, so raw counters were read: ${error.message}`,
    };
  }
  if (covered) return { windows: new Set(recordedWindows(slo)), note: null };
  if (mode === 'true') {
    throw new SliError(
      `use-recording-rules is true, but the recorded series of SLO ${slo.name} do not reach back over its ${slo.window} window (${query} is empty): load the rules from \`deploy-governor generate rules\` and let them record for ${slo.window} (or backfill them with promtool), or set use-recording-rules to auto`,
    );
  }
  return { windows: new Set(), note: null };
}

/**
 * The recorded error ratio over `window`: no traffic when the recorded quotient
 * is NaN; null when the series is missing although the SLO's recordings exist
 * (the caller reads raw counters for that window, with a note).
 */
export async function measureRecordedRatio(
  slo: ResolvedSlo,
  window: string,
  prometheus: PrometheusQuerier,
  time: Date,
): Promise<WindowMeasurement | null> {
  const query = recordedRatioQuery(slo, window);
  const result = await prometheus.query(query, time);
  if (result.samples.length === 0) return null;
  if (result.samples.length > 1)
    throw new SliError(`${query} returned ${result.samples.length} series: two rule files record SLO ${slo.name}; keep one`);
  const value = result.samples[0]!.value;
  if (Number.isNaN(value)) return { state: 'no-traffic', query, detail: `the recorded ratio ${query} is NaN (no events in the window)` };
  if (!Number.isFinite(value) || value < 0) throw new SliError(`${query} returned ${value}; expected an error ratio between 0 and 1`);
  return { state: 'measured', ratio: Math.min(value, 1) };
}

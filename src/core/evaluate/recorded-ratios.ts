/**
 * Reading the SLO ratios that `deploy-governor generate rules` records instead
 * of scanning raw counters over the whole window: the same traffic-weighted
 * ratio for a fraction of the samples (see `npm run bench`).
 */
import { recordedCoverageQuery, recordedRatioQuery, recordedWindows } from '../generate/recorded-series.js';
import type { ResolvedSlo } from '../policy/resolve-policy.js';
import type { PrometheusQuerier } from '../prometheus/querier.js';
import { SliError } from './sli-error.js';

/**
 * The windows of `slo` to read from recorded series: all recorded windows when
 * the recorded history covers the SLO window, none otherwise.
 * @throws SliError when `mode` is `true` and the recordings are missing or too young
 */
export async function recordedWindowsAvailable(slo: ResolvedSlo, mode: 'true' | 'false' | 'auto', prometheus: PrometheusQuerier, time: Date): Promise<Set<string>> {
  if (mode === 'false') return new Set();
  const query = recordedCoverageQuery(slo);
  const result = await prometheus.query(query, time);
  const covered = result.samples.some((s) => s.value > 0);
  if (covered) return new Set(recordedWindows(slo));
  if (mode === 'true') {
    throw new SliError(
      `use-recording-rules is true, but the recorded series of SLO ${slo.name} do not reach back over its ${slo.window} window (${query} is empty): load the rules from \`deploy-governor generate rules\` and let them record for ${slo.window} (or backfill them with promtool), or set use-recording-rules to auto`,
    );
  }
  return new Set();
}

/** The recorded error ratio over `window`; null without traffic (the recorded quotient is NaN). */
export async function measureRecordedRatio(slo: ResolvedSlo, window: string, prometheus: PrometheusQuerier, time: Date): Promise<number | null> {
  const query = recordedRatioQuery(slo, window);
  const result = await prometheus.query(query, time);
  if (result.samples.length === 0) throw new SliError(`the recorded series ${query} is missing although the SLO's recordings exist: regenerate and reload the rules`);
  if (result.samples.length > 1) throw new SliError(`${query} returned ${result.samples.length} series: two rule files record SLO ${slo.name}; keep one`);
  const value = result.samples[0]!.value;
  if (Number.isNaN(value)) return null;
  if (!Number.isFinite(value) || value < 0) throw new SliError(`${query} returned ${value}; expected an error ratio between 0 and 1`);
  return Math.min(value, 1);
}

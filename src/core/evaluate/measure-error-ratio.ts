/**
 * Reads one SLI's error ratio over one window through its kind's module
 * (src/core/sli/kinds/): traffic-weighted by construction for the kinds that
 * count events (errors and totals both `increase()` over the same window,
 * divided once).
 */
import type { PrometheusQuerier } from '../prometheus/querier.js';
import { sliKindOf, type ResolvedSli } from '../sli/registry.js';
import type { WindowMeasurement } from '../sli/sli-kind.js';

/**
 * What `sli`'s queries say about `window` at `time`: the error ratio (0..1), no
 * traffic (nothing to count), or no data (a query returned no samples). An
 * absent error series of an events SLI counts as zero errors.
 * @throws PrometheusQueryError when Prometheus fails, SliError when the answer is unusable
 */
export function measureWindow(sli: ResolvedSli, window: string, prometheus: PrometheusQuerier, time: Date): Promise<WindowMeasurement> {
  return sliKindOf(sli).measure(sli, window, prometheus, time);
}

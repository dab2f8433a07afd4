/**
 * Reading the error ratios Sloth itself records, for an SLO that came from a
 * Sloth spec: the sibling of recorded-ratios.ts (the series `generate rules`
 * records), which the gate prefers when both exist.
 *
 * Sloth's series and labels, as its SLI rules plugin writes them
 * (slok/sloth `internal/plugin/slo/core/sli_rules_v1/plugin.go`, vendored output
 * in test/fixtures/sloth/getting-started.rules.yml):
 * - `slo:sli_error:ratio_rate<w>` for each alert window (5m, 30m, 1h, 2h, 6h,
 *   1d, 3d with its default windows), `(error)/(total)` over `[w]`;
 * - the same name for the SLO period (`30d` by default), recorded as
 *   `sum_over_time(…ratio_rate5m[30d]) / count_over_time(…ratio_rate5m[30d])`:
 *   the average of the 5-minute ratios, not traffic-weighted, and NaN once any
 *   5-minute ratio inside the period was 0/0;
 * - every one labelled `sloth_id="<service>-<slo>"` and `sloth_window="<w>"`
 *   (the window as Prometheus prints durations, `4w` for 28 days).
 */
import { formatPromDuration, isDuration, parseDurationMs } from '../duration.js';
import { recordedCoverageQuery } from '../generate/recorded-series.js';
import type { ResolvedSlo } from '../policy/resolve-policy.js';
import type { PrometheusQuerier } from '../prometheus/querier.js';
import { PrometheusQueryError } from '../prometheus/query-error.js';
import { promString } from '../promql/promql.js';
import type { WindowMeasurement } from '../sli/sli-kind.js';
import { recordedWindowsAvailable, type RecordedAvailability } from './recorded-ratios.js';
import { SliError } from './sli-error.js';

/** Sloth's error-ratio recordings: the name is this prefix and the `sloth_window` label. */
const SLOTH_RATIO_PREFIX = 'slo:sli_error:ratio_rate';
/** The window Sloth's period ratio averages (its default page alert's short window). */
const SLOTH_BASE_WINDOW = '5m';

type SlothSlo = Pick<ResolvedSlo, 'name' | 'window'> & { slothId: string };

function slothSelector(slo: SlothSlo): string {
  return `{sloth_id=${promString(slo.slothId)}}`;
}

/**
 * Samples of Sloth's 5-minute ratio in the hour at the start of the SLO window:
 * more than zero means Sloth's recordings reach back over the whole window.
 */
export function slothCoverageQuery(slo: SlothSlo): string {
  const offset = formatPromDuration(parseDurationMs(slo.window) - 3_600_000);
  return `count_over_time(${SLOTH_RATIO_PREFIX}${SLOTH_BASE_WINDOW}${slothSelector(slo)}[1h]${offset === '0s' ? '' : ` offset ${offset}`})`;
}

/** The windows Sloth records for the SLO now, one series per `sloth_window`. */
export function slothWindowsQuery(slo: SlothSlo): string {
  return `group by (sloth_window) ({__name__=~${promString(`${SLOTH_RATIO_PREFIX}.+`)}, sloth_id=${promString(slo.slothId)}})`;
}

/** Sloth's error ratio over a window, by the window as Sloth writes it (`sloth_window`). */
export function slothRatioQuery(slo: SlothSlo, slothWindow: string): string {
  return `${SLOTH_RATIO_PREFIX}${slothWindow}${slothSelector(slo)}`;
}

export interface SlothAvailability {
  /** The gate's windows Sloth records, each with the window as Sloth writes it (`28d` → `4w`). */
  windows: Map<string, string>;
  /** Why Sloth's recordings could not be checked, when the gate reads raw counters because of it (auto only). */
  note: string | null;
}

const NONE: SlothAvailability = { windows: new Map(), note: null };

/**
 * Where the gate reads an SLO's windows, in order of preference: the series of
 * `generate rules` (traffic-weighted, as the raw counters), else Sloth's own
 * for an SLO that came from a Sloth spec, else raw counters. With
 * `use-recording-rules: true`, a Sloth-sourced SLO is an error only when
 * neither is there.
 * @throws as `recordedWindowsAvailable` and `slothWindowsAvailable`
 */
export async function recordedSources(
  slo: ResolvedSlo,
  windows: readonly string[],
  mode: 'true' | 'false' | 'auto',
  prometheus: PrometheusQuerier,
  time: Date,
): Promise<{ recorded: RecordedAvailability; sloth: SlothAvailability }> {
  let recorded: RecordedAvailability;
  try {
    recorded = await recordedWindowsAvailable(slo, mode, prometheus, time);
  } catch (error: unknown) {
    // Missing (not failed) recordings of ours: Sloth's may still be there, and its check names both when not.
    if (slo.slothId === undefined || !(error instanceof SliError)) throw error;
    recorded = { windows: new Set(), note: null };
  }
  if (recorded.windows.size > 0) return { recorded, sloth: NONE };
  return { recorded, sloth: await slothWindowsAvailable(slo, windows, mode, prometheus, time) };
}

/**
 * The gate's `windows` to read from Sloth's recordings: those Sloth records,
 * when its 5-minute ratio reaches back over the SLO window; none otherwise, or
 * for an SLO that did not come from a Sloth spec.
 * @throws SliError when `mode` is `true` and Sloth's recordings are missing or too young too; PrometheusQueryError when
 *    `mode` is `true` and the check fails
 */
async function slothWindowsAvailable(
  slo: ResolvedSlo,
  windows: readonly string[],
  mode: 'true' | 'false' | 'auto',
  prometheus: PrometheusQuerier,
  time: Date,
): Promise<SlothAvailability> {
  const { slothId } = slo;
  if (mode === 'false' || slothId === undefined) return NONE;
  const sloth = { ...slo, slothId };
  const coverage = slothCoverageQuery(sloth);
  let recorded: Map<number, string> | null;
  try {
    const covered = (await prometheus.query(coverage, time)).samples.some((s) => s.value > 0);
    recorded = covered ? await recordedSlothWindows(sloth, prometheus, time) : null;
  } catch (error: unknown) {
    if (mode === 'true' || !(error instanceof PrometheusQueryError)) throw error;
    return {
      windows: new Map(),
      note: `SLO ${slo.name}: the check for Sloth's recorded series failed, so raw counters were read: ${error.message}`,
    };
  }
  if (recorded === null) {
    if (mode === 'true') {
      throw new SliError(
        `use-recording-rules is true, but neither the series of \`deploy-governor generate rules\` (${recordedCoverageQuery(slo)} is empty) nor Sloth's own recordings of SLO ${slo.name} (${coverage} is empty) reach back over its ${slo.window} window: load either rule file and let it record for ${slo.window} (or backfill it with promtool), or set use-recording-rules to auto`,
      );
    }
    return NONE;
  }
  const out = new Map<string, string>();
  for (const w of windows) {
    const slothWindow = recorded.get(parseDurationMs(w));
    if (slothWindow !== undefined) out.set(w, slothWindow);
  }
  return { windows: out, note: null };
}

/** The windows Sloth records for the SLO now, by length, as Sloth writes them. */
async function recordedSlothWindows(slo: SlothSlo, prometheus: PrometheusQuerier, time: Date): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const sample of (await prometheus.query(slothWindowsQuery(slo), time)).samples) {
    const w = sample.labels.sloth_window;
    // A label that is no duration is not one of Sloth's windows: that window is read raw.
    if (w !== undefined && isDuration(w)) out.set(parseDurationMs(w), w);
  }
  return out;
}

/**
 * Sloth's recorded error ratio over `window`; null when the series has no
 * sample now (the caller reads raw counters for that window, with a note). NaN
 * is no data, never a healthy window: over the SLO period it means a 5-minute
 * ratio of the period was 0/0, over an alert window that nothing was counted.
 * @param slothWindow the window as Sloth writes it (from `slothWindowsAvailable`)
 */
export async function measureSlothRatio(
  slo: Pick<ResolvedSlo, 'name' | 'window' | 'slothId'>,
  window: string,
  slothWindow: string,
  prometheus: PrometheusQuerier,
  time: Date,
): Promise<WindowMeasurement | null> {
  if (slo.slothId === undefined) return null;
  const query = slothRatioQuery({ ...slo, slothId: slo.slothId }, slothWindow);
  const result = await prometheus.query(query, time);
  if (result.samples.length === 0) return null;
  if (result.samples.length > 1)
    throw new SliError(`${query} returned ${result.samples.length} series: two Sloth rule files record SLO ${slo.name}; keep one`);
  const value = result.samples[0]!.value;
  if (Number.isNaN(value)) {
    const detail =
      window === slo.window
        ? `Sloth's ${slothWindow} ratio ${query} is NaN: it averages Sloth's ${SLOTH_BASE_WINDOW} ratios, and one of them inside the window was 0/0 (${SLOTH_BASE_WINDOW} without traffic), which leaves the average NaN until it leaves the window`
        : `Sloth's ratio ${query} is NaN (0/0: nothing was counted in the window)`;
    return { state: 'no-data', query, detail };
  }
  if (!Number.isFinite(value) || value < 0) throw new SliError(`${query} returned ${value}; expected an error ratio between 0 and 1`);
  return { state: 'measured', ratio: Math.min(value, 1) };
}

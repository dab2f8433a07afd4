/**
 * One SLO: budget over its window, burn rate over the last hour, and the
 * fast-burn guards. A failure affects this SLO only (it becomes UNKNOWN); the
 * others are still reported.
 *
 * No data is not zero: a window whose query returned no samples has no burn
 * rate (null, "n/a"), a guard on it is unknown (never "not triggered"), and a
 * finding names the query. A window with samples but no traffic (a total of 0,
 * a ratio of 0/0) burned nothing; over the SLO window it leaves the budget
 * unknowable.
 */
import { budgetRemaining, burnRate, daysToExhaustion, statusFromBudget, type Thresholds } from '../budget/budget-math.js';
import { durationDays, parseDurationMs } from '../duration.js';
import { recordedRatioQuery } from '../generate/recorded-series.js';
import type { ResolvedGuard, ResolvedSlo } from '../policy/resolve-policy.js';
import type { PrometheusQuerier } from '../prometheus/querier.js';
import { PrometheusQueryError } from '../prometheus/query-error.js';
import type { ExcludedInterval } from '../exclusions/excluded-intervals.js';
import { measureExcluded } from '../exclusions/measure-excluded.js';
import type { Finding, GuardResult, SloExclusion, SloResult } from '../report/report-schema.js';
import { sliKindOf } from '../sli/registry.js';
import type { WindowMeasurement } from '../sli/sli-kind.js';
import { statusRank, type Status } from '../status.js';
import { readBudgetHistory, toBudgetHistory, type HistoryRead } from './budget-history.js';
import { isEvaluationError } from './evaluation-error.js';
import { oldestData, shortHistoryDays } from './history.js';
import { measureWindow } from './measure-error-ratio.js';
import { measureRecordedRatio } from './recorded-ratios.js';
import { measureSlothRatio, recordedSources } from './sloth-ratios.js';

const BURN_RATE_WINDOW = '1h';

/** Raw windows at least this long read enough samples to time out or hit a sample limit. */
const LONG_WINDOW_MS = 86_400_000;
/** A raw query that took this share of its timeout warns before it starts failing. */
const RAW_COST_TIMEOUT_SHARE = 0.5;
/** …or that touched this many samples (a fifth of Prometheus's default --query.max-samples of 50 million). */
const RAW_COST_SAMPLES = 10_000_000;

/** What to do when raw counters get too expensive, in every message that says so. */
export const RECORDED_PATH_ADVICE =
  'the recorded path is constant-cost: run `deploy-governor generate rules`, load the rule file into Prometheus (backfill its history with promtool) and keep use-recording-rules: auto, so the gate reads the recorded series instead of every raw sample of the window';

/** The advice for a policy that switched the recorded path off. */
function recordedPathAdvice(mode: 'true' | 'false' | 'auto'): string {
  return mode === 'false'
    ? RECORDED_PATH_ADVICE.replace('keep use-recording-rules: auto', 'set use-recording-rules to auto (it is false)')
    : RECORDED_PATH_ADVICE;
}

/** Answers of Prometheus (and its proxies) that refuse a query for its size. */
const SAMPLE_LIMIT =
  /too many samples|max(imum)?[ _-]?(number of )?samples|maxSamplesPer|exceeded the maximum number of (samples|chunks|series)|max-(fetched-)?(chunks|series|samples)|query timed out|timeout/i;

export interface SloEvaluation {
  result: SloResult;
  findings: Finding[];
}

export interface SloEvaluationOptions {
  useRecordingRules?: 'true' | 'false' | 'auto';
  /** Whether a guard with a window without data blocks (default: allow, it is only shown). */
  unknownGuards?: 'allow' | 'block';
  /** Per-query timeout in milliseconds, to tell how close raw queries came to it; null when unknown. */
  timeoutMs?: number | null;
  /** A monotonic clock in milliseconds (injectable for tests). */
  clock?: () => number;
  /** Excluded intervals of the SLO window (disjoint, clipped to it, admitted by the audit rule): src/core/exclusions/. */
  exclusions?: readonly ExcludedInterval[];
}

interface QueryCost {
  query: string;
  ms: number;
  samples: number | null;
}

/** The querier, timing each query and counting its samples (the wait for a free query slot, if any, is included). */
function timed(inner: PrometheusQuerier, clock: () => number, costs: QueryCost[]): PrometheusQuerier {
  return {
    displayUrl: inner.displayUrl,
    async query(promql: string, time: Date) {
      const started = clock();
      const result = await inner.query(promql, time);
      costs.push({ query: promql, ms: clock() - started, samples: result.samplesTouched });
      return result;
    },
  };
}

/** "6.1 s", "850 ms". */
function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

function pct(value: number): string {
  return `${value.toFixed(1)}%`;
}

function isCostFailure(error: PrometheusQueryError): boolean {
  return error.kind === 'timeout' || ((error.kind === 'bad-query' || error.kind === 'server') && SAMPLE_LIMIT.test(error.message));
}

/** One raw window; a long window refused for its size says how to make it constant-cost. */
async function measureRaw(
  slo: ResolvedSlo,
  window: string,
  prometheus: PrometheusQuerier,
  time: Date,
  mode: 'true' | 'false' | 'auto',
): Promise<WindowMeasurement> {
  try {
    return await measureWindow(slo.sli, window, prometheus, time);
  } catch (error: unknown) {
    if (error instanceof PrometheusQueryError && parseDurationMs(window) >= LONG_WINDOW_MS && isCostFailure(error)) {
      throw new PrometheusQueryError(
        error.kind,
        `${error.message}. Reading raw counters over ${window} costs every sample of the window; ${recordedPathAdvice(mode)}`,
        error.details,
      );
    }
    throw error;
  }
}

/**
 * A burn-rate finding's rule: the guard (`burn-rate-guard:<name>`, several names joined by `,` when a window without
 * data leaves several unknown), advisory when the SLO or every guard involved is (issue 16, advisory rules).
 */
function guardRule(slo: ResolvedSlo, guards: readonly ResolvedGuard[]): Pick<Finding, 'rule' | 'enforcement'> {
  const advisory = slo.advisory === true || guards.every((g) => g.advisory === true);
  return { rule: `burn-rate-guard:${guards.map((g) => g.name).join(',')}`, ...(advisory ? { enforcement: 'advisory' as const } : {}) };
}

/** Every other finding of an SLO belongs to the SLO's rule (`slo:<name>`), advisory when the SLO is. */
function ruled(slo: ResolvedSlo, findings: Finding[]): Finding[] {
  return findings.map((f) =>
    f.rule !== undefined ? f : { ...f, rule: `slo:${slo.name}`, ...(slo.advisory === true ? { enforcement: 'advisory' as const } : {}) },
  );
}

/**
 * What reading Sloth's series changed, never silently: the budget's definition
 * when it is Sloth's, and the windows Sloth does not record (read from raw counters).
 */
function slothNotes(
  slo: ResolvedSlo,
  source: NonNullable<SloResult['source']>,
  slothWindows: ReadonlyMap<string, string>,
  rawWindows: readonly string[],
): Finding[] {
  const out: Finding[] = [];
  const said = (message: string, code?: 'recording-missing'): Finding => ({
    source: 'budget',
    status: 'NORMAL',
    slo: slo.name,
    message,
    ...(code !== undefined ? { code } : {}),
  });
  if (source === 'sloth') {
    out.push(
      said(
        `SLO ${slo.name}: the ${slo.window} error ratio is Sloth's own recording, by default the average of its 5-minute ratios (not weighted by traffic, as raw counters and the series of \`generate rules\` are): the budget is the one Sloth's dashboards show, and may differ from the traffic-weighted figure`,
      ),
    );
  } else if (!slothWindows.has(slo.window)) {
    out.push(
      said(
        `SLO ${slo.name}: Sloth records no ${slo.window} ratio for this SLO (its period differs), so the budget was read from raw counters`,
        'recording-missing',
      ),
    );
  }
  const raw = [...new Set(rawWindows)].filter((w) => w !== slo.window && !slothWindows.has(w));
  if (raw.length > 0)
    out.push(
      said(
        `SLO ${slo.name}: Sloth records no ${raw.join(', ')} window for this SLO, so ${raw.length === 1 ? 'it was' : 'they were'} read from raw counters`,
        'recording-missing',
      ),
    );
  return out;
}

function worst(statuses: readonly Status[]): Status {
  return statuses.reduce<Status>((a, b) => (statusRank(b) > statusRank(a) ? b : a), 'NORMAL');
}

export async function evaluateSlo(
  slo: ResolvedSlo,
  guards: readonly ResolvedGuard[],
  thresholds: Thresholds,
  prometheus: PrometheusQuerier,
  time: Date,
  options: SloEvaluationOptions = {},
): Promise<SloEvaluation> {
  const {
    useRecordingRules = 'false',
    unknownGuards = 'allow',
    timeoutMs = null,
    clock = () => performance.now(),
    exclusions = [],
  } = options;
  const kind = sliKindOf(slo.sli);
  const base = {
    name: slo.name,
    ...(slo.description !== undefined ? { description: slo.description } : {}),
    objective: slo.objective,
    window: slo.window,
    sliKind: slo.sli.kind,
    ...(slo.runbook !== undefined ? { runbook: slo.runbook } : {}),
  };
  const windows = [...new Set([slo.window, BURN_RATE_WINDOW, ...guards.flatMap((g) => [g.long, g.short])])];
  const notes: Finding[] = [];
  const note = (code: NonNullable<Finding['code']>, source: Finding['source'], message: string): Finding => ({
    source,
    status: 'NORMAL',
    slo: slo.name,
    message,
    code,
  });
  const costs: QueryCost[] = [];
  const raw = timed(prometheus, clock, costs);
  // A ratio SLI has no counts to subtract: its budget keeps the intervals (the stricter answer), and says so.
  const excluding = exclusions.length > 0 && kind.countsEvents;
  if (exclusions.length > 0 && !excluding) {
    notes.push(
      note(
        'exclusion',
        'budget',
        `SLO ${slo.name}: ${exclusions.length} excluded interval(s) (${[...new Set(exclusions.map((x) => x.name))].join(', ')}) were not left out of its budget: a ratio SLI carries no event counts to subtract, and averaging ratios over the rest of the window would not be its ratio; use an events SLI to exclude`,
      ),
    );
  }
  let returned: SloExclusion[] = [];
  let measurements: Map<string, WindowMeasurement>;
  let source: NonNullable<SloResult['source']> = 'raw';
  let rawWindows: string[] = [];
  let oldest: number | null | undefined;
  let historyRead: HistoryRead;
  try {
    const { recorded, sloth } = await recordedSources(slo, windows, useRecordingRules, prometheus, time);
    for (const missing of [recorded.note, sloth.note]) if (missing !== null) notes.push(note('recording-missing', 'error', missing));
    // The charts' history, alongside the measurements: one range query, on the series the SLO window is read from.
    const history = readBudgetHistory(slo, recorded.windows.has(slo.window) ? 'recorded' : 'raw', prometheus, time);
    const measureOne = async (w: string): Promise<WindowMeasurement> => {
      // The recorded ratio includes the intervals (or masks only some of them): an SLO window with exclusions is read raw.
      if (w === slo.window && excluding) {
        rawWindows.push(w);
        const excluded = await measureExcluded(slo, exclusions, raw, time);
        returned = excluded.returned;
        return excluded.measurement;
      }
      if (recorded.windows.has(w)) {
        const fromRecording = await measureRecordedRatio(slo, w, prometheus, time);
        if (fromRecording !== null) return fromRecording;
        // A missing recording is a note: the raw counters still answer.
        notes.push(
          note(
            'recording-missing',
            'error',
            `SLO ${slo.name}: the recorded series ${recordedRatioQuery(slo, w)} is missing although the SLO's recordings exist, so the ${w} window was read from raw counters: regenerate the rules with \`deploy-governor generate rules\` and reload them`,
          ),
        );
      }
      const slothWindow = sloth.windows.get(w);
      if (slothWindow !== undefined) {
        const fromSloth = await measureSlothRatio(slo, w, slothWindow, prometheus, time);
        if (fromSloth !== null) return fromSloth;
        notes.push(
          note(
            'recording-missing',
            'error',
            `SLO ${slo.name}: Sloth's series for the ${w} window has no sample although Sloth's recordings exist, so the window was read from raw counters: check that Sloth's rules are loaded and evaluated`,
          ),
        );
      }
      rawWindows.push(w);
      return measureRaw(slo, w, raw, time, useRecordingRules);
    };
    const [measured, oldestAnswer, historyAnswer] = await Promise.all([
      Promise.all(windows.map(measureOne)),
      // The recorded paths need no history query: their coverage probe found recordings at the window's start.
      recorded.windows.has(slo.window) || sloth.windows.has(slo.window) ? Promise.resolve(undefined) : oldestData(slo, raw, time),
      history,
    ]);
    measurements = new Map(windows.map((w, i) => [w, measured[i]!]));
    oldest = oldestAnswer;
    historyRead = historyAnswer;
    if (recorded.windows.has(slo.window) && !rawWindows.includes(slo.window)) source = 'recorded';
    if (sloth.windows.has(slo.window) && !rawWindows.includes(slo.window)) source = 'sloth';
    if (sloth.windows.size > 0) notes.push(...slothNotes(slo, source, sloth.windows, rawWindows));
    if (excluding) {
      notes.push(
        note(
          'exclusion',
          'budget',
          `SLO ${slo.name}: ${exclusions.length} excluded interval(s) left out of the ${slo.window} budget (${[...new Set(exclusions.map((x) => x.name))].join(', ')}); the burn rates and guards still count them`,
        ),
      );
    }
  } catch (error: unknown) {
    if (!isEvaluationError(error)) throw error;
    const message = `SLO ${slo.name}: ${error.message}`;
    return {
      result: {
        ...base,
        errorRatio: null,
        budgetRemaining: null,
        burnRate: null,
        daysToExhaustion: null,
        status: 'UNKNOWN',
        guards: [],
        error: message,
      },
      // Notes are dropped: a probe that failed too (Prometheus down) would only repeat the error, naming its query instead of the SLO's.
      findings: ruled(slo, [{ source: 'error', status: 'UNKNOWN', slo: slo.name, message }]),
    };
  }
  rawWindows = [...new Set(rawWindows)];

  // A window with samples but no traffic burned nothing; one without samples is unknown.
  const burnOver = (w: string): number | null => {
    const m = measurements.get(w)!;
    return m.state === 'measured' ? burnRate(m.ratio, slo.objective) : m.state === 'no-traffic' ? 0 : null;
  };
  const guardResults: GuardResult[] = guards.map((g) => {
    const longBurnRate = burnOver(g.long);
    const shortBurnRate = burnOver(g.short);
    const state =
      longBurnRate === null || shortBurnRate === null
        ? 'unknown'
        : longBurnRate > g.factor && shortBurnRate > g.factor
          ? 'triggered'
          : 'not-triggered';
    return { ...g, longBurnRate, shortBurnRate, triggered: state === 'triggered', state };
  });
  const findings: Finding[] = guardResults
    .filter((g) => g.state === 'triggered')
    .map((g) => ({
      source: 'burn-rate' as const,
      status: g.status,
      slo: slo.name,
      ...guardRule(slo, [g]),
      message: `SLO ${slo.name}: fast burn: the budget burns ${g.longBurnRate!.toFixed(1)}x over ${g.long} and ${g.shortBurnRate!.toFixed(1)}x over ${g.short}, both above ${g.factor}x (guard "${g.name}")`,
    }));

  // Every window without data (but the SLO window, which has its own finding), naming its query and what it leaves unknown.
  for (const [w, m] of measurements) {
    if (m.state !== 'no-data' || w === slo.window) continue;
    const affected = guardResults.filter((g) => g.long === w || g.short === w);
    const consequences = [
      ...(w === BURN_RATE_WINDOW ? ['the burn rate is n/a'] : []),
      ...affected.map((g) =>
        unknownGuards === 'block'
          ? `guard "${g.name}" is unknown and blocks at ${g.status} (unknown-guards: block)`
          : `guard "${g.name}" is unknown and does not block (unknown-guards: allow)`,
      ),
    ];
    findings.push({
      source: 'burn-rate',
      status: unknownGuards === 'block' ? worst(affected.map((g) => g.status)) : 'NORMAL',
      slo: slo.name,
      ...(affected.length > 0 ? guardRule(slo, affected) : {}),
      message: `SLO ${slo.name}: no data for the ${w} window: ${m.detail} (query: ${m.query})${consequences.length > 0 ? `; ${consequences.join('; ')}` : ''}: check ${kind.wording.traffic} and that the service is scraped`,
      code: 'no-data',
    });
  }

  // A raw evaluation that came close to failing says so while it still succeeds.
  if (rawWindows.some((w) => parseDurationMs(w) >= LONG_WINDOW_MS)) {
    const slow = timeoutMs === null ? [] : costs.filter((c) => c.ms >= RAW_COST_TIMEOUT_SHARE * timeoutMs);
    const heavy = costs.filter((c) => c.samples !== null && c.samples >= RAW_COST_SAMPLES);
    const worstCost = [...slow, ...heavy].sort((a, b) => b.ms - a.ms)[0];
    if (worstCost !== undefined) {
      const took =
        timeoutMs === null
          ? ''
          : `took ${seconds(worstCost.ms)} of its ${seconds(timeoutMs)} timeout (${Math.round((100 * worstCost.ms) / timeoutMs)}%)`;
      const touched = worstCost.samples === null ? '' : `touched ${worstCost.samples.toLocaleString('en-US')} samples`;
      notes.push(
        note(
          'raw-cost',
          'error',
          `SLO ${slo.name}: the raw query ${[took, touched].filter(Boolean).join(' and ')} (query: ${worstCost.query}); as traffic grows it will time out or be refused and block every deploy: ${recordedPathAdvice(useRecordingRules)}`,
        ),
      );
    }
  }

  const sloWindow = measurements.get(slo.window)!;
  const rate = burnOver(BURN_RATE_WINDOW);
  if (sloWindow.state !== 'measured') {
    const message =
      sloWindow.state === 'no-data'
        ? `SLO ${slo.name}: no data for the ${slo.window} window: ${sloWindow.detail} (query: ${sloWindow.query}), so the budget cannot be computed: check ${kind.wording.traffic} and that the service is scraped`
        : `SLO ${slo.name}: no traffic in the ${slo.window} window (${sloWindow.detail}), so the budget cannot be computed: check ${kind.wording.traffic} and that the service is scraped`;
    return {
      result: {
        ...base,
        source,
        errorRatio: null,
        budgetRemaining: null,
        burnRate: rate,
        daysToExhaustion: null,
        status: 'UNKNOWN',
        guards: guardResults,
        error: message,
      },
      findings: ruled(slo, [{ source: 'error', status: 'UNKNOWN', slo: slo.name, message }, ...findings, ...notes]),
    };
  }

  const errorRatio = sloWindow.ratio;
  const recentData = measurements.get(BURN_RATE_WINDOW)!.state !== 'no-data';
  const historyDays = oldest === undefined ? null : shortHistoryDays(oldest, time, slo.windowMs, recentData);
  if (historyDays !== null) {
    const covers =
      oldest === null || oldest === undefined
        ? 'less than a day'
        : `about ${historyDays.toFixed(1)} days (data since about ${new Date(oldest * 1000).toISOString().slice(0, 10)})`;
    notes.push(
      note(
        'short-history',
        'budget',
        `SLO ${slo.name}: the stored history covers only ${covers} of the ${slo.window} window, so the error ratio and budget are those of the days that exist, not of a full window (a young service, or a retention shorter than the window)`,
      ),
    );
  }

  const remaining = budgetRemaining(errorRatio, slo.objective);
  const status = statusFromBudget(remaining, thresholds);
  // A history that could not be read is a note: the charts are missing, the figures and the decision are not.
  if (historyRead !== null && 'note' in historyRead)
    notes.push({ source: 'error', status: 'NORMAL', slo: slo.name, message: historyRead.note });
  const history =
    historyRead !== null && 'answer' in historyRead ? toBudgetHistory(historyRead.answer, slo.objective, remaining) : undefined;
  if (status !== 'NORMAL') {
    const below =
      status === 'EXHAUSTED'
        ? 'the budget is exhausted'
        : `below the ${status === 'CAUTION' ? 'caution' : status === 'WARNING' ? 'warning' : 'freeze'} threshold of ${
            status === 'CAUTION' ? thresholds.caution : status === 'WARNING' ? thresholds.warning : thresholds.freeze
          }%`;
    findings.unshift({
      source: 'budget',
      status,
      slo: slo.name,
      message: `SLO ${slo.name}: ${pct(remaining)} of the ${slo.window} error budget remains (${below}); error ratio ${(errorRatio * 100).toFixed(3)}% against an objective of ${slo.objective}%`,
    });
  }
  return {
    result: {
      ...base,
      source,
      errorRatio,
      budgetRemaining: remaining,
      burnRate: rate,
      daysToExhaustion: rate === null ? null : daysToExhaustion(remaining, durationDays(slo.window), rate),
      status,
      guards: guardResults,
      error: null,
      ...(historyDays !== null ? { historyDays: Number(historyDays.toFixed(2)) } : {}),
      ...(history !== undefined ? { history } : {}),
      ...(returned.length > 0 ? { exclusions: returned } : {}),
    },
    findings: ruled(slo, [...findings, ...notes]),
  };
}

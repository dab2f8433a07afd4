/**
 * The integration suite's traffic scenarios: each a set of series labelled
 * `scenario="<name>"` in one Prometheus (started by global-setup.ts). Tests
 * derive every expected value from these models via the exported functions,
 * never from constants.
 */
import { inject } from 'vitest';
import { OpenMetricsWriter } from '../../scripts/lib/openmetrics.js';
import {
  increments,
  modelErrorRatio,
  modelLatencyBadRatio,
  writeGauge,
  writeHistogram,
  writeRequestCounters,
  type HistogramModel,
  type Steps,
  type TrafficModel,
} from '../../scripts/lib/traffic.js';

const DAY = 86_400;
const HOUR = 3_600;
const STEP = 60;

/** Diurnal traffic, 500-1500 requests a minute, so traffic weighting matters. */
const diurnal = (t: number) => 1000 * (1 + 0.5 * Math.sin((2 * Math.PI * t) / DAY));
const constant = (share: number) => () => share;
/** A healthy background share, then `share` during the last `seconds` before `end`. */
const tail = (end: number, seconds: number, background: number, share: number) => (t: number) => (t > end - seconds ? share : background);

export function steps(end: number): Steps {
  return { from: end - 31 * DAY, to: end, step: STEP };
}

/** Traffic scenarios (objective 99.9%: 0.1% errors spend the whole budget). */
export function trafficModels(end: number): Record<string, TrafficModel> {
  const m = (scenario: string, model: Omit<TrafficModel, 'labels'>): [string, TrafficModel] => [
    scenario,
    { labels: { scenario }, ...model },
  ];
  return Object.fromEntries([
    m('normal', { requests: diurnal, errorShare: constant(0.0001) }), // ~90% left
    // Errors cluster in the busy half of the day: an average of ratios would be wrong here.
    m('caution', { requests: diurnal, errorShare: (t) => 0.00035 * (1 + 0.8 * Math.sin((2 * Math.PI * t) / DAY)) }), // ~60-65%
    m('warning', { requests: diurnal, errorShare: constant(0.00065) }), // ~35%
    m('freeze', { requests: diurnal, errorShare: constant(0.0009) }), // ~10%
    m('exhausted', { requests: diurnal, errorShare: constant(0.0015) }), // ~-50%
    m('zero-5xx', { requests: diurnal, errorShare: constant(0), noErrorSeries: true }),
    m('outage', { requests: diurnal, errorShare: tail(end, 2 * HOUR, 0.0001, 1) }),
    m('no-traffic', { requests: () => 0, errorShare: constant(0), initialValue: 5000 }),
    m('counter-reset', { requests: diurnal, errorShare: constant(0.0003), resetAtSeconds: end - 12 * DAY }), // ~70%
    m('young', { requests: diurnal, errorShare: constant(0.0001), startSeconds: end - 5 * DAY }), // ~90%
    // ~74% left, yet 10% errors over the last 70 minutes burn 100x.
    m('fast-burn', { requests: diurnal, errorShare: tail(end, 70 * 60, 0.0001, 0.1) }),
    // 1.5x over the last three days on a healthy month: ~76% left.
    m('slow-burn', { requests: diurnal, errorShare: tail(end, 3 * DAY, 0.0001, 0.0015) }),
    // Post-deploy verification (verify.test.ts), deployed VERIFY_DEPLOY_BEFORE_END seconds before the data ends:
    // a steady 0.1x burn throughout; a step from 0.1x to 10x at the deploy; a steady 1.5x, above the floor of 1x before and after.
    m('verify-steady', { requests: diurnal, errorShare: constant(0.0001) }),
    m('verify-step', { requests: diurnal, errorShare: tail(end, VERIFY_DEPLOY_BEFORE_END, 0.0001, 0.01) }),
    m('verify-hot', { requests: diurnal, errorShare: constant(0.0015) }),
  ]);
}

/** When the verify scenarios' deploy happened: this many seconds before the data ends (a 15-minute bake fits after it). */
export const VERIFY_DEPLOY_BEFORE_END = 20 * 60;

/**
 * A service that stopped being scraped two hours before the evaluation (its
 * target went away): 30 days of data, but none in the burn-rate windows. It has
 * its own family, `gone_requests_total`, because its samples end early.
 */
const GONE_SECONDS = 2 * HOUR;

function goneModel(): TrafficModel {
  // 0.01% errors: 90% of a 99.9% budget left, well clear of the 80% caution threshold (0.02% sat exactly on it).
  return { labels: { scenario: 'gone' }, requests: diurnal, errorShare: constant(0.0001) };
}

function goneSteps(end: number): Steps {
  return { ...steps(end), to: end - GONE_SECONDS };
}

const LATENCY_BUCKETS = [
  { le: 0.1, share: 0.6 },
  { le: 0.25, share: 0.96 },
  { le: 0.5, share: 0.99 },
  { le: 1, share: 0.998 },
];

function latencyModel(): HistogramModel {
  return { labels: { scenario: 'latency' }, requests: diurnal, buckets: LATENCY_BUCKETS, meanSeconds: 0.12 };
}

/** DR gauges: Unix time of the last drill, probes and the last drill's RTO/RPO. */
function drSeries(end: number) {
  const every = (from: number, step: number, value: number) => {
    const points: { t: number; value: number }[] = [];
    for (let t = from - ((from - end) % step); t <= end; t += step) if (t >= from) points.push({ t, value });
    return points;
  };
  return {
    // pushed every 10 minutes over the last 3 days
    'dr-fresh': every(end - 3 * DAY, 600, end - 2 * DAY),
    'dr-stale': every(end - 3 * DAY, 600, end - 10 * DAY),
    // pushed once a day only: the newest sample is 5 hours old, stale for instant queries
    'dr-sparse': [
      { t: end - 29 * HOUR, value: end - 30 * HOUR },
      { t: end - 5 * HOUR, value: end - 30 * HOUR },
    ],
    probe: { 'probe-ok': every(end - DAY, 600, 1), 'probe-fail': every(end - DAY, 600, 0) },
    rto: { 'rto-ok': every(end - DAY, 600, 600), 'rto-over': every(end - DAY, 600, 7200) },
    rpo: { 'rpo-ok': every(end - DAY, 600, 30), 'rpo-over': every(end - DAY, 600, 3600) },
  };
}

/** Requests a minute in the skewed scenario (none in its last minute). */
const SKEWED_REQUESTS_PER_STEP = 1000;

/**
 * Good and total events from two counters scraped 30 seconds apart (a proxy's
 * successes against the application's requests, say): every request succeeds,
 * and the last minute before the evaluation has no traffic. The good counter
 * lags the total by 30 s, so its samples stop 30 s before the window ends and
 * start 30 s after it begins; increase() extrapolates it over both edges at the
 * rate it saw inside, which the quiet last minute makes higher than the truth.
 * Good comes out above the total on every window (by a quarter over 5m): the
 * negative difference the good-events SLI kind clamps. Families
 * `skewed_requests` and `skewed_good_requests`, label `scenario="skewed"`.
 */
async function writeSkewedCounters(writer: OpenMetricsWriter, end: number): Promise<void> {
  const s = steps(end);
  const counts: [number, number][] = [];
  let count = 0;
  for (let t = s.from; t <= s.to; t += s.step) {
    count += t === s.to ? 0 : SKEWED_REQUESTS_PER_STEP;
    counts.push([t, count]);
  }
  await writer.family('skewed_requests', 'counter', 'All requests (generated, scraped on the minute).');
  for (const [t, value] of counts) await writer.sample('skewed_requests_total', { scenario: 'skewed' }, value, t);
  await writer.family(
    'skewed_good_requests',
    'counter',
    'Successful requests (generated, scraped 30 s after the minute, counting up to the minute).',
  );
  for (const [t, value] of counts)
    if (t + 30 <= s.to) await writer.sample('skewed_good_requests_total', { scenario: 'skewed' }, value, t + 30);
}

/**
 * The maintenance scenario (budget exclusions): two weeks either side of the most recent Europe/Berlin fall-back
 * (last Sunday of October, 01:00 UTC) that lies more than 9 days before the data's end, so it works whatever the date.
 * 1,000 requests a minute, 0.01 % errors, and an incident (30 % errors) inside every weekly maintenance window,
 * Sundays from 02:00 Berlin time for two hours, and inside a one-off maintenance three days after the change.
 * Family `maint_requests_total`, label `scenario="maintenance"`. The windows are found here with Intl alone (never
 * cron-parser), so the test's brute force does not share the gate's code.
 */
export function maintenanceDst(end: number): number {
  for (let year = new Date(end * 1000).getUTCFullYear(); ; year--) {
    const lastOfOctober = Date.UTC(year, 9, 31, 1);
    const sunday = lastOfOctober - new Date(lastOfOctober).getUTCDay() * DAY * 1000;
    if (sunday / 1000 + 9 * DAY <= end) return sunday / 1000;
  }
}

/** Where the maintenance scenario is evaluated: 7 days and 6 hours after the change (a 14d SLO window holds 3 Sundays). */
export function maintenanceEvaluation(end: number): number {
  return maintenanceDst(end) + 7 * DAY + 6 * HOUR;
}

function maintenanceSteps(end: number): Steps {
  const dst = maintenanceDst(end);
  return { from: dst - 14 * DAY, to: dst + 8 * DAY, step: STEP };
}

const berlinClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The weekly maintenance windows in [from, to) as [start, end) in Unix seconds: each Sunday's first minute that reads
 * 02:00 in Berlin, plus two hours of elapsed time (on the fall-back Sunday 02:00 happens twice: the first counts).
 */
export function berlinSundayWindows(from: number, to: number): [number, number][] {
  const windows: [number, number][] = [];
  for (let t = from - (from % STEP); t < to; t += STEP) {
    const parts = Object.fromEntries(berlinClock.formatToParts(new Date(t * 1000)).map((p) => [p.type, p.value]));
    if (parts.weekday === 'Sun' && parts.hour === '02' && parts.minute === '00') {
      // The repeated 02:00 of the fall-back day is the same Sunday's second one: skip it.
      if (windows.length === 0 || t - windows[windows.length - 1]![0] > DAY) windows.push([t, t + 2 * HOUR]);
    }
  }
  return windows;
}

/** The one-off maintenance of the scenario: three days after the change, 10:00 to 12:00 UTC. */
export function maintenanceOneOff(end: number): [number, number] {
  const start = maintenanceDst(end) + 3 * DAY + 9 * HOUR;
  return [start, start + 2 * HOUR];
}

/** Every maintenance interval of the scenario, [start, end) in Unix seconds. */
function maintenanceIntervals(end: number): [number, number][] {
  const s = maintenanceSteps(end);
  return [...berlinSundayWindows(s.from, s.to), maintenanceOneOff(end)];
}

function maintenanceModel(end: number): TrafficModel {
  const intervals = maintenanceIntervals(end);
  // The increment at t counts the events of (t - 60, t]: inside an interval [a, b) are those with a < t <= b.
  const inside = (t: number) => intervals.some(([a, b]) => t > a && t <= b);
  return { labels: { scenario: 'maintenance' }, requests: () => 1000, errorShare: (t) => (inside(t) ? 0.3 : 0.0001) };
}

/**
 * Brute force over the maintenance scenario's generated increments: errors and requests in the window
 * (evaluation - windowSeconds, evaluation], and within each of `intervals` ([start, end) in Unix seconds).
 */
export function maintenanceCounts(
  windowSeconds: number,
  intervals: readonly [number, number][],
  end?: number,
): { errors: number; requests: number; within: { errors: number; requests: number }[] } {
  const e = endSeconds(end);
  const at = maintenanceEvaluation(e);
  const totals = { errors: 0, requests: 0, within: intervals.map(() => ({ errors: 0, requests: 0 })) };
  for (const inc of increments(maintenanceModel(e), maintenanceSteps(e))) {
    if (inc.t <= at - windowSeconds || inc.t > at) continue;
    totals.errors += inc.errors;
    totals.requests += inc.requests;
    for (const [i, [a, b]] of intervals.entries()) {
      if (inc.t > a && inc.t <= b) {
        totals.within[i]!.errors += inc.errors;
        totals.within[i]!.requests += inc.requests;
      }
    }
  }
  return totals;
}

/** Writes every scenario to an OpenMetrics file for promtool. */
export async function writeScenarioData(file: string, end: number): Promise<void> {
  const writer = new OpenMetricsWriter(file);
  const s = steps(end);
  await writeRequestCounters(writer, 'http_requests', Object.values(trafficModels(end)), s);
  await writeRequestCounters(writer, 'gone_requests', [goneModel()], goneSteps(end));
  await writeRequestCounters(writer, 'maint_requests', [maintenanceModel(end)], maintenanceSteps(end));
  await writeHistogram(writer, 'http_request_duration_seconds', [latencyModel()], s);
  await writeSkewedCounters(writer, end);
  const dr = drSeries(end);
  await writeGauge(writer, 'dr_last_test_timestamp', [
    { labels: { scenario: 'dr-fresh' }, points: dr['dr-fresh'] },
    { labels: { scenario: 'dr-stale' }, points: dr['dr-stale'] },
    { labels: { scenario: 'dr-sparse' }, points: dr['dr-sparse'] },
  ]);
  await writeGauge(
    writer,
    'probe_success',
    Object.entries(dr.probe).map(([scenario, points]) => ({ labels: { job: 'dr-backup-check', scenario }, points })),
  );
  await writeGauge(
    writer,
    'dr_last_recovery_time_seconds',
    Object.entries(dr.rto).map(([scenario, points]) => ({ labels: { scenario }, points })),
  );
  await writeGauge(
    writer,
    'dr_last_data_loss_seconds',
    Object.entries(dr.rpo).map(([scenario, points]) => ({ labels: { scenario }, points })),
  );
  await writer.close();
}

function endSeconds(end?: number): number {
  return end ?? inject('evaluationTime') / 1000;
}

/** The model's exact error ratio over the window ending at the evaluation time (null: no traffic). */
export function expectedErrorRatio(scenario: string, windowSeconds: number, end?: number): number | null {
  const e = endSeconds(end);
  const model = trafficModels(e)[scenario];
  if (!model) throw new Error(`no scenario ${scenario}`);
  return modelErrorRatio(model, steps(e), e, windowSeconds);
}

/** The gone scenario's exact error ratio over the window ending at the evaluation time. */
export function expectedGoneErrorRatio(windowSeconds: number, end?: number): number | null {
  const e = endSeconds(end);
  return modelErrorRatio(goneModel(), goneSteps(e), e, windowSeconds);
}

/** The latency scenario's exact share of requests slower than `threshold`. */
export function expectedLatencyBadRatio(threshold: number, windowSeconds: number, end?: number): number | null {
  const e = endSeconds(end);
  return modelLatencyBadRatio(latencyModel(), steps(e), threshold, e, windowSeconds);
}

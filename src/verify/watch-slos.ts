/**
 * The bake: polls the SLOs' short-window burn rates every `interval` for `bake`,
 * with the gate's own measurement (each SLI kind's queries over `window`, through
 * `measureWindow`: no PromQL of its own), and stops at the first poll that
 * regressed. Time comes from an injected clock, so tests step through pinned
 * evaluation times without waiting.
 *
 * At most one round of queries per interval: poll k is due at start + k ×
 * interval, and a round that overran skips the slots it missed rather than
 * catching up with a burst.
 */
import { burnRate } from '../core/budget/budget-math.js';
import { isEvaluationError } from '../core/evaluate/evaluation-error.js';
import { measureWindow } from '../core/evaluate/measure-error-ratio.js';
import type { ResolvedSlo } from '../core/policy/resolve-policy.js';
import type { PrometheusQuerier } from '../core/prometheus/querier.js';
import { hasRegressed, type Poll, type Reading, type SloBaseline } from '../core/verify/judge.js';
import type { VerifySettings } from '../core/verify/verify-settings.js';

/** Where the bake's time comes from. */
export interface VerifyClock {
  /** The current time: the polls' evaluation time. */
  now(): Date;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** The wall clock. */
export const systemClock: VerifyClock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface WatchRequest {
  slos: readonly ResolvedSlo[];
  baselines: readonly SloBaseline[];
  settings: VerifySettings;
  prometheus: PrometheusQuerier;
  clock: VerifyClock;
  /** Told of each poll as it completes (the Action and the CLI log progress). */
  onPoll?: (poll: Poll, index: number) => void;
}

export interface WatchResult {
  polls: Poll[];
  startedAt: Date;
  endedAt: Date;
  /** Polls the full bake has: floor(bake / interval). */
  plannedPolls: number;
}

/** One SLO's short-window burn rate at `at`; an expected failure is a reading, anything else a bug that propagates. */
async function read(slo: ResolvedSlo, window: string, prometheus: PrometheusQuerier, at: Date): Promise<Reading> {
  try {
    const m = await measureWindow(slo.sli, window, prometheus, at);
    if (m.state === 'measured') return { state: 'measured', burnRate: burnRate(m.ratio, slo.objective) };
    return { state: m.state, detail: `${m.detail} (query: ${m.query})` };
  } catch (error: unknown) {
    if (!isEvaluationError(error)) throw error;
    return { state: 'error', detail: error.message };
  }
}

export async function watchSlos(request: WatchRequest): Promise<WatchResult> {
  const { slos, settings, clock } = request;
  const startedAt = clock.now();
  const start = startedAt.getTime();
  const plannedPolls = Math.floor(settings.bakeMs / settings.intervalMs);
  const polls: Poll[] = [];
  let slot = 1;
  while (slot <= plannedPolls) {
    const wait = start + slot * settings.intervalMs - clock.now().getTime();
    if (wait > 0) await clock.sleep(wait);
    const at = clock.now();
    const readings = await Promise.all(slos.map((slo) => read(slo, settings.window, request.prometheus, at)));
    const poll: Poll = { at, readings: new Map(slos.map((slo, i) => [slo.name, readings[i]!])) };
    polls.push(poll);
    request.onPoll?.(poll, polls.length);
    if (hasRegressed(request.baselines, poll, settings)) break;
    // The next slot that has not started yet: a round longer than the interval skips what it missed.
    slot = Math.max(slot + 1, Math.ceil((clock.now().getTime() - start) / settings.intervalMs));
  }
  return { polls, startedAt, endedAt: clock.now(), plannedPolls };
}

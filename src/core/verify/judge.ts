/**
 * The verification's decision over the polls' readings: pure (no clock, no I/O;
 * the loop in src/verify/ makes the readings and says when they were made).
 *
 * An SLO regressed at a poll when its short-window burn rate exceeds both
 * `factor` × its pre-deploy burn rate and `floor` (verify-settings.ts says why
 * both). A pre-deploy rate the gate could not read leaves the floor alone.
 *
 * No data is not a pass: a poll without a burn rate (no samples, no traffic, a
 * failed query) is not judged, and an SLO without a single judged poll is
 * `unknown`, which fails the step unless the policy says `no-data: pass`. A
 * regression decides at once, whatever the other SLOs' polls say.
 */
import { formatBurnRate } from '../render/format-values.js';
import type { RunInfo } from '../report/report-schema.js';
import {
  MAX_SAMPLES_PER_SLO,
  VERIFICATION_SCHEMA_ID,
  type SloVerdict,
  type Verification,
  type VerifySample,
} from './verification-schema.js';
import type { VerifySettings } from './verify-settings.js';

/** One SLO as the gate saw it before the deploy. */
export interface SloBaseline {
  name: string;
  /** Objective in percent. */
  objective: number;
  /** The gate's burn rate before the deploy; null when its report has none. */
  burnBefore: number | null;
}

/** What one poll read for one SLO. */
export type Reading = { state: 'measured'; burnRate: number } | { state: 'no-data' | 'no-traffic' | 'error'; detail: string };

/** One poll: its evaluation time and each SLO's reading, by name. */
export interface Poll {
  at: Date;
  readings: ReadonlyMap<string, Reading>;
}

/** The rate a post-deploy reading must exceed to be a regression: max(factor × before, floor). */
export function regressionLimit(burnBefore: number | null, settings: Pick<VerifySettings, 'factor' | 'floor'>): number {
  return Math.max(burnBefore === null ? 0 : settings.factor * burnBefore, settings.floor);
}

/** Whether `burnAfter` exceeds both the factor × `burnBefore` and the floor. */
export function isRegression(burnAfter: number, burnBefore: number | null, settings: Pick<VerifySettings, 'factor' | 'floor'>): boolean {
  return burnAfter > regressionLimit(burnBefore, settings);
}

/** Whether the polls so far already decide (a regression): the loop then stops. */
export function hasRegressed(baselines: readonly SloBaseline[], poll: Poll, settings: VerifySettings): boolean {
  return baselines.some((b) => {
    const r = poll.readings.get(b.name);
    return r?.state === 'measured' && isRegression(r.burnRate, b.burnBefore, settings);
  });
}

/** What the verdict is about, besides the polls. */
export interface VerdictContext {
  environment: string;
  settings: VerifySettings;
  startedAt: Date;
  endedAt: Date;
  /** Polls the full bake has (floor(bake / interval)). */
  plannedPolls: number;
  rollbackCommand: string | null;
  gate: Verification['gate'];
  prometheus: Verification['prometheus'];
  run: RunInfo | null;
}

function judgeSlo(baseline: SloBaseline, polls: readonly Poll[], settings: VerifySettings): SloVerdict {
  const limit = regressionLimit(baseline.burnBefore, settings);
  const samples: VerifySample[] = polls.map((p) => {
    const r = p.readings.get(baseline.name) ?? { state: 'no-data', detail: 'not read at this poll' };
    return r.state === 'measured'
      ? { at: p.at.toISOString(), state: 'measured', burnRate: r.burnRate, regressed: r.burnRate > limit }
      : { at: p.at.toISOString(), state: r.state, burnRate: null, regressed: false, detail: r.detail };
  });
  const measured = samples.filter((s) => s.state === 'measured');
  const regressedAt = samples.find((s) => s.regressed);
  const deciding = regressedAt ?? measured.at(-1);
  const kept = samples.slice(-MAX_SAMPLES_PER_SLO);
  return {
    name: baseline.name,
    objective: baseline.objective,
    burnBefore: baseline.burnBefore,
    burnAfter: deciding?.burnRate ?? null,
    limit,
    verdict: regressedAt ? 'regressed' : measured.length === 0 ? 'unknown' : 'pass',
    samples: kept,
    ...(kept.length < samples.length ? { samplesOmitted: samples.length - kept.length } : {}),
  };
}

function sloReason(slo: SloVerdict, polls: readonly Poll[], settings: VerifySettings): string {
  const before = slo.burnBefore === null ? 'unknown (the gate had none)' : formatBurnRate(slo.burnBefore);
  const over = `over the last ${settings.window}`;
  if (slo.verdict === 'regressed') {
    const at = slo.samples.find((s) => s.regressed)?.at ?? '';
    const factorPart = slo.burnBefore === null ? '' : `${settings.factor} × the pre-deploy ${before} and `;
    return `SLO ${slo.name}: regressed: the burn rate ${over} was ${formatBurnRate(slo.burnAfter)} at ${at}, above both ${factorPart}the floor of ${formatBurnRate(settings.floor)}`;
  }
  if (slo.verdict === 'unknown') {
    const last = [...slo.samples].reverse().find((s) => s.detail !== undefined)?.detail;
    return `SLO ${slo.name}: unknown: none of the ${polls.length} polls measured a burn rate ${over}${last ? ` (last: ${last})` : ''}; no data after a deploy is not a pass (verify.no-data: ${settings.noData})`;
  }
  const highest = Math.max(...slo.samples.filter((s) => s.burnRate !== null).map((s) => s.burnRate!));
  return `SLO ${slo.name}: passed: the burn rate ${over} stayed at or below ${formatBurnRate(slo.limit)} (pre-deploy ${before}, factor ${settings.factor}, floor ${formatBurnRate(settings.floor)}); highest ${formatBurnRate(highest)}`;
}

/** How close a measured SLO came to its limit (for the deciding SLO of a verdict without a regression). */
function closeness(slo: SloVerdict): number {
  return slo.burnAfter === null ? -Infinity : slo.limit === 0 ? slo.burnAfter : slo.burnAfter / slo.limit;
}

/**
 * The verdict over the polls made (all of them, or up to the regression that ended the bake).
 * @param baselines the SLOs to judge, in the policy's order, with the gate's pre-deploy rates
 */
export function decideVerification(baselines: readonly SloBaseline[], polls: readonly Poll[], context: VerdictContext): Verification {
  const { settings } = context;
  const slos = baselines.map((b) => judgeSlo(b, polls, settings));
  const regressed = slos.filter((s) => s.verdict === 'regressed');
  const unknown = slos.filter((s) => s.verdict === 'unknown');
  const verdict = regressed.length > 0 ? 'regressed' : unknown.length > 0 || slos.length === 0 ? 'unknown' : 'pass';
  const passed = verdict === 'pass' || (verdict === 'unknown' && settings.noData === 'pass');
  const deciding = regressed[0] ?? [...slos].sort((a, b) => closeness(b) - closeness(a))[0];
  const ordered = [...regressed, ...unknown, ...slos.filter((s) => s.verdict === 'pass')];
  const reasons = slos.length === 0 ? ['the policy has no SLOs to verify'] : ordered.map((s) => sloReason(s, polls, settings));
  const command = context.rollbackCommand;
  const recommendation =
    verdict === 'regressed'
      ? command
        ? `Roll back the deploy to ${context.environment}: ${command}`
        : `Roll back the deploy to ${context.environment} (give the step a rollback-command to have it named here)`
      : verdict === 'unknown' && !passed
        ? `Check that the service is up, serving traffic and scraped; roll back the deploy to ${context.environment} if it is not`
        : null;
  return {
    schema: VERIFICATION_SCHEMA_ID,
    environment: context.environment,
    verdict,
    passed,
    regressed: verdict === 'regressed',
    burnBefore: deciding?.burnBefore ?? null,
    burnAfter: deciding?.burnAfter ?? null,
    settings: {
      bake: settings.bake,
      interval: settings.interval,
      window: settings.window,
      factor: settings.factor,
      floor: settings.floor,
      noData: settings.noData,
    },
    startedAt: context.startedAt.toISOString(),
    endedAt: context.endedAt.toISOString(),
    polls: polls.length,
    plannedPolls: context.plannedPolls,
    endedEarly: verdict === 'regressed' && polls.length < context.plannedPolls,
    slos,
    reasons,
    recommendation,
    rollbackCommand: command,
    gate: context.gate,
    prometheus: context.prometheus,
    run: context.run,
  };
}

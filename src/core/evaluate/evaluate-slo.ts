/**
 * One SLO: budget over its window, burn rate over the last hour, and the
 * fast-burn guards. A failure affects this SLO only (it becomes UNKNOWN); the
 * others are still reported.
 */
import { budgetRemaining, burnRate, daysToExhaustion, statusFromBudget, type Thresholds } from '../budget/budget-math.js';
import { durationDays } from '../duration.js';
import type { ResolvedGuard, ResolvedSlo } from '../policy/resolve-policy.js';
import type { PrometheusQuerier } from '../prometheus/querier.js';
import type { Finding, GuardResult, SloResult } from '../report/report-schema.js';
import { describeEvaluationError, isEvaluationError } from './evaluation-error.js';
import { measureErrorRatio } from './measure-error-ratio.js';
import { measureRecordedRatio, recordedWindowsAvailable } from './recorded-ratios.js';

export const BURN_RATE_WINDOW = '1h';

export interface SloEvaluation {
  result: SloResult;
  findings: Finding[];
}

function pct(value: number): string {
  return `${value.toFixed(1)}%`;
}

export async function evaluateSlo(
  slo: ResolvedSlo,
  guards: readonly ResolvedGuard[],
  thresholds: Thresholds,
  prometheus: PrometheusQuerier,
  time: Date,
  useRecordingRules: 'true' | 'false' | 'auto' = 'false',
): Promise<SloEvaluation> {
  const base = {
    name: slo.name,
    ...(slo.description !== undefined ? { description: slo.description } : {}),
    objective: slo.objective,
    window: slo.window,
    sliKind: slo.sli.kind,
    ...(slo.runbook !== undefined ? { runbook: slo.runbook } : {}),
  };
  const windows = [...new Set([slo.window, BURN_RATE_WINDOW, ...guards.flatMap((g) => [g.long, g.short])])];
  let ratios: Map<string, number | null>;
  let source: 'raw' | 'recorded' = 'raw';
  try {
    const recorded = await recordedWindowsAvailable(slo, useRecordingRules, prometheus, time);
    if (recorded.has(slo.window)) source = 'recorded';
    const measured = await Promise.all(
      windows.map((w) => (recorded.has(w) ? measureRecordedRatio(slo, w, prometheus, time) : measureErrorRatio(slo.sli, w, prometheus, time))),
    );
    ratios = new Map(windows.map((w, i) => [w, measured[i]!]));
  } catch (error: unknown) {
    if (!isEvaluationError(error)) throw error;
    const message = `SLO ${slo.name}: ${describeEvaluationError(error)}`;
    return {
      result: { ...base, errorRatio: null, budgetRemaining: null, burnRate: null, daysToExhaustion: null, status: 'UNKNOWN', guards: [], error: message },
      findings: [{ source: 'error', status: 'UNKNOWN', slo: slo.name, message }],
    };
  }

  // Short windows without traffic burn nothing; the SLO window without traffic is unknowable.
  const rateOver = (w: string): number => burnRate(ratios.get(w) ?? 0, slo.objective);
  const guardResults: GuardResult[] = guards.map((g) => {
    const longBurnRate = rateOver(g.long);
    const shortBurnRate = rateOver(g.short);
    return { ...g, longBurnRate, shortBurnRate, triggered: longBurnRate > g.factor && shortBurnRate > g.factor };
  });
  const findings: Finding[] = guardResults
    .filter((g) => g.triggered)
    .map((g) => ({
      source: 'burn-rate' as const,
      status: g.status,
      slo: slo.name,
      message: `SLO ${slo.name}: fast burn: the budget burns ${g.longBurnRate!.toFixed(1)}x over ${g.long} and ${g.shortBurnRate!.toFixed(1)}x over ${g.short}, both above ${g.factor}x (guard "${g.name}")`,
    }));

  const errorRatio = ratios.get(slo.window) ?? null;
  if (errorRatio === null) {
    const message = `SLO ${slo.name}: no traffic in the ${slo.window} window (the total query returned nothing or 0), so the budget cannot be computed: check the total query and that the service is scraped`;
    return {
      result: { ...base, source, errorRatio: null, budgetRemaining: null, burnRate: rateOver(BURN_RATE_WINDOW), daysToExhaustion: null, status: 'UNKNOWN', guards: guardResults, error: message },
      findings: [{ source: 'error', status: 'UNKNOWN', slo: slo.name, message }, ...findings],
    };
  }
  const remaining = budgetRemaining(errorRatio, slo.objective);
  const rate = rateOver(BURN_RATE_WINDOW);
  const status = statusFromBudget(remaining, thresholds);
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
      daysToExhaustion: daysToExhaustion(remaining, durationDays(slo.window), rate),
      status,
      guards: guardResults,
      error: null,
    },
    findings,
  };
}

/**
 * Disaster-recovery freshness: the last drill's age, and optionally a backup
 * probe and the last drill's RTO/RPO. Gauges are read with a lookback because a
 * value pushed once a day is stale for an instant query after five minutes.
 */
import { humanDuration } from '../duration.js';
import { lastValueQuery } from '../promql/promql.js';
import type { ResolvedDr } from '../policy/resolve-policy.js';
import type { PrometheusQuerier } from '../prometheus/querier.js';
import type { DrResult, Finding } from '../report/report-schema.js';
import { isEvaluationError } from './evaluation-error.js';
import { SliError } from './sli-error.js';

export interface DrEvaluation {
  result: DrResult | null;
  findings: Finding[];
}

async function readValue(prometheus: PrometheusQuerier, query: string, time: Date): Promise<number | null> {
  const result = await prometheus.query(query, time);
  if (result.samples.length === 0) return null;
  const value = result.samples[0]!.value;
  if (!Number.isFinite(value)) throw new SliError(`the DR query returned ${value}; expected a number (query: ${query})`);
  return value;
}

/** DR's findings belong to one rule, `dr`, advisory when `dr.enforcement` is (issue 16, advisory rules). */
export async function evaluateDr(dr: ResolvedDr, prometheus: PrometheusQuerier, time: Date): Promise<DrEvaluation> {
  const evaluation = await evaluateDrChecks(dr, prometheus, time);
  const tag = { rule: 'dr', ...(dr.advisory === true ? { enforcement: 'advisory' as const } : {}) };
  return { ...evaluation, findings: evaluation.findings.map((f) => ({ ...f, ...tag })) };
}

async function evaluateDrChecks(dr: ResolvedDr, prometheus: PrometheusQuerier, time: Date): Promise<DrEvaluation> {
  const queries = {
    age: lastValueQuery(dr.metric, dr.lookback),
    probe: dr.backupProbe ? lastValueQuery(dr.backupProbe.query, dr.backupProbe.lookback, 'min') : null,
    rto: dr.rto ? lastValueQuery(dr.rto.metric, dr.lookback) : null,
    rpo: dr.rpo ? lastValueQuery(dr.rpo.metric, dr.lookback) : null,
  };
  let values: { age: number | null; probe: number | null; rto: number | null; rpo: number | null };
  try {
    const [age, probe, rto, rpo] = await Promise.all(
      [queries.age, queries.probe, queries.rto, queries.rpo].map((q) =>
        q === null ? Promise.resolve(null) : readValue(prometheus, q, time),
      ),
    );
    values = { age: age ?? null, probe: probe ?? null, rto: rto ?? null, rpo: rpo ?? null };
  } catch (error: unknown) {
    if (!isEvaluationError(error)) throw error;
    const message = `DR check: ${error.message}`;
    return { result: null, findings: [{ source: 'error', status: 'UNKNOWN', message }] };
  }

  const findings: Finding[] = [];
  const fail = (message: string) => findings.push({ source: 'dr', status: dr.status, message });
  // A gauge with no sample is no data (n/a in the report), never a value; the message names the query that returned nothing.
  const missing = (message: string) => findings.push({ source: 'dr', status: dr.status, message, code: 'no-data' });
  const maxAgeSeconds = dr.maxAgeMs / 1000;
  let ageSeconds: number | null = null;
  if (values.age === null) {
    missing(
      `DR check: no ${dr.metric} sample in the last ${dr.lookback} (${queries.age} returned no samples): after each successful drill publish its Unix time (e.g. push "${dr.metric.replace(/\{.*$/, '')} $(date +%s)" to a Pushgateway), or turn the check off with dr-check: false`,
    );
  } else {
    ageSeconds = Math.max(0, time.getTime() / 1000 - values.age);
    if (ageSeconds > maxAgeSeconds) {
      fail(
        `DR check: the last drill was ${humanDuration(ageSeconds)} ago, older than the allowed ${dr.maxAge}: run a DR drill (or raise dr-max-age)`,
      );
    }
  }
  let backupProbe: DrResult['backupProbe'] = null;
  if (dr.backupProbe) {
    const ok = values.probe === 1;
    backupProbe = { query: dr.backupProbe.query, value: values.probe, ok };
    if (values.probe === null)
      missing(
        `DR check: the backup probe ${dr.backupProbe.query} has no sample in the last ${dr.backupProbe.lookback} (${queries.probe} returned no samples): check that the probe runs and is scraped`,
      );
    else if (!ok) fail(`DR check: the backup probe ${dr.backupProbe.query} is ${values.probe}, not 1: the last backup check failed`);
  }
  const objective = (name: 'RTO' | 'RPO', cfg: ResolvedDr['rto'], value: number | null, query: string | null): DrResult['rto'] => {
    if (!cfg) return null;
    const ok = value !== null && value <= cfg.maxSeconds;
    if (value === null)
      missing(
        `DR check: no ${cfg.metric} sample in the last ${dr.lookback} (${query} returned no samples): publish the last drill's ${name} in seconds`,
      );
    else if (!ok) fail(`DR check: the last drill's ${name} was ${humanDuration(value)}, over the limit of ${cfg.max}`);
    return { metric: cfg.metric, seconds: value, maxSeconds: cfg.maxSeconds, ok };
  };
  const rto = objective('RTO', dr.rto, values.rto, queries.rto);
  const rpo = objective('RPO', dr.rpo, values.rpo, queries.rpo);
  return {
    result: {
      metric: dr.metric,
      ageSeconds,
      maxAgeSeconds,
      lastTestAt: values.age === null ? null : new Date(values.age * 1000).toISOString(),
      backupProbe,
      rto,
      rpo,
      ok: findings.length === 0,
    },
    findings,
  };
}

/**
 * The operator's bounds on evaluating a repository's policy: a shared
 * Prometheus and shared workers must not be held by one tenant's policy.
 * `MAX_SLOS_PER_POLICY` (default 50: a policy over it is refused before any
 * query) and `MAX_QUERIES_IN_FLIGHT` (per evaluation, default 8).
 */
export interface AppEvaluationLimits {
  maxSlosPerPolicy: number;
  maxConcurrentQueries: number;
}

const DEFAULT_EVALUATION_LIMITS: AppEvaluationLimits = { maxSlosPerPolicy: 50, maxConcurrentQueries: 8 };

import type { EnvProblem, EnvResult } from './config/env.js';

function wholeNumber(
  env: Readonly<Record<string, string | undefined>>,
  variable: string,
  fallback: number,
  max: number,
  problems: EnvProblem[],
): number {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    problems.push({ variable, value, message: `expected a whole number from 1 to ${max}` });
    return fallback;
  }
  return Number(value);
}

export function parseEvaluationLimitsEnv(env: Readonly<Record<string, string | undefined>>): EnvResult<AppEvaluationLimits> {
  const problems: EnvProblem[] = [];
  const value = {
    maxSlosPerPolicy: wholeNumber(env, 'MAX_SLOS_PER_POLICY', DEFAULT_EVALUATION_LIMITS.maxSlosPerPolicy, 1000, problems),
    maxConcurrentQueries: wholeNumber(env, 'MAX_QUERIES_IN_FLIGHT', DEFAULT_EVALUATION_LIMITS.maxConcurrentQueries, 64, problems),
  };
  return problems.length > 0 ? { problems } : { value };
}

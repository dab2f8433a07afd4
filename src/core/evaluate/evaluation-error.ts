/**
 * The expected failures of an evaluation: they become status UNKNOWN with a
 * message; anything else is a bug and propagates.
 */
import { PrometheusQueryError } from '../prometheus/query-error.js';
import { SliError } from './sli-error.js';

export function isEvaluationError(error: unknown): error is PrometheusQueryError | SliError {
  return error instanceof PrometheusQueryError || error instanceof SliError;
}

/** The policy's PromQL template for a window, shared by the SLI kinds' schemas. */
import { z } from 'zod';
import { hasWindowPlaceholder } from '../promql/promql.js';

/** A PromQL template for a window: must contain `{{window}}` (Sloth's `{{.window}}` is accepted too). */
export const windowQuerySchema = z.string().min(1).refine(hasWindowPlaceholder, {
  message:
    'expected a PromQL query containing {{window}} (or Sloth\'s {{.window}}) where the range goes, e.g. sum(increase(http_requests_total{status=~"5.."}[{{window}}]))',
});

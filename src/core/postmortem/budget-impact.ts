/**
 * The error-budget impact of an incident for each SLO, from two evaluations of
 * the same policy: one at the incident's start (before) and one at its end
 * (after). Consumed is the drop in budget remaining, in percentage points: the
 * window slides by the incident's length too, which for a 30-day window and an
 * incident of hours changes the figure by far less than its rounding.
 */
import type { Report } from '../report/report-schema.js';
import type { BudgetImpactRow } from './render-postmortem.js';

export function budgetImpactRows(before: Report, after: Report): BudgetImpactRow[] {
  return before.slos.map((slo) => {
    const later = after.slos.find((s) => s.name === slo.name);
    const b = slo.budgetRemaining;
    const a = later?.budgetRemaining ?? null;
    return { slo: slo.name, objective: slo.objective, before: b, after: a, consumed: b !== null && a !== null ? b - a : null };
  });
}

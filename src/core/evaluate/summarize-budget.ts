/** The headline numbers: the least budget, the fastest burn, the soonest exhaustion across SLOs. */
import type { Report, SloResult } from '../report/report-schema.js';

export function summarizeBudget(slos: readonly SloResult[]): Report['budget'] {
  const remaining = slos.map((s) => s.budgetRemaining).filter((v): v is number => v !== null);
  const rates = slos.map((s) => s.burnRate).filter((v): v is number => v !== null);
  const days = slos.map((s) => s.daysToExhaustion).filter((v) => v !== null);
  const finiteDays = days.filter((d): d is number => d !== 'inf');
  return {
    remaining: remaining.length > 0 ? Math.min(...remaining) : null,
    burnRate: rates.length > 0 ? Math.max(...rates) : null,
    daysToExhaustion: finiteDays.length > 0 ? Math.min(...finiteDays) : days.length > 0 ? 'inf' : null,
  };
}

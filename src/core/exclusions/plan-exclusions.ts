/**
 * The exclusions of one evaluation: which intervals overlap each SLO's window,
 * which of them the audit rule admits (admit-exclusions.ts), the disjoint
 * intervals each SLO leaves out, the audit of every interval and the findings
 * for the refused ones. Pure.
 */
import type { ResolvedPolicy } from '../policy/resolve-policy.js';
import type { ExclusionAudit, Finding } from '../report/report-schema.js';
import { admitExclusions, type ExclusionOrigins, type JudgedOccurrence } from './admit-exclusions.js';
import { disjointIntervals, occurrencesOverlapping, type ExcludedInterval } from './excluded-intervals.js';

export interface ExclusionPlan {
  /** Per SLO name: the admitted intervals of its window, disjoint and clipped. */
  intervals: Map<string, ExcludedInterval[]>;
  /** Every interval that overlapped a window, judged: the report's `exclusions`. */
  audit: ExclusionAudit[];
  /** One finding per exclusion with refused intervals. */
  findings: Finding[];
}

/**
 * @throws PolicyError when more than MAX_EXCLUDED_INTERVALS intervals overlap one SLO's window
 */
export function planExclusions(policy: ResolvedPolicy, now: Date, origins: ExclusionOrigins, source: string): ExclusionPlan {
  const t = now.getTime();
  const required = policy.overrides.levels.exhausted.permission;
  const judgedByKey = new Map<string, JudgedOccurrence>();
  const intervals = new Map<string, ExcludedInterval[]>();
  for (const slo of policy.slos) {
    const from = t - slo.windowMs;
    const judged = admitExclusions(occurrencesOverlapping(policy.exclusions, from, t, source), origins, required);
    for (const j of judged) judgedByKey.set(`${j.name}@${j.from.toISOString()}`, j);
    intervals.set(
      slo.name,
      disjointIntervals(
        judged.filter((j) => j.admission !== 'refused'),
        from,
        t,
      ),
    );
  }
  const judged = [...judgedByKey.values()].sort((a, b) => a.from.getTime() - b.from.getTime() || a.name.localeCompare(b.name));
  const refusedByName = new Map<string, JudgedOccurrence[]>();
  for (const j of judged.filter((x) => x.admission === 'refused')) refusedByName.set(j.name, [...(refusedByName.get(j.name) ?? []), j]);
  const findings: Finding[] = [...refusedByName].map(([name, refused]) => ({
    source: 'budget',
    status: 'NORMAL',
    code: 'exclusion',
    message: `Exclusion "${name}": ${refused.length} interval(s) still count against the budget; the first was ${refused[0]!.note}`,
  }));
  return {
    intervals,
    audit: judged.map((j) => ({
      name: j.name,
      kind: j.kind,
      reason: j.reason,
      from: j.from.toISOString(),
      to: j.to.toISOString(),
      admission: j.admission,
      addedAt: j.addedAt === null ? null : j.addedAt.toISOString(),
      addedBy: j.addedBy,
      note: j.note,
    })),
    findings,
  };
}

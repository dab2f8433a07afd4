/**
 * Advisory rules in the fleet view (issue 16, item 6): from the Action's gate
 * check runs of the look-back, how many decisions each advisory rule would have
 * blocked, per repository and environment, out of how many decisions, and
 * fleet-wide per rule. The evidence a platform team needs before it deletes a
 * rule's `enforcement: advisory` across its repositories.
 *
 * The counts come from reports that writers of each repository control (any job
 * with `checks: write` can post a `deploy-governor / <env>` check run), so they
 * are informational: they inform a person's decision and decide nothing here.
 */
import type { PolicyFile } from '../policy/schema.js';
import { extractReportFromCheckRun } from '../report/extract-report.js';
import type { CheckRunFact } from './assemble-fleet.js';
import type { FleetAdvisory, FleetAdvisoryRule } from './fleet-report.js';

/** How far back the fleet counts decisions: the same 30 days as its overrides. */
const ADVISORY_LOOKBACK_DAYS = 30;

/** The look-back's start: the reader lists commits since then, and check runs completed since then count. */
export function advisorySince(now: Date): Date {
  return new Date(now.getTime() - ADVISORY_LOOKBACK_DAYS * 86_400_000);
}

const CHECK_RUN_PREFIX = 'deploy-governor / ';

type Section = Pick<PolicyFile, 'slos' | 'burn-rate-guards' | 'freeze-windows' | 'dr'>;

/**
 * The rules a policy file runs in shadow mode, by the names reports give them (`slo:<name>`,
 * `burn-rate-guard:<name>`, `freeze-window:<name>`, `dr`, `action-items`), at the top level or in any
 * environment's section, sorted. A guard without a `name` is left out (its generated name is the resolver's);
 * its rule still counts wherever it would have blocked.
 */
export function advisoryRuleNames(file: PolicyFile): string[] {
  const names = new Set<string>();
  const advisory = (rule: { enforcement?: string | undefined }) => rule.enforcement === 'advisory';
  const visit = (section: Section) => {
    for (const slo of section.slos ?? []) if (advisory(slo)) names.add(`slo:${slo.name}`);
    for (const guard of section['burn-rate-guards'] ?? []) if (advisory(guard) && guard.name) names.add(`burn-rate-guard:${guard.name}`);
    for (const window of section['freeze-windows'] ?? []) if (advisory(window)) names.add(`freeze-window:${window.name}`);
    if (section.dr && advisory(section.dr)) names.add('dr');
  };
  visit(file);
  for (const section of Object.values(file.environments ?? {})) visit(section);
  const items = file.postmortems?.['action-items'];
  if (items && advisory(items)) names.add('action-items');
  return [...names].sort();
}

/** One repository's decision history, as read. */
export interface DecisionHistory {
  /** Gate check runs on the default branch's commits of the look-back (every run, re-runs included). */
  runs: CheckRunFact[];
  /** Commits whose check runs were read. */
  commits: number;
  /** The look-back held more commits than the reader's cap. */
  capped: boolean;
}

/**
 * A repository's advisory counts: each `deploy-governor / <env>` check run completed within the look-back
 * whose embedded report is a valid report for that environment is one decision; a decision counts once for each
 * rule of its `decision.wouldHaveBlocked`. Check runs without such a report say nothing and are not counted.
 */
export function countAdvisory(history: DecisionHistory, rules: string[], now: Date): FleetAdvisory {
  const since = advisorySince(now);
  const byEnvironment = new Map<string, { decisions: number; blocked: Map<string, number> }>();
  for (const run of history.runs) {
    if (!run.name.startsWith(CHECK_RUN_PREFIX) || run.completedAt === null) continue;
    const at = Date.parse(run.completedAt);
    if (!(at >= since.getTime() && at <= now.getTime())) continue;
    const environment = run.name.slice(CHECK_RUN_PREFIX.length).toLowerCase();
    const report = extractReportFromCheckRun(run.text);
    if (!report || report.environment.toLowerCase() !== environment) continue;
    const entry = byEnvironment.get(environment) ?? { decisions: 0, blocked: new Map<string, number>() };
    entry.decisions += 1;
    for (const rule of new Set((report.decision.wouldHaveBlocked ?? []).map((r) => r.rule)))
      entry.blocked.set(rule, (entry.blocked.get(rule) ?? 0) + 1);
    byEnvironment.set(environment, entry);
  }
  return {
    since: since.toISOString(),
    commits: history.commits,
    capped: history.capped,
    rules,
    environments: [...byEnvironment]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([environment, e]) => ({
        environment,
        decisions: e.decisions,
        wouldHaveBlocked: [...e.blocked].sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => ({ rule, count })),
      })),
  };
}

/**
 * Fleet-wide, per rule: the decisions it would have blocked, out of the decisions read in the repositories that
 * run it in shadow mode (their policy names it advisory, or it would have blocked there at least once).
 */
export function summariseAdvisory(rows: { advisory: FleetAdvisory | null }[]): FleetAdvisoryRule[] {
  const totals = new Map<string, FleetAdvisoryRule>();
  for (const { advisory } of rows) {
    if (!advisory) continue;
    const decisions = advisory.environments.reduce((n, e) => n + e.decisions, 0);
    const blocked = new Map<string, number>();
    for (const e of advisory.environments) for (const b of e.wouldHaveBlocked) blocked.set(b.rule, (blocked.get(b.rule) ?? 0) + b.count);
    for (const rule of new Set([...advisory.rules, ...blocked.keys()])) {
      const total = totals.get(rule) ?? { rule, wouldHaveBlocked: 0, decisions: 0, repositories: 0 };
      total.wouldHaveBlocked += blocked.get(rule) ?? 0;
      total.decisions += decisions;
      total.repositories += 1;
      totals.set(rule, total);
    }
  }
  return [...totals.values()].sort((a, b) => a.rule.localeCompare(b.rule));
}

/** "would have blocked 7 of 120 decisions in 14 repositories": a fleet row in words, for the renderers. */
export function advisoryRuleSentence(r: FleetAdvisoryRule): string {
  const decisions = `${r.decisions} decision${r.decisions === 1 ? '' : 's'}`;
  return `would have blocked ${r.wouldHaveBlocked} of ${decisions} in ${r.repositories} ${r.repositories === 1 ? 'repository' : 'repositories'}`;
}

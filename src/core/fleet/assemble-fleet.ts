/**
 * The fleet report from what was read about each repository: pure, so the CLI
 * and the app's route assemble the same report from the same facts. Each part
 * of a repository is read on its own and may have failed; a failed part is
 * listed in the row's `errors` and the rest of the row still stands.
 */
import { isFreezeActive, type StoredFreeze } from '../freeze/freeze-command.js';
import { extractReportFromCheckRun } from '../report/extract-report.js';
import { isOverdue, daysBetweenDates, ownerOf, utcDate, type ActionItemIssue } from '../postmortem/sweep-plan.js';
import {
  FLEET_SCHEMA_ID,
  fleetReportSchema,
  isProductionLike,
  type FleetEnvironmentRow,
  type FleetFreezeRow,
  type FleetGateStatus,
  type FleetHeldRow,
  type FleetPolicyState,
  type FleetReadError,
  type FleetReport,
  type FleetRepositoryRow,
} from './fleet-report.js';
import { countAdvisory, summariseAdvisory, type DecisionHistory } from './advisory-counts.js';
import { workflowCoverage } from './workflow-coverage.js';

/** A part that was read, or why it could not be. */
export type Part<T> = { ok: true; value: T } | { ok: false; error: string };

/** A check run as listed for a commit. */
export interface CheckRunFact {
  name: string;
  conclusion: string | null;
  completedAt: string | null;
  url: string | null;
  app: string | null;
  /** `output.text`, where the Action embeds its JSON report. */
  text: string | null;
}

/** One override record from the audit log, as far as the fleet needs it. */
export interface OverrideFact {
  at: string;
  environment: string;
}

/** Everything read about one repository. */
export interface RepositoryFacts {
  repository: string;
  defaultBranch: string | null;
  environments: Part<string[]>;
  /** Environment → whether the app's protection rule is on it (one part per environment). */
  protectionRules: Record<string, Part<boolean>>;
  /** Workflow files on the default branch (path and text). */
  workflows: Part<{ path: string; text: string }[]>;
  checkRuns: Part<CheckRunFact[]>;
  freezes: Part<StoredFreeze[]>;
  /** Null when not read (no environment carries the app's rule, so nothing can be held by it). */
  held: Part<FleetHeldRow[]> | null;
  overrides: Part<OverrideFact[]>;
  actionItems: Part<ActionItemIssue[]>;
  policy: FleetPolicyState | null;
  /**
   * The gate check runs of the look-back, and the advisory rules the policy names; null when not read (the
   * policy runs no rule in shadow mode).
   */
  decisions: { history: Part<DecisionHistory>; rules: string[] } | null;
  /** Read failures outside the parts above (the policy file could not be fetched at all). */
  extraErrors?: FleetReadError[];
}

export interface FleetInputs {
  organisation: string;
  source: FleetReport['source'];
  app: string;
  heldSource: FleetReport['heldSource'];
  now: Date;
  archivedSkipped: string[];
  repositories: RepositoryFacts[];
  requests: number;
  warnings: string[];
}

const OVERRIDE_WINDOW_MS = 30 * 86_400_000;
const CHECK_RUN_PREFIX = 'deploy-governor / ';

function value<T>(part: Part<T> | null, fallback: T, errors: FleetReadError[], name: string): T {
  if (part === null) return fallback;
  if (part.ok) return part.value;
  errors.push({ part: name, message: part.error });
  return fallback;
}

/** The latest check run per environment name (lowercase), newest completion first. */
function latestGates(runs: CheckRunFact[]): Map<string, FleetGateStatus> {
  const sorted = [...runs]
    .filter((r) => r.name.startsWith(CHECK_RUN_PREFIX))
    .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));
  const gates = new Map<string, FleetGateStatus>();
  for (const run of sorted) {
    const environment = run.name.slice(CHECK_RUN_PREFIX.length).toLowerCase();
    if (gates.has(environment)) continue;
    const report = extractReportFromCheckRun(run.text);
    gates.set(environment, {
      conclusion: run.conclusion,
      // A report for another environment in a check run of this name is not this environment's status.
      status: report && report.environment.toLowerCase() === environment ? report.decision.status : null,
      app: run.app,
      completedAt: run.completedAt,
      url: run.url,
    });
  }
  return gates;
}

function freezeRows(repository: string, freezes: StoredFreeze[], now: Date): FleetFreezeRow[] {
  return freezes
    .filter((f) => isFreezeActive(f.record, now))
    .sort((a, b) => Date.parse(a.record.until) - Date.parse(b.record.until))
    .map((f) => ({
      issue: `${f.repository ?? repository}#${f.issue}`,
      scope: f.record.scope,
      until: new Date(Date.parse(f.record.until)).toISOString(),
      reason: f.record.reason,
      by: f.record.by,
      organisation: f.repository !== undefined,
    }));
}

function repositoryRow(facts: RepositoryFacts, now: Date): FleetRepositoryRow {
  const errors: FleetReadError[] = [...(facts.extraErrors ?? [])];
  const names = value(facts.environments, [], errors, 'environments');
  const workflows = value(facts.workflows, [], errors, 'workflows');
  const byWorkflow = new Map<string, string[]>();
  for (const file of workflows) {
    const coverage = workflowCoverage(file.text);
    if (!coverage.ok) {
      errors.push({ part: 'workflows', message: `${file.path}: ${coverage.error}` });
      continue;
    }
    for (const env of coverage.environments) byWorkflow.set(env.toLowerCase(), [...(byWorkflow.get(env.toLowerCase()) ?? []), file.path]);
  }
  const gates = latestGates(value(facts.checkRuns, [], errors, 'check-runs'));
  const environments: FleetEnvironmentRow[] = names.map((name) => {
    const rule = facts.protectionRules[name];
    const hasRule = rule === undefined ? false : value(rule, false, errors, 'protection-rules');
    const files = byWorkflow.get(name.toLowerCase()) ?? [];
    return {
      name,
      productionLike: isProductionLike(name),
      governedBy: [...(hasRule ? (['protection-rule'] as const) : []), ...(files.length > 0 ? (['workflow'] as const) : [])],
      workflows: files,
      gate: gates.get(name.toLowerCase()) ?? null,
    };
  });
  const freezes = freezeRows(facts.repository, value(facts.freezes, [], errors, 'freezes'), now);
  const held = value(facts.held, [], errors, 'held');
  const since = now.getTime() - OVERRIDE_WINDOW_MS;
  const overrides = facts.overrides.ok
    ? (() => {
        const recent = facts.overrides.value.filter((o) => Date.parse(o.at) >= since && Date.parse(o.at) <= now.getTime());
        const byEnvironment: Record<string, number> = {};
        for (const o of recent) byEnvironment[o.environment] = (byEnvironment[o.environment] ?? 0) + 1;
        const last =
          recent
            .map((o) => o.at)
            .sort()
            .at(-1) ?? null;
        return { count: recent.length, last, byEnvironment };
      })()
    : (errors.push({ part: 'overrides', message: facts.overrides.error }), null);
  const today = utcDate(now);
  const overdue = value(facts.actionItems, [], errors, 'action-items')
    .filter((item) => isOverdue(item, today))
    .sort((a, b) => a.number - b.number)
    .map((item) => ({
      issue: item.number,
      title: item.title,
      due: item.meta!.due!,
      owner: ownerOf(item),
      daysOverdue: daysBetweenDates(item.meta!.due!, today),
    }));
  return {
    repository: facts.repository,
    defaultBranch: facts.defaultBranch,
    environments,
    freezes,
    held,
    overrides,
    overdueActionItems: overdue,
    policy: facts.policy,
    advisory:
      facts.decisions &&
      (() => {
        const history = value<DecisionHistory | null>(facts.decisions.history, null, errors, 'decisions');
        return history && countAdvisory(history, facts.decisions.rules, now);
      })(),
    errors,
  };
}

/** The fleet report, validated against its schema (a report that does not validate is a bug: it throws). */
export function assembleFleetReport(inputs: FleetInputs): FleetReport {
  const rows = [...inputs.repositories]
    .sort((a, b) => a.repository.toLowerCase().localeCompare(b.repository.toLowerCase()))
    .map((facts) => repositoryRow(facts, inputs.now));
  const environments = rows.flatMap((r) => r.environments.map((e) => ({ repository: r.repository, ...e })));
  const report: FleetReport = {
    schema: FLEET_SCHEMA_ID,
    organisation: inputs.organisation,
    generatedAt: inputs.now.toISOString(),
    source: inputs.source,
    app: inputs.app,
    heldSource: inputs.heldSource,
    summary: {
      repositories: rows.length,
      environments: environments.length,
      governedEnvironments: environments.filter((e) => e.governedBy.length > 0).length,
      productionEnvironments: environments.filter((e) => e.productionLike).length,
      ungovernedProduction: environments
        .filter((e) => e.productionLike && e.governedBy.length === 0)
        .map((e) => ({ repository: e.repository, environment: e.name })),
      // An organisation-wide freeze shows in every row: count each freeze's issue once.
      activeFreezes: new Set(rows.flatMap((r) => r.freezes.map((f) => f.issue))).size,
      heldDeployments: rows.reduce((n, r) => n + r.held.length, 0),
      overridesLast30Days: rows.reduce((n, r) => n + (r.overrides?.count ?? 0), 0),
      overdueActionItems: rows.reduce((n, r) => n + r.overdueActionItems.length, 0),
      advisoryRules: summariseAdvisory(rows),
      policyErrors: rows.flatMap((r) => (r.policy && !r.policy.ok ? [{ repository: r.repository, error: r.policy.error }] : [])),
      incomplete: rows.filter((r) => r.errors.length > 0).map((r) => r.repository),
    },
    archivedSkipped: [...inputs.archivedSkipped].sort(),
    repositories: rows,
    requests: inputs.requests,
    warnings: inputs.warnings,
  };
  return fleetReportSchema.parse(report);
}

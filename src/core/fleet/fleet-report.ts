/**
 * The fleet report, `deploy-governor/fleet@1`: one row per repository a token or
 * the app's installation sees, with its environments, which are governed and
 * how, the latest gate status per environment, active freezes, held
 * deployments, overrides of the last 30 days, overdue action items, whether
 * its policy loads and, where it runs rules in shadow mode, how many decisions
 * each advisory rule would have blocked. `deploy-governor fleet --json` prints it and the app's
 * `GET /deploy-governor/fleet` answers it; both validate it against this schema
 * before it leaves. Adding optional fields is compatible; renaming or removing
 * one needs `fleet@2`.
 */
import { z } from 'zod';

export const FLEET_SCHEMA_ID = 'deploy-governor/fleet@1';

/** How an environment is governed: the app's deployment protection rule, or the Action in a deploy workflow. */
const governanceSchema = z.enum(['protection-rule', 'workflow']);

/** A part of a repository that could not be read; the rest of its row still stands. */
const readErrorSchema = z.object({
  /**
   * What was being read: `environments`, `protection-rules`, `workflows`, `check-runs`, `freezes`, `held`,
   * `overrides`, `action-items`, `decisions` (the advisory counts' look-back).
   */
  part: z.string(),
  message: z.string(),
});

/** The latest `deploy-governor / <environment>` check run on the head of the default branch. */
const gateStatusSchema = z.object({
  /** The check run's conclusion (`success`, `failure`, `neutral`, …); null while it runs. */
  conclusion: z.string().nullable(),
  /** The report's status (NORMAL … UNKNOWN) from the JSON report in the check run; null when it carries none that validates. */
  status: z.string().nullable(),
  /** Slug of the app that created the check run (`github-actions` for the Action's job token). */
  app: z.string().nullable(),
  completedAt: z.string().nullable(),
  url: z.string().nullable(),
});

const environmentRowSchema = z.object({
  name: z.string(),
  /** The name reads as production (`prod`, `production`, `live`, alone or as a `-`/`_`/`.` separated part). */
  productionLike: z.boolean(),
  /** Empty: not governed. */
  governedBy: z.array(governanceSchema),
  /** Workflow files (`.github/workflows/…`) whose jobs deploy to it after a deploy-governor step. */
  workflows: z.array(z.string()),
  /** Null: no check run of that name on the default branch's head (or the check runs could not be read). */
  gate: gateStatusSchema.nullable(),
});

const freezeRowSchema = z.object({
  /** `owner/repo#number` of the freeze's issue (the organisation's `.github` for an org-wide one). */
  issue: z.string(),
  /** An environment name, or `all`. */
  scope: z.string(),
  until: z.string(),
  reason: z.string(),
  by: z.string(),
  /** True for an organisation-wide freeze (from `<owner>/.github`). */
  organisation: z.boolean(),
});

const heldRowSchema = z.object({
  environment: z.string(),
  runId: z.number().int(),
  runUrl: z.string().nullable(),
  /** When the run started waiting (its `created_at`), if known. */
  since: z.string().nullable(),
});

const overridesSchema = z.object({
  /** Overrides logged in the last 30 days. */
  count: z.number().int().nonnegative(),
  /** The newest override's time (ISO 8601); null when none. */
  last: z.string().nullable(),
  /** Environment → overrides in the last 30 days. */
  byEnvironment: z.record(z.string(), z.number().int()),
});

const actionItemRowSchema = z.object({
  issue: z.number().int(),
  title: z.string(),
  due: z.string(),
  owner: z.string().nullable(),
  daysOverdue: z.number().int(),
});

const policySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** False when the repository has no `.github/deploy-governor.yml` (all defaults). */
    found: z.boolean(),
    /** The files it extends, nearest first (empty when it extends none). */
    extends: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/**
 * One repository's advisory counts (issue 16): how many gate decisions of the look-back each advisory rule would
 * have blocked, from the reports embedded in the Action's `deploy-governor / <env>` check runs on the default
 * branch's commits. Informational: those reports are writer-controlled, so a writer can inflate or hide their
 * repository's counts.
 */
const advisorySchema = z.object({
  /** Start of the look-back (ISO 8601): check runs completed since then count. */
  since: z.string(),
  /** Commits of the default branch (committed within the look-back, newest first) whose check runs were read. */
  commits: z.number().int().nonnegative(),
  /** True when the reader reached its cap of commits: the look-back may hold more, and the counts cover the newest only. */
  capped: z.boolean(),
  /** The rules the policy on the default branch runs in shadow mode (`slo:<name>`, `dr`, …), any environment. */
  rules: z.array(z.string()),
  /** Per environment (lowercase, as the check run names it) that had decisions in the look-back. */
  environments: z.array(
    z.object({
      environment: z.string(),
      /** Check runs that carry a valid report for this environment: one decision each, re-runs included. */
      decisions: z.number().int().nonnegative(),
      /** Per rule: the decisions whose `decision.wouldHaveBlocked` names it. */
      wouldHaveBlocked: z.array(z.object({ rule: z.string(), count: z.number().int().nonnegative() })),
    }),
  ),
});

/** Fleet-wide, per advisory rule. */
const advisoryRuleSchema = z.object({
  rule: z.string(),
  /** Decisions the rule would have blocked, over every repository that runs it in shadow mode. */
  wouldHaveBlocked: z.number().int().nonnegative(),
  /** Decisions read in those repositories (every environment). */
  decisions: z.number().int().nonnegative(),
  /** Repositories that run it in shadow mode: their policy names it advisory, or it would have blocked there. */
  repositories: z.number().int().nonnegative(),
});

const repositoryRowSchema = z.object({
  /** `owner/name`. */
  repository: z.string(),
  defaultBranch: z.string().nullable(),
  environments: z.array(environmentRowSchema),
  /** Active freezes that cover it (its own and the organisation's), soonest to end first. */
  freezes: z.array(freezeRowSchema),
  /** Deployments waiting at an environment that carries the app's protection rule. */
  held: z.array(heldRowSchema),
  /** Null when the audit log could not be read. */
  overrides: overridesSchema.nullable(),
  overdueActionItems: z.array(actionItemRowSchema),
  /** Null when the policy was not read (the repository could not be read at all). */
  policy: policySchema.nullable(),
  /** Null when not read: the policy runs no rule in shadow mode (or did not load), or the history could not be read. */
  advisory: advisorySchema.nullable(),
  errors: z.array(readErrorSchema),
});

export const fleetReportSchema = z.object({
  schema: z.literal(FLEET_SCHEMA_ID),
  /** The owner whose repositories are listed. */
  organisation: z.string(),
  generatedAt: z.string(),
  /** How repositories were listed: every repository the token sees in the organisation, or the app's installation. */
  source: z.enum(['organisation', 'installation']),
  /** The app whose protection rules, freeze issues and action items count (its slug). */
  app: z.string(),
  /** Where held deployments come from: waiting runs' pending deployments (what GitHub shows), or the app's own store. */
  heldSource: z.enum(['pending-deployments', 'app-store']),
  summary: z.object({
    repositories: z.number().int(),
    environments: z.number().int(),
    governedEnvironments: z.number().int(),
    productionEnvironments: z.number().int(),
    /** The headline: production-like environments with neither the protection rule nor the Action. */
    ungovernedProduction: z.array(z.object({ repository: z.string(), environment: z.string() })),
    activeFreezes: z.number().int(),
    heldDeployments: z.number().int(),
    overridesLast30Days: z.number().int(),
    overdueActionItems: z.number().int(),
    /** Advisory rules across the fleet, by rule name: the evidence to switch one on. */
    advisoryRules: z.array(advisoryRuleSchema),
    /** Repositories whose policy fails to load, with the error. */
    policyErrors: z.array(z.object({ repository: z.string(), error: z.string() })),
    /** Repositories with at least one part that could not be read. */
    incomplete: z.array(z.string()),
  }),
  /** Archived repositories, listed but not read. */
  archivedSkipped: z.array(z.string()),
  repositories: z.array(repositoryRowSchema),
  /** GitHub requests the report took (after de-duplicating identical reads). */
  requests: z.number().int(),
  /** Lists cut at a page cap, and the like. */
  warnings: z.array(z.string()),
});

export type FleetReport = z.infer<typeof fleetReportSchema>;
export type FleetRepositoryRow = z.infer<typeof repositoryRowSchema>;
export type FleetEnvironmentRow = z.infer<typeof environmentRowSchema>;
export type FleetGateStatus = z.infer<typeof gateStatusSchema>;
export type FleetFreezeRow = z.infer<typeof freezeRowSchema>;
export type FleetHeldRow = z.infer<typeof heldRowSchema>;
export type FleetReadError = z.infer<typeof readErrorSchema>;
export type FleetPolicyState = z.infer<typeof policySchema>;
export type FleetAdvisory = z.infer<typeof advisorySchema>;
export type FleetAdvisoryRule = z.infer<typeof advisoryRuleSchema>;

const PRODUCTION_PART = /(^|[-_.\s/])(prod|production|live|prd)([-_.\s/]|$)/i;

/**
 * Whether an environment's name reads as production: `prod`, `production`, `live` or `prd`, alone or as a
 * separated part (`prod-eu`, `eu.production`).
 */
export function isProductionLike(environment: string): boolean {
  return PRODUCTION_PART.test(environment);
}

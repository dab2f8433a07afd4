/**
 * The evaluation report, `deploy-governor/report@1`: written to `report-path`,
 * embedded in the check run `deploy-governor / <environment>`, printed by
 * `deploy-governor check --json`, and read back by the app. Adding optional fields
 * is compatible; renaming or removing one needs `report@2`.
 */
import { z } from 'zod';
import { EXCLUSION_KINDS } from '../exclusions/exclusion-kinds.js';
import { SLI_KIND_NAMES } from '../sli/registry.js';
import { BLOCKABLE_STATUSES, STATUSES } from '../status.js';

export const REPORT_SCHEMA_ID = 'deploy-governor/report@1';

const statusSchema = z.enum(STATUSES);
/** Days until the budget is gone at the current burn rate: `"inf"` when nothing burns, null when unknown. */
const daysSchema = z.union([z.number(), z.literal('inf')]).nullable();

const guardResultSchema = z.object({
  name: z.string(),
  long: z.string(),
  short: z.string(),
  factor: z.number(),
  /** Burn rate over the long window (null when it could not be read). */
  longBurnRate: z.number().nullable(),
  shortBurnRate: z.number().nullable(),
  /** Both windows exceed the factor (false when a window has no data: see `state`). */
  triggered: z.boolean(),
  status: z.enum(BLOCKABLE_STATUSES),
  /**
   * `unknown` when a window's query returned no samples: the guard can be neither
   * triggered nor cleared, and its burn rates are null. Whether it blocks is the
   * policy's `unknown-guards` (optional; added in 0.3).
   */
  state: z.enum(['triggered', 'not-triggered', 'unknown']).optional(),
});

/**
 * How the SLO's error budget was spent across its window, step by step: what the
 * job summary and the PR comment draw as charts (optional; added in 0.3). One
 * range query reads it, at a step that gives at most 30 points. Absent when it
 * could not be read (a note says why), when the SLO has no budget, or when the
 * querier has no range queries; it never changes the decision.
 */
const budgetHistorySchema = z.object({
  /** The step between points, a Prometheus duration (`1d`); each point covers the step that ends at it. */
  step: z.string(),
  /** Where the steps' events came from: raw counters, or the series `generate rules` records. */
  source: z.enum(['raw', 'recorded']),
  /** Oldest first; the last point is at the evaluation time. */
  points: z.array(
    z.object({
      /** The end of the step (ISO 8601). */
      at: z.string(),
      /**
       * Percent of the window's error budget left after the errors up to `at`: the
       * window's spent budget (the SLO's `budgetRemaining`) attributed to the steps
       * in proportion to their errors, so the last point equals `budgetRemaining`
       * and the line never rises.
       */
      budgetRemaining: z.number(),
      /** The burn rate over the step (its error ratio over the budget); null when the step had no data. */
      burnRate: z.number().nullable(),
    }),
  ),
});

/**
 * One excluded interval of an SLO window and what it gave back (optional; added with `exclusions`): the interval's
 * errors and events were subtracted from the window's before the ratio was taken.
 */
const sloExclusionSchema = z.object({
  /** The exclusion's name in the policy. */
  name: z.string(),
  kind: z.enum(EXCLUSION_KINDS),
  /** The part of the interval inside the SLO window and not shared with an earlier interval (ISO 8601; `to` exclusive). */
  from: z.string(),
  to: z.string(),
  /** Events (the total query's) in the interval, left out of the window's total. */
  eventsExcluded: z.number(),
  /** Errors in the interval, left out of the window's errors. */
  errorsReturned: z.number(),
  /** Those errors in percent of the window's error budget after exclusions (percentage points of `budgetRemaining`, roughly). */
  budgetReturned: z.number(),
});

export const sloResultSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  /** Objective in percent. */
  objective: z.number(),
  window: z.string(),
  sliKind: z.enum(SLI_KIND_NAMES),
  /**
   * Where the SLO window's ratio came from: raw counters, the series `generate rules` records (`recorded`), or, for an
   * SLO from a Sloth spec, the series Sloth records (`sloth`, added with issue 13: the average of Sloth's 5-minute
   * ratios, the budget Sloth's dashboards show, not traffic-weighted; a note on the SLO says so).
   */
  source: z.enum(['raw', 'recorded', 'sloth']).optional(),
  /** Error ratio over the SLO window, 0..1. */
  errorRatio: z.number().nullable(),
  /** Budget remaining in percent, not clamped (−50 = half a budget overspent). */
  budgetRemaining: z.number().nullable(),
  /** Burn rate over the last hour. */
  burnRate: z.number().nullable(),
  daysToExhaustion: daysSchema,
  /** Status from the budget thresholds alone (UNKNOWN when unreadable). */
  status: statusSchema,
  guards: z.array(guardResultSchema),
  /** Why the SLO could not be evaluated (status UNKNOWN). */
  error: z.string().nullable(),
  runbook: z.string().optional(),
  /**
   * Days of stored history the SLO's data covers, present only when that is less
   * than its window (a young service, a short retention): the budget is then over
   * those days alone (optional; added in 0.3).
   */
  historyDays: z.number().optional(),
  /** The budget over the window, for charts (optional; added in 0.3). */
  history: budgetHistorySchema.optional(),
  /** The excluded intervals left out of this SLO's window, and what each returned (optional; added with `exclusions`). */
  exclusions: z.array(sloExclusionSchema).optional(),
});

/**
 * The audit of one exclusion interval that overlapped an SLO window (optional; added with `exclusions`): whether the
 * budget honoured it, and on what facts. An exclusion counts only if it was in the policy before its interval started
 * (the date of the commit that introduced it, per GitHub), or if whoever added it holds the `exhausted` override role.
 */
const exclusionAuditSchema = z.object({
  name: z.string(),
  kind: z.enum(EXCLUSION_KINDS),
  /** The policy's reason (user text: render inert). */
  reason: z.string(),
  /** The occurrence, unclipped (ISO 8601; `to` exclusive). */
  from: z.string(),
  to: z.string(),
  /** `added-before-start` and `authorized-role` were applied; `refused` was not (the budget counts the interval). */
  admission: z.enum(['added-before-start', 'authorized-role', 'refused']),
  /** The date of the commit that introduced it and its author's login, per GitHub (null when unknown). */
  addedAt: z.string().nullable(),
  addedBy: z.string().nullable(),
  /** Why, in words. */
  note: z.string(),
});

const drResultSchema = z.object({
  metric: z.string(),
  /** Seconds since the last successful drill (null when the metric is missing). */
  ageSeconds: z.number().nullable(),
  maxAgeSeconds: z.number(),
  lastTestAt: z.string().nullable(),
  backupProbe: z.object({ query: z.string(), value: z.number().nullable(), ok: z.boolean() }).nullable(),
  rto: z.object({ metric: z.string(), seconds: z.number().nullable(), maxSeconds: z.number(), ok: z.boolean() }).nullable(),
  rpo: z.object({ metric: z.string(), seconds: z.number().nullable(), maxSeconds: z.number(), ok: z.boolean() }).nullable(),
  ok: z.boolean(),
});

const activeFreezeSchema = z.object({
  name: z.string(),
  reason: z.string().nullable(),
  /** When the window opened (ISO 8601). */
  since: z.string().nullable(),
  /** When it closes (ISO 8601). */
  until: z.string().nullable(),
});

/** What a finding that is not about a status is about (optional; added in 0.3). */
const FINDING_CODES = [
  /** A query returned no samples: its window or gauge is n/a, a guard on it unknown; the message names the query. */
  'no-data',
  /** The stored history is shorter than the SLO window. */
  'short-history',
  /** A raw evaluation came close to its timeout or read many samples: the recorded path would be constant-cost. */
  'raw-cost',
  /** The recorded series were unusable for a window (or could not be checked), so raw counters were read. */
  'recording-missing',
  /** A budget exclusion was refused, or could not be applied to an SLO (added with `exclusions`). */
  'exclusion',
] as const;

/**
 * One reason the status is what it is, or a note beside it: a finding with status
 * NORMAL changes no decision, but is listed (after every other) with a `code`.
 */
const findingSchema = z.object({
  source: z.enum(['budget', 'burn-rate', 'dr', 'freeze', 'error', 'override', 'debt']),
  status: statusSchema,
  slo: z.string().optional(),
  message: z.string(),
  code: z.enum(FINDING_CODES).optional(),
  /**
   * The policy rule that produced the finding, for advisory counts: `slo:<name>`, `burn-rate-guard:<name>`, `dr`,
   * `freeze-window:<name>`, `freeze-command`, `action-items` (optional; added with advisory rules).
   */
  rule: z.string().optional(),
  /**
   * The change classes the finding blocks, when not every class (`debt`: overdue postmortem action items block
   * `feature` deploys only); absent: it blocks whatever its status blocks (optional; added with postmortem debts).
   */
  blocksClasses: z.array(z.string()).optional(),
  /** `advisory`: the rule is in shadow mode; the finding never raises the decision's status (absent: enforced). */
  enforcement: z.literal('advisory').optional(),
});

/** An advisory rule that would have blocked this deploy had it been enforced. */
const wouldHaveBlockedSchema = z.object({
  /** The rule, as in the finding's `rule`. */
  rule: z.string(),
  status: statusSchema,
  message: z.string(),
});

const overrideRecordSchema = z.object({
  actor: z.string(),
  level: z.enum(['warning', 'freeze', 'exhausted']),
  reason: z.string(),
  /** The actor's role as GitHub reported it (role_name). */
  permission: z.string(),
  approvers: z.array(z.string()),
  runId: z.number().int().nullable(),
  runAttempt: z.number().int().nullable(),
  at: z.string(),
});

const runInfoSchema = z.object({
  repository: z.string(),
  runId: z.number().int().nullable(),
  runAttempt: z.number().int().nullable(),
  runUrl: z.string().nullable(),
  sha: z.string().nullable(),
  ref: z.string().nullable(),
  workflow: z.string().nullable(),
  /** Workflow file path (for the dispatch link), e.g. `.github/workflows/deploy.yml`. */
  workflowPath: z.string().nullable().optional(),
  eventName: z.string().nullable(),
  actor: z.string().nullable(),
  serverUrl: z.string().nullable(),
});

/**
 * What binds an overridden report to the workflow run that produced it: a GitHub
 * Actions OIDC token (a JWT signed by GitHub's issuer) whose audience is
 * `deploy-governor:sha256:<hex>`, the SHA-256 of the report's canonical JSON
 * without this field (see `reportDigest`). Only the Action sets it, and only when
 * it records an override in a job with `permissions: id-token: write`.
 */
export const provenanceSchema = z.object({
  oidcToken: z.string().min(1).max(16_384),
});

/**
 * Where the policy came from when it extends other files (`extends`): the chain, the repository's own file
 * first, and for each effective key (`block-on`, `freeze-windows[holiday]`, `environments.prod.mode`) the files
 * that set it, parent first; a merged object lists every file that contributed. Absent when the policy extends nothing.
 */
const policySourcesSchema = z.object({
  chain: z.array(z.string()).min(2),
  keys: z.record(z.string(), z.array(z.string())),
  /** Each locked key and the file that locked it. */
  locked: z.record(z.string(), z.string()),
  /** Keys left out of `keys` to keep the report within the check run's size (`deploy-governor policy explain` lists them all). */
  omitted: z.number().int().positive().optional(),
});

export const reportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  environment: z.string(),
  /** The single evaluation timestamp every query used (ISO 8601). */
  evaluatedAt: z.string(),
  decision: z.object({
    canDeploy: z.boolean(),
    status: statusSchema,
    blockOn: z.enum(BLOCKABLE_STATUSES),
    mode: z.enum(['enforce', 'report']),
    onError: z.enum(['block', 'allow']),
    overridden: z.boolean(),
    /** Human reasons, most severe first. */
    reasons: z.array(z.string()),
    /** What to do next, for humans. */
    nextSteps: z.array(z.string()),
    /** Lowest override level that would pass this status (null when nothing blocks or no override can). */
    requiredOverride: z.enum(['warning', 'freeze', 'exhausted']).nullable(),
    /** The repository role that level needs, per the policy (optional; added in 0.1). */
    requiredPermission: z.string().nullable().optional(),
    /**
     * Advisory rules (`enforcement: advisory`) that would have blocked this deploy had they been enforced; they did
     * not change `status` or `canDeploy` (optional; added with advisory rules, absent when none would have).
     */
    wouldHaveBlocked: z.array(wouldHaveBlockedSchema).optional(),
    /**
     * The deploy's change class (issue 16; absent when the policy has no `change-classes` or the decision was not
     * blocked): its name, where it came from, and whether the blocked status let it through (`canDeploy` is then true).
     */
    changeClass: z
      .object({
        name: z.string(),
        source: z.enum(['input', 'label', 'trailer', 'rollback', 'default']),
        detail: z.string(),
        /** Evidence looked at and not used: an unknown name, a labeller without the role, pull requests that disagree. */
        notes: z.array(z.string()),
        allowedThrough: z.boolean(),
      })
      .optional(),
    /** Who decides disagreements, from the policy's `escalation` (a login or org/team); absent when it names nobody. */
    escalation: z.string().optional(),
  }),
  /** Worst values across SLOs: the least budget, the fastest burn, the soonest exhaustion. */
  budget: z.object({
    remaining: z.number().nullable(),
    burnRate: z.number().nullable(),
    daysToExhaustion: daysSchema,
  }),
  slos: z.array(sloResultSchema),
  dr: drResultSchema.nullable(),
  freeze: z.object({ active: z.array(activeFreezeSchema) }),
  findings: z.array(findingSchema),
  override: overrideRecordSchema.nullable(),
  prometheus: z.object({
    /** Base URL with any credentials removed. */
    url: z.string().nullable(),
    queries: z.number().int(),
    /** Prometheus's own count of samples touched (stats=all), summed over queries. */
    samplesTouched: z.number().nullable(),
  }),
  run: runInfoSchema.nullable(),
  /** The run's OIDC binding of an overridden report (absent otherwise; added in 0.2). */
  provenance: provenanceSchema.nullable().optional(),
  /** The policy chain and the source of each effective key, when the policy extends another file (optional; added with `extends`). */
  policySources: policySourcesSchema.optional(),
  /** Every exclusion interval that overlapped an SLO window, and whether it was honoured (optional; added with `exclusions`). */
  exclusions: z.array(exclusionAuditSchema).optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type SloResult = z.infer<typeof sloResultSchema>;
export type GuardResult = z.infer<typeof guardResultSchema>;
export type DrResult = z.infer<typeof drResultSchema>;
export type ActiveFreeze = z.infer<typeof activeFreezeSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type RunInfo = z.infer<typeof runInfoSchema>;
export type DaysToExhaustion = z.infer<typeof daysSchema>;
export type BudgetHistory = z.infer<typeof budgetHistorySchema>;
export type SloExclusion = z.infer<typeof sloExclusionSchema>;
export type ExclusionAudit = z.infer<typeof exclusionAuditSchema>;

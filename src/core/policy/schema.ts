/**
 * The policy file, `.github/deploy-governor.yml`: the one contract that drives the
 * Action, the app and the CLI.
 *
 * Every object is strict (an unknown key is an error, so a typo never silently
 * disables a check). No field carries a zod `.default()`: defaults are applied in
 * `resolve-policy.ts`, after the per-environment section and the Action's inputs
 * have been merged, so that "not set" stays distinguishable from "set to the
 * default". Defaults are documented here (and in the generated JSON Schema) with
 * `meta({ default })`.
 */
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../notify/notification.js';
import { changeClassesSchema } from '../change-class/change-class-policy.js';
import { postmortemsSchema } from '../postmortem/postmortem-policy.js';
import { durationSchema } from './duration-schema.js';
import { isDuration, parseDurationMs } from '../duration.js';
import { HOLD_INTERVAL_MIN_MS, HOLD_LIMIT_MAX_MS } from './defaults.js';
import { isHttpUrl } from '../http-url.js';
import { sliSchema } from '../sli/registry.js';
import { BLOCKABLE_STATUSES } from '../status.js';
import { enumSchema } from './enum-schema.js';
import { unknownFreezeEnvironmentMessage, unknownMergeStatusEnvironmentMessage } from './environment-names.js';
import { objectiveProblem } from './objective.js';
import { PERMISSIONS } from './permissions.js';
import { VERIFY_DEFAULTS } from '../verify/verify-settings.js';
import { appliesToSchema } from './inherit/applies-to.js';
import { EXTENDS_FORM, parseExtends } from './inherit/extends-spec.js';
import { LOCKABLE_KEYS } from './inherit/locks.js';
import { cronSchema, timestampSchema, timezoneSchema } from './time-schemas.js';
import { exclusionsSchema } from '../exclusions/exclusion-schema.js';

const promqlSchema = z.string().min(1, { message: 'expected a non-empty PromQL expression' });

/** The statuses that `block-on` and rule severities may name (any case: `warning` reads as WARNING). */
const blockableStatusSchema = enumSchema(BLOCKABLE_STATUSES);

const permissionSchema = enumSchema(PERMISSIONS);

/**
 * `enforcement` of one rule (issue 16, advisory rules): `advisory` evaluates and reports the rule as "would have
 * blocked" without blocking, so a platform team can roll a rule out in shadow mode and switch it on with evidence.
 */
const enforcementSchema = enumSchema(['enforce', 'advisory']).optional().meta({
  description:
    '`advisory`: the rule is evaluated and reported ("would have blocked") but never blocks; counted per rule in the Pushgateway metrics. `enforce` blocks as usual.',
  default: 'enforce',
});

/** Who decides disagreements about the gate's decisions (a real mention in blocked reports, held deployments and review issues). */
const escalationSchema = z
  .string()
  .regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?$/, {
    message: 'expected a GitHub login or an organisation team as org/team-slug, e.g. sre-lead or acme/sre',
  })
  .meta({
    description:
      "Who decides disagreements about the gate's decisions: a GitHub login or an `org/team-slug`. Blocked reports, held deployments and override review issues mention them (a real mention, on purpose).",
    examples: ['acme/sre-leads'],
  });

const envVarName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'expected an environment variable name such as PROMETHEUS_TOKEN' });

const httpUrl = z.string().refine(isHttpUrl, { message: 'expected an http:// or https:// URL such as https://prometheus.example.com' });

/** Where and how to reach Prometheus (or Thanos, Mimir, VictoriaMetrics: anything with its HTTP query API). */
const prometheusSchema = z
  .strictObject({
    url: httpUrl.optional().meta({
      description:
        'Base URL of the Prometheus HTTP API, without /api/v1 (for Mimir include the prefix, e.g. https://mimir.example.com/prometheus). Input `prometheus-url` overrides it.',
    }),
    'bearer-token-env': envVarName.optional().meta({
      description:
        'Name of the environment variable holding a bearer token. Secrets never belong in the file itself. Input `prometheus-token` overrides it.',
    }),
    'basic-auth': z
      .strictObject({
        username: z.string().min(1).meta({ description: 'Basic-auth user name.' }),
        'password-env': envVarName.meta({ description: 'Name of the environment variable holding the password.' }),
      })
      .optional()
      .meta({ description: 'HTTP basic authentication; the password comes from an environment variable.' }),
    headers: z
      .record(z.string().regex(/^[A-Za-z0-9-]+$/, { message: 'expected an HTTP header name' }), z.string())
      .optional()
      .meta({ description: 'Extra request headers, e.g. `X-Scope-OrgID: tenant-a` for Mimir. Values are masked in logs.' }),
    timeout: durationSchema.optional().meta({ description: 'Timeout of each query.', default: '10s' }),
  })
  .meta({ description: 'The Prometheus-compatible query API the gate reads.' });

/** One service level objective. */
export const sloSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
        message: 'expected 1-100 letters, digits, dots, dashes or underscores, e.g. api-availability',
      })
      .meta({ description: 'Unique SLO name; used in reports, rule labels and dashboards.' }),
    description: z.string().max(500).optional().meta({ description: 'What the SLO protects, for humans.' }),
    service: z.string().min(1).max(100).optional().meta({ description: 'Service label for generated rules; defaults to the SLO name.' }),
    objective: z
      .number()
      // A fraction (0.999) would mean 0.999 %: every deploy would pass. Objectives are percentages everywhere.
      .gt(1, { error: (issue) => objectiveProblem(Number(issue.input)) ?? 'expected a percentage above 1, e.g. 99.9' })
      .lt(100, { message: 'expected a percentage below 100 (100% leaves no error budget)' })
      .optional()
      .meta({
        description:
          'Objective in percent, above 1 and below 100, e.g. 99.9 (not a fraction such as 0.999). Input `slo-target` overrides it.',
        default: 99.9,
      }),
    window: durationSchema.optional().meta({ description: 'SLO window. Input `window` overrides it.', default: '30d' }),
    sli: sliSchema,
    runbook: httpUrl.optional().meta({ description: 'Runbook URL, linked from reports and generated alerts.' }),
    enforcement: enforcementSchema,
  })
  .meta({ description: 'A service level objective and how to measure it.' });

/** Budget-remaining thresholds, in percent. */
const thresholdsSchema = z
  .strictObject({
    caution: z.number().optional().meta({ description: 'At or above: NORMAL; below: CAUTION.', default: 80 }),
    warning: z.number().optional().meta({ description: 'Below: WARNING.', default: 50 }),
    freeze: z.number().optional().meta({ description: 'Below: FREEZE; below 0: EXHAUSTED.', default: 20 }),
  })
  .meta({ description: 'Budget remaining (percent) at which the status changes. Must satisfy caution ≥ warning ≥ freeze ≥ 0.' });

/** Disaster-recovery drill freshness and recovery objectives. */
const drSchema = z
  .strictObject({
    enabled: z.boolean().optional().meta({ description: 'Check DR freshness. Input `dr-check` overrides it.', default: true }),
    metric: promqlSchema.optional().meta({
      description: 'Gauge (or selector) holding the Unix time of the last successful drill. Input `dr-metric` overrides it.',
      default: 'dr_last_test_timestamp',
    }),
    'max-age': durationSchema.optional().meta({ description: 'Oldest acceptable drill. Input `dr-max-age` overrides it.', default: '7d' }),
    lookback: durationSchema.optional().meta({
      description:
        'How far back to look for the last pushed sample (a gauge pushed daily is stale for instant queries after 5 minutes). Default: twice max-age.',
    }),
    'backup-probe': z
      .strictObject({
        query: promqlSchema.optional().meta({ description: 'Must evaluate to 1.', default: 'probe_success{job="dr-backup-check"}' }),
        lookback: durationSchema.optional().meta({ description: 'Newest sample within this range counts.', default: '1h' }),
      })
      .optional()
      .meta({ description: 'A backup probe that must currently succeed (present = enabled).' }),
    rto: z
      .strictObject({
        metric: promqlSchema.optional().meta({ default: 'dr_last_recovery_time_seconds' }),
        max: durationSchema.meta({ description: 'Longest acceptable recovery time in the last drill.' }),
      })
      .optional()
      .meta({ description: 'Recovery time objective check (present = enabled).' }),
    rpo: z
      .strictObject({
        metric: promqlSchema.optional().meta({ default: 'dr_last_data_loss_seconds' }),
        max: durationSchema.meta({ description: 'Largest acceptable data loss window in the last drill.' }),
      })
      .optional()
      .meta({ description: 'Recovery point objective check (present = enabled).' }),
    status: blockableStatusSchema.optional().meta({ description: 'Status a failed DR check raises the decision to.', default: 'WARNING' }),
    enforcement: enforcementSchema,
  })
  .meta({ description: 'Disaster-recovery drill freshness.' });

/** A freeze window: recurring (cron start/end in a time zone) or one-off (from/to). */
const freezeWindowSchema = z
  .strictObject({
    name: z.string().min(1).max(100).meta({ description: 'Shown in the report when the window is active.' }),
    reason: z.string().max(500).optional().meta({ description: 'Why deploys are frozen.' }),
    start: cronSchema.optional().meta({ description: 'Recurring: cron expression at which the window opens.' }),
    end: cronSchema.optional().meta({ description: 'Recurring: cron expression at which the window closes.' }),
    timezone: timezoneSchema.optional().meta({ description: 'IANA time zone of start/end.', default: 'UTC' }),
    from: timestampSchema.optional().meta({ description: 'One-off: start, ISO 8601 with zone.' }),
    to: timestampSchema.optional().meta({ description: 'One-off: end, ISO 8601 with zone.' }),
    environments: z.array(z.string().min(1)).optional().meta({
      description:
        'Only these environments (default: all). When the policy has an `environments` map, each must be one of its keys, spelled exactly.',
    }),
    'applies-to': appliesToSchema.optional(),
    enforcement: enforcementSchema,
  })
  .superRefine((w, ctx) => {
    const recurring = w.start !== undefined || w.end !== undefined;
    const oneOff = w.from !== undefined || w.to !== undefined;
    if (recurring === oneOff) {
      ctx.addIssue({ code: 'custom', message: 'expected either start and end (cron) or from and to (timestamps)' });
      return;
    }
    if (recurring && (w.start === undefined || w.end === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'a recurring window needs both start and end',
        path: [w.start === undefined ? 'start' : 'end'],
      });
    }
    if (oneOff) {
      if (w.from === undefined || w.to === undefined) {
        ctx.addIssue({ code: 'custom', message: 'a one-off window needs both from and to', path: [w.from === undefined ? 'from' : 'to'] });
      } else if (Date.parse(w.from) >= Date.parse(w.to)) {
        ctx.addIssue({ code: 'custom', message: `expected to (${w.to}) after from (${w.from})`, path: ['to'] });
      }
      if (w.timezone !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'timezone applies to recurring windows; put the offset in from/to', path: ['timezone'] });
      }
    }
  })
  .meta({ description: 'A period in which deploys are blocked with status FREEZE.' });

/** A multi-window burn-rate guard: blocks while both windows burn faster than `factor`. */
const burnRateGuardSchema = z
  .strictObject({
    name: z.string().min(1).max(100).optional().meta({ description: 'Label for the report; default `<long>/<short> > <factor>x`.' }),
    long: durationSchema.meta({ description: 'Long window, e.g. 1h.' }),
    short: durationSchema.meta({ description: 'Short window, e.g. 5m.' }),
    factor: z.number().positive().meta({ description: 'Burn-rate factor both windows must exceed, e.g. 14.4.' }),
    status: blockableStatusSchema.optional().meta({ description: 'Status the guard raises the decision to.', default: 'FREEZE' }),
    'applies-to': appliesToSchema.optional(),
    enforcement: enforcementSchema,
  })
  .meta({ description: 'Fast-burn guard (SRE workbook multi-window pair).' });

const overrideLevelSchema = z
  .strictObject({
    permission: permissionSchema.optional().meta({ description: 'Lowest repository role allowed to use this level.' }),
    'require-environment-approval': z.boolean().optional().meta({
      description: 'Require that the job ran in a GitHub environment with required reviewers; approvers are recorded.',
      default: false,
    }),
  })
  .meta({ description: 'Who may use an override level.' });

/** The most base-branch globs `freezes.merge-status.branches` may map. */
const MAX_MERGE_STATUS_BRANCHES = 50;

/**
 * The freeze commit status on pull requests (issue 15; src/core/freeze/merge-status.ts): which base branches
 * carry which environments' freezes. Off when absent.
 */
const mergeStatusSchema = z
  .strictObject({
    enabled: z.boolean().optional().meta({
      description: 'Set false to turn the status off where a parent policy turned it on.',
      default: true,
    }),
    branches: z
      .record(
        z.string(),
        z
          .array(z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, { message: 'expected an environment name such as production' }))
          .max(50)
          .meta({ description: 'The environments whose freezes hold pull requests into these branches (`[]`: none).' }),
      )
      .superRefine((branches, ctx) => {
        const globs = Object.keys(branches);
        if (globs.length > MAX_MERGE_STATUS_BRANCHES)
          ctx.addIssue({ code: 'custom', message: `expected at most ${MAX_MERGE_STATUS_BRANCHES} base-branch globs, got ${globs.length}` });
        for (const glob of globs) {
          if (glob.length === 0 || glob.length > 255)
            ctx.addIssue({
              code: 'custom',
              path: [glob],
              message: 'expected a base-branch glob of 1 to 255 characters, such as main or "release/*"',
            });
        }
      })
      .optional()
      .meta({
        description:
          'Base-branch globs (`*` stops at `/`, `**` does not, `?` one character) to the environments a merge into them deploys. A pull request into a branch matching several globs is held by the freezes of all their environments; one into a branch no glob matches gets `success`.',
        examples: [{ main: ['production'], 'release/*': ['production', 'staging'] }],
      }),
  })
  .meta({
    description:
      'The commit status `deploy-governor/freeze` on open pull requests: `pending` (with the reason and the end) while a freeze on command or a freeze window covers an environment of the base branch, `success` otherwise. Make it required in a ruleset to block merges during a freeze (README, Governing an organisation). Off when absent.',
  });

/** Freezes on command: `/freeze` and `/unfreeze` in comments (src/core/freeze/freeze-command.ts). */
const freezesSchema = z
  .strictObject({
    permission: permissionSchema.optional().meta({
      description: 'Lowest repository role that may run `/freeze` and `/unfreeze` in an issue or pull-request comment.',
      default: 'maintain',
    }),
    app: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,38}$/, { message: 'expected a GitHub App slug such as deploy-governor' })
      .optional()
      .meta({
        description:
          "Slug of your deploy-governor GitHub App: the Action and the CLI then read the `deploy-freeze` issues it opened (the repository's, and its organisation's in `<owner>/.github`) and treat them as the app's protection rule does (status FREEZE). Needs a token that can read issues (the Action: `permissions: issues: read`). Absent: the Action and the CLI do not read freezes on command.",
        examples: ['deploy-governor'],
      }),
    'merge-status': mergeStatusSchema.optional(),
  })
  .meta({ description: 'Freezes on command: who may freeze and unfreeze deploys from a comment, and which app keeps them.' });

/** Held deployments (app only): how long a protection rule may wait for a freeze or a budget to clear, and how often it looks again. */
const holdSchema = z
  .strictObject({
    limit: durationSchema
      .refine((d) => !isDuration(d) || parseDurationMs(d) <= HOLD_LIMIT_MAX_MS, {
        message: 'expected at most 30d (GitHub waits at most 30 days for a protection rule), such as 24h',
      })
      .optional()
      .meta({
        description:
          'Longest a deployment is held; then it is rejected. At most 30d (how long GitHub waits for a protection rule to answer).',
        default: '24h',
      }),
    interval: durationSchema
      .refine((d) => !isDuration(d) || parseDurationMs(d) >= HOLD_INTERVAL_MIN_MS, {
        message: 'expected at least 1m (each look evaluates the policy against Prometheus), such as 5m',
      })
      .optional()
      .meta({
        description: 'How often a held deployment is evaluated again (jittered); at least 1m. A freeze that ends releases it at once.',
        default: '5m',
      }),
  })
  .meta({ description: 'Held deployments (`on-block: hold`): the longest hold and how often it is evaluated again.' });

/** Authorization of overrides from workflow_dispatch inputs. */
const overridesSchema = z
  .strictObject({
    'min-reason-length': z.number().int().min(1).max(1000).optional().meta({ default: 10 }),
    refs: z
      .array(z.string().regex(/^refs\/(heads|tags)\/[^\s]+$/, { message: 'expected a full ref such as refs/heads/release' }))
      .max(20)
      .optional()
      .meta({
        description:
          "Refs, besides the default branch, whose workflows may record an override (the app checks the run's OIDC token). A workflow edited on any other branch can never produce a logged override.",
      }),
    levels: z
      .strictObject({
        warning: overrideLevelSchema.optional().meta({ description: 'Default permission: write.' }),
        freeze: overrideLevelSchema.optional().meta({ description: 'Default permission: maintain.' }),
        exhausted: overrideLevelSchema.optional().meta({ description: 'Default permission: admin. Also passes UNKNOWN.' }),
      })
      .optional(),
  })
  .meta({ description: 'Who may override a block, at which level.' });

/** Where the app keeps the override audit log. */
const auditSchema = z
  .strictObject({
    branch: z.string().min(1).optional().meta({ default: 'deploy-governor-audit' }),
    path: z.string().min(1).optional().meta({ default: 'audit/overrides.jsonl' }),
    app: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,38}$/, { message: 'expected a GitHub App slug such as deploy-governor' })
      .optional()
      .meta({
        description:
          'Slug of the GitHub App that writes the log: `audit verify --repo` requires every commit to the log to be its own, signed.',
        default: 'deploy-governor',
      }),
  })
  .meta({ description: 'The tamper-evident override audit log (written by the app).' });

/** A Prometheus label name for generated alerts. */
const alertLabelName = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { message: 'expected a Prometheus label name such as team' })
  .refine((name) => !['slo', 'service', 'severity', 'alertname', 'environment', 'long_window', 'short_window'].includes(name), {
    message:
      'slo, service, severity, alertname, environment, long_window and short_window are set by the generator; choose another label name',
  });

/** One multi-window burn-rate alert condition of `deploy-governor generate rules`. */
const burnRateAlertSchema = z
  .strictObject({
    long: durationSchema.meta({ description: 'Long window, e.g. 1h.' }),
    short: durationSchema.meta({ description: 'Short window, e.g. 5m (both windows must burn faster than factor).' }),
    factor: z.number().positive().meta({
      description:
        "Burn-rate factor for a 30-day window, e.g. 14.4; scaled to each SLO's window (× window / 30d, as Sloth does) unless `alerting.factor-scaling` is `pinned`.",
    }),
    severity: enumSchema(['page', 'ticket']).meta({
      description:
        'Which alert the pair belongs to: SLOBurnRatePage or SLOBurnRateTicket (one alerting rule per pair, labelled long_window and short_window).',
    }),
    for: durationSchema.optional().meta({ description: "How long the pair's condition must hold before its alert fires.", default: '2m' }),
  })
  .meta({ description: 'A multi-window burn-rate alert condition (SRE workbook).' });

/** What `deploy-governor generate rules` alerts on. */
const alertingSchema = z
  .strictObject({
    'min-traffic': z.number().int().min(0).optional().meta({
      description:
        "Fewest events in a burn-rate pair's long window before it may fire, so a handful of requests cannot page anyone. The CLI flag --min-traffic overrides it.",
      default: 100,
    }),
    'burn-rate-alerts': z.array(burnRateAlertSchema).min(1).optional().meta({
      description:
        'Burn-rate alert pairs. Default: page on 14.4x over 1h and 5m or 6x over 6h and 30m; ticket on 3x over 1d and 2h or 1x over 3d and 6h.',
    }),
    'factor-scaling': enumSchema(['window', 'pinned']).optional().meta({
      description:
        "How the pairs' factors (written for a 30-day window, as the SRE workbook's) apply to an SLO window: `window` scales them by window / 30d, as Sloth does (13.44, 5.6, 2.8, 0.933 for 28d), so each pair fires on the same share of the budget; `pinned` uses them as written whatever the window.",
      default: 'window',
    }),
    labels: z
      .record(alertLabelName, z.string())
      .optional()
      .meta({ description: 'Extra labels on every generated alert, e.g. `team: payments` for Alertmanager routing.' }),
  })
  .meta({ description: 'Alerts written by `deploy-governor generate rules`.' });

/** Post-deploy verification (`phase: verify`, `deploy-governor verify`); src/core/verify/verify-settings.ts justifies the defaults. */
const verifySchema = z
  .strictObject({
    bake: durationSchema.optional().meta({
      description: 'How long to watch the SLOs after the deploy; a regression ends the bake early. At most 6h. Input `bake` overrides it.',
      default: VERIFY_DEFAULTS.bake,
    }),
    interval: durationSchema.optional().meta({
      description:
        "Time between polls, each one round of the gate's queries; at least 5s and at most the bake. Input `verify-interval` overrides it.",
      default: VERIFY_DEFAULTS.interval,
    }),
    window: durationSchema.optional().meta({
      description: "The short window whose burn rate each poll reads (the gate's own queries over it). Input `verify-window` overrides it.",
      default: VERIFY_DEFAULTS.window,
    }),
    factor: z.number().min(1).optional().meta({
      description:
        "A regression exceeds this many times the pre-deploy burn rate (the gate's 1h burn rate from its report)… Input `verify-factor` overrides it.",
      default: VERIFY_DEFAULTS.factor,
    }),
    floor: z.number().min(0).optional().meta({
      description: '…and this burn rate (1 = the budget lasts exactly its window). Input `verify-floor` overrides it.',
      default: VERIFY_DEFAULTS.floor,
    }),
    'no-data': enumSchema(['fail', 'pass']).optional().meta({
      description:
        'What an SLO with no measured poll during the bake (no samples, no traffic, failed queries) does: `fail` (no data after a deploy is not a pass) or `pass`. Input `verify-no-data` overrides it.',
      default: VERIFY_DEFAULTS.noData,
    }),
  })
  .meta({ description: 'Post-deploy verification: watch the SLOs after the deploy and fail when the burn rate regressed.' });

/** Every policy value that an `environments.<name>` section may override. */
const policyFields = {
  prometheus: prometheusSchema.optional(),
  slos: z.array(sloSchema).min(1).optional().meta({ description: 'The SLOs; the decision is the worst of them.' }),
  thresholds: thresholdsSchema.optional(),
  'block-on': blockableStatusSchema
    .optional()
    .meta({ description: 'Lowest status that blocks a deploy. Input `block-on` overrides it.', default: 'WARNING' }),
  'on-error': enumSchema(['block', 'allow'])
    .optional()
    .meta({ description: 'What an evaluation error (UNKNOWN) does. Input `on-error` overrides it.', default: 'block' }),
  'use-recording-rules': enumSchema(['true', 'false', 'auto'], { booleans: true }).optional().meta({
    description:
      'Read the series recorded by `deploy-governor generate rules` instead of raw counters: `true` requires them, `false` never reads them, `auto` uses them when their history covers the SLO window. Input `use-recording-rules` overrides it.',
    default: 'auto',
  }),
  'scrape-interval': durationSchema.optional().meta({
    description:
      "How often Prometheus scrapes the SLIs' metrics. `generate rules` records its base rates over at least four scrape intervals (5m up to a 1m interval, 20m at 5m), since increase() needs two samples in its range; the gate reads the series named after that window.",
    default: '1m',
  }),
  alerting: alertingSchema.optional(),
  mode: enumSchema(['enforce', 'report'])
    .optional()
    .meta({ description: '`report` evaluates and reports but never fails the step. Input `mode` overrides it.', default: 'enforce' }),
  dr: drSchema.optional(),
  'freeze-windows': z.array(freezeWindowSchema).optional(),
  'burn-rate-guards': z
    .array(burnRateGuardSchema)
    .optional()
    .meta({ description: 'Fast-burn guards; `[]` disables. Default: one guard, 1h and 5m over 14.4x.' }),
  'unknown-guards': enumSchema(['allow', 'block']).optional().meta({
    description:
      "What a fast-burn guard does when one of its windows has no data (its query returned no samples), so it can be neither triggered nor cleared: `allow` shows it as unknown, with the query that returned nothing, without blocking; `block` blocks at the guard's status as if it had triggered.",
    default: 'allow',
  }),
  overrides: overridesSchema.optional(),
  audit: auditSchema.optional(),
  exclusions: exclusionsSchema.optional(),
  verify: verifySchema.optional(),
  'on-block': enumSchema(['hold', 'reject']).optional().meta({
    description:
      "What the app's deployment protection rule does with a deploy blocked by a freeze or the error budget: `reject` answers at once; `hold` leaves it waiting, evaluates it again (see `hold`) and approves it as soon as the policy allows, or rejects it at the hold's limit. Other blocks (an evaluation error, a DR drill) are always rejected. The Action and the CLI ignore it.",
    default: 'reject',
  }),
  hold: holdSchema.optional(),
  escalation: escalationSchema.optional(),
  'change-classes': changeClassesSchema.optional(),
};

/** Per-environment overrides: any policy value, merged over the file's top level (arrays replace). */
const environmentPolicySchema = z.strictObject(policyFields).meta({ description: 'Policy values for one environment.' });

/**
 * Chat notifications: channels by the name the app's operator gave them
 * (NOTIFY_WEBHOOKS), never an address; the operator decides which repositories
 * may use which channel.
 */
const notifySchema = z
  .strictObject({
    channels: z
      .array(
        z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
          message: 'expected a channel name from the app operator (letters, digits, ".", "_", "-")',
        }),
      )
      .max(10)
      .meta({
        description:
          "Names of the app operator's webhooks to notify (NOTIFY_WEBHOOKS in the app's configuration): never a URL. A name the operator has not allowed for this repository sends nothing and is logged.",
        examples: [['deploys-checkout']],
      }),
    on: z
      .array(enumSchema(NOTIFICATION_KINDS))
      .optional()
      .meta({
        description:
          "What to notify about: `blocked` (a deploy the gate blocked), `override` (a verified override let one through), `postmortem-overdue` (the sweep found overdue action items), `held-released` and `held-expired` (a held deployment approved, or rejected at its hold's limit), `freeze-started` and `freeze-ended` (a freeze on command set, or lifted or expired).",
        default: [...NOTIFICATION_KINDS],
      }),
  })
  .meta({ description: 'Chat notifications through the deploy-governor app (Slack, Mattermost, Rocket.Chat, Microsoft Teams).' });

/** The whole policy file. */
export const policyFileSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Editor hint; ignored.' }),
    version: z.literal(1).optional().meta({ description: 'Policy file format version.', default: 1 }),
    extends: z
      .string()
      .superRefine((value, ctx) => {
        const parsed = parseExtends(value);
        if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: `${parsed.problem}; expected ${EXTENDS_FORM}` });
      })
      .optional()
      .meta({
        description:
          "A policy file this one extends, as `owner/repo[:path][@ref]` (Probot's `_extends`): the path defaults to .github/deploy-governor.yml, the ref to the repository's default branch. Only files of the repository's own owner; at most 3 levels. This file merges over it (README, Governing an organisation).",
        examples: ['acme/.github', 'acme/.github:policies/payments.yml@main'],
      }),
    locked: z
      .array(enumSchema(LOCKABLE_KEYS))
      .max(LOCKABLE_KEYS.length * 2)
      .optional()
      .meta({
        description:
          'Keys that files extending this one may make stricter but never looser; a lock set by a parent stays, whatever a child lists here (README, Governing an organisation).',
        examples: [['block-on', 'freeze-windows', 'overrides']],
      }),
    sloth: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          'Path (from the repository root) of a Sloth `prometheus/v1` SLO spec whose SLOs are added to `slos` (a Sloth user can point the gate at the file they already have). Read by the Action, the CLI and the app.',
        examples: ['slos/checkout.sloth.yml'],
      }),
    openslo: z
      .string()
      .min(1)
      // Inside the repository: the file's text can end up in error messages, so it must be the repository's own.
      .refine((p) => !/^([/\\]|[A-Za-z]:)/.test(p) && !p.split(/[/\\]/).includes('..'), {
        message: 'expected a path inside the repository, relative to its root and without .., e.g. slos/checkout.openslo.yaml',
      })
      .optional()
      .meta({
        description:
          'Path (from the repository root) of one OpenSLO file (`apiVersion: openslo/v1`, one or more YAML documents) whose SLOs are added to `slos`: SLO and SLI documents, rolling windows, Occurrences budgets, Prometheus queries. Read by the Action, the CLI and the app.',
        examples: ['slos/checkout.openslo.yaml'],
      }),
    ...policyFields,
    environments: z
      .record(z.string().regex(/^[A-Za-z0-9._-]+$/, { message: 'expected an environment name' }), environmentPolicySchema)
      .optional()
      .meta({ description: 'Per-environment overrides, keyed by environment name.' }),
    postmortems: postmortemsSchema.optional(),
    notify: notifySchema.optional(),
    freezes: freezesSchema.optional(),
  })
  .superRefine((file, ctx) => {
    // A freeze window scoped to an environment the map does not name would never apply: a typo must not disable a freeze.
    const known = Object.keys(file.environments ?? {});
    if (known.length === 0) return;
    const check = (windows: FreezeWindowConfig[] | undefined, at: (string | number)[]) => {
      for (const [i, w] of (windows ?? []).entries()) {
        for (const [j, name] of (w.environments ?? []).entries()) {
          if (known.includes(name)) continue;
          ctx.addIssue({
            code: 'custom',
            path: [...at, i, 'environments', j],
            message: unknownFreezeEnvironmentMessage(w.name, name, known),
          });
        }
      }
    };
    check(file['freeze-windows'], ['freeze-windows']);
    for (const [env, section] of Object.entries(file.environments ?? {}))
      check(section['freeze-windows'], ['environments', env, 'freeze-windows']);
    // Likewise an environment the merge status maps a branch to: a typo must not let merges through a freeze.
    for (const [branch, names] of Object.entries(file.freezes?.['merge-status']?.branches ?? {})) {
      for (const [j, name] of names.entries()) {
        if (known.includes(name)) continue;
        ctx.addIssue({
          code: 'custom',
          path: ['freezes', 'merge-status', 'branches', branch, j],
          message: unknownMergeStatusEnvironmentMessage(branch, name, known),
        });
      }
    }
  })
  .meta({
    title: 'deploy-governor policy',
    description: 'Policy for deploy-governor (.github/deploy-governor.yml): SLOs, thresholds, DR, freeze windows, guards and overrides.',
  });

export type PolicyFile = z.infer<typeof policyFileSchema>;
export type EnvironmentPolicy = z.infer<typeof environmentPolicySchema>;
/**
 * One SLO of the policy. `slothId` is set only by the Sloth reader (src/core/sloth/from-sloth-spec.ts), never by a
 * file (the schema is strict): the gate then reads Sloth's own recordings, labelled `sloth_id`, for it.
 */
export type SloConfig = z.infer<typeof sloSchema> & { slothId?: string };
export type SliConfig = z.infer<typeof sliSchema>;
export type FreezeWindowConfig = z.infer<typeof freezeWindowSchema>;
export type BurnRateGuardConfig = z.infer<typeof burnRateGuardSchema>;
export type AlertingConfig = z.infer<typeof alertingSchema>;
export type Permission = z.infer<typeof permissionSchema>;
export type NotifyConfig = z.infer<typeof notifySchema>;

/**
 * The policy file's `postmortems` section (a contract: documented in full) and
 * its resolution to defaults. Top-level only: postmortems belong to the
 * repository, not to one environment.
 */
import { z } from 'zod';
import { durationSchema } from '../policy/duration-schema.js';
import { parseDurationMs } from '../duration.js';
import { PERMISSIONS, type Permission } from '../policy/permissions.js';
import { PRIORITIES, type Priority } from './priorities.js';

const labelName = z
  .string()
  .min(1)
  .max(50)
  .refine((s) => !s.includes(','), { message: 'expected a GitHub label name (at most 50 characters, no comma)' });

/** A GitHub login, an `org/team` slug, or `$author` (whoever opened the postmortem). */
const approverSchema = z
  .string()
  .regex(/^(\$author|[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?)$/, {
    message: 'expected a GitHub login (octocat), a team as org/team-slug (my-org/sre), or $author',
  })
  .meta({ examples: ['octocat', 'my-org/sre', '$author'] });

/** One row of the approvals table. */
const approvalRoleSchema = z
  .strictObject({
    role: z
      .string()
      .min(1)
      .max(60)
      .regex(/^[^|\n\r<>`[\]]+$/, { message: 'expected a plain role name without |, <, >, backticks or brackets' })
      .meta({ description: 'Role shown in the approvals table, e.g. "Service owner".' }),
    approvers: z
      .array(approverSchema)
      .min(1)
      .meta({ description: "Who may tick this role's box: logins, org/team slugs (any member), or `$author`." }),
  })
  .meta({ description: 'A role that must approve a postmortem before it is published.' });

/** Label equality matchers of the Alertmanager route. */
const alertSelector = z
  .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { message: 'expected a Prometheus label name' }), z.string())
  .meta({ description: 'Labels an alert must carry, with these exact values, to open an incident and a postmortem.' });

const P0_ABOVE_FORM = "expected percentage points of an SLO's error budget, a number above 0 and at most 10000 (e.g. 20), or off";

/** Postmortems and their action items, run in the repository's issues by the app and the CLI. */
export const postmortemsSchema = z
  .strictObject({
    'incident-label': labelName.optional().meta({ description: 'Label of incident issues.', default: 'incident' }),
    label: labelName.optional().meta({ description: 'Label of postmortem issues.', default: 'postmortem' }),
    'required-severities': z
      .array(labelName)
      .optional()
      .meta({
        description:
          'Severity labels whose incidents require a postmortem: closing such an incident opens one automatically, and coverage counts them.',
        default: ['sev1', 'sev2'],
      }),
    'command-permission': z
      .enum(PERMISSIONS)
      .optional()
      .meta({ description: 'Lowest repository role that may run `/postmortem <title>` in a comment.', default: 'triage' }),
    template: z.string().min(1).optional().meta({
      description:
        'Path of a custom postmortem template in the repository (placeholders such as {{title}}, {{date}}, {{incident}}, {{severity}}, {{duration}}); the built-in blameless template is used when the file does not exist.',
      default: '.github/deploy-governor/postmortem.md',
    }),
    'docs-path': z
      .string()
      .min(1)
      .regex(/^[^/].*[^/]$|^[^/]$/, {
        message: 'expected a directory path relative to the repository root, without leading or trailing slash',
      })
      .optional()
      .meta({ description: 'Directory where published postmortems are committed as YYYY-MM-DD-<title>.md.', default: 'docs/postmortems' }),
    approvals: z.array(approvalRoleSchema).min(1).optional().meta({
      description:
        'The approvals table. When every box is ticked the postmortem is published. Default: one row, Author, approved by whoever opened the postmortem (for one opened by Alertmanager: anyone with maintain).',
    }),
    'publish-reminder-after': durationSchema
      .optional()
      .meta({ description: 'Remind on a postmortem still unpublished this long after its incident ended.', default: '7d' }),
    alertmanager: z
      .strictObject({
        selector: alertSelector.optional().meta({ default: { severity: 'critical' } }),
        severity: labelName.optional().meta({ description: 'Severity label given to incidents opened from alerts.', default: 'sev1' }),
      })
      .optional()
      .meta({ description: "Incidents opened from resolved Alertmanager alerts (the app's POST /deploy-governor/alertmanager)." }),
    goals: z
      .strictObject({
        'time-to-postmortem': durationSchema
          .optional()
          .meta({ description: 'Median time from incident end to published postmortem.', default: '7d' }),
        'completion-rate': z
          .number()
          .min(0)
          .max(100)
          .optional()
          .meta({ description: 'Share (%) of action items closed within 30 days of being opened.', default: 90 }),
        coverage: z
          .number()
          .min(0)
          .max(100)
          .optional()
          .meta({ description: 'Share (%) of incidents of a required severity that have a postmortem.', default: 100 }),
      })
      .optional()
      .meta({ description: 'Goals the reliability report measures against.' }),
    'action-items': z
      .strictObject({
        'block-on-overdue': z
          .array(z.enum(PRIORITIES))
          .optional()
          .meta({
            description:
              "Priorities whose overdue action items block `feature` deploys (other change classes pass). `[]` blocks nothing. An item is overdue once its due date (a whole day, UTC) and the grace have passed; only the app's own open `action-item` issues count.",
            default: ['P0'],
          }),
        grace: durationSchema.optional().meta({
          description:
            'How long after the end of its due day (UTC) an item may stay open before it blocks. Absent: no grace (the due day itself counts in full).',
        }),
        enforcement: z.enum(['enforce', 'advisory']).optional().meta({
          description: '`advisory`: overdue items are reported as "would have blocked" (rule `action-items`) and never block.',
          default: 'enforce',
        }),
      })
      .optional()
      .meta({ description: 'Postmortem debts: overdue action items gate feature deploys (the Action, the CLI and the protection rule).' }),
    'require-p0-above': z
      .union(
        [z.number({ error: P0_ABOVE_FORM }).positive({ error: P0_ABOVE_FORM }).max(10_000, { error: P0_ABOVE_FORM }), z.literal('off')],
        { error: P0_ABOVE_FORM },
      )
      .optional()
      .meta({
        description:
          "An incident that consumed more than this many percentage points of an SLO's error budget (the app's own measurement, budget remaining at the incident's start minus at its end) cannot be published until it has a P0 action item with an owner and a due date (the workbook's 20% rule). May exceed 100 (an incident can overspend). `off`: no such rule, and no incident is opened for a burn.",
        default: 20,
      }),
    'burn-incident-within': z
      .union([durationSchema, z.literal('off')])
      .optional()
      .meta({
        description:
          "The app's sweep measures each SLO's budget consumed over this trailing window and, when it exceeds `require-p0-above` and no incident the app opened is open, opens one (once per SLO, environment and UTC day; never again while the same burn is within the window). Needs a `postmortems` section and Prometheus reachable by the app. `off`: the sweep opens none.",
        default: '24h',
      }),
  })
  .meta({ description: 'Postmortems and action items tracked in GitHub issues (the app and `deploy-governor postmortems`).' });

export type PostmortemsConfig = z.infer<typeof postmortemsSchema>;

export interface ApprovalRole {
  role: string;
  /** Logins, `org/team` slugs, or `$author`. */
  approvers: string[];
}

/** The `postmortems` section with every default applied. */
export interface PostmortemPolicy {
  incidentLabel: string;
  label: string;
  requiredSeverities: string[];
  commandPermission: Permission;
  templatePath: string;
  docsPath: string;
  approvals: ApprovalRole[];
  publishReminderAfterMs: number;
  alertmanager: { selector: Record<string, string>; severity: string };
  goals: { timeToPostmortemMs: number; completionRate: number; coverage: number };
  actionItems: ActionItemRule;
  /** `require-p0-above` (percentage points), null when `off`. */
  requireP0AbovePct: number | null;
  /** `burn-incident-within` in ms; null when off, when `require-p0-above` is off, or when the policy has no `postmortems` section. */
  burnIncidentWithinMs: number | null;
}

/** `postmortems.action-items` resolved: the debt rule of src/core/postmortem/debt-rule.ts. */
export interface ActionItemRule {
  blockOnOverdue: Priority[];
  graceMs: number;
  advisory: boolean;
}

/** The debt rule of a policy: null (off) when it has no `postmortems` section. */
export function resolveActionItemRule(config: PostmortemsConfig | undefined): ActionItemRule | null {
  if (config === undefined) return null;
  const c = config['action-items'] ?? {};
  return {
    blockOnOverdue: c['block-on-overdue'] ?? ['P0'],
    graceMs: c.grace === undefined ? 0 : parseDurationMs(c.grace),
    advisory: c.enforcement === 'advisory',
  };
}

function requireP0AbovePct(c: PostmortemsConfig): number | null {
  const value = c['require-p0-above'] ?? 20;
  return value === 'off' ? null : value;
}

const DEFAULT_APPROVALS: ApprovalRole[] = [{ role: 'Author', approvers: ['$author'] }];

export function resolvePostmortemPolicy(config: PostmortemsConfig | undefined): PostmortemPolicy {
  const c = config ?? {};
  return {
    incidentLabel: c['incident-label'] ?? 'incident',
    label: c.label ?? 'postmortem',
    requiredSeverities: c['required-severities'] ?? ['sev1', 'sev2'],
    commandPermission: c['command-permission'] ?? 'triage',
    templatePath: c.template ?? '.github/deploy-governor/postmortem.md',
    docsPath: c['docs-path'] ?? 'docs/postmortems',
    approvals: c.approvals ?? DEFAULT_APPROVALS,
    publishReminderAfterMs: parseDurationMs(c['publish-reminder-after'] ?? '7d'),
    alertmanager: { selector: c.alertmanager?.selector ?? { severity: 'critical' }, severity: c.alertmanager?.severity ?? 'sev1' },
    goals: {
      timeToPostmortemMs: parseDurationMs(c.goals?.['time-to-postmortem'] ?? '7d'),
      completionRate: c.goals?.['completion-rate'] ?? 90,
      coverage: c.goals?.coverage ?? 100,
    },
    actionItems: resolveActionItemRule(c)!,
    requireP0AbovePct: requireP0AbovePct(c),
    // Opening issues unasked is opt-in: only a policy with a postmortems section gets burn incidents.
    burnIncidentWithinMs:
      config === undefined || c['burn-incident-within'] === 'off' || requireP0AbovePct(c) === null
        ? null
        : parseDurationMs(c['burn-incident-within'] ?? '24h'),
  };
}

/**
 * The reliability report: how fast postmortems are published, how many action
 * items get done, what is overdue, and whether every serious incident got a
 * postmortem, each against the policy's goals. One computation behind the
 * pinned "Reliability report" issue and `deploy-governor postmortems report`
 * (markdown, JSON = the report object, OpenMetrics). Pure.
 *
 * Definitions (the contract; the README repeats them):
 * - time to postmortem: incident end (the postmortem marker's `endedAt`, else
 *   the incident issue's `closed_at`) to `publishedAt`. Published postmortems
 *   only; unpublished ones are listed as pending with their age and stay out
 *   of the median. Goal: median < `goals.timeToPostmortemMs`.
 * - completion: of the action items opened at least 30 days before `now`, the
 *   share closed within 30 days of opening with a `state_reason` other than
 *   `not_planned`. Goal: rate ≥ `goals.completionRate` (a goal of 100 must be reachable).
 * - overdue: open action items whose due date is before today (UTC).
 * - coverage: of the closed incidents (not closed as `not_planned`, i.e. not
 *   false alarms) whose severity is in `requiredSeverities`, the share some
 *   postmortem's marker names. Goal: rate ≥ `goals.coverage`.
 * A goal with nothing to measure is neither met nor missed: `met` is null.
 */
import type { PostmortemPolicy } from './postmortem-policy.js';
import {
  DAY_MS,
  daysBetweenDates,
  incidentEndOf,
  isOverdue,
  isPublished,
  ownerOf,
  utcDate,
  type ActionItemIssue,
  type IncidentIssue,
  type PostmortemIssue,
} from './sweep-plan.js';
import { inert, inertLimited } from '../render/inert-markdown.js';

/** Action items get this long to be completed. */
const COMPLETION_WINDOW_MS = 30 * DAY_MS;

/** One postmortem's time to publication. */
interface PostmortemRow {
  postmortem: number;
  title: string;
  /** The incident issue its marker names, if any. */
  incident: number | null;
  severity: string | null;
  /** Incident end, ISO 8601; null when unknown (then it has no time to postmortem). */
  incidentEndedAt: string | null;
  /** ISO 8601 when published; null while pending. */
  publishedAt: string | null;
  /**
   * `publishedAt − incidentEndedAt` (0 when published before the incident issue was closed); null while pending or when
   * the end is unknown.
   */
  timeToPostmortemMs: number | null;
  /** Unpublished: how long since the incident ended; null when published or the end is unknown. */
  pendingForMs: number | null;
}

/** One incident issue and whether it needed, and got, a postmortem. */
interface IncidentRow {
  incident: number;
  title: string;
  severity: string | null;
  state: 'open' | 'closed';
  /** Closed (not as not_planned) with a severity listed in `requiredSeverities`. */
  requiresPostmortem: boolean;
  /** Lowest-numbered postmortem whose marker names it; null when none. */
  postmortem: number | null;
}

interface OverdueItem {
  issue: number;
  title: string;
  owner: string | null;
  /** YYYY-MM-DD. */
  due: string;
  daysOverdue: number;
  postmortem: number | null;
}

/** A goal and whether it is met; `met` is null when there is nothing to measure. */
interface GoalResult {
  met: boolean | null;
}

export interface ReliabilityReport {
  repository: string;
  /** `now`, ISO 8601. */
  generatedAt: string;
  timeToPostmortem: GoalResult & {
    /** Median over published postmortems with a known incident end; null when there are none. */
    medianMs: number | null;
    goalMs: number;
    /** Number of values in the median. */
    samples: number;
    /** Open, unpublished postmortems, oldest incident first. */
    pending: PostmortemRow[];
  };
  completion: GoalResult & {
    /** Action items opened at least 30 days ago. */
    eligible: number;
    /** Of those, closed (not as not_planned) within 30 days of opening. */
    completedInTime: number;
    /** Percent, 0–100; null when nothing is eligible. */
    rate: number | null;
    /** Percent. */
    goal: number;
  };
  overdue: { count: number; items: OverdueItem[] };
  coverage: GoalResult & {
    /** Incidents that require a postmortem. */
    required: number;
    covered: number;
    /** Percent, 0–100; null when no incident requires one. */
    rate: number | null;
    /** Percent. */
    goal: number;
    /** Incidents that require a postmortem and have none. */
    missing: number[];
  };
  /** False when any goal is missed; goals with nothing to measure do not count. */
  goalsMet: boolean;
  postmortems: PostmortemRow[];
  incidents: IncidentRow[];
}

export interface ReliabilityInputs {
  now: Date;
  policy: PostmortemPolicy;
  /** `owner/name`. */
  repository: string;
  incidents: readonly IncidentIssue[];
  postmortems: readonly PostmortemIssue[];
  actionItems: readonly ActionItemIssue[];
}

/**
 * An incident's severity: the first label listed in `requiredSeverities`
 * (case-insensitive, as GitHub labels are), else the first label like `sev3`.
 */
export function severityOf(labels: readonly string[], policy: PostmortemPolicy): string | null {
  const required = new Set(policy.requiredSeverities.map((s) => s.toLowerCase()));
  return labels.find((l) => required.has(l.toLowerCase())) ?? labels.find((l) => /^sev\d$/i.test(l)) ?? null;
}

/** Median of numbers; the mean of the two middle values for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (100 * part) / whole;
}

/** Computes the report. See the module comment for each definition. */
export function computeReliabilityReport({
  now,
  policy,
  repository,
  incidents,
  postmortems,
  actionItems,
}: ReliabilityInputs): ReliabilityReport {
  const today = utcDate(now);
  const incidentsByNumber = new Map(incidents.map((i) => [i.number, i]));

  const postmortemRows = [...postmortems]
    .sort((a, b) => a.number - b.number)
    .map((p): PostmortemRow => {
      const endedAt = incidentEndOf(p, incidentsByNumber);
      const published = isPublished(p);
      const publishedAt = published ? (p.meta?.publishedAt ?? null) : null;
      const end = endedAt === null ? null : Date.parse(endedAt);
      return {
        postmortem: p.number,
        title: p.title,
        incident: p.meta?.incident ?? null,
        severity: p.meta?.severity ?? null,
        incidentEndedAt: endedAt,
        publishedAt,
        // An incident issue closed after the postmortem was published makes a negative span: it was on time.
        timeToPostmortemMs: end !== null && publishedAt !== null ? Math.max(0, Date.parse(publishedAt) - end) : null,
        pendingForMs: end !== null && !published ? Math.max(0, now.getTime() - end) : null,
      };
    });
  const samples = postmortemRows.flatMap((r) => (r.timeToPostmortemMs === null ? [] : [r.timeToPostmortemMs]));
  const medianMs = median(samples);
  const pending = postmortems
    .filter((p) => p.state === 'open' && !isPublished(p))
    .map((p) => postmortemRows.find((r) => r.postmortem === p.number)!)
    .sort((a, b) => (b.pendingForMs ?? -1) - (a.pendingForMs ?? -1) || a.postmortem - b.postmortem);

  const eligible = actionItems.filter((i) => now.getTime() - Date.parse(i.createdAt) >= COMPLETION_WINDOW_MS);
  const completedInTime = eligible.filter(
    (i) =>
      i.state === 'closed' &&
      i.closedAt !== null &&
      i.stateReason !== 'not_planned' &&
      Date.parse(i.closedAt) - Date.parse(i.createdAt) <= COMPLETION_WINDOW_MS,
  ).length;
  const completionRate = percent(completedInTime, eligible.length);

  const overdueItems = actionItems
    .filter((i) => isOverdue(i, today))
    .map((i): OverdueItem => ({
      issue: i.number,
      title: i.title,
      owner: ownerOf(i),
      due: i.meta!.due!,
      daysOverdue: daysBetweenDates(i.meta!.due!, today),
      postmortem: i.meta?.postmortem ?? null,
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.issue - b.issue);

  const required = new Set(policy.requiredSeverities.map((s) => s.toLowerCase()));
  const incidentRows = [...incidents]
    .sort((a, b) => a.number - b.number)
    .map((i): IncidentRow => {
      const severity = severityOf(i.labels, policy);
      const covering = postmortems.filter((p) => p.meta?.incident === i.number).map((p) => p.number);
      return {
        incident: i.number,
        title: i.title,
        severity,
        state: i.state,
        requiresPostmortem:
          i.state === 'closed' && i.stateReason !== 'not_planned' && severity !== null && required.has(severity.toLowerCase()),
        postmortem: covering.length > 0 ? Math.min(...covering) : null,
      };
    });
  const requiring = incidentRows.filter((r) => r.requiresPostmortem);
  const covered = requiring.filter((r) => r.postmortem !== null).length;
  const coverageRate = percent(covered, requiring.length);

  const timeToPostmortemMet = medianMs === null ? null : medianMs < policy.goals.timeToPostmortemMs;
  const completionMet = completionRate === null ? null : completionRate >= policy.goals.completionRate;
  const coverageMet = coverageRate === null ? null : coverageRate >= policy.goals.coverage;
  return {
    repository,
    generatedAt: now.toISOString(),
    timeToPostmortem: { medianMs, goalMs: policy.goals.timeToPostmortemMs, samples: samples.length, met: timeToPostmortemMet, pending },
    completion: { eligible: eligible.length, completedInTime, rate: completionRate, goal: policy.goals.completionRate, met: completionMet },
    overdue: { count: overdueItems.length, items: overdueItems },
    coverage: {
      required: requiring.length,
      covered,
      rate: coverageRate,
      goal: policy.goals.coverage,
      met: coverageMet,
      missing: requiring.filter((r) => r.postmortem === null).map((r) => r.incident),
    },
    goalsMet: [timeToPostmortemMet, completionMet, coverageMet].every((m) => m !== false),
    postmortems: postmortemRows,
    incidents: incidentRows,
  };
}

/** A duration in days with one decimal, e.g. `3.5 days`. */
function days(ms: number): string {
  const d = Math.round((ms / DAY_MS) * 10) / 10;
  return `${d} day${d === 1 ? '' : 's'}`;
}

function verdict(met: boolean | null): string {
  if (met === null) return '➖ no data';
  return met ? '✅ met' : '❌ missed';
}

function pct(rate: number | null): string {
  return rate === null ? 'n/a' : `${Math.round(rate * 10) / 10}%`;
}

/** The report as GitHub markdown (the body of the pinned issue). Titles and logins are rendered inert: no pings, no links. */
export function renderReliabilityMarkdown(report: ReliabilityReport): string {
  const t = report.timeToPostmortem;
  const c = report.completion;
  const v = report.coverage;
  const lines = [
    `## Reliability report: ${inert(report.repository)}`,
    '',
    `Updated ${report.generatedAt}. ${report.goalsMet ? 'Every measured goal is met.' : 'Some goals are missed.'}`,
    '',
    '| Measure | Value | Goal | Status |',
    '| --- | --- | --- | --- |',
    `| Median time to postmortem | ${t.medianMs === null ? 'n/a' : days(t.medianMs)} (${t.samples} published) | < ${days(t.goalMs)} | ${verdict(t.met)} |`,
    `| Action items done within 30 days | ${pct(c.rate)} (${c.completedInTime} of ${c.eligible}) | ≥ ${c.goal}% | ${verdict(c.met)} |`,
    `| Postmortem coverage | ${pct(v.rate)} (${v.covered} of ${v.required}) | ≥ ${v.goal}% | ${verdict(v.met)} |`,
    `| Overdue action items | ${report.overdue.count} | | |`,
  ];
  if (v.missing.length > 0) lines.push('', `**Incidents without a postmortem:** ${v.missing.map((n) => `#${n}`).join(', ')}`);
  if (t.pending.length > 0) {
    lines.push('', '### Unpublished postmortems', '', '| Postmortem | Incident ended | Pending for |', '| --- | --- | --- |');
    for (const p of t.pending)
      lines.push(
        `| #${p.postmortem} ${inertLimited(p.title, 120)} | ${p.incidentEndedAt ?? 'unknown'} | ${p.pendingForMs === null ? 'n/a' : days(p.pendingForMs)} |`,
      );
  }
  if (report.overdue.items.length > 0) {
    lines.push('', '### Overdue action items', '', '| Item | Owner | Due | Days overdue |', '| --- | --- | --- | --- |');
    // Owners are shown without @: the report is refreshed daily and must not ping anyone (the reminders do).
    for (const i of report.overdue.items)
      lines.push(
        `| #${i.issue} ${inertLimited(i.title, 120)} | ${i.owner === null ? 'unassigned' : inert(i.owner)} | ${i.due} | ${i.daysOverdue} |`,
      );
  }
  const published = report.postmortems.filter((p) => p.timeToPostmortemMs !== null);
  if (published.length > 0) {
    lines.push('', '### Time to postmortem', '', '| Postmortem | Incident | Ended | Published | Time |', '| --- | --- | --- | --- | --- |');
    for (const p of published) {
      lines.push(
        `| #${p.postmortem} ${inertLimited(p.title, 120)} | ${p.incident === null ? '' : `#${p.incident}`} | ${p.incidentEndedAt} | ${p.publishedAt} | ${days(p.timeToPostmortemMs!)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** An OpenMetrics label value: backslash, double quote and newline escaped. */
function labelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/**
 * The report's figures as OpenMetrics text (also valid Prometheus text format),
 * for a Pushgateway or node_exporter's textfile collector: gauges labelled with
 * `repository`, ratios in 0–1 and durations in seconds as Prometheus names
 * them. A figure with nothing to measure is left out rather than written as
 * NaN, so alerts on it see "absent", not a number; `..._goal_met` is 1 or 0 and
 * also left out when there is no data.
 */
export function renderReliabilityOpenMetrics(report: ReliabilityReport): string {
  const repo = `repository="${labelValue(report.repository)}"`;
  const out: string[] = [];
  const gauge = (name: string, help: string, samples: { labels?: string; value: number | null }[]) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const s of samples) if (s.value !== null) out.push(`${name}{${repo}${s.labels ? `,${s.labels}` : ''}} ${s.value}`);
  };
  const bool = (met: boolean | null) => (met === null ? null : met ? 1 : 0);
  const t = report.timeToPostmortem;
  gauge('deploy_governor_postmortem_time_to_publish_median_seconds', 'Median time from incident end to published postmortem.', [
    { value: t.medianMs === null ? null : t.medianMs / 1000 },
  ]);
  gauge('deploy_governor_postmortem_time_to_publish_goal_seconds', 'Goal for the median time to postmortem (met when below).', [
    { value: t.goalMs / 1000 },
  ]);
  gauge('deploy_governor_postmortems_published', 'Published postmortems with a known incident end.', [{ value: t.samples }]);
  gauge('deploy_governor_postmortems_pending', 'Open postmortems not yet published.', [{ value: t.pending.length }]);
  gauge(
    'deploy_governor_action_item_completion_ratio',
    'Share of action items opened at least 30 days ago that were completed within 30 days.',
    [{ value: report.completion.rate === null ? null : report.completion.rate / 100 }],
  );
  gauge('deploy_governor_action_item_completion_goal_ratio', 'Goal for the action-item completion ratio (met when at or above).', [
    { value: report.completion.goal / 100 },
  ]);
  gauge('deploy_governor_action_items_eligible', 'Action items opened at least 30 days ago.', [{ value: report.completion.eligible }]);
  gauge('deploy_governor_action_items_overdue', 'Open action items past their due date.', [{ value: report.overdue.count }]);
  gauge('deploy_governor_postmortem_coverage_ratio', 'Share of incidents of a required severity that have a postmortem.', [
    { value: report.coverage.rate === null ? null : report.coverage.rate / 100 },
  ]);
  gauge('deploy_governor_postmortem_coverage_goal_ratio', 'Goal for postmortem coverage (met when at or above).', [
    { value: report.coverage.goal / 100 },
  ]);
  gauge('deploy_governor_incidents_requiring_postmortem', 'Closed incidents of a severity that requires a postmortem.', [
    { value: report.coverage.required },
  ]);
  gauge('deploy_governor_reliability_goal_met', 'Whether a reliability goal is met (1) or missed (0); absent when there is no data.', [
    { labels: 'goal="time-to-postmortem"', value: bool(t.met) },
    { labels: 'goal="completion-rate"', value: bool(report.completion.met) },
    { labels: 'goal="coverage"', value: bool(report.coverage.met) },
  ]);
  gauge('deploy_governor_reliability_report_timestamp_seconds', 'When the report was computed (Unix time).', [
    { value: Date.parse(report.generatedAt) / 1000 },
  ]);
  out.push('# EOF');
  return `${out.join('\n')}\n`;
}

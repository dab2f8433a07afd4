/**
 * Pushes the gate's decision to a Prometheus Pushgateway, for the dashboard's
 * governance row and alerts on overrides. One group per repository and
 * environment, replaced on every push (PUT), so the latest decision is what a
 * scrape sees.
 */
import type { Report } from '../core/report/report-schema.js';
import { stripCredentials } from './strip-credentials.js';

function labelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** The text exposition of a decision. */
function decisionMetrics(report: Report, atSeconds: number): string {
  const d = report.decision;
  const env = labelValue(report.environment);
  return [
    '# HELP deploy_governor_decision The latest deploy decision (1) with its status.',
    '# TYPE deploy_governor_decision gauge',
    `deploy_governor_decision{environment="${env}",status="${d.status}",allowed="${d.canDeploy}",overridden="${d.overridden}"} 1`,
    '# HELP deploy_governor_decision_timestamp_seconds When the latest decision was made.',
    '# TYPE deploy_governor_decision_timestamp_seconds gauge',
    `deploy_governor_decision_timestamp_seconds{environment="${env}"} ${atSeconds}`,
    ...wouldHaveBlockedMetrics(report, env, atSeconds),
    '',
  ].join('\n');
}

/**
 * Advisory rules that would have blocked this decision (issue 16): one series per rule, valued at the decision's
 * time. The group is replaced on every push, so each would-have-blocked decision is a new value of its rule's
 * series, and `changes(deploy_governor_would_have_blocked_timestamp_seconds[30d]) + 1` counts them per rule (the
 * README shows the query). A true counter would need the previous push read back from the Pushgateway first, a
 * read of every group, racing concurrent deploys.
 */
function wouldHaveBlockedMetrics(report: Report, env: string, atSeconds: number): string[] {
  const rules = report.decision.wouldHaveBlocked ?? [];
  if (rules.length === 0) return [];
  // One series per rule: the worst status it reached (the list is ordered most severe first).
  const seen = new Map<string, string>();
  for (const r of rules) if (!seen.has(r.rule)) seen.set(r.rule, r.status);
  return [
    '# HELP deploy_governor_would_have_blocked_timestamp_seconds When an advisory rule last would have blocked a deploy decision.',
    '# TYPE deploy_governor_would_have_blocked_timestamp_seconds gauge',
    ...[...seen].map(
      ([rule, status]) =>
        `deploy_governor_would_have_blocked_timestamp_seconds{environment="${env}",rule="${labelValue(rule)}",status="${status}"} ${atSeconds}`,
    ),
  ];
}

/** Grouping-key path segment; base64url form so any value (slashes included) is safe. */
function segment(name: string, value: string): string {
  return `${name}@base64/${Buffer.from(value, 'utf8').toString('base64url') || '='}`;
}

export async function pushDecision(options: {
  url: string;
  report: Report;
  repository: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  now?: Date;
}): Promise<void> {
  const base = options.url.replace(/\/+$/, '');
  const target = `${base}/metrics/job/deploy-governor/${segment('repository', options.repository)}/${segment('environment', options.report.environment)}`;
  const body = decisionMetrics(options.report, Math.round((options.now ?? new Date()).getTime() / 1000));
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(target, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain; version=0.0.4' },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error: unknown) {
    throw new Error(
      `cannot push the decision to the Pushgateway at ${stripCredentials(base)}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new Error(
      `the Pushgateway at ${stripCredentials(base)} answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`,
    );
  }
}

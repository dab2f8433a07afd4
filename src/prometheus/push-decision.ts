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
    '',
  ].join('\n');
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

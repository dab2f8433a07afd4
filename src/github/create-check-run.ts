/**
 * Publishes the report as the check run `deploy-governor / <environment>`, which
 * the app reads back to explain blocks on pull requests.
 */
import { embedReport } from '../core/report/extract-report.js';
import { decisionHeadline } from '../core/render/render-summary.js';
import type { Report } from '../core/report/report-schema.js';
import { httpStatusOf, messageOf, type GitHubClient } from './client.js';

/** GitHub's limit on output.summary and output.text. */
const OUTPUT_LIMIT = 65_535;

function checkRunName(environment: string): string {
  return `deploy-governor / ${environment}`;
}

function checkRunConclusion(report: Report): 'success' | 'failure' | 'neutral' {
  if (report.decision.overridden) return 'neutral';
  if (report.decision.canDeploy) return 'success';
  return report.decision.mode === 'report' ? 'neutral' : 'failure';
}

function clip(text: string): string {
  return text.length <= OUTPUT_LIMIT ? text : `${text.slice(0, OUTPUT_LIMIT - 40)}\n\n… (truncated by deploy-governor)`;
}

export type CheckRunResult = { created: true; id: number; url: string | null } | { created: false; reason: string };

export async function createCheckRun(
  client: GitHubClient,
  target: { owner: string; repo: string; sha: string; detailsUrl: string | null },
  report: Report,
  summaryMarkdown: string,
): Promise<CheckRunResult> {
  const embedded = embedReport(report);
  try {
    const { data } = await client.request('POST /repos/{owner}/{repo}/check-runs', {
      owner: target.owner,
      repo: target.repo,
      name: checkRunName(report.environment),
      head_sha: target.sha,
      status: 'completed',
      conclusion: checkRunConclusion(report),
      ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
      output: {
        title: decisionHeadline(report),
        summary: clip(summaryMarkdown),
        // The JSON report must survive intact or not at all: the app parses it back.
        text:
          embedded.length <= OUTPUT_LIMIT
            ? embedded
            : 'The JSON report exceeds the check-run size limit (65,535 characters); read it from report-path in the workflow.',
      },
    });
    const id = typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'number' ? data.id : -1;
    const url = typeof data === 'object' && data !== null && 'html_url' in data && typeof data.html_url === 'string' ? data.html_url : null;
    return { created: true, id, url };
  } catch (error: unknown) {
    const status = httpStatusOf(error);
    if (status === 403) {
      return {
        created: false,
        reason:
          'the github-token cannot create check runs (HTTP 403): add "checks: write" to the job\'s permissions to publish the report for the deploy-governor app',
      };
    }
    return { created: false, reason: `creating the check run failed: ${messageOf(error)}` };
  }
}

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

/** Where a check run goes. */
export interface CheckRunTarget {
  owner: string;
  repo: string;
  sha: string;
  detailsUrl: string | null;
}

/** One completed check run's content; `text` carries embedded JSON that must survive intact or not at all. */
export interface CheckRunContent {
  name: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  text: string;
  /** The text instead, when `text` exceeds the limit. */
  tooLarge: string;
  /** What it publishes, for the refusal's fix-it ("the report for the deploy-governor app"). */
  publishes: string;
}

/** Creates a completed check run (the gate's, the verify step's); never throws: a failure is a reason to tell. */
export async function publishCheckRun(client: GitHubClient, target: CheckRunTarget, content: CheckRunContent): Promise<CheckRunResult> {
  try {
    const { data } = await client.request('POST /repos/{owner}/{repo}/check-runs', {
      owner: target.owner,
      repo: target.repo,
      name: content.name,
      head_sha: target.sha,
      status: 'completed',
      conclusion: content.conclusion,
      ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
      output: {
        title: content.title,
        summary: clip(content.summary),
        text: content.text.length <= OUTPUT_LIMIT ? content.text : content.tooLarge,
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
        reason: `the github-token cannot create check runs (HTTP 403): add "checks: write" to the job's permissions to publish ${content.publishes}`,
      };
    }
    return { created: false, reason: `creating the check run failed: ${messageOf(error)}` };
  }
}

export function createCheckRun(
  client: GitHubClient,
  target: CheckRunTarget,
  report: Report,
  summaryMarkdown: string,
): Promise<CheckRunResult> {
  return publishCheckRun(client, target, {
    name: checkRunName(report.environment),
    conclusion: checkRunConclusion(report),
    title: decisionHeadline(report),
    summary: summaryMarkdown,
    // The JSON report must survive intact or not at all: the app parses it back.
    text: embedReport(report),
    tooLarge: 'The JSON report exceeds the check-run size limit (65,535 characters); read it from report-path in the workflow.',
    publishes: 'the report for the deploy-governor app',
  });
}

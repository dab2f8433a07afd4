/**
 * Webhook payloads for the app's tests, each starting from a published example
 * in @octokit/webhooks-examples and adapted per case.
 */
import { createRequire } from 'node:module';
import { embedReport } from '../../src/core/report/extract-report.js';
import type { Report } from '../../src/core/report/report-schema.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, unknown>[] }[];

function example(name: string, action: string): Record<string, unknown> {
  const found = examples.find((e) => e.name === name)?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no ${name}.${action} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const INSTALLATION = 7331;

export interface CheckRunOptions {
  report: Report | null;
  name?: string;
  app?: { id: number; slug: string };
  pullRequests?: number[] | null;
  headSha?: string;
  /** The check run's id (GitHub numbers them in creation order) and completion time. */
  id?: number;
  completedAt?: string;
}

/** check_run.completed, from the example of a GitHub Actions check run. */
export function checkRunCompleted(o: CheckRunOptions): Record<string, unknown> {
  const payload = example('check_run', 'completed');
  const run = payload.check_run as Record<string, unknown> & {
    pull_requests: Record<string, unknown>[];
    app: Record<string, unknown>;
    output: Record<string, unknown>;
  };
  run.name = o.name ?? `deploy-governor / ${o.report?.environment ?? 'production'}`;
  run.head_sha = o.headSha ?? HEAD_SHA;
  // The stand-in's and the reports' default branch (the example payload says master).
  (payload.repository as Record<string, unknown>).default_branch = 'main';
  if (o.id !== undefined) run.id = o.id;
  if (o.completedAt !== undefined) run.completed_at = o.completedAt;
  run.output = { ...run.output, title: 'deploy-governor', summary: 'summary', text: o.report ? embedReport(o.report) : null };
  if (o.app) run.app = { ...run.app, id: o.app.id, slug: o.app.slug };
  if (o.pullRequests !== undefined) {
    const template = run.pull_requests[0]!;
    run.pull_requests = (o.pullRequests ?? []).map((number) => ({ ...template, number }));
  }
  payload.installation = { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzMzMQ==' };
  return payload;
}

/**
 * deployment_protection_rule.requested. The examples package has no payload for
 * this event, so it starts from the `deployment.created` example (repository,
 * sender, deployment) and adds the event's documented fields.
 */
export function protectionRuleRequested(o: { environment: string; runId: number; sha?: string }): Record<string, unknown> {
  const base = example('deployment', 'created');
  return {
    action: 'requested',
    environment: o.environment,
    event: 'workflow_dispatch',
    sha: o.sha ?? HEAD_SHA,
    ref: 'refs/heads/main',
    deployment_callback_url: `https://api.github.com/repos/${OWNER}/${REPO}/actions/runs/${o.runId}/deployment_protection_rule`,
    // The deployed commit is the event's `sha` and the deployment's.
    deployment: o.sha ? { ...(base.deployment as Record<string, unknown>), sha: o.sha } : base.deployment,
    pull_requests: [],
    // The stand-in's default branch, as the other builders set it (the example says master).
    repository: { ...(base.repository as Record<string, unknown>), default_branch: 'main' },
    sender: base.sender,
    installation: { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzMzMQ==' },
  };
}

/** A pull request as pull_request events carry it: its number, base branch and head commit. */
export interface PullRequestFacts {
  number: number;
  base: string;
  headSha: string;
}

/**
 * pull_request.<action> for the freeze status, from the `opened` example (the examples package has no `edited`
 * one: `changes.base` is added as GitHub documents it when the base changed).
 */
export function pullRequestEvent(
  action: 'opened' | 'synchronize' | 'reopened' | 'edited',
  pr: PullRequestFacts,
  o: { baseFrom?: string } = {},
): Record<string, unknown> {
  const payload = example('pull_request', action === 'edited' ? 'opened' : action);
  const pull = payload.pull_request as Record<string, unknown> & { base: Record<string, unknown>; head: Record<string, unknown> };
  payload.action = action;
  payload.number = pr.number;
  pull.number = pr.number;
  pull.base = { ...pull.base, ref: pr.base };
  pull.head = { ...pull.head, sha: pr.headSha };
  if (action === 'edited')
    payload.changes =
      o.baseFrom === undefined ? { title: { from: 'Old title' } } : { base: { ref: { from: o.baseFrom }, sha: { from: HEAD_SHA } } };
  (payload.repository as Record<string, unknown>).default_branch = 'main';
  payload.installation = { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzMzMQ==' };
  return payload;
}

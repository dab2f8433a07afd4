/**
 * issues and issue_comment webhook payloads for the postmortem tests, each
 * starting from a published example in @octokit/webhooks-examples and carrying
 * an issue as the stateful GitHub stand-in holds it (so what the app reads back
 * through the API and what the event says agree).
 */
import { createRequire } from 'node:module';
import type { Issue } from '../../scripts/lib/github-state-stand-in.js';
import { INSTALLATION, OWNER, REPO } from './webhook-payloads.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, unknown>[] }[];

function example(name: string, action: string): Record<string, unknown> {
  const found = examples.find((e) => e.name === name)?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no ${name}.${action} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

export interface Sender {
  login: string;
  type?: 'User' | 'Bot';
}

function senderFrom(template: Record<string, unknown>, sender: Sender): Record<string, unknown> {
  return { ...template, login: sender.login, id: 1000 + sender.login.length, type: sender.type ?? 'User' };
}

/** The event's issue object: the example's shape with the stand-in issue's fields. */
function issueFrom(template: Record<string, unknown>, issue: Issue): Record<string, unknown> {
  const labelTemplate = ((template.labels as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
  return {
    ...template,
    id: issue.id,
    node_id: issue.node_id,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels.map((l) => ({ ...labelTemplate, id: l.id, name: l.name })),
    user: { ...(template.user as object), login: issue.user.login, type: issue.user.type },
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    html_url: `https://github.com/${OWNER}/${REPO}/issues/${issue.number}`,
    performed_via_github_app: issue.performed_via_github_app,
    ...(issue.pull_request
      ? {
          pull_request: {
            url: issue.pull_request.url,
            html_url: `https://github.com/${OWNER}/${REPO}/pull/${issue.number}`,
            merged_at: issue.pull_request.merged_at,
          },
        }
      : {}),
  };
}

function withInstallation(payload: Record<string, unknown>): Record<string, unknown> {
  payload.installation = { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzMzMQ==' };
  // The stand-in's default branch (the example payload says master): the audit branch starts from it.
  (payload.repository as Record<string, unknown>).default_branch = 'main';
  return payload;
}

/** The same event in another repository of the owner (e.g. the organisation's `.github`). */
export function inRepository(payload: Record<string, unknown>, name: string): Record<string, unknown> {
  const repository = payload.repository as Record<string, unknown> & { owner: { login: string } };
  const fullName = `${repository.owner.login}/${name}`;
  payload.repository = { ...repository, name, full_name: fullName, html_url: `https://github.com/${fullName}` };
  const issue = payload.issue as Record<string, unknown> | undefined;
  if (issue) issue.html_url = `https://github.com/${fullName}/issues/${String(issue.number)}`;
  return payload;
}

/** issues.<action> for an issue; `closed` starts from the `reopened` example (the package has no `closed` one). */
export function issuesEvent(
  action: 'opened' | 'edited' | 'closed' | 'reopened',
  issue: Issue,
  sender: Sender,
  changes?: { body?: { from: string } },
): Record<string, unknown> {
  const payload = example('issues', action === 'closed' ? 'reopened' : action);
  payload.action = action;
  payload.issue = issueFrom(payload.issue as Record<string, unknown>, issue);
  payload.sender = senderFrom(payload.sender as Record<string, unknown>, sender);
  if (action === 'edited') payload.changes = changes ?? {};
  return withInstallation(payload);
}

/** issue_comment.created on an issue. */
export function issueCommentCreated(issue: Issue, body: string, sender: Sender, commentId = 9001): Record<string, unknown> {
  const payload = example('issue_comment', 'created');
  payload.issue = issueFrom(payload.issue as Record<string, unknown>, issue);
  payload.comment = {
    ...(payload.comment as object),
    id: commentId,
    body,
    user: senderFrom((payload.comment as { user: Record<string, unknown> }).user, sender),
    created_at: new Date().toISOString(),
  };
  payload.sender = senderFrom(payload.sender as Record<string, unknown>, sender);
  return withInstallation(payload);
}

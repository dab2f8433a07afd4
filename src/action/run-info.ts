/** The run's identity from the runner's environment and event payload. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { RunInfo } from '../core/report/report-schema.js';

function intOrNull(value: string | undefined): number | null {
  if (!value) return null;
  const n = Number.parseInt(value, 10);
  return Number.isSafeInteger(n) ? n : null;
}

const pullRequestEvent = z.object({ pull_request: z.object({ head: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/) }) }) });

/** The commit the deploy is about: a pull request's head, else GITHUB_SHA. */
function headSha(env: NodeJS.ProcessEnv): string | null {
  if (env.GITHUB_EVENT_PATH && (env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target')) {
    try {
      const event = pullRequestEvent.safeParse(JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')));
      if (event.success) return event.data.pull_request.head.sha;
    } catch {
      // Fall back to GITHUB_SHA: an unreadable event file only costs the PR head.
    }
  }
  return env.GITHUB_SHA ?? null;
}

export function runInfoFromEnv(env: NodeJS.ProcessEnv = process.env): RunInfo | null {
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) return null;
  const runId = intOrNull(env.GITHUB_RUN_ID);
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
  const workflowPath = workflowRef.startsWith(`${repository}/`) ? workflowRef.slice(repository.length + 1).replace(/@.*$/, '') : null;
  return {
    repository,
    runId,
    runAttempt: intOrNull(env.GITHUB_RUN_ATTEMPT),
    runUrl: runId === null ? null : `${serverUrl}/${repository}/actions/runs/${runId}`,
    sha: headSha(env),
    ref: env.GITHUB_REF ?? null,
    workflow: env.GITHUB_WORKFLOW ?? null,
    workflowPath,
    eventName: env.GITHUB_EVENT_NAME ?? null,
    // The triggering actor is who pressed "Run workflow" (a re-run keeps the original actor in GITHUB_ACTOR).
    actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || null,
    serverUrl,
  };
}

/** The branch of a `refs/heads/…` ref; null for a tag or no ref (a branch-scoped rule then applies). */
export function branchOf(ref: string | null): string | null {
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
}

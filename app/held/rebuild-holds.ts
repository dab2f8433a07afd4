/**
 * Held deployments rebuilt from GitHub at start-up, when they were kept in
 * memory only (no REDIS_URL): every installation's repositories, their runs
 * waiting on an environment, and each run's pending deployments. GitHub's
 * pending list is the fact; the rebuilt holds are evaluated at the next tick,
 * and a run whose pending deployment is not this app's to answer is dropped
 * when GitHub refuses the answer (422).
 *
 * Cost, in requests: 1 (installations) + per installation 1 token and
 * ⌈repositories / 100⌉ pages + one `runs?status=waiting` per repository + one
 * `pending_deployments` per waiting run (at most 20 per repository). The
 * repositories are visited one at a time, paced (REBUILD_PACE_MS apart), and at
 * most REBUILD_MAX_REPOSITORIES of them: 1,000 repositories with no waiting run
 * cost about 1,010 requests and 100 s, well within an installation's 5,000
 * requests an hour.
 */
import type { Logger, Probot } from 'probot';
import { z } from 'zod';
import type { HeldDeployment } from '../../src/core/hold/held-deployment.js';
import { DEFAULT_HOLD_INTERVAL } from '../../src/core/policy/defaults.js';
import { parseDurationMs } from '../../src/core/duration.js';
import { messageOf, type GitHubClient } from '../../src/github/client.js';
import { pendingEnvironments, waitingRuns } from '../../src/github/pending-deployments.js';
import { clientFor } from '../github-client.js';
import type { HoldClock } from './hold-clock.js';

const REBUILD_PACE_MS = 100;
const REBUILD_MAX_REPOSITORIES = 1_000;
const MAX_WAITING_RUNS = 20;

const installations = z.array(z.object({ id: z.number().int() }));
const repositories = z.object({ repositories: z.array(z.object({ name: z.string(), owner: z.object({ login: z.string() }) })) });

async function* pages<T>(fetchPage: (page: number) => Promise<T[]>, max: number): AsyncGenerator<T> {
  let seen = 0;
  for (let page = 1; seen < max; page++) {
    const items = await fetchPage(page);
    for (const item of items.slice(0, max - seen)) yield item;
    seen += items.length;
    if (items.length < 100) return;
  }
}

/** The holds GitHub's pending deployments imply; `put` stores each. Failures of one repository are logged and skipped. */
export async function rebuildHolds(
  o: { probot: Probot; clock: HoldClock; log: Logger },
  put: (hold: HeldDeployment) => Promise<void>,
): Promise<number> {
  const asApp = await o.probot.auth();
  let found = 0;
  let visited = 0;
  const list = (page: number) =>
    asApp.request('GET /app/installations', { per_page: 100, page }).then(({ data }) => installations.parse(data));
  for await (const installation of pages(list, Infinity)) {
    const client: GitHubClient = clientFor({ octokit: await o.probot.auth(installation.id) });
    const repos = (page: number) =>
      client.request('GET /installation/repositories', { per_page: 100, page }).then(({ data }) => repositories.parse(data).repositories);
    for await (const r of pages(repos, REBUILD_MAX_REPOSITORIES - visited)) {
      visited += 1;
      const owner = r.owner.login;
      try {
        for (const run of await waitingRuns(client, owner, r.name, MAX_WAITING_RUNS)) {
          for (const environment of await pendingEnvironments(client, owner, r.name, run.id)) {
            const now = o.clock.now();
            await put({
              owner,
              repo: r.name,
              installationId: installation.id,
              runId: run.id,
              environment,
              sha: run.sha,
              ref: run.branch,
              // The run's start, not the hold's (unknown): the limit is reached no later than it would have been.
              since: run.startedAt,
              until: null,
              intervalMs: parseDurationMs(DEFAULT_HOLD_INTERVAL),
              nextAt: now.toISOString(),
              waitingFor: [],
            });
            found += 1;
          }
        }
      } catch (error: unknown) {
        o.log.warn({ repository: `${owner}/${r.name}`, err: messageOf(error) }, 'held deployments of a repository not rebuilt');
      }
      await o.clock.sleep(REBUILD_PACE_MS);
    }
    if (visited >= REBUILD_MAX_REPOSITORIES) {
      o.log.warn(`held deployments rebuilt from the first ${REBUILD_MAX_REPOSITORIES} repositories only`);
      break;
    }
  }
  return found;
}

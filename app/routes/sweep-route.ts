/**
 * POST /deploy-governor/postmortems/sweep, with `Authorization: Bearer
 * $SWEEP_TOKEN`: the same sweep as `npx deploy-governor postmortems sweep`, for
 * operators who schedule it themselves. Body `{"repository": "owner/name"}` sweeps
 * one repository; an empty body sweeps every repository the app is installed on.
 * Unlike the CLI's, the app's sweep also opens an incident for a burn of error
 * budget that no open incident covers (src/github/burn-incidents.ts).
 */
import type { Probot } from 'probot';
import { z } from 'zod';
import { resolvePostmortemPolicy } from '../../src/core/postmortem/postmortem-policy.js';
import { runPostmortemSweep } from '../../src/github/apply-sweep.js';
import { overdueNotification } from '../../src/core/notify/notification.js';
import { utcDate } from '../../src/core/postmortem/sweep-plan.js';
import { messageOf, type GitHubClient } from '../../src/github/client.js';
import { readRepoPolicy } from '../../src/github/read-repo-policy.js';
import type { AppConfig } from '../app-config.js';
import { clientFor } from '../github-client.js';
import { installationFor } from '../installation-client.js';
import type { Notifier } from '../notify/notifier.js';
import { notifyRepository } from '../notify/notify-repository.js';
import { burnCheck } from '../postmortems/burn-check.js';
import { operatorRoute, sendJson } from './operator-request.js';

const SWEEP_PATH = '/deploy-governor/postmortems/sweep';

const requestSchema = z
  .strictObject({
    repository: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected owner/name')
      .optional(),
  })
  .optional();

const installations = z.array(z.object({ id: z.number().int() }));
const repositories = z.object({ repositories: z.array(z.object({ name: z.string(), owner: z.object({ login: z.string() }) })) });

interface Target {
  owner: string;
  repo: string;
  client: GitHubClient;
  /** The installation the repository is reached through (it may choose the tenant's Prometheus). */
  installationId: number;
}

async function everyRepository(probot: Probot): Promise<Target[]> {
  const asApp = await probot.auth();
  const targets: Target[] = [];
  for (const inst of installations.parse((await asApp.request('GET /app/installations', { per_page: 100 })).data)) {
    const client = clientFor({ octokit: await probot.auth(inst.id) });
    for (let page = 1; page <= 10; page++) {
      const batch = repositories.parse((await client.request('GET /installation/repositories', { per_page: 100, page })).data).repositories;
      targets.push(...batch.map((r) => ({ owner: r.owner.login, repo: r.name, client, installationId: inst.id })));
      if (batch.length < 100) break;
    }
  }
  return targets;
}

/** `clock`: the sweep's "now" (tests pass the time their Prometheus data ends at). */
export function sweepRoute(probot: Probot, config: AppConfig, notifier: Notifier, clock: () => Date = () => new Date()) {
  return operatorRoute(SWEEP_PATH, { token: config.sweepToken, variable: 'SWEEP_TOKEN' }, async (body, res) => {
    const parsed = requestSchema.safeParse(body);
    if (!parsed.success) {
      sendJson(res, 400, {
        error: `expected {"repository": "owner/name"} or an empty body: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
      });
      return;
    }
    const request = parsed.data;
    let targets: Target[];
    if (request?.repository) {
      const [owner, repo] = request.repository.split('/') as [string, string];
      const installation = await installationFor(probot, owner, repo);
      if (!installation) {
        sendJson(res, 404, { error: `the app is not installed on ${request.repository}` });
        return;
      }
      targets = [{ owner, repo, ...installation }];
    } else {
      targets = await everyRepository(probot);
    }
    const results: Record<string, unknown>[] = [];
    let failed = false;
    for (const t of targets) {
      try {
        const file = await readRepoPolicy(t.client, t.owner, t.repo);
        const policy = resolvePostmortemPolicy(file.postmortems);
        const now = clock();
        const sweep = await runPostmortemSweep(t.client, {
          owner: t.owner,
          repo: t.repo,
          policy,
          now,
          burn: burnCheck(file, config, probot.log, { owner: t.owner, repo: t.repo, installationId: t.installationId }),
        });
        results.push({ repository: `${t.owner}/${t.repo}`, ...sweep });
        // The items reminded today (one reminder per item and day, so one message a day at most). Never throws.
        await notifyRepository(
          { notifier, client: t.client, owner: t.owner, repo: t.repo, log: probot.log, policy: file, key: `sweep:${utcDate(now)}` },
          overdueNotification(`${t.owner}/${t.repo}`, sweep.actions),
        );
      } catch (error: unknown) {
        failed = true;
        probot.log.error({ err: error, repository: `${t.owner}/${t.repo}` }, 'postmortem sweep failed');
        results.push({ repository: `${t.owner}/${t.repo}`, error: messageOf(error) });
      }
    }
    sendJson(res, failed ? 500 : 200, { results });
  });
}

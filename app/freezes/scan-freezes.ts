/**
 * The start-up scan of the expiry scheduler: every repository the app is
 * installed on, and the open `deploy-freeze` issues this app opened there, so
 * that freezes set before a restart still end on time. Bounded (installations,
 * repositories) and paced (one repository read at a time, `spacingMs` apart),
 * so that it never competes with webhook deliveries for the rate limit. A
 * repository that cannot be read is logged and skipped: its freezes still close
 * when someone next reads them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger, Probot } from 'probot';
import { z } from 'zod';
import type { StoredFreeze } from '../../src/core/freeze/freeze-command.js';
import { messageOf } from '../../src/github/client.js';
import { readFreezes } from '../../src/github/freeze-issues.js';
import { clientFor } from '../github-client.js';
import type { DueFreeze } from './due-freezes.js';

/** Pages of 100 read at most: installations, and repositories per installation. */
const MAX_PAGES = 10;
/** Repositories read at most in one scan. */
const MAX_REPOSITORIES = 5_000;

const installations = z.array(z.object({ id: z.number().int() }));
const repositories = z.object({ repositories: z.array(z.object({ name: z.string(), owner: z.object({ login: z.string() }) })) });

/** Calls `found` for each freeze kept by this app; returns how many repositories were read. */
export async function scanFreezes(r: {
  probot: Probot;
  appId: number;
  log: Logger;
  spacingMs: number;
  found: (freeze: DueFreeze, until: string) => Promise<void>;
}): Promise<number> {
  const asApp = await r.probot.auth();
  let read = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const batch = installations.parse((await asApp.request('GET /app/installations', { per_page: 100, page })).data);
    for (const { id } of batch) {
      const client = clientFor({ octokit: await r.probot.auth(id) });
      for (let repoPage = 1; repoPage <= MAX_PAGES; repoPage++) {
        const repos = repositories.parse(
          (await client.request('GET /installation/repositories', { per_page: 100, page: repoPage })).data,
        ).repositories;
        for (const repo of repos) {
          if (read >= MAX_REPOSITORIES) {
            r.log.warn({ read }, 'freeze expiry scan stopped at its bound; freezes of the rest close when they are next read');
            return read;
          }
          if (read > 0 && r.spacingMs > 0) await sleep(r.spacingMs);
          read += 1;
          const where = { owner: repo.owner.login, repo: repo.name };
          let freezes: StoredFreeze[];
          try {
            freezes = await readFreezes(client, where.owner, where.repo, r.appId);
          } catch (error: unknown) {
            r.log.warn(
              { repository: `${where.owner}/${where.repo}`, err: messageOf(error) },
              'freeze expiry scan could not read a repository',
            );
            continue;
          }
          for (const f of freezes) await r.found({ installationId: id, ...where, issue: f.issue }, f.record.until);
        }
        if (repos.length < 100) break;
      }
    }
    if (batch.length < 100) break;
  }
  return read;
}

/** The repositories an installation can reach (`GET /installation/repositories`), for an organisation-wide freeze's fan-out. */
import { z } from 'zod';
import type { GitHubClient } from './client.js';

const answer = z.object({ repositories: z.array(z.object({ name: z.string(), owner: z.object({ login: z.string() }) })) });

/** At most this many pages of 100 are read: 1,000 repositories. */
const MAX_PAGES = 10;

/** The installation's repositories (`owner`, `repo`), in GitHub's order; `truncated` when there were more than the bound. */
export async function listInstallationRepositories(
  client: GitHubClient,
): Promise<{ repositories: { owner: string; repo: string }[]; truncated: boolean }> {
  const out: { owner: string; repo: string }[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const batch = answer.parse((await client.request('GET /installation/repositories', { per_page: 100, page })).data).repositories;
    out.push(...batch.map((r) => ({ owner: r.owner.login, repo: r.name })));
    if (batch.length < 100) return { repositories: out, truncated: false };
  }
  return { repositories: out, truncated: true };
}

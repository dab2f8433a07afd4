/**
 * The repositories of a fleet: every repository of an organisation the token
 * sees (`GET /orgs/{org}/repos`), or every repository of the app's installation
 * on that owner (`GET /installation/repositories`). Archived ones are listed
 * apart: nobody deploys from them, and they are not read.
 */
import { z } from 'zod';
import type { GitHubClient } from './client.js';

const repositorySchema = z.object({
  name: z.string(),
  owner: z.object({ login: z.string() }),
  default_branch: z.string().optional(),
  archived: z.boolean().optional(),
});
const installationPage = z.object({ repositories: z.array(repositorySchema) });

/** At most this many pages of 100: 2,000 repositories. */
const MAX_PAGES = 20;

export interface FleetRepository {
  owner: string;
  name: string;
  defaultBranch: string | null;
}

export interface FleetListing {
  repositories: FleetRepository[];
  /** `owner/name` of archived repositories. */
  archived: string[];
  /** Set when the page cap cut the list. */
  warning: string | null;
}

/** Lists the owner's repositories through `GET /orgs/{org}/repos` or, for the app, `GET /installation/repositories`. */
export async function listFleetRepositories(
  client: GitHubClient,
  o: { organisation: string; source: 'organisation' | 'installation' },
): Promise<FleetListing> {
  const repositories: FleetRepository[] = [];
  const archived: string[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } =
      o.source === 'organisation'
        ? await client.request('GET /orgs/{org}/repos', { org: o.organisation, type: 'all', per_page: 100, page })
        : await client.request('GET /installation/repositories', { per_page: 100, page });
    const batch = o.source === 'organisation' ? z.array(repositorySchema).parse(data) : installationPage.parse(data).repositories;
    for (const r of batch) {
      // An installation may span only one owner, but say so rather than assume it.
      if (r.owner.login.toLowerCase() !== o.organisation.toLowerCase()) continue;
      if (r.archived) archived.push(`${r.owner.login}/${r.name}`);
      else repositories.push({ owner: r.owner.login, name: r.name, defaultBranch: r.default_branch ?? null });
    }
    if (batch.length < 100) return { repositories, archived, warning: null };
  }
  return {
    repositories,
    archived,
    warning: `only the first ${MAX_PAGES * 100} repositories were listed; the report leaves out the rest`,
  };
}

/**
 * A repository's deployment environments and whether each carries this app's
 * custom deployment protection rule (`GET …/environments/{name}/deployment_protection_rules`,
 * matched by the app's slug and enabled). Needs Actions: read (fine-grained
 * token) or the app's own installation.
 */
import { z } from 'zod';
import type { GitHubClient } from './client.js';

const environmentsPage = z.object({ total_count: z.number().int().optional(), environments: z.array(z.object({ name: z.string() })) });
const rulesResponse = z.object({
  custom_deployment_protection_rules: z.array(
    z.object({ enabled: z.boolean().optional(), app: z.object({ slug: z.string().optional() }).nullable().optional() }),
  ),
});

/** At most this many pages of 100 environments per repository. */
const MAX_PAGES = 5;

/** The repository's environment names (GitHub lists them by name). */
export async function readEnvironments(client: GitHubClient, owner: string, repo: string): Promise<string[]> {
  const names: string[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/environments', { owner, repo, per_page: 100, page });
    const batch = environmentsPage.parse(data).environments;
    names.push(...batch.map((e) => e.name));
    if (batch.length < 100) break;
  }
  return names;
}

/** Whether the environment has this app's protection rule, enabled. */
export async function hasAppProtectionRule(
  client: GitHubClient,
  at: { owner: string; repo: string; environment: string },
  appSlug: string,
): Promise<boolean> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules', {
    owner: at.owner,
    repo: at.repo,
    environment_name: at.environment,
  });
  return rulesResponse
    .parse(data)
    .custom_deployment_protection_rules.some((r) => r.enabled !== false && r.app?.slug?.toLowerCase() === appSlug.toLowerCase());
}

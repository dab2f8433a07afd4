/**
 * A GitHubClient for a repository's installation, for requests that arrive
 * without a webhook (Alertmanager, the sweep): null when the app is not
 * installed there.
 */
import type { Probot } from 'probot';
import { z } from 'zod';
import { httpStatusOf, type GitHubClient } from '../src/github/client.js';
import { clientFor } from './github-client.js';

const installation = z.object({ id: z.number().int() });

/** The repository's installation id and a client acting as it; null when the app is not installed there. */
export async function installationFor(
  probot: Probot,
  owner: string,
  repo: string,
): Promise<{ client: GitHubClient; installationId: number } | null> {
  const asApp = await probot.auth();
  let id: number;
  try {
    id = installation.parse((await asApp.request('GET /repos/{owner}/{repo}/installation', { owner, repo })).data).id;
  } catch (error: unknown) {
    if (httpStatusOf(error) === 404) return null;
    throw error;
  }
  return { client: clientFor({ octokit: await probot.auth(id) }), installationId: id };
}

export async function installationClient(probot: Probot, owner: string, repo: string): Promise<GitHubClient | null> {
  return (await installationFor(probot, owner, repo))?.client ?? null;
}

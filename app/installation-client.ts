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

export async function installationClient(probot: Probot, owner: string, repo: string): Promise<GitHubClient | null> {
  const asApp = await probot.auth();
  let id: number;
  try {
    id = installation.parse((await asApp.request('GET /repos/{owner}/{repo}/installation', { owner, repo })).data).id;
  } catch (error: unknown) {
    if (httpStatusOf(error) === 404) return null;
    throw error;
  }
  return clientFor({ octokit: await probot.auth(id) });
}

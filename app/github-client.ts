/** Probot's Octokit as the GitHubClient seam the shared src/github modules take. */
import type { Context } from 'probot';
import type { GitHubClient } from '../src/github/client.js';

export function clientFor(context: Pick<Context, 'octokit'>): GitHubClient {
  return { request: (route, parameters) => context.octokit.request(route, parameters) };
}

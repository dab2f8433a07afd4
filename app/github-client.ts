/**
 * Probot's Octokit as the GitHubClient seam the shared src/github modules take,
 * waiting out GitHub's secondary rate limits (a refused request was not
 * performed, so sending it again is safe even for a write; neither Probot's
 * throttling nor Octokit's retry plugin does it).
 */
import type { Context } from 'probot';
import { waitingOutSecondaryLimits, type GitHubClient } from '../src/github/client.js';

export function clientFor(context: Pick<Context, 'octokit'>): GitHubClient {
  return waitingOutSecondaryLimits({ request: (route, parameters) => context.octokit.request(route, parameters) });
}

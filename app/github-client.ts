/**
 * Probot's Octokit as the GitHubClient seam the shared src/github modules take,
 * waiting out GitHub's secondary rate limits (a refused request was not
 * performed, so sending it again is safe even for a write; neither Probot's
 * throttling nor Octokit's retry plugin does it). Within a webhook delivery,
 * what the signed payload already says is not asked of GitHub again
 * (github-cache/delivery-facts.ts); repeated reads across deliveries are
 * conditional in the app's Octokit (app-octokit.ts).
 */
import type { Context } from 'probot';
import { waitingOutSecondaryLimits, type GitHubClient } from '../src/github/client.js';
import type { ConditionalRequestsApi } from './github-cache/conditional-requests.js';
import { withDeliveryFacts } from './github-cache/delivery-facts.js';

/** A client for one delivery (`payload` set) or for requests that arrive without one (Alertmanager, the sweep). */
export function clientFor(context: Pick<Context, 'octokit'> & { payload?: unknown }): GitHubClient {
  const octokit: GitHubClient = { request: (route, parameters) => context.octokit.request(route, parameters) };
  // The app's Octokit (app-octokit.ts) carries its installation's view of the files known absent; others carry none.
  const { absentFiles } = context.octokit as ConditionalRequestsApi;
  return waitingOutSecondaryLimits(context.payload === undefined ? octokit : withDeliveryFacts(octokit, context.payload, absentFiles));
}

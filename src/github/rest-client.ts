/**
 * A GitHubClient for the Action and the CLI: @octokit/request with the token and
 * the API base URL (GITHUB_API_URL on GitHub Enterprise Server). It is the
 * request layer of Octokit without the endpoint catalogue and plugins, which
 * keeps the bundled action small and its start fast (see npm run bench).
 */
import { request } from '@octokit/request';
import type { GitHubClient } from './client.js';

export function createGitHubClient(token: string, baseUrl: string = process.env.GITHUB_API_URL || 'https://api.github.com'): GitHubClient {
  const send = request.defaults({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `token ${token}`, 'user-agent': 'deploy-governor', 'x-github-api-version': '2022-11-28' },
  });
  return { request: (route, parameters) => send(route, parameters) };
}

/** A repository's policy on its default branch, through the API (the app's source: reviewed, trusted for decisions). */
import type { GitHubClient } from '../github/client.js';
import { POLICY_PATH, readRepoPolicyChain } from '../github/read-repo-policy.js';
import type { PolicySource } from './policy-source.js';

export function repositorySource(client: GitHubClient, owner: string, repo: string): PolicySource {
  return {
    async load() {
      const warnings: string[] = [];
      const { file, chain } = await readRepoPolicyChain(client, owner, repo, (w) => warnings.push(w));
      return { file, source: `${owner}/${repo}:${POLICY_PATH}`, found: Object.keys(file).length > 0, warnings, chain };
    },
  };
}

/** Reads the repository's policy file from its default branch through the API. */
import { parsePolicy } from '../core/policy/load-policy.js';
import { PolicyError } from '../core/policy/policy-error.js';
import { applySlothSource } from '../core/sloth/apply-sloth-source.js';
import type { PolicyFile } from '../core/policy/schema.js';
import type { GitHubClient } from './client.js';
import { readRepoFile } from './read-repo-file.js';

export const POLICY_PATH = '.github/deploy-governor.yml';

/** The parsed policy; `{}` (all defaults) when the repository has none. Throws PolicyError when invalid. */
export async function readRepoPolicy(client: GitHubClient, owner: string, repo: string): Promise<PolicyFile> {
  const file = await readRepoFile(client, { owner, repo, path: POLICY_PATH });
  if (!file) return {};
  const source = `${owner}/${repo}:${POLICY_PATH}`;
  const policy = parsePolicy(file.text, source);
  if (policy.sloth === undefined) return policy;
  // The Sloth spec the policy names, from the same default branch.
  const sloth = await readRepoFile(client, { owner, repo, path: policy.sloth.replace(/^\.?\//, '') });
  if (!sloth) throw new PolicyError(source, [{ path: 'sloth', message: `the Sloth spec ${policy.sloth} does not exist on the default branch` }]);
  return applySlothSource(policy, sloth.text);
}

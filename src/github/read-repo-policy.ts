/** Reads the repository's policy file from its default branch through the API. */
import { parsePolicy } from '../core/policy/load-policy.js';
import { PolicyError } from '../core/policy/policy-error.js';
import { applySlothSource } from '../core/sloth/apply-sloth-source.js';
import { resolveChain, type ChainedPolicy } from '../core/policy/inherit/resolve-chain.js';
import type { PolicyFile } from '../core/policy/schema.js';
import type { GitHubClient } from './client.js';
import { parentPolicyReader } from './read-parent-policy.js';
import { readRepoFile } from './read-repo-file.js';

export const POLICY_PATH = '.github/deploy-governor.yml';

/**
 * The parsed policy; `{}` (all defaults) when the repository has none. Throws PolicyError when invalid.
 * @param warn called for what a source names but the gate ignores (a Sloth plugin that does not change the maths)
 */
export async function readRepoPolicy(
  client: GitHubClient,
  owner: string,
  repo: string,
  warn?: (message: string) => void,
): Promise<PolicyFile> {
  return (await readRepoPolicyChain(client, owner, repo, warn)).file;
}

/**
 * The parsed policy merged with the files it `extends` (read through the same client: the app's installation,
 * so a parent in a repository the app is not installed on is an error), and the chain (null when it extends
 * nothing). Only files of the repository's own owner may be extended: another owner is another tenant.
 */
export async function readRepoPolicyChain(
  client: GitHubClient,
  owner: string,
  repo: string,
  warn?: (message: string) => void,
): Promise<ChainedPolicy> {
  const file = await readRepoFile(client, { owner, repo, path: POLICY_PATH });
  if (!file) return { file: {}, chain: null };
  const source = `${owner}/${repo}:${POLICY_PATH}`;
  const chained = await resolveChain(parsePolicy(file.text, source), source, parentPolicyReader(client, 'app'), {
    owner,
    self: { owner, repo, path: POLICY_PATH, ref: null },
  });
  let policy = chained.file;
  if (policy.sloth !== undefined) {
    // The Sloth spec the policy names, from the same default branch.
    const sloth = await readRepoFile(client, { owner, repo, path: policy.sloth.replace(/^\.?\//, '') });
    if (!sloth)
      throw new PolicyError(source, [{ path: 'sloth', message: `the Sloth spec ${policy.sloth} does not exist on the default branch` }]);
    policy = applySlothSource(policy, sloth.text, warn);
  }
  if (policy.openslo !== undefined) {
    // The OpenSLO file the policy names, from the same default branch (the schema keeps the path inside the repository).
    const path = policy.openslo.replace(/^\.?\//, '');
    let openslo: Awaited<ReturnType<typeof readRepoFile>>;
    try {
      openslo = await readRepoFile(client, { owner, repo, path });
    } catch (error: unknown) {
      // A directory, or a submodule or symlink: one file is read, never followed elsewhere.
      if (error instanceof Error && / is a /.test(error.message)) {
        throw new PolicyError(source, [
          {
            path: 'openslo',
            message: `${policy.openslo} is not a file on the default branch (${error.message}); name one file (several OpenSLO documents go in one file, separated by ---)`,
          },
        ]);
      }
      throw error;
    }
    if (!openslo)
      throw new PolicyError(source, [
        { path: 'openslo', message: `the OpenSLO file ${policy.openslo} does not exist on the default branch` },
      ]);
    // Loaded on demand: the PromQL grammar it uses is only needed by policies with an OpenSLO source.
    const { applyOpenSloSource } = await import('../core/openslo/apply-openslo-source.js');
    policy = applyOpenSloSource(policy, openslo.text);
  }
  return { file: policy, chain: chained.chain };
}

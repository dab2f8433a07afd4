/**
 * The CLI's `--repo owner/name` and how the CLI reads the files a policy
 * `extends`, and the freezes on command of the repository: through the GitHub
 * API with GITHUB_TOKEN (or GH_TOKEN), for the repository `--repo` names (so a
 * chain that leaves its owner is refused).
 */
import type { FreezeAccess } from '../gate/command-freezes.js';
import type { ParentAccess } from '../gate/read-policy-file.js';
import { createGitHubClient } from '../github/rest-client.js';
import { flagError } from './usage-error.js';

export function parseRepo(value: string): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value);
  if (!match) throw flagError('--repo', `expected owner/name (e.g. octo/shop); got "${value}"`);
  return { owner: match[1]!, repo: match[2]! };
}

/** How the CLI reads the files a policy `extends`: GITHUB_TOKEN or GH_TOKEN, for the repository of --repo (null: unknown). */
export function cliParentAccess(repository: string | null, env: NodeJS.ProcessEnv): ParentAccess {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  const repo = repository === null ? null : parseRepo(repository);
  return {
    client: token ? createGitHubClient(token) : null,
    reader: 'cli',
    repository: repo === null ? null : `${repo.owner}/${repo.repo}`,
    missing: 'set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: read on the repository it names',
  };
}

/** How the CLI reads freezes on command (when the policy sets `freezes.app`): GITHUB_TOKEN or GH_TOKEN, on --repo. */
export function cliFreezeAccess(repository: string | null, env: NodeJS.ProcessEnv): Omit<FreezeAccess, 'host'> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  const repo = repository === null ? null : parseRepo(repository);
  return { client: token ? createGitHubClient(token) : null, repository: repo === null ? null : `${repo.owner}/${repo.repo}` };
}

/**
 * Reads a parent policy (`extends: owner/repo[:path][@ref]`) through the contents API, for the chain in
 * src/core/policy/inherit/resolve-chain.ts. The parent is read at its repository's default branch, or at the
 * ref the `extends` value pins: never at a ref the run chose. What GitHub refuses becomes a message that says
 * which permission is missing and, for the Action, which token to give.
 */
import { describeSpec, type ExtendsSpec } from '../core/policy/inherit/extends-spec.js';
import type { ReadParent } from '../core/policy/inherit/resolve-chain.js';
import { httpStatusOf, messageOf, type GitHubClient } from './client.js';
import { readRepoFile } from './read-repo-file.js';

/** Who reads: decides the advice (the Action's job token cannot read other repositories; the app reads through its installation). */
export type ParentReader = 'action' | 'cli' | 'app';

const TOKEN_ADVICE: Record<ParentReader, (spec: ExtendsSpec) => string> = {
  action: (s) =>
    `the job's GITHUB_TOKEN can read only the repository the workflow runs in: give the policy-token input a GitHub App installation token or a fine-grained token with contents: read on ${s.owner}/${s.repo}`,
  cli: (s) => `set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: read on ${s.owner}/${s.repo}`,
  app: (s) =>
    `install the deploy-governor app on ${s.owner}/${s.repo} too (it needs contents: read there), or extend a repository it is installed on`,
};

export function parentPolicyReader(client: GitHubClient, reader: ParentReader): ReadParent {
  return async (spec) => {
    const name = describeSpec(spec);
    const advice = TOKEN_ADVICE[reader](spec);
    let file: Awaited<ReturnType<typeof readRepoFile>>;
    try {
      file = await readRepoFile(client, { owner: spec.owner, repo: spec.repo, path: spec.path, ...(spec.ref ? { ref: spec.ref } : {}) });
    } catch (error: unknown) {
      const status = httpStatusOf(error);
      if (status === 401) throw new Error(`GitHub refused the token (401): ${advice}`, { cause: error });
      if (status === 403)
        throw new Error(
          `GitHub refused to read it (403: ${messageOf(error)}): the token needs contents: read on ${spec.owner}/${spec.repo}; ${advice}`,
          { cause: error },
        );
      throw new Error(`the request failed: ${messageOf(error)}`, { cause: error });
    }
    if (!file) {
      throw new Error(
        `not found, or not visible to this token (GitHub answers 404 for both)${spec.ref ? `; check that the ref ${spec.ref} exists` : ''}; ${advice}`,
      );
    }
    return { text: file.text, source: name };
  };
}

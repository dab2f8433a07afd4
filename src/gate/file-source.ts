/** The policy file on disk: the Action's workspace, the CLI's working directory. */
import type { PolicySource } from './policy-source.js';
import { readPolicyFile, type ParentAccess } from './read-policy-file.js';

/**
 * `configured`: the path the user named (relative to `root`); unset: the default file, optional.
 * `parents`: how the files the policy `extends` are read (null: no token, so a policy that extends is refused).
 */
export function fileSource(root: string, configured: string | undefined, parents: ParentAccess | null = null): PolicySource {
  return { load: () => readPolicyFile(root, configured, parents) };
}

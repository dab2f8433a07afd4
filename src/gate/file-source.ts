/** The policy file on disk: the Action's workspace, the CLI's working directory. */
import type { PolicySource } from './policy-source.js';
import { readPolicyFile } from './read-policy-file.js';

/** `configured`: the path the user named (relative to `root`); unset: the default file, optional. */
export function fileSource(root: string, configured: string | undefined): PolicySource {
  return { load: () => readPolicyFile(root, configured) };
}

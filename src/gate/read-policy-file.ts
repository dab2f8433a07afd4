/**
 * Reads the policy file from disk for the Action (workspace) and the CLI (cwd).
 * A missing default file means "all defaults"; a missing file the user named is
 * an error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PolicyError } from '../core/policy/policy-error.js';
import type { PolicyFile } from '../core/policy/schema.js';

export const DEFAULT_POLICY_PATH = '.github/deploy-governor.yml';

export interface LoadedPolicyFile {
  file: PolicyFile;
  /** Path as the user would recognise it (relative to the root). */
  source: string;
  /** False when the default file was absent and defaults apply. */
  found: boolean;
}

export async function readPolicyFile(root: string, configured: string | undefined): Promise<LoadedPolicyFile> {
  const source = configured ?? DEFAULT_POLICY_PATH;
  const full = path.resolve(root, source);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error: unknown) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
    if (code === 'ENOENT' && configured === undefined) return { file: {}, source, found: false };
    throw new PolicyError(source, [
      {
        path: 'config',
        message:
          code === 'ENOENT'
            ? `no policy file at ${full} (paths are relative to ${root}); name an existing file, or leave config out to use ${DEFAULT_POLICY_PATH} if it exists`
            : `cannot read ${full}: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
  // Loaded on demand: the YAML parser is a noticeable part of the Action's start-up, and runs without a file do not need it.
  const { parsePolicy } = await import('../core/policy/load-policy.js');
  const file = parsePolicy(text, source);
  if (file.sloth === undefined) return { file, source, found: true };
  // A Sloth spec named by the policy: relative to the repository root, like the policy's own path.
  const slothPath = path.resolve(root, file.sloth);
  let slothText: string;
  try {
    slothText = await readFile(slothPath, 'utf8');
  } catch (error: unknown) {
    throw new PolicyError(source, [{ path: 'sloth', message: `cannot read the Sloth spec ${file.sloth} (${slothPath}): ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const { applySlothSource } = await import('../core/sloth/apply-sloth-source.js');
  return { file: applySlothSource(file, slothText), source, found: true };
}

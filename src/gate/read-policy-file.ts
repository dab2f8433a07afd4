/**
 * Reads the policy file from disk for the Action (workspace) and the CLI (cwd).
 * A missing default file means "all defaults"; a missing file the user named is
 * an error.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { PolicyError } from '../core/policy/policy-error.js';
import type { PolicyFile } from '../core/policy/schema.js';

const DEFAULT_POLICY_PATH = '.github/deploy-governor.yml';

export interface LoadedPolicyFile {
  file: PolicyFile;
  /** Path as the user would recognise it (relative to the root). */
  source: string;
  /** False when the default file was absent and defaults apply. */
  found: boolean;
  /** What was read but ignored (a Sloth plugin that does not change the maths), one line each, naming the file. */
  warnings: string[];
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
}

export async function readPolicyFile(root: string, configured: string | undefined): Promise<LoadedPolicyFile> {
  const source = configured ?? DEFAULT_POLICY_PATH;
  const full = path.resolve(root, source);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error: unknown) {
    const code = codeOf(error);
    if (code === 'ENOENT' && configured === undefined) return { file: {}, source, found: false, warnings: [] };
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
  let file = parsePolicy(text, source);
  const warnings: string[] = [];
  if (file.sloth !== undefined) {
    // A Sloth spec named by the policy: relative to the repository root, like the policy's own path.
    const slothPath = path.resolve(root, file.sloth);
    let slothText: string;
    try {
      slothText = await readFile(slothPath, 'utf8');
    } catch (error: unknown) {
      throw new PolicyError(source, [
        {
          path: 'sloth',
          message: `cannot read the Sloth spec ${file.sloth} (${slothPath}): ${error instanceof Error ? error.message : String(error)}`,
        },
      ]);
    }
    const { applySlothSource } = await import('../core/sloth/apply-sloth-source.js');
    file = applySlothSource(file, slothText, (w) => warnings.push(w));
  }
  if (file.openslo !== undefined) {
    const openSloText = await readOpenSloFile(root, file.openslo, source);
    const { applyOpenSloSource } = await import('../core/openslo/apply-openslo-source.js');
    file = applyOpenSloSource(file, openSloText);
  }
  return { file, source, found: true, warnings };
}

/**
 * The OpenSLO file the policy names, relative to the root and inside it: its
 * text can end up in error messages (a job log), so a symbolic link out of the
 * repository (to /proc/self/environ, say) is refused, not followed.
 */
async function readOpenSloFile(root: string, configured: string, source: string): Promise<string> {
  const full = path.resolve(root, configured);
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(full)]);
    const inside = path.relative(realRoot, realFile);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
      throw new PolicyError(source, [
        {
          path: 'openslo',
          message: `the OpenSLO file ${configured} resolves to ${realFile}, outside ${realRoot}; name a file inside the repository`,
        },
      ]);
    }
    return await readFile(realFile, 'utf8');
  } catch (error: unknown) {
    if (error instanceof PolicyError) throw error;
    if (codeOf(error) === 'EISDIR') {
      throw new PolicyError(source, [
        {
          path: 'openslo',
          message: `${configured} is a directory; name one file (several OpenSLO documents go in one file, separated by ---)`,
        },
      ]);
    }
    throw new PolicyError(source, [
      {
        path: 'openslo',
        message: `cannot read the OpenSLO file ${configured} (${full}): ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
}

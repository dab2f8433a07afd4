/**
 * Reads the policy file from disk for the Action (workspace) and the CLI (cwd).
 * A missing default file means "all defaults"; a missing file the user named is
 * an error.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { PolicyChain } from '../core/policy/inherit/resolve-chain.js';
import { PolicyError } from '../core/policy/policy-error.js';
import type { PolicyFile } from '../core/policy/schema.js';
import type { GitHubClient } from '../github/client.js';

const DEFAULT_POLICY_PATH = '.github/deploy-governor.yml';

export interface LoadedPolicyFile {
  file: PolicyFile;
  /** Path as the user would recognise it (relative to the root). */
  source: string;
  /** False when the default file was absent and defaults apply. */
  found: boolean;
  /** What was read but ignored (a Sloth plugin that does not change the maths), one line each, naming the file. */
  warnings: string[];
  /** The files the policy extends (merged into `file`); null when it extends nothing. */
  chain: PolicyChain | null;
}

/** How the Action and the CLI read the files a policy `extends`: through the GitHub API, with a token. */
export interface ParentAccess {
  /** Null when the host has no token: a policy with `extends` is then an error that says `missing`. */
  client: GitHubClient | null;
  /** Who reads, for the advice of a refusal. */
  reader: 'action' | 'cli';
  /** `owner/name` of the repository the policy belongs to, when known: a chain stays within its owner. */
  repository: string | null;
  /** What to do when `client` is null, in the host's words. */
  missing: string;
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
}

export async function readPolicyFile(
  root: string,
  configured: string | undefined,
  parents: ParentAccess | null = null,
): Promise<LoadedPolicyFile> {
  const source = configured ?? DEFAULT_POLICY_PATH;
  const full = path.resolve(root, source);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error: unknown) {
    const code = codeOf(error);
    if (code === 'ENOENT' && configured === undefined) return { file: {}, source, found: false, warnings: [], chain: null };
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
  let chain: PolicyChain | null = null;
  if (file.extends !== undefined) ({ file, chain } = await readChain(file, source, parents));
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
  return { file, source, found: true, warnings, chain };
}

/** The file merged with the files it extends, read through the API (fails closed: no token, no policy). */
async function readChain(
  file: PolicyFile,
  source: string,
  parents: ParentAccess | null,
): Promise<{ file: PolicyFile; chain: PolicyChain | null }> {
  if (!parents?.client) {
    throw new PolicyError(source, [
      {
        path: 'extends',
        message: `the policy extends ${JSON.stringify(file.extends)}, which is read through the GitHub API, and there is no token to read it with: ${parents?.missing ?? 'give a GitHub token'}`,
      },
    ]);
  }
  const [{ resolveChain }, { parentPolicyReader }] = await Promise.all([
    import('../core/policy/inherit/resolve-chain.js'),
    import('../github/read-parent-policy.js'),
  ]);
  const [owner, repo] = parents.repository?.split('/') ?? [];
  const self =
    owner && repo ? { owner, repo, path: path.posix.normalize(source.replace(/\\/g, '/')).replace(/^\.\//, ''), ref: null } : null;
  return resolveChain(file, source, parentPolicyReader(parents.client, parents.reader), { owner: owner ?? null, self });
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

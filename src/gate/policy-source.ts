/**
 * Where the gate reads a policy from. The host picks: the Action and the CLI
 * read a file on disk (file-source.ts), the app reads a repository's default
 * branch through the API (repository-source.ts); both read a Sloth spec the
 * policy names from the same place, the same way.
 */
import type { PolicyChain } from '../core/policy/inherit/resolve-chain.js';
import type { PolicyFile } from '../core/policy/schema.js';

export interface LoadedPolicy {
  file: PolicyFile;
  /** Where it came from, as a user would recognise it (a path, or `owner/repo:path`). */
  source: string;
  /** False when no policy file exists and the defaults apply. */
  found: boolean;
  /** What was read but ignored, one line each (shown as warnings: never a reason to block). */
  warnings: string[];
  /** The files the policy extends, merged into `file`, and where each key came from; null or absent when it extends nothing. */
  chain?: PolicyChain | null;
}

export interface PolicySource {
  load(): Promise<LoadedPolicy>;
}

/** A policy the host has already read (a postmortem evaluates one policy at two times). */
export function loadedSource(policy: LoadedPolicy): PolicySource {
  return { load: async () => policy };
}

/**
 * Who may open incidents through POST /deploy-governor/alertmanager, and where.
 *
 * - Per-tenant tokens: the `alertmanager-tokens` section of the tenants file, or
 *   the file named by ALERTMANAGER_TOKENS (the same section on its own). Each
 *   token is stored as its SHA-256 digest and limited to owners and
 *   `owner/repo` names or globs.
 * - The single ALERTMANAGER_TOKEN: every repository (as before); the app warns
 *   at start that it should be replaced by per-tenant tokens.
 *
 * A presented token is hashed and compared with every digest in constant time
 * (no early exit, equal lengths), so neither a token's bytes nor which entry
 * matched leak through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AlertmanagerTokenScope } from './load-tenants.js';

export interface AlertmanagerAuth {
  /** The single ALERTMANAGER_TOKEN (every repository), or null. */
  singleToken: string | null;
  /** Per-tenant tokens. */
  scoped: readonly AlertmanagerTokenScope[];
}

/** Who sent a notification: a scoped token's name, or the single token. */
export type AlertmanagerCaller = { name: string; scope: AlertmanagerTokenScope } | { name: 'ALERTMANAGER_TOKEN'; scope: 'all' };

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The caller a bearer header names, or null for a missing or unknown token. */
export function authenticateAlertmanager(authorization: string | undefined, auth: AlertmanagerAuth): AlertmanagerCaller | null {
  const m = /^Bearer (.+)$/.exec(authorization ?? '');
  if (!m) return null;
  const given = sha256(m[1]!);
  let found: AlertmanagerTokenScope | null = null;
  for (const scope of auth.scoped) {
    // Every digest is compared, whatever matched before.
    if (timingSafeEqual(given, scope.digest) && found === null) found = scope;
  }
  const single = auth.singleToken !== null && timingSafeEqual(given, sha256(auth.singleToken));
  if (found) return { name: found.name, scope: found };
  return single ? { name: 'ALERTMANAGER_TOKEN', scope: 'all' } : null;
}

/** Whether the caller may open incidents in `owner/repo`. */
export function callerMayOpen(caller: AlertmanagerCaller, owner: string, repo: string): boolean {
  if (caller.scope === 'all') return true;
  return caller.scope.owners.includes(owner.toLowerCase()) || caller.scope.repositories.some((p) => p.matches(owner, repo));
}

/** Whether any token is configured at all (the route answers 401 to everyone otherwise, naming the variables). */
export function hasAnyToken(auth: AlertmanagerAuth): boolean {
  return auth.singleToken !== null || auth.scoped.length > 0;
}

/**
 * A repository's policy as the app may use it: credentials come from the
 * operator only, so the policy's bearer-token-env, basic-auth and headers (which
 * could make the app read its own environment or reach another tenant) are
 * dropped.
 */
import type { PolicyFile } from '../src/core/policy/schema.js';

export function withoutCredentials(file: PolicyFile): PolicyFile {
  const strip = (p: PolicyFile['prometheus']) =>
    p ? { ...(p.url ? { url: p.url } : {}), ...(p.timeout ? { timeout: p.timeout } : {}) } : undefined;
  return {
    ...file,
    prometheus: strip(file.prometheus),
    ...(file.environments
      ? {
          environments: Object.fromEntries(
            Object.entries(file.environments).map(([k, v]) => [k, { ...v, prometheus: strip(v.prometheus) }]),
          ),
        }
      : {}),
  };
}

/**
 * Which tenant a repository belongs to. Most specific match wins:
 *
 * 1. an exact `owner/repo` in a tenant's `repositories`;
 * 2. a glob in `repositories`; among matching globs of different tenants, the
 *    one with the most characters other than `*` (`acme/payments-*` beats
 *    `acme/*`); a tie between two tenants is refused as ambiguous (the app never
 *    guesses whose data a repository sees);
 * 3. the tenant's `owner`;
 * 4. the tenant's `installation`.
 *
 * The file cannot give one exact repository, owner or installation to two
 * tenants (load-tenants.ts refuses it), so ties are only possible between globs.
 * A repository no tenant covers is refused with a message saying who must act.
 */
import type { TenantDirectory, TenantTarget } from './load-tenants.js';

export interface RepositoryRef {
  owner: string;
  repo: string;
  /** The installation the delivery came through; null when unknown (e.g. an Alertmanager notification). */
  installationId: number | null;
}

export type TenantResolution = { tenant: TenantTarget } | { refused: string };

/** Rank of a match: higher is more specific; within globs, more literal characters is more specific. */
interface Match {
  rank: number;
  literal: number;
  tenant: TenantTarget;
  by: string;
}

function better(a: Match, b: Match): number {
  return a.rank - b.rank || a.literal - b.literal;
}

export function resolveTenant(directory: TenantDirectory, repository: RepositoryRef): TenantResolution {
  const { owner, repo, installationId } = repository;
  const name = `${owner}/${repo}`;
  const matches: Match[] = [];
  for (const entry of directory.tenants) {
    const found: Match[] = [];
    for (const pattern of entry.repositories) {
      if (pattern.matches(owner, repo))
        found.push({ rank: pattern.exact ? 4 : 3, literal: pattern.literalChars, tenant: entry.target, by: pattern.text });
    }
    if (entry.owner !== null && entry.owner === owner.toLowerCase())
      found.push({ rank: 2, literal: 0, tenant: entry.target, by: `owner ${entry.owner}` });
    if (entry.installation !== null && installationId !== null && entry.installation === installationId) {
      found.push({ rank: 1, literal: 0, tenant: entry.target, by: `installation ${entry.installation}` });
    }
    // A tenant counts once, with its most specific match.
    const best = found.sort((a, b) => better(b, a))[0];
    if (best) matches.push(best);
  }
  if (matches.length === 0) {
    const via = installationId !== null ? ` (installation ${installationId})` : '';
    return {
      refused: `no tenant is assigned to ${name}${via}, so the app queries no Prometheus for it: the app's operator must add ${name} (or its owner ${owner}) to a tenant in PROMETHEUS_TENANTS`,
    };
  }
  matches.sort((a, b) => better(b, a));
  const [top, second] = matches;
  if (second && better(top!, second) === 0) {
    return {
      refused: `${name} matches two tenants equally (${top!.tenant.name} by ${top!.by}, ${second.tenant.name} by ${second.by}), so the app queries no Prometheus for it: the app's operator must make one of them more specific in PROMETHEUS_TENANTS`,
    };
  }
  return { tenant: top!.tenant };
}

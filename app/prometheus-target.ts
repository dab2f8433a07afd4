/**
 * Which Prometheus the app queries for a repository: the one place that decides.
 * A repository never chooses credentials and never reaches an address the
 * operator did not allow.
 *
 * - With a tenants file (PROMETHEUS_TENANTS): the repository's tenant
 *   (app/tenants/resolve-tenant.ts), with its headers, credentials, timeout and
 *   required label matcher. A repository no tenant covers is refused.
 * - Without one: the operator's PROMETHEUS_URL (tenant `default`), as before.
 * - Either way, a policy's `prometheus.url` is used only when it is that same
 *   Prometheus or listed in PROMETHEUS_ALLOWED_URLS; an allow-listed URL gets no
 *   credentials at all, and, for a tenant, still its label matcher and its
 *   concurrency cap (enforcement follows the repository, not the address).
 *
 * Every target's `fetch` follows no redirect and checks the addresses it
 * connects to (src/prometheus/checked-fetch.ts): a tenant's or an allow-listed
 * address must not resolve to loopback, link-local, private or metadata
 * addresses unless PROMETHEUS_ALLOWED_NETWORKS allows that network. The
 * operator's own PROMETHEUS_URL (single-tenant) is trusted to be on a private
 * network, as most are; only the metadata addresses are refused there.
 */
import type { Cidr } from '../src/core/network/address-ranges.js';
import type { PrometheusQuerier } from '../src/core/prometheus/querier.js';
import type { LabelMatcher } from '../src/core/prometheus/enforce-label.js';
import { createCheckedFetch, type CheckedFetch } from '../src/prometheus/checked-fetch.js';
import { PrometheusClient } from '../src/prometheus/client.js';
import { redactingQuerier, type FailureLog } from '../src/prometheus/redacting-querier.js';
import { TenantQuerier, type TenantQueryLimits } from '../src/prometheus/tenant-querier.js';
import { normalizeUrl, type AppConfig } from './app-config.js';
import { resolveTenant } from './tenants/resolve-tenant.js';

export interface PrometheusTarget {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** The tenant's name: the key of its concurrency cap, and what logs show. */
  tenant: string;
  /** The matcher every query must carry (TenantQuerier adds it or refuses the query). */
  requiredMatcher?: LabelMatcher;
  /** The checked fetch for this target: no redirects, addresses checked after resolution. */
  fetch: typeof fetch;
}

/** A refusal to contact an address the operator did not allow: no request is sent to it. */
export class DisallowedPrometheus extends Error {}

/** The tenant name of the operator's own PROMETHEUS_URL. */
const DEFAULT_TENANT = 'default';

export interface RepositoryIdentity {
  owner: string;
  repo: string;
  installationId: number | null;
}

/** One checked fetch (one undici Agent, one connection pool) per kind and allow-list, for the life of the process. */
const fetches = new Map<string, CheckedFetch>();

function checkedFetchFor(allowedNetworks: readonly Cidr[], privateNetworks: 'refused' | 'allowed'): CheckedFetch {
  const key = `${privateNetworks}|${allowedNetworks.map((c) => c.text).join(',')}`;
  let f = fetches.get(key);
  if (!f) {
    f = createCheckedFetch({ allowedNetworks, privateNetworks });
    fetches.set(key, f);
  }
  return f;
}

/** Closes every connection pool the targets opened (tests, shutdown). */
export async function closePrometheusConnections(): Promise<void> {
  const all = [...fetches.values()];
  fetches.clear();
  await Promise.all(all.map((f) => f.close()));
}

/** The Prometheus for `repository`: its tenant's (config.tenancy), or the operator's, or an allow-listed one its policy names. */
export function choosePrometheus(policyUrl: string | undefined, config: AppConfig, repository: RepositoryIdentity): PrometheusTarget {
  const tenants = config.tenancy.directory;
  const networks = config.tenancy.allowedNetworks;
  const checked = checkedFetchFor(networks, 'refused');
  let home: (Omit<PrometheusTarget, 'fetch'> & { fetch: CheckedFetch }) | null;
  if (tenants) {
    const resolved = resolveTenant(tenants, repository);
    if ('refused' in resolved) throw new DisallowedPrometheus(resolved.refused);
    const t = resolved.tenant;
    home = {
      url: t.url,
      headers: t.headers,
      timeoutMs: t.timeoutMs,
      tenant: t.name,
      ...(t.requiredMatcher ? { requiredMatcher: t.requiredMatcher } : {}),
      fetch: checked,
    };
  } else {
    const operator = config.prometheus;
    home = operator ? { ...operator, tenant: DEFAULT_TENANT, fetch: checkedFetchFor(networks, 'allowed') } : null;
  }
  if (policyUrl && (!home || normalizeUrl(policyUrl) !== normalizeUrl(home.url))) {
    const wanted = normalizeUrl(policyUrl);
    if (!config.allowedUrls.includes(wanted)) {
      throw new DisallowedPrometheus(
        `the policy names the Prometheus ${wanted}, which this app's operator has not allowed; ask them to add it to PROMETHEUS_ALLOWED_URLS, or remove prometheus.url from the policy to use the app's own Prometheus`,
      );
    }
    // The normalised form: no credentials, query or fragment of the repository's choosing; no operator credentials either.
    return {
      url: wanted,
      headers: {},
      timeoutMs: home?.timeoutMs ?? 4000,
      tenant: tenants ? home!.tenant : `allowed:${wanted}`,
      ...(home?.requiredMatcher ? { requiredMatcher: home.requiredMatcher } : {}),
      fetch: checked,
    };
  }
  if (home) return home;
  throw new DisallowedPrometheus('this app has no Prometheus configured (PROMETHEUS_URL) and the policy names none that is allowed');
}

/**
 * The querier for a target, in the order that keeps each message honest:
 * the HTTP client over the target's checked fetch; then, with `onFailure`,
 * the redacting querier (Prometheus's own words and non-JSON bodies go to the
 * log under a correlation id, never to the repository); then the tenant
 * querier, whose refusals (a selector contradicting the tenant's matcher) are
 * the app's own words about the repository's own query and are shown as they are.
 */
export function querierFor(
  target: PrometheusTarget,
  options: { attempts?: number; limits?: TenantQueryLimits; onFailure?: FailureLog } = {},
): PrometheusQuerier {
  const client = new PrometheusClient({
    url: target.url,
    headers: target.headers,
    timeoutMs: target.timeoutMs,
    fetch: target.fetch,
    ...(options.attempts !== undefined ? { attempts: options.attempts } : {}),
  });
  const inner = options.onFailure ? redactingQuerier(client, options.onFailure, { timeoutMs: target.timeoutMs }) : client;
  return new TenantQuerier(inner, {
    tenant: target.tenant,
    ...(target.requiredMatcher ? { requiredMatcher: target.requiredMatcher } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
}

/**
 * Which Prometheus the app queries for a repository: the operator's, or one the
 * repository's policy names if the operator allow-listed it. A repository never
 * chooses credentials and never reaches an address the operator did not allow.
 */
import { normalizeUrl, type AppConfig } from './app-config.js';

export interface PrometheusTarget {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** A refusal to contact an address the operator did not allow: no request is sent to it. */
export class DisallowedPrometheus extends Error {}

export function choosePrometheus(policyUrl: string | undefined, config: AppConfig): PrometheusTarget {
  const operator = config.prometheus;
  if (policyUrl && (!operator || normalizeUrl(policyUrl) !== normalizeUrl(operator.url))) {
    const wanted = normalizeUrl(policyUrl);
    if (!config.allowedUrls.includes(wanted)) {
      throw new DisallowedPrometheus(
        `the policy names the Prometheus ${wanted}, which this app's operator has not allowed; ask them to add it to PROMETHEUS_ALLOWED_URLS, or remove prometheus.url from the policy to use the app's own Prometheus`,
      );
    }
    // The normalised form: no credentials, query or fragment of the repository's choosing; no operator credentials either.
    return { url: wanted, headers: {}, timeoutMs: operator?.timeoutMs ?? 4000 };
  }
  if (operator) return operator;
  throw new DisallowedPrometheus('this app has no Prometheus configured (PROMETHEUS_URL) and the policy names none that is allowed');
}

/** fetch that never follows a redirect: an allowed Prometheus must not bounce the app to an address nobody allowed. */
export const fetchWithoutRedirects: typeof fetch = (input, init) => fetch(input, { ...init, redirect: 'manual' });

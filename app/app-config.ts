/**
 * The app's own configuration, read once from its environment (the operator's,
 * never a repository's): which Prometheus to query, with which credentials,
 * and which other Prometheus addresses a repository's policy may name.
 */
import { z } from 'zod';
import { parseDurationMs } from '../src/core/duration.js';
import { isHttpUrl } from '../src/core/http-url.js';
import { parseHeaderLines } from '../src/core/policy/inputs.js';
import { PolicyError } from '../src/core/policy/policy-error.js';
import { toPolicyIssues } from '../src/core/policy/policy-issues.js';

export interface AppConfig {
  /** This app's id: check runs and comments it made carry it. */
  appId: number;
  prometheus: { url: string; headers: Record<string, string>; timeoutMs: number } | null;
  /** Normalized base URLs a repository's policy may point the app at (never with the operator's credentials). */
  allowedUrls: string[];
  /** Bearer token Alertmanager must send to POST /deploy-governor/alertmanager; the route answers 401 to everyone while unset. */
  alertmanagerToken: string | null;
  /** Bearer token for POST /deploy-governor/postmortems/sweep; the route answers 401 to everyone while unset. */
  sweepToken: string | null;
  /** Redis shared by several instances: the delivery queue, Probot's throttling, and the app's per-issue locks. */
  redisUrl: string | null;
  /** Delivery workers per instance, and the first retry's wait (each later one waits 4 times longer). */
  queue: { concurrency: number; retryBaseMs: number };
  /**
   * The OIDC issuer whose tokens bind an override's report to its workflow run
   * (GitHub's, or a GitHub Enterprise Server's), and how far past a token's
   * expiry it is still accepted (deliveries wait in the queue and are retried).
   */
  oidc: { issuer: string; clockToleranceSeconds: number };
  /** `owner/repo` of the ledger that witnesses every repository's audit log; null when unset. */
  ledgerRepo: { owner: string; repo: string } | null;
}

const url = z.string().refine(isHttpUrl, 'expected an http(s) URL');

const envSchema = z.object({
  APP_ID: z.string().regex(/^\d+$/, 'expected the numeric GitHub App id'),
  PROMETHEUS_URL: url.optional(),
  PROMETHEUS_TOKEN: z.string().optional(),
  PROMETHEUS_HEADERS: z.string().optional(),
  PROMETHEUS_TIMEOUT: z.string().optional(),
  PROMETHEUS_ALLOWED_URLS: z.string().optional(),
  ALERTMANAGER_TOKEN: z.string().min(16, 'expected a random token of at least 16 characters').optional(),
  SWEEP_TOKEN: z.string().min(16, 'expected a random token of at least 16 characters').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL').optional(),
  QUEUE_CONCURRENCY: z.string().regex(/^[1-9]\d{0,2}$/, 'expected a whole number of workers from 1 to 999').optional(),
  QUEUE_RETRY_BASE: z.string().optional(),
  GITHUB_OIDC_ISSUER: url.optional(),
  GITHUB_OIDC_LEEWAY: z.string().optional(),
  AUDIT_LEDGER_REPO: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/, 'expected owner/repo of a repository the platform team controls')
    .optional(),
});

/** Origin and path without a trailing slash, credentials, query or fragment. */
export function normalizeUrl(value: string): string {
  const u = new URL(value);
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

export function readAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) throw new PolicyError('app environment', toPolicyIssues(parsed.error, { ...raw, PROMETHEUS_TOKEN: '***', ALERTMANAGER_TOKEN: '***', SWEEP_TOKEN: '***' }));
  const e = parsed.data;
  const headers = e.PROMETHEUS_HEADERS ? parseHeaderLines(e.PROMETHEUS_HEADERS) : {};
  if (e.PROMETHEUS_TOKEN) headers.Authorization = `Bearer ${e.PROMETHEUS_TOKEN}`;
  let timeoutMs = 4000;
  if (e.PROMETHEUS_TIMEOUT) {
    try {
      timeoutMs = parseDurationMs(e.PROMETHEUS_TIMEOUT);
    } catch {
      throw new PolicyError('app environment', [{ path: 'PROMETHEUS_TIMEOUT', message: `expected a duration such as 4s; got "${e.PROMETHEUS_TIMEOUT}"` }]);
    }
  }
  const allowed = (e.PROMETHEUS_ALLOWED_URLS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of allowed) {
    if (!url.safeParse(a).success) throw new PolicyError('app environment', [{ path: 'PROMETHEUS_ALLOWED_URLS', message: `expected comma-separated http(s) URLs; got "${a}"` }]);
  }
  let retryBaseMs = 2000;
  if (e.QUEUE_RETRY_BASE) {
    try {
      retryBaseMs = parseDurationMs(e.QUEUE_RETRY_BASE);
    } catch {
      throw new PolicyError('app environment', [{ path: 'QUEUE_RETRY_BASE', message: `expected a duration such as 2s; got "${e.QUEUE_RETRY_BASE}"` }]);
    }
  }
  let clockToleranceSeconds = 600;
  if (e.GITHUB_OIDC_LEEWAY) {
    try {
      clockToleranceSeconds = Math.round(parseDurationMs(e.GITHUB_OIDC_LEEWAY) / 1000);
    } catch {
      throw new PolicyError('app environment', [{ path: 'GITHUB_OIDC_LEEWAY', message: `expected a duration such as 10m; got "${e.GITHUB_OIDC_LEEWAY}"` }]);
    }
  }
  const [ledgerOwner, ledgerRepo] = e.AUDIT_LEDGER_REPO?.split('/') ?? [];
  return {
    appId: Number(e.APP_ID),
    prometheus: e.PROMETHEUS_URL ? { url: e.PROMETHEUS_URL, headers, timeoutMs } : null,
    allowedUrls: allowed.map(normalizeUrl),
    alertmanagerToken: e.ALERTMANAGER_TOKEN ?? null,
    sweepToken: e.SWEEP_TOKEN ?? null,
    redisUrl: e.REDIS_URL ?? null,
    queue: { concurrency: Number(e.QUEUE_CONCURRENCY ?? 16), retryBaseMs },
    // GitHub's tokens live 5 minutes; a delivery retried from the queue (2 s, 8 s, 32 s, ...) may be handled
    // later than that. Replaying an expired token gains nothing: it vouches for one report, logged once.
    oidc: { issuer: (e.GITHUB_OIDC_ISSUER ?? 'https://token.actions.githubusercontent.com').replace(/\/+$/, ''), clockToleranceSeconds },
    ledgerRepo: ledgerOwner && ledgerRepo ? { owner: ledgerOwner, repo: ledgerRepo } : null,
  };
}

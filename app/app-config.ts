/**
 * The app's own configuration, read once from its environment (the operator's,
 * never a repository's): which Prometheus to query, with which credentials,
 * and which other Prometheus addresses a repository's policy may name.
 *
 * It is also where the whole environment is read at start-up: `readEnvironment`
 * runs every module's `parseXxxEnv` (Probot's variables, the app's, and any
 * module's added to `envParsers`) and reports every problem of all of them at
 * once. The convention for those parsers is in app/config/env.ts.
 */
import { parseDurationMs } from '../src/core/duration.js';
import { isHttpUrl } from '../src/core/http-url.js';
import { parseHeaderLines } from '../src/core/policy/inputs.js';
import { combineEnv, EnvReader, unwrapEnv, type Env, type EnvParser, type EnvResult, type EnvValues } from './config/env.js';
import { parseProbotEnv, readAppId, readRedisUrl } from './config/probot-env.js';
import { parseEvaluationLimitsEnv, type AppEvaluationLimits } from './evaluation-limits.js';
import { parseNotifyEnv, type NotifyChannels } from './notify/notify-env.js';
import { parseQueueEnv } from './queue/queue-env.js';
import { parseTenancyEnv, type Tenancy } from './tenants/tenancy-env.js';

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
  /** Bearer token for GET /deploy-governor/fleet; the route answers 401 to everyone while unset. */
  fleetToken: string | null;
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
  /** Which Prometheus serves which repository, the networks it may be on, per-tenant caps and Alertmanager tokens (app/tenants). */
  tenancy: Tenancy;
  /** Bounds on evaluating one repository's policy (evaluation-limits.ts). */
  limits: AppEvaluationLimits;
  /** Chat webhooks by name, and the repositories allowed to use each (NOTIFY_WEBHOOKS; app/notify). */
  notify: NotifyChannels;
  /** HELD_REBUILD: whether the server rebuilds held deployments from GitHub at start when they are kept in memory (app/held). */
  held: { rebuild: boolean };
}

/** Origin and path without a trailing slash, credentials, query or fragment. */
export function normalizeUrl(value: string): string {
  const u = new URL(value);
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

function readUrl(r: EnvReader, variable: string, example: string): string | undefined {
  const value = r.trimmed(variable);
  if (value !== undefined && !isHttpUrl(value)) r.problem(variable, value, `expected an http(s) URL such as ${example}`);
  return value;
}

function readDurationMs(r: EnvReader, variable: string, example: string, fallbackMs: number): number {
  const value = r.trimmed(variable);
  if (value === undefined) return fallbackMs;
  try {
    return parseDurationMs(value);
  } catch {
    r.problem(variable, value, `expected a duration such as ${example} (units ms, s, m, h, d, w, y)`);
    return fallbackMs;
  }
}

function readToken(r: EnvReader, variable: string): string | null {
  const value = r.text(variable);
  if (value === undefined) return null;
  if (value.length < 16) r.problem(variable, value, 'expected a random token of at least 16 characters (e.g. openssl rand -hex 32)');
  return value;
}

function readPrometheusHeaders(r: EnvReader): Record<string, string> {
  const value = r.text('PROMETHEUS_HEADERS');
  if (value === undefined) return {};
  const bad: number[] = [];
  value.split(/\r?\n/).forEach((line, i) => {
    try {
      // The same rule as the Action's prometheus-headers, and a name and value fetch can send.
      for (const [name, v] of Object.entries(parseHeaderLines(line))) new Headers({ [name]: v });
    } catch {
      bad.push(i + 1);
    }
  });
  if (bad.length > 0) {
    const lines = bad.length === 1 ? `line ${bad[0]} is` : `lines ${bad.join(', ')} are`;
    // Never quote a header line: it may carry a credential.
    r.problem(
      'PROMETHEUS_HEADERS',
      value,
      `${lines} not "Name: value" (one header per line, e.g. "X-Scope-OrgID: team-a"; lines are not shown, they may hold credentials)`,
    );
    return {};
  }
  return parseHeaderLines(value);
}

function readPrometheusToken(r: EnvReader): string | undefined {
  const value = r.text('PROMETHEUS_TOKEN')?.trim();
  if (!value) return undefined;
  if (/\s/.test(value)) {
    const bearer = /^bearer\s/i.test(value) ? ' (leave out "Bearer ": the app adds it)' : '';
    r.problem(
      'PROMETHEUS_TOKEN',
      value,
      `expected the token alone, without white space: it is sent as "Authorization: Bearer <token>"${bearer}`,
    );
  }
  return value;
}

function readAllowedUrls(r: EnvReader): string[] {
  const allowed = (r.text('PROMETHEUS_ALLOWED_URLS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = allowed.filter((a) => !isHttpUrl(a));
  if (bad.length > 0) {
    r.problem(
      'PROMETHEUS_ALLOWED_URLS',
      bad.join(','),
      `expected comma-separated http(s) URLs such as http://prometheus-a:9090,https://thanos.example.com (${bad.length === 1 ? 'one is' : `${bad.length} are`} not)`,
    );
    return [];
  }
  return allowed.map(normalizeUrl);
}

function readConcurrency(r: EnvReader): number {
  const value = r.trimmed('QUEUE_CONCURRENCY');
  if (value === undefined) return 16;
  if (/^[1-9]\d{0,2}$/.test(value)) return Number(value);
  r.problem('QUEUE_CONCURRENCY', value, 'expected a whole number of workers from 1 to 999 (default 16)');
  return 16;
}

function readLedgerRepo(r: EnvReader): AppConfig['ledgerRepo'] {
  const value = r.trimmed('AUDIT_LEDGER_REPO');
  if (value === undefined) return null;
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/.test(value)) {
    r.problem('AUDIT_LEDGER_REPO', value, 'expected owner/repo of a repository the platform team controls');
    return null;
  }
  const [owner, repo] = value.split('/') as [string, string];
  return { owner, repo };
}

/** The app's own variables (and APP_ID, REDIS_URL, read by the same rules as Probot's), its tenancy and limits. */
export function parseAppEnv(env: Env): EnvResult<AppConfig> {
  const parts = combineEnv({ base: parseBaseEnv, tenancy: parseTenancyEnv, limits: parseEvaluationLimitsEnv, notify: parseNotifyEnv }, env);
  return 'problems' in parts
    ? parts
    : { value: { ...parts.value.base, tenancy: parts.value.tenancy, limits: parts.value.limits, notify: parts.value.notify } };
}

function parseBaseEnv(env: Env): EnvResult<Omit<AppConfig, 'tenancy' | 'limits' | 'notify'>> {
  const r = new EnvReader(env);
  const appId = readAppId(r);
  const prometheusUrl = readUrl(r, 'PROMETHEUS_URL', 'http://prometheus:9090');
  const headers = readPrometheusHeaders(r);
  const token = readPrometheusToken(r);
  if (token) headers.Authorization = `Bearer ${token}`;
  const timeoutMs = readDurationMs(r, 'PROMETHEUS_TIMEOUT', '4s', 4000);
  const allowedUrls = readAllowedUrls(r);
  const alertmanagerToken = readToken(r, 'ALERTMANAGER_TOKEN');
  const sweepToken = readToken(r, 'SWEEP_TOKEN');
  const fleetToken = readToken(r, 'FLEET_TOKEN');
  const redisUrl = readRedisUrl(r);
  const concurrency = readConcurrency(r);
  const retryBaseMs = readDurationMs(r, 'QUEUE_RETRY_BASE', '2s', 2000);
  const issuer = readUrl(r, 'GITHUB_OIDC_ISSUER', 'https://token.actions.githubusercontent.com');
  const clockToleranceSeconds = Math.round(readDurationMs(r, 'GITHUB_OIDC_LEEWAY', '10m', 600_000) / 1000);
  const ledgerRepo = readLedgerRepo(r);
  const heldRebuild = r.trimmed('HELD_REBUILD')?.toLowerCase();
  if (heldRebuild !== undefined && heldRebuild !== 'true' && heldRebuild !== 'false')
    r.problem('HELD_REBUILD', heldRebuild, 'expected true or false');
  return r.result(() => ({
    appId: appId!,
    prometheus: prometheusUrl ? { url: prometheusUrl, headers, timeoutMs } : null,
    allowedUrls,
    alertmanagerToken,
    sweepToken,
    fleetToken,
    redisUrl,
    queue: { concurrency, retryBaseMs },
    // GitHub's tokens live 5 minutes; a delivery retried from the queue (2 s, 8 s, 32 s, ...) may be handled
    // later than that. Replaying an expired token gains nothing: it vouches for one report, logged once.
    oidc: { issuer: (issuer ?? 'https://token.actions.githubusercontent.com').replace(/\/+$/, ''), clockToleranceSeconds },
    ledgerRepo,
    held: { rebuild: heldRebuild !== 'false' },
  }));
}

/** The app's own configuration; throws an EnvironmentError (a PolicyError) listing every problem. */
export function readAppConfig(env: Env = process.env): AppConfig {
  return unwrapEnv(parseAppEnv(env));
}

/**
 * Every module's environment, checked together at start-up: one line per module,
 * `key: parseXxxEnv`, whose value is then `readEnvironment().key`. See the
 * convention in app/config/env.ts.
 */
const envParsers = {
  probot: parseProbotEnv,
  app: parseAppEnv,
  queue: parseQueueEnv,
} satisfies Record<string, EnvParser<unknown>>;

export type Environment = EnvValues<typeof envParsers>;

/** The whole environment, or every problem in it. */
export function parseEnvironment(env: Env = process.env): EnvResult<Environment> {
  return combineEnv(envParsers, env);
}

/** The whole environment; throws an EnvironmentError listing every problem of every module. */
export function readEnvironment(env: Env = process.env): Environment {
  return unwrapEnv(parseEnvironment(env));
}

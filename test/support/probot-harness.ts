/**
 * A Probot test instance with the real app, nock for GitHub (no network), and
 * every intercepted request checked against GitHub's OpenAPI description.
 */
import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { Probot, ProbotOctokit, type ApplicationFunctionOptions } from 'probot';
import app from '../../app/index.js';
import { checkRequestAgainstOpenApi } from './openapi-checker.js';

/** An HTTP route the app adds to Probot's server. */
export type Handler = Parameters<ApplicationFunctionOptions['addHandler']>[0];

export const APP_ID = 4242;

/** The app's own variables: each test's environment starts without any of them, so none leaks from an earlier test. */
export const APP_VARIABLES = [
  'HELD_REBUILD',
  'PROMETHEUS_URL',
  'PROMETHEUS_TOKEN',
  'PROMETHEUS_HEADERS',
  'PROMETHEUS_TIMEOUT',
  'PROMETHEUS_ALLOWED_URLS',
  'PROMETHEUS_ALLOWED_NETWORKS',
  'PROMETHEUS_TENANTS',
  'PROMETHEUS_SINGLE_TENANT',
  'PROMETHEUS_TENANT_CONCURRENCY',
  'ALERTMANAGER_TOKEN',
  'ALERTMANAGER_TOKENS',
  'SWEEP_TOKEN',
  'FLEET_TOKEN',
  'GITHUB_OIDC_ISSUER',
  'GITHUB_OIDC_LEEWAY',
  'AUDIT_LEDGER_REPO',
  'MAX_SLOS_PER_POLICY',
  'MAX_QUERIES_IN_FLIGHT',
  'REDIS_URL',
  'NOTIFY_WEBHOOKS',
];
const GITHUB = 'https://api.github.com';

let privateKey: string | undefined;
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return privateKey;
}

export interface Harness {
  probot: Probot;
  /** OpenAPI problems of every request GitHub (nock) received. */
  problems: string[];
  /** Every request GitHub (nock) received. */
  requests: { method: string; path: string; body: unknown }[];
  github: nock.Scope;
  /** The HTTP routes the app added (Probot's server would serve them). */
  handlers: Handler[];
}

/**
 * @param env the app's environment for this test
 * @param harness.retry keep Octokit's retry plugin on, as in production (default off: a test of a failure
 *   wants one answer per request), to prove the requests that must never be resent switch it off themselves
 */
export async function createHarness(env: Record<string, string | undefined> = {}, harness: { retry?: boolean } = {}): Promise<Harness> {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  for (const [k, v] of Object.entries({
    APP_ID: String(APP_ID),
    ...Object.fromEntries(APP_VARIABLES.map((name) => [name, undefined])),
    ...env,
  })) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const probot = new Probot({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    // Probot merges its own throttle options over plain defaults (re-enabling it), so force it off per instance:
    // the throttle's 3-second spacing of content-creating requests would only slow the tests down.
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      ...(harness.retry ? {} : { retry: { enabled: false } }),
      throttle: { ...(options.throttle as object | undefined), enabled: false },
    })),
    logLevel: (process.env.TEST_LOG_LEVEL as 'fatal' | undefined) ?? 'fatal',
  });
  const handlers: Handler[] = [];
  await probot.load(app, { cwd: process.cwd(), addHandler: (handler) => handlers.push(handler) });
  const problems: string[] = [];
  const requests: Harness['requests'] = [];
  const github = nock(GITHUB);
  github.on('request', (req: { method: string; path: string }, _interceptor: unknown, body: string) => {
    let parsed: unknown;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      parsed = body;
    }
    const path = req.path.split('?')[0]!;
    requests.push({ method: req.method, path, body: parsed });
    problems.push(...checkRequestAgainstOpenApi({ method: req.method, path, body: parsed }));
  });
  github
    .post(/\/app\/installations\/\d+\/access_tokens/)
    .optionally()
    .times(100)
    .reply(201, { token: 'ghs_test', expires_at: '2999-01-01T00:00:00Z', permissions: {} });
  // The protection rule reads the repository's freezes on command (open deploy-freeze issues): none, unless a test says otherwise.
  github
    .get(/\/repos\/[^/]+\/[^/]+\/issues\?(?=.*labels=deploy-freeze)(?=.*state=open)/)
    .optionally()
    .times(100)
    .reply(200, []);
  return { probot, problems, requests, github, handlers };
}

export function cleanupHarness(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}

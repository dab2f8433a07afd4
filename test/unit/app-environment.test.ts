/**
 * The app's environment, checked in one place: every variable it reads,
 * Probot's included, each mistake named with the value (secrets never shown)
 * and the fix, all mistakes at once; and the composition other modules use to
 * add their variables to the same report.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import githubAppJwt from 'universal-github-app-jwt';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAppEnv, parseEnvironment, readAppConfig, readEnvironment } from '../../app/app-config.js';
import { combineEnv, EnvironmentError, EnvReader, formatProblem, unwrapEnv, type Env, type EnvResult } from '../../app/config/env.js';
import { listen } from '../../app/config/listen.js';
import { parseProbotEnv, probotOptions } from '../../app/config/probot-env.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const PKCS1 = rsa.export({ type: 'pkcs1', format: 'pem' }).toString();
const PKCS8 = rsa.export({ type: 'pkcs8', format: 'pem' }).toString();
const EC = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PUBLIC = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

const dirs: string[] = [];
/** An empty working directory (no stray .pem), or one holding the given files. */
function workDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dg-env-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const GOOD: Env = { APP_ID: '4242', PRIVATE_KEY: PKCS1, WEBHOOK_SECRET: 'webhook-secret-value' };

/** Every problem line for `env` (GOOD plus the overrides; undefined removes a variable). */
function problems(overrides: Record<string, string | undefined>, cwd = workDir()): string[] {
  const env = { ...GOOD, ...overrides };
  const result = combineEnv({ probot: (e: Env) => parseProbotEnv(e, { cwd }), app: parseAppEnv }, env);
  return 'problems' in result ? result.problems.map(formatProblem) : [];
}

describe('Probot variables', () => {
  it('accepts a minimal environment, with the documented defaults', () => {
    const env = unwrapEnv(parseProbotEnv(GOOD, { cwd: workDir() }));
    expect(env).toMatchObject({
      appId: 4242,
      webhookSecret: 'webhook-secret-value',
      port: 3000,
      host: 'localhost',
      webhookPath: '/api/github/webhooks',
      logLevel: 'info',
      logFormat: 'pretty',
      baseUrl: 'https://api.github.com',
      redisUrl: null,
    });
    expect(env.privateKey).toBe(PKCS8);
    expect(probotOptions(env)).toMatchObject({
      appId: 4242,
      secret: 'webhook-secret-value',
      logLevel: 'info',
      baseUrl: 'https://api.github.com',
      redisConfig: undefined,
    });
  });

  it('reads PORT, HOST, LOG_LEVEL, GHE_HOST, REDIS_URL when they are right', () => {
    const env = unwrapEnv(
      parseProbotEnv(
        {
          ...GOOD,
          PORT: '8080',
          HOST: '0.0.0.0',
          LOG_LEVEL: 'DEBUG',
          GHE_HOST: 'ghe.example.com:8443',
          GHE_PROTOCOL: 'http',
          REDIS_URL: 'redis://:pw@redis:6379',
          WEBHOOK_PATH: '/hooks',
          LOG_FORMAT: 'json',
        },
        { cwd: workDir() },
      ),
    );
    expect(env).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'debug',
      baseUrl: 'http://ghe.example.com:8443/api/v3',
      redisUrl: 'redis://:pw@redis:6379',
      webhookPath: '/hooks',
      logFormat: 'json',
    });
    expect(unwrapEnv(parseProbotEnv({ ...GOOD, HOST: '[::1]', PORT: '0' }, { cwd: workDir() }))).toMatchObject({ host: '::1', port: 0 });
  });

  it.each([
    [{ PORT: 'notaport' }, 'PORT: expected a TCP port from 1 to 65535 (or 0 for any free port); got "notaport"'],
    [{ PORT: '70000' }, 'PORT: expected a TCP port from 1 to 65535 (or 0 for any free port); got "70000"'],
    [
      { HOST: 'http://0.0.0.0:3000' },
      'HOST: expected a host name or IP address to listen on, such as 0.0.0.0 (every interface, e.g. in a container) or 127.0.0.1, without scheme or port; got "http://0.0.0.0:3000"',
    ],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal; got "verbose"'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT: expected pretty or json; got "xml"'],
    [{ LOG_LEVEL_IN_STRING: 'yes' }, 'LOG_LEVEL_IN_STRING: expected true or false; got "yes"'],
    [{ APP_ID: undefined }, "APP_ID: missing: set it to the App ID shown in the GitHub App's settings (a number such as 123456)"],
    [{ APP_ID: 'my-app' }, 'APP_ID: expected the numeric App ID from the GitHub App\'s settings, such as 123456; got "my-app"'],
    [
      { APP_ID: 'Iv1.0123456789abcdef' },
      'APP_ID: expected the numeric App ID from the GitHub App\'s settings, such as 123456 (that is the Client ID); got "Iv1.0123456789abcdef"',
    ],
    [
      { WEBHOOK_SECRET: undefined },
      "WEBHOOK_SECRET: missing: set it to the webhook secret in the GitHub App's settings (every delivery's signature is checked with it)",
    ],
    [
      { WEBHOOK_PATH: 'api/github/webhooks' },
      'WEBHOOK_PATH: expected a path starting with /, such as /api/github/webhooks (the webhook URL in the app\'s settings ends with it); got "api/github/webhooks"',
    ],
    [
      { GHE_HOST: 'https://ghe.example.com' },
      'GHE_HOST: expected the GitHub Enterprise Server host name (and port), such as github.example.com (the scheme goes in GHE_PROTOCOL); got "https://ghe.example.com"',
    ],
    [{ GHE_HOST: 'ghe.example.com', GHE_PROTOCOL: 'ftp' }, 'GHE_PROTOCOL: expected https or http; got "ftp"'],
    [
      { REDIS_URL: 'localhost:6379' },
      'REDIS_URL: expected a redis:// or rediss:// URL such as redis://localhost:6379 or rediss://:password@host:6380; got "localhost:6379"',
    ],
    [
      { SENTRY_DSN: 'https://key@o1.ingest.sentry.io/1' },
      'SENTRY_DSN: unset it: the app does not ship the Sentry SDK; its errors are in its log (LOG_FORMAT=json for a collector that forwards them); got a value of 33 characters (not shown)',
    ],
  ])('names the variable, the value and the fix: %j', (env, line) => {
    expect(problems(env)).toEqual([line]);
  });

  it('masks a password in a URL it quotes', () => {
    expect(problems({ REDIS_URL: 'http://:hunter2-redis@redis:6379' })).toEqual([
      'REDIS_URL: expected a redis:// or rediss:// URL such as redis://localhost:6379 or rediss://:password@host:6380; got "http://:***@redis:6379"',
    ]);
  });

  it('names a webhook secret with a stray newline without printing it', () => {
    const lines = problems({ WEBHOOK_SECRET: 'webhook-secret-value\n' });
    expect(lines).toEqual([
      "WEBHOOK_SECRET: starts or ends with white space (a newline from a file?), so no delivery's signature would match: remove it; got a value of 21 characters (not shown)",
    ]);
  });
});

describe('the private key', () => {
  const signs = async (pem: string) => (await githubAppJwt({ id: 1, privateKey: pem })).token.split('.').length === 3;

  it.each([
    ['PKCS#1 PEM', PKCS1],
    ['PKCS#8 PEM', PKCS8],
    ['newlines written as \\n (an .env file)', PKCS1.trim().replace(/\n/g, '\\n')],
    ['on one line, newlines turned into spaces', PKCS1.trim().replace(/\n/g, ' ')],
    ['Windows line ends', PKCS8.replace(/\n/g, '\r\n')],
    ['in quotes', `"${PKCS1.trim()}"`],
    ['base64-encoded (as Probot accepts)', Buffer.from(PKCS1).toString('base64')],
  ])('accepts the key %s, handing Probot a PKCS#8 key its JWT library signs with', async (_, text) => {
    const env = unwrapEnv(parseProbotEnv({ ...GOOD, PRIVATE_KEY: text }, { cwd: workDir() }));
    expect(env.privateKey).toBe(PKCS8);
    expect(await signs(env.privateKey)).toBe(true);
  });

  it.each([
    [
      'junk',
      'junk',
      'PRIVATE_KEY: not a PEM private key (it should start with -----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----; with a key file use PRIVATE_KEY_PATH); got a value of 4 characters (not shown)',
    ],
    [
      'a key cut short',
      PKCS1.slice(0, 400) + '\n-----END RSA PRIVATE KEY-----\n',
      'PRIVATE_KEY: a PEM block that does not parse as a private key (cut short or altered when pasted? it should start with -----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----); got a value of',
    ],
    ['an EC key', EC, "PRIVATE_KEY: a key of type ec, but a GitHub App's key is RSA (generate one in the app's settings); got a value of"],
    ['a public key', PUBLIC, 'PRIVATE_KEY: a public key or certificate, not the private key'],
    [
      'an OpenSSH key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----',
      'PRIVATE_KEY: an OpenSSH key, not a GitHub App key',
    ],
    [
      'a path',
      '/etc/deploy-governor/key.pem',
      'PRIVATE_KEY: holds what looks like a file path, not the key: set PRIVATE_KEY_PATH to the file instead; got a value of 28 characters (not shown)',
    ],
  ])('refuses %s, naming PRIVATE_KEY and never printing it', (_, text, line) => {
    const lines = problems({ PRIVATE_KEY: text });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(line);
    expect(lines[0]).not.toContain(text.length > 60 ? text.slice(40, 60) : text);
  });

  it('reads PRIVATE_KEY_PATH, relative to the working directory', () => {
    const cwd = workDir({ 'app.key': PKCS1 });
    expect(unwrapEnv(parseProbotEnv({ ...GOOD, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: 'app.key' }, { cwd })).privateKey).toBe(PKCS8);
  });

  it('names a PRIVATE_KEY_PATH that is not a readable file, or not a key', () => {
    const cwd = workDir({ 'notes.txt': 'hello' });
    mkdirSync(path.join(cwd, 'keys'));
    expect(problems({ PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: '/x' }, cwd)).toEqual([
      'PRIVATE_KEY_PATH: not a readable file (no such file): set it to the path of the app\'s .pem key; got "/x"',
    ]);
    expect(problems({ PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: 'keys' }, cwd)).toEqual([
      `PRIVATE_KEY_PATH: not a readable file (a directory in ${cwd}): set it to the path of the app's .pem key; got "keys"`,
    ]);
    expect(problems({ PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: path.join(cwd, 'notes.txt') }, cwd)).toEqual([
      `PRIVATE_KEY_PATH: the file holds no PEM private key (it should start with -----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----); got "${path.join(cwd, 'notes.txt')}"`,
    ]);
  });

  it('checks PRIVATE_KEY_PATH even when PRIVATE_KEY is set (both problems at once)', () => {
    expect(problems({ PRIVATE_KEY: 'junk', PRIVATE_KEY_PATH: '/x' }).map((l) => l.split(':')[0])).toEqual([
      'PRIVATE_KEY',
      'PRIVATE_KEY_PATH',
    ]);
  });

  it('with neither, takes the one .pem in the working directory (as Probot does), and says what to set otherwise', () => {
    expect(
      unwrapEnv(parseProbotEnv({ ...GOOD, PRIVATE_KEY: undefined }, { cwd: workDir({ 'my-app.2024-01-01.private-key.pem': PKCS1 }) }))
        .privateKey,
    ).toBe(PKCS8);
    expect(problems({ PRIVATE_KEY: undefined })).toEqual([
      "PRIVATE_KEY: missing: set PRIVATE_KEY to the app's private key (the text of the .pem from the GitHub App's settings) or PRIVATE_KEY_PATH to its file",
    ]);
    const two = workDir({ 'a.pem': PKCS1, 'b.pem': PKCS1 });
    expect(problems({ PRIVATE_KEY: undefined }, two)[0]).toContain(`and ${two} holds several .pem files (a.pem, b.pem) to choose from`);
  });
});

describe("the app's own variables", () => {
  it.each([
    [
      { PROMETHEUS_URL: 'prometheus:9090' },
      'PROMETHEUS_URL: expected an http(s) URL such as http://prometheus:9090; got "prometheus:9090"',
    ],
    [
      { PROMETHEUS_TIMEOUT: '4 seconds' },
      'PROMETHEUS_TIMEOUT: expected a duration such as 4s (units ms, s, m, h, d, w, y); got "4 seconds"',
    ],
    [
      { PROMETHEUS_ALLOWED_URLS: 'http://a:9090, thanos:9090,ftp://b' },
      'PROMETHEUS_ALLOWED_URLS: expected comma-separated http(s) URLs such as http://prometheus-a:9090,https://thanos.example.com (2 are not); got "thanos:9090,ftp://b"',
    ],
    [
      { ALERTMANAGER_TOKEN: 'short-am' },
      'ALERTMANAGER_TOKEN: expected a random token of at least 16 characters (e.g. openssl rand -hex 32); got a value of 8 characters (not shown)',
    ],
    [
      { SWEEP_TOKEN: 'short-sweep' },
      'SWEEP_TOKEN: expected a random token of at least 16 characters (e.g. openssl rand -hex 32); got a value of 11 characters (not shown)',
    ],
    [
      { PROMETHEUS_TOKEN: 'Bearer abc.def' },
      'PROMETHEUS_TOKEN: expected the token alone, without white space: it is sent as "Authorization: Bearer <token>" (leave out "Bearer ": the app adds it); got a value of 14 characters (not shown)',
    ],
    [{ QUEUE_CONCURRENCY: '0' }, 'QUEUE_CONCURRENCY: expected a whole number of workers from 1 to 999 (default 16); got "0"'],
    [{ QUEUE_RETRY_BASE: 'soon' }, 'QUEUE_RETRY_BASE: expected a duration such as 2s (units ms, s, m, h, d, w, y); got "soon"'],
    [
      { GITHUB_OIDC_ISSUER: 'token.actions.githubusercontent.com' },
      'GITHUB_OIDC_ISSUER: expected an http(s) URL such as https://token.actions.githubusercontent.com; got "token.actions.githubusercontent.com"',
    ],
    [
      { GITHUB_OIDC_LEEWAY: 'ten minutes' },
      'GITHUB_OIDC_LEEWAY: expected a duration such as 10m (units ms, s, m, h, d, w, y); got "ten minutes"',
    ],
    [
      { AUDIT_LEDGER_REPO: 'platform' },
      'AUDIT_LEDGER_REPO: expected owner/repo of a repository the platform team controls; got "platform"',
    ],
  ])('names the variable, the value and the fix: %j', (env, line) => {
    expect(problems(env)).toEqual([line]);
  });

  it('names PROMETHEUS_HEADERS lines that are not "Name: value", without printing any line', () => {
    const lines = problems({ PROMETHEUS_HEADERS: 'X-Scope-OrgID: team-a\nAuthorization Bearer hdr-secret-123\nbad' });
    expect(lines).toEqual([
      'PROMETHEUS_HEADERS: lines 2, 3 are not "Name: value" (one header per line, e.g. "X-Scope-OrgID: team-a"; lines are not shown, they may hold credentials); got a value of 61 characters (not shown)',
    ]);
    expect(problems({ PROMETHEUS_HEADERS: 'bad' })[0]).toMatch(/^PROMETHEUS_HEADERS: line 1 is not "Name: value"/);
  });

  it('keeps the values it read before (defaults, normalized URLs, headers with the token)', () => {
    const config = readAppConfig({
      APP_ID: '7',
      PROMETHEUS_URL: 'http://prom:9090',
      PROMETHEUS_HEADERS: 'X-Scope-OrgID: team-a',
      PROMETHEUS_TOKEN: 'tok',
      PROMETHEUS_ALLOWED_URLS: 'http://a:9090/, https://b/prom/',
      GITHUB_OIDC_LEEWAY: '5m',
      AUDIT_LEDGER_REPO: 'platform/ledger',
    });
    expect(config).toEqual({
      appId: 7,
      prometheus: { url: 'http://prom:9090', headers: { 'X-Scope-OrgID': 'team-a', Authorization: 'Bearer tok' }, timeoutMs: 4000 },
      allowedUrls: ['http://a:9090', 'https://b/prom'],
      alertmanagerToken: null,
      sweepToken: null,
      fleetToken: null,
      redisUrl: null,
      queue: { concurrency: 16, retryBaseMs: 2000 },
      oidc: { issuer: 'https://token.actions.githubusercontent.com', clockToleranceSeconds: 300 },
      ledgerRepo: { owner: 'platform', repo: 'ledger' },
      held: { rebuild: true },
      limits: { maxSlosPerPolicy: 50, maxConcurrentQueries: 8 },
      tenancy: expect.objectContaining({ mode: 'implicit-single', directory: null, allowedNetworks: [], alertmanagerTokens: [] }),
      notify: new Map(),
    });
  });

  it('reads the evaluation limits, and names a bad one', () => {
    expect(readAppConfig({ APP_ID: '7', MAX_SLOS_PER_POLICY: '5', MAX_QUERIES_IN_FLIGHT: '2' }).limits).toEqual({
      maxSlosPerPolicy: 5,
      maxConcurrentQueries: 2,
    });
    expect(() => readAppConfig({ APP_ID: '7', MAX_SLOS_PER_POLICY: '0' })).toThrow(
      /MAX_SLOS_PER_POLICY: expected a whole number from 1 to 1000; got "0"/,
    );
  });

  it('readAppConfig still throws a PolicyError, now listing every problem of the app', () => {
    let error: unknown;
    try {
      readAppConfig({ APP_ID: 'x', PROMETHEUS_URL: 'nope', QUEUE_CONCURRENCY: 'many' });
    } catch (e: unknown) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as EnvironmentError).problems.map((p) => p.variable)).toEqual(['APP_ID', 'PROMETHEUS_URL', 'QUEUE_CONCURRENCY']);
  });
});

describe('all problems at once', () => {
  const SECRETS = {
    PRIVATE_KEY: 'not-a-key-but-secret-0001',
    PROMETHEUS_TOKEN: 'Bearer prom-secret-0002',
    ALERTMANAGER_TOKEN: 'am-secret-03',
    PROMETHEUS_HEADERS: 'Authorization hdr-secret-0004',
    REDIS_URL: 'http://:redis-secret-0005@redis',
  };
  const ENV: Env = {
    ...SECRETS,
    APP_ID: 'abc',
    PRIVATE_KEY_PATH: '/nonexistent/key.pem',
    PORT: 'notaport',
    HOST: 'http://x',
    LOG_LEVEL: 'verbose',
    PROMETHEUS_URL: 'prometheus:9090',
  };

  it('reports every variable once, in one error, with no secret in it', () => {
    let error: unknown;
    try {
      readEnvironment(ENV);
    } catch (e: unknown) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const { message, problems: found } = error as EnvironmentError;
    // APP_ID and REDIS_URL are read by both Probot's parser and the app's, with one rule: reported once.
    expect(found.map((p) => p.variable).sort()).toEqual(
      [
        'ALERTMANAGER_TOKEN',
        'APP_ID',
        'HOST',
        'LOG_LEVEL',
        'PORT',
        'PRIVATE_KEY',
        'PRIVATE_KEY_PATH',
        'PROMETHEUS_HEADERS',
        'PROMETHEUS_TOKEN',
        'PROMETHEUS_URL',
        'REDIS_URL',
        'WEBHOOK_SECRET',
      ].sort(),
    );
    expect(message.split('\n')[0]).toBe('12 problems in the environment (fix them and start again):');
    for (const p of found) expect(message).toContain(`\n  - ${p.variable}: `);
    for (const secret of Object.values(SECRETS))
      expect(message).not.toContain(secret.replace(/^Bearer |^Authorization |^http:\/\/:|@redis$/g, ''));
    expect(JSON.stringify(found)).not.toMatch(/secret-000|am-secret/);
  });

  it('parseEnvironment gives the values of every module when nothing is wrong', () => {
    const result = parseEnvironment({ ...GOOD, PORT: '0' });
    expect('value' in result && result.value.probot.port).toBe(0);
    expect('value' in result && result.value.app.appId).toBe(4242);
  });
});

describe('composing parsers', () => {
  /** A module's parser as other engineers write them: raw value in the problem, the message without it. */
  function parseQueueEnv(env: Env): EnvResult<{ operatorToken: string | null }> {
    const r = new EnvReader(env);
    const token = r.text('OPERATOR_TOKEN') ?? null;
    if (token !== null && token.length < 16) r.problem('OPERATOR_TOKEN', token, `expected at least 16 characters, not ${token}`);
    return r.result(() => ({ operatorToken: token }));
  }
  const parseTenantsEnv = (env: Env): EnvResult<string | null> =>
    env.PROMETHEUS_TENANTS === 'missing.yaml'
      ? { problems: [{ variable: 'PROMETHEUS_TENANTS', value: 'missing.yaml', message: 'not a readable file' }] }
      : { value: env.PROMETHEUS_TENANTS ?? null };

  it('runs every parser and lists all their problems together, the secret masked even when a message quotes it', () => {
    const result = combineEnv(
      { probot: (e: Env) => parseProbotEnv(e, { cwd: workDir() }), queue: parseQueueEnv, tenants: parseTenantsEnv },
      { ...GOOD, PORT: 'x', OPERATOR_TOKEN: 'op-secret-7', PROMETHEUS_TENANTS: 'missing.yaml' },
    );
    expect('problems' in result && result.problems.map(formatProblem)).toEqual([
      'PORT: expected a TCP port from 1 to 65535 (or 0 for any free port); got "x"',
      'OPERATOR_TOKEN: expected at least 16 characters, not ***; got a value of 11 characters (not shown)',
      'PROMETHEUS_TENANTS: not a readable file; got "missing.yaml"',
    ]);
  });

  it('returns each value under its key when all are right', () => {
    const result = combineEnv(
      { queue: parseQueueEnv, tenants: parseTenantsEnv },
      { OPERATOR_TOKEN: 'a-long-operator-token', PROMETHEUS_TENANTS: 'tenants.yaml' },
    );
    expect(result).toEqual({ value: { queue: { operatorToken: 'a-long-operator-token' }, tenants: 'tenants.yaml' } });
  });
});

describe('listening', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('resolves with the URL once bound; a port in use or a foreign address names PORT or HOST', async () => {
    const first = createServer();
    servers.push(first);
    const url = await listen(first, 0, '127.0.0.1');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(url).port);
    const second = createServer();
    servers.push(second);
    const inUse = await listen(second, port, '127.0.0.1').catch((e: unknown) => e);
    expect(inUse).toBeInstanceOf(EnvironmentError);
    expect((inUse as Error).message).toBe(
      `a problem in the environment (fix it and start again):\n  - PORT: already in use on 127.0.0.1: stop what listens there, or choose another PORT; got "${port}"`,
    );
    await expect(listen(createServer(), 0, '192.0.2.1')).rejects.toThrow(
      'HOST: not an address of this machine: use one of its addresses, or 0.0.0.0 for every interface; got "192.0.2.1"',
    );
  });
});

/**
 * Probot's own variables, read by the app's rules so a mistake is named at
 * start-up (Probot itself would stop with a stack trace, or start and fail
 * later): the app's identity (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH,
 * WEBHOOK_SECRET), where the server listens (PORT, HOST, WEBHOOK_PATH), the
 * logs (LOG_LEVEL, LOG_FORMAT, LOG_LEVEL_IN_STRING, LOG_MESSAGE_KEY,
 * and refuses SENTRY_DSN), GitHub Enterprise Server (GHE_HOST, GHE_PROTOCOL) and REDIS_URL.
 * The values are handed to Probot as options (probotOptions), so Probot reads
 * nothing from the environment itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import type { Options } from 'probot';
import { EnvReader, unreadableBecause, type Env, type EnvResult } from './env.js';
import { checkPrivateKey, looksLikePath } from './private-key.js';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

export interface ProbotEnv {
  appId: number;
  /** PKCS#8 PEM, whichever form it was given in. */
  privateKey: string;
  webhookSecret: string;
  webhookPath: string;
  port: number;
  host: string;
  logLevel: LogLevel;
  logFormat: 'json' | 'pretty';
  logLevelInString: boolean;
  logMessageKey: string;
  /** GitHub's REST API: https://api.github.com, or `<GHE_PROTOCOL>://<GHE_HOST>/api/v3`. */
  baseUrl: string;
  redisUrl: string | null;
}

/** APP_ID, shared by every parser that needs it (one rule). */
export function readAppId(r: EnvReader): number | undefined {
  const value = r.trimmed('APP_ID');
  if (value === undefined) {
    r.problem('APP_ID', null, "missing: set it to the App ID shown in the GitHub App's settings (a number such as 123456)");
    return undefined;
  }
  if (!/^[1-9]\d{0,15}$/.test(value)) {
    const clientId = /^Iv\d*\./.test(value) ? ' (that is the Client ID)' : '';
    r.problem('APP_ID', value, `expected the numeric App ID from the GitHub App's settings, such as 123456${clientId}`);
    return undefined;
  }
  return Number(value);
}

/** REDIS_URL, shared by Probot's throttling, the delivery queue and the issue locks (one rule). */
export function readRedisUrl(r: EnvReader): string | null {
  const value = r.trimmed('REDIS_URL');
  if (value === undefined) return null;
  let ok = /^rediss?:\/\//.test(value);
  try {
    ok &&= new URL(value).hostname !== '';
  } catch {
    ok = false;
  }
  if (!ok)
    r.problem('REDIS_URL', value, 'expected a redis:// or rediss:// URL such as redis://localhost:6379 or rediss://:password@host:6380');
  return value;
}

const HOSTNAME =
  /^(?=.{1,253}\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;

export function readHost(r: EnvReader): string {
  const value = r.trimmed('HOST');
  if (value === undefined) return 'localhost';
  const unbracketed = /^\[(.*)\]$/.exec(value)?.[1] ?? value;
  if (isIP(unbracketed) || HOSTNAME.test(unbracketed)) return unbracketed;
  r.problem(
    'HOST',
    value,
    `expected a host name or IP address to listen on, such as 0.0.0.0 (every interface, e.g. in a container) or 127.0.0.1, without scheme or port`,
  );
  return value;
}

export function readPort(r: EnvReader): number {
  const value = r.trimmed('PORT');
  if (value === undefined) return 3000;
  if (/^\d{1,5}$/.test(value) && Number(value) <= 65535) return Number(value);
  r.problem('PORT', value, 'expected a TCP port from 1 to 65535 (or 0 for any free port)');
  return 0;
}

function readLogLevel(r: EnvReader): LogLevel {
  const value = r.trimmed('LOG_LEVEL');
  if (value === undefined) return 'info';
  const level = LOG_LEVELS.find((l) => l === value.toLowerCase());
  if (!level) r.problem('LOG_LEVEL', value, `expected one of ${LOG_LEVELS.join(', ')}`);
  return level ?? 'info';
}

function readChoice<T extends string>(r: EnvReader, variable: string, choices: readonly T[], fallback: T): T {
  const value = r.trimmed(variable);
  if (value === undefined) return fallback;
  const choice = choices.find((c) => c === value.toLowerCase());
  if (!choice) r.problem(variable, value, `expected ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`);
  return choice ?? fallback;
}

function readWebhookSecret(r: EnvReader): string {
  const value = r.text('WEBHOOK_SECRET');
  if (value === undefined) {
    r.problem(
      'WEBHOOK_SECRET',
      null,
      "missing: set it to the webhook secret in the GitHub App's settings (every delivery's signature is checked with it)",
    );
    return '';
  }
  if (value.trim() !== value) {
    // GitHub signs with the secret as typed in its settings: a newline from a secret file would fail every delivery.
    r.problem(
      'WEBHOOK_SECRET',
      value,
      "starts or ends with white space (a newline from a file?), so no delivery's signature would match: remove it",
    );
  }
  return value;
}

export function readWebhookPath(r: EnvReader): string {
  const value = r.trimmed('WEBHOOK_PATH');
  if (value === undefined) return '/api/github/webhooks';
  if (/^\/[^\s?#]*$/.test(value)) return value;
  r.problem(
    'WEBHOOK_PATH',
    value,
    `expected a path starting with /, such as /api/github/webhooks (the webhook URL in the app's settings ends with it)`,
  );
  return value;
}

export function readGitHubBaseUrl(r: EnvReader): string {
  const protocol = readChoice(r, 'GHE_PROTOCOL', ['https', 'http'], 'https');
  const host = r.trimmed('GHE_HOST');
  if (host === undefined) return 'https://api.github.com';
  let ok: boolean;
  try {
    ok = new URL(`https://${host}`).host === host.toLowerCase() && !host.includes('@');
  } catch {
    ok = false;
  }
  if (!ok) {
    const hint = /^[a-z]+:\/\//i.test(host) ? ' (the scheme goes in GHE_PROTOCOL)' : '';
    r.problem('GHE_HOST', host, `expected the GitHub Enterprise Server host name (and port), such as github.example.com${hint}`);
  }
  return `${protocol}://${host}/api/v3`;
}

/**
 * Probot reports errors to Sentry when SENTRY_DSN is set, by loading `@sentry/node` at run time; the app
 * neither depends on it nor bundles it, so a set DSN would stop the app at its first error report. Refused
 * at start instead, with what to do.
 */
function refuseSentryDsn(r: EnvReader): void {
  const value = r.trimmed('SENTRY_DSN');
  if (value !== undefined)
    r.problem(
      'SENTRY_DSN',
      value,
      'unset it: the app does not ship the Sentry SDK; its errors are in its log (LOG_FORMAT=json for a collector that forwards them)',
    );
}

/**
 * PRIVATE_KEY (the key's text, in any form operators paste) or PRIVATE_KEY_PATH
 * (its file), as Probot looks for them: PRIVATE_KEY first; with neither, the one
 * .pem file in the working directory. Each one set is checked.
 */
function readPrivateKey(r: EnvReader, cwd: string): string {
  const text = r.text('PRIVATE_KEY');
  const keyPath = r.trimmed('PRIVATE_KEY_PATH');
  let key: string | undefined;
  if (text !== undefined) {
    if (looksLikePath(text)) {
      r.problem('PRIVATE_KEY', text, 'holds what looks like a file path, not the key: set PRIVATE_KEY_PATH to the file instead');
    } else {
      const check = checkPrivateKey(text);
      if ('pem' in check) key = check.pem;
      else r.problem('PRIVATE_KEY', text, check.problem);
    }
  }
  if (keyPath !== undefined) {
    const fromFile = readKeyFile(r, path.resolve(cwd, keyPath), keyPath, cwd);
    key ??= fromFile;
  }
  if (text === undefined && keyPath === undefined) {
    let pems: string[] = [];
    try {
      pems = readdirSync(cwd).filter((f) => f.endsWith('.pem'));
    } catch {
      // an unreadable working directory holds no key
    }
    if (pems.length === 1) {
      key = readKeyFile(r, path.join(cwd, pems[0]!), pems[0]!, cwd, true);
    } else {
      const found = pems.length > 1 ? `, and ${cwd} holds several .pem files (${pems.join(', ')}) to choose from` : '';
      r.problem(
        'PRIVATE_KEY',
        null,
        `missing: set PRIVATE_KEY to the app's private key (the text of the .pem from the GitHub App's settings) or PRIVATE_KEY_PATH to its file${found}`,
      );
    }
  }
  return key ?? '';
}

/** The key in a file: PRIVATE_KEY_PATH's, or (`found`) the one .pem file in the working directory. */
function readKeyFile(r: EnvReader, file: string, shown: string, cwd: string, found = false): string | undefined {
  const where = found
    ? `unset, and ${shown} (the one .pem file in ${cwd}, which the app then uses)`
    : path.isAbsolute(shown)
      ? 'the file'
      : `the file (relative to ${cwd})`;
  let text: string;
  try {
    if (!statSync(file).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    text = readFileSync(file, 'utf8');
  } catch (error: unknown) {
    const why = unreadableBecause(error);
    r.problem(
      'PRIVATE_KEY_PATH',
      shown,
      `not a readable file (${why}${path.isAbsolute(shown) ? '' : ` in ${cwd}`}): set it to the path of the app's .pem key`,
    );
    return undefined;
  }
  const check = checkPrivateKey(text);
  if ('pem' in check) return check.pem;
  const problem = check.problem.replace(/^not a PEM/, 'no PEM').replace(/; with a key file use PRIVATE_KEY_PATH/, '');
  r.problem('PRIVATE_KEY_PATH', found ? null : shown, `${where} holds ${problem}`);
  return undefined;
}

export function parseProbotEnv(env: Env, options: { cwd?: string } = {}): EnvResult<ProbotEnv> {
  const r = new EnvReader(env);
  const cwd = options.cwd ?? process.cwd();
  const appId = readAppId(r);
  const privateKey = readPrivateKey(r, cwd);
  const webhookSecret = readWebhookSecret(r);
  const webhookPath = readWebhookPath(r);
  const port = readPort(r);
  const host = readHost(r);
  const logLevel = readLogLevel(r);
  const logFormat = readChoice(r, 'LOG_FORMAT', ['pretty', 'json'], 'pretty');
  const logLevelInString = readChoice(r, 'LOG_LEVEL_IN_STRING', ['true', 'false'], 'false') === 'true';
  const logMessageKey = r.trimmed('LOG_MESSAGE_KEY') ?? 'msg';
  refuseSentryDsn(r);
  const baseUrl = readGitHubBaseUrl(r);
  const redisUrl = readRedisUrl(r);
  return r.result(() => ({
    appId: appId!,
    privateKey,
    webhookSecret,
    webhookPath,
    port,
    host,
    logLevel,
    logFormat,
    logLevelInString,
    logMessageKey,
    baseUrl,
    redisUrl,
  }));
}

/** Probot's options from the checked values (Probot then reads nothing from the environment). */
export function probotOptions(p: ProbotEnv): Options {
  return {
    appId: p.appId,
    privateKey: p.privateKey,
    secret: p.webhookSecret,
    webhookPath: p.webhookPath,
    logLevel: p.logLevel,
    logFormat: p.logFormat,
    logLevelInString: p.logLevelInString,
    logMessageKey: p.logMessageKey,
    baseUrl: p.baseUrl,
    redisConfig: p.redisUrl ?? undefined,
  };
}

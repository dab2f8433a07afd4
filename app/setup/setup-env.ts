/**
 * What `npm run setup` (the app started with `--setup`) reads: its arguments
 * (`--setup`, `--force`) and its environment, by the convention of
 * app/config/env.ts (every problem at once, each naming the variable).
 *
 * - APP_BASE_URL (required): the URL at which the operator's browser, and
 *   later GitHub's webhooks, reach this server, such as
 *   https://governor.example.com. GitHub sends the browser back to
 *   `<APP_BASE_URL>/deploy-governor/setup/callback`.
 * - WEBHOOK_PROXY_URL: the webhook URL GitHub is to post to when it is not
 *   `<APP_BASE_URL><WEBHOOK_PATH>` (a smee.io channel while developing, as in
 *   Probot).
 * - ENV_FILE: the file the app's credentials are written to (default `.env`
 *   in the working directory); `ENV_FILE=.env npm run app` reads it.
 * - PORT, HOST, WEBHOOK_PATH, GHE_HOST, GHE_PROTOCOL: the same rules as the
 *   app's (app/config/probot-env.ts).
 */
import path from 'node:path';
import { EnvReader, type Env, type EnvResult } from '../config/env.js';
import { readGitHubBaseUrl, readHost, readPort, readWebhookPath } from '../config/probot-env.js';

export interface SetupEnv {
  /** APP_BASE_URL without a trailing slash: the manifest's redirect_url is under it. */
  baseUrl: string;
  /** The manifest's hook_attributes.url. */
  webhookUrl: string;
  port: number;
  host: string;
  /** GitHub's web pages: https://github.com, or `<GHE_PROTOCOL>://<GHE_HOST>`. */
  githubUrl: string;
  /** GitHub's REST API: https://api.github.com, or `<GHE_PROTOCOL>://<GHE_HOST>/api/v3`. */
  apiUrl: string;
  /** Absolute path of the file the credentials go to. */
  envFile: string;
}

export interface SetupArgs {
  /** Replace an app's variables already in the env file (the file's other variables are kept). */
  force: boolean;
}

/** The arguments after `server.js`; anything but `--setup` and `--force` is a problem. */
export function parseSetupArgs(argv: readonly string[]): { args: SetupArgs } | { problem: string } {
  const unknown = argv.filter((a) => a !== '--setup' && a !== '--force');
  if (unknown.length > 0)
    return {
      problem: `unknown argument${unknown.length === 1 ? '' : 's'} ${unknown.map((a) => JSON.stringify(a)).join(', ')}: the setup takes --setup and, to replace an app already in the env file, --force`,
    };
  return { args: { force: argv.includes('--force') } };
}

/** An http(s) URL without credentials, query or fragment, as `URL` writes it. */
function readBaseUrl(r: EnvReader, variable: string, example: string, required: boolean): string | undefined {
  const value = r.trimmed(variable);
  if (value === undefined) {
    if (required)
      r.problem(
        variable,
        null,
        `missing: set it to the URL at which your browser and GitHub reach this server, such as ${example} (GitHub sends the browser back there after registering the app)`,
      );
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) {
    r.problem(variable, value, `expected an http(s) URL without credentials, query or fragment, such as ${example}`);
    return undefined;
  }
  return url.href;
}

export function parseSetupEnv(env: Env, options: { cwd?: string } = {}): EnvResult<SetupEnv> {
  const r = new EnvReader(env);
  const cwd = options.cwd ?? process.cwd();
  const baseUrl = readBaseUrl(r, 'APP_BASE_URL', 'https://governor.example.com', true)?.replace(/\/+$/, '');
  const proxyUrl = readBaseUrl(r, 'WEBHOOK_PROXY_URL', 'https://smee.io/AbCdEf123456', false);
  const webhookPath = readWebhookPath(r);
  const port = readPort(r);
  const host = readHost(r);
  const apiUrl = readGitHubBaseUrl(r);
  const envFile = path.resolve(cwd, r.trimmed('ENV_FILE') ?? '.env');
  return r.result(() => ({
    baseUrl: baseUrl!,
    webhookUrl: proxyUrl ?? `${baseUrl!}${webhookPath}`,
    port,
    host,
    githubUrl: apiUrl === 'https://api.github.com' ? 'https://github.com' : apiUrl.replace(/\/api\/v3$/, ''),
    apiUrl,
    envFile,
  }));
}

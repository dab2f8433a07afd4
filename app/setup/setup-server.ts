/**
 * The setup server (`npm run setup`): registers the app on GitHub from
 * app.yml through GitHub's manifest flow, writes its credentials, and is done.
 *
 * | Route | What |
 * | --- | --- |
 * | `GET /deploy-governor/setup?token=…[&org=…][&name=…]` | the page with the form that posts the manifest to GitHub, with a new single-use `state` |
 * | `GET /deploy-governor/setup/callback?code=…&state=…` | where GitHub sends the browser back: the state checked and used up, the code exchanged, the env file written |
 *
 * Anyone who completes the flow decides which app the server will run as, so
 * the page needs the token the setup printed in its log (a setup server
 * reachable by others cannot be used by them), and the callback needs a state
 * that this server put in a page it showed, within the hour, and that was not
 * used yet (GitHub hands it back unchanged). A wrong, missing, expired or
 * replayed state, or a code that is not one GitHub hands out, is refused
 * before anything is sent or written. Once an app is registered, every route
 * answers 410.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { exchangeManifestCode, isManifestCode, SetupError, type RegisteredApp } from './exchange-manifest-code.js';
import { checkAppName, manifestFromAppYml, type AppYml } from './manifest-from-app-yml.js';
import type { SetupEnv } from './setup-env.js';
import { donePage, errorPage, PAGE_HEADERS, registrationPage } from './setup-pages.js';
import { appVariablesIn, refusal, writeEnvFile, type WrittenEnvFile } from './write-env-file.js';

const SETUP_PATH = '/deploy-governor/setup';
export const CALLBACK_PATH = '/deploy-governor/setup/callback';

/** Where the setup says what happens: never given a secret. */
export interface SetupLog {
  info(message: string): void;
  error(message: string): void;
}

export interface SetupServerOptions {
  appYml: AppYml;
  env: Pick<SetupEnv, 'baseUrl' | 'webhookUrl' | 'githubUrl' | 'apiUrl' | 'envFile'>;
  /** Replace an app's variables already in the env file. */
  force: boolean;
  log: SetupLog;
  /** The page's token (default: a random one). */
  token?: string;
  fetch?: typeof fetch;
  /** How long a page's state is accepted (default an hour, as long as GitHub's code lasts). */
  stateTtlMs?: number;
  now?: () => number;
}

/** What the setup did, without a secret. */
interface SetupResult {
  app: Omit<RegisteredApp, 'pem' | 'webhookSecret' | 'clientSecret'>;
  written: WrittenEnvFile;
  installUrl: string;
}

export interface SetupServer {
  server: Server;
  token: string;
  /** The page's path and query (with the token): open `<APP_BASE_URL><pagePath>`. */
  pagePath: string;
  /** Resolves once an app is registered, its credentials written and the last page sent. */
  done: Promise<SetupResult>;
}

/** GitHub account names: letters, digits and single hyphens, at most 39 characters. */
const ORG = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** States kept at once: one per page shown; the oldest go first. */
const MAX_STATES = 20;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function send(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve) => {
    res.writeHead(status, { ...PAGE_HEADERS, ...extra });
    res.end(html, () => resolve());
  });
}

export function createSetupServer(o: SetupServerOptions): SetupServer {
  const token = o.token ?? randomBytes(24).toString('base64url');
  const tokenDigest = digest(token);
  const now = o.now ?? (() => Date.now());
  const ttl = o.stateTtlMs ?? 60 * 60_000;
  const redirectUrl = `${o.env.baseUrl}${CALLBACK_PATH}`;
  /** State digests of the pages shown, with their expiry. */
  const states = new Map<string, number>();
  let busy = false;
  let finished: SetupResult | null = null;
  let resolveDone!: (result: SetupResult) => void;
  const done = new Promise<SetupResult>((resolve) => (resolveDone = resolve));

  const gone = (res: ServerResponse) =>
    send(
      res,
      410,
      errorPage(
        'Already registered',
        `This setup registered ${finished!.app.slug} and stopped: start the app without --setup (ENV_FILE=${o.env.envFile} npm run app).`,
      ),
    );

  /** True (and the state used up) when a page of this server carried `state`, within its time. */
  function takeState(state: string): boolean {
    const given = digest(state);
    const t = now();
    let match: string | undefined;
    for (const [key, expires] of states) {
      if (expires <= t) {
        states.delete(key);
        continue;
      }
      // Constant time over equal-length digests; every live entry is compared.
      if (timingSafeEqual(Buffer.from(key, 'hex'), given)) match = key;
    }
    if (match === undefined) return false;
    states.delete(match);
    return true;
  }

  async function registration(url: URL, res: ServerResponse): Promise<void> {
    if (finished) return gone(res);
    const given = url.searchParams.get('token') ?? '';
    if (!timingSafeEqual(digest(given), tokenDigest)) {
      return send(
        res,
        403,
        errorPage(
          'Open the address from the log',
          'This page needs the address the setup printed in its log (it carries a token): open that one.',
        ),
      );
    }
    const org = url.searchParams.get('org')?.trim() || null;
    if (org !== null && !ORG.test(org))
      return send(
        res,
        400,
        errorPage('Not an organization', 'An organization name has letters, digits and single hyphens (at most 39 characters).'),
      );
    const nameParam = url.searchParams.get('name')?.trim() || null;
    const name = nameParam === null ? o.appYml.name : checkAppName(nameParam);
    if (name === null) return send(res, 400, errorPage('Not an app name', 'A GitHub App name has 1 to 34 characters.'));

    const state = randomBytes(32).toString('base64url');
    states.set(digest(state).toString('hex'), now() + ttl);
    while (states.size > MAX_STATES) states.delete(states.keys().next().value!);
    const action = `${o.env.githubUrl}${org ? `/organizations/${encodeURIComponent(org)}` : ''}/settings/apps/new?state=${encodeURIComponent(state)}`;
    const manifest = manifestFromAppYml(o.appYml, { webhookUrl: o.env.webhookUrl, redirectUrl, name });
    return send(res, 200, registrationPage({ manifest, action, org, token, setupPath: 'setup', envFile: o.env.envFile }));
  }

  async function callback(url: URL, res: ServerResponse): Promise<void> {
    if (finished) return gone(res);
    const state = url.searchParams.get('state');
    if (!state) {
      o.log.error("refused a callback without a state (not a redirect from GitHub after this server's page): nothing sent or written");
      return send(res, 400, errorPage('Refused', 'The address has no state: open the setup page and register from there.'));
    }
    if (!takeState(state)) {
      o.log.error(
        'refused a callback whose state no page of this server carried (or it was used already, or is older than an hour): nothing sent or written',
      );
      return send(
        res,
        403,
        errorPage(
          'Refused',
          'This state was not issued by this setup server, was used already, or expired: open the setup page again and register from there.',
        ),
      );
    }
    const code = url.searchParams.get('code') ?? '';
    if (!isManifestCode(code)) {
      o.log.error('refused a callback whose code is not one GitHub hands out (letters, digits, - and _): nothing sent or written');
      return send(
        res,
        400,
        errorPage(
          'Refused',
          'The code in the address is not one GitHub hands out: nothing was sent to GitHub. Open the setup page and register again.',
        ),
      );
    }
    if (busy) return send(res, 409, errorPage('Busy', 'Another registration is being completed: wait for it.'));
    busy = true;
    let app: RegisteredApp;
    let written: WrittenEnvFile;
    try {
      // Checked before the code is used: a refusal leaves the code unspent.
      const present = appVariablesIn(o.env.envFile);
      if (present.length > 0 && !o.force) throw new SetupError(refusal(o.env.envFile, present), 409);
      app = await exchangeManifestCode(o.env.apiUrl, code, { ...(o.fetch ? { fetch: o.fetch } : {}) });
      try {
        written = writeEnvFile(o.env.envFile, app, { force: o.force });
      } catch (error: unknown) {
        if (!(error instanceof SetupError)) throw error;
        throw new SetupError(
          `GitHub created the app ${app.htmlUrl} (id ${app.id}), but ${error.message}. Its private key was not kept: generate a new one in the app's settings, or delete the app there and register again`,
          error.status,
        );
      }
    } catch (error: unknown) {
      busy = false;
      // A SetupError's message holds no secret; anything else is reported by its kind alone.
      const message =
        error instanceof SetupError
          ? error.message
          : `unexpected ${error instanceof Error ? error.name : 'error'} while registering: nothing was written`;
      o.log.error(message);
      return send(res, error instanceof SetupError ? error.status : 500, errorPage('The app was not set up', message));
    }
    busy = false;
    const installUrl = `${app.htmlUrl}/installations/new`;
    finished = {
      app: { id: app.id, slug: app.slug, name: app.name, htmlUrl: app.htmlUrl, owner: app.owner, clientId: app.clientId },
      written,
      installUrl,
    };
    const replaced =
      written.replaced.length > 0
        ? ` (replacing ${written.replaced.join(', ')}, keeping ${written.kept} other variable${written.kept === 1 ? '' : 's'})`
        : '';
    o.log.info(`registered the GitHub App ${app.slug} (id ${app.id}): ${app.htmlUrl}`);
    o.log.info(
      `wrote APP_ID, PRIVATE_KEY, ${app.webhookSecret === null ? '' : 'WEBHOOK_SECRET, '}GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET to ${o.env.envFile} (mode 0600)${replaced}`,
    );
    if (app.webhookSecret === null)
      o.log.error(`GitHub set no webhook secret: set one in the app's settings and add it to ${o.env.envFile} as WEBHOOK_SECRET`);
    o.log.info(`install it: ${installUrl}`);
    o.log.info(`then start the app without --setup: ENV_FILE=${o.env.envFile} npm run app`);
    await send(
      res,
      200,
      donePage({
        name: app.name,
        htmlUrl: app.htmlUrl,
        owner: app.owner,
        envFile: o.env.envFile,
        replaced: written.replaced,
        noWebhookSecret: app.webhookSecret === null,
      }),
    );
    resolveDone(finished);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://setup.invalid');
    if (url.pathname !== SETUP_PATH && url.pathname !== CALLBACK_PATH) {
      return send(res, 404, errorPage('Not found', 'The setup serves one page: open the address it printed in its log.'));
    }
    if (req.method !== 'GET') return send(res, 405, errorPage('Method not allowed', 'GET only.'), { allow: 'GET' });
    return url.pathname === SETUP_PATH ? registration(url, res) : callback(url, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The handlers catch their own failures (whose messages hold no secret); this is a bug: its kind alone is logged.
      o.log.error(
        `unexpected ${error instanceof Error ? error.name : 'error'} while answering ${req.method} ${new URL(req.url ?? '/', 'http://setup.invalid').pathname}`,
      );
      if (!res.headersSent) res.writeHead(500, PAGE_HEADERS).end(errorPage('Error', 'The setup failed unexpectedly: see its log.'));
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return { server, token, pagePath: `${SETUP_PATH}?token=${encodeURIComponent(token)}`, done };
}

/**
 * The real app in a Probot instance whose GitHub is the stateful stand-in
 * (scripts/lib/github-state-stand-in.ts) on loopback, with every request checked
 * against GitHub's OpenAPI description, and the app's HTTP routes served on a
 * local port as Probot's server would serve them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Probot, ProbotOctokit } from 'probot';
import app, { type AppHostOptions } from '../../app/index.js';
import type { FreezeEvents } from '../../app/freezes/freeze-events.js';
import { startGitHubStateStandIn, type GitHubStateStandIn } from '../../scripts/lib/github-state-stand-in.js';
import { checkGitHubRequest } from './github-request-checker.js';
import { APP_ID, APP_VARIABLES, testPrivateKey, type Handler } from './probot-harness.js';

const APP_SLUG = 'deploy-governor';

export interface StandInHarness {
  probot: Probot;
  github: GitHubStateStandIn;
  /** Base URL of the app's own routes (POST /deploy-governor/...). */
  routesUrl: string;
  /** The app's freeze events: a test announces a freeze change to its reactors as the freeze commands do. */
  freezeEvents: FreezeEvents;
  receive(name: string, payload: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `github`: another harness's stand-in, shared (a restarted or second instance; left running by stop); `load`: host
 * options for the app (app/index.ts AppHostOptions).
 */
interface StandInOptions {
  github?: GitHubStateStandIn;
  load?: AppHostOptions & Record<string, unknown>;
}

export async function startStandInHarness(
  env: Record<string, string | undefined> = {},
  options: StandInOptions = {},
): Promise<StandInHarness> {
  const github = options.github ?? (await startGitHubStateStandIn({ app: { id: APP_ID, slug: APP_SLUG }, check: checkGitHubRequest }));
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries({
    APP_ID: String(APP_ID),
    ...Object.fromEntries(APP_VARIABLES.map((name) => [name, undefined])),
    ...env,
  })) {
    saved.set(k, process.env[k]);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const probot = new Probot({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    baseUrl: github.url,
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(options.throttle as object | undefined), enabled: false },
    })),
    logLevel: (process.env.TEST_LOG_LEVEL as 'fatal' | undefined) ?? 'fatal',
  });
  const handlers: Handler[] = [];
  const load = options.load ?? {};
  let freezeEvents: FreezeEvents | undefined;
  await probot.load(app, {
    cwd: process.cwd(),
    addHandler: (h) => handlers.push(h),
    ...load,
    // The app's own freeze events, for tests that announce a freeze change to its reactors.
    onServices: (services: Parameters<NonNullable<AppHostOptions['onServices']>>[0]) => {
      freezeEvents = services.freezeEvents;
      load.onServices?.(services);
    },
  });
  if (!freezeEvents) throw new Error('the app did not hand over its services');
  const server: Server = createServer((req, res) => {
    void (async () => {
      for (const handler of handlers) if (await handler(req, res)) return;
      res.writeHead(404).end();
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let delivery = 0;
  return {
    probot,
    github,
    routesUrl: `http://127.0.0.1:${port}`,
    freezeEvents,
    receive: (name, payload) => probot.receive({ id: `delivery-${++delivery}`, name, payload } as Parameters<Probot['receive']>[0]),
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.github) await github.stop();
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
}

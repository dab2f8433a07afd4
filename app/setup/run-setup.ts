/**
 * `npm run setup` (the app's server started with `--setup`): checks the
 * setup's arguments and environment, app.yml and the env file, then starts the
 * setup server (setup-server.ts) on HOST and PORT and prints the address to
 * open. The process ends once the app is registered and its credentials
 * written; the app itself is then started without `--setup`.
 *
 * Without `--setup` the server starts as always: it never turns into a setup
 * server by itself because a variable is missing (it stops, naming APP_ID and
 * this command).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { EnvironmentError, unwrapEnv, type Env } from '../config/env.js';
import { listen } from '../config/listen.js';
import { SetupError } from './exchange-manifest-code.js';
import { AppYmlError, parseAppYml } from './manifest-from-app-yml.js';
import { parseSetupArgs, parseSetupEnv } from './setup-env.js';
import { CALLBACK_PATH, createSetupServer, type SetupLog, type SetupServer } from './setup-server.js';
import { appVariablesIn, refusal } from './write-env-file.js';

export interface SetupRun extends SetupServer {
  /** Where it listens, e.g. http://127.0.0.1:3000. */
  address: string;
  /** The page to open: `<APP_BASE_URL>/deploy-governor/setup?token=…`. */
  pageUrl: string;
  /** Stops the server (open connections too, after a grace period). */
  close(): Promise<void>;
}

/**
 * Checks everything, then starts the setup server; a SetupError or an EnvironmentError (both PolicyError-like, messages
 * without secrets) when it cannot.
 */
export async function startSetup(
  argv: readonly string[],
  env: Env,
  io: { cwd: string; log: SetupLog; fetch?: typeof fetch },
): Promise<SetupRun> {
  const args = parseSetupArgs(argv);
  if ('problem' in args) throw new SetupError(args.problem);
  const setupEnv = unwrapEnv(parseSetupEnv(env, { cwd: io.cwd }));
  const appYmlFile = path.join(io.cwd, 'app.yml');
  let appYmlText: string;
  try {
    appYmlText = readFileSync(appYmlFile, 'utf8');
  } catch (error: unknown) {
    throw new SetupError(
      `cannot read ${appYmlFile} (${(error as NodeJS.ErrnoException).code ?? String(error)}): start the setup in the directory that holds the app's app.yml`,
    );
  }
  let appYml;
  try {
    appYml = parseAppYml(appYmlText, appYmlFile);
  } catch (error: unknown) {
    if (error instanceof AppYmlError) throw new SetupError(error.message);
    throw error;
  }
  // Refused now rather than after the app is created on GitHub.
  const present = appVariablesIn(setupEnv.envFile);
  if (present.length > 0 && !args.args.force) throw new SetupError(refusal(setupEnv.envFile, present));

  const setup = createSetupServer({ appYml, env: setupEnv, force: args.args.force, log: io.log, ...(io.fetch ? { fetch: io.fetch } : {}) });
  const address = await listen(setup.server, setupEnv.port, setupEnv.host);
  const pageUrl = `${setupEnv.baseUrl}${setup.pagePath}`;
  io.log.info(`setup server listening on ${address}`);
  io.log.info(`open ${pageUrl} to register the app on ${setupEnv.githubUrl} from app.yml`);
  io.log.info(
    `GitHub sends your browser back to ${setupEnv.baseUrl}${CALLBACK_PATH} (APP_BASE_URL: it must reach this server); webhooks will go to ${setupEnv.webhookUrl}`,
  );
  const close = () =>
    new Promise<void>((resolve) => {
      const force = setTimeout(() => setup.server.closeAllConnections(), 2_000);
      force.unref();
      setup.server.close(() => {
        clearTimeout(force);
        resolve();
      });
      setup.server.closeIdleConnections();
    });
  return { ...setup, address, pageUrl, close };
}

/** The setup's lines on the terminal: what it does on stdout, what went wrong on stderr. */
const terminalLog: SetupLog = {
  info: (message) => process.stdout.write(`deploy-governor setup: ${message}\n`),
  error: (message) => process.stderr.write(`deploy-governor setup: ${message}\n`),
};

/**
 * The server's entry calls this first: with `--setup` it runs the setup and ends
 * the process (0 once the app is registered, 1 when the setup cannot start);
 * without it, it returns and the app starts.
 */
export async function runSetupIfAsked(argv: readonly string[] = process.argv.slice(2), env: Env = process.env): Promise<void> {
  if (!argv.includes('--setup')) {
    // `npm run app -- --setup` hands --setup to the inner `npm run app:start`, which keeps it as its own option.
    if (env.npm_config_setup === 'true') {
      process.stderr.write(
        'deploy-governor app: npm took --setup as an option of its own: run the setup with `npm run setup` (or `npm run app:start -- --setup`)\n',
      );
      process.exit(1);
    }
    return;
  }
  let run: SetupRun;
  try {
    run = await startSetup(argv, env, { cwd: process.cwd(), log: terminalLog });
  } catch (error: unknown) {
    if (!(error instanceof SetupError || error instanceof PolicyError)) throw error;
    process.stderr.write(`deploy-governor setup: ${error.message}\n`);
    process.exit(1);
  }
  await run.done;
  await run.close();
  process.exit(0);
}

/** For the server's start-up error: when APP_ID is missing, how to get one. */
export function setupHint(error: unknown): string {
  if (!(error instanceof EnvironmentError) || !error.problems.some((p) => p.variable === 'APP_ID' && p.value === null)) return '';
  return 'No app yet? Register it on GitHub from app.yml, which writes these variables to a file: APP_BASE_URL=https://<this server> npm run setup (docs/app.md, "Registering the app"), then ENV_FILE=.env npm run app\n';
}

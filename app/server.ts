/**
 * `npm run app`: the app as a long-running server with Probot's standard
 * environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET,
 * WEBHOOK_PATH, PORT, HOST, LOG_LEVEL, GHE_HOST/GHE_PROTOCOL, REDIS_URL) and
 * the app's own (see app-config.ts). Deliveries are
 * queued and answered at once (webhook-server.ts), then handled by workers; with
 * REDIS_URL the queue is durable and shared, so any number of instances can run
 * behind a load balancer. ENV_FILE names a file of variables to read too
 * (app/config/env-file.ts); `--setup` (`npm run setup`) registers the app on
 * GitHub instead of serving it (app/setup/).
 */
import { Probot } from 'probot';
import { PolicyError } from '../src/core/policy/policy-error.js';
import { AppOctokit } from './app-octokit.js';
import { readEnvironment } from './app-config.js';
import { loadEnvFile } from './config/env-file.js';
import { listen } from './config/listen.js';
import { probotOptions } from './config/probot-env.js';
import app, { type AppHostOptions } from './index.js';
import { systemClock } from './freezes/expiry-clock.js';
import { freezeExpiryEnabled } from './freezes/expiry-env.js';
import type { FreezeExpiry } from './freezes/freeze-expiry.js';
import type { HeldDeployments } from './held/held-deployments.js';
import { quietRepeatedRedisErrors } from './edge/quiet-redis-log.js';
import { createReadiness } from './edge/readiness.js';
import { createMemoryDeliveryQueue } from './queue/memory-delivery-queue.js';
import { createRedisDeliveryQueue } from './queue/redis-delivery-queue.js';
import { probotEvent, runDeliveries } from './queue/run-deliveries.js';
import { runSetupIfAsked, setupHint } from './setup/run-setup.js';
import { createWebhookServer, type RouteHandler } from './webhook-server.js';

/** An expected mistake (the environment, a port in use): its message and exit code 1, no stack trace. */
function stopOn(error: unknown): never {
  if (!(error instanceof PolicyError)) throw error;
  process.stderr.write(`deploy-governor app: ${error.message}\n${setupHint(error)}`);
  process.exit(1);
}

// `npm run setup` (--setup): register the app on GitHub from app.yml and write its credentials, then end (app/setup/).
await runSetupIfAsked();

// Every variable the app reads, Probot's included (app-config.ts, app/config/): all mistakes listed at once, each
// with its fix. Probot gets the checked values as options and reads nothing from the environment itself.
const env = (() => {
  try {
    // ENV_FILE (such as the .env the setup writes): its variables, under the environment's own.
    loadEnvFile();
    return readEnvironment();
  } catch (error: unknown) {
    return stopOn(error);
  }
})();
const config = env.app;

const probot = new Probot({ ...probotOptions(env.probot), Octokit: AppOctokit });
const routes: RouteHandler[] = [];
let freezeExpiry: FreezeExpiry | null = null;
const expiryEnabled = (() => {
  try {
    return freezeExpiryEnabled(process.env);
  } catch (error: unknown) {
    return stopOn(error);
  }
})();
let held: HeldDeployments | null = null;
const hostOptions: AppHostOptions = { onServices: (services) => (held = services.held) };
await probot.load(app, {
  cwd: process.cwd(),
  addHandler: (handler) => routes.push(handler as RouteHandler),
  ...hostOptions,
  // Freezes are closed when they end (app/freezes/freeze-expiry.ts): a long-running server can keep timers.
  ...(expiryEnabled ? { freezeExpiry: { clock: systemClock, started: (expiry: FreezeExpiry) => (freezeExpiry = expiry) } } : {}),
});

// The queue's and the edge's own variables (app/queue/queue-env.ts), checked with all the others above.
const edge = env.queue;
const queueOptions = { maxPerInstallation: edge.maxPerInstallation, replayTtlMs: edge.replayTtlMs };
const queue = config.redisUrl
  ? createRedisDeliveryQueue(config.redisUrl, { ...queueOptions, leaseMs: edge.leaseMs, log: probot.log })
  : createMemoryDeliveryQueue({ ...queueOptions, replayMemory: edge.replayMemory });
// The queue logs a Redis outage once; Probot's throttling would log each reconnection attempt.
if (config.redisUrl) quietRepeatedRedisErrors(probot.log);
if (!queue.durable) probot.log.warn('no REDIS_URL: deliveries wait in memory, and those not yet handled are lost if the process dies');
// probotEvent keeps the payload out of the error Probot logs when a handler fails.
const workers = runDeliveries(queue, (d) => probot.receive(probotEvent(d) as Parameters<typeof probot.receive>[0]), {
  concurrency: config.queue.concurrency,
  retryBaseMs: config.queue.retryBaseMs,
  installationShare: edge.installationShare,
  log: probot.log,
});

const server = createWebhookServer({
  probot,
  queue,
  webhookPath: env.probot.webhookPath,
  routes,
  appId: config.appId,
  webhookSecret: env.probot.webhookSecret,
  operatorToken: edge.operatorToken,
  bodiesInFlight: edge.bodiesInFlight,
  // Signing the app's JWT needs only its key: no request leaves the process.
  ready: createReadiness({ queue, signJwt: async () => (await probot.auth()).auth({ type: 'app' }), log: probot.log }),
});
// Printed once the port is bound; a port in use or a host not this machine's is named like the variables above.
probot.log.info(`deploy-governor listening on ${await listen(server, env.probot.port, env.probot.host).catch(stopOn)}`);
// Held deployments (`on-block: hold`): rebuilt from GitHub when kept in memory, then evaluated on a schedule.
await (held as HeldDeployments | null)?.start();

/** Stop taking requests, finish what is being handled (a lease frees the rest for another instance), then exit. */
async function shutdown(signal: string): Promise<void> {
  probot.log.info(`${signal}: stopping`);
  server.close();
  await workers.stop(20_000);
  await freezeExpiry?.stop();
  await (held as HeldDeployments | null)?.stop();
  const left = await queue.stats();
  if (!queue.durable && left.queued + left.delayed + left.inFlight > 0)
    probot.log.error(left, 'stopping with deliveries not yet handled (no REDIS_URL: they are lost; redeliver them from the app settings)');
  await queue.close();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

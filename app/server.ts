/**
 * `npm run app`: the app as a long-running server with Probot's standard
 * environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET,
 * WEBHOOK_PATH, PORT, HOST, LOG_LEVEL, GHE_HOST/GHE_PROTOCOL, REDIS_URL) and
 * the app's own (see app-config.ts). Deliveries are
 * queued and answered at once (webhook-server.ts), then handled by workers; with
 * REDIS_URL the queue is durable and shared, so any number of instances can run
 * behind a load balancer.
 */
import { createProbot } from 'probot';
import { PolicyError } from '../src/core/policy/policy-error.js';
import { AppOctokit } from './app-octokit.js';
import { readAppConfig, type AppConfig } from './app-config.js';
import app from './index.js';
import { createMemoryDeliveryQueue } from './queue/memory-delivery-queue.js';
import { createRedisDeliveryQueue } from './queue/redis-delivery-queue.js';
import { runDeliveries } from './queue/run-deliveries.js';
import { createWebhookServer, type RouteHandler } from './webhook-server.js';

let config: AppConfig;
try {
  // The app's own variables: a mistake stops the start with a fix-it message, not a stack trace.
  config = readAppConfig();
  if (!process.env.WEBHOOK_SECRET) throw new PolicyError('app environment', [{ path: 'WEBHOOK_SECRET', message: 'expected the webhook secret set in the GitHub App\'s settings (deliveries are verified with it)' }]);
} catch (error: unknown) {
  if (!(error instanceof PolicyError)) throw error;
  process.stderr.write(`deploy-governor app: ${error.message}\n`);
  process.exit(1);
}

const probot = createProbot({ overrides: { Octokit: AppOctokit } });
const routes: RouteHandler[] = [];
await probot.load(app, { cwd: process.cwd(), addHandler: (handler) => routes.push(handler as RouteHandler) });

const queue = config.redisUrl ? createRedisDeliveryQueue(config.redisUrl) : createMemoryDeliveryQueue();
if (!queue.durable) probot.log.warn('no REDIS_URL: deliveries wait in memory, and those not yet handled are lost if the process dies');
const workers = runDeliveries(queue, (d) => probot.receive({ id: d.id, name: d.name, payload: d.payload } as Parameters<typeof probot.receive>[0]), {
  concurrency: config.queue.concurrency,
  retryBaseMs: config.queue.retryBaseMs,
  log: probot.log,
});

const server = createWebhookServer({ probot, queue, webhookPath: process.env.WEBHOOK_PATH ?? '/api/github/webhooks', routes });
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? 'localhost';
server.listen(port, host, () => probot.log.info(`deploy-governor listening on http://${host}:${port}`));

/** Stop taking requests, finish what is being handled (a lease frees the rest for another instance), then exit. */
async function shutdown(signal: string): Promise<void> {
  probot.log.info(`${signal}: stopping`);
  server.close();
  await workers.stop(20_000);
  const left = await queue.stats();
  if (!queue.durable && left.queued + left.delayed + left.inFlight > 0) probot.log.error(left, 'stopping with deliveries not yet handled (no REDIS_URL: they are lost; redeliver them from the app settings)');
  await queue.close();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

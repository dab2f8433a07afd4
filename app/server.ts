/**
 * `npm run app`: the app as a long-running server with Probot's standard
 * environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT,
 * HOST, LOG_LEVEL, GHE_HOST/GHE_PROTOCOL, REDIS_URL). Stateless: run as many as
 * you like behind a load balancer.
 */
import { run } from 'probot';
import { PolicyError } from '../src/core/policy/policy-error.js';
import { readAppConfig } from './app-config.js';
import app from './index.js';

try {
  // The app's own variables (PROMETHEUS_*): a mistake stops the start with a fix-it message, not a stack trace.
  readAppConfig();
} catch (error: unknown) {
  if (!(error instanceof PolicyError)) throw error;
  process.stderr.write(`deploy-governor app: ${error.message}\n`);
  process.exit(1);
}

await run(app);

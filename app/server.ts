/**
 * `npm run app`: the app as a long-running server with Probot's standard
 * environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT,
 * HOST, LOG_LEVEL, GHE_HOST/GHE_PROTOCOL, REDIS_URL). Stateless: run as many as
 * you like behind a load balancer.
 */
import { run } from 'probot';
import app from './index.js';

await run(app);

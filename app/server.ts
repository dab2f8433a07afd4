/**
 * `npm run app`: the app as a long-running server with Probot's standard
 * environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT,
 * HOST, LOG_LEVEL, GHE_HOST/GHE_PROTOCOL, REDIS_URL, WEBHOOK_PATH). Stateless: run as many as
 * you like behind a load balancer.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { run } from 'probot';
import { PolicyError } from '../src/core/policy/policy-error.js';
import { readAppConfig } from './app-config.js';
import app from './index.js';

/**
 * Largest webhook body accepted, in bytes. Probot reads a webhook body whole into
 * memory before it can check the signature, so without a limit anyone who can
 * reach the server makes it buffer whatever they send. The app's events are far
 * smaller: a check_run carries at most 2 × 65,535 characters of output (under
 * 1 MB even fully escaped), a deployment_protection_rule a few KB. GitHub itself
 * caps deliveries at 25 MB.
 */
const MAX_WEBHOOK_BYTES = 4 * 1024 * 1024;
const WEBHOOK_PATH = process.env.WEBHOOK_PATH ?? '/api/github/webhooks';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts a size check in front of the server's request listeners (Probot's): a POST
 * to the webhook path larger than MAX_WEBHOOK_BYTES gets 413 and is discarded
 * unread; a smaller one is read here and handed on as `req.body`, the raw text
 * @octokit/webhooks verifies. Other requests pass untouched.
 */
function limitWebhookBodies(server: Server): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage & { body?: string }, res: ServerResponse) => {
    const pass = () => listeners.forEach((listener) => listener.call(server, req, res));
    if (req.method !== 'POST' || req.url?.split('?')[0] !== WEBHOOK_PATH) return pass();
    const refuse = () => {
      res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `webhook body larger than ${MAX_WEBHOOK_BYTES} bytes` }));
    };
    if (Number(req.headers['content-length'] ?? 0) > MAX_WEBHOOK_BYTES) {
      refuse();
      req.resume(); // discard the body, keep the connection usable
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_WEBHOOK_BYTES) return;
      size += chunk.length;
      if (size <= MAX_WEBHOOK_BYTES) return void chunks.push(chunk);
      chunks.length = 0;
      refuse();
    });
    req.on('end', () => {
      if (size > MAX_WEBHOOK_BYTES) return;
      req.body = new TextDecoder().decode(Buffer.concat(chunks));
      pass();
    });
  });
}

// Probot's run() keeps its HTTP server to itself; the server announces each request here, synchronously before its listeners run.
const limited = new WeakSet<Server>();
subscribe('http.server.request.start', (message) => {
  const { server } = message as { server: Server };
  if (limited.has(server)) return;
  limited.add(server);
  limitWebhookBodies(server);
});

try {
  // The app's own variables (PROMETHEUS_*): a mistake stops the start with a fix-it message, not a stack trace.
  readAppConfig();
} catch (error: unknown) {
  if (!(error instanceof PolicyError)) throw error;
  process.stderr.write(`deploy-governor app: ${error.message}\n`);
  process.exit(1);
}

await run(app);

/**
 * The app's HTTP server. A webhook delivery is checked (size, signature, JSON)
 * and queued, then answered `202` at once: GitHub wants an answer within 10
 * seconds and does not redeliver by itself, while the work may wait on GitHub's
 * rate limits. The app's own routes (Alertmanager, the sweep) and `/ping` are
 * served beside it, and `GET /deploy-governor/queue` tells an operator (or a
 * load test) how much is waiting.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Probot } from 'probot';
import type { DeliveryQueue } from './queue/delivery-queue.js';
import { sendJson } from './routes/operator-request.js';

/**
 * Largest webhook body accepted. The app's events are far smaller (a check_run
 * carries at most 2 × 65,535 characters of output), and the body must be held
 * whole to check its signature: without a limit anyone who can reach the server
 * could make it buffer whatever they send.
 */
export const MAX_WEBHOOK_BYTES = 4 * 1024 * 1024;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;

export interface WebhookServerOptions {
  probot: Probot;
  queue: DeliveryQueue;
  webhookPath: string;
  routes: RouteHandler[];
}

/** The body, or null when it passed the limit (the connection is drained and answered 413). */
async function readLimited(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
  const tooLarge = () => sendJson(res, 413, { error: `webhook body larger than ${MAX_WEBHOOK_BYTES} bytes` });
  if (Number(req.headers['content-length'] ?? 0) > MAX_WEBHOOK_BYTES) {
    tooLarge();
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_WEBHOOK_BYTES) {
      tooLarge();
      req.resume();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function acceptWebhook(req: IncomingMessage, res: ServerResponse, o: WebhookServerOptions): Promise<void> {
  const body = await readLimited(req, res);
  if (body === null) return;
  const id = req.headers['x-github-delivery'];
  const name = req.headers['x-github-event'];
  const signature = req.headers['x-hub-signature-256'];
  if (typeof id !== 'string' || typeof name !== 'string' || typeof signature !== 'string') {
    sendJson(res, 400, { error: 'missing X-GitHub-Delivery, X-GitHub-Event or X-Hub-Signature-256' });
    return;
  }
  if (!(await o.probot.webhooks.verify(body, signature))) {
    o.probot.log.warn({ delivery: id }, 'webhook signature does not match; nothing done');
    sendJson(res, 401, { error: 'signature does not match' });
    return;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    sendJson(res, 400, { error: 'the body is not JSON' });
    return;
  }
  // Answered only once it is queued: a 202 means the delivery will be handled (or kept among the dead letters).
  await o.queue.push({ id, name, payload, attempts: 0, acceptedAt: Date.now() });
  sendJson(res, 202, { queued: id });
}

export function createWebhookServer(o: WebhookServerOptions): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    void (async () => {
      if (req.method === 'POST' && path === o.webhookPath) return acceptWebhook(req, res, o);
      if (req.method === 'GET' && path === '/ping') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
      if (req.method === 'GET' && path === '/deploy-governor/queue') return sendJson(res, 200, await o.queue.stats());
      for (const route of o.routes) if (await route(req, res)) return;
      sendJson(res, 404, { error: 'not found' });
    })().catch((error: unknown) => {
      o.probot.log.error({ err: error, path }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
}

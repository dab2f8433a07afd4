/**
 * The app's HTTP server. A webhook delivery is checked and, if the app will act
 * on it, stored in the queue, then answered at once: GitHub wants an answer
 * within 10 seconds and does not redeliver by itself, while the work may wait
 * on GitHub's rate limits. The app's own routes (Alertmanager, the sweep),
 * `/ping` (liveness) and `/ready` (readiness) are served beside it.
 *
 * A delivery passes, in this order (each step cheaper than the next):
 *
 * | Check | Answer when it fails |
 * | --- | --- |
 * | `X-GitHub-Delivery`, `X-GitHub-Event` and `X-Hub-Signature-256` present | 400 |
 * | an event the app subscribes to (edge/relevance.ts); others (`ping`, `installation`…) are not even read | 200 `{"ignored"}` |
 * | declared length within the event's limit (edge/edge-limits.ts) | 413 (the body drained, or past 16 draining at once, the connection closed) |
 * | fewer than `bodiesInFlight` bodies being read (default 32) | 503 + `Retry-After`, body unread, connection closed |
 * | body within the limit as it arrives, within Node's request timeout | 413 / 408 |
 * | signature | 401 |
 * | JSON | 400 |
 * | relevant to a handler (edge/relevance.ts) | 200 `{"ignored": why}`, nothing queued |
 * | the queue can store durably (Redis reachable) | 503 + `Retry-After` |
 * | not handled already (same delivery id) | 200 `{"ignored", "duplicate"}` |
 * | the installation has fewer than QUEUE_MAX_PER_INSTALLATION pending | 429 + `Retry-After` |
 *
 * and is then answered `202 {"queued"}`: nothing is acknowledged that was not
 * stored. A redelivery of an id that is still queued or in flight is answered
 * 202 without queueing it twice; of one that failed (waiting for a retry, or a
 * dead letter), 202 and it is handled again.
 *
 * Operator routes (`Authorization: Bearer $OPERATOR_TOKEN`; 401 to everyone
 * while it is unset): `GET /deploy-governor/queue` (how much is waiting, and
 * the busiest installations) and `DELETE /deploy-governor/deliveries/<id>`
 * (forget a handled delivery id, so that GitHub's next redelivery of it is
 * handled: the way to force a replay).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Probot } from 'probot';
import { messageOf } from '../src/github/client.js';
import {
  CONNECTIONS_CHECK_MS,
  DEFAULT_BODIES_IN_FLIGHT,
  EVENT_BODY_LIMIT,
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
} from './edge/edge-limits.js';
import type { ReadinessReport } from './edge/readiness.js';
import { relevanceOf, SUBSCRIBED_EVENTS } from './edge/relevance.js';
import { signatureMatches } from './edge/verify-signature.js';
import type { DeliveryQueue } from './queue/delivery-queue.js';
import { hasBearer, sendJson } from './routes/operator-request.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;

export interface WebhookServerOptions {
  probot: Probot;
  queue: DeliveryQueue;
  webhookPath: string;
  routes: RouteHandler[];
  /** This app's id (its own check runs are the gate's too). */
  appId: number;
  /** WEBHOOK_SECRET, which signs every delivery. */
  webhookSecret: string;
  /** OPERATOR_TOKEN; while null the operator routes answer 401 to everyone. */
  operatorToken: string | null;
  /** Webhook bodies read at once (default 32). */
  bodiesInFlight?: number;
  /** `/ready`'s checks (default: the queue's readiness alone). */
  ready?: () => Promise<ReadinessReport>;
}

const DELIVERY_ROUTE = /^\/deploy-governor\/deliveries\/([A-Za-z0-9._-]{1,100})$/;

/** Answers and closes the connection without reading the request's body (Node discards what still arrives). */
function refuseUnread(res: ServerResponse, status: number, retryAfterSeconds: number, body: unknown): void {
  res.setHeader('connection', 'close');
  res.setHeader('retry-after', String(retryAfterSeconds));
  sendJson(res, status, body);
}

/** Bodies past the limit read to their end (and thrown away) at once, so that their senders get the 413 cleanly. */
const DRAINING_MAX = 16;

/**
 * The body, or null when it passed the limit or the client went away. A body past the limit is answered 413;
 * its rest is read and thrown away (a client still sending may otherwise miss the answer), except past
 * DRAINING_MAX such bodies at once: those connections are closed once the answer is out, unread (draining 4 MiB
 * bodies by the hundred costs memory as well as time).
 */
function readLimited(req: IncomingMessage, res: ServerResponse, limit: number, edge: EdgeState): Promise<Buffer | null> {
  const tooLarge = () => {
    if (edge.draining < DRAINING_MAX) {
      edge.draining += 1;
      req.once('close', () => (edge.draining -= 1));
      req.resume();
    } else {
      res.setHeader('connection', 'close');
    }
    sendJson(res, 413, { error: `webhook body larger than ${limit} bytes` });
  };
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    tooLarge();
    return Promise.resolve(null);
  }
  // 'data' events rather than async iteration: this is the path every dropped delivery takes.
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (body: Buffer | null) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge();
        return settle(null);
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    // The client went away, or Node cut a body slower than its request timeout (and answered 408).
    req.once('close', () => settle(null));
    req.once('error', () => settle(null));
  });
}

/** What a push's outcome is answered. */
function answerPush(res: ServerResponse, id: string, installation: string, pushed: Awaited<ReturnType<DeliveryQueue['push']>>): void {
  switch (pushed.outcome) {
    case 'queued':
      return sendJson(res, 202, { queued: id });
    case 'requeued':
      return sendJson(res, 202, { queued: id, replay: 'every earlier attempt failed: handled again' });
    case 'retry-now':
      return sendJson(res, 202, { queued: id, replay: 'an earlier attempt failed: its retry is brought forward' });
    case 'pending':
      return sendJson(res, 202, { queued: id, replay: 'already queued or being handled: not queued twice' });
    case 'done':
      return sendJson(res, 200, { ignored: 'this delivery was handled already', duplicate: id });
    case 'full':
      res.setHeader('retry-after', '60');
      return sendJson(res, 429, {
        error: `installation ${installation} has ${pushed.pending} deliveries waiting, its limit (QUEUE_MAX_PER_INSTALLATION): redeliver this one once they are handled`,
      });
  }
}

/** The edge's own state: bodies being read or drained, and 429s per installation since its last log line. */
interface EdgeState {
  reading: number;
  /** Bodies past the limit being read and thrown away. */
  draining: number;
  refused: Map<string, { loggedAt: number; refused: number }>;
}

async function acceptWebhook(req: IncomingMessage, res: ServerResponse, o: WebhookServerOptions, edge: EdgeState): Promise<void> {
  const id = req.headers['x-github-delivery'];
  const name = req.headers['x-github-event'];
  const signature = req.headers['x-hub-signature-256'];
  if (typeof id !== 'string' || typeof name !== 'string' || typeof signature !== 'string') {
    sendJson(res, 400, { error: 'missing X-GitHub-Delivery, X-GitHub-Event or X-Hub-Signature-256' });
    return;
  }
  // GitHub sends ping and installation events whatever the subscription: nothing to do, nothing to read.
  if (!SUBSCRIBED_EVENTS.has(name)) return sendJson(res, 200, { ignored: `the app does not handle ${name} events` });
  if (Number(req.headers['content-length'] ?? 0) <= EVENT_BODY_LIMIT && edge.reading >= (o.bodiesInFlight ?? DEFAULT_BODIES_IN_FLIGHT)) {
    return refuseUnread(res, 503, 1, { error: 'too many webhook bodies arriving at once; try again' });
  }
  edge.reading += 1;
  let raw: Buffer | null;
  try {
    raw = await readLimited(req, res, EVENT_BODY_LIMIT, edge);
  } finally {
    edge.reading -= 1;
  }
  if (raw === null) return;
  if (!signatureMatches(o.webhookSecret, raw, signature)) {
    o.probot.log.warn({ delivery: id }, 'webhook signature does not match; nothing done');
    sendJson(res, 401, { error: 'signature does not match' });
    return;
  }
  const body = raw.toString('utf8');
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    sendJson(res, 400, { error: 'the body is not JSON' });
    return;
  }
  const relevance = relevanceOf(name, payload, { appId: o.appId });
  if (!relevance.relevant) {
    if (relevance.suspicious) o.probot.log.warn({ delivery: id, event: name }, `ignoring ${relevance.reason}`);
    return sendJson(res, 200, { ignored: relevance.reason });
  }
  // Answered only once it is stored: a 202 means the delivery will be handled (or kept among the dead letters).
  const unavailable = () => {
    res.setHeader('retry-after', '10');
    sendJson(res, 503, {
      error:
        'the delivery queue cannot store deliveries now (Redis is unreachable); nothing was stored: redeliver this one once /ready answers 200',
    });
  };
  if (!o.queue.ready()) return unavailable();
  let pushed;
  try {
    pushed = await o.queue.push({ id, name, payload, attempts: 0, acceptedAt: Date.now(), installation: relevance.installation }, { body });
  } catch (error: unknown) {
    if (o.queue.ready())
      o.probot.log.warn(
        { delivery: id, event: name, repository: relevance.repository, err: messageOf(error) },
        'could not queue the delivery; answered 503',
      );
    return unavailable();
  }
  if (pushed.outcome === 'full') {
    // One line per installation and minute, with the count refused since the last: a flood would log a flood.
    const seen = edge.refused.get(relevance.installation) ?? { loggedAt: 0, refused: 0 };
    seen.refused += 1;
    if (Date.now() - seen.loggedAt >= 60_000) {
      o.probot.log.warn(
        {
          delivery: id,
          event: name,
          installation: relevance.installation,
          repository: relevance.repository,
          pending: pushed.pending,
          refused: seen.refused,
        },
        'installation at its queue limit (QUEUE_MAX_PER_INSTALLATION): deliveries refused with 429',
      );
      seen.loggedAt = Date.now();
      seen.refused = 0;
    }
    if (edge.refused.size > 10_000) edge.refused.clear();
    edge.refused.set(relevance.installation, seen);
  }
  answerPush(res, id, relevance.installation, pushed);
}

async function operatorRoutes(req: IncomingMessage, res: ServerResponse, path: string, o: WebhookServerOptions): Promise<boolean> {
  const deliveryRoute = DELIVERY_ROUTE.exec(path);
  const queueRoute = req.method === 'GET' && path === '/deploy-governor/queue';
  if (!queueRoute && !(deliveryRoute && req.method === 'DELETE')) return false;
  if (!hasBearer(req, o.operatorToken)) {
    sendJson(res, 401, { error: o.operatorToken ? 'missing or wrong bearer token' : 'the app has no OPERATOR_TOKEN configured' });
    return true;
  }
  if (queueRoute) {
    sendJson(res, 200, await o.queue.stats());
    return true;
  }
  const id = deliveryRoute![1]!;
  const outcome = await o.queue.forget(id);
  if (outcome === 'forgotten') {
    o.probot.log.info({ delivery: id }, 'delivery id forgotten by an operator: its next redelivery is handled');
    sendJson(res, 200, { forgotten: id, next: 'redeliver it from the app settings (Advanced → Recent deliveries): it will be handled' });
  } else if (outcome === 'pending') {
    sendJson(res, 409, { error: `delivery ${id} is queued or being handled; it will be handled without a replay` });
  } else {
    sendJson(res, 404, { error: `no delivery ${id} is remembered: a redelivery of it will be handled` });
  }
  return true;
}

export function createWebhookServer(o: WebhookServerOptions): Server {
  const edge: EdgeState = { reading: 0, draining: 0, refused: new Map() };
  const ready =
    o.ready ??
    (async (): Promise<ReadinessReport> => ({
      ready: o.queue.ready(),
      checks: { queue: o.queue.ready() ? 'ok' : 'unavailable', githubAppJwt: 'ok' },
    }));
  return createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: CONNECTIONS_CHECK_MS,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    },
    (req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      void (async () => {
        if (req.method === 'POST' && path === o.webhookPath) return acceptWebhook(req, res, o, edge);
        if (req.method === 'GET' && path === '/ping') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
        if (req.method === 'GET' && path === '/ready') {
          const report = await ready();
          return sendJson(res, report.ready ? 200 : 503, report);
        }
        if (await operatorRoutes(req, res, path, o)) return;
        for (const route of o.routes) if (await route(req, res)) return;
        sendJson(res, 404, { error: 'not found' });
      })().catch((error: unknown) => {
        o.probot.log.error({ err: messageOf(error), path }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      });
    },
  );
}

/**
 * AWS Lambda entry point: the same app behind a function URL or API Gateway
 * (HTTP API, payload format 2.0; the REST API's 1.0 shape is read too), on the
 * app's own Probot 14 and its own edge code, with no adapter. `npm run bundle`
 * builds it into `dist/app/lambda.js` (handler `lambda.handler`).
 *
 * Cold start: the whole environment is checked as the server checks it
 * (app/app-config.ts `readEnvironment`); a missing or wrong WEBHOOK_SECRET,
 * APP_ID or PRIVATE_KEY throws there, naming each variable, so the function
 * never starts without its configuration (Lambda reports the init error).
 *
 * A delivery is answered, in this order:
 *
 * | Check | Answer when it fails |
 * | --- | --- |
 * | a POST | 405 |
 * | `X-Hub-Signature-256` present | 401 |
 * | body within the server's limit (edge/edge-limits.ts) | 413 |
 * | signature (edge/verify-signature.ts, the server's check) | 401 |
 * | `X-GitHub-Delivery` and `X-GitHub-Event` present | 400 |
 * | JSON | 400 |
 * | an event and a delivery a handler acts on (edge/relevance.ts) | 200 `{"ignored"}` |
 * | the handlers succeed | 500 (GitHub shows it failed; redelivering it is safe) |
 *
 * and then `200 {"handled"}`. There is no queue: the delivery is handled within
 * the invocation, so give the function a timeout under GitHub's 10 s. A Lambda
 * serves webhooks only: the Alertmanager and sweep routes need the server.
 * Nor does it keep timers: a freeze stops counting at its end all the same, and
 * its issue is closed the next time the app reads that repository's freezes
 * (the server closes it on time: app/freezes/freeze-expiry.ts).
 */
import { Probot } from 'probot';
import { messageOf } from '../src/github/client.js';
import { readEnvironment } from './app-config.js';
import { AppOctokit } from './app-octokit.js';
import { probotOptions } from './config/probot-env.js';
import { EVENT_BODY_LIMIT } from './edge/edge-limits.js';
import { relevanceOf, SUBSCRIBED_EVENTS } from './edge/relevance.js';
import { signatureMatches } from './edge/verify-signature.js';
import app from './index.js';
import { describeDelivery, probotEvent } from './queue/run-deliveries.js';

/** The parts of a function URL / API Gateway event the handler reads. */
export interface LambdaHttpEvent {
  /** Lower-cased by function URLs and HTTP APIs; any case from a REST API. */
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
  /** Payload format 2.0. */
  requestContext?: { http?: { method?: string } } | null;
  /** Payload format 1.0. */
  httpMethod?: string;
}

export interface LambdaHttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

// Every variable, Probot's included: throws an EnvironmentError listing each problem (cold start fails).
const env = readEnvironment();
const probot = new Probot({ ...probotOptions(env.probot), Octokit: AppOctokit });
let routesOffered = 0;
// No HTTP server here: the app's own routes are counted, not served.
await probot.load(app, { cwd: process.cwd(), addHandler: () => void (routesOffered += 1) });
if (routesOffered > 0) probot.log.info('AWS Lambda: webhooks only; the Alertmanager and sweep routes need the server (npm start)');

function answer(statusCode: number, body: unknown): LambdaHttpResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function lowerCased(headers: LambdaHttpEvent['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (typeof value === 'string') out[name.toLowerCase()] = value;
  return out;
}

export async function handler(event: LambdaHttpEvent): Promise<LambdaHttpResult> {
  const method = event.requestContext?.http?.method ?? event.httpMethod;
  if (method !== undefined && method.toUpperCase() !== 'POST') return answer(405, { error: 'webhook deliveries are POSTed' });
  const headers = lowerCased(event.headers);
  const signature = headers['x-hub-signature-256'];
  if (signature === undefined) return answer(401, { error: 'missing X-Hub-Signature-256' });
  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.length > EVENT_BODY_LIMIT) return answer(413, { error: `webhook body larger than ${EVENT_BODY_LIMIT} bytes` });
  const id = headers['x-github-delivery'];
  if (!signatureMatches(env.probot.webhookSecret, raw, signature)) {
    probot.log.warn({ delivery: id }, 'webhook signature does not match; nothing done');
    return answer(401, { error: 'signature does not match' });
  }
  const name = headers['x-github-event'];
  if (!id || !name) return answer(400, { error: 'missing X-GitHub-Delivery or X-GitHub-Event' });
  if (!SUBSCRIBED_EVENTS.has(name)) return answer(200, { ignored: `the app does not handle ${name} events` });
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString('utf8'));
  } catch {
    return answer(400, { error: 'the body is not JSON' });
  }
  const relevance = relevanceOf(name, payload, { appId: env.app.appId });
  if (!relevance.relevant) {
    if (relevance.suspicious) probot.log.warn({ delivery: id, event: name }, `ignoring ${relevance.reason}`);
    return answer(200, { ignored: relevance.reason });
  }
  const delivery = { id, name, payload, attempts: 1, acceptedAt: Date.now(), installation: relevance.installation };
  try {
    // probotEvent keeps the payload out of the error Probot logs when a handler fails.
    await probot.receive(probotEvent(delivery) as Parameters<typeof probot.receive>[0]);
  } catch (error: unknown) {
    probot.log.error(
      { ...describeDelivery(delivery), err: messageOf(error) },
      'delivery failed; redeliver it from the app settings once the cause is fixed',
    );
    return answer(500, { error: 'the delivery could not be handled; redelivering it is safe' });
  }
  return answer(200, { handled: id });
}

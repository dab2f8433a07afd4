/**
 * The plumbing of the app's operator routes (Alertmanager, the sweep): bearer
 * authentication in constant time, a bounded JSON body, JSON answers.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Alertmanager groups are small; anything near this is not a webhook of theirs. */
const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body)}\n`);
}

/** True when the request carries `Authorization: Bearer <expected>`; always false while no token is configured. */
export function hasBearer(req: IncomingMessage, expected: string | null): boolean {
  if (!expected) return false;
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** A body the route cannot take, with the HTTP status that says why. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The request's JSON body (undefined when empty); BodyError for one too large or not JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyError(413, `the body is ${declared} bytes; at most ${MAX_BODY_BYTES} are accepted`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, `the body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'the body is not JSON');
  }
}

/** The path of a request without its query string. */
export function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0]!;
}

/**
 * A POST route behind a bearer token: answers 405, 401, 413 and 400 (body not
 * JSON) itself, and hands the parsed body to `handle`, which answers the rest.
 * The returned handler says whether it took the request (Probot's server asks
 * each handler in turn).
 */
export function operatorRoute(
  path: string,
  auth: { token: string | null; variable: string },
  handle: (body: unknown, res: ServerResponse) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    if (pathOf(req) !== path) return false;
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'use POST' });
      return true;
    }
    if (!hasBearer(req, auth.token)) {
      sendJson(res, 401, { error: auth.token ? 'missing or wrong bearer token' : `the app has no ${auth.variable} configured` });
      return true;
    }
    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch (error: unknown) {
      if (!(error instanceof BodyError)) throw error;
      sendJson(res, error.status, { error: error.message });
      return true;
    }
    await handle(body, res);
    return true;
  };
}

/**
 * A local stand-in for the GitHub REST API, for processes nock cannot reach (the
 * bundled action runs in a child process). Routes answer canned responses;
 * every request is recorded and handed to `check` (the OpenAPI checker).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface Route {
  method: string;
  /** Matched against the path without the query string. */
  path: RegExp;
  reply: (req: RecordedRequest) => { status: number; body?: unknown };
}

export interface GitHubStandIn {
  url: string;
  requests: RecordedRequest[];
  /** Problems found by `check`, and requests no route answered. */
  problems: string[];
  stop(): Promise<void>;
}

export async function startGitHubStandIn(routes: Route[], check?: (req: RecordedRequest) => string[]): Promise<GitHubStandIn> {
  const requests: RecordedRequest[] = [];
  const problems: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const path = (req.url ?? '/').split('?')[0]!;
      const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body };
      requests.push(recorded);
      if (check) problems.push(...check(recorded));
      const route = routes.find((r) => r.method === recorded.method && r.path.test(path));
      if (!route) {
        problems.push(`no stand-in route for ${recorded.method} ${path}`);
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Not Found' }));
        return;
      }
      const { status, body: replyBody } = route.reply(recorded);
      res.writeHead(status, { 'content-type': 'application/json' }).end(replyBody === undefined ? '' : JSON.stringify(replyBody));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    problems,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

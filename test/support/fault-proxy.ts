/**
 * An HTTP proxy in front of a real Prometheus that injects faults: delays, 5xx
 * answers that recover, garbage, and dropped connections.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultMode =
  | { kind: 'pass' }
  | { kind: 'delay'; ms: number }
  | { kind: 'fail-then-pass'; status: number; times: number }
  | { kind: 'garbage' }
  | { kind: 'status'; status: number; body: string }
  | { kind: 'drop' };

interface RecordedProxyRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export async function startFaultProxy(target: string) {
  const upstream = new URL(target);
  let mode: FaultMode = { kind: 'pass' };
  let failuresLeft = 0;
  const recordedRequests: RecordedProxyRequest[] = [];
  const state = { requests: 0 };
  const pending = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      state.requests += 1;
      recordedRequests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: body.toString('utf8') });
      const forward = () => {
        const out = httpRequest(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: upstream.host },
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        out.on('error', () => res.destroy());
        out.end(body);
      };
      switch (mode.kind) {
        case 'pass':
          return forward();
        case 'delay': {
          const timer = setTimeout(() => {
            pending.delete(timer);
            if (!res.destroyed) forward();
          }, mode.ms);
          pending.add(timer);
          return;
        }
        case 'fail-then-pass':
          if (failuresLeft > 0) {
            failuresLeft -= 1;
            res.writeHead(mode.status, { 'content-type': 'text/plain' }).end(`upstream unavailable (${mode.status})`);
            return;
          }
          return forward();
        case 'garbage':
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in to continue</body></html>');
          return;
        case 'status':
          res.writeHead(mode.status, { 'content-type': 'application/json' }).end(mode.body);
          return;
        case 'drop':
          req.socket.destroy();
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    recordedRequests,
    get requests() {
      return state.requests;
    },
    setMode(next: FaultMode) {
      mode = next;
      failuresLeft = next.kind === 'fail-then-pass' ? next.times : 0;
    },
    async stop() {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

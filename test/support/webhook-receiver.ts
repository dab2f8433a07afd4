/**
 * A local chat-webhook receiver for the notification tests: node:http on
 * 127.0.0.1 (a free port), recording each JSON body by path, and answering per
 * path with a status after a delay (a slow or failing webhook).
 */
import { createServer } from 'node:http';
import { getFreePort } from '../../scripts/lib/free-port.js';

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port><path>`. */
  url(path: string): string;
  received: { path: string; body: unknown }[];
  /** Per path: the status (default 200) and how long to wait before answering. */
  behaviour: Record<string, { status?: number; delayMs?: number }>;
  stop(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const port = await getFreePort();
  const receiver: WebhookReceiver = {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received: [],
    behaviour: {},
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      receiver.received.push({ path, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const b = receiver.behaviour[path] ?? {};
      const timer = setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(b.status ?? 200, { 'content-type': 'text/plain' });
        res.end(b.status && b.status >= 400 ? `no_service for ${path}` : 'ok');
      }, b.delayMs ?? 0);
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return receiver;
}

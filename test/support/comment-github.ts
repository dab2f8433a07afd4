/**
 * GitHub as far as a blocked check run needs it (installation tokens, and the
 * comments of any pull request in the examples' repository), with faults on
 * demand: slow comment reads (to hold the app's workers) and refused comment
 * writes. For the edge and outage tests of the real server.
 */
import { createServer, type Server } from 'node:http';
import { APP_ID } from './probot-harness.js';
import { OWNER, REPO } from './webhook-payloads.js';

export interface CommentGitHub {
  url: string;
  requests: { method: string; path: string; at: number }[];
  /** Comments per issue (pull request) number. */
  comments: Map<number, { id: number; body: string }[]>;
  /** Issue numbers whose comment POST answers 422 (Octokit's retry plugin leaves a 422 alone). */
  failing: Set<number>;
  /** Delay of every comments GET, in ms. */
  delayMs: number;
  stop(): Promise<void>;
}

export async function startCommentGitHub(): Promise<CommentGitHub> {
  const fake = { requests: [], comments: new Map(), failing: new Set(), delayMs: 0 } as unknown as CommentGitHub;
  let next = 1;
  const comments = new RegExp(`^/api/v3/repos/${OWNER}/${REPO}/issues/(\\d+)/comments$`);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const path = (req.url ?? '/').split('?')[0]!;
        fake.requests.push({ method: req.method!, path, at: Date.now() });
        const json = (status: number, body: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (/^\/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(path))
          return json(201, { token: 'ghs_fake', expires_at: '2999-01-01T00:00:00Z' });
        const m = comments.exec(path);
        if (!m) return json(404, { message: 'Not Found' });
        const issue = Number(m[1]);
        const list = fake.comments.get(issue) ?? [];
        if (req.method === 'GET') {
          if (fake.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.delayMs));
          return json(
            200,
            list.map((c) => ({ ...c, performed_via_github_app: { id: APP_ID } })),
          );
        }
        if (fake.failing.has(issue)) return json(422, { message: 'Validation Failed' });
        const comment = { id: next++, body: (JSON.parse(Buffer.concat(chunks).toString()) as { body: string }).body };
        fake.comments.set(issue, [...list, comment]);
        return json(201, { ...comment, performed_via_github_app: { id: APP_ID } });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  fake.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}

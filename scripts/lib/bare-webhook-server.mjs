// The yardstick of the app's edge in `npm run bench`: a bare node:http server
// doing what any webhook receiver must do with a delivery, and nothing more:
// read the body, check its X-Hub-Signature-256 (node:crypto, constant time),
// parse the JSON, answer 200. Plain Node, no dependencies: run as
// `WEBHOOK_SECRET=… PORT=… node scripts/lib/bare-webhook-server.mjs`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.WEBHOOK_SECRET ?? '';
const port = Number(process.env.PORT);

createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const signature = String(req.headers['x-hub-signature-256'] ?? '');
    const given = Buffer.from(signature.slice('sha256='.length), 'hex');
    const want = createHmac('sha256', secret).update(body).digest();
    if (given.length !== want.length || !timingSafeEqual(given, want)) {
      res.writeHead(401).end();
      return;
    }
    const payload = JSON.parse(body.toString('utf8'));
    res.writeHead(200, { 'content-type': 'application/json' }).end(`${JSON.stringify({ ignored: typeof payload })}\n`);
  });
}).listen(port, '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));

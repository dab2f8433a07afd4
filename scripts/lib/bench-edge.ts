/**
 * The app's edge and its queue's fairness, measured for `npm run bench`
 * (scripts/bench-app.ts records them under `app.edge` and `app.fairness`).
 *
 * **Drops per second.** An organisation-wide installation receives a check run
 * for every check of every app; the app must turn those away cheaply. A 20 KB
 * signed `check_run` that is not the gate's goes, over keep-alive connections
 * at fixed concurrency, to (1) a bare node:http server doing the same
 * signature check and JSON parse (the yardstick, scripts/lib/bare-webhook-server.mjs),
 * (2) the compiled app with its in-memory queue, (3) the app with Redis. The
 * three run side by side, each warmed up, and each round times `requests`
 * drops on each in turn; the figures are the medians over rounds, and the
 * ratios to the yardstick are the targets (≥ 0.8 memory, ≥ 0.6 Redis).
 *
 * **Fairness of the queue.** In this process, against each store: installation
 * A floods the queue while installation B sends a steady trickle; B's handling
 * latency (accepted to handled) is compared with the same run where every
 * delivery shares one queue (what the single FIFO did before).
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import path from 'node:path';
import pino from 'pino';
import type { QueuedDelivery } from '../../app/queue/delivery-queue.js';
import { createMemoryDeliveryQueue } from '../../app/queue/memory-delivery-queue.js';
import { createRedisDeliveryQueue } from '../../app/queue/redis-delivery-queue.js';
import { runDeliveries } from '../../app/queue/run-deliveries.js';
import { startLocalOidcIssuer } from '../../test/support/oidc-issuer.js';
import { checkRunCompleted } from '../../test/support/webhook-payloads.js';
import { appPid, cpuMsOf } from './app-cpu.js';
import { startAppInstance, type AppInstanceOptions } from './app-instances.js';
import { buildMix } from './app-load-mix.js';
import { getFreePort } from './free-port.js';
import { startGitHubStateStandIn } from './github-state-stand-in.js';
import { startRedis } from './redis-server.js';
import { driveDeliveries, percentile, sign, waitForDrained } from './webhook-load.js';

const root = path.resolve(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (x: number, digits = 0) => Number(x.toFixed(digits));

export const EDGE_TARGETS = { memoryRatio: 0.8, redisRatio: 0.6 };

export interface EdgeBenchOptions {
  /** Timed drops per server per round. */
  requests: number;
  rounds: number;
  concurrency: number;
  /** Size of the irrelevant check_run's body. */
  bodyBytes: number;
}

/** A signed check run of another app's check (`ci / build`), padded to `bytes`. */
function irrelevantCheckRun(bytes: number): Buffer {
  const payload = checkRunCompleted({ report: null, name: 'ci / build' }) as { check_run: { output: Record<string, unknown> } };
  payload.check_run.output.summary = '';
  const bare = Buffer.byteLength(JSON.stringify(payload));
  payload.check_run.output.summary = 'x'.repeat(Math.max(0, bytes - bare));
  return Buffer.from(JSON.stringify(payload));
}

/** `requests` posts of `body` at `concurrency` over keep-alive connections; drops per second and the statuses seen. */
async function hammer(
  url: string,
  body: Buffer,
  signature: string,
  requests: number,
  concurrency: number,
): Promise<{ perSecond: number; statuses: Record<string, number> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const statuses: Record<string, number> = {};
  let sent = 0;
  const one = (id: number) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            'x-github-event': 'check_run',
            'x-github-delivery': `drop-${id}`,
            'x-hub-signature-256': signature,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < requests) {
        const status = await one(sent++);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { perSecond: requests / seconds, statuses };
}

async function startYardstick(secret: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await getFreePort();
  const child = spawn(process.execPath, ['--max-old-space-size=160', path.join(root, 'scripts/lib/bare-webhook-server.mjs')], {
    env: { WEBHOOK_SECRET: secret, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the yardstick server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    pid: child.pid!,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface EdgeBenchResult {
  measuredAt: string;
  options: EdgeBenchOptions;
  targets: typeof EDGE_TARGETS;
  /** Median drops per second. */
  yardstick: number;
  memory: number;
  redis: number;
  /** Medians' ratios to the yardstick's median. */
  memoryRatio: number;
  redisRatio: number;
  /** Medians of each round's ratios (each pair measured a few seconds apart: less exposed to drift). */
  memoryRatioOfRounds: number;
  redisRatioOfRounds: number;
  /**
   * Drops per second of the server's own CPU time (user + system, /proc): what one dedicated core would take.
   * Unlike drops per second it does not move with whatever else the machine runs; medians over rounds.
   */
  perCpuSecond: { yardstick: number; memory: number; redis: number; memoryRatio: number; redisRatio: number };
  /** Every round's figures, in order. */
  rounds: { yardstick: number; memory: number; redis: number }[];
  /** Answers other than 200 `{"ignored"}` (must be none). */
  unexpectedStatuses: Record<string, number>;
}

export async function benchEdgeDrops(o: EdgeBenchOptions, app: Omit<AppInstanceOptions, 'redisUrl'>): Promise<EdgeBenchResult> {
  const body = irrelevantCheckRun(o.bodyBytes);
  const signature = sign(app.webhookSecret, body.toString('utf8'));
  const unexpected: Record<string, number> = {};
  const perCpu = { yardstick: [] as number[], memory: [] as number[], redis: [] as number[] };
  const measure = async (name: keyof typeof perCpu, url: string, pid: number) => {
    await sleep(200);
    const cpuBefore = cpuMsOf(pid)!;
    const r = await hammer(url, body, signature, o.requests, o.concurrency);
    perCpu[name].push(o.requests / ((cpuMsOf(pid)! - cpuBefore) / 1000));
    for (const [status, n] of Object.entries(r.statuses)) if (status !== '200') unexpected[status] = (unexpected[status] ?? 0) + n;
    return r.perSecond;
  };
  // All three up at once (idle workers poll rarely), each warmed up, then measured in turn round after round:
  // whatever else the machine does drifts over all three alike.
  const rounds: EdgeBenchResult['rounds'] = [];
  const redisServer = await startRedis();
  const servers: { stop(): Promise<void> }[] = [];
  try {
    const yard = await startYardstick(app.webhookSecret);
    servers.push(yard);
    const plain = await startAppInstance(app);
    servers.push(plain);
    const withRedis = await startAppInstance({ ...app, redisUrl: redisServer.url });
    servers.push(withRedis);
    const urls = { yardstick: yard.url, memory: plain.webhookUrl, redis: withRedis.webhookUrl };
    const pids = { yardstick: yard.pid, memory: appPid(plain.baseUrl)!, redis: appPid(withRedis.baseUrl)! };
    for (const url of Object.values(urls)) await hammer(url, body, signature, Math.min(3000, o.requests), o.concurrency);
    for (let i = 0; i < o.rounds; i++) {
      const r = { yardstick: 0, memory: 0, redis: 0 };
      for (const name of ['yardstick', 'memory', 'redis'] as const) r[name] = round(await measure(name, urls[name], pids[name]));
      rounds.push(r);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await redisServer.stop();
  }
  const yardstick = median(rounds.map((r) => r.yardstick));
  const memory = median(rounds.map((r) => r.memory));
  const redis = median(rounds.map((r) => r.redis));
  return {
    measuredAt: new Date().toISOString(),
    options: o,
    targets: EDGE_TARGETS,
    yardstick,
    memory,
    redis,
    memoryRatio: round(memory / yardstick, 2),
    redisRatio: round(redis / yardstick, 2),
    memoryRatioOfRounds: round(median(rounds.map((r) => r.memory / r.yardstick)), 2),
    perCpuSecond: {
      yardstick: round(median(perCpu.yardstick)),
      memory: round(median(perCpu.memory)),
      redis: round(median(perCpu.redis)),
      memoryRatio: round(median(perCpu.memory) / median(perCpu.yardstick), 2),
      redisRatio: round(median(perCpu.redis) / median(perCpu.yardstick), 2),
    },
    redisRatioOfRounds: round(median(rounds.map((r) => r.redis / r.yardstick)), 2),
    rounds,
    unexpectedStatuses: unexpected,
  };
}

export interface FairnessBenchOptions {
  /** Deliveries installation A pushes at once. */
  flood: number;
  /** Deliveries installation B sends meanwhile, one every `quietEveryMs`. */
  quiet: number;
  quietEveryMs: number;
  /** How long one handling takes (a GitHub round trip or two). */
  handlerMs: number;
  concurrency: number;
}

interface FairnessRun {
  /** B's handling latency (accepted to handled), ms. */
  quietP50Ms: number;
  quietP99Ms: number;
  quietMaxMs: number;
  /** Until A's flood was handled, s. */
  floodSeconds: number;
}

/** One flood against one store; `oneQueue` puts every delivery in one installation's queue, as the single FIFO did. */
async function fairnessRun(store: 'memory' | 'redis', redisUrl: string, o: FairnessBenchOptions, oneQueue: boolean): Promise<FairnessRun> {
  const queue =
    store === 'memory'
      ? createMemoryDeliveryQueue({ maxPerInstallation: o.flood + o.quiet })
      : createRedisDeliveryQueue(redisUrl, { maxPerInstallation: o.flood + o.quiet });
  const quiet: number[] = [];
  let floodDone = 0;
  const started = Date.now();
  let floodEnded = 0;
  const workers = runDeliveries(
    queue,
    async (d) => {
      await sleep(o.handlerMs);
      if (d.id.startsWith('quiet-')) quiet.push(Date.now() - d.acceptedAt);
      else if (++floodDone === o.flood) floodEnded = Date.now();
    },
    // One queue for everything had no share either: every worker took the next delivery.
    { concurrency: o.concurrency, installationShare: oneQueue ? 1 : undefined, log: pino({ level: 'silent' }) },
  );
  const delivery = (id: string, installation: string): QueuedDelivery => ({
    id,
    name: 'check_run',
    payload: {},
    attempts: 0,
    acceptedAt: Date.now(),
    installation: oneQueue ? 'all' : installation,
  });
  for (let i = 0; i < o.flood; i++) await queue.push(delivery(`flood-${store}-${oneQueue}-${i}`, 'A'));
  for (let i = 0; i < o.quiet; i++) {
    await queue.push(delivery(`quiet-${store}-${oneQueue}-${i}`, 'B'));
    await sleep(o.quietEveryMs);
  }
  while (quiet.length < o.quiet || floodDone < o.flood) await sleep(20);
  await workers.stop(1000);
  await queue.close();
  return {
    quietP50Ms: percentile(quiet, 50),
    quietP99Ms: percentile(quiet, 99),
    quietMaxMs: Math.max(...quiet),
    floodSeconds: round((floodEnded - started) / 1000, 1),
  };
}

export interface QueueFairnessResult {
  measuredAt: string;
  options: FairnessBenchOptions;
  memory: { fair: FairnessRun; oneQueue: FairnessRun };
  redis: { fair: FairnessRun; oneQueue: FairnessRun };
}

export async function benchQueueFairness(o: FairnessBenchOptions): Promise<QueueFairnessResult> {
  const redis = await startRedis();
  try {
    const result = { measuredAt: new Date().toISOString(), options: o } as QueueFairnessResult;
    for (const store of ['memory', 'redis'] as const) {
      result[store] = { fair: await fairnessRun(store, redis.url, o, false), oneQueue: await fairnessRun(store, redis.url, o, true) };
    }
    return result;
  } finally {
    await redis.stop();
  }
}

export interface ServerFairnessOptions {
  /** Deliveries installation A sends at once (concurrency 50): repeated blocks on one pull request. */
  flood: number;
  /** Deliveries installation B sends meanwhile, one every `quietEveryMs`. */
  quiet: number;
  quietEveryMs: number;
  redis: boolean;
}

export interface ServerFairnessResult extends FairnessRun {
  redis: boolean;
  /** B's deliveries handled (all of them). */
  quietHandled: number;
  /** A's deliveries acknowledged 202. */
  floodAcknowledged: number;
}

/**
 * The compiled app (one instance, with or without Redis) against the stateful
 * GitHub stand-in: installation A floods it while installation B sends a
 * trickle; B's handling latency comes from the app's own `delivery handled`
 * lines (LOG_LEVEL=debug: accepted to handled).
 */
export async function benchServerFairness(
  o: ServerFairnessOptions,
  app: Omit<AppInstanceOptions, 'redisUrl' | 'githubUrl'>,
): Promise<ServerFairnessResult> {
  const github = await startGitHubStateStandIn({ app: { id: app.appId, slug: 'deploy-governor' } });
  const issuer = await startLocalOidcIssuer();
  const redis = o.redis ? await startRedis() : null;
  try {
    const instance = await startAppInstance({
      ...app,
      githubUrl: github.url,
      logLevel: 'debug',
      env: { ...app.env, GITHUB_OIDC_ISSUER: issuer.url },
      ...(redis ? { redisUrl: redis.url } : {}),
    });
    try {
      // Two pull requests in two installations, blocks only: A's and B's deliveries alternate in the mix.
      const mix = await buildMix(github.state, {
        deliveries: 2 * Math.max(o.flood, o.quiet),
        pullRequests: 2,
        installations: 2,
        issuer,
        schedule: ['block'],
      });
      const of = (installation: number) => mix.filter((d) => (d.payload.installation as { id: number }).id === installation);
      const flood = of(10_000).slice(0, o.flood);
      const quiet = of(10_001).slice(0, o.quiet);
      const target = { targets: [instance.webhookUrl], secret: app.webhookSecret };
      const started = Date.now();
      const flooding = driveDeliveries(flood, { ...target, concurrency: 50, idPrefix: 'flood' });
      for (let i = 0; i < quiet.length; i++) {
        await driveDeliveries([quiet[i]!], { ...target, concurrency: 1, idPrefix: `quiet-${i}` });
        await sleep(o.quietEveryMs);
      }
      const floodResults = await flooding;
      await waitForDrained([instance.baseUrl]);
      const handled = instance
        .lines()
        .filter((l) => l.includes('"msg":"delivery handled"'))
        .map((l) => JSON.parse(l) as { delivery: string; ms: number; time: number });
      const quietMs = handled.filter((h) => h.delivery.startsWith('quiet-')).map((h) => h.ms);
      const floodEnd = Math.max(...handled.filter((h) => h.delivery.startsWith('flood-')).map((h) => h.time));
      return {
        redis: o.redis,
        quietHandled: quietMs.length,
        floodAcknowledged: floodResults.filter((r) => r.status === 202).length,
        quietP50Ms: percentile(quietMs, 50),
        quietP99Ms: percentile(quietMs, 99),
        quietMaxMs: Math.max(...quietMs),
        floodSeconds: round((floodEnd - started) / 1000, 1),
      };
    } finally {
      await instance.stop();
    }
  } finally {
    await issuer.stop();
    await redis?.stop();
    await github.stop();
  }
}

/**
 * The app under load (part of `npm run bench`; alone: `npx tsx scripts/bench-app.ts`).
 *
 * The real server (`npm run app`) against the stateful GitHub stand-in on
 * loopback: a mix of signed check-run deliveries (blocks, unblocks, racing
 * first blocks, overrides) over many pull requests, at fixed concurrency.
 * Three kinds of run, each on a fresh stand-in:
 *   1. one instance;
 *   2. two instances sharing Redis (Probot's throttling), alternate deliveries to each:
 *      the final state must equal run 1's;
 *   3. one run per injected GitHub fault;
 *   4. the edge and the queue's fairness (scripts/lib/bench-edge.ts): drops per second of an irrelevant
 *      20 KB check_run next to a bare node:http yardstick, and one installation's latency under another's
 *      flood. Alone: `npx tsx scripts/bench-app.ts --edge`.
 * Every request the stand-in receives is checked against GitHub's OpenAPI
 * description. Figures are printed and merged under `app` into
 * scripts/bench-results.json (the last run's, committed).
 *
 * Environment: BENCH_APP_DELIVERIES (2000), BENCH_APP_CONCURRENCY (50),
 * BENCH_APP_PULL_REQUESTS (200), BENCH_APP_INSTALLATIONS (200),
 * BENCH_APP_FAULT_DELIVERIES (500), BENCH_APP_FAULTS (comma-separated kinds; all).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCpuMeter } from './lib/app-cpu.js';
import { buildApp, generateAppKey, startAppInstances } from './lib/app-instances.js';
import { benchEdgeDrops, benchQueueFairness, benchServerFairness, EDGE_TARGETS } from './lib/bench-edge.js';
import { buildMix } from './lib/app-load-mix.js';
import { startGitHubStateStandIn, type FaultKind, type FaultPlan } from './lib/github-state-stand-in.js';
import { startRedis } from './lib/redis-server.js';
import {
  checkInvariants,
  driveDeliveries,
  finalState,
  invariantsHold,
  percentile,
  waitForDrained,
  type DeliveryResult,
  type InvariantReport,
} from './lib/webhook-load.js';
import { startLocalOidcIssuer } from '../test/support/oidc-issuer.js';
import { checkRequestAgainstOpenApi } from '../test/support/openapi-checker.js';

const root = path.resolve(import.meta.dirname, '..');
const AUDIT = { branch: 'deploy-governor-audit', path: 'audit/overrides.jsonl' };
const SECRET = 'bench-webhook-secret';
export const APP_ID = 4242;
let privateKey: string | undefined;

export const TARGETS = { p99Ms: 1000, peakRssMb: 200, quotaCountedPerDelivery: 2 };

/** The faults, one per run, each at a share that leaves most requests clean. */
export const FAULTS: Record<FaultKind, FaultPlan> = {
  'server-error': { kind: 'server-error', share: 0.05 },
  'audit-conflict': { kind: 'audit-conflict', share: 0.3 },
  'secondary-rate-limit': { kind: 'secondary-rate-limit', share: 0.03, retryAfterSeconds: 1 },
  slow: { kind: 'slow', share: 0.02, delayMs: 3000 },
  drop: { kind: 'drop', share: 0.03 },
};

export interface AppBenchOptions {
  deliveries: number;
  concurrency: number;
  pullRequests: number;
  installations: number;
  faultDeliveries: number;
  faults: FaultKind[];
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): AppBenchOptions {
  const n = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer; got ${env[name]}`);
    return value;
  };
  const faults = (env.BENCH_APP_FAULTS ?? Object.keys(FAULTS).join(',')).split(',').filter(Boolean) as FaultKind[];
  for (const f of faults)
    if (!(f in FAULTS)) throw new Error(`BENCH_APP_FAULTS: unknown fault ${f} (known: ${Object.keys(FAULTS).join(', ')})`);
  const pullRequests = n('BENCH_APP_PULL_REQUESTS', 200);
  return {
    deliveries: n('BENCH_APP_DELIVERIES', 2000),
    concurrency: n('BENCH_APP_CONCURRENCY', 50),
    pullRequests,
    installations: Math.min(pullRequests, n('BENCH_APP_INSTALLATIONS', 200)),
    faultDeliveries: n('BENCH_APP_FAULT_DELIVERIES', 500),
    faults,
  };
}

export interface LoadRunResult {
  instances: number;
  redis: boolean;
  fault: FaultPlan | null;
  deliveries: number;
  /** Until every delivery was answered (queued). */
  answeredSeconds: number;
  /** Until every queue had drained: the throughput's time. */
  seconds: number;
  /** Deliveries handled per second, from the first sent to the last one done. */
  deliveriesPerSecond: number;
  /** Deliveries that failed every attempt (kept by the app, reported here as lost work). */
  deadLetters: number;
  /** Failed handling attempts the app surfaced (logged) and queued for a retry. */
  attemptsRetried: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers by HTTP status (0: none within 15 s). */
  statuses: Record<string, number>;
  peakRssMb: number;
  githubRequests: number;
  githubRequestsPerDelivery: number;
  /** Deliveries acknowledged (2xx), hence handled once the queues drained: the denominator of the per-delivery costs below. */
  handledDeliveries: number;
  /** GitHub requests per handled delivery: every request, 304s included. */
  githubRequestsPerHandled: number;
  /**
   * Requests that count against the installation's quota (sent with its token, all but the 304s), in total and
   * per handled delivery. Creating installation tokens (authenticated as the app, with a JWT) counts against
   * the app's own limit instead: `githubAppAuthenticated`.
   */
  githubQuotaCounted: number;
  githubAppAuthenticated: number;
  quotaCountedPerHandled: number;
  /** Conditional GETs GitHub answered 304 Not Modified (not counted against the quota), in total and per handled delivery. */
  githubNotModified: number;
  notModifiedPerHandled: number;
  /** Requests per operation (304s included), and the 304s per operation. */
  githubByOperation: Record<string, number>;
  githubNotModifiedByOperation: Record<string, number>;
  /** CPU time (user + system) of the app processes from the first delivery until the queues drained, in total and per handled delivery. */
  appCpuMs: number;
  appCpuMsPerHandled: number;
  faultedRequests: number;
  invariants: InvariantReport;
  /** OpenAPI problems and unrouted requests seen by the stand-in. */
  apiProblems: string[];
  /** Error-level lines the app logged (a failure after a 202 shows only here). */
  appErrors: string[];
  final: ReturnType<typeof finalState>;
  results: DeliveryResult[];
}

export interface LoadRunOptions {
  deliveries: number;
  concurrency: number;
  pullRequests: number;
  installations: number;
  instances: number;
  redis: boolean;
  fault?: FaultPlan;
  seed?: number;
  idPrefix: string;
  /** The mix's schedule (default: app-load-mix's). */
  schedule?: (string | string[])[];
  /** More environment for the app instances (e.g. QUEUE_RETRY_BASE for a short test). */
  appEnv?: Record<string, string>;
}

/** One load run on a fresh stand-in, fresh app instances (and Redis when asked); everything is stopped afterwards. */
export async function runLoad(o: LoadRunOptions): Promise<LoadRunResult> {
  const github = await startGitHubStateStandIn({ app: { id: APP_ID, slug: 'deploy-governor' }, check: checkRequestAgainstOpenApi });
  const redis = o.redis ? await startRedis() : null;
  // Overrides are logged only with a valid OIDC token: a local issuer signs them and the instances trust it.
  const issuer = await startLocalOidcIssuer();
  try {
    const env = { GITHUB_OIDC_ISSUER: issuer.url, ...o.appEnv };
    const apps = await startAppInstances(o.instances, {
      appId: APP_ID,
      privateKey: (privateKey ??= generateAppKey()),
      webhookSecret: SECRET,
      githubUrl: github.url,
      ...(redis ? { redisUrl: redis.url } : {}),
      env,
    });
    try {
      const mix = await buildMix(github.state, {
        deliveries: o.deliveries,
        pullRequests: o.pullRequests,
        installations: o.installations,
        issuer,
        ...(o.schedule ? { schedule: o.schedule } : {}),
      });
      github.resetStats();
      github.setFault(o.fault ?? null, o.seed ?? 42);
      const cpu = startCpuMeter(apps.map((a) => a.baseUrl));
      const started = performance.now();
      const results = await driveDeliveries(mix, {
        targets: apps.map((a) => a.webhookUrl),
        secret: SECRET,
        concurrency: o.concurrency,
        idPrefix: o.idPrefix,
      });
      const answeredSeconds = (performance.now() - started) / 1000;
      // Answered means queued: the state is judged once every queue has drained (the fault stays on meanwhile;
      // a delivery whose attempt failed waits for its retry, so this includes the retries).
      const queues = await waitForDrained(apps.map((a) => a.baseUrl));
      const seconds = (performance.now() - started) / 1000;
      const appCpuMs = cpu.stop();
      const handled = results.filter((x) => x.status >= 200 && x.status < 300).length;
      const perHandled = (n: number) => round(n / Math.max(1, handled), 2);
      github.setFault(null);
      const latencies = results.map((r) => r.ms);
      const statuses: Record<string, number> = {};
      for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      const peakRssMb = Math.max(...apps.map((a) => a.peakRssMb()));
      return {
        instances: o.instances,
        redis: o.redis,
        fault: o.fault ?? null,
        deliveries: results.length,
        answeredSeconds: round(answeredSeconds, 2),
        seconds: round(seconds, 2),
        deliveriesPerSecond: round(results.length / seconds, 1),
        deadLetters: redisShared(o) ? queues[0]!.dead : queues.reduce((n, q) => n + q.dead, 0),
        p50Ms: Math.round(percentile(latencies, 50)),
        p95Ms: Math.round(percentile(latencies, 95)),
        p99Ms: Math.round(percentile(latencies, 99)),
        maxMs: Math.round(Math.max(...latencies)),
        statuses,
        peakRssMb: round(peakRssMb, 1),
        githubRequests: github.stats.total,
        githubRequestsPerDelivery: round(github.stats.total / results.length, 2),
        handledDeliveries: handled,
        githubRequestsPerHandled: perHandled(github.stats.total),
        githubQuotaCounted: github.stats.quotaCounted,
        githubAppAuthenticated: github.stats.appAuthenticated,
        quotaCountedPerHandled: perHandled(github.stats.quotaCounted),
        githubNotModified: github.stats.notModified,
        notModifiedPerHandled: perHandled(github.stats.notModified),
        githubByOperation: { ...github.stats.byOperation },
        githubNotModifiedByOperation: { ...github.stats.notModifiedByOperation },
        appCpuMs: Math.round(appCpuMs),
        appCpuMsPerHandled: round(appCpuMs / Math.max(1, handled), 1),
        faultedRequests: github.stats.faulted,
        invariants: checkInvariants(github.state, results, AUDIT),
        apiProblems: [...new Set(github.problems)],
        appErrors: apps.flatMap((a) => a.errors()),
        attemptsRetried: apps.reduce((n, a) => n + a.retries(), 0),
        final: finalState(github.state, AUDIT),
        results,
      };
    } finally {
      await Promise.all(apps.map((a) => a.stop()));
    }
  } finally {
    await issuer.stop();
    await redis?.stop();
    await github.stop();
  }
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
/** With Redis every instance reports the one shared queue. */
const redisShared = (o: LoadRunOptions) => o.redis && o.instances > 1;
const ok = (r: LoadRunResult) => r.results.filter((x) => x.status >= 200 && x.status < 300).length;

function summary(r: LoadRunResult) {
  const { results: _results, final: _final, appErrors, ...rest } = r;
  // Errors surfaced: deliveries answered with an error status, and failures the app logged (after a 202 only the log shows them).
  return { ...rest, acknowledged: ok(r), errorsSurfaced: r.deliveries - ok(r), appErrorsLogged: appErrors.length };
}

export async function benchApp(o: AppBenchOptions = optionsFromEnv()) {
  await buildApp();
  const base = { deliveries: o.deliveries, concurrency: o.concurrency, pullRequests: o.pullRequests, installations: o.installations };
  const one = await runLoad({ ...base, instances: 1, redis: false, idPrefix: 'one' });
  const two = await runLoad({ ...base, instances: 2, redis: true, idPrefix: 'two' });
  const sameAsOne = JSON.stringify(two.final) === JSON.stringify(one.final);
  const faults: Record<string, ReturnType<typeof summary>> = {};
  // Fault runs are shorter: fewer pull requests, the same deliveries per pull request (so each still sees overrides).
  const faultPulls = Math.max(1, Math.round((o.pullRequests * o.faultDeliveries) / o.deliveries));
  const faultBase = {
    ...base,
    deliveries: o.faultDeliveries,
    pullRequests: faultPulls,
    installations: Math.min(faultPulls, o.installations),
  };
  for (const kind of o.faults) {
    const run = await runLoad({ ...faultBase, instances: 1, redis: false, fault: FAULTS[kind], seed: 7, idPrefix: `fault-${kind}` });
    faults[kind] = summary(run);
  }
  const app = {
    measuredAt: new Date().toISOString(),
    options: o,
    targets: TARGETS,
    oneInstance: summary(one),
    twoInstancesWithRedis: { ...summary(two), sameFinalStateAsOneInstance: sameAsOne },
    faults,
    ...(await benchEdgeAndFairness()),
  };
  print(app);
  return app;
}

/**
 * The edge (drops per second of an irrelevant 20 KB check_run, next to a bare node:http yardstick) and the
 * queue's fairness (a flood from one installation, another's latency), scripts/lib/bench-edge.ts.
 * Alone: `npx tsx scripts/bench-app.ts --edge` (merged into the results' `app` section).
 * BENCH_EDGE_REQUESTS (10000 per server and round), BENCH_EDGE_ROUNDS (3), BENCH_FAIRNESS_FLOOD (1000).
 */
export async function benchEdgeAndFairness(env: NodeJS.ProcessEnv = process.env) {
  await buildApp();
  const instance = { appId: APP_ID, privateKey: (privateKey ??= generateAppKey()), webhookSecret: SECRET, githubUrl: 'http://127.0.0.1:9' };
  const edge = await benchEdgeDrops(
    {
      requests: Number(env.BENCH_EDGE_REQUESTS ?? 10_000),
      rounds: Number(env.BENCH_EDGE_ROUNDS ?? 3),
      concurrency: 16,
      bodyBytes: 20 * 1024,
    },
    instance,
  );
  const flood = Number(env.BENCH_FAIRNESS_FLOOD ?? 1000);
  const queue = await benchQueueFairness({ flood, quiet: 100, quietEveryMs: 50, handlerMs: 20, concurrency: 16 });
  const server = [];
  for (const redis of [false, true]) server.push(await benchServerFairness({ flood, quiet: 50, quietEveryMs: 100, redis }, instance));
  const result = { edge, fairness: { measuredAt: new Date().toISOString(), queue, server } };
  printEdgeAndFairness(result);
  return result;
}

function printEdgeAndFairness({ edge, fairness }: Awaited<ReturnType<typeof benchEdgeAndFairness>>) {
  const verdict = (good: boolean) => (good ? 'OK' : 'UNDER TARGET');
  console.log(
    `edge: drops/s of a ${edge.options.bodyBytes / 1024} KB irrelevant check_run at concurrency ${edge.options.concurrency} (medians of ${edge.options.rounds} rounds of ${edge.options.requests})`,
  );
  console.log(
    `  bare node:http yardstick ${edge.yardstick}; app, memory queue ${edge.memory} (${edge.memoryRatio}, target >= ${EDGE_TARGETS.memoryRatio}) ${verdict(edge.memoryRatio >= EDGE_TARGETS.memoryRatio)}; app, Redis ${edge.redis} (${edge.redisRatio}, target >= ${EDGE_TARGETS.redisRatio}) ${verdict(edge.redisRatio >= EDGE_TARGETS.redisRatio)}`,
  );
  console.log(
    `  per second of the server's own CPU: yardstick ${edge.perCpuSecond.yardstick}, memory ${edge.perCpuSecond.memory} (${edge.perCpuSecond.memoryRatio}), Redis ${edge.perCpuSecond.redis} (${edge.perCpuSecond.redisRatio})`,
  );
  console.log(
    `  per round: ${edge.rounds.map((r) => `${r.yardstick}/${r.memory}/${r.redis}`).join(', ')} (median ratios of rounds ${edge.memoryRatioOfRounds} memory, ${edge.redisRatioOfRounds} Redis)`,
  );
  if (Object.keys(edge.unexpectedStatuses).length > 0) console.log(`  UNEXPECTED answers: ${JSON.stringify(edge.unexpectedStatuses)}`);
  const q = fairness.queue;
  console.log(
    `fairness: installation A pushes ${q.options.flood} deliveries at once, B one every ${q.options.quietEveryMs} ms (${q.options.handlerMs} ms handlers, ${q.options.concurrency} workers); B's handling latency p50 / p99 / max, A's drain`,
  );
  for (const store of ['memory', 'redis'] as const) {
    for (const [name, r] of [
      ['per-installation queues', q[store].fair],
      ['one queue (before)', q[store].oneQueue],
    ] as const)
      console.log(
        `  ${store.padEnd(6)} ${name.padEnd(24)} ${r.quietP50Ms} / ${r.quietP99Ms} / ${r.quietMaxMs} ms, flood ${r.floodSeconds} s`,
      );
  }
  for (const r of fairness.server)
    console.log(
      `  the app${r.redis ? ' + Redis' : ''}, ${r.floodAcknowledged} blocks from A: B's p50 / p99 / max ${r.quietP50Ms} / ${r.quietP99Ms} / ${r.quietMaxMs} ms (${r.quietHandled} handled), flood handled in ${r.floodSeconds} s (target: B's p99 < 1 s) ${r.quietP99Ms < 1000 ? 'OK' : 'OVER TARGET'}`,
    );
}

type AppBenchResults = Awaited<ReturnType<typeof benchApp>>;

function print(app: AppBenchResults) {
  const row = (cells: (string | number)[]) =>
    console.log(
      cells
        .map((c, i) =>
          String(c)
            .padStart(i === 0 ? 0 : 9)
            .padEnd(i === 0 ? 27 : 0),
        )
        .join(' '),
    );
  const verdict = (good: boolean) => (good ? 'OK' : 'OVER TARGET');
  console.log(
    `app under load: ${app.options.deliveries} deliveries at concurrency ${app.options.concurrency}, ${app.options.pullRequests} pull requests in ${app.options.installations} installation(s)`,
  );
  row(['run', 'deliv/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'peak MB', 'GH req/d', '2xx', 'retried', 'dead', 'dup', 'lost']);
  const line = (name: string, r: ReturnType<typeof summary>) =>
    row([
      name,
      r.deliveriesPerSecond,
      r.p50Ms,
      r.p95Ms,
      r.p99Ms,
      r.maxMs,
      r.peakRssMb,
      r.githubRequestsPerDelivery,
      `${r.acknowledged}/${r.deliveries}`,
      r.attemptsRetried,
      r.deadLetters,
      r.invariants.duplicateComments + r.invariants.auditLinesDuplicated + r.invariants.issuesDuplicated,
      r.invariants.auditLinesLost + r.invariants.issuesLost,
    ]);
  line('one instance', app.oneInstance);
  line('two + Redis', app.twoInstancesWithRedis);
  for (const [kind, r] of Object.entries(app.faults)) line(`fault ${kind}`, r);
  const one = app.oneInstance;
  console.log(
    `  p99 ${one.p99Ms} ms (target < ${TARGETS.p99Ms}) ${verdict(one.p99Ms < TARGETS.p99Ms)}; every delivery 2xx: ${verdict(one.errorsSurfaced === 0)}`,
  );
  console.log(`  peak memory ${one.peakRssMb} MB (target < ${TARGETS.peakRssMb}) ${verdict(one.peakRssMb < TARGETS.peakRssMb)}`);
  console.log(
    `  quota-counted GitHub requests per handled delivery ${one.quotaCountedPerHandled} (target <= ${TARGETS.quotaCountedPerDelivery}) ${verdict(one.quotaCountedPerHandled <= TARGETS.quotaCountedPerDelivery)}`,
  );
  console.log('  per handled delivery:   GitHub requests, quota-counted, 304s, app CPU ms');
  for (const [name, r] of [
    ['one instance', one],
    ['two + Redis', app.twoInstancesWithRedis],
    ...Object.entries(app.faults).map(([k, v]) => [`fault ${k}`, v] as const),
  ] as const) {
    console.log(
      `  ${name.padEnd(22)} ${String(r.githubRequestsPerHandled).padStart(7)} ${String(r.quotaCountedPerHandled).padStart(14)} ${String(r.notModifiedPerHandled).padStart(5)} ${String(r.appCpuMsPerHandled).padStart(12)}`,
    );
  }
  for (const [name, r] of [
    ['one instance', one],
    ['two + Redis', app.twoInstancesWithRedis],
    ...Object.entries(app.faults).map(([k, v]) => [`fault ${k}`, v] as const),
  ] as const) {
    const i = r.invariants;
    console.log(
      `  ${name}: statuses ${JSON.stringify(r.statuses)}, faulted requests ${r.faultedRequests}, stale-sha resends ${i.staleResends}, chain ${i.chainProblems.length === 0 ? 'valid' : i.chainProblems.join('; ')}, invariants ${invariantsHold(i) ? 'hold' : 'BROKEN'}${r.apiProblems.length ? `, API problems: ${r.apiProblems.slice(0, 3).join('; ')}` : ''}`,
    );
  }
  console.log(
    `  two instances + Redis end in the same state as one: ${app.twoInstancesWithRedis.sameFinalStateAsOneInstance ? 'yes' : 'NO'}`,
  );
}

/** Merges the figures under `app` into scripts/bench-results.json, keeping the other sections. */
export async function recordAppBench(app: AppBenchResults): Promise<void> {
  const file = path.join(root, 'scripts/bench-results.json');
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await writeFile(file, `${JSON.stringify({ ...existing, app }, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--edge'))
    await recordAppBench({ ...(await previousApp()), ...(await benchEdgeAndFairness()) } as AppBenchResults);
  else await recordAppBench(await benchApp());
}

/** The results file's `app` section as it stands (a partial run replaces only its own parts). */
async function previousApp(): Promise<Record<string, unknown>> {
  try {
    return (
      (JSON.parse(await readFile(path.join(root, 'scripts/bench-results.json'), 'utf8')) as { app?: Record<string, unknown> }).app ?? {}
    );
  } catch {
    return {};
  }
}

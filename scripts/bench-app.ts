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
 *   3. one run per injected GitHub fault.
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
import { buildApp, generateAppKey, startAppInstances } from './lib/app-instances.js';
import { buildMix } from './lib/app-load-mix.js';
import { startGitHubStateStandIn, type FaultKind, type FaultPlan } from './lib/github-state-stand-in.js';
import { startRedis } from './lib/redis-server.js';
import { checkInvariants, driveDeliveries, finalState, invariantsHold, percentile, waitForDrained, type DeliveryResult, type InvariantReport } from './lib/webhook-load.js';
import { startLocalOidcIssuer } from '../test/support/oidc-issuer.js';
import { checkRequestAgainstOpenApi } from '../test/support/openapi-checker.js';

const root = path.resolve(import.meta.dirname, '..');
const AUDIT = { branch: 'deploy-governor-audit', path: 'audit/overrides.jsonl' };
const SECRET = 'bench-webhook-secret';
export const APP_ID = 4242;
let privateKey: string | undefined;

export const TARGETS = { p99Ms: 1000, peakRssMb: 200 };

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
  for (const f of faults) if (!(f in FAULTS)) throw new Error(`BENCH_APP_FAULTS: unknown fault ${f} (known: ${Object.keys(FAULTS).join(', ')})`);
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
    const apps = await startAppInstances(o.instances, { appId: APP_ID, privateKey: (privateKey ??= generateAppKey()), webhookSecret: SECRET, githubUrl: github.url, ...(redis ? { redisUrl: redis.url } : {}), env });
    try {
      const mix = await buildMix(github.state, { deliveries: o.deliveries, pullRequests: o.pullRequests, installations: o.installations, issuer, ...(o.schedule ? { schedule: o.schedule } : {}) });
      github.resetStats();
      github.setFault(o.fault ?? null, o.seed ?? 42);
      const started = performance.now();
      const results = await driveDeliveries(mix, { targets: apps.map((a) => a.webhookUrl), secret: SECRET, concurrency: o.concurrency, idPrefix: o.idPrefix });
      const answeredSeconds = (performance.now() - started) / 1000;
      // Answered means queued: the state is judged once every queue has drained (the fault stays on meanwhile;
      // a delivery whose attempt failed waits for its retry, so this includes the retries).
      const queues = await waitForDrained(apps.map((a) => a.baseUrl));
      const seconds = (performance.now() - started) / 1000;
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
  const faultBase = { ...base, deliveries: o.faultDeliveries, pullRequests: faultPulls, installations: Math.min(faultPulls, o.installations) };
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
  };
  print(app);
  return app;
}

type AppBenchResults = Awaited<ReturnType<typeof benchApp>>;

function print(app: AppBenchResults) {
  const row = (cells: (string | number)[]) => console.log(cells.map((c, i) => String(c).padStart(i === 0 ? 0 : 9).padEnd(i === 0 ? 27 : 0)).join(' '));
  const verdict = (good: boolean) => (good ? 'OK' : 'OVER TARGET');
  console.log(`app under load: ${app.options.deliveries} deliveries at concurrency ${app.options.concurrency}, ${app.options.pullRequests} pull requests in ${app.options.installations} installation(s)`);
  row(['run', 'deliv/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'peak MB', 'GH req/d', '2xx', 'retried', 'dead', 'dup', 'lost']);
  const line = (name: string, r: ReturnType<typeof summary>) =>
    row([name, r.deliveriesPerSecond, r.p50Ms, r.p95Ms, r.p99Ms, r.maxMs, r.peakRssMb, r.githubRequestsPerDelivery, `${r.acknowledged}/${r.deliveries}`, r.attemptsRetried, r.deadLetters, r.invariants.duplicateComments + r.invariants.auditLinesDuplicated + r.invariants.issuesDuplicated, r.invariants.auditLinesLost + r.invariants.issuesLost]);
  line('one instance', app.oneInstance);
  line('two + Redis', app.twoInstancesWithRedis);
  for (const [kind, r] of Object.entries(app.faults)) line(`fault ${kind}`, r);
  const one = app.oneInstance;
  console.log(`  p99 ${one.p99Ms} ms (target < ${TARGETS.p99Ms}) ${verdict(one.p99Ms < TARGETS.p99Ms)}; every delivery 2xx: ${verdict(one.errorsSurfaced === 0)}`);
  console.log(`  peak memory ${one.peakRssMb} MB (target < ${TARGETS.peakRssMb}) ${verdict(one.peakRssMb < TARGETS.peakRssMb)}`);
  for (const [name, r] of [['one instance', one], ['two + Redis', app.twoInstancesWithRedis], ...Object.entries(app.faults).map(([k, v]) => [`fault ${k}`, v] as const)] as const) {
    const i = r.invariants;
    console.log(`  ${name}: statuses ${JSON.stringify(r.statuses)}, faulted requests ${r.faultedRequests}, stale-sha resends ${i.staleResends}, chain ${i.chainProblems.length === 0 ? 'valid' : i.chainProblems.join('; ')}, invariants ${invariantsHold(i) ? 'hold' : 'BROKEN'}${r.apiProblems.length ? `, API problems: ${r.apiProblems.slice(0, 3).join('; ')}` : ''}`);
  }
  console.log(`  two instances + Redis end in the same state as one: ${app.twoInstancesWithRedis.sameFinalStateAsOneInstance ? 'yes' : 'NO'}`);
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
  await recordAppBench(await benchApp());
}

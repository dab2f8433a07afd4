/**
 * The bundled action (dist/index.js under Node 24, run as the runner runs it)
 * against the suite's real Prometheus behind a fault-injecting proxy: down,
 * slower than the `timeout` input, answering garbage, dropping connections,
 * failing with 503. Each time the step fails closed with one clear line (no
 * stack trace), `can-deploy=false` and `status=UNKNOWN`, sends each query as
 * often as the client's retry policy says and no more, and finishes within the
 * time that policy allows; with `on-error: allow` it passes with a warning.
 * (gate-faults.test.ts proves the same semantics on the core in-process; this
 * proves the shipped bundle, its outputs, its log lines and its time budget.)
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { ensureNode24 } from '../../scripts/lib/node24.js';
import { runBundledAction, type ActionRun } from '../../scripts/lib/run-action.js';
import { reportSchema, type Report } from '../../src/core/report/report-schema.js';
import { startFaultProxy } from '../support/fault-proxy.js';

/**
 * The retry policy of src/prometheus/client.ts as the Action uses it (its defaults):
 * 3 attempts for 5xx/429 answers and reset connections, a first backoff of 200 ms
 * that doubles, ±50 % jitter; a timeout, a refused connection or a non-Prometheus
 * answer is not retried.
 */
const ATTEMPTS = 3;
const FIRST_BACKOFF_MS = 200;

/** Longest one query can take: every attempt up to the timeout, every backoff at its +50 % jitter. */
function worstQueryMs(timeoutMs: number): number {
  let total = ATTEMPTS * timeoutMs;
  for (let attempt = 2; attempt <= ATTEMPTS; attempt++) total += 1.5 * FIRST_BACKOFF_MS * 2 ** (attempt - 2);
  return total;
}

/** Queries run in parallel, in two rounds at most: with use-recording-rules auto (the default) an SLO checks its recordings first. */
const QUERY_ROUNDS = 2;
const TIMEOUT = { input: '1s', ms: 1000 };

type Proxy = Awaited<ReturnType<typeof startFaultProxy>>;
let node: string;
let proxy: Proxy;
/** A healthy run's duration: the Node start, the bundle's load and real queries, the overhead any run has. */
let overheadMs: number;
/** Where the runs write their reports (the runner's RUNNER_TEMP goes away with each run). */
let reports: string;
let runs = 0;

function inputs(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'prometheus-url': url,
    'error-query': 'sum(increase(http_requests_total{scenario="normal",status=~"5.."}[{{window}}]))',
    'total-query': 'sum(increase(http_requests_total{scenario="normal"}[{{window}}]))',
    'dr-check': 'false',
    timeout: TIMEOUT.input,
    ...extra,
  };
}

async function runAction(url: string, extra: Record<string, string> = {}) {
  const before = proxy.requests;
  const run = await runBundledAction({
    node,
    inputs: { ...inputs(url, extra), 'report-path': path.join(reports, `report-${++runs}.json`) },
  });
  return { ...run, proxied: proxy.requests - before };
}

async function reportOf(run: ActionRun): Promise<Report> {
  return reportSchema.parse(JSON.parse(await readFile(run.outputs['report-path']!, 'utf8')));
}

/** The step's single error annotation, checked to be one line. */
function errorLine(run: ActionRun): string {
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(lines).toHaveLength(1);
  // Annotations encode a line break as %0A: one line means none.
  expect(lines[0]).not.toMatch(/%0A|%0D/);
  return lines[0]!.slice('::error::'.length);
}

function expectFailedClosed(run: ActionRun): void {
  expect(run.exitCode).toBe(1);
  expect(run.outputs).toMatchObject({ 'can-deploy': 'false', status: 'UNKNOWN', overridden: 'false' });
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(run.stdout).not.toMatch(/failed unexpectedly/);
  expect(run.summary).toMatch(/BLOCKED — UNKNOWN/);
}

function expectWithinBudget(run: ActionRun): void {
  expect(run.durationMs).toBeLessThanOrEqual(overheadMs + QUERY_ROUNDS * worstQueryMs(TIMEOUT.ms));
}

beforeAll(async () => {
  node = await ensureNode24();
  reports = await mkdtemp(path.join(tmpdir(), 'dg-action-faults-'));
  proxy = await startFaultProxy(inject('prometheusUrl'));
  proxy.setMode({ kind: 'pass' });
  const healthy = await runAction(proxy.url);
  expect(healthy.exitCode, healthy.stdout).toBe(0);
  expect(healthy.outputs).toMatchObject({ 'can-deploy': 'true', status: 'NORMAL' });
  overheadMs = healthy.durationMs;
});

afterAll(async () => {
  await proxy?.stop();
  if (reports) await rm(reports, { recursive: true, force: true });
});

describe('bundled action, Prometheus faults', () => {
  it('fails closed when nothing listens, naming the address and the cause', async () => {
    const port = await getFreePort();
    const run = await runAction(`http://127.0.0.1:${port}`);
    expectFailedClosed(run);
    expect(errorLine(run)).toMatch(
      new RegExp(
        `^Deploy blocked: status UNKNOWN: SLO \\S+: cannot reach Prometheus at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED: nothing listens at that address and port\\)`,
      ),
    );
    expectWithinBudget(run);
  });

  it('gives up on a Prometheus slower than the timeout input, within the time the retry policy allows', async () => {
    // Far beyond the budget, so only the timeout can end the step in time.
    const delay = 10 * (overheadMs + QUERY_ROUNDS * worstQueryMs(TIMEOUT.ms));
    proxy.setMode({ kind: 'delay', ms: delay });
    const run = await runAction(proxy.url);
    expectFailedClosed(run);
    expect(errorLine(run)).toMatch(/did not answer within 1000 ms: raise the `timeout` input/);
    expectWithinBudget(run);
    // A timed-out query is not sent again.
    expect(run.proxied).toBe((await reportOf(run)).prometheus.queries);
  });

  it('fails closed on an answer that is not Prometheus JSON, without retrying', async () => {
    proxy.setMode({ kind: 'garbage' });
    const run = await runAction(proxy.url);
    expectFailedClosed(run);
    expect(errorLine(run)).toMatch(
      /the answer from http:\/\/127\.0\.0\.1:\d+ is not Prometheus JSON \(HTTP 200, .*"<html><body>Sign in to continue<\/body><\/html>" — is prometheus-url the Prometheus API/,
    );
    expectWithinBudget(run);
    expect(run.proxied).toBe((await reportOf(run)).prometheus.queries);
  });

  it('retries dropped connections as often as the policy says, then fails closed', async () => {
    proxy.setMode({ kind: 'drop' });
    const run = await runAction(proxy.url);
    expectFailedClosed(run);
    expect(errorLine(run)).toMatch(
      new RegExp(`cannot reach Prometheus at http://127\\.0\\.0\\.1:\\d+ \\(\\w+\\); the connection failed ${ATTEMPTS} times`),
    );
    expectWithinBudget(run);
    expect(run.proxied).toBe(ATTEMPTS * (await reportOf(run)).prometheus.queries);
  });

  it('retries a persistent 503 with backoff, then fails closed naming the status', async () => {
    proxy.setMode({ kind: 'fail-then-pass', status: 503, times: Number.MAX_SAFE_INTEGER });
    const run = await runAction(proxy.url);
    expectFailedClosed(run);
    expect(errorLine(run)).toMatch(
      new RegExp(
        `Prometheus at http://127\\.0\\.0\\.1:\\d+ failed ${ATTEMPTS} times, last with HTTP 503: "upstream unavailable \\(503\\)"`,
      ),
    );
    expectWithinBudget(run);
    expect(run.proxied).toBe(ATTEMPTS * (await reportOf(run)).prometheus.queries);
  });

  it('lets the deploy through with a warning under on-error: allow, down or slow', async () => {
    const port = await getFreePort();
    proxy.setMode({ kind: 'delay', ms: 10 * (overheadMs + QUERY_ROUNDS * worstQueryMs(TIMEOUT.ms)) });
    for (const url of [`http://127.0.0.1:${port}`, proxy.url]) {
      const run = await runAction(url, { 'on-error': 'allow' });
      expect(run.exitCode).toBe(0);
      expect(run.outputs).toMatchObject({ 'can-deploy': 'true', status: 'UNKNOWN' });
      expect(run.stdout).not.toMatch(/^::error::/m);
      const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /^::warning::deploy-governor could not evaluate the policy; on-error: allow lets the deploy through\. SLO \S+: (cannot reach Prometheus|Prometheus at .* did not answer within 1000 ms)/,
      );
      expect(warnings[0]).not.toMatch(/%0A/);
      expectWithinBudget(run);
    }
  });
});

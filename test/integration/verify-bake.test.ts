/**
 * Post-deploy verification (src/verify/run-verify.ts) against the suite's real
 * Prometheus: the gate evaluates at the scenario's deploy time (pinned), writes
 * its report, and the bake's clock steps through pinned poll times from there
 * (sleeping advances it; nothing waits). Expected burn rates come from the
 * scenario models (test/support/scenarios.ts), never from constants.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { burnRate } from '../../src/core/budget/budget-math.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import type { PrometheusQuerier } from '../../src/core/prometheus/querier.js';
import type { RunInfo } from '../../src/core/report/report-schema.js';
import { regressionLimit } from '../../src/core/verify/judge.js';
import { verificationSchema } from '../../src/core/verify/verification-schema.js';
import { verifyInputsSchema } from '../../src/core/verify/verify-inputs.js';
import { runGate } from '../../src/gate/run-gate.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import { runVerify, type VerifyRequest } from '../../src/verify/run-verify.js';
import type { VerifyClock } from '../../src/verify/watch-slos.js';
import { modelErrorRatio } from '../../scripts/lib/traffic.js';
import { steps, trafficModels, VERIFY_DEPLOY_BEFORE_END } from '../support/scenarios.js';

const MINUTE = 60_000;
/** increase() extrapolates to a 5-minute window's edges: the model's ratio agrees within this share. */
const RELATIVE_TOLERANCE = 0.25;
/** An events SLI reads its error and total queries once per window. */
const QUERIES_PER_ROUND = 2;

const run: RunInfo = {
  repository: 'acme/checkout',
  runId: 77,
  runAttempt: 1,
  runUrl: 'https://github.com/acme/checkout/actions/runs/77',
  sha: 'a'.repeat(40),
  ref: 'refs/heads/main',
  workflow: 'deploy',
  eventName: 'push',
  actor: 'octocat',
  serverUrl: 'https://github.com',
};

/** The deploy time of the verify scenarios, in ms. */
const deployAt = () => inject('evaluationTime') - VERIFY_DEPLOY_BEFORE_END * 1000;

/** A clock pinned at `start` that sleeping advances; `onQuery` may advance it too (a slow Prometheus). */
function pinnedClock(start: number): VerifyClock & { advance(ms: number): void; sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => new Date(now),
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
    sleeps,
  };
}

function gateInputs(scenario: string) {
  return gateInputsSchema.parse({
    'prometheus-url': inject('prometheusUrl'),
    'error-query': `sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
    'total-query': `sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
    'dr-check': 'false',
  });
}

let dir: string;
let reportPath: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dg-verify-'));
  reportPath = path.join(dir, 'report.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The gate's report of run 77 at the deploy time, where the gate step writes it. */
async function gateReport(scenario: string) {
  const outcome = await runGate({ inputs: gateInputs(scenario), env: {}, root: dir, now: new Date(deployAt()), run });
  await writeFile(reportPath, JSON.stringify(outcome.report));
  return outcome.report;
}

/** Every query the bake sends, with the clock's time when it was sent. */
interface Asked {
  query: string;
  time: Date;
  sentAt: number;
}

async function verify(
  scenario: string,
  options: { verify?: Record<string, string>; clock?: ReturnType<typeof pinnedClock>; slowMs?: number } = {},
) {
  const clock = options.clock ?? pinnedClock(deployAt());
  const asked: Asked[] = [];
  const request: VerifyRequest = {
    inputs: gateInputs(scenario),
    verifyInputs: verifyInputsSchema.parse(options.verify ?? {}),
    reportPath,
    env: {},
    root: dir,
    run,
    host: 'action',
    clock,
    createQuerier: (t) => {
      const client = new PrometheusClient({ url: t.url, headers: t.headers, timeoutMs: t.timeoutMs });
      const querier: PrometheusQuerier = {
        displayUrl: client.displayUrl,
        query: async (promql, time) => {
          asked.push({ query: promql, time, sentAt: clock.now().getTime() });
          const answer = await client.query(promql, time);
          if (options.slowMs) clock.advance(options.slowMs);
          return answer;
        },
      };
      return querier;
    },
  };
  const { verification } = await runVerify(request);
  return { verification: verificationSchema.parse(verification), asked, clock };
}

/** The model's short-window burn rate at `atMs` (objective 99.9%), on the data as generated (ending at the evaluation time). */
function modelBurn(scenario: string, atMs: number): number {
  const end = inject('evaluationTime') / 1000;
  return burnRate(modelErrorRatio(trafficModels(end)[scenario]!, steps(end), atMs / 1000, 300)!, 99.9);
}

describe('post-deploy verification against a real Prometheus', () => {
  it('passes a steady service after the whole bake, one round of queries per poll at the pinned times', async () => {
    const report = await gateReport('verify-steady');
    const { verification, asked, clock } = await verify('verify-steady');
    expect(verification).toMatchObject({ verdict: 'pass', passed: true, regressed: false, polls: 15, plannedPolls: 15, endedEarly: false });
    expect(verification.recommendation).toBeNull();
    // The baseline is the gate's own pre-deploy 1h burn rate.
    expect(verification.burnBefore).toBe(report.slos[0]!.burnRate);
    const polls = verification.slos[0]!.samples.map((s) => Date.parse(s.at));
    expect(polls).toEqual(Array.from({ length: 15 }, (_, i) => deployAt() + (i + 1) * MINUTE));
    expect(clock.sleeps).toEqual(Array.from({ length: 15 }, () => MINUTE));
    // Each poll's burn rate is the model's over the 5 minutes before it.
    for (const s of verification.slos[0]!.samples) {
      const expected = modelBurn('verify-steady', Date.parse(s.at));
      expect(Math.abs(s.burnRate! - expected)).toBeLessThan(RELATIVE_TOLERANCE * expected + 0.02);
    }
    // One round per poll: the gate's own two queries over the 5m window, at that poll's time, sent at that time.
    expect(asked).toHaveLength(15 * QUERIES_PER_ROUND);
    expect(verification.prometheus.queries).toBe(15 * QUERIES_PER_ROUND);
    for (const a of asked) {
      expect(a.query).toMatch(/\[5m\]/);
      expect(a.time.getTime()).toBe(a.sentAt);
      expect(polls).toContain(a.time.getTime());
    }
  });

  it('fails a step change in errors at the deploy, ending the bake at the first poll that sees it', async () => {
    const report = await gateReport('verify-step');
    const before = report.slos[0]!.burnRate!;
    // The gate saw a healthy service: the step is after its evaluation.
    expect(before).toBeLessThan(0.5);
    const limit = regressionLimit(before, { factor: 2, floor: 1 });
    // The poll the model says regresses first (with a margin, so that increase()'s extrapolation cannot move it).
    const firstRegressed = Array.from({ length: 15 }, (_, i) => deployAt() + (i + 1) * MINUTE).findIndex(
      (at) => modelBurn('verify-step', at) > limit,
    );
    expect(modelBurn('verify-step', deployAt() + (firstRegressed + 1) * MINUTE)).toBeGreaterThan(1.5 * limit);
    const { verification, asked } = await verify('verify-step', {
      verify: { 'rollback-command': 'gh workflow run rollback.yml -f env=production' },
    });
    expect(verification).toMatchObject({ verdict: 'regressed', passed: false, regressed: true, plannedPolls: 15, endedEarly: true });
    expect(verification.polls).toBe(firstRegressed + 1);
    expect(verification.polls).toBeLessThan(15);
    expect(asked).toHaveLength(verification.polls * QUERIES_PER_ROUND);
    expect(verification.burnBefore).toBe(before);
    expect(verification.burnAfter!).toBeGreaterThan(limit);
    expect(verification.reasons[0]).toMatch(
      /^SLO availability: regressed: the burn rate over the last 5m was \d+\.\d\dx at .*, above both 2 × the pre-deploy/,
    );
    expect(verification.recommendation).toBe('Roll back the deploy to production: gh workflow run rollback.yml -f env=production');
  });

  it('needs both the factor and the floor: a service burning 1.5x before and after passes', async () => {
    const report = await gateReport('verify-hot');
    const { verification } = await verify('verify-hot');
    const measured = verification.slos[0]!.samples.map((s) => s.burnRate!);
    // Above the floor at every poll, yet never above twice the pre-deploy rate.
    expect(Math.min(...measured)).toBeGreaterThan(1);
    expect(Math.max(...measured)).toBeLessThan(2 * report.slos[0]!.burnRate!);
    expect(verification).toMatchObject({ verdict: 'pass', polls: 15 });
    // With a factor of 1 the same readings regress wherever they exceed the pre-deploy rate.
    const strict = await verify('verify-hot', { verify: { 'verify-factor': '1', 'verify-floor': '1' } });
    const firstAbove = measured.findIndex((b) => b > report.slos[0]!.burnRate!);
    expect(strict.verification.verdict).toBe(firstAbove === -1 ? 'pass' : 'regressed');
  });

  it('sends at most one round of queries per interval when Prometheus answers slower than the interval', async () => {
    await gateReport('verify-steady');
    // Each query takes 50 s of the clock: a round of two (in parallel) ends 100 s after it started, past the next slot.
    const { verification, asked } = await verify('verify-steady', { slowMs: 50_000 });
    const starts = [...new Set(asked.map((a) => a.time.getTime()))];
    expect(asked).toHaveLength(starts.length * QUERIES_PER_ROUND);
    expect(starts).toHaveLength(verification.polls);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(MINUTE);
    // Slots it missed are skipped, not caught up: fewer polls than the bake plans, every one on a slot.
    expect(verification.polls).toBeLessThan(15);
    for (const at of starts) expect((at - deployAt()) % MINUTE).toBe(0);
  });

  it('is unknown, not a pass, when no poll has data after the deploy; no-data: pass lets it through', async () => {
    await gateReport('verify-nothing-by-this-name');
    const { verification } = await verify('verify-nothing-by-this-name', { verify: { bake: '3m' } });
    expect(verification).toMatchObject({ verdict: 'unknown', passed: false, regressed: false, polls: 3, burnAfter: null });
    expect(verification.slos[0]!.samples.map((s) => s.state)).toEqual(['no-data', 'no-data', 'no-data']);
    expect(verification.reasons[0]).toMatch(/none of the 3 polls measured a burn rate over the last 5m \(last: .*query: sum\(increase/);
    expect(verification.recommendation).toMatch(/^Check that the service is up/);
    const allowed = await verify('verify-nothing-by-this-name', { verify: { bake: '3m', 'verify-no-data': 'pass' } });
    expect(allowed.verification).toMatchObject({ verdict: 'unknown', passed: true, recommendation: null });
  });
});

describe("the gate's report", () => {
  const refused = async (message: RegExp) => {
    const error = await verify('verify-steady').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).source).toBe(reportPath);
    expect((error as PolicyError).message).toMatch(message);
  };

  it('must exist: the error names the path and the step that writes it', async () => {
    await refused(/report-path: no gate report here: run deploy-governor's gate \(phase: gate/);
  });

  it('must be JSON, and a report@1', async () => {
    await writeFile(reportPath, '{"schema": "deploy-governor/report@1", ');
    await refused(/report-path: not JSON/);
    await writeFile(reportPath, JSON.stringify({ schema: 'deploy-governor/report@1', environment: 'production', slos: 'lots' }));
    await refused(/report-path: not a gate report \(deploy-governor\/report@1\): .* \(and \d+ more problems\)/);
    await writeFile(reportPath, 'x'.repeat(1_048_577));
    await refused(/more than any gate report/);
  });

  it("must be this run's and this environment's: a planted or stale report is refused", async () => {
    const report = await gateReport('verify-steady');
    await writeFile(reportPath, JSON.stringify({ ...report, run: { ...report.run!, runId: 76 } }));
    await refused(/written by workflow run 76, not by this run \(77\)/);
    await writeFile(reportPath, JSON.stringify({ ...report, run: null }));
    await refused(/written by workflow run none/);
    await writeFile(reportPath, JSON.stringify({ ...report, environment: 'staging' }));
    await refused(/the gate's report for the environment "staging", not "production"/);
  });
});

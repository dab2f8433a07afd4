/**
 * The recorded path at a 5-minute scrape interval: with `scrape-interval: 5m`
 * the generated rules record their base rates over 20m, and the gate's budget
 * from those recordings equals its budget from raw counters (within 0.1
 * percentage points) on eight days of data scraped every 5 minutes, out of step
 * with rule evaluation. A policy without `scrape-interval` names a 5m base
 * series these rules do not write, so the gate does not mistake them for its
 * own and reads raw counters.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenMetricsWriter } from '../../scripts/lib/openmetrics.js';
import type { PrometheusServer } from '../../scripts/lib/prometheus-server.js';
import { startPrometheusWithRecordings } from '../../scripts/lib/rules-backfill.js';
import { modelErrorRatio, writeRequestCounters, type Steps, type TrafficModel } from '../../scripts/lib/traffic.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { resolveAlerting } from '../../src/core/generate/alerting.js';
import { generateRules } from '../../src/core/generate/rules.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { PrometheusClient } from '../../src/prometheus/client.js';

const DAY = 86_400;
const POLICY = `scrape-interval: 5m
slos:
  - name: shop-availability
    service: shop
    objective: 99.9
    window: 7d
    sli:
      events:
        error: sum(increase(http_requests_total{job="shop",status=~"5.."}[{{window}}]))
        total: sum(increase(http_requests_total{job="shop"}[{{window}}]))
dr: { enabled: false }
`;

let prometheus: PrometheusServer;
let work: string;
let evaluationTime: Date;
let model: TrafficModel;
let steps: Steps;

beforeAll(async () => {
  const end = Math.floor(Date.now() / 60_000) * 60 - 120;
  evaluationTime = new Date((end - 60) * 1000);
  work = await mkdtemp(path.join(tmpdir(), 'dg-recorded-5m-'));
  // One scrape every 5 minutes, 30 s past a minute: never on the rules' evaluation grid.
  steps = { from: end - 8 * DAY + 30, to: end - 270, step: 300 };
  const incidentStart = end - 2 * DAY;
  model = {
    labels: { job: 'shop' },
    // Diurnal: 1,000 to 5,000 requests per scrape.
    requests: (t) => 3000 + 2000 * Math.sin((2 * Math.PI * t) / DAY),
    errorShare: (t) => (t >= incidentStart && t < incidentStart + 3600 ? 0.1 : 0.0005),
  };
  const writer = new OpenMetricsWriter(path.join(work, 'data.om'));
  await writeRequestCounters(writer, 'http_requests', [model], steps);
  await writer.close();
  const file = parsePolicy(POLICY);
  const policy = resolvePolicy(file, gateInputsSchema.parse({}));
  const alerting = resolveAlerting(file, 'production');
  const rules = generateRules({
    slos: policy.slos,
    dr: null,
    source: 'test',
    pairs: alerting.pairs,
    extraWindows: policy.burnRateGuards.flatMap((g) => [g.long, g.short]),
  });
  expect(rules).toMatch(/record: deploy_governor:sli_total:rate20m\n/);
  prometheus = await startPrometheusWithRecordings(path.join(work, 'data.om'), rules, end, 8 * DAY);
}, 240_000);

afterAll(async () => {
  await prometheus?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function evaluate(policyText: string, mode: 'true' | 'false' | 'auto') {
  const policy = resolvePolicy(
    parsePolicy(policyText),
    gateInputsSchema.parse({ 'prometheus-url': prometheus.url, 'use-recording-rules': mode }),
  );
  return evaluatePolicy({ policy, prometheus: new PrometheusClient({ url: prometheus.url, timeoutMs: 10_000 }), now: evaluationTime });
}

describe('recorded series at a 5-minute scrape interval', () => {
  it('give the budget of the raw counters within 0.1 percentage points, and of the data within 1', async () => {
    const raw = await evaluate(POLICY, 'false');
    const recorded = await evaluate(POLICY, 'true');
    expect(raw.slos[0]!.source).toBe('raw');
    expect(recorded.slos[0]!.source).toBe('recorded');
    const exact = modelErrorRatio(model, steps, evaluationTime.getTime() / 1000, 7 * DAY)!;
    const exactBudget = 100 * (1 - exact / 0.001);
    expect(raw.slos[0]!.budgetRemaining).not.toBeNull();
    expect(Math.abs(recorded.slos[0]!.budgetRemaining! - raw.slos[0]!.budgetRemaining!)).toBeLessThan(0.1);
    expect(Math.abs(recorded.slos[0]!.budgetRemaining! - exactBudget)).toBeLessThan(1);
    // The default guard's 5m window: raw counters have no two samples in 5 minutes (no data, the guard is unknown);
    // the recordings answer it with the 20m base window's ratio.
    expect(raw.slos[0]!.guards[0]!.state).toBe('unknown');
    expect(recorded.slos[0]!.guards[0]!.state).toBe('not-triggered');
  });

  it('are not read for a policy that implies another base window (rules for another scrape interval)', async () => {
    const report = await evaluate(POLICY.replace('scrape-interval: 5m\n', ''), 'auto');
    expect(report.slos[0]!.source).toBe('raw');
    expect(report.slos[0]!.budgetRemaining).not.toBeNull();
  });
});

/**
 * The gate's recorded path against its raw path on the same 30 days of demo
 * data in a real Prometheus: the generated recording rules, backfilled with
 * promtool, give the same budget (within 0.1 percentage points) for a small
 * fraction of the samples.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoData } from '../../scripts/lib/demo-data.js';
import type { PrometheusServer } from '../../scripts/lib/prometheus-server.js';
import { startPrometheusWithRecordings } from '../../scripts/lib/rules-backfill.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { generateRules } from '../../src/core/generate/rules.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { PrometheusClient } from '../../src/prometheus/client.js';

let prometheus: PrometheusServer;
let work: string;
let evaluationTime: Date;
let historyTime: Date;
let policyText: string;

beforeAll(async () => {
  const end = Math.floor(Date.now() / 60_000) * 60 - 120;
  evaluationTime = new Date((end - 60) * 1000);
  // Half a day earlier for the charts: their 1d step edges then fall 12 h away from the demo
  // incident (9 d before the end). An edge within minutes of it lets the recorded 5m base rates
  // carry a few seconds of a 250x burn into the neighbouring step, by an amount that depends on
  // where promtool's rule evaluations fall on the wall clock (a flaky 0.024 against 0.024 once).
  // The base series, which the charts read, are backfilled over all the data.
  historyTime = new Date((end - 60 - 43_200) * 1000);
  work = await mkdtemp(path.join(tmpdir(), 'dg-recorded-test-'));
  await writeDemoData(path.join(work, 'demo.om'), { end: new Date(end * 1000) });
  policyText = await readFile('examples/checkout/.github/deploy-governor.yml', 'utf8');
  const policy = resolvePolicy(parsePolicy(policyText), gateInputsSchema.parse({}));
  const rules = generateRules({ slos: policy.slos, dr: policy.dr, source: 'examples/checkout' });
  prometheus = await startPrometheusWithRecordings(path.join(work, 'demo.om'), rules, end, 31 * 86400);
}, 240_000);

afterAll(async () => {
  await prometheus?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function evaluate(mode: 'true' | 'false', now = evaluationTime) {
  const policy = resolvePolicy(
    parsePolicy(policyText),
    gateInputsSchema.parse({ 'prometheus-url': prometheus.url, 'use-recording-rules': mode }),
  );
  return evaluatePolicy({ policy, prometheus: new PrometheusClient({ url: prometheus.url, timeoutMs: 10_000 }), now });
}

describe('recorded series versus raw counters', () => {
  it('give the same budget within 0.1 percentage points for every SLO, touching far fewer samples', async () => {
    const raw = await evaluate('false');
    const recorded = await evaluate('true');
    expect(recorded.slos.map((s) => s.source)).toEqual(['recorded', 'recorded']);
    expect(raw.slos.map((s) => s.source)).toEqual(['raw', 'raw']);
    for (const [i, slo] of raw.slos.entries()) {
      expect(slo.budgetRemaining).not.toBeNull();
      expect(Math.abs(recorded.slos[i]!.budgetRemaining! - slo.budgetRemaining!)).toBeLessThan(0.1);
    }
    expect(recorded.decision.status).toBe(raw.decision.status);
    expect(recorded.prometheus.samplesTouched!).toBeLessThan(raw.prometheus.samplesTouched! / 10);
  });
});

describe('the budget history (the charts) from recorded series versus raw counters', () => {
  it('draws the same steps from the recorded base series as from raw counters, within a few hundredths', async () => {
    const [raw, recorded] = [await evaluate('false', historyTime), await evaluate('true', historyTime)];
    for (const [i, slo] of raw.slos.entries()) {
      const fromRaw = slo.history!;
      const fromRecorded = recorded.slos[i]!.history!;
      expect(fromRaw).toMatchObject({ source: 'raw', step: '1d' });
      expect(fromRecorded).toMatchObject({ source: 'recorded', step: '1d' });
      expect(fromRecorded.points.map((p) => p.at)).toEqual(fromRaw.points.map((p) => p.at));
      for (const [j, p] of fromRecorded.points.entries()) {
        const q = fromRaw.points[j]!;
        // The recorded base rates smooth each step's edges over one 5m base window.
        expect(Math.abs(p.burnRate! - q.burnRate!)).toBeLessThan(0.02 + 0.02 * q.burnRate!);
        expect(Math.abs(p.budgetRemaining - q.budgetRemaining)).toBeLessThan(0.5);
      }
      for (let j = 1; j < fromRecorded.points.length; j++)
        expect(fromRecorded.points[j]!.budgetRemaining).toBeLessThanOrEqual(fromRecorded.points[j - 1]!.budgetRemaining);
    }
  });
});

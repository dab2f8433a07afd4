/**
 * OpenSLO sources evaluated end to end against the suite's real Prometheus
 * (test/support/scenarios.ts): through the Action's and the CLI's gate
 * (runGate, the policy file and the OpenSLO file on disk) and through the app's
 * (the default branch, via the contents API), with the same budgets as the
 * native policy for the same data; the negative difference of good/total
 * (good extrapolated above total) read as zero errors, where the same queries
 * as an events SLI fail; and `generate rules` from OpenSLO sources through
 * `promtool check rules`.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PROMTOOL_BIN } from '../../scripts/lib/prometheus-server.js';
import { resolveAlerting } from '../../src/core/generate/alerting.js';
import { generateRules } from '../../src/core/generate/rules.js';
import { applyOpenSloSource } from '../../src/core/openslo/apply-openslo-source.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { evaluateGate } from '../../src/gate/evaluate-gate.js';
import { repositorySource } from '../../src/gate/repository-source.js';
import { runGate } from '../../src/gate/run-gate.js';
import type { GitHubClient } from '../../src/github/client.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import { expectedErrorRatio, expectedLatencyBadRatio } from '../support/scenarios.js';

const exec = promisify(execFile);

/** The OpenSLO file: the caution scenario as good/total (with the ranges its author wrote), the latency histogram, the skewed counters. */
const OPENSLO = `apiVersion: openslo/v1
kind: DataSource
metadata: { name: prometheus }
spec: { type: Prometheus, connectionDetails: { url: "not read: the gate's Prometheus comes from the policy" } }
---
apiVersion: openslo/v1
kind: SLI
metadata: { name: checkout-requests }
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        metricSourceRef: prometheus
        spec: { query: 'sum(rate(http_requests_total{scenario="caution",status="200"}[5m]))' }
    total:
      metricSource:
        metricSourceRef: prometheus
        spec: { query: 'sum(rate(http_requests_total{scenario="caution"}[5m]))' }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-availability }
spec:
  service: checkout
  indicatorRef: checkout-requests
  timeWindow: [{ duration: 4w, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ displayName: Available, target: 0.999 }]
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-latency }
spec:
  service: checkout
  indicator:
    metadata: { name: checkout-fast }
    spec:
      thresholdMetric:
        metricSource: { type: Prometheus, spec: { query: 'http_request_duration_seconds_bucket{scenario="latency"}' } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ op: lte, value: 0.25, targetPercent: 95 }]
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: skewed }
spec:
  service: proxy
  indicator:
    metadata: { name: proxy-good }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'sum(skewed_good_requests_total{scenario="skewed"})' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'sum(skewed_requests_total{scenario="skewed"})' } } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.999 }]
`;

/** The same SLOs written natively. */
const NATIVE = `dr: { enabled: false }
slos:
  - name: checkout-availability
    service: checkout
    objective: 99.9
    window: 4w
    sli:
      events:
        error: 'sum(increase(http_requests_total{scenario="caution",status=~"5.."}[{{window}}]))'
        total: 'sum(increase(http_requests_total{scenario="caution"}[{{window}}]))'
  - name: checkout-latency
    service: checkout
    objective: 95
    sli: { latency: { metric: http_request_duration_seconds, threshold: 0.25, selector: 'scenario="latency"' } }
`;

const DAY = 86_400;
/** Absolute tolerance between two ways of computing the same count: only floating point separates them. */
const SAME = 1e-9;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dg-openslo-e2e-'));
  await mkdir(path.join(root, 'slos'));
  await writeFile(path.join(root, 'slos/checkout.openslo.yaml'), OPENSLO);
  await writeFile(path.join(root, 'openslo-policy.yml'), 'openslo: slos/checkout.openslo.yaml\ndr: { enabled: false }\n');
  await writeFile(path.join(root, 'native-policy.yml'), NATIVE);
});

/** The gate as the Action and the CLI run it: the policy file (and the OpenSLO file it names) on disk. */
async function gate(config: string): Promise<Report> {
  const outcome = await runGate({
    inputs: gateInputsSchema.parse({ config, 'prometheus-url': inject('prometheusUrl') }),
    env: {},
    root,
    now: new Date(inject('evaluationTime')),
    run: null,
    host: 'cli',
  });
  return outcome.report;
}

const sloOf = (report: Report, name: string) => {
  const slo = report.slos.find((s) => s.name === name);
  if (!slo) throw new Error(`no SLO ${name} in the report (${report.slos.map((s) => s.name).join(', ')})`);
  return slo;
};

describe("an OpenSLO source through the gate, against the suite's Prometheus", () => {
  it("gives the good/total SLO the budget of the native events SLO for the same data, and the latency SLO the native latency SLO's", async () => {
    const [openslo, native] = await Promise.all([gate('openslo-policy.yml'), gate('native-policy.yml')]);
    expect(openslo.slos.map((s) => [s.name, s.sliKind, s.window])).toEqual([
      ['checkout-availability', 'good-events', '4w'],
      ['checkout-latency', 'latency', '30d'],
      ['skewed', 'good-events', '30d'],
    ]);
    for (const name of ['checkout-availability', 'checkout-latency']) {
      const a = sloOf(openslo, name);
      const b = sloOf(native, name);
      expect(a.error, name).toBeNull();
      expect(a.objective).toBe(b.objective);
      expect(Math.abs(a.errorRatio! - b.errorRatio!), name).toBeLessThan(SAME);
      expect(Math.abs(a.budgetRemaining! - b.budgetRemaining!), name).toBeLessThan(1e-6);
      expect(a.status).toBe(b.status);
      expect(a.guards.map((g) => [g.name, g.triggered])).toEqual(b.guards.map((g) => [g.name, g.triggered]));
      for (const [i, g] of a.guards.entries())
        expect(Math.abs((g.longBurnRate ?? 0) - (b.guards[i]!.longBurnRate ?? 0)), `${name} ${g.name}`).toBeLessThan(1e-6);
    }
    // And both equal the models the data was generated from (within increase()'s edge extrapolation).
    expect(Math.abs(sloOf(openslo, 'checkout-availability').errorRatio! - expectedErrorRatio('caution', 28 * DAY)!)).toBeLessThan(0.00005);
    expect(Math.abs(sloOf(openslo, 'checkout-latency').errorRatio! - expectedLatencyBadRatio(0.25, 30 * DAY)!)).toBeLessThan(0.0005);
    expect(sloOf(openslo, 'checkout-availability').status).toBe('CAUTION');
  });

  it('reads good extrapolated above total as zero errors, not an error, where the same queries as an events SLI fail', async () => {
    const prometheus = new PrometheusClient({ url: inject('prometheusUrl'), headers: {}, timeoutMs: 10_000 });
    const at = new Date(inject('evaluationTime'));
    const good = 'sum(increase(skewed_good_requests_total{scenario="skewed"}[{{window}}]))';
    const total = 'sum(increase(skewed_requests_total{scenario="skewed"}[{{window}}]))';
    // The case is real: Prometheus puts good above total on every window the gate reads.
    for (const window of ['5m', '1h', '30d']) {
      const difference = await prometheus.query(`${total.replace('{{window}}', window)} - ${good.replace('{{window}}', window)}`, at);
      expect(difference.samples[0]!.value, window).toBeLessThan(0);
    }
    const report = await gate('openslo-policy.yml');
    const skewed = sloOf(report, 'skewed');
    expect(skewed).toMatchObject({ error: null, errorRatio: 0, budgetRemaining: 100, status: 'NORMAL' });
    expect(skewed.guards.every((g) => g.triggered === false && g.shortBurnRate === 0 && g.longBurnRate === 0)).toBe(true);
    expect(report.decision.reasons.join('\n')).not.toMatch(/skewed|negative|increase\(\)/);

    // What a user would write without the good-events kind: errors as one query, total − good. It fails, blaming the counter.
    await writeFile(
      path.join(root, 'difference-policy.yml'),
      `dr: { enabled: false }\nslos:\n  - name: difference\n    sli:\n      events:\n        error: '${total} - ${good}'\n        total: '${total}'\n`,
    );
    const difference = sloOf(await gate('difference-policy.yml'), 'difference');
    expect(difference.status).toBe('UNKNOWN');
    expect(difference.error).toMatch(/returned a negative count .*use increase\(\) on a counter/);
  });

  it('reads the OpenSLO file from the default branch in the app, with the same result as from disk', async () => {
    const files: Record<string, string> = {
      '.github/deploy-governor.yml': 'openslo: slos/checkout.openslo.yaml\ndr: { enabled: false }\n',
      'slos/checkout.openslo.yaml': OPENSLO,
    };
    const client: GitHubClient = {
      async request(_route, parameters) {
        const text = files[String(parameters?.path)];
        if (text === undefined) throw Object.assign(new Error('Not Found'), { status: 404 });
        return { status: 200, data: { type: 'file', sha: 'abc', encoding: 'base64', content: Buffer.from(text).toString('base64') } };
      },
    };
    const url = inject('prometheusUrl');
    const [app, disk] = await Promise.all([
      evaluateGate({
        source: repositorySource(client, 'shop', 'checkout'),
        inputs: gateInputsSchema.parse({}),
        env: {},
        now: new Date(inject('evaluationTime')),
        run: null,
        querierFor: () => ({ querier: new PrometheusClient({ url, headers: {}, timeoutMs: 10_000 }), timeoutMs: 10_000 }),
      }),
      gate('openslo-policy.yml'),
    ]);
    expect(app.source).toBe('shop/checkout:.github/deploy-governor.yml');
    expect(app.report.slos.map((s) => [s.name, s.errorRatio, s.budgetRemaining, s.status])).toEqual(
      disk.slos.map((s) => [s.name, s.errorRatio, s.budgetRemaining, s.status]),
    );
  });
});

describe('generate rules from OpenSLO sources', () => {
  async function promtoolCheck(name: string, openslo: string): Promise<{ ok: boolean; output: string; rules: string }> {
    const file = applyOpenSloSource(parsePolicy('openslo: slos/x.yaml\ndr: { enabled: false }\n'), openslo);
    const policy = resolvePolicy(file, gateInputsSchema.parse({}));
    const alerting = resolveAlerting(file, 'production');
    const rules = generateRules({
      slos: policy.slos,
      dr: policy.dr,
      source: name,
      environment: 'production',
      freezeWindows: policy.freezeWindows,
      minTraffic: alerting.minTraffic,
      pairs: alerting.pairs,
      labels: alerting.labels,
      extraWindows: policy.burnRateGuards.flatMap((g) => [g.long, g.short]),
    });
    const out = path.join(root, `${name}.rules.yml`);
    await writeFile(out, rules);
    try {
      const { stdout, stderr } = await exec(PROMTOOL_BIN, ['check', 'rules', out]);
      return { ok: true, output: stdout + stderr, rules };
    } catch (error: unknown) {
      const e = error as { stdout?: string; stderr?: string };
      return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}`, rules };
    }
  }

  it.each([
    ['the end-to-end file (good/total, latency, counters)', async () => OPENSLO],
    ["Sloth's apiserver example (openslo/v1alpha)", () => readFile('test/fixtures/openslo/sloth/openslo-kubernetes-apiserver.yml', 'utf8')],
    [
      "the official SLI examples' Prometheus raw ratio",
      async () =>
        `${await readFile('test/fixtures/openslo/v1-slis.yaml', 'utf8')}---
apiVersion: openslo/v1
kind: SLO
metadata: { name: wifi }
spec: { indicatorRef: wifi-client-satisfaction, budgetingMethod: Occurrences, objectives: [{ target: 0.95 }] }
`,
    ],
  ])('passes promtool check rules for %s', async (name, text) => {
    const result = await promtoolCheck(name.replace(/\W+/g, '-'), await text());
    expect(result.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(result.ok).toBe(true);
  });
});

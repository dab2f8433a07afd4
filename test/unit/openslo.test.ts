/**
 * OpenSLO as an SLO source (src/core/openslo/): the official example documents
 * vendored in test/fixtures/openslo (each accepted or refused with its exact
 * message), Sloth's own OpenSLO examples, the mapping field by field, how a
 * query's window is found, the good-events SLI kind's clamped difference, and
 * the three readers (disk for the Action and the CLI, the default branch for
 * the app, `generate rules|dashboard`).
 */
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/run.js';
import { SliError } from '../../src/core/evaluate/sli-error.js';
import { applyOpenSloSource } from '../../src/core/openslo/apply-openslo-source.js';
import { slosFromOpenSlo } from '../../src/core/openslo/from-openslo.js';
import { histogramSelector, windowTemplate } from '../../src/core/openslo/window-query.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import type { SloConfig } from '../../src/core/policy/schema.js';
import { goodEventsSli } from '../../src/core/sli/kinds/good-events.js';
import { resolveSli } from '../../src/core/sli/registry.js';
import { readPolicyFile } from '../../src/gate/read-policy-file.js';
import type { GitHubClient } from '../../src/github/client.js';
import { readRepoPolicy } from '../../src/github/read-repo-policy.js';
import { MemoryQuerier } from '../support/memory-querier.js';

const FIXTURES = 'test/fixtures/openslo';
const fixture = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof PolicyError) return error.issues.map((i) => `${i.path || '(top level)'}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a PolicyError');
}

async function issuesOfAsync(fn: () => Promise<unknown>): Promise<{ source: string; issues: string[] }> {
  try {
    await fn();
  } catch (error: unknown) {
    if (error instanceof PolicyError) return { source: error.source, issues: error.issues.map((i) => `${i.path}: ${i.message}`) };
    throw error;
  }
  throw new Error('expected a PolicyError');
}

const PROMETHEUS_ONLY =
  'expected type: Prometheus: the gate reads Prometheus (and Prometheus-compatible APIs such as Thanos, Mimir or VictoriaMetrics) only; got "Any"';
const timeslices = (method: string) =>
  `${method} budgets count time slices (good minutes over all minutes); the gate budgets events (good events over all events): expected Occurrences; got "${method}"`;
const CALENDAR =
  'calendar-aligned windows are not supported: the gate measures a rolling window that ends at the deploy; write isRolling: true with a duration such as 28d (got a calendar starting "2022-01-01 12:00:00")';

/** An SLO that refers to an SLI by name, otherwise as the gate accepts it. */
const sloFor = (sli: string, name = `uses-${sli}`) => `---
apiVersion: openslo/v1
kind: SLO
metadata: { name: ${name} }
spec:
  service: web
  indicatorRef: ${sli}
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99 }]
`;

describe('the official OpenSLO examples (test/fixtures/openslo, from OpenSLO/OpenSLO)', () => {
  it('refuses the budgeting-method examples, naming the document (metadata.name) and every field the gate cannot read', async () => {
    expect(issuesOf(() => slosFromOpenSlo('', 'x'))).toEqual([
      '(top level): no kind: SLO in the file (it is empty); expected apiVersion: openslo/v1 documents with kind: SLO',
    ]);
    const occurrences = await fixture('occurences-slo.yaml');
    expect(issuesOf(() => slosFromOpenSlo(occurrences, 'slos/occurences-slo.yaml'))).toEqual([
      `SLO/search-slo spec.indicator.spec.thresholdMetric.metricSource.type: ${PROMETHEUS_ONLY}`,
    ]);
    const ratioTimeslices = await fixture('ratio-timeslices.yaml');
    expect(issuesOf(() => slosFromOpenSlo(ratioTimeslices, 'x'))).toEqual([
      `SLO/main-page spec.budgetingMethod: ${timeslices('RatioTimeslices')}`,
      `SLO/main-page spec.indicator.spec.ratioMetric.good.metricSource.type: ${PROMETHEUS_ONLY}`,
      `SLO/main-page spec.indicator.spec.ratioMetric.total.metricSource.type: ${PROMETHEUS_ONLY}`,
    ]);
    const timeslicesSlo = await fixture('timeslices-slo.yaml');
    expect(issuesOf(() => slosFromOpenSlo(timeslicesSlo, 'x'))).toEqual([
      `SLO/service-availability spec.budgetingMethod: ${timeslices('Timeslices')}`,
      `SLO/service-availability spec.timeWindow[0].calendar: ${CALENDAR}`,
      `SLO/service-availability spec.indicator.spec.ratioMetric.good.metricSource.type: ${PROMETHEUS_ONLY}`,
      `SLO/service-availability spec.indicator.spec.ratioMetric.total.metricSource.type: ${PROMETHEUS_ONLY}`,
    ]);
  });

  it('says which file the refusal is about', async () => {
    try {
      slosFromOpenSlo(await fixture('occurences-slo.yaml'), 'slos/search.yaml');
      expect.unreachable();
    } catch (error: unknown) {
      expect((error as PolicyError).source).toBe('slos/search.yaml');
      expect((error as PolicyError).message).toMatch(
        /^slos\/search\.yaml: invalid value\n {2}- SLO\/search-slo spec\.indicator\.spec\.thresholdMetric/,
      );
    }
  });

  it('refuses the Prometheus SLO example (a list of objects) for its calendar window and Timeslices budget, and accepts it once those are rolling and Occurrences', async () => {
    const text = await fixture('v1-slos.yaml');
    expect(issuesOf(() => slosFromOpenSlo(text, 'x'))).toEqual([
      `SLO/web-availability spec.budgetingMethod: ${timeslices('Timeslices')}`,
      `SLO/web-availability spec.timeWindow[0].calendar: ${CALENDAR}`,
    ]);
    const rolling = text
      .replace(/isRolling: false\n\s+calendar:\n\s+startTime: .*\n\s+timeZone: .*\n/, 'isRolling: true\n')
      .replace('budgetingMethod: Timeslices', 'budgetingMethod: Occurrences');
    expect(slosFromOpenSlo(rolling, 'x')).toEqual([
      {
        name: 'web-availability',
        service: 'web',
        description: 'X% of search requests are successful',
        objective: 99.5,
        window: '1w',
        sli: {
          // counter: true and no range: each counter is read with increase() over the window.
          'good-events': {
            good: 'sum(increase(http_requests{k8s_cluster="prod",component="web",code=~"2xx|4xx"}[{{window}}]))',
            total: 'sum(increase(http_requests{k8s_cluster="prod",component="web"}[{{window}}]))',
          },
        },
      },
    ]);
  });

  it('reads the SLI examples only through an SLO that refers to them: the Prometheus raw ratio is accepted, the others refused with why', async () => {
    const slis = await fixture('v1-slis.yaml');
    expect(issuesOf(() => slosFromOpenSlo(slis, 'x'))).toEqual([
      '(top level): no kind: SLO in the file (it has SLI/search-availability, SLI/end-user-response, SLI/wifi-client-satisfaction, SLI/annotator-throughput); expected apiVersion: openslo/v1 documents with kind: SLO',
    ]);
    expect(slosFromOpenSlo(slis + sloFor('wifi-client-satisfaction'), 'x')).toEqual([
      {
        name: 'uses-wifi-client-satisfaction',
        service: 'web',
        objective: 99,
        window: '28d',
        // rawType: success: the query is the good ratio, so the error ratio is 1 − it.
        sli: {
          ratio: {
            query:
              '1 - (1 - (\n  sum(sum_over_time(poller_client_satisfaction_ratio[{{window}}]))\n  /\n  sum(count_over_time(poller_client_satisfaction_ratio[{{window}}]))\n))',
          },
        },
      },
    ]);
    expect(issuesOf(() => slosFromOpenSlo(slis + sloFor('search-availability'), 'x'))).toEqual([
      'SLI/search-availability spec.ratioMetric.good.metricSource.type: expected type: Prometheus: the gate reads Prometheus (and Prometheus-compatible APIs such as Thanos, Mimir or VictoriaMetrics) only; got "Datadog"',
      'SLI/search-availability spec.ratioMetric.total.metricSource.type: expected type: Prometheus: the gate reads Prometheus (and Prometheus-compatible APIs such as Thanos, Mimir or VictoriaMetrics) only; got "Datadog"',
    ]);
    expect(issuesOf(() => slosFromOpenSlo(slis + sloFor('end-user-response'), 'x'))).toEqual([
      'SLI/end-user-response spec.ratioMetric.bad.metricSource.type: expected type: Prometheus: the gate reads Prometheus (and Prometheus-compatible APIs such as Thanos, Mimir or VictoriaMetrics) only; got "AppDynamics"',
      'SLI/end-user-response spec.ratioMetric.total.metricSource.type: expected type: Prometheus: the gate reads Prometheus (and Prometheus-compatible APIs such as Thanos, Mimir or VictoriaMetrics) only; got "AppDynamics"',
    ]);
    expect(issuesOf(() => slosFromOpenSlo(slis + sloFor('annotator-throughput'), 'x'))).toEqual([
      'SLI/annotator-throughput spec.thresholdMetric.metricSource.spec.query: a threshold metric is read only as a latency histogram: expected the histogram\'s bucket selector alone, e.g. http_request_duration_seconds_bucket{job="api"}: good events are the bucket whose le is the objective\'s value, all events the histogram\'s _count; got sum(min_over_time(kafka_consumergroup_lag{k8s_cluster="prod", consumergroup="annotator", topic="annotator-in"}[2m])) (query: sum(min_over_time(kafka_consumergroup_lag{k8s_cluster="prod", consumergroup="annotator", topic="annotator-in"}[2m])))',
    ]);
  });
});

describe("Sloth's OpenSLO examples (openslo/v1alpha, as Sloth reads them)", () => {
  it("accepts the getting-started example with Sloth's SLO id as the name and rate() read as increase()", async () => {
    expect(slosFromOpenSlo(await fixture('sloth/openslo-getting-started.yml'), 'x')).toEqual([
      {
        name: 'my-service-sloth-slo-my-service-0',
        service: 'my-service',
        description: 'Common SLO based on availability for HTTP request responses.',
        objective: 99.9,
        window: '30d',
        sli: {
          'good-events': {
            good: 'sum(increase(http_request_duration_seconds_count{job="myservice",code!~"(5..|429)"}[{{window}}]))',
            total: 'sum(increase(http_request_duration_seconds_count{job="myservice"}[{{window}}]))',
          },
        },
      },
    ]);
  });

  it('accepts the apiserver example: two documents, one SLO per objective, a bucket against the count as good/total', async () => {
    const slos = slosFromOpenSlo(await fixture('sloth/openslo-kubernetes-apiserver.yml'), 'x');
    expect(slos.map((s) => [s.name, s.service, s.objective, s.window])).toEqual([
      ['k8s-apiserver-requests-availability-openslo-0', 'k8s-apiserver', 99.9, '30d'],
      ['k8s-apiserver-requests-latency-openslo-0', 'k8s-apiserver', 99, '30d'],
      ['k8s-apiserver-requests-latency-openslo-1', 'k8s-apiserver', 99.9, '30d'],
    ]);
    expect(slos[1]!.sli).toEqual({
      'good-events': {
        good: 'sum(increase(apiserver_request_duration_seconds_bucket{le="0.4",verb!="WATCH"}[{{window}}]))',
        total: 'sum(increase(apiserver_request_duration_seconds_count{verb!="WATCH"}[{{window}}]))',
      },
    });
  });

  it('refuses what Sloth reads but the gate cannot mean: a calendar window, Timeslices, a month', async () => {
    const text = await fixture('sloth/openslo-getting-started.yml');
    expect(
      issuesOf(() =>
        slosFromOpenSlo(text.replace('unit: Day', 'unit: Day\n      calendar: { startTime: 2022-01-01 12:00:00, timeZone: UTC }'), 'x'),
      ),
    ).toEqual([
      'SLO/sloth-slo-my-service spec.timeWindows[0].calendar: calendar-aligned windows are not supported: the gate measures a rolling window that ends at the deploy; write a count of days or weeks',
    ]);
    expect(issuesOf(() => slosFromOpenSlo(text.replace('Occurrences', 'Timeslices'), 'x'))).toEqual([
      `SLO/sloth-slo-my-service spec.budgetingMethod: ${timeslices('Timeslices')}`,
    ]);
    expect(issuesOf(() => slosFromOpenSlo(text.replace('count: 30\n      unit: Day', 'count: 1\n      unit: Month'), 'x'))).toEqual([
      'SLO/sloth-slo-my-service spec.timeWindows[0].unit: months and quarters have no fixed length, so a rolling window of them is ambiguous: write it in days (unit: Day, count: 30); got "Month"',
    ]);
    expect(
      issuesOf(() =>
        slosFromOpenSlo(
          text.replace(
            'source: prometheus\n          queryType: promql\n          query: sum(rate(http_request_duration_seconds_count{job="myservice",code',
            'source: datadog\n          queryType: promql\n          query: sum(rate(http_request_duration_seconds_count{job="myservice",code',
          ),
          'x',
        ),
      ),
    ).toEqual([
      'SLO/sloth-slo-my-service spec.objectives[0].ratioMetrics.good.source: the gate reads Prometheus queries only: expected source: prometheus; got "datadog"',
    ]);
  });
});

/** An inline-SLI SLO with the given spec lines replaced. */
function slo(overrides: { sli?: string; objectives?: string; window?: string; budgeting?: string; name?: string } = {}): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${overrides.name ?? 'checkout'}
spec:
  service: shop
  description: Checkout requests succeed
  indicator:
    metadata: { name: checkout-requests }
    spec:
${(
  overrides.sli ??
  `ratioMetric:
  counter: true
  good: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(http_requests_total{job="checkout",code!~"5.."}[5m]))' } } }
  total: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(http_requests_total{job="checkout"}[5m]))' } } }`
)
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
  timeWindow: ${overrides.window ?? '[{ duration: 28d, isRolling: true }]'}
  budgetingMethod: ${overrides.budgeting ?? 'Occurrences'}
  objectives: ${overrides.objectives ?? '[{ displayName: Good, target: 0.999 }]'}
`;
}

const only = (text: string): SloConfig => {
  const slos = slosFromOpenSlo(text, 'x');
  expect(slos).toHaveLength(1);
  return slos[0]!;
};

describe('OpenSLO v1 to SLOs', () => {
  it('maps a good/total ratio metric to a good-events SLI with the window the author wrote made a {{window}}', () => {
    expect(only(slo())).toEqual({
      name: 'checkout',
      service: 'shop',
      description: 'Checkout requests succeed',
      objective: 99.9,
      window: '28d',
      sli: {
        'good-events': {
          good: 'sum(increase(http_requests_total{job="checkout",code!~"5.."}[{{window}}]))',
          total: 'sum(increase(http_requests_total{job="checkout"}[{{window}}]))',
        },
      },
    });
  });

  it('reads target as a fraction and targetPercent as a percentage, never a fraction as a percentage', () => {
    expect(only(slo({ objectives: '[{ target: 0.9995 }]' })).objective).toBe(99.95);
    expect(only(slo({ objectives: '[{ target: 0.999 }]' })).objective).toBe(99.9);
    // Not 99.85000000000001, which is what 0.9985 * 100 gives.
    expect(only(slo({ objectives: '[{ target: 0.9985 }]' })).objective).toBe(99.85);
    expect(only(slo({ objectives: '[{ targetPercent: 99.95 }]' })).objective).toBe(99.95);
    expect(issuesOf(() => slosFromOpenSlo(slo({ objectives: '[{ target: 99.9 }]' }), 'x'))).toEqual([
      'SLO/checkout spec.objectives[0].target: expected a fraction above 0 and below 1, e.g. 0.999 for 99.9%; got 99.9; for a percentage write targetPercent: 99.9',
    ]);
    expect(issuesOf(() => slosFromOpenSlo(slo({ objectives: '[{ target: 0.99, targetPercent: 99 }]' }), 'x'))).toEqual([
      'SLO/checkout spec.objectives[0]: set target (a fraction such as 0.999) or targetPercent (a percentage such as 99.9), not both',
    ]);
    expect(issuesOf(() => slosFromOpenSlo(slo({ objectives: '[{ displayName: Good }]' }), 'x'))).toEqual([
      'SLO/checkout spec.objectives[0]: expected target (a fraction such as 0.999) or targetPercent (a percentage such as 99.9)',
    ]);
    // targetPercent: 0.999 is 0.999 % in OpenSLO too, which no gate should enforce: the policy's own rule refuses it, naming the field.
    expect(issuesOf(() => slosFromOpenSlo(slo({ objectives: '[{ targetPercent: 0.999 }]' }), 'x'))[0]).toMatch(
      /^SLO\/checkout spec\.objectives\[0\]\.targetPercent: expected a percentage above 1, e\.g\. 99\.9: .*did you mean 99\.9\?/,
    );
  });

  it('makes one SLO per objective, named <name>-<index>', () => {
    expect(slosFromOpenSlo(slo({ objectives: '[{ target: 0.99 }, { target: 0.999 }]' }), 'x').map((s) => [s.name, s.objective])).toEqual([
      ['checkout-0', 99],
      ['checkout-1', 99.9],
    ]);
  });

  it("refuses good and bad together (OpenSLO's own schema test sli-ratio-good-and-bad.yaml)", () => {
    const both = `ratioMetric:
  counter: true
  bad: { metricSource: { type: Prometheus, spec: { query: 'sum(localhost_server_requests{code=~"2xx|3xx"})' } } }
  good: { metricSource: { type: Prometheus, spec: { query: 'sum(localhost_server_requests{code=~"2xx|3xx"})' } } }
  total: { metricSource: { type: Prometheus, spec: { query: 'localhost_server_requests{code="total"}' } } }`;
    expect(issuesOf(() => slosFromOpenSlo(slo({ sli: both }), 'x'))).toEqual([
      'SLO/checkout spec.indicator.spec.ratioMetric: set good or bad, not both',
    ]);
  });

  it('maps bad/total to events and a raw failure ratio to ratio', () => {
    const bad = `ratioMetric:
  bad: { metricSource: { type: prometheus, spec: { query: 'sum(increase(e[{{window}}]))' } } }
  total: { metricSource: { type: prometheus, spec: { query: 'sum(increase(t[{{window}}]))' } } }`;
    expect(only(slo({ sli: bad })).sli).toEqual({
      events: { error: 'sum(increase(e[{{window}}]))', total: 'sum(increase(t[{{window}}]))' },
    });
    const raw = `ratioMetric:
  rawType: failure
  raw: { metricSource: { type: Prometheus, spec: { query: 'avg_over_time(stale_ratio[1h])' } } }`;
    expect(only(slo({ sli: raw })).sli).toEqual({ ratio: { query: 'avg_over_time(stale_ratio[{{window}}])' } });
    expect(issuesOf(() => slosFromOpenSlo(slo({ sli: raw.replace('rawType: failure', 'rawType: errors') }), 'x'))).toEqual([
      'SLO/checkout spec.indicator.spec.ratioMetric.rawType: expected success (the raw query is the good ratio) or failure (the error ratio); got "errors"',
    ]);
  });

  it('maps a histogram bucket threshold metric to a latency SLI, and refuses one that is not a histogram bucket or counts the slow events as good', () => {
    const threshold = (query: string) => `thresholdMetric:
  metricSource: { type: Prometheus, spec: { query: '${query}' } }`;
    expect(
      only(
        slo({
          sli: threshold('http_request_duration_seconds_bucket{job="checkout"}'),
          objectives: '[{ op: lte, value: 0.25, target: 0.99 }]',
        }),
      ).sli,
    ).toEqual({
      latency: { metric: 'http_request_duration_seconds', threshold: 0.25, selector: 'job="checkout"' },
    });
    expect(only(slo({ sli: threshold('h_bucket'), objectives: '[{ op: lt, value: 1, target: 0.99 }]' })).sli).toEqual({
      latency: { metric: 'h', threshold: 1 },
    });
    expect(
      issuesOf(() => slosFromOpenSlo(slo({ sli: threshold('h_bucket'), objectives: '[{ op: gt, value: 1, target: 0.99 }]' }), 'x')),
    ).toEqual([
      'SLO/checkout spec.objectives[0].op: a histogram bucket counts the events at or below its bound, so good events are the fast ones: expected op lte (or lt); got "gt"',
    ]);
    expect(issuesOf(() => slosFromOpenSlo(slo({ sli: threshold('h_bucket'), objectives: '[{ op: lte, target: 0.99 }]' }), 'x'))).toEqual([
      "SLO/checkout spec.objectives[0].value: expected the latency bound, a positive number in the histogram's unit that is one of its bucket bounds (le), e.g. 0.5; got nothing",
    ]);
    expect(
      issuesOf(() =>
        slosFromOpenSlo(
          slo({ sli: threshold('h_bucket'), objectives: '[{ op: lte, value: 1, target: 0.99 }, { op: lte, value: 2, target: 0.9 }]' }),
          'x',
        ),
      ),
    ).toEqual(['SLO/checkout spec.objectives: a thresholdMetric SLO has exactly one objective; got 2']);
    expect(
      issuesOf(() =>
        slosFromOpenSlo(
          slo({
            sli: threshold('histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))'),
            objectives: '[{ op: lte, value: 1, target: 0.99 }]',
          }),
          'x',
        ),
      )[0],
    ).toMatch(
      /^SLO\/checkout spec\.indicator\.spec\.thresholdMetric\.metricSource\.spec\.query: a threshold metric is read only as a latency histogram: expected the histogram's bucket selector alone/,
    );
    expect(
      issuesOf(() =>
        slosFromOpenSlo(slo({ sli: threshold('h_bucket{le="0.5"}'), objectives: '[{ op: lte, value: 0.5, target: 0.99 }]' }), 'x'),
      )[0],
    ).toMatch(/the selector has an le matcher; leave it out/);
  });

  it('reads rolling windows in the units OpenSLO has, and refuses calendar windows, months and quarters', () => {
    expect(only(slo({ window: '[{ duration: 4w, isRolling: true }]' })).window).toBe('4w');
    expect(only(slo({ window: '[{ duration: 12h, isRolling: true }]' })).window).toBe('12h');
    expect(only(slo({ window: '[{ duration: 1Y, isRolling: true }]' })).window).toBe('1y');
    // No timeWindow: the policy's window (30d by default, or the window input).
    expect(only(slo({ window: 'null' })).window).toBeUndefined();
    expect(issuesOf(() => slosFromOpenSlo(slo({ window: '[{ duration: 1M, isRolling: true }]' }), 'x'))).toEqual([
      'SLO/checkout spec.timeWindow[0].duration: months and quarters have no fixed length, so a rolling window of them is ambiguous: write it in days or weeks, e.g. 30d or 4w; got "1M"',
    ]);
    expect(issuesOf(() => slosFromOpenSlo(slo({ window: '[{ duration: 1w, isRolling: false }]' }), 'x'))).toEqual([
      'SLO/checkout spec.timeWindow[0].isRolling: calendar-aligned windows are not supported: the gate measures a rolling window that ends at the deploy; write isRolling: true with a duration such as 28d; got false',
    ]);
    expect(
      issuesOf(() => slosFromOpenSlo(slo({ window: '[{ duration: 1w, isRolling: true }, { duration: 4w, isRolling: true }]' }), 'x'))[0],
    ).toMatch(/^SLO\/checkout spec\.timeWindow: expected exactly one time window/);
    expect(issuesOf(() => slosFromOpenSlo(slo({ budgeting: 'null' }), 'x'))).toEqual([
      'SLO/checkout spec.budgetingMethod: expected budgetingMethod: Occurrences; the gate budgets events (good events over all events)',
    ]);
  });

  it('follows indicatorRef to an SLI in the same file, and a metricSourceRef to a DataSource for its type', () => {
    const text = `apiVersion: openslo/v1
kind: DataSource
metadata: { name: prom }
spec: { type: Prometheus, connectionDetails: { url: http://ignored.example } }
---
apiVersion: openslo/v1
kind: SLI
metadata: { name: checkout-good }
spec:
  ratioMetric:
    good: { metricSource: { metricSourceRef: prom, spec: { query: 'sum(increase(ok_total[{{ .window }}]))' } } }
    total: { metricSource: { metricSourceRef: prom, spec: { query: 'sum(increase(all_total[{{ .window }}]))' } } }
---
apiVersion: openslo/v1
kind: Service
metadata: { name: shop }
spec: { description: ignored }
${sloFor('checkout-good', 'checkout')}`;
    expect(only(text)).toEqual({
      name: 'checkout',
      service: 'web',
      objective: 99,
      window: '28d',
      sli: { 'good-events': { good: 'sum(increase(ok_total[{{window}}]))', total: 'sum(increase(all_total[{{window}}]))' } },
    });
    expect(issuesOf(() => slosFromOpenSlo(text.replace('indicatorRef: checkout-good', 'indicatorRef: checkout-ok'), 'x'))).toEqual([
      'SLO/checkout spec.indicatorRef: no kind: SLI named "checkout-ok" in this file (its SLIs: checkout-good); the SLI an SLO refers to must be in the same file',
    ]);
    expect(issuesOf(() => slosFromOpenSlo(text.replaceAll('metricSourceRef: prom,', 'metricSourceRef: thanos,'), 'x'))).toEqual([
      'SLI/checkout-good spec.ratioMetric.good.metricSource.metricSourceRef: names no kind: DataSource in this file ("thanos"), and metricSource.type is not set; set type: Prometheus',
      'SLI/checkout-good spec.ratioMetric.total.metricSource.metricSourceRef: names no kind: DataSource in this file ("thanos"), and metricSource.type is not set; set type: Prometheus',
    ]);
  });

  it('reports an SLI that several SLOs share once', () => {
    const text = `apiVersion: openslo/v1
kind: SLI
metadata: { name: dd }
spec:
  ratioMetric:
    good: { metricSource: { type: Datadog, spec: { query: 'a' } } }
    total: { metricSource: { type: Prometheus, spec: { query: 'sum(increase(t[{{window}}]))' } } }
${sloFor('dd', 'one')}${sloFor('dd', 'two')}`;
    expect(issuesOf(() => slosFromOpenSlo(text, 'x'))).toEqual([
      'SLI/dd spec.ratioMetric.good.metricSource.type: expected type: Prometheus: the gate reads Prometheus (and Prometheus-compatible APIs such as Thanos, Mimir or VictoriaMetrics) only; got "Datadog"',
    ]);
  });

  it('refuses composite SLOs, other apiVersions, a Sloth spec given as OpenSLO, duplicate names and broken YAML', () => {
    expect(issuesOf(() => slosFromOpenSlo(slo({ objectives: '[{ target: 0.99, indicatorRef: other }]' }), 'x'))).toEqual([
      'SLO/checkout spec.objectives[0]: composite SLOs (an indicator per objective) are not supported: write one SLO per indicator',
    ]);
    expect(issuesOf(() => slosFromOpenSlo(slo().replace('openslo/v1', 'openslo/v2alpha'), 'x'))).toEqual([
      'SLO/checkout apiVersion: expected openslo/v1 (or openslo/v1alpha, as Sloth reads it); got "openslo/v2alpha"',
    ]);
    expect(issuesOf(() => slosFromOpenSlo('version: prometheus/v1\nservice: s\nslos: []\n', 'x'))).toEqual([
      "document 1: this is a Sloth spec (version: prometheus/v1), not OpenSLO: name it with the policy's sloth: key instead of openslo:",
    ]);
    expect(issuesOf(() => slosFromOpenSlo(`${slo()}---\n${slo()}`, 'x'))).toEqual([
      'SLO/checkout metadata.name: SLO names must be unique; "checkout" appears twice',
    ]);
    expect(issuesOf(() => slosFromOpenSlo(`${slo()}---\nkind: [`, 'x'))[0]).toMatch(/^line \d+: YAML syntax: /);
    expect(
      issuesOf(() =>
        slosFromOpenSlo(
          'a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
          'x',
        ),
      )[0],
    ).toMatch(/YAML aliases/);
    expect(issuesOf(() => slosFromOpenSlo(`${'['.repeat(100)}${']'.repeat(100)}`, 'x'))[0]).toMatch(/YAML nesting/);
    expect(issuesOf(() => slosFromOpenSlo(' '.repeat(300 * 1024), 'x'))[0]).toMatch(/an OpenSLO file may have at most 262144/);
    expect(issuesOf(() => slosFromOpenSlo('apiVersion: openslo/v1\nkind: SLO\nkind: SLI\n', 'x'))[0]).toMatch(
      /Map keys must be unique; "kind" is repeated/,
    );
  });
});

describe('finding the window in an OpenSLO query', () => {
  it.each([
    // Sloth's and our placeholder: kept, rate() read as increase().
    ['sum(rate(x{a="b"}[{{.window}}]))', false, 'sum(increase(x{a="b"}[{{window}}]))'],
    ['sum(increase(x[{{window}}])) / sum(increase(y[{{ window }}]))', false, 'sum(increase(x[{{window}}])) / sum(increase(y[{{window}}]))'],
    ['avg_over_time(ratio[{{window}}:1m])', false, 'avg_over_time(ratio[{{window}}:1m])'],
    // One range written: it was the window.
    ['sum(rate(x[5m])) / sum(rate(y[300s]))', false, 'sum(increase(x[{{window}}])) / sum(increase(y[{{window}}]))'],
    ['sum(increase(x{le="0.5"}[1h30m]))', false, 'sum(increase(x{le="0.5"}[{{window}}]))'],
    // Counters without a range: increase() over the window.
    ['sum(requests_total{code="200"}) by (job)', true, 'sum(increase(requests_total{code="200"}[{{window}}])) by (job)'],
    ['requests_total', true, 'increase(requests_total[{{window}}])'],
  ])('%s (counter: %s) → %s', (query, counters, expected) => {
    expect(windowTemplate(query, counters)).toEqual({ template: expected });
  });

  it.each([
    [
      'sum(rate(x[5m])) / sum(rate(y[1h]))',
      false,
      'its range selectors have different ranges ([5m], [1h]), so the gate cannot tell which is the SLO window; write {{window}} where the window goes',
    ],
    ['sum(requests_total)', false, 'it has no range selector, so it reads one instant, not events over a window'],
    ['sum(irate(x[5m]))', false, 'it uses irate(), which reads only the last two samples whatever the range'],
    ['sum(irate(x[{{window}}]))', false, 'it uses irate(), which reads only the last two samples whatever the range'],
    ['sum(rate(x[5m] offset 1d))', false, 'it uses offset (x[5m] offset 1d), which would measure a window that ends before the deploy'],
    ['sum(increase(x[{{window}}] @ 1700000000))', false, 'it uses the @ modifier'],
    [
      'max_over_time(sum(rate(x[5m]))[1h:5m])',
      false,
      'it has a subquery (sum(rate(x[5m]))[1h:5m]), so the gate cannot tell which range is the SLO window',
    ],
    ['sum(rate(x[5m]', true, 'it does not parse as PromQL near'],
  ])('refuses %s', (query, counters, message) => {
    const result = windowTemplate(query, counters);
    expect('refused' in result && result.refused).toContain(message);
  });

  it('reads a histogram from its bucket selector alone', () => {
    expect(histogramSelector('latency_seconds_bucket{job="api", route!~"/health|/ready"}')).toEqual({
      metric: 'latency_seconds',
      selector: 'job="api", route!~"/health|/ready"',
    });
    expect(histogramSelector('latency_seconds_count')).toMatchObject({
      refused: expect.stringContaining('latency_seconds_count is not a _bucket series'),
    });
    expect(histogramSelector('{__name__="latency_seconds_bucket"}')).toMatchObject({
      refused: expect.stringContaining('the selector names no metric'),
    });
  });
});

describe('the good-events SLI kind: errors are total − good, clamped at 0', () => {
  const sli = resolveSli({
    'good-events': { good: 'sum(increase(good[{{window}}]))', total: 'sum(increase(total[{{window}}]))' },
  }) as ReturnType<typeof goodEventsSli.resolve>;
  const now = new Date('2026-11-23T12:00:00Z');
  const answering = (good: number | null, total: number | null) => new MemoryQuerier((q) => (q.includes('good[') ? good : total));

  it('measures total − good over total', async () => {
    expect(await goodEventsSli.measure(sli, '30d', answering(9_990, 10_000), now)).toEqual({ state: 'measured', ratio: 0.001 });
  });

  it('reads good extrapolated above the total as zero errors, never as a negative count or a "use increase()" error', async () => {
    // 5m: increase() extrapolation of two series scraped at different times; any overshoot is noise on a short window.
    expect(await goodEventsSli.measure(sli, '5m', answering(1_250, 1_000), now)).toEqual({ state: 'measured', ratio: 0 });
    // 30d: within 1 %, still rounding.
    expect(await goodEventsSli.measure(sli, '30d', answering(1_000_004, 1_000_000), now)).toEqual({ state: 'measured', ratio: 0 });
  });

  it('says the queries disagree when good exceeds total by more than 1 % over a day or more', async () => {
    const error = await goodEventsSli.measure(sli, '30d', answering(1_100, 1_000), now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SliError);
    expect((error as Error).message).toBe(
      "over 30d: the good query counts more events than the total query (good 1100, total 1000); the good query must count a subset of the total query's events (good: sum(increase(good[30d])); total: sum(increase(total[30d])))",
    );
    expect((error as Error).message).not.toMatch(/use increase\(\)/);
  });

  it('reads an absent good series as no good events (it fails closed), an absent total as no data and a zero total as no traffic', async () => {
    expect(await goodEventsSli.measure(sli, '1h', answering(null, 500), now)).toEqual({ state: 'measured', ratio: 1 });
    expect(await goodEventsSli.measure(sli, '1h', answering(10, null), now)).toEqual({
      state: 'no-data',
      query: 'sum(increase(total[1h]))',
      detail: 'the total query returned no samples',
    });
    expect(await goodEventsSli.measure(sli, '1h', answering(0, 0), now)).toEqual({
      state: 'no-traffic',
      query: 'sum(increase(total[1h]))',
      detail: 'the total query returned 0',
    });
  });

  it('records the same clamped difference as event counts, with a missing good series as zero good events', () => {
    expect(goodEventsSli.recording(sli, '5m')).toEqual({
      counts: {
        error: 'clamp_min(sum(increase(total[5m])) - (sum(increase(good[5m])) or 0 * sum(increase(total[5m]))), 0)',
        total: 'sum(increase(total[5m]))',
      },
    });
  });
});

describe('the openslo policy key', () => {
  it("adds the file's SLOs to the policy's own, and resolvePolicy refuses the key unread", () => {
    const file = parsePolicy('openslo: slos/checkout.yaml\nslos:\n  - name: own\n    sli: { ratio: { query: "r[{{window}}]" } }\n');
    expect(issuesOf(() => resolvePolicy(file, gateInputsSchema.parse({})))).toEqual([
      'openslo: the OpenSLO file slos/checkout.yaml was not loaded by this entry point; list the SLOs under slos instead, or use one that reads openslo files',
    ]);
    const applied = applyOpenSloSource(file, slo());
    expect(applied.openslo).toBeUndefined();
    const policy = resolvePolicy(applied, gateInputsSchema.parse({}));
    expect(policy.slos.map((s) => [s.name, s.service, s.objective, s.window, s.sli.kind])).toEqual([
      ['own', 'own', 99.9, '30d', 'ratio'],
      ['checkout', 'shop', 99.9, '28d', 'good-events'],
    ]);
    // The window input wins over the file's window, as for every SLO.
    expect(resolvePolicy(applied, gateInputsSchema.parse({ window: '7d' })).slos[1]!.window).toBe('7d');
  });

  it('is a path inside the repository', () => {
    for (const bad of ['/etc/passwd', '../secrets.yaml', 'slos/../../x.yaml', 'C:\\slos\\x.yaml']) {
      expect(issuesOf(() => parsePolicy(`openslo: ${JSON.stringify(bad)}\n`))).toEqual([
        `openslo: expected a path inside the repository, relative to its root and without .., e.g. slos/checkout.openslo.yaml (got ${JSON.stringify(bad)})`,
      ]);
    }
  });
});

describe('reading the OpenSLO file', () => {
  it('from disk (the Action and the CLI), relative to the root, refusing a directory and a link out of the repository', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'dg-openslo-'));
    await mkdir(path.join(root, 'slos'));
    await writeFile(path.join(root, 'policy.yml'), 'openslo: slos/checkout.yaml\ndr: { enabled: false }\n');
    await writeFile(path.join(root, 'slos/checkout.yaml'), slo());
    const loaded = await readPolicyFile(root, 'policy.yml');
    expect(loaded.file.openslo).toBeUndefined();
    expect(loaded.file.slos?.map((s) => s.name)).toEqual(['checkout']);

    await writeFile(path.join(root, 'policy.yml'), 'openslo: slos/missing.yaml\n');
    expect((await issuesOfAsync(() => readPolicyFile(root, 'policy.yml'))).issues[0]).toMatch(
      /^openslo: cannot read the OpenSLO file slos\/missing\.yaml \(.*\): ENOENT/,
    );
    await writeFile(path.join(root, 'policy.yml'), 'openslo: slos\n');
    expect((await issuesOfAsync(() => readPolicyFile(root, 'policy.yml'))).issues).toEqual([
      'openslo: slos is a directory; name one file (several OpenSLO documents go in one file, separated by ---)',
    ]);
    const outside = await mkdtemp(path.join(tmpdir(), 'dg-outside-'));
    await writeFile(path.join(outside, 'secret'), 'TOKEN=s3cr3t\n');
    await symlink(path.join(outside, 'secret'), path.join(root, 'slos/link.yaml'));
    await writeFile(path.join(root, 'policy.yml'), 'openslo: slos/link.yaml\n');
    const refused = await issuesOfAsync(() => readPolicyFile(root, 'policy.yml'));
    expect(refused.issues[0]).toMatch(
      /^openslo: the OpenSLO file slos\/link\.yaml resolves to .*secret, outside .*; name a file inside the repository$/,
    );
    expect(refused.issues.join('\n')).not.toContain('s3cr3t');

    // The OpenSLO file's own problems are the OpenSLO file's.
    await writeFile(path.join(root, 'policy.yml'), 'openslo: slos/checkout.yaml\n');
    await writeFile(path.join(root, 'slos/checkout.yaml'), slo({ budgeting: 'Timeslices' }));
    expect(await issuesOfAsync(() => readPolicyFile(root, 'policy.yml'))).toEqual({
      source: 'slos/checkout.yaml',
      issues: [`SLO/checkout spec.budgetingMethod: ${timeslices('Timeslices')}`],
    });
  });

  it('from the default branch (the app), through the contents API', async () => {
    const files: Record<string, string> = { '.github/deploy-governor.yml': 'openslo: ./slos/checkout.yaml\n', 'slos/checkout.yaml': slo() };
    const asked: string[] = [];
    const client: GitHubClient = {
      async request(route, parameters) {
        expect(route).toBe('GET /repos/{owner}/{repo}/contents/{path}');
        const file = String(parameters?.path);
        asked.push(file);
        if (files[file] === undefined) throw Object.assign(new Error('Not Found'), { status: 404 });
        return {
          status: 200,
          data: { type: 'file', sha: 'abc', encoding: 'base64', content: Buffer.from(files[file]!).toString('base64') },
        };
      },
    };
    const policy = await readRepoPolicy(client, 'o', 'r');
    expect(asked).toEqual(['.github/deploy-governor.yml', 'slos/checkout.yaml']);
    expect(policy.openslo).toBeUndefined();
    expect(policy.slos?.map((s) => [s.name, Object.keys(s.sli)[0]])).toEqual([['checkout', 'good-events']]);
    delete files['slos/checkout.yaml'];
    expect(await issuesOfAsync(() => readRepoPolicy(client, 'o', 'r'))).toEqual({
      source: 'o/r:.github/deploy-governor.yml',
      issues: ['openslo: the OpenSLO file ./slos/checkout.yaml does not exist on the default branch'],
    });
  });

  describe('by generate rules and generate dashboard', () => {
    const cwd = process.cwd();
    afterEach(() => process.chdir(cwd));

    async function generate(...args: string[]): Promise<{ code: number; output: string }> {
      const out: string[] = [];
      const capture = (c: string | Uint8Array) => (out.push(String(c)), true);
      const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
      try {
        return { code: await run(['node', 'deploy-governor', 'generate', ...args]), output: out.join('') };
      } finally {
        stdout.mockRestore();
        stderr.mockRestore();
      }
    }

    it('writes rules and a dashboard for the OpenSLO SLOs, and names the OpenSLO file in its refusals', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'dg-openslo-gen-'));
      await mkdir(path.join(dir, '.github'));
      await mkdir(path.join(dir, 'slos'));
      await writeFile(path.join(dir, '.github/deploy-governor.yml'), 'openslo: slos/checkout.yaml\ndr: { enabled: false }\n');
      await writeFile(path.join(dir, 'slos/checkout.yaml'), slo());
      process.chdir(dir);
      expect(await generate('rules')).toEqual({ code: 0, output: 'wrote deploy-governor.rules.yml\n' });
      const rules = parse(await readFile(path.join(dir, 'deploy-governor.rules.yml'), 'utf8')) as {
        groups: { name: string; rules: { expr: string }[] }[];
      };
      const exprs = rules.groups.flatMap((g) => g.rules.map((r) => r.expr));
      // The base recording is the clamped difference of the OpenSLO queries, at the rules' base window.
      expect(
        exprs.some((e) =>
          /^clamp_min\(sum\(increase\(http_requests_total\{job="checkout"\}\[\w+\]\)\) - \(sum\(increase\(http_requests_total\{job="checkout",code!~"5\.\."\}\[\w+\]\)\) or 0 \* sum\(/.test(
            e,
          ),
        ),
      ).toBe(true);
      expect(await generate('dashboard')).toMatchObject({ code: 0 });
      const dashboard = await readFile(path.join(dir, 'dashboards/deploy-governor.json'), 'utf8');
      expect(dashboard).toContain('slo=\\"checkout\\"');

      await writeFile(path.join(dir, 'slos/checkout.yaml'), slo({ window: '[{ duration: 1M, isRolling: true }]' }));
      const refused = await generate('rules', '--check');
      expect(refused.code).toBe(99);
      expect(refused.output).toContain('slos/checkout.yaml: invalid value');
      expect(refused.output).toContain('SLO/checkout spec.timeWindow[0].duration: months and quarters have no fixed length');
    });
  });
});

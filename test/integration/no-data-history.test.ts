/**
 * No data is not zero, and a short history is said, against a real Prometheus
 * (test/support/scenarios.ts): a service whose scrapes stopped two hours ago
 * (`gone`: 30 days of data, none in the burn-rate windows) and one five days
 * old (`young`). Expected values come from the scenario models.
 */
import { describe, expect, inject, it } from 'vitest';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { historyQuery } from '../../src/core/evaluate/history.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { renderSummary } from '../../src/core/render/render-summary.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { expectedErrorRatio, expectedGoneErrorRatio } from '../support/scenarios.js';

const DAY = 86_400;
const WINDOW_SECONDS = 30 * DAY;
/** increase() extrapolates to the window edges; the models' exact ratios agree to within this (absolute). */
const RATIO_TOLERANCE = 0.00005;

const events = (family: string, scenario: string) => `
slos:
  - name: ${scenario}
    sli:
      events:
        error: sum(increase(${family}{scenario="${scenario}",status=~"5.."}[{{window}}]))
        total: sum(increase(${family}{scenario="${scenario}"}[{{window}}]))
`;

function gate(yaml: string, url = inject('prometheusUrl')) {
  const policy = resolvePolicy(
    parsePolicy(yaml),
    gateInputsSchema.parse({ 'prometheus-url': url, 'dr-check': 'false', 'use-recording-rules': 'false' }),
  );
  const prometheus = new PrometheusClient({
    url: policy.prometheus!.url,
    headers: policy.prometheus!.headers,
    timeoutMs: policy.prometheus!.timeoutMs,
  });
  return evaluatePolicy({ policy, prometheus, now: new Date(inject('evaluationTime')) });
}

describe('windows without samples (a service whose scrapes stopped two hours ago)', () => {
  it('computes the budget over the data there is, and shows the burn rate and the guard as unknown, naming the queries', async () => {
    const report = await gate(events('gone_requests_total', 'gone'));
    const slo = report.slos[0]!;
    expect(Math.abs(slo.errorRatio! - expectedGoneErrorRatio(WINDOW_SECONDS)!)).toBeLessThan(RATIO_TOLERANCE);
    expect(slo).toMatchObject({ status: 'NORMAL', burnRate: null, daysToExhaustion: null });
    expect(slo.guards).toEqual([expect.objectContaining({ state: 'unknown', triggered: false, longBurnRate: null, shortBurnRate: null })]);
    expect(report.decision).toMatchObject({ status: 'NORMAL', canDeploy: true });
    const noData = report.findings.filter((f) => f.code === 'no-data');
    expect(noData.map((f) => f.message)).toEqual([
      expect.stringContaining(
        'no data for the 1h window: the total query returned no samples (query: sum(increase(gone_requests_total{scenario="gone"}[1h])))',
      ),
      expect.stringContaining(
        'no data for the 5m window: the total query returned no samples (query: sum(increase(gone_requests_total{scenario="gone"}[5m])))',
      ),
    ]);
    const summary = renderSummary(report);
    expect(summary).toMatch(/\| gone \| 99.9% \| 30d \| 0.0\d\d% \| \d+\.\d% \| n\/a \| n\/a \| 🟢 NORMAL \|/);
    expect(summary).toContain('n/a over 1h | n/a over 5m | 14.4x | ❔ unknown (no data) |');
    // Thirty days of data: no short-history claim.
    expect(slo.historyDays).toBeUndefined();
  });

  it("blocks at the guard's status when the policy says unknown guards block", async () => {
    const report = await gate(`${events('gone_requests_total', 'gone')}unknown-guards: block\n`);
    expect(report.decision).toMatchObject({ status: 'FREEZE', canDeploy: false });
    expect(report.decision.reasons[0]).toMatch(/guard "1h\/5m > 14.4x" is unknown and blocks at FREEZE \(unknown-guards: block\)/);
  });

  it('words a ratio SLI without data as its ratio query', async () => {
    const report = await gate(`
slos:
  - name: gone-ratio
    sli:
      ratio:
        query: sum(increase(gone_requests_total{scenario="gone",status=~"5.."}[{{window}}])) / sum(increase(gone_requests_total{scenario="gone"}[{{window}}]))
`);
    expect(Math.abs(report.slos[0]!.errorRatio! - expectedGoneErrorRatio(WINDOW_SECONDS)!)).toBeLessThan(RATIO_TOLERANCE);
    expect(report.findings.find((f) => f.code === 'no-data')!.message).toMatch(
      /no data for the 1h window: the ratio query returned no samples \(query: sum\(increase\(gone_requests_total/,
    );
    expect(report.findings.map((f) => f.message).join('\n')).not.toMatch(/total query/);
  });

  it('is UNKNOWN, naming the query, when even the SLO window has no samples', async () => {
    const report = await gate(events('gone_requests_total', 'never-scraped'));
    expect(report.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false });
    expect(report.decision.reasons[0]).toBe(
      'SLO never-scraped: no data for the 30d window: the total query returned no samples (query: sum(increase(gone_requests_total{scenario="never-scraped"}[30d]))), so the budget cannot be computed: check the total query and that the service is scraped',
    );
  });
});

describe('a stored history shorter than the SLO window (a service five days old)', () => {
  it('reports the days it covers, with a finding, and the budget of those days', async () => {
    const report = await gate(events('http_requests_total', 'young'));
    const slo = report.slos[0]!;
    expect(Math.abs(slo.errorRatio! - expectedErrorRatio('young', WINDOW_SECONDS)!)).toBeLessThan(RATIO_TOLERANCE);
    // The first day boundary after the service's start: between four and five days of data.
    expect(slo.historyDays).toBeGreaterThan(4);
    expect(slo.historyDays).toBeLessThanOrEqual(5);
    expect(report.findings).toEqual([
      expect.objectContaining({
        code: 'short-history',
        status: 'NORMAL',
        message: expect.stringMatching(/SLO young: the stored history covers only about [45]\.\d days .* of the 30d window/),
      }),
    ]);
    expect(renderSummary(report)).toMatch(/\| young \| 99.9% \| 30d \(about [45]\.\d days of data\) \|/);
  });

  it("says nothing for a service with the whole window, and costs a small share of the window's own query", async () => {
    const report = await gate(events('http_requests_total', 'normal'));
    expect(report.slos[0]!.historyDays).toBeUndefined();
    expect(report.findings).toEqual([]);
    const prometheus = new PrometheusClient({ url: inject('prometheusUrl'), timeoutMs: 10_000 });
    const time = new Date(inject('evaluationTime'));
    const policy = resolvePolicy(parsePolicy(events('http_requests_total', 'normal')), gateInputsSchema.parse({}));
    const [window, history] = await Promise.all([
      prometheus.query('sum(increase(http_requests_total{scenario="normal"}[30d]))', time),
      prometheus.query(historyQuery(policy.slos[0]!), time),
    ]);
    expect(history.samples[0]!.value).toBeLessThanOrEqual(time.getTime() / 1000 - WINDOW_SECONDS + DAY);
    expect(history.samplesTouched!).toBeLessThan(window.samplesTouched! / 10);
  });
});

describe('Prometheus errors name the query the user wrote', () => {
  it("names the SLO's query, not the recorded-series probe, when Prometheus cannot be reached (use-recording-rules: auto)", async () => {
    const url = `http://127.0.0.1:${await getFreePort()}`;
    const policy = resolvePolicy(
      parsePolicy(events('http_requests_total', 'normal')),
      gateInputsSchema.parse({ 'prometheus-url': url, 'dr-check': 'false' }),
    );
    expect(policy.useRecordingRules).toBe('auto');
    const report = await evaluatePolicy({
      policy,
      prometheus: new PrometheusClient({ url, timeoutMs: 2000 }),
      now: new Date(inject('evaluationTime')),
    });
    expect(report.decision.status).toBe('UNKNOWN');
    expect(report.decision.reasons[0]).toMatch(
      /cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+.*\(query: sum\(increase\(http_requests_total\{scenario="normal"/,
    );
    expect(report.decision.reasons.join('\n')).not.toContain('count_over_time(deploy_governor:');
  });
});

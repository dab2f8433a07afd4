/**
 * Generated rules checked by Prometheus's own tools: `promtool check rules` on
 * the file, and `promtool test rules` unit tests of the alerts (a fast burn
 * pages within minutes, a slow burn tickets, a healthy service and a trickle of
 * traffic stay quiet).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROMTOOL_BIN } from '../../scripts/lib/prometheus-server.js';
import { generateRules } from '../../src/core/generate/rules.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';

const exec = promisify(execFile);

const POLICY = `
slos:
  - name: api
    objective: 99.9
    runbook: https://runbooks.example.com/api
    sli:
      events:
        error: sum(increase(http_requests_total{job="api",status=~"5.."}[{{window}}]))
        total: sum(increase(http_requests_total{job="api"}[{{window}}]))
  - name: api-latency
    objective: 99
    sli: { latency: { metric: http_request_duration_seconds, threshold: 0.25, selector: 'job="api"' } }
dr:
  metric: dr_last_test_timestamp
  max-age: 7d
  backup-probe: {}
  rto: { max: 1h }
`;

async function rulesFile(): Promise<{ dir: string; file: string }> {
  const policy = resolvePolicy(parsePolicy(POLICY), gateInputsSchema.parse({}));
  const dir = await mkdtemp(path.join(tmpdir(), 'dg-rules-'));
  const file = path.join(dir, 'rules.yml');
  await writeFile(file, generateRules({ slos: policy.slos, dr: policy.dr, source: 'test policy', minTraffic: 100 }));
  return { dir, file };
}

const apiLabels = { slo: 'api', service: 'api' };
const pageAnnotations = { summary: 'SLO api is burning its 30d error budget fast (page)', runbook_url: 'https://runbooks.example.com/api' };
const ticketAnnotations = { summary: 'SLO api is burning its 30d error budget fast (ticket)', runbook_url: 'https://runbooks.example.com/api' };

/** Counter series rising by `ok` and `failed` per minute for `minutes`. */
const traffic = (ok: number, failed: number, minutes: number) => [
  { series: 'http_requests_total{job="api",status="200"}', values: `0+${ok}x${minutes}` },
  { series: 'http_requests_total{job="api",status="500"}', values: `0+${failed}x${minutes}` },
];

describe('generated Prometheus rules', () => {
  it('pass promtool check rules', async () => {
    const { file } = await rulesFile();
    const { stdout } = await exec(PROMTOOL_BIN, ['check', 'rules', file]);
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('page on a fast burn within minutes, ticket on a slow burn, stay quiet when healthy or with a trickle of traffic', async () => {
    const { dir, file } = await rulesFile();
    const tests = {
      rule_files: [file],
      evaluation_interval: '1m',
      tests: [
        {
          // 10% errors: 100x the allowed rate; the 1h/5m pair pages once 2m "for" has passed.
          interval: '1m',
          input_series: traffic(900, 100, 60),
          alert_rule_test: [
            { eval_time: '1m', alertname: 'SLOBurnRatePage', exp_alerts: [] },
            { eval_time: '5m', alertname: 'SLOBurnRatePage', exp_alerts: [{ exp_labels: { ...apiLabels, severity: 'page' }, exp_annotations: pageAnnotations }] },
          ],
        },
        {
          // 0.2% errors: 2x. No page; after 3h of "for" on the 3d/6h pair, a ticket.
          interval: '1m',
          input_series: traffic(9980, 20, 600),
          alert_rule_test: [
            { eval_time: '5h', alertname: 'SLOBurnRatePage', exp_alerts: [] },
            { eval_time: '9h', alertname: 'SLOBurnRateTicket', exp_alerts: [{ exp_labels: { ...apiLabels, severity: 'ticket' }, exp_annotations: ticketAnnotations }] },
          ],
        },
        {
          // Healthy: 0.01% errors.
          interval: '1m',
          input_series: traffic(99990, 10, 600),
          alert_rule_test: [
            { eval_time: '9h', alertname: 'SLOBurnRatePage', exp_alerts: [] },
            { eval_time: '9h', alertname: 'SLOBurnRateTicket', exp_alerts: [] },
          ],
        },
        {
          // A trickle: one failing request a minute is 100% errors but under the traffic guard.
          interval: '1m',
          input_series: traffic(0, 1, 60),
          alert_rule_test: [{ eval_time: '30m', alertname: 'SLOBurnRatePage', exp_alerts: [] }],
        },
      ],
    };
    const testFile = path.join(dir, 'tests.yml');
    await writeFile(testFile, stringify(tests));
    const result = await exec(PROMTOOL_BIN, ['test', 'rules', testFile]).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: `${e.stdout ?? ''}${e.stderr ?? ''}`, failed: true }));
    expect(result.stdout).toMatch(/SUCCESS/);
    expect('failed' in result).toBe(false);
  });

  it('weight the ratio by traffic, matching the raw increase() ratio, not an average of ratios', async () => {
    const { dir, file } = await rulesFile();
    // 12 h at 1,000 requests/min with 0.1% errors, then 12 h at 100/min with 10% errors:
    // traffic-weighted 1-day ratio 7,920 / 792,000 = 1%; an average of the two ratios would be 5.05%.
    const raw = 'sum(increase(http_requests_total{job="api",status=~"5.."}[1d])) / sum(increase(http_requests_total{job="api"}[1d]))';
    const tests = {
      rule_files: [file],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            { series: 'http_requests_total{job="api",status="200"}', values: '0+999x720 719280+90x720' },
            { series: 'http_requests_total{job="api",status="500"}', values: '0+1x720 720+10x720' },
          ],
          promql_expr_test: [
            // Within 0.02 percentage points of the raw ratio (window edges differ by one 5m step).
            { expr: `abs(slo:sli_error:ratio_rate1d{slo="api"} - on() (${raw})) < bool 0.0002`, eval_time: '24h', exp_samples: [{ labels: '{}', value: 1 }] },
            // 1.0% to one decimal of a percent.
            { expr: 'round(slo:sli_error:ratio_rate1d{slo="api"} * 1000)', eval_time: '24h', exp_samples: [{ labels: '{service="api", slo="api"}', value: 10 }] },
          ],
        },
      ],
    };
    const testFile = path.join(dir, 'weighting.yml');
    await writeFile(testFile, stringify(tests));
    const result = await exec(PROMTOOL_BIN, ['test', 'rules', testFile]).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: `${e.stdout ?? ''}${e.stderr ?? ''}`, failed: true }));
    expect(result.stdout).toMatch(/SUCCESS/);
    expect('failed' in result).toBe(false);
  });
});


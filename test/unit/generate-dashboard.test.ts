import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  dashboardJson,
  dashboardProvisioning,
  dashboardQueries,
  dashboardUid,
  generateDashboard,
  type GenerateDashboardInput,
} from '../../src/core/generate/dashboard.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';

const POLICY = `
slos:
  - name: checkout-availability
    service: checkout
    objective: 99.9
    sli:
      events:
        error: sum(increase(http_requests_total{job="checkout",status=~"5.."}[{{window}}]))
        total: sum(increase(http_requests_total{job="checkout"}[{{window}}]))
  - name: checkout-latency
    service: checkout
    objective: 99
    window: 28d
    sli: { latency: { metric: http_request_duration_seconds, threshold: 0.5, selector: 'job="checkout"' } }
thresholds: { caution: 75, warning: 40, freeze: 10 }
dr:
  metric: dr_last_test_timestamp{service="checkout"}
  max-age: 7d
  rto: { max: 1h }
environments:
  production: {}
  staging: { block-on: EXHAUSTED }
`;

function inputFor(text: string, environment = 'production'): GenerateDashboardInput {
  const file = parsePolicy(text);
  const policy = resolvePolicy(file, gateInputsSchema.parse({ environment }));
  return {
    slos: policy.slos,
    dr: policy.dr,
    source: 'p.yml',
    environment,
    environments: Object.keys(file.environments ?? {}),
    thresholds: policy.thresholds,
  };
}

type AnyPanel = {
  type: string;
  title?: string;
  targets?: { expr?: string; datasource?: { uid?: string }; instant?: boolean; format?: string }[];
  fieldConfig?: { defaults?: { thresholds?: { steps: { value: number | null }[] } } };
  transformations?: { id: string }[];
};
const panels = (input: GenerateDashboardInput) => (generateDashboard(input).panels ?? []) as AnyPanel[];
const titled = (list: AnyPanel[], title: string) => list.find((p) => p.title === title)!;

describe('generated Grafana dashboard', () => {
  const input = inputFor(POLICY);

  it('has a uid that follows the SLOs, not their numbers, and can be set', () => {
    const uid = generateDashboard(input).uid;
    expect(uid).toMatch(/^dg-[0-9a-f]{16}$/);
    expect(generateDashboard(inputFor(POLICY.replace('objective: 99.9', 'objective: 99.5'))).uid).toBe(uid);
    expect(dashboardUid(input.slos.slice(0, 1))).not.toBe(uid);
    expect(generateDashboard({ ...input, uid: 'shop-slos' }).uid).toBe('shop-slos');
  });

  it("reads Prometheus through a datasource variable on every target, and offers the policy's environments", () => {
    const dashboard = generateDashboard(input);
    const variables = dashboard.templating?.list ?? [];
    expect(variables.map((v) => [v.name, v.type, v.query])).toEqual([
      ['datasource', 'datasource', 'prometheus'],
      ['environment', 'custom', 'production,staging'],
    ]);
    const targets = panels(input).flatMap((p) => p.targets ?? []);
    expect(targets.length).toBeGreaterThan(20);
    for (const t of targets) expect(t.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
  });

  it("has a budget gauge and days to exhaustion per SLO, coloured by the policy's thresholds", () => {
    const list = panels(input);
    const gauge = titled(list, 'Budget remaining: checkout-latency');
    expect(gauge.type).toBe('gauge');
    expect(gauge.targets![0]!.expr).toBe('deploy_governor:error_budget_remaining:ratio{slo="checkout-latency"}');
    expect(gauge.fieldConfig!.defaults!.thresholds!.steps.map((s) => s.value)).toEqual([null, 0.1, 0.4, 0.75]);
    expect(titled(list, 'Days to exhaustion: checkout-latency').targets![0]!.expr).toBe(
      'clamp_min(deploy_governor:error_budget_remaining:ratio{slo="checkout-latency"}, 0) * 28 / deploy_governor:burn_rate:1h{slo="checkout-latency"}',
    );
  });

  it('plots burn rates with the 1x line, a compliance table and history, and latency against target only for latency SLOs', () => {
    const list = panels(input);
    const burn = titled(list, 'Burn rate: checkout-availability');
    expect(burn.targets!.map((t) => t.expr)).toEqual([
      ...['5m', '1h', '6h', '1d', '3d'].map((w) => `deploy_governor:burn_rate:${w}{slo="checkout-availability"}`),
      'vector(1)',
    ]);
    const table = titled(list, 'SLO compliance');
    expect(table.transformations!.map((t) => t.id)).toEqual(['merge', 'organize']);
    expect(table.targets!.every((t) => t.instant === true && t.format === 'table')).toBe(true);
    // SLOs with different windows read their own window's series.
    expect(table.targets![1]!.expr).toBe(
      '(1 - deploy_governor:sli_error:ratio_rate30d{slo=~"checkout-availability"}) or (1 - deploy_governor:sli_error:ratio_rate28d{slo=~"checkout-latency"})',
    );
    expect(titled(list, 'Latency: checkout-latency').targets!.map((t) => t.expr)).toEqual([
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="checkout"}[$__rate_interval])))',
      'vector(0.5)',
    ]);
    expect(list.some((p) => p.title === 'Latency: checkout-availability')).toBe(false);
    expect(list.filter((p) => p.type === 'row').map((p) => p.title)).toEqual([
      'Error budgets',
      'Burn rates',
      'Compliance',
      'Latency against target',
      'Disaster recovery',
      'Governance',
    ]);
  });

  it('shows the DR checks the policy has, and the governance row from the pushed decisions', () => {
    const list = panels(input);
    expect(titled(list, 'Last DR drill age').targets![0]!.expr).toBe(
      'time() - max(last_over_time(dr_last_test_timestamp{service="checkout"}[2w]))',
    );
    expect(titled(list, 'RTO of the last drill').fieldConfig!.defaults!.thresholds!.steps.map((s) => s.value)).toEqual([null, 3600]);
    expect(list.some((p) => p.title === 'Backup status' || p.title === 'RPO of the last drill')).toBe(false);
    expect(titled(list, 'Overridden deploys').targets![0]!.expr).toMatch(
      /deploy_governor_decision\{environment="\$environment", overridden="true"\}/,
    );
    const noDr = panels(inputFor(`${POLICY}`.replace(/dr:[\s\S]*?rto: \{ max: 1h \}\n/, 'dr: { enabled: false }\n')));
    expect(noDr.some((p) => p.title === 'Disaster recovery')).toBe(false);
  });

  it('lists every panel query for validation, and is the same JSON every time', () => {
    const dashboard = generateDashboard(input);
    const queries = dashboardQueries(dashboard);
    expect(queries).toEqual(panels(input).flatMap((p) => (p.targets ?? []).map((t) => t.expr)));
    expect(dashboardJson(generateDashboard(inputFor(POLICY)))).toBe(dashboardJson(dashboard));
    const ids = panels(input).map((p) => (p as { id?: number }).id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  });

  it('comes with a file-provisioning config for Grafana', () => {
    const text = dashboardProvisioning('/var/lib/grafana/dashboards/shop', 'p.yml');
    expect(text.split('\n')[0]).toBe(
      '# Generated by deploy-governor from p.yml. Do not edit: run `npx deploy-governor generate dashboard`.',
    );
    expect(parse(text)).toMatchObject({
      apiVersion: 1,
      providers: [{ type: 'file', options: { path: '/var/lib/grafana/dashboards/shop' } }],
    });
  });
});

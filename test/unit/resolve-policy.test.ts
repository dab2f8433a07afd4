import { describe, expect, it } from 'vitest';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { DEFAULT_ERROR_QUERY, resolvePolicy } from '../../src/core/policy/resolve-policy.js';

const inputs = (raw: Record<string, string> = {}) => gateInputsSchema.parse(raw);

describe('resolvePolicy', () => {
  it('applies documented defaults with no file and no inputs', () => {
    const policy = resolvePolicy({}, inputs());
    expect(policy.environment).toBe('production');
    expect(policy.prometheus).toBeNull();
    expect(policy.slos).toHaveLength(1);
    expect(policy.slos[0]).toMatchObject({ objective: 99.9, window: '30d', sli: { kind: 'events', error: DEFAULT_ERROR_QUERY } });
    expect(policy.thresholds).toEqual({ caution: 80, warning: 50, freeze: 20 });
    expect(policy.blockOn).toBe('WARNING');
    expect(policy.onError).toBe('block');
    expect(policy.mode).toBe('enforce');
    expect(policy.dr).toMatchObject({ metric: 'dr_last_test_timestamp', maxAge: '7d', status: 'WARNING' });
    expect(policy.burnRateGuards).toEqual([{ name: '1h/5m > 14.4x', long: '1h', short: '5m', factor: 14.4, status: 'FREEZE' }]);
    expect(policy.overrides.levels.freeze.permission).toBe('maintain');
  });

  it('lets inputs override file values, and environments override the top level', () => {
    const file = parsePolicy(`
prometheus: { url: https://prom.example.com/, timeout: 5s }
block-on: FREEZE
thresholds: { caution: 90, warning: 60 }
environments:
  production: {}
  staging:
    block-on: EXHAUSTED
    thresholds: { warning: 40 }
`);
    const staging = resolvePolicy(file, inputs({ environment: 'staging' }));
    expect(staging.blockOn).toBe('EXHAUSTED');
    expect(staging.thresholds).toEqual({ caution: 90, warning: 40, freeze: 20 });
    expect(staging.prometheus?.url).toBe('https://prom.example.com');
    expect(staging.prometheus?.timeoutMs).toBe(5000);
    const prod = resolvePolicy(file, inputs({ 'block-on': 'caution', 'prometheus-url': 'http://other:9090', timeout: '2s' }));
    expect(prod.blockOn).toBe('CAUTION');
    expect(prod.prometheus?.url).toBe('http://other:9090');
    expect(prod.prometheus?.timeoutMs).toBe(2000);
  });

  it('builds Authorization from a token input or env variables and lists secrets to mask', () => {
    const file = parsePolicy('prometheus: { url: "https://p", bearer-token-env: PT, headers: { X-Scope-OrgID: t1 } }');
    const fromEnv = resolvePolicy(file, inputs(), { PT: 's3cret' });
    expect(fromEnv.prometheus?.headers).toEqual({ 'X-Scope-OrgID': 't1', Authorization: 'Bearer s3cret' });
    expect(fromEnv.prometheus?.secrets).toEqual(expect.arrayContaining(['s3cret', 't1']));
    const fromInput = resolvePolicy(file, inputs({ 'prometheus-token': 'tok' }), {});
    expect(fromInput.prometheus?.headers.Authorization).toBe('Bearer tok');
    expect(() => resolvePolicy(file, inputs(), {})).toThrow(/PT is empty or unset/);
    const basic = resolvePolicy(parsePolicy('prometheus: { url: "https://p", basic-auth: { username: u, password-env: PW } }'), inputs(), {
      PW: 'pw',
    });
    expect(basic.prometheus?.headers.Authorization).toBe(`Basic ${Buffer.from('u:pw').toString('base64')}`);
  });

  it('applies slo-target and window to every SLO', () => {
    const file = parsePolicy(`
slos:
  - { name: a, objective: 99, sli: { ratio: { query: "r[{{window}}]" } } }
  - { name: b, window: 7d, sli: { ratio: { query: "r[{{window}}]" } } }
`);
    const policy = resolvePolicy(file, inputs({ 'slo-target': '99.5', window: '28d' }));
    expect(policy.slos.map((s) => [s.objective, s.window])).toEqual([
      [99.5, '28d'],
      [99.5, '28d'],
    ]);
  });

  it('rejects error-query when the file defines several SLOs, naming them', () => {
    const file = parsePolicy(`
slos:
  - { name: a, sli: { events: { error: "e[{{window}}]", total: "t[{{window}}]" } } }
  - { name: b, sli: { events: { error: "e[{{window}}]", total: "t[{{window}}]" } } }
`);
    expect(() => resolvePolicy(file, inputs({ 'error-query': 'x' }))).toThrow(/defines 2 SLO\(s\) \(a, b\)/);
  });

  it('rejects thresholds out of order', () => {
    expect(() => resolvePolicy({}, inputs({ 'warning-threshold': '90' }))).toThrow(PolicyError);
  });

  it('keeps only the freeze windows of the environment', () => {
    const file = parsePolicy(`
freeze-windows:
  - { name: all, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" }
  - { name: prod-only, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", environments: [production] }
`);
    expect(resolvePolicy(file, inputs({ environment: 'staging' })).freezeWindows.map((w) => w.name)).toEqual(['all']);
    expect(resolvePolicy(file, inputs()).freezeWindows.map((w) => w.name)).toEqual(['all', 'prod-only']);
  });

  it('validates inputs with the accepted form', () => {
    expect(gateInputsSchema.safeParse({ 'block-on': 'sometimes' }).error?.issues[0]?.message).toBe(
      'expected one of CAUTION, WARNING, FREEZE, EXHAUSTED; got "sometimes"',
    );
    expect(gateInputsSchema.safeParse({ window: '30 days' }).error?.issues[0]?.message).toMatch(
      /^expected a Prometheus duration.*; got "30 days"$/,
    );
    expect(gateInputsSchema.safeParse({ 'prometheus-headers': 'no colon here' }).error?.issues[0]?.message).toMatch(
      /line 1 must be "Name: value"/,
    );
    expect(gateInputsSchema.parse({ 'prometheus-headers': 'X-Scope-OrgID: a\nX-Other: b: c' })['prometheus-headers']).toEqual({
      'X-Scope-OrgID': 'a',
      'X-Other': 'b: c',
    });
  });
});

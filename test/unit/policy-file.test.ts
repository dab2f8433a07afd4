import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';

function errorOf(text: string): PolicyError {
  try {
    parsePolicy(text, 'policy.yml');
  } catch (error: unknown) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('expected a PolicyError');
}

describe('policy file', () => {
  it('accepts a full policy', () => {
    const policy = parsePolicy(`
prometheus:
  url: https://mimir.example.com/prometheus
  bearer-token-env: PROM_TOKEN
  headers: { X-Scope-OrgID: tenant-a }
slos:
  - name: api-availability
    objective: 99.9
    window: 28d
    sli:
      events:
        error: sum(increase(http_requests_total{status=~"5.."}[{{.window}}]))
        total: sum(increase(http_requests_total[{{window}}]))
  - name: api-latency
    sli: { latency: { metric: http_request_duration_seconds, threshold: 0.3, selector: 'job="api"' } }
thresholds: { caution: 70 }
freeze-windows:
  - { name: weekend, start: "0 18 * * 5", end: "0 8 * * 1", timezone: Europe/Berlin }
  - { name: black-friday, from: "2026-11-27T00:00:00Z", to: "2026-11-30T23:59:59Z", reason: Peak traffic }
environments:
  staging: { block-on: EXHAUSTED }
`);
    expect(policy.slos).toHaveLength(2);
    expect(policy.environments?.staging?.['block-on']).toBe('EXHAUSTED');
  });

  it('treats an empty file as all defaults', () => {
    expect(parsePolicy('')).toEqual({});
  });

  it('rejects unknown keys and names them', () => {
    const error = errorOf('slos:\n  - name: a\n    objectiv: 99\n    sli: { ratio: { query: "x[{{window}}]" } }\n');
    expect(error.message).toContain('slos[0]');
    expect(error.message).toContain('"objectiv"');
  });

  it('names the key, the value and the accepted form for a bad value', () => {
    const error = errorOf('slos:\n  - name: a\n    objective: 100\n    window: 30 days\n    sli: { ratio: { query: "x[{{window}}]" } }\n');
    const text = error.message;
    expect(text).toMatch(/slos\[0\]\.objective: .*below 100.*got 100/);
    expect(text).toMatch(/slos\[0\]\.window: .*Prometheus duration.*got "30 days"/);
  });

  it('takes notify channels by name only, never a URL, and the kinds in any case', () => {
    expect(parsePolicy('notify:\n  channels: [deploys-checkout]\n  on: [Blocked, override]\n').notify).toEqual({
      channels: ['deploys-checkout'],
      on: ['blocked', 'override'],
    });
    const url = errorOf('notify:\n  channels: ["https://hooks.slack.com/services/T/B/X"]\n');
    expect(url.message).toMatch(/notify\.channels\[0\]: expected a channel name from the app operator/);
    expect(errorOf('notify:\n  channels: [a]\n  on: [deployed]\n').message).toMatch(
      /notify\.on\[0\]: expected one of blocked, override, postmortem-overdue/,
    );
    expect(errorOf('notify:\n  channels: [a]\n  url: https://x\n').message).toContain('"url"');
    // Not per environment: the channels are the repository's.
    expect(errorOf('environments:\n  production:\n    notify: { channels: [a] }\n').message).toContain('"notify"');
  });

  it('requires {{window}} in SLI queries', () => {
    expect(errorOf('slos:\n  - name: a\n    sli: { events: { error: "sum(x[30d])", total: "sum(y[{{window}}])" } }\n').message).toMatch(
      /slos\[0\]\.sli\.events\.error: .*\{\{window\}\}/,
    );
  });

  it('requires exactly one SLI kind', () => {
    expect(errorOf('slos:\n  - name: a\n    sli: {}\n').message).toContain('exactly one of events, good-events, latency or ratio');
  });

  it('validates freeze windows: cron, time zone, order, form', () => {
    expect(errorOf('freeze-windows:\n  - { name: w, start: "not cron", end: "0 8 * * 1" }\n').message).toMatch(
      /freeze-windows\[0\]\.start: .*cron/,
    );
    expect(errorOf('freeze-windows:\n  - { name: w, start: "0 18 * * 5", end: "0 8 * * 1", timezone: Mars/Olympus }\n').message).toMatch(
      /timezone: .*IANA/,
    );
    expect(errorOf('freeze-windows:\n  - { name: w, from: "2026-12-02T00:00:00Z", to: "2026-12-01T00:00:00Z" }\n').message).toMatch(
      /to: expected to/,
    );
    expect(errorOf('freeze-windows:\n  - { name: w, start: "0 18 * * 5" }\n').message).toContain('needs both start and end');
  });

  it('reports YAML syntax errors with a line', () => {
    expect(errorOf('slos: [\n  - name: a\n').message).toMatch(/YAML syntax/);
  });

  it('rejects duplicate keys', () => {
    expect(errorOf('mode: enforce\nmode: report\n').message).toMatch(/YAML syntax/);
  });

  it('shows a YAML .nan or .inf as written, not as null', () => {
    expect(errorOf('thresholds:\n  caution: .nan\n').message).toMatch(/thresholds\.caution: .*\(got NaN\)/);
    expect(errorOf('thresholds:\n  caution: .inf\n').message).toMatch(/thresholds\.caution: .*\(got Infinity\)/);
  });
});

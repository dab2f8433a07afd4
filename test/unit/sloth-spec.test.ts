import { describe, expect, it } from 'vitest';
import { renderWindowQuery } from '../../src/core/evaluate/measure-error-ratio.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { applySlothSource } from '../../src/core/sloth/apply-sloth-source.js';
import { slosFromSlothSpec } from '../../src/core/sloth/from-sloth-spec.js';

/** Sloth's getting-started spec, plus a raw SLI. */
const SPEC = `
version: "prometheus/v1"
service: "myservice"
labels:
  owner: "myteam"
slos:
  # We allow failing (5xx and 429) 1 request every 1000 requests (99.9%).
  - name: "requests-availability"
    objective: 99.9
    description: "Common SLO based on availability for HTTP request responses."
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
    alerting:
      name: MyServiceHighErrorRate
      labels:
        category: "availability"
      annotations:
        summary: "High error rate on 'myservice' requests responses"
        runbook: https://runbooks.example.com/myservice
      page_alert:
        labels:
          severity: pageteam
      ticket_alert:
        labels:
          severity: "slack"
  - name: "queue-freshness"
    objective: 99
    sli:
      raw:
        error_ratio_query: avg_over_time(queue_stale_ratio{job="myservice"}[{{.window}}])
`;

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof PolicyError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a PolicyError');
}

describe('Sloth prometheus/v1 specs as SLOs', () => {
  it('convert events and raw SLIs, naming each SLO by its Sloth id and keeping objective, description and runbook', () => {
    expect(slosFromSlothSpec(SPEC, 'slos/myservice.yml')).toEqual([
      {
        name: 'myservice-requests-availability',
        service: 'myservice',
        objective: 99.9,
        description: 'Common SLO based on availability for HTTP request responses.',
        runbook: 'https://runbooks.example.com/myservice',
        sli: {
          events: {
            // rate() read as increase(): the same ratio, and event counts for the traffic guard.
            error: 'sum(increase(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))',
            total: 'sum(increase(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))',
          },
        },
      },
      {
        name: 'myservice-queue-freshness',
        service: 'myservice',
        objective: 99,
        sli: { ratio: { query: 'avg_over_time(queue_stale_ratio{job="myservice"}[{{.window}}])' } },
      },
    ]);
  });

  it('keep Sloth\'s {{.window}} placeholder, which the gate substitutes like its own, and leave irate() alone', () => {
    const [slo] = slosFromSlothSpec(SPEC.replace('sum(rate(http_request_duration_seconds_count{job="myservice"}', 'sum(irate(http_request_duration_seconds_count{job="myservice"}'), 's.yml');
    expect(renderWindowQuery(slo!.sli.events!.total, '30d')).toBe('sum(irate(http_request_duration_seconds_count{job="myservice"}[30d]))');
  });

  it('read every document of a multi-document file', () => {
    const second = SPEC.replace('service: "myservice"', 'service: "billing"');
    expect(slosFromSlothSpec(`${SPEC}\n---\n${second}`, 's.yml').map((s) => s.name)).toEqual([
      'myservice-requests-availability',
      'myservice-queue-freshness',
      'billing-requests-availability',
      'billing-queue-freshness',
    ]);
  });

  it('refuse what the gate cannot read, naming the key and the accepted form', () => {
    expect(issuesOf(() => slosFromSlothSpec(SPEC.replace('prometheus/v1', 'sloth/v1'), 's.yml'))).toEqual([
      'version: expected version "prometheus/v1" (the Sloth Prometheus spec; Kubernetes PrometheusServiceLevel and OpenSLO files are not read) (got "sloth/v1")',
    ]);
    expect(issuesOf(() => slosFromSlothSpec(SPEC.replace('[{{.window}}]))\n    alerting', '[5m]))\n    alerting'), 's.yml'))).toEqual([
      'slos[0].sli.events.total_query: expected a PromQL query with {{.window}} where the range goes, as Sloth requires (got "sum(rate(http_request_duration_seconds_count{job=\\"myservice\\"}[5m]))")',
    ]);
    const plugin = `version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 99\n    sli: { plugin: { id: sloth-common/kubernetes/apiserver/availability } }\n`;
    expect(issuesOf(() => slosFromSlothSpec(plugin, 's.yml'))[0]).toMatch(/^slos\[0\]\.sli\.plugin: Sloth SLI plugins \(here "sloth-common\/kubernetes\/apiserver\/availability"\) generate their queries inside Sloth/);
    expect(issuesOf(() => slosFromSlothSpec(SPEC.replace('objective: 99.9', 'objective: 100'), 's.yml'))[0]).toMatch(/^slos\[0\]\.objective: expected a percentage below 100/);
    expect(issuesOf(() => slosFromSlothSpec(SPEC.replace('"queue-freshness"', '"requests-availability"'), 's.yml'))).toEqual([
      'slos: SLO ids must be unique; "myservice-requests-availability" appears twice',
    ]);
    expect(issuesOf(() => slosFromSlothSpec('', 's.yml'))[0]).toMatch(/the file is empty/);
    expect(issuesOf(() => slosFromSlothSpec('version: [', 's.yml'))[0]).toMatch(/YAML syntax/);
  });

  it('add to the policy\'s own SLOs through the sloth key, which resolvePolicy refuses to see unread', () => {
    const file = parsePolicy('sloth: slos/myservice.yml\nslos:\n  - name: own\n    sli: { ratio: { query: "r[{{window}}]" } }\n');
    expect(issuesOf(() => resolvePolicy(file, gateInputsSchema.parse({})))).toEqual([
      'sloth: the Sloth spec slos/myservice.yml was not loaded by this entry point; list the SLOs under slos instead, or use one that reads sloth files',
    ]);
    const applied = applySlothSource(file, SPEC);
    expect(applied.sloth).toBeUndefined();
    const policy = resolvePolicy(applied, gateInputsSchema.parse({}));
    expect(policy.slos.map((s) => [s.name, s.service, s.window])).toEqual([
      ['own', 'own', '30d'],
      ['myservice-requests-availability', 'myservice', '30d'],
      ['myservice-queue-freshness', 'myservice', '30d'],
    ]);
    expect(issuesOf(() => applySlothSource(file, 'version: prometheus/v1\nservice: s\nslos: []\n'))).toEqual(['slos: expected at least one SLO (got [])']);
  });
});

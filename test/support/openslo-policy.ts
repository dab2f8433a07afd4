/**
 * A policy whose SLO comes from an OpenSLO file (`openslo:`), beside the same
 * SLO written natively, over one scenario of test/support/scenarios.ts: the
 * shipped CLI and Action evaluate both in one run, so their budgets must agree.
 */

/** The OpenSLO v1 file: good/total counters of the scenario (good = status 200), rolling 30 days, 99.9 %. */
export function openSloFile(scenario: string): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata: { name: api-availability }
spec:
  service: api
  indicator:
    metadata: { name: api-requests }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(http_requests_total{scenario="${scenario}",status="200"}[5m]))' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(http_requests_total{scenario="${scenario}"}[5m]))' } } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ displayName: Available, target: 0.999 }]
`;
}

/** The policy naming the OpenSLO file at `opensloPath`, with the same SLO as a native events SLO named `native`. */
export function openSloPolicy(scenario: string, opensloPath: string): string {
  return `openslo: ${opensloPath}
dr: { enabled: false }
slos:
  - name: native
    objective: 99.9
    window: 30d
    sli:
      events:
        error: 'sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))'
        total: 'sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))'
`;
}

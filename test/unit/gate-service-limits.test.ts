/**
 * The gate service's limits and the app's failure wording: pure pieces, with
 * in-memory queriers.
 */
import { describe, expect, it } from 'vitest';
import { limitConcurrency } from '../../src/core/prometheus/limited-querier.js';
import type { PrometheusQuerier } from '../../src/core/prometheus/querier.js';
import { PrometheusQueryError } from '../../src/core/prometheus/query-error.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { evaluateGate } from '../../src/gate/evaluate-gate.js';
import { loadedSource } from '../../src/gate/policy-source.js';
import { redactedMessage, redactingQuerier } from '../../src/prometheus/redacting-querier.js';

function slowQuerier(ms: number): PrometheusQuerier & { max: number; calls: number } {
  let inFlight = 0;
  const q = {
    displayUrl: 'http://prometheus',
    max: 0,
    calls: 0,
    async query() {
      q.calls += 1;
      inFlight += 1;
      q.max = Math.max(q.max, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight -= 1;
      return { samples: [{ labels: {}, value: 0.0001 }], samplesTouched: null };
    },
  };
  return q;
}

const slos = (n: number) => ({
  slos: Array.from({ length: n }, (_, i) => ({ name: `s${i}`, sli: { ratio: { query: 'sum(rate(x_total[{{window}}]))' } } })),
  dr: { enabled: false },
});

describe('limitConcurrency', () => {
  it('never lets more than max queries run at once, and runs them all', async () => {
    const inner = slowQuerier(5);
    const limited = limitConcurrency(inner, 3);
    await Promise.all(Array.from({ length: 20 }, () => limited.query('x', new Date())));
    expect(inner.calls).toBe(20);
    expect(inner.max).toBe(3);
  });

  it('releases a slot when a query fails', async () => {
    let n = 0;
    const limited = limitConcurrency(
      { displayUrl: 'x', query: async () => (n++ % 2 ? Promise.reject(new Error('boom')) : { samples: [], samplesTouched: null }) },
      1,
    );
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => limited.query('x', new Date())));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3);
  });
});

describe('the gate service', () => {
  it('refuses a policy over the SLO limit before it asks for a querier', async () => {
    let asked = false;
    const evaluation = evaluateGate({
      source: loadedSource({ file: slos(51), source: 'o/r:.github/deploy-governor.yml', found: true, warnings: [] }),
      inputs: gateInputsSchema.parse({}),
      env: {},
      now: new Date(),
      run: null,
      limits: { maxSlos: 50, maxSlosSetBy: 'the operator' },
      querierFor: () => ((asked = true), { querier: slowQuerier(0), timeoutMs: null }),
    });
    await expect(evaluation).rejects.toThrow(PolicyError);
    await expect(evaluation).rejects.toThrow(/defines 51 SLOs; at most 50 are evaluated per policy, as the operator set/);
    expect(asked).toBe(false);
  });

  it('evaluates with at most 8 queries in flight by default', async () => {
    const inner = slowQuerier(2);
    const { report } = await evaluateGate({
      source: loadedSource({ file: slos(30), source: 'p', found: true, warnings: [] }),
      inputs: gateInputsSchema.parse({}),
      env: {},
      now: new Date(),
      run: null,
      querierFor: () => ({ querier: inner, timeoutMs: null }),
    });
    expect(report.slos).toHaveLength(30);
    expect(inner.max).toBe(8);
  });

  it('measures budgets only (no DR, no freeze windows) when asked', async () => {
    const file = {
      ...slos(1),
      dr: { enabled: true, metric: 'dr_last_success' },
      'freeze-windows': [{ name: 'always', from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }],
    };
    const { report } = await evaluateGate({
      source: loadedSource({ file, source: 'p', found: true, warnings: [] }),
      inputs: gateInputsSchema.parse({}),
      env: {},
      now: new Date(),
      run: null,
      scope: 'budgets',
      querierFor: () => ({ querier: slowQuerier(0), timeoutMs: null }),
    });
    expect(report.dr).toBeNull();
    expect(report.freeze.active).toEqual([]);
  });
});

describe("the app's wording of Prometheus failures", () => {
  const failing = (error: PrometheusQueryError): PrometheusQuerier => ({ displayUrl: 'http://shared', query: () => Promise.reject(error) });
  const details = { url: 'http://shared', query: 'sum(rate(x[5m]))' };

  it('logs the original under a reference and shows only the reference, the kind and the query', async () => {
    const logged: { ref: string; message: string }[] = [];
    const secret = 'found duplicate series for the match group {api_key="sk-secret"}';
    const q = redactingQuerier(
      failing(new PrometheusQueryError('bad-query', `rejected: ${secret}`, { ...details, httpStatus: 422 })),
      (ref, e) => logged.push({ ref, message: e.message }),
    );
    const error: unknown = await q.query('sum(rate(x[5m]))', new Date()).then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof PrometheusQueryError)) throw new Error('expected a PrometheusQueryError');
    expect(error.message).not.toContain('sk-secret');
    expect(error.message).toContain('`sum(rate(x[5m]))`');
    expect(error.message).toContain(`reference ${logged[0]!.ref}`);
    expect(logged[0]!.message).toContain('sk-secret');
    expect(JSON.stringify(error.details)).not.toContain('sk-secret');
  });

  it("keeps Prometheus's parse error, which is about the repository's own query", () => {
    const e = new PrometheusQueryError(
      'bad-query',
      'Prometheus rejected the query (HTTP 400 bad_data): 1:22: parse error: unclosed left parenthesis (query: x)',
      details,
    );
    expect(redactedMessage(e, 'abcd1234', null)).toBe(
      'Prometheus rejected the query `sum(rate(x[5m]))`: 1:22: parse error: unclosed left parenthesis (query: x)',
    );
  });

  it.each(['unreachable', 'timeout', 'unauthorized', 'server', 'invalid-response'] as const)(
    'words %s in its own terms, with the reference',
    (kind) => {
      const e = new PrometheusQueryError(kind, `internal words of ${kind}: <html>secret</html>`, details);
      const message = redactedMessage(e, 'abcd1234', 4000);
      expect(message).not.toContain('secret');
      expect(message).toContain('reference abcd1234');
    },
  );
});

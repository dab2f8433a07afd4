/**
 * The tenant querier (src/prometheus/tenant-querier.ts): label enforcement
 * before anything is sent, and the per-tenant cap on concurrent queries.
 */
import { describe, expect, it } from 'vitest';
import type { InstantResult, PrometheusQuerier } from '../../src/core/prometheus/querier.js';
import { PrometheusQueryError } from '../../src/core/prometheus/query-error.js';
import { parseTenantConcurrencyEnv, TenantQuerier, TenantQueryLimits } from '../../src/prometheus/tenant-querier.js';
import { MemoryQuerier } from '../support/memory-querier.js';

/** A querier whose queries stay in flight until released, counting how many run at once. */
class GatedQuerier implements PrometheusQuerier {
  readonly displayUrl = 'memory://gated';
  running = 0;
  peak = 0;
  private gates: (() => void)[] = [];

  async query(): Promise<InstantResult> {
    this.running += 1;
    this.peak = Math.max(this.peak, this.running);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.running -= 1;
    return { samples: [], samplesTouched: 0 };
  }

  releaseAll(): void {
    const gates = this.gates;
    this.gates = [];
    for (const g of gates) g();
  }
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('TenantQuerier: label enforcement', () => {
  it("sends every query with the tenant's matcher", async () => {
    const inner = new MemoryQuerier(() => 1);
    const q = new TenantQuerier(inner, { tenant: 'a', requiredMatcher: { name: 'tenant', value: 'a' }, limits: new TenantQueryLimits(2) });
    await q.query('sum(rate(http_requests_total{job="api"}[5m])) / sum(rate(http_requests_total[5m]))', new Date(0));
    expect(inner.asked.map((a) => a.query)).toEqual([
      'sum(rate(http_requests_total{job="api", tenant="a"}[5m])) / sum(rate(http_requests_total{tenant="a"}[5m]))',
    ]);
    expect(q.displayUrl).toBe(inner.displayUrl);
  });

  it("refuses a query that contradicts the matcher: the repository's own query and why, nothing sent", async () => {
    const inner = new MemoryQuerier(() => 1);
    const q = new TenantQuerier(inner, { tenant: 'a', requiredMatcher: { name: 'tenant', value: 'a' }, limits: new TenantQueryLimits(2) });
    const error = await q.query('sum(up{tenant=~".+"})', new Date(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusQueryError);
    const e = error as PrometheusQueryError;
    expect(e.kind).toBe('bad-query');
    expect(e.message).toBe(
      'the app refused to send this query: the selector up{tenant=~".+"} at column 5 matches the label tenant with tenant=~".+"; this repository may only read series with tenant="a" (remove that matcher: the app adds tenant="a" to every selector) (query: sum(up{tenant=~".+"}))',
    );
    expect(e.details).toMatchObject({ url: 'memory://prometheus', query: 'sum(up{tenant=~".+"})', attempts: 0 });
    expect(inner.asked).toEqual([]);
  });

  it('passes queries through untouched for a tenant without a matcher', async () => {
    const inner = new MemoryQuerier(() => 1);
    await new TenantQuerier(inner, { tenant: 'b', limits: new TenantQueryLimits(2) }).query('up{tenant=~".+"}', new Date(0));
    expect(inner.asked.map((a) => a.query)).toEqual(['up{tenant=~".+"}']);
  });
});

describe('TenantQuerier: per-tenant concurrency', () => {
  it('runs at most N queries of one tenant at once, and the rest when slots free up', async () => {
    const limits = new TenantQueryLimits(3);
    const inner = new GatedQuerier();
    const q = new TenantQuerier(inner, { tenant: 'a', limits });
    const all = Array.from({ length: 10 }, () => q.query('up', new Date(0)));
    await tick();
    expect(inner.running).toBe(3);
    expect(limits.active('a')).toBe(3);
    expect(limits.queued('a')).toBe(7);
    while (inner.running > 0) {
      inner.releaseAll();
      await tick();
    }
    await Promise.all(all);
    expect(inner.peak).toBe(3);
    expect(limits.active('a')).toBe(0);
    expect(limits.queued('a')).toBe(0);
  });

  it('keys the cap by tenant: another tenant is not held up', async () => {
    const limits = new TenantQueryLimits(1);
    const busy = new GatedQuerier();
    const a = new TenantQuerier(busy, { tenant: 'a', limits });
    const pending = [a.query('up', new Date(0)), a.query('up', new Date(0))];
    await tick();
    const other = new MemoryQuerier(() => 1);
    await new TenantQuerier(other, { tenant: 'b', limits }).query('up', new Date(0));
    expect(other.asked).toHaveLength(1);
    expect(busy.running).toBe(1);
    busy.releaseAll();
    await tick();
    busy.releaseAll();
    await Promise.all(pending);
  });

  it('gives up waiting after maxWaitMs with a timeout that says why', async () => {
    const limits = new TenantQueryLimits(1, 30);
    const busy = new GatedQuerier();
    const q = new TenantQuerier(busy, { tenant: 'a', limits });
    const first = q.query('up', new Date(0));
    const second = await q.query('down', new Date(0)).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(PrometheusQueryError);
    expect((second as PrometheusQueryError).kind).toBe('timeout');
    expect((second as PrometheusQueryError).message).toMatch(
      /all 1 Prometheus query slots of this repository's tenant stayed busy for 30 ms .*\(query: down\)/,
    );
    expect(limits.queued('a')).toBe(0);
    busy.releaseAll();
    await first;
    expect(limits.active('a')).toBe(0);
  });

  it('gives the slot back when a query fails', async () => {
    const limits = new TenantQueryLimits(1);
    const failing = new MemoryQuerier(() => new PrometheusQueryError('server', 'boom', { url: 'x', query: 'up' }));
    const q = new TenantQuerier(failing, { tenant: 'a', limits });
    await expect(q.query('up', new Date(0))).rejects.toThrow('boom');
    await expect(q.query('up', new Date(0))).rejects.toThrow('boom');
    expect(limits.active('a')).toBe(0);
  });
});

describe('parseTenantConcurrencyEnv', () => {
  it('defaults to 16 and names the variable when malformed', () => {
    expect(parseTenantConcurrencyEnv({})).toEqual({ value: 16 });
    expect(parseTenantConcurrencyEnv({ PROMETHEUS_TENANT_CONCURRENCY: '4' })).toEqual({ value: 4 });
    for (const bad of ['0', '-1', 'x', '1.5', '10000']) {
      expect(parseTenantConcurrencyEnv({ PROMETHEUS_TENANT_CONCURRENCY: bad })).toEqual({
        problems: [expect.objectContaining({ variable: 'PROMETHEUS_TENANT_CONCURRENCY', value: bad })],
      });
    }
  });
});

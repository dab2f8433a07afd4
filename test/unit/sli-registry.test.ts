/**
 * The SLI kinds' registry (src/core/sli/): one module per kind, dispatch that
 * never falls back to another kind, and everything derived from the registry
 * (the policy's `sli` block, the report's `sliKind`, the rule generator's base
 * recordings) agreeing with it.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recordedCoverageQuery } from '../../src/core/generate/recorded-series.js';
import { generateRules } from '../../src/core/generate/rules.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import type { ResolvedSlo } from '../../src/core/policy/resolve-policy.js';
import { sloResultSchema } from '../../src/core/report/report-schema.js';
import { resolveSli, SLI_KIND_NAMES, SLI_KINDS, sliKindOf, sliSchema, type ResolvedSli } from '../../src/core/sli/registry.js';
import { MemoryQuerier } from '../support/memory-querier.js';

const now = new Date('2026-11-23T12:00:00Z');

/** One resolved SLI of each kind, from the policy file as a user writes it. */
const EXAMPLES: Record<string, ResolvedSli> = {
  events: resolveSli({ events: { error: 'sum(increase(e[{{window}}]))', total: 'sum(increase(t[{{window}}]))' } }),
  'good-events': resolveSli({ 'good-events': { good: 'sum(increase(g[{{window}}]))', total: 'sum(increase(t[{{window}}]))' } }),
  latency: resolveSli({ latency: { metric: 'h', threshold: 0.3, selector: '{job="api"}' } }),
  ratio: resolveSli({ ratio: { query: 'sum(increase(bad[{{window}}])) / sum(increase(all[{{window}}]))' } }),
};

const slo = (sli: ResolvedSli): ResolvedSlo => ({ name: 's', service: 's', objective: 99, window: '30d', windowMs: 30 * 86_400_000, sli });

describe('the SLI kind registry', () => {
  it('has one module per kind, registered under its own kind, and an example of each here', () => {
    expect(SLI_KIND_NAMES).toEqual(Object.keys(EXAMPLES));
    for (const name of SLI_KIND_NAMES) {
      expect(SLI_KINDS[name].kind).toBe(name);
      expect(sliKindOf(EXAMPLES[name]!)).toBe(SLI_KINDS[name]);
    }
  });

  it('derives the policy file\'s sli block and its "exactly one of" message from the registry', () => {
    expect(Object.keys(sliSchema.shape)).toEqual(SLI_KIND_NAMES);
    expect(() => parsePolicy('slos: [{ name: a, sli: {} }]')).toThrow(/exactly one of events, good-events, latency or ratio/);
    expect(() =>
      parsePolicy(
        'slos: [{ name: a, sli: { ratio: { query: "x[{{window}}]" }, events: { error: "e[{{window}}]", total: "t[{{window}}]" } } }]',
      ),
    ).toThrow(PolicyError);
  });

  it("derives the report's sliKind from the registry", () => {
    const base = {
      name: 'a',
      objective: 99,
      window: '30d',
      errorRatio: null,
      budgetRemaining: null,
      burnRate: null,
      daysToExhaustion: null,
      status: 'UNKNOWN',
      guards: [],
      error: null,
    };
    for (const name of SLI_KIND_NAMES) expect(sloResultSchema.safeParse({ ...base, sliKind: name }).success).toBe(true);
    expect(sloResultSchema.safeParse({ ...base, sliKind: 'openslo' }).success).toBe(false);
  });

  it('agrees within each kind: countsEvents is what its base recording records', () => {
    for (const name of SLI_KIND_NAMES) {
      const kind = SLI_KINDS[name] as ReturnType<typeof sliKindOf>;
      const recording = kind.recording(EXAMPLES[name]!, '5m');
      expect('counts' in recording, name).toBe(kind.countsEvents);
      // The gate's check that the recorded history covers the window reads the same base series.
      expect(recordedCoverageQuery(slo(EXAMPLES[name]!))).toBe(
        `count_over_time(${kind.countsEvents ? 'deploy_governor:sli_total:rate5m' : 'deploy_governor:sli_error:ratio_rate5m'}{slo="s"}[1h] offset 4w1d23h)`,
      );
    }
  });

  it('refuses a kind it does not know instead of treating it as another (the rule generator once read any unknown kind as a ratio)', () => {
    const foreign = { kind: 'openslo', query: 'x' } as unknown as ResolvedSli;
    expect(() => sliKindOf(foreign)).toThrow(/unknown SLI kind "openslo": the kinds are events, good-events, latency, ratio/);
    expect(() => generateRules({ slos: [slo(foreign)], dr: null, source: 'p' })).toThrow(/unknown SLI kind/);
  });

  it("takes the dashboard's kind-specific panels from the kind's module: latency against its target, nothing for the others", () => {
    const panels = Object.fromEntries(
      SLI_KIND_NAMES.map((name) => [name, sliKindOf(EXAMPLES[name]!).dashboardPanel(EXAMPLES[name]!, { name: 's', objective: 99 })]),
    );
    expect(panels).toEqual({
      events: null,
      'good-events': null,
      ratio: null,
      latency: {
        row: 'Latency against target',
        title: 'Latency: s',
        description: 'The 99th percentile of h against the 0.3s target: below it, at least 99% of requests are fast enough.',
        unit: 's',
        targets: [
          { expr: 'histogram_quantile(0.99, sum by (le) (rate(h_bucket{job="api"}[$__rate_interval])))', legend: 'p99' },
          { expr: 'vector(0.3)', legend: 'target' },
        ],
      },
    });
  });

  it("writes the rule generator's base recordings from the kind's module", () => {
    const file = parse(generateRules({ slos: [slo(EXAMPLES.latency!)], dr: null, source: 'p' })) as {
      groups: { name: string; rules: { record?: string; expr: string }[] }[];
    };
    const base = file.groups.find((g) => g.name === 'deploy-governor:s:base')!.rules;
    expect(base.map((r) => r.expr)).toEqual([
      'clamp_min(sum(increase(h_count{job="api"}[5m])) - sum(increase(h_bucket{job="api", le=~"0[.]30*"}[5m])), 0) / 300',
      'sum(increase(h_count{job="api"}[5m])) / 300',
    ]);
    const ratio = generateRules({ slos: [slo(EXAMPLES.ratio!)], dr: null, source: 'p' });
    expect(ratio).toContain('# SLO s is a ratio SLI: it records no traffic');
  });

  it('words "no data" per kind: a ratio SLI is never described by an events SLI\'s total query', async () => {
    const empty = new MemoryQuerier(() => null);
    const words = await Promise.all(SLI_KIND_NAMES.map((n) => sliKindOf(EXAMPLES[n]!).measure(EXAMPLES[n]!, '1h', empty, now)));
    expect(words).toEqual([
      { state: 'no-data', query: 'sum(increase(t[1h]))', detail: 'the total query returned no samples' },
      { state: 'no-data', query: 'sum(increase(t[1h]))', detail: 'the total query returned no samples' },
      {
        state: 'no-data',
        query: 'sum(increase(h_count{job="api"}[1h]))',
        detail: 'the histogram count query (h_count) returned no samples',
      },
      { state: 'no-data', query: 'sum(increase(bad[1h])) / sum(increase(all[1h]))', detail: 'the ratio query returned no samples' },
    ]);
    const nan = await sliKindOf(EXAMPLES.ratio!).measure(EXAMPLES.ratio!, '1h', new MemoryQuerier(() => Number.NaN), now);
    expect(nan).toMatchObject({ state: 'no-traffic', detail: 'the ratio query returned NaN (0/0: no events in the window)' });
  });
});

import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { MemoryQuerier } from '../support/memory-querier.js';

const now = new Date('2026-11-23T12:00:00Z');
const policy = (mode: string) => resolvePolicy({}, gateInputsSchema.parse({ 'dr-check': 'false', 'use-recording-rules': mode }));

/** Raw counters say 0.06% errors; the recordings say 0.02% (so the source is visible in the result). */
function querier(coverage: number | null) {
  return new MemoryQuerier((q) => {
    if (q.startsWith('count_over_time(deploy_governor:sli_total:rate5m{slo="availability"}[1h] offset 4w1d23h)')) return coverage;
    if (q.startsWith('deploy_governor:sli_error:ratio_rate')) return 0.0002;
    if (q.includes('5..')) return 600;
    return 1_000_000;
  }, true);
}

describe('reading recorded series', () => {
  it('uses the recordings when their history covers the window (auto)', async () => {
    const q = querier(60);
    const report = await evaluatePolicy({ policy: policy('auto'), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ source: 'recorded', errorRatio: 0.0002 });
    expect(report.slos[0]!.budgetRemaining).toBeCloseTo(80, 6);
    expect(q.asked.map((a) => a.query)).toContain('deploy_governor:sli_error:ratio_rate30d{slo="availability"}');
    expect(q.asked.some((a) => a.query.includes('http_requests_total'))).toBe(false);
  });

  it('falls back to raw counters when the recordings are missing or too young (auto)', async () => {
    const report = await evaluatePolicy({ policy: policy('auto'), prometheus: querier(null), now });
    expect(report.slos[0]).toMatchObject({ source: 'raw' });
    expect(report.slos[0]!.errorRatio).toBeCloseTo(0.0006, 12);
  });

  it('is UNKNOWN with a fix-it message when recordings are required but missing (true)', async () => {
    const report = await evaluatePolicy({ policy: policy('true'), prometheus: querier(null), now });
    expect(report.decision.status).toBe('UNKNOWN');
    expect(report.decision.reasons[0]).toMatch(
      /use-recording-rules is true, but the recorded series of SLO availability do not reach back over its 30d window/,
    );
  });

  it('never asks for recordings when switched off (false)', async () => {
    const q = querier(60);
    const report = await evaluatePolicy({ policy: policy('false'), prometheus: q, now });
    expect(report.slos[0]).toMatchObject({ source: 'raw' });
    expect(q.asked.some((a) => a.query.includes('slo:'))).toBe(false);
  });
});

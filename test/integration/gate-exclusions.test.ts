/**
 * Budget exclusions against a real Prometheus: the maintenance scenario
 * (test/support/scenarios.ts) has an incident inside every weekly maintenance
 * window (Sundays 02:00 Berlin time, two hours, across the October fall-back)
 * and inside a one-off maintenance. The gate's budget without them must equal
 * the brute force over the generated increments, and each interval must return
 * exactly its errors. The windows the brute force uses come from Intl alone.
 */
import { describe, expect, inject, it } from 'vitest';
import type { ExclusionOrigins } from '../../src/core/exclusions/admit-exclusions.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import { berlinSundayWindows, maintenanceCounts, maintenanceDst, maintenanceEvaluation, maintenanceOneOff } from '../support/scenarios.js';

const DAY = 86_400;
const HOUR = 3_600;
const WINDOW_SECONDS = 14 * DAY;
/** The intervals and the samples are on the minute, so each pinned increase() reads exactly its interval's samples. */
const EXACT = 1e-9;

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const end = () => inject('evaluationTime') / 1000;

function policyWith(exclusions: string): string {
  return `
prometheus: { url: ${inject('prometheusUrl')} }
dr: { enabled: false }
use-recording-rules: false
slos:
  - name: checkout
    objective: 99.9
    window: 14d
    sli:
      events:
        error: sum(increase(maint_requests_total{scenario="maintenance",status=~"5.."}[{{window}}]))
        total: sum(increase(maint_requests_total{scenario="maintenance"}[{{window}}]))
${exclusions}`;
}

const EXCLUSIONS = () => {
  const [from, to] = maintenanceOneOff(end());
  return `exclusions:
  - name: weekly-maintenance
    reason: Sunday maintenance window
    kind: maintenance
    cron: "0 2 * * 0"
    timezone: Europe/Berlin
    duration: 2h
  - name: db-upgrade
    reason: database upgrade <b>@here</b>
    kind: maintenance
    from: "${iso(from)}"
    to: "${iso(to)}"
`;
};

/** Every exclusion of these tests was in the policy a month before the data starts, added by a writer. */
const addedLongBefore = (): ExclusionOrigins => {
  const at = new Date((maintenanceDst(end()) - 30 * DAY) * 1000);
  const origin = { addedAt: at, attested: true, addedBy: 'octocat', role: { roleName: 'write', permission: 'write' } };
  return { known: new Map(['weekly-maintenance', 'db-upgrade', 'long-ago', 'everything'].map((name) => [name, origin])) };
};

async function gate(exclusions: string, origins: ExclusionOrigins = addedLongBefore()) {
  const policy = resolvePolicy(parsePolicy(policyWith(exclusions)), gateInputsSchema.parse({}));
  const prometheus = new PrometheusClient({ url: policy.prometheus!.url, headers: {}, timeoutMs: policy.prometheus!.timeoutMs });
  return evaluatePolicy({ policy, prometheus, now: new Date(maintenanceEvaluation(end()) * 1000), exclusionOrigins: origins });
}

describe('budget exclusions against a real Prometheus', () => {
  it('returns exactly the maintenance windows’ errors to the budget, across the October daylight-saving change', async () => {
    const at = maintenanceEvaluation(end());
    const dst = maintenanceDst(end());
    const truth = [...berlinSundayWindows(at - WINDOW_SECONDS, at), maintenanceOneOff(end())].sort((a, b) => a[0] - b[0]);
    // The fall-back Sunday's window starts at the first 02:00 (CEST, 00:00 UTC); a week later 02:00 is CET (01:00 UTC).
    expect(truth.map(([a]) => iso(a))).toContain(iso(dst - HOUR));
    expect(truth.map(([a]) => iso(a))).toContain(iso(dst + 7 * DAY));
    const brute = maintenanceCounts(WINDOW_SECONDS, truth);
    const left = {
      errors: brute.errors - brute.within.reduce((s, w) => s + w.errors, 0),
      requests: brute.requests - brute.within.reduce((s, w) => s + w.requests, 0),
    };

    const report = await gate(EXCLUSIONS());
    const slo = report.slos[0]!;
    expect(slo.error).toBeNull();
    expect(Math.abs(slo.errorRatio! - left.errors / left.requests)).toBeLessThan(EXACT);
    expect(slo.exclusions!.map((x) => [x.name, x.from, x.to])).toEqual(
      truth.map(([a, b]) => [a === maintenanceOneOff(end())[0] ? 'db-upgrade' : 'weekly-maintenance', iso(a), iso(b)]),
    );
    for (const [i, x] of slo.exclusions!.entries()) {
      expect(x.errorsReturned).toBeCloseTo(brute.within[i]!.errors, 6);
      expect(x.eventsExcluded).toBeCloseTo(brute.within[i]!.requests, 6);
      expect(x.errorsReturned).toBeGreaterThan(30_000); // an incident, not the background
    }
    // Without the exclusions the incidents exhaust the budget; with them it is nearly whole.
    const without = await gate('');
    expect(without.slos[0]!.status).toBe('EXHAUSTED');
    expect(slo.status).toBe('NORMAL');
    expect(report.exclusions!.every((a) => a.admission === 'added-before-start')).toBe(true);
    // The window's two queries (errors and totals) carry every interval: no more queries however many intervals.
    expect(report.prometheus.queries).toBe(without.prometheus.queries);
  });

  it('changes nothing when the exclusions do not overlap the window', async () => {
    const at = maintenanceEvaluation(end());
    const before = `exclusions:
  - name: long-ago
    reason: before the window
    kind: dependency
    from: "${iso(at - 20 * DAY)}"
    to: "${iso(at - 19 * DAY)}"
`;
    const [plain, excluded] = await Promise.all([gate(''), gate(before)]);
    expect(excluded.slos[0]!.errorRatio).toBe(plain.slos[0]!.errorRatio);
    expect(excluded.slos[0]!.exclusions).toBeUndefined();
    expect(excluded.decision).toEqual(plain.decision);
  });

  it('is UNKNOWN when the exclusions cover the whole window: no traffic is left to judge', async () => {
    const at = maintenanceEvaluation(end());
    const report = await gate(`exclusions:
  - name: everything
    reason: load test
    kind: load-test
    from: "${iso(at - 15 * DAY)}"
    to: "${iso(at + DAY)}"
`);
    expect(report.slos[0]).toMatchObject({ status: 'UNKNOWN', errorRatio: null });
    expect(report.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false });
    expect(report.decision.reasons[0]).toMatch(/no traffic in the 14d window \(the exclusions cover the whole 14d window\)/);
  });

  it('keeps the incident in the budget when the exclusion was added after it started by a writer (fail closed)', async () => {
    const [from] = maintenanceOneOff(end());
    const late: ExclusionOrigins = {
      known: new Map([
        [
          'db-upgrade',
          { addedAt: new Date((from + HOUR) * 1000), attested: true, addedBy: 'mallory', role: { roleName: 'write', permission: 'write' } },
        ],
      ]),
    };
    const [from0, to0] = maintenanceOneOff(end());
    const oneOffOnly = `exclusions:
  - name: db-upgrade
    reason: after the fact
    kind: maintenance
    from: "${iso(from0)}"
    to: "${iso(to0)}"
`;
    const [refused, plain] = await Promise.all([gate(oneOffOnly, late), gate('')]);
    expect(refused.slos[0]!.errorRatio).toBe(plain.slos[0]!.errorRatio);
    expect(refused.exclusions).toMatchObject([{ name: 'db-upgrade', admission: 'refused', addedBy: 'mallory' }]);
    expect(refused.findings.find((f) => f.code === 'exclusion')!.message).toMatch(
      /needs the role of the exhausted override level \(admin\)/,
    );
  });
});

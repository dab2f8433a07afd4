import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/evaluate/decide.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { PrometheusQueryError } from '../../src/core/prometheus/query-error.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { escalationLine } from '../../src/core/render/escalation.js';
import { renderProtectionComment } from '../../src/core/render/render-protection-comment.js';
import { renderSummary } from '../../src/core/render/render-summary.js';
import { reportSchema, type Finding } from '../../src/core/report/report-schema.js';
import { STATUSES } from '../../src/core/status.js';
import { MemoryQuerier } from '../support/memory-querier.js';

const now = new Date('2026-11-23T12:00:00Z');

/** Two SLOs: `healthy` burns nothing, `burning` has spent its whole budget and burns 20x now. */
const TWO_SLOS = `
slos:
  - name: healthy
    sli: { events: { error: 'sum(increase(ok_errors[{{window}}]))', total: 'sum(increase(ok_total[{{window}}]))' } }
  - name: burning
    ENFORCEMENT
    sli: { events: { error: 'sum(increase(bad_errors[{{window}}]))', total: 'sum(increase(bad_total[{{window}}]))' } }
`;

/** `burning`'s 30-day errors: 20 of 10,000 (0.2%) exhausts a 99.9% budget; 1 (0.01%) leaves 90%. It burns 20x now either way. */
function querier(errors30d = 20): MemoryQuerier {
  return new MemoryQuerier((query) => {
    const window = /\[(\w+)\]\)\)$/.exec(query)?.[1];
    if (query.includes('ok_errors')) return 0;
    if (query.includes('ok_total')) return 10_000;
    if (query.includes('bad_total')) return 10_000;
    if (query.includes('bad_errors')) return window === '30d' ? errors30d : 200;
    return null;
  });
}

function policy(yaml: string, inputs: Record<string, string> = {}) {
  return resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({ 'dr-check': 'false', ...inputs }));
}

describe('advisory rules (enforcement: advisory)', () => {
  it('an advisory SLO that would block is reported and counted, and the deploy goes ahead', async () => {
    const enforced = await evaluatePolicy({ policy: policy(TWO_SLOS.replace('ENFORCEMENT', '')), prometheus: querier(), now });
    expect(enforced.decision).toMatchObject({ canDeploy: false, status: 'EXHAUSTED' });
    expect(enforced.decision.wouldHaveBlocked).toBeUndefined();

    const shadow = await evaluatePolicy({
      policy: policy(TWO_SLOS.replace('ENFORCEMENT', 'enforcement: advisory')),
      prometheus: querier(),
      now,
    });
    expect(reportSchema.parse(shadow)).toEqual(shadow);
    expect(shadow.decision).toMatchObject({ canDeploy: true, status: 'NORMAL', requiredOverride: null });
    expect(shadow.decision.reasons).toEqual([]);
    expect(shadow.decision.wouldHaveBlocked!.map((r) => [r.rule, r.status])).toEqual([
      ['slo:burning', 'EXHAUSTED'],
      ['burn-rate-guard:1h/5m > 14.4x', 'FREEZE'],
    ]);
    // The SLO's own row still shows what it measured: advisory changes the decision, not the measurement.
    expect(shadow.slos.find((s) => s.name === 'burning')!.status).toBe('EXHAUSTED');
    expect(shadow.findings.filter((f) => f.slo === 'burning').every((f) => f.enforcement === 'advisory')).toBe(true);
  });

  it('an advisory guard does not block while the SLO it watches is enforced', async () => {
    const yaml = `${TWO_SLOS.replace('ENFORCEMENT', '')}
burn-rate-guards: [{ name: page, long: 1h, short: 5m, factor: 14.4, enforcement: advisory }]
`;
    // 90% of the budget left: only the guard would block, and it is advisory.
    const report = await evaluatePolicy({ policy: policy(yaml), prometheus: querier(1), now });
    expect(report.decision).toMatchObject({ canDeploy: true });
    expect(report.decision.wouldHaveBlocked).toEqual([expect.objectContaining({ rule: 'burn-rate-guard:page', status: 'FREEZE' })]);
    const enforced = await evaluatePolicy({
      policy: policy(yaml.replace(', enforcement: advisory', '')),
      prometheus: querier(1),
      now,
    });
    expect(enforced.decision).toMatchObject({ canDeploy: false, status: 'FREEZE' });
  });

  it('an advisory freeze window and an advisory DR check are shown, not enforced', async () => {
    const yaml = `
burn-rate-guards: []
freeze-windows:
  - { name: shadow-friday, from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z', enforcement: advisory }
dr: { max-age: 7d, enforcement: advisory }
`;
    const q = new MemoryQuerier((query) =>
      query.includes('dr_last_test_timestamp') ? now.getTime() / 1000 - 30 * 86_400 : query.includes('5..') ? 0 : 1000,
    );
    const report = await evaluatePolicy({ policy: resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({})), prometheus: q, now });
    expect(report.decision.canDeploy).toBe(true);
    expect(report.decision.wouldHaveBlocked!.map((r) => r.rule).sort()).toEqual(['dr', 'freeze-window:shadow-friday']);
    const enforced = await evaluatePolicy({
      policy: resolvePolicy(parsePolicy(yaml.replaceAll(', enforcement: advisory', '')), gateInputsSchema.parse({})),
      prometheus: q,
      now,
    });
    expect(enforced.decision).toMatchObject({ canDeploy: false, status: 'FREEZE' });
  });

  it('an advisory SLO that cannot be evaluated does not fail the gate closed; an enforced one does', async () => {
    const down = () => new PrometheusQueryError('unreachable', 'cannot reach the tenant', { url: 'memory://', query: 'bad' });
    const q = new MemoryQuerier((query) => (query.includes('bad_') ? down() : query.includes('ok_errors') ? 0 : 10_000));
    const shadow = await evaluatePolicy({ policy: policy(TWO_SLOS.replace('ENFORCEMENT', 'enforcement: advisory')), prometheus: q, now });
    expect(shadow.decision.canDeploy).toBe(true);
    expect(shadow.decision.wouldHaveBlocked).toEqual([expect.objectContaining({ rule: 'slo:burning', status: 'UNKNOWN' })]);
    const enforced = await evaluatePolicy({ policy: policy(TWO_SLOS.replace('ENFORCEMENT', '')), prometheus: q, now });
    expect(enforced.decision).toMatchObject({ canDeploy: false, status: 'UNKNOWN' });
  });

  it('refuses an enforcement that is neither enforce nor advisory, naming the field', () => {
    expect(() => parsePolicy('slos: [{ name: a, enforcement: shadow }]')).toThrow(PolicyError);
    expect(() => parsePolicy('slos: [{ name: a, enforcement: shadow }]')).toThrow(
      /slos\[0\]\.enforcement: expected one of enforce, advisory; got "shadow"/,
    );
  });

  const finding = fc.record({
    source: fc.constantFrom('budget', 'burn-rate', 'dr', 'freeze', 'error' as const),
    status: fc.constantFrom(...STATUSES),
    message: fc.string({ maxLength: 20 }),
    rule: fc.string({ minLength: 1, maxLength: 10 }),
  }) as fc.Arbitrary<Finding>;

  it('property: advisory findings never change the decision, and each blocking one is listed', () => {
    const base = policy('');
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 6 }), fc.array(finding, { maxLength: 6 }), (enforced, shadow) => {
        const advisory = shadow.map((f) => ({ ...f, enforcement: 'advisory' as const }));
        const alone = decide(base, enforced);
        const both = decide(base, [...enforced, ...advisory]);
        expect(both.canDeploy).toBe(alone.canDeploy);
        expect(both.status).toBe(alone.status);
        expect(both.reasons).toEqual(alone.reasons);
        const blocking = advisory.filter((f) => !decide(base, [{ ...f, enforcement: undefined }]).canDeploy);
        expect((both.wouldHaveBlocked ?? []).length).toBe(blocking.length);
      }),
    );
  });
});

describe('escalation', () => {
  it('resolves per environment, without the @, and is refused when it is not a login or team', () => {
    const yaml = 'escalation: "@sre-lead"\nenvironments: { production: { escalation: acme/sre }, staging: {} }';
    expect(resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({ environment: 'production' })).escalation).toBe('acme/sre');
    expect(resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({ environment: 'staging' })).escalation).toBe('sre-lead');
    expect(() => parsePolicy('escalation: "sre-lead <img src=x>"')).toThrow(/escalation.*GitHub login or an organisation team/s);
  });

  it('names the contact as a real mention in blocked reports, and only there', async () => {
    const yaml = `${TWO_SLOS.replace('ENFORCEMENT', '')}\nescalation: acme/sre-leads`;
    const blocked = await evaluatePolicy({ policy: policy(yaml), prometheus: querier(), now });
    expect(blocked.decision.escalation).toBe('acme/sre-leads');
    expect(renderSummary(blocked)).toContain('The policy names @acme/sre-leads to decide');
    expect(renderProtectionComment(blocked)).toContain('@acme/sre-leads');
    const allowed = await evaluatePolicy({
      policy: policy(
        `escalation: acme/sre-leads\nslos: [{ name: healthy, sli: { events: { error: 'sum(increase(ok_errors[{{window}}]))', total: 'sum(increase(ok_total[{{window}}]))' } } }]`,
      ),
      prometheus: querier(),
      now,
    });
    expect(allowed.decision.canDeploy).toBe(true);
    expect(renderSummary(allowed)).not.toContain('@acme');
  });

  it('renders nothing for a value outside the accepted form (defence in depth)', () => {
    for (const bad of ['a b', 'x/y/z', '@x', 'x](http://evil)', '', 'a'.repeat(40)]) expect(escalationLine(bad)).toBeNull();
    expect(escalationLine('octocat')).toContain('@octocat');
  });
});

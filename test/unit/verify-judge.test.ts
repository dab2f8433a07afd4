/**
 * The verification's pure decision (src/core/verify/judge.ts) and its settings:
 * a regression needs both the factor and the floor, no data is never a pass,
 * and bad settings name the key, the value and the accepted form.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import type { PolicyError } from '../../src/core/policy/policy-error.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { decideVerification, isRegression, type Poll, type Reading, type SloBaseline } from '../../src/core/verify/judge.js';
import { renderVerificationMarkdown } from '../../src/core/verify/render-verification.js';
import { MAX_SAMPLES_PER_SLO, verificationSchema } from '../../src/core/verify/verification-schema.js';
import { applyVerifyInputs, verifyInputsSchema } from '../../src/core/verify/verify-inputs.js';
import { resolveVerifySettings, VERIFY_DEFAULTS } from '../../src/core/verify/verify-settings.js';

const settings = resolveVerifySettings(undefined, 'test');
const start = new Date('2026-11-29T12:00:00Z');

function polls(...rounds: Record<string, Reading>[]): Poll[] {
  return rounds.map((r, i) => ({ at: new Date(start.getTime() + (i + 1) * 60_000), readings: new Map(Object.entries(r)) }));
}

const measured = (burnRate: number): Reading => ({ state: 'measured', burnRate });
const noData: Reading = { state: 'no-data', detail: 'the total query returned no samples (query: sum(x))' };

function decide(baselines: SloBaseline[], made: Poll[], overrides: Partial<typeof settings> = {}, rollbackCommand: string | null = null) {
  const v = decideVerification(baselines, made, {
    environment: 'production',
    settings: { ...settings, ...overrides },
    startedAt: start,
    endedAt: made.at(-1)?.at ?? start,
    plannedPolls: 15,
    rollbackCommand,
    gate: { evaluatedAt: start.toISOString(), runId: 77 },
    prometheus: { url: 'memory://prometheus', queries: made.length * 2 },
    run: null,
  });
  return verificationSchema.parse(v);
}

const api: SloBaseline = { name: 'api', objective: 99.9, burnBefore: 0.2 };

describe('a regression', () => {
  it('needs the burn rate above both the factor times the pre-deploy rate and the floor', () => {
    const rule = { factor: 2, floor: 1 };
    expect(isRegression(3, 2, rule)).toBe(false); // above the floor, not above 2 × 2
    expect(isRegression(0.9, 0.1, rule)).toBe(false); // 9 × before, below the floor
    expect(isRegression(1.1, 0.1, rule)).toBe(true);
    expect(isRegression(4.1, 2, rule)).toBe(true);
    expect(isRegression(1, 0.5, rule)).toBe(false); // at the limit is not above it
    // Without a pre-deploy rate, the floor alone.
    expect(isRegression(1.1, null, rule)).toBe(true);
    expect(isRegression(0.9, null, rule)).toBe(false);
  });

  it('is exactly "above both", for any rates and settings', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1000, noNaN: true })),
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (after, before, factor, floor) => {
          const both = after > floor && (before === null || after > factor * before);
          expect(isRegression(after, before, { factor, floor })).toBe(both);
        },
      ),
    );
  });
});

describe('the verdict', () => {
  it('passes when every poll of every SLO stays within its limit', () => {
    const v = decide(
      [api, { name: 'web', objective: 99, burnBefore: 0.1 }],
      polls({ api: measured(0.3), web: measured(0.9) }, { api: measured(0.35), web: measured(0.5) }),
    );
    expect(v).toMatchObject({ verdict: 'pass', passed: true, regressed: false, recommendation: null, polls: 2, endedEarly: false });
    // The deciding SLO is the one closest to its limit (web: 0.5 of 1; api: 0.35 of 1).
    expect(v).toMatchObject({ burnBefore: 0.1, burnAfter: 0.5 });
    expect(v.reasons[0]).toMatch(/^SLO api: passed: .* highest 0\.35x$/);
  });

  it('regresses on one poll of one SLO, ends early and recommends the rollback command', () => {
    const v = decide([api], polls({ api: measured(0.3) }, { api: measured(1.7) }), {}, 'gh workflow run rollback.yml');
    expect(v).toMatchObject({ verdict: 'regressed', passed: false, regressed: true, burnBefore: 0.2, burnAfter: 1.7, endedEarly: true });
    expect(v.slos[0]!.samples.map((s) => s.regressed)).toEqual([false, true]);
    expect(v.recommendation).toBe('Roll back the deploy to production: gh workflow run rollback.yml');
    expect(decide([api], polls({ api: measured(1.7) })).recommendation).toMatch(/give the step a rollback-command/);
  });

  it('treats no data after the deploy as unknown, which fails unless no-data: pass', () => {
    const v = decide(
      [api],
      polls({ api: noData }, { api: { state: 'no-traffic', detail: 'total 0' } }, { api: { state: 'error', detail: 'timeout' } }),
    );
    expect(v).toMatchObject({ verdict: 'unknown', passed: false, regressed: false, burnAfter: null });
    expect(v.reasons[0]).toMatch(
      /none of the 3 polls measured a burn rate over the last 5m \(last: timeout\); no data after a deploy is not a pass/,
    );
    expect(decide([api], polls({ api: noData }), { noData: 'pass' })).toMatchObject({
      verdict: 'unknown',
      passed: true,
      recommendation: null,
    });
    // One SLO without data makes the whole verdict unknown; a regression elsewhere still decides.
    const b: SloBaseline = { name: 'b', objective: 99.9, burnBefore: 0.1 };
    expect(decide([api, b], polls({ api: measured(0.1), b: noData })).verdict).toBe('unknown');
    expect(decide([api, b], polls({ api: measured(5), b: noData })).verdict).toBe('regressed');
    // Some data is enough: the measured polls are judged.
    expect(decide([api], polls({ api: noData }, { api: measured(0.2) })).verdict).toBe('pass');
    // A policy with no SLOs verifies nothing: never a pass.
    expect(decide([], polls({}))).toMatchObject({ verdict: 'unknown', passed: false });
  });

  it('keeps the newest samples of a long bake, counting the rest', () => {
    const many = polls(...Array.from({ length: MAX_SAMPLES_PER_SLO + 5 }, () => ({ api: measured(0.1) })));
    const v = decide([api], many);
    expect(v.slos[0]!.samples).toHaveLength(MAX_SAMPLES_PER_SLO);
    expect(v.slos[0]!.samplesOmitted).toBe(5);
    expect(v.slos[0]!.samples.at(-1)!.at).toBe(many.at(-1)!.at.toISOString());
  });

  it('renders the rollback command and the SLO names inert', () => {
    const v = decide(
      [{ ...api, name: 'api' }],
      polls({ api: measured(9) }),
      {},
      '[click](https://evil.example) @octo-org/admins <img src=x>',
    );
    const md = renderVerificationMarkdown(v);
    expect(md).toContain('**Recommendation:** Roll back the deploy to production with the workflow');
    expect(md).not.toMatch(/\[click\]\(|@octo-org|<img/);
    expect(md).toContain('> \\[click\\]\\(https:\u200b//evil.example\\) @\u200bocto-org/admins &lt;img src=x&gt;');
  });
});

describe('the settings', () => {
  it('default as documented and come from the policy, an environment over the top level', () => {
    expect(resolvePolicy(parsePolicy(''), gateInputsSchema.parse({})).verify).toMatchObject({
      ...VERIFY_DEFAULTS,
      bakeMs: 900_000,
      intervalMs: 60_000,
    });
    const file = parsePolicy('verify: {bake: 30m, factor: 3}\nenvironments: {production: {verify: {floor: 2}}, staging: {}}\n');
    const prod = resolvePolicy(file, gateInputsSchema.parse({ environment: 'production' })).verify;
    expect(prod).toMatchObject({ bake: '30m', factor: 3, floor: 2, interval: '1m' });
    expect(resolvePolicy(file, gateInputsSchema.parse({ environment: 'staging' })).verify).toMatchObject({ floor: 1, factor: 3 });
  });

  it('take the inputs over the policy, checked together', () => {
    const policy = resolveVerifySettings({ bake: '10m' }, 'file');
    const inputs = verifyInputsSchema.parse({ 'verify-interval': '30s', 'verify-factor': '1.5', 'verify-no-data': 'PASS' });
    expect(applyVerifyInputs(policy, inputs, 'action inputs', { bake: 'bake', interval: 'verify-interval' })).toMatchObject({
      bake: '10m',
      interval: '30s',
      intervalMs: 30_000,
      factor: 1.5,
      noData: 'pass',
    });
    expect(() =>
      applyVerifyInputs(policy, verifyInputsSchema.parse({ 'verify-interval': '20m' }), 'action inputs', {
        bake: 'bake',
        interval: 'verify-interval',
      }),
    ).toThrow(
      /action inputs: invalid value\n {2}- verify-interval: expected at most the bake time \(10m\), so that at least one poll happens; got "20m"/,
    );
  });

  it('refuse bad values naming the key, the value and the accepted form', () => {
    const refused = (yaml: string) => {
      try {
        resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({}));
      } catch (error: unknown) {
        return (error as PolicyError).message;
      }
      return 'accepted';
    };
    expect(refused('verify: {bake: 7h}')).toMatch(/verify\.bake: expected at most 6h, the longest a job may run; got "7h"/);
    expect(refused('verify: {interval: 1s}')).toMatch(/verify\.interval: expected at least 5s .*; got "1s"/);
    expect(refused('verify: {factor: 0.5}')).toMatch(/verify\.factor/);
    expect(refused('verify: {no-data: maybe}')).toMatch(/verify\.no-data: expected one of fail, pass; got "maybe"/);
    expect(refused('verify: {bake: 15}')).toMatch(/verify\.bake/);
    const input = verifyInputsSchema.safeParse({ 'verify-floor': '-1', 'rollback-command': 'a\nb', bake: 'soon' });
    expect(input.success).toBe(false);
    expect(input.error!.issues.map((i) => i.path[0]).sort()).toEqual(['bake', 'rollback-command', 'verify-floor']);
  });
});

describe('the generated JSON Schemas', () => {
  const load = (file: string) => JSON.parse(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8')) as object;

  it('describe the verdicts the verify step writes', () => {
    const validate = new Ajv2020({ strict: false }).compile(load('verification.schema.json'));
    for (const v of [decide([api], polls({ api: measured(9) }), {}, 'rollback'), decide([api], polls({ api: noData }))]) {
      expect(validate(JSON.parse(JSON.stringify(v)))).toBe(true);
      expect(validate({ ...v, schema: 'deploy-governor/verification@2' })).toBe(false);
    }
  });

  it("accept the policy's verify section and refuse an unknown key in it", () => {
    const validate = new Ajv2020({ strict: false }).compile(load('deploy-governor.schema.json'));
    expect(validate({ verify: { bake: '30m', interval: '30s', window: '10m', factor: 3, floor: 2, 'no-data': 'pass' } })).toBe(true);
    expect(validate({ verify: { baketime: '30m' } })).toBe(false);
  });
});

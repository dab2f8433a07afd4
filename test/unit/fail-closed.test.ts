/**
 * Issue 13, item 1: no plausible mistake opens the gate. An environment the
 * policy's map does not name, a freeze window scoped to one, and an objective
 * written as a fraction are refused; enums take any case, with one wording for
 * the policy file, the Action's inputs and the CLI's flags.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestName } from '../../src/core/policy/environment-names.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { policyErrorFromZod, toPolicyIssues } from '../../src/core/policy/policy-issues.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { policyFileSchema } from '../../src/core/policy/schema.js';

function errorOf(run: () => unknown): PolicyError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('expected a PolicyError');
}

const inputs = (raw: Record<string, string> = {}) => gateInputsSchema.parse(raw);
// zod drops a record key "__proto__" (the environment is then unknown, and refused): not a name a map can hold.
const envName = fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/).filter((n) => n !== '__proto__');

const ISSUE_POLICY = `
block-on: CAUTION
environments:
  production:
    block-on: WARNING
  staging:
    block-on: EXHAUSTED
freeze-windows:
  - { name: always, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", environments: [production] }
`;

describe('environments: exact names when the policy has a map', () => {
  it('refuses the issue\'s "Production" and "prodution", naming the known environments and the closest match, where production blocks', () => {
    const file = parsePolicy(ISSUE_POLICY);
    expect(resolvePolicy(file, inputs({ environment: 'production' })).freezeWindows).toHaveLength(1);
    for (const typo of ['Production', 'prodution', 'PRODUCTION']) {
      const error = errorOf(() => resolvePolicy(file, inputs({ environment: typo })));
      expect(error.issues[0]!.path).toBe('environment');
      expect(error.issues[0]!.message).toMatch(
        /is not in the policy's environments map \(production, staging\): did you mean production\?/,
      );
    }
    expect(errorOf(() => resolvePolicy(file, inputs({ environment: 'qa' }))).message).toMatch(
      /\(production, staging\)\. Names are compared exactly/,
    );
  });

  it('refuses any environment the map does not name, and accepts every one it does (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(envName, { minLength: 1, maxLength: 5 }), envName, (names, candidate) => {
        const file = policyFileSchema.parse({ environments: Object.fromEntries(names.map((n) => [n, { 'block-on': 'FREEZE' }])) });
        if (names.includes(candidate)) {
          expect(resolvePolicy(file, inputs({ environment: candidate })).blockOn).toBe('FREEZE');
        } else {
          const error = errorOf(() => resolvePolicy(file, inputs({ environment: candidate })));
          expect(error.issues[0]!.path).toBe('environment');
          for (const n of names) expect(error.issues[0]!.message).toContain(n);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts the default environment (production) as a name like any other', () => {
    expect(() => resolvePolicy(parsePolicy('environments: { staging: {} }'), inputs())).toThrow(
      /environment "production" is not in the policy's environments map \(staging\)/,
    );
  });

  it("keeps today's behaviour without a map (or with an empty one): any name gets the top level", () => {
    for (const text of ['block-on: FREEZE', 'block-on: FREEZE\nenvironments: {}']) {
      expect(resolvePolicy(parsePolicy(text), inputs({ environment: 'anything' })).blockOn).toBe('FREEZE');
    }
    const noMap = parsePolicy(
      'freeze-windows: [{ name: w, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", environments: [prodution] }]',
    );
    expect(resolvePolicy(noMap, inputs({ environment: 'prodution' })).freezeWindows).toHaveLength(1);
  });

  it('refuses a freeze window scoped to an environment the map does not name, at top level and per environment', () => {
    const text = `
environments:
  production:
    freeze-windows: [{ name: inner, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", environments: [Staging] }]
  staging: {}
freeze-windows:
  - { name: weekend, start: "0 18 * * 5", end: "0 8 * * 1", environments: [production, prodution] }
`;
    const error = errorOf(() => parsePolicy(text));
    expect(error.issues.map((i) => i.path)).toEqual([
      'freeze-windows[0].environments[1]',
      'environments.production.freeze-windows[0].environments[0]',
    ]);
    expect(error.issues[0]!.message).toMatch(
      /freeze window "weekend" names the environment "prodution", which is not in the policy's environments map \(production, staging\): did you mean production\? A freeze window scoped to it would never apply/,
    );
    expect(error.issues[1]!.message).toMatch(/did you mean staging\?/);
  });

  it('suggests by case first, then by a small edit distance, and nothing far away', () => {
    expect(closestName('PROD', ['prod', 'production'])).toBe('prod');
    expect(closestName('stagign', ['production', 'staging'])).toBe('staging');
    expect(closestName('eu-west', ['production', 'staging'])).toBeNull();
  });
});

describe('objectives are percentages everywhere', () => {
  it('refuses any objective at or below 1 in the file, with the percentage it probably meant (property)', () => {
    fc.assert(
      fc.property(fc.double({ max: 1, noNaN: true }), (objective) => {
        const yaml = Number.isFinite(objective) ? String(objective) : '-.inf';
        const error = errorOf(() => parsePolicy(`slos: [{ name: a, objective: ${yaml}, sli: { ratio: { query: "x[{{window}}]" } } }]`));
        expect(error.issues[0]!.path).toBe('slos[0].objective');
        const meant = Number((objective * 100).toPrecision(10));
        // YAML's -.inf is no number for zod at all: refused, in zod's words.
        if (Number.isFinite(objective))
          expect(error.issues[0]!.message).toContain(objective > 0 && objective < 1 ? `did you mean ${meant}?` : 'did you mean 99.9?');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any slo-target at or below 1, as the input and as the flag (property)', () => {
    fc.assert(
      fc.property(fc.double({ max: 1, noNaN: true, noDefaultInfinity: true }), (target) => {
        const result = gateInputsSchema.safeParse({ 'slo-target': String(target) });
        expect(result.success).toBe(false);
        const [input] = toPolicyIssues(result.error!, { 'slo-target': String(target) }, 'input');
        expect(input).toMatchObject({ path: 'slo-target', message: expect.stringMatching(/objectives are percentages.*did you mean/) });
        expect(toPolicyIssues(result.error!, {}, 'flag')[0]!.path).toBe('--slo-target');
      }),
      { numRuns: 200 },
    );
  });

  it('says what 0.999 would have meant', () => {
    expect(
      errorOf(() => parsePolicy('slos: [{ name: a, objective: 0.999, sli: { ratio: { query: "x[{{window}}]" } } }]')).message,
    ).toContain(
      'slos[0].objective: expected a percentage above 1, e.g. 99.9: objectives are percentages, not fractions, so 0.999 would mean 0.999%; did you mean 99.9? (got 0.999)',
    );
    expect(gateInputsSchema.safeParse({ 'slo-target': '0.95' }).error?.issues[0]?.message).toMatch(/did you mean 95\?; got 0.95$/);
    expect(gateInputsSchema.parse({ 'slo-target': '99.95' })['slo-target']).toBe(99.95);
  });

  it('refuses a fraction that reaches resolvePolicy by another way (a hand-built or Sloth-sourced policy)', () => {
    const file = { slos: [{ name: 'a', objective: 0.999, sli: { ratio: { query: 'x[{{window}}]' } } }] };
    expect(() => resolvePolicy(file, inputs())).toThrow(/did you mean 99\.9\?/);
  });
});

describe('enums in any case, with one wording for the file, the inputs and the flags', () => {
  it('reads block-on: warning in the file as --block-on warning does, and every other enum likewise', () => {
    const file = parsePolicy(`
block-on: warning
on-error: ALLOW
mode: Report
use-recording-rules: true
unknown-guards: BLOCK
dr: { status: freeze }
burn-rate-guards: [{ long: 1h, short: 5m, factor: 14.4, status: exhausted }]
alerting: { burn-rate-alerts: [{ long: 1h, short: 5m, factor: 14.4, severity: PAGE }] }
overrides: { levels: { warning: { permission: Maintain } } }
`);
    const policy = resolvePolicy(file, inputs());
    expect(policy).toMatchObject({
      blockOn: 'WARNING',
      onError: 'allow',
      mode: 'report',
      useRecordingRules: 'true',
      unknownGuards: 'block',
      dr: { status: 'FREEZE' },
    });
    expect(policy.burnRateGuards[0]!.status).toBe('EXHAUSTED');
    expect(file.alerting?.['burn-rate-alerts']?.[0]?.severity).toBe('page');
    expect(policy.overrides.levels.warning.permission).toBe('maintain');
    expect(resolvePolicy({}, inputs({ 'block-on': 'warning', mode: 'REPORT' }))).toMatchObject({ blockOn: 'WARNING', mode: 'report' });
  });

  it('words a bad enum the same way from each source: "<source> <field>: expected one of …; got …"', () => {
    const fromFile = errorOf(() => parsePolicy('block-on: warnig', 'policy.yml'));
    const raw = { 'block-on': 'warnig' };
    const parsed = gateInputsSchema.safeParse(raw);
    const fromInput = policyErrorFromZod(parsed.error!, raw, 'input');
    const fromFlag = policyErrorFromZod(parsed.error!, raw, 'flag');
    const expected = 'expected one of CAUTION, WARNING, FREEZE, EXHAUSTED; got "warnig"';
    expect(fromFile.issues).toEqual([{ path: 'block-on', message: expected }]);
    expect(fromInput.issues).toEqual([{ path: 'block-on', message: expected }]);
    expect(fromFlag.issues).toEqual([{ path: '--block-on', message: expected }]);
    expect(fromFile.message).toBe(`policy.yml: invalid value\n  - block-on: ${expected}`);
    expect(fromInput.message).toBe(`action inputs: invalid value\n  - block-on: ${expected}`);
    expect(fromFlag.message).toBe(`command line: invalid value\n  - --block-on: ${expected}`);
    expect(errorOf(() => parsePolicy('environments: { staging: { mode: sometimes } }')).issues[0]).toEqual({
      path: 'environments.staging.mode',
      message: 'expected one of enforce, report; got "sometimes"',
    });
  });
});

/**
 * The CLI's terminal side, without a process: the plain-text renderer (no
 * markdown, no zero-width characters, nothing a hostile name can do to a
 * terminal), colour selection (TTY, NO_COLOR, FORCE_COLOR), the bounded
 * --interval, next steps in the CLI's words, the error report both adapters
 * write on a configuration error (valid against schema/report.schema.json),
 * errors that name the flag rather than the policy file, and overrides asked
 * for through the CLI.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/cli/color.js';
import { parseInterval } from '../../src/cli/interval.js';
import { cliNextSteps } from '../../src/cli/next-steps.js';
import { describeError } from '../../src/cli/run.js';
import { decide } from '../../src/core/evaluate/decide.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { applyOverride, type OverrideAttempt } from '../../src/core/override/decide-override.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { renderStatusText, renderTextReport, terminalText } from '../../src/core/render/render-text.js';
import { errorReport, policyErrorReasons } from '../../src/core/report/error-report.js';
import { REPORT_SCHEMA_ID, reportSchema, type Report } from '../../src/core/report/report-schema.js';
import type { Status } from '../../src/core/status.js';
import { attributeToInputs } from '../../src/gate/run-gate.js';
import { eventsAnswer, MemoryQuerier } from '../support/memory-querier.js';

const validateReport = new Ajv2020({ strict: false }).compile(
  JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object,
);

const policy = resolvePolicy(parsePolicy('dr: { enabled: false }'), gateInputsSchema.parse({}));

async function reportAt(errorsPerMillion: number): Promise<Report> {
  const q = new MemoryQuerier(
    eventsAnswer({
      '30d': { errors: errorsPerMillion, total: 1_000_000 },
      '1h': { errors: 0, total: 1000 },
      '5m': { errors: 0, total: 100 },
    }),
  );
  return evaluatePolicy({ policy, prometheus: q, now: new Date('2026-11-23T12:00:00Z') });
}

/** Markdown's escapes and entities, and the zero-width characters the markdown renderers insert. */
const MARKDOWN_ARTEFACTS = /&gt;|&lt;|&amp;|\\[()_[\]{}*`#|!~+]|[\u200b-\u200d\u2060\ufeff]/;

const HOSTILE_QUERY = 'sum(increase(http_requests_total{status=~"5.."}[30d])) > 0';
const HOSTILE_REASON = `SLO api: no answer for ${HOSTILE_QUERY} at https://prom.example.com/api (see @alice, #12, <b>bold</b> & *stars*)`;

/** A report whose user-controlled text tries everything: markdown, ANSI escapes, zero-width and bidi characters. */
async function hostileReport(): Promise<Report> {
  const report = await reportAt(900);
  const slo = { ...report.slos[0]!, name: 'api\x1b[2J\x1b]0;pwned\x07\u200b\u202echeckout' };
  return {
    ...report,
    slos: [slo],
    freeze: { active: [{ name: 'black_friday\u2066x', reason: 'peak > 10x', since: null, until: '2026-11-30T00:00:00Z' }] },
    decision: { ...report.decision, reasons: [HOSTILE_REASON, ...report.decision.reasons] },
  };
}

describe('plain-text report (check) and status table', () => {
  it('prints queries, URLs and punctuation as written: no markdown escapes, no zero-width characters, no ANSI without colour', async () => {
    const report = await hostileReport();
    for (const text of [renderTextReport(report, { color: false }), renderStatusText(report, { color: false })]) {
      expect(text).toContain(HOSTILE_REASON);
      expect(text).not.toMatch(MARKDOWN_ARTEFACTS);
      expect(text).not.toContain('\x1b');
      expect(text).not.toContain('\x07');
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      // The SLO's name keeps its printable part.
      expect(text).toContain('api [2J ]0;pwned checkout');
    }
    const full = renderTextReport(report, { color: false });
    expect(full).toMatch(/^production: BLOCKED \(FREEZE\) {2}block-on WARNING/);
    expect(full).toContain('Freeze: black_fridayx: peak > 10x (until 2026-11-30T00:00:00Z)');
    expect(full).toMatch(
      /Fast-burn guards:\n {2}api .*checkout: 1h\/5m > 14\.4x: 0\.00x over 1h, 0\.00x over 5m \(factor 14\.4x\): not triggered/,
    );
    expect(full).toMatch(/\nReasons:\n {2}- SLO api: no answer/);
  });

  it('colours only with its own SGR codes: nothing from the report reaches the terminal as a control sequence', async () => {
    const text = renderTextReport(await hostileReport(), { color: true });
    expect(text).toContain('\x1b[36mBLOCKED (FREEZE)\x1b[0m');
    // eslint-disable-next-line no-control-regex
    const sequences = text.match(/\x1b[^m]*m?/g) ?? [];
    expect(sequences.length).toBeGreaterThan(0);
    // eslint-disable-next-line no-control-regex
    for (const s of sequences) expect(s).toMatch(/^\x1b\[(0|1|3[0-9]|90|38;5;208)m$/);
  });

  it('terminalText leaves no control, bidi or zero-width character in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        // eslint-disable-next-line no-control-regex
        expect(terminalText(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/);
      }),
    );
  });
});

describe('colour', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
  ])('isTTY %s with %j → %s', (isTTY, env, expected) => {
    expect(colorEnabled({ isTTY }, env)).toBe(expected);
  });
});

describe('--interval', () => {
  it('takes seconds or a duration between 5 s and 1 h', () => {
    expect(parseInterval('30')).toBe(30_000);
    expect(parseInterval('5')).toBe(5_000);
    expect(parseInterval('7.5')).toBe(7_500);
    expect(parseInterval('5m')).toBe(300_000);
    expect(parseInterval('1h')).toBe(3_600_000);
  });

  it.each(['1e9', '0', '4', '3601', '2h', 'Infinity', 'NaN', '-30', '', 'soon', '0x10'])('refuses %j naming --interval', (value) => {
    expect(() => parseInterval(value)).toThrow(PolicyError);
    try {
      parseInterval(value);
    } catch (error: unknown) {
      expect(describeError(error)).toEqual([
        `--interval: expected seconds between 5 and 3600 (or a duration such as 30s, 5m or 1h); got "${value}"`,
      ]);
    }
  });

  it('never yields a delay setTimeout would fire at once', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double().map(String), fc.integer({ min: 0, max: 2 ** 40 }).map(String), fc.string()), (value) => {
        let ms: number;
        try {
          ms = parseInterval(value);
        } catch {
          return;
        }
        expect(ms).toBeGreaterThanOrEqual(5_000);
        expect(ms).toBeLessThanOrEqual(3_600_000);
      }),
    );
  });
});

describe('next steps in the CLI', () => {
  it('a blocked deploy: the --override flags, the role, and no workflow to dispatch', async () => {
    const report = await reportAt(900);
    const steps = cliNextSteps(report, policy, undefined);
    expect(steps[0]).toBe(
      'To deploy anyway, run again with --override freeze --override-reason "<why, at least 10 characters>" --repo owner/name and GITHUB_TOKEN set to your own token; GitHub must give you the maintain role or higher on that repository.',
    );
    expect(steps.join(' ')).not.toMatch(/dispatch|workflow|override-reason of/);
  });

  it('UNKNOWN: the --on-error flag; allowed with care; an override that was not needed', async () => {
    const unknown = { ...(await reportAt(0)), decision: decide(policy, [{ source: 'error', status: 'UNKNOWN', message: 'no traffic' }]) };
    expect(cliNextSteps(unknown, policy, undefined)[0]).toMatch(/pass --on-error allow/);
    const caution = await reportAt(300);
    expect(cliNextSteps(caution, policy, 'freeze')).toEqual([
      'An override (freeze) was requested but not needed: the deploy is allowed. Nothing was recorded.',
      'Deploys are allowed (status CAUTION is below block-on WARNING); deploy with care.',
    ]);
  });

  it('a level that needs an approved deployment points to the Action; an override says what is recorded', async () => {
    const approving = resolvePolicy(
      parsePolicy('dr: { enabled: false }\noverrides: { levels: { freeze: { require-environment-approval: true } } }'),
      gateInputsSchema.parse({}),
    );
    const report = await reportAt(900);
    expect(cliNextSteps(report, approving, undefined)[0]).toMatch(/only a GitHub Actions run can show: override from the deploy workflow/);
    const overridden = applyOverride(report, cliAttempt({ role: { roleName: 'maintain', permission: 'write' } }), policy);
    expect(overridden.decision.overridden).toBe(true);
    expect(cliNextSteps(overridden, policy, 'freeze')).toEqual([
      'The deploy proceeds under an override by alice, recorded in this report only (print it with --json, keep it with --report-path). The deploy-governor app logs only overrides that the Action records with an OIDC token binding the report to its workflow run, so this one is not in the audit log.',
    ]);
  });
});

function cliAttempt(over: Partial<OverrideAttempt> = {}): OverrideAttempt {
  return {
    via: 'cli',
    level: 'freeze',
    reason: 'Hotfix for the checkout outage INC-42',
    actor: 'alice',
    eventName: null,
    role: null,
    approvers: [],
    runId: null,
    runAttempt: null,
    at: new Date('2026-11-23T12:00:00Z'),
    ...over,
  };
}

describe('overrides from the CLI (core rules, CLI words)', () => {
  it('needs no workflow_dispatch event but the same reason, level and role', async () => {
    const report = await reportAt(900);
    expect(applyOverride(report, cliAttempt({ role: { roleName: 'maintain', permission: 'write' } }), policy).override).toMatchObject({
      actor: 'alice',
      level: 'freeze',
      runId: null,
    });
    const refused = applyOverride(
      report,
      cliAttempt({ level: 'warning', reason: 'short', role: { roleName: 'admin', permission: 'admin' } }),
      policy,
    );
    expect(refused.decision.canDeploy).toBe(false);
    expect(refused.decision.reasons[0]).toBe(
      'Override refused: --override-reason must explain the override in at least 10 characters; got 5; override level warning cannot pass status FREEZE; run again with --override freeze',
    );
    expect(refused.decision.reasons[0]).not.toMatch(/workflow_dispatch|dispatch with/);
    // The Action's attempt on the same report still needs its event.
    const action = applyOverride(
      report,
      { ...cliAttempt({ role: { roleName: 'admin', permission: 'admin' } }), via: 'action', eventName: 'push' },
      policy,
    );
    expect(action.decision.reasons[0]).toMatch(/only from workflow_dispatch runs; this run was triggered by push/);
  });

  it('refuses a level that requires an approved deployment, which a CLI run cannot have', async () => {
    const approving = resolvePolicy(
      parsePolicy('dr: { enabled: false }\noverrides: { levels: { freeze: { require-environment-approval: true } } }'),
      gateInputsSchema.parse({}),
    );
    const refused = applyOverride(await reportAt(900), cliAttempt({ role: { roleName: 'admin', permission: 'admin' } }), approving);
    expect(refused.decision.canDeploy).toBe(false);
    expect(refused.decision.reasons[0]).toMatch(
      /requires an approved deployment, which only a GitHub Actions run in the environment production can show/,
    );
  });
});

describe('the error report (check --json and the Action on a configuration error)', () => {
  const now = new Date('2026-11-29T10:00:00Z');

  it('is a complete report@1 that validates against the published JSON Schema and the zod contract', () => {
    const error = new PolicyError('.github/deploy-governor.yml', [
      { path: 'slos[0].objective', message: 'expected a number below 100 (got 120)' },
      { path: 'thresholds.caution', message: 'expected number, received string (got "lots")' },
    ]);
    const report = errorReport({
      inputs: { environment: 'staging', mode: 'report', 'on-error': 'allow', 'block-on': 'freeze' },
      reasons: policyErrorReasons(error),
      now,
      run: null,
    });
    expect(validateReport(JSON.parse(JSON.stringify(report)))).toBe(true);
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      schema: REPORT_SCHEMA_ID,
      environment: 'staging',
      evaluatedAt: '2026-11-29T10:00:00.000Z',
      decision: {
        canDeploy: false,
        status: 'UNKNOWN',
        blockOn: 'FREEZE',
        mode: 'report',
        onError: 'allow',
        overridden: false,
        requiredOverride: null,
      },
      slos: [],
      prometheus: { url: null, queries: 0, samplesTouched: null },
    });
    expect(report.decision.reasons).toEqual([
      '.github/deploy-governor.yml: slos[0].objective: expected a number below 100 (got 120)',
      '.github/deploy-governor.yml: thresholds.caution: expected number, received string (got "lots")',
    ]);
    expect(report.findings.map((f) => [f.source, f.status])).toEqual([
      ['error', 'UNKNOWN'],
      ['error', 'UNKNOWN'],
    ]);
  });

  it('takes each input on its own: a bad one falls back to its default without hiding the others', () => {
    const report = errorReport({
      inputs: { 'block-on': 'sometimes', mode: 'REPORT', environment: 'eu/west' },
      reasons: ['inputs: block-on: …'],
      now,
      run: null,
    });
    expect(report.decision).toMatchObject({ blockOn: 'WARNING', mode: 'report', onError: 'block' });
    expect(report.environment).toBe('eu/west');
    expect(errorReport({ inputs: {}, reasons: [], now, run: null })).toMatchObject({
      environment: 'production',
      decision: { reasons: ['the gate could not run'] },
    });
  });

  it('validates for any inputs and reasons', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('environment', 'block-on', 'mode', 'on-error', 'prometheus-url', 'slo-target'), fc.string()),
        fc.array(fc.string()),
        (inputs, reasons) => {
          const report = errorReport({ inputs, reasons, now, run: null });
          expect(validateReport(JSON.parse(JSON.stringify(report)))).toBe(true);
          expect(report.decision.canDeploy).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('errors name their source', () => {
  const thresholds = () => {
    try {
      resolvePolicy({}, gateInputsSchema.parse({ 'caution-threshold': '10' }));
    } catch (error: unknown) {
      if (error instanceof PolicyError) return error;
    }
    throw new Error('expected a PolicyError');
  };

  it('a threshold from a flag or an input is blamed on it, not on the policy file', () => {
    const raw = thresholds();
    expect(raw.source).toBe('.github/deploy-governor.yml');
    const inputs = gateInputsSchema.parse({ 'caution-threshold': '10' });
    const cli = attributeToInputs(raw, inputs, 'cli');
    expect(describeError(cli)).toEqual([
      '--caution-threshold: expected caution ≥ warning ≥ freeze ≥ 0 (percent of budget remaining); got caution 10, warning 50, freeze 20',
    ]);
    const action = attributeToInputs(raw, inputs, 'action');
    expect(action.source).toBe('action inputs');
    expect(action.issues[0]!.path).toBe('caution-threshold');
  });

  it('leaves a problem of the file to the file', () => {
    const fileError = new PolicyError('.github/deploy-governor.yml', [{ path: 'thresholds', message: 'expected caution ≥ warning' }]);
    expect(attributeToInputs(fileError, gateInputsSchema.parse({}), 'cli')).toBe(fileError);
    expect(describeError(fileError)).toEqual(['.github/deploy-governor.yml: invalid value\n  - thresholds: expected caution ≥ warning']);
  });
});

/** The statuses a report can end in, for the property below. */
const STATUSES: Status[] = ['NORMAL', 'CAUTION', 'WARNING', 'FREEZE', 'EXHAUSTED', 'UNKNOWN'];

describe('next steps never send a CLI user to a workflow they may not have', () => {
  it('for any status, whatever the override levels need', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.constantFrom(undefined, 'none' as const, 'warning' as const, 'exhausted' as const),
        (status, requested) => {
          const findings = status === 'NORMAL' ? [] : [{ source: 'budget' as const, status, message: `budget is ${status}` }];
          const report: Report = {
            ...errorReport({ inputs: {}, reasons: ['x'], now: new Date(0), run: null }),
            findings,
            decision: decide(policy, findings),
          };
          for (const step of cliNextSteps(report, policy, requested)) expect(step).not.toMatch(/dispatch|workflow/);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { applyOverride, roleRank, type OverrideAttempt } from '../../src/core/override/decide-override.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { decide } from '../../src/core/evaluate/decide.js';
import { REPORT_SCHEMA_ID, type Report } from '../../src/core/report/report-schema.js';
import type { Status } from '../../src/core/status.js';

const policy = resolvePolicy(
  parsePolicy('overrides: { levels: { exhausted: { require-environment-approval: true } } }'),
  gateInputsSchema.parse({}),
);

function reportWith(status: Status): Report {
  const findings = status === 'NORMAL' ? [] : [{ source: 'budget' as const, status, message: `budget is ${status}` }];
  return {
    schema: REPORT_SCHEMA_ID,
    environment: 'production',
    evaluatedAt: '2026-11-23T12:00:00.000Z',
    decision: decide(policy, findings),
    budget: { remaining: 10, burnRate: 1, daysToExhaustion: 3 },
    slos: [],
    dr: null,
    freeze: { active: [] },
    findings,
    override: null,
    prometheus: { url: null, queries: 0, samplesTouched: null },
    run: null,
  };
}

const attempt = (over: Partial<OverrideAttempt> = {}): OverrideAttempt => ({
  level: 'freeze',
  reason: 'Hotfix for the checkout outage INC-42',
  actor: 'octocat',
  eventName: 'workflow_dispatch',
  role: { roleName: 'maintain', permission: 'write' },
  approvers: [],
  runId: 42,
  runAttempt: 1,
  at: new Date('2026-11-23T12:00:00Z'),
  ...over,
});

describe('applyOverride', () => {
  it('lets an authorized override through without changing the status', () => {
    const out = applyOverride(reportWith('FREEZE'), attempt(), policy);
    expect(out.decision).toMatchObject({ status: 'FREEZE', canDeploy: true, overridden: true });
    expect(out.override).toEqual({
      actor: 'octocat',
      level: 'freeze',
      reason: 'Hotfix for the checkout outage INC-42',
      permission: 'maintain',
      approvers: [],
      runId: 42,
      runAttempt: 1,
      at: '2026-11-23T12:00:00.000Z',
    });
  });

  it('refuses a level lower than the status, and says which level is needed', () => {
    const out = applyOverride(reportWith('EXHAUSTED'), attempt({ level: 'freeze' }), policy);
    expect(out.decision).toMatchObject({ canDeploy: false, overridden: false });
    expect(out.override).toBeNull();
    expect(out.decision.reasons[0]).toMatch(/override level freeze cannot pass status EXHAUSTED; dispatch with override: exhausted/);
  });

  it('refuses a missing or short reason', () => {
    expect(applyOverride(reportWith('WARNING'), attempt({ reason: undefined }), policy).decision.reasons[0]).toMatch(
      /at least 10 characters; got none/,
    );
    expect(applyOverride(reportWith('WARNING'), attempt({ reason: ' short ' }), policy).decision.reasons[0]).toMatch(/got 5/);
  });

  it('refuses an actor below the level permission', () => {
    const out = applyOverride(reportWith('FREEZE'), attempt({ role: { roleName: 'write', permission: 'write' } }), policy);
    expect(out.decision.canDeploy).toBe(false);
    expect(out.decision.reasons[0]).toMatch(/octocat has the write role; override level freeze needs maintain or higher/);
  });

  it('fails closed when the role could not be read', () => {
    const out = applyOverride(reportWith('WARNING'), attempt({ level: 'warning', role: null, roleError: 'HTTP 500' }), policy);
    expect(out.decision.canDeploy).toBe(false);
    expect(out.decision.reasons[0]).toContain('HTTP 500');
  });

  it('refuses outside workflow_dispatch', () => {
    expect(applyOverride(reportWith('WARNING'), attempt({ level: 'warning', eventName: 'push' }), policy).decision.reasons[0]).toMatch(
      /only from workflow_dispatch/,
    );
  });

  it('requires environment approvals when the level asks for them, and records the approvers', () => {
    const admin = { roleName: 'admin', permission: 'admin' };
    const refused = applyOverride(reportWith('EXHAUSTED'), attempt({ level: 'exhausted', role: admin }), policy);
    expect(refused.decision.reasons[0]).toMatch(/requires an approved deployment/);
    const ok = applyOverride(reportWith('EXHAUSTED'), attempt({ level: 'exhausted', role: admin, approvers: ['lead'] }), policy);
    expect(ok.decision.canDeploy).toBe(true);
    expect(ok.override?.approvers).toEqual(['lead']);
  });

  it('lets the top level pass UNKNOWN, and records nothing when no override is needed', () => {
    const admin = { roleName: 'admin', permission: 'admin' };
    expect(
      applyOverride(reportWith('UNKNOWN'), attempt({ level: 'exhausted', role: admin, approvers: ['x'] }), policy).decision.canDeploy,
    ).toBe(true);
    const notNeeded = applyOverride(reportWith('NORMAL'), attempt(), policy);
    expect(notNeeded.override).toBeNull();
    expect(notNeeded.decision.overridden).toBe(false);
  });

  it('ranks custom roles by their base permission', () => {
    expect(roleRank({ roleName: 'release-manager', permission: 'write' })).toBe(roleRank({ roleName: 'write', permission: 'write' }));
    expect(roleRank({ roleName: 'maintain', permission: 'write' })).toBeGreaterThan(roleRank({ roleName: 'write', permission: 'write' }));
  });
});

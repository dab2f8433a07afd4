/**
 * The gate's shared sequence after the budget's decision (src/gate/apply-class-and-debts.ts), which the Action, the
 * CLI and the app's protection rule all run: the class of a blocked deploy, its evidence request built at most once
 * and only when a class is needed, and the host's word when it has no input to offer.
 */
import { describe, expect, it } from 'vitest';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import type { ClassifyRequest } from '../../src/gate/classify-change.js';
import { applyClassAndDebts } from '../../src/gate/apply-class-and-debts.js';
import { reportFor } from '../support/reports.js';

const YAML = 'dr: { enabled: false }\nchange-classes: {}';
const policy = resolvePolicy(parsePolicy(YAML), gateInputsSchema.parse({}));
const debts = { client: null, owner: null, repo: null, keeper: { appSlug: 'deploy-governor' }, advice: 'n/a' };

function counted(request: ClassifyRequest) {
  const calls = { n: 0 };
  return {
    calls,
    classify: () => {
      calls.n += 1;
      return Promise.resolve(request);
    },
  };
}

describe('applyClassAndDebts', () => {
  it('classifies a blocked deploy once; a host without an input says so in the notes when the policy lists the input', async () => {
    const frozen = await reportFor(900, YAML);
    const { calls, classify } = counted({
      github: null,
      sha: null,
      inputUnavailable: 'a deployment protection rule has no change-class input',
    });
    const out = await applyClassAndDebts(frozen, policy, { source: 'test', now: new Date(), classify, debts });
    expect(out.decision).toMatchObject({ canDeploy: false, changeClass: { name: 'feature', source: 'default', allowedThrough: false } });
    expect(out.decision.changeClass!.notes[0]).toBe('a deployment protection rule has no change-class input');
    expect(calls.n).toBe(1);
  });

  it('says nothing of a missing input when the policy does not list the input among its sources', async () => {
    const yaml = 'dr: { enabled: false }\nchange-classes: { sources: [label, rollback] }';
    const frozen = await reportFor(900, yaml);
    const { classify } = counted({ github: null, sha: null, inputUnavailable: 'no input' });
    const out = await applyClassAndDebts(frozen, resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({})), {
      source: 'test',
      now: new Date(),
      classify,
      debts,
    });
    expect(out.decision.changeClass!.notes).not.toContain('no input');
  });

  it('builds no evidence request for a deploy the budget lets through when no debt asks for its class', async () => {
    const healthy = await reportFor(100, YAML);
    const { calls, classify } = counted({ github: null, sha: null });
    expect(await applyClassAndDebts(healthy, policy, { source: 'test', now: new Date(), classify, debts })).toEqual(healthy);
    expect(calls.n).toBe(0);
  });
});

/**
 * The gate service (src/gate/evaluate-gate.ts) with a policy that extends
 * others: the report's `policySources`, kept within its share of the check
 * run's size, and a lock that binds the inputs. Prometheus is in memory.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../src/gate/evaluate-gate.js';
import { loadedSource } from '../../src/gate/policy-source.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import type { PolicyChain } from '../../src/core/policy/inherit/resolve-chain.js';
import type { PolicyFile } from '../../src/core/policy/schema.js';
import { eventsAnswer, MemoryQuerier } from '../support/memory-querier.js';

const ORG = 'acme/.github:.github/deploy-governor.yml@default';
const OWN = '.github/deploy-governor.yml';

function evaluate(file: PolicyFile, chain: PolicyChain, raw: Record<string, string> = {}) {
  const querier = new MemoryQuerier(
    eventsAnswer({ '30d': { errors: 100, total: 1_000_000 }, '1h': { errors: 0, total: 1000 }, '5m': { errors: 0, total: 100 } }),
  );
  return evaluateGate({
    source: loadedSource({ file, source: OWN, found: true, warnings: [], chain }),
    inputs: gateInputsSchema.parse(raw),
    env: {},
    now: new Date('2026-11-23T12:00:00Z'),
    run: null,
    querierFor: () => ({ querier, timeoutMs: 10_000 }),
  });
}

describe('policySources in the report', () => {
  it('lists the chain, the source of each key and the locks', async () => {
    const chain = { files: [OWN, ORG], provenance: { 'block-on': [ORG], dr: [OWN] }, locks: { 'block-on': ORG } };
    const { report } = await evaluate({ 'block-on': 'FREEZE', dr: { enabled: false } }, chain);
    expect(report.policySources).toEqual({ chain: [OWN, ORG], keys: { 'block-on': [ORG], dr: [OWN] }, locked: { 'block-on': ORG } });
  });

  it('leaves out the named items, then every key, past its share of the check run, and says how many', async () => {
    const windows = Array.from({ length: 300 }, (_, i) => ({ name: `window-${i}`, start: '0 0 1 1 *', end: '0 1 1 1 *' }));
    const provenance = Object.fromEntries([
      ['freeze-windows', [ORG]],
      ['dr', [OWN]],
      ...windows.map((w) => [`freeze-windows[${w.name}]`, [ORG]]),
    ]) as Record<string, string[]>;
    const { report } = await evaluate({ 'freeze-windows': windows, dr: { enabled: false } }, { files: [OWN, ORG], provenance, locks: {} });
    expect(report.policySources?.keys).toEqual({ 'freeze-windows': [ORG], dr: [OWN] });
    expect(report.policySources?.omitted).toBe(300);
    expect(JSON.stringify(report.policySources).length).toBeLessThanOrEqual(2_000);
  });

  it('is absent when the policy extends nothing', async () => {
    const { report } = await evaluateGate({
      source: loadedSource({ file: { dr: { enabled: false } }, source: OWN, found: true, warnings: [] }),
      inputs: gateInputsSchema.parse({}),
      env: {},
      now: new Date('2026-11-23T12:00:00Z'),
      run: null,
      querierFor: () => ({ querier: new MemoryQuerier(eventsAnswer({ '30d': { errors: 1, total: 1000 } })), timeoutMs: 1000 }),
    });
    expect(report.policySources).toBeUndefined();
  });

  it('refuses an input that loosens a lock before any query', async () => {
    const chain = { files: [OWN, ORG], provenance: {}, locks: { mode: ORG, 'on-error': ORG } };
    await expect(evaluate({ dr: { enabled: false } }, chain, { mode: 'report', 'on-error': 'allow' })).rejects.toThrow(
      /input on-error: on-error is block in the parent and may not become allow: on-error is locked by acme\/\.github.*\n.*input mode: mode is enforce/,
    );
    await expect(evaluate({ dr: { enabled: false } }, chain, { mode: 'enforce' })).resolves.toBeTruthy();
    // The repository's own locks bind the files that extend it, not its own inputs (as without a parent).
    const own = { files: [OWN, ORG], provenance: {}, locks: { mode: OWN } };
    await expect(evaluate({ dr: { enabled: false } }, own, { mode: 'report' })).resolves.toBeTruthy();
  });
});

/**
 * The bundled action's `phase: verify` (dist/index.js, loaded on demand in its
 * own chunk) run as the runner runs it, under Node 24, on the wall clock: the
 * bake's business logic is tested with a pinned clock in-process
 * (action-verify.test.ts, verify-bake.test.ts); this proves the bundle wires the
 * phase, its inputs and its outputs. Needs `npm run bundle` after changing src/.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureNode24 } from '../../scripts/lib/node24.js';
import { runBundledAction } from '../../scripts/lib/run-action.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { runGate } from '../../src/gate/run-gate.js';

let node: string;
let workspace: string;

beforeAll(async () => {
  node = await ensureNode24();
  workspace = await mkdtemp(path.join(tmpdir(), 'dg-verify-e2e-'));
});

const env = () => ({ GITHUB_WORKSPACE: workspace, RUNNER_TEMP: workspace, GITHUB_RUN_ID: '4242', GITHUB_REPOSITORY: 'octo-org/shop' });
const query = {
  'error-query': 'sum(increase(http_requests_total{scenario="nothing-here",status=~"5.."}[{{window}}]))',
  'total-query': 'sum(increase(http_requests_total{scenario="nothing-here"}[{{window}}]))',
};

describe('bundled action, phase: verify', () => {
  it("fails closed with the report's path when the gate's report is missing", async () => {
    const result = await runBundledAction({
      node,
      inputs: { phase: 'verify', 'prometheus-url': inject('prometheusUrl'), 'report-path': path.join(workspace, 'missing.json') },
      env: env(),
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ verdict: 'unknown', regressed: 'false', 'verdict-path': '' });
    expect(result.stdout).toContain(`${path.join(workspace, 'missing.json')}: invalid value%0A  - report-path: no gate report here`);
  });

  it('bakes on the wall clock and fails when no poll has data after the deploy', async () => {
    const { report } = await runGate({
      inputs: gateInputsSchema.parse({ 'prometheus-url': inject('prometheusUrl'), 'dr-check': 'false', ...query }),
      env: {},
      root: workspace,
      now: new Date(inject('evaluationTime')),
      run: {
        repository: 'octo-org/shop',
        runId: 4242,
        runAttempt: 1,
        runUrl: null,
        sha: null,
        ref: null,
        workflow: null,
        eventName: null,
        actor: null,
        serverUrl: null,
      },
    });
    await writeFile(path.join(workspace, 'deploy-governor-report.json'), JSON.stringify(report));
    const result = await runBundledAction({
      node,
      inputs: {
        phase: 'verify',
        'prometheus-url': inject('prometheusUrl'),
        'dr-check': 'false',
        bake: '10s',
        'verify-interval': '5s',
        ...query,
      },
      env: env(),
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ verdict: 'unknown', regressed: 'false', 'burn-after': '' });
    expect(result.stdout.match(/deploy-governor verify: poll \d/g)).toHaveLength(2);
    expect(result.durationMs).toBeGreaterThanOrEqual(10_000);
    expect(result.summary).toMatch(/⚪ UNKNOWN/);
  }, 60_000);
});

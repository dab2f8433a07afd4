/**
 * The Action's `phase: verify` through its source entry run() in-process (the
 * bundled dist/index.js is not rebuilt here; action-verify-e2e.test.ts runs the
 * bundle): INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, the real
 * Prometheus, the bake's clock pinned at the scenario's deploy time, and a
 * local GitHub stand-in whose requests are checked against GitHub's OpenAPI
 * description for the check run `deploy-governor / <environment> / verify`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { parseOutputFile } from '../../scripts/lib/run-action.js';
import { run } from '../../src/action/run.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { verificationSchema } from '../../src/core/verify/verification-schema.js';
import { runGate } from '../../src/gate/run-gate.js';
import type { VerifyClock } from '../../src/verify/watch-slos.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-stand-in.js';
import { checkRequestAgainstOpenApi } from '../support/openapi-checker.js';
import { VERIFY_DEPLOY_BEFORE_END } from '../support/scenarios.js';

const REPO = 'acme/checkout';
const SHA = 'b'.repeat(40);
let github: GitHubStandIn;
let dir: string;
let stdout: string;
const saved = { ...process.env };

beforeAll(async () => {
  github = await startGitHubStandIn(
    [
      {
        method: 'POST',
        path: new RegExp(`^/repos/${REPO}/check-runs$`),
        reply: () => ({ status: 201, body: { id: 9, html_url: 'https://github.com/x' } }),
      },
    ],
    (req) => checkRequestAgainstOpenApi({ method: req.method, path: req.path, body: req.body }),
  );
});
afterAll(async () => {
  await github.stop();
});

function queries(scenario: string): Record<string, string> {
  return {
    'error-query': `sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
    'total-query': `sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
  };
}

beforeEach(async () => {
  stdout = '';
  github.requests.length = 0;
  dir = await mkdtemp(path.join(tmpdir(), 'dg-action-verify-'));
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_') || k.startsWith('GITHUB_')) delete process.env[k];
  await writeFile(path.join(dir, 'summary.md'), '');
  await writeFile(path.join(dir, 'output.txt'), '');
  Object.assign(process.env, {
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: path.join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_REPOSITORY: REPO,
    GITHUB_SHA: SHA,
    GITHUB_RUN_ID: '77',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github.url,
    INPUT_PHASE: 'verify',
    'INPUT_GITHUB-TOKEN': 'ghs_stand-in-token-0123456789',
    'INPUT_PROMETHEUS-URL': inject('prometheusUrl'),
    'INPUT_DR-CHECK': 'false',
  });
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  await rm(dir, { recursive: true, force: true });
});

const deployAt = () => inject('evaluationTime') - VERIFY_DEPLOY_BEFORE_END * 1000;

function pinnedClock(): VerifyClock {
  let now = deployAt();
  return { now: () => new Date(now), sleep: async (ms) => void (now += ms) };
}

/** The gate step of run 77, evaluated at the deploy time, its report where the verify step looks by default. */
async function gateStep(scenario: string): Promise<void> {
  const inputs = gateInputsSchema.parse({ 'prometheus-url': inject('prometheusUrl'), 'dr-check': 'false', ...queries(scenario) });
  const { report } = await runGate({
    inputs,
    env: {},
    root: dir,
    now: new Date(deployAt()),
    run: {
      repository: REPO,
      runId: 77,
      runAttempt: 1,
      runUrl: null,
      sha: SHA,
      ref: 'refs/heads/main',
      workflow: 'deploy',
      eventName: 'push',
      actor: 'octocat',
      serverUrl: null,
    },
  });
  await writeFile(path.join(dir, 'deploy-governor-report.json'), JSON.stringify(report));
}

async function outputs(): Promise<Record<string, string>> {
  return parseOutputFile(await readFile(path.join(dir, 'output.txt'), 'utf8'));
}

describe('phase: verify', () => {
  it('passes a steady service: outputs, verdict file, job summary and a successful verify check run', async () => {
    await gateStep('verify-steady');
    for (const [k, v] of Object.entries(queries('verify-steady'))) process.env[`INPUT_${k.toUpperCase()}`] = v;
    await run({ clock: pinnedClock() });
    expect(process.exitCode).toBeUndefined();
    const out = await outputs();
    const verdict = verificationSchema.parse(JSON.parse(await readFile(out['verdict-path']!, 'utf8')));
    expect(out['verdict-path']).toBe(path.join(dir, 'deploy-governor-verdict.json'));
    expect(out).toEqual({
      verdict: 'pass',
      regressed: 'false',
      'burn-before': String(Number(verdict.burnBefore!.toFixed(2))),
      'burn-after': String(Number(verdict.burnAfter!.toFixed(2))),
      recommendation: '',
      'verdict-path': out['verdict-path'],
    });
    expect(verdict).toMatchObject({ polls: 15, gate: { runId: 77 }, run: { runId: 77 } });
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toMatch(/^## deploy-governor verify: production — 🟢 PASS/);
    const checks = github.requests.filter((r) => r.method === 'POST');
    expect(checks).toHaveLength(1);
    expect(checks[0]!.body).toMatchObject({ name: 'deploy-governor / production / verify', head_sha: SHA, conclusion: 'success' });
    expect((checks[0]!.body as { output: { text: string } }).output.text).toContain('```json deploy-governor-verification\n');
    expect(github.problems).toEqual([]);
  });

  it('fails the step on a regression, with the rollback command in the recommendation and inert in the summary', async () => {
    await gateStep('verify-step');
    for (const [k, v] of Object.entries(queries('verify-step'))) process.env[`INPUT_${k.toUpperCase()}`] = v;
    process.env['INPUT_ROLLBACK-COMMAND'] = 'gh workflow run rollback.yml -f ref=@octo-org/admins';
    await run({ clock: pinnedClock() });
    expect(process.exitCode).toBe(1);
    const out = await outputs();
    expect(out).toMatchObject({
      verdict: 'regressed',
      regressed: 'true',
      recommendation: 'Roll back the deploy to production: gh workflow run rollback.yml -f ref=@octo-org/admins',
    });
    expect(Number(out['burn-after'])).toBeGreaterThan(1);
    expect(stdout).toMatch(/::error::Deploy verification regressed: SLO availability: regressed/);
    const summary = await readFile(path.join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('🔴 REGRESSED');
    expect(summary).toContain('> gh workflow run rollback.yml -f ref=@\u200bocto-org/admins');
    expect(github.requests.find((r) => r.method === 'POST')!.body).toMatchObject({ conclusion: 'failure' });
  });

  it("fails closed with a clear error when the gate's report is missing, naming the path", async () => {
    await run({ clock: pinnedClock() });
    expect(process.exitCode).toBe(1);
    expect(await outputs()).toEqual({
      verdict: 'unknown',
      regressed: 'false',
      'burn-before': '',
      'burn-after': '',
      recommendation: '',
      'verdict-path': '',
    });
    expect(stdout).toContain(
      `::error::${path.join(dir, 'deploy-governor-report.json')}: invalid value%0A  - report-path: no gate report here`,
    );
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toMatch(/deploy-governor verify — ⚪ UNKNOWN[\s\S]*no gate report here/);
    expect(github.requests).toEqual([]);
  });

  it('refuses a bad phase or verify input, naming it', async () => {
    process.env.INPUT_PHASE = 'after';
    await run({ clock: pinnedClock() });
    expect(stdout).toContain('::error::action inputs: invalid value%0A  - phase: expected one of gate, verify; got "after"');
    stdout = '';
    process.env.INPUT_PHASE = 'Verify';
    process.env['INPUT_VERIFY-FLOOR'] = 'low';
    await run({ clock: pinnedClock() });
    expect(stdout).toMatch(
      /::error::action inputs: invalid value%0A {2}- verify-floor: expected a burn rate of at least 0, e.g. 1; got "low"/,
    );
  });
});

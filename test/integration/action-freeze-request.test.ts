/**
 * The Action's `freeze-command` mode through its source entry run() in-process
 * (the bundled dist/index.js is not rebuilt here): INPUT_* variables,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, the runner's token endpoint played by the
 * local OIDC issuer, and GitHub as the stateful stand-in (every request checked
 * against GitHub's OpenAPI description). The check run it publishes is then
 * delivered to the real app, as GitHub would, and freezes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { parseOutputFile } from '../../scripts/lib/run-action.js';
import { run } from '../../src/action/run.js';
import { extractFreezeRequest, freezeRequestDigest, type FreezeRequest } from '../../src/core/freeze/freeze-request.js';
import { readMeta } from '../../src/core/postmortem/issue-metadata.js';
import { oidcAudience } from '../../src/core/report/report-digest.js';
import { githubRunClaims, startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';
import { APP_ID } from '../support/probot-harness.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { checkRunCompleted, HEAD_SHA, OWNER, REPO } from '../support/webhook-payloads.js';

const RUN_ID = 8181;
let issuer: LocalOidcIssuer;
let h: StandInHarness;
let repo: RepoState;
let dir: string;
let stdout: string;
const saved = { ...process.env };

beforeAll(async () => {
  issuer = await startLocalOidcIssuer();
});
afterAll(async () => {
  await issuer.stop();
});

beforeEach(async () => {
  h = await startStandInHarness({ GITHUB_OIDC_ISSUER: issuer.url });
  repo = h.github.state.repo(OWNER, REPO);
  repo.collaborators.set('maint', 'maintain');
  repo.files.set('main:.github/deploy-governor.yml', 'dr: { enabled: false }\nenvironments:\n  production: {}\n');
  issuer.setRunnerClaims(githubRunClaims({ repository: `${OWNER}/${REPO}`, runId: RUN_ID, runAttempt: 2, actor: 'maint', sha: HEAD_SHA }));
  stdout = '';
  dir = await mkdtemp(path.join(tmpdir(), 'dg-action-freeze-'));
  for (const k of Object.keys(process.env))
    if (k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k.startsWith('ACTIONS_')) delete process.env[k];
  await writeFile(path.join(dir, 'summary.md'), '');
  await writeFile(path.join(dir, 'output.txt'), '');
  Object.assign(process.env, {
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: path.join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_SHA: HEAD_SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_RUN_ID: String(RUN_ID),
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: h.github.url,
    'INPUT_GITHUB-TOKEN': 'ghs_stand-in-token-0123456789',
    ACTIONS_ID_TOKEN_REQUEST_URL: issuer.runnerRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.runnerRequestToken,
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
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

async function step(command: string): Promise<{ failed: boolean; outputs: Record<string, string> }> {
  process.env['INPUT_FREEZE-COMMAND'] = command;
  await run();
  const failed = process.exitCode === 1;
  process.exitCode = undefined;
  return { failed, outputs: parseOutputFile(await readFile(path.join(dir, 'output.txt'), 'utf8')) };
}

describe('the Action asks the app to freeze from a workflow_dispatch', () => {
  it('requests the token for the digest of the request and publishes it; the app, given that check run, freezes', async () => {
    const runnerBefore = issuer.runnerRequests.length;
    const result = await step('/freeze production 2h release 42');
    expect(result.failed).toBe(false);
    const expected: FreezeRequest = {
      kind: 'freeze-request',
      repository: `${OWNER}/${REPO}`,
      command: '/freeze production 2h release 42',
      runId: RUN_ID,
      runAttempt: 2,
    };
    expect(issuer.runnerRequests.slice(runnerBefore)).toEqual([
      { audience: oidcAudience(freezeRequestDigest(expected)), authorized: true },
    ]);
    const [checkRun, ...more] = [...repo.checkRuns.values()];
    expect(more).toEqual([]);
    expect(checkRun).toMatchObject({ name: 'deploy-governor / freeze-request', conclusion: 'neutral', head_sha: HEAD_SHA });
    expect(result.outputs['freeze-request-check-run']).toBe(String(checkRun!.id));
    const text = (checkRun!.output as { text: string }).text;
    expect(extractFreezeRequest(text)?.request).toEqual(expected);
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toContain('freeze request');

    // GitHub sends check_run.completed for it (created by GitHub Actions, whose token the job holds).
    const payload = checkRunCompleted({ report: null, name: 'deploy-governor / freeze-request', id: checkRun!.id as number });
    (payload.check_run as { output: Record<string, unknown> }).output.text = text;
    await h.receive('check_run', payload);
    const frozen = [...repo.issues.values()].filter((i) => i.performed_via_github_app?.id === APP_ID);
    expect(frozen.map((i) => readMeta('freeze', i.body))).toEqual([
      expect.objectContaining({ scope: 'production', reason: 'release 42', by: 'maint' }),
    ]);
  });

  it('fails on a bad command with the parser message, before any request', async () => {
    const runnerBefore = issuer.runnerRequests.length;
    h.github.resetStats();
    const result = await step('/freeze production 2 weeks');
    expect(result.failed).toBe(true);
    expect(stdout).toMatch(/::error::deploy-governor: the freeze-command input: expected a Prometheus duration/);
    expect(issuer.runnerRequests.length).toBe(runnerBefore);
    expect(h.github.stats.total).toBe(0);
    expect(result.outputs['freeze-request-check-run']).toBeUndefined();
    // Not a command at all.
    expect((await step('freeze production 2h x')).failed).toBe(true);
    expect(stdout).toMatch(/is not a command/);
    expect(h.github.stats.total).toBe(0);
  });

  it('fails, naming the permission, when the job may not request an OIDC token; nothing is published', async () => {
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    const result = await step('/unfreeze all');
    expect(result.failed).toBe(true);
    expect(stdout).toContain('permissions: id-token: write');
    expect(repo.checkRuns.size).toBe(0);
  });
});

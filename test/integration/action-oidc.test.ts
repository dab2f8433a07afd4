/**
 * The bundled action (dist/index.js, under Node 24) binding an accepted override
 * to its run with an OIDC token from a local stand-in of the runner's token
 * endpoint, and the app's side of it: the report read back from the check run
 * verifies against the issuer with the audience of its own digest.
 */
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureNode24 } from '../../scripts/lib/node24.js';
import { runBundledAction } from '../../scripts/lib/run-action.js';
import { checkRunTokenClaims } from '../../src/core/override/run-token-claims.js';
import { extractReportFromCheckRun } from '../../src/core/report/extract-report.js';
import { oidcAudience, reportDigest } from '../../src/core/report/report-digest.js';
import { reportSchema, type Report } from '../../src/core/report/report-schema.js';
import { createRunTokenVerifier } from '../../src/oidc/verify-run-token.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-stand-in.js';
import { checkRequestAgainstOpenApi } from '../support/openapi-checker.js';
import { githubRunClaims, startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';

const REPO = 'octo-org/shop';
const SHA = 'b'.repeat(40);
const RUN_ID = 5151;

let node: string;
let github: GitHubStandIn;
let issuer: LocalOidcIssuer;
let workspace: string;

beforeAll(async () => {
  node = await ensureNode24();
  issuer = await startLocalOidcIssuer();
  github = await startGitHubStandIn(
    [
      {
        method: 'POST',
        path: new RegExp(`^/repos/${REPO}/check-runs$`),
        reply: () => ({ status: 201, body: { id: 8, html_url: `https://github.com/${REPO}/runs/8` } }),
      },
      {
        method: 'GET',
        path: new RegExp(`^/repos/${REPO}/collaborators/[^/]+/permission$`),
        reply: (req) => {
          const user = req.path.split('/')[5]!;
          const role = user === 'maintainer' ? 'maintain' : 'write';
          return { status: 200, body: { permission: 'write', role_name: role, user: { login: user } } };
        },
      },
    ],
    (req) => checkRequestAgainstOpenApi({ method: req.method, path: req.path, body: req.body }),
  );
  workspace = await mkdtemp(path.join(tmpdir(), 'dg-oidc-'));
  await mkdir(path.join(workspace, '.github'), { recursive: true });
});

afterAll(async () => {
  await Promise.all([github?.stop(), issuer?.stop()]);
});

function inputs(scenario: string, override?: string): Record<string, string> {
  return {
    'prometheus-url': inject('prometheusUrl'),
    'error-query': `sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
    'total-query': `sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
    'dr-check': 'false',
    'github-token': 'ghs_stand-in-token-0123456789',
    ...(override ? { override, 'override-reason': 'Emergency fix for INC-1234 checkout errors' } : {}),
  };
}

/** The runner's token variables, as a job with `permissions: id-token: write` has them. */
function idTokenEnv(requestToken = issuer.runnerRequestToken): Record<string, string> {
  return { ACTIONS_ID_TOKEN_REQUEST_URL: issuer.runnerRequestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken };
}

async function runAction(actionInputs: Record<string, string>, env: Record<string, string> = {}) {
  const githubBefore = github.requests.length;
  const runnerBefore = issuer.runnerRequests.length;
  const result = await runBundledAction({
    node,
    inputs: actionInputs,
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: REPO,
      GITHUB_SHA: SHA,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/deploy.yml@refs/heads/main`,
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_ACTOR: 'maintainer',
      GITHUB_TRIGGERING_ACTOR: 'maintainer',
      GITHUB_RUN_ID: String(RUN_ID),
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_TEMP: workspace,
      ...env,
    },
  });
  const checkRun = github.requests.slice(githubBefore).find((r) => r.method === 'POST' && r.path.endsWith('/check-runs'));
  const checkRunText = (checkRun?.body as { output?: { text?: string } } | undefined)?.output?.text;
  return { ...result, runnerRequests: issuer.runnerRequests.slice(runnerBefore), checkRunReport: extractReportFromCheckRun(checkRunText) };
}

async function readReport(outputs: Record<string, string>): Promise<Report> {
  return reportSchema.parse(JSON.parse(await readFile(outputs['report-path']!, 'utf8')));
}

describe('bundled action: OIDC binding of overrides', () => {
  it('binds an accepted override to the run: the token in the report verifies for the digest of the report the app reads', async () => {
    issuer.setRunnerClaims(githubRunClaims({ repository: REPO, runId: RUN_ID, actor: 'maintainer', sha: SHA }));
    const result = await runAction(inputs('freeze', 'freeze'), idTokenEnv());
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'FREEZE', 'can-deploy': 'true', overridden: 'true' });

    // One token request, authorized, for the audience naming the report's digest.
    const fileReport = await readReport(result.outputs);
    expect(result.runnerRequests).toEqual([{ audience: oidcAudience(reportDigest(fileReport)), authorized: true }]);

    // The report file and the check run carry the same token.
    const token = fileReport.provenance?.oidcToken;
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const appReport = result.checkRunReport;
    expect(appReport).not.toBeNull();
    expect(appReport!.provenance).toEqual({ oidcToken: token });
    expect(appReport).toEqual(fileReport);

    // The app's side: verify the check run's token with the digest of the check run's report.
    const verifier = createRunTokenVerifier({ issuer: issuer.url, clockToleranceSeconds: 60 });
    const verdict = await verifier.verify(appReport!.provenance!.oidcToken, oidcAudience(reportDigest(appReport!)));
    expect(verdict).toMatchObject({ ok: true });
    if (!verdict.ok) return;
    expect(
      checkRunTokenClaims(verdict.claims, {
        repository: appReport!.run!.repository,
        runId: appReport!.override!.runId!,
        runAttempt: appReport!.override!.runAttempt!,
        actor: appReport!.override!.actor,
        sha: appReport!.run!.sha!,
        allowedRefs: ['refs/heads/main'],
      }),
    ).toEqual([]);

    // A report edited after the run no longer matches its token.
    const edited: Report = { ...appReport!, override: { ...appReport!.override!, reason: 'Something else entirely' } };
    const refused = await verifier.verify(appReport!.provenance!.oidcToken, oidcAudience(reportDigest(edited)));
    expect(refused).toEqual({ ok: false, problem: expect.stringContaining('the report was changed after the token was issued') });
    expect(github.problems).toEqual([]);
  });

  it('still lets the override through without id-token: write, with a warning naming the permission', async () => {
    const result = await runAction(inputs('freeze', 'freeze'));
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ 'can-deploy': 'true', overridden: 'true' });
    expect(result.stdout).toMatch(
      /^::warning::deploy-governor: the deploy-governor app will not log this override without an OIDC token.*id-token: write/m,
    );
    expect(result.runnerRequests).toEqual([]);
    expect((await readReport(result.outputs)).provenance).toBeUndefined();
    expect(result.checkRunReport?.provenance).toBeUndefined();
  });

  it("warns with the endpoint's error, never the request token, when the runner refuses", async () => {
    const wrong = 'wrong-request-token-0123456789abcdef';
    const result = await runAction(inputs('freeze', 'freeze'), idTokenEnv(wrong));
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ overridden: 'true' });
    expect(result.stdout).toMatch(/^::warning::deploy-governor: could not get an OIDC token for this override.*HTTP 401/m);
    expect(result.stdout + result.stderr).not.toContain(wrong);
    expect(result.runnerRequests).toEqual([
      { audience: expect.stringMatching(/^deploy-governor:sha256:[0-9a-f]{64}$/), authorized: false },
    ]);
    expect((await readReport(result.outputs)).provenance).toBeUndefined();
  });

  it('asks for no token when no override is recorded: a healthy run, and a refused override', async () => {
    const healthy = await runAction(inputs('normal'), idTokenEnv());
    expect(healthy.exitCode).toBe(0);
    expect(healthy.outputs).toMatchObject({ 'can-deploy': 'true', overridden: 'false' });
    expect(healthy.runnerRequests).toEqual([]);
    expect((await readReport(healthy.outputs)).provenance).toBeUndefined();

    const refused = await runAction(inputs('freeze', 'freeze'), {
      ...idTokenEnv(),
      GITHUB_ACTOR: 'writer',
      GITHUB_TRIGGERING_ACTOR: 'writer',
    });
    expect(refused.exitCode).toBe(1);
    expect(refused.outputs).toMatchObject({ overridden: 'false' });
    expect(refused.runnerRequests).toEqual([]);
    expect(refused.stdout).not.toMatch(/OIDC/);
  });
});

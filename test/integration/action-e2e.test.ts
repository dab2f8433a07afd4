/**
 * The bundled action (dist/index.js) run as the runner runs it: under Node 24
 * (action.yml's runtime), with INPUT_* variables, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY and GITHUB_EVENT_PATH, against the real Prometheus and a
 * local stand-in of the GitHub API whose every request is checked against
 * GitHub's OpenAPI description.
 */
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureNode24 } from '../../scripts/lib/node24.js';
import { runBundledAction } from '../../scripts/lib/run-action.js';
import { daysOutput, numberOutput } from '../../src/core/render/format-values.js';
import { extractReportFromCheckRun } from '../../src/core/report/extract-report.js';
import { reportSchema, type Report } from '../../src/core/report/report-schema.js';
import { checkRequestAgainstOpenApi } from '../support/openapi-checker.js';
import { startGitHubStandIn, type GitHubStandIn, type RecordedRequest } from '../support/github-stand-in.js';
import { mermaidBlocks, parseXyChart } from '../support/mermaid.js';
import { slackMessageSchema } from '../support/chat-payloads.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { openSloFile, openSloPolicy } from '../support/openslo-policy.js';
import { expectedErrorRatio } from '../support/scenarios.js';

const REPO = 'octo-org/shop';
const SHA = 'a'.repeat(40);
const ROLES: Record<string, { permission: string; role_name: string }> = {
  writer: { permission: 'write', role_name: 'write' },
  maintainer: { permission: 'write', role_name: 'maintain' },
  boss: { permission: 'admin', role_name: 'admin' },
};

let node: string;
let github: GitHubStandIn;
let workspace: string;
const approvals: { state: string; user: { login: string }; environments: { name: string }[] }[] = [];

function check(req: RecordedRequest): string[] {
  return checkRequestAgainstOpenApi({ method: req.method, path: req.path, body: req.body });
}

beforeAll(async () => {
  node = await ensureNode24();
  github = await startGitHubStandIn(
    [
      {
        method: 'POST',
        path: new RegExp(`^/repos/${REPO}/check-runs$`),
        reply: () => ({ status: 201, body: { id: 7, html_url: `https://github.com/${REPO}/runs/7` } }),
      },
      {
        method: 'GET',
        path: new RegExp(`^/repos/${REPO}/collaborators/[^/]+/permission$`),
        reply: (req) => {
          const user = req.path.split('/')[5]!;
          const role = ROLES[user];
          return role ? { status: 200, body: { ...role, user: { login: user } } } : { status: 404, body: { message: 'Not Found' } };
        },
      },
      { method: 'GET', path: new RegExp(`^/repos/${REPO}/actions/runs/\\d+/approvals$`), reply: () => ({ status: 200, body: approvals }) },
      {
        method: 'POST',
        path: /^\/repos\/octo-org\/locked\/check-runs$/,
        reply: () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }),
      },
    ],
    check,
  );
  workspace = await mkdtemp(path.join(tmpdir(), 'dg-e2e-'));
  await mkdir(path.join(workspace, '.github'), { recursive: true });
});

afterAll(async () => {
  await github?.stop();
});

function scenarioInputs(scenario: string): Record<string, string> {
  return {
    'prometheus-url': inject('prometheusUrl'),
    'error-query': `sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
    'total-query': `sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
    'dr-check': 'false',
    'github-token': 'ghs_stand-in-token-0123456789',
  };
}

async function runAction(inputs: Record<string, string>, env: Record<string, string> = {}, event: object = { inputs: {} }) {
  const before = github.requests.length;
  const result = await runBundledAction({
    node,
    inputs,
    event,
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: REPO,
      GITHUB_SHA: SHA,
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_ACTOR: 'writer',
      GITHUB_TRIGGERING_ACTOR: 'writer',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      // Keep the report file (at $RUNNER_TEMP by default) after the run.
      RUNNER_TEMP: workspace,
      ...env,
    },
  });
  return { ...result, github: github.requests.slice(before) };
}

async function readReport(outputs: Record<string, string>): Promise<Report> {
  return reportSchema.parse(JSON.parse(await readFile(outputs['report-path']!, 'utf8')));
}

function expectedOutputs(report: Report, reportPath: string): Record<string, string> {
  return {
    'can-deploy': String(report.decision.canDeploy),
    status: report.decision.status,
    'budget-remaining': numberOutput(report.budget.remaining),
    'burn-rate': numberOutput(report.budget.burnRate),
    'days-to-exhaustion': daysOutput(report.budget.daysToExhaustion),
    reasons: JSON.stringify(report.decision.reasons),
    'report-path': reportPath,
    'dr-age-seconds': report.dr?.ageSeconds == null ? '' : String(Math.round(report.dr.ageSeconds)),
    overridden: String(report.decision.overridden),
    'would-have-blocked': JSON.stringify([...new Set((report.decision.wouldHaveBlocked ?? []).map((r) => r.rule))]),
  };
}

describe('bundled action under Node 24', () => {
  it('runs on the runtime action.yml declares', async () => {
    const { stdout } = await import('node:child_process').then(({ execFileSync }) => ({
      stdout: execFileSync(node, ['--version'], { encoding: 'utf8' }),
    }));
    expect(stdout.trim()).toMatch(/^v24\./);
    const actionYml = await readFile('action.yml', 'utf8');
    expect(actionYml).toMatch(/using: node24/);
  });

  it('allows a healthy service: exact outputs, summary, report file and check run', async () => {
    const result = await runAction(scenarioInputs('normal'));
    expect(result.exitCode).toBe(0);
    const report = await readReport(result.outputs);
    expect(result.outputs).toEqual(expectedOutputs(report, result.outputs['report-path']!));
    expect(result.outputs['can-deploy']).toBe('true');
    expect(result.outputs.status).toBe('NORMAL');
    expect(Number(result.outputs['budget-remaining'])).toBeGreaterThanOrEqual(80);
    expect(result.summary).toContain(
      '| SLO | Objective | Window | Error ratio | Budget remaining | Burn rate (1h) | Days to exhaustion | Status |',
    );
    expect(result.summary).toMatch(/ALLOWED — NORMAL/);

    const checkRuns = result.github.filter((r) => r.method === 'POST' && r.path.endsWith('/check-runs'));
    expect(checkRuns).toHaveLength(1);
    const body = checkRuns[0]!.body as { name: string; head_sha: string; conclusion: string; output: { text: string; summary: string } };
    expect(body).toMatchObject({ name: 'deploy-governor / production', head_sha: SHA, conclusion: 'success' });
    expect(extractReportFromCheckRun(body.output.text)).toEqual(report);
    expect(checkRuns[0]!.headers.authorization).toMatch(/ghs_stand-in-token-0123456789/);
    expect(github.problems).toEqual([]);
  });

  it('draws each SLO’s budget over its window and its burn rate as Mermaid charts in the job summary and the check run', async () => {
    const result = await runAction(scenarioInputs('slow-burn'));
    expect(result.exitCode).toBe(0);
    const report = await readReport(result.outputs);
    const history = report.slos[0]!.history!;
    expect(history).toMatchObject({ step: '1d', source: 'raw' });
    expect(history.points).toHaveLength(30);
    expect(history.points[29]!.budgetRemaining).toBe(Number(report.slos[0]!.budgetRemaining!.toFixed(2)));
    // The table stays (screen readers, and where Mermaid does not render); the charts follow it, parsed by Mermaid's own parser.
    const table = result.summary.indexOf('| SLO | Objective | Window |');
    expect(table).toBeGreaterThan(0);
    expect(result.summary.indexOf('```mermaid')).toBeGreaterThan(table);
    const [budget, burn] = await Promise.all(mermaidBlocks(result.summary).map(parseXyChart));
    expect(budget!.title).toBe('availability: budget remaining (%) over 30d');
    expect(budget!.plots[0]!.data.map(([, v]) => v)).toEqual(history.points.map((p) => p.budgetRemaining));
    expect(burn!.plots[0]!.data.map(([, v]) => v)).toEqual(history.points.map((p) => p.burnRate ?? 0));
    // The check run shows the same charts, and carries the history in the report the app reads back.
    const body = result.github.find((r) => r.path.endsWith('/check-runs'))!.body as { output: { text: string; summary: string } };
    expect(mermaidBlocks(body.output.summary)).toEqual(mermaidBlocks(result.summary));
    expect(extractReportFromCheckRun(body.output.text)!.slos[0]!.history).toEqual(history);
    expect(github.problems).toEqual([]);
  });

  it('fails the step once for a blocked deploy and masks the token', async () => {
    const token = 'prom-secret-token-xyz';
    const result = await runAction({ ...scenarioInputs('exhausted'), 'prometheus-token': token });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['can-deploy']).toBe('false');
    expect(result.outputs.status).toBe('EXHAUSTED');
    expect(Number(result.outputs['budget-remaining'])).toBeLessThan(0);
    expect(result.stdout.match(/^::error::/gm)).toHaveLength(1);
    expect(result.stdout).toMatch(/::error::Deploy blocked: status EXHAUSTED/);
    for (const line of result.stdout.split('\n').filter((l) => l.includes(token))) expect(line).toMatch(/^::add-mask::/);
    const body = result.github.find((r) => r.path.endsWith('/check-runs'))!.body as { conclusion: string };
    expect(body.conclusion).toBe('failure');
  });

  it('posts a blocked deploy to notify-webhook-url as Block Kit, the URL masked before anything shows it', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const url = receiver.url('/services/T000/B000/secret-path');
      const result = await runAction({ ...scenarioInputs('exhausted'), 'notify-webhook-url': url });
      expect(result.exitCode).toBe(1);
      expect(receiver.received).toHaveLength(1);
      const message = slackMessageSchema.parse(receiver.received[0]!.body);
      expect(JSON.stringify(message)).toContain('EXHAUSTED');
      // The runner hides what ::add-mask:: names: the URL is masked first and never printed otherwise.
      const mask = result.stdout.indexOf(`::add-mask::${url}`);
      expect(mask).toBeGreaterThanOrEqual(0);
      expect(result.stdout.indexOf(url, mask + url.length)).toBe(-1);
      expect(result.stderr).not.toContain(url);
    } finally {
      await receiver.stop();
    }
  });

  it('turns a 403 on the check run into a notice naming the permission, not a failure', async () => {
    const result = await runAction(scenarioInputs('normal'), { GITHUB_REPOSITORY: 'octo-org/locked' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/::notice::deploy-governor: the github-token cannot create check runs \(HTTP 403\): add "checks: write"/);
    expect(result.outputs['can-deploy']).toBe('true');
  });

  it('never fails the step in report mode', async () => {
    const result = await runAction({ ...scenarioInputs('exhausted'), mode: 'report' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['can-deploy']).toBe('false');
  });

  it('lets an exhausted service through when its SLO is advisory, and names the rule that would have blocked', async () => {
    await writeFile(
      path.join(workspace, '.github/advisory.yml'),
      [
        'slos:',
        '  - name: checkout',
        '    enforcement: advisory',
        '    sli:',
        '      events:',
        `        error: 'sum(increase(http_requests_total{scenario="exhausted",status=~"5.."}[{{window}}]))'`,
        `        total: 'sum(increase(http_requests_total{scenario="exhausted"}[{{window}}]))'`,
        '',
      ].join('\n'),
    );
    const { 'error-query': _e, 'total-query': _t, ...inputs } = scenarioInputs('exhausted');
    const result = await runAction({ ...inputs, config: '.github/advisory.yml' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ 'can-deploy': 'true', status: 'NORMAL', 'would-have-blocked': '["slo:checkout"]' });
    expect(result.summary).toContain('Advisory rules that would have blocked');
    // Enforced, the same SLO blocks.
    const enforced = await runAction({ ...scenarioInputs('exhausted') });
    expect(enforced.exitCode).toBe(1);
    expect(enforced.outputs['would-have-blocked']).toBe('[]');
  });

  it('evaluates an OpenSLO source the policy names, with the budget of the same SLO written natively', async () => {
    await mkdir(path.join(workspace, 'slos'), { recursive: true });
    await writeFile(path.join(workspace, 'slos/api.openslo.yaml'), openSloFile('warning'));
    await writeFile(path.join(workspace, '.github/openslo.yml'), openSloPolicy('warning', 'slos/api.openslo.yaml'));
    const { 'error-query': _e, 'total-query': _t, ...inputs } = scenarioInputs('warning');
    const result = await runAction({ ...inputs, config: '.github/openslo.yml' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('WARNING');
    const report = await readReport(result.outputs);
    const [native, openslo] = ['native', 'api-availability'].map((name) => report.slos.find((s) => s.name === name)!);
    expect(openslo).toMatchObject({ sliKind: 'good-events', objective: 99.9, window: '30d', status: 'WARNING', error: null });
    expect(Math.abs(openslo!.budgetRemaining! - native!.budgetRemaining!)).toBeLessThan(1e-6);
    expect(Math.abs(openslo!.errorRatio! - expectedErrorRatio('warning', 30 * 86_400)!)).toBeLessThan(0.0001);
    expect(result.summary).toContain('api-availability');
    expect(github.problems).toEqual([]);
  });

  it('takes a freeze-command instead of gating, and refuses a malformed one before asking GitHub or the token issuer', async () => {
    const result = await runAction({ ...scenarioInputs('normal'), 'freeze-command': '/freeze production' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/the freeze-command input: expected a Prometheus duration .*usage: `\/freeze <environment\|all>/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(result.github).toEqual([]);
    // It did not evaluate the gate either.
    expect(result.outputs['can-deploy']).toBeUndefined();
  });

  it('fails closed on an invalid policy file, naming the key, without a stack trace', async () => {
    await writeFile(
      path.join(workspace, '.github/bad.yml'),
      'slos:\n  - name: x\n    objective: 120\n    sli: { ratio: { query: "r[{{window}}]" } }\n',
    );
    const result = await runAction({ ...scenarioInputs('normal'), config: '.github/bad.yml' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ 'can-deploy': 'false', status: 'UNKNOWN' });
    expect(result.stdout).toMatch(/slos\[0\]\.objective: .*got 120/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(result.summary).toMatch(/fails closed/);
  });

  it('rejects an invalid input with the accepted form', async () => {
    const result = await runAction({ ...scenarioInputs('normal'), 'block-on': 'sometimes' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/block-on: .*one of CAUTION, WARNING, FREEZE, EXHAUSTED; got "sometimes"/);
  });

  it('writes a complete UNKNOWN report for a broken policy file and sets report-path to it', async () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(await readFile('schema/report.schema.json', 'utf8')) as object);
    await writeFile(
      path.join(workspace, '.github/broken.yml'),
      'slos:\n  - name: x\n    objective: 120\n    sli: { ratio: { query: "r[{{window}}]" } }\n',
    );
    const reportPath = path.join(workspace, 'reports/broken.json');
    const result = await runAction({
      ...scenarioInputs('normal'),
      config: '.github/broken.yml',
      environment: 'staging',
      'on-error': 'allow',
      'report-path': reportPath,
    });
    // Unchanged: a configuration error fails the step, even with on-error: allow.
    expect(result.exitCode).toBe(1);
    expect(result.outputs['report-path']).toBe(reportPath);
    const json = JSON.parse(await readFile(reportPath, 'utf8')) as Report;
    expect(validate(json)).toBe(true);
    const report = reportSchema.parse(json);
    expect(report).toMatchObject({
      environment: 'staging',
      slos: [],
      decision: { status: 'UNKNOWN', canDeploy: false, onError: 'allow', mode: 'enforce' },
    });
    expect(report.decision.reasons).toHaveLength(1);
    expect(report.decision.reasons[0]).toMatch(/^\.github\/broken\.yml: slos\[0\]\.objective: .*120/);
    expect(report.run).toMatchObject({ repository: REPO, runId: 4242, sha: SHA });
    // Every output agrees with the report, as on a successful run.
    expect(result.outputs).toEqual(expectedOutputs(report, reportPath));
    expect(result.summary).toMatch(/fails closed/);
  });

  it('writes the error report for an invalid input too, at the default path, with what the other inputs say', async () => {
    const result = await runAction({ ...scenarioInputs('normal'), 'block-on': 'sometimes', mode: 'report' });
    // As before: inputs that do not validate fail the step whatever mode says (it cannot be trusted).
    expect(result.exitCode).toBe(1);
    expect(result.outputs['report-path']).toBe(path.join(workspace, 'deploy-governor-report.json'));
    const report = await readReport(result.outputs);
    expect(report.decision).toMatchObject({ status: 'UNKNOWN', canDeploy: false, mode: 'report', blockOn: 'WARNING' });
    expect(report.decision.reasons).toHaveLength(1);
    expect(report.decision.reasons[0]).toMatch(/^action inputs: block-on: .*one of CAUTION, WARNING, FREEZE, EXHAUSTED; got "sometimes"$/);
    expect(result.outputs).toMatchObject({ 'can-deploy': 'false', status: 'UNKNOWN', reasons: JSON.stringify(report.decision.reasons) });
  });
});

describe('workflow_dispatch overrides through the API', () => {
  const override = (level: string, reason: string | null = 'Emergency fix for INC-1234 checkout errors') => ({
    ...scenarioInputs('freeze'),
    override: level,
    ...(reason === null ? {} : { 'override-reason': reason }),
  });

  it('refuses a writer at the freeze level, checking the role through the API', async () => {
    const result = await runAction(override('freeze'));
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'FREEZE', 'can-deploy': 'false', overridden: 'false' });
    expect(result.stdout).toMatch(/writer has the write role; override level freeze needs maintain or higher/);
    expect(result.github.some((r) => r.path === `/repos/${REPO}/collaborators/writer/permission`)).toBe(true);
  });

  it('lets a maintainer through, keeping the status and recording the override', async () => {
    const result = await runAction(override('freeze'), { GITHUB_ACTOR: 'maintainer', GITHUB_TRIGGERING_ACTOR: 'maintainer' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'FREEZE', 'can-deploy': 'true', overridden: 'true' });
    const report = await readReport(result.outputs);
    expect(report.override).toMatchObject({
      actor: 'maintainer',
      level: 'freeze',
      permission: 'maintain',
      runId: 4242,
      runAttempt: 1,
      approvers: [],
    });
    const checkRun = result.github.find((r) => r.path.endsWith('/check-runs'))!.body as { conclusion: string; output: { text: string } };
    expect(checkRun.conclusion).toBe('neutral');
    expect(extractReportFromCheckRun(checkRun.output.text)?.override?.actor).toBe('maintainer');
  });

  it('refuses a missing reason and a level below the status without asking the API', async () => {
    const missing = await runAction(override('freeze', null), { GITHUB_ACTOR: 'boss', GITHUB_TRIGGERING_ACTOR: 'boss' });
    expect(missing.outputs['can-deploy']).toBe('false');
    expect(missing.stdout).toMatch(/override-reason must explain the override in at least 10 characters/);
    const lower = await runAction(override('warning'), { GITHUB_ACTOR: 'boss', GITHUB_TRIGGERING_ACTOR: 'boss' });
    expect(lower.outputs['can-deploy']).toBe('false');
    expect(lower.stdout).toMatch(/override level warning cannot pass status FREEZE; dispatch with override: freeze/);
    expect([...missing.github, ...lower.github].some((r) => r.path.includes('/permission'))).toBe(false);
  });

  it('refuses an override outside workflow_dispatch', async () => {
    const result = await runAction(override('freeze'), {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_ACTOR: 'boss',
      GITHUB_TRIGGERING_ACTOR: 'boss',
    });
    expect(result.outputs['can-deploy']).toBe('false');
    expect(result.stdout).toMatch(/only from workflow_dispatch runs; this run was triggered by push/);
  });

  it('requires and records environment approvals where the policy asks for them', async () => {
    await writeFile(
      path.join(workspace, '.github/approvals.yml'),
      'overrides:\n  levels:\n    freeze: { permission: maintain, require-environment-approval: true }\n',
    );
    const env = { GITHUB_ACTOR: 'maintainer', GITHUB_TRIGGERING_ACTOR: 'maintainer' };
    approvals.length = 0;
    const refused = await runAction({ ...override('freeze'), config: '.github/approvals.yml' }, env);
    expect(refused.outputs['can-deploy']).toBe('false');
    expect(refused.stdout).toMatch(/requires an approved deployment/);
    approvals.push({ state: 'approved', user: { login: 'release-lead' }, environments: [{ name: 'production' }] });
    const approved = await runAction({ ...override('freeze'), config: '.github/approvals.yml' }, env);
    expect(approved.outputs).toMatchObject({ 'can-deploy': 'true', overridden: 'true' });
    expect((await readReport(approved.outputs)).override?.approvers).toEqual(['release-lead']);
    expect(github.problems).toEqual([]);
  });
});

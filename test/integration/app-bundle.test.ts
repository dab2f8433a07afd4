/**
 * The production build of the app (`npm run build:app`, committed as dist/app)
 * as the Docker image runs it: dist/app copied alone into an empty directory
 * (no node_modules, no app.yml, no package.json of the project's within reach),
 * started with Node 24 and `--max-old-space-size`, with GitHub a local stand-in
 * reached through GHE_HOST. A bundle that needs a file or package it does not
 * carry fails here. Run `npm run bundle` after changing app/ or src/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { INSTANCE_OPERATOR_TOKEN } from '../../scripts/lib/app-instances.js';
import { ensureNode24 } from '../../scripts/lib/node24.js';
import { waitForDrained } from '../../scripts/lib/webhook-load.js';
import { execForm, parseDockerfile, splitFlags } from '../support/dockerfile.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-stand-in.js';
import { checkRequestAgainstOpenApi } from '../support/openapi-checker.js';
import { APP_ID, testPrivateKey } from '../support/probot-harness.js';
import { reportFor } from '../support/reports.js';
import { checkRunCompleted, OWNER, protectionRuleRequested, REPO } from '../support/webhook-payloads.js';

const root = path.resolve(import.meta.dirname, '../..');
const SECRET = 'bundle-webhook-secret';
const RUN_ID = 779;
/** A healthy service, and a freeze window long past: its module is one of the bundle's chunks, loaded on demand. */
const POLICY = [
  'slos:',
  '  - name: api',
  '    sli:',
  '      events:',
  '        error: sum(increase(http_requests_total{scenario="normal",status=~"5.."}[{{window}}]))',
  '        total: sum(increase(http_requests_total{scenario="normal"}[{{window}}]))',
  'dr: { enabled: false }',
  'freeze-windows: [{ name: "past", from: "2020-01-01T00:00:00Z", to: "2020-01-02T00:00:00Z" }]',
].join('\n');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let node: string;
let work: string;
let appDir: string;
let github: GitHubStandIn;
let app: Started;
let baseUrl: string;
let filesAtStart: string[];
const comments: { id: number; body: string; performed_via_github_app: { id: number } }[] = [];
const answers: { state: string; comment: string }[] = [];

/** The bundle run as `npm start` runs it (and the image's CMD), in its own process group. */
function startBundle(env: Record<string, string>): Started {
  const child = spawn(node, ['--max-old-space-size=160', 'index.js'], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  // 'close', not 'exit': the output is read to its end only once the pipes have closed.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

function stopGroup(started: Started | undefined, signal: NodeJS.Signals): void {
  if (!started || started.child.exitCode !== null || started.child.signalCode !== null) return;
  try {
    process.kill(-started.child.pid!, signal);
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

const validEnv = (githubUrl: string): Record<string, string> => ({
  APP_ID: String(APP_ID),
  PRIVATE_KEY: testPrivateKey(),
  WEBHOOK_SECRET: SECRET,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  LOG_FORMAT: 'json',
  GHE_HOST: new URL(githubUrl).host,
  GHE_PROTOCOL: 'http',
  PROMETHEUS_URL: inject('prometheusUrl'),
  PROMETHEUS_SINGLE_TENANT: 'true',
  // The queue's route, which waitForDrained polls.
  OPERATOR_TOKEN: INSTANCE_OPERATOR_TOKEN,
  // No start-up scans (freeze expiry, held deployments): this test counts every request the bundle sends.
  FREEZE_EXPIRY: 'off',
  HELD_REBUILD: 'false',
});

beforeAll(async () => {
  const dist = path.join(root, 'dist/app');
  if (!existsSync(path.join(dist, 'index.js'))) throw new Error('dist/app/index.js is missing: run npm run bundle');
  node = await ensureNode24();
  work = mkdtempSync(path.join(tmpdir(), 'dg-app-bundle-'));
  appDir = path.join(work, 'app');
  cpSync(dist, appDir, { recursive: true });
  filesAtStart = readdirSync(work, { recursive: true }).map(String).sort();
  const base = `/api/v3/repos/${OWNER}/${REPO}`;
  github = await startGitHubStandIn(
    [
      {
        method: 'POST',
        path: /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/,
        reply: () => ({ status: 201, body: { token: 'ghs_bundle', expires_at: '2999-01-01T00:00:00Z' } }),
      },
      { method: 'GET', path: new RegExp(`^${base}/issues/2/comments$`), reply: () => ({ status: 200, body: comments }) },
      // The protection rule reads the freezes on command: none, and the organisation has no .github repository.
      { method: 'GET', path: new RegExp(`^${base}/issues$`), reply: () => ({ status: 200, body: [] }) },
      {
        method: 'GET',
        path: new RegExp(`^/api/v3/repos/${OWNER}/\\.github/issues$`),
        reply: () => ({ status: 404, body: { message: 'Not Found' } }),
      },
      {
        method: 'POST',
        path: new RegExp(`^${base}/issues/2/comments$`),
        reply: (req) => {
          comments.push({ id: comments.length + 1, body: (req.body as { body: string }).body, performed_via_github_app: { id: APP_ID } });
          return { status: 201, body: comments.at(-1) };
        },
      },
      {
        method: 'GET',
        path: new RegExp(`^${base}/contents/\\.github(%2F|/)deploy-governor\\.yml$`),
        reply: () => ({
          status: 200,
          body: {
            type: 'file',
            name: 'deploy-governor.yml',
            path: '.github/deploy-governor.yml',
            sha: 'e'.repeat(40),
            encoding: 'base64',
            content: Buffer.from(POLICY).toString('base64'),
          },
        }),
      },
      {
        method: 'POST',
        path: new RegExp(`^${base}/actions/runs/${RUN_ID}/deployment_protection_rule$`),
        reply: (req) => {
          answers.push(req.body as { state: string; comment: string });
          return { status: 204 };
        },
      },
    ],
    (req) => checkRequestAgainstOpenApi({ method: req.method, path: req.path, body: req.body }),
  );
  app = startBundle(validEnv(github.url));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const listening = /deploy-governor listening on (http:\/\/[^\s"]+)/.exec(app.output());
    if (listening) {
      baseUrl = listening[1]!;
      break;
    }
    if (app.child.exitCode !== null || Date.now() > deadline) throw new Error(`the bundled app did not start:\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  stopGroup(app, 'SIGKILL');
  await github?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

function deliver(body: string, signature: string | null, delivery = `bundle-${Math.random()}`, event = 'check_run') {
  return fetch(`${baseUrl}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': delivery,
      ...(signature ? { 'x-hub-signature-256': signature } : {}),
    },
    body,
  });
}

describe('dist/app/index.js, alone in a directory, under Node 24', () => {
  it('logs its listening line and answers /ping and /ready', async () => {
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ping = await fetch(`${baseUrl}/ping`);
    expect(ping.status).toBe(200);
    expect(await ping.text()).toBe('PONG');
    const ready = await fetch(`${baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { queue: 'ok', githubAppJwt: 'ok' } });
  });

  it("passes the Dockerfile's HEALTHCHECK", async () => {
    const check = parseDockerfile(readFileSync(path.join(root, 'Dockerfile'), 'utf8')).find((i) => i.keyword === 'HEALTHCHECK')!;
    const [command, ...args] = execForm(splitFlags(check.args).rest.replace(/^CMD\s+/, ''))!;
    expect(command).toBe('node');
    const run = (port: string) =>
      new Promise<number | null>((resolve) =>
        spawn(node, args, { env: { PATH: process.env.PATH ?? '', PORT: port }, stdio: 'ignore' }).once('exit', resolve),
      );
    expect(await run(new URL(baseUrl).port)).toBe(0);
    // And fails where nothing answers (port 9 on loopback: discard, closed here).
    expect(await run('9')).not.toBe(0);
  });

  it('refuses a mis-signed delivery with 401 and an unsigned one, with nothing sent to GitHub', async () => {
    const body = JSON.stringify(checkRunCompleted({ report: await reportFor(1500) }));
    const bad = await deliver(body, sign(`${body} `));
    expect(bad.status).toBe(401);
    expect((await deliver(body, null)).status).toBe(400);
    expect(github.requests).toEqual([]);
  });

  it('accepts a signed delivery (202) and handles it against GitHub: one pull-request comment', async () => {
    const body = JSON.stringify(checkRunCompleted({ report: await reportFor(1500) }));
    const response = await deliver(body, sign(body));
    expect(response.status).toBe(202);
    await waitForDrained([baseUrl], 30_000);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('Deploys to production are blocked: EXHAUSTED');
    expect(github.problems).toEqual([]);
  });

  it('answers a deployment protection rule from the policy and Prometheus, loading a chunk of the bundle', async () => {
    const body = JSON.stringify(protectionRuleRequested({ environment: 'production', runId: RUN_ID }));
    expect((await deliver(body, sign(body), `bundle-rule-${Math.random()}`, 'deployment_protection_rule')).status).toBe(202);
    await waitForDrained([baseUrl], 30_000);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.state, answers[0]!.comment).toBe('approved');
    expect(github.problems).toEqual([]);
  });

  it('writes no file (a read-only root filesystem is enough) and stops cleanly on SIGTERM', async () => {
    expect(readdirSync(work, { recursive: true }).map(String).sort()).toEqual(filesAtStart);
    stopGroup(app, 'SIGTERM');
    expect(await app.exited).toBe(0);
    expect(app.output()).toContain('SIGTERM: stopping');
    // Nothing the app logged at error level (50) or above.
    expect(
      app
        .output()
        .split('\n')
        .filter((l) => /^\{"level":(5|6)\d/.test(l)),
    ).toEqual([]);
  });
});

describe('dist/app/index.js with a start-up mistake', () => {
  it('exits non-zero naming WEBHOOK_SECRET, without a stack trace', async () => {
    const env = validEnv(github.url);
    delete env.WEBHOOK_SECRET;
    const started = startBundle(env);
    const code = await started.exited;
    expect(code).not.toBe(0);
    expect(started.output()).toContain('WEBHOOK_SECRET: missing');
    expect(started.output()).not.toMatch(/\n\s+at /);
  });
});

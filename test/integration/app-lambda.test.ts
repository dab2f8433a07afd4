/**
 * The AWS Lambda entry point (app/lambda.ts: Probot 14 and the app's own edge
 * code, no adapter), built (dist/app/lambda.js, copied alone into an empty
 * directory as a deployment package would hold it) and from its source (through
 * tsx), each in a process of its own as Lambda runs it: function-URL / API
 * Gateway events in, with GitHub a local stand-in reached through GHE_HOST and
 * the suite's Prometheus as the operator's. A good delivery is handled within
 * the invocation (200), a bad or missing signature is 401, a malformed body 400,
 * and a cold start without its configuration throws naming each variable.
 * Run `npm run bundle` after changing app/ or src/.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-stand-in.js';
import { checkRequestAgainstOpenApi } from '../support/openapi-checker.js';
import { APP_ID, testPrivateKey } from '../support/probot-harness.js';
import { reportFor } from '../support/reports.js';
import { checkRunCompleted, OWNER, protectionRuleRequested, REPO } from '../support/webhook-payloads.js';

const root = path.resolve(import.meta.dirname, '../..');
const SECRET = 'lambda-secret';
const RUN_ID = 778;
const work = mkdtempSync(path.join(tmpdir(), 'dg-lambda-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface LambdaResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Imports the handler (a cold start), hands it each event in turn, and writes what it answered to a file. */
const DRIVER = `
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [entry, eventsFile, resultsFile] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(entry).href);
const results = [];
for (const event of JSON.parse(readFileSync(eventsFile, 'utf8'))) results.push(await handler(event, {}));
writeFileSync(resultsFile, JSON.stringify(results));
`;
const driver = path.join(work, 'driver.mjs');
writeFileSync(driver, DRIVER);

interface Variant {
  name: string;
  /** node's arguments before the driver, the entry, and the working directory. */
  prepare(): { nodeArgs: string[]; entry: string; cwd: string };
}

const variants: Variant[] = [
  {
    name: 'dist/app/lambda.js (built), alone in a directory',
    prepare() {
      const dist = path.join(root, 'dist/app');
      if (!existsSync(path.join(dist, 'lambda.js'))) throw new Error('dist/app/lambda.js is missing: run npm run bundle');
      const dir = path.join(work, 'package');
      rmSync(dir, { recursive: true, force: true });
      cpSync(dist, dir, { recursive: true });
      return { nodeArgs: [], entry: path.join(dir, 'lambda.js'), cwd: dir };
    },
  },
  {
    name: 'app/lambda.ts (source)',
    prepare() {
      const dir = mkdtempSync(path.join(work, 'source-'));
      return { nodeArgs: ['--import', 'tsx'], entry: path.join(root, 'app/lambda.ts'), cwd: dir };
    },
  },
];

/** Runs the handler over `events` in one process; its exit code, output and answers. */
async function invoke(variant: { nodeArgs: string[]; entry: string; cwd: string }, env: Record<string, string>, events: unknown[]) {
  const eventsFile = path.join(work, `events-${Math.random()}.json`);
  const resultsFile = `${eventsFile}.out`;
  writeFileSync(eventsFile, JSON.stringify(events));
  // tsx is resolved from the project (its --import specifier is resolved from the working directory otherwise).
  const nodeArgs = variant.nodeArgs.map((a) => (a === 'tsx' ? path.join(root, 'node_modules/tsx/dist/loader.mjs') : a));
  const child = spawn(process.execPath, [...nodeArgs, driver, variant.entry, eventsFile, resultsFile], {
    cwd: variant.cwd,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as LambdaResult[]) : null;
  return { code, output, results };
}

const sign = (body: string | Buffer) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

/** A function-URL event (payload format 2.0: lower-cased headers). */
function urlEvent(event: string, body: string, signature: string | null, o: { base64?: boolean; method?: string } = {}) {
  return {
    version: '2.0',
    rawPath: '/',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': `lambda-${Math.random()}`,
      ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
    },
    body: o.base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: o.base64 ?? false,
    requestContext: { http: { method: o.method ?? 'POST', path: '/' } },
  };
}

/** The policy the protection rule reads: a healthy service, and a freeze window long past (its module is a chunk of the bundle). */
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

describe.each(variants)('Lambda handler: $name', (variant) => {
  let github: GitHubStandIn;
  let env: Record<string, string>;
  let prepared: ReturnType<Variant['prepare']>;
  const comments: { id: number; body: string; performed_via_github_app: { id: number } }[] = [];
  const answers: { state: string; comment: string }[] = [];

  beforeAll(async () => {
    prepared = variant.prepare();
    const base = `/api/v3/repos/${OWNER}/${REPO}`;
    github = await startGitHubStandIn(
      [
        {
          method: 'POST',
          path: /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/,
          reply: () => ({ status: 201, body: { token: 'ghs_lambda', expires_at: '2999-01-01T00:00:00Z' } }),
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
    env = {
      APP_ID: String(APP_ID),
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      GHE_HOST: new URL(github.url).host,
      GHE_PROTOCOL: 'http',
      PROMETHEUS_URL: inject('prometheusUrl'),
      PROMETHEUS_SINGLE_TENANT: 'true',
    };
  });
  afterAll(async () => {
    await github?.stop();
  });

  it('answers each event as documented, and handles the good ones within the invocation', async () => {
    const checkRun = JSON.stringify(checkRunCompleted({ report: await reportFor(1500) }));
    const protection = JSON.stringify(protectionRuleRequested({ environment: 'production', runId: RUN_ID }));
    const ping = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    const notJson = '{"action": "completed",';
    // Payload format 1.0 (REST API): headers in any case.
    const restEvent = {
      httpMethod: 'POST',
      path: '/',
      headers: { 'X-GitHub-Event': 'ping', 'X-GitHub-Delivery': 'lambda-rest', 'X-Hub-Signature-256': sign(ping) },
      body: ping,
      isBase64Encoded: false,
    };
    const first = urlEvent('check_run', checkRun, sign(checkRun));
    const events = [
      first,
      // Function URLs may hand the body over base64-encoded: the signature is over the decoded bytes.
      urlEvent('deployment_protection_rule', protection, sign(protection), { base64: true }),
      urlEvent('check_run', checkRun, sign(`${checkRun} `)),
      urlEvent('check_run', checkRun, null),
      urlEvent('check_run', notJson, sign(notJson)),
      urlEvent('ping', ping, sign(ping)),
      restEvent,
      urlEvent('check_run', checkRun, sign(checkRun), { method: 'GET' }),
    ];
    const { code, output, results } = await invoke(prepared, env, events);
    expect(code, output).toBe(0);
    expect(results, output).not.toBeNull();
    const statuses = results!.map((r) => r.statusCode);
    expect(statuses, output).toEqual([200, 200, 401, 401, 400, 200, 200, 405]);
    for (const r of results!) expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(results![0]!.body)).toEqual({ handled: first.headers['x-github-delivery'] });
    expect(JSON.parse(results![5]!.body)).toEqual({ ignored: 'the app does not handle ping events' });
    expect(JSON.parse(results![6]!.body)).toEqual({ ignored: 'the app does not handle ping events' });
    // The check run: one pull-request comment; the protection rule: evaluated against Prometheus and approved.
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('Deploys to production are blocked: EXHAUSTED');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.state).toBe('approved');
    expect(github.problems).toEqual([]);
    // The refused events wrote nothing: one comment, one answer (a request no route knows is among the problems).
    expect(github.requests.filter((r) => r.method === 'POST' && !r.path.endsWith('/access_tokens'))).toHaveLength(2);
  });

  it('refuses to start without its configuration, naming WEBHOOK_SECRET, APP_ID and PRIVATE_KEY', async () => {
    const { code, output, results } = await invoke(prepared, { LOG_LEVEL: 'warn' }, []);
    expect(code).not.toBe(0);
    expect(results).toBeNull();
    for (const variable of ['WEBHOOK_SECRET: missing', 'APP_ID: missing', 'PRIVATE_KEY: missing']) expect(output).toContain(variable);
  });

  it('refuses to start with WEBHOOK_SECRET alone missing', async () => {
    const { WEBHOOK_SECRET: _unused, ...rest } = env;
    const { code, output, results } = await invoke(prepared, rest, []);
    expect(code).not.toBe(0);
    expect(results).toBeNull();
    expect(output).toContain('WEBHOOK_SECRET: missing');
  });
});

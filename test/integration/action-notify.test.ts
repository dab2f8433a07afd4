/**
 * The Action's own notification (`notify-webhook-url`, `notify-format`), through
 * its source entry run() in-process (the bundled dist/index.js is not rebuilt
 * here): Prometheus is a closed loopback port, so the gate fails closed with
 * status UNKNOWN and posts a `blocked` notification to a local webhook server.
 * The URL is masked before anything is logged, and a failing webhook is a
 * warning that never changes the gate's outcome.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { run } from '../../src/action/run.js';
import { slackMessageSchema, teamsMessageSchema, teamsTexts } from '../support/chat-payloads.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

let receiver: WebhookReceiver;
let port: number;
let closedPort: number;
let dir: string;
let stdout: string;
const saved = { ...process.env };
const received = () => receiver.received;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  port = Number(new URL(receiver.url('/')).port);
  closedPort = await getFreePort();
});
afterAll(async () => {
  await receiver.stop();
});

beforeEach(async () => {
  receiver.received.length = 0;
  receiver.behaviour = { '/failing/x': { status: 500 } };
  stdout = '';
  dir = await mkdtemp(path.join(tmpdir(), 'dg-action-notify-'));
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_') || k.startsWith('GITHUB_')) delete process.env[k];
  await writeFile(path.join(dir, 'summary.md'), '');
  await writeFile(path.join(dir, 'output.txt'), '');
  Object.assign(process.env, {
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: path.join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_REPOSITORY: 'acme/checkout',
    GITHUB_RUN_ID: '77',
    GITHUB_SERVER_URL: 'https://github.com',
    'INPUT_PROMETHEUS-URL': `http://127.0.0.1:${closedPort}`,
    'INPUT_DR-CHECK': 'false',
    INPUT_TIMEOUT: '1s',
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

describe('the Action posts a blocked deploy', () => {
  it('to a Slack webhook, with the URL masked before anything is logged', async () => {
    const url = `http://127.0.0.1:${port}/services/T000/B000/secret-path`;
    process.env['INPUT_NOTIFY-WEBHOOK-URL'] = url;
    await run();
    expect(process.exitCode).toBe(1);
    expect(received().map((r) => r.path)).toEqual(['/services/T000/B000/secret-path']);
    const m = slackMessageSchema.parse(received()[0]!.body);
    expect(m.text).toContain('Deploys to `production` are blocked: UNKNOWN');
    expect(m.text).toContain('<https://github.com/acme/checkout/actions/runs/77|Workflow run>');
    // The mask comes first, and the URL appears nowhere else.
    expect(stdout.indexOf(`::add-mask::${url}`) + '::add-mask::'.length).toBe(stdout.indexOf(url));
    expect(stdout.split(url)).toHaveLength(2);
    expect(stdout).toContain('deploy-governor: blocked notification sent (slack)');
  });

  it('to a Teams webhook', async () => {
    process.env['INPUT_NOTIFY-WEBHOOK-URL'] = `http://127.0.0.1:${port}/teams`;
    process.env['INPUT_NOTIFY-FORMAT'] = 'Teams';
    await run();
    const m = teamsMessageSchema.parse(received()[0]!.body);
    expect(teamsTexts(m).runs[0]).toContain('Deploys to production are blocked: UNKNOWN');
    expect(teamsTexts(m).urls).toEqual(['https://github.com/acme/checkout/actions/runs/77']);
  });

  it('and a failing webhook is a warning, never a failed gate', async () => {
    process.env['INPUT_NOTIFY-WEBHOOK-URL'] = `http://127.0.0.1:${port}/failing/x`;
    process.env.INPUT_MODE = 'report';
    await run();
    expect(received()).toHaveLength(1);
    // The receiver echoes the URL's path back: it is redacted from the warning.
    expect(stdout).toContain(
      '::warning::deploy-governor: the blocked notification was not sent: the webhook answered HTTP 500: no_service for ***',
    );
    // mode: report: the blocked gate reports without failing the step, and the webhook's failure changes nothing.
    expect(process.exitCode).toBeUndefined();
    expect(await readFile(path.join(dir, 'output.txt'), 'utf8')).toContain('UNKNOWN');
  });

  it('refuses a notify-format it does not know, naming the input and not the URL', async () => {
    process.env['INPUT_NOTIFY-WEBHOOK-URL'] = `http://127.0.0.1:${port}/services/secret-path`;
    process.env['INPUT_NOTIFY-FORMAT'] = 'discord';
    await run();
    expect(process.exitCode).toBe(1);
    expect(received()).toEqual([]);
    expect(stdout).toMatch(/notify-format.*expected one of slack, teams/);
    expect(stdout.split('secret-path')).toHaveLength(2);
  });
});

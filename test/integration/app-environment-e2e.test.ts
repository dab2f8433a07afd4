/**
 * The compiled app (`npm run app:start`, as `npm run app` runs it) started with
 * a bad environment: it stops with exit code 1 and one message naming every
 * mistaken variable, Probot's included, with no stack trace and no secret in
 * it; started right, it says where it listens, and a port in use is named too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY, generateAppKey, startAppInstance, stopAllAppInstances } from '../../scripts/lib/app-instances.js';

const root = path.resolve(import.meta.dirname, '../..');
const cwd = mkdtempSync(path.join(tmpdir(), 'dg-app-env-'));
afterAll(async () => {
  await stopAllAppInstances();
  rmSync(cwd, { recursive: true, force: true });
});

/**
 * Starts the compiled app with only `env`, through `npm run app:start` (as `npm run app` does once compiled), or
 * `inEmptyDir`: the same command run by node in an empty working directory (no stray .pem for Probot's fallback).
 * Resolves with its exit code and output.
 */
function startWith(env: Record<string, string>, o: { inEmptyDir?: boolean } = {}): Promise<{ code: number | null; output: string }> {
  const [command, args, dir] = o.inEmptyDir
    ? ['node', ['--max-old-space-size=160', APP_ENTRY], cwd]
    : ['npm', ['run', '-s', 'app:start'], root];
  const child = spawn(command, args, {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('npm run app with several mistakes in its environment', () => {
  const SECRETS = {
    PRIVATE_KEY: 'pasted-private-key-secret-0001',
    PROMETHEUS_TOKEN: 'Bearer prometheus-secret-0002',
    ALERTMANAGER_TOKEN: 'am-secret-03',
    PROMETHEUS_HEADERS: 'Authorization header-secret-0004',
    REDIS_URL: 'localhost://:redis-secret-0005@redis',
  };

  it('exits 1 naming every variable at once: no stack trace, no secret', async () => {
    const { code, output } = await startWith({
      ...SECRETS,
      APP_ID: 'Iv1.0123456789abcdef',
      PRIVATE_KEY_PATH: path.join(cwd, 'missing.pem'),
      PORT: 'notaport',
      HOST: 'http://0.0.0.0',
      LOG_LEVEL: 'verbose',
      PROMETHEUS_URL: 'prometheus:9090',
      QUEUE_RETRY_BASE: 'soon',
    });
    expect(code).toBe(1);
    const expected = [
      'APP_ID',
      'PRIVATE_KEY',
      'PRIVATE_KEY_PATH',
      'WEBHOOK_SECRET',
      'PORT',
      'HOST',
      'LOG_LEVEL',
      'REDIS_URL',
      'PROMETHEUS_URL',
      'PROMETHEUS_HEADERS',
      'PROMETHEUS_TOKEN',
      'ALERTMANAGER_TOKEN',
      'QUEUE_RETRY_BASE',
    ];
    expect(output).toContain(`deploy-governor app: ${expected.length} problems in the environment (fix them and start again):`);
    for (const variable of expected) expect(output, variable).toMatch(new RegExp(`^  - ${variable}: `, 'm'));
    // Each one exactly once (APP_ID and REDIS_URL are read for Probot and for the app, by one rule).
    expect(output.match(/^ {2}- /gm)).toHaveLength(expected.length);
    expect(output).toContain('  - PORT: expected a TCP port from 1 to 65535 (or 0 for any free port); got "notaport"');
    expect(output).toContain('  - LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal; got "verbose"');
    expect(output).toContain(
      `  - PRIVATE_KEY_PATH: not a readable file (no such file): set it to the path of the app's .pem key; got "${path.join(cwd, 'missing.pem')}"`,
    );
    expect(output).toContain('  - PROMETHEUS_HEADERS: line 1 is not "Name: value"');
    expect(output).not.toMatch(/^\s+at /m);
    for (const secret of ['secret-0001', 'secret-0002', 'am-secret-03', 'secret-0004', 'secret-0005']) expect(output).not.toContain(secret);
  });

  it('exits 1 naming a missing private key and webhook secret (Probot would throw)', async () => {
    const { code, output } = await startWith({ APP_ID: '4242', HOST: '127.0.0.1', PORT: '0' }, { inEmptyDir: true });
    expect(code).toBe(1);
    expect(output).toContain("  - PRIVATE_KEY: missing: set PRIVATE_KEY to the app's private key");
    expect(output).toContain('  - WEBHOOK_SECRET: missing: ');
    expect(output).not.toMatch(/^\s+at /m);
  });
});

describe('npm run app with a good environment', () => {
  it('says where it listens once it is up, and names a port already in use', async () => {
    const key = generateAppKey();
    const instance = await startAppInstance({
      appId: 4242,
      privateKey: key,
      webhookSecret: 'e2e-secret',
      githubUrl: 'http://127.0.0.1:9',
      logLevel: 'info',
    });
    const port = new URL(instance.baseUrl).port;
    // The port answers before the line has crossed the process's stdout pipe (under load, seen in CI once).
    await expect.poll(() => instance.output(), { timeout: 5_000 }).toContain(`deploy-governor listening on http://127.0.0.1:${port}`);

    const { code, output } = await startWith({
      APP_ID: '4242',
      PRIVATE_KEY: key,
      WEBHOOK_SECRET: 'e2e-secret',
      HOST: '127.0.0.1',
      PORT: port,
    });
    expect(code).toBe(1);
    expect(output).toContain(
      `deploy-governor app: a problem in the environment (fix it and start again):\n  - PORT: already in use on 127.0.0.1: stop what listens there, or choose another PORT; got "${port}"`,
    );
    expect(output).not.toContain('listening on');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain(key.split('\n')[1]);
    await instance.stop();
  });
});

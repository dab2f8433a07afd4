/**
 * `npm run setup`: the GitHub App manifest flow over HTTP on loopback. The
 * setup server's page is read as a browser would (happy-dom) and its manifest
 * compared with app.yml; GitHub's redirect back is simulated with the page's
 * state, and `POST /app-manifests/{code}/conversions` is a local stand-in whose
 * requests are checked against GitHub's OpenAPI description and whose 201
 * answer is the description's own example. Then the attacks: states that are
 * missing, wrong or replayed, conversions GitHub refuses, an env file that
 * already names an app, codes that try to change the request's path, and the
 * private key in the logs.
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { Window } from 'happy-dom';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { loadEnvFile } from '../../app/config/env-file.js';
import { unwrapEnv } from '../../app/config/env.js';
import { parseProbotEnv } from '../../app/config/probot-env.js';
import { SUBSCRIBED_EVENTS } from '../../app/edge/relevance.js';
import { SetupError } from '../../app/setup/exchange-manifest-code.js';
import { parseAppYml, type AppManifest } from '../../app/setup/manifest-from-app-yml.js';
import { startSetup, type SetupRun } from '../../app/setup/run-setup.js';
import { parseSetupEnv } from '../../app/setup/setup-env.js';
import { checkRequestAgainstOpenApi } from '../support/openapi-checker.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-stand-in.js';

const root = path.resolve(import.meta.dirname, '../..');
const APP_YML = parse(readFileSync(path.join(root, 'app.yml'), 'utf8')) as Record<string, unknown>;
const require = createRequire(import.meta.url);

/** The 201 answer: GitHub's own example from its OpenAPI description (`integration-from-manifest`). */
const spec = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as {
  components: { examples: Record<string, { value: Record<string, unknown> }> };
};
const EXAMPLE = spec.components.examples['integration-from-manifest']!.value as Record<string, unknown> & {
  pem: string;
  client_secret: string;
  webhook_secret: string;
  client_id: string;
  html_url: string;
  id: number;
};

/** Every secret of the answer, and each line of the key's body: none may appear in a log line or a page. */
const SECRETS = [EXAMPLE.pem, EXAMPLE.client_secret, EXAMPLE.webhook_secret, ...EXAMPLE.pem.split('\n').filter((l) => l.length >= 40)];

type Answer = (code: string) => { status: number; body?: unknown };
let answer: Answer = () => ({ status: 201, body: EXAMPLE });
let github: GitHubStandIn;
let work: string;
let run: SetupRun | undefined;
let logLines: string[];
let pages: string[];

beforeAll(async () => {
  github = await startGitHubStandIn(
    [
      {
        method: 'POST',
        path: /^\/api\/v3\/app-manifests\/[^/]+\/conversions$/,
        reply: (req) => answer(decodeURIComponent(req.path.split('/')[4]!)),
      },
    ],
    (req) => checkRequestAgainstOpenApi({ method: req.method, path: req.path, body: req.body }),
  );
});

afterAll(async () => {
  await github?.stop();
});

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'dg-setup-'));
  copyFileSync(path.join(root, 'app.yml'), path.join(work, 'app.yml'));
  answer = () => ({ status: 201, body: EXAMPLE });
  github.requests.length = 0;
  github.problems.length = 0;
  logLines = [];
  pages = [];
});

afterEach(async () => {
  await run?.close();
  run = undefined;
  rmSync(work, { recursive: true, force: true });
});

function gitHubEnv(): Record<string, string> {
  const u = new URL(github.url);
  return { GHE_HOST: u.host, GHE_PROTOCOL: 'http' };
}

async function start(argv: string[] = ['--setup'], env: Record<string, string> = {}): Promise<SetupRun> {
  const port = await getFreePort();
  run = await startSetup(
    argv,
    { APP_BASE_URL: `http://127.0.0.1:${port}`, PORT: String(port), HOST: '127.0.0.1', ...gitHubEnv(), ...env },
    {
      cwd: work,
      log: { info: (m) => logLines.push(`info ${m}`), error: (m) => logLines.push(`error ${m}`) },
    },
  );
  return run;
}

async function get(url: string): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  const text = await res.text();
  pages.push(text);
  return { status: res.status, headers: res.headers, text };
}

/** The registration page as a browser reads it: the form's action and method, and the manifest in its hidden field. */
async function openPage(query = ''): Promise<{ action: string; method: string; manifest: AppManifest; state: string }> {
  const page = await get(`${run!.pageUrl}${query}`);
  expect(page.status).toBe(200);
  const window = new Window();
  try {
    const doc = new window.DOMParser().parseFromString(page.text, 'text/html');
    const form = doc.querySelector('form[method="post"]')!;
    const field = form.querySelector('input[type="hidden"][name="manifest"]')!;
    const action = form.getAttribute('action')!;
    return {
      action,
      method: form.getAttribute('method')!,
      manifest: JSON.parse(field.getAttribute('value')!) as AppManifest,
      state: new URL(action).searchParams.get('state')!,
    };
  } finally {
    await window.happyDOM.close();
  }
}

function callback(query: string): Promise<{ status: number; text: string }> {
  return get(`${run!.address}/deploy-governor/setup/callback?${query}`);
}

const envFile = () => path.join(work, '.env');

function expectNoSecretsIn(texts: string[]): void {
  for (const text of texts) for (const secret of SECRETS) expect(text.includes(secret), `a secret in: ${text.slice(0, 200)}`).toBe(false);
}

describe('the setup page', () => {
  it('needs the token from the log, and posts app.yml as the manifest to GitHub with a fresh state', async () => {
    await start();
    const base = `http://127.0.0.1:${new URL(run!.address).port}`;
    expect(logLines).toContain(`info open ${run!.pageUrl} to register the app on ${github.url} from app.yml`);
    expect((await get(`${base}/deploy-governor/setup`)).status).toBe(403);
    expect((await get(`${base}/deploy-governor/setup?token=${run!.token.slice(0, -1)}x`)).status).toBe(403);
    expect((await get(`${base}/`)).status).toBe(404);

    const page = await get(run!.pageUrl);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");

    const { action, method, manifest, state } = await openPage();
    expect(method).toBe('post');
    expect(action).toBe(`${github.url}/settings/apps/new?state=${state}`);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(manifest.redirect_url).toBe(`${base}/deploy-governor/setup/callback`);
    expect(manifest.hook_attributes).toEqual({ url: `${base}/api/github/webhooks`, active: true });
    expect(manifest.default_permissions).toEqual(APP_YML.default_permissions);
    expect(manifest.default_events).toEqual(APP_YML.default_events);
    // The events app.yml subscribes to are the ones the webhook server lets through.
    expect([...manifest.default_events].sort()).toEqual([...SUBSCRIBED_EVENTS].sort());
    expect(manifest).toMatchObject({ name: APP_YML.name, url: APP_YML.url, description: APP_YML.description, public: false });
    expect(Object.keys(manifest).sort()).toEqual([
      'default_events',
      'default_permissions',
      'description',
      'hook_attributes',
      'name',
      'public',
      'redirect_url',
      'url',
    ]);

    // Every page shows its own state.
    expect((await openPage()).state).not.toBe(state);
  });

  it('registers for an organization, under another name, and refuses names GitHub would not take', async () => {
    await start(['--setup'], { WEBHOOK_PROXY_URL: 'https://smee.io/aBcD1234', WEBHOOK_PATH: '/hooks' });
    const { action, manifest, state } = await openPage('&org=acme-corp&name=governor%20acme');
    expect(action).toBe(`${github.url}/organizations/acme-corp/settings/apps/new?state=${state}`);
    expect(manifest.name).toBe('governor acme');
    expect(manifest.hook_attributes.url).toBe('https://smee.io/aBcD1234');
    expect((await get(`${run!.pageUrl}&org=../settings`)).status).toBe(400);
    expect((await get(`${run!.pageUrl}&org=acme%2Fx`)).status).toBe(400);
    expect((await get(`${run!.pageUrl}&name=${'n'.repeat(35)}`)).status).toBe(400);
  });

  it('names every problem of its environment and arguments before it starts', () => {
    const problems = (env: Record<string, string>) => {
      const r = parseSetupEnv(env, { cwd: work });
      return 'problems' in r ? r.problems.map((p) => `${p.variable}: ${p.message}`) : [];
    };
    expect(problems({})).toEqual([
      expect.stringMatching(/^APP_BASE_URL: missing: set it to the URL at which your browser and GitHub reach this server/),
    ]);
    expect(problems({ APP_BASE_URL: 'https://user:pw@x.example/' })).toEqual([
      expect.stringMatching(/^APP_BASE_URL: expected an http\(s\) URL without credentials/),
    ]);
    expect(problems({ APP_BASE_URL: 'https://x.example/?a=1', PORT: 'x' })).toHaveLength(2);
    expect(
      unwrapEnv(parseSetupEnv({ APP_BASE_URL: 'https://gov.example.com/', GHE_HOST: 'ghe.example.com' }, { cwd: work })),
    ).toMatchObject({
      baseUrl: 'https://gov.example.com',
      webhookUrl: 'https://gov.example.com/api/github/webhooks',
      githubUrl: 'https://ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3',
      envFile: path.join(work, '.env'),
    });
    expect(unwrapEnv(parseSetupEnv({ APP_BASE_URL: 'https://gov.example.com' }, { cwd: work }))).toMatchObject({
      githubUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
    });
    return expect(start(['--setup', '--frce'])).rejects.toThrow(/unknown argument "--frce"/);
  });

  it('refuses an app.yml that sets what the setup owns, or misspells a key', () => {
    const yml = readFileSync(path.join(root, 'app.yml'), 'utf8');
    expect(() => parseAppYml(`${yml}\nredirect_url: https://x.example/cb\n`)).toThrow(/remove redirect_url/);
    expect(() => parseAppYml(yml.replace('hook_attributes:\n  active: true', 'hook_attributes:\n  url: https://x.example/hook'))).toThrow(
      /remove hook_attributes\.url/,
    );
    expect(() => parseAppYml(yml.replace('default_permissions:', 'default_permission:'))).toThrow(/default_permission/);
    expect(() => parseAppYml(yml.replace('  checks: read', '  checks: reed'))).toThrow(/default_permissions\.checks/);
  });
});

describe('the callback', () => {
  it('exchanges the code once, writes .env with mode 0600, shows the app and its install link, then answers 410', async () => {
    await start();
    const { state } = await openPage();
    const done = await callback(`code=0123abcdef&state=${state}`);
    expect(done.status).toBe(200);
    expect(done.text).toContain(EXAMPLE.html_url);
    expect(done.text).toContain(`${EXAMPLE.html_url}/installations/new`);

    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v3/app-manifests/0123abcdef/conversions']);
    expect(github.requests[0]!.body).toBeUndefined();
    expect(github.problems).toEqual([]);

    const stat = statSync(envFile());
    expect(stat.mode & 0o777).toBe(0o600);
    const written = parseEnv(readFileSync(envFile(), 'utf8'));
    expect(written).toEqual({
      APP_ID: String(EXAMPLE.id),
      PRIVATE_KEY: EXAMPLE.pem,
      WEBHOOK_SECRET: EXAMPLE.webhook_secret,
      GITHUB_CLIENT_ID: EXAMPLE.client_id,
      GITHUB_CLIENT_SECRET: EXAMPLE.client_secret,
    });
    // The app reads the file as written (ENV_FILE): its id, key and secret pass the app's own checks.
    const appEnv: Record<string, string | undefined> = { ENV_FILE: '.env' };
    loadEnvFile(appEnv, work);
    expect(unwrapEnv(parseProbotEnv(appEnv, { cwd: work }))).toMatchObject({ appId: EXAMPLE.id, webhookSecret: EXAMPLE.webhook_secret });

    await expect(run!.done).resolves.toMatchObject({
      app: { id: EXAMPLE.id, htmlUrl: EXAMPLE.html_url },
      installUrl: `${EXAMPLE.html_url}/installations/new`,
      written: { created: true },
    });
    expect(logLines).toContain(`info install it: ${EXAMPLE.html_url}/installations/new`);

    // Done: the same redirect again, or the page, changes nothing.
    expect((await callback(`code=0123abcdef&state=${state}`)).status).toBe(410);
    expect((await get(run!.pageUrl)).status).toBe(410);
    expect(github.requests).toHaveLength(1);
    expectNoSecretsIn([...logLines, ...pages]);
  });

  it('refuses a missing, wrong or replayed state: nothing sent, nothing written', async () => {
    await start();
    const first = await openPage();
    const second = await openPage();
    expect((await callback('code=0123abcdef')).status).toBe(400);
    expect((await callback('code=0123abcdef&state=')).status).toBe(400);
    expect((await callback(`code=0123abcdef&state=${first.state.slice(0, -2)}AA`)).status).toBe(403);
    expect((await callback(`code=0123abcdef&state=${'A'.repeat(43)}`)).status).toBe(403);
    expect(github.requests).toEqual([]);
    expect(existsSync(envFile())).toBe(false);

    // A state works once, even when its exchange failed.
    answer = () => ({
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/apps/apps#create-a-github-app-from-a-manifest' },
    });
    expect((await callback(`code=aaaa1111&state=${first.state}`)).status).toBe(502);
    answer = () => ({ status: 201, body: EXAMPLE });
    expect((await callback(`code=bbbb2222&state=${first.state}`)).status).toBe(403);
    expect(github.requests.map((r) => r.path)).toEqual(['/api/v3/app-manifests/aaaa1111/conversions']);
    expect(existsSync(envFile())).toBe(false);
    expect(logLines.filter((l) => l.startsWith('error refused'))).toHaveLength(5);

    // Another page's state is still good.
    expect((await callback(`code=cccc3333&state=${second.state}`)).status).toBe(200);
    expect(github.problems).toEqual([]);
  });

  it('refuses an expired state', async () => {
    await start();
    const { state } = await openPage();
    // An hour and a second later by the setup's clock (Date.now).
    const realNow = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => realNow + 3_601_000);
    try {
      expect((await callback(`code=0123abcdef&state=${state}`)).status).toBe(403);
    } finally {
      clock.mockRestore();
    }
    expect(github.requests).toEqual([]);
  });

  it.each([
    [
      404,
      { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/apps/apps#create-a-github-app-from-a-manifest' },
      /GitHub answered 404 Not Found to the code exchange \(POST \/app-manifests\/\{code\}\/conversions\): Not Found \(https:\/\/docs\.github\.com\/rest\/apps\/apps#create-a-github-app-from-a-manifest\); the code is unknown, used already or expired/,
    ],
    [
      422,
      { message: 'Validation Failed', documentation_url: 'https://docs.github.com/rest' },
      /GitHub answered 422 Unprocessable Entity to the code exchange .*: Validation Failed \(https:\/\/docs\.github\.com\/rest\); GitHub refused the code/,
    ],
    [500, 'upstream <b>down</b>', /GitHub answered 500 Internal Server Error to the code exchange .*: an answer that is not JSON$/],
  ])('a conversion answered %i is reported with its status and message, and nothing is written', async (status, body, message) => {
    answer = () => ({ status, body });
    await start();
    const { state } = await openPage();
    const page = await callback(`code=0123abcdef&state=${state}`);
    expect(page.status).toBe(502);
    const logged = logLines.filter((l) => l.startsWith('error GitHub answered'));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.slice('error '.length)).toMatch(message);
    expect(page.text).toContain(`GitHub answered ${status}`);
    expect(existsSync(envFile())).toBe(false);
    expect(github.problems).toEqual([]);
  });

  it('a 201 without usable credentials is refused, naming the fields and never the key', async () => {
    const { client_secret: _cs, ...withoutSecret } = EXAMPLE;
    answer = () => ({ status: 201, body: { ...withoutSecret, html_url: 'javascript:alert(1)', client_id: 'has space' } });
    await start();
    const { state } = await openPage();
    const page = await callback(`code=0123abcdef&state=${state}`);
    expect(page.status).toBe(502);
    const logged = logLines.find((l) => l.startsWith('error GitHub answered 201'))!;
    expect(logged).toMatch(
      /but not with an app's credentials \(html_url: expected an http\(s\) URL; client_id: expected letters, digits and \._~\+\/=:@- only; client_secret: .*\): nothing was written/,
    );
    expect(existsSync(envFile())).toBe(false);

    // A key that is not an RSA private key is refused without being quoted.
    answer = () => ({ status: 201, body: { ...EXAMPLE, pem: EXAMPLE.pem.replace('MIIE', 'XXXX') } });
    const again = await openPage();
    expect((await callback(`code=0123abcdef&state=${again.state}`)).status).toBe(502);
    expect(logLines.at(-1)).toMatch(/pem: expected an RSA private key in PEM form/);
    expect(existsSync(envFile())).toBe(false);
    expectNoSecretsIn([...logLines, ...pages]);
    expect(logLines.join('\n')).not.toContain('XXXX');
  });

  it.each([
    ['../../user', '..%2F..%2Fuser'],
    ['a/b', 'a%2Fb'],
    ['%2F', '%252F'],
    ['..', '..'],
    ['a b', 'a%20b'],
    ['a?x=1', 'a%3Fx%3D1'],
    ['', ''],
    ['long', 'a'.repeat(201)],
  ])('a code with path characters (%s) is refused before any request', async (_label, code) => {
    await start();
    const { state } = await openPage();
    const page = await callback(`code=${code}&state=${state}`);
    expect(page.status).toBe(400);
    expect(page.text).toContain('nothing was sent to GitHub');
    expect(github.requests).toEqual([]);
    expect(existsSync(envFile())).toBe(false);
  });
});

describe('an env file that names an app already', () => {
  it('is refused at start and at the callback without --force, and left as it was', async () => {
    writeFileSync(envFile(), 'APP_ID=42\nPROMETHEUS_URL=http://prometheus:9090\n', { mode: 0o644 });
    await expect(start()).rejects.toThrow(SetupError);
    await expect(start()).rejects.toThrow(
      `${envFile()} already holds APP_ID (an app registered before): nothing was written. Start the setup with --force to replace it`,
    );
    rmSync(envFile());

    // One that appears while the setup runs: refused before the code is spent.
    await start();
    const { state } = await openPage();
    writeFileSync(envFile(), 'WEBHOOK_SECRET=old\n', { mode: 0o644 });
    const page = await callback(`code=0123abcdef&state=${state}`);
    expect(page.status).toBe(409);
    expect(page.text).toContain('already holds WEBHOOK_SECRET');
    expect(github.requests).toEqual([]);
    expect(readFileSync(envFile(), 'utf8')).toBe('WEBHOOK_SECRET=old\n');
  });

  it('with --force: the app variables replaced, every other line kept, the file 0600', async () => {
    const oldKey = '-----BEGIN RSA PRIVATE KEY-----\nOLDKEYOLDKEY\n-----END RSA PRIVATE KEY-----';
    const before = [
      '# operator settings',
      'PROMETHEUS_URL=http://prometheus:9090',
      'APP_ID=42',
      `PRIVATE_KEY="${oldKey}"`,
      'export REDIS_URL=redis://localhost:6379',
      'PRIVATE_KEY_PATH=./old.pem',
      "PROMETHEUS_HEADERS='X-Scope-OrgID: team-a # not a comment'",
      '',
      'LOG_LEVEL=debug # trailing comment',
      'WEBHOOK_SECRET=old-secret',
      '',
    ].join('\n');
    writeFileSync(envFile(), before, { mode: 0o644 });
    chmodSync(envFile(), 0o644);
    const oldValues = parseEnv(before);
    await start(['--setup', '--force']);
    const { state } = await openPage();
    expect((await callback(`code=0123abcdef&state=${state}`)).status).toBe(200);

    expect(statSync(envFile()).mode & 0o777).toBe(0o600);
    const text = readFileSync(envFile(), 'utf8');
    const after = parseEnv(text);
    expect(after).toEqual({
      PROMETHEUS_URL: oldValues.PROMETHEUS_URL,
      REDIS_URL: oldValues.REDIS_URL,
      PROMETHEUS_HEADERS: 'X-Scope-OrgID: team-a # not a comment',
      LOG_LEVEL: 'debug',
      APP_ID: String(EXAMPLE.id),
      PRIVATE_KEY: EXAMPLE.pem,
      WEBHOOK_SECRET: EXAMPLE.webhook_secret,
      GITHUB_CLIENT_ID: EXAMPLE.client_id,
      GITHUB_CLIENT_SECRET: EXAMPLE.client_secret,
    });
    expect(text).toContain('# operator settings\nPROMETHEUS_URL=http://prometheus:9090\nexport REDIS_URL=redis://localhost:6379\n');
    expect(text).not.toContain('OLDKEY');
    expect(text).not.toContain('old.pem');
    await expect(run!.done).resolves.toMatchObject({
      written: { created: false, replaced: ['APP_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'WEBHOOK_SECRET'], kept: 4 },
    });
    expect(logLines).toContain(
      `info wrote APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET to ${envFile()} (mode 0600) (replacing APP_ID, PRIVATE_KEY, PRIVATE_KEY_PATH, WEBHOOK_SECRET, keeping 4 other variables)`,
    );
    expectNoSecretsIn([...logLines, ...pages]);
  });
});

describe('the server entry (app/server.ts)', () => {
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
  const server = path.join(root, 'app/server.ts');

  function spawnServer(
    args: string[],
    env: Record<string, string>,
  ): { output: () => string; exited: Promise<number | null>; kill: () => void; waitFor: (re: RegExp) => Promise<RegExpExecArray> } {
    const child = spawn(process.execPath, [tsx, server, ...args], {
      cwd: work,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const waiters: { re: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
    const onData = (c: Buffer) => {
      output += c.toString();
      for (const w of [...waiters]) {
        const m = w.re.exec(output);
        if (m) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    // 'close', not 'exit': the output is read to its end only once the pipes have closed.
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    return {
      output: () => output,
      exited,
      kill: () => child.kill('SIGKILL'),
      waitFor: (re) =>
        new Promise((resolve, reject) => {
          const m = re.exec(output);
          if (m) return resolve(m);
          waiters.push({ re, resolve });
          void exited.then((code) => reject(new Error(`exited ${code} before ${re}: ${output}`)));
        }),
    };
  }

  it('--setup registers the app and ends; without APP_ID the server names the setup; npm eating --setup is named', async () => {
    const port = await getFreePort();
    const setup = spawnServer(['--setup'], {
      APP_BASE_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      ENV_FILE: 'app.env',
      ...gitHubEnv(),
    });
    const noApp = spawnServer([], {});
    const npmAte = spawnServer([], { npm_config_setup: 'true' });
    try {
      const [, pageUrl] = (await setup.waitFor(/open (\S+) to register the app/))!;
      const res = await fetch(pageUrl!);
      const state = /settings\/apps\/new\?state=([A-Za-z0-9_-]+)/.exec(await res.text())![1]!;
      const done = await fetch(`http://127.0.0.1:${port}/deploy-governor/setup/callback?code=feed1234&state=${state}`);
      expect(done.status).toBe(200);
      await done.text();
      expect(await setup.exited).toBe(0);
      expect(statSync(path.join(work, 'app.env')).mode & 0o777).toBe(0o600);
      expect(parseEnv(readFileSync(path.join(work, 'app.env'), 'utf8')).APP_ID).toBe(String(EXAMPLE.id));
      expect(setup.output()).toContain('deploy-governor setup: then start the app without --setup: ENV_FILE=');
      expectNoSecretsIn([setup.output()]);
      expect(github.problems).toEqual([]);

      expect(await noApp.exited).toBe(1);
      expect(noApp.output()).toContain('APP_ID: missing');
      expect(noApp.output()).toContain('npm run setup');
      expect(await npmAte.exited).toBe(1);
      expect(npmAte.output()).toContain('npm took --setup as an option of its own: run the setup with `npm run setup`');
    } finally {
      for (const p of [setup, noApp, npmAte]) p.kill();
    }
  });
});

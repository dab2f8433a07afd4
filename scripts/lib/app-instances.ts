/**
 * Real app servers (the compiled app that `npm run app` runs) on free loopback
 * ports, pointed at a GitHub stand-in through GHE_HOST, optionally sharing
 * Redis. Each runs in its own process group, so stopping it stops everything it
 * started.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getFreePort } from './free-port.js';

const root = path.resolve(import.meta.dirname, '../..');

export interface AppInstance {
  /** Where GitHub would post webhooks. */
  webhookUrl: string;
  /** The server's base URL (its own routes: /ping, /deploy-governor/...). */
  baseUrl: string;
  /** The last part of the server's output (for failure messages). */
  output(): string;
  /** Error-level log lines (Probot logs JSON; level 50 and up), at most the first 200. */
  errors(): string[];
  /** Handling attempts that failed and were queued for a retry (the app logs each at warn level). */
  retries(): number;
  /** Every line the server wrote (stdout and stderr), at most the first 50,000. */
  lines(): string[];
  /** Peak resident memory of the node process running the app (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export interface AppInstanceOptions {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  /** The stand-in's base URL, e.g. http://127.0.0.1:1234 (served as GitHub Enterprise Server). */
  githubUrl: string;
  redisUrl?: string;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** More environment for the app (ALERTMANAGER_TOKEN, QUEUE_CONCURRENCY, ...). */
  env?: Record<string, string>;
}

/**
 * OPERATOR_TOKEN every instance gets unless `env` sets another: the queue's route
 * (`GET /deploy-governor/queue`, which waitForDrained polls) needs it.
 */
export const INSTANCE_OPERATOR_TOKEN = 'instance-operator-token-for-tests';

/** Instances not stopped yet (their stop functions). */
const live = new Set<() => Promise<void>>();

/**
 * Stops every instance still running: for a test's afterAll, since a timed-out
 * test never reaches the `finally` that would have stopped its instances, and a
 * test worker torn down without a normal exit skips the exit hook.
 */
export async function stopAllAppInstances(): Promise<void> {
  await Promise.all([...live].map((stop) => stop()));
}

/** A fresh RSA key for a stand-in app (the stand-in does not check the JWT; Probot needs a well-formed key). */
export function generateAppKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}

/** Child pids of every process, from /proc/<pid>/stat (field 4 is the parent). */
function childrenByParent(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // The command name (field 2) may contain spaces and parentheses: parse after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    map.set(ppid, [...(map.get(ppid) ?? []), Number(entry)]);
  }
  return map;
}

/**
 * The process that runs the app: npm starts a shell, which starts node. The
 * deepest node process under npm holds the app's memory.
 */
function appProcess(npmPid: number): number | null {
  const children = childrenByParent();
  let deepest: { pid: number; depth: number } | null = null;
  const walk = (pid: number, depth: number) => {
    for (const child of children.get(pid) ?? []) {
      let exe: string;
      try {
        exe = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0')[0] ?? '';
      } catch {
        continue; // exited while we looked
      }
      if (path.basename(exe) === 'node' && (!deepest || depth > deepest.depth)) deepest = { pid: child, depth };
      walk(child, depth + 1);
    }
  };
  walk(npmPid, 1);
  return (deepest as { pid: number } | null)?.pid ?? null;
}

/** The app compiled by `tsc` (test/support/global-setup.ts, or `npm run app`), which `npm run app` runs. */
export const APP_ENTRY = path.join(root, '.cache/app/app/server.js');

/**
 * Compiles the app as `npm run app` does, once per process. Call it before
 * starting instances from several processes at once (the integration suite's
 * global setup does), so they never write the same files together.
 */
let built: Promise<void> | undefined;
export function buildApp(): Promise<void> {
  built ??= promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.app.json'], { cwd: root }).then(() => undefined);
  return built;
}

function vmHwmMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startAppInstance(o: AppInstanceOptions): Promise<AppInstance> {
  const port = await getFreePort();
  const github = new URL(o.githubUrl);
  if (!existsSync(APP_ENTRY)) throw new Error(`${APP_ENTRY} is missing: run npx tsc -p tsconfig.app.json (or buildApp()) first`);
  // The compiled app, started as `npm run app` starts it once compiled (same Node flags).
  const child = spawn('npm', ['run', '-s', 'app:start'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      NODE_ENV: 'production',
      APP_ID: String(o.appId),
      PRIVATE_KEY: o.privateKey,
      WEBHOOK_SECRET: o.webhookSecret,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: o.logLevel ?? 'warn',
      // JSON lines: errors() and retries() read them.
      LOG_FORMAT: 'json',
      GHE_HOST: github.host,
      GHE_PROTOCOL: github.protocol.replace(':', ''),
      OPERATOR_TOKEN: INSTANCE_OPERATOR_TOKEN,
      // The freeze expiry's start-up scan reads every installation: tests that count requests to canned stand-ins opt in.
      FREEZE_EXPIRY: 'off',
      // No start-up rebuild of held deployments (app/held/rebuild-holds.ts): its requests would skew what tests and the bench count.
      HELD_REBUILD: 'false',
      ...(o.redisUrl ? { REDIS_URL: o.redisUrl } : {}),
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let partial = '';
  const errors: string[] = [];
  const allLines: string[] = [];
  let retries = 0;
  const keep = (c: Buffer) => {
    output = (output + c.toString()).slice(-20_000);
    const lines = (partial + c.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (allLines.length < 50_000) allLines.push(line);
      if (/^\{"level":(5|6)\d/.test(line) && errors.length < 200) errors.push(line);
      if (line.includes('"msg":"delivery failed; will try again"')) retries += 1;
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch (error: unknown) {
      // ESRCH: the group is gone already.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  // A bench or test that dies must not leave servers behind.
  const onExit = () => kill('SIGKILL');
  process.once('exit', onExit);
  let appPid: number | null = null;
  let lastPeak = 0;
  const peakRssMb = () => {
    appPid ??= appProcess(child.pid!);
    if (appPid === null) throw new Error('the app process was not found under npm');
    try {
      lastPeak = vmHwmMb(appPid);
    } catch (error: unknown) {
      // After stop the process is gone: its last reading stands.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return lastPeak;
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      peakRssMb();
      kill('SIGTERM');
      if (!(await waitForExit(child, 5000))) {
        kill('SIGKILL');
        await waitForExit(child, 5000);
      }
    }
    process.off('exit', onExit);
    live.delete(stop);
  };
  live.add(stop);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not start on port ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  appPid = appProcess(child.pid!);
  return {
    webhookUrl: `http://127.0.0.1:${port}/api/github/webhooks`,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    errors: () => errors,
    retries: () => retries,
    lines: () => allLines,
    peakRssMb,
    stop,
  };
}

/** Starts `count` instances one after the other (their start-ups would only compete for the two cores). */
export async function startAppInstances(count: number, o: AppInstanceOptions): Promise<AppInstance[]> {
  const started: AppInstance[] = [];
  try {
    for (let i = 0; i < count; i++) started.push(await startAppInstance(o));
  } catch (error: unknown) {
    await Promise.all(started.map((s) => s.stop()));
    throw error;
  }
  return started;
}

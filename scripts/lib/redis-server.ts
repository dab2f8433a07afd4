/**
 * Debian's redis-server on a free loopback port, in memory only (no RDB
 * snapshots, no append-only file) unless a directory is given, for the app
 * instances' shared queue and throttling.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { getFreePort } from './free-port.js';

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Sends PING over RESP and resolves true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (c: Buffer) => {
      reply += c.toString();
      if (reply.includes('\r\n')) {
        socket.end();
        resolve(reply.startsWith('+PONG'));
      }
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

/** Servers not stopped yet (their stop functions). */
const live = new Set<() => Promise<void>>();

/** Stops every server still running (for a test's afterAll: a timed-out test never reaches its `finally`). */
export async function stopAllRedis(): Promise<void> {
  await Promise.all([...live].map((stop) => stop()));
}

/**
 * @param o.port a given port (e.g. to restart a stopped server where its clients expect it); a free one by default
 * @param o.dir keep the data in an append-only file there, every write synced (a restart on the same dir finds it all)
 */
export async function startRedis(o: { port?: number; dir?: string } = {}): Promise<RedisServer> {
  const port = o.port ?? (await getFreePort());
  const persistence = o.dir ? ['--dir', o.dir, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const child = spawn(
    process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--protected-mode', 'yes', '--loglevel', 'warning'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (c: Buffer) => (output = (output + c.toString()).slice(-2000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    live.delete(stop);
  };
  live.add(stop);
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited early (${child.exitCode}):\n${output}`);
    if (await ping(port)) return { url: `redis://127.0.0.1:${port}`, port, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not answer PING within 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * CPU time of a running app instance (the node process that serves the
 * compiled app: `node … .cache/app/app/server.js`), read from
 * /proc/<pid>/stat: user plus system time, in milliseconds. The process is
 * found by the PORT in its environment, since npm and a shell stand between
 * the bench and it. Linux only (as the bench's memory figures).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux everywhere in practice). */
const TICKS_PER_SECOND = 100;

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // gone, or not ours to read
  }
}

/** The pid of the node process serving the app on `baseUrl`'s port, or null. */
export function appPid(baseUrl: string): number | null {
  const port = new URL(baseUrl).port;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const argv = read(`/proc/${entry}/cmdline`)?.split('\0') ?? [];
    if (!argv[0]?.endsWith('node') || !argv.some((a) => a.endsWith('app/server.js'))) continue;
    if (read(`/proc/${entry}/environ`)?.split('\0').includes(`PORT=${port}`)) return Number(entry);
  }
  return null;
}

/** User plus system CPU time of `pid` so far, in ms (null once it has exited). */
export function cpuMsOf(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // Fields after the command name (which may hold spaces and parentheses): utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** A CPU meter over app instances: `stop()` answers the CPU ms they used since `startCpuMeter`. */
export function startCpuMeter(baseUrls: string[]): { stop(): number } {
  const pids = baseUrls.map((url) => {
    const pid = appPid(url);
    if (pid === null) throw new Error(`no app process found for ${url}`);
    return pid;
  });
  const start = pids.map((pid) => cpuMsOf(pid) ?? 0);
  return {
    stop: () => pids.reduce((sum, pid, i) => sum + Math.max(0, (cpuMsOf(pid) ?? start[i]!) - start[i]!), 0),
  };
}

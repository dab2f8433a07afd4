/**
 * A real Prometheus (Debian's package) on a free loopback port, optionally
 * backfilled from an OpenMetrics file with promtool, for the demo, the bench and
 * the integration tests. stop() terminates it and removes its files.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getFreePort } from './free-port.js';

const exec = promisify(execFile);

const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
export const PROMTOOL_BIN = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';

export interface PrometheusServer {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartPrometheusOptions {
  /** Backfill this OpenMetrics file into a fresh TSDB first. */
  openMetricsFile?: string;
  /** Or start on an existing TSDB directory (left in place on stop). */
  tsdbDir?: string;
  ruleFiles?: string[];
  evaluationInterval?: string;
}

/** promtool's default 2-hour blocks take ~45 s for 30 days; a few large blocks take under a second. */
export async function backfill(openMetricsFile: string, tsdbDir: string): Promise<void> {
  await exec(PROMTOOL_BIN, ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=744h', openMetricsFile, tsdbDir], {
    maxBuffer: 64 << 20,
  });
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startPrometheus(options: StartPrometheusOptions = {}): Promise<PrometheusServer> {
  const work = await mkdtemp(path.join(tmpdir(), 'dg-prometheus-'));
  const dataDir = options.tsdbDir ?? path.join(work, 'data');
  if (options.openMetricsFile) await backfill(options.openMetricsFile, dataDir);
  const rules: string[] = [];
  for (const [i, file] of (options.ruleFiles ?? []).entries()) {
    const target = path.join(work, `rules-${i}.yml`);
    await copyFile(file, target);
    rules.push(target);
  }
  const config = path.join(work, 'prometheus.yml');
  await writeFile(
    config,
    `global:\n  scrape_interval: 1m\n  evaluation_interval: ${options.evaluationInterval ?? '1m'}\n${rules.length ? `rule_files:\n${rules.map((r) => `  - ${r}`).join('\n')}\n` : ''}`,
  );
  const port = await getFreePort();
  const child = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${dataDir}`,
      // Backfilled blocks are old: keep them rather than let retention delete them.
      '--storage.tsdb.retention.time=3650d',
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-lifecycle',
      '--web.enable-admin-api',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    await rm(work, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`prometheus exited with ${child.exitCode} before it was ready:\n${stderr}`);
    }
    try {
      const response = await fetch(`${url}/-/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus was not ready within 60 s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, port, dataDir, stop };
}

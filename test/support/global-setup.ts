/**
 * Starts one real Prometheus for the integration suite, backfilled with every
 * scenario of scenarios.ts, and stops it afterwards; compiles the app that the
 * suite's app servers run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../scripts/lib/app-instances.js';
import { startPrometheus, type PrometheusServer } from '../../scripts/lib/prometheus-server.js';
import { writeScenarioData } from './scenarios.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the suite's Prometheus. */
    prometheusUrl: string;
    /** The data's last sample time and the evaluation time of every test (ms since the epoch). */
    evaluationTime: number;
  }
}

let prometheus: PrometheusServer | undefined;
let work: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  // Minute-aligned and a minute in the past, so the data never reaches into the future.
  const end = Math.floor(Date.now() / 60_000) * 60 - 60;
  work = await mkdtemp(path.join(tmpdir(), 'dg-scenarios-'));
  const file = path.join(work, 'scenarios.om');
  await writeScenarioData(file, end);
  const generated = Date.now();
  // The app servers the suite starts run the compiled app (as npm run app does): compile it once, before any worker starts one.
  // DG_SKIP_APP_BUILD=1 skips it while iterating on tests that do not start the compiled app (CONTRIBUTING.md).
  [prometheus] = await Promise.all([
    startPrometheus({ openMetricsFile: file }),
    process.env.DG_SKIP_APP_BUILD === '1' ? Promise.resolve() : buildApp(),
  ]);
  project.provide('prometheusUrl', prometheus.url);
  project.provide('evaluationTime', end * 1000);
  console.log(
    `[global-setup] scenarios generated in ${generated - started} ms, Prometheus backfilled and ready in ${Date.now() - generated} ms at ${prometheus.url}`,
  );
}

export async function teardown(): Promise<void> {
  await prometheus?.stop();
  if (work) await rm(work, { recursive: true, force: true });
}

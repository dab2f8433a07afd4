/**
 * `npm run bench`: speed as ratios against a baseline measured in the same run.
 *
 * Gate: the bundled action's end-to-end wall time (Node 24 start, policy, every
 * query, outputs, summary) against a real Prometheus holding 30 days of demo data,
 * next to a baseline of a bare Node 24 start plus one HTTP query to the same
 * Prometheus. Also Prometheus's own count of samples touched per evaluation
 * (stats=all). Results are printed and written to scripts/bench-results.json (committed: the last run's figures).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { benchApp, recordAppBench } from './bench-app.js';
import { benchFleet, recordFleetBench } from './bench-fleet.js';
import { writeDemoData } from './lib/demo-data.js';
import { ensureNode24 } from './lib/node24.js';
import { startPrometheus } from './lib/prometheus-server.js';
import { runBundledAction } from './lib/run-action.js';
import { startPrometheusWithRecordings } from './lib/rules-backfill.js';
import { evaluatePolicy } from '../src/core/evaluate/evaluate-policy.js';
import { generateRules } from '../src/core/generate/rules.js';
import { gateInputsSchema } from '../src/core/policy/inputs.js';
import { parsePolicy } from '../src/core/policy/load-policy.js';
import { resolvePolicy } from '../src/core/policy/resolve-policy.js';
import { PrometheusClient } from '../src/prometheus/client.js';
import { reportSchema } from '../src/core/report/report-schema.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TARGET_RATIO = 1.5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const node = await ensureNode24();
const work = await mkdtemp(path.join(tmpdir(), 'deploy-governor-bench-'));
const dataFile = path.join(work, 'checkout.om');
const endSeconds = Math.floor(Date.now() / 60_000) * 60 - 60;
await writeDemoData(dataFile, { end: new Date(endSeconds * 1000) });
const prometheus = await startPrometheus({ openMetricsFile: dataFile });
// The default policy (one availability SLO, DR and the fast-burn guard): what a
// team gets from the inputs alone. The demo policy is measured too, for reference.
const workspace = work;
try {
  const baselineScript = `const r = await fetch(process.argv[1] + '/api/v1/query', { method: 'POST', body: new URLSearchParams({ query: 'sum(increase(http_requests_total{job="checkout"}[30d]))' }) }); if (!r.ok) process.exit(1); await r.text();`;
  const baseline: number[] = [];
  const gate: number[] = [];
  let samplesTouched: number | null = null;
  let queries = 0;
  // Warm up both paths once (page cache, Prometheus's own caches), then alternate so drift hits both alike.
  for (let i = -1; i < ROUNDS; i++) {
    const t0 = performance.now();
    await run(node, ['--input-type=module', '-e', baselineScript, prometheus.url]);
    const t1 = performance.now();
    const result = await runBundledAction({
      node,
      entry: path.join(root, 'dist/index.js'),
      inputs: { 'prometheus-url': prometheus.url, 'github-token': '', 'report-path': path.join(work, 'report.json') },
      env: { GITHUB_WORKSPACE: workspace },
      cwd: workspace,
    });
    const t2 = performance.now();
    if (!result.outputs.status || result.outputs.status === 'UNKNOWN') throw new Error(`the gate did not evaluate: ${result.stdout}`);
    if (i < 0) continue;
    baseline.push(t1 - t0);
    gate.push(t2 - t1);
    const report = reportSchema.parse(JSON.parse(await readFile(path.join(work, 'report.json'), 'utf8')));
    samplesTouched = report.prometheus.samplesTouched;
    queries = report.prometheus.queries;
  }
  const results = {
    measuredAt: new Date().toISOString(),
    rounds: ROUNDS,
    gate: {
      baselineMs: Math.round(median(baseline)),
      actionMs: Math.round(median(gate)),
      ratio: Number((median(gate) / median(baseline)).toFixed(2)),
      target: TARGET_RATIO,
      queriesPerEvaluation: queries,
      samplesTouchedPerEvaluation: samplesTouched,
    },
  };
  console.log('deploy-governor bench (medians of %d rounds)', ROUNDS);
  console.log(`  baseline: node 24 start + one query  ${results.gate.baselineMs} ms`);
  console.log(`  gate: bundled action end to end      ${results.gate.actionMs} ms`);
  console.log(
    `  ratio                                ${results.gate.ratio} (target ≤ ${TARGET_RATIO}) ${results.gate.ratio <= TARGET_RATIO ? 'OK' : 'OVER TARGET'}`,
  );
  console.log(`  queries per evaluation               ${queries}`);
  console.log(`  samples touched per evaluation       ${samplesTouched} (Prometheus stats=all)`);
  await prometheus.stop();

  // Recording rules: the same evaluation (the demo policy) from raw counters and from the
  // series `generate rules` records, on the same 30 days, in one Prometheus.
  const policyText = await readFile(path.join(root, 'examples/checkout/.github/deploy-governor.yml'), 'utf8');
  const demoPolicy = resolvePolicy(parsePolicy(policyText), gateInputsSchema.parse({}));
  const recordedServer = await startPrometheusWithRecordings(
    dataFile,
    generateRules({ slos: demoPolicy.slos, dr: demoPolicy.dr, source: 'demo' }),
    endSeconds,
    31 * 86400,
  );
  try {
    const at = new Date((endSeconds - 60) * 1000);
    const once = async (mode: 'true' | 'false') => {
      const policy = resolvePolicy(
        parsePolicy(policyText),
        gateInputsSchema.parse({ 'prometheus-url': recordedServer.url, 'use-recording-rules': mode }),
      );
      const t0 = performance.now();
      const report = await evaluatePolicy({
        policy,
        prometheus: new PrometheusClient({ url: recordedServer.url, timeoutMs: 10_000 }),
        now: at,
      });
      return { ms: performance.now() - t0, report };
    };
    const rawRuns: number[] = [];
    const recordedRuns: number[] = [];
    let raw = await once('false');
    let recorded = await once('true');
    for (let i = 0; i < ROUNDS; i++) {
      raw = await once('false');
      rawRuns.push(raw.ms);
      recorded = await once('true');
      recordedRuns.push(recorded.ms);
    }
    const recording = {
      policy: 'examples/checkout (2 SLOs and DR)',
      rawSamplesTouched: raw.report.prometheus.samplesTouched,
      recordedSamplesTouched: recorded.report.prometheus.samplesTouched,
      rawEvaluationMs: Math.round(median(rawRuns)),
      recordedEvaluationMs: Math.round(median(recordedRuns)),
      budgetDifferencePp: Math.max(
        ...raw.report.slos.map((s, i) => Math.abs((s.budgetRemaining ?? 0) - (recorded.report.slos[i]?.budgetRemaining ?? 0))),
      ),
    };
    console.log('recording rules (same evaluation, same 30 days of data):');
    console.log(`  samples touched, raw counters        ${recording.rawSamplesTouched}`);
    console.log(`  samples touched, recorded series     ${recording.recordedSamplesTouched}`);
    console.log(`  evaluation, raw / recorded           ${recording.rawEvaluationMs} ms / ${recording.recordedEvaluationMs} ms`);
    console.log(`  largest budget difference            ${recording.budgetDifferencePp.toFixed(4)} percentage points`);
    await writeFile(
      path.join(root, 'scripts/bench-results.json'),
      `${JSON.stringify({ ...results, recordingRules: recording }, null, 2)}\n`,
    );
  } finally {
    await recordedServer.stop();
  }
} finally {
  await prometheus.stop();
  await rm(work, { recursive: true, force: true });
}

// The app under load (scripts/bench-app.ts): its figures join the results file under `app`.
await recordAppBench(await benchApp());

// The fleet view (scripts/bench-fleet.ts, which runs alone too): its figures join the results file under `fleet`.
await recordFleetBench(await benchFleet());

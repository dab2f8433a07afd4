/**
 * `npm run demo`: a real evaluation end to end. Generates 30 days of traffic for
 * a `checkout` service, backfills it into a real Prometheus on a loopback port,
 * runs the bundled action (dist/index.js) under Node 24 exactly as the runner
 * does, prints the job summary and the outputs, and stops Prometheus.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeDemoData } from './lib/demo-data.js';
import { ensureNode24 } from './lib/node24.js';
import { startPrometheus } from './lib/prometheus-server.js';
import { runBundledAction } from './lib/run-action.js';

const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'dist/index.js');
if (!existsSync(entry)) {
  console.error('dist/index.js is missing: run `npm run bundle` first.');
  process.exit(1);
}

const node = await ensureNode24();
const work = await mkdtemp(path.join(tmpdir(), 'deploy-governor-demo-'));
const end = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
const started = Date.now();
console.log('Generating 30 days of traffic for the checkout service...');
const dataFile = path.join(work, 'checkout.om');
await writeDemoData(dataFile, { end });
console.log('Backfilling it into a fresh Prometheus and starting it...');
const prometheus = await startPrometheus({ openMetricsFile: dataFile });
console.log(`Prometheus is ready at ${prometheus.url} (${((Date.now() - started) / 1000).toFixed(1)} s).\n`);
try {
  const workspace = path.join(root, 'examples/checkout');
  const result = await runBundledAction({
    node,
    entry,
    inputs: {
      'prometheus-url': prometheus.url,
      environment: 'production',
      'github-token': '',
      'report-path': path.join(root, '.cache/demo-report.json'),
    },
    env: { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'example/checkout', GITHUB_EVENT_NAME: 'push' },
    cwd: workspace,
  });
  console.log('──── what the action printed ────');
  process.stdout.write(result.stdout);
  if (result.stderr.trim()) process.stdout.write(result.stderr);
  console.log('\n──── job summary (GITHUB_STEP_SUMMARY) ────\n');
  console.log(result.summary);
  console.log('──── outputs (GITHUB_OUTPUT) ────');
  for (const [name, value] of Object.entries(result.outputs)) console.log(`${name.padEnd(20)} ${value}`);
  console.log(
    `\nThe action exited with ${result.exitCode} after ${result.durationMs} ms (policy: examples/checkout/.github/deploy-governor.yml).`,
  );
  console.log(
    result.exitCode === 0 ? 'The deploy would go ahead.' : 'The deploy would be blocked: the step failed, as it would in a workflow.',
  );
} finally {
  await prometheus.stop();
  await rm(work, { recursive: true, force: true });
  console.log('Prometheus stopped.');
}

/**
 * The fleet view's bench (issue 15): `deploy-governor fleet`'s report over the
 * 60-repository stand-in organisation (scripts/lib/fleet-organisation.ts), in
 * process against the stateful GitHub stand-in on loopback: wall time and GitHub
 * requests, next to a baseline measured in the same run, listing the 60
 * repositories alone (the one request every fleet tool pays). Medians of
 * BENCH_ROUNDS (default 7). `npx tsx scripts/bench-fleet.ts` runs this section
 * alone; `npm run bench` runs it after the others. Figures go under `fleet` in
 * scripts/bench-results.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildFleetOrganisation, FLEET_ORG } from './lib/fleet-organisation.js';
import { startGitHubStateStandIn } from './lib/github-state-stand-in.js';
import { FLEET_CONCURRENCY, readFleet } from '../src/github/fleet-read.js';
import { listFleetRepositories } from '../src/github/fleet-repositories.js';
import { createGitHubClient } from '../src/github/rest-client.js';

const root = path.resolve(import.meta.dirname, '..');

interface FleetBenchResults {
  repositories: number;
  rounds: number;
  baselineMs: number;
  reportMs: number;
  ratio: number;
  /** The report's time against its requests sent one after another at the baseline's pace: below 1 is the concurrency's gain. */
  ratioToSequential: number;
  requests: number;
  requestsPerRepository: number;
  concurrency: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function benchFleet(): Promise<FleetBenchResults> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
  const github = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' } });
  try {
    const now = new Date();
    buildFleetOrganisation(github.state, { now });
    const client = createGitHubClient('ghp_bench', github.url);
    const baseline: number[] = [];
    const report: number[] = [];
    let requests = 0;
    let repositories = 0;
    // One warm-up round, then alternate so drift hits both alike.
    for (let i = -1; i < rounds; i++) {
      const t0 = performance.now();
      await listFleetRepositories(client, { organisation: FLEET_ORG, source: 'organisation' });
      const t1 = performance.now();
      github.resetStats();
      const fleet = await readFleet(client, {
        organisation: FLEET_ORG,
        source: 'organisation',
        appSlug: 'deploy-governor',
        keeper: { appSlug: 'deploy-governor' },
        now,
      });
      const t2 = performance.now();
      if (fleet.requests !== github.stats.total)
        throw new Error(`the report counted ${fleet.requests} requests, the stand-in ${github.stats.total}`);
      if (i < 0) continue;
      baseline.push(t1 - t0);
      report.push(t2 - t1);
      requests = fleet.requests;
      repositories = fleet.repositories.length;
    }
    const results: FleetBenchResults = {
      repositories,
      rounds,
      baselineMs: Number(median(baseline).toFixed(1)),
      reportMs: Math.round(median(report)),
      ratio: Math.round(median(report) / median(baseline)),
      ratioToSequential: Number((median(report) / (median(baseline) * requests)).toFixed(2)),
      requests,
      requestsPerRepository: Number((requests / repositories).toFixed(2)),
      concurrency: FLEET_CONCURRENCY,
    };
    console.log('fleet view (%d repositories against the GitHub stand-in, medians of %d rounds):', repositories, rounds);
    console.log(`  baseline: listing the repositories    ${results.baselineMs} ms (1 request)`);
    console.log(
      `  the fleet report                      ${results.reportMs} ms, ${requests} requests (${results.requestsPerRepository} per repository)`,
    );
    console.log(`  ratio to the listing                  ${results.ratio}`);
    console.log(`  ratio to ${requests} listings in a row     ${results.ratioToSequential} (concurrency ${results.concurrency})`);
    return results;
  } finally {
    await github.stop();
  }
}

/** Merges the figures under `fleet` into scripts/bench-results.json, keeping the other sections. */
export async function recordFleetBench(fleet: FleetBenchResults): Promise<void> {
  const file = path.join(root, 'scripts/bench-results.json');
  const existing = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, `${JSON.stringify({ ...existing, fleet: { measuredAt: new Date().toISOString(), ...fleet } }, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await recordFleetBench(await benchFleet());

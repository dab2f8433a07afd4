/**
 * A real Prometheus holding both raw data and the series the generated
 * recording rules would have recorded, so the gate's recorded path can be
 * compared with its raw path on the same 30 days.
 *
 * Recording rules only record from the moment they are loaded, so the history
 * is backfilled with `promtool tsdb create-blocks-from rules`, in two passes
 * because promtool cannot backfill rules that read other rules of the same pass:
 * first the 5m base rates over the whole data, then the windowed ratios (which
 * read the base rates) and the burn rates and budgets (which read the ratios)
 * for the last minutes only, which is all the gate reads.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { backfill, PROMTOOL_BIN, startPrometheus, type PrometheusServer } from './prometheus-server.js';

const exec = promisify(execFile);

interface RuleFile {
  groups: { name: string; rules: unknown[] }[];
}

async function backfillRules(
  prometheusUrl: string,
  rules: RuleFile,
  startSeconds: number,
  endSeconds: number,
  work: string,
  name: string,
): Promise<string> {
  const file = path.join(work, `${name}.yml`);
  await writeFile(file, stringify(rules));
  const out = path.join(work, `${name}-blocks`);
  await exec(
    PROMTOOL_BIN,
    [
      'tsdb',
      'create-blocks-from',
      'rules',
      `--start=${startSeconds}`,
      `--end=${endSeconds}`,
      `--url=${prometheusUrl}`,
      `--output-dir=${out}`,
      '--quiet',
      file,
    ],
    { maxBuffer: 64 << 20 },
  );
  return out;
}

async function addBlocks(from: string, tsdb: string): Promise<void> {
  for (const block of await readdir(from)) await cp(path.join(from, block), path.join(tsdb, block), { recursive: true });
}

/**
 * @param rulesText a rule file from `generate rules`
 * @param dataSeconds how far back the raw data goes from `endSeconds`
 */
export async function startPrometheusWithRecordings(
  openMetricsFile: string,
  rulesText: string,
  endSeconds: number,
  dataSeconds: number,
): Promise<PrometheusServer & { tsdb: string }> {
  const work = await mkdtemp(path.join(tmpdir(), 'dg-recorded-'));
  const tsdb = path.join(work, 'tsdb');
  await backfill(openMetricsFile, tsdb);
  const rules = parse(rulesText) as RuleFile;
  const only = (suffix: string): RuleFile => ({ groups: rules.groups.filter((g) => g.name.endsWith(suffix)) });

  let server = await startPrometheus({ tsdbDir: tsdb });
  const base = await backfillRules(server.url, only(':base'), endSeconds - dataSeconds, endSeconds, work, 'base');
  await server.stop();
  await addBlocks(base, tsdb);
  server = await startPrometheus({ tsdbDir: tsdb });
  const windows = await backfillRules(server.url, only(':windows'), endSeconds - 600, endSeconds, work, 'windows');
  await server.stop();
  await addBlocks(windows, tsdb);
  // Burn rates and budget remaining read the windowed ratios: a third pass.
  if (rules.groups.some((g) => g.name.endsWith(':budget'))) {
    server = await startPrometheus({ tsdbDir: tsdb });
    const budget = await backfillRules(server.url, only(':budget'), endSeconds - 600, endSeconds, work, 'budget');
    await server.stop();
    await addBlocks(budget, tsdb);
  }
  server = await startPrometheus({ tsdbDir: tsdb });
  const stop = server.stop;
  return {
    ...server,
    tsdb,
    stop: async () => {
      await stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

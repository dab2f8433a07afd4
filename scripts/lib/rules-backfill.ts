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

export interface RuleFile {
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

/** Rules to backfill over [from, to] (Unix seconds), after the layers before them (rules that read those layers' series). */
export interface RuleLayer {
  rules: RuleFile;
  from: number;
  to: number;
}

/**
 * A Prometheus over the raw data and the recordings of each layer in turn: each
 * layer is evaluated by promtool against a Prometheus that holds the data and the
 * layers before it, so a rule may read the series an earlier layer recorded.
 */
export async function startPrometheusWithRuleLayers(
  openMetricsFile: string,
  layers: readonly RuleLayer[],
): Promise<PrometheusServer & { tsdb: string }> {
  const work = await mkdtemp(path.join(tmpdir(), 'dg-recorded-'));
  const tsdb = path.join(work, 'tsdb');
  await backfill(openMetricsFile, tsdb);
  for (const [i, layer] of layers.entries()) {
    if (layer.rules.groups.length === 0) continue;
    const server = await startPrometheus({ tsdbDir: tsdb });
    const blocks = await backfillRules(server.url, layer.rules, layer.from, layer.to, work, `layer-${i}`);
    await server.stop();
    await addBlocks(blocks, tsdb);
  }
  const server = await startPrometheus({ tsdbDir: tsdb });
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

/** The groups of a rule file whose name ends with `suffix` (`generate rules` names them `<slo>:base`, `:windows`, `:budget`). */
export function groupsEndingWith(rulesText: string, suffix: string): RuleFile {
  const rules = parse(rulesText) as RuleFile;
  return { groups: rules.groups.filter((g) => g.name.endsWith(suffix)) };
}

/**
 * @param rulesText a rule file from `generate rules`
 * @param dataSeconds how far back the raw data goes from `endSeconds`
 */
export function startPrometheusWithRecordings(
  openMetricsFile: string,
  rulesText: string,
  endSeconds: number,
  dataSeconds: number,
): Promise<PrometheusServer & { tsdb: string }> {
  const only = (suffix: string) => groupsEndingWith(rulesText, suffix);
  return startPrometheusWithRuleLayers(openMetricsFile, [
    { rules: only(':base'), from: endSeconds - dataSeconds, to: endSeconds },
    { rules: only(':windows'), from: endSeconds - 600, to: endSeconds },
    // Burn rates and budget remaining read the windowed ratios: a third pass.
    { rules: only(':budget'), from: endSeconds - 600, to: endSeconds },
  ]);
}

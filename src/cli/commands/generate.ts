/**
 * `deploy-governor generate rules|dashboard`: the Prometheus rule file and the
 * Grafana dashboard (with its provisioning file) for the policy; `--check`
 * fails when a committed file differs from what the policy generates. The
 * generators (and the cron, YAML and Grafana libraries they use) load only when
 * a generate command runs.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { GateInputs } from '../../core/policy/inputs.js';
import { PolicyError } from '../../core/policy/policy-error.js';
import { resolvePolicy, type ResolvedPolicy } from '../../core/policy/resolve-policy.js';
import type { PolicyFile } from '../../core/policy/schema.js';
import { readPolicyFile } from '../../gate/read-policy-file.js';
import { cliParentAccess } from '../parent-access.js';
import { attributeToInputs } from '../../gate/run-gate.js';
import { commandAction } from '../cli-exit.js';
import { parseRawInputs } from '../gate-inputs.js';
import { flagError } from '../usage-error.js';

const DEFAULT_DASHBOARDS_PATH = '/var/lib/grafana/dashboards/deploy-governor';

interface CommonOptions {
  config?: string;
  /** Unset: production (left unset so that an error about it blames the policy, not a flag nobody passed). */
  environment?: string;
  check?: boolean;
}

interface Loaded {
  file: PolicyFile;
  policy: ResolvedPolicy;
  source: string;
}

/** The policy with its `sloth:` and `openslo:` sources read (relative to the working directory) and resolved for one environment. */
async function loadPolicy(options: CommonOptions): Promise<Loaded> {
  const inputs = parseRawInputs({ environment: options.environment, config: options.config });
  try {
    return await readAndResolve(options, inputs);
  } catch (error: unknown) {
    // A problem with --config or --environment names the flag, not the policy file.
    throw error instanceof PolicyError ? attributeToInputs(error, inputs, 'cli') : error;
  }
}

async function readAndResolve(options: CommonOptions, inputs: GateInputs): Promise<Loaded> {
  // readPolicyFile reads the Sloth spec and the OpenSLO file the policy names, as the gate does, so both
  // generators see exactly the SLOs the gate evaluates.
  // A policy that `extends` another is merged with it through GITHUB_TOKEN (or GH_TOKEN), as `check` reads it.
  const loaded = await readPolicyFile(process.cwd(), options.config, cliParentAccess(null, process.env));
  for (const warning of loaded.warnings) process.stderr.write(`deploy-governor: warning: ${warning}\n`);
  const file = loaded.file;
  // Generating needs no Prometheus connection: leave its credentials (environment variables) out of it.
  const { prometheus: _p, environments, ...rest } = file;
  const offline: PolicyFile = {
    ...rest,
    ...(environments
      ? { environments: Object.fromEntries(Object.entries(environments).map(([name, { prometheus: _e, ...env }]) => [name, env])) }
      : {}),
  };
  const policy = resolvePolicy(offline, inputs, {}, loaded.source);
  return { file, policy, source: loaded.source };
}

/** Where two texts first differ, for the --check hint. */
function firstDifference(current: string, expected: string): string {
  const a = current.split('\n');
  const b = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (line: string | undefined) =>
        line === undefined ? '(end of file)' : JSON.stringify(line.length > 120 ? `${line.slice(0, 117)}...` : line);
      return `first difference at line ${i + 1}: the file has ${show(a[i])}, the policy generates ${show(b[i])}`;
    }
  }
  return 'the files differ';
}

/** Write `text` to `file`, or with `check` compare; returns whether the file is (now) what the policy generates. */
async function writeOrCheck(file: string, text: string, check: boolean | undefined, command: string): Promise<boolean> {
  const full = path.resolve(file);
  if (!check) {
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, text);
    process.stdout.write(`wrote ${file}\n`);
    return true;
  }
  let current: string | null = null;
  try {
    current = await readFile(full, 'utf8');
  } catch {
    // missing counts as different
  }
  if (current === text) {
    process.stdout.write(`${file} is up to date\n`);
    return true;
  }
  process.stderr.write(
    `${file} ${current === null ? 'is missing' : `differs from what the policy generates (${firstDifference(current, text)})`}: run \`npx deploy-governor ${command}\` and commit it\n`,
  );
  return false;
}

/** The CLI's exit convention for generators: 0 done, 1 a --check found a stale file; errors (99) are thrown to run(). */
const exitCode = (done: boolean): number => (done ? 0 : 1);

function commandLine(parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
}

export function registerGenerateCommands(program: Command): void {
  const generate = program.command('generate').description('Generate Prometheus rules and a Grafana dashboard from the policy file.');
  generate
    .command('rules')
    .description('Write recording rules (traffic-weighted ratios, burn rates, budget), burn-rate, DR, freeze and override alerts.')
    .option('--config <path>', 'policy file (default .github/deploy-governor.yml)')
    .option('--environment <name>', 'environment whose policy values apply (default production)')
    .option('--out <path>', 'rule file to write', 'deploy-governor.rules.yml')
    .option(
      '--min-traffic <events>',
      "fewest events in an alert's long window before it may fire (default: the policy's alerting.min-traffic, else 100)",
    )
    .option('--check', 'fail when the file differs instead of writing it')
    .action(
      commandAction(async (options: CommonOptions & { out: string; minTraffic?: string }) => {
        let minTraffic: number | undefined;
        if (options.minTraffic !== undefined) {
          minTraffic = Number(options.minTraffic);
          if (!/^\d+$/.test(options.minTraffic) || !Number.isSafeInteger(minTraffic)) {
            throw flagError('--min-traffic', `expected a whole number of events such as 100; got "${options.minTraffic}"`);
          }
        }
        const { file, policy, source } = await loadPolicy(options);
        const [{ resolveAlerting }, { generateRules }] = await Promise.all([
          import('../../core/generate/alerting.js'),
          import('../../core/generate/rules.js'),
        ]);
        const alerting = resolveAlerting(file, policy.environment);
        const text = generateRules({
          slos: policy.slos,
          dr: policy.dr,
          source,
          environment: policy.environment,
          minTraffic: minTraffic ?? alerting.minTraffic,
          pairs: alerting.pairs,
          labels: alerting.labels,
          freezeWindows: policy.freezeWindows,
          extraWindows: policy.burnRateGuards.flatMap((g) => [g.long, g.short]),
          exclusions: policy.exclusions,
        });
        const again = commandLine([
          'generate rules',
          options.config && `--config ${options.config}`,
          options.environment !== undefined && options.environment !== 'production' && `--environment ${options.environment}`,
          `--out ${options.out}`,
        ]);
        return exitCode(await writeOrCheck(options.out, text, options.check, again));
      }),
    );
  generate
    .command('dashboard')
    .description('Write a Grafana dashboard (JSON) over the recorded series, and a provisioning file beside it.')
    .option('--config <path>', 'policy file (default .github/deploy-governor.yml)')
    .option('--environment <name>', 'default environment of the dashboard (default production)')
    .option('--out <path>', 'dashboard JSON to write', 'dashboards/deploy-governor.json')
    .option('--provisioning-out <path>', 'Grafana provisioning file to write (default: deploy-governor.provisioning.yml beside --out)')
    .option('--dashboards-path <path>', 'where Grafana reads the dashboard JSON, for the provisioning file', DEFAULT_DASHBOARDS_PATH)
    .option('--uid <uid>', 'dashboard uid (default: derived from the SLOs and services)')
    .option('--check', 'fail when a file differs instead of writing it')
    .action(
      commandAction(async (options: CommonOptions & { out: string; provisioningOut?: string; dashboardsPath: string; uid?: string }) => {
        if (options.uid !== undefined && !/^[A-Za-z0-9_-]{1,40}$/.test(options.uid)) {
          throw flagError('--uid', `expected 1-40 letters, digits, - or _ (a Grafana uid); got "${options.uid}"`);
        }
        const { file, policy, source } = await loadPolicy(options);
        const { dashboardJson, dashboardProvisioning, generateDashboard } = await import('../../core/generate/dashboard.js');
        const dashboard = generateDashboard({
          slos: policy.slos,
          dr: policy.dr,
          source,
          environment: policy.environment,
          environments: Object.keys(file.environments ?? {}),
          thresholds: policy.thresholds,
          ...(options.uid !== undefined ? { uid: options.uid } : {}),
        });
        const provisioningOut = options.provisioningOut ?? path.join(path.dirname(options.out), 'deploy-governor.provisioning.yml');
        const again = commandLine([
          'generate dashboard',
          options.config && `--config ${options.config}`,
          options.environment !== undefined && options.environment !== 'production' && `--environment ${options.environment}`,
          `--out ${options.out}`,
          options.provisioningOut && `--provisioning-out ${options.provisioningOut}`,
          options.uid && `--uid ${options.uid}`,
          options.dashboardsPath !== DEFAULT_DASHBOARDS_PATH && `--dashboards-path ${options.dashboardsPath}`,
        ]);
        const results = [
          await writeOrCheck(options.out, dashboardJson(dashboard), options.check, again),
          await writeOrCheck(provisioningOut, dashboardProvisioning(options.dashboardsPath, source), options.check, again),
        ];
        return exitCode(results.every(Boolean));
      }),
    );
}

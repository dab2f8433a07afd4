/**
 * `deploy-governor generate rules`: the Prometheus rule file for the policy's
 * SLOs and DR checks; `--check` fails when the committed file differs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { generateRules } from '../../core/generate/rules.js';
import { gateInputsSchema } from '../../core/policy/inputs.js';
import { PolicyError } from '../../core/policy/policy-error.js';
import { resolvePolicy } from '../../core/policy/resolve-policy.js';
import { readPolicyFile } from '../../gate/read-policy-file.js';
import { CliExit } from '../cli-exit.js';

interface GenerateOptions {
  config?: string;
  environment?: string;
  out: string;
  check?: boolean;
  minTraffic: string;
}

async function writeOrCheck(file: string, text: string, check: boolean | undefined): Promise<number> {
  const full = path.resolve(file);
  if (!check) {
    await writeFile(full, text);
    process.stdout.write(`wrote ${file}\n`);
    return 0;
  }
  let current: string | null = null;
  try {
    current = await readFile(full, 'utf8');
  } catch {
    // missing counts as different
  }
  if (current === text) {
    process.stdout.write(`${file} is up to date\n`);
    return 0;
  }
  process.stderr.write(`${file} ${current === null ? 'is missing' : 'differs from what the policy generates'}: run \`npx deploy-governor generate rules --out ${file}\` and commit it\n`);
  return 1;
}

export function registerGenerateCommands(program: Command): void {
  const generate = program.command('generate').description('Generate Prometheus rules from the policy file.');
  generate
    .command('rules')
    .description('Write recording rules (traffic-weighted ratios, burn rates, budget), burn-rate alerts and DR alerts.')
    .option('--config <path>', 'policy file', undefined)
    .option('--environment <name>', 'environment whose policy values apply', 'production')
    .option('--out <path>', 'rule file to write', 'deploy-governor.rules.yml')
    .option('--min-traffic <events>', 'fewest events in an alert\'s long window before it may fire', '100')
    .option('--check', 'fail when the file differs instead of writing it')
    .action(async (options: GenerateOptions) => {
      let code: number;
      try {
        const minTraffic = Number(options.minTraffic);
        if (!Number.isInteger(minTraffic) || minTraffic < 0) {
          throw new PolicyError('command line', [{ path: 'min-traffic', message: `expected a whole number of events; got "${options.minTraffic}"` }]);
        }
        const loaded = await readPolicyFile(process.cwd(), options.config);
        const policy = resolvePolicy(loaded.file, gateInputsSchema.parse({ environment: options.environment }), {}, loaded.source);
        code = await writeOrCheck(options.out, generateRules({ slos: policy.slos, dr: policy.dr, source: loaded.source, minTraffic }), options.check);
      } catch (error: unknown) {
        if (!(error instanceof PolicyError)) throw error;
        process.stderr.write(`deploy-governor: ${error.message}\n`);
        code = 99;
      }
      throw new CliExit(code);
    });
}

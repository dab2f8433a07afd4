/**
 * `deploy-governor policy explain`: prints the policy as the gate would read it,
 * with the files it `extends` merged in and a comment per key naming the file
 * that set it (`--json`: the same as data). Parents are read through the GitHub
 * API with GITHUB_TOKEN (or GH_TOKEN); `--repo` names the repository the file
 * belongs to, so that a chain that leaves its owner is refused as the app would.
 */
import type { Command } from 'commander';
import { renderPolicyExplain } from '../../core/render/render-policy-explain.js';
import { readPolicyFile } from '../../gate/read-policy-file.js';
import { commandAction } from '../cli-exit.js';
import { cliParentAccess } from '../parent-access.js';

interface ExplainOptions {
  config?: string;
  repo?: string;
  environment?: string;
  json?: boolean;
}

async function explain(options: ExplainOptions): Promise<number> {
  const loaded = await readPolicyFile(process.cwd(), options.config, cliParentAccess(options.repo ?? null, process.env));
  const files = loaded.chain?.files ?? [loaded.source];
  const provenance = loaded.chain?.provenance ?? {};
  const locks = loaded.chain?.locks ?? Object.fromEntries((loaded.file.locked ?? []).map((k) => [k, loaded.source]));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ chain: files, policy: loaded.file, sources: provenance, locked: locks }, null, 2)}\n`);
  } else {
    process.stdout.write(renderPolicyExplain({ file: loaded.file, files, provenance, locks, environment: options.environment ?? null }));
  }
  return 0;
}

export function registerPolicyCommands(program: Command): void {
  program
    .command('policy')
    .description('Inspect the policy file.')
    .command('explain')
    .description('Print the policy as the gate reads it, with the files it extends merged in and the source of each key.')
    .option('--config <path>', 'the policy file (default .github/deploy-governor.yml)')
    .option('--repo <owner/name>', 'the repository the policy belongs to (a chain may not leave its owner)')
    .option('--environment <name>', "show this environment's values: its section laid over the top level")
    .option('--json', 'print the chain, the merged policy and the sources as JSON')
    .action(commandAction(explain));
}

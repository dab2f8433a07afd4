/**
 * `deploy-governor`: the gate for any CI, and the generators and audit tools.
 * Commands live one per file in ./commands and register themselves here.
 *
 * The one error path: a command returns its exit code (cli-exit.ts); what it
 * throws is printed here, once, naming its source, and exits 99.
 */
import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { PolicyError } from '../core/policy/policy-error.js';
import { PrometheusQueryError } from '../core/prometheus/query-error.js';
import { messageOf } from '../github/client.js';
import { registerAuditCommands } from './commands/audit-verify.js';
import { registerCheckCommands } from './commands/check.js';
import { registerGenerateCommands } from './commands/generate.js';
import { registerPolicyCommands } from './commands/policy-explain.js';
import { registerPostmortemCommands } from './commands/postmortems.js';
import { registerVerifyCommands } from './commands/verify.js';
import { exitCodeOf } from './cli-exit.js';
import { COMMAND_LINE } from './usage-error.js';

const EXIT = { allowed: 0, warning: 1, freeze: 2, exhausted: 3, error: 99 } as const;

/** The package's version, as `deploy-governor --version` prints it. */
const VERSION: string = packageJson.version;

function buildProgram(): Command {
  const program = new Command('deploy-governor')
    .description('Deploy governance: SLO error budgets, DR freshness, freeze windows and audited overrides.')
    .version(VERSION, '-V, --version', 'print the version')
    .showHelpAfterError()
    .exitOverride();
  registerCheckCommands(program);
  registerAuditCommands(program);
  registerGenerateCommands(program);
  registerPostmortemCommands(program);
  registerPolicyCommands(program);
  registerVerifyCommands(program);
  return program;
}

/**
 * An error as the user reads it, each line naming where the problem is: a flag (`--interval: …`, one line
 * per bad flag), the policy file (`.github/deploy-governor.yml: invalid value` and a line per key), or
 * Prometheus (its URL and the query); anything else on one line. Never a stack trace.
 */
export function describeError(error: unknown): string[] {
  if (error instanceof PolicyError && error.source === COMMAND_LINE) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
  if (error instanceof PolicyError || error instanceof PrometheusQueryError) return [error.message];
  return [messageOf(error).replace(/\s*\n\s*/g, ' ')];
}

/** Runs the CLI and returns the exit code (never calls process.exit, so tests can call it). */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return exitCodeOf(program);
  } catch (error: unknown) {
    // Commander has printed its own message (or the help, or the version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT.error;
    for (const line of describeError(error)) process.stderr.write(`deploy-governor: ${line}\n`);
    return EXIT.error;
  }
}

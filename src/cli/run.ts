/**
 * `deploy-governor`: the gate for any CI, and the generators and audit tools.
 * Commands live one per file in ./commands and register themselves here.
 */
import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './commands/audit-verify.js';
import { registerCheckCommands } from './commands/check.js';
import { registerGenerateCommands } from './commands/generate.js';
import { registerPostmortemCommands } from './commands/postmortems.js';
import { CliExit } from './cli-exit.js';

export const EXIT = { allowed: 0, warning: 1, freeze: 2, exhausted: 3, error: 99 } as const;

export function buildProgram(): Command {
  const program = new Command('deploy-governor')
    .description('Deploy governance: SLO error budgets, DR freshness, freeze windows and audited overrides.')
    .showHelpAfterError()
    .exitOverride();
  registerCheckCommands(program);
  registerAuditCommands(program);
  registerGenerateCommands(program);
  registerPostmortemCommands(program);
  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit, so tests can call it). */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error: unknown) {
    if (error instanceof CliExit) return error.code;
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT.error;
    process.stderr.write(`deploy-governor: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.error;
  }
}

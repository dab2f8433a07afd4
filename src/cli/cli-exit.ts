/**
 * The CLI's one exit path. A command's body returns its exit code; errors it
 * does not expect to handle are thrown, and `run()` (run.ts) alone prints them
 * and turns them into 99. Commander ignores what an action returns, so
 * `commandAction` keeps the code beside the program for `run()` to return.
 */
import type { Command } from 'commander';

const exitCodes = new WeakMap<Command, number>();

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

/** A commander action whose body returns the command's exit code. */
export function commandAction<A extends unknown[]>(body: (...args: A) => Promise<number>): (this: Command, ...args: A) => Promise<void> {
  return async function (this: Command, ...args: A) {
    const code = await body(...args);
    exitCodes.set(rootOf(this), code);
  };
}

/** The exit code the last command of `program` returned (0 when none ran, e.g. `--help`). */
export function exitCodeOf(program: Command): number {
  return exitCodes.get(program) ?? 0;
}

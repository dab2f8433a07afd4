/**
 * Problems with the command line, named by their source. A flag's value is a
 * PolicyError whose source is `command line` and whose path is the flag (the
 * same form as a policy file's `file: key: problem`), so every error names the
 * flag, the input or the file it came from. Anything else the user must set (an
 * environment variable) is a UsageError: one line.
 */
import { PolicyError } from '../core/policy/policy-error.js';

export const COMMAND_LINE = 'command line';

/** A bad value of `flag` (`--interval`), with what is accepted. */
export function flagError(flag: string, message: string): PolicyError {
  return new PolicyError(COMMAND_LINE, [{ path: flag, message }]);
}

/** Something missing from the command's environment (a token): one line, exit 99. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Thrown by a command to end with a specific exit code after printing its output. */
export class CliExit extends Error {
  override readonly name = 'CliExit';

  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

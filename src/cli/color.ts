/**
 * Whether the CLI colours its output: on a terminal, unless NO_COLOR is set
 * (https://no-color.org); FORCE_COLOR forces it on (also into a pipe, for CI
 * logs that render ANSI) or, as 0 or false, off. FORCE_COLOR wins over NO_COLOR,
 * as in Node itself. TERM=dumb is a terminal that cannot colour.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !/^(0|false)$/i.test(force.trim());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

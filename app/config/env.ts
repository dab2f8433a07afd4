/**
 * Reading the environment so that every mistake is reported at once, each
 * naming the variable, what it holds (secrets never shown) and the accepted
 * form, and the process stops with that list instead of a stack trace.
 *
 * The convention, for any module that reads environment variables:
 *
 * - It exports `parseXxxEnv(env: Env): EnvResult<Xxx>`, which reads its own
 *   variables from `env` (never from `process.env`), and returns either
 *   `{ value }` or `{ problems }`: every problem it found, not just the first.
 *   It is synchronous (read a file with readFileSync) and does nothing else
 *   (no connections, no servers).
 * - A problem is `{ variable, value, message }`: `value` is what the variable
 *   holds (null when unset), `message` what is wrong and the accepted form or
 *   the fix, without quoting the value: the report adds `; got "<value>"`
 *   itself, with secrets described by their length only (any variable whose
 *   name says TOKEN, SECRET, PASSWORD, KEY, HEADERS, DSN or CREDENTIAL, see
 *   `isSecretVariable`) and passwords in URLs masked. So a parser need not
 *   mask anything, but must not put a secret in `message`.
 * - It is added with one line to `envParsers` in app/app-config.ts; `readEnvironment`
 *   there runs them all and reports the problems of all of them together, each
 *   as `VARIABLE: message; got "value"`.
 * - A variable has one rule: when two modules need the same variable, both read
 *   it with the same exported field function (e.g. `readRedisUrl`); the same
 *   problem found twice is reported once.
 */
import { PolicyError } from '../../src/core/policy/policy-error.js';

/** The process environment, or a test's. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface EnvProblem {
  /** The variable, e.g. `PORT`. */
  variable: string;
  /** What it holds, null when unset; in a result (and a report) a secret is only described and URL passwords are masked. */
  value: string | null;
  /** What is wrong and the accepted form or the fix; it does not quote the value (the report adds it) and never a secret. */
  message: string;
}

export type EnvResult<T> = { value: T } | { problems: EnvProblem[] };

export type EnvParser<T> = (env: Env) => EnvResult<T>;

/** The values of a record of parsers, by the same keys. */
export type EnvValues<P extends Record<string, EnvParser<unknown>>> = { [K in keyof P]: P[K] extends EnvParser<infer T> ? T : never };

/** Variables whose values are never printed, whatever a parser reports. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSPHRASE|CREDENTIAL|HEADERS|DSN|(^|_)KEY$/;

function isSecretVariable(variable: string): boolean {
  return SECRET_NAME.test(variable);
}

/** A secret described by its length only. */
function describeSecret(value: string): string {
  return `a value of ${value.length} character${value.length === 1 ? '' : 's'} (not shown)`;
}

const DESCRIBED = /^a value( of \d+ characters?)? \(not shown\)$/;

/** A URL as it may be printed: its password (or a user name alone, often a key) replaced by `***`; other text as is. */
function maskUrl(value: string): string {
  try {
    const u = new URL(value);
    if (!u.username && !u.password) return value;
    if (u.password) u.password = '***';
    else u.username = '***';
    // URL adds a "/" to a bare origin: print what was written.
    return !value.endsWith('/') && u.pathname === '/' && !u.search && !u.hash ? u.href.slice(0, -1) : u.href;
  } catch {
    return value.replace(/\/\/[^/@\s]*@/g, '//***@');
  }
}

/** Why a file an environment variable names could not be read, in a few words for its problem. */
export function unreadableBecause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'a directory';
  if (code === 'EACCES') return 'permission denied';
  return String(code ?? error);
}

/** The problem with its value safe to print (idempotent): a secret described, URL passwords masked. */
export function safeProblem(p: EnvProblem): EnvProblem {
  if (p.value === null) return p;
  // A parser may have masked it already ("***").
  const value = isSecretVariable(p.variable)
    ? DESCRIBED.test(p.value)
      ? p.value
      : p.value === '***'
        ? 'a value (not shown)'
        : describeSecret(p.value)
    : maskUrl(p.value);
  return value === p.value ? p : { ...p, value };
}

/** The quoted value as a report shows it (shortened past 80 characters). */
function quote(value: string): string {
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 76)}..."` : json;
}

/** `VARIABLE: message; got "value"` (or `got a value of 12 characters (not shown)`); nothing added for an unset variable. */
export function formatProblem(problem: EnvProblem): string {
  const p = safeProblem(problem);
  const got = p.value === null ? '' : `; got ${DESCRIBED.test(p.value) ? p.value : quote(p.value)}`;
  return `${p.variable}: ${p.message}${got}`;
}

/** Every problem of the environment: its message lists them one a line, naming each variable. */
export class EnvironmentError extends PolicyError {
  readonly problems: readonly EnvProblem[];

  constructor(problems: readonly EnvProblem[]) {
    const safe = problems.map(safeProblem);
    super(
      'environment',
      safe.map((p) => ({ path: p.variable, message: formatProblem(p).slice(p.variable.length + 2) })),
    );
    this.problems = safe;
    const count = safe.length === 1 ? 'a problem' : `${safe.length} problems`;
    this.message = `${count} in the environment (fix ${safe.length === 1 ? 'it' : 'them'} and start again):\n${safe.map((p) => `  - ${formatProblem(p)}`).join('\n')}`;
  }
}

/**
 * Collects the problems of one parser. `text` reads a variable (an empty value
 * counts as unset, as it always has); `problem` records one; `result` ends.
 */
export class EnvReader {
  readonly problems: EnvProblem[] = [];

  constructor(readonly env: Env) {}

  /** The variable's value, or undefined when unset or empty. Not trimmed. */
  text(variable: string): string | undefined {
    const value = this.env[variable];
    return value === undefined || value === '' ? undefined : value;
  }

  /** The variable's value without surrounding white space (a pasted newline), or undefined. */
  trimmed(variable: string): string | undefined {
    const value = this.text(variable)?.trim();
    return value === '' ? undefined : value;
  }

  /** Records a problem: `value` as the variable holds it (the result masks it), null when unset. */
  problem(variable: string, value: string | null, message: string): void {
    this.problems.push({ variable, value, message });
  }

  /** `{ value }` when nothing was wrong, else every problem. */
  result<T>(value: () => T): EnvResult<T> {
    return this.problems.length > 0 ? { problems: this.problems.map(safeProblem) } : { value: value() };
  }
}

/** Runs every parser (all of them, whatever the others found) and returns all their values or all their problems. */
export function combineEnv<P extends Record<string, EnvParser<unknown>>>(parsers: P, env: Env): EnvResult<EnvValues<P>> {
  const values: Record<string, unknown> = {};
  const problems: EnvProblem[] = [];
  const seen = new Set<string>();
  // A last guard: a secret's value is never printed, even if a parser's message quoted it.
  const secrets = Object.entries(env).flatMap(([k, v]) => (v && v.length >= 6 && isSecretVariable(k) ? [v] : []));
  const scrub = (p: EnvProblem): EnvProblem =>
    secrets.some((v) => p.message.includes(v)) ? { ...p, message: secrets.reduce((m, v) => m.split(v).join('***'), p.message) } : p;
  for (const [key, parse] of Object.entries(parsers)) {
    const result = parse(env);
    if ('problems' in result) {
      for (const p of result.problems.map(safeProblem).map(scrub)) {
        // A variable two parsers read with the same field function is reported once.
        const id = `${p.variable}\0${p.message}`;
        if (seen.has(id)) continue;
        seen.add(id);
        problems.push(p);
      }
    } else {
      values[key] = result.value;
    }
  }
  return problems.length > 0 ? { problems } : { value: values as EnvValues<P> };
}

/** The value, or an EnvironmentError listing every problem. */
export function unwrapEnv<T>(result: EnvResult<T>): T {
  if ('problems' in result) throw new EnvironmentError(result.problems);
  return result.value;
}

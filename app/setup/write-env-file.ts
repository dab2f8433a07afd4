/**
 * Writes the new app's credentials into the env file (`.env`): APP_ID,
 * PRIVATE_KEY, WEBHOOK_SECRET, GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET.
 *
 * - The file is created with mode 0600 (never made and then chmod-ed). When it
 *   exists, the new text goes to a temporary 0600 file beside it that is then
 *   renamed over it: the result is 0600 whatever the old mode, and a reader
 *   never sees half a file.
 * - A file that already names an app (any of APP_VARIABLES) is left alone
 *   unless `force`; with `force` those variables are replaced and every other
 *   line (variables, comments, blank lines) is kept as it was.
 * - The result is parsed again before it is written (node:util parseEnv, the
 *   parser of `node --env-file` and of the app's ENV_FILE): the new values must
 *   read back as written and the other variables as they were, or nothing is
 *   written.
 *
 * PRIVATE_KEY goes in the file, on one line in double quotes with its newlines
 * written `\n` (which dotenv parsers expand, and the app's key reader accepts
 * either way), so that one 0600 file holds every secret and no .pem file is
 * left to protect or clean up.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { SetupError, type RegisteredApp } from './exchange-manifest-code.js';

/** The variables that make an app's identity: the setup writes the first, second and last three, and removes them all on --force. */
const APP_VARIABLES = ['APP_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'WEBHOOK_SECRET', 'GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET'] as const;

/** The file's text, or null when there is none; a SetupError when it cannot be read or is not a plain file. */
function readExisting(file: string): string | null {
  try {
    const stat = lstatSync(file);
    if (stat.isSymbolicLink())
      throw new SetupError(`${file} is a symbolic link: set ENV_FILE to the file it points to, or remove the link`, 409);
    if (!stat.isFile()) throw new SetupError(`${file} is not a file: set ENV_FILE to another path`, 409);
    return readFileSync(file, 'utf8');
  } catch (error: unknown) {
    if (error instanceof SetupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new SetupError(`cannot read ${file} (${code ?? String(error)}): set ENV_FILE to a file this process may read and write`, 500);
  }
}

/** The app variables the env file sets (non-empty), in APP_VARIABLES' order; none when there is no file. */
export function appVariablesIn(file: string): string[] {
  const text = readExisting(file);
  if (text === null) return [];
  const values = parseEnv(text);
  return APP_VARIABLES.filter((name) => (values[name] ?? '') !== '');
}

/** Why the setup will not write to a file that names an app already (the same words before and after registering). */
export function refusal(file: string, present: readonly string[]): string {
  return `${file} already holds ${present.join(', ')} (an app registered before): nothing was written. Start the setup with --force to replace ${present.length === 1 ? 'it' : 'them'} (the file's other variables are kept), or set ENV_FILE to another file`;
}

/**
 * Dotenv entries as the dotenv package finds them (a quoted value may span
 * lines): the regular expression is dotenv's own LINE, with the index of each
 * match giving the span to drop.
 */
const ENTRY =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

/** The text without the entries that set one of `names` (their whole span, quoted continuation lines included). */
function withoutEntries(text: string, names: ReadonlySet<string>): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(ENTRY)) {
    if (!names.has(m[1]!)) continue;
    // From the start of the entry's line (the match may begin with blank lines before it) to the end of its last
    // line, line break included (the match may end with the blank lines after it).
    const first = m.index + (m[0].length - m[0].trimStart().length);
    const start = text.lastIndexOf('\n', first - 1) + 1;
    let end = m.index + m[0].trimEnd().length;
    const lineEnd = text.indexOf('\n', end);
    end = lineEnd === -1 ? text.length : lineEnd + 1;
    out += text.slice(last, start);
    last = end;
  }
  return out + text.slice(last);
}

/** The lines the setup appends, in the order written. */
function credentialLines(app: RegisteredApp, now = new Date()): string {
  const pem = app.pem.replace(/\r\n/g, '\n').trim();
  const lines = [
    `# GitHub App ${app.slug} (id ${app.id}), registered from app.yml by npm run setup on ${now.toISOString()}`,
    `APP_ID=${app.id}`,
    `PRIVATE_KEY="${pem.replace(/\n/g, '\\n')}\\n"`,
    ...(app.webhookSecret === null ? [] : [`WEBHOOK_SECRET=${app.webhookSecret}`]),
    `GITHUB_CLIENT_ID=${app.clientId}`,
    `GITHUB_CLIENT_SECRET=${app.clientSecret}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The values the written file must read back as. */
function expectedValues(app: RegisteredApp): Record<string, string> {
  return {
    APP_ID: String(app.id),
    PRIVATE_KEY: `${app.pem.replace(/\r\n/g, '\n').trim()}\n`,
    ...(app.webhookSecret === null ? {} : { WEBHOOK_SECRET: app.webhookSecret }),
    GITHUB_CLIENT_ID: app.clientId,
    GITHUB_CLIENT_SECRET: app.clientSecret,
  };
}

export interface WrittenEnvFile {
  file: string;
  /** True when the file did not exist before. */
  created: boolean;
  /** The app variables it held before (replaced, with --force). */
  replaced: string[];
  /** How many other variables it kept. */
  kept: number;
}

/** Writes `text` to a new file, created with mode 0600; fails (EEXIST) if the file exists, a link included. */
function writeNew(file: string, text: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Merges the app's credentials into `file`; a SetupError (nothing written) when it may not or cannot. */
export function writeEnvFile(file: string, app: RegisteredApp, options: { force: boolean; now?: Date }): WrittenEnvFile {
  const before = readExisting(file);
  const oldValues = before === null ? {} : parseEnv(before);
  const replaced = APP_VARIABLES.filter((name) => (oldValues[name] ?? '') !== '');
  if (replaced.length > 0 && !options.force) throw new SetupError(refusal(file, replaced), 409);

  const kept = before === null ? '' : withoutEntries(before, new Set(APP_VARIABLES)).trimEnd();
  // The kept lines, a blank line, then the app's.
  const text = `${kept === '' ? '' : `${kept}\n\n`}${credentialLines(app, options.now)}`;

  // Read it back as the app will: every new value as written, every other variable as it was, no app variable left over.
  const after = parseEnv(text);
  const expected = expectedValues(app);
  const others = Object.keys(oldValues).filter((name) => !(APP_VARIABLES as readonly string[]).includes(name));
  const wrong = [
    ...Object.entries(expected).flatMap(([name, value]) => (after[name] === value ? [] : [name])),
    ...others.flatMap((name) => (after[name] === oldValues[name] ? [] : [name])),
    ...APP_VARIABLES.filter((name) => !(name in expected) && name in after),
  ];
  if (wrong.length > 0) {
    throw new SetupError(
      `merging into ${file} would change ${wrong.join(', ')} (a line the setup cannot read the way the app does?): nothing was written. Move ${file} aside and register again`,
      500,
    );
  }

  if (before === null) {
    try {
      writeNew(file, text);
    } catch (error: unknown) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new SetupError(`${file} appeared while the setup was writing it: nothing was written; look at it and register again`, 409);
      throw new SetupError(`cannot create ${file} (${code ?? String(error)}): set ENV_FILE to a path this process may write`, 500);
    }
  } else {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      writeNew(temporary, text);
      renameSync(temporary, file);
    } catch (error: unknown) {
      try {
        unlinkSync(temporary);
      } catch {
        // never created, or renamed already
      }
      const code = (error as NodeJS.ErrnoException).code;
      throw new SetupError(
        `cannot write ${file} (${code ?? String(error)}): nothing was changed; set ENV_FILE to a path this process may write`,
        500,
      );
    }
  }
  return { file, created: before === null, replaced, kept: others.length };
}

/**
 * ENV_FILE: a dotenv file (such as the `.env` that `npm run setup` writes)
 * whose variables the server reads before checking its environment. Read only
 * when ENV_FILE is set, never a `.env` found by itself, and the environment's
 * own values win over the file's (as with `node --env-file`). The file is
 * parsed by node:util's parseEnv, the parser of `node --env-file`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { EnvironmentError, unreadableBecause } from './env.js';

/** Adds ENV_FILE's variables that `env` does not set to `env`; an EnvironmentError naming ENV_FILE when it cannot be read. */
export function loadEnvFile(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): void {
  const file = env.ENV_FILE?.trim();
  if (!file) return;
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error: unknown) {
    const why = unreadableBecause(error);
    throw new EnvironmentError([
      {
        variable: 'ENV_FILE',
        value: file,
        message: `not a readable file (${why}${path.isAbsolute(file) ? '' : ` in ${cwd}`}): set it to the file of variables to read, such as the .env npm run setup wrote, or unset it`,
      },
    ]);
  }
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] === undefined && value !== undefined) env[name] = value;
  }
}

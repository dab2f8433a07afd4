/**
 * The GitHub Actions runner protocol, as far as this Action uses it: inputs from
 * `INPUT_*`, outputs and the job summary through the files the runner names,
 * logging and masking through workflow commands on stdout.
 *
 * Why not @actions/core: it loads undici (for OIDC tokens, which this Action
 * never requests) at import time, which was 44 ms of a ~110 ms start on Node 24,
 * more than the whole evaluation budget `npm run bench` holds the gate to. The
 * formats below are the documented ones and the same that @actions/core writes:
 * https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/** Escaping of a command's message (`%`, CR and LF), as the runner expects. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function issue(command: string, message: string): void {
  process.stdout.write(`::${command}::${escapeData(message)}${EOL}`);
}

/** An input as the runner passes it (`INPUT_<NAME>`, spaces as underscores), trimmed; '' when unset. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Masks a value in every later log line. Each line of a multi-line secret is masked on its own. */
export function setSecret(value: string): void {
  for (const line of value.split(/\r?\n/)) if (line.trim() !== '') issue('add-mask', line);
}

/** Appends `name<<delimiter / value / delimiter` to GITHUB_OUTPUT (safe for any value). */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    // Outside a runner (or an old one): the deprecated command still works.
    process.stdout.write(`${EOL}::set-output name=${name}::${escapeData(value)}${EOL}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} contains its own delimiter`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

export function debug(message: string): void {
  issue('debug', message);
}

export function notice(message: string): void {
  issue('notice', message);
}

export function warning(message: string): void {
  issue('warning', message);
}

export function error(message: string): void {
  issue('error', message);
}

/** Logs the error annotation and makes the step fail. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Appends markdown to the job summary (GITHUB_STEP_SUMMARY); a notice when there is none. */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set: this runner does not support job summaries');
  appendFileSync(file, markdown.endsWith(EOL) ? markdown : `${markdown}${EOL}`, 'utf8');
}

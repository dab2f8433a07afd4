/**
 * Runs the bundled action the way the GitHub runner does: inputs as INPUT_*
 * variables, outputs and summary through the files named by GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY, the event payload at GITHUB_EVENT_PATH.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunActionOptions {
  /** Node binary (Node 24, as action.yml declares). */
  node: string;
  entry?: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  event?: object;
  cwd?: string;
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
}

/** The runner's input variable name: INPUT_ + upper case, spaces to underscores, dashes kept. */
function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses GITHUB_OUTPUT in both forms the toolkit writes: `name=value` and `name<<DELIM … DELIM`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      i += 1;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++]!);
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${name}`);
      outputs[name!] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return outputs;
}

export async function runBundledAction(options: RunActionOptions): Promise<ActionRun> {
  const temp = await mkdtemp(path.join(tmpdir(), 'dg-runner-'));
  try {
    const outputFile = path.join(temp, 'output');
    const summaryFile = path.join(temp, 'summary');
    const eventFile = path.join(temp, 'event.json');
    await Promise.all([
      writeFile(outputFile, ''),
      writeFile(summaryFile, ''),
      writeFile(eventFile, JSON.stringify(options.event ?? { inputs: {} })),
    ]);
    const base: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? temp,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_WORKSPACE: options.cwd ?? process.cwd(),
      GITHUB_REPOSITORY: 'octo-org/shop',
      GITHUB_SHA: '0'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_RUN_ID: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: 'octocat',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      GITHUB_WORKFLOW: 'deploy',
      RUNNER_TEMP: temp,
    };
    const inputs = Object.fromEntries(Object.entries(options.inputs).map(([k, v]) => [inputVariable(k), v]));
    const started = performance.now();
    const child = spawn(options.node, [options.entry ?? path.resolve('dist/index.js')], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...base, ...(options.env ?? {}), ...inputs },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code ?? 1));
    });
    const durationMs = Math.round(performance.now() - started);
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8'),
      durationMs,
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

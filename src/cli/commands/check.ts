/**
 * `deploy-governor check` (exit codes for scripts) and `deploy-governor status`
 * (a table for humans, `--json`, `--watch`). Flags mirror the Action's inputs one
 * to one: they are generated from the shared input schema.
 *
 * Output is plain text (coloured on a terminal, see ../color.ts), never
 * markdown. `--json` always prints a report, also when the gate could not run:
 * then an UNKNOWN report with the error in `reasons` (and the error on stderr),
 * so `check --json > gate.json` never leaves an empty file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { gateInputsSchema, type GateInputs } from '../../core/policy/inputs.js';
import { PolicyError } from '../../core/policy/policy-error.js';
import { PrometheusQueryError } from '../../core/prometheus/query-error.js';
import { renderStatusText, renderTextReport } from '../../core/render/render-text.js';
import { errorReport, policyErrorReasons, type RawInputs } from '../../core/report/error-report.js';
import type { Report } from '../../core/report/report-schema.js';
import { messageOf } from '../../github/client.js';
import { createGitHubClient } from '../../github/rest-client.js';
import { runGate, type GateRequest } from '../../gate/run-gate.js';
import { commandAction } from '../cli-exit.js';
import { colorEnabled } from '../color.js';
import { ENV_FALLBACK, parseRawInputs, rawInputsFromOptions } from '../gate-inputs.js';
import { parseInterval } from '../interval.js';
import { cliFreezeAccess, cliParentAccess, parseRepo } from '../parent-access.js';
import { withCliNextSteps } from '../next-steps.js';
import { flagError, UsageError } from '../usage-error.js';

/** Exit codes teams already script against. */
function exitCodeFor(report: Report): number {
  const d = report.decision;
  if (d.canDeploy || d.mode === 'report') return 0;
  switch (d.status) {
    case 'FREEZE':
      return 2;
    case 'EXHAUSTED':
      return 3;
    case 'UNKNOWN':
      return 99;
    default:
      return 1;
  }
}

/** Help for flags that mean more than "same as the Action input". */
const FLAG_HELP: Record<string, string> = {
  override:
    'warning, freeze or exhausted: the highest status to let through, as the Action input override; authorized through the GitHub API as the user of GITHUB_TOKEN on --repo',
  'override-reason': 'why the deploy cannot wait (at least 10 characters by default); recorded in the report',
  'change-class':
    "rollback, security, hotfix or a class of the policy's change-classes: a class the blocked status allows lets the deploy through; authorized like --override",
};

/** The gate's flags (the Action's inputs, generated from the shared schema), for every command that reads the policy as the gate does. */
export function addGateOptions(command: Command): Command {
  for (const name of Object.keys(gateInputsSchema.shape)) {
    if (name === 'prometheus-headers') continue;
    command.option(
      `--${name} <value>`,
      FLAG_HELP[name] ?? `same as the Action input ${name}${ENV_FALLBACK[name] ? ` (env ${ENV_FALLBACK[name]})` : ''}`,
    );
  }
  return command
    .option(
      '--prometheus-header <header>',
      'extra header "Name: value" (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option(
      '--repo <owner/name>',
      'the GitHub repository whose roles authorize --override and --change-class, and whose freezes on command count when the policy sets freezes.app (with GITHUB_TOKEN or GH_TOKEN)',
    )
    .option(
      '--sha <commit>',
      "the deployed commit, for change-classes: its pull requests' labels, its Deploy-Class trailer, rollback detection",
    );
}

/** What an override needs from GitHub: a client for the token's user on --repo, or why there is none. */
function overrideGitHub(options: Record<string, unknown>, env: NodeJS.ProcessEnv): Pick<GateRequest, 'github' | 'githubUnavailable'> {
  const repo = typeof options.repo === 'string' ? parseRepo(options.repo) : null;
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  const missing = [
    token ? null : 'GITHUB_TOKEN (or GH_TOKEN) is not set: set it to your own GitHub token',
    repo ? null : '--repo owner/name is not given: name the repository whose roles authorize overrides',
  ].filter((m): m is string => m !== null);
  if (missing.length > 0 || !repo || !token) {
    return { github: null, githubUnavailable: `the override cannot be checked through the GitHub API: ${missing.join('; ')}` };
  }
  return { github: { client: createGitHubClient(token), ...repo } };
}

/** One evaluation as the CLI runs it: the policy file in the working directory, the token's user as override actor. */
async function evaluateOnce(options: Record<string, unknown>, inputs: GateInputs): Promise<Report> {
  const wantsOverride = inputs.override !== undefined && inputs.override !== 'none';
  const wantsGitHub = wantsOverride || inputs['change-class'] !== undefined || options.repo !== undefined;
  const github = wantsGitHub ? overrideGitHub(options, process.env) : { github: null };
  const repository = typeof options.repo === 'string' ? options.repo : null;
  const outcome = await runGate({
    inputs,
    env: process.env,
    root: process.cwd(),
    run: null,
    host: 'cli',
    ...github,
    parents: cliParentAccess(repository, process.env),
    target: { repository, branch: null },
    freezes: cliFreezeAccess(repository, process.env),
    sha: typeof options.sha === 'string' ? options.sha : null,
  });
  for (const warning of outcome.warnings) process.stderr.write(`deploy-governor: warning: ${warning}\n`);
  return withCliNextSteps(outcome.report, outcome.policy, inputs.override);
}

async function writeReport(file: string, report: Report): Promise<void> {
  const full = path.resolve(file);
  try {
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error: unknown) {
    throw flagError('--report-path', `cannot write the report to ${full}: ${messageOf(error)}`);
  }
}

/** The reasons of an error report: each names its source (flag, file, Prometheus). */
function reasonsOf(error: unknown): string[] {
  if (error instanceof PolicyError) return policyErrorReasons(error);
  if (error instanceof PrometheusQueryError || error instanceof UsageError) return [error.message];
  return [`deploy-governor failed unexpectedly: ${messageOf(error)}`];
}

/**
 * Evaluates, and when that fails, still gives machines a report: the UNKNOWN error report on stdout with
 * --json and at --report-path. The error is thrown on, so run() prints it on stderr and exits 99.
 */
async function evaluateOrReport(options: Record<string, unknown>, raw: RawInputs): Promise<Report> {
  try {
    return await evaluateOnce(options, parseRawInputs(raw));
  } catch (error: unknown) {
    await reportFailure(options, raw, error);
    throw error;
  }
}

/** The error report for machines (--json, --report-path) of a gate that could not run. */
async function reportFailure(options: Record<string, unknown>, raw: RawInputs, error: unknown): Promise<void> {
  if (!options.json && !raw['report-path']) return;
  const report = errorReport({ inputs: raw, reasons: reasonsOf(error), now: new Date(), run: null });
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  // Best effort: the error itself is what the user must fix first.
  if (raw['report-path']) await writeReport(raw['report-path'], report).catch(() => undefined);
}

async function check(options: Record<string, unknown>): Promise<number> {
  const raw = rawInputsFromOptions(options, process.env);
  const report = await evaluateOrReport(options, raw);
  if (!options.quiet) {
    process.stdout.write(
      options.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : renderTextReport(report, { color: colorEnabled(process.stdout, process.env) }),
    );
  }
  if (raw['report-path']) await writeReport(raw['report-path'], report);
  return exitCodeFor(report);
}

async function status(options: Record<string, unknown>): Promise<number> {
  const raw = rawInputsFromOptions(options, process.env);
  // Checked before the first query (with or without --watch): a bad interval is a usage error, not a watch that spins.
  let intervalMs: number;
  try {
    intervalMs = parseInterval(String(options.interval));
  } catch (error: unknown) {
    await reportFailure(options, raw, error);
    throw error;
  }
  const color = colorEnabled(process.stdout, process.env);
  const show = async (report: Report) => {
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderStatusText(report, { color }));
    if (raw['report-path']) await writeReport(raw['report-path'], report);
  };
  if (!options.watch) {
    const report = await evaluateOrReport(options, raw);
    await show(report);
    return exitCodeFor(report);
  }
  for (;;) {
    if (process.stdout.isTTY && !options.json) process.stdout.write('\x1b[2J\x1b[H');
    try {
      await show(await evaluateOrReport(options, raw));
    } catch (error: unknown) {
      // Keep watching through a Prometheus hiccup; a broken policy or flag still ends the watch.
      if (!(error instanceof PrometheusQueryError)) throw error;
      process.stdout.write(`${new Date().toISOString()} ${error.message}\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function registerCheckCommands(program: Command): void {
  addGateOptions(
    program
      .command('check')
      .description('Evaluate the policy and exit 0 allowed, 1 WARNING, 2 FREEZE, 3 EXHAUSTED, 99 unknown or error.')
      .option('--json', 'print the JSON report instead of text (a report with status UNKNOWN when the gate cannot run)')
      .option('--quiet', 'print nothing; only the exit code'),
  ).action(commandAction(check));

  addGateOptions(
    program
      .command('status')
      .description('Show the budget and decision as a table (colour on a terminal; NO_COLOR, FORCE_COLOR).')
      .option('--json', 'print the JSON report')
      .option('--watch', 'refresh until interrupted')
      .option('--interval <seconds>', 'refresh interval for --watch: 5 to 3600 seconds, or a duration such as 5m', '30'),
  ).action(commandAction(status));
}

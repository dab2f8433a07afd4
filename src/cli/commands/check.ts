/**
 * `deploy-governor check` (exit codes for scripts) and `deploy-governor status`
 * (a table for humans, `--json`, `--watch`). Flags mirror the Action's inputs one
 * to one: they are generated from the shared input schema.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { gateInputsSchema, type GateInputs } from '../../core/policy/inputs.js';
import { toPolicyIssues } from '../../core/policy/policy-issues.js';
import { PolicyError } from '../../core/policy/policy-error.js';
import { PrometheusQueryError } from '../../core/prometheus/query-error.js';
import { renderStatusTable } from '../../core/render/render-status-table.js';
import { renderSummary } from '../../core/render/render-summary.js';
import type { Report } from '../../core/report/report-schema.js';
import { runGate } from '../../gate/run-gate.js';
import { CliExit } from '../cli-exit.js';

/** Exit codes teams already script against. */
export function exitCodeFor(report: Report): number {
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

/** Inputs that only make sense inside GitHub Actions. */
const ACTION_ONLY = new Set(['override', 'override-reason']);

/** Environment fallbacks, so secrets need not appear on a command line. */
const ENV_FALLBACK: Record<string, string> = {
  'prometheus-url': 'PROMETHEUS_URL',
  'prometheus-token': 'PROMETHEUS_TOKEN',
};

function addGateOptions(command: Command): Command {
  for (const name of Object.keys(gateInputsSchema.shape)) {
    if (ACTION_ONLY.has(name) || name === 'prometheus-headers') continue;
    command.option(`--${name} <value>`, `same as the Action input ${name}${ENV_FALLBACK[name] ? ` (env ${ENV_FALLBACK[name]})` : ''}`);
  }
  return command.option('--prometheus-header <header>', 'extra header "Name: value" (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[]);
}

/** Commander's camelCase option bag back to the documented kebab-case names. */
export function gateInputsFromOptions(options: Record<string, unknown>, env: NodeJS.ProcessEnv): GateInputs {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(gateInputsSchema.shape)) {
    const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const value = options[camel];
    if (typeof value === 'string') raw[name] = value;
    else if (ENV_FALLBACK[name] && env[ENV_FALLBACK[name]]) raw[name] = env[ENV_FALLBACK[name]]!;
  }
  const headers = options.prometheusHeader;
  if (Array.isArray(headers) && headers.length > 0) raw['prometheus-headers'] = headers.join('\n');
  const parsed = gateInputsSchema.safeParse(raw);
  if (!parsed.success) throw new PolicyError('command line', toPolicyIssues(parsed.error, { ...raw, 'prometheus-token': '***' }));
  return parsed.data;
}

async function evaluateOnce(options: Record<string, unknown>): Promise<Report> {
  const inputs = gateInputsFromOptions(options, process.env);
  const { report, warnings } = await runGate({ inputs, env: process.env, root: process.cwd(), run: null });
  for (const warning of warnings) process.stderr.write(`deploy-governor: warning: ${warning}\n`);
  if (inputs['report-path']) await writeFile(path.resolve(inputs['report-path']), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** Expected failures (bad policy, bad flags, Prometheus) print one clear message and exit 99. */
async function guarded(action: () => Promise<number>): Promise<never> {
  let code: number;
  try {
    code = await action();
  } catch (error: unknown) {
    if (error instanceof PolicyError || error instanceof PrometheusQueryError) {
      process.stderr.write(`deploy-governor: ${error.message}\n`);
      code = 99;
    } else {
      throw error;
    }
  }
  throw new CliExit(code);
}

export function registerCheckCommands(program: Command): void {
  addGateOptions(
    program
      .command('check')
      .description('Evaluate the policy and exit 0 allowed, 1 WARNING, 2 FREEZE, 3 EXHAUSTED, 99 unknown or error.')
      .option('--json', 'print the JSON report instead of markdown')
      .option('--quiet', 'print nothing; only the exit code'),
  ).action(async (options: Record<string, unknown>) =>
    guarded(async () => {
      const report = await evaluateOnce(options);
      if (!options.quiet) process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderSummary(report));
      return exitCodeFor(report);
    }),
  );

  addGateOptions(
    program
      .command('status')
      .description('Show the budget and decision as a table (colour on a terminal).')
      .option('--json', 'print the JSON report')
      .option('--watch', 'refresh until interrupted')
      .option('--interval <seconds>', 'refresh interval for --watch', '30'),
  ).action(async (options: Record<string, unknown>) =>
    guarded(async () => {
      const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
      const show = (report: Report) =>
        process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderStatusTable(report, { color }));
      if (!options.watch) {
        const report = await evaluateOnce(options);
        show(report);
        return exitCodeFor(report);
      }
      const interval = Number(options.interval);
      if (!Number.isFinite(interval) || interval < 1) {
        throw new PolicyError('command line', [{ path: 'interval', message: `expected a number of seconds ≥ 1; got "${String(options.interval)}"` }]);
      }
      for (;;) {
        if (color) process.stdout.write('\x1b[2J\x1b[H');
        try {
          show(await evaluateOnce(options));
        } catch (error: unknown) {
          // Keep watching through a Prometheus hiccup; a broken policy still ends the watch.
          if (!(error instanceof PrometheusQueryError)) throw error;
          process.stdout.write(`${new Date().toISOString()} ${error.message}\n`);
        }
        await new Promise((resolve) => setTimeout(resolve, interval * 1000));
      }
    }),
  );
}

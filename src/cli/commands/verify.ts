/**
 * `deploy-governor verify`: after the deploy, read the report `check
 * --report-path` wrote before it, watch the SLOs for the bake time and exit 0
 * when the deploy passed, 1 when it regressed, 99 when the verdict is unknown
 * (no measured poll) or verification could not run. Flags are the gate's (which
 * policy, environment and Prometheus) and the verify step's, named as the
 * Action's inputs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { formatBurnRate } from '../../core/render/format-values.js';
import { renderVerificationText } from '../../core/verify/render-verification.js';
import type { Verification } from '../../core/verify/verification-schema.js';
import { verifyInputsSchema, type VerifyInputs } from '../../core/verify/verify-inputs.js';
import { policyErrorFromZod } from '../../core/policy/policy-issues.js';
import { messageOf } from '../../github/client.js';
import { runVerify } from '../../verify/run-verify.js';
import { commandAction } from '../cli-exit.js';
import { parseRawInputs, rawInputsFromOptions } from '../gate-inputs.js';
import { cliParentAccess } from '../parent-access.js';
import { COMMAND_LINE, flagError } from '../usage-error.js';
import { addGateOptions } from './check.js';

/** Help for each verify flag. */
const VERIFY_FLAG_HELP: Record<keyof VerifyInputs, string> = {
  bake: 'how long to watch the SLOs after the deploy (default: verify.bake, else 15m; at most 6h)',
  'verify-interval': 'time between polls, one round of queries each (default: verify.interval, else 1m; at least 5s)',
  'verify-window': 'the short window each poll reads (default: verify.window, else 5m)',
  'verify-factor': 'a regression exceeds this many times the pre-deploy burn rate (default: verify.factor, else 2)',
  'verify-floor': 'and this burn rate (default: verify.floor, else 1)',
  'verify-no-data': 'fail or pass: an SLO with no measured poll (default: verify.no-data, else fail)',
  'rollback-command': 'the command that rolls the deploy back, named in the recommendation',
  'verdict-path': 'also write the JSON verdict (deploy-governor/verification@1) here',
};

function exitCodeFor(v: Verification, mode: 'enforce' | 'report'): number {
  if (v.passed || mode === 'report') return 0;
  return v.verdict === 'regressed' ? 1 : 99;
}

function parseVerifyFlags(options: Record<string, unknown>): VerifyInputs {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(verifyInputsSchema.shape)) {
    const value = options[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
    if (typeof value === 'string') raw[name] = value;
  }
  const parsed = verifyInputsSchema.safeParse(raw);
  if (!parsed.success) throw policyErrorFromZod(parsed.error, raw, 'flag', COMMAND_LINE);
  return parsed.data;
}

async function verify(options: Record<string, unknown>): Promise<number> {
  const inputs = parseRawInputs(rawInputsFromOptions(options, process.env));
  const verifyInputs = parseVerifyFlags(options);
  const reportPath = inputs['report-path'];
  if (reportPath === undefined)
    throw flagError(
      '--report-path',
      "expected the path of the gate's report, written before the deploy by deploy-governor check --report-path <file>",
    );
  const repository = typeof options.repo === 'string' ? options.repo : null;
  const { verification, policy } = await runVerify({
    inputs,
    verifyInputs,
    reportPath: path.resolve(reportPath),
    env: process.env,
    root: process.cwd(),
    run: null,
    host: 'cli',
    parents: cliParentAccess(repository, process.env),
    target: { repository, branch: null },
    onPoll: (poll, index) => {
      if (options.json) return;
      const rates = [...poll.readings].map(([name, r]) => `${name} ${r.state === 'measured' ? formatBurnRate(r.burnRate) : r.state}`);
      process.stderr.write(`poll ${index} at ${poll.at.toISOString()}: ${rates.join(', ')}\n`);
    },
  });
  process.stdout.write(options.json ? `${JSON.stringify(verification, null, 2)}\n` : renderVerificationText(verification));
  const verdictPath = verifyInputs['verdict-path'];
  if (verdictPath !== undefined) {
    const full = path.resolve(verdictPath);
    try {
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, `${JSON.stringify(verification, null, 2)}\n`);
    } catch (error: unknown) {
      throw flagError('--verdict-path', `cannot write the verdict to ${full}: ${messageOf(error)}`);
    }
  }
  return exitCodeFor(verification, policy.mode);
}

export function registerVerifyCommands(program: Command): void {
  const command = addGateOptions(
    program
      .command('verify')
      .description(
        "After a deploy: compare the SLOs' short-window burn rates with the gate's report (--report-path) for the bake time; exit 0 passed, 1 regressed, 99 unknown or error.",
      )
      .option('--json', 'print the JSON verdict instead of text'),
  );
  for (const name of Object.keys(verifyInputsSchema.shape) as (keyof VerifyInputs)[])
    command.option(`--${name} <value>`, VERIFY_FLAG_HELP[name]);
  command.action(commandAction(verify));
}

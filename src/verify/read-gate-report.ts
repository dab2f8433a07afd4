/**
 * The gate's report of this run, read back by the verify step: a file the gate
 * step wrote in the same job (`report-path`). Anything that is not a valid
 * report@1 is an error naming the path and what to do. The file is as trusted as
 * the job's own steps (any of them could rewrite it): a report of another run or
 * environment is refused (core/verify/baselines.ts), and its burn rates are only
 * a baseline, never a verdict.
 */
import { open } from 'node:fs/promises';
import { PolicyError } from '../core/policy/policy-error.js';
import { formatPath } from '../core/policy/policy-issues.js';
import { reportSchema, type Report } from '../core/report/report-schema.js';
import { messageOf } from '../github/client.js';

/** Far above any real report (a check run carries one in 65,535 characters); a larger file is not the gate's. */
const MAX_REPORT_BYTES = 1_048_576;

/**
 * The report at `file`.
 * @param input how the host names the path's input (`report-path`, `--report-path`)
 * @throws PolicyError whose source is the path
 */
export async function readGateReport(file: string, input: string): Promise<Report> {
  const fail = (message: string) => new PolicyError(file, [{ path: input, message }]);
  let text: string;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_REPORT_BYTES) throw fail(`the file has ${size} bytes, more than any gate report (at most ${MAX_REPORT_BYTES})`);
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error: unknown) {
    if (error instanceof PolicyError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw fail(
      missing
        ? "no gate report here: run deploy-governor's gate (phase: gate, or deploy-governor check --report-path) before the deploy, with the same report-path"
        : `cannot read the gate's report: ${messageOf(error)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    throw fail(`not JSON (${messageOf(error)}): expected the gate's report (deploy-governor/report@1)`);
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const at = formatPath(first.path);
    throw fail(
      `not a gate report (deploy-governor/report@1): ${at === '' ? '' : `${at}: `}${first.message}${parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : ''}`,
    );
  }
  return parsed.data;
}

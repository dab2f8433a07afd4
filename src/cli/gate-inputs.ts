/**
 * The gate's inputs from the command line: flags named as the Action's inputs
 * (generated from the shared schema), with environment fallbacks for secrets.
 * A bad value is an error naming its flag (`--block-on`), never the policy file.
 */
import { gateInputsSchema, type GateInputs } from '../core/policy/inputs.js';
import { PolicyError } from '../core/policy/policy-error.js';
import { policyErrorFromZod } from '../core/policy/policy-issues.js';
import type { RawInputs } from '../core/report/error-report.js';
import { COMMAND_LINE } from './usage-error.js';

/** Environment fallbacks, so secrets need not appear on a command line. */
export const ENV_FALLBACK: Record<string, string> = {
  'prometheus-url': 'PROMETHEUS_URL',
  'prometheus-token': 'PROMETHEUS_TOKEN',
};

/** The flags (and their environment fallbacks) by the inputs' documented names, as given. */
export function rawInputsFromOptions(options: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(gateInputsSchema.shape)) {
    const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const value = options[camel];
    if (typeof value === 'string') raw[name] = value;
    else if (ENV_FALLBACK[name] && env[ENV_FALLBACK[name]]) raw[name] = env[ENV_FALLBACK[name]]!;
  }
  const headers = options.prometheusHeader;
  if (Array.isArray(headers) && headers.length > 0) raw['prometheus-headers'] = headers.join('\n');
  return raw;
}

/** The validated inputs; a bad value names its flag (`--block-on`), never the policy file. */
export function parseRawInputs(raw: RawInputs): GateInputs {
  const parsed = gateInputsSchema.safeParse(raw);
  if (!parsed.success) {
    const error = policyErrorFromZod(
      parsed.error,
      { ...raw, 'prometheus-token': '***', 'prometheus-headers': '***' },
      'flag',
      COMMAND_LINE,
    );
    // The headers input is the repeatable --prometheus-header flag.
    throw new PolicyError(
      COMMAND_LINE,
      error.issues.map((issue) => (issue.path === '--prometheus-headers' ? { ...issue, path: '--prometheus-header' } : issue)),
    );
  }
  return parsed.data;
}

/**
 * The report of a gate that could not run: a configuration error (a bad input or
 * flag, a policy file that does not parse or resolve), or anything else that
 * stopped it before a decision. Machine output never disappears: the CLI's
 * `check --json` prints this and the Action writes it to `report-path`, so a
 * script that reads the report always finds one.
 *
 * The decision is UNKNOWN and blocked (a configuration error blocks even with
 * `on-error: allow`, see the README's failure semantics). `environment`,
 * `block-on`, `mode` and `on-error` are what the inputs say, each read on its
 * own so that one bad input does not hide the others; values the inputs do not
 * give (or give wrongly) take the built-in defaults, since the policy file may
 * be what failed.
 */
import { gateInputsSchema } from '../policy/inputs.js';
import type { PolicyError } from '../policy/policy-error.js';
import { REPORT_SCHEMA_ID, type Report, type RunInfo } from './report-schema.js';

/** Raw inputs by their documented names, as strings (the Action's `INPUT_*`, the CLI's flags). */
export type RawInputs = Readonly<Record<string, string | undefined>>;

export interface ErrorReportRequest {
  /** What the user set, valid or not. */
  inputs: RawInputs;
  /** The error, one reason per problem (each naming its source: flag, input or file). */
  reasons: readonly string[];
  now: Date;
  run: RunInfo | null;
}

/** One input parsed on its own; undefined when unset or invalid. */
function inputValue<K extends keyof typeof gateInputsSchema.shape>(inputs: RawInputs, name: K): unknown {
  const parsed = gateInputsSchema.shape[name].safeParse(inputs[name]);
  return parsed.success ? parsed.data : undefined;
}

// On its own line so that the directive stays next to the regular expression however the code is wrapped.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/** The environment as the inputs name it: the valid name, else the text given (cleaned of control characters), else production. */
function environmentOf(inputs: RawInputs): string {
  const valid = inputValue(inputs, 'environment');
  if (typeof valid === 'string') return valid;
  const given = (inputs.environment ?? '').replace(CONTROL_CHARS, ' ').trim().slice(0, 255);
  return given === '' ? 'production' : given;
}

/** A policy or input error as reasons: one per problem, each naming where it is (`.github/deploy-governor.yml: slos[0].objective: …`). */
export function policyErrorReasons(error: PolicyError): string[] {
  return error.issues.map((issue) => `${error.source}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
}

export function errorReport({ inputs, reasons, now, run }: ErrorReportRequest): Report {
  const blockOn = inputValue(inputs, 'block-on') as Report['decision']['blockOn'] | undefined;
  const mode = inputValue(inputs, 'mode') as Report['decision']['mode'] | undefined;
  const onError = inputValue(inputs, 'on-error') as Report['decision']['onError'] | undefined;
  const messages = reasons.length > 0 ? [...reasons] : ['the gate could not run'];
  return {
    schema: REPORT_SCHEMA_ID,
    environment: environmentOf(inputs),
    evaluatedAt: now.toISOString(),
    decision: {
      canDeploy: false,
      status: 'UNKNOWN',
      blockOn: blockOn ?? 'WARNING',
      mode: mode ?? 'enforce',
      onError: onError ?? 'block',
      overridden: false,
      reasons: messages,
      nextSteps: [
        'Fix the configuration error above and run the gate again: a configuration error blocks the deploy whatever on-error says, and no override applies to it.',
      ],
      requiredOverride: null,
      requiredPermission: null,
    },
    budget: { remaining: null, burnRate: null, daysToExhaustion: null },
    slos: [],
    dr: null,
    freeze: { active: [] },
    findings: messages.map((message) => ({ source: 'error' as const, status: 'UNKNOWN' as const, message })),
    override: null,
    // Nothing was queried; the URL is left out rather than shown from an input that may not have been valid.
    prometheus: { url: null, queries: 0, samplesTouched: null },
    run,
  };
}

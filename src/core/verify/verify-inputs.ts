/**
 * The verify step's own inputs, shared by the Action (`phase: verify`) and the
 * CLI (`deploy-governor verify`, whose flags are generated from this schema):
 * validated once, at the edge, in the gate inputs' wording (inputs.ts). The
 * gate's inputs still say which policy, environment and Prometheus to read;
 * `report-path` names the gate's report to read rather than one to write.
 */
import { z } from 'zod';
import { duration, number, oneOf, optionalText } from '../policy/inputs.js';
import { resolveVerifySettings, type VerifyConfig, type VerifyKeyNames, type VerifySettings } from './verify-settings.js';

/** Most characters of a rollback command: one shell line, not a script. */
const MAX_ROLLBACK_COMMAND = 500;

/** Raw inputs by their documented (kebab-case) names; each overrides the policy's `verify` section. */
export const verifyInputsSchema = z
  .object({
    bake: duration(),
    'verify-interval': duration(),
    'verify-window': duration(),
    'verify-factor': number('a number of at least 1, e.g. 2').refine((v) => v === undefined || v >= 1, {
      message: 'expected a number of at least 1, e.g. 2 (the post-deploy burn rate must exceed this many times the pre-deploy one)',
    }),
    'verify-floor': number('a burn rate of at least 0, e.g. 1').refine((v) => v === undefined || v >= 0, {
      message: 'expected a burn rate of at least 0, e.g. 1 (1 = the budget lasts exactly its window)',
    }),
    'verify-no-data': oneOf(['fail', 'pass'] as const),
    'rollback-command': optionalText.refine((v) => v === undefined || (v.length <= MAX_ROLLBACK_COMMAND && !/[\r\n]/.test(v)), {
      message: `expected one line of at most ${MAX_ROLLBACK_COMMAND} characters, e.g. "gh workflow run rollback.yml -f environment=production"`,
    }),
    'verdict-path': optionalText,
  })
  .strip();

export type VerifyInputs = z.output<typeof verifyInputsSchema>;

/**
 * The policy's settings with the inputs over them, checked together again (an input interval longer than the
 * file's bake is the input's fault, and named so).
 * @param names how the host spells `bake` and `verify-interval` (`bake` / `--bake`)
 * @throws PolicyError
 */
export function applyVerifyInputs(policy: VerifySettings, inputs: VerifyInputs, source: string, names: VerifyKeyNames): VerifySettings {
  const config: VerifyConfig = {
    bake: inputs.bake ?? policy.bake,
    interval: inputs['verify-interval'] ?? policy.interval,
    window: inputs['verify-window'] ?? policy.window,
    factor: inputs['verify-factor'] ?? policy.factor,
    floor: inputs['verify-floor'] ?? policy.floor,
    'no-data': inputs['verify-no-data'] ?? policy.noData,
  };
  return resolveVerifySettings(config, source, names);
}

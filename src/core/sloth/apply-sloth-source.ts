/**
 * The policy file's `sloth: <path>` key, resolved: the adapters read the named
 * file (from the workspace, the API or disk) and this adds its SLOs to the
 * policy's own, before `resolvePolicy` (which refuses a `sloth` key left unread).
 */
import type { PolicyFile } from '../policy/schema.js';
import { readSlothSpec } from './from-sloth-spec.js';

/**
 * The policy with the Sloth spec's SLOs appended to its top-level `slos` and the
 * `sloth` key removed.
 * @param slothText the text of the file `file.sloth` names
 * @param warn called once per thing of the spec that was ignored (an SLO plugin that does not change the maths), with
 *    a line naming the file, the key and why
 * @throws PolicyError when the Sloth spec is invalid or uses a plugin that changes the maths (paths are prefixed with
 *    the Sloth file's name)
 */
export function applySlothSource(file: PolicyFile, slothText: string, warn?: (message: string) => void): PolicyFile {
  const { sloth, ...rest } = file;
  if (sloth === undefined) return file;
  const { slos, warnings } = readSlothSpec(slothText, sloth);
  for (const w of warnings) warn?.(`${sloth}: ${w.path}: ${w.message}`);
  return { ...rest, slos: [...(rest.slos ?? []), ...slos] };
}

/**
 * The policy file's `sloth: <path>` key, resolved: the adapters read the named
 * file (from the workspace, the API or disk) and this adds its SLOs to the
 * policy's own, before `resolvePolicy` (which refuses a `sloth` key left unread).
 */
import type { PolicyFile } from '../policy/schema.js';
import { slosFromSlothSpec } from './from-sloth-spec.js';

/**
 * The policy with the Sloth spec's SLOs appended to its top-level `slos` and the
 * `sloth` key removed.
 * @param slothText the text of the file `file.sloth` names
 * @throws PolicyError when the Sloth spec is invalid (paths are prefixed with the Sloth file's name)
 */
export function applySlothSource(file: PolicyFile, slothText: string): PolicyFile {
  const { sloth, ...rest } = file;
  if (sloth === undefined) return file;
  const slos = slosFromSlothSpec(slothText, sloth);
  return { ...rest, slos: [...(rest.slos ?? []), ...slos] };
}

/**
 * The policy file's `openslo: <path>` key, resolved: the adapters read the named
 * file (from the workspace, the API or disk) and this adds its SLOs to the
 * policy's own, before `resolvePolicy` (which refuses an `openslo` key left unread).
 */
import type { PolicyFile } from '../policy/schema.js';
import { slosFromOpenSlo } from './from-openslo.js';

/**
 * The policy with the OpenSLO file's SLOs appended to its top-level `slos` and the
 * `openslo` key removed.
 * @param openSloText the text of the file `file.openslo` names
 * @throws PolicyError when the OpenSLO file is invalid or uses what the gate cannot read (its source is the OpenSLO file's path)
 */
export function applyOpenSloSource(file: PolicyFile, openSloText: string): PolicyFile {
  const { openslo, ...rest } = file;
  if (openslo === undefined) return file;
  const slos = slosFromOpenSlo(openSloText, openslo);
  return { ...rest, slos: [...(rest.slos ?? []), ...slos] };
}

/**
 * Environment names are compared exactly: when the policy has an `environments`
 * map, a name it does not list is refused rather than silently evaluated with
 * the top-level policy (`Production` or `prodution` would otherwise skip the
 * production section and its freeze windows). The messages name the known
 * environments and the closest one.
 */

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known name closest to `name`: one that differs only in case first, else
 * the nearest by edit distance (ignoring case) when it is close enough to be a
 * typo (at most a third of the name's length, at least 2). Null when none is.
 */
export function closestName(name: string, known: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const sameLetters = known.find((k) => k.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  let best: { name: string; d: number } | null = null;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (best === null || d < best.d) best = { name: k, d };
  }
  return best !== null && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.name : null;
}

/** "(production, staging): did you mean production?" or "(production, staging)." */
function knownNames(name: string, known: readonly string[]): string {
  const closest = closestName(name, known);
  return `(${[...known].sort().join(', ')})${closest !== null ? `: did you mean ${closest}?` : '.'}`;
}

/** The message for an environment the policy's `environments` map does not name. */
export function unknownEnvironmentMessage(name: string, known: readonly string[]): string {
  return `environment ${JSON.stringify(name)} is not in the policy's environments map ${knownNames(name, known)} Names are compared exactly, and an environment the map does not name is refused rather than evaluated with the top-level policy: deploy to one of them, or add environments.${name} (it may be empty, {}) to the policy`;
}

/** The message for a freeze window scoped to an environment the map does not name. */
export function unknownFreezeEnvironmentMessage(window: string, name: string, known: readonly string[]): string {
  return `freeze window ${JSON.stringify(window)} names the environment ${JSON.stringify(name)}, which is not in the policy's environments map ${knownNames(name, known)} A freeze window scoped to it would never apply; names are compared exactly`;
}

/** The message for a base branch that `freezes.merge-status` maps to an environment the map does not name. */
export function unknownMergeStatusEnvironmentMessage(branch: string, name: string, known: readonly string[]): string {
  return `freezes.merge-status maps the branch ${JSON.stringify(branch)} to the environment ${JSON.stringify(name)}, which is not in the policy's environments map ${knownNames(name, known)} Its freezes would never hold a pull request; names are compared exactly`;
}

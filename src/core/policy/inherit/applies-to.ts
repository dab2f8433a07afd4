/**
 * `applies-to`: scopes a rule (a freeze window, a fast-burn guard) to some
 * repositories, branches and environments with globs, so that one organisation
 * policy can freeze `payments-*` in `prod*` only.
 *
 * The glob grammar is deliberately small, and matched in linear memory and
 * O(pattern × value) time whatever the input (no regular expression is built
 * from a policy's text, so no pattern can backtrack exponentially):
 *
 * | Token | Matches |
 * | --- | --- |
 * | `*` | any run of characters except `/` (also none) |
 * | `**` | any run of characters, `/` included |
 * | `?` | one character except `/` |
 * | anything else | itself, case-sensitively (`\` escapes the next character) |
 *
 * A repository pattern without `/` matches the repository's name (`payments-*`);
 * one with `/` matches `owner/name` (`acme/payments-*`). Owner and repository
 * names are compared case-insensitively, as GitHub does; branches and
 * environments exactly. A rule applies when every dimension it names matches
 * (each list is any-of). Where the run does not know a dimension (the CLI
 * without `--repo`, a run with no branch), a rule scoped on it applies: rules
 * only ever restrict, so an unknown target fails closed.
 */
import { z } from 'zod';

const MAX_PATTERN = 255;
const MAX_PATTERNS = 50;

type Token = { kind: 'char'; char: string } | { kind: 'star' } | { kind: 'globstar' } | { kind: 'one' };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) tokens.push({ kind: 'char', char: pattern[++i]! });
    else if (c === '*' && pattern[i + 1] === '*') {
      tokens.push({ kind: 'globstar' });
      while (pattern[i + 1] === '*') i++;
    } else if (c === '*') tokens.push({ kind: 'star' });
    else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/** Whether `value` matches `pattern` in the grammar above (dynamic programming over the tokens: no backtracking). */
export function globMatches(pattern: string, value: string): boolean {
  const tokens = tokenize(pattern);
  // reach[j]: the first j characters of value are matched by the tokens seen so far.
  let reach: boolean[] = Array.from({ length: value.length + 1 }, (_, j) => j === 0);
  for (const token of tokens) {
    const next: boolean[] = Array.from({ length: value.length + 1 }, () => false);
    for (let j = 0; j <= value.length; j++) {
      if (token.kind === 'star' || token.kind === 'globstar') {
        // Zero characters, or one more than a reachable prefix (not a / for *).
        next[j] = reach[j]! || (j > 0 && next[j - 1]! && (token.kind === 'globstar' || value[j - 1] !== '/'));
      } else if (j > 0 && reach[j - 1]) {
        const c = value[j - 1]!;
        next[j] = token.kind === 'one' ? c !== '/' : c === token.char;
      }
    }
    reach = next;
  }
  return reach[value.length]!;
}

const patternList = (what: string, example: string) =>
  z
    .array(
      z
        .string()
        .min(1, { message: `expected a non-empty glob, e.g. ${example}` })
        .max(MAX_PATTERN, { message: `expected a glob of at most ${MAX_PATTERN} characters` }),
    )
    .min(1, { message: `expected at least one ${what} glob (leave the key out to match every ${what})` })
    .max(MAX_PATTERNS)
    .optional();

export const appliesToSchema = z
  .strictObject({
    repositories: patternList('repository', '"payments-*"').meta({
      description: 'Globs over the repository: its name (`payments-*`), or `owner/name` when the glob has a `/`. Case-insensitive.',
    }),
    branches: patternList('branch', '"release/*"').meta({
      description:
        'Globs over the branch deployed (`main`, `release/*`; `*` stops at `/`, `**` does not). Where the branch is unknown, the rule applies.',
    }),
    environments: patternList('environment', '"prod*"').meta({ description: 'Globs over the environment name (`prod*`).' }),
  })
  .meta({
    description:
      'Where this rule applies: every key given must match (each list is any-of). Globs: `*` (not across /), `**`, `?`; `\\` escapes. A dimension the run does not know (the CLI without --repo) matches, so a scoped rule fails closed.',
  });

export type AppliesTo = z.infer<typeof appliesToSchema>;

/** What a rule is matched against: unknown dimensions are null. */
export interface RuleTarget {
  /** `owner/name`. */
  repository: string | null;
  branch: string | null;
  environment: string;
}

function repositoryMatches(pattern: string, repository: string): boolean {
  const full = repository.toLowerCase();
  const name = full.slice(full.indexOf('/') + 1);
  return globMatches(pattern.toLowerCase(), pattern.includes('/') ? full : name);
}

/** Whether a rule with this scope applies to the target (no scope: everywhere). */
export function appliesTo(scope: AppliesTo | undefined, target: RuleTarget): boolean {
  if (!scope) return true;
  const { repositories, branches, environments } = scope;
  if (repositories && target.repository !== null && !repositories.some((p) => repositoryMatches(p, target.repository!))) return false;
  if (branches && target.branch !== null && !branches.some((p) => globMatches(p, target.branch!))) return false;
  if (environments && !environments.some((p) => globMatches(p, target.environment))) return false;
  return true;
}

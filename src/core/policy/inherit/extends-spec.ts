/**
 * The `extends` value of a policy file: `<owner>/<repo>[:<path>][@<ref>]`, as
 * Probot's `_extends` names a base file. The path defaults to the policy's own
 * path in that repository (`.github/deploy-governor.yml`, the organisation's
 * `.github` repository by convention) and the ref to its default branch. Pure:
 * parsing and normalising only; reading is the host's (src/github/read-parent-policy.ts).
 */

/** The default path of a parent policy in its repository. */
const DEFAULT_PARENT_PATH = '.github/deploy-governor.yml';

/** The accepted form, quoted by every refusal. */
export const EXTENDS_FORM =
  'owner/repo, optionally followed by :path/inside/the/repo.yml and @ref, e.g. acme/.github or acme/.github:policies/deploy.yml@main';

export interface ExtendsSpec {
  owner: string;
  repo: string;
  /** Inside the repository, relative to its root: no leading `/`, no `.` or `..` segment. */
  path: string;
  /** A branch, tag or commit; null for the repository's default branch. */
  ref: string | null;
}

// GitHub's own limits: an owner is 1-39 letters, digits or single dashes; a repository 1-100 of letters, digits, ., _ and -.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const PATH_SEGMENT = /^[A-Za-z0-9._-]{1,255}$/;
const REF = /^[A-Za-z0-9._/-]{1,255}$/;

/** Why `path` is not a path inside a repository; null when it is. */
function pathProblem(path: string): string | null {
  if (path.length > 1024) return `the path has ${path.length} characters; at most 1024`;
  if (path.startsWith('/')) return 'the path must be relative to the repository root, without a leading /';
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return 'the path must stay inside the repository: no .. segment';
  if (segments.some((s) => s === '' || s === '.')) return 'the path has an empty or . segment';
  if (!segments.every((s) => PATH_SEGMENT.test(s))) return 'each path segment may have only letters, digits, ., _ and -';
  return null;
}

/** Why `ref` is not a branch, tag or commit name git accepts (a conservative subset); null when it is. */
function refProblem(ref: string): string | null {
  if (!REF.test(ref)) return 'a ref may have only letters, digits, ., _, - and / (1-255 characters)';
  if (ref.startsWith('/') || ref.endsWith('/') || ref.startsWith('-') || ref.endsWith('.') || ref.endsWith('.lock'))
    return 'a ref may not start with / or -, or end with /, . or .lock';
  if (ref.includes('..') || ref.includes('//') || ref.split('/').some((s) => s.startsWith('.')))
    return 'a ref may not contain .., // or a segment that starts with .';
  return null;
}

export type ExtendsParse = { spec: ExtendsSpec } | { problem: string };

/** Parses `owner/repo[:path][@ref]`; the problem names what is wrong (the caller names the file, the key and the value). */
export function parseExtends(value: string): ExtendsParse {
  const at = value.indexOf('@');
  const head = at === -1 ? value : value.slice(0, at);
  const ref = at === -1 ? null : value.slice(at + 1);
  const colon = head.indexOf(':');
  const repoPart = colon === -1 ? head : head.slice(0, colon);
  const path = colon === -1 ? DEFAULT_PARENT_PATH : head.slice(colon + 1);
  const slash = repoPart.indexOf('/');
  if (slash === -1) return { problem: `expected ${EXTENDS_FORM}: the owner is missing` };
  const owner = repoPart.slice(0, slash);
  const repo = repoPart.slice(slash + 1);
  if (!OWNER.test(owner)) return { problem: `"${owner}" is not a GitHub owner name (1-39 letters, digits or single dashes)` };
  if (!REPO.test(repo) || repo === '.' || repo === '..')
    return { problem: `"${repo}" is not a repository name (1-100 letters, digits, ., _ or -)` };
  if (colon !== -1 && path === '') return { problem: 'the path after : is empty; leave the : out for the default path' };
  const badPath = pathProblem(path);
  if (badPath !== null) return { problem: badPath };
  if (ref !== null) {
    if (ref === '') return { problem: 'the ref after @ is empty; leave the @ out for the default branch' };
    const badRef = refProblem(ref);
    if (badRef !== null) return { problem: badRef };
  }
  return { spec: { owner, repo, path, ref } };
}

/** The one spelling of a file of the chain, for messages and provenance: `owner/repo:path@ref` (`@default` for the default branch). */
export function describeSpec(spec: ExtendsSpec): string {
  return `${spec.owner}/${spec.repo}:${spec.path}@${spec.ref ?? 'default'}`;
}

/** Identity for cycle detection: GitHub's owner and repository names are case-insensitive, paths and refs are not. */
export function specKey(spec: ExtendsSpec): string {
  return `${spec.owner.toLowerCase()}/${spec.repo.toLowerCase()}:${spec.path}@${spec.ref ?? ''}`;
}

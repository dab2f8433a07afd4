/**
 * `owner/repo` patterns of the tenants file and of Alertmanager tokens: an exact
 * name (`acme/payments`) or a glob where `*` stands for any run of characters
 * other than `/` (`acme/payments-*`, `acme-*\/api`). GitHub names are compared
 * without regard to case, as GitHub does.
 */

export interface RepositoryPattern {
  /** As written in the file. */
  text: string;
  /** No `*`: one repository. */
  exact: boolean;
  /** Characters that are not `*`: the more, the more specific among globs. */
  literalChars: number;
  matches(owner: string, repo: string): boolean;
}

/** What a pattern may look like (the JSON Schema shows it too). */
export const REPOSITORY_PATTERN = /^[A-Za-z0-9*][A-Za-z0-9*-]{0,38}\/[A-Za-z0-9._*-]{1,100}$/;

/** An owner (user or organisation) name. */
export const OWNER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;

export function compileRepositoryPattern(text: string): RepositoryPattern {
  const lower = text.toLowerCase();
  const exact = !lower.includes('*');
  const regex = exact
    ? null
    : new RegExp(
        `^${lower
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]*')}$`,
      );
  return {
    text,
    exact,
    literalChars: lower.replace(/\*/g, '').length,
    matches(owner, repo) {
      const name = `${owner}/${repo}`.toLowerCase();
      return regex ? regex.test(name) : name === lower;
    },
  };
}

/**
 * A policy or input problem the user can fix: each issue names the key's path and
 * what is accepted. Adapters print `message` as is (no stack trace).
 */
export interface PolicyIssue {
  /** Dotted path of the offending key, e.g. `slos[0].objective`. */
  path: string;
  /** What is wrong and what is accepted. */
  message: string;
}

export class PolicyError extends Error {
  override readonly name = 'PolicyError';

  constructor(
    readonly source: string,
    readonly issues: readonly PolicyIssue[],
  ) {
    super(
      `${source}: ${issues.length === 1 ? 'invalid value' : `${issues.length} invalid values`}\n${issues.map((i) => `  - ${i.path || '(top level)'}: ${i.message}`).join('\n')}`,
    );
  }
}

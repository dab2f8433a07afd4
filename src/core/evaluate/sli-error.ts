/**
 * A query answered, but not in a shape the SLI can use (several series, NaN, a
 * missing histogram bucket). The message says how to fix the query.
 */
export class SliError extends Error {
  override readonly name = 'SliError';
}

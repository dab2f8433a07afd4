/**
 * Checks any request the app makes to GitHub: REST against the published OpenAPI
 * description, and `POST /graphql` against GitHub's published GraphQL schema
 * (@octokit/graphql-schema), including that every variable the document
 * declares is sent.
 */
import { validate } from '@octokit/graphql-schema';
import { checkRequestAgainstOpenApi } from './openapi-checker.js';

export function checkGitHubRequest(request: { method: string; path: string; body?: unknown }): string[] {
  if (request.path.replace(/^\/api(\/v3)?(?=\/)/, '') !== '/graphql') return checkRequestAgainstOpenApi(request);
  const body = request.body as { query?: unknown; variables?: Record<string, unknown> } | undefined;
  if (request.method !== 'POST' || typeof body?.query !== 'string')
    return [`${request.method} ${request.path}: a GraphQL request is a POST with a "query" string`];
  const problems = validate(body.query).map((e) => `POST /graphql: ${e.message}`);
  for (const [, name] of body.query.matchAll(/\$(\w+)\s*:/g)) {
    if (!body.variables || !(name! in body.variables)) problems.push(`POST /graphql: variable $${name} is declared but not sent`);
  }
  return problems;
}

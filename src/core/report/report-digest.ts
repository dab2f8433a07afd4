/**
 * The digest that binds a report to the run that produced it. The Action asks
 * GitHub's OIDC issuer for a token whose audience is `oidcAudience(digest)`; the
 * app recomputes the digest from the report it read and requires the same
 * audience, so a token can vouch for one report only.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import type { Report } from './report-schema.js';

const AUDIENCE_PREFIX = 'deploy-governor:sha256:';

/** Hex SHA-256 of the report's canonical JSON, without `provenance` (which carries the token). */
export function reportDigest(report: Report): string {
  const { provenance: _token, ...bound } = report;
  return createHash('sha256').update(canonicalJson(bound)).digest('hex');
}

/** The OIDC audience that names this digest. */
export function oidcAudience(digest: string): string {
  return `${AUDIENCE_PREFIX}${digest}`;
}

/**
 * A freeze requested by a workflow_dispatch run (issue 15): the Action publishes
 * `{ kind, repository, command, runId, runAttempt }` with the run's OIDC token,
 * whose audience is this request's digest, in the check run
 * `deploy-governor / freeze-request`; the app recomputes the digest from the
 * request it reads and requires the same audience, so the token vouches for this
 * command of this run attempt and nothing else. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { embedFencedJson, extractFencedJson } from '../fenced-json.js';
import { canonicalJson } from '../canonical-json.js';

/** The check run that carries a freeze request (GitHub Actions creates it; the app reads it). */
export const FREEZE_REQUEST_CHECK_NAME = 'deploy-governor / freeze-request';

const freezeRequestSchema = z.strictObject({
  kind: z.literal('freeze-request'),
  /** `owner/repo` of the run. */
  repository: z.string().min(3).max(200),
  /** `/freeze …` or `/unfreeze …`, as the workflow was given it. */
  command: z.string().min(1).max(1_000),
  runId: z.number().int().positive(),
  runAttempt: z.number().int().positive(),
});

export type FreezeRequest = z.infer<typeof freezeRequestSchema>;

const envelopeSchema = z.strictObject({
  request: freezeRequestSchema,
  // A compact JWS, as the runner hands it over (request-oidc-token.ts).
  oidcToken: z
    .string()
    .max(16_384)
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/),
});

/** Hex SHA-256 of the request's canonical JSON: the token's audience is `oidcAudience(freezeRequestDigest(r))`. */
export function freezeRequestDigest(request: FreezeRequest): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

const TAG = 'deploy-governor-freeze-request';

/** The request and its token as check-run text: a short note and the fenced JSON (as embedReport does for a report). */
export function embedFreezeRequest(request: FreezeRequest, oidcToken: string): string {
  return embedFencedJson(TAG, 'A freeze request for the deploy-governor app, bound to this run by its OIDC token:', { request, oidcToken });
}

/** The request and token embedded in check-run text, or null when there are none or they are malformed. */
export function extractFreezeRequest(text: string | null | undefined): { request: FreezeRequest; oidcToken: string } | null {
  return extractFencedJson(text, TAG, envelopeSchema);
}

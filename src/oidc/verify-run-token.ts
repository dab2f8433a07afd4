/**
 * Verifies a GitHub Actions OIDC token (a JWT) the way any relying party should:
 * keys from the issuer's discovery document (`/.well-known/openid-configuration`
 * → `jwks_uri`), RS256 only, the issuer, the audience, and the expiry with a
 * small clock tolerance. All JWT handling is jose's; this module only finds the
 * keys and turns jose's errors into sentences a person can act on.
 *
 * The audience is what ties a token to one report (`oidcAudience(reportDigest(r))`),
 * so a wrong audience means the report was changed after the token was issued.
 *
 * The claims about the run (repository, run, actor, refs) are checked separately,
 * by `checkRunTokenClaims` in src/core/override/run-token-claims.ts.
 */
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { showClaim } from '../core/override/run-token-claims.js';

export interface RunTokenVerifierOptions {
  /** The issuer URL exactly as tokens carry it in `iss`, e.g. `https://token.actions.githubusercontent.com`. */
  issuer: string;
  /** Seconds of clock skew accepted on `exp` and `nbf` (tokens live minutes: keep this small). */
  clockToleranceSeconds: number;
}

/**
 * The verdict on a token. `transient` marks failures that are not the token's
 * fault (the issuer could not be reached): retry later instead of raising an alert.
 */
type RunTokenVerdict = { ok: true; claims: Record<string, unknown> } | { ok: false; problem: string; transient?: boolean };

export interface RunTokenVerifier {
  /** Verifies `token` for `audience` at `now` (default: the current time). Never throws for a bad token. */
  verify(token: string, audience: string, now?: Date): Promise<RunTokenVerdict>;
}

/** A discovery or key-set fetch failed; `transient` when the issuer was unreachable rather than misconfigured. */
class IssuerError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'IssuerError';
  }
}

const FETCH_TIMEOUT_MS = 10_000;

const discoverySchema = z.object({ issuer: z.string(), jwks_uri: z.string().url() });

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${message}${cause}`;
}

function isoOf(seconds: unknown): string {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : showClaim(seconds);
}

/** The keys the issuer publishes, found through its discovery document. */
async function discoverKeys(issuer: string): Promise<JWTVerifyGetKey> {
  const discoveryUrl = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetch(discoveryUrl, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error: unknown) {
    throw new IssuerError(`cannot reach the OIDC issuer's discovery document ${discoveryUrl}: ${messageOf(error)}`, true);
  }
  // 5xx and 429 are outages; any other refusal means the issuer URL is wrong.
  if (response.status >= 500 || response.status === 429) {
    throw new IssuerError(`the OIDC issuer's discovery document ${discoveryUrl} answered HTTP ${response.status}`, true);
  }
  if (!response.ok) {
    throw new IssuerError(
      `the OIDC issuer's discovery document ${discoveryUrl} answered HTTP ${response.status}: check the configured issuer URL`,
      false,
    );
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error: unknown) {
    throw new IssuerError(`the OIDC issuer's discovery document ${discoveryUrl} is not JSON: ${messageOf(error)}`, true);
  }
  const parsed = discoverySchema.safeParse(json);
  if (!parsed.success) {
    throw new IssuerError(`the OIDC issuer's discovery document ${discoveryUrl} has no valid "issuer" and "jwks_uri"`, false);
  }
  // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was fetched for.
  if (parsed.data.issuer !== issuer) {
    throw new IssuerError(
      `the discovery document ${discoveryUrl} names the issuer ${showClaim(parsed.data.issuer)}, not ${showClaim(issuer)}: configure the issuer exactly as its tokens' "iss"`,
      false,
    );
  }
  const jwksUrl = new URL(parsed.data.jwks_uri);
  // Keys fetched over plain HTTP from an HTTPS issuer could be swapped in transit.
  if (jwksUrl.protocol !== 'https:' && !(jwksUrl.protocol === 'http:' && new URL(issuer).protocol === 'http:')) {
    throw new IssuerError(`the OIDC issuer's jwks_uri ${showClaim(jwksUrl.href)} is not HTTPS`, false);
  }
  return createRemoteJWKSet(jwksUrl, { timeoutDuration: FETCH_TIMEOUT_MS });
}

/** jose's error for a token, as the sentence shown to people. */
function verdictFor(error: unknown, o: { issuer: string; audience: string; now: Date; token: string }): RunTokenVerdict {
  const fail = (problem: string): RunTokenVerdict => ({ ok: false, problem });
  if (error instanceof IssuerError) return { ok: false, problem: error.message, transient: error.transient };
  if (error instanceof errors.JWTExpired) {
    return fail(
      `the OIDC token expired at ${isoOf(error.payload.exp)} (checked at ${o.now.toISOString()}): verify it while it is fresh, or re-run the workflow`,
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const { claim, reason, payload } = error;
    if (reason === 'missing') return fail(`the OIDC token has no "${claim}" claim`);
    switch (claim) {
      case 'aud':
        return fail(
          `the OIDC token's audience is ${showClaim(payload.aud)}, not the digest of this report ${showClaim(o.audience)}: the report was changed after the token was issued, or the token belongs to another report`,
        );
      case 'iss':
        return fail(`the OIDC token was issued by ${showClaim(payload.iss)}, not ${showClaim(o.issuer)}`);
      case 'nbf':
        return fail(`the OIDC token is not valid before ${isoOf(payload.nbf)} (checked at ${o.now.toISOString()}): check the clocks`);
      default:
        return fail(`the OIDC token's "${claim}" claim is invalid (${reason}): ${error.message}`);
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return fail(
      `the OIDC token's signature does not verify with the keys ${showClaim(o.issuer)} publishes: it was not issued by that issuer, or it was altered`,
    );
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    let kid: unknown;
    try {
      kid = decodeProtectedHeader(o.token).kid;
    } catch {
      kid = undefined;
    }
    return fail(`the OIDC token is signed with a key (kid ${showClaim(kid)}) that ${showClaim(o.issuer)} does not publish`);
  }
  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return fail(`the OIDC token names no key id (kid) that tells ${showClaim(o.issuer)}'s keys apart`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return fail(`the OIDC token is not signed with RS256, the only algorithm GitHub's issuer uses`);
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return fail(`the OIDC token is not a well-formed signed JWT: ${error.message}`);
  }
  // Not a token jose could judge, and not the issuer: a bug here. Fail closed, and say so.
  return fail(`the OIDC token could not be verified: ${messageOf(error)}`);
}

/**
 * A verifier for one issuer. The discovery document and the key set are fetched
 * on first use and kept (jose refreshes the keys after 10 minutes, or when a
 * token names an unknown key); a failed fetch is not kept, so the next call
 * retries it.
 */
export function createRunTokenVerifier(o: RunTokenVerifierOptions): RunTokenVerifier {
  let keys: Promise<JWTVerifyGetKey> | null = null;
  const keysOnce = (): Promise<JWTVerifyGetKey> => {
    if (keys === null) {
      const pending = discoverKeys(o.issuer);
      keys = pending;
      pending.catch(() => {
        if (keys === pending) keys = null;
      });
    }
    return keys;
  };
  // Errors of the key set's own lookup (no or several keys match the token's header) are the
  // token's. Anything else the remote set throws comes from fetching or importing the keys
  // (network, timeout, HTTP status, bad JSON): the issuer's fault, worth a retry.
  const getKey: JWTVerifyGetKey = async (header, token) => {
    const remote = await keysOnce();
    try {
      return await remote(header, token);
    } catch (error: unknown) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new IssuerError(`cannot fetch the OIDC issuer's keys for ${showClaim(o.issuer)}: ${messageOf(error)}; retry later`, true);
    }
  };

  return {
    async verify(token, audience, now = new Date()) {
      try {
        const { payload } = await jwtVerify(token, getKey, {
          issuer: o.issuer,
          audience,
          algorithms: ['RS256'],
          clockTolerance: o.clockToleranceSeconds,
          currentDate: now,
          // A token without an expiry would vouch for a report forever.
          requiredClaims: ['exp'],
        });
        return { ok: true, claims: { ...payload } };
      } catch (error: unknown) {
        return verdictFor(error, { issuer: o.issuer, audience, now, token });
      }
    },
  };
}

/**
 * What binds a check run's report to the workflow run it names: the run's
 * OIDC token, verified (signature, issuer, expiry, the report's digest as its
 * audience), and its claims checked against the run expected (the repository,
 * the run and attempt, the commit, a reviewed ref). Shared by the overrides
 * (verify-override.ts) and the change-class grants (verify-class-grant.ts).
 * A transient failure (the issuer unreachable) throws, so the delivery is
 * retried rather than raising a false alert.
 */
import { checkRunTokenClaims, type ExpectedRun } from '../../src/core/override/run-token-claims.js';
import { oidcAudience, reportDigest } from '../../src/core/report/report-digest.js';
import type { Report } from '../../src/core/report/report-schema.js';
import type { RunTokenVerifier } from '../../src/oidc/verify-run-token.js';

export interface ReportBinding {
  /** Empty when the report is bound to the expected run. */
  problems: string[];
  /** Who started the run's attempt, as the verified token names it (null: no verified token, or no actor claim). */
  actor: string | null;
}

const actorOf = (claims: Record<string, unknown>): string | null => {
  const named = claims.triggering_actor ?? claims.actor;
  return typeof named === 'string' && named !== '' ? named : null;
};

/**
 * @param what what the token is for, in the warning's words (`an override`, `a change-class grant`)
 * @param expected the run the report must come from; `actor: null` takes the actor from the token itself
 */
export async function checkReportToken(
  verifier: RunTokenVerifier,
  report: Report,
  what: string,
  expected: Omit<ExpectedRun, 'actor'> & { actor: string | null },
): Promise<ReportBinding> {
  const token = report.provenance?.oidcToken;
  if (!token) {
    return {
      problems: [
        `the report carries no OIDC token, so nothing binds it to a workflow run: the job that records ${what} needs \`permissions: id-token: write\``,
      ],
      actor: null,
    };
  }
  const verdict = await verifier.verify(token, oidcAudience(reportDigest(report)));
  if (!verdict.ok) {
    if (verdict.transient) throw new Error(`the OIDC issuer could not be reached to verify ${what}: ${verdict.problem}`);
    return { problems: [verdict.problem], actor: null };
  }
  const actor = expected.actor ?? actorOf(verdict.claims);
  if (actor === null) return { problems: ['the OIDC token names no "triggering_actor" or "actor"'], actor: null };
  return { problems: checkRunTokenClaims(verdict.claims, { ...expected, actor }), actor };
}

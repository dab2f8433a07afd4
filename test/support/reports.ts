/** Reports for the app's tests, produced by the real core from in-memory Prometheus answers. */
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { applyOverride } from '../../src/core/override/decide-override.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { oidcAudience, reportDigest } from '../../src/core/report/report-digest.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { githubRunClaims, type LocalOidcIssuer } from './oidc-issuer.js';
import { eventsAnswer, MemoryQuerier } from './memory-querier.js';
import { HEAD_SHA, OWNER, REPO } from './webhook-payloads.js';

/** Errors per million requests over 30 days: 100 → NORMAL, 600 → WARNING, 900 → FREEZE, 1500 → EXHAUSTED. */
export async function reportFor(errorsPerMillion: number, policyYaml = 'dr: { enabled: false }', runId = 9001): Promise<Report> {
  const policy = resolvePolicy(parsePolicy(policyYaml), gateInputsSchema.parse({}));
  const q = new MemoryQuerier(
    eventsAnswer({
      '30d': { errors: errorsPerMillion, total: 1_000_000 },
      '1h': { errors: 0, total: 1000 },
      '5m': { errors: 0, total: 100 },
    }),
  );
  return evaluatePolicy({
    policy,
    prometheus: q,
    now: new Date('2026-11-23T12:00:00Z'),
    run: {
      repository: `${OWNER}/${REPO}`,
      runId,
      runAttempt: 1,
      runUrl: `https://github.com/${OWNER}/${REPO}/actions/runs/${runId}`,
      sha: HEAD_SHA,
      ref: 'refs/heads/main',
      workflow: 'deploy',
      workflowPath: '.github/workflows/deploy.yml',
      eventName: 'workflow_dispatch',
      actor: 'octocat',
      serverUrl: 'https://github.com',
    },
  });
}

/** An overridden report, as the Action would produce it for an authorized actor. */
export async function overriddenReport(
  errorsPerMillion: number,
  o: { actor?: string; reason?: string; runId?: number; level?: 'warning' | 'freeze' | 'exhausted' } = {},
): Promise<Report> {
  const runId = o.runId ?? 9001;
  const report = await reportFor(errorsPerMillion, 'dr: { enabled: false }', runId);
  const policy = resolvePolicy(parsePolicy('dr: { enabled: false }'), gateInputsSchema.parse({}));
  const out = applyOverride(
    report,
    {
      level: o.level ?? 'exhausted',
      reason: o.reason ?? 'Hotfix for the checkout outage INC-42',
      actor: o.actor ?? 'octocat',
      eventName: 'workflow_dispatch',
      role: { roleName: 'admin', permission: 'admin' },
      approvers: [],
      runId,
      runAttempt: 1,
      at: new Date('2026-11-23T12:00:00Z'),
    },
    policy,
  );
  if (!out.decision.overridden) throw new Error(`override not applied: ${out.decision.reasons[0]}`);
  return out;
}

/**
 * The report as the Action publishes it when the job has `id-token: write`: with
 * an OIDC token from `issuer` whose audience is the report's digest. `claims`
 * change the run's claims (a branch ref, another attempt); `sign` changes the
 * token (expired, wrong key, another audience).
 */
export async function bindToRun(
  report: Report,
  issuer: LocalOidcIssuer,
  o: { repository?: string; sha?: string; claims?: Record<string, unknown>; sign?: Parameters<LocalOidcIssuer['sign']>[1] } = {},
): Promise<Report> {
  const override = report.override!;
  const claims = {
    ...githubRunClaims({
      repository: o.repository ?? `${OWNER}/${REPO}`,
      runId: override.runId!,
      runAttempt: override.runAttempt ?? 1,
      actor: override.actor,
      sha: o.sha ?? HEAD_SHA,
    }),
    ...o.claims,
  };
  const oidcToken = await issuer.sign(claims, { audience: oidcAudience(reportDigest(report)), ...o.sign });
  return { ...report, provenance: { oidcToken } };
}

/** Verdicts of the post-deploy verification (deploy-governor/verification@1) as the Action's verify step writes them. */
import { verificationSchema, type Verification } from '../../src/core/verify/verification-schema.js';
import { HEAD_SHA, OWNER, REPO } from './webhook-payloads.js';

/** The workflow run the verdicts name by default. */
export const RUN = 9_501;

/** A production verdict of one SLO: a pass at 0.3x, or a regression at 14.4x (before: 0.2x, limit 1x). */
export function verificationFor(o: {
  regressed: boolean;
  runId?: number | null;
  runAttempt?: number;
  slo?: string;
  rollback?: string | null;
}): Verification {
  const slo = o.slo ?? 'api';
  const burnAfter = o.regressed ? 14.4 : 0.3;
  return verificationSchema.parse({
    schema: 'deploy-governor/verification@1',
    environment: 'production',
    verdict: o.regressed ? 'regressed' : 'pass',
    passed: !o.regressed,
    regressed: o.regressed,
    burnBefore: 0.2,
    burnAfter,
    settings: { bake: '15m', interval: '1m', window: '5m', factor: 2, floor: 1, noData: 'fail' },
    startedAt: '2026-11-29T12:00:00Z',
    endedAt: '2026-11-29T12:03:00Z',
    polls: 3,
    plannedPolls: 15,
    endedEarly: o.regressed,
    slos: [
      {
        name: slo,
        objective: 99.9,
        burnBefore: 0.2,
        burnAfter,
        limit: 1,
        verdict: o.regressed ? 'regressed' : 'pass',
        samples: [{ at: '2026-11-29T12:03:00Z', state: 'measured', burnRate: burnAfter, regressed: o.regressed }],
      },
    ],
    reasons: [o.regressed ? `${slo}: burn rate 14.4 above 1` : `${slo}: within its limit`],
    recommendation: o.regressed ? 'Roll back the deploy to production.' : null,
    rollbackCommand: o.rollback ?? null,
    gate: { evaluatedAt: '2026-11-29T11:59:00Z', runId: o.runId ?? RUN },
    prometheus: { url: null, queries: 6 },
    run: {
      repository: `${OWNER}/${REPO}`,
      runId: o.runId === undefined ? RUN : o.runId,
      runAttempt: o.runAttempt ?? 1,
      runUrl: `https://github.com/${OWNER}/${REPO}/actions/runs/${RUN}`,
      sha: HEAD_SHA,
      ref: 'refs/heads/main',
      workflow: 'deploy',
      eventName: 'push',
      actor: 'octocat',
      serverUrl: 'https://github.com',
    },
  });
}

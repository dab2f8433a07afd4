/**
 * The real server (`npm run app`) under injected GitHub faults, one kind per
 * run, against the stateful stand-in: 5xx answers (some after the write took
 * effect), 409 on the audit-log write, secondary rate limits (403 and 429 with
 * retry-after), 3-second answers and dropped connections. Every delivery is
 * answered 202 (queued) within GitHub's 10 s whatever GitHub does meanwhile;
 * once the queue has drained (failed attempts retried), what it acknowledged
 * must be in GitHub exactly once with nothing left among the dead letters, the
 * audit chain must stay valid, and no contents write resends a sha that was
 * already answered 409 as stale.
 *
 * The runs are independent (each its own stand-in and app process) and mostly
 * wait on Probot's write spacing, so they run side by side; retries start after
 * 200 ms instead of 2 s to keep the test short.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FAULTS, runLoad } from '../../scripts/bench-app.js';
import { stopAllAppInstances } from '../../scripts/lib/app-instances.js';
import type { FaultKind } from '../../scripts/lib/github-state-stand-in.js';

// Shares well above the bench's, so a small run meets each fault several times.
const SHARES: Record<FaultKind, number> = {
  'server-error': 0.15,
  'audit-conflict': 0.5,
  'secondary-rate-limit': 0.2,
  slow: 0.15,
  drop: 0.15,
};
// One pull request: racing first blocks, an override that needs a review issue, blocks again.
const schedule = [['block', 'block'], 'override-exhausted', 'block', 'block', 'block'];

// Only a timed-out test leaves anything running (runLoad stops what it started).
afterAll(stopAllAppInstances);

describe('the app under injected GitHub faults', () => {
  it('loses and duplicates nothing it acknowledged, answers in time, never resends a stale sha', { timeout: 90_000 }, async () => {
    const kinds = Object.keys(FAULTS) as FaultKind[];
    const runs = await Promise.all(
      kinds.map((kind, i) =>
        runLoad({
          deliveries: 6,
          concurrency: 2,
          pullRequests: 1,
          installations: 1,
          instances: 1,
          redis: false,
          fault: { ...FAULTS[kind], share: SHARES[kind] },
          seed: 11 + i,
          idPrefix: `fault-${kind}`,
          schedule,
          appEnv: { QUEUE_RETRY_BASE: '200ms' },
        }),
      ),
    );
    for (const [i, run] of runs.entries()) {
      const label = `${kinds[i]} (answers ${JSON.stringify(run.statuses)}; app errors: ${run.appErrors.slice(0, 3).join(' | ')})`;
      expect(run.apiProblems, label).toEqual([]);
      expect(run.faultedRequests, `${label}: the fault was met`).toBeGreaterThan(0);
      expect(run.maxMs, label).toBeLessThan(10_000);
      expect(
        run.results.every((r) => r.status === 202),
        `${label}: every delivery queued`,
      ).toBe(true);
      expect(run.deadLetters, `${label}: nothing failed every attempt`).toBe(0);
      expect(run.invariants, label).toEqual({
        duplicateComments: 0,
        commentsLost: 0,
        auditLinesLost: 0,
        auditLinesDuplicated: 0,
        issuesLost: 0,
        issuesDuplicated: 0,
        chainProblems: [],
        staleResends: 0,
      });
      // The invariants above are about real writes: overrides were logged.
      expect(run.final.auditIds.length, label).toBeGreaterThan(0);
      expect(run.final.comments, label).toHaveLength(1);
    }
  });
});

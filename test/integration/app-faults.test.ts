/**
 * The real server (`npm run app`) under injected GitHub faults, one kind per
 * run, against the stateful stand-in: 5xx answers (some after the write took
 * effect), 409 on the audit-log write, secondary rate limits (403 and 429 with
 * retry-after), 3-second answers and dropped connections. Whatever it
 * acknowledged (2xx) must be in GitHub exactly once, the audit chain must stay
 * valid, every webhook is answered within GitHub's 10 s, and no contents write
 * resends a sha that was already answered 409 as stale.
 *
 * The runs are independent (each its own stand-in and app process) and mostly
 * wait on Probot's write spacing, so they run side by side. Two deliveries in
 * flight (the racing pair): with more, the throttle holds writes past 9 s, the
 * webhook is answered 202 before the work is done, and a failure after that
 * cannot surface (npm run bench measures that at concurrency 50).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FAULTS, runLoad } from '../../scripts/bench-app.js';
import { stopAllAppInstances } from '../../scripts/lib/app-instances.js';
import type { FaultKind } from '../../scripts/lib/github-state-stand-in.js';

// Shares well above the bench's, so a small run meets each fault several times.
// Not much higher: Octokit retries a failed read three times, and a read that fails four times in a row
// after the webhook was answered 202 would be a loss the test could not tell from a bug.
const SHARES: Record<FaultKind, number> = { 'server-error': 0.15, 'audit-conflict': 0.5, 'secondary-rate-limit': 0.2, slow: 0.15, drop: 0.15 };
// One pull request: racing first blocks, an override that needs a review issue, blocks again.
const schedule = [['block', 'block'], 'override-exhausted', 'block', 'block', 'block'];

// Only a timed-out test leaves anything running (runLoad stops what it started).
afterAll(stopAllAppInstances);

describe('the app under injected GitHub faults', () => {
  it('loses and duplicates nothing it acknowledged, answers in time, never resends a stale sha', { timeout: 90_000 }, async () => {
    const kinds = Object.keys(FAULTS) as FaultKind[];
    const runs = await Promise.all(
      kinds.map((kind, i) =>
        runLoad({ deliveries: 6, concurrency: 2, pullRequests: 1, installations: 1, instances: 1, redis: false, fault: { ...FAULTS[kind], share: SHARES[kind] }, seed: 11 + i, idPrefix: `fault-${kind}`, schedule }),
      ),
    );
    for (const [i, run] of runs.entries()) {
      const label = `${kinds[i]} (answers ${JSON.stringify(run.statuses)}; app errors: ${run.appErrors.slice(0, 3).join(' | ')})`;
      expect(run.apiProblems, label).toEqual([]);
      expect(run.faultedRequests, `${label}: the fault was met`).toBeGreaterThan(0);
      expect(run.maxMs, label).toBeLessThan(10_000);
      expect(run.results.every((r) => r.status !== 0), `${label}: every delivery answered`).toBe(true);
      expect(run.invariants, label).toEqual({ duplicateComments: 0, commentsLost: 0, auditLinesLost: 0, auditLinesDuplicated: 0, issuesLost: 0, issuesDuplicated: 0, chainProblems: [], staleResends: 0 });
      // Something was acknowledged and landed: the invariants above are about real writes.
      expect(run.results.some((r) => r.status >= 200 && r.status < 300), label).toBe(true);
      expect(run.final.auditIds.length, label).toBeGreaterThan(0);
      expect(run.final.comments, label).toHaveLength(1);
    }
  });
});

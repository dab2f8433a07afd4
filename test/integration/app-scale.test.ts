/**
 * The real server (`npm run app`) under a stream of signed deliveries, against
 * the stateful GitHub stand-in: two instances sharing Redis (alternate
 * deliveries to each) end in the same state as one instance, two deliveries
 * racing for a pull request's first comment converge to one comment, and each
 * action item added to a postmortem becomes exactly one issue.
 *
 * Sized for CI: Probot's throttling spaces each installation's writes (1 s, and
 * 3 s for comments and issues), so the mix is mostly repeated blocks (reads
 * only) with a few state changes per pull request. Every delivery is answered
 * 202 (queued) at once; the state is judged once the queues have drained.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runLoad, type LoadRunOptions } from '../../scripts/bench-app.js';
import { stopAllAppInstances } from '../../scripts/lib/app-instances.js';
import { stopAllRedis } from '../../scripts/lib/redis-server.js';
import { invariantsHold } from '../../scripts/lib/webhook-load.js';

const PULL_REQUESTS = 2;
const blocks = (n: number) => Array.from({ length: n }, () => 'block');
// Per pull request: two racing first blocks, redelivered blocks, an action item added to the repository's
// postmortem, an override (audit line, allowed edit), blocks again.
const schedule = [['block', 'block'], ...blocks(47), 'postmortem-edit', 'override-warning', ...blocks(49)];
const mix: Omit<LoadRunOptions, 'instances' | 'redis' | 'idPrefix'> = {
  deliveries: 200,
  concurrency: 10,
  pullRequests: PULL_REQUESTS,
  installations: PULL_REQUESTS,
  schedule,
};

// Only a timed-out test leaves anything running (runLoad stops what it started).
afterAll(async () => {
  await stopAllAppInstances();
  await stopAllRedis();
});

describe('the app under load, one instance and two behind Redis', () => {
  it(
    'ends in the same state either way: one comment per pull request, every acknowledged override logged once, a valid chain',
    { timeout: 90_000 },
    async () => {
      const [one, two] = await Promise.all([
        runLoad({ ...mix, instances: 1, redis: false, idPrefix: 'scale-one' }),
        runLoad({ ...mix, instances: 2, redis: true, idPrefix: 'scale-two' }),
      ]);
      for (const run of [one, two]) {
        expect(run.apiProblems).toEqual([]);
        expect(run.results.every((r) => r.status === 202)).toBe(true);
        expect(run.maxMs).toBeLessThan(10_000);
        expect(run.deadLetters).toBe(0);
        expect(run.invariants).toMatchObject({
          duplicateComments: 0,
          commentsLost: 0,
          auditLinesLost: 0,
          auditLinesDuplicated: 0,
          chainProblems: [],
          staleResends: 0,
        });
        expect(invariantsHold(run.invariants)).toBe(true);
        // The racing first blocks end in one comment per pull request (the per-issue lock serializes them).
        expect(run.final.comments).toHaveLength(PULL_REQUESTS);
        expect(run.final.auditIds).toHaveLength(PULL_REQUESTS);
        // One action-item issue per postmortem edit, whichever instance handled it.
        expect(run.final.issues.filter((i) => i.includes('[action-item]'))).toHaveLength(PULL_REQUESTS);
      }
      // Both instances got deliveries.
      expect(new Set(two.results.map((r) => r.target))).toEqual(new Set([0, 1]));
      expect(two.final).toEqual(one.final);
    },
  );
});

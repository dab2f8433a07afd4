import { describe, expect, it } from 'vitest';
import { checkRunTokenClaims, parseWorkflowRef, showClaim, type ExpectedRun } from '../../src/core/override/run-token-claims.js';
import { githubRunClaims } from '../support/oidc-issuer.js';

const SHA = 'c0ffee'.padEnd(40, '0');
const expected: ExpectedRun = {
  repository: 'octo-org/shop',
  runId: 4242,
  runAttempt: 2,
  actor: 'maintainer',
  sha: SHA,
  allowedRefs: ['refs/heads/main'],
};
const good = (): Record<string, unknown> =>
  githubRunClaims({ repository: 'octo-org/shop', runId: 4242, runAttempt: 2, actor: 'maintainer', sha: SHA });

describe('checkRunTokenClaims', () => {
  it('accepts the claims of the expected run', () => {
    expect(checkRunTokenClaims(good(), expected)).toEqual([]);
  });

  it('compares repository and actor case-insensitively, as GitHub does for names', () => {
    const claims = {
      ...good(),
      repository: 'Octo-Org/Shop',
      triggering_actor: 'MAINTAINER',
      workflow_ref: 'Octo-Org/Shop/.github/workflows/deploy.yml@refs/heads/main',
    };
    expect(checkRunTokenClaims(claims, expected)).toEqual([]);
  });

  const mismatches: [claim: string, value: unknown, says: RegExp][] = [
    ['repository', 'evil-org/shop', /"repository" is "evil-org\/shop", not "octo-org\/shop"/],
    ['run_id', '4243', /"run_id" is "4243", not "4242"/],
    ['run_attempt', '1', /"run_attempt" is "1", not "2"/],
    ['event_name', 'push', /"event_name" is "push", not "workflow_dispatch"/],
    ['triggering_actor', 'writer', /"triggering_actor" is "writer", not "maintainer"/],
    ['sha', 'b'.repeat(40), new RegExp(`"sha" is "${'b'.repeat(40)}", not "${SHA}"`)],
    ['ref', 'refs/heads/feature', /"ref" is "refs\/heads\/feature", not "refs\/heads\/main"/],
    [
      'workflow_ref',
      'octo-org/shop/.github/workflows/deploy.yml@refs/heads/feature',
      /"workflow_ref" runs the workflow at "refs\/heads\/feature", not "refs\/heads\/main"/,
    ],
    [
      'workflow_ref',
      'evil-org/shop/.github/workflows/deploy.yml@refs/heads/main',
      /"workflow_ref" is ".*", not a workflow of "octo-org\/shop"/,
    ],
    ['workflow_ref', 'garbage', /"workflow_ref" is "garbage"/],
    [
      'job_workflow_ref',
      'octo-org/shop/.github/workflows/reusable.yml@refs/heads/feature',
      /"job_workflow_ref" runs a workflow of this repository at "refs\/heads\/feature"/,
    ],
    ['job_workflow_ref', 'nonsense', /"job_workflow_ref" is "nonsense"/],
  ];
  it.each(mismatches)('names a wrong %s (%s)', (claim, value, says) => {
    const problems = checkRunTokenClaims({ ...good(), [claim]: value }, expected);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(says);
    expect(problems[0]).toContain(`"${claim}"`);
  });

  it('falls back to actor when there is no triggering_actor, and names it', () => {
    const { triggering_actor: _t, ...claims } = good();
    expect(checkRunTokenClaims(claims, expected)).toEqual([]);
    const problems = checkRunTokenClaims({ ...claims, actor: 'writer' }, expected);
    expect(problems).toEqual([expect.stringMatching(/"actor" is "writer", not "maintainer"/)]);
  });

  it('prefers triggering_actor: a re-run by the expected actor passes though actor is the first attempt’s', () => {
    expect(checkRunTokenClaims({ ...good(), actor: 'writer', triggering_actor: 'maintainer' }, expected)).toEqual([]);
    expect(checkRunTokenClaims({ ...good(), actor: 'maintainer', triggering_actor: 'writer' }, expected)).toHaveLength(1);
  });

  it.each(['repository', 'run_id', 'run_attempt', 'event_name', 'sha', 'ref', 'workflow_ref', 'job_workflow_ref'])(
    'reports a missing %s',
    (claim) => {
      const { [claim]: _gone, ...claims } = good();
      const problems = checkRunTokenClaims(claims, expected);
      expect(problems).toEqual([expect.stringContaining(`no "${claim}" claim`)]);
    },
  );

  it('reports a missing actor when neither actor claim is there', () => {
    const { actor: _a, triggering_actor: _t, ...claims } = good();
    expect(checkRunTokenClaims(claims, expected)).toEqual([expect.stringContaining('no "actor" claim')]);
  });

  it('rejects claims of the wrong type rather than coercing them', () => {
    const problems = checkRunTokenClaims({ ...good(), run_id: ['4242'], sha: 42 }, expected);
    expect(problems).toEqual([expect.stringContaining('"run_id" is ["4242"]'), expect.stringContaining('"sha" is 42, not a string')]);
  });

  it('accepts any event with anyEvent (a change-class grant from a push), but still only a reviewed ref', () => {
    const push = githubRunClaims({
      repository: 'octo-org/shop',
      runId: 4242,
      runAttempt: 2,
      actor: 'maintainer',
      sha: SHA,
      eventName: 'push',
    });
    expect(checkRunTokenClaims(push, { ...expected, anyEvent: true })).toEqual([]);
    expect(checkRunTokenClaims(push, expected)).toEqual([expect.stringMatching(/"event_name" is "push", not "workflow_dispatch"/)]);
    const pullRequest = githubRunClaims({
      repository: 'octo-org/shop',
      runId: 4242,
      runAttempt: 2,
      actor: 'maintainer',
      sha: SHA,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
    });
    expect(checkRunTokenClaims(pullRequest, { ...expected, anyEvent: true })).toContainEqual(
      expect.stringMatching(/"ref" is "refs\/pull\/7\/merge", not "refs\/heads\/main"/),
    );
  });

  it('accepts a run on another allowed branch', () => {
    const claims = githubRunClaims({
      repository: 'octo-org/shop',
      runId: 4242,
      runAttempt: 2,
      actor: 'maintainer',
      sha: SHA,
      ref: 'refs/heads/release/1.x',
    });
    expect(checkRunTokenClaims(claims, { ...expected, allowedRefs: ['refs/heads/main', 'refs/heads/release/1.x'] })).toEqual([]);
    expect(checkRunTokenClaims(claims, expected)).toEqual([
      expect.stringMatching(/"ref" is "refs\/heads\/release\/1\.x"/),
      expect.stringMatching(/"workflow_ref" runs the workflow at "refs\/heads\/release\/1\.x"/),
      expect.stringMatching(/"job_workflow_ref" runs a workflow of this repository at "refs\/heads\/release\/1\.x"/),
    ]);
  });

  it('accepts a reusable workflow of the same repository at an allowed branch', () => {
    const claims = { ...good(), job_workflow_ref: 'octo-org/shop/.github/workflows/reusable-gate.yml@refs/heads/main' };
    expect(checkRunTokenClaims(claims, expected)).toEqual([]);
  });

  it('refuses a reusable workflow of the same repository pinned to a commit (not a reviewed ref)', () => {
    const claims = { ...good(), job_workflow_ref: `octo-org/shop/.github/workflows/reusable-gate.yml@${'d'.repeat(40)}` };
    expect(checkRunTokenClaims(claims, expected)).toEqual([
      expect.stringMatching(/"job_workflow_ref" runs a workflow of this repository at "d{40}"/),
    ]);
  });

  it('accepts a reusable workflow of another repository at any ref: the reviewed caller chose it', () => {
    for (const ref of ['refs/heads/main', 'refs/tags/v1', 'refs/heads/anything', 'e'.repeat(40)]) {
      const claims = { ...good(), job_workflow_ref: `platform-org/workflows/.github/workflows/gate.yml@${ref}` };
      expect(checkRunTokenClaims(claims, expected)).toEqual([]);
    }
  });

  it('still checks the caller when the reusable workflow is in another repository', () => {
    const claims = {
      ...good(),
      ref: 'refs/heads/feature',
      workflow_ref: 'octo-org/shop/.github/workflows/deploy.yml@refs/heads/feature',
      job_workflow_ref: 'platform-org/workflows/.github/workflows/gate.yml@refs/tags/v1',
    };
    expect(checkRunTokenClaims(claims, expected)).toHaveLength(2);
  });

  it('renders hostile values short, quoted and without invisible characters', () => {
    const hostile = `refs/heads/\u202e${'x'.repeat(300)}\n@everyone`;
    const [problem] = checkRunTokenClaims({ ...good(), ref: hostile }, expected);
    expect(problem).toContain('\\u202e');
    expect(problem).not.toContain('\u202e');
    expect(problem).not.toContain('\n');
    expect(problem!.length).toBeLessThan(300);
    expect(showClaim('a'.repeat(500))).toHaveLength(101);
  });
});

describe('parseWorkflowRef', () => {
  it('splits a workflow ref at the first "@refs/", so refs holding "@" survive', () => {
    expect(parseWorkflowRef('o/r/.github/workflows/x.yml@refs/heads/a@b')).toEqual({
      repository: 'o/r',
      path: '.github/workflows/x.yml',
      ref: 'refs/heads/a@b',
    });
    expect(parseWorkflowRef(`o/r/.github/workflows/x.yml@${'f'.repeat(40)}`)).toEqual({
      repository: 'o/r',
      path: '.github/workflows/x.yml',
      ref: 'f'.repeat(40),
    });
    expect(parseWorkflowRef('o/r@refs/heads/main')).toBeNull();
  });
});

/**
 * The app reads the post-deploy verdict back (issue 16, item 5): the check run
 * `deploy-governor / <env> / verify` as GitHub Actions creates it, through the
 * real app in Probot, GitHub as the stateful stand-in (every request checked
 * against GitHub's OpenAPI description). A verdict is a workflow's word, so the
 * attacker's side is here too: another app's check run, a broken or oversized
 * block, a run GitHub does not confirm, user text that tries to mention or link.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { relevanceOf } from '../../app/edge/relevance.js';
import { embedVerification } from '../../src/core/verify/embed-verification.js';
import type { Verification } from '../../src/core/verify/verification-schema.js';
import { APP_ID } from '../support/probot-harness.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { RUN, verificationFor as verdict } from '../support/verifications.js';
import { checkRunCompleted, HEAD_SHA, OWNER, REPO } from '../support/webhook-payloads.js';

const POLICY = 'main:.github/deploy-governor.yml';
const OTHER_SHA = 'a'.repeat(40);

let h: StandInHarness;
let repo: RepoState;
let pull: number;
let checkRunIds = 80_000;
let logged: { msg: string; fields: Record<string, unknown> }[];

beforeEach(async () => {
  h = await startStandInHarness();
  repo = h.github.state.repo(OWNER, REPO);
  // The incident label comes from the policy's postmortems section.
  repo.files.set(POLICY, 'postmortems:\n  incident-label: sev-incident\n');
  repo.runs.set(RUN, { id: RUN, event: 'push', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
  pull = h.github.state.addPullRequest(repo, HEAD_SHA).number;
  logged = [];
  const child = h.probot.log.child.bind(h.probot.log);
  vi.spyOn(h.probot.log, 'child').mockImplementation((...args: Parameters<typeof child>) => {
    const log = child(...args);
    for (const level of ['info', 'warn'] as const) {
      const write = log[level].bind(log) as (...a: unknown[]) => void;
      log[level] = ((fields: unknown, msg?: string) => {
        if (typeof fields === 'object' && fields !== null && typeof msg === 'string')
          logged.push({ msg, fields: fields as Record<string, unknown> });
        write(fields, msg);
      }) as typeof log.info;
    }
    return log;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

/** check_run.completed for the verify check run, its text as given (the embedded verdict by default). */
function verifyPayload(o: { text: string; id?: number; app?: { id: number; slug: string }; headSha?: string }): Record<string, unknown> {
  const payload = checkRunCompleted({
    report: null,
    name: 'deploy-governor / production / verify',
    id: o.id ?? ++checkRunIds,
    pullRequests: [pull],
    ...(o.app ? { app: o.app } : {}),
    ...(o.headSha ? { headSha: o.headSha } : {}),
  });
  (payload.check_run as { output: Record<string, unknown> }).output.text = o.text;
  return payload;
}

const deliver = (v: Verification, o: Omit<Parameters<typeof verifyPayload>[0], 'text'> = {}) =>
  h.receive('check_run', verifyPayload({ text: embedVerification(v), ...o }));

const comments = () => h.github.state.appComments(repo, pull).filter((c) => c.body.includes('deploy-governor:verify-comment'));
const incidents = () => [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'sev-incident'));
const ignoredReasons = () => logged.filter((l) => l.msg === 'verify check run ignored').map((l) => String(l.fields.reason));

describe('a verdict read back', () => {
  it('a pass edits nothing it did not write; a regression comments and opens one incident; a later pass updates the comment', async () => {
    await deliver(verdict({ regressed: false }));
    expect(comments()).toEqual([]); // a pass starts no comment, as an allowed deploy
    expect(incidents()).toEqual([]);

    const first = ++checkRunIds;
    await deliver(verdict({ regressed: true }), { id: first });
    expect(incidents()).toHaveLength(1);
    const incident = incidents()[0]!;
    expect(incident.performed_via_github_app?.id).toBe(APP_ID);
    expect(incident.body).toContain(`https://github.com/${OWNER}/${REPO}/actions/runs/${RUN} (attempt 1)`);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toContain('Post-deploy verification: production — 🔴 REGRESSED');
    expect(comments()[0]!.body).toContain(`**Incident:** #${incident.number}`);
    expect(comments()[0]!.body).toContain('0.20x → 14.40x (SLO api, limit 1.00x)');
    // The gate's own comment is another one: the verdict never changes a gate decision's comment.
    expect(h.github.state.appComments(repo, pull).filter((c) => c.body.includes('deploy-governor:pr-comment'))).toEqual([]);

    // A redelivery opens nothing more and leaves the comment as it is.
    await deliver(verdict({ regressed: true }), { id: first });
    // A second regressed verdict of the same run attempt links the same incident.
    await deliver(verdict({ regressed: true }));
    expect(incidents()).toHaveLength(1);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toContain(`**Incident:** #${incident.number}`);

    // A re-run (attempt 2) that passes: the same comment now says so; no incident.
    repo.runs.get(RUN)!.run_attempt = 2;
    await deliver(verdict({ regressed: false, runAttempt: 2 }));
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toContain('🟢 PASS');
    expect(comments()[0]!.body).not.toContain('Incident:');
    expect(incidents()).toHaveLength(1);
  });

  it('a regression in another run attempt opens its own incident', async () => {
    await deliver(verdict({ regressed: true }));
    repo.runs.get(RUN)!.run_attempt = 2;
    await deliver(verdict({ regressed: true, runAttempt: 2 }));
    expect(incidents()).toHaveLength(2);
  });

  it('an older check run handled late does not put the comment back', async () => {
    const older = ++checkRunIds;
    await deliver(verdict({ regressed: true }));
    await deliver(verdict({ regressed: false }), { id: older });
    expect(comments()[0]!.body).toContain('REGRESSED');
  });
});

describe('the attacker', () => {
  it('a verify check run created by another app is ignored, at the edge and in the handler', async () => {
    const other = { id: 424_242, slug: 'not-actions' };
    const payload = verifyPayload({ text: embedVerification(verdict({ regressed: true })), app: other });
    expect(relevanceOf('check_run', payload, { appId: APP_ID })).toMatchObject({ relevant: false, suspicious: true });
    // Not even this app's own id speaks for a verify step: only GitHub Actions runs it.
    const own = verifyPayload({ text: embedVerification(verdict({ regressed: true })), app: { id: APP_ID, slug: 'deploy-governor' } });
    expect(relevanceOf('check_run', own, { appId: APP_ID })).toMatchObject({ relevant: false });
    expect(
      relevanceOf('check_run', verifyPayload({ text: embedVerification(verdict({ regressed: true })) }), { appId: APP_ID }),
    ).toMatchObject({
      relevant: true,
    });
    await h.receive('check_run', payload);
    expect(logged.some((l) => l.msg === 'ignoring a verify check run created by another app')).toBe(true);
    expect(comments()).toEqual([]);
    expect(incidents()).toEqual([]);
  });

  it('a malformed, unclosed, invalid or oversized block is ignored with its reason', async () => {
    const fence = '```json deploy-governor-verification\n';
    const valid = JSON.stringify(verdict({ regressed: true }));
    const texts = [
      `${fence}{not json\n\`\`\`\n`,
      `${fence}${valid}\n`,
      `${fence}${JSON.stringify({ ...JSON.parse(valid), verdict: 'fine' })}\n\`\`\`\n`,
      `${fence}${valid.replace('"reasons":[', `"reasons":["${'x'.repeat(70_000)}",`)}\n\`\`\`\n`,
    ];
    for (const text of texts) await h.receive('check_run', verifyPayload({ text }));
    expect(ignoredReasons()).toEqual([
      'the deploy-governor-verification block is not JSON',
      'the deploy-governor-verification block is not closed',
      expect.stringMatching(/^the deploy-governor-verification block does not validate: verdict: /),
      'the deploy-governor-verification block is over 65535 characters',
    ]);
    expect(comments()).toEqual([]);
    expect(incidents()).toEqual([]);
  });

  it('a verdict for another environment than its check run is ignored', async () => {
    await h.receive('check_run', verifyPayload({ text: embedVerification({ ...verdict({ regressed: true }), environment: 'staging' }) }));
    expect(ignoredReasons()).toEqual(['the verdict is for another environment']);
    expect(incidents()).toEqual([]);
  });

  it.each([
    ['a run GitHub does not know', { runId: 1_234 }, undefined, 'GitHub knows no run 1234 in this repository'],
    ['a run of another commit', {}, OTHER_SHA, `run ${RUN} is on ${HEAD_SHA}, not the check run's commit ${OTHER_SHA}`],
    ['an attempt the run never had', { runAttempt: 3 }, undefined, `run ${RUN} has had no attempt 3`],
    ['no run at all', { runId: null }, undefined, 'the verdict names no workflow run (the CLI has none)'],
  ])('a regression naming %s opens no incident', async (_what, claim, headSha, reason) => {
    if (headSha) h.github.state.addPullRequest(repo, headSha);
    await deliver(verdict({ regressed: true, ...claim }), headSha ? { headSha } : {});
    expect(logged.filter((l) => l.msg === 'verify run not confirmed').map((l) => l.fields.reason)).toEqual([reason]);
    expect(incidents()).toEqual([]);
    // Still shown (informational), without a link to a run GitHub did not confirm.
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).not.toContain('/actions/runs/');
  });

  it('an incident planted with the key suppresses nothing', async () => {
    h.github.state.addIssue(repo, {
      title: 'Incident: planted',
      user: h.github.state.user('mallory'),
      labels: ['sev-incident'],
      body: `<!-- deploy-governor:issue key=verify-${RUN}-1-production -->`,
    });
    await deliver(verdict({ regressed: true }));
    expect(incidents().filter((i) => i.performed_via_github_app?.id === APP_ID)).toHaveLength(1);
  });

  it('user text in the verdict is inert: no mention, no link, no HTML, the rollback command as code', async () => {
    await deliver(
      verdict({
        regressed: true,
        slo: '@octocat [click](https://evil.example) <img src=x>',
        rollback: './rollback.sh `rm -rf /` @org/team\n# heading <!-- x -->',
      }),
    );
    const body = comments()[0]!.body;
    const code = '`./rollback.sh  rm -rf /  @org/team # heading <!-- x -->`';
    // A code span neither mentions nor renders; everything outside it is escaped.
    expect(body).toContain(code);
    expect(body.match(/`/g)).toHaveLength(2);
    expect(body.replace(code, '')).not.toMatch(/@(octocat|org)|<!-- x/);
    expect(body).not.toContain('[click](');
    expect(body).not.toContain('<img');
    const incident = incidents()[0]!;
    expect(incident.body).not.toMatch(/@octocat/);
    expect(incident.body).not.toContain('<img');
  });
});

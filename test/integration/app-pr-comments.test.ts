/**
 * The app's pull-request comments: Probot with the real app, GitHub through nock,
 * every request checked against GitHub's OpenAPI description, no pending mocks.
 */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentMarker } from '../../src/core/render/render-pr-comment.js';
import { APP_ID, cleanupHarness, createHarness, type Harness } from '../support/probot-harness.js';
import { overriddenReport, reportFor } from '../support/reports.js';
import { checkRunCompleted, HEAD_SHA, OWNER, REPO } from '../support/webhook-payloads.js';

const REPO_PATH = `/repos/${OWNER}/${REPO}`;
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => {
  expect(h.problems).toEqual([]);
  expect(nock.pendingMocks().filter((m) => !m.includes('access_tokens'))).toEqual([]);
  cleanupHarness();
});

const MARKER = commentMarker('production');
/** A comment this app wrote (GitHub sets performed_via_github_app), starting with the marker. */
const ourComment = (id: number, text: string) => ({
  id,
  body: text.startsWith(MARKER) ? text : `${MARKER}\n${text}`,
  performed_via_github_app: { id: APP_ID },
});
let delivery = 0;
const receive = (payload: Record<string, unknown>, id = `delivery-${++delivery}`) =>
  h.probot.receive({ id, name: 'check_run', payload: payload as never });

describe('PR comments from the check run', () => {
  it('explains a first block in a new comment with status, numbers, reasons and how to override', async () => {
    const report = await reportFor(600);
    let posted = '';
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    h.github.post(`${REPO_PATH}/issues/2/comments`, (b: { body: string }) => ((posted = b.body), true)).reply(201, { id: 1 });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, [ourComment(1, 'x')]);
    await receive(checkRunCompleted({ report }));
    expect(posted.startsWith(commentMarker('production'))).toBe(true);
    expect(posted).toContain('Deploys to production are blocked: WARNING');
    expect(posted).toContain('| Budget remaining | 40.0% |');
    expect(posted).toContain('| Days to exhaustion |');
    expect(posted).toContain('| DR drill | not checked |');
    expect(posted).toMatch(/40\.0% of the 30d error budget remains/);
    expect(posted).toContain(
      'dispatch [the deploy workflow](https://github.com/Codertocat/Hello-World/actions/workflows/deploy.yml) with `override: warning`',
    );
    expect(posted).toContain('the **write** role');
    expect(posted).toContain('[Workflow run](https://github.com/Codertocat/Hello-World/actions/runs/9001)');
  });

  it('does nothing on a redelivery when the comment already says the same', async () => {
    const report = await reportFor(600);
    let body = '';
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    h.github.post(`${REPO_PATH}/issues/2/comments`, (b: { body: string }) => ((body = b.body), true)).reply(201, { id: 5 });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, () => [ourComment(5, body)]);
    const payload = checkRunCompleted({ report });
    await receive(payload, 'same-delivery');
    const before = h.requests.length;
    // The app remembers what it wrote: the same body again is no request at all (not even a list).
    await receive(payload, 'same-delivery');
    expect(h.requests.slice(before).filter((r) => !r.path.includes('access_tokens'))).toEqual([]);
    expect(h.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(1);
    expect(h.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('updates a comment it remembers with one PATCH, and never with an older check run', async () => {
    let body = '';
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    h.github.post(`${REPO_PATH}/issues/2/comments`, (b: { body: string }) => ((body = b.body), true)).reply(201, { id: 5 });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, () => [ourComment(5, body)]);
    await receive(checkRunCompleted({ report: await reportFor(1500), id: 500 }));
    const before = h.requests.length;
    let patched = '';
    h.github.patch(`${REPO_PATH}/issues/comments/5`, (b: { body: string }) => ((patched = b.body), true)).reply(200, {});
    await receive(checkRunCompleted({ report: await reportFor(600), id: 501 }));
    expect(
      h.requests
        .slice(before)
        .filter((r) => !r.path.includes('access_tokens'))
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual([`PATCH ${REPO_PATH}/issues/comments/5`]);
    expect(patched).toContain('blocked: WARNING');
    expect(patched).toContain('check-run id=501 ');
    // A late delivery of an older check run: nothing is sent.
    const after = h.requests.length;
    await receive(checkRunCompleted({ report: await reportFor(100), id: 499 }));
    expect(h.requests.slice(after).filter((r) => !r.path.includes('access_tokens'))).toEqual([]);
  });

  it('finds and recreates a remembered comment that someone deleted', async () => {
    let body = '';
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    h.github.post(`${REPO_PATH}/issues/2/comments`, (b: { body: string }) => ((body = b.body), true)).reply(201, { id: 5 });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, () => [ourComment(5, body)]);
    await receive(checkRunCompleted({ report: await reportFor(1500), id: 500 }));
    // Deleted by a maintainer: the PATCH answers 404, the app lists again and creates a new one.
    h.github.patch(`${REPO_PATH}/issues/comments/5`).reply(404, { message: 'Not Found' });
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    let recreated = '';
    h.github.post(`${REPO_PATH}/issues/2/comments`, (b: { body: string }) => ((recreated = b.body), true)).reply(201, { id: 6 });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, () => [ourComment(6, recreated)]);
    await receive(checkRunCompleted({ report: await reportFor(600), id: 501 }));
    expect(recreated).toContain('blocked: WARNING');
    // And the memory now names the new comment.
    h.github.patch(`${REPO_PATH}/issues/comments/6`).reply(200, {});
    await receive(checkRunCompleted({ report: await reportFor(1500), id: 502 }));
  });

  it('edits the same comment when a later run allows the deploy', async () => {
    const blocked = await reportFor(900);
    const allowed = await reportFor(100);
    let patched = '';
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, [ourComment(7, `${commentMarker('production')}\nold block`)]);
    h.github.patch(`${REPO_PATH}/issues/comments/7`, (b: { body: string }) => ((patched = b.body), true)).reply(200, {});
    await receive(checkRunCompleted({ report: allowed }));
    expect(patched).toContain('Deploys to production are allowed again: NORMAL');
    expect(blocked.decision.canDeploy).toBe(false);
  });

  it('never starts a comment for an allowed deploy', async () => {
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    await receive(checkRunCompleted({ report: await reportFor(100) }));
    expect(h.requests.some((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toBe(false);
  });

  it("comments on each of the commit's open or merged pull requests when the payload lists none", async () => {
    h.github
      .get(`${REPO_PATH}/commits/${HEAD_SHA}/pulls`)
      .query(true)
      .reply(200, [
        { number: 11, state: 'open', merged_at: null },
        // A deploy after the merge: its authors look at the merged pull request.
        { number: 12, state: 'closed', merged_at: '2026-11-23T11:00:00Z' },
        // Closed without merging: abandoned.
        { number: 13, state: 'closed', merged_at: null },
      ]);
    for (const n of [11, 12]) {
      h.github.get(`${REPO_PATH}/issues/${n}/comments`).query(true).reply(200, []);
      h.github.post(`${REPO_PATH}/issues/${n}/comments`).reply(201, { id: n });
      h.github
        .get(`${REPO_PATH}/issues/${n}/comments`)
        .query(true)
        .reply(200, [ourComment(n, 'x')]);
    }
    await receive(checkRunCompleted({ report: await reportFor(1500), pullRequests: [] }));
    expect(h.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments')).map((r) => r.path)).toEqual([
      `${REPO_PATH}/issues/11/comments`,
      `${REPO_PATH}/issues/12/comments`,
    ]);
  });

  it("comments only on the payload's pull requests whose base is this repository", async () => {
    const payload = checkRunCompleted({ report: await reportFor(1500), pullRequests: [2, 40] });
    const prs = (payload.check_run as { pull_requests: { number: number; base: { repo: { id: number } } }[] }).pull_requests;
    // #40 belongs to another repository (a fork's own pull request with the same head).
    prs[1]!.base = { ...prs[1]!.base, repo: { ...prs[1]!.base.repo, id: 999_999 } };
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    h.github.post(`${REPO_PATH}/issues/2/comments`).reply(201, { id: 1 });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, [ourComment(1, 'x')]);
    await receive(payload);
    expect(h.requests.some((r) => r.path.includes('/issues/40/'))).toBe(false);
  });

  it('still explains the block when the override cannot be checked yet, then fails the delivery', async () => {
    const report = await overriddenReport(1500, { level: 'exhausted' });
    // GitHub is unwell while the app checks the override's run: the delivery fails (and is retried), but the
    // pull request still learns that the deploy is blocked, and the unverified override is not shown as one.
    h.github.get(/\/actions\/runs\/9001$/).reply(503, { message: 'Service Unavailable' });
    h.github.get(`${REPO_PATH}/contents/.github%2Fdeploy-governor.yml`).optionally().reply(404, { message: 'Not Found' });
    h.github
      .get(/\/collaborators\/octocat\/permission$/)
      .optionally()
      .reply(200, { permission: 'admin', role_name: 'admin', user: { login: 'octocat' } });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, [ourComment(7, 'old block')]);
    let patched = '';
    h.github.patch(`${REPO_PATH}/issues/comments/7`, (b: { body: string }) => ((patched = b.body), true)).reply(200, {});
    await expect(receive(checkRunCompleted({ report }))).rejects.toThrow(/Service Unavailable/);
    expect(patched).toContain('are blocked: EXHAUSTED');
    expect(patched).toContain('A claimed override is not yet verified');
    expect(patched).not.toContain('went ahead under an override');
  });

  it('ignores a forged deploy-governor check run from another app', async () => {
    await receive(checkRunCompleted({ report: await reportFor(1500), app: { id: 999, slug: 'evil-app' } }));
    expect(h.requests.filter((r) => !r.path.includes('access_tokens'))).toEqual([]);
  });

  it('renders reasons and names inert: no mention, no HTML, no link, no second marker', async () => {
    // A hostile freeze-window name (an overridden report's hostile reason is in app-override-forgery.test.ts).
    const windowName = '@octo-org/admins <b>x</b> #1 <!-- deploy-governor:pr-comment -->';
    const blocked = await reportFor(
      1500,
      `dr: { enabled: false }\nfreeze-windows: [{ name: ${JSON.stringify(windowName)}, from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" }]`,
    );
    let body = '';
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    h.github.post(`${REPO_PATH}/issues/2/comments`, (b: { body: string }) => ((body = b.body), true)).reply(201, { id: 1 });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, [ourComment(1, 'x')]);
    await receive(checkRunCompleted({ report: blocked }));
    expect(body).not.toMatch(/@octo-org/);
    expect(body).toContain('@\u200bocto-org/admins');
    expect(body).not.toContain('<b>');
    expect(body).toContain('&lt;b&gt;');
    expect(body).not.toContain('](https://evil');
    // Only our own markers (the comment's, and the check run it explains) are real HTML comments; the copies
    // in user text are escaped.
    expect(body.split('<!--').length).toBe(3);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toMatch(/\n<!-- deploy-governor:check-run id=\d+ completed_at=[^ ]* -->$/);
    expect(body).toContain('#\u200b1');
  });

  it('links only into this repository, whatever run URL the report claims', async () => {
    const report = await reportFor(1500);
    const forged = {
      ...report,
      run: { ...report.run!, runUrl: 'https://evil.example/Codertocat/Hello-World/actions/runs/9001', serverUrl: 'https://evil.example' },
    };
    let body = '';
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    h.github.post(`${REPO_PATH}/issues/2/comments`, (b: { body: string }) => ((body = b.body), true)).reply(201, { id: 1 });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, [ourComment(1, 'x')]);
    await receive(checkRunCompleted({ report: forged }));
    expect(body).not.toContain('evil.example');
    // The check run's own page (GitHub's URL) stands in for the run.
    expect(body).toContain('[Workflow run](https://github.com/Codertocat/Hello-World/runs/128620228)');
    expect(body).toContain('[the deploy workflow](https://github.com/Codertocat/Hello-World/actions/workflows/deploy.yml)');
  });

  it('does not adopt a comment that only copies the marker', async () => {
    const spoof = { id: 3, body: `${commentMarker('production')}\nI am not the bot`, performed_via_github_app: null };
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, [spoof]);
    h.github.post(`${REPO_PATH}/issues/2/comments`).reply(201, { id: 4 });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, [spoof, ourComment(4, 'x')]);
    await receive(checkRunCompleted({ report: await reportFor(1500) }));
    expect(h.requests.some((r) => r.path.endsWith('/comments/3'))).toBe(false);
  });

  it('survives a GitHub 5xx on create: looks again, then creates exactly one', async () => {
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    h.github.post(`${REPO_PATH}/issues/2/comments`).reply(502, { message: 'Bad Gateway' });
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    h.github.post(`${REPO_PATH}/issues/2/comments`).reply(201, { id: 9 });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, [ourComment(9, 'x')]);
    await receive(checkRunCompleted({ report: await reportFor(1500) }));
    expect(h.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(2);
  });

  it("does not let Octokit's retry plugin resend a comment POST blindly after a 5xx", async () => {
    cleanupHarness();
    h = await createHarness({}, { retry: true });
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    // Room for the plugin's three resends, so that any resend would be seen (and counted) here.
    h.github.post(`${REPO_PATH}/issues/2/comments`).times(4).optionally().reply(502, { message: 'Bad Gateway' });
    // The first POST did land after all: the app sees it and posts nothing more.
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, [ourComment(9, 'x')]);
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, [ourComment(9, 'x')]);
    await receive(checkRunCompleted({ report: await reportFor(1500) }));
    expect(h.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(1);
  });

  it('converges to one comment when two deliveries raced', async () => {
    h.github.get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    h.github.post(`${REPO_PATH}/issues/2/comments`).reply(201, { id: 21 });
    h.github
      .get(`${REPO_PATH}/issues/2/comments`)
      .query(true)
      .reply(200, [ourComment(20, 'other instance'), ourComment(21, 'x')]);
    h.github.patch(`${REPO_PATH}/issues/comments/20`).reply(200, {});
    h.github.delete(`${REPO_PATH}/issues/comments/21`).reply(204);
    await receive(checkRunCompleted({ report: await reportFor(1500) }));
  });
});

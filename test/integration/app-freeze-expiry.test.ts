/**
 * Freezes end on time (issue 15): the app's expiry scheduler
 * (app/freezes/freeze-expiry.ts) closes a freeze's issue when its record's end
 * comes, with a comment saying it expired, and not before; after a restart (a
 * new app instance on the same stateful GitHub stand-in, its start-up scan, or
 * the same Redis); and once when two instances share Redis. Time is a clock the
 * test advances: nothing waits for business time. Requests are checked against
 * GitHub's OpenAPI description; Redis is a real redis-server.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubStateStandIn, type GitHubStateStandIn, type Issue, type RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { startRedis, stopAllRedis, type RedisServer } from '../../scripts/lib/redis-server.js';
import { MAX_TIMER_MS, type ExpiryClock } from '../../app/freezes/expiry-clock.js';
import type { FreezeExpiry } from '../../app/freezes/freeze-expiry.js';
import { readMeta, renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';
import { issueCommentCreated, issuesEvent } from '../support/issue-payloads.js';
import { APP_ID } from '../support/probot-harness.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { OWNER, REPO } from '../support/webhook-payloads.js';

const POLICY = ['dr: { enabled: false }', 'environments:', '  production: {}', '  staging: {}', ''].join('\n');
const BOT = { login: 'deploy-governor[bot]', type: 'Bot' as const };
const CLOSE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}';

/** A clock the test moves: timers fire when it passes them, and every delay asked for is kept. */
interface ManualClock extends ExpiryClock {
  delays: number[];
  advanceTo(ms: number): void;
}

function manualClock(start: number): ManualClock {
  let now = start;
  const timers = new Set<{ at: number; wake: () => void }>();
  const fire = () => {
    for (const t of [...timers].filter((x) => x.at <= now).sort((a, b) => a.at - b.at)) {
      timers.delete(t);
      t.wake();
    }
  };
  return {
    delays: [],
    now: () => now,
    wakeIn(ms, wake) {
      this.delays.push(ms);
      const timer = { at: now + ms, wake };
      timers.add(timer);
      if (ms <= 0) queueMicrotask(fire);
      return () => void timers.delete(timer);
    },
    advanceTo(ms) {
      now = ms;
      fire();
    },
  };
}

let github: GitHubStateStandIn;
let repo: RepoState;
let clock: ManualClock;
const instances: { h: StandInHarness; expiry: FreezeExpiry }[] = [];
let commentIds = 70_000;

beforeEach(async () => {
  github = await startGitHubStateStandIn({ app: { id: APP_ID, slug: 'deploy-governor' }, check: checkGitHubRequest });
  repo = github.state.repo(OWNER, REPO);
  repo.collaborators.set('maint', 'maintain');
  repo.collaborators.set('writer', 'write');
  repo.files.set('main:.github/deploy-governor.yml', POLICY);
  clock = manualClock(Date.now());
});

afterEach(async () => {
  for (const { h, expiry } of instances.splice(0).reverse()) {
    await expiry.stop();
    await h.stop();
  }
  expect(github.problems).toEqual([]);
  await github.stop();
});

/** An app instance on the shared stand-in, its scheduler on the test's clock; resolves once its start-up is done. */
async function startInstance(env: Record<string, string> = {}): Promise<{ h: StandInHarness; expiry: FreezeExpiry }> {
  let expiry: FreezeExpiry | undefined;
  const h = await startStandInHarness(env, {
    github,
    load: { freezeExpiry: { clock, scanSpacingMs: 0, started: (e: FreezeExpiry) => (expiry = e) } },
  });
  const instance = { h, expiry: expiry! };
  instances.push(instance);
  await instance.expiry.settled();
  return instance;
}

async function stopInstance(instance: { h: StandInHarness; expiry: FreezeExpiry }): Promise<void> {
  instances.splice(instances.indexOf(instance), 1);
  await instance.expiry.stop();
  await instance.h.stop();
}

const freezeIssues = () => [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'deploy-freeze'));
const expiredComments = (issue: Issue) => github.state.appComments(repo, issue.number).filter((c) => /expired at/.test(c.body));

/** `/freeze` by a maintainer, then the `issues.opened` GitHub sends for the freeze's issue the app opened. */
async function freeze(
  h: StandInHarness,
  command: string,
  o: { announced: boolean } = { announced: true },
): Promise<{ issue: Issue; until: number }> {
  const where = github.state.addIssue(repo, { title: 'Release', user: github.state.user('maint') });
  await h.receive('issue_comment', issueCommentCreated(where, command, { login: 'maint' }, ++commentIds));
  const issue = freezeIssues().at(-1)!;
  expect(issue.performed_via_github_app?.id).toBe(APP_ID);
  if (o.announced) await h.receive('issues', issuesEvent('opened', issue, BOT));
  return { issue, until: Date.parse(readMeta('freeze', issue.body)!.until) };
}

async function advanceTo(ms: number): Promise<void> {
  clock.advanceTo(ms);
  for (const { expiry } of instances) await expiry.settled();
}

describe('without Redis', () => {
  it('closes a 2-hour freeze at 2 hours, with a comment saying it expired, and not before', async () => {
    const one = await startInstance();
    const { issue, until } = await freeze(one.h, '/freeze production 2h database migration');
    expect(until - clock.now()).toBeGreaterThanOrEqual(2 * 3_600_000);
    await advanceTo(until - 1_000);
    expect(issue.state).toBe('open');
    expect(expiredComments(issue)).toEqual([]);
    await advanceTo(until);
    expect(issue.state).toBe('closed');
    const [comment, ...more] = expiredComments(issue);
    expect(more).toEqual([]);
    expect(comment!.body).toContain(`expired at **${readMeta('freeze', issue.body)!.until}**`);
  });

  it('after a restart, the new instance finds the freeze by its start-up scan and still closes it on time', async () => {
    const before = await startInstance();
    const { issue, until } = await freeze(before.h, '/freeze all 2h release');
    await stopInstance(before);
    github.resetStats();
    const after = await startInstance();
    expect(github.stats.byOperation['GET /installation/repositories']).toBe(1);
    await advanceTo(until - 1_000);
    expect(issue.state).toBe('open');
    await advanceTo(until);
    expect(issue.state).toBe('closed');
    expect(expiredComments(issue)).toHaveLength(1);
    await stopInstance(after);
  });

  it("waits past setTimeout's limit in clamped steps: a 60-day freeze closes at 60 days", async () => {
    const one = await startInstance();
    const { issue, until } = await freeze(one.h, '/freeze production 60d quarter close');
    for (let t = clock.now(); t < until - 1_000; t = Math.min(t + MAX_TIMER_MS, until - 1_000)) await advanceTo(t);
    await advanceTo(until - 1_000);
    expect(issue.state).toBe('open');
    await advanceTo(until);
    expect(issue.state).toBe('closed');
    expect(Math.max(...clock.delays)).toBeLessThanOrEqual(MAX_TIMER_MS);
  });

  it('is no way to close what is not its own: a planted deploy-freeze issue with a pasted record is neither learned nor closed', async () => {
    const one = await startInstance();
    const until = new Date(clock.now() + 3_600_000).toISOString();
    const planted = github.state.addIssue(repo, {
      title: 'Deploy freeze',
      body: `planted\n\n${renderMeta('freeze', { scope: 'production', until, reason: 'x', by: 'maint', at: new Date(clock.now()).toISOString() })}`,
      labels: ['deploy-freeze'],
      user: github.state.user('writer'),
    });
    await one.h.receive('issues', issuesEvent('opened', planted, { login: 'writer' }));
    // A forged `opened` event for it claiming the app's bot as sender changes nothing either: GitHub's performed_via_github_app decides.
    await one.h.receive('issues', issuesEvent('opened', planted, BOT));
    await advanceTo(Date.parse(until) + 1_000);
    expect(planted.state).toBe('open');
    expect(github.state.appComments(repo, planted.number)).toEqual([]);
  });

  it('closes nothing early when it was told a wrong time: GitHub’s record decides', async () => {
    const one = await startInstance();
    const { issue, until } = await freeze(one.h, '/freeze staging 3h load test', { announced: false });
    await one.expiry.learn(
      { installationId: github.state.installationId, owner: OWNER, repo: REPO, issue: issue.number },
      new Date(clock.now()).toISOString(),
    );
    await advanceTo(clock.now() + 60_000);
    expect(issue.state).toBe('open');
    expect(expiredComments(issue)).toEqual([]);
    await advanceTo(until);
    expect(issue.state).toBe('closed');
  });
});

describe('with Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis({ dir: await mkdtemp(path.join(tmpdir(), 'dg-freeze-expiry-')) });
  });
  afterAll(async () => {
    await stopAllRedis();
  });
  beforeEach(async () => {
    // Each test starts from an empty Redis (no due times, no scan marker).
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    await client.flushall();
    await client.quit();
  });

  it('two instances sharing Redis close the freeze once, on time', async () => {
    const a = await startInstance({ REDIS_URL: redis.url });
    await startInstance({ REDIS_URL: redis.url });
    const { issue, until } = await freeze(a.h, '/freeze production 2h migration');
    github.resetStats();
    await advanceTo(until - 1_000);
    expect(issue.state).toBe('open');
    await advanceTo(until);
    expect(issue.state).toBe('closed');
    expect(github.stats.byOperation[CLOSE]).toBe(1);
    expect(expiredComments(issue)).toHaveLength(1);
  });

  it('after a restart, the new instance takes the due time from Redis (no scan) and closes the freeze on time', async () => {
    const before = await startInstance({ REDIS_URL: redis.url });
    const { issue, until } = await freeze(before.h, '/freeze production 2h migration');
    await stopInstance(before);
    github.resetStats();
    await startInstance({ REDIS_URL: redis.url });
    expect(github.stats.byOperation['GET /installation/repositories']).toBeUndefined();
    await advanceTo(until - 1_000);
    expect(issue.state).toBe('open');
    await advanceTo(until);
    expect(issue.state).toBe('closed');
    expect(expiredComments(issue)).toHaveLength(1);
  });
});

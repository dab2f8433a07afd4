/**
 * Freeze windows and the freeze status on pull requests (issue 15): a window
 * opens and closes at cron times, which no webhook announces, so the app looks
 * at a repository's pull requests again at its next window edge
 * (app/freezes/merge-status-windows.ts). The refresh is the app's own, against
 * the stateful GitHub stand-in (requests checked against GitHub's OpenAPI
 * description); the clock and the timers are the test's.
 */
import pino from 'pino';
import type { Logger } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshMergeStatuses, type MergeStatusDeps } from '../../app/freezes/merge-status.js';
import { createWindowTimers, type WindowTarget } from '../../app/freezes/merge-status-windows.js';
import { startGitHubStateStandIn, type GitHubStateStandIn, type RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { createGitHubClient } from '../../src/github/rest-client.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';
import { APP_ID } from '../support/probot-harness.js';

const log = pino({ level: 'silent' }) as unknown as Logger;
const T0 = Date.parse('2026-12-01T10:00:00Z');
const HOUR = 3_600_000;

let github: GitHubStateStandIn;
let repo: RepoState;
let clock: number;
/** The timers the app would have set: when each fires, and what it runs. */
let timers: { at: number; fire: () => void; cancelled: boolean }[];
/** The refresh a fired timer started. */
let inflight: Promise<unknown> | null;

beforeEach(async () => {
  github = await startGitHubStateStandIn({ app: { id: APP_ID, slug: 'deploy-governor' }, check: checkGitHubRequest });
  repo = github.state.repo('acme', 'checkout');
  clock = T0;
  timers = [];
  inflight = null;
});

afterEach(async () => {
  expect(github.problems).toEqual([]);
  await github.stop();
});

function setUp(policy: string) {
  repo.files.set('main:.github/deploy-governor.yml', policy);
  const client = createGitHubClient('ghs_installation', github.url);
  const target: WindowTarget = { owner: 'acme', repo: 'checkout', installationId: 7331 };
  const deps: MergeStatusDeps = {
    appId: APP_ID,
    identity: { isThisApp: async (login) => login === 'deploy-governor[bot]' },
    now: () => new Date(clock),
    windows: null,
  };
  const refresh = (windows: MergeStatusDeps['windows']) =>
    refreshMergeStatuses({ client, log, ...target, targets: { scope: 'all' }, deps: { ...deps, windows } });
  const windows = createWindowTimers({
    refresh: () => {
      const running = refresh(null).then((o) => o.nextWindowEdge);
      inflight = running;
      return running;
    },
    log,
    now: deps.now,
    setTimer: (fire, ms) => {
      const timer = { at: clock + ms, fire, cancelled: false };
      timers.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
  });
  return { first: () => refresh(windows) };
}

/** Moves the clock to the next pending timer and fires it; resolves once its refresh has run and rescheduled. */
async function fireNext(): Promise<number> {
  const next = timers.filter((t) => !t.cancelled).sort((a, b) => a.at - b.at)[0];
  if (!next) throw new Error('no timer pending');
  next.cancelled = true;
  clock = next.at;
  next.fire();
  await inflight;
  // The timers schedule the refresh's edge in a continuation of it.
  await new Promise((resolve) => setImmediate(resolve));
  return clock;
}

const pending = () => timers.filter((t) => !t.cancelled).map((t) => t.at);
const headOf = (pr: { number: number }) => github.state.pullRefsOf(repo, pr.number).headSha;
const latest = (pr: { number: number }) => github.state.statusesOf(repo, headOf(pr)).at(-1);

describe('a freeze window opening and closing', () => {
  it('holds the pull requests from its start and releases them at its end, each edge looked at when it comes', async () => {
    const from = new Date(T0 + HOUR).toISOString();
    const to = new Date(T0 + 3 * HOUR).toISOString();
    const { first } = setUp(
      [
        'freezes: { merge-status: { branches: { main: [production] } } }',
        `freeze-windows: [{ name: maintenance, reason: datacentre move, from: "${from}", to: "${to}" }]`,
      ].join('\n'),
    );
    const pr = github.state.openPullRequest(repo, { base: 'main', headSha: 'd'.repeat(40) });
    const outcome = await first();
    expect(outcome.nextWindowEdge?.toISOString()).toBe(from);
    expect(latest(pr)).toMatchObject({ state: 'success' });
    expect(timers.map((t) => t.at)).toEqual([T0 + HOUR]);

    await fireNext();
    expect(latest(pr)).toMatchObject({ state: 'pending', description: 'Frozen until 2026-12-01 13:00 UTC (production): datacentre move' });
    expect(pending()).toEqual([T0 + 3 * HOUR]);

    await fireNext();
    expect(latest(pr)).toMatchObject({ state: 'success' });
    // The window is over: nothing more to wait for.
    expect(pending()).toEqual([]);
    expect(github.state.statusesOf(repo, headOf(pr)).map((x) => x.state)).toEqual(['success', 'pending', 'success']);
  });

  it('follows a recurring window in its time zone, and keeps one timer per repository, the earliest', async () => {
    const { first } = setUp(
      [
        'freezes: { merge-status: { branches: { main: [production] } } }',
        // 12:00 to 14:00 in Berlin (UTC+1 in December): 11:00 to 13:00 UTC.
        'freeze-windows: [{ name: lunch, start: "0 12 * * *", end: "0 14 * * *", timezone: Europe/Berlin }]',
      ].join('\n'),
    );
    github.state.openPullRequest(repo, { base: 'main', headSha: 'e'.repeat(40) });
    await first();
    await first();
    expect(pending().map((at) => new Date(at).toISOString())).toEqual(['2026-12-01T11:00:00.000Z']);
    await fireNext();
    expect(pending().map((at) => new Date(at).toISOString())).toEqual(['2026-12-01T13:00:00.000Z']);
  });
});

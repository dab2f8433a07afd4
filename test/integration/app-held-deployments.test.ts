/**
 * Held deployments (`on-block: hold`, issue 15) through the real app against
 * the stateful GitHub stand-in (every request checked against GitHub's OpenAPI
 * description): a deploy blocked by a freeze or the budget is left unanswered
 * with one notice, released when the freeze ends or the budget recovers,
 * rejected at its limit, kept across restarts (Redis, or rebuilt from GitHub's
 * pending deployments), answered once by two instances, and never created by a
 * payload for a run GitHub does not list as pending. Time is a controlled clock;
 * Prometheus is a stand-in whose answer the test changes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FreezeEvents } from '../../app/freezes/freeze-events.js';
import type { HoldClock } from '../../app/held/hold-clock.js';
import type { HeldDeployments } from '../../app/held/held-deployments.js';
import type { GitHubStateStandIn, RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { startRedis, stopAllRedis, type RedisServer } from '../../scripts/lib/redis-server.js';
import { issueCommentCreated } from '../support/issue-payloads.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { HEAD_SHA, INSTALLATION, OWNER, protectionRuleRequested, REPO } from '../support/webhook-payloads.js';

const POLICY = 'main:.github/deploy-governor.yml';
const RUN = 5151;
const MINUTE = 60_000;
const TICK = 30_000;
const HEALTHY = '0.0001';
const BURNING = '0.5';

function policy(extra = 'on-block: hold\nhold: { limit: 2h, interval: 5m }'): string {
  return [
    'slos:',
    '  - name: api',
    '    sli: { ratio: { query: "sum(rate(x_total[{{window}}]))" } }',
    'dr: { enabled: false }',
    extra,
    'environments:',
    '  production: {}',
    '  staging: {}',
  ].join('\n');
}

/** Prometheus answering every query with one error ratio, which a test changes to make the budget burn or recover. */
async function startPrometheus() {
  const state = { ratio: HEALTHY };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [0, state.ratio] }] } })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A clock the test moves: its ticks run, awaited, when it advances; no business time is slept. */
function controlledClock(start: number): HoldClock & { advance(ms: number): Promise<void> } {
  let t = start;
  const ticks = new Set<() => Promise<void>>();
  return {
    now: () => new Date(t),
    every: (_ms, tick) => (ticks.add(tick), () => void ticks.delete(tick)),
    sleep: async () => undefined,
    random: () => 0.5,
    async advance(ms) {
      for (let left = ms; left > 0; left -= TICK) {
        t += Math.min(TICK, left);
        for (const tick of [...ticks]) await tick();
      }
    },
  };
}

interface Instance {
  h: StandInHarness;
  held: HeldDeployments;
  freezeEvents: FreezeEvents;
  clock: ReturnType<typeof controlledClock>;
}

let prometheus: Awaited<ReturnType<typeof startPrometheus>>;
let instances: Instance[] = [];
let github: GitHubStateStandIn;
let repo: RepoState;

beforeAll(async () => {
  prometheus = await startPrometheus();
});
afterAll(async () => {
  await prometheus.stop();
  await stopAllRedis();
});
afterEach(async () => {
  for (const i of instances) expect(i.h.github.problems).toEqual([]);
  // The first started the stand-in: stopped last.
  const started = instances.reverse();
  instances = [];
  for (const i of started) {
    await i.held.stop();
    await i.h.stop();
  }
});

/** An app instance (sharing the first one's GitHub), its held deployments started on a controlled clock. */
async function instance(o: { redis?: RedisServer; start?: number } = {}): Promise<Instance> {
  let services: { held: HeldDeployments; freezeEvents: FreezeEvents } | undefined;
  const h = await startStandInHarness(
    { PROMETHEUS_URL: prometheus.url, ...(o.redis ? { REDIS_URL: o.redis.url } : {}) },
    { ...(instances[0] ? { github: instances[0].h.github } : {}), load: { onServices: (s) => (services = s) } },
  );
  const clock = controlledClock(o.start ?? Date.now());
  const made: Instance = { h, held: services!.held, freezeEvents: services!.freezeEvents, clock };
  instances.push(made);
  if (instances.length === 1) {
    github = h.github;
    repo = github.state.repo(OWNER, REPO);
    repo.collaborators.set('maint', 'maintain');
    repo.files.set(POLICY, `${policy()}\n`);
  }
  await made.held.start(clock);
  return made;
}

const noZwsp = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
const answers = () => github.state.protectionAnswers.map((a) => ({ state: a.body.state, comment: noZwsp(String(a.body.comment)) }));
const request = (i: Instance, environment = 'production', runId = RUN) =>
  i.h.receive('deployment_protection_rule', protectionRuleRequested({ environment, runId }));
const answerAttempts = () => github.stats.byOperation['POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule'] ?? 0;

describe('a deploy blocked by a freeze, held', () => {
  it('waits unanswered with one notice on its pull request, and is approved at once when the freeze ends', async () => {
    const a = await instance();
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['production'] });
    const pr = github.state.addPullRequest(repo, HEAD_SHA);
    const where = github.state.addIssue(repo, { title: 'Release', user: github.state.user('maint') });
    await a.h.receive('issue_comment', issueCommentCreated(where, '/freeze production 2h database migration', { login: 'maint' }, 1));

    await request(a);
    // A redelivery of the same request neither answers nor posts again.
    await request(a);
    expect(answers()).toEqual([]);
    const notices = github.state.appComments(repo, pr.number).map((c) => noZwsp(c.body));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/is holding the deployment to `production`/);
    expect(notices[0]).toContain('database migration');
    expect(notices[0]).toMatch(/rejected if it is still blocked at \*\*\d{4}-\d\d-\d\dT/);
    // Still frozen at the next looks.
    await a.clock.advance(10 * MINUTE);
    expect(answers()).toEqual([]);

    await a.h.receive('issue_comment', issueCommentCreated(where, '/unfreeze production', { login: 'maint' }, 2));
    const [freeze] = [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'deploy-freeze'));
    expect(freeze!.state).toBe('closed');
    // /unfreeze announces the end (app/freezes/freeze-events.ts): the listener released the hold without waiting for a tick.
    expect(answers()).toEqual([
      { state: 'approved', comment: expect.stringMatching(/approved after a hold of 10m: .*It waited for:\n- .*database migration/s) },
    ]);
    // Answered once: later ticks send nothing.
    await a.clock.advance(10 * MINUTE);
    expect(answerAttempts()).toBe(1);
  });

  it('an organisation-wide freeze ending in <owner>/.github releases the holds of every repository of the owner', async () => {
    const a = await instance();
    repo.files.set(
      POLICY,
      `${policy()}\nfreeze-windows: [{ name: release-week, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z" }]\n`,
    );
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['production'] });
    await request(a);
    expect(answers()).toEqual([]);
    repo.files.set(POLICY, `${policy()}\n`);
    const record = { scope: 'all', until: '2100-01-01T00:00:00.000Z', reason: 'release week', by: 'maint', at: '2000-01-01T00:00:00.000Z' };
    await a.freezeEvents.emit({
      owner: OWNER,
      repo: '.github',
      scope: 'all',
      change: 'ended',
      issue: 1,
      installationId: INSTALLATION,
      record,
    });
    expect(answers().map((x) => x.state)).toEqual(['approved']);
  });
});

describe('a deploy blocked by the budget, held', () => {
  it('is approved once the budget recovers, at the next evaluation; without a pull request the notice is a commit comment', async () => {
    const a = await instance();
    prometheus.state.ratio = BURNING;
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['production'] });
    await request(a);
    expect(answers()).toEqual([]);
    expect(github.state.commitComments).toEqual([
      { repository: `${OWNER}/${REPO}`, sha: HEAD_SHA, body: expect.stringMatching(/is holding the deployment to `production`/) },
    ]);
    await a.clock.advance(6 * MINUTE);
    expect(answers()).toEqual([]);
    prometheus.state.ratio = HEALTHY;
    // Within one interval (5m, jittered).
    await a.clock.advance(6 * MINUTE);
    expect(answers()).toEqual([{ state: 'approved', comment: expect.stringMatching(/approved after a hold of 1[0-2]m: .*status NORMAL/) }]);
  });

  it('is rejected at its limit, saying so', async () => {
    const a = await instance();
    prometheus.state.ratio = BURNING;
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['production'] });
    await request(a);
    await a.clock.advance(119 * MINUTE);
    expect(answers()).toEqual([]);
    await a.clock.advance(2 * MINUTE);
    expect(answers()).toEqual([
      {
        state: 'rejected',
        comment: expect.stringMatching(/rejected after a hold of 2h, the longest the policy allows \(hold\.limit 2h\), still blocked/),
      },
    ]);
  });

  it('is rejected at the next evaluation when the policy no longer holds', async () => {
    const a = await instance();
    prometheus.state.ratio = BURNING;
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['production'] });
    await request(a);
    repo.files.set(POLICY, `${policy('on-block: reject')}\n`);
    await a.clock.advance(6 * MINUTE);
    expect(answers()).toEqual([{ state: 'rejected', comment: expect.stringMatching(/the policy no longer holds blocked deploys/) }]);
  });

  it('is not held where the policy says reject (the default), nor for a block a hold does not wait for', async () => {
    const a = await instance();
    prometheus.state.ratio = BURNING;
    repo.files.set(POLICY, `${policy('')}\n`);
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['production', 'staging'] });
    await request(a);
    expect(answers().map((x) => x.state)).toEqual(['rejected']);
    // An invalid policy fails closed at once, whatever on-block says.
    repo.files.set(POLICY, `${policy()}\nblock-on: SOMETIMES\n`);
    await request(a, 'staging');
    expect(answers().map((x) => x.state)).toEqual(['rejected', 'rejected']);
    expect(answers()[1]!.comment).toMatch(/could not be evaluated \(fail closed\)/);
  });

  it('a host that never started the schedule (the Lambda) rejects at once, saying that holding needs the server', async () => {
    const a = await instance();
    await a.held.stop();
    prometheus.state.ratio = BURNING;
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['production'] });
    await request(a);
    expect(answers()).toEqual([{ state: 'rejected', comment: expect.stringContaining("`on-block: hold` needs the app's server") }]);
  });
});

describe('held deployments across restarts', () => {
  it('without Redis, are rebuilt from GitHub’s pending deployments at start and released', async () => {
    const a = await instance();
    prometheus.state.ratio = BURNING;
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['production'] });
    await request(a);
    await a.held.stop();
    const b = await instance();
    expect(github.stats.byOperation['GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments']).toBeGreaterThanOrEqual(2);
    prometheus.state.ratio = HEALTHY;
    await b.clock.advance(TICK);
    expect(answers().map((x) => x.state)).toEqual(['approved']);
  });

  it('with Redis, are kept there (what they waited for included) and released by the next instance', async () => {
    const redis = await startRedis();
    const a = await instance({ redis });
    prometheus.state.ratio = BURNING;
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['production'] });
    await request(a);
    await a.held.stop();
    github.resetStats();
    const b = await instance({ redis });
    // Durable: nothing rebuilt from GitHub.
    expect(github.stats.byOperation['GET /repos/{owner}/{repo}/actions/runs'] ?? 0).toBe(0);
    prometheus.state.ratio = HEALTHY;
    await b.clock.advance(6 * MINUTE);
    expect(answers()).toEqual([{ state: 'approved', comment: expect.stringMatching(/It waited for:\n- /) }]);
  });

  it('two instances sharing Redis answer a hold once', async () => {
    const redis = await startRedis();
    const a = await instance({ redis });
    const b = await instance({ redis });
    prometheus.state.ratio = BURNING;
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['production'] });
    await request(a);
    prometheus.state.ratio = HEALTHY;
    await Promise.all([a.clock.advance(6 * MINUTE), b.clock.advance(6 * MINUTE)]);
    expect(answerAttempts()).toBe(1);
    expect(answers().map((x) => x.state)).toEqual(['approved']);
  });
});

describe('the attacker', () => {
  it('a forged or replayed request for a run GitHub does not list as pending holds nothing and later approves nothing', async () => {
    const a = await instance();
    prometheus.state.ratio = BURNING;
    // A run waiting on staging only, and a run that is not waiting at all.
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['staging'] });
    await request(a, 'production');
    await request(a, 'production', 999);
    expect(github.state.commitComments).toEqual([]);
    prometheus.state.ratio = HEALTHY;
    await a.clock.advance(10 * MINUTE);
    expect(answerAttempts()).toBe(0);
  });

  it('a hold whose run was answered elsewhere (a reviewer, another rule) is dropped quietly', async () => {
    const a = await instance();
    prometheus.state.ratio = BURNING;
    github.state.addWaitingRun(repo, { id: RUN, sha: HEAD_SHA, environments: ['production'] });
    await request(a);
    repo.runs.get(RUN)!.pending!.clear();
    prometheus.state.ratio = HEALTHY;
    await a.clock.advance(6 * MINUTE);
    expect(answerAttempts()).toBe(1);
    expect(answers()).toEqual([]);
    await a.clock.advance(10 * MINUTE);
    expect(answerAttempts()).toBe(1);
  });
});

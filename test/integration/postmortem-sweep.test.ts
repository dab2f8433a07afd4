/**
 * The postmortem sweep end to end against a small stateful GitHub (nock): what
 * the sweep writes is what the next sweep reads, so "twice the same day comments
 * once" is tested through the markers, not assumed. Every REST request is
 * checked against GitHub's OpenAPI description; GraphQL (unknown to it) is
 * checked by operation and variables.
 */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { resolvePostmortemPolicy } from '../../src/core/postmortem/postmortem-policy.js';
import { reminderMarker } from '../../src/core/postmortem/sweep-plan.js';
import { IS_PINNED_QUERY, PIN_ISSUE_MUTATION, RELIABILITY_REPORT_MARKER, runPostmortemSweep } from '../../src/github/apply-sweep.js';
import type { GitHubClient } from '../../src/github/client.js';
import { createGitHubClient } from '../../src/github/rest-client.js';
import { run } from '../../src/cli/run.js';
import { checkRequestAgainstOpenApi } from '../support/openapi-checker.js';

const GITHUB = 'https://api.github.com';
const NOW = new Date('2026-11-25T12:00:00Z');
const BOT = { login: 'deploy-governor[bot]', type: 'Bot' };

interface FakeComment {
  body: string;
  user: { login: string; type: string };
  author_association: string;
}
interface FakeIssue {
  number: number;
  node_id: string;
  title: string;
  state: 'open' | 'closed';
  created_at: string;
  closed_at: string | null;
  state_reason: string | null;
  labels: string[];
  assignees: string[];
  body: string;
  pull_request?: object;
  comments: FakeComment[];
}

function issue(number: number, over: Partial<FakeIssue>): FakeIssue {
  return {
    number,
    node_id: `I_${number}`,
    title: `Issue ${number}`,
    state: 'open',
    created_at: '2026-11-01T00:00:00Z',
    closed_at: null,
    state_reason: null,
    labels: [],
    assignees: [],
    body: '',
    comments: [],
    ...over,
  };
}

function actionItem(number: number, due: string, owner: string, over: Partial<FakeIssue> = {}): FakeIssue {
  return issue(number, {
    title: `Action item ${number}`,
    labels: ['action-item'],
    assignees: [owner],
    body: `Do the thing.\n\n${renderMeta('action-item', { postmortem: 2, key: `item-${number}`, horizon: 'short', owner, due })}`,
    ...over,
  });
}

/** The repository as the scenario starts (now = 2026-11-25T12:00Z). */
function scenario(): FakeIssue[] {
  return [
    issue(1, {
      title: 'Checkout down',
      labels: ['incident', 'sev1'],
      state: 'closed',
      closed_at: '2026-11-10T00:00:00Z',
      state_reason: 'completed',
    }),
    issue(2, {
      title: 'Postmortem: checkout down',
      labels: ['postmortem'],
      body: `Draft\n\n${renderMeta('postmortem', { incident: 1, severity: 'sev1', author: 'alice', startedAt: null, endedAt: null })}`,
    }),
    actionItem(3, '2026-11-20', 'bob'), // overdue, never reminded: label + remind
    actionItem(4, '2026-11-25', 'carol'), // due today: nothing
    actionItem(5, '2026-11-01', 'dave', {
      labels: ['action-item', 'overdue'],
      comments: [{ body: `Reminder\n\n${reminderMarker('2026-11-25')}`, user: BOT, author_association: 'NONE' }],
    }), // reminded today already
    actionItem(6, '2026-11-01', 'erin', {
      state: 'closed',
      closed_at: '2026-11-24T00:00:00Z',
      state_reason: 'completed',
      labels: ['action-item', 'overdue'],
    }), // closed: unlabel
    actionItem(7, '2026-11-15', 'frank', {
      labels: ['action-item', 'overdue'],
      comments: [
        { body: reminderMarker('2026-11-24'), user: BOT, author_association: 'NONE' },
        // Pasted by someone without write access: must not silence today's reminder.
        { body: reminderMarker('2026-11-25'), user: { login: 'mallory', type: 'User' }, author_association: 'NONE' },
      ],
    }),
    issue(8, { labels: ['action-item'], pull_request: { url: 'x' }, body: 'a pull request with the label' }),
  ];
}

interface FakeGitHub {
  issues: FakeIssue[];
  /** OpenAPI (REST) and document (GraphQL) problems, and requests the fake does not know. */
  problems: string[];
  pinned: Set<string>;
  graphql: { query: string; variables: unknown }[];
  /** Issue numbers whose next comment POST answers 500. */
  failCommentOn: Set<number>;
  /** Repository file contents by path. */
  files: Map<string, string>;
  requests: { method: string; path: string }[];
}

function apiIssue(i: FakeIssue) {
  const { comments, labels, assignees, ...rest } = i;
  return {
    ...rest,
    labels: labels.map((name) => ({ name })),
    assignees: assignees.map((login) => ({ login })),
    comments: comments.length,
    user: BOT,
  };
}

/** A stateful GitHub for one repository, octo/shop, answering the given methods (a reader's test registers GET only). */
function fakeGitHub(issues: FakeIssue[], methods: readonly string[] = ['GET', 'POST', 'PATCH', 'DELETE']): FakeGitHub {
  const gh: FakeGitHub = { issues, problems: [], pinned: new Set(), graphql: [], failCommentOn: new Set(), files: new Map(), requests: [] };
  const scope = nock(GITHUB).persist();
  scope.on('request', (req: { method: string; path: string }, _i: unknown, body: string) => {
    const path = req.path.split('?')[0]!;
    gh.requests.push({ method: req.method, path });
    if (path === '/graphql') return;
    gh.problems.push(...checkRequestAgainstOpenApi({ method: req.method, path, body: body ? (JSON.parse(body) as unknown) : undefined }));
  });
  const find = (n: string) => gh.issues.find((i) => i.number === Number(n));
  const respond = (method: string) =>
    function (uri: string, body: unknown): [number, unknown] {
      const url = new URL(uri, GITHUB);
      const p = decodeURIComponent(url.pathname);
      let m: RegExpExecArray | null;
      if (method === 'GET' && (m = /^\/repos\/octo\/shop\/contents\/(.+)$/.exec(p))) {
        const text = gh.files.get(m[1]!);
        return text === undefined
          ? [404, { message: 'Not Found' }]
          : [200, { type: 'file', sha: 'f'.repeat(40), encoding: 'base64', content: Buffer.from(text).toString('base64') }];
      }
      if (method === 'GET' && p === '/repos/octo/shop/issues') {
        const label = url.searchParams.get('labels')!;
        const page = Number(url.searchParams.get('page') ?? 1);
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        if (url.searchParams.get('state') !== 'all') gh.problems.push(`issues listed without state=all: ${uri}`);
        const matching = gh.issues.filter((i) => i.labels.includes(label)).sort((a, b) => a.number - b.number);
        return [200, matching.slice((page - 1) * perPage, page * perPage).map(apiIssue)];
      }
      if ((m = /^\/repos\/octo\/shop\/issues\/(\d+)\/comments$/.exec(p))) {
        const target = find(m[1]!);
        if (!target) return [404, { message: 'Not Found' }];
        if (method === 'GET') return [200, target.comments];
        if (gh.failCommentOn.delete(target.number)) return [500, { message: 'Server Error' }];
        const comment = { body: (body as { body: string }).body, user: BOT, author_association: 'NONE' };
        target.comments.push(comment);
        return [201, { id: target.comments.length, ...comment }];
      }
      if ((m = /^\/repos\/octo\/shop\/issues\/(\d+)\/labels(?:\/(.+))?$/.exec(p))) {
        const target = find(m[1]!)!;
        if (method === 'POST') target.labels = [...new Set([...target.labels, ...(body as { labels: string[] }).labels])];
        if (method === 'DELETE') {
          if (!target.labels.includes(m[2]!)) return [404, { message: 'Label does not exist' }];
          target.labels = target.labels.filter((l) => l !== m![2]);
        }
        return [200, target.labels.map((name) => ({ name }))];
      }
      if (method === 'POST' && p === '/repos/octo/shop/issues') {
        const b = body as { title: string; body: string; labels: string[] };
        const created = issue(Math.max(...gh.issues.map((i) => i.number)) + 1, {
          title: b.title,
          body: b.body,
          labels: b.labels,
          created_at: NOW.toISOString(),
        });
        gh.issues.push(created);
        return [201, apiIssue(created)];
      }
      if (method === 'PATCH' && (m = /^\/repos\/octo\/shop\/issues\/(\d+)$/.exec(p))) {
        const target = find(m[1]!)!;
        Object.assign(target, body);
        return [200, apiIssue(target)];
      }
      if (method === 'POST' && p === '/graphql') {
        const { query, variables } = body as { query: string; variables: Record<string, unknown> };
        gh.graphql.push({ query, variables });
        // GraphQL is not in the OpenAPI description: check the operation and its variables against what GitHub's schema takes.
        if (query === IS_PINNED_QUERY && typeof variables.id === 'string' && Object.keys(variables).length === 1) {
          return [200, { data: { node: { isPinned: gh.pinned.has(variables.id) } } }];
        }
        if (query === PIN_ISSUE_MUTATION && typeof variables.issueId === 'string' && Object.keys(variables).length === 1) {
          gh.pinned.add(variables.issueId);
          return [200, { data: { pinIssue: { issue: { number: gh.issues.find((i) => i.node_id === variables.issueId)!.number } } } }];
        }
        gh.problems.push(`unexpected GraphQL document: ${query} ${JSON.stringify(variables)}`);
        return [200, { errors: [{ message: 'unexpected document' }] }];
      }
      gh.problems.push(`the fake GitHub does not know ${method} ${p}`);
      return [404, { message: 'Not Found' }];
    };
  for (const method of methods) scope.intercept(/.*/, method).query(true).reply(respond(method));
  return gh;
}

/** The real REST client, recording each call's parameters (to see `request.retries`). */
function recordingClient(calls: { route: string; parameters: Record<string, unknown> }[]): GitHubClient {
  const client = createGitHubClient('ghs_test', GITHUB);
  return { request: (route, parameters = {}) => (calls.push({ route, parameters }), client.request(route, parameters)) };
}

const comments = (gh: FakeGitHub, n: number) => gh.issues.find((i) => i.number === n)!.comments;

beforeEach(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('runPostmortemSweep', () => {
  it('reminds, labels, unlabels and keeps the pinned report; a second run the same day comments nothing', async () => {
    const gh = fakeGitHub(scenario());
    const calls: { route: string; parameters: Record<string, unknown> }[] = [];
    const client = recordingClient(calls);
    const policy = resolvePostmortemPolicy(undefined);

    const first = await runPostmortemSweep(client, { owner: 'octo', repo: 'shop', policy, now: NOW });
    expect(first.failures).toEqual([]);
    expect(first.warnings).toEqual([]);
    expect(first.actions.map((a) => [a.action.kind, a.action.issue, a.outcome])).toEqual([
      ['label-overdue', 3, 'done'],
      ['remind-overdue', 3, 'done'],
      ['unlabel-overdue', 6, 'done'],
      ['remind-overdue', 7, 'done'],
      ['remind-unpublished', 2, 'done'],
    ]);
    expect(comments(gh, 3).map((c) => c.body)).toEqual([
      `@bob, this action item was due on 2026-11-20 and is 5 days overdue. Close it when it is done, or agree a new due date in its postmortem.\n\n${reminderMarker('2026-11-25')}`,
    ]);
    expect(comments(gh, 2).at(-1)!.body).toMatch(
      /^@alice, this postmortem is still unpublished 15 days after its incident ended \(2026-11-10T00:00:00Z\)\./,
    );
    expect(comments(gh, 5)).toHaveLength(1); // reminded earlier today
    expect(comments(gh, 4)).toHaveLength(0); // due today
    expect(gh.issues.find((i) => i.number === 3)!.labels).toContain('overdue');
    expect(gh.issues.find((i) => i.number === 6)!.labels).not.toContain('overdue');

    const report = gh.issues.find((i) => i.labels.includes('reliability-report'))!;
    expect(first.reportIssue).toEqual({ number: report.number, created: true, pinned: true });
    expect(report.title).toBe('Reliability report');
    expect(report.body).toContain(RELIABILITY_REPORT_MARKER);
    expect(report.body).toContain('| Overdue action items | 3 | | |'); // #3, #5, #7
    expect(gh.pinned).toEqual(new Set([report.node_id]));
    // Coverage 1 of 1 (incident #1 has postmortem #2); no postmortem published and no item 30 days old yet: nothing else measured.
    expect(first.goalsMet).toBe(true);
    expect(gh.graphql.map((g) => g.query)).toEqual([IS_PINNED_QUERY, PIN_ISSUE_MUTATION]);

    // Every POST goes out without automatic retries: a timed-out POST is never sent twice.
    const posts = calls.filter((c) => c.route.startsWith('POST '));
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(post.parameters.request).toEqual({ retries: 0 });

    const second = await runPostmortemSweep(client, { owner: 'octo', repo: 'shop', policy, now: new Date('2026-11-25T23:30:00Z') });
    expect(second.failures).toEqual([]);
    expect(second.actions).toEqual([]);
    expect(second.reportIssue).toEqual({ number: report.number, created: false, pinned: true });
    expect([2, 3, 5, 7].map((n) => comments(gh, n).length)).toEqual([1, 1, 1, 3]);
    expect(gh.issues.filter((i) => i.labels.includes('reliability-report'))).toHaveLength(1);
    expect(gh.graphql.map((g) => g.query)).toEqual([IS_PINNED_QUERY, PIN_ISSUE_MUTATION, IS_PINNED_QUERY]);

    // The next day the overdue items are reminded again.
    const nextDay = await runPostmortemSweep(client, { owner: 'octo', repo: 'shop', policy, now: new Date('2026-11-26T08:00:00Z') });
    expect(nextDay.actions.map((a) => [a.action.kind, a.action.issue])).toEqual([
      ['remind-overdue', 3],
      ['label-overdue', 4],
      ['remind-overdue', 4],
      ['remind-overdue', 5],
      ['remind-overdue', 7],
      ['remind-unpublished', 2],
    ]);
    expect(gh.problems).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('carries on after a failed action and reports it; a failed pin is only a warning', async () => {
    const gh = fakeGitHub(scenario());
    gh.failCommentOn.add(3);
    // Pinning fails as when three issues are pinned already.
    const client = recordingClient([]);
    const failingPin: GitHubClient = {
      request: async (route, parameters) => {
        if (route === 'POST /graphql' && (parameters as { query: string }).query === PIN_ISSUE_MUTATION) {
          return { status: 200, data: { errors: [{ message: 'You can only pin 3 issues per repository' }] } };
        }
        return client.request(route, parameters);
      },
    };
    const result = await runPostmortemSweep(failingPin, {
      owner: 'octo',
      repo: 'shop',
      policy: resolvePostmortemPolicy(undefined),
      now: NOW,
    });
    expect(result.actions.filter((a) => a.outcome === 'failed').map((a) => [a.action.kind, a.action.issue])).toEqual([
      ['remind-overdue', 3],
    ]);
    expect(result.failures).toEqual([expect.stringMatching(/^#3 remind-overdue: .*Server Error/)]);
    // The others were still done.
    expect(comments(gh, 7)).toHaveLength(3);
    expect(comments(gh, 2)).toHaveLength(1);
    expect(result.reportIssue).toMatchObject({ created: true, pinned: false });
    expect(result.warnings).toEqual([
      expect.stringMatching(/^could not pin the reliability report #\d+ .*: You can only pin 3 issues per repository$/),
    ]);

    // The failed reminder is the only one sent on the rerun.
    const rerun = await runPostmortemSweep(client, { owner: 'octo', repo: 'shop', policy: resolvePostmortemPolicy(undefined), now: NOW });
    expect(rerun.actions.map((a) => [a.action.kind, a.action.issue, a.outcome])).toEqual([['remind-overdue', 3, 'done']]);
    expect(gh.problems).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('deploy-governor postmortems', () => {
  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (err.push(String(c)), true));
    return { out, err };
  }

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    vi.stubEnv('GITHUB_TOKEN', 'ghs_cli');
    vi.stubEnv('GITHUB_API_URL', '');
  });

  it('sweeps with the policy from the default branch, exits 1 on a failed action, and comments once a day', async () => {
    const gh = fakeGitHub(scenario());
    // From the repository: a 20-day reminder delay, so postmortem #2 (15 days) is not reminded yet.
    gh.files.set('.github/deploy-governor.yml', 'postmortems:\n  publish-reminder-after: 20d\n');
    gh.failCommentOn.add(7);
    let io = capture();
    expect(await run(['node', 'deploy-governor', 'postmortems', 'sweep', '--repo', 'octo/shop'])).toBe(1);
    expect(io.out.join('')).toMatch(
      /^done: #3 label-overdue\ndone: #3 remind-overdue\ndone: #6 unlabel-overdue\nFAILED: #7 remind-overdue: .*\nreliability report: #9 created, pinned\n$/,
    );
    expect(io.err.join('')).toMatch(/^deploy-governor: failed: #7 remind-overdue: /);
    expect(comments(gh, 2)).toHaveLength(0);
    vi.restoreAllMocks();

    io = capture();
    expect(await run(['node', 'deploy-governor', 'postmortems', 'sweep', '--repo', 'octo/shop'])).toBe(0);
    expect(io.out.join('')).toBe('done: #7 remind-overdue\nreliability report: #9 updated, pinned\n');
    expect([3, 7].map((n) => comments(gh, n).length)).toEqual([1, 3]);
    expect(gh.problems).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('prints the report in each format without writing anything, and --check exits 1 on a missed goal', async () => {
    const gh = fakeGitHub(
      [
        ...scenario(),
        // A closed sev2 incident without a postmortem: coverage 1 of 2, below the 100 % goal.
        issue(20, {
          title: 'Payments slow',
          labels: ['incident', 'sev2'],
          state: 'closed',
          closed_at: '2026-11-20T00:00:00Z',
          state_reason: 'completed',
        }),
      ],
      ['GET'],
    );
    const io = capture();
    const report = async (...flags: string[]) => {
      io.out.length = 0;
      const code = await run(['node', 'deploy-governor', 'postmortems', 'report', '--repo', 'octo/shop', ...flags]);
      return { code, out: io.out.join('') };
    };
    const om = await report('--format', 'openmetrics');
    expect(om.code).toBe(0);
    expect(om.out).toContain('deploy_governor_action_items_overdue{repository="octo/shop"} 3\n');
    expect(om.out).toContain('deploy_governor_postmortem_coverage_ratio{repository="octo/shop"} 0.5\n');
    const json = await report('--format', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      repository: 'octo/shop',
      generatedAt: NOW.toISOString(),
      goalsMet: false,
      coverage: { required: 2, covered: 1, missing: [20] },
    });
    const md = await report();
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^## Reliability report: octo\/shop/);
    expect(md.out).toContain('**Incidents without a postmortem:** #20');
    expect((await report('--check')).code).toBe(1);
    // Reading only: no comments read, nothing written.
    expect(gh.requests.filter((r) => r.method !== 'GET' || r.path.includes('/comments'))).toEqual([]);
    expect(gh.problems).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('rejects a bad flag value in one line naming the flag, the value and the accepted values', async () => {
    const io = capture();
    expect(await run(['node', 'deploy-governor', 'postmortems', 'report', '--repo', 'octo/shop', '--format', 'xml'])).toBe(99);
    expect(await run(['node', 'deploy-governor', 'postmortems', 'sweep', '--repo', 'octo'])).toBe(99);
    vi.stubEnv('GITHUB_TOKEN', '');
    vi.stubEnv('GH_TOKEN', '');
    expect(await run(['node', 'deploy-governor', 'postmortems', 'sweep', '--repo', 'octo/shop'])).toBe(99);
    expect(io.err).toEqual([
      'deploy-governor: --format: expected one of markdown, json, openmetrics; got "xml"\n',
      'deploy-governor: --repo: expected owner/name (e.g. octo/shop); got "octo"\n',
      'deploy-governor: set GITHUB_TOKEN (issues: write for sweep, issues: read for report) to reach the repository\n',
    ]);
  });
});

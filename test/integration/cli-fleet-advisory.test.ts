/**
 * `deploy-governor fleet`'s advisory counts (issue 16, item 6) against the
 * stateful GitHub stand-in, with a fixed clock: the decisions of the look-back
 * come from the Action's check runs on the default branch's commits (every run,
 * re-runs included), only in repositories whose policy runs a rule in shadow
 * mode; the request cost is 1 + a request per commit there, and nothing
 * elsewhere; the cap on commits is said; a report planted in another
 * environment's check run does not count. Every request is checked against
 * GitHub's OpenAPI description.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubStateStandIn, type GitHubStateStandIn, type RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { runFleetCommand } from '../../src/cli/commands/fleet.js';
import { fleetReportSchema, type FleetReport } from '../../src/core/fleet/fleet-report.js';
import { embedReport } from '../../src/core/report/extract-report.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { createGitHubClient } from '../../src/github/rest-client.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';
import { reportFor } from '../support/reports.js';

const ORG = 'shadow';
const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const SLI = `sli: { events: { error: 'sum(increase(http_requests_total{status=~"5.."}[{{window}}]))', total: 'sum(increase(http_requests_total[{{window}}]))' } }`;
const policy = (slo: string, extra = '') =>
  ['dr: { enabled: false }', 'slos:', `  - name: ${slo}`, '    enforcement: advisory', `    ${SLI}`, extra].join('\n');

let gh: GitHubStateStandIn;
let blocked: Report;
let healthy: Report;

async function fleet(format: 'json' | 'markdown' | 'text') {
  let out = '';
  const code = await runFleetCommand(
    { org: ORG, app: 'deploy-governor', json: format === 'json', markdown: format === 'markdown' },
    { client: createGitHubClient('ghp_platform', gh.url), now: NOW, out: (t) => (out += t), err: (t) => (out += t) },
  );
  expect(code).toBe(0);
  return out;
}

/** A commit on main committed `daysAgo` (the root commit is moved out of the look-back). */
function commitAt(repo: RepoState, daysAgo: number): string {
  const date = ago(daysAgo);
  const commit = gh.state.commit(repo, {
    branch: 'main',
    changes: { [`src/${daysAgo}.txt`]: String(daysAgo) },
    by: gh.state.user('alice'),
    verified: false,
    message: `change ${daysAgo}`,
    gitAuthor: { date },
    gitCommitter: { date },
  });
  return commit.sha;
}

function checkRun(repo: RepoState, sha: string, o: { environment?: string; text: string; daysAgo: number }) {
  const id = gh.state.nextId();
  repo.checkRuns.set(id, {
    id,
    name: `deploy-governor / ${o.environment ?? 'production'}`,
    head_sha: sha,
    status: 'completed',
    conclusion: 'success',
    completed_at: ago(o.daysAgo),
    output: { title: 'Gate', summary: 'Gate', text: o.text },
    app: { id: 15368, slug: 'github-actions' },
  });
}

function serviceRepo(name: string, policyText: string): RepoState {
  const repo = gh.state.repo(ORG, name);
  repo.environments = new Map([['production', []]]);
  repo.files.set('main:.github/deploy-governor.yml', policyText);
  const root = repo.commits.get(repo.branches.get('main')!)!;
  root.gitCommitter = { ...root.gitCommitter, date: ago(60) };
  return repo;
}

beforeAll(async () => {
  gh = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' }, check: checkGitHubRequest });
  blocked = await reportFor(1500, policy('checkout-availability'));
  healthy = await reportFor(100, policy('checkout-availability'));

  // checkout: four decisions in the look-back, two that the advisory SLO would have blocked.
  const checkout = serviceRepo('checkout', policy('checkout-availability'));
  const old = commitAt(checkout, 40);
  checkRun(checkout, old, { text: embedReport(blocked), daysAgo: 40 });
  const c2 = commitAt(checkout, 10);
  checkRun(checkout, c2, { text: embedReport(blocked), daysAgo: 10 });
  checkRun(checkout, c2, { text: embedReport(healthy), daysAgo: 9 }); // a re-run: a decision of its own
  const c3 = commitAt(checkout, 2);
  checkRun(checkout, c3, { text: embedReport(healthy), daysAgo: 2 });
  checkRun(checkout, c3, { environment: 'staging', text: embedReport(blocked), daysAgo: 2 }); // planted: a production report
  checkRun(checkout, c3, { text: 'a check run without a report', daysAgo: 2 });
  const head = commitAt(checkout, 1 / 24);
  checkRun(checkout, head, { text: embedReport(blocked), daysAgo: 1 / 48 });

  // payments: the same rule in shadow mode, one healthy decision.
  const payments = serviceRepo('payments', policy('checkout-availability'));
  checkRun(payments, commitAt(payments, 1), { text: embedReport(healthy), daysAgo: 1 });

  // search: no rule in shadow mode; its history is not read, whatever its check runs say.
  const search = serviceRepo('search', 'dr: { enabled: false }\n');
  checkRun(search, commitAt(search, 1), { text: embedReport(blocked), daysAgo: 1 });

  // busy: more commits in the look-back than the reader's cap.
  const busy = serviceRepo('busy', 'dr: { enabled: false, enforcement: advisory }\n');
  for (let i = 0; i < 32; i++) commitAt(busy, 20 - i / 2);
});
afterAll(async () => {
  expect(gh.problems).toEqual([]);
  await gh?.stop();
});

describe('deploy-governor fleet: advisory counts', () => {
  let report: FleetReport;
  let commitsListed: number;
  let checkRunReads: number;
  let total: number;

  beforeAll(async () => {
    gh.resetStats();
    report = fleetReportSchema.parse(JSON.parse(await fleet('json')));
    commitsListed = gh.stats.byOperation['GET /repos/{owner}/{repo}/commits'] ?? 0;
    checkRunReads = gh.stats.byOperation['GET /repos/{owner}/{repo}/commits/{ref}/check-runs'] ?? 0;
    total = gh.stats.total;
  });
  const row = (name: string) => report.repositories.find((r) => r.repository === `${ORG}/${name}`)!;

  it('counts the decisions of the look-back per environment and rule, re-runs included, planted reports left out', () => {
    expect(row('checkout').advisory).toEqual({
      since: ago(30),
      commits: 3,
      capped: false,
      rules: ['slo:checkout-availability'],
      environments: [{ environment: 'production', decisions: 4, wouldHaveBlocked: [{ rule: 'slo:checkout-availability', count: 2 }] }],
    });
    expect(row('payments').advisory?.environments).toEqual([{ environment: 'production', decisions: 1, wouldHaveBlocked: [] }]);
  });

  it('sums each rule over the repositories that run it in shadow mode, in every rendering', async () => {
    expect(report.summary.advisoryRules).toEqual([
      { rule: 'dr', wouldHaveBlocked: 0, decisions: 0, repositories: 1 },
      { rule: 'slo:checkout-availability', wouldHaveBlocked: 2, decisions: 5, repositories: 2 },
    ]);
    expect(await fleet('text')).toContain('slo:checkout-availability would have blocked 2 of 5 decisions in 2 repositories');
    const markdown = await fleet('markdown');
    expect(markdown).toContain('| slo:checkout-availability | 2 | 5 | 2 |');
    expect(markdown).toContain('| shadow/checkout | production | 4 | slo:checkout-availability 2 |');
  });

  it('reads no history where no rule is in shadow mode', () => {
    expect(row('search').advisory).toBeNull();
    // Its latest gate still shows, as before.
    expect(row('search').environments[0]!.gate?.status).toBe(blocked.decision.status);
  });

  it('says when the cap on commits cut the look-back', () => {
    expect(row('busy').advisory).toMatchObject({ commits: 30, capped: true, rules: ['dr'], environments: [] });
  });

  it('costs one commit listing and one check-run read per commit, only where a rule is in shadow mode', () => {
    // checkout 3 commits, payments 1, busy 30 (cap); every repository's head is read once for the gate column (4).
    expect(commitsListed).toBe(3);
    expect(checkRunReads).toBe(4 + 3 + 1 + 30);
    expect(report.requests).toBe(total);
  });
});

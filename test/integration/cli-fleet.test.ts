/**
 * `deploy-governor fleet` (the command's function in-process, with a fixed
 * clock) against the stateful GitHub stand-in holding an organisation of 60
 * repositories with mixed coverage (scripts/lib/fleet-organisation.ts): every
 * row, the headline, the request count, and the attacks: a repository that
 * answers 500s, planted freeze and action-item issues, hostile names and
 * reasons in markdown, and a planted fleet-issue marker. Every request is
 * checked against GitHub's OpenAPI description (GraphQL against its schema).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleetOrganisation, FLEET_ORG, SPECIAL } from '../../scripts/lib/fleet-organisation.js';
import { startGitHubStateStandIn, type GitHubStateStandIn } from '../../scripts/lib/github-state-stand-in.js';
import { runFleetCommand, type FleetOptions } from '../../src/cli/commands/fleet.js';
import { fleetReportSchema, type FleetReport } from '../../src/core/fleet/fleet-report.js';
import { FLEET_ISSUE_MARKER } from '../../src/core/fleet/render-fleet.js';
import { embedReport } from '../../src/core/report/extract-report.js';
import { createGitHubClient } from '../../src/github/rest-client.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';
import { reportFor } from '../support/reports.js';

const NOW = new Date('2026-11-23T12:00:00Z');
let gh: GitHubStateStandIn;
let services: string[];

async function fleet(options: Partial<FleetOptions>, token = 'ghp_platform') {
  let out = '';
  let err = '';
  const code = await runFleetCommand(
    { org: FLEET_ORG, app: 'deploy-governor', ...options },
    { client: createGitHubClient(token, gh.url), now: NOW, out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err };
}

beforeAll(async () => {
  gh = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' }, check: checkGitHubRequest });
  services = buildFleetOrganisation(gh.state, { now: NOW, gateReportText: embedReport(await reportFor(1500)) });
});
afterAll(async () => {
  expect(gh.problems).toEqual([]);
  await gh?.stop();
});

describe('deploy-governor fleet on 60 repositories', () => {
  let report: FleetReport;
  let requests: number;

  beforeAll(async () => {
    gh.resetStats();
    const result = await fleet({ json: true });
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    report = fleetReportSchema.parse(JSON.parse(result.out));
    requests = gh.stats.total;
  });

  const row = (name: string) => report.repositories.find((r) => r.repository === `${FLEET_ORG}/${name}`)!;

  it('lists every repository the token sees, and skips the archived one, saying so', () => {
    expect(report.repositories).toHaveLength(60);
    expect(report.summary.repositories).toBe(60);
    expect(report.archivedSkipped).toEqual([`${FLEET_ORG}/${SPECIAL.archived}`]);
    expect(report.repositories.some((r) => r.repository.endsWith(SPECIAL.archived))).toBe(false);
  });

  it("gives each repository's environments and how each is governed", () => {
    for (const [index, name] of services.map((n, i) => [i + 1, n] as const)) {
      if (name === SPECIAL.unavailable) continue;
      const envs = Object.fromEntries(row(name).environments.map((e) => [e.name, e.governedBy]));
      const expected = [
        { production: ['protection-rule'], staging: [] },
        { production: ['workflow'], staging: [] },
        // Another app's rule is not this app's: still ungoverned.
        { production: [] },
        { staging: [] },
      ][index % 4];
      expect(envs, name).toEqual(expected);
    }
    expect(row('svc-01').environments.find((e) => e.name === 'production')!.workflows).toEqual(['.github/workflows/deploy.yml']);
  });

  it('puts the ungoverned production environments first: exactly the deploy workflows without a gate', () => {
    const expected = services
      .filter((_, i) => (i + 1) % 4 === 2)
      .map((n) => ({ repository: `${FLEET_ORG}/${n}`, environment: 'production' }));
    expect(report.summary.ungovernedProduction).toEqual(expected);
    expect(expected).toHaveLength(15);
  });

  it('names the repository whose policy fails to load, with the error, and the others load with their parent', () => {
    expect(report.summary.policyErrors).toEqual([
      { repository: `${FLEET_ORG}/${SPECIAL.brokenPolicy}`, error: expect.stringContaining('block-on') },
    ]);
    expect(row('svc-02').policy).toEqual({ ok: true, found: true, extends: ['acme/.github:.github/deploy-governor.yml@default'] });
  });

  it('shows the latest gate on the default branch with the status from its report', () => {
    expect(row(SPECIAL.gated).environments.find((e) => e.name === 'production')!.gate).toMatchObject({
      conclusion: 'failure',
      status: 'EXHAUSTED',
      app: 'github-actions',
    });
    expect(row('svc-01').environments[0]!.gate).toBeNull();
  });

  it('shows the active freeze the app opened and ignores the planted one', () => {
    expect(row(SPECIAL.frozen).freezes).toEqual([
      expect.objectContaining({ scope: 'production', reason: 'incident 42 in progress', by: 'alice', organisation: false }),
    ]);
    expect(report.summary.activeFreezes).toBe(1);
  });

  it('counts overrides of the last 30 days by environment', () => {
    expect(row(SPECIAL.overridden).overrides).toEqual({
      count: 3,
      last: new Date(NOW.getTime() - 86_400_000).toISOString(),
      byEnvironment: { production: 2, staging: 1 },
    });
    expect(report.summary.overridesLast30Days).toBe(3);
  });

  it("lists the app's overdue action item and ignores a planted one", () => {
    expect(row(SPECIAL.overdue).overdueActionItems).toEqual([
      expect.objectContaining({ title: 'Add a circuit breaker', owner: 'bob', daysOverdue: 5 }),
    ]);
    expect(report.summary.overdueActionItems).toBe(1);
  });

  it("shows the deployment waiting at an environment with the app's rule", () => {
    expect(row(SPECIAL.held).held).toEqual([expect.objectContaining({ environment: 'production', runId: 555 })]);
    expect(report.summary.heldDeployments).toBe(1);
  });

  it('reports a repository that answers 500s in its own row without sinking the report', () => {
    const down = row(SPECIAL.unavailable);
    expect(down.policy).toBeNull();
    expect(down.errors.map((e) => e.part)).toEqual([
      'policy',
      'environments',
      'workflows',
      'check-runs',
      'freezes',
      'overrides',
      'action-items',
    ]);
    expect(report.summary.incomplete).toEqual([`${FLEET_ORG}/${SPECIAL.unavailable}`]);
  });

  it('counts its requests: every one it sent, shared reads sent once', () => {
    expect(report.requests).toBe(requests);
    expect(gh.stats.byOperation).toEqual({
      'GET /orgs/{org}/repos': 1,
      // 60 policies (the parent every one extends is acme/.github's own, read once), 60 workflow directories,
      // 29 workflow files (svc-17 lists none), 60 audit logs.
      'GET /repos/{owner}/{repo}/contents/{path}': 60 + 60 + 29 + 60,
      'GET /repos/{owner}/{repo}/environments': 60,
      // One per environment: 14 × 2 (rule) + 14 × 2 (Action; svc-17 lists none) + 15 (ungoverned) + 15 (staging only).
      'GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules': 14 * 2 + 14 * 2 + 15 + 15,
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': 60,
      // Each repository's own freezes and its action items; the organisation's freezes are .github's own, read once.
      'GET /repos/{owner}/{repo}/issues': 60 * 2,
      // Only repositories with the app's rule can hold a deployment.
      'GET /repos/{owner}/{repo}/actions/runs': 14,
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments': 1,
    });
    expect(requests).toBe(551);
  });
});

describe('deploy-governor fleet output', () => {
  it('renders markdown with the headline first and every user-controlled text inert', async () => {
    const repo = gh.state.repo(FLEET_ORG, 'svc-**bold**_x');
    repo.environments = new Map([['prod <img src=x onerror=alert(1)> | @acme/admins [x](https://evil.example)', []]]);
    const evilReason = '@everyone <script>alert(1)</script> | see [here](https://evil.example) #12';
    gh.state.addIssue(repo, {
      title: 'Deploy freeze',
      body: `<!-- deploy-governor:freeze ${JSON.stringify({ scope: 'all', until: '2026-11-30T00:00:00Z', reason: evilReason, by: 'alice', at: '2026-11-23T00:00:00Z' })} -->`,
      labels: ['deploy-freeze'],
    });
    try {
      const { out, code } = await fleet({ markdown: true });
      expect(code).toBe(0);
      expect(out.indexOf('## Production environments without a gate')).toBeLessThan(out.indexOf('## Environments'));
      for (const raw of ['<img', '<script', '@acme/admins', '@everyone', '](https://evil', '**bold**', ' #12'])
        expect(out).not.toContain(raw);
      // The hostile environment still shows, in one cell: of the headline's two-column row and of the four-column one.
      const lines = out.split('\n').filter((l) => l.includes('onerror'));
      expect(lines.map((l) => l.replace(/\\\|/g, '').split('|').length)).toEqual([4, 6]);
      expect(out.trimEnd().endsWith(FLEET_ISSUE_MARKER)).toBe(true);
    } finally {
      gh.state.repos.delete(`${FLEET_ORG}/svc-**bold**_x`.toLowerCase());
    }
  });

  it('prints terminal text without control characters and --check exits 1 on ungoverned production', async () => {
    const repo = gh.state.repo(FLEET_ORG, 'svc-tty');
    repo.environments = new Map([['prod-\u001b[2J\u001b[31m', []]]);
    try {
      const { out, code } = await fleet({ check: true });
      expect(code).toBe(1);
      expect(out).toContain('Production environments without a gate: 16');
      expect(out).not.toContain('\u001b');
    } finally {
      gh.state.repos.delete(`${FLEET_ORG}/svc-tty`);
    }
  });

  it('refuses bad flags, naming them', async () => {
    await expect(fleet({ org: 'acme/x' })).rejects.toThrow(/--org/);
    await expect(fleet({ json: true, markdown: true })).rejects.toThrow(/--json/);
    await expect(fleet({ app: 'Not A Slug' })).rejects.toThrow(/--app/);
  });
});

describe('deploy-governor fleet --issue', () => {
  it('keeps one pinned issue of its own current, and never adopts a planted marker', async () => {
    const dotGithub = gh.state.repo(FLEET_ORG, '.github');
    const planted = gh.state.addIssue(dotGithub, {
      title: 'Fleet view: deploy governance',
      body: `everything is governed\n\n${FLEET_ISSUE_MARKER}`,
      labels: ['fleet-view'],
      user: gh.state.user('mallory'),
    });
    const first = await fleet({ markdown: true, issue: `${FLEET_ORG}/.github` });
    expect(first.err).toMatch(/fleet issue: acme\/\.github#\d+ created, pinned/);
    const mine = [...dotGithub.issues.values()].filter((i) => i.labels.some((l) => l.name === 'fleet-view') && i.user.login === 'octocat');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.number).not.toBe(planted.number);
    expect(mine[0]!.body).toContain('Production environments without a gate: 15');
    expect(gh.state.pinned.has(mine[0]!.node_id)).toBe(true);
    expect(planted.body).toBe(`everything is governed\n\n${FLEET_ISSUE_MARKER}`);

    const second = await fleet({ markdown: true, issue: `${FLEET_ORG}/.github` });
    expect(second.err).toContain(`fleet issue: acme/.github#${mine[0]!.number} updated, pinned`);
    expect([...dotGithub.issues.values()].filter((i) => i.labels.some((l) => l.name === 'fleet-view'))).toHaveLength(2);
  });
});

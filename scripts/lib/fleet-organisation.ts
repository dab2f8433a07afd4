/**
 * A stand-in organisation for the fleet view (issue 15), in the stateful GitHub
 * stand-in: `.github` with the organisation's policy, and service repositories
 * `svc-01` … with mixed coverage, by index:
 *
 * | index % 4 | environments | governed by |
 * | --- | --- | --- |
 * | 0 | production, staging | the app's protection rule on production |
 * | 1 | production, staging | the Action: a gate job, then a deploy job that needs it |
 * | 2 | production | nothing: a deploy workflow without a gate (the headline) |
 * | 3 | staging | nothing, and not production-like |
 *
 * and, at fixed repositories: a broken policy, an active freeze (and a planted
 * one), overrides in the audit log, an overdue action item (and a planted one),
 * a gate check run on the default branch, a held deployment, a repository that
 * answers 500 to everything, and an archived repository. The test and the bench
 * (scripts/bench-fleet.ts) share it.
 */
import type { GitHubState } from './github-state-stand-in.js';

export const FLEET_ORG = 'acme';

/** The repositories with a special part, by name. */
export const SPECIAL = {
  brokenPolicy: 'svc-05',
  frozen: 'svc-07',
  overridden: 'svc-09',
  overdue: 'svc-11',
  gated: 'svc-13',
  held: 'svc-04',
  unavailable: 'svc-17',
  archived: 'svc-archived',
} as const;

const GOVERNED_WORKFLOW = `name: deploy
on: { push: { branches: [main] } }
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: deploy-governor/deploy-governor@v1
        with: { prometheus-url: 'https://prometheus.example.com', environment: production }
  deploy:
    needs: gate
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: ./deploy.sh
`;

const UNGOVERNED_WORKFLOW = `name: deploy
on: { push: { branches: [main] } }
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: { name: production, url: 'https://example.com' }
    steps:
      - run: ./deploy.sh
`;

export interface FleetOrganisationOptions {
  /** Repositories in all, `.github` included (default 60). */
  repositories?: number;
  now: Date;
  /** `output.text` of the gate check run on SPECIAL.gated (the embedded report); absent: a check run without one. */
  gateReportText?: string;
}

const day = 86_400_000;

/** Fills the stand-in's state with the organisation; returns the names of the service repositories. */
export function buildFleetOrganisation(state: GitHubState, o: FleetOrganisationOptions): string[] {
  const total = o.repositories ?? 60;
  const org = state.repo(FLEET_ORG, '.github');
  org.files.set('main:.github/deploy-governor.yml', 'block-on: FREEZE\nlocked: [block-on]\n');
  const names: string[] = [];
  for (let i = 1; i < total; i++) {
    const name = `svc-${String(i).padStart(2, '0')}`;
    names.push(name);
    const repo = state.repo(FLEET_ORG, name);
    repo.files.set(
      'main:.github/deploy-governor.yml',
      name === SPECIAL.brokenPolicy ? 'extends: acme/.github\nblock-on: SOMETIMES\n' : 'extends: acme/.github\nmode: enforce\n',
    );
    switch (i % 4) {
      case 0:
        repo.environments = new Map([
          ['production', [state.app.slug]],
          ['staging', []],
        ]);
        break;
      case 1:
        repo.environments = new Map([
          ['production', []],
          ['staging', []],
        ]);
        repo.files.set('main:.github/workflows/deploy.yml', GOVERNED_WORKFLOW);
        break;
      case 2:
        repo.environments = new Map([['production', ['some-other-app']]]);
        repo.files.set('main:.github/workflows/deploy.yml', UNGOVERNED_WORKFLOW);
        break;
      default:
        repo.environments = new Map([['staging', []]]);
    }
  }
  const at = (name: string) => state.repo(FLEET_ORG, name);

  const frozen = at(SPECIAL.frozen);
  const record = (reason: string, by: string) =>
    `<!-- deploy-governor:freeze ${JSON.stringify({
      scope: 'production',
      until: new Date(o.now.getTime() + 2 * day).toISOString(),
      reason,
      by,
      at: new Date(o.now.getTime() - 3_600_000).toISOString(),
    })} -->`;
  state.addIssue(frozen, {
    title: 'Deploy freeze',
    body: `Frozen.\n\n${record('incident 42 in progress', 'alice')}`,
    labels: ['deploy-freeze'],
  });
  // Planted: the same record in an issue a person opened. It must not count.
  state.addIssue(frozen, {
    title: 'Deploy freeze',
    body: record('planted', 'mallory'),
    labels: ['deploy-freeze'],
    user: state.user('mallory'),
  });

  const overridden = at(SPECIAL.overridden);
  const override = (daysAgo: number, environment: string) =>
    JSON.stringify({ id: `r-${daysAgo}`, at: new Date(o.now.getTime() - daysAgo * day).toISOString(), environment, actor: 'alice' });
  overridden.branches.set('deploy-governor-audit', overridden.branches.get('main')!);
  overridden.files.set(
    'deploy-governor-audit:audit/overrides.jsonl',
    `${[override(45, 'production'), override(10, 'production'), override(2, 'production'), override(1, 'staging')].join('\n')}\n`,
  );

  const overdue = at(SPECIAL.overdue);
  const item = (due: string, owner: string) =>
    `<!-- deploy-governor:action-item ${JSON.stringify({ postmortem: 1, key: `k-${due}`, horizon: 'short', owner, due })} -->`;
  const pastDue = new Date(o.now.getTime() - 5 * day).toISOString().slice(0, 10);
  state.addIssue(overdue, { title: 'Add a circuit breaker', body: item(pastDue, 'bob'), labels: ['action-item'] });
  state.addIssue(overdue, {
    title: 'Not yet due',
    body: item(new Date(o.now.getTime() + 5 * day).toISOString().slice(0, 10), 'bob'),
    labels: ['action-item'],
  });
  state.addIssue(overdue, { title: 'Planted', body: item(pastDue, 'mallory'), labels: ['action-item'], user: state.user('mallory') });

  const gated = at(SPECIAL.gated);
  const id = state.nextId();
  gated.checkRuns.set(id, {
    id,
    name: 'deploy-governor / production',
    head_sha: gated.branches.get('main'),
    status: 'completed',
    conclusion: 'failure',
    completed_at: new Date(o.now.getTime() - 3_600_000).toISOString(),
    output: { title: 'Blocked', summary: 'Blocked', text: o.gateReportText ?? 'no report' },
    app: { id: 15368, slug: 'github-actions' },
  });

  const held = at(SPECIAL.held);
  state.addWaitingRun(held, {
    id: 555,
    sha: held.branches.get(held.defaultBranch)!,
    environments: ['production'],
    startedAt: new Date(o.now.getTime() - 7_200_000).toISOString(),
  });
  at(SPECIAL.unavailable).unavailable = true;
  at(SPECIAL.archived).archived = true;
  return names;
}

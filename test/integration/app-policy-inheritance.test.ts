/**
 * Organisation policy through the app: a repository whose policy extends its
 * organisation's `.github` repository, which extends a third file, read through
 * the app's installation from the stateful GitHub stand-in (every request
 * checked against GitHub's OpenAPI description). The override path reads the
 * merged policy (where the audit log goes, who may override), a child that
 * loosens a lock, a parent the installation cannot see and a parent of another
 * owner all fail closed: the override is not logged, and the alert says why.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { parseRecords } from '../../src/core/audit/hash-chain.js';
import { startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';
import { bindToRun, overriddenReport } from '../support/reports.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { checkRunCompleted, HEAD_SHA, OWNER, protectionRuleRequested, REPO } from '../support/webhook-payloads.js';

const POLICY = 'main:.github/deploy-governor.yml';

let issuer: LocalOidcIssuer;
let h: StandInHarness;
let repo: RepoState;
let org: RepoState;
let checkRunIds = 7_000;

beforeAll(async () => {
  issuer = await startLocalOidcIssuer();
});
afterAll(async () => {
  await issuer.stop();
});

beforeEach(async () => {
  h = await startStandInHarness({ GITHUB_OIDC_ISSUER: issuer.url, PROMETHEUS_URL: inject('prometheusUrl') });
  repo = h.github.state.repo(OWNER, REPO);
  repo.collaborators.set('octocat', 'admin');
  repo.runs.set(9001, { id: 9001, event: 'workflow_dispatch', head_sha: HEAD_SHA, run_attempt: 1, actor: 'octocat', approvals: [] });
  org = h.github.state.repo(OWNER, '.github');
  // The organisation's policy extends a third file, which decides where the audit log goes.
  org.files.set(POLICY, `extends: ${OWNER}/policies:base/deploy.yml@main\nlocked: [overrides, block-on]\nblock-on: FREEZE\n`);
  h.github.state.repo(OWNER, 'policies').files.set('main:base/deploy.yml', 'audit:\n  path: audit/organisation.jsonl\n');
  repo.files.set(POLICY, `extends: ${OWNER}/.github\nblock-on: WARNING\n`);
});
afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

const deliver = async () =>
  h.receive(
    'check_run',
    checkRunCompleted({
      report: await bindToRun(await overriddenReport(1500, { level: 'exhausted' }), issuer),
      pullRequests: [],
      id: ++checkRunIds,
    }),
  );
const logAt = (path: string) => parseRecords(h.github.state.fileText(repo, 'deploy-governor-audit', path) ?? '');
/** The alerts' bodies, without the zero-width characters that keep GitHub from linking `@default`. */
const alerts = () =>
  [...repo.issues.values()]
    .filter((i) => i.labels.some((l) => l.name === 'deploy-governor-alert'))
    .map((i) => ({ body: (i.body ?? '').replace(/[\u200b-\u200d\u2060\ufeff]/g, '') }));

describe('a repository policy that extends its organisation', () => {
  it('is read through the installation, three files deep, and the override path uses the merged policy', async () => {
    h.github.resetStats();
    await deliver();
    expect(alerts()).toEqual([]);
    // The audit path came from the third file of the chain.
    expect(logAt('audit/organisation.jsonl')).toHaveLength(1);
    expect(logAt('audit/overrides.jsonl')).toEqual([]);
    const reads = Object.keys(h.github.stats.byOperation).filter((op) => op.includes('contents'));
    expect(reads.length).toBeGreaterThan(0);
  });

  it('refuses a child that loosens a lock the organisation set, naming the lock and its file', async () => {
    repo.files.set(POLICY, `extends: ${OWNER}/.github\noverrides:\n  levels:\n    exhausted: { permission: write }\n`);
    await deliver();
    expect(logAt('audit/organisation.jsonl')).toEqual([]);
    const [alert] = alerts();
    expect(alert!.body).toContain(`overrides is locked by ${OWNER}/.github:.github/deploy-governor.yml@default`);
  });

  it('fails closed when the installation cannot see the parent, and says to install the app there', async () => {
    h.github.state.hidden.add(`${OWNER}/.github`.toLowerCase());
    await deliver();
    expect(logAt('audit/organisation.jsonl')).toEqual([]);
    expect(logAt('audit/overrides.jsonl')).toEqual([]);
    const [alert] = alerts();
    expect(alert!.body).toContain('not visible to this token');
    expect(alert!.body).toContain(`install the deploy-governor app on ${OWNER}/.github`);
  });

  it("refuses a parent of another owner (another tenant's repository) without reading it", async () => {
    h.github.state.repo('someone-else', '.github').files.set(POLICY, 'block-on: EXHAUSTED\n');
    repo.files.set(POLICY, 'extends: someone-else/.github\n');
    h.github.resetStats();
    await deliver();
    expect(alerts()[0]!.body).toContain('a policy may only extend files of its own owner');
    expect(Object.keys(h.github.stats.byOperation).some((op) => op.includes('someone-else'))).toBe(false);
  });
});

describe('the protection rule with an organisation policy', () => {
  const RUN = 4242;
  const healthy = [
    'slos:',
    '  - name: api',
    '    sli:',
    '      events:',
    '        error: sum(increase(http_requests_total{scenario="normal",status=~"5.."}[{{window}}]))',
    '        total: sum(increase(http_requests_total{scenario="normal"}[{{window}}]))',
    'dr: { enabled: false }',
  ].join('\n');
  const day = 86_400_000;
  // The third file of the chain freezes Hello-* repositories' main branch in prod* environments, now.
  const freeze = [
    'freeze-windows:',
    '  - name: org-freeze',
    `    from: ${new Date(Date.now() - day).toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `    to: ${new Date(Date.now() + day).toISOString().replace(/\.\d+Z$/, 'Z')}`,
    "    applies-to: { repositories: ['hello-*'], branches: [main], environments: ['prod*'] }",
  ].join('\n');

  const answer = async (ref: string) => {
    h.github.state.repo(OWNER, 'policies').files.set('main:base/deploy.yml', `${healthy}\n${freeze}\n`);
    await h.receive('deployment_protection_rule', { ...protectionRuleRequested({ environment: 'production', runId: RUN }), ref });
    const last = h.github.state.protectionAnswers.at(-1)!;
    return { state: last.body.state, comment: String(last.body.comment) };
  };

  it("evaluates the merged policy and scopes the organisation's freeze by repository, branch and environment", async () => {
    const main = await answer('refs/heads/main');
    expect(main.state).toBe('rejected');
    expect(main.comment).toMatch(/org-freeze/);
    const feature = await answer('refs/heads/feature/x');
    expect(feature).toMatchObject({ state: 'approved' });
    expect(feature.comment).toMatch(/approved, status NORMAL/);
  });

  it('rejects (fails closed) when a parent of the chain cannot be read', async () => {
    h.github.state.hidden.add(`${OWNER}/policies`.toLowerCase());
    await h.receive('deployment_protection_rule', protectionRuleRequested({ environment: 'production', runId: RUN }));
    const last = h.github.state.protectionAnswers.at(-1)!;
    expect(last.body.state).toBe('rejected');
    expect(String(last.body.comment).replace(/[\u200b-\u200d\u2060\ufeff]/g, '')).toMatch(
      /cannot read Codertocat\/policies:base\/deploy\.yml@main \\\(extends: .*\): not found, or not visible to this token/,
    );
  });
});

/**
 * The webhook mix for the app's load runs: pull requests spread over
 * installations (each an organisation with one repository), and for each pull
 * request a schedule of deliveries. A delivery kind is one small function from a
 * pull request to a signed-to-be delivery; the schedule names kinds. Deliveries
 * go out in rounds (round r holds step r of every pull request), so two
 * deliveries for one pull request are never in flight together, except where a
 * step lists two kinds: those go out back to back, to alternate instances, and race.
 *
 * Payloads start from @octokit/webhooks-examples (test/support/webhook-payloads.ts);
 * reports come from the real core (test/support/reports.ts).
 */
import { parseActionItems } from '../../src/core/postmortem/action-items.js';
import { commentMarker } from '../../src/core/render/render-pr-comment.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { issuesEvent } from '../../test/support/issue-payloads.js';
import type { LocalOidcIssuer } from '../../test/support/oidc-issuer.js';
import { bindToRun, overriddenReport, reportFor } from '../../test/support/reports.js';
import { checkRunCompleted, OWNER, REPO } from '../../test/support/webhook-payloads.js';
import type { GitHubState, Issue, RepoState } from './github-state-stand-in.js';
import type { Delivery } from './webhook-load.js';

interface PullTarget {
  repo: RepoState;
  installation: number;
  pr: Issue;
  /** The pull request's head commit: check runs and workflow runs are on it. */
  sha: string;
}

interface MixContext {
  state: GitHubState;
  reports: { exhausted: Report; warning: Report; normal: Report };
  /** Signs overrides' OIDC tokens (the app instances trust it as GITHUB_OIDC_ISSUER). */
  issuer: LocalOidcIssuer;
  /** A fresh workflow run id (overrides are idempotent by run, so each needs its own). */
  nextRunId(): number;
  /** A fresh action-item number (each item's text, hence its identity, differs). */
  nextItem(): number;
}

type DeliveryKind = (ctx: MixContext, t: PullTarget) => Promise<Delivery>;

/** Moves an example payload into the target's repository and installation. */
function inRepository(payload: Record<string, unknown>, t: PullTarget): Record<string, unknown> {
  const repository = payload.repository as Record<string, unknown> & { owner: Record<string, unknown> };
  payload.repository = {
    ...repository,
    id: t.repo.id,
    name: t.repo.name,
    full_name: `${t.repo.owner}/${t.repo.name}`,
    owner: { ...repository.owner, login: t.repo.owner },
    html_url: `https://github.com/${t.repo.owner}/${t.repo.name}`,
    // The stand-in's default branch (the examples say master): the app trusts the signed payload's.
    default_branch: t.repo.defaultBranch,
  };
  payload.installation = { ...(payload.installation as object), id: t.installation };
  const run = payload.check_run as { pull_requests?: { base: { repo: { id: number } } }[] } | undefined;
  for (const p of run?.pull_requests ?? []) p.base.repo.id = t.repo.id;
  return payload;
}

const checkRun = (kind: string, t: PullTarget, report: Report, pullRequests: number[]): Delivery => ({
  event: 'check_run',
  kind,
  payload: inRepository(checkRunCompleted({ report, pullRequests, headSha: t.sha }), t),
});

/**
 * An override from a real workflow_dispatch run on the pull request's commit (seeded in the stand-in, by an
 * admin), bound to the run by its OIDC token, deployed after the merge: the payload names no pull request.
 */
function override(level: 'warning' | 'exhausted', errorsPerMillion: number): DeliveryKind {
  return async (ctx, t) => {
    const runId = ctx.nextRunId();
    t.repo.runs.set(runId, { id: runId, event: 'workflow_dispatch', head_sha: t.sha, run_attempt: 1, actor: 'octocat', approvals: [] });
    t.repo.collaborators.set('octocat', 'admin');
    const report = await bindToRun(await overriddenReport(errorsPerMillion, { runId, level }), ctx.issuer, {
      repository: `${t.repo.owner}/${t.repo.name}`,
      sha: t.sha,
    });
    const auditId = `${runId}-1-${report.environment}`;
    const repository = `${t.repo.owner}/${t.repo.name}`;
    const reviewed = report.decision.status === 'FREEZE' || report.decision.status === 'EXHAUSTED';
    return {
      ...checkRun(`override-${level}`, t, report, []),
      expects: { repository, auditId, ...(reviewed ? { reviewIssueKey: `review-${auditId}` } : {}) },
    };
  };
}

/** A blocked deploy: the pull request must end up with the app's comment for the environment. */
const blocked =
  (kind: string, pick: (ctx: MixContext) => Report): DeliveryKind =>
  async (ctx, t) => {
    const report = pick(ctx);
    return {
      ...checkRun(kind, t, report, [t.pr.number]),
      expects: { repository: `${t.repo.owner}/${t.repo.name}`, comment: { issue: t.pr.number, marker: commentMarker(report.environment) } },
    };
  };

/** The repository's postmortem (label `postmortem`, the policy's default), opened by a person on first use. */
function postmortemOf(state: GitHubState, repo: RepoState): Issue {
  const found = [...repo.issues.values()].find((i) => i.labels.some((l) => l.name === 'postmortem'));
  return (
    found ??
    state.addIssue(repo, {
      title: 'Postmortem: checkout outage',
      body: '## Action items\n\n',
      labels: ['postmortem'],
      user: state.user('octocat'),
    })
  );
}

/**
 * A person adds an action item to the repository's postmortem (issues.edited):
 * it must become exactly one issue. The stand-in's issue gets the new body now,
 * as GitHub has it before it sends the event.
 */
const postmortemEdit: DeliveryKind = async (ctx, t) => {
  const postmortem = postmortemOf(ctx.state, t.repo);
  const before = postmortem.body ?? '';
  postmortem.body = `${before}- [ ] Canary for the change in #${t.pr.number} (item ${ctx.nextItem()}) @octocat due:2027-01-15\n`;
  const item = parseActionItems(postmortem.body).at(-1)!;
  const payload = inRepository(issuesEvent('edited', postmortem, { login: 'octocat' }, { body: { from: before } }), t);
  return {
    event: 'issues',
    kind: 'postmortem-edit',
    payload,
    expects: { repository: `${t.repo.owner}/${t.repo.name}`, issueKeys: [`action-item-${postmortem.number}-${item.key}`] },
  };
};

const deliveryKinds = {
  block: blocked('block', (ctx) => ctx.reports.exhausted),
  warn: blocked('warn', (ctx) => ctx.reports.warning),
  unblock: async (ctx, t) => checkRun('unblock', t, ctx.reports.normal, [t.pr.number]),
  'override-warning': override('warning', 600),
  'override-exhausted': override('exhausted', 1500),
  'postmortem-edit': postmortemEdit,
} satisfies Record<string, DeliveryKind>;

type KindName = keyof typeof deliveryKinds;

/** One step per round; a step of two kinds sends both back to back (a race for the first comment). */
const DEFAULT_SCHEDULE: (KindName | KindName[])[] = [
  ['block', 'block'],
  'unblock',
  'warn',
  'override-warning',
  'block',
  'unblock',
  'override-exhausted',
  'postmortem-edit',
  'unblock',
];

export interface MixOptions {
  deliveries: number;
  pullRequests: number;
  installations: number;
  schedule?: (string | string[])[];
  /** Extra kinds by name (e.g. postmortem edits), usable in `schedule`. */
  extraKinds?: Record<string, DeliveryKind>;
  issuer: LocalOidcIssuer;
}

/** Seeds the stand-in (repositories, pull requests) and builds the deliveries in send order. */
export async function buildMix(state: GitHubState, o: MixOptions): Promise<Delivery[]> {
  let runId = 700_000;
  let item = 0;
  const ctx: MixContext = {
    state,
    issuer: o.issuer,
    reports: { exhausted: await reportFor(1500), warning: await reportFor(600), normal: await reportFor(100) },
    nextRunId: () => ++runId,
    nextItem: () => ++item,
  };
  const kinds: Record<string, DeliveryKind> = { ...deliveryKinds, ...o.extraKinds };
  const targets: PullTarget[] = Array.from({ length: o.pullRequests }, (_, i) => {
    const k = i % o.installations;
    // One installation keeps the examples' repository; more are organisations of their own.
    const repo = o.installations === 1 ? state.repo(OWNER, REPO) : state.repo(`org-${k + 1}`, 'service');
    const sha = `${(i + 1).toString(16).padStart(8, '0')}${'c'.repeat(32)}`;
    return { repo, installation: 10_000 + k, pr: state.addPullRequest(repo, sha), sha };
  });
  const schedule = (o.schedule ?? DEFAULT_SCHEDULE).map((s) => (Array.isArray(s) ? s : [s]));
  const out: Delivery[] = [];
  for (let round = 0; out.length < o.deliveries; round++) {
    const step = schedule[round % schedule.length]!;
    for (const t of targets) {
      for (const name of step) {
        if (out.length >= o.deliveries) break;
        const kind = kinds[name];
        if (!kind) throw new Error(`unknown delivery kind ${name}`);
        out.push(await kind(ctx, t));
      }
    }
  }
  return out;
}

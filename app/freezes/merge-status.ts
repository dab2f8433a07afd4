/**
 * The freeze commit status on pull requests (issue 15), kept current by events,
 * never by polling: a pull request's own changes (opened, pushed, reopened, base
 * changed: app/handlers/pull-request-changed.ts) refresh its head commit, and a
 * freeze starting or ending (FreezeEvents) refreshes the open pull requests of
 * its repository, or of every repository of the installation for an
 * organisation-wide freeze in `<owner>/.github`.
 *
 * Facts come from GitHub's API, never from a payload: the policy from the
 * default branch, the freezes from the app's own `deploy-freeze` issues, the
 * open pull requests with their bases and heads, and the app's own last status
 * on each head commit (a status is written only when it differs, so a repeated
 * event writes nothing). The decision is src/core/freeze/merge-status.ts.
 *
 * Freeze windows hold pull requests like freezes on command, but a window opens
 * and closes at cron times, which are no event: each refresh asks for a look at
 * the repository's next window edge (merge-status-windows.ts).
 */
import type { Logger, Probot } from 'probot';
import {
  branchAffectedBy,
  MERGE_STATUS_CONTEXT,
  mergeStatusPolicy,
  nextWindowEdge,
  planMergeStatuses,
  policyErrorStatus,
  sameStatus,
  type OpenPull,
  type PlannedStatus,
} from '../../src/core/freeze/merge-status.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import type { PolicyFile } from '../../src/core/policy/schema.js';
import { messageOf, type GitHubClient } from '../../src/github/client.js';
import { readOwnCommitStatus, setCommitStatus } from '../../src/github/commit-status.js';
import { ORG_FREEZE_REPOSITORY, readFreezesInScope } from '../../src/github/freeze-issues.js';
import { listInstallationRepositories } from '../../src/github/installation-repositories.js';
import { listOpenPulls, openPullsWithHead } from '../../src/github/open-pull-requests.js';
import { POLICY_PATH, readRepoPolicy } from '../../src/github/read-repo-policy.js';
import type { AppIdentity } from '../app-identity.js';
import { clientFor } from '../github-client.js';
import type { FreezeListener } from './freeze-events.js';
import { createWindowTimers, type WindowTimers } from './merge-status-windows.js';

export interface MergeStatusDeps {
  appId: number;
  identity: AppIdentity;
  now: () => Date;
  /** Where the next freeze window edge of a repository is scheduled (null: not followed). */
  windows: WindowTimers | null;
}

/** Which pull requests to look at: those headed by one commit, or those a freeze of `scope` can hold. */
type MergeStatusTargets = { head: string } | { scope: string };

export interface MergeStatusRequest {
  client: GitHubClient;
  log: Logger;
  owner: string;
  repo: string;
  /** The installation acted as (null: unknown, so no window edge is followed). */
  installationId: number | null;
  targets: MergeStatusTargets;
  deps: MergeStatusDeps;
}

/** What a refresh did: statuses written and left as they were, and when a freeze window can next change them. */
export interface MergeStatusOutcome {
  written: number;
  unchanged: number;
  nextWindowEdge: Date | null;
}

/** The merged policy, or `invalid` (a PolicyError: the statuses already shown fail closed). */
async function policyOf(r: MergeStatusRequest): Promise<PolicyFile | 'invalid'> {
  try {
    return await readRepoPolicy(r.client, r.owner, r.repo);
  } catch (error: unknown) {
    if (!(error instanceof PolicyError)) throw error;
    r.log.warn({ repository: `${r.owner}/${r.repo}`, err: error.message }, 'policy invalid: freeze statuses shown become errors');
    return 'invalid';
  }
}

async function targetPulls(r: MergeStatusRequest): Promise<OpenPull[]> {
  if ('head' in r.targets) return openPullsWithHead(r.client, r.owner, r.repo, r.targets.head);
  const { pulls, truncated } = await listOpenPulls(r.client, r.owner, r.repo);
  if (truncated)
    r.log.warn(
      { repository: `${r.owner}/${r.repo}`, pulls: pulls.length },
      'more open pull requests than the bound: the oldest are refreshed',
    );
  return pulls;
}

/** Refreshes the `deploy-governor/freeze` status of the targeted pull requests' head commits. */
export async function refreshMergeStatuses(r: MergeStatusRequest): Promise<MergeStatusOutcome> {
  const outcome: MergeStatusOutcome = { written: 0, unchanged: 0, nextWindowEdge: null };
  const file = await policyOf(r);
  const policy = file === 'invalid' ? null : mergeStatusPolicy(file);
  if (file !== 'invalid' && policy === null) return outcome;
  let pulls = await targetPulls(r);
  const { scope } = 'scope' in r.targets ? r.targets : { scope: null };
  if (scope !== null && policy !== null) {
    // Only head commits that head a pull request this freeze can hold; each is decided over all the pull requests it heads.
    const heads = new Set(pulls.filter((p) => branchAffectedBy(policy, scope, p.base)).map((p) => p.headSha));
    pulls = pulls.filter((p) => heads.has(p.headSha));
  }
  if (pulls.length === 0) return outcome;
  if (file === 'invalid' || policy === null) return write(r, errorPlan(pulls), true, outcome);
  const stored = await readFreezesInScope(r.client, r.owner, r.repo, { appId: r.deps.appId });
  let planned: PlannedStatus[];
  const source = `${r.owner}/${r.repo}:${POLICY_PATH}`;
  // One instant for the decision and the next edge: an edge is then strictly after what was decided.
  const now = r.deps.now();
  try {
    planned = planMergeStatuses({ file, policy, stored, repository: `${r.owner}/${r.repo}`, pulls, now, source });
  } catch (error: unknown) {
    // An environment the merged policy cannot resolve (a parent's mapping to a name this repository's map lacks).
    if (!(error instanceof PolicyError)) throw error;
    r.log.warn({ repository: `${r.owner}/${r.repo}`, err: error.message }, 'policy invalid: freeze statuses shown become errors');
    return write(r, errorPlan(pulls), true, outcome);
  }
  outcome.nextWindowEdge = nextWindowEdge({
    file,
    policy,
    repository: `${r.owner}/${r.repo}`,
    branches: pulls.map((p) => p.base),
    now,
    source,
  });
  if (r.installationId !== null)
    r.deps.windows?.at({ owner: r.owner, repo: r.repo, installationId: r.installationId }, outcome.nextWindowEdge);
  return write(r, planned, false, outcome);
}

/** `error` on every head commit among `pulls`. */
function errorPlan(pulls: readonly OpenPull[]): PlannedStatus[] {
  return [...new Set(pulls.map((p) => p.headSha))].map((sha) => ({
    sha,
    status: policyErrorStatus(),
    pulls: pulls.filter((p) => p.headSha === sha).map((p) => p.number),
  }));
}

/**
 * Writes each planned status that differs from the app's own current one. For a policy error, only where the app
 * already shows a status: a repository that never used the freeze status gets none, one that did fails closed.
 */
async function write(r: MergeStatusRequest, planned: readonly PlannedStatus[], onlyShown: boolean, outcome: MergeStatusOutcome) {
  const isThisApp = (login: string) => r.deps.identity.isThisApp(login);
  for (const p of planned) {
    const at = { owner: r.owner, repo: r.repo, sha: p.sha };
    const current = await readOwnCommitStatus(r.client, at, MERGE_STATUS_CONTEXT, isThisApp);
    if ((onlyShown && current === null) || sameStatus(current, p.status)) {
      outcome.unchanged += 1;
      continue;
    }
    await setCommitStatus(r.client, at, MERGE_STATUS_CONTEXT, p.status);
    outcome.written += 1;
    r.log.info({ repository: `${r.owner}/${r.repo}`, sha: p.sha, pulls: p.pulls, state: p.status.state }, 'freeze status set');
  }
  return outcome;
}

/**
 * The FreezeEvents listener: a freeze that starts or ends refreshes the pull requests it can hold, in its repository,
 * or, for an organisation-wide freeze, in every repository of the installation with that owner. One repository's
 * failure does not stop the others; the listener then throws, naming them, after trying all.
 */
export function mergeStatusListener(probot: Probot, deps: MergeStatusDeps): FreezeListener {
  return async (change) => {
    const client = clientFor({ octokit: await probot.auth(change.installationId) });
    const log = probot.log.child({ freeze: `${change.owner}/${change.repo}#${change.issue}`, change: change.change });
    const refresh = (owner: string, repo: string) =>
      refreshMergeStatuses({ client, log, owner, repo, installationId: change.installationId, targets: { scope: change.scope }, deps });
    if (change.repo !== ORG_FREEZE_REPOSITORY) {
      await refresh(change.owner, change.repo);
      return;
    }
    const { repositories, truncated } = await listInstallationRepositories(client);
    if (truncated) log.warn({ repositories: repositories.length }, 'more repositories than the bound: the first are refreshed');
    const failed: string[] = [];
    for (const { owner, repo } of repositories) {
      if (owner.toLowerCase() !== change.owner.toLowerCase()) continue;
      try {
        await refresh(owner, repo);
      } catch (error: unknown) {
        failed.push(`${owner}/${repo}`);
        log.warn({ repository: `${owner}/${repo}`, err: messageOf(error) }, 'refreshing freeze statuses failed');
      }
    }
    if (failed.length > 0)
      throw new Error(`freeze statuses not refreshed in ${failed.join(', ')} (each catches up on its next pull-request event)`);
  };
}

/**
 * The app's merge-status dependencies: its id and identity, the clock, and timers that look at a repository's pull
 * requests again at its next freeze window edge (all of its open pull requests a window can hold).
 */
export function mergeStatusDeps(probot: Probot, o: { appId: number; identity: AppIdentity }): MergeStatusDeps {
  const deps: MergeStatusDeps = { ...o, now: () => new Date(), windows: null };
  deps.windows = createWindowTimers({
    now: deps.now,
    log: probot.log,
    refresh: async (t) => {
      const client = clientFor({ octokit: await probot.auth(t.installationId) });
      const log = probot.log.child({ repository: `${t.owner}/${t.repo}`, reason: 'freeze window edge' });
      // The timers are the caller here: this refresh's own edge is returned to them rather than scheduled again.
      const outcome = await refreshMergeStatuses({ ...t, client, log, targets: { scope: 'all' }, deps: { ...deps, windows: null } });
      return outcome.nextWindowEdge;
    },
  });
  return deps;
}

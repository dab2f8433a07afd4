/**
 * Reads a fleet: lists the owner's repositories, then reads each one's parts
 * (policy, environments and protection rules, workflows, gate check runs,
 * freezes, held deployments, overrides, overdue action items and, where the
 * policy runs a rule in shadow mode, the look-back's decisions) with a few
 * repositories in flight at once, and assembles the report in the core
 * (src/core/fleet/assemble-fleet.ts). One entry for the CLI and the app's route.
 *
 * A part that fails is reported in its repository's row, never fatal: a
 * repository answering 500s still gets its row, with the errors. Identical GETs
 * within one report are sent once (the organisation's freezes and its shared
 * parent policy are read for every repository otherwise), successes only.
 */
import { advisoryRuleNames, advisorySince } from '../core/fleet/advisory-counts.js';
import { assembleFleetReport, type Part, type RepositoryFacts } from '../core/fleet/assemble-fleet.js';
import type { FleetPolicyState, FleetReport } from '../core/fleet/fleet-report.js';
import { AUDIT_DEFAULTS } from '../core/policy/resolve-policy.js';
import { httpStatusOf, messageOf, type GitHubClient } from './client.js';
import { readGateCheckRuns } from './fleet-check-runs.js';
import { readDecisionHistory } from './fleet-decisions.js';
import { hasAppProtectionRule, readEnvironments } from './fleet-environments.js';
import { readWaitingDeployments } from './fleet-held.js';
import { readOpenActionItems } from './fleet-action-items.js';
import { readOverrides } from './fleet-overrides.js';
import { listFleetRepositories, type FleetRepository } from './fleet-repositories.js';
import { readWorkflowFiles } from './fleet-workflows.js';
import { readFreezesInScope, type FreezeKeeper } from './freeze-issues.js';
import { readRepoPolicyChain } from './read-repo-policy.js';

/** Repositories read at once: enough to hide latency, few enough to stay clear of GitHub's secondary limits. */
export const FLEET_CONCURRENCY = 6;

export interface FleetRequest {
  organisation: string;
  source: FleetReport['source'];
  /** The app's slug: its protection rules count. */
  appSlug: string;
  /** Whose freeze and action-item issues count: the app by id (the app itself) or by slug (the CLI). */
  keeper: FreezeKeeper;
  now: Date;
  concurrency?: number;
}

/** A client that sends each distinct GET once per report and counts what it sends. */
function sharedReads(client: GitHubClient): { client: GitHubClient; sent: () => number } {
  const cache = new Map<string, Promise<{ status: number; data: unknown }>>();
  let sent = 0;
  const send: GitHubClient['request'] = (route, parameters) => {
    sent += 1;
    return client.request(route, parameters);
  };
  return {
    sent: () => sent,
    client: {
      request(route, parameters) {
        if (!route.startsWith('GET ')) return send(route, parameters);
        const key = `${route} ${JSON.stringify(Object.entries(parameters ?? {}).sort(([a], [b]) => a.localeCompare(b)))}`;
        const cached = cache.get(key);
        if (cached) return cached;
        const pending = send(route, parameters);
        cache.set(key, pending);
        // A failure is not kept: another repository's read may ask again.
        pending.catch(() => cache.delete(key));
        return pending;
      },
    },
  };
}

async function part<T>(read: () => Promise<T>): Promise<Part<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error: unknown) {
    return { ok: false, error: messageOf(error) };
  }
}

/**
 * The policy's state. A failure to reach GitHub at all (an HTTP error on the repository's own file) is a read
 * error, not a broken policy.
 */
async function readPolicyState(
  client: GitHubClient,
  repo: FleetRepository,
): Promise<{ state: FleetPolicyState | null; audit: { branch: string; path: string }; advisory: string[]; error: string | null }> {
  try {
    const { file, chain } = await readRepoPolicyChain(client, repo.owner, repo.name);
    return {
      state: { ok: true, found: Object.keys(file).length > 0, extends: chain?.files.slice(1) ?? [] },
      audit: { branch: file.audit?.branch ?? AUDIT_DEFAULTS.branch, path: file.audit?.path ?? AUDIT_DEFAULTS.path },
      advisory: advisoryRuleNames(file),
      error: null,
    };
  } catch (error: unknown) {
    const audit = { branch: AUDIT_DEFAULTS.branch, path: AUDIT_DEFAULTS.path };
    if (httpStatusOf(error) !== undefined) return { state: null, audit, advisory: [], error: messageOf(error) };
    return { state: { ok: false, error: messageOf(error) }, audit, advisory: [], error: null };
  }
}

async function readRepository(client: GitHubClient, repo: FleetRepository, request: FleetRequest): Promise<RepositoryFacts> {
  const { owner, name } = repo;
  const policy = await readPolicyState(client, repo);
  const environments = await part(() => readEnvironments(client, owner, name));
  const protectionRules: Record<string, Part<boolean>> = {};
  for (const environment of environments.ok ? environments.value : []) {
    protectionRules[environment] = await part(() => hasAppProtectionRule(client, { owner, repo: name, environment }, request.appSlug));
  }
  const ruled = Object.entries(protectionRules).flatMap(([env, p]) => (p.ok && p.value ? [env] : []));
  const workflows = await part(async () => {
    const read = await readWorkflowFiles(client, owner, name, repo.defaultBranch);
    if (read.skipped > 0) throw new Error(`more than 30 workflow files; ${read.skipped} were not read`);
    return read.files;
  });
  const facts: RepositoryFacts = {
    repository: `${owner}/${name}`,
    defaultBranch: repo.defaultBranch,
    environments,
    protectionRules,
    workflows,
    checkRuns: await part(() => readGateCheckRuns(client, owner, name, repo.defaultBranch ?? 'HEAD')),
    freezes: await part(() => readFreezesInScope(client, owner, name, request.keeper)),
    // Only an environment with the app's rule can hold a deployment for it.
    held: ruled.length > 0 ? await part(() => readWaitingDeployments(client, owner, name, ruled)) : null,
    overrides: await part(() => readOverrides(client, owner, name, policy.audit)),
    actionItems: await part(() => readOpenActionItems(client, owner, name, request.keeper)),
    policy: policy.state,
    // The look-back's decisions cost 1 + a request per commit: read only where a rule is in shadow mode.
    decisions:
      policy.advisory.length > 0
        ? {
            rules: policy.advisory,
            history: await part(() =>
              readDecisionHistory(client, { owner, repo: name, branch: repo.defaultBranch ?? 'HEAD' }, advisorySince(request.now)),
            ),
          }
        : null,
  };
  if (policy.error !== null) facts.extraErrors = [{ part: 'policy', message: policy.error }];
  return facts;
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The fleet report. Throws only when the repositories cannot be listed at all. */
export async function readFleet(github: GitHubClient, request: FleetRequest): Promise<FleetReport> {
  const { client, sent } = sharedReads(github);
  const listing = await listFleetRepositories(client, { organisation: request.organisation, source: request.source });
  const repositories = await mapBounded(listing.repositories, request.concurrency ?? FLEET_CONCURRENCY, (repo) =>
    readRepository(client, repo, request),
  );
  return assembleFleetReport({
    organisation: request.organisation,
    source: request.source,
    app: request.appSlug,
    heldSource: 'pending-deployments',
    now: request.now,
    archivedSkipped: listing.archived,
    repositories,
    requests: sent(),
    warnings: listing.warning ? [listing.warning] : [],
  });
}

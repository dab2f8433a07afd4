/**
 * The freeze commit status on pull requests (issue 15): which open pull
 * requests' head commits get `pending` and which `success` under the context
 * `deploy-governor/freeze`, so that a ruleset requiring it blocks merges while
 * a freeze is in force. Pure: the stored freezes, the policy and `now` are
 * passed in.
 *
 * What holds a pull request: the policy's `freezes.merge-status.branches` maps
 * base-branch globs to environments; every freeze that the deploy gate would
 * report as FREEZE for one of those environments holds it: freezes on command
 * (the repository's and its organisation's) and the policy's freeze windows that
 * apply to the environment and the base branch (`applies-to`), since a merge
 * into the branch is what the next deploy ships.
 *
 * A status belongs to a commit, not to a pull request: one head commit can be
 * the head of several open pull requests (one branch proposed into `main` and
 * into `develop`). It gets the strictest of their answers, so that no base can
 * be merged into through a freeze that another base's answer would hide.
 */
import { CronExpressionParser } from 'cron-parser';
import { globMatches } from '../policy/inherit/applies-to.js';
import { gateInputsSchema } from '../policy/inputs.js';
import { resolvePolicy } from '../policy/resolve-policy.js';
import type { FreezeWindowConfig, PolicyFile } from '../policy/schema.js';
import type { ActiveFreeze } from '../report/report-schema.js';
import { activeFreezeWindows } from './active-freeze-windows.js';
import { activeCommandFreezes, type StoredFreeze } from './freeze-command.js';

/** The commit status context, as a ruleset names it. */
export const MERGE_STATUS_CONTEXT = 'deploy-governor/freeze';
/** GitHub refuses a longer commit status description. */
export const MAX_STATUS_DESCRIPTION = 140;

/** The state and description of one commit's `deploy-governor/freeze` status. */
export interface MergeStatus {
  state: 'pending' | 'success' | 'error';
  description: string;
}

/** An open pull request as the decision needs it (from GitHub's API). */
export interface OpenPull {
  number: number;
  base: string;
  headSha: string;
}

/** The policy's merge status, resolved: base-branch globs and their environments, in the policy's order. */
export interface MergeStatusBranches {
  branches: readonly { pattern: string; environments: readonly string[] }[];
}

/** The merge status the merged policy asks for; null when it is off (absent, or `enabled: false`). */
export function mergeStatusPolicy(file: PolicyFile): MergeStatusBranches | null {
  const config = file.freezes?.['merge-status'];
  if (!config || config.enabled === false) return null;
  return { branches: Object.entries(config.branches ?? {}).map(([pattern, environments]) => ({ pattern, environments })) };
}

/** The environments a merge into `branch` deploys (every glob that matches adds its own), without repeats. */
export function environmentsOfBranch(policy: MergeStatusBranches, branch: string): string[] {
  const out = new Set<string>();
  for (const b of policy.branches) if (globMatches(b.pattern, branch)) for (const e of b.environments) out.add(e);
  return [...out];
}

/**
 * Whether a change of a freeze of `scope` (an environment, or `all`) can change the status of pull requests into
 * `branch`: some glob matching it maps it to that environment (to any environment, for `all`).
 */
export function branchAffectedBy(policy: MergeStatusBranches, scope: string, branch: string): boolean {
  const environments = environmentsOfBranch(policy, branch);
  return scope === 'all' ? environments.length > 0 : environments.includes(scope);
}

/** A freeze that holds a base branch, with the environment it covers. */
interface Holding extends ActiveFreeze {
  environment: string;
}

/** A freeze that never ends sorts last: it is the one that holds the longest. */
const endOf = (f: ActiveFreeze) => (f.until === null ? Number.POSITIVE_INFINITY : Date.parse(f.until));

/**
 * Plain text for a status description, which GitHub shows as typed: no control or bidirectional characters (they
 * would reorder what follows), white space collapsed, and a zero-width space after `@` (a description pings nobody
 * today; the reason is user text and stays inert wherever it is copied). Cut to `max` characters, never inside a
 * surrogate pair, with an ellipsis.
 */
export function plainDescription(text: string, max = MAX_STATUS_DESCRIPTION): string {
  const clean = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/@/g, '@\u200b');
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

/** `2026-12-01 18:00 UTC`, or `further notice` for a freeze without an end. */
function endWords(until: string | null): string {
  return until === null ? 'further notice' : `${new Date(Date.parse(until)).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The status for a base branch held by `holding` (none: success). */
function statusOf(holding: readonly Holding[], mapped: readonly string[]): MergeStatus {
  if (holding.length === 0) {
    return {
      state: 'success',
      description: mapped.length === 0 ? 'No deploy freeze applies to this base branch' : `No deploy freeze (${mapped.join(', ')})`,
    };
  }
  // Merging waits for the last of them: name it, and the environments held.
  const last = [...holding].sort((a, b) => endOf(b) - endOf(a))[0]!;
  const environments = [...new Set(holding.map((f) => f.environment))].join(', ');
  return {
    state: 'pending',
    description: plainDescription(`Frozen until ${endWords(last.until)} (${environments}): ${last.reason ?? last.name}`),
  };
}

/** `pending` beats `success`; between two pending statuses, the one that ends later (the description says which). */
function stricter(a: { status: MergeStatus; end: number }, b: { status: MergeStatus; end: number }) {
  if (a.status.state !== b.status.state) return a.status.state === 'pending' ? a : b;
  return b.end > a.end ? b : a;
}

/** The policy's freeze windows for an environment and a base branch, as the gate resolves them (its section, applies-to). */
function windowsFor(input: Pick<MergeStatusInput, 'file' | 'repository' | 'source'>, branch: string, environment: string) {
  return resolvePolicy(input.file, gateInputsSchema.parse({ environment }), {}, input.source, { repository: input.repository, branch })
    .freezeWindows;
}

export interface MergeStatusInput {
  /** The merged policy of the repository (from its default branch). */
  file: PolicyFile;
  policy: MergeStatusBranches;
  /** The freezes on command in scope (the repository's and its organisation's, expired ones included). */
  stored: readonly StoredFreeze[];
  /** `owner/name`, for the freeze windows' `applies-to`. */
  repository: string;
  pulls: readonly OpenPull[];
  now: Date;
  /** Where the policy came from, for its errors. */
  source: string;
}

/** One head commit's status and the pull requests it stands for. */
export interface PlannedStatus {
  sha: string;
  status: MergeStatus;
  pulls: number[];
}

/**
 * The status of every head commit among `pulls`. Throws PolicyError when the policy cannot be resolved for a
 * mapped environment (an environment its `environments` map does not name): the caller fails closed.
 */
export function planMergeStatuses(input: MergeStatusInput): PlannedStatus[] {
  const byBranch = new Map<string, { status: MergeStatus; end: number }>();
  const forBranch = (branch: string) => {
    let found = byBranch.get(branch);
    if (!found) {
      const mapped = environmentsOfBranch(input.policy, branch);
      const holding = mapped.flatMap((environment): Holding[] =>
        [
          ...activeCommandFreezes(input.stored, environment, input.now),
          ...activeFreezeWindows(windowsFor(input, branch, environment), input.now),
        ].map((f) => ({ ...f, environment })),
      );
      found = { status: statusOf(holding, mapped), end: holding.reduce((m, f) => Math.max(m, endOf(f)), Number.NEGATIVE_INFINITY) };
      byBranch.set(branch, found);
    }
    return found;
  };
  const bySha = new Map<string, { status: MergeStatus; end: number; pulls: number[] }>();
  for (const pull of input.pulls) {
    const answer = forBranch(pull.base);
    const seen = bySha.get(pull.headSha);
    bySha.set(
      pull.headSha,
      seen ? { ...stricter(seen, answer), pulls: [...seen.pulls, pull.number] } : { ...answer, pulls: [pull.number] },
    );
  }
  return [...bySha].map(([sha, planned]) => ({ sha, status: planned.status, pulls: planned.pulls }));
}

/** The status for head commits whose policy cannot be read: `error`, which a required status check does not accept. */
export function policyErrorStatus(): MergeStatus {
  return {
    state: 'error',
    description: 'The deploy-governor policy is invalid, so freezes cannot be read: fix .github/deploy-governor.yml',
  };
}

/** Whether GitHub's current status is already the one planned (no write needed). */
export function sameStatus(current: MergeStatus | null, planned: MergeStatus): boolean {
  return current !== null && current.state === planned.state && current.description === planned.description;
}

/** The first instant after `now` at which the window opens or closes (null: never, or an expression that does not parse). */
function nextEdge(w: FreezeWindowConfig, now: Date): number | null {
  const t = now.getTime();
  if (w.from !== undefined && w.to !== undefined) {
    const edges = [Date.parse(w.from), Date.parse(w.to)].filter((e) => e > t);
    return edges.length > 0 ? Math.min(...edges) : null;
  }
  const next = (expr: string | undefined) => {
    if (expr === undefined) return null;
    try {
      return CronExpressionParser.parse(expr, { currentDate: now, tz: w.timezone ?? 'UTC' })
        .next()
        .getTime();
    } catch {
      // The schema refuses expressions that never match; a window that cannot be stepped has no edge to wait for.
      return null;
    }
  };
  const edges = [next(w.start), next(w.end)].filter((e): e is number => e !== null && e > t);
  return edges.length > 0 ? Math.min(...edges) : null;
}

/**
 * When the status of pull requests into `branches` can next change because a policy freeze window opens or closes
 * (windows are cron times, not events): the earliest edge after `now` of the windows of their mapped environments;
 * null when none. The time is when to look again, not a decision: looking recomputes the windows as the gate does, so
 * an edge cron-parser places differently around a daylight-saving change costs one early look at most.
 */
export function nextWindowEdge(input: Omit<MergeStatusInput, 'stored' | 'pulls'> & { branches: readonly string[] }): Date | null {
  let earliest: number | null = null;
  for (const branch of new Set(input.branches)) {
    for (const environment of environmentsOfBranch(input.policy, branch)) {
      for (const w of windowsFor(input, branch, environment)) {
        const edge = nextEdge(w, input.now);
        if (edge !== null && (earliest === null || edge < earliest)) earliest = edge;
      }
    }
  }
  return earliest === null ? null : new Date(earliest);
}

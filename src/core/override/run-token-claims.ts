/**
 * Whether a verified GitHub Actions OIDC token's claims describe the run an
 * override report says produced it. Pure: the signature, issuer, audience and
 * expiry are checked by the verifier (src/oidc/verify-run-token.ts); this checks
 * that the run GitHub vouches for is the one expected, dispatched by the expected
 * actor, on the expected commit, from a workflow at a reviewed ref. A writer who
 * edits a workflow on their own branch gets a genuine token, but one whose `ref`
 * and `workflow_ref` name that branch, which is why the refs are checked.
 */

/** The run the app expects the token to come from (from the report and the API). */
export interface ExpectedRun {
  /** `owner/repo`. */
  repository: string;
  runId: number;
  runAttempt: number;
  /** Who dispatched the run (the override's actor). */
  actor: string;
  /** The commit the run built. */
  sha: string;
  /** Full refs the workflow may run from, e.g. ['refs/heads/main']. */
  allowedRefs: string[];
  /**
   * Any event may have started the run (a change class's grant: deploys run on push). Absent: only
   * `workflow_dispatch`, as overrides and freeze requests come from dispatched runs.
   */
  anyEvent?: boolean;
}

const MAX_SHOWN = 100;

// Characters that could reorder or hide text around them in an issue (bidi controls,
// zero-width marks, line and paragraph separators): shown as escapes instead.
const INVISIBLE = /[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A claim value as shown to people (it ends up in a GitHub issue): JSON, so
 * quotes and control characters are escaped and strings look like strings,
 * invisible format characters escaped, clipped to 100 characters. The app still
 * renders the sentence inert like any text.
 */
export function showClaim(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = String(value);
  }
  const visible = json.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > MAX_SHOWN ? `${visible.slice(0, MAX_SHOWN)}…` : visible;
}

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The problem with a claim that is absent, or present but not a usable value. */
function unusable(claims: Record<string, unknown>, name: string, expected: string): string {
  const value = claims[name];
  if (value === undefined || value === null || value === '') return `the OIDC token has no "${name}" claim; expected ${expected}`;
  return `the OIDC token's "${name}" is ${showClaim(value)}, not a string; expected ${expected}`;
}

function showRefs(refs: string[]): string {
  return refs.length === 0 ? 'none (no ref is allowed)' : refs.map(showClaim).join(' or ');
}

/**
 * `owner/repo/path@ref` split into its parts; null when it has another shape.
 * The ref is a full ref (`refs/heads/main`), or for a reusable workflow called
 * at a commit, that commit's sha.
 */
export function parseWorkflowRef(value: string): { repository: string; path: string; ref: string } | null {
  // Workflow files sit directly in .github/workflows/, so their path holds no "@refs/":
  // the first one separates the path from the ref (which may itself contain "@").
  // Failing that, the ref is a sha (no "@"), after the last "@".
  const match = /^([^/]+\/[^/]+)\/(.+?)@(refs\/.+)$/.exec(value) ?? /^([^/]+\/[^/]+)\/(.+)@([^@]+)$/.exec(value);
  return match ? { repository: match[1]!, path: match[2]!, ref: match[3]! } : null;
}

/** A claim holding a number: GitHub sends run ids and attempts as strings. */
function checkNumberClaim(problems: string[], claims: Record<string, unknown>, name: string, expected: number): void {
  const value = claims[name];
  if (value === undefined || value === null || value === '') {
    problems.push(unusable(claims, name, showClaim(String(expected))));
  } else if ((typeof value !== 'string' && typeof value !== 'number') || String(value) !== String(expected)) {
    problems.push(`the OIDC token's "${name}" is ${showClaim(value)}, not ${showClaim(String(expected))}: it was issued to another run`);
  }
}

/**
 * Problems with the token's claims for `expected`, one sentence each naming the
 * claim, what was expected and what the token says; empty when they match.
 */
export function checkRunTokenClaims(claims: Record<string, unknown>, expected: ExpectedRun): string[] {
  const problems: string[] = [];
  const sameRepository = (a: string): boolean => a.toLowerCase() === expected.repository.toLowerCase();
  const allowed = (ref: string): boolean => expected.allowedRefs.includes(ref);

  // GitHub owner and repository names are case-insensitive.
  const repository = stringClaim(claims, 'repository');
  if (repository === null) problems.push(unusable(claims, 'repository', showClaim(expected.repository)));
  else if (!sameRepository(repository)) {
    problems.push(
      `the OIDC token's "repository" is ${showClaim(repository)}, not ${showClaim(expected.repository)}: it was issued to a run in another repository`,
    );
  }

  checkNumberClaim(problems, claims, 'run_id', expected.runId);
  checkNumberClaim(problems, claims, 'run_attempt', expected.runAttempt);

  // With anyEvent, the ref checks below are what keep a run on an unreviewed branch (or a pull request's merge ref) out.
  const eventName = stringClaim(claims, 'event_name');
  if (expected.anyEvent !== true && eventName === null) problems.push(unusable(claims, 'event_name', '"workflow_dispatch"'));
  else if (expected.anyEvent !== true && eventName !== 'workflow_dispatch') {
    problems.push(
      `the OIDC token's "event_name" is ${showClaim(eventName)}, not "workflow_dispatch": overrides come only from dispatched runs`,
    );
  }

  // triggering_actor is who started this attempt; actor stays the first attempt's on a re-run.
  const actorClaim = stringClaim(claims, 'triggering_actor') !== null ? 'triggering_actor' : 'actor';
  const actor = stringClaim(claims, actorClaim);
  if (actor === null) problems.push(unusable(claims, actorClaim, showClaim(expected.actor)));
  else if (actor.toLowerCase() !== expected.actor.toLowerCase()) {
    problems.push(
      `the OIDC token's "${actorClaim}" is ${showClaim(actor)}, not ${showClaim(expected.actor)}: the override was recorded for someone other than who ran the workflow`,
    );
  }

  const sha = stringClaim(claims, 'sha');
  if (sha === null) problems.push(unusable(claims, 'sha', showClaim(expected.sha)));
  else if (sha.toLowerCase() !== expected.sha.toLowerCase()) {
    problems.push(`the OIDC token's "sha" is ${showClaim(sha)}, not ${showClaim(expected.sha)}: the run built another commit`);
  }

  const ref = stringClaim(claims, 'ref');
  if (ref === null) problems.push(unusable(claims, 'ref', showRefs(expected.allowedRefs)));
  else if (!allowed(ref)) {
    problems.push(
      `the OIDC token's "ref" is ${showClaim(ref)}, not ${showRefs(expected.allowedRefs)}: overrides are accepted only from runs on a reviewed ref`,
    );
  }

  // The workflow file that ran: a workflow edited on an unreviewed branch must not count.
  const workflowRef = stringClaim(claims, 'workflow_ref');
  if (workflowRef === null)
    problems.push(
      unusable(claims, 'workflow_ref', `${showClaim(`${expected.repository}/<workflow path>@<ref>`)} at ${showRefs(expected.allowedRefs)}`),
    );
  else {
    const parsed = parseWorkflowRef(workflowRef);
    if (parsed === null || !sameRepository(parsed.repository)) {
      problems.push(
        `the OIDC token's "workflow_ref" is ${showClaim(workflowRef)}, not a workflow of ${showClaim(expected.repository)} (expected "<repository>/<path>@<ref>")`,
      );
    } else if (!allowed(parsed.ref)) {
      problems.push(
        `the OIDC token's "workflow_ref" runs the workflow at ${showClaim(parsed.ref)}, not ${showRefs(expected.allowedRefs)}: the workflow file may have been changed without review`,
      );
    }
  }

  // The workflow that ran this job: the same as workflow_ref, or a reusable workflow it called.
  // A reusable workflow in this repository is code from this repository, so it must be at a
  // reviewed ref too. One in another repository is accepted at whatever ref it names: the
  // caller (checked above to be at a reviewed ref) chose it, and that choice was reviewed.
  const jobWorkflowRef = stringClaim(claims, 'job_workflow_ref');
  if (jobWorkflowRef === null) problems.push(unusable(claims, 'job_workflow_ref', `a workflow at ${showRefs(expected.allowedRefs)}`));
  else {
    const parsed = parseWorkflowRef(jobWorkflowRef);
    if (parsed === null) {
      problems.push(`the OIDC token's "job_workflow_ref" is ${showClaim(jobWorkflowRef)}, not "<repository>/<path>@<ref>"`);
    } else if (sameRepository(parsed.repository) && !allowed(parsed.ref)) {
      problems.push(
        `the OIDC token's "job_workflow_ref" runs a workflow of this repository at ${showClaim(parsed.ref)}, not ${showRefs(expected.allowedRefs)}: the reusable workflow may have been changed without review`,
      );
    }
  }
  return problems;
}

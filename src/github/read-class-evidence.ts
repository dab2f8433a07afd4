/**
 * The facts a deploy's change class is resolved from (issue 16), read from
 * GitHub, only for a blocked decision of a policy with `change-classes`:
 * the role of who gave the `change-class` input; the deployed commit's merged
 * pull requests, their `deploy-class:` label and who applied it (from the
 * issue's events, never from the label itself) with their role; the commit's
 * `Deploy-Class:` trailer and whether the commit is on the default branch
 * (reviewed); and whether the commit was deployed to the environment before
 * or is an ancestor of its latest successful deployment (a rollback).
 *
 * Sources are read in the policy's order and reading stops at the first that
 * settles the class (`settled`), so a labelled hotfix costs no deployment
 * reads. A source GitHub refuses to show (a token without the permission) is
 * no evidence, with a note naming the permission: evidence only ever loosens
 * a blocked decision, so missing evidence fails closed. Bounded: at most
 * MAX_PULLS pull requests, MAX_EVENT_PAGES pages of each one's events and
 * MAX_DEPLOYMENTS deployments are read.
 */
import { z } from 'zod';
import type { ClassSource } from '../core/change-class/change-class-policy.js';
import { deployClassLabel, deployClassTrailer } from '../core/change-class/deploy-class-trailer.js';
import type { ClassEvidence } from '../core/change-class/resolve-change-class.js';
import { httpStatusOf, messageOf, type GitHubClient } from './client.js';
import { readActorRole } from './read-override-authorization.js';

const MAX_PULLS = 10;
const MAX_DEPLOYMENTS = 10;
const EVENTS_PER_PAGE = 100;
/** An issue with more events than this many pages has its labeller read as unknown (its latest event may be past them). */
const MAX_EVENT_PAGES = 3;

const pullsShape = z.array(
  z.object({
    number: z.number().int(),
    merged_at: z.string().nullable().optional(),
    labels: z.array(z.object({ name: z.string() })).optional(),
  }),
);
const eventsShape = z.array(
  z.object({
    event: z.string(),
    actor: z.object({ login: z.string() }).nullable().optional(),
    label: z.object({ name: z.string() }).optional(),
  }),
);
const commitShape = z.object({ commit: z.object({ message: z.string() }) });
const compareShape = z.object({ status: z.string() });
const repoShape = z.object({ default_branch: z.string() });
const deploymentsShape = z.array(z.object({ id: z.number().int(), sha: z.string() }));
const statusesShape = z.array(z.object({ state: z.string() }));

export interface ClassEvidenceRequest {
  owner: string;
  repo: string;
  /** The deployed commit (null: unknown, so only the input can name a class). */
  sha: string | null;
  environment: string;
  sources: readonly ClassSource[];
  /** The `change-class` input and who gave it (GitHub's word for the Action's actor, the token's user for the CLI). */
  input?: { name: string; actor: string };
}

/** The evidence read, and what could not be read (one note per source GitHub refused). */
export interface ReadClassEvidence {
  evidence: ClassEvidence;
  notes: string[];
}

type Role = { roleName: string | null; permission: string | null } | null;

/** The permissions each source's reads need, for the note when GitHub refuses one. */
const NEEDS: Record<Exclude<ClassSource, 'input'>, string> = {
  label: 'pull-requests: read and issues: read',
  trailer: 'contents: read',
  rollback: 'deployments: read and contents: read',
};

async function roleOf(client: GitHubClient, r: ClassEvidenceRequest, login: string | null): Promise<Role> {
  if (login === null) return null;
  const result = await readActorRole(client, r.owner, r.repo, login);
  return 'role' in result ? result.role : null;
}

/** Whether `ancestor` is `descendant` or one of its ancestors (compare: the descendant is ahead of it, or identical). */
async function isAncestor(client: GitHubClient, r: ClassEvidenceRequest, ancestor: string, descendant: string): Promise<boolean> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      owner: r.owner,
      repo: r.repo,
      basehead: `${ancestor}...${descendant}`,
      per_page: 1,
    });
    const { status } = compareShape.parse(data);
    return status === 'ahead' || status === 'identical';
  } catch (error: unknown) {
    // An unknown commit or ref, or commits with no common ancestor, is no evidence.
    if (httpStatusOf(error) === 404) return false;
    throw error;
  }
}

/**
 * Who applied `label` last: the actor of the issue's latest `labeled` event for it. GitHub lists events oldest
 * first, so every page up to the last is read; past MAX_EVENT_PAGES full pages the labeller is unknown (null).
 */
async function labeller(client: GitHubClient, r: ClassEvidenceRequest, issue: number, label: string): Promise<string | null> {
  let latest: string | null = null;
  for (let page = 1; page <= MAX_EVENT_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/events', {
      owner: r.owner,
      repo: r.repo,
      issue_number: issue,
      per_page: EVENTS_PER_PAGE,
      page,
    });
    const events = eventsShape.parse(data);
    for (const e of events) {
      // The event's label read as the pull request's was (`deploy-class: Hotfix` is `hotfix`), so both name one class.
      if (e.event === 'labeled' && e.label && deployClassLabel([e.label.name]) === label) latest = e.actor?.login ?? null;
    }
    if (events.length < EVENTS_PER_PAGE) return latest;
  }
  return null;
}

async function labelEvidence(client: GitHubClient, r: ClassEvidenceRequest, sha: string): Promise<ClassEvidence['pullRequests']> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    owner: r.owner,
    repo: r.repo,
    commit_sha: sha,
    per_page: MAX_PULLS,
  });
  // Merged pull requests only: an open one's commits can change after it was labelled, so its label vouches for nothing yet.
  const pulls = pullsShape.parse(data).filter((p) => Boolean(p.merged_at));
  return Promise.all(
    pulls.slice(0, MAX_PULLS).map(async (p) => {
      const label = deployClassLabel((p.labels ?? []).map((l) => l.name));
      if (label === null) return { number: p.number, label: null, labeledBy: null, role: null };
      // Who applied the label is GitHub's record of the `labeled` event, not anything on the label.
      const labeledBy = await labeller(client, r, p.number, label);
      return { number: p.number, label, labeledBy, role: await roleOf(client, r, labeledBy) };
    }),
  );
}

async function rollbackEvidence(client: GitHubClient, r: ClassEvidenceRequest, sha: string): Promise<ClassEvidence['rollback']> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/deployments', {
    owner: r.owner,
    repo: r.repo,
    environment: r.environment,
    per_page: MAX_DEPLOYMENTS,
  });
  const deployments = deploymentsShape.parse(data);
  let latestSuccessful: { id: number; sha: string } | null = null;
  for (const d of deployments) {
    const { data: statuses } = await client.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner: r.owner,
      repo: r.repo,
      deployment_id: d.id,
      per_page: 10,
    });
    if (!statusesShape.parse(statuses).some((s) => s.state === 'success')) continue;
    if (d.sha === sha) return { detected: true, detail: `already deployed to ${r.environment} successfully (deployment ${d.id})` };
    latestSuccessful ??= d;
  }
  if (latestSuccessful && (await isAncestor(client, r, sha, latestSuccessful.sha))) {
    return {
      detected: true,
      detail: `an ancestor of ${r.environment}'s latest successful deployment (${latestSuccessful.sha.slice(0, 7)}, deployment ${latestSuccessful.id})`,
    };
  }
  return { detected: false, detail: `not deployed to ${r.environment} before, nor an ancestor of its latest deployment` };
}

/**
 * Reads the evidence of each source in `r.sources`' order, until `settled` says the evidence so far decides the
 * class (absent: every source is read).
 */
export async function readClassEvidence(
  client: GitHubClient,
  r: ClassEvidenceRequest,
  settled: (evidence: ClassEvidence) => boolean = () => false,
): Promise<ReadClassEvidence> {
  const evidence: ClassEvidence = {};
  const notes: string[] = [];
  const sha = r.sha;
  // Whether the commit is on the default branch, read once for the trailer and the rollback.
  let reviewed: Promise<boolean> | undefined;
  const onDefaultBranch = (commit: string) =>
    (reviewed ??= client
      .request('GET /repos/{owner}/{repo}', { owner: r.owner, repo: r.repo })
      .then(({ data }) => isAncestor(client, r, commit, repoShape.parse(data).default_branch)));
  if (sha === null && r.sources.some((s) => s !== 'input'))
    notes.push('the deployed commit is not known (the CLI takes it from --sha), so no label, trailer or earlier deployment was read');
  for (const source of r.sources) {
    if (source === 'input') {
      if (r.input) evidence.input = { ...r.input, role: await roleOf(client, r, r.input.actor) };
    } else if (sha !== null) {
      try {
        if (source === 'label') evidence.pullRequests = await labelEvidence(client, r, sha);
        else if (source === 'trailer') {
          const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}', { owner: r.owner, repo: r.repo, ref: sha });
          const trailer = deployClassTrailer(commitShape.parse(data).commit.message);
          evidence.trailers = { commits: [{ sha, trailer }], reviewed: trailer !== null && (await onDefaultBranch(sha)) };
        } else {
          // A rollback only ever goes back to reviewed code: deployment records can be written by any writer's workflow.
          evidence.rollback = (await onDefaultBranch(sha))
            ? await rollbackEvidence(client, r, sha)
            : { detected: false, detail: 'the commit is not on the default branch, so it is not a rollback to reviewed code' };
        }
      } catch (error: unknown) {
        const status = httpStatusOf(error);
        // Only GitHub's refusals are no evidence; anything else (a bug, a response of the wrong shape) fails the gate.
        if (status === undefined) throw error;
        notes.push(
          `the ${source} evidence could not be read (GitHub answered ${status}: ${messageOf(error)}); reading it needs ${NEEDS[source]} (the Action's github-token, the CLI's GITHUB_TOKEN, or the app's installation)`,
        );
      }
    }
    if (settled(evidence)) break;
  }
  return { evidence, notes };
}

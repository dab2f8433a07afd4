/**
 * The facts a deploy's change class is resolved from (issue 16), read from
 * GitHub, only for a blocked decision of a policy with `change-classes`:
 * the role of who gave the `change-class` input; the deployed commit's pull
 * requests, their `deploy-class:` label and who applied it (from the issue's
 * events, never from the label itself) with their role; the commit's
 * `Deploy-Class:` trailer and whether the commit is on the default branch
 * (reviewed); and whether the commit was deployed to the environment before
 * or is an ancestor of its latest successful deployment (a rollback). Bounded:
 * at most MAX_PULLS pull requests and MAX_DEPLOYMENTS deployments are read.
 */
import { z } from 'zod';
import type { ClassSource } from '../core/change-class/change-class-policy.js';
import { CLASS_LABEL_PREFIX, deployClassLabel, deployClassTrailer } from '../core/change-class/deploy-class-trailer.js';
import type { ClassEvidence } from '../core/change-class/resolve-change-class.js';
import { httpStatusOf, type GitHubClient } from './client.js';
import { readActorRole } from './read-override-authorization.js';

const MAX_PULLS = 10;
const MAX_DEPLOYMENTS = 10;

const pullsShape = z.array(
  z.object({
    number: z.number().int(),
    state: z.string().optional(),
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

type Role = { roleName: string | null; permission: string | null } | null;

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
    // An unknown commit or ref is no evidence.
    if (httpStatusOf(error) === 404) return false;
    throw error;
  }
}

async function labelEvidence(client: GitHubClient, r: ClassEvidenceRequest, sha: string): Promise<ClassEvidence['pullRequests']> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    owner: r.owner,
    repo: r.repo,
    commit_sha: sha,
    per_page: MAX_PULLS,
  });
  const pulls = pullsShape.parse(data).filter((p) => p.state === undefined || p.state === 'open' || Boolean(p.merged_at));
  return Promise.all(
    pulls.slice(0, MAX_PULLS).map(async (p) => {
      const label = deployClassLabel((p.labels ?? []).map((l) => l.name));
      if (label === null) return { number: p.number, label: null, labeledBy: null, role: null };
      // Who applied the label is GitHub's record of the `labeled` event, not anything on the label.
      const { data: events } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/events', {
        owner: r.owner,
        repo: r.repo,
        issue_number: p.number,
        per_page: 100,
      });
      const labeled = eventsShape
        .parse(events)
        .filter((e) => e.event === 'labeled' && e.label?.name.toLowerCase() === `${CLASS_LABEL_PREFIX}${label}`)
        .at(-1);
      const labeledBy = labeled?.actor?.login ?? null;
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

export async function readClassEvidence(client: GitHubClient, r: ClassEvidenceRequest): Promise<ClassEvidence> {
  const evidence: ClassEvidence = {};
  if (r.input && r.sources.includes('input')) evidence.input = { ...r.input, role: await roleOf(client, r, r.input.actor) };
  const sha = r.sha;
  if (sha === null) return evidence;
  const needsReview = r.sources.includes('trailer') || r.sources.includes('rollback');
  let reviewed = false;
  if (needsReview) {
    const { data } = await client.request('GET /repos/{owner}/{repo}', { owner: r.owner, repo: r.repo });
    reviewed = await isAncestor(client, r, sha, repoShape.parse(data).default_branch);
  }
  if (r.sources.includes('label')) evidence.pullRequests = await labelEvidence(client, r, sha);
  if (r.sources.includes('trailer')) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}', { owner: r.owner, repo: r.repo, ref: sha });
    evidence.trailers = { commits: [{ sha, trailer: deployClassTrailer(commitShape.parse(data).commit.message) }], reviewed };
  }
  // A rollback only ever goes back to reviewed code: deployment records can be written by any writer's workflow.
  if (r.sources.includes('rollback')) {
    evidence.rollback = reviewed
      ? await rollbackEvidence(client, r, sha)
      : { detected: false, detail: 'the commit is not on the default branch, so it is not a rollback to reviewed code' };
  }
  return evidence;
}

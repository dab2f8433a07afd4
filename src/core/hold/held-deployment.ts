/**
 * A deployment the app's protection rule is holding (`on-block: hold`): what is
 * kept between evaluations, in memory or in Redis. Every field is a fact GitHub
 * gave (the run's pending deployment, its head commit and branch) or the app's
 * own bookkeeping; a stored record is parsed strictly, so a damaged one is
 * dropped, never acted on.
 */
import { z } from 'zod';

const heldDeploymentSchema = z.strictObject({
  owner: z.string().min(1),
  repo: z.string().min(1),
  installationId: z.number().int().positive(),
  runId: z.number().int().positive(),
  environment: z.string().min(1),
  /** The run's head commit and branch (from GET …/actions/runs/{id}; the branch may be null for a tag or a fork). */
  sha: z.string(),
  ref: z.string().nullable(),
  /** When the hold began (ISO 8601); for a hold rebuilt from GitHub, when its run started (earlier: it expires no later). */
  since: z.string(),
  /** The latest moment it may be held until (ISO 8601): the limit promised when it was held; null when rebuilt. */
  until: z.string().nullable(),
  /** How often it is evaluated again, and when next (ISO 8601). */
  intervalMs: z.number().int().positive(),
  nextAt: z.string(),
  /** What it waited for when it was held (the blocking reasons, clipped), for the comment that releases it. */
  waitingFor: z.array(z.string()).max(5),
});

export type HeldDeployment = z.infer<typeof heldDeploymentSchema>;

/** One held deployment's identity: a run waits on one protection rule answer per environment. */
export function heldKey(h: Pick<HeldDeployment, 'owner' | 'repo' | 'runId' | 'environment'>): string {
  return `${h.owner}/${h.repo}:${h.runId}:${h.environment}`.toLowerCase();
}

/** A stored record, or null when it is not a valid one. */
export function parseHeldDeployment(text: string): HeldDeployment | null {
  try {
    const parsed = heldDeploymentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // Not JSON: a damaged record, dropped like an invalid one (the caller logs it).
    return null;
  }
}

/** Whether a freeze kept in `<owner>/<repo>` (an organisation-wide one in `<owner>/.github`) concerns this hold. */
export function concernsHold(hold: Pick<HeldDeployment, 'owner' | 'repo'>, freezeAt: { owner: string; repo: string }): boolean {
  if (hold.owner.toLowerCase() !== freezeAt.owner.toLowerCase()) return false;
  return freezeAt.repo.toLowerCase() === '.github' || hold.repo.toLowerCase() === freezeAt.repo.toLowerCase();
}

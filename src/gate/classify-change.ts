/**
 * A blocked decision of a policy with `change-classes` (issue 16): the
 * deploy's class, from the facts GitHub gives (src/github/read-class-evidence.ts),
 * resolved and applied by the core. Without a GitHub client nothing can vouch
 * for any evidence, so the deploy is a feature and the report says why.
 */
import { applyChangeClass, classPermission } from '../core/change-class/apply-change-class.js';
import type { ResolvedChangeClasses } from '../core/change-class/change-class-policy.js';
import { resolveChangeClass, type ClassEvidence, type ResolvedClass } from '../core/change-class/resolve-change-class.js';
import type { ResolvedPolicy } from '../core/policy/resolve-policy.js';
import type { Report } from '../core/report/report-schema.js';
import type { GitHubClient } from '../github/client.js';
import { readClassEvidence } from '../github/read-class-evidence.js';

export interface ClassifyRequest {
  github: { client: GitHubClient; owner: string; repo: string } | null;
  /** Why there is no client, in the host's words. */
  githubUnavailable?: string;
  /** The deployed commit, when known. */
  sha: string | null;
  /** The `change-class` input and who gave it. */
  input?: { name: string; actor: string };
  /** Why the host has no `change-class` input at all (the protection rule), for a policy whose `sources` list it. */
  inputUnavailable?: string;
}

export async function classifyChange(
  report: Report,
  policy: ResolvedPolicy & { changeClasses: ResolvedChangeClasses },
  r: ClassifyRequest,
): Promise<Report> {
  if (report.decision.canDeploy) return report;
  const classes = policy.changeClasses;
  return applyChangeClass(report, await readChangeClass(policy, r, classPermission(report, policy, classes)), classes);
}

/**
 * The deploy's class from GitHub's evidence, whoever asks: the blocked decision above, or the postmortem-debt rule
 * (debt-gate.ts) for a deploy the budget let through. `needed`: the role that may choose a class by input.
 */
export async function readChangeClass(
  policy: ResolvedPolicy & { changeClasses: ResolvedChangeClasses },
  r: ClassifyRequest,
  needed: ReturnType<typeof classPermission>,
): Promise<ResolvedClass> {
  const classes = policy.changeClasses;
  let evidence: ClassEvidence = {};
  const notes: string[] = [];
  if (r.inputUnavailable !== undefined && classes.sources.includes('input')) notes.push(r.inputUnavailable);
  if (r.github === null) {
    notes.push(
      `no GitHub access to read the change class's evidence${r.githubUnavailable ? `: ${r.githubUnavailable}` : ''}; the deploy counts as a feature`,
    );
  } else {
    const read = await readClassEvidence(
      r.github.client,
      {
        owner: r.github.owner,
        repo: r.github.repo,
        sha: r.sha,
        environment: policy.environment,
        sources: classes.sources,
        ...(r.input ? { input: r.input } : {}),
      },
      // The first source that names a usable class decides (resolveChangeClass's order): the later ones need no reading.
      (so) => resolveChangeClass(so, classes, needed).source !== 'default',
    );
    evidence = read.evidence;
    notes.push(...read.notes);
  }
  const resolved = resolveChangeClass(evidence, classes, needed);
  return { ...resolved, notes: [...notes, ...resolved.notes] };
}

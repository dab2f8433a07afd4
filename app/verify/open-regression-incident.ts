/**
 * A regressed post-deploy verification opens an incident issue (the policy's
 * incident label), once per confirmed run attempt and environment: a redelivery
 * or a second regressed verdict of the same attempt finds the same issue. The
 * severity is left to whoever triages it (a severity that requires a postmortem
 * then starts that flow when the incident is closed).
 */
import { formatBurnRate } from '../../src/core/render/format-values.js';
import { inert, inertLimited } from '../../src/core/render/inert-markdown.js';
import type { Verification } from '../../src/core/verify/verification-schema.js';
import { openIssueOnce, type OpenedIssue } from '../../src/github/open-issue.js';
import { issueKey, type PostmortemContext } from '../postmortems/postmortem-context.js';

export interface RegressionSite {
  runId: number;
  attempt: number;
  runUrl: string | null;
  headSha: string;
}

function incidentBody(v: Verification, site: RegressionSite): string {
  const slo = v.slos.find((s) => s.verdict === 'regressed');
  return [
    `Opened by deploy-governor: the post-deploy verification of ${inert(v.environment)} regressed.`,
    '',
    `- **Commit:** ${site.headSha}`,
    `- **Workflow run:** ${site.runUrl ? `${site.runUrl} (attempt ${site.attempt})` : `${site.runId} (attempt ${site.attempt})`}`,
    `- **Burn rate before / after:** ${formatBurnRate(v.burnBefore)} → ${formatBurnRate(v.burnAfter)}${slo ? ` (SLO ${inertLimited(slo.name, 100)})` : ''}`,
    ...(v.recommendation !== null ? [`- **Recommendation:** ${inertLimited(v.recommendation)}`] : []),
    '',
    'The verdict is what the workflow reported; the run and its commit are confirmed with GitHub.',
  ].join('\n');
}

export async function openRegressionIncident(ctx: PostmortemContext, v: Verification, site: RegressionSite): Promise<OpenedIssue> {
  const key = `verify-${site.runId}-${site.attempt}-${v.environment}`;
  return ctx.lock.run(issueKey(ctx, key), () =>
    openIssueOnce(
      ctx.client,
      ctx.owner,
      ctx.repo,
      {
        key,
        title: `Incident: post-deploy regression in ${v.environment} (run ${site.runId})`.slice(0, 256),
        body: incidentBody(v, site),
        labels: [ctx.policy.incidentLabel],
      },
      ctx.config.appId,
    ),
  );
}

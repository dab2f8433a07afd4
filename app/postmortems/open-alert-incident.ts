/**
 * A resolved Alertmanager group becomes an incident issue and a postmortem draft
 * with its timeline, once per group key and start time (a re-sent notification,
 * or the same alert on another instance, finds both again by that key).
 */
import type { IncidentCandidate } from '../../src/core/postmortem/alertmanager.js';
import { renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { inert } from '../../src/core/render/inert-markdown.js';
import { openIssueOnce } from '../../src/github/open-issue.js';
import { issueKey, type PostmortemContext } from './postmortem-context.js';
import { openPostmortem } from './open-postmortem.js';

function incidentBody(candidate: IncidentCandidate, severity: string): string {
  return [
    `Opened by deploy-governor from a resolved Alertmanager alert (severity ${inert(severity)}).`,
    '',
    `- **Started:** ${candidate.startedAt}`,
    `- **Resolved:** ${candidate.endedAt ?? 'unknown'}`,
    '',
    '| Label | Value |',
    '| --- | --- |',
    ...Object.entries(candidate.labels)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `| ${inert(k)} | ${inert(v)} |`),
    '',
    '**Timeline**',
    '',
    ...candidate.timeline.map((t) => `- ${t.at}: ${inert(t.event)}`),
  ].join('\n');
}

export async function openAlertIncident(
  ctx: PostmortemContext,
  candidate: IncidentCandidate,
  now: Date,
): Promise<{ incident: number; postmortem: number; outcome: 'opened' | 'exists' }> {
  const severity = ctx.policy.alertmanager.severity;
  const incident = await ctx.lock.run(issueKey(ctx, `alert-${candidate.key}`), () =>
    openIssueOnce(
      ctx.client,
      ctx.owner,
      ctx.repo,
      {
        key: `incident-alert-${candidate.key}`,
        title: `Incident: ${candidate.title}`.slice(0, 256),
        body: `${incidentBody(candidate, severity)}\n\n${renderMeta('incident', { alertKey: candidate.key, startedAt: candidate.startedAt, endedAt: candidate.endedAt, severity })}`,
        labels: [ctx.policy.incidentLabel, severity],
      },
      ctx.config.appId,
    ),
  );
  const postmortem = await openPostmortem(ctx, {
    incident: { number: incident.number, url: `https://github.com/${ctx.owner}/${ctx.repo}/issues/${incident.number}` },
    title: candidate.title,
    severity,
    author: null,
    startedAt: candidate.startedAt,
    endedAt: candidate.endedAt,
    timeline: candidate.timeline,
    alertKey: candidate.key,
    now,
  });
  return {
    incident: incident.number,
    postmortem: postmortem.number,
    outcome: incident.outcome === 'opened' || postmortem.outcome === 'opened' ? 'opened' : 'exists',
  };
}

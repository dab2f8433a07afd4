/**
 * The sweep's burn incidents against GitHub: measures each SLO's budget
 * consumed over the trailing window, reads the incident issues, and opens what
 * core/postmortem/burn-incident-plan.ts plans, each once by its key
 * (`openIssueOnce`: only issues this app opened count, so a planted issue
 * neither silences a burn nor stands for its incident).
 *
 * Only the app runs it: the measurement goes through the gate service with the
 * app's Prometheus, and the dedup needs the app's own id. The CLI's sweep, run
 * with a personal or workflow token, opens no burn incidents.
 */
import { planBurnIncidents, type PlannedBurnIncident } from '../core/postmortem/burn-incident-plan.js';
import type { BudgetFigure } from '../core/postmortem/burn-rule.js';
import { readMeta, renderMeta } from '../core/postmortem/issue-metadata.js';
import type { PostmortemPolicy } from '../core/postmortem/postmortem-policy.js';
import { inert } from '../core/render/inert-markdown.js';
import type { GitHubClient } from './client.js';
import { openedByApp, openIssueOnce } from './open-issue.js';
import { listLabelledIssues } from './postmortem-inventory.js';

/** What the app gives the sweep to look for burns with. */
export interface BurnCheck {
  appId: number;
  /** The environment measured (named in the incident and its key). */
  environment: string;
  /** Budget consumed per SLO over `from`..`to`; null when nothing could be measured (Prometheus out of reach). */
  measure(from: Date, to: Date): Promise<BudgetFigure[] | null>;
}

/** What the burn check did: JSON-serialisable, part of the sweep's result. */
export interface BurnOutcome {
  /** False when the rule is off or nothing could be measured. */
  measured: boolean;
  opened: { issue: number; slo: string; consumed: number; outcome: 'opened' | 'exists' }[];
}

function incidentBody(planned: PlannedBurnIncident): string {
  const m = planned.meta;
  return [
    `Opened by deploy-governor's sweep: the SLO **${inert(m.slo)}** (environment ${inert(m.environment)}) consumed **${m.consumed.toFixed(1)} pp** of its error budget between ${m.from} and ${m.to}, more than the policy's \`postmortems.require-p0-above\` (${m.threshold} pp).`,
    '',
    'Handle it as an incident. When it is closed, its postmortem opens (for a severity the policy requires one for), and it is published only once it has a P0 action item with an owner and a due date.',
    '',
    renderMeta('burn-incident', m),
  ].join('\n');
}

export async function openBurnIncidents(
  client: GitHubClient,
  request: { owner: string; repo: string; policy: PostmortemPolicy; now: Date },
  check: BurnCheck,
): Promise<BurnOutcome> {
  const { owner, repo, policy, now } = request;
  const threshold = policy.requireP0AbovePct;
  const withinMs = policy.burnIncidentWithinMs;
  if (threshold === null || withinMs === null) return { measured: false, opened: [] };
  const figures = await check.measure(new Date(now.getTime() - withinMs), now);
  if (figures === null) return { measured: false, opened: [] };
  const { issues } = await listLabelledIssues(client, owner, repo, policy.incidentLabel);
  const planned = planBurnIncidents({
    now,
    threshold,
    withinMs,
    environment: check.environment,
    figures,
    incidents: issues.map((i) => ({
      state: i.state,
      createdAt: i.created_at,
      openedByApp: openedByApp(i, check.appId),
      burn: readMeta('burn-incident', i.body),
    })),
  });
  const opened: BurnOutcome['opened'] = [];
  for (const p of planned) {
    const issue = await openIssueOnce(
      client,
      owner,
      repo,
      {
        key: p.key,
        title: `Incident: error-budget burn on ${p.meta.slo} (${p.meta.environment})`.slice(0, 256),
        body: incidentBody(p),
        labels: [policy.incidentLabel, policy.alertmanager.severity],
      },
      check.appId,
    );
    opened.push({ issue: issue.number, slo: p.meta.slo, consumed: p.meta.consumed, outcome: issue.outcome });
  }
  return { measured: true, opened };
}

/**
 * Opens a postmortem issue for an incident (or for an Alertmanager alert group),
 * at most once: under a lock on its key, and found again by that key on a
 * redelivery, a second `/postmortem`, or the incident's closing after a command
 * already opened one.
 */
import { consumedFigures } from '../../src/core/postmortem/burn-rule.js';
import { readMeta, renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import {
  postmortemTitle,
  renderBuiltInPostmortem,
  renderCustomPostmortem,
  type PostmortemFacts,
  type TimelineEntry,
} from '../../src/core/postmortem/render-postmortem.js';
import { commentOnIssue } from '../../src/github/comment-on-issue.js';
import { issueMarker, openIssueOnce, openedByApp } from '../../src/github/open-issue.js';
import { listLabelledIssues } from '../../src/github/postmortem-inventory.js';
import { readRepoFile } from '../../src/github/read-repo-file.js';
import { measureBudgetImpact } from './measure-budget-impact.js';
import { issueKey, type PostmortemContext } from './postmortem-context.js';
import { syncActionItems } from './sync-action-items.js';

export interface PostmortemRequest {
  /** The incident issue (or the issue or pull request the command ran on). */
  incident: { number: number; url: string } | null;
  title: string;
  severity: string | null;
  /** Who asked for it; null when Alertmanager did. */
  author: string | null;
  startedAt: string | null;
  endedAt: string | null;
  timeline: TimelineEntry[];
  /** Set when an Alertmanager group opened it: the group's dedup key. */
  alertKey?: string;
  now: Date;
}

export interface PostmortemOutcome {
  outcome: 'opened' | 'exists';
  number: number;
}

/** The key that makes two requests the same postmortem. */
function postmortemKey(request: Pick<PostmortemRequest, 'incident' | 'alertKey'>): string {
  if (request.alertKey) return `postmortem-alert-${request.alertKey}`;
  if (request.incident) return `postmortem-for-${request.incident.number}`;
  throw new Error('a postmortem needs an incident or an alert group');
}

/**
 * A postmortem already opened for this key, or linked to this incident by its
 * marker (one Alertmanager opened for the incident, say, before someone closed it).
 */
async function findLinkedPostmortem(ctx: PostmortemContext, key: string, incident: number | null): Promise<number | null> {
  const marker = issueMarker(key);
  const { issues } = await listLabelledIssues(ctx.client, ctx.owner, ctx.repo, ctx.policy.label);
  // The key's marker counts only on an issue this app opened; a postmortem written by hand that names the
  // incident in its metadata counts too (that is how a team links its own postmortem).
  const found = issues.find(
    (i) =>
      (openedByApp(i, ctx.config.appId) && (i.body ?? '').includes(marker)) ||
      (incident !== null && readMeta('postmortem', i.body)?.incident === incident),
  );
  return found?.number ?? null;
}

async function renderBody(ctx: PostmortemContext, facts: PostmortemFacts): Promise<string> {
  const template = await readRepoFile(ctx.client, { owner: ctx.owner, repo: ctx.repo, path: ctx.policy.templatePath });
  return template ? renderCustomPostmortem(template.text, facts) : renderBuiltInPostmortem(facts);
}

export async function openPostmortem(ctx: PostmortemContext, request: PostmortemRequest): Promise<PostmortemOutcome> {
  const key = postmortemKey(request);
  return ctx.lock
    .run(issueKey(ctx, key), async (): Promise<PostmortemOutcome> => {
      const earlier = await findLinkedPostmortem(ctx, key, request.incident?.number ?? null);
      if (earlier !== null) return { outcome: 'exists', number: earlier };
      const date = (request.startedAt ?? request.now.toISOString()).slice(0, 10);
      const budget = await measureBudgetImpact(ctx.file, ctx.config, request, ctx.log, {
        owner: ctx.owner,
        repo: ctx.repo,
        installationId: ctx.installationId,
      });
      // The app's own figures, kept in its marker: the 20% rule reads them, never the visible table (burn-hold.ts).
      const recorded = budget ? consumedFigures(budget) : [];
      const facts: PostmortemFacts = {
        title: request.title,
        date,
        incident: request.incident,
        severity: request.severity,
        author: request.author,
        startedAt: request.startedAt,
        endedAt: request.endedAt,
        timeline: request.timeline,
        budget,
        approvals: ctx.policy.approvals,
      };
      const meta = renderMeta('postmortem', {
        incident: request.incident?.number ?? null,
        severity: request.severity,
        author: request.author,
        startedAt: request.startedAt,
        endedAt: request.endedAt,
        ...(request.alertKey ? { alertKey: request.alertKey } : {}),
        ...(recorded.length > 0 ? { budget: recorded } : {}),
      });
      const opened = await openIssueOnce(
        ctx.client,
        ctx.owner,
        ctx.repo,
        {
          key,
          title: postmortemTitle(date, request.title),
          body: `${await renderBody(ctx, facts)}\n\n${meta}`,
          labels: [ctx.policy.label, ...(request.severity ? [request.severity] : [])],
        },
        ctx.config.appId,
      );
      if (opened.outcome === 'opened' && request.incident) {
        await commentOnIssue(
          ctx.client,
          ctx.owner,
          ctx.repo,
          request.incident.number,
          `Postmortem opened: #${opened.number}. Add action items there as \`- [ ] <text> @owner due:YYYY-MM-DD\`.`,
        );
      }
      ctx.log.info({ postmortem: opened.number, outcome: opened.outcome, incident: request.incident?.number }, 'postmortem');
      return { outcome: opened.outcome, number: opened.number };
    })
    .then(async (result) => {
      // Outside the key's lock: syncing takes the postmortem's own lock. A template may already hold action items.
      if (result.outcome === 'opened') await syncActionItems(ctx, result.number);
      return result;
    });
}

/**
 * Postmortem debts for the gate: the repository's open `action-item` issues
 * that the deploy-governor app opened (`performed_via_github_app`, set by
 * GitHub: anyone who can open an issue can paste a marker, and anyone with
 * triage can label it), with priority, owner and due date from their hidden
 * metadata, never from the title. Items without a priority or a due date are
 * no debt.
 */
import { z } from 'zod';
import type { ActionItemDebt } from '../core/postmortem/debt-rule.js';
import { readMeta } from '../core/postmortem/issue-metadata.js';
import type { GitHubClient } from './client.js';
import { openedByApp } from './open-issue.js';

/** The label the app gives every action-item issue (app/postmortems/sync-action-items.ts). */
const ACTION_ITEM_LABEL = 'action-item';
/** At most 1,000 open items are read; a repository with more has a problem no gate will fix. */
const MAX_PAGES = 10;

const issueShape = z.object({
  number: z.number().int(),
  body: z.string().nullable().optional(),
  pull_request: z.unknown().optional(),
  performed_via_github_app: z.object({ id: z.number().int(), slug: z.string().optional() }).nullable().optional(),
});

/**
 * Whose issues count: the app knows its own id; the Action and the CLI know the app by its slug (the policy's
 * `audit.app`, default `deploy-governor`). Slugs are unique on a GitHub instance and set by GitHub.
 */
export type DebtKeeper = { appId: number } | { appSlug: string };

function keptBy(issue: z.infer<typeof issueShape>, keeper: DebtKeeper): boolean {
  return 'appId' in keeper ? openedByApp(issue, keeper.appId) : issue.performed_via_github_app?.slug === keeper.appSlug;
}

/** The open action items the keeper opened that carry a priority and a due date; throws on any failed read (the gate fails closed). */
export async function readActionItemDebts(
  client: GitHubClient,
  owner: string,
  repo: string,
  keeper: DebtKeeper,
): Promise<ActionItemDebt[]> {
  const out: ActionItemDebt[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      state: 'open',
      labels: ACTION_ITEM_LABEL,
      per_page: 100,
      page,
    });
    const batch = z.array(issueShape).parse(data);
    for (const issue of batch) {
      if (issue.pull_request !== undefined || !keptBy(issue, keeper)) continue;
      const meta = readMeta('action-item', issue.body);
      if (!meta?.priority || !meta.due) continue;
      out.push({ issue: issue.number, postmortem: meta.postmortem, priority: meta.priority, owner: meta.owner, due: meta.due });
    }
    if (batch.length < 100) break;
  }
  return out;
}

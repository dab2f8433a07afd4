/**
 * Postmortem debts for the gate: the repository's open `action-item` issues
 * that the deploy-governor app opened (read by fleet-action-items.ts, which
 * the fleet view uses too: only the app's own issues count, since anyone who
 * can open an issue can paste a marker and anyone with triage can label it),
 * with priority, owner and due date from their hidden metadata, never from the
 * title. Items without a priority or a due date are no debt. Any failed read
 * throws (the gate fails closed).
 */
import type { ActionItemDebt } from '../core/postmortem/debt-rule.js';
import type { GitHubClient } from './client.js';
import { readOpenActionItems } from './fleet-action-items.js';
import type { AppKeeper } from './open-issue.js';

/** The open action items the keeper's app opened that carry a priority and a due date. */
export async function readActionItemDebts(client: GitHubClient, owner: string, repo: string, keeper: AppKeeper): Promise<ActionItemDebt[]> {
  const items = await readOpenActionItems(client, owner, repo, keeper);
  return items.flatMap(({ number, meta }) =>
    meta?.priority && meta.due
      ? [{ issue: number, postmortem: meta.postmortem, priority: meta.priority, owner: meta.owner, due: meta.due }]
      : [],
  );
}

/**
 * One alert issue (labelled `deploy-governor-alert`) for an audit log the app
 * refused to append to (write-audit-record.ts: a broken chain, an emptied,
 * deleted or moved log), whatever the record was: an override, or a change
 * class that let a deploy through. Keyed by the log and the problem, so a log
 * that stays broken raises one alert, not one per record.
 */
import { createHash } from 'node:crypto';
import { inert } from '../../src/core/render/inert-markdown.js';
import type { AuditLocation } from '../../src/github/append-audit-record.js';
import type { GitHubClient } from '../../src/github/client.js';
import { openIssueOnce } from '../../src/github/open-issue.js';

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export async function alertUntrustedLog(
  client: GitHubClient,
  appId: number,
  at: AuditLocation,
  refused: { problem: string; inLedger: boolean },
  /** What was not appended, in words (e.g. "the override 123-1-production"), and the record itself. */
  what: { name: string; record: Record<string, unknown> },
): Promise<void> {
  await openIssueOnce(
    client,
    at.owner,
    at.repo,
    {
      key: `alert-log-${shortHash(`${at.branch}:${at.path}:${refused.problem}`)}`,
      title: `deploy-governor: the audit log ${at.path} can no longer be trusted`,
      labels: ['deploy-governor-alert'],
      body: [
        `The app did not append ${inert(what.name)} to ${inert(at.path)} on ${inert(at.branch)}, because ${inert(refused.problem)}.`,
        '',
        refused.inLedger
          ? 'The record is kept in the ledger (AUDIT_LEDGER_REPO), so nothing is lost. Restore the log (its history, or the ledger), then check it with `deploy-governor audit verify --repo <owner/repo> --ledger <ledger>`.'
          : 'Without a ledger (AUDIT_LEDGER_REPO) the record is kept only here:',
        // Pretty-printed JSON cannot close the fence, and nothing inside a code block mentions, links or renders HTML.
        ...(refused.inLedger ? [] : ['```json', JSON.stringify(what.record, null, 2), '```']),
      ].join('\n'),
    },
    appId,
  );
}

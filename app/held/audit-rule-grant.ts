/**
 * The protection rule's change-class grants in the audit log: when the app
 * approves a blocked deployment because its class (read from GitHub by the app
 * itself) is allowed at the status, it records that before answering, whether
 * on the first answer or when a held deployment is released. A write that
 * fails throws, so the deployment stays pending and the delivery (or the next
 * tick) tries again: no grant without its record.
 */
import type { Logger } from 'probot';
import { classGrantRecord } from '../../src/core/audit/class-grant-record.js';
import type { GitHubClient } from '../../src/github/client.js';
import type { GateEvaluation } from '../../src/gate/evaluate-gate.js';
import type { FreezeServices } from '../freezes/freeze-deps.js';
import { auditClassGrant } from '../overrides/audit-class-grant.js';

/** The run the protection rule answers, as GitHub named it (the callback URL and the event). */
export interface RuleRun {
  owner: string;
  repo: string;
  runId: number;
  environment: string;
  sha: string | null;
  runUrl: string;
}

/** Records the grant when the evaluation let the deployment through on its class; nothing otherwise. */
export async function auditRuleGrant(
  o: { client: GitHubClient; appId: number; log: Logger; freezes: FreezeServices; now: Date },
  run: RuleRun,
  evaluation: Pick<GateEvaluation, 'report' | 'policy'>,
): Promise<void> {
  const record = classGrantRecord(evaluation.report, {
    repository: `${run.owner}/${run.repo}`,
    via: 'protection-rule',
    sha: run.sha,
    runId: run.runId,
    runAttempt: null,
    runUrl: run.runUrl,
    actor: null,
    at: o.now,
  });
  if (record === null) return;
  const { branch, path } = evaluation.policy.audit;
  await auditClassGrant(
    { client: o.client, appId: o.appId, log: o.log, ledger: o.freezes.ledger, now: o.now },
    { owner: run.owner, repo: run.repo, branch, path },
    record,
  );
}

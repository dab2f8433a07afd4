/**
 * Fills the postmortem's error-budget table where the app can reach Prometheus:
 * the repository's policy, for its `production` environment (or the only one it
 * names), evaluated at the incident's start and end through the gate service,
 * as the app runs it for a repository (repository-gate.ts). Null when there is
 * nothing to measure or it cannot be reached: a postmortem is never held up by
 * Prometheus.
 */
import type { Logger } from 'probot';
import type { PolicyFile } from '../../src/core/policy/schema.js';
import { budgetImpactRows } from '../../src/core/postmortem/budget-impact.js';
import type { BudgetImpactRow } from '../../src/core/postmortem/render-postmortem.js';
import { messageOf } from '../../src/github/client.js';
import type { AppConfig } from '../app-config.js';
import { evaluateForRepository } from '../repository-gate.js';

/** The environment whose budgets are measured: the only one the policy names, else `production`. */
export function measuredEnvironment(file: PolicyFile): string {
  const envs = Object.keys(file.environments ?? {});
  return envs.length === 1 ? envs[0]! : 'production';
}

export async function measureBudgetImpact(
  file: PolicyFile,
  config: AppConfig,
  window: { startedAt: string | null; endedAt: string | null },
  log: Logger,
  repository: { owner: string; repo: string; installationId: number | null },
): Promise<BudgetImpactRow[] | null> {
  if (!window.startedAt || !window.endedAt) return null;
  const environment = measuredEnvironment(file);
  try {
    const at = (now: string) =>
      evaluateForRepository({
        config,
        log,
        ...repository,
        environment,
        now: new Date(now),
        policy: { file },
        scope: 'budgets',
        attempts: 1,
      }).then((e) => e.report);
    const [before, after] = await Promise.all([at(window.startedAt), at(window.endedAt)]);
    const rows = budgetImpactRows(before, after);
    // Per-SLO failures do not throw (the gate isolates them): nothing measured at all means Prometheus was out of reach.
    if (rows.every((r) => r.before === null && r.after === null)) {
      log.info(
        { err: before.slos.find((s) => s.error)?.error ?? after.slos.find((s) => s.error)?.error },
        'postmortem: error-budget impact not measured',
      );
      return null;
    }
    return rows;
  } catch (error: unknown) {
    log.info({ err: messageOf(error) }, 'postmortem: error-budget impact not measured');
    return null;
  }
}

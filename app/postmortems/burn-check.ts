/**
 * The sweep's burn check for one repository (src/github/burn-incidents.ts):
 * the budget consumed over a trailing window, measured as a postmortem's
 * error-budget table is (measure-budget-impact.ts), through the gate service
 * and the Prometheus the app uses for that repository.
 */
import type { Logger } from 'probot';
import type { PolicyFile } from '../../src/core/policy/schema.js';
import { consumedFigures } from '../../src/core/postmortem/burn-rule.js';
import type { BurnCheck } from '../../src/github/burn-incidents.js';
import type { AppConfig } from '../app-config.js';
import { measureBudgetImpact, measuredEnvironment } from './measure-budget-impact.js';

export function burnCheck(
  file: PolicyFile,
  config: AppConfig,
  log: Logger,
  repository: { owner: string; repo: string; installationId: number | null },
): BurnCheck {
  return {
    appId: config.appId,
    environment: measuredEnvironment(file),
    async measure(from, to) {
      const rows = await measureBudgetImpact(file, config, { startedAt: from.toISOString(), endedAt: to.toISOString() }, log, repository);
      return rows ? consumedFigures(rows) : null;
    },
  };
}

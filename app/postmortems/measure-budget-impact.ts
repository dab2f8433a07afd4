/**
 * Fills the postmortem's error-budget table where the app can reach Prometheus:
 * the repository's policy, for its `production` environment (or the only one it
 * names), evaluated at the incident's start and end through the shared core,
 * against the operator's Prometheus (or an allow-listed one, without
 * credentials). Null when there is nothing to measure or it cannot be reached:
 * a postmortem is never held up by Prometheus.
 */
import type { Logger } from 'probot';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import type { PolicyFile } from '../../src/core/policy/schema.js';
import { budgetImpactRows } from '../../src/core/postmortem/budget-impact.js';
import type { BudgetImpactRow } from '../../src/core/postmortem/render-postmortem.js';
import { messageOf } from '../../src/github/client.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import type { AppConfig } from '../app-config.js';
import { withoutCredentials } from '../policy-without-credentials.js';
import { choosePrometheus, fetchWithoutRedirects } from '../prometheus-target.js';

export async function measureBudgetImpact(
  file: PolicyFile,
  config: AppConfig,
  window: { startedAt: string | null; endedAt: string | null },
  log: Logger,
): Promise<BudgetImpactRow[] | null> {
  if (!window.startedAt || !window.endedAt) return null;
  const envs = Object.keys(file.environments ?? {});
  const environment = envs.length === 1 ? envs[0]! : 'production';
  try {
    const policy = resolvePolicy(withoutCredentials(file), gateInputsSchema.parse({ environment }));
    const target = choosePrometheus(policy.prometheus?.url, config);
    const prometheus = new PrometheusClient({ ...target, retries: 1, fetch: fetchWithoutRedirects });
    const [before, after] = await Promise.all([
      evaluatePolicy({ policy: { ...policy, dr: null, freezeWindows: [] }, prometheus, now: new Date(window.startedAt) }),
      evaluatePolicy({ policy: { ...policy, dr: null, freezeWindows: [] }, prometheus, now: new Date(window.endedAt) }),
    ]);
    const rows = budgetImpactRows(before, after);
    // Per-SLO failures do not throw (the gate isolates them): nothing measured at all means Prometheus was out of reach.
    if (rows.every((r) => r.before === null && r.after === null)) {
      log.info({ err: before.slos.find((s) => s.error)?.error ?? after.slos.find((s) => s.error)?.error }, 'postmortem: error-budget impact not measured');
      return null;
    }
    return rows;
  } catch (error: unknown) {
    log.info({ err: messageOf(error) }, 'postmortem: error-budget impact not measured');
    return null;
  }
}

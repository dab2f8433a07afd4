/**
 * The policy's `alerting` section for one environment, with defaults: what
 * `generate rules` alerts on. Kept out of ResolvedPolicy because only the
 * generator reads it.
 */
import { mergePolicy } from '../policy/resolve-policy.js';
import type { AlertingConfig, PolicyFile } from '../policy/schema.js';
import { DEFAULT_ALERT_PAIRS, type BurnRatePair } from './recorded-series.js';

export const DEFAULT_MIN_TRAFFIC = 100;

export interface ResolvedAlerting {
  /** Fewest events in a pair's long window before it may fire. */
  minTraffic: number;
  pairs: BurnRatePair[];
  /** Extra labels on every generated alert. */
  labels: Record<string, string>;
}

/** `alerting` of the file's top level merged with `environments.<environment>.alerting` (arrays replace). */
export function resolveAlerting(file: PolicyFile, environment: string): ResolvedAlerting {
  const cfg: AlertingConfig = mergePolicy<AlertingConfig>(file.alerting ?? {}, file.environments?.[environment]?.alerting);
  return {
    minTraffic: cfg['min-traffic'] ?? DEFAULT_MIN_TRAFFIC,
    pairs: cfg['burn-rate-alerts']?.map((p) => ({ long: p.long, short: p.short, factor: p.factor, severity: p.severity, for: p.for ?? '2m' })) ?? DEFAULT_ALERT_PAIRS,
    labels: Object.fromEntries(Object.entries(cfg.labels ?? {}).sort(([a], [b]) => a.localeCompare(b))),
  };
}

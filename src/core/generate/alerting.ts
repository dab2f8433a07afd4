/**
 * The policy's `alerting` section for one environment, with defaults: what
 * `generate rules` alerts on. Kept out of ResolvedPolicy because only the
 * generator reads it.
 */
import { PolicyError } from '../policy/policy-error.js';
import { mergePolicy } from '../policy/resolve-policy.js';
import type { AlertingConfig, PolicyFile } from '../policy/schema.js';
import { DEFAULT_ALERT_PAIRS, type BurnRatePair } from './recorded-series.js';

const DEFAULT_MIN_TRAFFIC = 100;

export interface ResolvedAlerting {
  /** Fewest events in a pair's long window before it may fire. */
  minTraffic: number;
  /** One alerting rule each; factors for a 30-day window, scaled to the SLO window by the generator unless `pinned`. */
  pairs: BurnRatePair[];
  /** `window`: factors scaled by SLO window / 30d, as Sloth does; `pinned`: as written. */
  factorScaling: 'window' | 'pinned';
  /** Extra labels on every generated alert. */
  labels: Record<string, string>;
}

/**
 * `alerting` of the file's top level merged with `environments.<environment>.alerting` (arrays replace).
 * @throws PolicyError when two pairs of one severity have the same windows (their alerts would have the same labels)
 */
export function resolveAlerting(file: PolicyFile, environment: string, source = '.github/deploy-governor.yml'): ResolvedAlerting {
  const cfg: AlertingConfig = mergePolicy<AlertingConfig>(file.alerting ?? {}, file.environments?.[environment]?.alerting);
  const factorScaling = cfg['factor-scaling'] ?? 'window';
  const pinned = factorScaling === 'pinned' ? { pinned: true } : {};
  const pairs = (
    cfg['burn-rate-alerts']?.map((p) => ({ long: p.long, short: p.short, factor: p.factor, severity: p.severity, for: p.for ?? '2m' })) ??
    DEFAULT_ALERT_PAIRS
  ).map((p) => ({ ...p, ...pinned }));
  const seen = new Map<string, number>();
  for (const [i, p] of pairs.entries()) {
    const key = `${p.severity} ${p.long} ${p.short}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const where = file.environments?.[environment]?.alerting?.['burn-rate-alerts']
        ? `environments.${environment}.alerting.burn-rate-alerts`
        : 'alerting.burn-rate-alerts';
      throw new PolicyError(source, [
        {
          path: `${where}[${i}]`,
          message: `a second ${p.severity} pair over ${p.long} and ${p.short} (the first is [${first}]): each pair is its own alert, labelled by its windows, so two would be indistinguishable; keep one`,
        },
      ]);
    }
    seen.set(key, i);
  }
  return {
    minTraffic: cfg['min-traffic'] ?? DEFAULT_MIN_TRAFFIC,
    pairs,
    factorScaling,
    labels: Object.fromEntries(Object.entries(cfg.labels ?? {}).sort(([a], [b]) => a.localeCompare(b))),
  };
}

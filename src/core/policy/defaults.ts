/**
 * What a policy that leaves a key out gets: one place for the gate (resolve-policy.ts) and for the locks
 * that compare a child's effective values with its parent's (inherit/locks.ts), so the two never disagree.
 */
import type { Permission } from './permissions.js';
import type { BurnRateGuardConfig } from './schema.js';

export const DEFAULT_BLOCK_ON = 'WARNING';

/** Percent of the error budget remaining below which each status starts. */
export const DEFAULT_THRESHOLDS = { caution: 80, warning: 50, freeze: 20 } as const;

/** The SRE workbook's fast page: both windows over 14.4x. */
export const DEFAULT_GUARDS: readonly BurnRateGuardConfig[] = [{ long: '1h', short: '5m', factor: 14.4 }];

/** The role an override of each level needs. */
export const DEFAULT_LEVEL_PERMISSIONS: Readonly<Record<'warning' | 'freeze' | 'exhausted', Permission>> = {
  warning: 'write',
  freeze: 'maintain',
  exhausted: 'admin',
};

export const DEFAULT_MIN_REASON_LENGTH = 10;

/** The role that may freeze and unfreeze on command (`freezes.permission`). */
export const DEFAULT_FREEZE_PERMISSION: Permission = 'maintain';
/** `on-block: hold`: the longest hold unless the policy sets `hold.limit`, and GitHub's own bound on it (30 days). */
export const DEFAULT_HOLD_LIMIT = '24h';
export const HOLD_LIMIT_MAX_MS = 30 * 86_400_000;

/** How often a held deployment is evaluated again unless `hold.interval` says, and the shortest period allowed. */
export const DEFAULT_HOLD_INTERVAL = '5m';
export const HOLD_INTERVAL_MIN_MS = 60_000;

/**
 * Deploy statuses, from healthy to worst. `UNKNOWN` means the gate could not decide
 * (Prometheus unreachable, no traffic, a bad query); it ranks above every budget
 * status so that nothing healthy can hide it.
 */
export const STATUSES = ['NORMAL', 'CAUTION', 'WARNING', 'FREEZE', 'EXHAUSTED', 'UNKNOWN'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses that `block-on` may name (UNKNOWN is governed by `on-error` instead). */
export const BLOCKABLE_STATUSES = ['CAUTION', 'WARNING', 'FREEZE', 'EXHAUSTED'] as const;
export type BlockableStatus = (typeof BLOCKABLE_STATUSES)[number];

/** Rank of a status: larger is worse. */
export function statusRank(status: Status): number {
  return STATUSES.indexOf(status);
}

/** The worse of two statuses. */
function worseStatus(a: Status, b: Status): Status {
  return statusRank(a) >= statusRank(b) ? a : b;
}

/** The worst status of a list (NORMAL for an empty list). */
export function worstStatus(statuses: readonly Status[]): Status {
  return statuses.reduce<Status>(worseStatus, 'NORMAL');
}

/** True when `status` is at or past `threshold`. */
export function isAtOrPast(status: Status, threshold: Status): boolean {
  return statusRank(status) >= statusRank(threshold);
}

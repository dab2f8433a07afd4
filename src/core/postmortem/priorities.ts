/** Priorities an action item may carry, most urgent first (the error-budget policy's P0: the fix that must ship). */
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type Priority = (typeof PRIORITIES)[number];

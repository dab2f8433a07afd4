/** What a budget exclusion is for: planned work, an outage of something the service depends on, an approved load test. */
export const EXCLUSION_KINDS = ['maintenance', 'dependency', 'load-test'] as const;
export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];

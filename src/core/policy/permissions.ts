/** GitHub repository roles, lowest first (custom roles rank as their base permission). */
export const PERMISSIONS = ['read', 'triage', 'write', 'maintain', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

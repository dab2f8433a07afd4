/**
 * The policy's `change-classes` section (issue 16): what a deploy changes
 * decides what a blocked status still lets through, as the SRE workbook's
 * error-budget policy says ("only P0 fixes, security fixes and rollbacks ship
 * while out of budget"). Absent: every deploy is a `feature`, nothing changes.
 */
import { z } from 'zod';
import { BLOCKABLE_STATUSES, isAtOrPast, type BlockableStatus, type Status } from '../status.js';
import { enumSchema } from '../policy/enum-schema.js';
import { PERMISSIONS, type Permission } from '../policy/permissions.js';

/** The classes every policy knows. `feature` is the default and is never allowed through a block. */
const BUILT_IN_CLASSES = ['rollback', 'security', 'hotfix', 'feature'] as const;

/** Where a class may come from, in the order they are consulted. */
export const CLASS_SOURCES = ['input', 'label', 'trailer', 'rollback'] as const;
export type ClassSource = (typeof CLASS_SOURCES)[number];

/**
 * The workbook's defaults: a freeze lets rollbacks, security fixes and hotfixes (the workbook's "P0 fixes")
 * through; an exhausted budget only rollbacks and security fixes. A class allowed at a status is allowed at every
 * milder one too.
 */
const DEFAULT_ALLOW: Readonly<Partial<Record<BlockableStatus, readonly string[]>>> = {
  FREEZE: ['rollback', 'security', 'hotfix'],
  EXHAUSTED: ['rollback', 'security'],
};

const className = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, { message: 'expected a class name of lower-case letters, digits and dashes, e.g. data-fix' });

export const changeClassesSchema = z
  .strictObject({
    classes: z
      .array(className)
      .max(20)
      .optional()
      .meta({
        description: 'Classes of your own besides rollback, security, hotfix and feature, e.g. [data-fix].',
        examples: [['data-fix']],
      }),
    allow: z.partialRecord(z.enum(BLOCKABLE_STATUSES), z.array(className).max(24)).optional().meta({
      description:
        'Which classes each blocking status still lets through; a class allowed at a status passes every milder one too. UNKNOWN (the gate could not evaluate) lets nothing through. `feature` can never be listed.',
      default: DEFAULT_ALLOW,
    }),
    sources: z
      .array(enumSchema(CLASS_SOURCES))
      .min(1)
      .optional()
      .meta({
        description:
          'Where a class may come from, consulted in this order: `input` (the change-class input or --change-class), `label` (deploy-class:<name> on the pull requests of the deployed commits), `trailer` (a Deploy-Class: commit trailer), `rollback` (detected from the Deployments API).',
        default: [...CLASS_SOURCES],
      }),
    permission: enumSchema(PERMISSIONS).optional().meta({
      description:
        "Lowest repository role that may choose a class that lets a blocked deploy through, by the input or by applying the label (the labeller's role is read from GitHub). Default: the role the status's override level needs.",
    }),
  })
  .superRefine((c, ctx) => {
    const known = new Set<string>([...BUILT_IN_CLASSES, ...(c.classes ?? [])]);
    for (const [status, names] of Object.entries(c.allow ?? {})) {
      names.forEach((name, i) => {
        if (name === 'feature')
          ctx.addIssue({
            code: 'custom',
            path: ['allow', status, i],
            message: 'feature is what a block stops; it cannot be allowed through one',
          });
        else if (!known.has(name))
          ctx.addIssue({
            code: 'custom',
            path: ['allow', status, i],
            message: `unknown class ${JSON.stringify(name)}; expected one of ${[...known].join(', ')} (add your own under classes)`,
          });
      });
    }
  })
  .meta({ description: 'Change classes: what a blocked status still lets through (rollbacks, security fixes, hotfixes).' });

export type ChangeClassesConfig = z.infer<typeof changeClassesSchema>;

/** The section as the gate uses it. */
export interface ResolvedChangeClasses {
  /** Every class name the policy knows (built-in first). */
  known: string[];
  allow: Partial<Record<BlockableStatus, string[]>>;
  sources: ClassSource[];
  /** Null: the override level's permission for the status. */
  permission: Permission | null;
}

export function resolveChangeClasses(config: ChangeClassesConfig | undefined): ResolvedChangeClasses | null {
  if (config === undefined) return null;
  return {
    known: [...BUILT_IN_CLASSES, ...(config.classes ?? []).filter((c) => !(BUILT_IN_CLASSES as readonly string[]).includes(c))],
    allow: Object.fromEntries(Object.entries(config.allow ?? DEFAULT_ALLOW).map(([s, names]) => [s, [...names]])),
    sources: [...(config.sources ?? CLASS_SOURCES)],
    permission: config.permission ?? null,
  };
}

/** The classes that `status` lets through: those allowed at it or at any worse status. UNKNOWN lets none through. */
export function classesAllowedAt(classes: ResolvedChangeClasses, status: Status): string[] {
  if (status === 'UNKNOWN' || status === 'NORMAL') return [];
  const out = new Set<string>();
  for (const s of BLOCKABLE_STATUSES) if (isAtOrPast(s, status)) for (const name of classes.allow[s] ?? []) out.add(name);
  return classes.known.filter((name) => out.has(name));
}

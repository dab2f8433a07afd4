/**
 * Machine-readable facts the app keeps in the issues it opens (postmortems,
 * action items, incidents), as one hidden HTML comment at the end of the body:
 * `<!-- deploy-governor:<kind> {json} -->`. The JSON is escaped so that nothing
 * inside can end the comment, and it is validated with zod when read back: the
 * body is editable by people with write access, so a marker is a hint the app
 * checks, never an authority on who may do what.
 */
import { z } from 'zod';
import { PRIORITIES } from './priorities.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 time' });

/** A postmortem issue. */
const postmortemMetaSchema = z.object({
  /** The incident issue (number in this repository), or null when opened from a pull request or a plain issue. */
  incident: z.number().int().positive().nullable(),
  severity: z.string().nullable(),
  /** Login of whoever opened it; null when Alertmanager did. */
  author: z.string().nullable(),
  startedAt: isoTime.nullable(),
  /** When the incident ended: the alert's endsAt, or the incident issue's closed_at. */
  endedAt: isoTime.nullable(),
  /** Set when the postmortem was published (every approval ticked). */
  publishedAt: isoTime.nullable().optional(),
  /** Dedup key of the Alertmanager group that opened it. */
  alertKey: z.string().nullable().optional(),
  /**
   * The app's own measurement when it opened the postmortem: percentage points of each SLO's budget the incident
   * consumed (burn-rule.ts). Absent when nothing was measured, and in postmortems opened before it was recorded.
   */
  budget: z.array(z.object({ slo: z.string().min(1), consumed: z.number().finite() })).optional(),
});
export type PostmortemMeta = z.infer<typeof postmortemMetaSchema>;

/** An action-item issue. */
const actionItemMetaSchema = z.object({
  postmortem: z.number().int().positive(),
  /** The item's identity in its postmortem (see action-items.ts). */
  key: z.string().min(1).max(200),
  horizon: z.enum(['short', 'medium', 'long']).nullable(),
  owner: z.string().nullable(),
  due: isoDate.nullable(),
  /** `P0`..`P3` from the item's line (absent in issues opened before priorities, and when the line has none). */
  priority: z.enum(PRIORITIES).nullable().optional(),
});
export type ActionItemMeta = z.infer<typeof actionItemMetaSchema>;

/** An incident issue opened from Alertmanager. */
const incidentMetaSchema = z.object({
  alertKey: z.string().min(1),
  startedAt: isoTime,
  endedAt: isoTime.nullable(),
  severity: z.string().nullable(),
});

/** An incident issue the app's sweep opened for a burn of error budget (burn-incident-plan.ts). */
const burnIncidentMetaSchema = z.object({
  slo: z.string().min(1).max(200),
  environment: z.string().min(1).max(100),
  /** Percentage points of the budget consumed over `from`..`to`. */
  consumed: z.number().finite(),
  threshold: z.number().finite(),
  from: isoTime,
  to: isoTime,
});
export type BurnIncidentMeta = z.infer<typeof burnIncidentMetaSchema>;

/**
 * A freeze on command (src/core/freeze/freeze-command.ts), in a `deploy-freeze`
 * issue. Strict: a hand-edited record with any other key is no record.
 */
const freezeRecordSchema = z.strictObject({
  /** An environment name, or `all`. */
  scope: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/),
  /** When the freeze ends (ISO 8601, exclusive). */
  until: isoTime,
  reason: z.string().min(1).max(300),
  /** Login of whoever froze. */
  by: z.string().min(1).max(100),
  /** When the freeze was set. */
  at: isoTime,
});
export type FreezeRecord = z.infer<typeof freezeRecordSchema>;

const schemas = {
  postmortem: postmortemMetaSchema,
  'action-item': actionItemMetaSchema,
  incident: incidentMetaSchema,
  'burn-incident': burnIncidentMetaSchema,
  freeze: freezeRecordSchema,
} as const;
export type MetaKind = keyof typeof schemas;
type MetaOf<K extends MetaKind> = z.infer<(typeof schemas)[K]>;

const prefix = (kind: MetaKind) => `<!-- deploy-governor:${kind} `;

/**
 * The hidden marker for a body. `<` and `>` are \u-escaped, so the JSON can never close the comment, and so is
 * `@`, so that user text in it (a freeze's reason) holds no mention even where the comment is shown raw.
 */
export function renderMeta<K extends MetaKind>(kind: K, data: MetaOf<K>): string {
  const json = JSON.stringify(schemas[kind].parse(data)).replace(/[<>@]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${prefix(kind)}${json} -->`;
}

/** The last valid marker of this kind in a body; null when there is none or it does not validate. */
export function readMeta<K extends MetaKind>(kind: K, body: string | null | undefined): MetaOf<K> | null {
  if (!body) return null;
  const start = body.lastIndexOf(prefix(kind));
  if (start < 0) return null;
  const end = body.indexOf(' -->', start);
  if (end < 0) return null;
  try {
    const parsed = schemas[kind].safeParse(JSON.parse(body.slice(start + prefix(kind).length, end)));
    return parsed.success ? (parsed.data as MetaOf<K>) : null;
  } catch {
    // Not JSON: someone edited the marker by hand; treat it as absent.
    return null;
  }
}

/** The body with its marker of this kind replaced (or appended). */
export function writeMeta<K extends MetaKind>(kind: K, body: string, data: MetaOf<K>): string {
  const marker = renderMeta(kind, data);
  const start = body.lastIndexOf(prefix(kind));
  const end = start < 0 ? -1 : body.indexOf(' -->', start);
  if (start < 0 || end < 0) return `${body.replace(/\s+$/, '')}\n\n${marker}`;
  return `${body.slice(0, start)}${marker}${body.slice(end + 4)}`;
}

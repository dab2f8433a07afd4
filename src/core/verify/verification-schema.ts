/**
 * The verdict of a post-deploy verification, `deploy-governor/verification@1`:
 * written to `verdict-path` by the Action's `phase: verify` and by
 * `deploy-governor verify`, printed by `deploy-governor verify --json`, and
 * carried by the check run `deploy-governor / <environment> / verify`. Adding
 * optional fields is compatible; renaming or removing one needs `verification@2`.
 * JSON Schema: schema/verification.schema.json (`npm run schema`).
 */
import { z } from 'zod';
import { reportSchema } from '../report/report-schema.js';

export const VERIFICATION_SCHEMA_ID = 'deploy-governor/verification@1';

/** Most samples kept per SLO (the newest): a 6-hour bake at 5-second polls would otherwise outgrow a check run. */
export const MAX_SAMPLES_PER_SLO = 60;

/** What one poll read for one SLO. */
const sampleSchema = z.object({
  /** The poll's evaluation time (ISO 8601). */
  at: z.string(),
  /**
   * `measured`: the short window's burn rate; `no-data`: a query returned no samples; `no-traffic`: nothing to
   * count in the window; `error`: Prometheus failed or answered something unusable. Only `measured` is judged.
   */
  state: z.enum(['measured', 'no-data', 'no-traffic', 'error']),
  /** Burn rate over the short window (null unless measured). */
  burnRate: z.number().nullable(),
  /** Above both the factor × the pre-deploy rate and the floor. */
  regressed: z.boolean(),
  /** Why the poll has no burn rate (the query, or Prometheus's error). */
  detail: z.string().optional(),
});

/** One SLO's verdict. */
const sloVerdictSchema = z.object({
  name: z.string(),
  /** Objective in percent. */
  objective: z.number(),
  /** The gate's pre-deploy burn rate (its 1h `burnRate`); null when the gate's report has none (then only the floor applies). */
  burnBefore: z.number().nullable(),
  /** The short-window burn rate of the last measured poll (the regressed one, when it regressed); null when none was measured. */
  burnAfter: z.number().nullable(),
  /** The rate a poll had to exceed: max(factor × burnBefore, floor). */
  limit: z.number(),
  /** `pass`: every measured poll stayed within the limit; `regressed`: one did not; `unknown`: no poll was measured. */
  verdict: z.enum(['pass', 'regressed', 'unknown']),
  /** The newest polls (at most MAX_SAMPLES_PER_SLO), oldest first. */
  samples: z.array(sampleSchema),
  /** Polls left out of `samples` (the oldest). */
  samplesOmitted: z.number().int().nonnegative().optional(),
});

export const verificationSchema = z.object({
  schema: z.literal(VERIFICATION_SCHEMA_ID),
  environment: z.string(),
  /**
   * `pass`: no SLO regressed and every SLO was measured; `regressed`: an SLO regressed (the bake ended at that
   * poll); `unknown`: no regression, but an SLO had no measured poll.
   */
  verdict: z.enum(['pass', 'regressed', 'unknown']),
  /** Whether the step passes: `pass`, or `unknown` under `no-data: pass`. */
  passed: z.boolean(),
  regressed: z.boolean(),
  /** The deciding SLO's pre-deploy burn rate (the regressed one, else the one closest to its limit). */
  burnBefore: z.number().nullable(),
  /** The deciding SLO's post-deploy short-window burn rate. */
  burnAfter: z.number().nullable(),
  /** The settings the bake ran with. */
  settings: z.object({
    bake: z.string(),
    interval: z.string(),
    window: z.string(),
    factor: z.number(),
    floor: z.number(),
    noData: z.enum(['fail', 'pass']),
  }),
  /** When the bake started and ended (ISO 8601). */
  startedAt: z.string(),
  endedAt: z.string(),
  /** Polls made, and how many the full bake has. */
  polls: z.number().int().nonnegative(),
  plannedPolls: z.number().int().positive(),
  /** A regression ended the bake before its last poll. */
  endedEarly: z.boolean(),
  slos: z.array(sloVerdictSchema),
  /** Human reasons, the deciding one first. */
  reasons: z.array(z.string()),
  /** What to do: roll back (with the command, when the workflow gave one), or nothing. Null when nothing is to be done. */
  recommendation: z.string().nullable(),
  /** The workflow's rollback command, as given (`rollback-command`); shown inert, never run. */
  rollbackCommand: z.string().nullable(),
  /** The gate's report this verification compared against. */
  gate: z.object({ evaluatedAt: z.string(), runId: z.number().int().nullable() }),
  prometheus: z.object({ url: z.string().nullable(), queries: z.number().int() }),
  run: reportSchema.shape.run,
});

export type Verification = z.infer<typeof verificationSchema>;
export type SloVerdict = z.infer<typeof sloVerdictSchema>;
export type VerifySample = z.infer<typeof sampleSchema>;

/**
 * Which burns of error budget open an incident (the sweep's half of the 20%
 * rule): an SLO whose budget consumed over the trailing window
 * (`postmortems.burn-incident-within`) exceeds `require-p0-above`, while no
 * incident the app opened is open. Pure: src/github/burn-incidents.ts reads
 * the incidents and opens what this plans, once per key.
 *
 * The key is the SLO, the environment and the UTC day the burn is seen, and a
 * burn incident for the same SLO and environment opened less than one window
 * ago (open or closed) stops another: the same burn is still inside the window
 * the next day, and a closed incident is somebody's decision, not reopened.
 */
import type { BudgetFigure } from './burn-rule.js';
import type { BurnIncidentMeta } from './issue-metadata.js';
import { utcDate } from './sweep-plan.js';

/** An incident issue as the sweep reads it back. */
export interface KnownIncident {
  state: 'open' | 'closed';
  /** ISO 8601, GitHub's. */
  createdAt: string;
  /** GitHub's `performed_via_github_app` is this app: only those count, so a planted issue silences nothing. */
  openedByApp: boolean;
  /** Its burn marker, when the sweep opened it. */
  burn: BurnIncidentMeta | null;
}

/** One incident to open. */
export interface PlannedBurnIncident {
  key: string;
  meta: BurnIncidentMeta;
}

export function planBurnIncidents(input: {
  now: Date;
  threshold: number;
  withinMs: number;
  environment: string;
  /** Budget consumed per SLO over `now - withinMs`..`now`. */
  figures: readonly BudgetFigure[];
  incidents: readonly KnownIncident[];
}): PlannedBurnIncident[] {
  const ours = input.incidents.filter((i) => i.openedByApp);
  if (ours.some((i) => i.state === 'open')) return [];
  const from = new Date(input.now.getTime() - input.withinMs).toISOString();
  const to = input.now.toISOString();
  return input.figures
    .filter((f) => f.consumed > input.threshold)
    .filter(
      (f) =>
        !ours.some(
          (i) =>
            i.burn?.slo === f.slo &&
            i.burn.environment === input.environment &&
            input.now.getTime() - Date.parse(i.createdAt) < input.withinMs,
        ),
    )
    .map((f) => ({
      key: `incident-burn-${input.environment}-${f.slo}-${utcDate(input.now)}`,
      meta: { slo: f.slo, environment: input.environment, consumed: f.consumed, threshold: input.threshold, from, to },
    }));
}

/**
 * When an incident started, for its postmortem's budget table: a burn incident covers the burn the sweep saw
 * before opening it, so its window starts at the burn's `from`. Only ever earlier than the creation
 * (GitHub's time), so an edited marker can widen the measured window, never narrow it.
 */
export function incidentStart(createdAt: string, burn: BurnIncidentMeta | null): string {
  return burn && Date.parse(burn.from) < Date.parse(createdAt) ? burn.from : createdAt;
}

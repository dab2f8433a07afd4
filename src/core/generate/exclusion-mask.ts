/**
 * Budget exclusions in the generated rules: PromQL has the clock (`time()`) but
 * no calendar or time zones, so only one-off exclusions (`from`/`to`) become a
 * mask, `vector(time()) >= from and vector(time()) < to + base`, which the SLO
 * window's base recordings are `unless`-ed with: a masked minute records no
 * rate, so the window's sums leave it out of both errors and events. The mask
 * runs one base window past `to` because a rate recorded then still covers the
 * interval's last minutes: every excluded event is left out, and so are the
 * events of the base window before `from` that the first masked rates cover
 * (the rules are exact to within a base window at each edge; the gate is exact). Recurring
 * exclusions (a cron in a time zone, with daylight saving and calendar months)
 * cannot be stated in PromQL: the rule file says so, and the gate subtracts
 * them itself (src/core/exclusions/). Ratio SLIs record no counts, so nothing is
 * masked for them (the gate does not exclude from them either).
 */
import type { ExclusionConfig } from '../exclusions/exclusion-schema.js';

export interface ExclusionMask {
  /** The PromQL condition that holds while a one-off exclusion is open; null when there is none. */
  expr: string | null;
  /** What the rules cannot mask, for the rule file's header. */
  unmasked: string[];
}

const seconds = (ms: number) => String(ms / 1000);

/** @param baseMs the base window of the rates the mask applies to */
export function exclusionMask(exclusions: readonly ExclusionConfig[], baseMs: number): ExclusionMask {
  const conditions: string[] = [];
  const unmasked: string[] = [];
  for (const x of exclusions) {
    if (x.from !== undefined && x.to !== undefined) {
      conditions.push(`(vector(time()) >= ${seconds(Date.parse(x.from))} and vector(time()) < ${seconds(Date.parse(x.to) + baseMs)})`);
    } else {
      unmasked.push(
        `exclusion "${x.name}" (cron "${x.cron}" in ${x.timezone ?? 'UTC'}, ${x.duration}) is not masked in these rules: PromQL has no time zones or calendar, so the recorded budget counts it; the gate leaves it out`,
      );
    }
  }
  return { expr: conditions.length === 0 ? null : conditions.join(' or '), unmasked };
}

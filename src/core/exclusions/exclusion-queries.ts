/**
 * The gate's PromQL for a budget with exclusions: for each of errors and
 * totals, one query holding the SLO window's count and, for every excluded
 * interval, the count over that interval pinned with `@` at its end:
 *
 *     label_replace(<count over 30d>, "dg_part", "window", "", "")
 *     or label_replace(<count over 2h> @ <end of interval 0>, "dg_part", "0", "", "")
 *     or …
 *
 * Two queries per SLO whatever the number of intervals (bounded by
 * MAX_EXCLUDED_INTERVALS, so each query stays a few kilobytes). The counts are
 * the SLI kind's own (the `counts` of `recording`, which the generated rules
 * record too), so an absent error series is zero errors here as everywhere.
 */
import { formatPromDuration } from '../duration.js';
import { SliError } from '../evaluate/sli-error.js';
import { sliKindOf, type ResolvedSli } from '../sli/registry.js';
import type { ExcludedInterval } from './excluded-intervals.js';

/** Stands for the window while the kind builds its query, so each range it ends up in can be pinned. */
const WINDOW_SENTINEL = '__deploy_governor_window__';
/** The label that tells the parts of a combined answer apart. */
export const PART_LABEL = 'dg_part';
/** The part that holds the SLO window's own count. */
export const WINDOW_PART = 'window';

/** `expr` over `length` ending at `endMs`: every range the window went into becomes `[length] @ end`. */
export function pinToInterval(expr: string, length: string, endMs: number): string {
  const at = (endMs / 1000).toFixed(3);
  const pinned = expr.replace(new RegExp(`\\[\\s*${WINDOW_SENTINEL}\\s*(:[^\\]]*)?\\]`, 'g'), (_m, step: string | undefined) => {
    return `[${length}${step ?? ''}] @ ${at}`;
  });
  if (pinned.includes(WINDOW_SENTINEL)) {
    throw new SliError(
      `the query uses {{window}} outside a range selector ([{{window}}]), so its count over an excluded interval cannot be pinned with @: ${expr.replaceAll(WINDOW_SENTINEL, '{{window}}')}`,
    );
  }
  return pinned;
}

function tagged(expr: string, part: string): string {
  return `label_replace(${expr}, "${PART_LABEL}", "${part}", "", "")`;
}

/**
 * The two queries (errors, totals) for `sli` over `window` at the evaluation time minus each of `intervals`.
 * @throws Error for a kind without event counts (ratio SLIs: the caller leaves their budget unexcluded)
 */
export function exclusionQueries(
  sli: ResolvedSli,
  window: string,
  intervals: readonly ExcludedInterval[],
): { error: string; total: string } {
  const kind = sliKindOf(sli);
  const atWindow = kind.recording(sli, window);
  const atSentinel = kind.recording(sli, WINDOW_SENTINEL);
  if (!('counts' in atWindow) || !('counts' in atSentinel)) throw new Error(`SLI kind ${sli.kind} has no event counts to exclude from`);
  const build = (role: 'error' | 'total') =>
    [
      tagged(atWindow.counts[role], WINDOW_PART),
      ...intervals.map((iv, i) =>
        tagged(
          pinToInterval(atSentinel.counts[role], formatPromDuration(iv.end.getTime() - iv.start.getTime()), iv.end.getTime()),
          String(i),
        ),
      ),
    ].join(' or ');
  return { error: build('error'), total: build('total') };
}

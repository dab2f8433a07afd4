/**
 * `sli.good-events`: good events and all events over a window, each a PromQL
 * template (OpenSLO's good/total ratio metric). Errors are total − good as a
 * **clamped difference**: `increase()` extrapolates each series to the window's
 * edges on its own, so when good and total are different series (scraped at
 * different times, a histogram bucket against its count) the good estimate can
 * come out a little above the total. That is rounding, not negative errors: the
 * difference is clamped at 0 and never reported as a bad counter.
 *
 * Over a day or more, extrapolation moves a count by far less than 1 %, so a
 * good count more than 1 % above the total there means the two queries do not
 * count the same events (good must be a subset of total), and the gate says so
 * instead of reading it as zero errors. An absent good series is zero good
 * events (every event an error: it fails closed), an absent total is no data.
 */
import { z } from 'zod';
import { parseDurationMs } from '../../duration.js';
import { SliError } from '../../evaluate/sli-error.js';
import { renderWindowQuery, sumOf } from '../../promql/promql.js';
import { finiteCount, measured, noData, noTraffic, single } from '../read-answers.js';
import { defineSliKind } from '../sli-kind.js';
import { windowQuerySchema } from '../window-query-schema.js';

export interface GoodEventsSli {
  kind: 'good-events';
  /** Template for good events over `{{window}}`. */
  good: string;
  /** Template for all events over `{{window}}`. */
  total: string;
}

/** Windows at least this long hold the good count to the total within GOOD_SLACK. */
const CHECKED_WINDOW_MS = 86_400_000;
/** How far good may exceed total on a checked window before it is a query mistake rather than extrapolation. */
const GOOD_SLACK = 0.01;

const queries = (sli: GoodEventsSli, window: string) => ({
  good: renderWindowQuery(sli.good, window),
  total: renderWindowQuery(sli.total, window),
});

function windowMs(window: string): number {
  try {
    return parseDurationMs(window);
  } catch {
    return 0;
  }
}

/** The error count of one window: total − good, clamped at 0 (see the module comment). */
function clampedErrors(good: number, total: number): number {
  return Math.max(total - good, 0);
}

export const goodEventsSli = defineSliKind({
  kind: 'good-events',
  schema: z
    .strictObject({
      good: windowQuerySchema.meta({
        description:
          "PromQL for good events over `{{window}}`, a subset of the total's events; an empty result counts as zero good events (every event an error).",
      }),
      total: windowQuerySchema.meta({
        description: 'PromQL for all events over `{{window}}`; an empty result means no data and zero means no traffic (status UNKNOWN).',
      }),
    })
    .meta({
      description:
        "Good and total event counts (OpenSLO's good/total ratio metric): errors are total − good, clamped at 0 because increase() extrapolates each series separately and can put good a little above total.",
    }),
  resolve: (config): GoodEventsSli => ({ kind: 'good-events', good: config.good, total: config.total }),
  countsEvents: true,
  queries,
  trafficQuery: (sli, window) => renderWindowQuery(sli.total, window),
  async measure(sli, window, prometheus, time) {
    const q = queries(sli, window);
    const [goodResult, totalResult] = await Promise.all([prometheus.query(q.good, time), prometheus.query(q.total, time)]);
    const total = finiteCount(single(totalResult, q.total, 'total'), q.total, 'total');
    if (total === null) return noData(q.total, 'the total query returned no samples');
    if (total === 0) return noTraffic(q.total, 'the total query returned 0');
    // No good series at all (nothing succeeded, or a brand-new series): zero good events, never "no data".
    const good = finiteCount(single(goodResult, q.good, 'good'), q.good, 'good') ?? 0;
    if (good > total * (1 + GOOD_SLACK) && windowMs(window) >= CHECKED_WINDOW_MS) {
      throw new SliError(
        `over ${window}: the good query counts more events than the total query (good ${good}, total ${total}); the good query must count a subset of the total query's events (good: ${q.good}; total: ${q.total})`,
      );
    }
    return measured(clampedErrors(good, total) / total);
  },
  recording(sli, window) {
    const total = sumOf(renderWindowQuery(sli.total, window));
    const good = sumOf(renderWindowQuery(sli.good, window));
    // No good series is zero good events; extrapolation can put good a hair above total: clamp, as the gate does.
    return { counts: { error: `clamp_min(${total} - (${good} or 0 * ${total}), 0)`, total } };
  },
  // Its budget, burn-rate and compliance panels say all there is: no panel of its own.
  dashboardPanel: () => null,
  wording: { traffic: 'the total query' },
});

/**
 * `sli.events`: bad events and all events over a window, each a PromQL template.
 * The error ratio is error/total over the same window (traffic-weighted); an
 * absent error series is zero errors, an absent total is no data.
 */
import { z } from 'zod';
import { renderWindowQuery, sumOf } from '../../promql/promql.js';
import { boundedRatio, finiteCount, measured, noData, noTraffic, single } from '../read-answers.js';
import { defineSliKind } from '../sli-kind.js';
import { windowQuerySchema } from '../window-query-schema.js';

export interface EventsSli {
  kind: 'events';
  /** Template for bad events over `{{window}}`. */
  error: string;
  /** Template for all events over `{{window}}`. */
  total: string;
}

const queries = (sli: EventsSli, window: string) => ({
  error: renderWindowQuery(sli.error, window),
  total: renderWindowQuery(sli.total, window),
});

export const eventsSli = defineSliKind({
  kind: 'events',
  schema: z
    .strictObject({
      error: windowQuerySchema.meta({ description: 'PromQL for bad events over `{{window}}`; an empty result counts as zero errors.' }),
      total: windowQuerySchema.meta({
        description: 'PromQL for all events over `{{window}}`; an empty result means no data and zero means no traffic (status UNKNOWN).',
      }),
    })
    .meta({ description: 'Error and total event counts; the error ratio is error/total over the same window (traffic-weighted).' }),
  resolve: (config): EventsSli => ({ kind: 'events', error: config.error, total: config.total }),
  countsEvents: true,
  queries,
  trafficQuery: (sli, window) => renderWindowQuery(sli.total, window),
  async measure(sli, window, prometheus, time) {
    const q = queries(sli, window);
    const [errorResult, totalResult] = await Promise.all([prometheus.query(q.error, time), prometheus.query(q.total, time)]);
    const total = finiteCount(single(totalResult, q.total, 'total'), q.total, 'total');
    if (total === null) return noData(q.total, 'the total query returned no samples');
    if (total === 0) return noTraffic(q.total, 'the total query returned 0');
    // No error series at all (a service that never failed) is zero errors, not missing data.
    const errors = finiteCount(single(errorResult, q.error, 'error'), q.error, 'error') ?? 0;
    return measured(boundedRatio(errors / total, window));
  },
  recording(sli, window) {
    const total = sumOf(renderWindowQuery(sli.total, window));
    // No error series at all is zero errors, not a gap: the ratio must stay defined while there is traffic.
    return { counts: { error: `(${sumOf(renderWindowQuery(sli.error, window))} or 0 * ${total})`, total } };
  },
  // Its budget, burn-rate and compliance panels say all there is: no panel of its own.
  dashboardPanel: () => null,
  wording: { traffic: 'the total query' },
});

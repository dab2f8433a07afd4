/**
 * `sli.ratio`: a query that returns the error ratio itself. It carries no event
 * counts, so its long windows cannot be traffic-weighted and its alerts have no
 * traffic guard; 0/0 (NaN) means no traffic, an empty answer no data.
 */
import { z } from 'zod';
import { SliError } from '../../evaluate/sli-error.js';
import { renderWindowQuery } from '../../promql/promql.js';
import { boundedRatio, measured, noData, noTraffic, single } from '../read-answers.js';
import { defineSliKind } from '../sli-kind.js';
import { windowQuerySchema } from '../window-query-schema.js';

export interface RatioSli {
  kind: 'ratio';
  /** Template returning the error ratio (0..1) over `{{window}}`. */
  query: string;
}

export const ratioSli = defineSliKind({
  kind: 'ratio',
  schema: z
    .strictObject({
      query: windowQuerySchema.meta({ description: 'PromQL returning the error ratio (0..1) over `{{window}}`.' }),
    })
    .meta({ description: 'A raw error-ratio query.' }),
  resolve: (config): RatioSli => ({ kind: 'ratio', query: config.query }),
  countsEvents: false,
  queries: (sli, window) => ({ ratio: renderWindowQuery(sli.query, window) }),
  trafficQuery: (sli, window) => renderWindowQuery(sli.query, window),
  async measure(sli, window, prometheus, time) {
    const query = renderWindowQuery(sli.query, window);
    const ratio = single(await prometheus.query(query, time), query, 'ratio');
    if (ratio === null) return noData(query, 'the ratio query returned no samples');
    // 0/0 from a ratio of increases is "no traffic", not an error.
    if (Number.isNaN(ratio)) return noTraffic(query, 'the ratio query returned NaN (0/0: no events in the window)');
    if (!Number.isFinite(ratio) || ratio < 0) {
      throw new SliError(`the ratio query returned ${ratio}; expected an error ratio between 0 and 1 (query: ${query})`);
    }
    return measured(boundedRatio(ratio, window));
  },
  recording: (sli, window) => ({ ratio: renderWindowQuery(sli.query, window) }),
  // Its budget, burn-rate and compliance panels say all there is: no panel of its own.
  dashboardPanel: () => null,
  wording: {
    traffic: 'the ratio query',
    ruleNote: (slo, baseWindow) =>
      `SLO ${slo} is a ratio SLI: it records no traffic, so its long windows can only average the ${baseWindow} ratio (not traffic-weighted) and its alerts have no traffic guard. Prefer an events SLI.`,
  },
});

/**
 * An in-memory PrometheusQuerier for unit tests of the pure evaluation: answers
 * each query from a function, records what was asked and when.
 */
import { parseDurationMs } from '../../src/core/duration.js';
import type { InstantResult, PrometheusQuerier, QueryRange, RangeResult, RangeSeries, Sample } from '../../src/core/prometheus/querier.js';

export type Answer = number | null | Sample[] | Error;

/** The gate's history query (src/core/evaluate/history.ts): `min_over_time(timestamp(…)[<window>:1d])`. */
const HISTORY_QUERY = /^min_over_time\(timestamp\(.*\)\[(\w+):1d\]\)$/;

/**
 * How the history query is answered: `full` (default) says the data reaches back
 * over the whole window (the first day boundary in it); a function answers with
 * the oldest day boundary with data (Unix seconds) or null for none.
 */
export type HistoryAnswer = 'full' | ((time: Date, windowMs: number) => number | null);

/** How a range query is answered: the matrix's series, or an error to throw. */
export type RangeAnswer = (query: string, range: QueryRange) => RangeSeries[] | Error;

export class MemoryQuerier implements PrometheusQuerier {
  readonly displayUrl = 'memory://prometheus';
  /** Every query, range queries included (at their end). */
  readonly asked: { query: string; time: Date }[] = [];
  /** The range queries, with their ranges. */
  readonly askedRange: { query: string; range: QueryRange }[] = [];
  /** Present only when the constructor got range answers (like a querier without range queries otherwise). */
  readonly queryRange?: (query: string, range: QueryRange) => Promise<RangeResult>;

  /**
   * @param answer the answer to each query
   * @param recorded answer the series `generate rules` records too (by default they are absent, as without the rules)
   * @param range the answer to each range query; without it the querier has no range queries
   */
  constructor(
    private readonly answer: (query: string) => Answer,
    private readonly recorded = false,
    private readonly history: HistoryAnswer = 'full',
    range?: RangeAnswer,
  ) {
    if (range) {
      this.queryRange = async (query, r) => {
        this.asked.push({ query, time: r.end });
        this.askedRange.push({ query, range: r });
        const a = range(query, r);
        if (a instanceof Error) throw a;
        return { series: a, samplesTouched: 10 };
      };
    }
  }

  async query(query: string, time: Date): Promise<InstantResult> {
    this.asked.push({ query, time });
    const history = HISTORY_QUERY.exec(query);
    if (history) {
      const windowMs = parseDurationMs(history[1]!);
      const day = 86_400;
      const oldest = this.history === 'full' ? Math.ceil((time.getTime() - windowMs) / 1000 / day) * day : this.history(time, windowMs);
      return { samples: oldest === null ? [] : [{ labels: {}, value: oldest }], samplesTouched: 10 };
    }
    const a = !this.recorded && /\b(slo|deploy_governor):(sli_|burn_rate)/.test(query) ? null : this.answer(query);
    if (a instanceof Error) throw a;
    const samples = a === null ? [] : typeof a === 'number' ? [{ labels: {}, value: a }] : a;
    return { samples, samplesTouched: 10 };
  }
}

/** Answers for the default events SLI by window: errors and totals. */
export function eventsAnswer(
  byWindow: Record<string, { errors: number | null; total: number | null }>,
  extra: (q: string) => Answer | undefined = () => undefined,
) {
  return (query: string): Answer => {
    const fromExtra = extra(query);
    if (fromExtra !== undefined) return fromExtra;
    const window = /\[(\w+)\]\)\)$/.exec(query)?.[1];
    const entry = window ? byWindow[window] : undefined;
    if (!entry) return null;
    return query.includes('status=~"5.."') ? entry.errors : entry.total;
  };
}

/** The evaluation timestamps of a range: start, start + step, … up to end (Unix seconds). */
function rangeSteps(range: QueryRange): number[] {
  const out: number[] = [];
  for (let t = range.start.getTime() / 1000; t <= range.end.getTime() / 1000 + 1e-9; t += range.stepSeconds) out.push(t);
  return out;
}

/**
 * Range answers for the budget history of an SLI that counts events: its error
 * and total series (labelled as the history query labels them) from each step's
 * counts; a null count leaves that step out of its series.
 */
export function countsHistory(perStep: (at: number, index: number) => { errors: number | null; total: number | null }): RangeAnswer {
  return (_query, range) => {
    const steps = rangeSteps(range).map((at, i) => ({ at, ...perStep(at, i) }));
    const series = (part: 'error' | 'total', pick: (s: (typeof steps)[number]) => number | null): RangeSeries => ({
      labels: { dg_history: part },
      points: steps.flatMap((s) => (pick(s) === null ? [] : [{ at: s.at, value: pick(s)! }])),
    });
    return [series('error', (s) => s.errors), series('total', (s) => s.total)].filter((s) => s.points.length > 0);
  };
}

/** Range answers for the budget history of a ratio SLI: each step's ratio (null: no sample). */
export function ratioHistory(perStep: (at: number, index: number) => number | null): RangeAnswer {
  return (_query, range) => {
    const points = rangeSteps(range).flatMap((at, i) => {
      const v = perStep(at, i);
      return v === null ? [] : [{ at, value: v }];
    });
    return points.length === 0 ? [] : [{ labels: {}, points }];
  };
}

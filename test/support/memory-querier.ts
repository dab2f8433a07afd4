/**
 * An in-memory PrometheusQuerier for unit tests of the pure evaluation: answers
 * each query from a function, records what was asked and when.
 */
import { parseDurationMs } from '../../src/core/duration.js';
import type { InstantResult, PrometheusQuerier, Sample } from '../../src/core/prometheus/querier.js';

export type Answer = number | null | Sample[] | Error;

/** The gate's history query (src/core/evaluate/history.ts): `min_over_time(timestamp(…)[<window>:1d])`. */
const HISTORY_QUERY = /^min_over_time\(timestamp\(.*\)\[(\w+):1d\]\)$/;

/**
 * How the history query is answered: `full` (default) says the data reaches back
 * over the whole window (the first day boundary in it); a function answers with
 * the oldest day boundary with data (Unix seconds) or null for none.
 */
export type HistoryAnswer = 'full' | ((time: Date, windowMs: number) => number | null);

export class MemoryQuerier implements PrometheusQuerier {
  readonly displayUrl = 'memory://prometheus';
  readonly asked: { query: string; time: Date }[] = [];

  /**
   * @param answer the answer to each query
   * @param recorded answer the series `generate rules` records too (by default they are absent, as without the rules)
   */
  constructor(
    private readonly answer: (query: string) => Answer,
    private readonly recorded = false,
    private readonly history: HistoryAnswer = 'full',
  ) {}

  async query(query: string, time: Date): Promise<InstantResult> {
    this.asked.push({ query, time });
    const history = HISTORY_QUERY.exec(query);
    if (history) {
      const windowMs = parseDurationMs(history[1]!);
      const day = 86_400;
      const oldest = this.history === 'full' ? Math.ceil((time.getTime() - windowMs) / 1000 / day) * day : this.history(time, windowMs);
      return { samples: oldest === null ? [] : [{ labels: {}, value: oldest }], samplesTouched: 10 };
    }
    const a = !this.recorded && /\bslo:(sli_|burn_rate)/.test(query) ? null : this.answer(query);
    if (a instanceof Error) throw a;
    const samples = a === null ? [] : typeof a === 'number' ? [{ labels: {}, value: a }] : a;
    return { samples, samplesTouched: 10 };
  }
}

/** Answers for the default events SLI by window: errors and totals. */
export function eventsAnswer(byWindow: Record<string, { errors: number | null; total: number | null }>, extra: (q: string) => Answer | undefined = () => undefined) {
  return (query: string): Answer => {
    const fromExtra = extra(query);
    if (fromExtra !== undefined) return fromExtra;
    const window = /\[(\w+)\]\)\)$/.exec(query)?.[1];
    const entry = window ? byWindow[window] : undefined;
    if (!entry) return null;
    return query.includes('status=~"5.."') ? entry.errors : entry.total;
  };
}

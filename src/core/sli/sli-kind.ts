/**
 * The contract of an SLI kind (`events`, `latency`, `ratio`, …): everything the
 * gate, the policy and the rule generator need to know about one kind lives in
 * one module under `kinds/` that implements this interface, as Sloth's SLI
 * plugins do, and is listed once in `registry.ts`. Nothing else switches on
 * `sli.kind`.
 */
import type { z } from 'zod';
import type { PrometheusQuerier } from '../prometheus/querier.js';

/** What one window's queries said. */
export type WindowMeasurement =
  /** The error ratio over the window, 0..1. */
  | { state: 'measured'; ratio: number }
  /**
   * The queries answered, but there was nothing to count (a total of 0, a ratio of
   * 0/0): nothing burned, but no budget can be judged from the window.
   */
  | { state: 'no-traffic'; query: string; detail: string }
  /** A query the ratio depends on returned no samples: nothing is known about the window. */
  | { state: 'no-data'; query: string; detail: string };

/**
 * What the rule generator's base group records for one SLI over a short window:
 * event counts (error and total, each one series), which every longer window
 * sums traffic-weighted; or, for kinds without event counts, the error ratio
 * itself, which longer windows can only average.
 */
type BaseRecording = { counts: { error: string; total: string } } | { ratio: string };

/**
 * A panel of the generated dashboard that only SLOs of one kind get (latency
 * against its target), as data: src/core/generate/dashboard.ts builds it, in a
 * row of its own per `row` title.
 */
export interface KindPanel {
  /** The row's title; the panels of one title share a row, in the order of the SLOs. */
  row: string;
  title: string;
  description: string;
  /** Grafana's unit of the values (`s`). */
  unit: string;
  /** PromQL and legend of each series. */
  targets: { expr: string; legend: string }[];
}

/**
 * One SLI kind.
 * @typeParam K the key under `sli:` in the policy file, and `kind` of the resolved SLI
 * @typeParam S the zod schema of that key's block
 * @typeParam R the resolved SLI (defaults applied)
 */
export interface SliKind<K extends string, S extends z.ZodType, R extends { kind: K }> {
  readonly kind: K;
  /** The policy file's `sli.<kind>` block: strict, with `.meta({ description })` on every field. */
  readonly schema: S;
  /** The block with defaults applied. */
  resolve(config: z.output<S>): R;
  /**
   * True when the kind counts events (error and total): its long windows are
   * ratios of sums (traffic-weighted) and its alerts get the traffic guard.
   * False when only a ratio exists; must agree with `recording`.
   */
  readonly countsEvents: boolean;
  /** The gate's PromQL for one window, by role (for messages, docs, the bench and tests). */
  queries(sli: R, window: string): Record<string, string>;
  /** The query whose answer says whether the window had data at all (its traffic); the history query probes it. */
  trafficQuery(sli: R, window: string): string;
  /**
   * The error ratio over `window` at `time`, read with `queries`.
   * @throws PrometheusQueryError when Prometheus fails, SliError when an answer is unusable (several series, NaN counts, a missing bucket)
   */
  measure(sli: R, window: string, prometheus: PrometheusQuerier, time: Date): Promise<WindowMeasurement>;
  /** The rule generator's base recording over `window` (the generator divides counts by the window's seconds). */
  recording(sli: R, window: string): BaseRecording;
  /** The dashboard panel of this kind's SLOs beside the ones every SLO gets, or null for none. */
  dashboardPanel(sli: R, slo: { name: string; objective: number }): KindPanel | null;
  readonly wording: {
    /** The query that carries the traffic, as messages name it: "the total query". */
    traffic: string;
    /** A comment the rule file writes above the SLO's base group, if the kind needs one. */
    ruleNote?: (sloName: string, baseWindow: string) => string;
  };
}

/** Identity with inference: a kind module is `export const x = defineSliKind({ … })`. */
export function defineSliKind<K extends string, S extends z.ZodType, R extends { kind: K }>(kind: SliKind<K, S, R>): SliKind<K, S, R> {
  return kind;
}

/**
 * OpenSLO documents as the project's SLOs, so a team that writes its SLOs in
 * the vendor-neutral format can point the gate (and `generate rules` /
 * `generate dashboard`) at the file it already has. Pure: the adapters read the
 * file and pass its text in.
 *
 * Read: `apiVersion: openslo/v1` (`kind: SLO`, with `spec.indicator` inline or
 * `spec.indicatorRef` to a `kind: SLI` in the same file; `kind: DataSource` for
 * a metric source's type), and `openslo/v1alpha` SLOs the way Sloth reads them
 * (`objectives[].ratioMetrics` good/total). Other kinds (Service, AlertPolicy,
 * AlertCondition, AlertNotificationTarget) describe things the gate does not
 * do and are skipped.
 *
 * Mapping (one objective → one SLO):
 * - name: `metadata.name` (`<name>-<index>` when the SLO has several
 *   objectives); v1alpha: Sloth's id `<service>-<name>-<index>`;
 * - service, description (cut at 500 characters);
 * - objective: `target` is a fraction (0.999 → 99.9), `targetPercent` a percentage;
 * - window: `timeWindow[0].duration` of a rolling window (`isRolling: true`);
 * - `ratioMetric` good/total → `good-events` (errors = total − good, clamped),
 *   bad/total → `events`, raw with `rawType` → `ratio` (`1 − raw` for success);
 * - `thresholdMetric` on a histogram's bucket selector, with `op: lte` (or `lt`)
 *   and `value` the bucket's bound → `latency`.
 * Refused, naming the document and the field: calendar windows, `Timeslices`
 * and `RatioTimeslices`, months and quarters as durations, metric sources other
 * than Prometheus, composite SLOs, threshold metrics that are not a histogram
 * bucket, and queries whose window cannot be found (window-query.ts).
 */
import { PolicyError, type PolicyIssue } from '../policy/policy-error.js';
import { describeValue, toPolicyIssues } from '../policy/policy-issues.js';
import { sloSchema, type SloConfig, type SliConfig } from '../policy/schema.js';
import { parseOpenSloDocuments } from './parse-documents.js';
import { histogramSelector, windowTemplate } from './window-query.js';

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

const V1 = 'openslo/v1';
const V1ALPHA = 'openslo/v1alpha';
const V1_KINDS = ['SLO', 'SLI', 'DataSource', 'Service', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget'];

/** An SLI as the gate reads it: a policy `sli` block, or a histogram whose bucket the objective picks. */
type Indicator = { sli: SliConfig } | { histogram: { metric: string; selector: string } };

interface Context {
  issues: PolicyIssue[];
  /** `kind: SLI` documents (v1) by name. */
  slis: Map<string, Obj>;
  /** `kind: DataSource` documents (v1) by name. */
  dataSources: Map<string, Obj>;
}

/** `SLO/checkout` for a named object, `document 2 (SLO)` otherwise. */
function label(kind: string, name: unknown, where: string): string {
  return typeof name === 'string' && name !== '' ? `${kind}/${name}` : `${where} (${kind})`;
}

function nameOf(object: Obj): unknown {
  return isObj(object.metadata) ? object.metadata.name : undefined;
}

function add(ctx: Context, at: string, message: string): null {
  ctx.issues.push({ path: at, message });
  return null;
}

/** A metric source's PromQL, or null (an issue recorded) when it is not a Prometheus query. */
function promQuery(ctx: Context, metric: unknown, at: string): string | null {
  if (!isObj(metric) || !isObj(metric.metricSource))
    return add(ctx, `${at}.metricSource`, `expected a metricSource with type: Prometheus and spec.query; got ${describeValue(metric)}`);
  const source = metric.metricSource;
  let type = source.type;
  if (type === undefined && typeof source.metricSourceRef === 'string') {
    const dataSource = ctx.dataSources.get(source.metricSourceRef);
    if (!dataSource) {
      return add(
        ctx,
        `${at}.metricSource.metricSourceRef`,
        `names no kind: DataSource in this file ("${source.metricSourceRef}"), and metricSource.type is not set; set type: Prometheus`,
      );
    }
    type = isObj(dataSource.spec) ? dataSource.spec.type : undefined;
  }
  if (typeof type !== 'string') return add(ctx, `${at}.metricSource.type`, `expected type: Prometheus; got ${describeValue(type)}`);
  if (type.toLowerCase() !== 'prometheus') {
    return add(
      ctx,
      `${at}.metricSource.type`,
      `expected type: Prometheus: the gate reads Prometheus (and Prometheus-compatible APIs such as Thanos, Mimir or VictoriaMetrics) only; got "${type}"`,
    );
  }
  const query = isObj(source.spec) ? source.spec.query : undefined;
  if (typeof query !== 'string' || query.trim() === '')
    return add(ctx, `${at}.metricSource.spec.query`, `expected a PromQL query; got ${describeValue(query)}`);
  return query.trim();
}

/** A query as a `{{window}}` template, or null (an issue recorded). */
function template(ctx: Context, query: string, counters: boolean, at: string): string | null {
  const result = windowTemplate(query, counters);
  if ('refused' in result) return add(ctx, at, `${result.refused} (query: ${query.replace(/\s+/g, ' ')})`);
  return result.template;
}

/** An OpenSLO v1 SLI's `spec` as the gate reads it. */
function indicatorOf(ctx: Context, spec: unknown, at: string): Indicator | null {
  if (!isObj(spec)) return add(ctx, at, `expected the SLI's spec with ratioMetric or thresholdMetric; got ${describeValue(spec)}`);
  const { ratioMetric, thresholdMetric } = spec;
  if ((ratioMetric === undefined) === (thresholdMetric === undefined)) {
    return add(ctx, at, 'expected exactly one of ratioMetric or thresholdMetric');
  }
  if (thresholdMetric !== undefined) {
    const query = promQuery(ctx, thresholdMetric, `${at}.thresholdMetric`);
    if (query === null) return null;
    const histogram = histogramSelector(query);
    if ('refused' in histogram) {
      return add(
        ctx,
        `${at}.thresholdMetric.metricSource.spec.query`,
        `a threshold metric is read only as a latency histogram: ${histogram.refused} (query: ${query.replace(/\s+/g, ' ')})`,
      );
    }
    return { histogram };
  }
  if (!isObj(ratioMetric))
    return add(ctx, `${at}.ratioMetric`, `expected good or bad with total, or raw with rawType; got ${describeValue(ratioMetric)}`);
  const r = `${at}.ratioMetric`;
  if (ratioMetric.counter !== undefined && typeof ratioMetric.counter !== 'boolean')
    return add(ctx, `${r}.counter`, `expected true or false; got ${describeValue(ratioMetric.counter)}`);
  const counters = ratioMetric.counter === true;
  const has = (key: string) => ratioMetric[key] !== undefined;
  if (has('raw')) {
    if (has('good') || has('bad') || has('total')) return add(ctx, r, 'raw cannot be combined with good, bad or total');
    const rawType = ratioMetric.rawType;
    if (rawType !== 'success' && rawType !== 'failure')
      return add(
        ctx,
        `${r}.rawType`,
        `expected success (the raw query is the good ratio) or failure (the error ratio); got ${describeValue(rawType)}`,
      );
    const query = promQuery(ctx, ratioMetric.raw, `${r}.raw`);
    const raw = query === null ? null : template(ctx, query, false, `${r}.raw.metricSource.spec.query`);
    if (raw === null) return null;
    return { sli: { ratio: { query: rawType === 'failure' ? raw : `1 - (${raw})` } } };
  }
  if (has('good') && has('bad')) return add(ctx, r, 'set good or bad, not both');
  if (!has('total') || (!has('good') && !has('bad'))) return add(ctx, r, 'expected good or bad with total, or raw with rawType');
  const numeratorKey = has('good') ? 'good' : 'bad';
  const numerator = promQuery(ctx, ratioMetric[numeratorKey], `${r}.${numeratorKey}`);
  const total = promQuery(ctx, ratioMetric.total, `${r}.total`);
  const numeratorTemplate = numerator === null ? null : template(ctx, numerator, counters, `${r}.${numeratorKey}.metricSource.spec.query`);
  const totalTemplate = total === null ? null : template(ctx, total, counters, `${r}.total.metricSource.spec.query`);
  if (numeratorTemplate === null || totalTemplate === null) return null;
  return numeratorKey === 'good'
    ? { sli: { 'good-events': { good: numeratorTemplate, total: totalTemplate } } }
    : { sli: { events: { error: numeratorTemplate, total: totalTemplate } } };
}

/** The objective in percent from `target` (a fraction) or `targetPercent`, or null (an issue recorded). */
function objectivePercent(ctx: Context, objective: Obj, at: string): { value: number; field: string } | null {
  const { target, targetPercent } = objective;
  if (target !== undefined && targetPercent !== undefined)
    return add(ctx, at, 'set target (a fraction such as 0.999) or targetPercent (a percentage such as 99.9), not both');
  if (targetPercent !== undefined) {
    if (typeof targetPercent !== 'number' || !Number.isFinite(targetPercent))
      return add(ctx, `${at}.targetPercent`, `expected a percentage such as 99.9; got ${describeValue(targetPercent)}`);
    return { value: targetPercent, field: `${at}.targetPercent` };
  }
  if (target === undefined) return add(ctx, at, 'expected target (a fraction such as 0.999) or targetPercent (a percentage such as 99.9)');
  if (typeof target !== 'number' || !Number.isFinite(target))
    return add(ctx, `${at}.target`, `expected a fraction such as 0.999; got ${describeValue(target)}`);
  if (target >= 1 || target <= 0) {
    const hint = target > 1 && target < 100 ? `; for a percentage write targetPercent: ${target}` : '';
    return add(ctx, `${at}.target`, `expected a fraction above 0 and below 1, e.g. 0.999 for 99.9%; got ${target}${hint}`);
  }
  // 0.9985 * 100 is 99.85000000000001 in binary floating point: keep the digits the author wrote.
  return { value: Number((target * 100).toPrecision(12)), field: `${at}.target` };
}

const BUDGETING = 'the gate budgets events (good events over all events)';

/** Records an issue unless the SLO budgets Occurrences. */
function budgetingMethod(ctx: Context, spec: Obj, at: string): void {
  const method = spec.budgetingMethod;
  if (method === 'Occurrences') return;
  if (method === 'Timeslices' || method === 'RatioTimeslices') {
    add(
      ctx,
      `${at}.budgetingMethod`,
      `${method} budgets count time slices (good minutes over all minutes); ${BUDGETING}: expected Occurrences; got "${method}"`,
    );
  } else if (method === undefined || method === null) {
    add(ctx, `${at}.budgetingMethod`, `expected budgetingMethod: Occurrences; ${BUDGETING}`);
  } else {
    add(ctx, `${at}.budgetingMethod`, `${BUDGETING}: expected Occurrences; got ${describeValue(method)}`);
  }
}

const CALENDAR =
  'calendar-aligned windows are not supported: the gate measures a rolling window that ends at the deploy; write isRolling: true with a duration such as 28d';

/** An OpenSLO duration shorthand (`28d`, `4w`, `1Y`) as a Prometheus duration, or null (an issue recorded). */
function duration(ctx: Context, value: unknown, at: string): string | null {
  const match = typeof value === 'string' ? /^(\d+)([mhdwMQY])$/.exec(value) : null;
  if (!match || Number(match[1]) <= 0)
    return add(ctx, at, `expected a duration shorthand such as 28d, 4w or 12h; got ${describeValue(value)}`);
  const unit = match[2]!;
  if (unit === 'M' || unit === 'Q')
    return add(
      ctx,
      at,
      `months and quarters have no fixed length, so a rolling window of them is ambiguous: write it in days or weeks, e.g. 30d or 4w; got "${value as string}"`,
    );
  return `${Number(match[1])}${unit === 'Y' ? 'y' : unit}`;
}

/** The SLO's rolling window (undefined: the policy's default), or null (an issue recorded). */
function rollingWindow(ctx: Context, windows: unknown, at: string): string | undefined | null {
  if (windows === undefined || windows === null) return undefined;
  if (!Array.isArray(windows) || windows.length !== 1)
    return add(ctx, at, `expected exactly one time window; got ${describeValue(windows)}`);
  const window: unknown = windows[0];
  if (!isObj(window)) return add(ctx, `${at}[0]`, `expected duration and isRolling: true; got ${describeValue(window)}`);
  if (window.calendar !== undefined)
    return add(
      ctx,
      `${at}[0].calendar`,
      `${CALENDAR} (got a calendar starting ${describeValue(isObj(window.calendar) ? window.calendar.startTime : window.calendar)})`,
    );
  if (window.isRolling !== undefined && window.isRolling !== true)
    return add(ctx, `${at}[0].isRolling`, `${CALENDAR}; got ${describeValue(window.isRolling)}`);
  return duration(ctx, window.duration, `${at}[0].duration`);
}

interface Candidate {
  slo: Record<string, unknown>;
  /** Where each SLO field came from, for schema messages. */
  fields: Record<string, string>;
}

/** Validates the converted SLOs with the policy's own schema, naming the OpenSLO field of each problem. */
function validated(ctx: Context, candidates: Candidate[]): SloConfig[] {
  const out: SloConfig[] = [];
  for (const { slo, fields } of candidates) {
    const result = sloSchema.safeParse(slo);
    if (result.success) {
      out.push(result.data);
      continue;
    }
    for (const issue of toPolicyIssues(result.error, slo)) {
      const top = issue.path.split(/[.[]/)[0]!;
      ctx.issues.push({ path: fields[top] ?? fields.sli ?? issue.path, message: issue.message });
    }
  }
  return out;
}

const describe = (text: unknown): Record<string, string> =>
  typeof text === 'string' && text !== '' ? { description: text.slice(0, 500) } : {};

/** One OpenSLO v1 `kind: SLO` as SLOs (one per objective). */
function fromV1Slo(ctx: Context, object: Obj, where: string): Candidate[] {
  const name = nameOf(object);
  const at = label('SLO', name, where);
  const spec = object.spec;
  if (typeof name !== 'string' || name === '') add(ctx, `${at} metadata.name`, `expected the SLO's name; got ${describeValue(name)}`);
  if (!isObj(spec)) {
    add(ctx, `${at} spec`, `expected the SLO's spec; got ${describeValue(spec)}`);
    return [];
  }
  const s = `${at} spec`;
  const before = ctx.issues.length;
  budgetingMethod(ctx, spec, s);
  const window = rollingWindow(ctx, spec.timeWindow, `${s}.timeWindow`);
  let indicator: Indicator | null = null;
  if (spec.indicator !== undefined && spec.indicatorRef !== undefined) {
    add(ctx, s, 'set indicator (an inline SLI) or indicatorRef (the name of a kind: SLI in this file), not both');
  } else if (spec.indicator !== undefined) {
    indicator = indicatorOf(ctx, isObj(spec.indicator) ? spec.indicator.spec : undefined, `${s}.indicator.spec`);
  } else if (typeof spec.indicatorRef === 'string') {
    const sli = ctx.slis.get(spec.indicatorRef);
    if (!sli) {
      const known = [...ctx.slis.keys()];
      add(
        ctx,
        `${s}.indicatorRef`,
        `no kind: SLI named "${spec.indicatorRef}" in this file${known.length > 0 ? ` (its SLIs: ${known.join(', ')})` : ''}; the SLI an SLO refers to must be in the same file`,
      );
    } else {
      indicator = indicatorOf(ctx, sli.spec, `SLI/${spec.indicatorRef} spec`);
    }
  } else {
    add(
      ctx,
      s,
      `expected indicator (an inline SLI) or indicatorRef (the name of a kind: SLI in this file)${spec.indicatorRef !== undefined ? `; got indicatorRef ${describeValue(spec.indicatorRef)}` : ''}`,
    );
  }
  const objectives = spec.objectives;
  if (!Array.isArray(objectives) || objectives.length === 0) {
    add(
      ctx,
      `${s}.objectives`,
      `expected at least one objective with target (a fraction such as 0.999) or targetPercent; got ${describeValue(objectives)}`,
    );
    return [];
  }
  if (indicator && 'histogram' in indicator && objectives.length !== 1)
    add(ctx, `${s}.objectives`, `a thresholdMetric SLO has exactly one objective; got ${objectives.length}`);
  const candidates: Candidate[] = [];
  for (const [i, objective] of objectives.entries()) {
    const o = `${s}.objectives[${i}]`;
    if (!isObj(objective)) {
      add(ctx, o, `expected an objective with target or targetPercent; got ${describeValue(objective)}`);
      continue;
    }
    if (objective.indicator !== undefined || objective.indicatorRef !== undefined || objective.compositeWeight !== undefined) {
      add(ctx, o, 'composite SLOs (an indicator per objective) are not supported: write one SLO per indicator');
      continue;
    }
    const percent = objectivePercent(ctx, objective, o);
    let sli: SliConfig | null = null;
    if (indicator && 'histogram' in indicator) {
      const { op, value } = objective;
      if (op !== 'lte' && op !== 'lt') {
        add(
          ctx,
          `${o}.op`,
          op === 'gt' || op === 'gte'
            ? `a histogram bucket counts the events at or below its bound, so good events are the fast ones: expected op lte (or lt); got "${op}"`
            : `expected op: lte (good events take at most value); got ${describeValue(op)}`,
        );
      } else if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        add(
          ctx,
          `${o}.value`,
          `expected the latency bound, a positive number in the histogram's unit that is one of its bucket bounds (le), e.g. 0.5; got ${describeValue(value)}`,
        );
      } else {
        sli = {
          latency: {
            metric: indicator.histogram.metric,
            threshold: value,
            ...(indicator.histogram.selector ? { selector: indicator.histogram.selector } : {}),
          },
        };
      }
    } else if (indicator) {
      sli = indicator.sli;
    }
    if (percent === null || sli === null || ctx.issues.length > before || typeof name !== 'string') continue;
    candidates.push({
      slo: {
        name: objectives.length === 1 ? name : `${name}-${i}`,
        ...(typeof spec.service === 'string' && spec.service !== '' ? { service: spec.service } : {}),
        objective: percent.value,
        ...(window ? { window } : {}),
        ...describe(spec.description),
        sli,
      },
      fields: {
        name: `${at} metadata.name`,
        service: `${s}.service`,
        objective: percent.field,
        window: `${s}.timeWindow[0].duration`,
        sli: `${s}.indicator`,
      },
    });
  }
  return candidates;
}

/** v1alpha's window: `timeWindows[0]` with count and unit. */
function v1alphaWindow(ctx: Context, windows: unknown, at: string): string | undefined | null {
  if (windows === undefined || windows === null) return undefined;
  if (!Array.isArray(windows) || windows.length !== 1)
    return add(ctx, at, `expected exactly one time window; got ${describeValue(windows)}`);
  const window: unknown = windows[0];
  if (!isObj(window)) return add(ctx, `${at}[0]`, `expected count and unit; got ${describeValue(window)}`);
  if (window.calendar !== undefined)
    return add(ctx, `${at}[0].calendar`, CALENDAR.replace('isRolling: true with a duration such as 28d', 'a count of days or weeks'));
  if (window.isRolling === false)
    return add(ctx, `${at}[0].isRolling`, CALENDAR.replace('isRolling: true with a duration such as 28d', 'a count of days or weeks'));
  const { count, unit } = window;
  if (typeof count !== 'number' || !Number.isInteger(count) || count <= 0)
    return add(ctx, `${at}[0].count`, `expected a whole number of days or weeks; got ${describeValue(count)}`);
  if (unit === 'Day') return `${count}d`;
  if (unit === 'Week') return `${count}w`;
  if (unit === 'Month' || unit === 'Quarter')
    return add(
      ctx,
      `${at}[0].unit`,
      `months and quarters have no fixed length, so a rolling window of them is ambiguous: write it in days (unit: Day, count: 30); got "${unit}"`,
    );
  return add(ctx, `${at}[0].unit`, `expected Day or Week; got ${describeValue(unit)}`);
}

/** A v1alpha metric (`source`, `queryType`, `query`) as a window template, or null (an issue recorded). */
function v1alphaQuery(ctx: Context, metric: unknown, counters: boolean, at: string): string | null {
  if (!isObj(metric)) return add(ctx, at, `expected source: prometheus, queryType: promql and query; got ${describeValue(metric)}`);
  const source = typeof metric.source === 'string' ? metric.source.toLowerCase() : metric.source;
  if (source !== 'prometheus' && source !== 'sloth')
    return add(
      ctx,
      `${at}.source`,
      `the gate reads Prometheus queries only: expected source: prometheus; got ${describeValue(metric.source)}`,
    );
  if (metric.queryType !== 'promql')
    return add(ctx, `${at}.queryType`, `expected queryType: promql; got ${describeValue(metric.queryType)}`);
  if (typeof metric.query !== 'string' || metric.query.trim() === '')
    return add(ctx, `${at}.query`, `expected a PromQL query; got ${describeValue(metric.query)}`);
  return template(ctx, metric.query.trim(), counters, `${at}.query`);
}

/** One OpenSLO v1alpha `kind: SLO`, read as Sloth reads it: each objective's ratioMetrics good/total is an SLO. */
function fromV1alphaSlo(ctx: Context, object: Obj, where: string): Candidate[] {
  const name = nameOf(object);
  const at = label('SLO', name, where);
  const spec = object.spec;
  if (typeof name !== 'string' || name === '') add(ctx, `${at} metadata.name`, `expected the SLO's name; got ${describeValue(name)}`);
  if (!isObj(spec)) {
    add(ctx, `${at} spec`, `expected the SLO's spec; got ${describeValue(spec)}`);
    return [];
  }
  const s = `${at} spec`;
  const before = ctx.issues.length;
  budgetingMethod(ctx, spec, s);
  const window = v1alphaWindow(ctx, spec.timeWindows, `${s}.timeWindows`);
  if (spec.indicator !== undefined) {
    add(
      ctx,
      `${s}.indicator`,
      'a v1alpha thresholdMetric compares raw values, which the gate cannot count as events: write the objectives as ratioMetrics with good and total (or use openslo/v1 with a histogram bucket)',
    );
  }
  const objectives = spec.objectives;
  if (!Array.isArray(objectives) || objectives.length === 0) {
    add(ctx, `${s}.objectives`, `expected at least one objective with ratioMetrics and target; got ${describeValue(objectives)}`);
    return [];
  }
  const service = typeof spec.service === 'string' && spec.service !== '' ? spec.service : undefined;
  const candidates: Candidate[] = [];
  for (const [i, objective] of objectives.entries()) {
    const o = `${s}.objectives[${i}]`;
    if (!isObj(objective)) {
      add(ctx, o, `expected an objective with ratioMetrics and target; got ${describeValue(objective)}`);
      continue;
    }
    const percent = objectivePercent(ctx, objective, o);
    const ratio = objective.ratioMetrics;
    if (!isObj(ratio)) {
      add(ctx, `${o}.ratioMetrics`, `expected ratioMetrics with good and total; got ${describeValue(ratio)}`);
      continue;
    }
    const counters = ratio.incremental === true;
    const good = v1alphaQuery(ctx, ratio.good, counters, `${o}.ratioMetrics.good`);
    const total = v1alphaQuery(ctx, ratio.total, counters, `${o}.ratioMetrics.total`);
    if (percent === null || good === null || total === null || ctx.issues.length > before || typeof name !== 'string') continue;
    candidates.push({
      slo: {
        // Sloth's SLO id (what it writes as sloth_id), so the names match Sloth's for the same file.
        name: service ? `${service}-${name}-${i}` : `${name}-${i}`,
        ...(service ? { service } : {}),
        objective: percent.value,
        ...(window ? { window } : {}),
        ...describe(spec.description),
        sli: { 'good-events': { good, total } },
      },
      fields: {
        name: `${at} metadata.name`,
        service: `${s}.service`,
        objective: percent.field,
        window: `${s}.timeWindows[0]`,
        sli: `${o}.ratioMetrics`,
      },
    });
  }
  return candidates;
}

/**
 * The SLOs of an OpenSLO file (one or more YAML documents).
 * @param source the file's path, for error messages
 * @throws PolicyError naming each offending document (`SLO/<metadata.name>`) and field, the value and the accepted form
 */
export function slosFromOpenSlo(text: string, source: string): SloConfig[] {
  const parsed = parseOpenSloDocuments(text);
  if (!parsed.ok) throw new PolicyError(source, parsed.issues);
  const ctx: Context = { issues: [], slis: new Map(), dataSources: new Map() };
  const slos: { version: string; object: Obj; where: string }[] = [];
  for (const { where, data } of parsed.objects) {
    if (!isObj(data)) {
      add(ctx, where, `expected an OpenSLO object (apiVersion, kind, metadata, spec); got ${describeValue(data)}`);
      continue;
    }
    const { apiVersion, kind } = data;
    if (apiVersion === undefined && data.version === 'prometheus/v1') {
      add(
        ctx,
        where,
        "this is a Sloth spec (version: prometheus/v1), not OpenSLO: name it with the policy's sloth: key instead of openslo:",
      );
      continue;
    }
    if (apiVersion !== V1 && apiVersion !== V1ALPHA) {
      add(
        ctx,
        `${label(typeof kind === 'string' ? kind : 'object', nameOf(data), where)} apiVersion`,
        `expected ${V1} (or ${V1ALPHA}, as Sloth reads it); got ${describeValue(apiVersion)}`,
      );
      continue;
    }
    if (apiVersion === V1ALPHA) {
      if (kind === 'SLO') slos.push({ version: V1ALPHA, object: data, where });
      else if (kind !== 'Service') add(ctx, `${where} kind`, `expected SLO or Service (${V1ALPHA}); got ${describeValue(kind)}`);
      continue;
    }
    if (typeof kind !== 'string' || !V1_KINDS.includes(kind)) {
      add(ctx, `${where} kind`, `expected one of ${V1_KINDS.join(', ')}; got ${describeValue(kind)}`);
      continue;
    }
    const name = nameOf(data);
    if (kind === 'SLO') {
      slos.push({ version: V1, object: data, where });
    } else if (kind === 'SLI' || kind === 'DataSource') {
      if (typeof name !== 'string' || name === '') {
        add(ctx, `${label(kind, name, where)} metadata.name`, `expected the ${kind}'s name; got ${describeValue(name)}`);
        continue;
      }
      const index = kind === 'SLI' ? ctx.slis : ctx.dataSources;
      if (index.has(name)) add(ctx, `${kind}/${name} metadata.name`, `${kind} names must be unique in the file; "${name}" appears twice`);
      index.set(name, data);
    }
  }
  if (slos.length === 0 && ctx.issues.length === 0) {
    const found = parsed.objects.map((o) => (isObj(o.data) ? label(String(o.data.kind), nameOf(o.data), o.where) : o.where));
    add(
      ctx,
      '',
      `no kind: SLO in the file${found.length > 0 ? ` (it has ${found.join(', ')})` : ' (it is empty)'}; expected apiVersion: ${V1} documents with kind: SLO`,
    );
  }
  const candidates = slos.flatMap(({ version, object, where }) =>
    version === V1 ? fromV1Slo(ctx, object, where) : fromV1alphaSlo(ctx, object, where),
  );
  const result = validated(ctx, candidates);
  const seen = new Set<string>();
  for (const slo of result) {
    if (seen.has(slo.name)) add(ctx, `SLO/${slo.name} metadata.name`, `SLO names must be unique; "${slo.name}" appears twice`);
    seen.add(slo.name);
  }
  if (ctx.issues.length > 0) {
    // An SLI that several SLOs refer to is reported once.
    const unique = [...new Map(ctx.issues.map((i) => [`${i.path}\n${i.message}`, i])).values()];
    throw new PolicyError(source, unique.slice(0, 50));
  }
  return result;
}

/**
 * A Sloth `prometheus/v1` SLO spec as the project's SLOs, so a Sloth user can
 * point the gate (and `generate rules`) at the file they already have. Pure:
 * the adapters read the file and pass its text in.
 *
 * Read as Sloth reads it (sloth-yaml.ts): YAML 1.1 scalars, numbers and
 * booleans stringified where Sloth's struct wants a string (`tier: 2` is the
 * label "2"), keys matched ignoring case, unknown keys ignored.
 *
 * Mapping (one Sloth SLO → one SLO):
 * - name: Sloth's SLO id, `<service>-<name>` (what Sloth writes as `sloth_id`),
 *   so SLOs of several Sloth services stay distinct;
 * - service, objective (percent in both), description;
 * - `sli.events` → `events`, with `rate(` read as `increase(`: the ratio is the
 *   same, and the generated rules' traffic guard needs event counts, not rates;
 * - `sli.raw.error_ratio_query` → `ratio`;
 * - `alerting.annotations.runbook` (or `runbook_url`) → `runbook` when it is a URL.
 * Sloth's `sli.plugin` has no equivalent and is refused. SLO plugins
 * (`slo_plugins`, an SLO's `plugins`) that change the maths are refused, the
 * others ignored with a warning (sloth-plugins.ts). The window is the policy's
 * default (Sloth's own default period is 30 days too).
 */
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { isHttpUrl } from '../http-url.js';
import { PolicyError, type PolicyIssue } from '../policy/policy-error.js';
import { formatPath, toPolicyIssues } from '../policy/policy-issues.js';
import { sloSchema, type SloConfig } from '../policy/schema.js';
import { slothPluginVerdict } from './sloth-plugins.js';
import { foldFieldNames, SLOTH_YAML_OPTIONS, slothNumber, slothOptional, slothString } from './sloth-yaml.js';

/** A Go struct: keys matched as encoding/json matches them, null as absent. */
function struct<T extends z.ZodRawShape>(shape: T) {
  return z.preprocess(foldFieldNames(Object.keys(shape)), z.object(shape));
}

/** A Go string field. */
const str = z.preprocess(slothString, z.string());
/** A Go `map[string]string`. */
const strMap = z.preprocess(slothOptional, z.record(z.string(), str).optional());

const slothQuery = z.preprocess(
  slothString,
  z
    .string()
    .min(1)
    .refine((q) => /\{\{\s*\.window\s*\}\}/.test(q), {
      message: 'expected a PromQL query with {{.window}} where the range goes, as Sloth requires',
    }),
);

/** One entry of a plugin chain; its config is the plugin's business. */
const slothPluginSchema = z.preprocess(foldFieldNames(['id', 'config', 'priority']), z.object({ id: str }).loose());

/** `slo_plugins` of a spec, `plugins` of an SLO. */
const slothPluginsSchema = z.preprocess(
  slothOptional,
  struct({
    overridePrevious: z.preprocess(slothOptional, z.boolean().optional()),
    chain: z.preprocess(slothOptional, z.array(slothPluginSchema).optional()),
  }).optional(),
);

const slothSloSchema = struct({
  name: str.pipe(z.string().min(1, { message: 'expected the SLO name' })),
  objective: z.preprocess(slothNumber, z.number({ message: 'expected the objective in percent, e.g. 99.9' })),
  description: z.preprocess(slothOptional, str.optional()),
  labels: strMap,
  plugins: slothPluginsSchema,
  sli: struct({
    events: z.preprocess(slothOptional, struct({ error_query: slothQuery, total_query: slothQuery }).optional()),
    raw: z.preprocess(slothOptional, struct({ error_ratio_query: slothQuery }).optional()),
    plugin: z.preprocess(
      slothOptional,
      z.preprocess(foldFieldNames(['id', 'options']), z.object({ id: str, options: strMap }).loose()).optional(),
    ),
  }).refine((sli) => [sli.events, sli.raw, sli.plugin].filter(Boolean).length === 1, {
    message: 'expected exactly one of events, raw or plugin',
  }),
  alerting: z.preprocess(
    slothOptional,
    z
      .preprocess(
        foldFieldNames(['name', 'labels', 'annotations', 'page_alert', 'ticket_alert']),
        z.object({ name: z.preprocess(slothOptional, str.optional()), labels: strMap, annotations: strMap }).loose(),
      )
      .optional(),
  ),
});

/** The parts of a Sloth `prometheus/v1` spec the gate reads; everything else (labels, alert routing) is Sloth's and ignored. */
export const slothSpecSchema = struct({
  version: str.pipe(
    z.literal('prometheus/v1', {
      message:
        'expected version "prometheus/v1" (the Sloth Prometheus spec; Kubernetes PrometheusServiceLevel and OpenSLO files are not read)',
    }),
  ),
  service: str.pipe(z.string().min(1, { message: 'expected the service name' })),
  labels: strMap,
  slo_plugins: slothPluginsSchema,
  slos: z.preprocess(
    slothOptional,
    z.array(slothSloSchema, { message: 'expected at least one SLO' }).min(1, { message: 'expected at least one SLO' }),
  ),
});

type SlothSpec = z.infer<typeof slothSpecSchema>;

/** The SLOs of a Sloth spec, and what was ignored in it. */
export interface SlothSpecSlos {
  slos: SloConfig[];
  /** Plugins ignored because they do not change the SLO's maths, each naming where it is and why. */
  warnings: PolicyIssue[];
}

/** `rate(` → `increase(` (not `irate(`): same ratio, but event counts. */
function asIncrease(query: string): string {
  return query.replace(/(?<![A-Za-z0-9_:])rate\s*\(/g, 'increase(');
}

function runbookOf(annotations: Record<string, string> | undefined): string | undefined {
  const candidate = annotations?.runbook ?? annotations?.runbook_url;
  return candidate !== undefined && isHttpUrl(candidate) ? candidate : undefined;
}

type SlothPlugins = SlothSpec['slo_plugins'];

/**
 * The verdicts on one plugin block: refusals go to `issues`, ignored plugins to `warnings`.
 * @returns false when a plugin is refused
 */
function checkPlugins(plugins: SlothPlugins, path: string, issues: PolicyIssue[], warnings: PolicyIssue[]): boolean {
  if (plugins === undefined) return true;
  let ok = true;
  for (const [j, plugin] of (plugins.chain ?? []).entries()) {
    const verdict = slothPluginVerdict(plugin.id);
    if (verdict.effect === 'refused') {
      ok = false;
      issues.push({
        path: `${path}.chain[${j}]`,
        message: `the Sloth SLO plugin "${plugin.id}" is refused: ${verdict.why}, so the gate would judge another SLO than Sloth reports; remove it from the spec deploy-governor reads, or write the SLO in the policy file`,
      });
    } else {
      warnings.push({
        path: `${path}.chain[${j}]`,
        message: `the Sloth SLO plugin "${plugin.id}" is ignored: ${verdict.why}; the SLO's maths is unchanged`,
      });
    }
  }
  if (plugins.overridePrevious === true) {
    warnings.push({
      path: `${path}.overridePrevious`,
      message: "overridePrevious is ignored: it only changes which plugins Sloth runs on its own rules; the SLO's maths is unchanged",
    });
  }
  return ok;
}

function convert(spec: SlothSpec, prefix: string, issues: PolicyIssue[], warnings: PolicyIssue[]): SloConfig[] {
  const out: SloConfig[] = [];
  const specPluginsOk = checkPlugins(spec.slo_plugins, `${prefix}slo_plugins`, issues, warnings);
  for (const [i, slo] of spec.slos.entries()) {
    const path = `${prefix}slos[${i}]`;
    const pluginsOk = checkPlugins(slo.plugins, `${path}.plugins`, issues, warnings);
    if (slo.sli.plugin) {
      issues.push({
        path: `${path}.sli.plugin`,
        message: `Sloth SLI plugins (here "${slo.sli.plugin.id}") generate their queries inside Sloth and cannot be read; write the SLI as events (error_query/total_query) or raw (error_ratio_query)`,
      });
      continue;
    }
    if (!specPluginsOk || !pluginsOk) continue;
    const runbook = runbookOf(slo.alerting?.annotations);
    const candidate = {
      name: `${spec.service}-${slo.name}`,
      service: spec.service,
      objective: slo.objective,
      ...(slo.description ? { description: slo.description.slice(0, 500) } : {}),
      ...(runbook !== undefined ? { runbook } : {}),
      sli: slo.sli.events
        ? { events: { error: asIncrease(slo.sli.events.error_query), total: asIncrease(slo.sli.events.total_query) } }
        : { ratio: { query: slo.sli.raw!.error_ratio_query } },
    };
    const result = sloSchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of toPolicyIssues(result.error, candidate)) {
        const field = issue.path === 'name' ? 'name (the SLO id <service>-<name>)' : issue.path;
        issues.push({ path: `${path}.${field}`, message: issue.message });
      }
      continue;
    }
    // Marked as Sloth's, so the gate can read the series Sloth records for it (src/core/evaluate/sloth-ratios.ts).
    out.push({ ...result.data, slothId: candidate.name });
  }
  return out;
}

/**
 * The SLOs of a Sloth `prometheus/v1` file (one or more YAML documents), with
 * the plugins that were ignored.
 * @param source the file's path, for error messages
 * @throws PolicyError naming each offending key, the value and the accepted form
 */
export function readSlothSpec(text: string, source: string): SlothSpecSlos {
  const docs = parseAllDocuments(text, SLOTH_YAML_OPTIONS);
  const list = Array.isArray(docs) ? docs : [docs];
  const issues: PolicyIssue[] = [];
  const warnings: PolicyIssue[] = [];
  const slos: SloConfig[] = [];
  const specs = list.filter((doc) => doc.contents !== null || doc.errors.length > 0);
  if (specs.length === 0)
    throw new PolicyError(source, [
      { path: '', message: 'the file is empty; expected a Sloth spec with version: "prometheus/v1", service and slos' },
    ]);
  for (const [d, doc] of specs.entries()) {
    const prefix = specs.length > 1 ? `document ${d + 1}: ` : '';
    if (doc.errors.length > 0) {
      issues.push(
        ...doc.errors.map((e) => ({
          path: `${prefix}${e.linePos ? `line ${e.linePos[0].line}` : ''}`,
          message: `YAML syntax: ${e.message.split('\n')[0]}`,
        })),
      );
      continue;
    }
    const data: unknown = doc.toJS();
    const parsed = slothSpecSchema.safeParse(data);
    if (!parsed.success) {
      issues.push(...toPolicyIssues(parsed.error, data).map((i) => ({ ...i, path: `${prefix}${i.path}` })));
      continue;
    }
    slos.push(...convert(parsed.data, prefix, issues, warnings));
  }
  const seen = new Set<string>();
  for (const slo of slos) {
    if (seen.has(slo.name)) issues.push({ path: formatPath(['slos']), message: `SLO ids must be unique; "${slo.name}" appears twice` });
    seen.add(slo.name);
  }
  if (issues.length > 0) throw new PolicyError(source, issues);
  return { slos, warnings };
}

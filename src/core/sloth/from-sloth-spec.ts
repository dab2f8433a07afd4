/**
 * A Sloth `prometheus/v1` SLO spec as the project's SLOs, so a Sloth user can
 * point the gate (and `generate rules`) at the file they already have. Pure:
 * the adapters read the file and pass its text in.
 *
 * Mapping (one Sloth SLO → one SLO):
 * - name: Sloth's SLO id, `<service>-<name>` (what Sloth writes as `sloth_id`),
 *   so SLOs of several Sloth services stay distinct;
 * - service, objective (percent in both), description;
 * - `sli.events` → `events`, with `rate(` read as `increase(`: the ratio is the
 *   same, and the generated rules' traffic guard needs event counts, not rates;
 * - `sli.raw.error_ratio_query` → `ratio`;
 * - `alerting.annotations.runbook` (or `runbook_url`) → `runbook` when it is a URL.
 * Sloth's `sli.plugin` has no equivalent and is refused. The window is the
 * policy's default (Sloth's own default period is 30 days too).
 */
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { isHttpUrl } from '../http-url.js';
import { PolicyError, type PolicyIssue } from '../policy/policy-error.js';
import { formatPath, toPolicyIssues } from '../policy/policy-issues.js';
import { sloSchema, type SloConfig } from '../policy/schema.js';

const slothQuery = z
  .string()
  .min(1)
  .refine((q) => /\{\{\s*\.window\s*\}\}/.test(q), { message: 'expected a PromQL query with {{.window}} where the range goes, as Sloth requires' });

const slothSloSchema = z.object({
  name: z.string().min(1, { message: 'expected the SLO name' }),
  objective: z.number({ message: 'expected the objective in percent, e.g. 99.9' }),
  description: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  sli: z
    .object({
      events: z.object({ error_query: slothQuery, total_query: slothQuery }).optional(),
      raw: z.object({ error_ratio_query: slothQuery }).optional(),
      plugin: z.object({ id: z.string() }).loose().optional(),
    })
    .refine((sli) => [sli.events, sli.raw, sli.plugin].filter(Boolean).length === 1, { message: 'expected exactly one of events, raw or plugin' }),
  alerting: z
    .object({
      name: z.string().optional(),
      annotations: z.record(z.string(), z.string()).optional(),
    })
    .loose()
    .optional(),
});

/** The parts of a Sloth `prometheus/v1` spec the gate reads; everything else (labels, alert routing) is Sloth's and ignored. */
export const slothSpecSchema = z.object({
  version: z.literal('prometheus/v1', { message: 'expected version "prometheus/v1" (the Sloth Prometheus spec; Kubernetes PrometheusServiceLevel and OpenSLO files are not read)' }),
  service: z.string().min(1, { message: 'expected the service name' }),
  labels: z.record(z.string(), z.string()).optional(),
  slos: z.array(slothSloSchema).min(1, { message: 'expected at least one SLO' }),
});

export type SlothSpec = z.infer<typeof slothSpecSchema>;

/** `rate(` → `increase(` (not `irate(`): same ratio, but event counts. */
function asIncrease(query: string): string {
  return query.replace(/(?<![A-Za-z0-9_:])rate\s*\(/g, 'increase(');
}

function runbookOf(annotations: Record<string, string> | undefined): string | undefined {
  const candidate = annotations?.runbook ?? annotations?.runbook_url;
  return candidate !== undefined && isHttpUrl(candidate) ? candidate : undefined;
}

function convert(spec: SlothSpec, prefix: string, issues: PolicyIssue[]): SloConfig[] {
  const out: SloConfig[] = [];
  for (const [i, slo] of spec.slos.entries()) {
    const path = `${prefix}slos[${i}]`;
    if (slo.sli.plugin) {
      issues.push({
        path: `${path}.sli.plugin`,
        message: `Sloth SLI plugins (here "${slo.sli.plugin.id}") generate their queries inside Sloth and cannot be read; write the SLI as events (error_query/total_query) or raw (error_ratio_query)`,
      });
      continue;
    }
    const runbook = runbookOf(slo.alerting?.annotations);
    const candidate = {
      name: `${spec.service}-${slo.name}`,
      service: spec.service,
      objective: slo.objective,
      ...(slo.description !== undefined ? { description: slo.description.slice(0, 500) } : {}),
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
    out.push(result.data);
  }
  return out;
}

/**
 * The SLOs of a Sloth `prometheus/v1` file (one or more YAML documents).
 * @param source the file's path, for error messages
 * @throws PolicyError naming each offending key, the value and the accepted form
 */
export function slosFromSlothSpec(text: string, source: string): SloConfig[] {
  const docs = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const issues: PolicyIssue[] = [];
  const slos: SloConfig[] = [];
  const specs = list.filter((doc) => doc.contents !== null || doc.errors.length > 0);
  if (specs.length === 0) throw new PolicyError(source, [{ path: '', message: 'the file is empty; expected a Sloth spec with version: "prometheus/v1", service and slos' }]);
  for (const [d, doc] of specs.entries()) {
    const prefix = specs.length > 1 ? `document ${d + 1}: ` : '';
    if (doc.errors.length > 0) {
      issues.push(...doc.errors.map((e) => ({ path: `${prefix}${e.linePos ? `line ${e.linePos[0].line}` : ''}`, message: `YAML syntax: ${e.message.split('\n')[0]}` })));
      continue;
    }
    const data: unknown = doc.toJS();
    const parsed = slothSpecSchema.safeParse(data);
    if (!parsed.success) {
      issues.push(...toPolicyIssues(parsed.error, data).map((i) => ({ ...i, path: `${prefix}${i.path}` })));
      continue;
    }
    slos.push(...convert(parsed.data, prefix, issues));
  }
  const seen = new Set<string>();
  for (const slo of slos) {
    if (seen.has(slo.name)) issues.push({ path: formatPath(['slos']), message: `SLO ids must be unique; "${slo.name}" appears twice` });
    seen.add(slo.name);
  }
  if (issues.length > 0) throw new PolicyError(source, issues);
  return slos;
}

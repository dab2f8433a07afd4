/**
 * The JSON envelope of Prometheus's `/api/v1/query` and `/api/v1/query_range`, validated rather than cast
 * (https://prometheus.io/docs/prometheus/latest/querying/api/#format-overview).
 */
import { z } from 'zod';

/** Sample values are strings in the JSON, including "NaN", "+Inf" and "-Inf". */
const sampleValueSchema = z.string().transform((text, ctx) => {
  if (text === 'NaN') return Number.NaN;
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  // Number() would also accept "", " 1 " and "0x10".
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `expected a number, NaN or ±Inf as a string, got ${JSON.stringify(text.slice(0, 40))}` });
    return z.NEVER;
  }
  return Number(text);
});

/** `[<unix seconds>, "<value>"]` */
const pointSchema = z.tuple([z.number(), sampleValueSchema]);

/**
 * A range query's `matrix` result: series with their `values` (`histograms`
 * instead for native histograms, which have no single value).
 */
export const matrixResultSchema = z.array(
  z.object({
    metric: z.record(z.string(), z.string()),
    values: z.array(pointSchema).optional(),
    histograms: z.unknown().optional(),
  }),
);

const statsSchema = z.object({ samples: z.object({ totalQueryableSamples: z.number().optional() }).optional() }).optional();

const dataSchema = z.discriminatedUnion('resultType', [
  z.object({
    resultType: z.literal('vector'),
    result: z.array(
      z.object({
        metric: z.record(z.string(), z.string()),
        value: pointSchema.optional(),
        /** Native histogram samples carry `histogram` instead of `value`. */
        histogram: z.unknown().optional(),
      }),
    ),
    stats: statsSchema,
  }),
  z.object({ resultType: z.literal('scalar'), result: pointSchema, stats: statsSchema }),
  z.object({ resultType: z.literal('matrix'), result: z.unknown(), stats: statsSchema }),
  z.object({ resultType: z.literal('string'), result: z.unknown(), stats: statsSchema }),
]);

const envelopeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('success'), data: dataSchema, warnings: z.array(z.string()).optional() }),
  z.object({
    status: z.literal('error'),
    errorType: z.string().optional(),
    error: z.string().optional(),
    warnings: z.array(z.string()).optional(),
  }),
]);

export type PrometheusEnvelope = z.infer<typeof envelopeSchema>;

/** The parsed envelope, or why the text is not one. */
export type ParsedEnvelope = { ok: true; envelope: PrometheusEnvelope } | { ok: false; problem: string };

export function parseEnvelope(text: string): ParsedEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: text.trim() === '' ? 'the body is empty' : 'the body is not JSON' };
  }
  const parsed = envelopeSchema.safeParse(json);
  if (parsed.success) return { ok: true, envelope: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, problem: `the JSON is not a Prometheus API answer (${issue?.message ?? 'unexpected shape'}${where})` };
}

/** Prometheus's `error` text from an error answer, if the body is one. */
export function prometheusError(text: string): { errorType: string | null; error: string } | null {
  const parsed = parseEnvelope(text);
  if (!parsed.ok || parsed.envelope.status !== 'error' || parsed.envelope.error === undefined) return null;
  return { errorType: parsed.envelope.errorType ?? null, error: parsed.envelope.error };
}

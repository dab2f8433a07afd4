/** The JSON envelope of Prometheus's /api/v1/query, validated rather than cast. */
import { z } from 'zod';

const sampleValue = z.tuple([z.number(), z.string()]);

const envelopeSchema = z.object({
  status: z.enum(['success', 'error']),
  error: z.string().optional(),
  errorType: z.string().optional(),
  warnings: z.array(z.string()).optional(),
  data: z
    .discriminatedUnion('resultType', [
      z.object({
        resultType: z.literal('vector'),
        result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: sampleValue })),
        stats: z.object({ samples: z.object({ totalQueryableSamples: z.number() }).partial().optional() }).partial().optional(),
      }),
      z.object({
        resultType: z.literal('scalar'),
        result: sampleValue,
        stats: z.object({ samples: z.object({ totalQueryableSamples: z.number() }).partial().optional() }).partial().optional(),
      }),
      z.object({ resultType: z.literal('matrix'), result: z.array(z.unknown()), stats: z.undefined().optional() }),
      z.object({ resultType: z.literal('string'), result: z.unknown(), stats: z.undefined().optional() }),
    ])
    .optional(),
});

export type PrometheusEnvelope = z.infer<typeof envelopeSchema>;

/** The parsed envelope, or null when the text is not Prometheus JSON. */
export function parseEnvelope(text: string): PrometheusEnvelope | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = envelopeSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The policy's duration type, shared by every section of the file. */
import { z } from 'zod';
import { DURATION_FORM, isDuration } from '../duration.js';

/** A Prometheus-style duration such as `30d` or `5m`. */
export const durationSchema = z
  .string()
  .refine(isDuration, { message: `expected ${DURATION_FORM}` })
  .meta({ pattern: '^([0-9]+(ms|y|w|d|h|m|s))+$', examples: ['30d', '1h', '5m'] });

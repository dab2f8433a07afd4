/**
 * The policy's clock types: cron expressions, IANA time zones and ISO 8601
 * timestamps, shared by freeze windows and budget exclusions.
 */
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

export const cronSchema = z.string().refine(
  (expr) => {
    try {
      CronExpressionParser.parse(expr);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a cron expression with 5 fields (minute hour day-of-month month day-of-week), e.g. "0 18 * * 5"' },
);

export const timezoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IANA time zone such as Europe/Berlin or America/New_York' },
);

export const timestampSchema = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'expected an ISO 8601 timestamp with a time zone, e.g. 2026-11-27T00:00:00Z or 2026-11-27T00:00:00-05:00',
  });

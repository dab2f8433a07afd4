/**
 * The JSON report travels inside the check run's `output.text` in a fenced block
 * tagged `json deploy-governor-report`; the app parses it back. Only a block
 * that validates as report@1 counts.
 */
import { reportSchema, type Report } from './report-schema.js';

const FENCE_OPEN = '```json deploy-governor-report';
const FENCE_CLOSE = '```';

/** The report as check-run text: a short note and the fenced JSON. */
export function embedReport(report: Report): string {
  return `The deploy-governor report (schema ${report.schema}), read by the deploy-governor app:\n\n${FENCE_OPEN}\n${JSON.stringify(report)}\n${FENCE_CLOSE}\n`;
}

/** The report embedded in check-run text, or null when there is none or it is invalid. */
export function extractReportFromCheckRun(text: string | null | undefined): Report | null {
  if (!text) return null;
  const start = text.indexOf(`${FENCE_OPEN}\n`);
  if (start < 0) return null;
  const bodyStart = start + FENCE_OPEN.length + 1;
  const end = text.indexOf(`\n${FENCE_CLOSE}`, bodyStart);
  if (end < 0) return null;
  let json: unknown;
  try {
    json = JSON.parse(text.slice(bodyStart, end));
  } catch {
    return null;
  }
  const parsed = reportSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

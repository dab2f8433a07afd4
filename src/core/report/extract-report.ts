/**
 * The JSON report travels inside the check run's `output.text` in a fenced block
 * tagged `json deploy-governor-report`; the app parses it back. Only a block
 * that validates as report@1 counts.
 */
import { embedFencedJson, extractFencedJson } from '../fenced-json.js';
import { reportSchema, type Report } from './report-schema.js';

const TAG = 'deploy-governor-report';

/** The report as check-run text: a short note and the fenced JSON. */
export function embedReport(report: Report): string {
  return embedFencedJson(TAG, `The deploy-governor report (schema ${report.schema}), read by the deploy-governor app:`, report);
}

/** The report embedded in check-run text, or null when there is none or it is invalid. */
export function extractReportFromCheckRun(text: string | null | undefined): Report | null {
  return extractFencedJson(text, TAG, reportSchema);
}

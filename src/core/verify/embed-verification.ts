/**
 * The verdict travels inside the verify check run's `output.text` in a fenced
 * block tagged `json deploy-governor-verification`, as the gate's report does in
 * its own (core/report/extract-report.ts).
 */
import type { Verification } from './verification-schema.js';

const FENCE_OPEN = '```json deploy-governor-verification';

/** The verdict as check-run text: a short note and the fenced JSON. */
export function embedVerification(verification: Verification): string {
  return `The deploy-governor verification (schema ${verification.schema}):\n\n${FENCE_OPEN}\n${JSON.stringify(verification)}\n\`\`\`\n`;
}

/**
 * The verdict travels inside the verify check run's `output.text` in a fenced
 * block tagged `json deploy-governor-verification`, as the gate's report does in
 * its own (core/report/extract-report.ts).
 */
import { embedFencedJson } from '../fenced-json.js';
import type { Verification } from './verification-schema.js';

/** The block's tag (what the app looks for: src/core/verify/extract-verification.ts, app/edge/relevance.ts). */
export const VERIFICATION_TAG = 'deploy-governor-verification';

/** The verdict as check-run text: a short note and the fenced JSON. */
export function embedVerification(verification: Verification): string {
  return embedFencedJson(VERIFICATION_TAG, `The deploy-governor verification (schema ${verification.schema}):`, verification);
}

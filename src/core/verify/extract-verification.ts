/**
 * Reads the verdict back from the verify check run's `output.text` (the block
 * embed-verification.ts writes, through src/core/fenced-json.ts). Only a block
 * that validates as verification@1 counts; anything else is a reason, for the
 * app's log.
 */
import { readFencedJson } from '../fenced-json.js';
import { VERIFICATION_TAG } from './embed-verification.js';
import { verificationSchema, type Verification } from './verification-schema.js';

/** GitHub's limit for a check run's `output.text`: a longer block did not come from a check run. */
const MAX_VERIFICATION_CHARS = 65_535;

/** `deploy-governor / <environment> / verify`: the environment, or null for any other name. */
export function verifyCheckRunEnvironment(name: string): string | null {
  return /^deploy-governor \/ (.+) \/ verify$/.exec(name)?.[1] ?? null;
}

/** The verdict, or why there is none. */
export type ExtractedVerification = { verification: Verification } | { ignored: string };

export function extractVerificationFromCheckRun(text: string | null | undefined): ExtractedVerification {
  const read = readFencedJson(text, VERIFICATION_TAG, verificationSchema, MAX_VERIFICATION_CHARS);
  return 'value' in read ? { verification: read.value } : { ignored: read.problem };
}

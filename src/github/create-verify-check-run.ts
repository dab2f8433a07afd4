/**
 * Publishes the verify step's verdict as the check run `deploy-governor /
 * <environment> / verify` on the deployed commit, beside the gate's own
 * (create-check-run.ts). The verdict is informational: it opens no gate.
 */
import { embedVerification } from '../core/verify/embed-verification.js';
import { verdictHeadline } from '../core/verify/render-verification.js';
import type { Verification } from '../core/verify/verification-schema.js';
import type { GitHubClient } from './client.js';
import { publishCheckRun, type CheckRunResult, type CheckRunTarget } from './create-check-run.js';

export function createVerifyCheckRun(
  client: GitHubClient,
  target: CheckRunTarget,
  verification: Verification,
  summaryMarkdown: string,
): Promise<CheckRunResult> {
  return publishCheckRun(client, target, {
    name: `deploy-governor / ${verification.environment} / verify`,
    conclusion: verification.passed ? 'success' : 'failure',
    title: verdictHeadline(verification),
    summary: summaryMarkdown,
    // The samples are bounded (MAX_SAMPLES_PER_SLO): only a policy with very many SLOs outgrows the limit.
    text: embedVerification(verification),
    tooLarge: 'The JSON verdict exceeds the check-run size limit (65,535 characters); read it from verdict-path in the workflow.',
    publishes: 'the verdict for the deploy-governor app',
  });
}

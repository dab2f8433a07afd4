/** Reading the verdict back from the verify check run's text (src/core/verify/extract-verification.ts). */
import { describe, expect, it } from 'vitest';
import { embedVerification } from '../../src/core/verify/embed-verification.js';
import { extractVerificationFromCheckRun, verifyCheckRunEnvironment } from '../../src/core/verify/extract-verification.js';
import { verificationFor } from '../support/verifications.js';

describe('extractVerificationFromCheckRun', () => {
  it('reads back exactly what the Action embedded', () => {
    for (const regressed of [true, false]) {
      const v = verificationFor({ regressed, rollback: './rollback.sh' });
      expect(extractVerificationFromCheckRun(embedVerification(v))).toEqual({ verification: v });
    }
  });

  it('ignores a missing text or block, an unknown key and a later schema, naming why', () => {
    const v = verificationFor({ regressed: true });
    const fence = '```json deploy-governor-verification\n';
    expect(extractVerificationFromCheckRun(null)).toEqual({ ignored: 'the check run has no text' });
    expect(extractVerificationFromCheckRun('```json deploy-governor-report\n{}\n```')).toEqual({
      ignored: 'the check run carries no deploy-governor-verification block',
    });
    expect(
      extractVerificationFromCheckRun(`${fence}${JSON.stringify({ ...v, schema: 'deploy-governor/verification@2' })}\n\`\`\``),
    ).toEqual({
      ignored: expect.stringMatching(/^the deploy-governor-verification block does not validate: schema: /),
    });
    // Fields the schema does not know are dropped, never trusted: the verdict is what the schema reads.
    const extra = extractVerificationFromCheckRun(`${fence}${JSON.stringify({ ...v, mention: '@octocat' })}\n\`\`\``);
    expect(extra).toEqual({ verification: v });
  });

  it('refuses a block over the check-run text limit before parsing it', () => {
    const text = `\`\`\`json deploy-governor-verification\n${' '.repeat(65_536)}{}\n\`\`\``;
    expect(extractVerificationFromCheckRun(text)).toEqual({ ignored: 'the deploy-governor-verification block is over 65535 characters' });
  });
});

describe('verifyCheckRunEnvironment', () => {
  it("is the environment of a verify check run's name, and null for the gate's and others", () => {
    expect(verifyCheckRunEnvironment('deploy-governor / production / verify')).toBe('production');
    expect(verifyCheckRunEnvironment('deploy-governor / production')).toBeNull();
    expect(verifyCheckRunEnvironment('deploy-governor / freeze-request')).toBeNull();
    expect(verifyCheckRunEnvironment('ci / production / verify')).toBeNull();
  });
});

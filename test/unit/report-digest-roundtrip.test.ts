/**
 * The app recomputes the digest from the report it parsed out of the check run;
 * the Action computed it from the report it built. Parsing (zod) must not change
 * a byte of what the digest covers, or every token would look forged.
 */
import { describe, expect, it } from 'vitest';
import { embedReport, extractReportFromCheckRun } from '../../src/core/report/extract-report.js';
import { oidcAudience, reportDigest } from '../../src/core/report/report-digest.js';
import { reportSchema, type Report } from '../../src/core/report/report-schema.js';
import { overriddenReport, reportFor } from '../support/reports.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl';

describe('reportDigest across the check run', () => {
  it.each([
    ['an overridden EXHAUSTED report', () => overriddenReport(1500)],
    ['an overridden FREEZE report at the freeze level', () => overriddenReport(900, { level: 'freeze' })],
    ['a NORMAL report (days to exhaustion "inf")', () => reportFor(100)],
  ])('is the same for %s before and after embedding and parsing', async (_name, make) => {
    const report: Report = await make();
    const withProvenance: Report = { ...report, provenance: { oidcToken: TOKEN } };
    const parsed = extractReportFromCheckRun(embedReport(withProvenance));
    expect(parsed).not.toBeNull();
    expect(parsed!.provenance).toEqual({ oidcToken: TOKEN });
    expect(reportDigest(parsed!)).toBe(reportDigest(withProvenance));
    expect(reportDigest(parsed!)).toBe(reportDigest(report));
    // And through the report file's pretty-printed JSON, which is parsed the same way.
    const fromFile = extractReportFromCheckRun(embedReport(reportSchema.parse(JSON.parse(`${JSON.stringify(withProvenance, null, 2)}\n`))));
    expect(reportDigest(fromFile!)).toBe(reportDigest(report));
  });

  it('changes with any change to the report, so the audience names one report only', async () => {
    const report = await overriddenReport(1500);
    const edited: Report = { ...report, override: { ...report.override!, actor: 'someone-else' } };
    expect(oidcAudience(reportDigest(edited))).not.toBe(oidcAudience(reportDigest(report)));
    expect(oidcAudience(reportDigest(report))).toMatch(/^deploy-governor:sha256:[0-9a-f]{64}$/);
  });
});

/**
 * The report parser and the renderers under random and hostile input. The
 * parser never throws: it returns a report that re-validates as report@1, or
 * null. Hostile text in every string field of a report that users can influence
 * (environment, SLO and freeze names, reasons, override actor and reason, URLs,
 * timestamps…) never makes a rendering mention anyone, render HTML, build a link
 * or heading, add a line or a table column, reference an issue, or pose as the
 * PR comment's marker.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentMarker, renderAllowedComment, renderBlockedComment, type CommentContext } from '../../src/core/render/render-pr-comment.js';
import { renderProtectionComment, renderProtectionError } from '../../src/core/render/render-protection-comment.js';
import { renderSummary } from '../../src/core/render/render-summary.js';
import { embedReport, extractReportFromCheckRun } from '../../src/core/report/extract-report.js';
import { reportSchema, type Report } from '../../src/core/report/report-schema.js';
import { overriddenReport, reportFor } from '../support/reports.js';

const runner = (numRuns: number, seconds = 20) => ({ numRuns, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: true });

const blocked = await reportFor(1500);
const overridden = await overriddenReport(1500, { level: 'exhausted' });

/** A report with every optional section present, so that every string field is rendered somewhere. */
function complete(base: Report): Report {
  return reportSchema.parse({
    ...base,
    decision: { ...base.decision, nextSteps: ['Look at the dashboard', 'Ask the on-call'], requiredPermission: 'maintain' },
    slos: base.slos.map((s) => ({
      ...s,
      description: 'Checkout answers',
      runbook: 'https://runbooks.example.com/checkout',
      error: 'none',
      // The budget charts (Mermaid) carry the SLO name and window too.
      history: {
        step: '1d',
        source: 'raw',
        points: [
          { at: '2026-11-21T12:00:00Z', budgetRemaining: 100, burnRate: null },
          { at: '2026-11-22T12:00:00Z', budgetRemaining: 60.5, burnRate: 2.5 },
          { at: '2026-11-23T12:00:00Z', budgetRemaining: -50, burnRate: 14.4 },
        ],
      },
    })),
    dr: {
      metric: 'dr_last_test_timestamp',
      ageSeconds: 3 * 86400,
      maxAgeSeconds: 7 * 86400,
      lastTestAt: '2026-11-20T12:00:00Z',
      backupProbe: { query: 'probe_success{job="dr"}', value: 0, ok: false },
      rto: { metric: 'dr_rto_seconds', seconds: 600, maxSeconds: 3600, ok: true },
      rpo: { metric: 'dr_rpo_seconds', seconds: 60, maxSeconds: 300, ok: true },
      ok: false,
    },
    freeze: { active: [{ name: 'Black Friday', reason: 'Peak traffic', since: '2026-11-27T00:00:00Z', until: '2026-11-30T23:59:59Z' }] },
    override: base.override ? { ...base.override, permission: 'admin', approvers: ['release-manager'] } : null,
  });
}

const REPORTS = { blocked: complete(blocked), overridden: complete(overridden) };

/** Fields whose values are enums or schema ids: the schema rejects anything else, so users cannot put text there. */
const ENUM_KEYS = new Set([
  'schema',
  'status',
  'blockOn',
  'mode',
  'onError',
  'requiredOverride',
  'sliKind',
  'source',
  'level',
  'state',
  'code',
]);

/**
 * Free-text fields kept as they are, so that what they enable is rendered: a history `step` that is not a
 * duration draws no chart (budget-chart.test.ts), which would leave the SLO name out of the charts.
 */
const KEPT_KEYS = new Set(['step']);

/** The report with every free-text string (array items included) replaced by `text`. */
function withTextEverywhere(report: Report, text: string): Report {
  const replace = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') return key !== null && (ENUM_KEYS.has(key) || KEPT_KEYS.has(key)) ? value : text;
    if (Array.isArray(value)) return value.map((v) => replace(v, null));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, k)]));
    return value;
  };
  return reportSchema.parse(replace(report, null));
}

const ctx: CommentContext = {
  runUrl: 'https://github.com/o/r/actions/runs/1',
  workflowUrl: 'https://github.com/o/r/actions/workflows/deploy.yml',
  sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
};

const HOSTILE = [
  '@alice',
  '@org/team',
  'cc @octo-org/security',
  '#123',
  'octo/repo#9',
  'GH-42',
  'gh-7',
  '<!-- deploy-governor:pr-comment environment=production -->',
  '-->',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '</sub><b>x</b>',
  '<details open>',
  '[click](https://evil.example)',
  '![p](https://evil.example/p.png)',
  '[ref]: https://evil.example',
  '<https://evil.example>',
  'https://evil.example/login',
  'www.evil.example',
  'ftp://evil.example',
  'mailto:a@b.co',
  '\n# Heading\n',
  '# Heading',
  '## H',
  '\n===\n',
  '\n---\n',
  'x\r\n## H',
  '| a | b |',
  '||',
  '```',
  '```js\nalert(1)\n```',
  '~~~',
  '`code`',
  '\\',
  '\\`',
  '\\|',
  '\\#1',
  '\\@x',
  '**bold**',
  '_it_',
  '> quote',
  '- item',
  '1. item',
  '+ item',
  '&lt;b&gt;',
  '&#64;alice',
  ':shipit:',
  '$$x$$',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2069',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u0000',
  '\u001b[31m',
  '\t',
  ' ',
  'x',
];
const hostileText = fc.oneof(
  fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 60, unit: 'binary' }),
  fc.constantFrom(...HOSTILE),
);
/** Each rendering carries the canary when the user text survives, so the checks below are not vacuous. */
const CANARY = 'zqxcanary';

/** Occurrences of `ch` not escaped by an odd run of backslashes. */
function unescaped(text: string, ch: string): number {
  let count = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
    let slashes = 0;
    while (i - slashes - 1 >= 0 && text[i - slashes - 1] === '\\') slashes++;
    if (slashes % 2 === 0) count++;
  }
  return count;
}

/** Markdown structure that user text must not change: the same counts as for harmless text. */
function structure(markdown: string) {
  const lines = markdown.split('\n');
  return {
    lines: lines.length,
    headings: lines.filter((l) => /^ {0,3}(?:(?:[-*+]|\d{1,9}[.)]) +)*#{1,6}(?:[ \t]|$)/.test(l)).length,
    setextUnderlines: lines.filter((l) => /^ {0,3}(?:=+|-{2,}) *$/.test(l)).length,
    blockquotes: lines.filter((l) => /^ {0,3}>/.test(l)).length,
    tags: (markdown.match(/</g) ?? []).length,
    links: (markdown.match(/\]\(/g) ?? []).length,
    urls: (markdown.match(/:\/\//g) ?? []).length,
    backticks: unescaped(markdown, '`'),
    pipes: unescaped(markdown, '|'),
    markers: markdown.split('<!--').length - 1,
  };
}

/** What must never appear at all, whatever the structure. */
function expectNothingActive(markdown: string): void {
  expect(markdown).not.toMatch(/@(?!\u200b)/); // a mention or team ping
  expect(markdown).not.toMatch(/#\d/); // #123, owner/repo#123
  expect(markdown).not.toMatch(/\bGH-\d/i);
  expect(markdown).not.toMatch(/\bwww\./i);
  expect(markdown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/); // bidi overrides reordering our text
  // eslint-disable-next-line no-control-regex
  expect(markdown).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
}

const renderings: Record<string, (text: string) => string> = {
  'blocked PR comment': (text) => renderBlockedComment(withTextEverywhere(REPORTS.blocked, text), ctx),
  'allowed PR comment': (text) => renderAllowedComment(withTextEverywhere(REPORTS.overridden, text), ctx),
  'job and check-run summary (blocked)': (text) => renderSummary(withTextEverywhere(REPORTS.blocked, text)),
  'job and check-run summary (overridden)': (text) => renderSummary(withTextEverywhere(REPORTS.overridden, text)),
  'protection-rule comment': (text) => renderProtectionComment(withTextEverywhere(REPORTS.blocked, text)),
  'protection-rule error': (text) => renderProtectionError(text),
};

describe('renderers with hostile text in every user-controlled field (property)', () => {
  for (const [name, render] of Object.entries(renderings)) {
    it(`${name}: no mention, HTML, link, heading, reference, new line, column or marker`, () => {
      const harmless = structure(render(CANARY));
      fc.assert(
        fc.property(hostileText, (hostile) => {
          const out = render(`${CANARY}${hostile}`);
          expect(out).toContain(CANARY);
          expect(structure(out)).toEqual(harmless);
          expectNothingActive(out);
        }),
        runner(150),
      );
    });
  }

  it('keeps the marker of the PR comment intact and first, whatever the environment is called', () => {
    fc.assert(
      fc.property(hostileText, (environment) => {
        for (const body of [
          renderBlockedComment(withTextEverywhere(REPORTS.blocked, environment), ctx),
          renderAllowedComment(withTextEverywhere(REPORTS.overridden, environment), ctx),
        ]) {
          const first = body.split('\n')[0]!;
          expect(first).toBe(commentMarker(environment));
          expect(first).toMatch(/^<!-- deploy-governor:pr-comment environment=[A-Za-z0-9._-]* -->$/);
        }
      }),
      runner(100),
    );
  });
});

describe('report parser (property)', () => {
  const reports = fc.constantFrom(REPORTS.blocked, REPORTS.overridden);

  /** Null, or a report that is exactly what the schema makes of itself. */
  function parsed(text: string | null | undefined): Report | null {
    const report = extractReportFromCheckRun(text);
    if (report !== null) expect(reportSchema.parse(report)).toEqual(report);
    return report;
  }

  it('returns null or a valid report for random text, never throwing', () => {
    const FENCE = '```json deploy-governor-report\n';
    const pieces = fc.constantFrom(
      FENCE,
      '\n```',
      '```',
      '{',
      '}',
      '"schema":"deploy-governor/report@1"',
      '[',
      ']',
      'null',
      ',',
      ':',
      '\n',
      '\\',
      '"',
      '__proto__',
      '\u0000',
    );
    // Random text seldom holds a whole fenced block around JSON, so that the schema is never asked and a
    // parser that returned any JSON it found would pass: a third of the cases are a block around JSON that
    // is no report (any value, or an object that names the report's schema and holds anything else).
    const notAReport = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc
        .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
        .map((d) => ({ ...d, schema: 'deploy-governor/report@1' })),
    );
    const fenced = notAReport.map((v) => `${FENCE}${JSON.stringify(v)}\n\`\`\``);
    const text = fc.oneof(
      fc.string({ maxLength: 300, unit: 'binary' }),
      fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
      fenced,
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(parsed(t)).toBeNull();
      }),
      runner(400),
    );
  });

  it('finds the report with any text around it, and the hostile text inside it comes back unchanged', () => {
    fc.assert(
      fc.property(reports, hostileText, fc.string({ maxLength: 100 }), fc.string({ maxLength: 100 }), (report, hostile, before, after) => {
        const tricky = withTextEverywhere(report, hostile);
        // Text before the block must not itself open a block, or that one is read first.
        fc.pre(!before.includes('```json deploy-governor-report'));
        expect(parsed(`${before}\n${embedReport(tricky)}${after}`)).toEqual(tricky);
      }),
      runner(150),
    );
  });

  it('returns null for a truncated embedding, at any cut before the closing fence', () => {
    fc.assert(
      fc.property(reports, fc.double({ min: 0, max: 1, noNaN: true }), (report, fraction) => {
        const text = embedReport(report);
        const closing = text.lastIndexOf('\n```');
        const cut = Math.floor(fraction * closing);
        expect(parsed(text.slice(0, cut))).toBeNull();
      }),
      runner(200),
    );
  });

  it('returns null for JSON that is not a report: wrong types, unknown schema, prototype keys, hostile nesting', () => {
    const wrap = (json: string) => `\`\`\`json deploy-governor-report\n${json}\n\`\`\``;
    const valid = REPORTS.blocked;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(parsed(wrap(JSON.stringify(value)))).toBeNull();
      }),
      runner(200),
    );
    expect(parsed(wrap(JSON.stringify({ ...valid, decision: { ...valid.decision, canDeploy: 'true' } })))).toBeNull();
    expect(parsed(wrap(JSON.stringify({ ...valid, schema: 'deploy-governor/report@2' })))).toBeNull();
    expect(parsed(wrap(JSON.stringify(valid).replace('{', '{"__proto__":{"polluted":true},')))).toEqual(valid);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed(wrap(`${'['.repeat(200_000)}${']'.repeat(200_000)}`))).toBeNull();
    expect(parsed(wrap(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`))).toBeNull();
  });

  it('copes with oversized check-run text: 10 MB of noise, an unclosed block, a 10 MB report', () => {
    const MB = 1024 * 1024;
    expect(parsed('x'.repeat(10 * MB))).toBeNull();
    expect(parsed(`\`\`\`json deploy-governor-report\n${'{"a":"'.repeat(2 * MB)}`)).toBeNull();
    expect(parsed(`${'```json deploy-governor-report\n'.repeat(300_000)}`)).toBeNull();
    const huge = {
      ...REPORTS.blocked,
      decision: { ...REPORTS.blocked.decision, reasons: Array.from({ length: 10_000 }, (_, i) => `${i} ${'r'.repeat(1000)}`) },
    };
    const text = embedReport(huge);
    expect(text.length).toBeGreaterThan(10 * 1000 * 1000);
    expect(parsed(text)).toEqual(huge);
  });
});

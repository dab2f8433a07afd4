/**
 * The pull-request comment, the protection-rule comment and the report's trip
 * through the check run: content, limits, and inertness of user text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentMarker, renderAllowedComment, renderBlockedComment, type CommentContext } from '../../src/core/render/render-pr-comment.js';
import { PROTECTION_COMMENT_LIMIT, renderProtectionComment } from '../../src/core/render/render-protection-comment.js';
import { embedReport, extractReportFromCheckRun } from '../../src/core/report/extract-report.js';
import { applyChangeClass } from '../../src/core/change-class/apply-change-class.js';
import { resolveChangeClasses } from '../../src/core/change-class/change-class-policy.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { overriddenReport, reportFor } from '../support/reports.js';

const ctx: CommentContext = {
  runUrl: 'https://github.com/o/r/actions/runs/1',
  workflowUrl: 'https://github.com/o/r/actions/workflows/deploy.yml',
  sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
};

const exhausted = await reportFor(1500);
const warning = await reportFor(600);
const normal = await reportFor(100);
const overridden = await overriddenReport(1500, { level: 'exhausted' });

function withUserText(base: Report, text: string): Report {
  return {
    ...base,
    environment: text,
    evaluatedAt: text,
    decision: {
      ...base.decision,
      reasons: [text, `${text} again`],
      changeClass: { name: text, source: 'label', detail: text, notes: [text], allowedThrough: false },
    },
    freeze: { active: [{ name: text, reason: text, since: text, until: text }] },
    override: base.override ? { ...base.override, actor: text, reason: text } : null,
  };
}

/** The comment without its own marker line and its footer's <sub> tags: what is left must hold no HTML at all. */
function userPart(body: string): string {
  return body
    .split('\n')
    .slice(1)
    .join('\n')
    .replace(/<\/?sub>/g, '');
}

describe('blocked comment', () => {
  it('says environment, status, budget, burn rate, exhaustion, DR age, freeze, every reason, the run and how to override', () => {
    const report: Report = {
      ...exhausted,
      dr: {
        ...(exhausted.dr ?? {}),
        metric: 'dr_last_success',
        ageSeconds: 3 * 86400,
        maxAgeSeconds: 7 * 86400,
        lastTestAt: null,
        backupProbe: null,
        rto: null,
        rpo: null,
        ok: true,
      },
      freeze: { active: [{ name: 'Black Friday', reason: null, since: null, until: '2026-11-30T00:00:00Z' }] },
    };
    const body = renderBlockedComment(report, ctx);
    expect(body.split('\n')[0]).toBe(commentMarker('production'));
    expect(body).toContain('Deploys to production are blocked: EXHAUSTED');
    expect(body).toContain(`| Budget remaining | ${report.budget.remaining!.toFixed(1)}% |`);
    expect(body).toContain(`| Burn rate (1h) | ${report.budget.burnRate!.toFixed(2)}x |`);
    expect(body).toMatch(/\| Days to exhaustion \| (∞|n\/a|\d+\.\d) \|/);
    expect(body).toContain('| DR drill | 3d ago (max 7d) |');
    expect(body).toContain('| Freeze window | Black Friday until 2026-11-30T00:00:00Z |');
    for (const reason of report.decision.reasons)
      expect(body).toContain(`- ${reason.replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1').slice(0, 40)}`);
    expect(body).toContain('[Workflow run](https://github.com/o/r/actions/runs/1)');
    expect(body).toContain(
      `dispatch [the deploy workflow](https://github.com/o/r/actions/workflows/deploy.yml) with \`override: ${report.decision.requiredOverride}\``,
    );
    expect(body).toContain(`the **${report.decision.requiredPermission}** role or higher`);
  });

  it('names the override level a WARNING needs, which differs from EXHAUSTED', () => {
    expect(renderBlockedComment(warning, ctx)).toContain('`override: warning`');
    expect(renderBlockedComment(exhausted, ctx)).toContain('`override: exhausted`');
  });

  it('caps a flood of reasons at 20 and says how many more', () => {
    const many = { ...exhausted, decision: { ...exhausted.decision, reasons: Array.from({ length: 25 }, (_, i) => `reason ${i}`) } };
    const body = renderBlockedComment(many, ctx);
    expect(body).toContain('- reason 19');
    expect(body).not.toContain('- reason 20');
    expect(body).toContain('- … and 5 more (see the run)');
  });
});

describe('allowed comment', () => {
  it('says the deploy is allowed again', () => {
    expect(renderAllowedComment(normal, ctx)).toContain('### ✅ Deploys to production are allowed again: NORMAL');
  });

  it('says who overrode, at which level, and why', () => {
    const body = renderAllowedComment(overridden, ctx);
    expect(body).toContain('went ahead under an override: EXHAUSTED');
    expect(body).toContain('Overridden by octocat at level `exhausted`: Hotfix for the checkout outage INC-42');
  });
});

const frozen = await reportFor(900, 'dr: { enabled: false }\nchange-classes: {}');

describe('the change class in comments', () => {
  const hotfix = applyChangeClass(
    frozen,
    { name: 'hotfix', source: 'label', detail: 'label deploy-class:hotfix on #12', notes: [] },
    resolveChangeClasses({})!,
  );
  const feature = applyChangeClass(
    frozen,
    {
      name: 'feature',
      source: 'default',
      detail: 'no input, label, trailer or rollback named another class',
      notes: ['deploy-class labels applied by someone below the maintain role were not used: #12 by mallory'],
    },
    resolveChangeClasses({})!,
  );
  // Without the zero-width marks that keep `#12` from linking an issue.
  const classLine = (body: string) =>
    body
      .split('\n')
      .filter((l) => l.startsWith('**Change class:**'))
      .map((l) => l.replace(/\u200b/g, ''));

  it('says a blocked feature’s class, where it came from, and why it was not let through, in one line', () => {
    expect(classLine(renderBlockedComment(feature, ctx))).toEqual([
      '**Change class:** feature, from no input, label, trailer or rollback named another class; not allowed through: FREEZE does not let feature deploys through (change-classes.allow). 1 piece(s) of evidence were not used (see the run).',
    ]);
  });

  it('says a class that let the deploy through, from which label, and that the grant is audited', () => {
    const body = renderAllowedComment(hotfix, ctx);
    expect(body).toContain('### ⚠️ Deploys to production went ahead as a hotfix deploy: FREEZE');
    expect(classLine(body)).toEqual([
      '**Change class:** hotfix, from label deploy-class:hotfix on \\#12; allowed through: FREEZE lets hotfix deploys through (change-classes.allow), and the grant is recorded in the audit log like an override.',
    ]);
  });

  it('says nothing of a class when the gate read none', () => {
    expect(classLine(renderBlockedComment(exhausted, ctx))).toEqual([]);
    expect(classLine(renderAllowedComment(normal, ctx))).toEqual([]);
  });
});

describe('user text in comments (property)', () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc.constantFrom(
      '@org/team',
      '<!-- deploy-governor:pr-comment environment=production -->',
      '<img src=x onerror=alert(1)>',
      '[x](https://evil)',
      '#1',
      '\n## Heading\n',
      '| a | b |',
      '```',
      '-->',
    ),
  );

  it('never mentions, renders HTML, adds lines or poses as the marker, whatever users wrote', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const hostileCtx = { runUrl: `https://github.com/${text}`, workflowUrl: text, sha: text };
        const blocked = renderBlockedComment(withUserText(exhausted, text), hostileCtx);
        const allowed = renderAllowedComment(withUserText(overridden, text), hostileCtx);
        // User text never adds or removes lines: it cannot start a heading, a table row or a list item.
        expect(blocked.split('\n')).toHaveLength(renderBlockedComment(withUserText(exhausted, 'x'), hostileCtx).split('\n').length);
        expect(allowed.split('\n')).toHaveLength(renderAllowedComment(withUserText(overridden, 'x'), hostileCtx).split('\n').length);
        for (const body of [blocked, allowed]) {
          expect(body.split('<!--')).toHaveLength(2);
          expect(body.startsWith('<!-- deploy-governor:pr-comment environment=')).toBe(true);
          const rest = userPart(body);
          // Link targets are single http(s) URLs that cannot end early; in them @ and # mention nothing.
          for (const [, target] of rest.matchAll(/\]\(([^)]*)\)/g)) expect(target).toMatch(/^https?:\/\/[^\s()<>]+$/);
          const text = rest.replace(/\]\([^)]*\)/g, ']');
          expect(text).not.toMatch(/[<>]/);
          expect(text).not.toMatch(/@(?!\u200b)/);
          expect(text).not.toMatch(/#\d/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('protection-rule comment', () => {
  it('says approved or rejected with the status and reasons', () => {
    expect(renderProtectionComment(normal)).toMatch(/^\*\*deploy-governor\*\*: approved, status NORMAL, budget remaining \d+\.\d%\./);
    expect(renderProtectionComment(exhausted)).toMatch(/^\*\*deploy-governor\*\*: rejected, status EXHAUSTED/);
  });

  it("stays within GitHub's 1,024 characters whatever the reasons (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 2000 }), { maxLength: 30 }), (reasons) => {
        const comment = renderProtectionComment({ ...exhausted, decision: { ...exhausted.decision, reasons } });
        expect(comment.length).toBeLessThanOrEqual(PROTECTION_COMMENT_LIMIT);
      }),
    );
  });
});

describe('report in the check run', () => {
  it('survives embedding and extraction unchanged, with text around it', () => {
    for (const report of [exhausted, overridden]) {
      expect(extractReportFromCheckRun(`before\n\n${embedReport(report)}\nafter`)).toEqual(report);
    }
  });

  it('survives any reason text, fences included (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const report = { ...exhausted, decision: { ...exhausted.decision, reasons: [text, '\n```\n'] } };
        expect(extractReportFromCheckRun(embedReport(report))).toEqual(report);
      }),
    );
  });

  it('rejects text without the block, broken JSON, and JSON that is not a report@1', () => {
    expect(extractReportFromCheckRun(null)).toBeNull();
    expect(extractReportFromCheckRun('no report here')).toBeNull();
    expect(extractReportFromCheckRun('```json deploy-governor-report\n{not json\n```')).toBeNull();
    expect(
      extractReportFromCheckRun(
        `\`\`\`json deploy-governor-report\n${JSON.stringify({ ...exhausted, schema: 'deploy-governor/report@2' })}\n\`\`\``,
      ),
    ).toBeNull();
    expect(extractReportFromCheckRun(embedReport(exhausted).replace(/\n```\n$/, ''))).toBeNull();
  });
});

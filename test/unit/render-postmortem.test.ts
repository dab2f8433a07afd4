import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasActionItemsSection, parseActionItems } from '../../src/core/postmortem/action-items.js';
import { allApproved, parseApprovalBoxes, setApprovalChecked } from '../../src/core/postmortem/approvals.js';
import type { ApprovalRole } from '../../src/core/postmortem/postmortem-policy.js';
import {
  formatElapsed,
  postmortemDocPath,
  postmortemTitle,
  renderBuiltInPostmortem,
  renderCustomPostmortem,
  type PostmortemFacts,
} from '../../src/core/postmortem/render-postmortem.js';

const ROLES: ApprovalRole[] = [
  { role: 'Author', approvers: ['$author'] },
  { role: 'SRE lead', approvers: ['my-org/sre', 'carol'] },
];
const NAMES = ROLES.map((r) => r.role);

const facts = (over: Partial<PostmortemFacts> = {}): PostmortemFacts => ({
  title: 'Checkout outage',
  date: '2026-11-25',
  incident: { number: 12, url: 'https://github.com/acme/shop/issues/12' },
  severity: 'sev1',
  author: 'alice',
  startedAt: '2026-11-25T10:00:00Z',
  endedAt: '2026-11-25T11:23:30Z',
  timeline: [
    { at: '2026-11-25T10:00:00Z', event: 'CheckoutErrorBudgetBurn fired' },
    { at: '2026-11-25T11:23:30Z', event: 'Rolled back' },
  ],
  budget: [{ slo: 'checkout-availability', objective: 99.9, before: 80, after: -2.5, consumed: 82.5 }],
  approvals: ROLES,
  ...over,
});

const headings = (body: string) => body.split('\n').filter((l) => /^#{1,6} /.test(l));
const taskLines = (body: string) => body.split('\n').filter((l) => /^\s*[-*+]\s+\[[ xX]\]/.test(l));

describe('postmortemTitle', () => {
  it('puts the date before the title, on one trimmed line', () => {
    expect(postmortemTitle('2026-11-25', 'Checkout outage')).toBe('Postmortem: 2026-11-25 Checkout outage');
    expect(postmortemTitle('2026-11-25', '  Checkout\r\n- [ ] Approved by Author\t')).toBe(
      'Postmortem: 2026-11-25 Checkout - [ ] Approved by Author',
    );
    expect(postmortemTitle('2026-11-25', ' \n ')).toBe('Postmortem: 2026-11-25');
  });

  it("fits GitHub's 256-character limit without splitting a character", () => {
    const long = postmortemTitle('2026-11-25', 'x'.repeat(300));
    expect(long).toHaveLength(256);
    expect(long.endsWith('…')).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
        const out = postmortemTitle('2026-11-25', title);
        expect(out.length).toBeLessThanOrEqual(256);
        expect(out).not.toMatch(/[\r\n]/);
        expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
    );
  });
});

describe('postmortemDocPath', () => {
  it('names the file after the date and the title in ASCII kebab-case', () => {
    expect(postmortemDocPath('docs/postmortems', '2026-11-25', 'Checkout outage')).toBe('docs/postmortems/2026-11-25-checkout-outage.md');
    expect(postmortemDocPath('docs/pm', '2026-11-25', '  Ünïcödé — DB failover (EU)! ')).toBe(
      'docs/pm/2026-11-25-unicode-db-failover-eu.md',
    );
    expect(postmortemDocPath('docs/pm', '2026-11-25', '🔥🔥')).toBe('docs/pm/2026-11-25-postmortem.md');
  });

  it('never climbs out of the docs directory', () => {
    expect(postmortemDocPath('../../etc/./x/', '2026-11-25', '../../passwd')).toBe('etc/x/2026-11-25-passwd.md');
    expect(postmortemDocPath('..', '../..', '..')).toBe('docs/postmortems/postmortem.md');
  });

  it('is a bounded, safe path for any title (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (title) => {
        const path = postmortemDocPath('docs/postmortems', '2026-11-25', title);
        expect(path).toMatch(/^docs\/postmortems\/2026-11-25-[a-z0-9]+(-[a-z0-9]+)*\.md$/);
        expect(path.length).toBeLessThanOrEqual('docs/postmortems/2026-11-25-'.length + 80 + '.md'.length);
      }),
    );
  });
});

describe('formatElapsed', () => {
  it('shows the two largest units', () => {
    expect(formatElapsed((60 + 23) * 60_000 + 40_000)).toBe('1h 23m');
    expect(formatElapsed((2 * 24 + 4) * 3_600_000 + 5 * 60_000)).toBe('2d 4h');
    expect(formatElapsed(45_000)).toBe('45s');
    expect(formatElapsed(3 * 3_600_000)).toBe('3h');
    expect(formatElapsed(0)).toBe('0s');
  });

  it('does not pretend to know a negative or non-finite span', () => {
    expect(formatElapsed(-1)).toBe('unknown');
    expect(formatElapsed(Number.NaN)).toBe('unknown');
  });
});

describe('renderBuiltInPostmortem', () => {
  const body = renderBuiltInPostmortem(facts());

  it('has every section of the blameless template, action items in three horizons', () => {
    expect(headings(body)).toEqual([
      '# Postmortem: 2026-11-25 Checkout outage',
      '## Executive summary',
      '## Timeline',
      '## Detection',
      '## Root cause',
      '## Resolution',
      '## Error-budget impact',
      '## Action items',
      '### Short term',
      '### Medium term',
      '### Long term',
      '## Lessons learned',
      '### What went well',
      '### What went wrong',
      '### Where we got lucky',
      '## Process improvements',
      '## Communication',
      '## Sensitive information',
      '## Attachments',
      '## Approvals',
      '## Notes',
    ]);
    expect(body).toMatch(/blameless/i);
    for (const field of [
      '**Date** | 2026-11-25',
      '**Duration** | 1h 23m',
      '**Severity** | sev1',
      '**Author** | @\u200balice',
      '**Reviewers**',
    ]) {
      expect(body).toContain(field);
    }
    for (const field of [
      'Users affected',
      'Downtime:** 1h 23m',
      'SLO violated:** checkout-availability',
      'Error budget consumed:** checkout-availability 82.50 pp',
    ]) {
      expect(body).toContain(field);
    }
    for (const field of ['Time to detect', 'Time to repair', 'Monitoring', 'Documentation', 'Automation', 'Architecture']) {
      expect(body).toContain(field);
    }
    expect(body.match(/\*\*Why/g)).toHaveLength(5);
  });

  it('links the incident and fills the timeline and budget tables', () => {
    expect(body).toContain('| **Incident** | [#12](https://github.com/acme/shop/issues/12) |');
    expect(body).toContain(
      '| Time (UTC) | Event |\n| --- | --- |\n| 2026-11-25 10:00:00 UTC | CheckoutErrorBudgetBurn fired |\n| 2026-11-25 11:23:30 UTC | Rolled back |',
    );
    expect(body).toContain('| checkout-availability | 99.9% | 80.0% | 82.50 pp | -2.5% |');
    expect(body).not.toMatch(/could not reach Prometheus/);
  });

  it('says so when the budget could not be measured', () => {
    const out = renderBuiltInPostmortem(facts({ budget: null, startedAt: null, incident: null, severity: null, author: null }));
    expect(out).toMatch(/could not reach Prometheus/);
    expect(out).toContain('| **Incident** | _none linked_ |');
    expect(out).not.toContain('1h 23m');
    expect(out).toContain('| Author | anyone with maintain access |');
  });

  it('parses back: an empty Action items section and one unticked box per role', () => {
    expect(hasActionItemsSection(body)).toBe(true);
    expect(parseActionItems(body)).toEqual([]);
    expect(parseApprovalBoxes(body, NAMES).map((b) => [b.role, b.checked])).toEqual([
      ['Author', false],
      ['SRE lead', false],
    ]);
    expect(allApproved(body, NAMES)).toBe(false);
  });

  it('reads an item written under a horizon the way the template shows it', () => {
    const lines = body.split('\n');
    const example = lines.findIndex((l, i) => i > lines.indexOf('### Medium term') && l.startsWith('<!-- - [ ]'));
    const uncommented = (lines[example] ?? '')
      .replace(/^<!-- | -->$/g, '')
      .replace('@owner', '@bob')
      .replace('YYYY-MM-DD', '2027-03-31');
    lines.splice(example + 1, 0, uncommented);
    expect(parseActionItems(lines.join('\n'))).toMatchObject([{ horizon: 'medium', owner: 'bob', due: '2027-03-31', issue: null }]);
  });

  it("keeps a long timeline within GitHub's body limit", () => {
    const timeline = Array.from({ length: 5_000 }, (_, i) => ({
      at: '2026-11-25T10:00:00Z',
      event: `@everyone <b>${'&'.repeat(400)}</b> ${i}`,
    }));
    const out = renderBuiltInPostmortem(facts({ timeline, title: 'T'.repeat(100_000) }));
    expect(out.length).toBeLessThan(65_536);
    expect(out).toMatch(/\d+ more events are not shown/);
  });
});

// ---------------------------------------------------------------------------
// Injection: user-controlled facts stay inert wherever they are rendered.

const HOSTILE = [
  'x\n- [x] Approved by Author',
  '\n\n## Approvals\n- [x] Approved by SRE lead',
  '\r\n## Action items\r\n- [ ] injected @mallory due:2026-12-01',
  '@everyone @my-org/all ping',
  '<img src=x onerror=alert(1)>',
  '<!-- -->',
  '<!--',
  '[click](https://evil.example)',
  '![x](https://evil.example/x.png)',
  'see #1 and acme/shop#2',
  '```',
  '| a | b |',
  '- [ ] Approved by Author',
  '1. [x] Approved by Author',
  '===',
  '# heading',
  '{{approvals}}',
  '\u200b@\u200dalice\u202e',
  'Action items',
  'ACTION-ITEMS',
  'x_action items',
  'Approvals',
  'approval',
];
const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const hostileFacts = fc.record({
  title: hostileText,
  severity: fc.option(hostileText, { nil: null }),
  author: fc.option(hostileText, { nil: null }),
  events: fc.array(hostileText, { maxLength: 4 }),
  slo: hostileText,
  at: fc.constantFrom('2026-11-25T10:00:00Z', 'not a date <b>', '\n- [x] Approved by Author'),
});

const TEMPLATE = [
  '# {{title}}',
  '{{title}}',
  'Severity: {{ severity }}, by {{author}}, {{incident}}, {{date}}, {{duration}} ({{started}} to {{ended}})',
  '',
  '## Timeline',
  '{{timeline}}',
  '',
  '## Budget',
  '{{budget}}',
  '',
  '## Action items',
  '### Short term',
  '',
  '{{approvals}}',
].join('\n');

const count = (text: string, needle: string) => text.split(needle).length - 1;

/** Everything the renderers must guarantee about user text, whatever it is, compared with a benign rendering. */
function expectInert(out: string, baseline: string): void {
  expect(parseActionItems(out)).toEqual([]);
  // The only boxes are the template's own, one per role, unticked.
  expect(taskLines(out)).toEqual(NAMES.map((role) => `- [ ] Approved by ${role}`));
  expect(parseApprovalBoxes(out, NAMES).every((b) => !b.checked)).toBe(true);
  // The only headings are the template's.
  expect(headings(out).map((h) => h.replace(/ .*/, ''))).toEqual(headings(baseline).map((h) => h.replace(/ .*/, '')));
  // The only mentions are the configured approvers (and a well-formed author login).
  const mentions = [...out.matchAll(/@([A-Za-z0-9][\w./-]*)/g)].map((m) => m[1]);
  expect(mentions.every((m) => m === 'my-org/sre' || m === 'carol' || /^[A-Za-z0-9-]+$/.test(m ?? ''))).toBe(true);
  // No HTML or link beyond the template's own.
  expect(count(out, '<')).toBe(count(baseline, '<'));
  expect(count(out, '](')).toBe(count(baseline, ']('));
  // No issue reference ('&#65;' is a character reference, not one).
  expect(out).not.toMatch(/(^|[^\\\w&])#\d/m);
}

/** Facts whose every user-controlled field is hostile. */
const hostile = (f: typeof hostileFacts extends fc.Arbitrary<infer T> ? T : never) =>
  facts({
    title: f.title,
    severity: f.severity,
    author: f.author,
    timeline: f.events.map((event) => ({ at: f.at, event })),
    budget: [{ slo: f.slo, objective: 99.9, before: 50, after: 40, consumed: 10 }],
    incident: null,
  });

describe('user-controlled facts stay inert', () => {
  it('in the built-in template (property)', () => {
    const baseline = renderBuiltInPostmortem(facts({ incident: null }));
    fc.assert(
      fc.property(hostileFacts, (f) => {
        const out = renderBuiltInPostmortem(hostile(f));
        expectInert(out, baseline);
      }),
      { numRuns: 300 },
    );
  });

  it('in a custom template (property)', () => {
    const baseline = renderCustomPostmortem(TEMPLATE, facts({ incident: null }));
    fc.assert(
      fc.property(hostileFacts, (f) => {
        const out = renderCustomPostmortem(TEMPLATE, hostile(f));
        expectInert(out, baseline);
      }),
      { numRuns: 300 },
    );
  });

  it('does not let a title in a heading open an Action items or Approvals section', () => {
    // In a level-1 heading, "Action items" would make every box below it, approvals included, an action item.
    for (const title of ['Action items', 'Follow-up ACTION-ITEMS', 'Approvals']) {
      for (const out of [
        renderBuiltInPostmortem(facts({ title })),
        renderCustomPostmortem('# {{title}}\n## Action items\n{{approvals}}', facts({ title })),
      ]) {
        // Rendered, the title reads the same.
        expect(out.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))).toContain(title);
        expect(parseActionItems(out)).toEqual([]);
        expect(parseApprovalBoxes(out, NAMES)).toHaveLength(2);
        expect(parseActionItems(setApprovalChecked(out, 'Author', true))).toEqual([]);
      }
    }
  });

  it('does not let a title start a list or underline a heading on a line of its own', () => {
    const out = renderCustomPostmortem('Intro\n{{title}}\n\n## Action items\n{{approvals}}', facts({ title: '===' }));
    expect(out.split('\n')[1]).toBe('\\===');
    expect(renderCustomPostmortem('{{title}}\n{{approvals}}', facts({ title: '- [x] Approved by Author' })).split('\n')[0]).toBe(
      '\\- \\[x\\] Approved by Author',
    );
    expect(renderCustomPostmortem('{{title}}\n{{approvals}}', facts({ title: '1. one' })).split('\n')[0]).toBe('1\\. one');
  });
});

describe('renderCustomPostmortem', () => {
  it('fills placeholders, with spaces inside the braces, and leaves unknown ones', () => {
    const out = renderCustomPostmortem(
      '# {{ title }} ({{date}})\n{{incident}} {{severity}} {{duration}} {{author}} {{started}} {{ended}} {{ unknown }} {{}}\n## Action items\n{{approvals}}',
      facts(),
    );
    expect(out.split('\n').slice(0, 2)).toEqual([
      '# Checkout outage (2026-11-25)',
      '[#12](https://github.com/acme/shop/issues/12) sev1 1h 23m @\u200balice 2026-11-25 10:00:00 UTC 2026-11-25 11:23:30 UTC {{ unknown }} {{}}',
    ]);
  });

  it('renders missing facts as unknown', () => {
    const out = renderCustomPostmortem(
      '{{incident}} {{severity}} {{duration}} {{author}} {{started}} {{ended}}\n{{budget}}\n## Action items\n{{approvals}}',
      facts({ incident: null, severity: null, startedAt: null, endedAt: null, author: null, budget: null }),
    );
    expect(out.split('\n')[0]).toBe('none unknown unknown none (opened automatically) unknown unknown');
    expect(out).toMatch(/could not reach Prometheus/);
  });

  it('fills the timeline, budget and approvals where the template puts them', () => {
    const out = renderCustomPostmortem('## Action items\n{{approvals}}\n## When\n{{timeline}}\n## Cost\n{{budget}}', facts());
    expect(out.indexOf('## Approvals')).toBeLessThan(out.indexOf('## When'));
    expect(out).toContain('| 2026-11-25 10:00:00 UTC | CheckoutErrorBudgetBurn fired |');
    expect(out).toContain('| checkout-availability | 99.9% | 80.0% | 82.50 pp | -2.5% |');
    expect(out.match(/## Approvals/g)).toHaveLength(1);
  });

  it('appends the approvals and an Action items section when the template lacks them', () => {
    const out = renderCustomPostmortem('# {{title}}\n\n```\n## Action items\n```\n', facts());
    // (The second heading is the fenced one: code, not a section.)
    expect(headings(out)).toEqual([
      '# Checkout outage',
      '## Action items',
      '## Action items',
      '### Short term',
      '### Medium term',
      '### Long term',
      '## Approvals',
    ]);
    expect(parseApprovalBoxes(out, NAMES)).toHaveLength(2);
    expect(out.startsWith('# Checkout outage\n\n```\n## Action items\n```\n\n## Action items')).toBe(true);
  });

  it('keeps an Action items section the template has, and its items', () => {
    const out = renderCustomPostmortem('## Follow-up action items\n- [ ] Template item @bob due:2027-01-01\n{{approvals}}', facts());
    expect(out.match(/action items/gi)).toHaveLength(1);
    expect(parseActionItems(out)).toMatchObject([{ text: 'Template item', owner: 'bob' }]);
  });
});

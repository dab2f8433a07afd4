import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  linkActionItem,
  parseActionItems,
  setActionItemChecked,
  type ActionItem,
} from '../../src/core/postmortem/action-items.js';

const doc = (...lines: string[]) => lines.join('\n');
const section = (...lines: string[]) => doc('# Postmortem', '', '## Action items', ...lines, '', '## Lessons learned', '- [ ] not an item');
const only = (body: string): ActionItem => {
  const items = parseActionItems(body);
  expect(items).toHaveLength(1);
  return items[0] as ActionItem;
};

describe('parseActionItems: where items are', () => {
  it('reads only task lines of the Action items section, up to the next heading of the same level', () => {
    const body = doc(
      '- [ ] before the section',
      '## Follow-up action items',
      '- [ ] inside',
      '#### a deeper heading does not end it',
      '- [ ] still inside',
      '## Next',
      '- [ ] after the section',
    );
    expect(parseActionItems(body).map((item) => [item.line, item.text])).toEqual([
      [2, 'inside'],
      [4, 'still inside'],
    ]);
  });

  it('ends a ### Action items section at the next ### or higher heading', () => {
    const body = doc('### Action-Items', '- [ ] a', '# Top', '- [ ] b', '### action items', '- [ ] c', '### Other', '- [ ] d');
    expect(parseActionItems(body).map((item) => item.text)).toEqual(['a', 'c']);
  });

  it('accepts -, * and + bullets, indentation, tabs and [x]/[X], and skips boxes without text', () => {
    const body = section(
      '- [ ] dash',
      '* [x] star',
      '+ [X] plus',
      '    - [ ] nested',
      '\t* [ ] tab',
      '- [ ]',
      '- [ ]   ',
      '- [] no box',
      '-[ ] no space',
      '- [ ] @alice due:2026-12-01',
    );
    expect(parseActionItems(body).map((item) => [item.text, item.checked])).toEqual([
      ['dash', false],
      ['star', true],
      ['plus', true],
      ['nested', false],
      ['tab', false],
    ]);
  });

  it('ignores lines in fenced code blocks, whatever the fence', () => {
    const body = section(
      '```md',
      '- [ ] in backticks',
      '```',
      '~~~~',
      '- [ ] in tildes',
      '~~~', // too short to close a four-tilde fence
      '- [ ] still in tildes',
      '~~~~~',
      '- [ ] after the fences',
      '``` not a fence because of ` this backtick',
      '- [ ] after the inline code',
      '  ```',
      '  - [ ] in an indented fence',
      '  ```',
    );
    expect(parseActionItems(body).map((item) => item.text)).toEqual(['after the fences', 'after the inline code']);
  });

  it('lets an unclosed fence hide everything after it', () => {
    expect(parseActionItems(section('- [ ] before', '```', '- [ ] after'))).toHaveLength(1);
  });

  it('ignores items in HTML comments and drops comments from the text', () => {
    const body = section(
      '<!-- - [ ] example @owner due:YYYY-MM-DD -->',
      '<!--',
      '- [ ] commented out',
      '-->',
      'text --> - [ ] not an item either',
      '- [ ] real <!-- note @carol --> item @bob',
      '<!-- - [ ] hidden --> - [ ] after a comment on the same line',
    );
    const items = parseActionItems(body);
    expect(items.map((item) => [item.text, item.owner])).toEqual([['real item', 'bob']]);
  });

  it('does not take a heading or a fence from inside a comment', () => {
    const body = doc('## Action items', '<!--', '## Lessons', '```', '-->', '- [ ] kept');
    expect(parseActionItems(body).map((item) => item.text)).toEqual(['kept']);
  });

  it('returns nothing for a body without an Action items section', () => {
    expect(parseActionItems(doc('## Timeline', '- [ ] a task'))).toEqual([]);
    expect(parseActionItems('')).toEqual([]);
  });
});

describe('parseActionItems: horizons', () => {
  it('takes the horizon from the subsection, tolerating case, dashes and suffixes', () => {
    const body = section(
      '- [ ] no horizon yet',
      '### Short-term (this week)',
      '- [ ] s',
      '### MEDIUM TERM',
      '- [ ] m',
      '### 3. Long term 🧭',
      '- [ ] l',
      '### Mid-term',
      '- [ ] mid',
    );
    expect(parseActionItems(body).map((item) => [item.text, item.horizon])).toEqual([
      ['no horizon yet', null],
      ['s', 'short'],
      ['m', 'medium'],
      ['l', 'long'],
      ['mid', 'medium'],
    ]);
  });

  it('keeps the horizon under deeper headings and drops it at another heading of its level', () => {
    const body = section('### Short term', '#### Team A', '- [ ] a', '### Other things', '- [ ] b', '### Long term', '- [ ] c');
    expect(parseActionItems(body).map((item) => item.horizon)).toEqual(['short', null, 'long']);
  });

  it('does not carry a horizon into the next Action items section', () => {
    const body = doc('## Action items', '### Short term', '- [ ] a', '## Notes', '## Action items', '- [ ] b');
    expect(parseActionItems(body).map((item) => item.horizon)).toEqual(['short', null]);
  });
});

describe('parseActionItems: owner, due date and issue', () => {
  it('reads the item format of the template', () => {
    expect(only(section('- [ ] Alert on queue depth @alice due:2026-12-01'))).toMatchObject({
      text: 'Alert on queue depth',
      owner: 'alice',
      due: '2026-12-01',
      dueProblem: null,
      issue: null,
      checked: false,
    });
  });

  it('takes the first mention token as owner, in any position, teams included', () => {
    expect(only(section('- [ ] @my-org/sre   fix  the\u00a0runbook  @bob'))).toMatchObject({
      owner: 'my-org/sre',
      text: 'fix the runbook @bob',
    });
  });

  it('does not take a mention that is not a token on its own', () => {
    for (const line of [
      '- [ ] mail ops@example.com',
      '- [ ] ask (@alice)',
      '- [ ] ask @alice,',
      '- [ ] ping @\u200balice',
      '- [ ] `@alice`',
      '- [ ] @-alice',
      '- [ ] @alice<img>',
    ]) {
      expect(only(section(line)).owner, line).toBeNull();
    }
  });

  it('accepts real calendar dates only, and says why a due date is unusable', () => {
    expect(only(section('- [ ] x due:2028-02-29'))).toMatchObject({ due: '2028-02-29', dueProblem: null });
    expect(only(section('- [ ] x due:2026-13-40'))).toMatchObject({
      due: null,
      dueProblem: 'due:2026-13-40 is not a date (expected due:YYYY-MM-DD)',
      text: 'x',
    });
    expect(only(section('- [ ] x Due:2026-02-29')).dueProblem).toBe('Due:2026-02-29 is not a date (expected due:YYYY-MM-DD)');
    expect(only(section('- [ ] x due:tomorrow')).dueProblem).toMatch(/^due:tomorrow is not a date/);
    expect(only(section('- [ ] x due:')).dueProblem).toMatch(/^due: is not a date/);
    expect(only(section('- [ ] x'))).toMatchObject({ due: null, dueProblem: null });
  });

  it('caps the quoted due token so a hostile one cannot flood the comment', () => {
    expect(only(section(`- [ ] x due:${'9'.repeat(10_000)}`)).dueProblem?.length).toBeLessThan(100);
  });

  it('knows the calendar', () => {
    expect(['2024-02-29', '2000-02-29', '2026-04-30', '2026-12-31', '0001-01-01'].every(isCalendarDate)).toBe(true);
    expect(
      ['1900-02-29', '2026-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '2026-1-01', '26-01-01', ' 2026-01-01'].some(isCalendarDate),
    ).toBe(false);
  });

  it('reads a trailing (#123) as the issue, and nothing else', () => {
    expect(only(section('- [x] done @a due:2026-01-02 (#123)'))).toMatchObject({ issue: 123, text: 'done', checked: true });
    expect(only(section('- [ ] see (#12) first')).issue).toBeNull();
    expect(only(section('- [ ] fix #12')).issue).toBeNull();
    expect(only(section('- [ ] fix (#0)')).issue).toBeNull();
    expect(only(section('- [ ] fix (#12345678901)')).issue).toBeNull();
    expect(only(section('- [ ] fix (#12) <!-- linked by the app -->')).issue).toBe(12);
  });
});

describe('parseActionItems: keys', () => {
  it('gives identical lines distinct keys that share the text hash', () => {
    const [a, b] = parseActionItems(section('- [ ] Add alert @a', '- [ ] add   ALERT @b due:2026-01-01'));
    const hash = a?.key.split('-')[0];
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect([a?.key, b?.key]).toEqual([`${hash}-0`, `${hash}-1`]);
  });

  it('keeps keys across edits elsewhere, owner and due changes, linking, and invisible characters', () => {
    const before = parseActionItems(section('- [ ] Roll back faster @alice', '- [ ] Page the owner')).map((item) => item.key);
    const after = parseActionItems(
      doc(
        'Intro added later',
        '',
        section('### Short term', '* [x] Roll\u200b back  faster @bob due:2027-01-01 (#9)', 'prose', '- [ ] Page the owner'),
      ),
    ).map((item) => item.key);
    expect(after).toEqual(before);
  });

  it('changes the key when the text changes', () => {
    const [a, b] = parseActionItems(section('- [ ] Roll back faster', '- [ ] Roll back slower'));
    expect(a?.key).not.toBe(b?.key);
  });
});

describe('linkActionItem', () => {
  it("appends ' (#N)' to the item's line without its trailing spaces", () => {
    const body = section('- [ ] first @a', '- [ ] second @b due:2026-12-01   ');
    const item = parseActionItems(body)[1] as ActionItem;
    const linked = linkActionItem(body, item.key, 456);
    expect(linked.split('\n')[item.line]).toBe('- [ ] second @b due:2026-12-01 (#456)');
    expect(parseActionItems(linked)[1]).toEqual({ ...item, issue: 456 });
  });

  it('leaves the body unchanged when the item is already linked or gone', () => {
    const body = section('- [ ] linked (#7)', '- [ ] open');
    const [linked, open] = parseActionItems(body) as [ActionItem, ActionItem];
    expect(linkActionItem(body, linked.key, 8)).toBe(body);
    expect(linkActionItem(body, 'feedfacefeedface-0', 8)).toBe(body);
    const once = linkActionItem(body, open.key, 8);
    expect(linkActionItem(once, open.key, 9)).toBe(once);
  });

  it('links the right one of two identical lines', () => {
    const body = section('- [ ] same', '- [ ] same');
    const second = parseActionItems(body)[1] as ActionItem;
    const linked = linkActionItem(body, second.key, 5);
    expect(parseActionItems(linked).map((item) => item.issue)).toEqual([null, 5]);
  });

  it('keeps CRLF line endings', () => {
    const body = section('- [ ] windows  ', '- [ ] other').replace(/\n/g, '\r\n');
    const item = parseActionItems(body)[0] as ActionItem;
    expect(item.text).toBe('windows');
    const linked = linkActionItem(body, item.key, 3);
    expect(linked.split('\n')[item.line]).toBe('- [ ] windows (#3)\r');
    expect(linked.replace('- [ ] windows (#3)', '- [ ] windows  ')).toBe(body);
  });

  it('puts the reference before a comment the line leaves open, where it stays visible', () => {
    const body = section('- [ ] item <!-- a note that', 'goes on -->');
    const item = only(body);
    const linked = linkActionItem(body, item.key, 11);
    expect(linked.split('\n')[item.line]).toBe('- [ ] item (#11) <!-- a note that');
    expect(only(linked).issue).toBe(11);
  });

  it('refuses numbers it could not read back', () => {
    const body = section('- [ ] x');
    const { key } = only(body);
    for (const bad of [0, -1, 1.5, Number.NaN, 1e10]) expect(() => linkActionItem(body, key, bad)).toThrow(RangeError);
  });
});

describe('setActionItemChecked', () => {
  const body = section('- [ ] a (#1)', '  * [X] b (#2)', '- [ ] c (#1)').replace(/\n/g, '\r\n');

  it('ticks and unticks every item line referencing the issue, keeping the rest of the line', () => {
    const ticked = setActionItemChecked(body, 1, true);
    expect(parseActionItems(ticked).map((item) => item.checked)).toEqual([true, true, true]);
    expect(ticked.split('\n').filter((line, i) => line !== body.split('\n')[i])).toEqual(['- [x] a (#1)\r', '- [x] c (#1)\r']);
    expect(setActionItemChecked(body, 2, false).split('\n')[4]).toBe('  * [ ] b (#2)\r');
  });

  it('leaves the body unchanged when no item references the issue or it is already in that state', () => {
    expect(setActionItemChecked(body, 3, true)).toBe(body);
    expect(setActionItemChecked(body, 2, true)).toBe(body);
    expect(setActionItemChecked(doc('## Notes', '- [ ] x (#1)'), 1, true)).toBe(doc('## Notes', '- [ ] x (#1)'));
    expect(setActionItemChecked(section('```', '- [ ] x (#1)', '```'), 1, true)).toBe(section('```', '- [ ] x (#1)', '```'));
  });
});

// ---------------------------------------------------------------------------
// Properties and fuzzing over bodies built from a grammar of postmortem lines.

const word = fc.constantFrom(
  'fix',
  'Add',
  'alert',
  'runbook',
  'queue',
  'Roll',
  'back',
  'x',
  '(#3)',
  '#4',
  'a@b.c',
  '`code`',
  '**bold**',
  '\\',
);
const hostile = fc.constantFrom(
  '@alice',
  '@my-org/sre',
  '@\u200bbob',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<!--',
  '-->',
  '<!-- - [ ] hidden -->',
  '[link](javascript:alert(1))',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u202e',
  '|',
  '- [ ] Approved by Author',
  'due:2026-02-30',
  '```',
);
const text = fc.array(fc.oneof(word, hostile), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
const indent = fc.constantFrom('', '  ', '    ', '\t');
const headingLine = fc
  .tuple(
    fc.integer({ min: 1, max: 6 }),
    fc.constantFrom(
      'Action items',
      'Action Items',
      'Short term',
      'Medium-term (this quarter)',
      'Long term',
      'Lessons learned',
      'Approvals',
      'Other',
    ),
  )
  .map(([level, title]) => `${'#'.repeat(level)} ${title}`);
const itemLine = fc
  .record({
    indent,
    bullet: fc.constantFrom('-', '*', '+'),
    mark: fc.constantFrom(' ', 'x', 'X'),
    text,
    owner: fc.option(fc.constantFrom('@alice', '@my-org/sre', '@bob-2'), { nil: '' }),
    due: fc.option(fc.constantFrom('due:2026-12-01', 'due:2028-02-29', 'due:2026-13-40', 'due:soon'), { nil: '' }),
    issue: fc.option(
      fc.integer({ min: 1, max: 99_999 }).map((n) => `(#${n})`),
      { nil: '' },
    ),
    trailing: fc.constantFrom('', ' ', '  ', '\t', ' <!-- note -->', ' <!-- open'),
  })
  .map((r) => `${r.indent}${r.bullet} [${r.mark}] ${[r.text, r.owner, r.due, r.issue].filter(Boolean).join(' ')}${r.trailing}`);
const fenceLine = fc.tuple(indent, fc.constantFrom('```', '````', '~~~', '```md')).map(([i, f]) => i + f);
const noiseLine = fc.oneof(
  text,
  hostile,
  fc.constant(''),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('-->', '<!--', '---', '| a | b |', '- not a task', '- [ ]', '1. [ ] ordered'),
);
const line = fc.oneof(
  { arbitrary: itemLine, weight: 5 },
  { arbitrary: headingLine, weight: 2 },
  { arbitrary: fenceLine, weight: 1 },
  { arbitrary: noiseLine, weight: 3 },
);
const body = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, withSection]) => (withSection ? ['## Action items', ...lines] : lines).join(eol));

/** A body and one of its unlinked items (bodies without one are skipped). */
const bodyWithUnlinked = fc
  .tuple(body, fc.nat())
  .map(([b, n]) => {
    const unlinked = parseActionItems(b).filter((item) => item.issue === null);
    return { body: b, item: unlinked.length > 0 ? unlinked[n % unlinked.length] : undefined };
  })
  .filter((x): x is { body: string; item: ActionItem } => x.item !== undefined);

function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((lineText, i) => (lineText === b[i] ? [] : [i]));
}

describe('action items: properties', () => {
  it('parse → link → parse: only the linked item gains its issue, on its own line, nothing else moves', () => {
    fc.assert(
      fc.property(bodyWithUnlinked, fc.integer({ min: 1, max: 9_999_999_999 }), ({ body: b, item }, issue) => {
        const linked = linkActionItem(b, item.key, issue);
        expect(changedLines(b, linked)).toEqual([item.line]);
        const before = parseActionItems(b);
        const after = parseActionItems(linked);
        expect(after).toEqual(before.map((other) => (other.key === item.key ? { ...other, issue } : other)));
        expect(linkActionItem(linked, item.key, issue)).toBe(linked);
      }),
      { numRuns: 300 },
    );
  });

  it('setActionItemChecked is idempotent and reversible, and touches only the lines of that issue', () => {
    const withIssue = body
      .map((b) => ({ body: b, issues: [...new Set(parseActionItems(b).flatMap((item) => (item.issue === null ? [] : [item.issue])))] }))
      .filter((x) => x.issues.length > 0)
      .chain((x) => fc.record({ body: fc.constant(x.body), issue: fc.constantFrom(...x.issues), checked: fc.boolean() }));
    fc.assert(
      fc.property(withIssue, ({ body: b, issue, checked }) => {
        const once = setActionItemChecked(b, issue, checked);
        expect(setActionItemChecked(once, issue, checked)).toBe(once);
        // Reversible: back and forth restores every line, except that a '[X]' comes back as '[x]'.
        const back = setActionItemChecked(setActionItemChecked(once, issue, !checked), issue, checked);
        const lines = once.split('\n');
        expect(changedLines(once, back).every((i) => lines[i]?.includes('[X]'))).toBe(true);
        expect(parseActionItems(back)).toEqual(parseActionItems(once));
        const targets = parseActionItems(b).filter((item) => item.issue === issue);
        expect(changedLines(b, once).every((i) => targets.some((item) => item.line === i))).toBe(true);
        const expected = parseActionItems(b).map((item) => (item.issue === issue ? { ...item, checked } : item));
        expect(parseActionItems(once)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and never loses a line on random and hostile bodies', () => {
    const anyBody = fc.oneof(
      body,
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(noiseLine).map((l) => l.join('\n')),
    );
    fc.assert(
      fc.property(anyBody, fc.integer({ min: 1, max: 1000 }), fc.boolean(), (b, issue, checked) => {
        const count = b.split('\n').length;
        const items = parseActionItems(b);
        const lines = items.map((item) => item.line);
        expect(lines).toEqual([...new Set(lines)].sort((x, y) => x - y));
        expect(lines.every((i) => i >= 0 && i < count)).toBe(true);
        for (const item of items) expect(item.key).toMatch(/^[0-9a-f]{16}-\d+$/);
        expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
        for (const item of items) expect(linkActionItem(b, item.key, issue).split('\n')).toHaveLength(count);
        expect(setActionItemChecked(b, issue, checked).split('\n')).toHaveLength(count);
      }),
      { numRuns: 500 },
    );
  });
});

describe('action items: oversized and pathological input', () => {
  it('parses a 50,000-line postmortem', () => {
    const lines = ['## Action items', '### Short term'];
    for (let i = 0; lines.length < 50_000; i++) {
      lines.push(
        `- [ ] item ${i} @owner-${i % 7} due:2026-12-01`,
        `prose with <b>html</b> and @mention ${i}`,
        i % 50 === 0 ? '<!-- a comment -->' : '',
      );
    }
    const items = parseActionItems(lines.join('\n'));
    expect(lines).toHaveLength(50_000);
    expect(items).toHaveLength(lines.filter((l) => l.startsWith('- [ ]')).length);
    expect(items.at(-1)).toMatchObject({ horizon: 'short', due: '2026-12-01' });
  });

  it('survives long lines crafted against backtracking', () => {
    const n = 200_000;
    const bodies = [
      `## Action items\n- [ ] ${' '.repeat(n)}x`,
      `## Action items\n- [ ]${' \t'.repeat(n)}`,
      `## Action items${' '.repeat(n)}#`,
      `# ${'#'.repeat(n)} Action items`,
      `## Action items\n${'<!--'.repeat(n / 4)}`,
      `## Action items\n${'<!-- -->'.repeat(n / 8)}- [ ] x`,
      `## Action items\n${'`'.repeat(n)}\n- [ ] x`,
      `## Action items\n- [ ] ${'@a '.repeat(n / 3)}`,
      `## Action items\n- [ ] ${'due:'.repeat(n / 4)}`,
      `## Action items\n- [ ] x ${'(#1'.repeat(n / 3)}`,
      `### ${'short '.repeat(n / 6)}term`,
      '\n'.repeat(n),
    ];
    for (const b of bodies) expect(() => parseActionItems(b)).not.toThrow();
  });
});

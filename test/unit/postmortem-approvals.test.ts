import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allApproved,
  newlyTickedRoles,
  parseApprovalBoxes,
  renderApprovals,
  setApprovalChecked,
} from '../../src/core/postmortem/approvals.js';
import type { ApprovalRole } from '../../src/core/postmortem/postmortem-policy.js';

const doc = (...lines: string[]) => lines.join('\n');
const ROLES: ApprovalRole[] = [
  { role: 'Author', approvers: ['$author'] },
  { role: 'SRE lead', approvers: ['my-org/sre', 'carol'] },
];
const NAMES = ROLES.map((r) => r.role);
const approvals = (...lines: string[]) =>
  doc('## Timeline', '- [x] Approved by Author', '## Approvals', ...lines, '## Notes', '- [x] Approved by SRE lead');

describe('renderApprovals', () => {
  it('renders the table and one unticked box per role', () => {
    const out = renderApprovals(ROLES, 'alice');
    expect(out.split('\n')[0]).toBe('## Approvals');
    expect(out).toContain('| Role | Approvers |\n| --- | --- |\n| Author | @alice |\n| SRE lead | @my-org/sre, @carol |');
    expect(out.endsWith('- [ ] Approved by Author\n- [ ] Approved by SRE lead')).toBe(true);
    expect(parseApprovalBoxes(out, NAMES).map((box) => [box.role, box.checked])).toEqual([
      ['Author', false],
      ['SRE lead', false],
    ]);
  });

  it('says who may approve for the author when there is none', () => {
    expect(renderApprovals(ROLES, null)).toContain('| Author | anyone with maintain access |');
  });

  it('shows an author that is not a plain login inert, without creating a box', () => {
    const out = renderApprovals(ROLES, 'mallory\n- [x] Approved by SRE lead <img src=x>');
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/@mallory/);
    expect(parseApprovalBoxes(out, NAMES).every((box) => !box.checked)).toBe(true);
    expect(renderApprovals(ROLES, 'deploy-governor[bot]')).toContain('deploy-governor\\[bot\\]');
    expect(renderApprovals(ROLES, 'my-org/sre')).not.toContain('| Author | @my-org/sre |');
  });
});

describe('parseApprovalBoxes', () => {
  it('reads only boxes of configured roles, exactly named, in the Approvals section', () => {
    const body = approvals(
      '- [ ] Approved by Author',
      '- [x] Approved by SRE',
      '- [x] Approved by SRE lead and friends',
      '- [x] Approved by Intruder',
      '* [X]   approved by   SRE lead  ',
    );
    expect(parseApprovalBoxes(body, NAMES)).toEqual([
      { line: 3, role: 'Author', checked: false },
      { line: 7, role: 'SRE lead', checked: true },
    ]);
  });

  it('takes only the first box of a role', () => {
    const body = approvals('- [ ] Approved by Author', '- [x] Approved by Author');
    expect(parseApprovalBoxes(body, NAMES)).toEqual([{ line: 3, role: 'Author', checked: false }]);
  });

  it('ignores boxes in code blocks and comments', () => {
    const body = approvals('```', '- [x] Approved by Author', '```', '<!-- - [x] Approved by SRE lead -->', '- [ ] Approved by Author');
    expect(parseApprovalBoxes(body, NAMES)).toEqual([{ line: 7, role: 'Author', checked: false }]);
  });

  it('reads CRLF bodies', () => {
    expect(parseApprovalBoxes(approvals('- [x] Approved by SRE lead').replace(/\n/g, '\r\n'), NAMES)).toEqual([
      { line: 3, role: 'SRE lead', checked: true },
    ]);
  });
});

describe('newlyTickedRoles and allApproved', () => {
  const none = approvals('- [ ] Approved by Author', '- [ ] Approved by SRE lead');
  const author = approvals('- [x] Approved by Author', '- [ ] Approved by SRE lead');
  const both = approvals('- [x] Approved by Author', '- [x] Approved by SRE lead');

  it('lists roles ticked by an edit, in policy order', () => {
    expect(newlyTickedRoles(none, both, NAMES)).toEqual(['Author', 'SRE lead']);
    expect(newlyTickedRoles(author, both, NAMES)).toEqual(['SRE lead']);
    expect(newlyTickedRoles(both, none, NAMES)).toEqual([]);
    expect(newlyTickedRoles(both, both, NAMES)).toEqual([]);
  });

  it('counts a box added already ticked as newly ticked', () => {
    expect(newlyTickedRoles(approvals('- [x] Approved by Author'), both, NAMES)).toEqual(['SRE lead']);
    expect(newlyTickedRoles('', both, NAMES)).toEqual(['Author', 'SRE lead']);
  });

  it('is approved only when every role has a ticked box', () => {
    expect(allApproved(both, NAMES)).toBe(true);
    expect(allApproved(author, NAMES)).toBe(false);
    expect(allApproved(approvals('- [x] Approved by Author'), NAMES)).toBe(false);
    expect(allApproved(approvals('- [ ] Approved by SRE lead', '- [x] Approved by SRE lead', '- [x] Approved by Author'), NAMES)).toBe(
      false,
    );
    expect(allApproved(both, [])).toBe(false);
  });
});

describe('setApprovalChecked', () => {
  it("sets the role's (first) box and nothing else", () => {
    const body = approvals('- [ ] Approved by Author', '- [x] Approved by SRE lead', '- [ ] Approved by Author').replace(/\n/g, '\r\n');
    const ticked = setApprovalChecked(body, 'Author', true);
    expect(ticked.split('\n')[3]).toBe('- [x] Approved by Author\r');
    const lines = body.split('\n');
    expect(ticked.split('\n').flatMap((l, i) => (l === lines[i] ? [] : [i]))).toEqual([3]);
    expect(setApprovalChecked(body, 'SRE lead', false).split('\n')[4]).toBe('- [ ] Approved by SRE lead\r');
  });

  it('leaves the body unchanged when the box is missing or already so', () => {
    const body = approvals('- [x] Approved by Author');
    expect(setApprovalChecked(body, 'Author', true)).toBe(body);
    expect(setApprovalChecked(body, 'SRE lead', true)).toBe(body);
    expect(setApprovalChecked(body, 'Nobody', false)).toBe(body);
  });
});

// Bodies from a grammar of approval-ish lines: boxes of known and unknown roles, headings, fences, comments.
const roleName = fc.constantFrom('Author', 'SRE lead', 'SRE', 'Intruder', 'author');
const boxLine = fc
  .tuple(
    fc.constantFrom('', '  '),
    fc.constantFrom('-', '*'),
    fc.constantFrom(' ', 'x', 'X'),
    fc.constantFrom('Approved by ', 'approved by ', 'Approved  by '),
    roleName,
    fc.constantFrom('', ' ', ' <!-- x -->'),
  )
  .map(([indent, bullet, mark, prefix, role, tail]) => `${indent}${bullet} [${mark}] ${prefix}${role}${tail}`);
const otherLine = fc.oneof(
  fc.constantFrom('## Approvals', '### Approvals', '## Notes', '# Top', '```', '~~~', '<!--', '-->', '', '| Author | @alice |'),
  fc.string({ maxLength: 30 }),
);
const approvalBody = fc
  .tuple(
    fc.array(fc.oneof({ arbitrary: boxLine, weight: 3 }, { arbitrary: otherLine, weight: 2 }), { maxLength: 30 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, eol]) => ['## Approvals', ...lines].join(eol));

describe('approvals: properties', () => {
  it("setApprovalChecked changes exactly the role's parsed box, and newlyTickedRoles sees it", () => {
    fc.assert(
      fc.property(approvalBody, fc.constantFrom(...NAMES), fc.boolean(), (body, role, checked) => {
        const before = parseApprovalBoxes(body, NAMES);
        const after = setApprovalChecked(body, role, checked);
        const box = before.find((b) => b.role === role);
        const changed = body.split('\n').flatMap((l, i) => (l === after.split('\n')[i] ? [] : [i]));
        expect(after.split('\n')).toHaveLength(body.split('\n').length);
        expect(changed).toEqual(box && box.checked !== checked ? [box.line] : []);
        expect(parseApprovalBoxes(after, NAMES)).toEqual(before.map((b) => (b.role === role ? { ...b, checked } : b)));
        expect(newlyTickedRoles(body, after, NAMES)).toEqual(box && checked && !box.checked ? [role] : []);
      }),
      { numRuns: 300 },
    );
  });

  it('ticking every role approves exactly when every role has a box', () => {
    fc.assert(
      fc.property(approvalBody, (body) => {
        const all = NAMES.reduce((b, role) => setApprovalChecked(b, role, true), body);
        const present = new Set(parseApprovalBoxes(body, NAMES).map((b) => b.role));
        expect(allApproved(all, NAMES)).toBe(NAMES.every((role) => present.has(role)));
      }),
      { numRuns: 200 },
    );
  });
});

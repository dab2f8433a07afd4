/**
 * Postmortem debts (issue 16, item 2): the priority token on action-item lines,
 * the `postmortems.action-items` policy, and the pure rule that turns overdue
 * items into a block of feature deploys. Time is always given, never read.
 */
import { describe, expect, it } from 'vitest';
import { parseActionItems, type ActionItem } from '../../src/core/postmortem/action-items.js';
import { applyDebtRule, overdueDebts, type ActionItemDebt } from '../../src/core/postmortem/debt-rule.js';
import { readMeta, renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { renderSummary } from '../../src/core/render/render-summary.js';
import { reportFor } from '../support/reports.js';

const item = (line: string): ActionItem => {
  const items = parseActionItems(`## Action items\n${line}\n`);
  expect(items).toHaveLength(1);
  return items[0] as ActionItem;
};

describe('action items: priority', () => {
  it('reads the first P0..P3 token in any position and case, out of the text', () => {
    expect(item('- [ ] P0 rotate the keys @alice due:2026-12-01')).toMatchObject({
      priority: 'P0',
      text: 'rotate the keys',
      owner: 'alice',
      due: '2026-12-01',
    });
    expect(item('- [ ] rotate the keys p2 @alice')).toMatchObject({ priority: 'P2', text: 'rotate the keys' });
    // Only the first counts; a second stays text, as a second `due:` does.
    expect(item('- [ ] P1 fix P0 alerts')).toMatchObject({ priority: 'P1', text: 'fix P0 alerts' });
  });

  it('keeps old lines: no priority, and P4 or P01 or a word containing P0 is text', () => {
    expect(item('- [ ] rotate the keys @alice due:2026-12-01 (#12)')).toMatchObject({ priority: null, issue: 12, text: 'rotate the keys' });
    expect(item('- [ ] P4 P01 SP0 later')).toMatchObject({ priority: null, text: 'P4 P01 SP0 later' });
  });

  it('keeps the key when a priority is added or changed, so no second issue opens', () => {
    const keys = ['- [ ] rotate the keys @alice', '- [ ] P0 rotate the keys @alice', '- [ ] rotate the keys P3 @alice'].map(
      (l) => item(l).key,
    );
    expect(new Set(keys).size).toBe(1);
  });

  it('round-trips through the hidden metadata; old metadata without it still reads', () => {
    const meta = { postmortem: 3, key: 'k-0', horizon: null, owner: 'alice', due: '2026-12-01', priority: 'P0' as const };
    expect(readMeta('action-item', renderMeta('action-item', meta))).toEqual(meta);
    const { priority: _priority, ...old } = meta;
    expect(readMeta('action-item', renderMeta('action-item', old))).toEqual(old);
    expect(readMeta('action-item', renderMeta('action-item', old).replace('"due"', '"priority":"P9","due"'))).toBeNull();
  });
});

describe('postmortems.action-items policy', () => {
  const resolve = (yaml: string) => resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({}));

  it('is off without a postmortems section, and defaults to [P0] with no grace with one', () => {
    expect(resolve('dr: { enabled: false }').actionItems).toBeNull();
    expect(resolve('postmortems: {}').actionItems).toEqual({ blockOnOverdue: ['P0'], graceMs: 0, advisory: false });
    expect(resolve('postmortems: { action-items: { block-on-overdue: [P0, P1], grace: 2d, enforcement: advisory } }').actionItems).toEqual({
      blockOnOverdue: ['P0', 'P1'],
      graceMs: 2 * 86_400_000,
      advisory: true,
    });
  });

  it('refuses an unknown priority or key, naming the field and the accepted values', () => {
    for (const [yaml, path] of [
      ['postmortems: { action-items: { block-on-overdue: [P5] } }', 'postmortems.action-items.block-on-overdue'],
      ['postmortems: { action-items: { grace: soon } }', 'postmortems.action-items.grace'],
      ['postmortems: { action-items: { block: [P0] } }', 'postmortems.action-items'],
    ] as const) {
      const error = (() => {
        try {
          parsePolicy(yaml);
        } catch (e: unknown) {
          return e;
        }
        throw new Error(`accepted ${yaml}`);
      })();
      expect(error).toBeInstanceOf(PolicyError);
      expect((error as PolicyError).message).toContain(path);
    }
  });
});

const debt = (over: Partial<ActionItemDebt> = {}): ActionItemDebt => ({
  issue: 12,
  postmortem: 3,
  priority: 'P0',
  owner: 'alice',
  due: '2026-12-01',
  ...over,
});
const rule = { blockOnOverdue: ['P0' as const], graceMs: 0, advisory: false };
const at = (iso: string) => new Date(iso);

describe('overdueDebts: the due day, the grace and the priorities', () => {
  it('blocks from the end of the due day (UTC), not during it', () => {
    expect(overdueDebts([debt()], rule, at('2026-12-01T23:59:59.999Z'))).toEqual([]);
    expect(overdueDebts([debt()], rule, at('2026-12-02T00:00:00Z'))).toEqual([debt()]);
  });

  it('adds the grace exactly', () => {
    const grace = { ...rule, graceMs: 2 * 86_400_000 };
    expect(overdueDebts([debt()], grace, at('2026-12-03T23:59:59.999Z'))).toEqual([]);
    expect(overdueDebts([debt()], grace, at('2026-12-04T00:00:00Z'))).toHaveLength(1);
  });

  it('counts only the blocking priorities, oldest due date first', () => {
    const items = [
      debt({ issue: 20, due: '2026-11-20' }),
      debt({ issue: 21, priority: 'P1', due: '2026-11-01' }),
      debt({ issue: 5, due: '2026-11-10' }),
    ];
    expect(overdueDebts(items, rule, at('2026-12-05T00:00:00Z')).map((d) => d.issue)).toEqual([5, 20]);
    expect(overdueDebts(items, { ...rule, blockOnOverdue: [] }, at('2026-12-05T00:00:00Z'))).toEqual([]);
  });
});

describe('applyDebtRule', () => {
  const feature = { name: 'feature', detail: 'no evidence names another class' };

  it('blocks a feature deploy the budget let through, at FREEZE, naming the item, its owner and due date', async () => {
    const report = await reportFor(100);
    const policy = resolvePolicy(parsePolicy('postmortems: {}'), gateInputsSchema.parse({}));
    expect(report.decision).toMatchObject({ canDeploy: true, status: 'NORMAL' });
    const out = applyDebtRule(report, [debt()], { ...policy, actionItems: rule }, feature);
    expect(out.decision).toMatchObject({ canDeploy: false, status: 'FREEZE', requiredOverride: 'freeze', requiredPermission: 'maintain' });
    expect(out.decision.reasons[0]).toContain('Overdue postmortem action item #12 (P0, postmortem #3, owner @alice, due 2026-12-01)');
    expect(out.findings.at(-1)).toMatchObject({ source: 'debt', rule: 'action-items', blocksClasses: ['feature'], status: 'FREEZE' });
  });

  it('lets every other class through, with a note', async () => {
    const report = await reportFor(100);
    const policy = resolvePolicy(parsePolicy('postmortems: {}'), gateInputsSchema.parse({}));
    const out = applyDebtRule(report, [debt()], { ...policy, actionItems: rule }, { name: 'rollback', detail: 'input' });
    expect(out.decision).toEqual(report.decision);
    expect(out.findings.at(-1)).toMatchObject({ source: 'debt', status: 'NORMAL' });
    expect(out.findings.at(-1)?.message).toContain('This is a rollback deploy');
  });

  it('only reports as would-have-blocked when advisory', async () => {
    const report = await reportFor(100);
    const policy = resolvePolicy(parsePolicy('postmortems: {}'), gateInputsSchema.parse({}));
    const out = applyDebtRule(report, [debt()], { ...policy, actionItems: { ...rule, advisory: true } }, feature);
    expect(out.decision.canDeploy).toBe(true);
    expect(out.decision.status).toBe('NORMAL');
    expect(out.decision.wouldHaveBlocked).toEqual([expect.objectContaining({ rule: 'action-items', status: 'FREEZE' })]);
    expect(out.findings.at(-1)?.enforcement).toBe('advisory');
  });

  it('caps a long owner and how many items it names; the summary renders the owner inert', async () => {
    const report = await reportFor(100);
    const policy = resolvePolicy(parsePolicy('postmortems: {}'), gateInputsSchema.parse({}));
    const hostile = `org/team](http://x) <b>${'x'.repeat(300)}`;
    const many = Array.from({ length: 8 }, (_, i) => debt({ issue: i + 1, owner: i === 0 ? hostile : 'bob' }));
    const out = applyDebtRule(report, many, { ...policy, actionItems: rule }, feature);
    const reason = out.decision.reasons[0]!;
    expect(reason).toContain('8 overdue postmortem action items: #1');
    expect(reason).toContain('and 3 more');
    expect(reason).not.toContain('x'.repeat(101));
    expect(renderSummary(out)).not.toMatch(/<b>|\]\(|@bob|@org/);
  });
});

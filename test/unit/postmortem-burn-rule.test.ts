import { describe, expect, it } from 'vitest';
import { incidentStart, planBurnIncidents, type KnownIncident } from '../../src/core/postmortem/burn-incident-plan.js';
import { judgeBurnRule, largestFigures, renderBurnRuleComment, type CandidateItem } from '../../src/core/postmortem/burn-rule.js';
import type { ActionItemMeta, BurnIncidentMeta } from '../../src/core/postmortem/issue-metadata.js';
import { postmortemsSchema, resolvePostmortemPolicy } from '../../src/core/postmortem/postmortem-policy.js';

const p0: ActionItemMeta = { postmortem: 7, key: 'k', horizon: 'short', owner: 'bob', due: '2027-01-31', priority: 'P0' };
const item = (meta: Partial<ActionItemMeta> | null, openedByApp = true, number = 20): CandidateItem => ({
  number,
  openedByApp,
  meta: meta === null ? null : { ...p0, ...meta },
});
const judge = (consumed: number, items: CandidateItem[], threshold: number | null = 20) =>
  judgeBurnRule({ postmortem: 7, threshold, figures: [{ slo: 'api', consumed }], items });

describe('the 20% rule', () => {
  it('applies only above the threshold, and not when off', () => {
    expect(judge(20, []).rule).toBe('not-applicable');
    expect(judge(20.01, []).rule).toBe('held');
    expect(judge(250, [], null).rule).toBe('not-applicable');
  });

  it("is satisfied only by the app's own P0 item of this postmortem with an owner and a due date, open or closed", () => {
    expect(judge(25, [item({})])).toEqual({ rule: 'satisfied', threshold: 20, over: [{ slo: 'api', consumed: 25 }], items: [20] });
    for (const bad of [
      item({}, false),
      item({ owner: null }),
      item({ due: null }),
      item({ priority: 'P1' }),
      item({ priority: null }),
      item({ postmortem: 8 }),
      item(null),
    ]) {
      expect(judge(25, [bad]).rule).toBe('held');
    }
  });

  it('takes the larger figure per SLO, so a lowered record does not lower it', () => {
    expect(
      largestFigures(
        [
          { slo: 'api', consumed: 0 },
          { slo: 'db', consumed: 30 },
        ],
        [
          { slo: 'api', consumed: 25 },
          { slo: 'db', consumed: 5 },
        ],
      ),
    ).toEqual([
      { slo: 'api', consumed: 25 },
      { slo: 'db', consumed: 30 },
    ]);
  });

  it('names the SLO, the consumption, the threshold and what to add, with SLO names inert', () => {
    const held = judgeBurnRule({ postmortem: 7, threshold: 20, figures: [{ slo: '@team <b>', consumed: 25.04 }], items: [] });
    if (held.rule !== 'held') throw new Error('expected held');
    const text = renderBurnRuleComment(held);
    expect(text).toMatch(/25\.0 pp/);
    expect(text).toMatch(/is 20 pp/);
    expect(text).toMatch(/P0 <text> @owner due:YYYY-MM-DD/);
    expect(text).not.toContain('@team');
    expect(text).not.toContain('<b>');
  });
});

describe('burn incidents', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const DAY = 86_400_000;
  const burn: BurnIncidentMeta = {
    slo: 'api',
    environment: 'production',
    consumed: 30,
    threshold: 20,
    from: '2026-11-28T09:00:00.000Z',
    to: '2026-11-29T09:00:00.000Z',
  };
  const plan = (incidents: KnownIncident[], consumed = 30) =>
    planBurnIncidents({ now, threshold: 20, withinMs: DAY, environment: 'production', figures: [{ slo: 'api', consumed }], incidents });

  it('opens one keyed by SLO, environment and day when nothing covers the burn', () => {
    expect(plan([])).toEqual([
      {
        key: 'incident-burn-production-api-2026-11-29',
        meta: { ...burn, from: '2026-11-28T12:00:00.000Z', to: '2026-11-29T12:00:00.000Z' },
      },
    ]);
    expect(plan([], 20)).toEqual([]);
  });

  it("opens none while an incident the app opened is open; someone else's does not count", () => {
    const open = { state: 'open', createdAt: '2026-11-01T00:00:00Z', burn: null } as const;
    expect(plan([{ ...open, openedByApp: true }])).toEqual([]);
    expect(plan([{ ...open, openedByApp: false }])).toHaveLength(1);
  });

  it('does not open the same burn again within the window after its incident closed', () => {
    const closed = { state: 'closed', openedByApp: true, burn } as const;
    expect(plan([{ ...closed, createdAt: new Date(now.getTime() - DAY + 1000).toISOString() }])).toEqual([]);
    expect(plan([{ ...closed, createdAt: new Date(now.getTime() - DAY).toISOString() }])).toHaveLength(1);
    expect(plan([{ ...closed, createdAt: now.toISOString(), burn: { ...burn, slo: 'db' } }])).toHaveLength(1);
  });

  it("starts a burn incident's window at the burn, never later than the issue's creation", () => {
    expect(incidentStart('2026-11-29T09:00:00Z', burn)).toBe(burn.from);
    expect(incidentStart('2026-11-29T09:00:00Z', { ...burn, from: '2026-11-30T00:00:00.000Z' })).toBe('2026-11-29T09:00:00Z');
    expect(incidentStart('2026-11-29T09:00:00Z', null)).toBe('2026-11-29T09:00:00Z');
  });
});

describe('policy keys', () => {
  it('defaults to 20 pp, and opens burn incidents only with a postmortems section', () => {
    expect(resolvePostmortemPolicy(undefined)).toMatchObject({ requireP0AbovePct: 20, burnIncidentWithinMs: null });
    expect(resolvePostmortemPolicy({})).toMatchObject({ requireP0AbovePct: 20, burnIncidentWithinMs: 86_400_000 });
    expect(resolvePostmortemPolicy({ 'require-p0-above': 150, 'burn-incident-within': '6h' })).toMatchObject({
      requireP0AbovePct: 150,
      burnIncidentWithinMs: 6 * 3_600_000,
    });
    expect(resolvePostmortemPolicy({ 'require-p0-above': 'off' })).toMatchObject({ requireP0AbovePct: null, burnIncidentWithinMs: null });
    expect(resolvePostmortemPolicy({ 'burn-incident-within': 'off' })).toMatchObject({ requireP0AbovePct: 20, burnIncidentWithinMs: null });
  });

  it('refuses a threshold that is not a positive number or off, and a window that is not a duration', () => {
    expect(postmortemsSchema.safeParse({ 'require-p0-above': 0 }).success).toBe(false);
    expect(postmortemsSchema.safeParse({ 'require-p0-above': '20%' }).success).toBe(false);
    expect(postmortemsSchema.safeParse({ 'burn-incident-within': 'a day' }).success).toBe(false);
  });

  it('says what a threshold must be, in one wording for every wrong value', () => {
    for (const value of [0, -5, '20%', 'twenty', 20_000]) {
      const parsed = postmortemsSchema.safeParse({ 'require-p0-above': value });
      expect(parsed.error?.issues.map((i) => i.message)).toEqual([
        "expected percentage points of an SLO's error budget, a number above 0 and at most 10000 (e.g. 20), or off",
      ]);
    }
  });
});

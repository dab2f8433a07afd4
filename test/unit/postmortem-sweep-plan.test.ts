import { describe, expect, it } from 'vitest';
import { resolvePostmortemPolicy } from '../../src/core/postmortem/postmortem-policy.js';
import {
  lastReminderDateIn,
  planSweep,
  reminderMarker,
  type ActionItemIssue,
  type IncidentIssue,
  type PostmortemIssue,
} from '../../src/core/postmortem/sweep-plan.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const policy = resolvePostmortemPolicy(undefined);

function item(number: number, over: Partial<ActionItemIssue> & { due?: string | null; owner?: string | null } = {}): ActionItemIssue {
  const { due = '2026-11-20', owner = 'alice', ...rest } = over;
  return {
    number,
    title: `Item ${number}`,
    state: 'open',
    createdAt: '2026-11-01T09:00:00Z',
    closedAt: null,
    stateReason: null,
    labels: ['action-item'],
    assignees: owner ? [owner] : [],
    meta: { postmortem: 5, key: `item-${number}`, horizon: 'short', owner, due },
    lastReminderDate: null,
    ...rest,
  };
}

function postmortem(
  number: number,
  over: Partial<PostmortemIssue> & { endedAt?: string | null; incident?: number | null } = {},
): PostmortemIssue {
  const { endedAt = '2026-11-17T12:00:00Z', incident = 1, ...rest } = over;
  return {
    number,
    title: `Postmortem ${number}`,
    state: 'open',
    createdAt: '2026-11-17T13:00:00Z',
    closedAt: null,
    stateReason: null,
    labels: ['postmortem'],
    meta: { incident, severity: 'sev1', author: 'alice', startedAt: null, endedAt },
    lastReminderDate: null,
    ...rest,
  };
}

const sweep = (input: {
  actionItems?: ActionItemIssue[];
  postmortems?: PostmortemIssue[];
  incidents?: IncidentIssue[];
  now?: Date;
  policy?: typeof policy;
}) => planSweep({ now: NOW, policy, incidents: [], postmortems: [], actionItems: [], ...input });

describe('planSweep: action items', () => {
  it('labels and reminds an overdue item, mentioning its owner, with the days counted in UTC dates', () => {
    expect(sweep({ actionItems: [item(10, { due: '2026-11-20' })] })).toEqual([
      { kind: 'label-overdue', issue: 10 },
      { kind: 'remind-overdue', issue: 10, owner: 'alice', due: '2026-11-20', daysOverdue: 5 },
    ]);
  });

  it('does nothing for an item due today, or later, or without a due date', () => {
    expect(sweep({ actionItems: [item(10, { due: '2026-11-25' }), item(11, { due: '2026-12-01' }), item(12, { due: null })] })).toEqual([]);
  });

  it('counts "today" in UTC: just before midnight UTC an item due that day is still not overdue', () => {
    const late = new Date('2026-11-25T23:59:59.999Z');
    expect(sweep({ now: late, actionItems: [item(10, { due: '2026-11-25' })] })).toEqual([]);
    expect(sweep({ now: new Date('2026-11-26T00:00:00Z'), actionItems: [item(10, { due: '2026-11-25' })] })).toEqual([
      { kind: 'label-overdue', issue: 10 },
      { kind: 'remind-overdue', issue: 10, owner: 'alice', due: '2026-11-25', daysOverdue: 1 },
    ]);
  });

  it('reminds at most once per UTC day, and again the next day', () => {
    const remindedToday = item(10, { labels: ['action-item', 'overdue'], lastReminderDate: '2026-11-25' });
    expect(sweep({ actionItems: [remindedToday] })).toEqual([]);
    const remindedYesterday = item(10, { labels: ['action-item', 'overdue'], lastReminderDate: '2026-11-24' });
    expect(sweep({ actionItems: [remindedYesterday] })).toEqual([
      { kind: 'remind-overdue', issue: 10, owner: 'alice', due: '2026-11-20', daysOverdue: 5 },
    ]);
  });

  it('adds the label even when the reminder was already posted today (the label was removed by hand)', () => {
    expect(sweep({ actionItems: [item(10, { lastReminderDate: '2026-11-25' })] })).toEqual([{ kind: 'label-overdue', issue: 10 }]);
  });

  it('removes the label from a closed item and from one whose due date moved', () => {
    const closed = item(10, {
      state: 'closed',
      closedAt: '2026-11-24T10:00:00Z',
      stateReason: 'completed',
      labels: ['action-item', 'overdue'],
    });
    const moved = item(11, { due: '2026-12-15', labels: ['action-item', 'overdue'] });
    const closedUnlabelled = item(12, { state: 'closed', closedAt: '2026-11-24T10:00:00Z', stateReason: 'completed' });
    expect(sweep({ actionItems: [moved, closed, closedUnlabelled] })).toEqual([
      { kind: 'unlabel-overdue', issue: 10 },
      { kind: 'unlabel-overdue', issue: 11 },
    ]);
  });

  it('falls back to the first assignee as owner, and reminds an unowned item without a mention', () => {
    const assigned = item(10, { owner: null, assignees: ['bob', 'carol'] });
    const unowned = item(11, { owner: null });
    const actions = sweep({ actionItems: [assigned, unowned] }).filter((a) => a.kind === 'remind-overdue');
    expect(actions.map((a) => a.owner)).toEqual(['bob', null]);
  });

  it('leaves an item without a marker alone (no due date is known)', () => {
    expect(sweep({ actionItems: [item(10, { meta: null, labels: ['action-item'] })] })).toEqual([]);
  });
});

describe('planSweep: unpublished postmortems', () => {
  it('reminds once the incident ended publishReminderAfterMs ago (7 days by default), not a millisecond earlier', () => {
    const exactly = postmortem(20, { endedAt: '2026-11-18T12:00:00Z' });
    const almost = postmortem(21, { endedAt: '2026-11-18T12:00:00.001Z' });
    expect(sweep({ postmortems: [exactly, almost] })).toEqual([
      { kind: 'remind-unpublished', issue: 20, incidentEndedAt: '2026-11-18T12:00:00Z', days: 7, author: 'alice' },
    ]);
  });

  it("follows the policy's publish-reminder-after", () => {
    const threeDays = resolvePostmortemPolicy({ 'publish-reminder-after': '3d' });
    expect(sweep({ policy: threeDays, postmortems: [postmortem(20, { endedAt: '2026-11-22T00:00:00Z' })] })).toEqual([
      { kind: 'remind-unpublished', issue: 20, incidentEndedAt: '2026-11-22T00:00:00Z', days: 3, author: 'alice' },
    ]);
  });

  it('takes the incident end from the incident issue when the marker has none', () => {
    const incident: IncidentIssue = {
      number: 1,
      title: 'Checkout down',
      state: 'closed',
      createdAt: '2026-11-10T08:00:00Z',
      closedAt: '2026-11-10T10:00:00Z',
      stateReason: 'completed',
      labels: ['incident', 'sev1'],
    };
    expect(sweep({ incidents: [incident], postmortems: [postmortem(20, { endedAt: null, incident: 1 })] })).toEqual([
      { kind: 'remind-unpublished', issue: 20, incidentEndedAt: '2026-11-10T10:00:00Z', days: 15, author: 'alice' },
    ]);
    // Still unknown (no incident issue, no endedAt): nothing to measure against.
    expect(sweep({ postmortems: [postmortem(20, { endedAt: null, incident: 1 })] })).toEqual([]);
  });

  it('skips published, closed and already-reminded-today postmortems', () => {
    expect(
      sweep({
        postmortems: [
          postmortem(20, { labels: ['postmortem', 'published'] }),
          postmortem(21, { state: 'closed', closedAt: '2026-11-20T00:00:00Z' }),
          postmortem(22, { lastReminderDate: '2026-11-25' }),
          postmortem(23, { lastReminderDate: '2026-11-24' }),
        ],
      }),
    ).toEqual([{ kind: 'remind-unpublished', issue: 23, incidentEndedAt: '2026-11-17T12:00:00Z', days: 8, author: 'alice' }]);
  });
});

describe('reminder markers', () => {
  it('reads back the latest date written, ignoring text without the marker', () => {
    const bodies = [
      `Reminder\n\n${reminderMarker('2026-11-23')}`,
      'deploy-governor:reminder date=2026-11-30 (not a marker)',
      null,
      `${reminderMarker('2026-11-24')}`,
    ];
    expect(lastReminderDateIn(bodies)).toBe('2026-11-24');
    expect(lastReminderDateIn(['no marker', undefined])).toBeNull();
  });
});
